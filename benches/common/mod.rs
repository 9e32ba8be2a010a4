//! What the benchmarks share: the group of a name, from the reference data when there is
//! a file of that name, else from the catalog.

use plrep::group::spec::{group_from_json, parse_group};
use plrep::group::PermGroup;

/// The group `name`: `tests/data/reference/<name>.json` if present, else the catalog.
pub fn group(name: &str) -> PermGroup {
    let path = format!(
        "{}/tests/data/reference/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    match std::fs::read_to_string(&path) {
        Ok(text) => group_from_json(&text, name).unwrap(),
        Err(_) => parse_group(name).unwrap(),
    }
}
