//! `plrep survey --depth K` (issue 10, 6c): the depth closure recorded per module agrees
//! with a direct network analysis, the flag leaves surveys without it unchanged, and
//! C8's regular module reaches L3 from L1 only at depth 2.

use super::survey::{fresh, plrep};
use plrep::group::catalog::lookup;
use plrep::group::gset::ActionSpec;
use plrep::group::Limits;
use plrep::network::{analyze, stable_depth, Network};
use plrep::pl::{exists_table, Activation, GroupData, SolverOptions};
use plrep::survey::depth::network_options;
use serde_json::Value;
use std::path::Path;
use std::process::Output;

fn survey(dir: &Path, args: &[&str], code: i32) -> Output {
    let mut a = vec!["survey", "--quiet"];
    a.extend_from_slice(args);
    a.extend(["--out", dir.to_str().unwrap()]);
    let out = plrep(&a);
    assert_eq!(
        out.status.code(),
        Some(code),
        "{a:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn records(dir: &Path) -> Vec<Value> {
    let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    names.sort();
    names
        .iter()
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .map(|l| serde_json::from_str::<Value>(l).unwrap())
                .collect::<Vec<_>>()
        })
        .collect()
}

fn labels(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_string())
        .collect()
}

const K: usize = 4;

#[test]
fn survey_depth_records_agree_with_a_direct_network_analysis() {
    let dir = fresh("direct");
    let k = K.to_string();
    let args = [
        "C8",
        "S3",
        "D8",
        "--actions",
        "regular",
        "--actions",
        "transitive",
        "--depth",
        &k,
    ];
    survey(&dir, &args, 0);
    let recs = records(&dir);
    assert_eq!(recs.len(), 1 + 4 + 1 + 4 + 1 + 8);
    let lim = Limits::default();
    let opts = network_options(&SolverOptions::new(Activation::Relu));
    for r in &recs {
        let what = format!("{} {}", r["group"], r["action"]);
        assert_eq!(r["status"], "ok", "{what}");
        let d = &r["depth"];
        assert_eq!(d["max_depth"], K as u64, "{what}");
        let data = GroupData::new(&lookup(r["group"].as_str().unwrap()).unwrap(), &lim).unwrap();
        let spec = ActionSpec::parse(r["action"].as_str().unwrap()).unwrap();
        let mut net = Network::new(&data, &vec![spec; K + 1], &lim).unwrap();
        let present = net.simples_of(0);
        let src: Vec<Vec<usize>> = present.iter().map(|&l| vec![l]).collect();
        let stable = stable_depth(&net, &opts, &src).unwrap();
        assert_eq!(
            d["stable_depth"].as_u64(),
            stable.map(|x| x as u64),
            "{what}"
        );
        if let Some(s) = stable {
            net.layer_module.truncate(s + 1);
            net.layer_cross.truncate(s);
        }
        assert_eq!(d["analysed_depth"], net.depth() as u64, "{what}");
        let res = analyze(&net, &opts, &src).unwrap();
        assert_eq!(d["unresolved"], res.unresolved() as u64, "{what}");
        assert_eq!(res.unresolved(), 0, "{what}");
        let table = exists_table(&data.simples);
        let n = data.simples.simples.len();
        let name = |i: usize| data.simples.simples[i].label.clone();
        let sources = d["sources"].as_array().unwrap();
        assert_eq!(sources.len(), present.len(), "{what}");
        let (mut pairs, mut late_pairs, mut equal) = (0, 0, true);
        for ((s, &l), rec) in res.sources.iter().zip(&present).zip(sources) {
            assert_eq!(rec["source"], name(l).as_str());
            let reached: Vec<usize> = present
                .iter()
                .copied()
                .filter(|&m| (1..=net.depth()).any(|x| s.reached_at(x, m)))
                .collect();
            let late: Vec<String> = reached
                .iter()
                .copied()
                .filter(|&m| !s.reached_at(1, m))
                .map(name)
                .collect();
            let bound: Vec<usize> = present
                .iter()
                .copied()
                .filter(|&m| table[l * n + m].nonzero)
                .collect();
            // The PL-Schur bound holds at every depth (theory.md §10).
            assert!(
                reached.iter().all(|m| bound.contains(m)),
                "{what} {}",
                name(l)
            );
            assert_eq!(
                labels(&rec["reached"]),
                reached.iter().map(|&m| name(m)).collect::<Vec<_>>()
            );
            assert_eq!(labels(&rec["only_through_depth"]), late, "{what}");
            assert_eq!(
                labels(&rec["pl_schur"]),
                bound.iter().map(|&m| name(m)).collect::<Vec<_>>()
            );
            pairs += reached.len();
            late_pairs += late.len();
            equal &= reached == bound;
        }
        assert_eq!(d["closure_pairs"], pairs as u64, "{what}");
        assert_eq!(d["only_through_depth"], late_pairs as u64, "{what}");
        assert_eq!(d["closure_equals_pl_schur"], equal, "{what}");
    }
    // C8 regular: L1 reaches L3 only at depth 2 (the worked example of theory.md §10).
    let c8 = recs
        .iter()
        .find(|r| r["group"] == "C8" && r["action"] == "regular")
        .unwrap();
    let l1 = c8["depth"]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["source"] == "L1")
        .unwrap();
    assert_eq!(labels(&l1["only_through_depth"]), vec!["L3".to_string()]);
    assert!(labels(&l1["reached"]).contains(&"L3".to_string()));
    let md = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(md.contains("## Depth"));
    assert!(
        md.contains("| 0000 | C8 | regular | 3 | 3 | yes | 16 | 16 | 2 | 0 |"),
        "{md}"
    );
}

#[test]
fn without_depth_nothing_changes_and_a_resume_must_agree() {
    let dir = fresh("plain");
    survey(&dir, &["S3"], 0);
    let recs = records(&dir);
    assert!(recs.iter().all(|r| r.get("depth").is_none()));
    let manifest = std::fs::read_to_string(dir.join("survey.json")).unwrap();
    assert!(!manifest.contains("depth"));
    let md = std::fs::read_to_string(dir.join("summary.md")).unwrap();
    assert!(!md.contains("## Depth"));
    // Resuming the same directory with --depth is another survey.
    let out = survey(&dir, &["S3", "--depth", "2"], 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("depth"));
    let out = survey(&fresh("zero"), &["S3", "--depth", "0"], 2);
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: --depth 0"));
    survey(&fresh("big"), &["S3", "--depth", "65"], 3);
}
