//! The certified interaction graph of a module, from a program.
//!
//! `cargo run --release --example certified_graph -- S4 subsets:2 abs`
//!
//! Arguments (all optional): a group spec, an action, an activation. Prints every edge
//! with the exact nonzero component that witnesses it, and every non-edge with its
//! obstruction, after the independent checker has re-derived all of them.

use plrep::pl::Verdict;
use plrep::prelude::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let group = args.first().map_or("S4", String::as_str);
    let action = args.get(1).map_or("subsets:2", String::as_str);
    let activation = args.get(2).map_or("relu", String::as_str);
    if let Err(e) = run(group, action, activation) {
        eprintln!("error: {e}");
        std::process::exit(e.exit_code());
    }
}

fn run(group: &str, action: &str, activation: &str) -> plrep::Result<()> {
    let g = parse_group(group)?;
    let module = PlModule::new(&g, &ActionSpec::parse(action)?, &Limits::default())?;
    let solution = solve(&module, &SolverOptions::new(Activation::parse(activation)?))?;
    let report = certify(&module, &solution)?;
    println!(
        "{group} on {action} ({} points), {activation}: {report:?}",
        module.points()
    );
    let label = |l: usize| module.simples.simples[l].label.clone();
    for pair in &solution.pairs {
        let verdict = match &pair.verdict {
            Verdict::Edge(_) | Verdict::FourierEdge(_) => "edge".to_string(),
            Verdict::NonEdge(o) => format!("no edge: {}", o.describe()),
            Verdict::Unresolved { reason, .. } => format!("unresolved: {reason}"),
        };
        println!("{} -> {}: {verdict}", label(pair.from), label(pair.to));
    }
    Ok(())
}
