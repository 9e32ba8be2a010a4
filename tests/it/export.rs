//! Tests of `plrep export` and `plrep decompose`: the `.npy` files decode to the exact
//! values of the JSON files (rounded), the manifest describes them, the bytes are
//! deterministic, and every bad array exits 2 with one line.

use crate::cli::{plrep, stdout};
use plrep::arith::Cyclotomic;
use plrep::report::npy::{decode, encode_f64};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("plrep-it-export-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn export(args: &[&str], dir: &Path) -> Value {
    let mut all: Vec<&str> = vec!["export"];
    all.extend_from_slice(args);
    let d = dir.to_str().unwrap();
    all.extend_from_slice(&["-o", d]);
    stdout(&all);
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

fn read_npy(path: &Path) -> (Vec<usize>, Vec<f64>) {
    let a = decode(&std::fs::read(path).unwrap(), 1 << 24).unwrap();
    (a.shape, a.data)
}

/// For C5 (irrational projectors), S4 on pairs and Q8 (a quaternionic simple): the float
/// projector of every simple is its exact projector rounded, and they sum to the identity.
#[test]
fn npy_projectors_are_the_exact_ones_rounded() {
    for (g, a) in [("C5", "regular"), ("S4", "subsets:2"), ("Q8", "regular")] {
        let (dn, dj) = (tmp(&format!("{g}-npy")), tmp(&format!("{g}-json")));
        let mn = export(
            &[g, "--action", a, "--what", "projectors", "--format", "npy"],
            &dn,
        );
        let mj = export(
            &[g, "--action", a, "--what", "projectors", "--format", "json"],
            &dj,
        );
        assert_eq!(mn["schema"], "plrep.export.v1");
        let n = mn["points"].as_u64().unwrap() as usize;
        let mut sum = vec![0.0; n * n];
        let files = mn["files"].as_array().unwrap();
        let mut rank = 0;
        for (fe, je) in files.iter().zip(mj["files"].as_array().unwrap()) {
            assert_eq!(fe["simple"], je["simple"]);
            let (shape, p) = read_npy(&dn.join(fe["file"].as_str().unwrap()));
            assert_eq!(shape, vec![n, n]);
            let doc: Value = serde_json::from_slice(
                &std::fs::read(dj.join(je["file"].as_str().unwrap())).unwrap(),
            )
            .unwrap();
            let exact = doc["exact"].as_array().unwrap();
            for y in 0..n {
                for x in 0..n {
                    let c: Cyclotomic = exact[y][x].as_str().unwrap().parse().unwrap();
                    assert!(c.is_real());
                    assert_eq!(p[y * n + x], c.to_f64(), "{g} {y} {x}");
                    sum[y * n + x] += p[y * n + x];
                }
            }
            let trace: f64 = (0..n).map(|x| p[x * n + x]).sum();
            let r = fe["rank"].as_u64().unwrap();
            assert_eq!(
                r,
                fe["dim"].as_u64().unwrap() * fe["multiplicity"].as_u64().unwrap()
            );
            assert!((trace - r as f64).abs() < 1e-9);
            rank += r;
        }
        assert_eq!(rank as usize, n);
        for y in 0..n {
            for x in 0..n {
                let want = if x == y { 1.0 } else { 0.0 };
                assert!((sum[y * n + x] - want).abs() < 1e-12);
            }
        }
        let _ = std::fs::remove_dir_all(&dn);
        let _ = std::fs::remove_dir_all(&dj);
    }
}

/// The exact basis in JSON is orthogonal with the stated norms, and the npy rows are it
/// normalised.
#[test]
fn bases_exact_and_float_agree() {
    let (dn, dj) = (tmp("basis-npy"), tmp("basis-json"));
    let mn = export(&["C5", "--what", "basis", "--format", "npy"], &dn);
    export(&["C5", "--what", "basis", "--format", "json"], &dj);
    for fe in mn["files"].as_array().unwrap() {
        let (shape, b) = read_npy(&dn.join(fe["file"].as_str().unwrap()));
        let name = fe["file"].as_str().unwrap().replace(".npy", ".json");
        let doc: Value = serde_json::from_slice(&std::fs::read(dj.join(name)).unwrap()).unwrap();
        let vectors: Vec<Vec<Cyclotomic>> = doc["vectors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().parse().unwrap())
                    .collect()
            })
            .collect();
        let norms: Vec<Cyclotomic> = doc["squared_norms"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().parse().unwrap())
            .collect();
        assert_eq!(shape, vec![vectors.len(), 5]);
        for (i, u) in vectors.iter().enumerate() {
            for (j, v) in vectors.iter().enumerate() {
                let dot: Cyclotomic = u.iter().zip(v).map(|(a, c)| a * c).sum();
                assert_eq!(
                    dot,
                    if i == j {
                        norms[i].clone()
                    } else {
                        Cyclotomic::zero()
                    }
                );
            }
            let s = norms[i].to_f64().sqrt();
            for x in 0..5 {
                assert!((b[i * 5 + x] - u[x].to_f64() / s).abs() < 1e-15);
            }
        }
    }
}

#[test]
fn hom_export_and_determinism() {
    let (d1, d2) = (tmp("hom1"), tmp("hom2"));
    let m = export(
        &[
            "S4",
            "--action",
            "natural",
            "--what",
            "hom",
            "--to",
            "subsets:2",
            "--format",
            "npy",
        ],
        &d1,
    );
    assert_eq!(m["files"][0]["shape"], serde_json::json!([2, 6, 4]));
    let (shape, h) = read_npy(&d1.join("hom.npy"));
    assert_eq!(shape, vec![2, 6, 4]);
    // A point of {1,2,3,4} lies in a pair or not: each row has two 1s in basis 0 or 1.
    for y in 0..6 {
        let inside: f64 = (0..4).map(|x| h[y * 4 + x]).sum();
        assert!(inside == 2.0 || inside == 0.0);
        let other: f64 = (0..4).map(|x| h[24 + y * 4 + x]).sum();
        assert_eq!(inside + other, 4.0);
    }
    export(
        &[
            "S4",
            "--action",
            "natural",
            "--what",
            "hom",
            "--to",
            "subsets:2",
            "--format",
            "npy",
        ],
        &d2,
    );
    for f in ["hom.npy", "manifest.json"] {
        assert_eq!(
            std::fs::read(d1.join(f)).unwrap(),
            std::fs::read(d2.join(f)).unwrap()
        );
    }
}

#[test]
fn export_refusals() {
    let d = tmp("refuse");
    let ds = d.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["export", "S4", "--what", "projectors", "--format", "npy"],
            "-o DIR",
        ),
        (
            vec![
                "export",
                "S4",
                "--what",
                "projectors",
                "--format",
                "svg",
                "-o",
                ds,
            ],
            "no --format svg",
        ),
        (
            vec![
                "export", "S4", "--what", "basis", "--to", "natural", "--format", "npy", "-o", ds,
            ],
            "--to applies to --what hom",
        ),
        (
            vec![
                "export", "S4", "--what", "hom", "--to", "bogus", "--format", "npy", "-o", ds,
            ],
            "unknown action 'bogus'",
        ),
        (
            vec!["export", "S4", "--what", "everything", "-o", ds],
            "everything",
        ),
    ] {
        let out = plrep(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.starts_with("error: ") && err.lines().count() == 1 && err.contains(needle),
            "{args:?}: {err}"
        );
    }
    assert!(!d.exists(), "nothing is written on error");
}

fn write_npy(name: &str, bytes: &[u8]) -> PathBuf {
    // One directory per file: the tests run in parallel and `tmp` clears its directory.
    let dir = tmp(&format!("decompose-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Rows chosen so the energies are exact in binary: e_1 (1/6, 1/3, 1/2 by the projector
/// diagonals), the all-ones vector (all trivial) and a vector of the standard part.
#[test]
fn decompose_text_json_markdown() {
    let rows = [
        [1.0, 0.0, 0.0, 0.0, 0.0, 0.0],
        [1.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        [1.0, -1.0, 0.0, 0.0, 0.0, 0.0],
    ];
    let data: Vec<f64> = rows.iter().flatten().copied().collect();
    let p = write_npy("rows.npy", &encode_f64(&[3, 6], &data));
    let ps = p.to_str().unwrap();
    let base = ["decompose", "S4", "--action", "subsets:2", "--input", ps];
    let j: Value =
        serde_json::from_str(&stdout(&[&base[..], &["--format", "json"]].concat())).unwrap();
    assert_eq!(j["schema"], "plrep.decompose.v1");
    let e = |r: usize, k: usize| j["energy_of_row"][r]["energy"][k].as_f64().unwrap();
    assert!(
        (e(0, 0) - 1.0 / 6.0).abs() < 1e-12
            && (e(0, 1) - 1.0 / 3.0).abs() < 1e-12
            && (e(0, 2) - 0.5).abs() < 1e-12
    );
    assert!((e(1, 0) - 6.0).abs() < 1e-12 && e(1, 1).abs() < 1e-12 && e(1, 2).abs() < 1e-12);
    let text = stdout(&base).replace(ps, "rows.npy");
    insta::assert_snapshot!("decompose_s4_pairs_text", text);
    let md = stdout(&[&base[..], &["--format", "markdown"]].concat());
    insta::assert_snapshot!("decompose_s4_pairs_markdown", md);
}

#[test]
fn decompose_refusals_exit_2_or_3() {
    let f64_header = |shape: &str, descr: &str| {
        let h = format!("{{'descr': '{descr}', 'fortran_order': False, 'shape': {shape}, }}");
        let mut b = b"\x93NUMPY\x01\x00".to_vec();
        b.extend_from_slice(&(h.len() as u16).to_le_bytes());
        b.extend_from_slice(h.as_bytes());
        b
    };
    let mut ints = f64_header("(1, 6)", "<i8");
    ints.extend_from_slice(&[0; 48]);
    let mut nan = encode_f64(&[1, 6], &[0.0; 6]);
    let len = nan.len();
    nan[len - 8..].copy_from_slice(&f64::NAN.to_le_bytes());
    let cases: Vec<(&str, Vec<u8>, i32, &str)> = vec![
        (
            "wide.npy",
            encode_f64(&[2, 7], &[0.0; 14]),
            2,
            "7 columns but |X| = 6",
        ),
        (
            "flat.npy",
            encode_f64(&[6], &[0.0; 6]),
            2,
            "1 dimensions, not 2",
        ),
        ("ints.npy", ints, 2, "dtype '<i8' is not float"),
        ("nan.npy", nan, 2, "row 1, column 6 is NaN"),
        ("text.npy", b"1,2,3\n".to_vec(), 2, "not a valid .npy file"),
        (
            "cut.npy",
            encode_f64(&[2, 6], &[0.0; 12])[..150].to_vec(),
            2,
            "needs 96 bytes",
        ),
        (
            "huge.npy",
            f64_header("(1000000000, 6)", "<f8"),
            3,
            "--max-memory-mb",
        ),
    ];
    for (name, bytes, code, needle) in cases {
        let p = write_npy(name, &bytes);
        let out = plrep(&[
            "decompose",
            "S4",
            "--action",
            "subsets:2",
            "--input",
            p.to_str().unwrap(),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{name}: {err}");
        assert!(
            err.starts_with("error: ") && err.lines().count() == 1 && err.contains(needle),
            "{name}: {err}"
        );
    }
    let out = plrep(&["decompose", "S4", "--input", "/nonexistent/x.npy"]);
    assert_eq!(out.status.code(), Some(2));
    // The file-size cap applies before reading.
    let p = write_npy("big.npy", &encode_f64(&[1, 24], &[0.0; 24]));
    let out = plrep(&[
        "decompose",
        "S4",
        "--input",
        p.to_str().unwrap(),
        "--max-memory-mb",
        "0",
    ]);
    assert_eq!(out.status.code(), Some(3));
}
