//! What the subcommands share: resolving GROUP, the group's JSON header, the JSON writer.
//! Each command returns the complete output text (the caller prints or writes it),
//! so that output is produced only after every computation succeeded.

use num_bigint::BigUint;
use num_traits::ToPrimitive;
use plrep::group::{ConjugacyClasses, Limits, PermGroup};
use plrep::{Error, Result};
use serde::Serialize;
use serde_json::Value;

/// Resolve GROUP (the library's [`plrep::group::spec::load_group`]).
pub(crate) use plrep::group::spec::load_group_within as load_group;

/// An order as a JSON number when it fits in a `u64`, else as a decimal string.
pub(crate) fn big_json(n: &BigUint) -> Value {
    match n.to_u64() {
        Some(v) => Value::from(v),
        None => Value::from(n.to_string()),
    }
}

#[derive(Serialize)]
pub(crate) struct GroupJson {
    name: String,
    order: Value,
    degree: usize,
    generators: Vec<String>,
}

pub(crate) fn group_json(g: &PermGroup) -> GroupJson {
    GroupJson {
        name: group_name(g),
        order: big_json(&g.order()),
        degree: g.degree(),
        generators: g.generators().iter().map(|p| p.to_string()).collect(),
    }
}

pub(crate) fn group_name(g: &PermGroup) -> String {
    g.name().unwrap_or("group").to_string()
}

/// Pretty JSON with a final newline: the one JSON writer of the command line.
pub(crate) fn to_json<T: Serialize>(doc: &T) -> Result<String> {
    serde_json::to_string_pretty(doc)
        .map(|s| s + "\n")
        .map_err(|e| Error::verification(format!("JSON serialisation failed: {e}")))
}

/// [`to_json`]'s bytes written to `output` (or standard output) as they are serialised,
/// for documents too large to hold twice (issue 13.4): the text is never built. Call it
/// only once every computation succeeded, as the commands that return their text.
pub(crate) fn write_json<T: Serialize>(doc: &T, output: Option<&std::path::Path>) -> Result<()> {
    use std::io::Write;
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        serde_json::to_writer_pretty(&mut w, doc).map_err(std::io::Error::from)?;
        w.write_all(b"\n")?;
        w.flush()
    };
    match output {
        Some(path) => {
            let mut f = std::fs::File::create(path)
                .map_err(|e| Error::Io(format!("cannot write '{}': {e}", path.display())))?;
            write(&mut f).map_err(|e| Error::Io(format!("cannot write '{}': {e}", path.display())))
        }
        None => {
            // A closed pipe (e.g. `| head`) is not an error worth reporting.
            let _ = write(&mut std::io::stdout().lock());
            Ok(())
        }
    }
}

/// Classes of the group if its order is within `--max-order`, else `None`.
pub(crate) fn classes_if_small(
    g: &PermGroup,
    limits: &Limits,
) -> Result<Option<(plrep::group::EnumeratedGroup, ConjugacyClasses)>> {
    match g.order_u64() {
        Some(o) if o <= limits.max_order => {
            let e = g.enumerate(limits)?;
            let c = ConjugacyClasses::compute(&e, g.generators());
            Ok(Some((e, c)))
        }
        _ => Ok(None),
    }
}
