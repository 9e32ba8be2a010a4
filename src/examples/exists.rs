//! The PL Schur tables (theory.md §7, T3) of small groups.

use super::support::group;
use super::ExampleOutput;
use crate::character::CharacterTable;
use crate::character::RealSimples;
use crate::group::Limits;
use crate::pl::exists_table;
use crate::pl::exists_text;
use crate::Result;

pub(super) fn exists_example(name: &str, limits: &Limits) -> Result<ExampleOutput> {
    let mut o = ExampleOutput::new();
    o.line(format!("Claim (PL Schur, theory.md §7, T3): for the real simples of {name}, a nonzero PL map L -> L' exists"));
    o.line("iff ker L ⊆ ker L'; for L = L' a non-linear one exists unless L is one-dimensional non-trivial.");
    o.line("");
    let t = CharacterTable::compute(&group(name)?, limits)?;
    let r = RealSimples::from_table(&t);
    let table = exists_table(&r);
    o.text.push_str(&exists_text(&r, &table));
    o.put_int("pairs", table.len() as i64);
    o.put_int("nonzero", table.iter().filter(|e| e.nonzero).count() as i64);
    o.put_int(
        "nonlinear",
        table.iter().filter(|e| e.nonlinear).count() as i64,
    );
    Ok(o)
}
