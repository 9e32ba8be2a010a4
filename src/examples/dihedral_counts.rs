//! D_2n: the number of real simples, from the exact character tables.

use super::support::group;
use super::ExampleOutput;
use crate::character::CharacterTable;
use crate::character::RealSimples;
use crate::group::Limits;
use crate::Result;

pub(super) fn dihedral_counts(limits: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line("Claim: D_2n (order 2n) has m + 3 real simples (four of dimension 1) for n = 2m,");
    o.line(
        "and m + 2 (two of dimension 1) for n = 2m + 1. Counts from the exact character tables:",
    );
    o.line("");
    for n in 2..=12u64 {
        let g = group(&format!("D{}", 2 * n))?;
        let t = CharacterTable::compute(&g, limits)?;
        let r = RealSimples::from_table(&t);
        let ones = r.simples.iter().filter(|s| s.dim == 1).count();
        let dims: Vec<String> = r.simples.iter().map(|s| s.dim.to_string()).collect();
        let m = n / 2;
        let formula = if n % 2 == 0 { m + 3 } else { m + 2 };
        o.line(format!(
            "  n = {n:>2} (D{:<2}): {:>2} real simples, {} of dim 1, dims [{}]; formula {} = {formula}",
            2 * n,
            r.len(),
            ones,
            dims.join(", "),
            if n % 2 == 0 { "m + 3" } else { "m + 2" }
        ));
        o.put_int(format!("d{}_simples", 2 * n), r.len() as i64);
        o.put_int(format!("d{}_dim1", 2 * n), ones as i64);
    }
    Ok(o)
}
