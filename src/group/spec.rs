//! Group specifications: catalog names, generator strings in GAP cycle notation, and
//! JSON documents with a `"generators"` array. [`group_from_json`] parses a document's
//! text; [`load_group`] (the command line's GROUP argument) and [`read_group_file`] are
//! the only functions here that read files.
//!
//! A spec is read as generators when it starts with `(` or `perm:`, and as a catalog
//! name ([`crate::group::catalog::lookup`]) otherwise.
//!
//! ```
//! use plrep::group::spec::parse_group;
//! let g = parse_group("(1,2,3)(4,5),(1,2)").unwrap();
//! assert_eq!(g.degree(), 5);
//! assert_eq!(g.generators().len(), 2);
//! assert!(parse_group("(1,2,1)").is_err()); // a repeated point
//! ```

use crate::error::{Error, Result};
use crate::group::catalog;
use crate::group::perm::Perm;
use crate::group::permgroup::PermGroup;
use std::path::Path;

/// Parse a group given by a catalog name (`C8`, `D8`, `S4`, `PSL(2,7)`, `C2xS3`, named
/// groups from `data/`) or by generators (`"(1,2,3)(4,5),(1,2)"`, optional `perm:`).
///
/// A group given by generators is named by the spec text itself.
pub fn parse_group(spec: &str) -> Result<PermGroup> {
    let s = spec.trim();
    if s.is_empty() {
        return Err(Error::bad(
            "empty group spec",
            "give a catalog name like S4 or generators like (1,2,3),(1,2)",
        ));
    }
    if looks_like_generators(s) {
        let gens = parse_generators(s, 0)?;
        let degree = gens.first().map_or(1, |g| g.degree());
        return Ok(PermGroup::new(degree, gens)?.with_name(s));
    }
    catalog::lookup(s)
}

/// Whether `spec` is read as a generator string (starts with `(` or `perm:`).
pub fn looks_like_generators(spec: &str) -> bool {
    let s = spec.trim_start();
    s.starts_with('(') || s.starts_with("perm:")
}

/// Parse a list of permutations in GAP cycle notation separated by commas at bracket
/// depth 0 (`"(1,2,3)(4,5),(1,2)"`, optional `perm:` prefix). All are extended to a
/// common degree: the largest point mentioned, at least `min_degree`, at least 1.
///
/// Errors for point 0 or negative points, repeated points in a cycle, unbalanced
/// brackets, non-numeric points and empty generators.
pub fn parse_generators(text: &str, min_degree: usize) -> Result<Vec<Perm>> {
    let s = text.trim();
    let s = s.strip_prefix("perm:").unwrap_or(s).trim();
    if s.is_empty() {
        return Err(Error::bad(
            "no generators given",
            "write generators like (1,2,3),(1,2); the identity is ()",
        ));
    }
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' => {
                depth += 1;
                if depth > 1 {
                    return Err(Error::bad(
                        format!("unbalanced brackets in '{s}'"),
                        "cycles cannot be nested: write (1,2)(3,4)",
                    ));
                }
            }
            ')' => {
                depth -= 1;
                if depth < 0 {
                    return Err(Error::bad(
                        format!("unbalanced brackets in '{s}'"),
                        "a ')' has no matching '('",
                    ));
                }
            }
            ',' if depth == 0 => {
                pieces.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err(Error::bad(
            format!("unbalanced brackets in '{s}'"),
            "close every cycle with ')'",
        ));
    }
    pieces.push(&s[start..]);
    let mut perms = Vec::with_capacity(pieces.len());
    for p in pieces {
        let p = p.trim();
        if p.is_empty() {
            return Err(Error::bad(
                format!("empty generator in '{s}'"),
                "separate generators by single commas; the identity is ()",
            ));
        }
        perms.push(Perm::parse_gap(p, 0)?);
    }
    Ok(on_common_degree(perms, min_degree))
}

/// The permutations extended to one degree: the largest of theirs, `min_degree` and 1.
fn on_common_degree(perms: Vec<Perm>, min_degree: usize) -> Vec<Perm> {
    let degree = perms
        .iter()
        .map(Perm::degree)
        .max()
        .unwrap_or(0)
        .max(min_degree)
        .max(1);
    perms.into_iter().map(|p| p.extended(degree)).collect()
}

/// A group from a JSON document with `"generators": ["(1,2,3)", ...]` and an optional
/// `"name"` (`fallback_name` is used otherwise, e.g. the file stem). An optional
/// `"degree"` sets the number of points (at least the largest point mentioned), so that
/// `{"generators": ["()"], "degree": 1}` is the trivial group on one point.
pub fn group_from_json(text: &str, fallback_name: &str) -> Result<PermGroup> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        Error::bad(
            format!("malformed JSON: {e}"),
            "a group file is {\"generators\": [\"(1,2,3)\", ...], \"name\": ...}",
        )
    })?;
    let hint = "a group file is {\"generators\": [\"(1,2,3)\", ...]} with an optional \"name\"";
    let Some(obj) = v.as_object() else {
        return Err(Error::bad("the JSON document is not an object", hint));
    };
    let Some(gens) = obj.get("generators") else {
        return Err(Error::bad("the JSON document has no \"generators\"", hint));
    };
    let Some(gens) = gens.as_array() else {
        return Err(Error::bad("\"generators\" is not an array", hint));
    };
    let mut texts = Vec::with_capacity(gens.len());
    for g in gens {
        let Some(t) = g.as_str() else {
            return Err(Error::bad(format!("generator {g} is not a string"), hint));
        };
        texts.push(t);
    }
    let min_degree = match obj.get("degree") {
        None | Some(serde_json::Value::Null) => 0,
        Some(d) => match d.as_u64() {
            Some(d) if d <= catalog::MAX_CATALOG_DEGREE => d as usize,
            _ => {
                return Err(Error::bad(
                    format!("\"degree\" {d} is not a usable number of points"),
                    hint,
                ))
            }
        },
    };
    let name = match obj.get("name") {
        None | Some(serde_json::Value::Null) => fallback_name.to_string(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(n) => return Err(Error::bad(format!("\"name\" {n} is not a string"), hint)),
    };
    let gens = if texts.is_empty() {
        vec![Perm::identity(min_degree.max(1))]
    } else {
        let mut perms = Vec::with_capacity(texts.len());
        for t in &texts {
            if t.trim().is_empty() {
                return Err(Error::bad(
                    "an empty generator string",
                    "the identity is written ()",
                ));
            }
            perms.push(Perm::parse_gap(t, 0)?);
        }
        on_common_degree(perms, min_degree)
    };
    let degree = gens[0].degree();
    if min_degree > 0 && degree > min_degree {
        return Err(Error::bad(
            format!(
                "a generator moves point {degree}, beyond the declared \"degree\" {min_degree}"
            ),
            "fix the generators or the degree",
        ));
    }
    Ok(PermGroup::new(degree, gens)?.with_name(name))
}

/// Resolve a GROUP argument of the command line: generators (see
/// [`looks_like_generators`]), a JSON group file (a `.json` suffix, a path separator, or
/// an existing file that is not a catalog name), or a catalog name.
///
/// # Arguments
/// * `spec` — the argument as given.
///
/// # Returns
/// The group, named by the catalog name, the file's `"name"` (else its stem), or the
/// generator text.
///
/// # Errors
/// Bad input for unparsable specs and files; [`Error::Io`] for unreadable files.
///
/// # Complexity
/// Reading the file (if any) plus Schreier–Sims on the generators.
///
/// ```
/// use plrep::group::spec::load_group;
/// assert_eq!(load_group("S4").unwrap().name(), Some("S4"));
/// assert_eq!(load_group("(1,2,3),(1,2)").unwrap().degree(), 3);
/// assert!(load_group("no/such/file.json").is_err());
/// ```
pub fn load_group(spec: &str) -> Result<PermGroup> {
    if looks_like_generators(spec) {
        return parse_group(spec);
    }
    let path = Path::new(spec);
    let file_like =
        spec.ends_with(".json") || spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR);
    if file_like {
        return read_group_file(path);
    }
    match parse_group(spec) {
        Ok(g) => Ok(g),
        Err(e) if path.is_file() => read_group_file(path).map_err(|_| e),
        Err(e) => Err(e),
    }
}

/// Read a JSON group file (see [`group_from_json`]); the file stem names the group when
/// the document has no `"name"`.
///
/// # Errors
/// [`Error::Io`] if the file cannot be read; bad input (prefixed by the path) if it is
/// not a group document.
///
/// # Complexity
/// Linear in the file size plus Schreier–Sims on the generators.
///
/// ```
/// use plrep::group::spec::read_group_file;
/// let e = read_group_file(std::path::Path::new("no/such/file.json")).unwrap_err();
/// assert_eq!(e.exit_code(), 2);
/// ```
pub fn read_group_file(path: &Path) -> Result<PermGroup> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::Io(format!(
            "cannot read the group file '{}': {e}",
            path.display()
        ))
    })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("group");
    group_from_json(&text, stem).map_err(|e| match e {
        Error::BadInput { what, hint } => Error::bad(format!("{}: {what}", path.display()), hint),
        e => e,
    })
}
