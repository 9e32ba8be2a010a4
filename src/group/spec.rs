//! Group specifications: catalog names, generator strings in GAP cycle notation, and
//! JSON documents with a `"generators"` array. The library does no I/O: the command
//! line reads a file and hands its text to [`group_from_json`].
//!
//! STUB: signatures fixed by the skeleton; bodies to be written.

use crate::error::Result;
use crate::group::permgroup::PermGroup;

/// Parse a group given by a catalog name (`C8`, `D8`, `S4`, `PSL(2,7)`, `C2xS3`, named
/// groups from `data/`) or by generators (`"(1,2,3)(4,5),(1,2)"`, optional `perm:`).
pub fn parse_group(spec: &str) -> Result<PermGroup> {
    let _ = spec;
    unimplemented!()
}

/// A group from a JSON document with `"generators": ["(1,2,3)", ...]` and an optional
/// `"name"` (`fallback_name` is used otherwise, e.g. the file stem).
pub fn group_from_json(text: &str, fallback_name: &str) -> Result<PermGroup> {
    let _ = (text, fallback_name);
    unimplemented!()
}
