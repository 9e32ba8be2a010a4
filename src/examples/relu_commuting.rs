//! Matrices commuting with ReLU are positive monomial (why permutation modules).

use super::support::{mat_text, relu_q, vec_text, Lcg, Mat};
use super::ExampleOutput;
use crate::arith::Q;
use crate::group::Limits;
use crate::Result;

pub(super) fn relu_commuting(_: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(
        "Claim: A in GL_n(R) satisfies A ReLU(x) = ReLU(A x) for all x iff A is positive monomial",
    );
    o.line("(a permutation matrix times a positive diagonal matrix). Proof of 'only if': x = e_j forces");
    o.line("A >= 0 entrywise; x = e_i - e_j then forces at most one nonzero entry per row.");
    o.line("");
    let mut rng = Lcg(11);
    o.line("Positive monomial matrices (checked on 20 random rational vectors each):");
    let mut monomial_ok = 0;
    for (t, n) in [2usize, 3, 4, 5].into_iter().enumerate() {
        // sigma: a rotation of the coordinates by t+1 composed with a reversal when t is odd.
        let perm: Vec<usize> = (0..n)
            .map(|i| {
                if t % 2 == 1 {
                    (n - 1 - i + t) % n
                } else {
                    (i + t + 1) % n
                }
            })
            .collect();
        let a: Mat = (0..n)
            .map(|i| {
                (0..n)
                    .map(|j| {
                        if perm[i] == j {
                            rng.positive()
                        } else {
                            Q::zero()
                        }
                    })
                    .collect()
            })
            .collect();
        let ok = (0..20).all(|_| {
            let x: Vec<Q> = (0..n).map(|_| rng.q()).collect();
            commutes_at(&a, &x)
        });
        o.line(format!(
            "  A = {}  positive monomial: {}  commutes on all samples: {ok}",
            mat_text(&a),
            is_positive_monomial(&a)
        ));
        monomial_ok += ok as i64;
    }
    o.put_int("monomial_commuting", monomial_ok);
    o.line("");
    o.line("Other matrices: the first test vector among e_j, e_i - e_j where commuting fails:");
    let q = |n: i64, d: i64| Q::new(n, d);
    let samples: Vec<(&str, Mat)> = vec![
        (
            "rotation (3/5, 4/5)",
            vec![vec![q(3, 5), q(-4, 5)], vec![q(4, 5), q(3, 5)]],
        ),
        (
            "negative entry",
            vec![vec![q(1, 1), q(0, 1)], vec![q(0, 1), q(-1, 1)]],
        ),
        (
            "positive, not monomial",
            vec![vec![q(1, 1), q(1, 1)], vec![q(0, 1), q(1, 1)]],
        ),
        (
            "positive 3x3, not monomial",
            vec![
                vec![q(2, 1), q(0, 1), q(0, 1)],
                vec![q(0, 1), q(1, 1), q(1, 2)],
                vec![q(0, 1), q(0, 1), q(1, 1)],
            ],
        ),
    ];
    let mut failures = 0;
    for (name, a) in &samples {
        let n = a.len();
        let mut tests: Vec<(String, Vec<Q>)> = Vec::new();
        for j in 0..n {
            tests.push((
                format!("e_{}", j + 1),
                (0..n)
                    .map(|k| if k == j { Q::one() } else { Q::zero() })
                    .collect(),
            ));
        }
        for i in 0..n {
            for j in 0..n {
                if i != j {
                    let x = (0..n)
                        .map(|k| {
                            if k == i {
                                Q::one()
                            } else if k == j {
                                Q::from_int(-1)
                            } else {
                                Q::zero()
                            }
                        })
                        .collect();
                    tests.push((format!("e_{} - e_{}", i + 1, j + 1), x));
                }
            }
        }
        match tests.iter().find(|(_, x)| !commutes_at(a, x)) {
            Some((label, x)) => {
                failures += 1;
                o.line(format!(
                    "  {name}: A = {}  fails at x = {label}: A ReLU(x) = {}, ReLU(A x) = {}",
                    mat_text(a),
                    vec_text(&mat_vec(a, &relu_vec(x))),
                    vec_text(&relu_vec(&mat_vec(a, x)))
                ));
            }
            None => o.line(format!(
                "  {name}: A = {}  commutes on every test vector",
                mat_text(a)
            )),
        }
    }
    o.put_int("non_monomial_failures", failures);
    o.put_int("non_monomial_samples", samples.len() as i64);
    Ok(o)
}

fn mat_vec(a: &Mat, x: &[Q]) -> Vec<Q> {
    a.iter()
        .map(|row| {
            row.iter()
                .zip(x)
                .fold(Q::zero(), |acc, (r, v)| &acc + &(r * v))
        })
        .collect()
}

fn relu_vec(x: &[Q]) -> Vec<Q> {
    x.iter().map(relu_q).collect()
}

fn commutes_at(a: &Mat, x: &[Q]) -> bool {
    mat_vec(a, &relu_vec(x)) == relu_vec(&mat_vec(a, x))
}

fn is_positive_monomial(a: &Mat) -> bool {
    let rows_ok = a.iter().all(|r| {
        r.iter().filter(|q| !q.is_zero()).count() == 1 && r.iter().all(|q| q.signum() >= 0)
    });
    let cols_ok = (0..a.len()).all(|j| a.iter().filter(|r| !r[j].is_zero()).count() == 1);
    rows_ok && cols_ok
}
