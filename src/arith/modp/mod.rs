//! Arithmetic in prime fields `F_p` with `p < 2^63`, polynomials over `F_p` and dense
//! linear algebra over `F_p`: the exact modular engine of Dixon–Schneider
//! ([`crate::character`]).
//!
//! Elements are plain `u64` residues in `0..p`; a [`PrimeField`] carries the modulus and
//! does the reductions. Products use `u64` arithmetic when `p < 2^32` (the common case in
//! Dixon–Schneider, where `p` is a little larger than `2 sqrt|G|` and `≡ 1 mod e`) and
//! `u128` otherwise (the verification primes `q > |G|(|G|+1)`).
//!
//! Everything here is deterministic: root finding uses the fixed shifts `a = 1, 2, 3, ...`
//! in `gcd(f, (x + a)^((p-1)/2) - 1)` instead of random ones.
//!
//! References: H. Cohen, *A Course in Computational Algebraic Number Theory* (1993),
//! §1.4 (Miller–Rabin), §2.2 (Hessenberg characteristic polynomial), §3.4
//! (Cantor–Zassenhaus root finding); J. von zur Gathen, J. Gerhard, *Modern Computer
//! Algebra* (2013), ch. 14.

mod field;
pub use field::PrimeField;

pub use super::ntheory::{is_prime, prime_factors};

/// The smallest prime `p ≡ 1 (mod e)` with `p > lower` (and `p >= 3`). Panics if no such
/// prime is below `2^63` (never for the sizes plrep handles).
///
/// Dirichlet's theorem guarantees existence; in practice the search takes a handful of
/// Miller–Rabin tests.
///
/// # Example
/// ```
/// use plrep::arith::modp::prime_congruent_one;
/// assert_eq!(prime_congruent_one(12, 100), 109);
/// ```
pub fn prime_congruent_one(e: u64, lower: u64) -> u64 {
    assert!(e >= 1);
    let lower = lower.max(2);
    // First candidate 1 + t*e > lower.
    let mut t = lower / e;
    loop {
        let c = 1 + t * e;
        assert!(
            c < (1 << 63),
            "no prime = 1 mod {e} above {lower} below 2^63"
        );
        if c > lower && c >= 3 && is_prime(c) {
            return c;
        }
        t += 1;
    }
}

// ---------------------------------------------------------------------------------------
// Polynomials over F_p: coefficient vectors, lowest degree first, no trailing zeros
// (the zero polynomial is the empty vector).
// ---------------------------------------------------------------------------------------

/// Polynomials over a prime field as coefficient vectors (lowest degree first, trimmed:
/// the zero polynomial is empty).
pub mod poly;

// ---------------------------------------------------------------------------------------
// Dense linear algebra over F_p. Matrices are row-major `Vec<Vec<u64>>`.
// ---------------------------------------------------------------------------------------

/// Dense matrices over a prime field, row-major `Vec<Vec<u64>>`.
pub mod linalg;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primes_and_roots_of_unity() {
        assert!(is_prime(2) && is_prime(3) && is_prime(97) && !is_prime(91) && !is_prime(1));
        assert!(is_prime((1 << 61) - 1));
        assert!(!is_prime(3_825_123_056_546_413_051));
        let p = prime_congruent_one(2520, 1000);
        assert_eq!(p % 2520, 1);
        let k = PrimeField::new(p);
        let z = k.root_of_unity(2520);
        assert_eq!(k.pow(z, 2520), 1);
        for r in [2, 3, 5, 7] {
            assert_ne!(k.pow(z, 2520 / r), 1);
        }
    }

    #[test]
    fn field_laws_small() {
        let k = PrimeField::new(31);
        for a in 0..31 {
            for b in 0..31 {
                assert_eq!(k.add(a, b), (a + b) % 31);
                assert_eq!(k.sub(k.add(a, b), b), a);
                assert_eq!(k.mul(a, b), a * b % 31);
                if b != 0 {
                    assert_eq!(k.mul(k.mul(a, b), k.inv(b)), a);
                }
            }
            if let Some(r) = k.sqrt(a) {
                assert_eq!(k.mul(r, r), a);
            }
        }
        let big = PrimeField::new((1 << 61) - 1);
        let a = 123_456_789_012_345_678u64;
        assert_eq!(big.mul(a, big.inv(a)), 1);
        assert_eq!(big.pow(a, big.p() - 1), 1);
    }

    #[test]
    fn roots_match_brute_force() {
        for p in [3u64, 5, 7, 11, 13, 17] {
            let k = PrimeField::new(p);
            // all monic polynomials of degree <= 3
            for d in 1..=3usize {
                let count = p.pow(d as u32);
                for code in 0..count {
                    let mut f: Vec<u64> = (0..d).map(|i| (code / p.pow(i as u32)) % p).collect();
                    f.push(1);
                    let brute: Vec<u64> = (0..p).filter(|&x| poly::eval(&k, &f, x) == 0).collect();
                    assert_eq!(poly::roots(&k, &f), brute, "p={p} f={f:?}");
                }
            }
        }
    }

    #[test]
    fn charpoly_and_nullspace() {
        let k = PrimeField::new(101);
        let a = vec![vec![2, 1, 0], vec![0, 2, 0], vec![0, 0, 3]];
        // (x-2)^2 (x-3) = x^3 - 7x^2 + 16x - 12
        assert_eq!(
            linalg::charpoly(&k, &a),
            vec![k.from_i64(-12), 16, k.from_i64(-7), 1]
        );
        let b = vec![
            vec![1, 2, 3, 4],
            vec![5, 6, 7, 8],
            vec![9, 10, 11, 13],
            vec![0, 1, 0, 1],
        ];
        // compare with the determinant expansion at a few points
        let cp = linalg::charpoly(&k, &b);
        for x in 0..10u64 {
            let m: Vec<Vec<u64>> = (0..4)
                .map(|i| {
                    (0..4)
                        .map(|j| k.sub(if i == j { x } else { 0 }, b[i][j]))
                        .collect()
                })
                .collect();
            assert_eq!(poly::eval(&k, &cp, x), det(&k, m));
        }
        let ns = linalg::nullspace(&k, &[vec![1, 1, 1, 1], vec![0, 1, 2, 3]], 4);
        assert_eq!(ns.len(), 2);
        for v in &ns {
            assert_eq!(linalg::dot(&k, v, &[1, 1, 1, 1]), 0);
            assert_eq!(linalg::dot(&k, v, &[0, 1, 2, 3]), 0);
        }
    }

    fn det(k: &PrimeField, mut m: Vec<Vec<u64>>) -> u64 {
        let n = m.len();
        let mut d = 1;
        for c in 0..n {
            let Some(r) = (c..n).find(|&r| m[r][c] != 0) else {
                return 0;
            };
            if r != c {
                m.swap(r, c);
                d = k.neg(d);
            }
            d = k.mul(d, m[c][c]);
            let inv = k.inv(m[c][c]);
            for i in c + 1..n {
                let f = k.mul(m[i][c], inv);
                for j in c..n {
                    m[i][j] = k.sub(m[i][j], k.mul(f, m[c][j]));
                }
            }
        }
        d
    }
}
