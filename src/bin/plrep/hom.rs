//! `plrep hom GROUP --from X --to Y`: `dim Hom_G(R^X, R^Y)` counted three ways, the
//! multiplicities of the real simples on both sides, the bottlenecks and the orbital basis
//! (see [`plrep::pl::hom`]).

use crate::common::{group_json, load_group, to_json, GroupJson};
use crate::Format;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::Limits;
use plrep::pl::hom::Hom;
use plrep::Result;
use serde::Serialize;
use std::fmt::Write as _;

/// Basis matrices are drawn in the text output up to this many entries each.
const DRAW_ENTRIES: usize = 1024;

#[derive(Serialize)]
struct ModuleJson {
    spec: String,
    points: usize,
    labels: Vec<String>,
    orbits: Vec<Vec<usize>>,
    permutation_character: Vec<u64>,
}

#[derive(Serialize)]
struct CountsJson {
    orbitals: u64,
    character_inner_product: u64,
    simples: u64,
}

#[derive(Serialize)]
struct SimpleJson {
    label: String,
    dim: u64,
    #[serde(rename = "type")]
    kind: &'static str,
    endomorphism_dim: u64,
    from: u64,
    to: u64,
}

#[derive(Serialize)]
struct BasisJson {
    /// The number of ones.
    pairs: u64,
    /// `[y, x]` (row: point of Y, column: point of X, 0-based) of every one, ascending.
    entries: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct HomJson {
    schema: &'static str,
    group: GroupJson,
    from: ModuleJson,
    to: ModuleJson,
    dim: u64,
    counts: CountsJson,
    simples: Vec<SimpleJson>,
    bottlenecks: Vec<String>,
    basis: Vec<BasisJson>,
}

fn module_json(x: &GSet, pi: &[u64]) -> ModuleJson {
    ModuleJson {
        spec: x.action().to_string(),
        points: x.len(),
        labels: x.labels().to_vec(),
        orbits: x.orbits(),
        permutation_character: pi.to_vec(),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Run the command and return the whole output.
pub(crate) fn hom(
    group: &str,
    from: &str,
    to: &str,
    format: Format,
    limits: &Limits,
) -> Result<String> {
    format.require("hom", &[Format::Text, Format::Json])?;
    let from = ActionSpec::parse(from)?;
    let to = ActionSpec::parse(to)?;
    let g = load_group(group, limits)?;
    let h = Hom::new(&g, &from, &to, limits)?;
    let simples = &h.data.simples.simples;
    let basis = h.orbitals.basis();
    if format == Format::Json {
        return to_json(&HomJson {
            schema: "plrep.hom.v1",
            group: group_json(&g),
            from: module_json(&h.from, &h.pi_from),
            to: module_json(&h.to, &h.pi_to),
            dim: h.dim,
            counts: CountsJson {
                orbitals: h.dim,
                character_inner_product: h.dim,
                simples: h.dim,
            },
            simples: h
                .simples
                .iter()
                .map(|s| {
                    let l = &simples[s.simple];
                    SimpleJson {
                        label: l.label.clone(),
                        dim: l.dim,
                        kind: l.kind.name(),
                        endomorphism_dim: l.kind.endomorphism_dim(),
                        from: s.from,
                        to: s.to,
                    }
                })
                .collect(),
            bottlenecks: h
                .bottlenecks
                .iter()
                .map(|&l| simples[l].label.clone())
                .collect(),
            basis: basis
                .iter()
                .map(|b| BasisJson {
                    pairs: b.len() as u64,
                    entries: b.iter().map(|&(y, x)| [y, x]).collect(),
                })
                .collect(),
        });
    }
    let mut s = String::new();
    let name = g.name().unwrap_or("group");
    let _ = writeln!(s, "Hom_G(R^X, R^Y) for {name} (order {})", g.order());
    for (letter, x) in [("X", &h.from), ("Y", &h.to)] {
        let _ = writeln!(
            s,
            "  {letter} = {}: {}, {}",
            x.action(),
            plural(x.len(), "point", "points"),
            plural(x.orbits().len(), "orbit", "orbits")
        );
    }
    let _ = writeln!(s, "dim Hom_G(R^X, R^Y) = {}, counted three ways:", h.dim);
    let _ = writeln!(s, "  orbits of G on Y x X             {}", h.dim);
    let _ = writeln!(s, "  <pi_X, pi_Y>                     {}", h.dim);
    let _ = writeln!(s, "  sum over L of m_X m_Y dim End(L) {}", h.dim);
    let _ = writeln!(s, "simple  dim  type          in X  in Y");
    for m in &h.simples {
        let l = &simples[m.simple];
        let _ = writeln!(
            s,
            "{:<6} {:>4}  {:<12} {:>5} {:>5}",
            l.label,
            l.dim,
            l.kind.name(),
            m.from,
            m.to
        );
    }
    if h.bottlenecks.is_empty() {
        let _ = writeln!(s, "bottlenecks: none (every simple of X occurs in Y)");
    } else {
        let names: Vec<&str> = h
            .bottlenecks
            .iter()
            .map(|&l| simples[l].label.as_str())
            .collect();
        let _ = writeln!(
            s,
            "bottlenecks: {} (in X, not in Y: every G-map R^X -> R^Y kills them)",
            names.join(" ")
        );
    }
    let _ = writeln!(
        s,
        "orbital basis: A_i[y][x] = 1 on the pairs (y, x) of orbit i (rows: Y, columns: X)"
    );
    let draw = h.from.len() * h.to.len() <= DRAW_ENTRIES;
    for (i, b) in basis.iter().enumerate() {
        let (y, x) = h.orbitals.representative(i);
        let _ = writeln!(
            s,
            "A{}: {}, first (y, x) = ({}, {})",
            i + 1,
            plural(b.len(), "pair", "pairs"),
            h.to.labels()[y],
            h.from.labels()[x]
        );
        if draw {
            for yy in 0..h.to.len() {
                let row: String = (0..h.from.len())
                    .map(|xx| {
                        if h.orbitals.orbit_of(yy, xx) == i {
                            '1'
                        } else {
                            '.'
                        }
                    })
                    .collect();
                let _ = writeln!(s, "  {row}  {}", h.to.labels()[yy]);
            }
        }
    }
    if !draw {
        let _ = writeln!(
            s,
            "(matrices not drawn above {DRAW_ENTRIES} entries; --format json lists every pair)"
        );
    }
    Ok(s)
}
