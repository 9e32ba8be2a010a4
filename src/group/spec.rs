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
use crate::group::limits::Limits;
use crate::group::perm::{self, Perm};
use crate::group::permgroup::PermGroup;
use std::path::Path;

/// Parse a group given by a catalog name (`C8`, `D8`, `S4`, `PSL(2,7)`, `C2xS3`, named
/// groups from `data/`) or by generators (`"(1,2,3)(4,5),(1,2)"`, optional `perm:`),
/// within the default [`Limits`] (see [`parse_group_within`]).
///
/// A group given by generators is named by the spec text itself.
pub fn parse_group(spec: &str) -> Result<PermGroup> {
    parse_group_within(spec, &Limits::default())
}

/// [`parse_group`] with generators checked against `limits` (`--max-degree`,
/// `--max-generators`, `--max-memory-mb`) before they are allocated.
pub fn parse_group_within(spec: &str, limits: &Limits) -> Result<PermGroup> {
    let s = spec.trim();
    if s.is_empty() {
        return Err(Error::bad(
            "empty group spec",
            "give a catalog name like S4 or generators like (1,2,3),(1,2)",
        ));
    }
    if looks_like_generators(s) {
        let gens = parse_generators_within(s, 0, limits)?;
        let degree = gens.first().map_or(1, |g| g.degree());
        return Ok(PermGroup::new_within(degree, gens, limits)?.with_name(s));
    }
    catalog::lookup_within(s, limits)
}

/// Whether `spec` is read as a generator string (starts with `(` or `perm:`).
pub fn looks_like_generators(spec: &str) -> bool {
    let s = spec.trim_start();
    s.starts_with('(') || s.starts_with("perm:")
}

/// Parse a list of permutations in GAP cycle notation separated by commas at bracket
/// depth 0 (`"(1,2,3)(4,5),(1,2)"`, optional `perm:` prefix). All are extended to a
/// common degree: the largest point mentioned, at least `min_degree`, at least 1.
/// Within the default [`Limits`] (see [`parse_generators_within`]).
///
/// Errors for point 0 or negative points, repeated points in a cycle, unbalanced
/// brackets, non-numeric points, points separated by spaces only, and empty generators.
pub fn parse_generators(text: &str, min_degree: usize) -> Result<Vec<Perm>> {
    parse_generators_within(text, min_degree, &Limits::default())
}

/// [`parse_generators`] within `limits`: every point is checked against `--max-degree`
/// as it is read, and the number of generators and their total size against
/// `--max-generators` and `--max-memory-mb` before any permutation is allocated.
///
/// Complexity: linear in the text plus `O(#generators * degree)` for the result.
pub fn parse_generators_within(
    text: &str,
    min_degree: usize,
    limits: &Limits,
) -> Result<Vec<Perm>> {
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
    if pieces.iter().any(|p| p.trim().is_empty()) {
        return Err(Error::bad(
            format!("empty generator in '{s}'"),
            "separate generators by single commas; the identity is ()",
        ));
    }
    perms_within(&pieces, min_degree, limits)
}

/// Parse each text as one permutation and extend all to a common degree (the largest
/// point, `min_degree` and 1), checking the limits before allocating the permutations.
fn perms_within(texts: &[&str], min_degree: usize, limits: &Limits) -> Result<Vec<Perm>> {
    limits.check_generators(texts.len() as u128, 1)?;
    let mut all = Vec::with_capacity(texts.len());
    for t in texts {
        all.push(perm::parse_cycles(t, limits)?);
    }
    let degree = all
        .iter()
        .flatten()
        .flatten()
        .map(|&x| x + 1)
        .max()
        .unwrap_or(0)
        .max(min_degree)
        .max(1);
    limits.check_generators(all.len() as u128, degree as u128)?;
    all.iter().map(|c| Perm::from_cycles(degree, c)).collect()
}

/// A group from a JSON document with `"generators": ["(1,2,3)", ...]` and an optional
/// `"name"` (`fallback_name` is used otherwise, e.g. the file stem). An optional
/// `"degree"` sets the number of points (at least the largest point mentioned), so that
/// `{"generators": ["()"], "degree": 1}` is the trivial group on one point.
/// Within the default [`Limits`] (see [`group_from_json_within`]).
pub fn group_from_json(text: &str, fallback_name: &str) -> Result<PermGroup> {
    group_from_json_within(text, fallback_name, &Limits::default())
}

/// [`group_from_json`] within `limits`. The document is validated strictly: a key
/// repeated in any object is an error, `"degree"` must be a positive integer no smaller
/// than the largest point of the generators (and within `--max-degree`), and the
/// generators are checked like [`parse_generators_within`]'s.
pub fn group_from_json_within(
    text: &str,
    fallback_name: &str,
    limits: &Limits,
) -> Result<PermGroup> {
    let hint = "a group file is {\"generators\": [\"(1,2,3)\", ...]} with an optional \"name\" and \"degree\"";
    let v = strict_json::parse(text).map_err(|e| {
        Error::bad(
            format!("malformed JSON: {e}"),
            "a group file is {\"generators\": [\"(1,2,3)\", ...], \"name\": ...}",
        )
    })?;
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
        if t.trim().is_empty() {
            return Err(Error::bad(
                "an empty generator string",
                "the identity is written ()",
            ));
        }
        texts.push(t);
    }
    let declared = match obj.get("degree") {
        None | Some(serde_json::Value::Null) => None,
        Some(d) => match d.as_u64() {
            Some(0) => {
                return Err(Error::bad(
                    "\"degree\" 0: a group acts on at least one point",
                    "omit \"degree\" or give the number of points, at least 1",
                ))
            }
            Some(d) => {
                limits.check_degree(u128::from(d))?;
                Some(usize::try_from(d).map_err(|_| {
                    Error::bad(
                        format!("\"degree\" {d} is too large for this machine"),
                        "give a smaller number of points",
                    )
                })?)
            }
            None => {
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
    let min_degree = declared.unwrap_or(0);
    let gens = if texts.is_empty() {
        vec![Perm::identity(min_degree.max(1))]
    } else {
        perms_within(&texts, min_degree, limits)?
    };
    let degree = gens[0].degree();
    if let Some(d) = declared {
        if degree > d {
            return Err(Error::bad(
                format!("a generator moves point {degree}, beyond the declared \"degree\" {d}"),
                "fix the generators or the degree",
            ));
        }
    }
    Ok(PermGroup::new_within(degree, gens, limits)?.with_name(name))
}

/// JSON with every object's keys checked for repetition (serde_json keeps the last of
/// duplicate keys silently; a group file with two `"generators"` is ambiguous).
mod strict_json {
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Number, Value};
    use std::fmt;

    /// A JSON value whose objects have distinct keys.
    struct Strict(Value);

    /// Parse `text`, refusing duplicate keys at any depth.
    pub(super) fn parse(text: &str) -> serde_json::Result<Value> {
        serde_json::from_str::<Strict>(text).map(|s| s.0)
    }

    impl<'de> Deserialize<'de> for Strict {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(StrictVisitor)
        }
    }

    struct StrictVisitor;

    impl<'de> Visitor<'de> for StrictVisitor {
        type Value = Strict;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_bool<E>(self, b: bool) -> Result<Strict, E> {
            Ok(Strict(Value::Bool(b)))
        }
        fn visit_i64<E>(self, n: i64) -> Result<Strict, E> {
            Ok(Strict(Value::Number(n.into())))
        }
        fn visit_u64<E>(self, n: u64) -> Result<Strict, E> {
            Ok(Strict(Value::Number(n.into())))
        }
        fn visit_f64<E>(self, x: f64) -> Result<Strict, E> {
            Ok(Strict(
                Number::from_f64(x).map_or(Value::Null, Value::Number),
            ))
        }
        fn visit_str<E>(self, s: &str) -> Result<Strict, E> {
            Ok(Strict(Value::String(s.to_string())))
        }
        fn visit_string<E>(self, s: String) -> Result<Strict, E> {
            Ok(Strict(Value::String(s)))
        }
        fn visit_unit<E>(self) -> Result<Strict, E> {
            Ok(Strict(Value::Null))
        }
        fn visit_none<E>(self) -> Result<Strict, E> {
            Ok(Strict(Value::Null))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
            let mut v = Vec::new();
            while let Some(Strict(x)) = seq.next_element()? {
                v.push(x);
            }
            Ok(Strict(Value::Array(v)))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
            let mut m = Map::new();
            while let Some(k) = map.next_key::<String>()? {
                if m.contains_key(&k) {
                    return Err(de::Error::custom(format_args!("duplicate key \"{k}\"")));
                }
                let Strict(v) = map.next_value()?;
                m.insert(k, v);
            }
            Ok(Strict(Value::Object(m)))
        }
    }
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
    load_group_within(spec, &Limits::default())
}

/// [`load_group`] within `limits`: generators as in [`parse_group_within`], files read
/// through a reader capped at `--max-input-mb` as in [`read_group_file_within`].
pub fn load_group_within(spec: &str, limits: &Limits) -> Result<PermGroup> {
    if looks_like_generators(spec) {
        return parse_group_within(spec, limits);
    }
    let path = Path::new(spec);
    let file_like =
        spec.ends_with(".json") || spec.contains('/') || spec.contains(std::path::MAIN_SEPARATOR);
    if file_like {
        return read_group_file_within(path, limits);
    }
    match parse_group_within(spec, limits) {
        Ok(g) => Ok(g),
        Err(e) if path.is_file() => read_group_file_within(path, limits).map_err(|_| e),
        Err(e) => Err(e),
    }
}

/// Read a JSON group file (see [`group_from_json`]); the file stem names the group when
/// the document has no `"name"`. Within the default [`Limits`].
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
    read_group_file_within(path, &Limits::default())
}

/// [`read_group_file`] within `limits`: at most `--max-input-mb` are read (an endless
/// file such as `/dev/zero` stops there, exit 3), then [`group_from_json_within`].
pub fn read_group_file_within(path: &Path, limits: &Limits) -> Result<PermGroup> {
    let text = read_text_within(path, limits, "group file")?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("group");
    group_from_json_within(&text, stem, limits).map_err(|e| match e {
        Error::BadInput { what, hint } => Error::bad(format!("{}: {what}", path.display()), hint),
        e => e,
    })
}

/// Read a UTF-8 text file of at most `limits.max_input_mb` MiB (`what` names it in
/// errors). The read stops one byte past the cap, so the cost is bounded whatever the
/// file claims its size is.
///
/// Errors: [`Error::Io`] if unreadable or not UTF-8; a limit (`--max-input-mb`) above
/// the cap.
pub fn read_text_within(path: &Path, limits: &Limits, what: &str) -> Result<String> {
    use std::io::Read;
    let io =
        |e: std::io::Error| Error::Io(format!("cannot read the {what} '{}': {e}", path.display()));
    let file = std::fs::File::open(path).map_err(io)?;
    let cap = limits.input_bytes();
    let mut bytes = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    limits.check_input(bytes.len() as u64, &format!("'{}'", path.display()))?;
    String::from_utf8(bytes).map_err(|_| {
        Error::bad(
            format!("the {what} '{}' is not UTF-8 text", path.display()),
            "a group file is a JSON document",
        )
    })
}
