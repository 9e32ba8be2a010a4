//! Number theory written once (`plrep::arith::ntheory`), against naive versions:
//! exhaustive on small inputs, then random ones.

use plrep::arith::ntheory::{factor, gcd, is_prime, is_prime_power, lcm, pow_mod, prime_factors};
use proptest::prelude::*;

fn naive_gcd(a: u64, b: u64) -> u64 {
    (1..=a.max(b))
        .rev()
        .find(|d| a % d == 0 && b % d == 0)
        .unwrap_or(0)
}

fn naive_is_prime(n: u64) -> bool {
    n >= 2 && (2..n).take_while(|d| d * d <= n).all(|d| n % d != 0)
}

fn naive_pow_mod(b: u64, e: u64, m: u64) -> u64 {
    let mut r = 1 % m as u128;
    for _ in 0..e {
        r = r * (b as u128 % m as u128) % m as u128;
    }
    r as u64
}

#[test]
fn exhaustive_small() {
    for a in 0..60u64 {
        for b in 0..60u64 {
            assert_eq!(gcd(a, b), naive_gcd(a, b), "gcd({a},{b})");
            let l = lcm(a, b).unwrap();
            if a > 0 && b > 0 {
                assert!(l % a == 0 && l % b == 0 && (1..l).all(|m| m % a != 0 || m % b != 0));
            } else {
                assert_eq!(l, 0);
            }
        }
    }
    for n in 0..5000u64 {
        assert_eq!(is_prime(n), naive_is_prime(n), "is_prime({n})");
    }
    for n in 1..5000u64 {
        let f = factor(n);
        assert_eq!(f.iter().map(|&(p, e)| p.pow(e)).product::<u64>(), n);
        assert!(f.iter().all(|&(p, _)| naive_is_prime(p)));
        assert!(f.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(prime_factors(n), f.iter().map(|x| x.0).collect::<Vec<_>>());
        let naive_pp =
            (2..=n).any(|p| naive_is_prime(p) && (1..13).any(|e| p.checked_pow(e) == Some(n)));
        assert_eq!(is_prime_power(n), naive_pp, "is_prime_power({n})");
    }
}

#[test]
fn known_hard_cases() {
    // Strong pseudoprimes to small bases and primes near the top of u64.
    for n in [
        3_215_031_751u64,
        2_152_302_898_747,
        3_474_749_660_383,
        341_550_071_728_321,
    ] {
        assert!(!is_prime(n), "{n}");
    }
    assert!(is_prime(18_446_744_073_709_551_557)); // the largest prime below 2^64
    assert!(!is_prime(u64::MAX));
    assert_eq!(
        factor(u64::MAX),
        vec![
            (3, 1),
            (5, 1),
            (17, 1),
            (257, 1),
            (641, 1),
            (65537, 1),
            (6_700_417, 1)
        ]
    );
    assert_eq!(lcm(u64::MAX, 2), None);
}

proptest! {
    #[test]
    fn random_against_naive(a in 1u64..1_000_000, b in 1u64..1_000_000, e in 0u64..200, m in 1u64..100_000) {
        let g = gcd(a, b);
        prop_assert!(a % g == 0 && b % g == 0 && gcd(a / g, b / g) == 1);
        prop_assert_eq!(lcm(a, b), Some(a / g * b));
        prop_assert_eq!(pow_mod(a, e, m), naive_pow_mod(a, e, m));
        let f = factor(a);
        prop_assert_eq!(f.iter().map(|&(p, e)| p.pow(e)).product::<u64>(), a);
        prop_assert!(f.iter().all(|&(p, _)| naive_is_prime(p)));
        prop_assert_eq!(is_prime(a), naive_is_prime(a));
    }
}
