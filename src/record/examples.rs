//! The `plrep.examples.v1` documents (docs/cli.md, `plrep examples --format json`): the
//! list of worked examples, or one example's exact values. Written by the binary's
//! `examples` command. Fields in the alphabetical order of their keys.

use serde::{Deserialize, Serialize};

/// The schema name of both examples documents.
pub const EXAMPLES_SCHEMA: &str = "plrep.examples.v1";

/// The list of worked examples (`plrep examples --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleListRecord {
    /// The examples, in catalogue order.
    pub examples: Vec<ExampleEntryRecord>,
    /// Always [`EXAMPLES_SCHEMA`].
    pub schema: String,
}

/// One entry of the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleEntryRecord {
    /// The name to pass to `plrep examples`.
    pub name: String,
    /// Where it comes from (arXiv:2408.00949, section or example).
    pub reference: String,
    /// What it shows.
    pub title: String,
}

/// One reproduced example (`plrep examples NAME --format json`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleRecord {
    /// Its name.
    pub name: String,
    /// Its reference.
    pub reference: String,
    /// Always [`EXAMPLES_SCHEMA`].
    pub schema: String,
    /// Its title.
    pub title: String,
    /// Its exact values, in the order computed.
    pub values: Vec<ExampleValueRecord>,
}

/// One exact value of an example.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExampleValueRecord {
    /// What the value is.
    pub key: String,
    /// A quadratic irrational as a radical (e.g. `"(1 + sqrt(5))/10"`), else `null`.
    pub radical: Option<String>,
    /// The value in GAP notation.
    pub value: String,
}
