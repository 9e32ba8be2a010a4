//! C2: homogeneous PL maps between the trivial and sign representations, by a linear
//! system over `Q`.

use super::support::{mat_text, Mat};
use super::ExampleOutput;
use crate::arith::Q;
use crate::group::Limits;
use crate::Result;

pub(super) fn c2_pl_hom(_: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line("Claim: positively homogeneous PL maps f: R -> R between the C2-representations triv (g x = x)");
    o.line(
        "and sign (g x = -x): triv->triv span {x, ReLU} (dim 2), sign->sign only linear (dim 1),",
    );
    o.line("sign->triv span {|x|} (dim 1), triv->sign none (dim 0).");
    o.line(
        "Method: such f is f(x) = a ReLU(x) + b ReLU(-x), determined by (f(1), f(-1)) = (a, b).",
    );
    o.line("Equivariance f(g x) = g f(x) at x = 1 and x = -1 is a linear system over Q in (a, b);");
    o.line("the dimension is 2 - rank.");
    o.line("");
    for (sname, s) in [("triv", 1i64), ("sign", -1)] {
        for (tname, t) in [("triv", 1i64), ("sign", -1)] {
            // Rows: f(s x) - t f(x) = 0 for x = 1 (index 0) and x = -1 (index 1).
            let mut rows: Mat = Vec::new();
            for x in [0usize, 1] {
                let sx = if s == 1 { x } else { 1 - x };
                let mut row = vec![Q::zero(), Q::zero()];
                row[sx] = &row[sx] + &Q::one();
                row[x] = &row[x] - &Q::from_int(t);
                rows.push(row);
            }
            let dim = 2 - rank(rows.clone());
            // Name the solution space by the basis maps that satisfy the system.
            let named: Vec<&str> = [
                ("x", [1i64, -1]),
                ("ReLU(x)", [1, 0]),
                ("ReLU(-x)", [0, 1]),
                ("|x|", [1, 1]),
            ]
            .iter()
            .filter(|(_, ab)| {
                rows.iter().all(|r| {
                    (&(&r[0] * &Q::from_int(ab[0])) + &(&r[1] * &Q::from_int(ab[1]))).is_zero()
                })
            })
            .map(|(n, _)| *n)
            .collect();
            o.line(format!(
                "  {sname} -> {tname}: equations {}  rank {}  dim {dim}  equivariant among x, ReLU(x), ReLU(-x), |x|: {}",
                mat_text(&rows),
                2 - dim,
                if named.is_empty() { "none".to_string() } else { named.join(", ") }
            ));
            o.put_int(format!("{sname}_{tname}"), dim as i64);
        }
    }
    Ok(o)
}

fn rank(mut m: Mat) -> usize {
    let cols = m.first().map_or(0, |r| r.len());
    let mut r = 0;
    for c in 0..cols {
        let Some(p) = (r..m.len()).find(|&i| !m[i][c].is_zero()) else {
            continue;
        };
        m.swap(r, p);
        let inv = m[r][c].inv();
        let pivot: Vec<Q> = m[r].iter().map(|v| v * &inv).collect();
        for (i, row) in m.iter_mut().enumerate() {
            if i != r && !row[c].is_zero() {
                let f = row[c].clone();
                for (x, pv) in row.iter_mut().zip(&pivot) {
                    *x = &*x - &(&f * pv);
                }
            }
        }
        m[r] = pivot;
        r += 1;
    }
    r
}
