//! The SmallGroups catalog (`data/smallgroups.json`) against plrep's own computations,
//! and the PL atlas (`plrep atlas`): structure, links, determinism.

use plrep::group::smallgroups::{self, small_groups, MAX_SMALL_ORDER};
use plrep::group::subgroups::SubgroupClasses;
use plrep::group::{catalog, spec::parse_group, ConjugacyClasses, Limits};
use plrep::pl::{Activation, SolverOptions};
use plrep::report::atlas::{build, SurveySource};
use plrep::survey::groups::{expand, range_members};
use plrep::survey::layout::group_file_name;
use plrep::survey::record::{survey_group, ActionChoice, SurveyOptions};
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The number of groups of order n (OEIS A000001), n = 1..100.
const NUMBERS_OF_GROUPS: [u64; 100] = [
    1, 1, 1, 2, 1, 2, 1, 5, 2, 2, 1, 5, 1, 2, 1, 14, 1, 5, 1, 5, 2, 2, 1, 15, 2, 2, 5, 4, 1, 4, 1,
    51, 1, 2, 1, 14, 1, 2, 2, 14, 1, 6, 1, 4, 2, 2, 1, 52, 2, 5, 1, 5, 1, 15, 2, 13, 2, 2, 1, 13,
    1, 2, 4, 267, 1, 4, 1, 5, 1, 4, 1, 50, 1, 2, 3, 4, 1, 6, 1, 52, 15, 2, 1, 15, 1, 2, 1, 12, 1,
    10, 1, 4, 2, 2, 1, 231, 1, 5, 2, 16,
];

#[test]
fn smallgroups_file_lists_every_group_of_order_at_most_100() {
    let all = small_groups();
    assert_eq!(all.len(), 1048);
    for n in 1..=MAX_SMALL_ORDER {
        assert_eq!(
            smallgroups::number_of_groups(n),
            Some(NUMBERS_OF_GROUPS[n as usize - 1]),
            "order {n}"
        );
    }
    // Ids are consecutive and sorted (the lookup is a binary search).
    let mut expected = Vec::new();
    for n in 1..=MAX_SMALL_ORDER {
        for i in 1..=NUMBERS_OF_GROUPS[n as usize - 1] {
            expected.push((n, i));
        }
    }
    assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), expected);
    assert!(all
        .iter()
        .all(|e| e.order == e.id.0 && e.degree as u64 <= e.order.max(1)));
}

/// Every group's order (Schreier–Sims) and number of conjugacy classes against the file.
#[test]
fn smallgroups_orders_and_class_numbers_match_gap() {
    let limits = Limits::default();
    for e in small_groups() {
        let g = e.group().unwrap();
        assert_eq!(g.order_u64(), Some(e.order), "{}", e.name());
        let el = g.enumerate(&limits).unwrap();
        let c = ConjugacyClasses::compute(&el, g.generators());
        assert_eq!(c.len(), e.classes, "classes of {}", e.name());
    }
}

/// The number of conjugacy classes of subgroups against GAP's, for every group (about
/// 2 s in release for all 1048 groups).
#[test]
fn smallgroups_subgroup_class_numbers_match_gap() {
    let limits = Limits::default();
    for e in small_groups() {
        let g = e.group().unwrap();
        let el = g.enumerate(&limits).unwrap();
        let c = ConjugacyClasses::compute(&el, g.generators());
        let s = SubgroupClasses::compute(&g, &el, &c, &limits).unwrap();
        assert_eq!(
            s.classes.len(),
            e.subgroup_classes,
            "subgroup classes of {}",
            e.name()
        );
    }
}

#[test]
fn smallgroup_specs() {
    let a = parse_group("SmallGroup(24,12)").unwrap();
    let b = parse_group("SG24_12").unwrap();
    assert_eq!(a.name(), Some("SG24_12"));
    assert_eq!(a.generators(), b.generators());
    assert_eq!(a.order_u64(), Some(24));
    // SmallGroup(24,12) is S4: 5 classes, non-abelian, solvable.
    let el = a.enumerate(&Limits::default()).unwrap();
    assert_eq!(ConjugacyClasses::compute(&el, a.generators()).len(), 5);
    // Spaces, products, and the named SG files keep precedence (same generators).
    assert_eq!(
        parse_group("SmallGroup( 16 , 3 )").unwrap().generators(),
        catalog::named_group("SG16_3")
            .unwrap()
            .group()
            .unwrap()
            .generators()
    );
    assert_eq!(parse_group("SG6_1xC2").unwrap().order_u64(), Some(12));
    for (bad, needle) in [
        ("SG24_16", "15 groups of order 24"),
        ("SmallGroup(101,1)", "orders 1..100"),
        ("SG24", "all 15 groups of order 24"),
        ("SG0_1", "orders 1..100"),
    ] {
        let e = parse_group(bad).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{bad}");
        assert!(e.to_string().contains(needle), "{bad}: {e}");
    }
}

#[test]
fn smallgroup_survey_ranges() {
    assert_eq!(range_members("SG1..SG100").unwrap().len(), 1048);
    assert_eq!(
        range_members("SG1..SG4").unwrap(),
        ["SG1_1", "SG2_1", "SG3_1", "SG4_1", "SG4_2"]
    );
    assert!(range_members("SG1..SG101").is_err());
    let g = expand(&["SG24".to_string(), "SG8_3".to_string()]).unwrap();
    assert_eq!(g.len(), 16);
    assert_eq!(g[11].name, "SG24_12");
    assert_eq!(g[15].name, "SG8_3");
    assert!(g.iter().take(15).all(|s| s.group.order_u64() == Some(24)));
}

/// A survey of `groups` (transitive modules) as a [`SurveySource`], one file per group.
fn source(label: &str, groups: &[&str], activation: Activation) -> SurveySource {
    let options = SurveyOptions {
        actions: vec![ActionChoice::Transitive],
        solver: SolverOptions::new(activation),
        limits: Limits::default(),
    };
    let list: Vec<String> = groups.iter().map(|s| s.to_string()).collect();
    let files = expand(&list)
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let text: String = survey_group(&g.name, &g.group, &options)
                .iter()
                .map(|m| m.record.to_string() + "\n")
                .collect();
            (group_file_name(i, list.len(), &g.name), text)
        })
        .collect();
    SurveySource {
        label: label.to_string(),
        manifest: None,
        files,
    }
}

fn small_site() -> Vec<(String, String)> {
    let groups = ["C4", "S3", "A4", "SG8_3"];
    let surveys = [
        source("relu", &groups, Activation::Relu),
        source("abs", &groups, Activation::Abs),
    ];
    build(&surveys, &|n: &str| parse_group(n).ok(), &Limits::default()).unwrap()
}

/// The values of `attr="..."` in `html`.
fn attributes<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let pat = format!(" {attr}=\"");
    html.match_indices(&pat)
        .map(|(i, _)| {
            let rest = &html[i + pat.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// Resolve `target` relative to the page at `page` (site-relative paths, no `..` above
/// the root).
fn resolve(page: &str, target: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            ".." => {
                parts.pop().expect("a link above the site root");
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn atlas_structure_links_and_determinism() {
    let site = small_site();
    assert_eq!(site, small_site(), "the same surveys give the same bytes");
    let files: BTreeMap<&str, &str> = site.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    for p in [
        "index.html",
        "exceptions.html",
        "style.css",
        "groups/A4.html",
        "groups/A4/lattice.svg",
        "groups/A4/abs-H2.svg",
        "groups/A4/H2.html",
        "groups/SG8_3.html",
        "groups/SG8_3/H1.html",
    ] {
        assert!(files.contains_key(p), "{p} missing");
    }
    let mut svgs_referenced = BTreeSet::new();
    for (page, html) in files.iter().filter(|(p, _)| p.ends_with(".html")) {
        assert!(
            html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
            "{page}"
        );
        assert!(
            html.contains("<main>") && html.contains("</html>\n"),
            "{page}"
        );
        assert_eq!(
            html.matches("<table").count(),
            html.matches("</table>").count(),
            "{page}"
        );
        assert!(
            !html.contains("<table") || html.contains("<th scope=\"col\""),
            "{page}: tables need headers"
        );
        let ids: BTreeSet<&str> = attributes(html, "id").into_iter().collect();
        for target in attributes(html, "href")
            .into_iter()
            .chain(attributes(html, "src"))
        {
            assert!(!target.contains("://"), "{page}: external link {target}");
            let (path, frag) = target.split_once('#').unwrap_or((target, ""));
            let resolved = if path.is_empty() {
                page.to_string()
            } else {
                resolve(page, path)
            };
            let text = files
                .get(resolved.as_str())
                .unwrap_or_else(|| panic!("{page}: {target} does not resolve"));
            if !frag.is_empty() {
                let there: BTreeSet<&str> = if path.is_empty() {
                    ids.clone()
                } else {
                    attributes(text, "id").into_iter().collect()
                };
                assert!(there.contains(frag), "{page}: anchor {target} missing");
            }
            if resolved.ends_with(".svg") {
                svgs_referenced.insert(resolved);
            }
        }
    }
    // Every drawing is referenced by a page, and every drawing has a title.
    let svgs: BTreeSet<String> = files
        .keys()
        .filter(|p| p.ends_with(".svg"))
        .map(|p| p.to_string())
        .collect();
    assert_eq!(svgs, svgs_referenced);
    for p in &svgs {
        let t = files[p.as_str()];
        assert!(t.starts_with("<svg role=\"img\" "), "{p}");
        assert!(t.contains("\n<title>") && t.ends_with("</svg>\n"), "{p}");
    }
    // Index: one row per group and activation; the S4-like exceptions of A4 (abs) listed.
    let index = files["index.html"];
    assert!(index.contains("data-rows=\"8\""));
    let groups_table = &index[index.find("<table id=\"groups\"").unwrap()..];
    let groups_table = &groups_table[..groups_table.find("</table>").unwrap()];
    assert_eq!(groups_table.matches("<tr><th scope=\"row\"").count(), 8);
    // The totals: one row per activation, the sums of the records' counts.
    let totals = &index[index.find("<table id=\"totals-table\"").unwrap()..];
    let totals = &totals[..totals.find("</table>").unwrap()];
    assert_eq!(totals.matches("<tr><th scope=\"row\"").count(), 2);
    assert!(
        totals.contains("<th scope=\"row\" class=\"l\">abs</th><td>4</td><td>20</td><td>0</td>")
    );
    let ex = files["exceptions.html"];
    assert!(ex.contains("id=\"A4-abs\""));
    assert!(ex.contains("centralizer element"));
    assert!(ex.contains("plrep solve A4 --from L2 --to L2 --action &#39;cosets:"));
    // Every module has its own page with a section per activation (its drawing, its
    // edge table), and the group page only links to them: A4 has 5 subgroup classes.
    let module_pages: Vec<&str> = files
        .keys()
        .copied()
        .filter(|p| p.starts_with("groups/A4/") && p.ends_with(".html"))
        .collect();
    assert_eq!(
        module_pages,
        [
            "groups/A4/H1.html",
            "groups/A4/H2.html",
            "groups/A4/H3.html",
            "groups/A4/H4.html",
            "groups/A4/H5.html"
        ]
    );
    let h2 = files["groups/A4/H2.html"];
    for needle in [
        "<h2 id=\"relu\">",
        "<h2 id=\"abs\">",
        "<img src=\"relu-H2.svg\"",
        "<img src=\"abs-H2.svg\"",
        "<caption>Edges (6)</caption>",
        "plrep graph A4 --action &#39;cosets:(1,2)(3,4)&#39; --activation abs --certify",
        "<tr id=\"abs-L2-L2\">",
    ] {
        assert!(h2.contains(needle), "A4/H2 page: {needle}");
    }
    let a4 = files["groups/A4.html"];
    assert!(!a4.contains("<caption>Edges") && !a4.contains("<img src=\"A4/relu-"));
    assert_eq!(a4.matches("<a href=\"A4/H").count(), 10);
    // The exceptions link to the non-edge's row on its module page.
    assert!(ex.contains("<a href=\"groups/A4/H2.html#abs-L2-L2\">"));
    // The SmallGroups structure description reaches the pages.
    assert!(files["groups/SG8_3.html"].contains("<code>D8</code>"));
}

/// The exceptions' counts agree with the records: the sum of `g_hat_mattered`.
#[test]
fn atlas_exceptions_count_matches_records() {
    let s = source("abs", &["A4", "S4"], Activation::Abs);
    let total: u64 = s
        .files
        .iter()
        .flat_map(|(_, t)| t.lines())
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["stats"]["g_hat_mattered"]
                .as_u64()
                .unwrap()
        })
        .sum();
    assert!(total > 0);
    let site = build(&[s], &|n: &str| parse_group(n).ok(), &Limits::default()).unwrap();
    let ex = &site.iter().find(|(p, _)| p == "exceptions.html").unwrap().1;
    assert!(ex.contains(&format!("<strong>{total}</strong> exceptions")));
    assert_eq!(ex.matches("<tr><th scope=\"row\"").count() as u64, total);
}

#[test]
fn atlas_index_snapshot() {
    let site = build(
        &[source("relu", &["C4", "S3"], Activation::Relu)],
        &|n: &str| parse_group(n).ok(),
        &Limits::default(),
    )
    .unwrap();
    let index = &site.iter().find(|(p, _)| p == "index.html").unwrap().1;
    // The rows and the columns' legend (the script is checked in a browser).
    let body = &index[index.find("<h1>").unwrap()..index.find("<script>").unwrap()];
    insta::assert_snapshot!(body);
}

#[test]
fn atlas_command_end_to_end() {
    let base = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("atlas-tests");
    let _ = std::fs::remove_dir_all(&base);
    let (sv, site) = (base.join("survey"), base.join("site"));
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_plrep"))
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&[
        "survey",
        "SG6",
        "--actions",
        "transitive",
        "--quiet",
        "--out",
        sv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let out = run(&[
        "atlas",
        sv.to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let index = std::fs::read_to_string(site.join("index.html")).unwrap();
    assert!(index.contains("plrep survey SG6 --actions transitive --activation relu --out"));
    assert!(site.join("groups/SG6_1/relu-H1.svg").is_file());
    assert!(site.join("groups/SG6_2.html").is_file());
    // The binary streams group by group; the in-memory build gives the same bytes.
    let mut files: Vec<(String, String)> = std::fs::read_dir(&sv)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| plrep::survey::layout::is_group_file(n))
        .map(|n| (n.clone(), std::fs::read_to_string(sv.join(&n)).unwrap()))
        .collect();
    files.sort();
    let source = SurveySource {
        label: sv.to_str().unwrap().to_string(),
        manifest: Some(std::fs::read_to_string(sv.join("survey.json")).unwrap()),
        files,
    };
    let built = build(
        &[source],
        &|n: &str| parse_group(n).ok(),
        &Limits::default(),
    )
    .unwrap();
    assert!(built.len() > 10);
    for (rel, text) in &built {
        assert_eq!(
            &std::fs::read_to_string(site.join(rel)).unwrap(),
            text,
            "{rel}"
        );
    }
    // Bad input: one line, exit 2.
    let out = run(&[
        "atlas",
        base.join("nothing").to_str().unwrap(),
        "--out",
        site.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && err.lines().count() == 1,
        "{err}"
    );
}
