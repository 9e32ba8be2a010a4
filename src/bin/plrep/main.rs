//! The `plrep` command line (thin: parse, call the library, print).
//!
//! Exit status: 0 success, 1 `survey` finished but some records are errors or have
//! unresolved pairs, 2 bad input (including usage errors), 3 a limit was exceeded (the
//! message names the flag), 4 an internal self-check failed.
//! Errors are one line on stderr: `error: <what> (<hint>)`.
//!
//! Size: this file is the clap definition of every subcommand and flag (one place for
//! `--help`, checked against docs/cli.md) and the exit-code mapping; the work of each
//! subcommand lives in its own file.

mod activation;
mod atlas;
mod classes;
mod common;
mod compare;
mod decompose;
mod enumerate;
mod examples;
mod exists;
mod export;
mod fourier;
mod graph;
mod gset;
mod hom;
mod info;
mod layer;
mod network;
mod solve;
mod survey;
mod survey_merge;
mod tables;

use clap::{Args, Parser, Subcommand, ValueEnum};
use plrep::group::Limits;
use std::io::Write;
use std::path::PathBuf;

/// Exact piecewise linear representation theory of finite groups.
///
/// GROUP is a catalog name (C8, D8, Q8, S4, A5, PSL(2,7), C2xS3, M12, SL(2,3), ...; see
/// `plrep info --list`), generators in GAP cycle notation ("(1,2,3)(4,5),(1,2)"), or a
/// JSON file with a "generators" array.
#[derive(Debug, Parser)]
#[command(name = "plrep", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    global: Global,
}

/// Options every command accepts (before or after the command name).
#[derive(Debug, Args)]
struct Global {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text, global = true)]
    format: Format,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE", global = true)]
    output: Option<PathBuf>,
    /// Largest group order that may be enumerated element by element.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_order, global = true)]
    max_order: u64,
    /// Largest G-set that may be built.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_points, global = true)]
    max_points: u64,
    /// Largest number of conjugacy classes a character table may have.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_classes, global = true)]
    max_classes: usize,
    /// Largest number of subgroups (conjugates counted) the subgroup-class search may store.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_subgroups, global = true)]
    max_subgroups: usize,
    /// Largest table a computation may allocate at once, in MiB (group enumeration, PL
    /// solver).
    #[arg(long, value_name = "MB", default_value_t = Limits::default().max_memory_mb, global = true)]
    max_memory_mb: u64,
    /// Largest number of points a permutation may act on (generators, JSON "degree").
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_degree, global = true)]
    max_degree: u64,
    /// Largest number of generators of a group given by generators or a file.
    #[arg(long, value_name = "N", default_value_t = Limits::default().max_generators, global = true)]
    max_generators: u64,
    /// Largest input file read, in MiB (group files, survey group lists).
    #[arg(long, value_name = "MB", default_value_t = Limits::default().max_input_mb, global = true)]
    max_input_mb: u64,
    /// Largest deterministic verification of a group of unknown order (generators only),
    /// in millions of point operations.
    #[arg(long, value_name = "MILLIONS", default_value_t = Limits::default().max_verify_work, global = true)]
    max_verify_work: u64,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable text.
    Text,
    /// JSON (schema named in the "schema" field).
    Json,
    /// A Markdown table (tables).
    Markdown,
    /// A LaTeX tabular (tables).
    Latex,
    /// Graphviz DOT (lattices and graphs).
    Dot,
    /// SVG drawn by plrep itself (lattices and graphs).
    Svg,
    /// A TikZ picture (lattices and graphs).
    Tikz,
    /// NumPy .npy files (export).
    Npy,
}

impl Format {
    /// The name used on the command line.
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Markdown => "markdown",
            Format::Latex => "latex",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Tikz => "tikz",
            Format::Npy => "npy",
        }
    }

    /// Refuse a format the command does not produce (bad input, exit 2).
    /// The formats of the commands that draw a graph (interaction graphs, lattices).
    const DRAWINGS: [Format; 5] = [
        Format::Text,
        Format::Json,
        Format::Dot,
        Format::Svg,
        Format::Tikz,
    ];

    fn require(self, command: &str, allowed: &[Format]) -> plrep::Result<()> {
        if allowed.contains(&self) {
            return Ok(());
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        Err(plrep::Error::bad(
            format!("the {command} command has no --format {}", self.name()),
            format!("use one of {}", names.join(", ")),
        ))
    }
}

/// The layer options of `graph` and `solve`.
#[derive(Debug, Args)]
struct LayerOpts {
    /// regular, natural, subsets:K, tuples:K (distinct points), conjugation,
    /// cosets:<generators of H>, trivial:K; combined with A + B (disjoint union),
    /// A * B (all pairs, diagonal included) and parentheses.
    #[arg(long, default_value = "regular")]
    action: String,
    #[command(flatten)]
    solver: activation::ActivationOpts,
}

impl LayerOpts {
    fn args<'a>(&'a self, group: &'a str) -> layer::LayerArgs<'a> {
        layer::LayerArgs {
            group,
            action: &self.action,
            activation: &self.solver.activation,
            bias: self.solver.bias.as_ref().and_then(|b| match b {
                plrep::pl::Bias::Uniform(q) => Some(q),
                _ => None,
            }),
            seeds: self.solver.seeds,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Order, degree, exponent, number of classes, abelian/solvable, generators.
    Info {
        /// The group (catalog name, generators, or JSON file).
        #[arg(required_unless_present = "list")]
        group: Option<String>,
        /// List the catalog families and named groups instead.
        #[arg(long)]
        list: bool,
    },
    /// Conjugacy classes: representative, size, element order, centralizer order, power maps.
    Classes {
        /// The group (catalog name, generators, or JSON file).
        group: String,
    },
    /// A G-set: its size, orbits, permutation character, centralizer C in Sym(X) and <G,C>.
    Gset {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// regular, natural, subsets:K, tuples:K (distinct points), conjugation,
        /// cosets:<generators of H>, trivial:K; combined with A + B (disjoint union),
        /// A * B (all pairs, diagonal included) and parentheses.
        #[arg(long, default_value = "regular")]
        action: String,
    },
    /// The exact character table (Dixon-Schneider, verified before it is printed).
    Table {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// Show the real simple representations (real characters, types) instead.
        #[arg(long)]
        real: bool,
    },
    /// The lattice of normal subgroups, read off the character table, with the real
    /// simples of each quotient.
    Lattice {
        /// The group (catalog name, generators, or JSON file).
        group: String,
    },
    /// The exact Fourier series of sigma(sin x) (coefficients r + s/pi), or with --cyclic n
    /// the exact components of sigma applied to the L1 vector of C_n in every L_k.
    Fourier {
        /// relu, abs, identity or leaky:<p> (p rational: leaky:1/10, leaky:0.01).
        #[arg(long, default_value = "relu", allow_hyphen_values = true)]
        activation: String,
        /// Number of frequencies k = 0..N-1 of the series (k = 0 is the constant term).
        #[arg(long, value_name = "N", default_value_t = 12)]
        terms: usize,
        /// The discrete analogue on the cyclic group C_n instead (1 <= n <= 256).
        #[arg(long, value_name = "n")]
        cyclic: Option<u64>,
    },
    /// The interaction graph of one layer on R^X: every ordered pair of simples is a
    /// certified edge (exact witness), a certified non-edge (obstruction) or unresolved.
    Graph {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        #[command(flatten)]
        layer: LayerOpts,
        /// Only these sources; a comma list L1,L2 is one joint source: sigma applied to a
        /// generic vector of the sum of their isotypic parts.
        #[arg(long)]
        from: Option<String>,
        /// Re-check every certificate independently of the search (exit 4 if one fails).
        #[arg(long)]
        certify: bool,
    },
    /// The conjugacy classes of subgroups H (generators, order, normalizer, conjugates):
    /// the transitive G-sets G/H.
    Subgroups {
        /// The group (catalog name, generators, or JSON file).
        group: String,
    },
    /// Every transitive module R^(G/H), one per conjugacy class of subgroups H, with its
    /// real simples and certified interaction graph, and a summary of which edges appear
    /// for which H and which non-edges the kernels of G do not explain.
    Enumerate {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        #[command(flatten)]
        solver: activation::ActivationOpts,
    },
    /// One ordered pair L -> L' with its certificate in full.
    Solve {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// The source simple (label, e.g. L1; a comma list L1,L2 is one joint source).
        #[arg(long)]
        from: String,
        /// The target simple (label, e.g. L0).
        #[arg(long)]
        to: String,
        #[command(flatten)]
        layer: LayerOpts,
        /// Re-check the certificate independently of the search.
        #[arg(long)]
        certify: bool,
    },
    /// Information flow through an equivariant network R^X0 -> ... -> R^Xk (layers
    /// sigma(A v + b), A equivariant, b invariant): per source simple the simples reached
    /// at every depth, each with an exact witness network, the others with a proof.
    /// Exit 1 if some (source, depth, target) is unresolved.
    Network(network::NetworkArgs),
    /// Compare two interaction graphs (both certified): isomorphism respecting dimensions
    /// and kernel orders, and the edge diff under the best matching. B's options default
    /// to A's, e.g. `compare C8 C8 --activation-b abs` or `compare S4 S4 --action-b subsets:2`.
    Compare {
        /// Group A.
        a: String,
        /// Group B.
        b: String,
        #[command(flatten)]
        layer: LayerOpts,
        /// B's action (default: A's).
        #[arg(long)]
        action_b: Option<String>,
        /// B's activation (default: A's).
        #[arg(long, allow_hyphen_values = true)]
        activation_b: Option<plrep::pl::Activation>,
        /// B's bias (default: A's).
        #[arg(long, allow_hyphen_values = true, value_parser = plrep::pl::parse_bias)]
        bias_b: Option<plrep::arith::Q>,
    },
    /// PL-Schur table: is there a nonzero / a non-linear PL equivariant map L -> L'.
    Exists {
        /// The group (catalog name, generators, or JSON file).
        group: String,
    },
    /// dim Hom_G(R^X, R^Y) (orbits on Y x X, checked against <pi_X, pi_Y>), the simples
    /// on both sides, the bottlenecks (simples of X missing from Y) and the orbital basis.
    Hom {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// The source X, an action as for --action (e.g. natural, natural * natural).
        #[arg(long, value_name = "ACTION")]
        from: String,
        /// The target Y, an action as for --action.
        #[arg(long, value_name = "ACTION")]
        to: String,
    },
    /// The paper's worked examples (arXiv:2408.00949) as exact proofs: without NAME the list,
    /// with NAME the report.
    Examples {
        /// The example to reproduce (see `plrep examples`).
        name: Option<String>,
    },
    /// Interaction graphs of many groups and modules in one batch: parallel (--jobs),
    /// resumable (re-run into the same --out), shardable (--shard i/n); one JSONL file
    /// per group and Markdown/LaTeX/CSV summaries in DIR. Exit 1 if some record is an
    /// error or has unresolved pairs.
    Survey(survey::SurveyArgs),
    /// The summaries of a sharded survey (a Slurm job array: survey --slurm N), written
    /// once every group of DIR/survey.json has its file; exit 2 naming the missing
    /// shards otherwise. Re-runnable: the same bytes as a one-process survey.
    SurveyMerge(survey_merge::MergeArgs),
    /// Write the exact isotypic projectors, bases of the isotypic parts, or the orbital
    /// basis of Hom_G(R^X, R^Y) into the directory -o DIR (--format npy or json), with a
    /// manifest.json.
    Export {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// The G-set X (regular, natural, subsets:K, tuples:K, conjugation, cosets:<gens>).
        #[arg(long, default_value = "regular")]
        action: String,
        /// projectors, basis or hom.
        #[arg(long, value_enum)]
        what: export::What,
        /// The G-set Y of Hom_G(R^X, R^Y) (default: X).
        #[arg(long, value_name = "Y")]
        to: Option<String>,
    },
    /// The isotypic energies ||P_L v||^2 of the rows v of an N x |X| float .npy array
    /// (activations or weights), per row and in total.
    Decompose {
        /// The group (catalog name, generators, or JSON file).
        group: String,
        /// The G-set X.
        #[arg(long, default_value = "regular")]
        action: String,
        /// The .npy file (float64 or float32, N x |X|).
        #[arg(long, value_name = "FILE")]
        input: PathBuf,
    },
    /// A static website of one or more survey directories: an index of groups (sortable,
    /// filterable), one page per group (character table, normal lattice, every module's
    /// certified graph and edge table) and the exceptions beyond the kernel rules.
    Atlas(atlas::AtlasArgs),
    /// Check an --activation value and print its canonical spelling (for scripts; the
    /// commands using activations arrive with the solver).
    #[command(hide = true)]
    CheckActivation {
        /// relu, abs, identity, leaky:<p>, hardtanh, square.
        #[arg(allow_hyphen_values = true)]
        activation: plrep::pl::Activation,
    },
}

fn main() {
    std::process::exit(real_main());
}

fn real_main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(e),
    };
    let limits = Limits {
        max_order: cli.global.max_order,
        max_points: cli.global.max_points,
        max_classes: cli.global.max_classes,
        max_subgroups: cli.global.max_subgroups,
        max_memory_mb: cli.global.max_memory_mb,
        max_degree: cli.global.max_degree,
        max_generators: cli.global.max_generators,
        max_input_mb: cli.global.max_input_mb,
        max_verify_work: cli.global.max_verify_work,
    };
    // Exit 1 after printing when a network has unresolved pairs.
    let mut status = 0;
    let result = match &cli.command {
        Command::Info { group, list } => {
            info::info(group.as_deref(), *list, cli.global.format, &limits)
        }
        Command::Classes { group } => classes::classes(group, cli.global.format, &limits),
        Command::Gset { group, action } => gset::gset(group, action, cli.global.format, &limits),
        Command::Table { group, real } => {
            // S_21 .. S_30, A_21 .. A_30: the large table, written as it is formatted.
            let output = cli.global.output.as_deref();
            match tables::large_table(group, *real, cli.global.format, output, &limits) {
                Ok(true) => return 0,
                Err(e) => return report(&e),
                Ok(false) => {}
            }
            if cli.global.format == Format::Json {
                // Streamed: C1000's table is 52 MB of JSON (issue 13.4).
                return match tables::table_json_streamed(group, output, &limits) {
                    Ok(()) => 0,
                    Err(e) => report(&e),
                };
            }
            tables::table(group, *real, cli.global.format, &limits)
        }
        Command::Graph {
            group,
            layer,
            from: None,
            certify,
        } if cli.global.format == Format::Json
            && matches!(
                network::needs_joint(None, layer.solver.bias.as_ref()),
                Ok(false)
            ) =>
        {
            // Streamed: C256's graph is 250 MB of JSON (issue 13.4).
            return match graph::graph_json_streamed(
                &layer.args(group),
                *certify,
                cli.global.output.as_deref(),
                &limits,
            ) {
                Ok(()) => 0,
                Err(e) => report(&e),
            };
        }
        Command::Lattice { group } => tables::lattice(group, cli.global.format, &limits),
        Command::Fourier {
            activation,
            terms,
            cyclic,
        } => cli
            .global
            .format
            .require("fourier", &[Format::Text, Format::Json, Format::Svg])
            .and_then(|()| {
                fourier::fourier(
                    activation,
                    *terms,
                    *cyclic,
                    cli.global.format == Format::Json,
                    cli.global.format == Format::Svg,
                )
            }),
        Command::Graph {
            group,
            layer,
            from,
            certify,
        } => match network::needs_joint(from.as_deref(), layer.solver.bias.as_ref()) {
            Ok(true) | Ok(false) if from.is_some() => network::joint_graph(
                group,
                &layer.action,
                &layer.solver.activation,
                layer.solver.bias.as_ref(),
                layer.solver.seeds,
                from.as_deref(),
                *certify,
                cli.global.format,
                &limits,
            ),
            Ok(true) => network::joint_graph(
                group,
                &layer.action,
                &layer.solver.activation,
                layer.solver.bias.as_ref(),
                layer.solver.seeds,
                None,
                *certify,
                cli.global.format,
                &limits,
            ),
            Ok(false) => graph::graph(&layer.args(group), *certify, cli.global.format, &limits),
            Err(e) => Err(e),
        },
        Command::Subgroups { group } => enumerate::subgroups(group, cli.global.format, &limits),
        Command::Enumerate { group, solver } => {
            enumerate::enumerate(group, solver, cli.global.format, &limits)
        }
        Command::Solve {
            group,
            from,
            to,
            layer,
            certify,
        } => match network::needs_joint(Some(from), layer.solver.bias.as_ref()) {
            Ok(true) => network::joint_solve(
                group,
                &layer.action,
                &layer.solver.activation,
                layer.solver.bias.as_ref(),
                layer.solver.seeds,
                from,
                to,
                *certify,
                cli.global.format,
                &limits,
            ),
            Ok(false) => solve::solve_one(
                &layer.args(group),
                from,
                to,
                *certify,
                cli.global.format,
                &limits,
            ),
            Err(e) => Err(e),
        },
        Command::Network(args) => {
            network::network(args, cli.global.format, &limits).map(|(text, unresolved)| {
                if unresolved {
                    status = 1;
                }
                text
            })
        }
        Command::Compare {
            a,
            b,
            layer,
            action_b,
            activation_b,
            bias_b,
        } => {
            let la = layer.args(a);
            let mut lb = layer.args(b);
            if let Some(x) = action_b {
                lb.action = x;
            }
            if let Some(x) = activation_b {
                lb.activation = x;
            }
            if let Some(x) = bias_b {
                lb.bias = Some(x);
            }
            compare::compare(&la, &lb, cli.global.format, &limits)
        }
        Command::Exists { group } => exists::exists(group, cli.global.format, &limits),
        Command::Hom { group, from, to } => hom::hom(group, from, to, cli.global.format, &limits),
        Command::Examples { name } => cli
            .global
            .format
            .require("examples", &[Format::Text, Format::Json])
            .and_then(|()| {
                examples::examples(name.as_deref(), cli.global.format == Format::Json, &limits)
            }),
        Command::Survey(args) => {
            return survey::run(
                args,
                cli.global.format,
                cli.global.output.as_deref(),
                &limits,
            )
        }
        Command::SurveyMerge(args) => {
            return survey_merge::run(args, cli.global.format, cli.global.output.as_deref())
        }
        Command::Export {
            group,
            action,
            what,
            to,
        } => {
            return match export::export(
                group,
                action,
                *what,
                to.as_deref(),
                cli.global.format,
                cli.global.output.as_deref(),
                &limits,
            ) {
                Ok(text) => {
                    let _ = std::io::stdout().lock().write_all(text.as_bytes());
                    0
                }
                Err(e) => report(&e),
            }
        }
        Command::Decompose {
            group,
            action,
            input,
        } => decompose::decompose(group, action, input, cli.global.format, &limits),
        Command::Atlas(args) => atlas::run(args, &limits),
        Command::CheckActivation { activation } => Ok(activation.name() + "\n"),
    };
    let text = match result {
        Ok(text) => text,
        Err(e) => return report(&e),
    };
    match &cli.global.output {
        Some(path) => {
            if let Err(err) = std::fs::write(path, text) {
                return report(&plrep::Error::Io(format!(
                    "cannot write '{}': {err}",
                    path.display()
                )));
            }
        }
        None => {
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
    }
    status
}

/// Print an error on one line and return its exit status.
fn report(e: &plrep::Error) -> i32 {
    let msg = e.to_string().replace(['\n', '\r'], " ");
    eprintln!("error: {msg}");
    e.exit_code()
}

/// Usage errors exit 2 with one line, like every other bad input; help and version
/// requests print as usual and exit 0.
fn clap_error(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            0
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            eprintln!("error: no command given (commands are info, classes, gset, table, lattice, fourier, graph, solve, compare, exists, subgroups, enumerate, survey, survey-merge, atlas, examples, export, decompose, hom, network; run 'plrep --help' for usage)");
            2
        }
        _ => {
            let rendered = e.render().to_string();
            let mut lines = rendered.lines().map(str::trim).filter(|l| !l.is_empty());
            let first = lines.next().unwrap_or("invalid usage");
            let mut what = first
                .strip_prefix("error:")
                .unwrap_or(first)
                .trim()
                .to_string();
            // "the following required arguments were not provided:" lists them below.
            if what.ends_with(':') {
                let more: Vec<&str> = lines.take_while(|l| !l.starts_with("Usage:")).collect();
                what = format!("{} {}", what, more.join(" "));
            }
            let hint = rendered
                .lines()
                .map(str::trim)
                .find(|l| l.starts_with("[possible values") || l.starts_with("tip:"))
                .map(|l| format!("{l}; run 'plrep --help' for usage"))
                .unwrap_or_else(|| "run 'plrep --help' for usage".to_string());
            // The value is quoted: keep the line readable whatever its length.
            let what = if what.is_empty() {
                "invalid usage".to_string()
            } else {
                plrep::error::one_line(&what, 2 * plrep::error::MAX_PART_CHARS)
            };
            eprintln!("error: {what} ({hint})");
            2
        }
    }
}
