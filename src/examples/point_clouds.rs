//! The point-cloud example of issue 16 (`plrep examples point-clouds`): `S_n`-modules of
//! DeepSets and invariant graph networks, for `n` far beyond enumeration, solved and
//! certified through the commutant (theory.md §13), and a point-cloud network of `S50`
//! through the commutants of its layers (theory.md §16).

use crate::arith::{Cyclotomic, Q};
use crate::examples::ExampleOutput;
use crate::group::gset::ActionSpec;
use crate::group::spec::parse_group;
use crate::group::Limits;
use crate::pl::certify::certify_commutant;
use crate::pl::commutant::solve_commutant;
use crate::pl::commutant::CommutantModule;
use crate::pl::{Activation, SolverOptions};
use crate::Result;
use std::fmt::Write as _;

/// `S100` on points, `S30` on ordered pairs, `S12` on 3-subsets: the simples (dimension,
/// multiplicity), the certified ReLU graphs, and the characters at a transposition
/// (which name the simples by the content formula `chi(t)/chi(1) = 2 sum of contents /
/// n(n-1)`).
pub(crate) fn point_clouds(limits: &Limits) -> Result<ExampleOutput> {
    let mut t = String::from(
        "Claim: the modules of point-cloud networks (DeepSets on R^n, 2-IGN on R^(n x n),\n\
         triples) of S_n for large n are solved without S_n's character table: the isotypic\n\
         projectors are the rational central idempotents of the orbital algebra.\n\n",
    );
    let mut values = Vec::new();
    let opts = SolverOptions::new(Activation::Relu);
    for (g, action) in [
        ("S100", "natural"),
        ("S30", "natural * natural"),
        ("S12", "subsets:3"),
    ] {
        let group = parse_group(g)?;
        let m = CommutantModule::new(&group, &ActionSpec::parse(action)?, limits)?;
        let s = solve_commutant(&m, &opts)?;
        certify_commutant(&m, &s)?;
        let n = group.degree();
        let transposition = crate::group::Perm::from_cycles(n, &[vec![0, 1]])?;
        let _ = writeln!(
            t,
            "{g} on {action}: |X| = {}, {} orbitals, certified ReLU graph",
            m.points(),
            m.algebra.dim()
        );
        for (l, v) in m.simples.iter().enumerate() {
            let chi = m.character_value(l, &transposition)?;
            let targets: Vec<&str> = s
                .pairs
                .iter()
                .filter(|p| p.from == l && matches!(p.verdict, crate::pl::Verdict::Edge(_)))
                .map(|p| m.simples[p.to].label.as_str())
                .collect();
            let _ = writeln!(
                t,
                "  {}: dim {}, multiplicity {}, character at (1,2) {chi}; {} -> {}",
                v.label,
                v.dim,
                v.mult,
                v.label,
                targets.join(" ")
            );
            values.push((format!("{g} {action} {} dim", v.label), int(v.dim)));
            values.push((
                format!("{g} {action} {} (1,2)", v.label),
                Cyclotomic::from_q(chi),
            ));
        }
        values.push((format!("{g} {action} edges"), int(s.edges().len() as u64)));
        let _ = writeln!(t);
    }
    network_s50(&mut t, &mut values, limits)?;
    Ok(ExampleOutput { text: t, values })
}

/// The network `natural -> natural * natural -> natural` of `S50` through the
/// commutants of its layers (theory.md §16), certified: the first depth of every simple
/// from every source (`0` for never), recorded as `S50 network <from> -> <to>`.
fn network_s50(
    t: &mut String,
    values: &mut Vec<(String, Cyclotomic)>,
    limits: &Limits,
) -> Result<()> {
    use crate::network::commutant::{
        analyze_commutant, certify_commutant_network, CommutantNetwork,
    };
    use crate::network::NetworkOptions;
    let group = parse_group("S50")?;
    let specs = ["natural", "natural * natural", "natural"]
        .iter()
        .map(|s| ActionSpec::parse(s))
        .collect::<Result<Vec<_>>>()?;
    let net = CommutantNetwork::new(&group, &specs, limits)?;
    let sources: Vec<Vec<usize>> = net.simples_of(0).iter().map(|&s| vec![s]).collect();
    let opts = NetworkOptions::new(Activation::Relu, crate::pl::Bias::None);
    let res = analyze_commutant(&net, &opts, &sources)?;
    certify_commutant_network(&net, &res)?;
    let _ = writeln!(
        t,
        "S50 network natural -> natural * natural -> natural (ReLU, certified): first depth reached"
    );
    for src in &res.sources {
        let from = &net.types[src.sources[0]].label;
        let cells: Vec<String> = (0..net.types.len())
            .map(|m| {
                let d = src.first_depth(m).map_or(0, |x| x.0);
                values.push((
                    format!("S50 network {from} -> {}", net.types[m].label),
                    int(d as u64),
                ));
                format!(
                    "{} {}",
                    net.types[m].label,
                    if d == 0 {
                        "never".to_string()
                    } else {
                        d.to_string()
                    }
                )
            })
            .collect();
        let _ = writeln!(t, "  from {from}: {}", cells.join(", "));
    }
    Ok(())
}

fn int(v: u64) -> Cyclotomic {
    Cyclotomic::from_q(Q::from_int(v as i64))
}
