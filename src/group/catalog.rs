//! The catalog of named groups: families (`C<n>`, `D<2n>`, `Q<4n>`, `S<n>`, `A<n>`,
//! `PSL(2,p)`), direct products `AxB`, named groups kept in `data/groups/`, and the
//! SmallGroups library up to order 100 ([`crate::group::smallgroups`]).
//!
//! The named groups are JSON files embedded in the library with `include_str!` (the
//! library does no I/O); each carries its provenance (see `data/PROVENANCE.md`).
//!
//! Names are case-sensitive. Dihedral groups are named by their **order** (`D8` is the
//! symmetry group of the square), as in GAP and in the paper.
//!
//! ```
//! use plrep::group::catalog::lookup;
//! let g = lookup("C2xS3").unwrap();
//! assert_eq!(g.degree(), 5);
//! assert_eq!(g.name(), Some("C2xS3"));
//! ```
//!
//! Size: one concept, a name to its generators: the grammar of names and the family
//! constructors it dispatches to are read together; the named groups' data lives in
//! `data/groups/`.

use crate::arith::ntheory::is_prime;
use crate::error::{Error, Result};
use crate::group::limits::Limits;
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use crate::group::stabchain::StabChain;
use num_bigint::BigUint;
use serde::Deserialize;

/// Largest degree a catalog family may be built on. A typo like `C100000000000` should be
/// an error, not an attempt to allocate terabytes.
pub const MAX_CATALOG_DEGREE: u64 = 1_000_000;

/// The embedded named-group files (see `data/PROVENANCE.md`).
const NAMED_FILES: &[&str] = &[
    include_str!("../../data/groups/M11.json"),
    include_str!("../../data/groups/M12.json"),
    include_str!("../../data/groups/M22.json"),
    include_str!("../../data/groups/M23.json"),
    include_str!("../../data/groups/M24.json"),
    include_str!("../../data/groups/PSL3_4.json"),
    include_str!("../../data/groups/PSL2_49.json"),
    include_str!("../../data/groups/SL2_3.json"),
    include_str!("../../data/groups/GL2_3.json"),
    include_str!("../../data/groups/Dic3.json"),
    include_str!("../../data/groups/S4wrC2.json"),
    include_str!("../../data/groups/SG16_3.json"),
    include_str!("../../data/groups/SG16_13.json"),
    include_str!("../../data/groups/SG27_3.json"),
    include_str!("../../data/groups/SG27_4.json"),
    include_str!("../../data/groups/SG32_49.json"),
    include_str!("../../data/groups/SG48_29.json"),
    include_str!("../../data/groups/SG64_100.json"),
    include_str!("../../data/groups/SG72_40.json"),
    include_str!("../../data/groups/SG96_64.json"),
    include_str!("../../data/groups/SG384_5000.json"),
];

/// A named group as stored in `data/groups/*.json`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
pub struct NamedGroup {
    /// The name `plrep` accepts (case-sensitive), e.g. `M12` or `SL(2,3)`.
    pub name: String,
    /// Other accepted names, e.g. `SL2_3` (the reference file names).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Number of points.
    pub degree: usize,
    /// The group order (checked by the test suite).
    pub order: u64,
    /// Generators in GAP cycle notation, points `1..degree`.
    pub generators: Vec<String>,
    /// Where the generators come from.
    pub provenance: String,
    /// A one-line description.
    #[serde(default)]
    pub description: String,
}

impl NamedGroup {
    /// Build the permutation group (named by [`NamedGroup::name`]).
    pub fn group(&self) -> Result<PermGroup> {
        let gens = self
            .generators
            .iter()
            .map(|g| Perm::parse_gap(g, self.degree))
            .collect::<Result<Vec<_>>>()?;
        // The stored order is the stopping rule of Schreier–Sims (checked, not trusted).
        Ok(
            PermGroup::with_known_order(self.degree, gens, BigUint::from(self.order))?
                .with_name(self.name.clone()),
        )
    }
}

/// The parsed named groups, parsed once per process.
fn named_cache() -> &'static [NamedGroup] {
    static CACHE: std::sync::OnceLock<Vec<NamedGroup>> = std::sync::OnceLock::new();
    CACHE.get_or_init(|| {
        NAMED_FILES
            .iter()
            // The files are part of the source tree and checked by the tests: a parse
            // failure is a build defect, so it is skipped rather than reported to the user.
            .filter_map(|text| serde_json::from_str::<NamedGroup>(text).ok())
            .collect()
    })
}

/// All named groups shipped in `data/groups/`, in a fixed order.
pub fn named_groups() -> Vec<NamedGroup> {
    named_cache().to_vec()
}

/// The named group called `name` (or with `name` among its aliases), if any.
pub fn named_group(name: &str) -> Option<NamedGroup> {
    named_cache()
        .iter()
        .find(|g| g.name == name || g.aliases.iter().any(|a| a == name))
        .cloned()
}

/// One entry of the catalog listing (`plrep info --list`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CatalogEntry {
    /// A name or a name pattern such as `C<n>`.
    pub name: String,
    /// Aliases accepted for the same group.
    pub aliases: Vec<String>,
    /// What the entry is.
    pub description: String,
}

/// The families and named groups of the catalog, families first, in a fixed order.
pub fn catalog_names() -> Vec<CatalogEntry> {
    let fam = |name: &str, description: &str| CatalogEntry {
        name: name.to_string(),
        aliases: vec![],
        description: description.to_string(),
    };
    let mut out = vec![
        fam("C<n>", "cyclic group of order n >= 1 on n points"),
        fam(
            "D<2n>",
            "dihedral group of order 2n on n points (D8: the square; D2 = C2, D4 = Klein four)",
        ),
        fam(
            "Q<4n>",
            "dicyclic group of order 4n >= 8, regular (Q8, Q16 quaternion; also Dic<n>)",
        ),
        fam("S<n>", "symmetric group on n >= 1 points"),
        fam("A<n>", "alternating group on n >= 1 points"),
        fam(
            "PSL(2,p)",
            "PSL(2,p), p prime, on the p+1 points of the projective line (also PSL2_p)",
        ),
        fam(
            "AxB",
            "direct product, factors on disjoint points (e.g. C2xS3, PSL(2,7)xC6)",
        ),
        fam(
            "SG<n>_<i>",
            "SmallGroup(n,i) of GAP's SmallGroups library, n <= 100 (also SmallGroup(n,i); data/smallgroups.json)",
        ),
    ];
    for g in named_groups() {
        out.push(CatalogEntry {
            name: g.name,
            aliases: g.aliases,
            description: g.description,
        });
    }
    out
}

/// A short list of what the catalog accepts, for error hints.
fn families_hint() -> String {
    let named: Vec<String> = named_groups().into_iter().map(|g| g.name).collect();
    format!(
        "known: C<n>, D<2n>, Q<4n>, S<n>, A<n>, PSL(2,p), SmallGroup(n,i) = SG<n>_<i> (n <= 100), products AxB, named {}; or generators like (1,2,3),(1,2); see plrep info --list",
        named.join(" ")
    )
}

/// Look up a catalog name: a named group, a family member, or a direct product `AxB`.
///
/// Errors ([`Error::BadInput`]) for unknown names with a hint listing the families.
///
/// ```
/// use plrep::group::catalog::lookup;
/// assert!(lookup("D7").is_err()); // dihedral groups are named by their (even) order
/// assert_eq!(lookup("D8").unwrap().degree(), 4);
/// ```
pub fn lookup(name: &str) -> Result<PermGroup> {
    lookup_within(name, &Limits::default())
}

/// [`lookup`] within `limits`: the degree of every factor is read off its name and
/// checked (`--max-degree`, and the catalog's own cap for their sum) before any factor
/// is built, and a product's generators and chain as in [`direct_product_within`].
pub fn lookup_within(name: &str, limits: &Limits) -> Result<PermGroup> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::bad("empty group name", families_hint()));
    }
    if let Some(g) = named_group(name) {
        limits.check_generators(g.generators.len() as u128, g.degree as u128)?;
        return g.group();
    }
    let factors = split_product(name);
    // Degrees known from the names (unknown ones are small: SmallGroups, or errors).
    let degree = factors
        .iter()
        .map(|f| factor_degree(f).unwrap_or(0))
        .fold(0u64, u64::saturating_add);
    if degree > MAX_CATALOG_DEGREE {
        return Err(too_large(name));
    }
    limits.check_degree(degree as u128)?;
    if factors.len() > 1 {
        let groups = factors
            .iter()
            .map(|f| {
                if f.is_empty() {
                    Err(Error::bad(
                        format!("empty factor in the product '{name}'"),
                        "write products like C2xS3",
                    ))
                } else {
                    family(f)
                }
            })
            .collect::<Result<Vec<_>>>()?;
        return Ok(direct_product_within(&groups, limits)?.with_name(name));
    }
    family(name)
}

/// The number of points of the catalog group `name` read off its name, without building
/// it (`None` when the name does not say: SmallGroups, unknown names).
fn factor_degree(name: &str) -> Option<u64> {
    if let Some(g) = named_group(name) {
        return Some(g.degree as u64);
    }
    let num = |s: &str| s.parse::<u64>().ok().filter(|_| is_number(s));
    if let Some(p) = name
        .strip_prefix("PSL(2,")
        .and_then(|r| r.strip_suffix(')'))
        .or_else(|| name.strip_prefix("PSL2_"))
    {
        return num(p).map(|p| p.saturating_add(1));
    }
    if let Some(n) = name.strip_prefix("Dic") {
        return num(n).map(|n| n.saturating_mul(4));
    }
    let n = num(name.get(1..)?)?;
    match &name[..1] {
        "C" | "S" | "A" | "Q" => Some(n),
        "D" => Some(if n <= 4 { n } else { n / 2 }),
        _ => None,
    }
}

/// Split `AxB` at every `x` outside parentheses (`PSL(2,7)xC6` → `PSL(2,7)`, `C6`).
/// Family and named-group names never contain a lowercase `x` outside parentheses.
fn split_product(name: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in name.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            'x' if depth == 0 => {
                parts.push(&name[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&name[start..]);
    parts
}

/// A single factor: a named group or a family member.
fn family(name: &str) -> Result<PermGroup> {
    if let Some(g) = named_group(name) {
        return g.group();
    }
    // `SmallGroup(n,i)`, `SG<n>_<i>`: a named `SG<n>_<i>` file keeps precedence, so
    // that both spellings always give the same generators.
    if let Some((n, i)) = crate::group::smallgroups::parse_small_group_name(name) {
        if let Some(g) = named_group(&format!("SG{n}_{i}")) {
            return g.group();
        }
    }
    if let Some(g) = crate::group::smallgroups::lookup(name) {
        return g;
    }
    let g = if let Some(p) = name
        .strip_prefix("PSL(2,")
        .and_then(|r| r.strip_suffix(')'))
    {
        psl2(parse_param(name, p)?)?
    } else if let Some(p) = name.strip_prefix("PSL2_") {
        psl2(parse_param(name, p)?)?
    } else if let Some(n) = name.strip_prefix("Dic").filter(|r| is_number(r)) {
        let n = parse_param(name, n)?;
        dicyclic(n.checked_mul(4).ok_or_else(|| too_large(name))?).map_err(|e| match e {
            Error::BadInput { what, .. } => {
                Error::bad(what, "Dic<n> has order 4n and needs n >= 2")
            }
            e => e,
        })?
    } else if let Some(rest) = name.get(1..).filter(|r| is_number(r)) {
        let n = parse_param(name, rest)?;
        match &name[..1] {
            "C" => cyclic(n)?,
            "D" => dihedral(n)?,
            "Q" => dicyclic(n)?,
            "S" => symmetric(n)?,
            "A" => alternating(n)?,
            _ => {
                return Err(Error::bad(
                    format!("unknown group '{name}'"),
                    families_hint(),
                ))
            }
        }
    } else {
        return Err(Error::bad(
            format!("unknown group '{name}'"),
            families_hint(),
        ));
    };
    Ok(g.with_name(name))
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn too_large(name: &str) -> Error {
    Error::bad(
        format!("the group '{name}' is too large for the catalog"),
        format!("catalog families are built on at most {MAX_CATALOG_DEGREE} points"),
    )
}

fn parse_param(name: &str, s: &str) -> Result<u64> {
    if !is_number(s) {
        return Err(Error::bad(
            format!("'{s}' in '{name}' is not a non-negative integer"),
            families_hint(),
        ));
    }
    s.parse::<u64>().map_err(|_| too_large(name))
}

fn check_degree(what: &str, degree: u64) -> Result<usize> {
    if degree > MAX_CATALOG_DEGREE {
        return Err(too_large(what));
    }
    usize::try_from(degree).map_err(|_| too_large(what))
}

fn cycle_on(degree: usize, points: impl Iterator<Item = usize>) -> Perm {
    let cycle: Vec<usize> = points.collect();
    let mut images: Vec<u32> = (0..degree as u32).collect();
    for (i, &x) in cycle.iter().enumerate() {
        images[x] = cycle[(i + 1) % cycle.len()] as u32;
    }
    Perm::from_images_unchecked(images)
}

/// The cyclic group `C_n` generated by the `n`-cycle `(1,...,n)`; `C1` is the trivial
/// group on one point.
pub fn cyclic(n: u64) -> Result<PermGroup> {
    if n == 0 {
        return Err(Error::bad(
            "C0 is not a group",
            "cyclic groups are C<n> with n >= 1",
        ));
    }
    let d = check_degree(&format!("C{n}"), n)?;
    PermGroup::with_known_order(d, vec![cycle_on(d, 0..d)], BigUint::from(n))
}

/// The dihedral group of **order** `order` (`D8`: the square, on 4 points):
/// `(1,...,n)` and the reflection `i -> -i mod n`. `D2` is `C2` on 2 points and `D4`
/// the Klein four-group on 4 points (the `n`-gon construction degenerates there).
pub fn dihedral(order: u64) -> Result<PermGroup> {
    if order == 0 || order % 2 == 1 {
        return Err(Error::bad(
            format!("D{order} is not a dihedral group"),
            "dihedral groups are named by their order, which is even: D6 = S3, D8 = the square",
        ));
    }
    let n = order / 2;
    match n {
        1 => PermGroup::new(2, vec![cycle_on(2, 0..2)]),
        2 => PermGroup::new(4, vec![cycle_on(4, 0..2), cycle_on(4, 2..4)]),
        _ => {
            let d = check_degree(&format!("D{order}"), n)?;
            let refl = Perm::from_images_unchecked((0..d).map(|i| ((d - i) % d) as u32).collect());
            PermGroup::with_known_order(d, vec![cycle_on(d, 0..d), refl], BigUint::from(order))
        }
    }
}

/// The dicyclic group of order `order = 4n` (`n >= 2`): `<a, x | a^(2n), x^2 = a^n,
/// x^-1 a x = a^-1>`, as its right regular representation on `4n` points (the
/// generalized quaternion groups `Q8`, `Q16`, ... for `n` a power of 2; `Q12 = Dic3`).
///
/// Point `1 + i + 2n j` is the element `a^i x^j`; `a` and `x` act by right
/// multiplication, using `x a = a^-1 x` and `x^2 = a^n`.
pub fn dicyclic(order: u64) -> Result<PermGroup> {
    if order % 4 != 0 || order < 8 {
        return Err(Error::bad(
            format!("Q{order} is not a dicyclic group"),
            "dicyclic groups are Q<4n> with 4n >= 8, named by their order: Q8, Q12, Q16",
        ));
    }
    let d = check_degree(&format!("Q{order}"), order)?;
    let m = d / 2; // the order of a
    let pt = |i: usize, j: usize| (i % m + m * j) as u32;
    let a = (0..d)
        .map(|p| {
            if p < m {
                pt(p + 1, 0)
            } else {
                pt(p - m + m - 1, 1)
            }
        })
        .collect();
    let x = (0..d)
        .map(|p| {
            if p < m {
                pt(p, 1)
            } else {
                pt(p - m + m / 2, 0)
            }
        })
        .collect();
    PermGroup::with_known_order(
        d,
        vec![
            Perm::from_images_unchecked(a),
            Perm::from_images_unchecked(x),
        ],
        BigUint::from(order),
    )
}

/// The symmetric group on `n >= 1` points, generated by `(1,...,n)` and `(1,2)`.
pub fn symmetric(n: u64) -> Result<PermGroup> {
    if n == 0 {
        return Err(Error::bad(
            "S0 is not supported",
            "symmetric groups are S<n> with n >= 1",
        ));
    }
    let d = check_degree(&format!("S{n}"), n)?;
    let gens = match d {
        1 => vec![Perm::identity(1)],
        2 => vec![cycle_on(2, 0..2)],
        _ => vec![cycle_on(d, 0..d), cycle_on(d, 0..2)],
    };
    PermGroup::new(d, gens)
}

/// The alternating group on `n >= 1` points, generated by `(1,2,3)` and `(1,...,n)`
/// (`n` odd) or `(2,...,n)` (`n` even), as in GAP.
pub fn alternating(n: u64) -> Result<PermGroup> {
    if n == 0 {
        return Err(Error::bad(
            "A0 is not supported",
            "alternating groups are A<n> with n >= 1",
        ));
    }
    let d = check_degree(&format!("A{n}"), n)?;
    let gens = match d {
        1 | 2 => vec![Perm::identity(d)],
        3 => vec![cycle_on(3, 0..3)],
        _ if d % 2 == 1 => vec![cycle_on(d, 0..3), cycle_on(d, 0..d)],
        _ => vec![cycle_on(d, 0..3), cycle_on(d, 1..d)],
    };
    PermGroup::new(d, gens)
}

/// `PSL(2,p)` for a prime `p`, acting on the `p+1` points of the projective line:
/// point `z+1` is `z` in `GF(p)`, point `p+1` is infinity. Generated by the images of
/// `[[1,1],[0,1]]` (`z -> z+1`) and `[[0,-1],[1,0]]` (`z -> -1/z`), which generate
/// `SL(2,Z)` and hence its quotient `SL(2,p)`.
pub fn psl2(p: u64) -> Result<PermGroup> {
    if !is_prime(p) {
        return Err(Error::bad(
            format!("PSL(2,{p}): {p} is not a prime"),
            "the catalog builds PSL(2,p) for primes p; PSL(2,4) = A5, PSL(2,9) = A6, PSL(2,49) is a named group",
        ));
    }
    let d = check_degree(&format!("PSL(2,{p})"), p + 1)?;
    // p = d - 1 fits in usize: the degree was checked.
    let inf = d - 1;
    let pu = d - 1;
    let t = (0..d)
        .map(|z| if z == inf { inf } else { (z + 1) % pu } as u32)
        .collect();
    // Inverses mod p for all z at once: z^-1 = -(p div z) (p mod z)^-1, since
    // p = (p div z) z + (p mod z) (O(p) word operations, not O(p log p) bigger ones).
    let mut inverse = vec![0u64; pu];
    if pu > 1 {
        inverse[1] = 1;
    }
    for z in 2..pu {
        let q = p / z as u64;
        inverse[z] = (p - q * inverse[pu % z] % p) % p;
    }
    let s = (0..d)
        .map(|z| {
            if z == inf {
                0
            } else if z == 0 {
                inf
            } else {
                // -1/z = (p - z^-1) mod p.
                ((p - inverse[z]) % p) as usize
            }
        } as u32)
        .collect();
    // |PSL(2,p)| = p(p^2-1)/gcd(2,p-1): the stopping rule of Schreier–Sims.
    let order = BigUint::from(p) * (BigUint::from(p) * p - 1u32) / if p == 2 { 1u32 } else { 2 };
    PermGroup::with_known_order(
        d,
        vec![
            Perm::from_images_unchecked(t),
            Perm::from_images_unchecked(s),
        ],
        order,
    )
}

/// The direct product of `factors`, each acting on its own block of points (the first
/// factor on `1..n1`, the second on `n1+1..n1+n2`, ...). The result has no name.
pub fn direct_product(factors: &[PermGroup]) -> Result<PermGroup> {
    direct_product_within(factors, &Limits::default())
}

/// [`direct_product`] within `limits`: the generators and the assembled chain are
/// checked against `--max-generators`, `--max-degree` and `--max-memory-mb` before they
/// are allocated. The chain is assembled from the factors' complete chains
/// ([`StabChain::direct_product`]), so no Schreier–Sims runs on the product: the order
/// is the product of the factors' proven orders.
///
/// Complexity: `O(sum over the factors' levels of #tree generators * degree)`.
pub fn direct_product_within(factors: &[PermGroup], limits: &Limits) -> Result<PermGroup> {
    let degree: usize = factors.iter().map(|g| g.degree()).sum();
    if u64::try_from(degree).map_or(true, |d| d > MAX_CATALOG_DEGREE) {
        return Err(too_large("product"));
    }
    let count: usize = factors.iter().map(|g| g.generators().len()).sum();
    limits.check_generators(count.max(1) as u128, degree.max(1) as u128)?;
    let chains: Vec<_> = factors.iter().map(|g| g.complete_chain()).collect();
    let refs: Vec<&StabChain> = chains.iter().map(|c| c.as_ref()).collect();
    limits.check_memory(StabChain::direct_product_bytes(&refs), || {
        format!("the stabilizer chain of a product on {degree} points")
    })?;
    let mut gens = Vec::new();
    let mut offset = 0usize;
    for g in factors {
        for s in g.generators() {
            let mut images: Vec<u32> = (0..degree as u32).collect();
            for x in 0..g.degree() {
                images[offset + x] = (offset + s.apply(x)) as u32;
            }
            gens.push(Perm::from_images_unchecked(images));
        }
        offset += g.degree();
    }
    if gens.is_empty() || degree == 0 {
        let d = degree.max(1);
        return PermGroup::new_within(d, vec![Perm::identity(d)], limits);
    }
    // |A x B| = |A||B|, the factors' chains being complete.
    Ok(PermGroup::from_chain(
        degree,
        gens,
        StabChain::direct_product(&refs),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_files_parse() {
        assert_eq!(named_groups().len(), NAMED_FILES.len());
    }

    #[test]
    fn product_split_respects_parentheses() {
        assert_eq!(split_product("PSL(2,7)xC6"), vec!["PSL(2,7)", "C6"]);
        assert_eq!(split_product("C2xC2xC2"), vec!["C2", "C2", "C2"]);
        assert_eq!(split_product("M12"), vec!["M12"]);
    }

    #[test]
    fn primes() {
        let ps: Vec<u64> = (0..30).filter(|&p| is_prime(p)).collect();
        assert_eq!(ps, vec![2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
        assert_eq!(crate::arith::ntheory::pow_mod(3, 5, 7), 5);
    }
}
