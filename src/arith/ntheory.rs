//! Elementary number theory on machine integers, written once: gcd and lcm, modular
//! multiplication and powers, deterministic primality, factorisation by trial division,
//! prime powers.
//!
//! Every function here is exact for its whole input type and is tested against a naive
//! version (`tests/it/ntheory.rs`). The gcd is `num-integer`'s (binary Stein), which
//! already does the job.

/// `gcd(a, b)` (`gcd(0, 0) = 0`).
///
/// ```
/// assert_eq!(plrep::arith::ntheory::gcd(12, 18), 6);
/// ```
#[inline]
pub fn gcd<T: num_integer::Integer + Copy>(a: T, b: T) -> T {
    num_integer::Integer::gcd(&a, &b)
}

/// `lcm(a, b)`, `None` when it overflows `u64` (`lcm(0, b) = 0`).
///
/// ```
/// assert_eq!(plrep::arith::ntheory::lcm(4, 6), Some(12));
/// assert_eq!(plrep::arith::ntheory::lcm(u64::MAX, 2), None);
/// ```
pub fn lcm(a: u64, b: u64) -> Option<u64> {
    if a == 0 || b == 0 {
        return Some(0);
    }
    (a / gcd(a, b)).checked_mul(b)
}

/// `(a * b) mod m` without overflow (`m >= 1`).
#[inline]
pub fn mul_mod(a: u64, b: u64, m: u64) -> u64 {
    ((a as u128 * b as u128) % m as u128) as u64
}

/// `b^e mod m` by binary powering (`m >= 1`; `0^0 = 1`). `O(log e)` multiplications.
///
/// ```
/// assert_eq!(plrep::arith::ntheory::pow_mod(3, 200, 1_000_000_007), 136_318_165);
/// ```
pub fn pow_mod(mut b: u64, mut e: u64, m: u64) -> u64 {
    let mut r = 1 % m;
    b %= m;
    while e > 0 {
        if e & 1 == 1 {
            r = mul_mod(r, b, m);
        }
        b = mul_mod(b, b, m);
        e >>= 1;
    }
    r
}

/// `a^-1 mod m` by the extended Euclidean algorithm, or `None` when `gcd(a, m) != 1`
/// (`m >= 1`; modulo 1 the inverse is 0). `O(log m)`.
///
/// ```
/// use plrep::arith::ntheory::inv_mod;
/// assert_eq!(inv_mod(3, 10), Some(7));
/// assert_eq!(inv_mod(4, 10), None);
/// ```
pub fn inv_mod(a: u64, m: u64) -> Option<u64> {
    if m == 1 {
        return Some(0);
    }
    let (mut r0, mut r1) = (m as i128, (a % m) as i128);
    let (mut t0, mut t1) = (0i128, 1i128);
    while r1 != 0 {
        let q = r0 / r1;
        (r0, r1) = (r1, r0 - q * r1);
        (t0, t1) = (t1, t0 - q * t1);
    }
    (r0 == 1).then(|| t0.rem_euclid(m as i128) as u64)
}

/// Deterministic primality test for every `u64`: Miller–Rabin with the first twelve prime
/// bases, which is exact below `3.3 * 10^24` (Sorenson and Webster, *Strong pseudoprimes
/// to twelve prime bases*, Math. Comp. 86 (2017)). `O(log^3 n)`.
///
/// ```
/// use plrep::arith::ntheory::is_prime;
/// assert!(is_prime(1_000_000_007));
/// assert!(!is_prime(3_215_031_751)); // a strong pseudoprime to the bases 2, 3, 5, 7
/// ```
pub fn is_prime(n: u64) -> bool {
    const BASES: [u64; 12] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];
    if n < 2 {
        return false;
    }
    for &b in &BASES {
        if n % b == 0 {
            return n == b;
        }
    }
    let (mut d, mut s) = (n - 1, 0);
    while d % 2 == 0 {
        d /= 2;
        s += 1;
    }
    'bases: for &a in &BASES {
        let mut x = pow_mod(a, d, n);
        if x == 1 || x == n - 1 {
            continue;
        }
        for _ in 1..s {
            x = mul_mod(x, x, n);
            if x == n - 1 {
                continue 'bases;
            }
        }
        return false;
    }
    true
}

/// The prime factorisation `[(p, e)]` of `n >= 1`, primes ascending, by trial division:
/// `O(sqrt(p_2))` where `p_2` is the second largest prime factor (the loop stops once
/// the cofactor is prime). `factor(1)` is empty.
///
/// ```
/// assert_eq!(plrep::arith::ntheory::factor(360), vec![(2, 3), (3, 2), (5, 1)]);
/// ```
pub fn factor(mut n: u64) -> Vec<(u64, u32)> {
    let mut out = Vec::new();
    let mut p = 2u64;
    while p.saturating_mul(p) <= n {
        if is_prime(n) {
            break;
        }
        if n % p == 0 {
            let mut e = 0;
            while n % p == 0 {
                n /= p;
                e += 1;
            }
            out.push((p, e));
        }
        p += if p == 2 { 1 } else { 2 };
    }
    if n > 1 {
        out.push((n, 1));
    }
    out
}

/// The distinct prime factors of `n`, ascending (see [`factor`]).
///
/// ```
/// assert_eq!(plrep::arith::ntheory::prime_factors(360), vec![2, 3, 5]);
/// ```
pub fn prime_factors(n: u64) -> Vec<u64> {
    factor(n).into_iter().map(|(p, _)| p).collect()
}

/// Whether `n = p^e` for a prime `p` and `e >= 1`.
///
/// ```
/// use plrep::arith::ntheory::is_prime_power;
/// assert!(is_prime_power(27) && is_prime_power(2) && !is_prime_power(12) && !is_prime_power(1));
/// ```
pub fn is_prime_power(n: u64) -> bool {
    factor(n).len() == 1
}
