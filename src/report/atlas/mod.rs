//! The PL atlas: a static website built from one or more survey directories
//! (`plrep atlas SURVEY_DIR... --out SITE_DIR`).
//!
//! ```text
//! SITE/index.html                  every group and activation: sortable, filterable table
//! SITE/exceptions.html             non-edges that no kernel rule of G explains
//! SITE/style.css                   the one style sheet
//! SITE/groups/<slug>.html          one page per group: facts, character table, normal
//!                                  lattice, a table of its modules per layer
//! SITE/groups/<slug>/lattice.svg   the normal-subgroup lattice
//! SITE/groups/<slug>/<module>.html one page per module: per layer its graph, counts,
//!                                  edge table (witnesses) and non-edge table (obstructions)
//! SITE/groups/<slug>/<act>-<module>.svg   one certified interaction graph
//! ```
//!
//! Pages are plain HTML with one style sheet; only the index carries a small inline
//! script (sorting and filtering), and everything reads without it. Every number states
//! the `plrep` command that reproduces it. The site is a pure function of the surveys'
//! record text and the groups (deterministic bytes, no timestamps). The library returns
//! `(path, text)` pairs; the binary writes them.
//!
//! ```
//! use plrep::pl::{Activation, SolverOptions};
//! use plrep::group::{spec::parse_group, Limits};
//! use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};
//! use plrep::report::atlas::{build, SurveySource};
//! let options = SurveyOptions { actions: vec![ActionChoice::Transitive],
//!     solver: SolverOptions::new(Activation::Relu), limits: Limits::default() };
//! let g = parse_group("S3").unwrap();
//! let text: String = survey_group("S3", &g, &options).iter().map(|m| m.record.to_string() + "\n").collect();
//! let source = SurveySource { label: "s3".into(), manifest: None, files: vec![("0000-S3.jsonl".into(), text)] };
//! let site = build(&[source], &|n: &str| parse_group(n).ok(), &Limits::default()).unwrap();
//! assert!(site.iter().any(|(p, _)| p == "groups/S3.html"));
//! assert!(site.iter().any(|(p, _)| p == "groups/S3/H1.html"));
//! assert!(site.iter().any(|(p, _)| p == "groups/S3/relu-H1.svg"));
//! ```
//!
//! Size: the site's data model (survey records parsed into groups, layers, modules) and
//! its builder belong together; the pages themselves are in their own files.

mod exceptions;
mod group_page;
mod html;
mod index;
mod module_page;

use crate::character::{CharacterTable, RealSimples};
use crate::error::{Error, Result};
use crate::graph::GraphStats;
use crate::group::{smallgroups, Limits, PermGroup};
use crate::record::graph::{EdgeRecord, GraphRecord, NonEdgeRecord, UnresolvedRecord};
use crate::record::manifest::ManifestRecord;
use crate::report::LayeredDrawing;
use crate::survey::layout::sanitize;
use crate::survey::record::SurveyRecord;
use std::collections::BTreeMap;

pub use html::shell_quote;

/// One survey directory's content, as read by the binary.
#[derive(Clone, Debug)]
pub struct SurveySource {
    /// How the directory was given (shown on the pages).
    pub label: String,
    /// The manifest `survey.json`, if present (gives the command that reproduces it).
    pub manifest: Option<String>,
    /// The group files `(file name, text)`, sorted by file name.
    pub files: Vec<(String, String)>,
}

/// The subgroup of a transitive module.
#[derive(Clone, Debug)]
pub(crate) struct Sub {
    pub class: u64,
    pub order: u64,
    pub index: u64,
    pub generators: Vec<String>,
    pub normalizer_order: u64,
}

/// One module record of a survey.
#[derive(Clone, Debug)]
pub(crate) struct Module {
    pub action: String,
    pub sub: Option<Sub>,
    pub stats: Option<GraphStats>,
    pub error: Option<String>,
    /// The certified graph of an ok record (after its pages are written, only the
    /// exceptional non-edges are kept: [`exceptions::keep_exceptions`]).
    pub graph: Option<GraphRecord>,
}

impl Module {
    /// `H<c>` for a transitive module, the sanitized action otherwise.
    pub fn key(&self) -> String {
        match &self.sub {
            Some(h) => format!("H{}", h.class),
            None => sanitize(&self.action),
        }
    }

    /// The graph's edges (none for an error record).
    pub fn edges(&self) -> &[EdgeRecord] {
        self.graph.as_ref().map_or(&[], |g| &g.edges)
    }

    /// The graph's non-edges (none for an error record).
    pub fn non_edges(&self) -> &[NonEdgeRecord] {
        self.graph.as_ref().map_or(&[], |g| &g.non_edges)
    }

    /// The graph's unresolved pairs (none for an error record).
    pub fn unresolved(&self) -> &[UnresolvedRecord] {
        self.graph.as_ref().map_or(&[], |g| &g.unresolved)
    }

    /// How the module is shown: `G/H3 (|H| = 2, index 12)` or the action.
    pub fn title(&self) -> String {
        match &self.sub {
            Some(h) => format!("G/H{} (|H| = {}, index {})", h.class, h.order, h.index),
            None => self.action.clone(),
        }
    }
}

/// The layer options of a survey: activation, bias and witness budget.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Layer {
    pub activation: String,
    pub bias: Option<String>,
    pub seeds: Option<u64>,
}

impl Layer {
    /// The file and anchor tag: `relu`, `abs`, `leaky_1_100-bias_1_2`.
    pub fn tag(&self) -> String {
        match &self.bias {
            Some(b) => sanitize(&format!("{}-bias_{b}", self.activation)),
            None => sanitize(&self.activation),
        }
    }

    /// How the layer is shown: `relu`, `relu, bias 1/2`.
    pub fn title(&self) -> String {
        match &self.bias {
            Some(b) => format!("{}, bias {b}", self.activation),
            None => self.activation.clone(),
        }
    }

    /// The solver flags of a reproducing command.
    pub fn flags(&self) -> Vec<String> {
        let mut v = vec!["--activation".to_string(), self.activation.clone()];
        if let Some(b) = &self.bias {
            v.push("--bias".into());
            v.push(b.clone());
        }
        if let Some(s) = self.seeds.filter(|&s| s != 8) {
            v.push("--seeds".into());
            v.push(s.to_string());
        }
        v
    }
}

/// What the character table tells about a group.
#[derive(Clone, Debug)]
pub(crate) struct Facts {
    pub degree: usize,
    pub classes: usize,
    pub real_simples: usize,
    pub abelian: bool,
    pub solvable: bool,
    pub centre_order: u64,
    pub derived_order: u64,
    pub exponent: u64,
    pub normal_subgroups: usize,
    /// The character table and real simples (dropped once the group's page is written).
    pub tables: Option<(CharacterTable, RealSimples)>,
    pub lattice_svg: String,
}

/// One group of the atlas with its modules per layer.
#[derive(Clone, Debug)]
pub(crate) struct GroupEntry {
    pub name: String,
    pub slug: String,
    pub order: String,
    /// `(n, i)` when the name is a SmallGroups id.
    pub small_id: Option<(u64, u64)>,
    /// GAP's `StructureDescription` for a SmallGroups id.
    pub structure: Option<String>,
    pub facts: std::result::Result<Facts, String>,
    /// Layers in first-appearance order, each with its modules in record order.
    pub layers: Vec<(Layer, Vec<Module>)>,
}

impl GroupEntry {
    /// The group's page, relative to the site root.
    pub fn page(&self) -> String {
        format!("groups/{}.html", self.slug)
    }
}

/// A survey's reproducing command and layer.
#[derive(Clone, Debug)]
pub(crate) struct SurveyInfo {
    pub label: String,
    pub command: Option<String>,
}

/// Everything the pages are drawn from.
pub(crate) struct Atlas {
    pub groups: Vec<GroupEntry>,
    pub surveys: Vec<SurveyInfo>,
}

/// The manifest's command and seeds.
fn manifest_info(label: &str, manifest: Option<&str>) -> (Option<String>, Option<u64>) {
    let Some(m) = manifest.and_then(|t| serde_json::from_str::<ManifestRecord>(t).ok()) else {
        return (None, None);
    };
    let mut cmd = vec!["plrep".to_string(), "survey".to_string()];
    cmd.extend(m.groups);
    for a in m.actions {
        cmd.push("--actions".into());
        cmd.push(a);
    }
    cmd.push("--activation".into());
    cmd.push(m.activation);
    if let Some(b) = m.bias {
        cmd.push("--bias".into());
        cmd.push(b);
    }
    if m.seeds != 8 {
        cmd.push("--seeds".into());
        cmd.push(m.seeds.to_string());
    }
    cmd.push("--out".into());
    cmd.push(label.to_string());
    (Some(html::command(&cmd)), Some(m.seeds))
}

fn parse_record(file: &str, n: usize, line: &str) -> Result<(String, String, Layer, Module)> {
    let r = SurveyRecord::<Option<GraphRecord>>::parse_line(file, n, line)?;
    let stats = if r.is_ok() { r.stats } else { None };
    let sub = r.subgroup.map(|h| Sub {
        class: h.class,
        order: h.order,
        index: h.index,
        generators: h.generators,
        normalizer_order: h.normalizer_order,
    });
    let layer = Layer {
        activation: r.activation,
        bias: r.bias,
        seeds: None,
    };
    let module = Module {
        action: r.action,
        sub,
        stats,
        error: r.error,
        graph: r.graph,
    };
    Ok((r.group, r.group_order.to_string(), layer, module))
}

fn facts(group: &PermGroup, limits: &Limits, title: &str) -> Result<Facts> {
    let table = CharacterTable::compute(group, limits)?;
    let real = RealSimples::from_table(&table);
    let lattice = crate::report::lattice::normal_lattice(&table, &real);
    let sum_sizes = |pred: &dyn Fn(usize) -> bool| -> u64 {
        (0..table.num_classes())
            .filter(|&c| pred(c))
            .map(|c| table.sizes[c])
            .sum()
    };
    let centre_order = sum_sizes(&|c| table.sizes[c] == 1);
    let derived_order = sum_sizes(&|c| {
        table
            .characters
            .iter()
            .filter(|x| x.degree == 1)
            .all(|x| x.values[c] == x.values[0])
    });
    let gcd = |mut a: u64, mut b: u64| {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    };
    let exponent = table.orders.iter().fold(1u64, |e, &o| e / gcd(e, o) * o);
    let lattice_svg = html::svg_with_title(
        &lattice.drawing(title).to_svg(),
        &format!("Normal-subgroup lattice of {title}"),
    );
    Ok(Facts {
        degree: group.degree(),
        classes: table.num_classes(),
        real_simples: real.len(),
        abelian: group.is_abelian(),
        solvable: group.is_solvable(),
        centre_order,
        derived_order,
        exponent,
        normal_subgroups: lattice.len(),
        lattice_svg,
        tables: Some((table, real)),
    })
}

/// The interaction graph of a record drawn as in `plrep graph --format svg`: layered by
/// kernel order, faithful simples on top.
pub(crate) fn graph_svg(group: &str, order: &str, layer: &Layer, m: &Module) -> String {
    let title = format!("{group} (order {order}), {}, {}", m.title(), layer.title());
    // The drawing's own heading stays short (it must fit above narrow graphs); the
    // full description is the SVG's <title>.
    let mut d = LayeredDrawing::new(format!("{}, {}", m.key(), layer.title()));
    let vertices = m.graph.as_ref().map_or(&[][..], |g| &g.vertices);
    let mut orders: Vec<u64> = vertices.iter().map(|v| v.kernel_order).collect();
    orders.sort_unstable();
    orders.dedup();
    let mut ids = BTreeMap::new();
    for v in vertices {
        let layer = orders
            .iter()
            .position(|&o| o == v.kernel_order)
            .unwrap_or(0);
        let id = d.add_node(
            v.label.clone(),
            format!("dim {}, x{}", v.dim, v.multiplicity),
            layer,
        );
        ids.insert(v.id, id);
    }
    for e in m.edges() {
        let (Some(&a), Some(&b)) = (ids.get(&e.from), ids.get(&e.to)) else {
            continue;
        };
        d.add_edge(a, b, crate::report::EdgeStyle::Solid);
    }
    html::svg_with_title(
        &d.to_svg(),
        &format!("Certified interaction graph of {title}"),
    )
}

/// A survey directory's header: how it was given and its manifest, if any.
#[derive(Clone, Debug)]
pub struct SurveyHeader {
    /// How the directory was given (shown on the pages).
    pub label: String,
    /// The manifest `survey.json`, if present.
    pub manifest: Option<String>,
}

/// Builds the site one group at a time, so that a census of thousands of groups and
/// millions of pairs never sits in memory at once: [`AtlasBuilder::add_group`] returns a
/// group's page and drawings and keeps only its counts and exceptions;
/// [`AtlasBuilder::finish`] returns the index, the exceptions page and the style sheet.
#[derive(Debug)]
pub struct AtlasBuilder {
    surveys: Vec<SurveyInfo>,
    seeds: Vec<Option<u64>>,
    limits: Limits,
    slugs: std::collections::BTreeSet<String>,
    groups: Vec<GroupEntry>,
}

impl AtlasBuilder {
    /// A builder for the given surveys (in the order given).
    pub fn new(surveys: &[SurveyHeader], limits: &Limits) -> AtlasBuilder {
        let mut infos = Vec::new();
        let mut seeds = Vec::new();
        for s in surveys {
            let (command, sd) = manifest_info(&s.label, s.manifest.as_deref());
            infos.push(SurveyInfo {
                label: s.label.clone(),
                command,
            });
            seeds.push(sd);
        }
        AtlasBuilder {
            surveys: infos,
            seeds,
            limits: limits.clone(),
            slugs: Default::default(),
            groups: Vec::new(),
        }
    }

    /// Add the records of one group (normally one group file per survey).
    ///
    /// # Arguments
    /// * `files` — `(survey index, file name, file text)`, the index into the surveys
    ///   given to [`AtlasBuilder::new`];
    /// * `resolve` — rebuilds a group from its record name (the binary passes
    ///   [`crate::group::spec::load_group`]); `None` leaves the group without character
    ///   table and lattice (its modules are still shown).
    ///
    /// # Returns
    /// The group pages and drawings `(site-relative path, text)` (one page per group
    /// name found in the records, normally one).
    ///
    /// # Errors
    /// Bad input for a line that is not a `plrep.survey.v1` record or a survey index out
    /// of range.
    ///
    /// # Complexity
    /// One character table per group plus linear in the records' text.
    pub fn add_group(
        &mut self,
        files: &[(usize, String, String)],
        resolve: &dyn Fn(&str) -> Option<PermGroup>,
    ) -> Result<Vec<(String, String)>> {
        let first = self.groups.len();
        let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
        for (survey, file, text) in files {
            let seeds = *self.seeds.get(*survey).ok_or_else(|| {
                Error::bad(
                    format!("survey index {survey} of {file} is out of range"),
                    "give the surveys to AtlasBuilder::new first",
                )
            })?;
            for (n, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let (name, order, mut layer, module) = parse_record(file, n, line)?;
                layer.seeds = seeds;
                let gi = match by_name.get(&name) {
                    Some(&i) => i,
                    None => {
                        let base = sanitize(&name);
                        let mut slug = base.clone();
                        let mut k = 2;
                        while !self.slugs.insert(slug.clone()) {
                            slug = format!("{base}-{k}");
                            k += 1;
                        }
                        let small_id = smallgroups::parse_small_group_name(&name);
                        self.groups.push(GroupEntry {
                            structure: small_id
                                .and_then(|(n, i)| smallgroups::entry(n, i))
                                .map(|e| e.structure.clone()),
                            name: name.clone(),
                            slug,
                            order,
                            small_id,
                            facts: Err(String::new()),
                            layers: Vec::new(),
                        });
                        by_name.insert(name, self.groups.len() - 1);
                        self.groups.len() - 1
                    }
                };
                let g = &mut self.groups[gi];
                let li = match g.layers.iter().position(|(l, _)| *l == layer) {
                    Some(i) => i,
                    None => {
                        g.layers.push((layer, Vec::new()));
                        g.layers.len() - 1
                    }
                };
                let mods = &mut g.layers[li].1;
                // The same module from two surveys (e.g. overlapping runs) is shown once.
                if !mods
                    .iter()
                    .any(|m| m.key() == module.key() && m.action == module.action)
                {
                    mods.push(module);
                }
            }
        }
        let mut out = Vec::new();
        for g in &mut self.groups[first..] {
            g.facts = match resolve(&g.name) {
                Some(pg) => facts(&pg, &self.limits, &g.name).map_err(|e| e.to_string()),
                None => Err(format!(
                    "'{}' is not a group plrep can rebuild from its name (a group file?): no character table",
                    g.name
                )),
            };
            out.push((g.page(), group_page::page(g)));
            if let Ok(f) = &mut g.facts {
                out.push((
                    format!("groups/{}/lattice.svg", g.slug),
                    std::mem::take(&mut f.lattice_svg),
                ));
                f.tables = None;
            }
            // One page per module (its layers together), in first-appearance order.
            let mut keys: Vec<String> = Vec::new();
            for (_, mods) in &g.layers {
                for m in mods {
                    if !keys.contains(&m.key()) {
                        keys.push(m.key());
                    }
                }
            }
            for key in &keys {
                let of_key: Vec<(&Layer, &Module)> = g
                    .layers
                    .iter()
                    .filter_map(|(l, mods)| mods.iter().find(|m| m.key() == *key).map(|m| (l, m)))
                    .collect();
                if let Some((_, m)) = of_key.first() {
                    out.push((module_page::path(&g.slug, m), module_page::page(g, &of_key)));
                }
            }
            for (layer, mods) in &mut g.layers {
                for m in mods.iter_mut() {
                    if m.stats.is_some() {
                        out.push((
                            module_page::graph_file(g.slug.as_str(), layer, m),
                            graph_svg(&g.name, &g.order, layer, m),
                        ));
                    }
                    // Keep only what the exceptions page needs.
                    exceptions::keep_exceptions(&mut m.graph);
                }
            }
        }
        Ok(out)
    }

    /// The index, the exceptions page and the style sheet.
    ///
    /// Errors: bad input when no group was added.
    pub fn finish(self) -> Result<Vec<(String, String)>> {
        if self.groups.is_empty() {
            return Err(Error::bad(
                "the survey directories hold no records",
                "run plrep survey GROUPS --out DIR first, then plrep atlas DIR --out SITE",
            ));
        }
        let atlas = Atlas {
            groups: self.groups,
            surveys: self.surveys,
        };
        Ok(vec![
            ("style.css".to_string(), html::CSS.to_string()),
            ("index.html".to_string(), index::page(&atlas)),
            ("exceptions.html".to_string(), exceptions::page(&atlas)),
        ])
    }
}

/// The group key of a survey file name: `0007-PSL_2_7.jsonl` → `PSL_2_7` (files of the
/// same group in different surveys share it).
///
/// ```
/// use plrep::report::atlas::group_key;
/// assert_eq!(group_key("0007-PSL_2_7.jsonl"), "PSL_2_7");
/// ```
pub fn group_key(file: &str) -> &str {
    let stem = file.strip_suffix(".jsonl").unwrap_or(file);
    stem.split_once('-').map_or(stem, |(_, rest)| rest)
}

/// Build the whole site in memory (for small surveys and tests; the binary streams
/// group by group with [`AtlasBuilder`]).
///
/// # Arguments
/// * `surveys` — the survey directories' manifests and group files;
/// * `resolve` — see [`AtlasBuilder::add_group`];
/// * `limits` — for the character tables.
///
/// # Returns
/// `(path relative to the site root, file text)`, sorted by path.
///
/// # Errors
/// Bad input for a line that is not a `plrep.survey.v1` record, or when the surveys hold
/// no record at all.
///
/// # Complexity
/// One file of one survey: (survey index, file name, contents).
type SurveyFile = (usize, String, String);

/// One character table per group plus linear in the records' text.
pub fn build(
    surveys: &[SurveySource],
    resolve: &dyn Fn(&str) -> Option<PermGroup>,
    limits: &Limits,
) -> Result<Vec<(String, String)>> {
    let headers: Vec<SurveyHeader> = surveys
        .iter()
        .map(|s| SurveyHeader {
            label: s.label.clone(),
            manifest: s.manifest.clone(),
        })
        .collect();
    let mut b = AtlasBuilder::new(&headers, limits);
    // Group files by key, in first-appearance order.
    let mut keys: Vec<(&str, Vec<SurveyFile>)> = Vec::new();
    for (i, s) in surveys.iter().enumerate() {
        for (file, text) in &s.files {
            let key = group_key(file);
            let entry = match keys.iter().position(|(k, _)| *k == key) {
                Some(p) => &mut keys[p].1,
                None => {
                    keys.push((key, Vec::new()));
                    &mut keys.last_mut().expect("just pushed").1
                }
            };
            entry.push((i, file.clone(), text.clone()));
        }
    }
    let mut files = Vec::new();
    for (_, group_files) in &keys {
        files.extend(b.add_group(group_files, resolve)?);
    }
    files.extend(b.finish()?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
