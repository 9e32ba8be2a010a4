//! `plrep export`: exact projectors, bases of the isotypic parts and the orbital basis of
//! `Hom_G(R^X, R^Y)` as files in a directory, with a manifest (`plrep.export.v1`). Every
//! file's bytes are computed before the first one is written.

use crate::common::{load_group, to_json};
use crate::Format;
use plrep::group::gset::{ActionSpec, GSet};
use plrep::group::Limits;
use plrep::pl::export::{hom_orbital_basis, isotypic_parts, orthogonal_basis};
use plrep::pl::PlModule;
use plrep::record::export::{
    BasisFileRecord, ExportEntryRecord, ExportManifestRecord, HomEntryRecord, HomFileRecord,
    PartEntryRecord, ProjectorFileRecord, BASIS_SCHEMA, EXPORT_SCHEMA, HOM_SCHEMA,
    PROJECTOR_SCHEMA,
};
use plrep::report::npy::encode_f64;
use plrep::{Error, LimitKind, Result};
use std::path::Path;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum What {
    /// The isotypic projectors P_L.
    Projectors,
    /// An orthonormal basis of each isotypic part (exact orthogonal basis in JSON).
    Basis,
    /// The orbital basis of Hom_G(R^X, R^Y) (Y from --to, default X).
    Hom,
}

const FLOATS: &str = "float64 values are conversions of plrep's exact values (rounded), for convenience only; the JSON files hold the exact values (GAP cyclotomic notation, E(n) = exp(2 pi i/n))";

/// `plrep export`: compute everything, then write `files` and `manifest.json` into `dir`.
pub(crate) fn export(
    group: &str,
    action: &str,
    what: What,
    to: Option<&str>,
    format: Format,
    dir: Option<&Path>,
    limits: &Limits,
) -> Result<String> {
    format.require("export", &[Format::Npy, Format::Json])?;
    let dir =
        dir.ok_or_else(|| Error::bad("export writes a directory of files", "give it with -o DIR"))?;
    if what != What::Hom && to.is_some() {
        return Err(Error::bad(
            "--to applies to --what hom only",
            "drop --to, or use --what hom",
        ));
    }
    let action_spec = ActionSpec::parse(action)?;
    let to_spec = to.map(ActionSpec::parse).transpose()?;
    let g = load_group(group, limits)?;
    let npy = format == Format::Npy;
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut entries: Vec<ExportEntryRecord> = Vec::new();
    let max_bytes = limits.max_memory_mb.saturating_mul(1 << 20);
    // The dtype and exactness of a file in the chosen format (float64 npy is exact only
    // for the hom basis's 0/1 entries).
    let dtype = |exact_npy: bool| {
        if npy {
            ("float64".to_string(), exact_npy)
        } else {
            ("exact".to_string(), true)
        }
    };
    let points;
    match what {
        What::Projectors | What::Basis => {
            let m = PlModule::new(&g, &action_spec, limits)?;
            let n = m.points();
            points = n;
            for part in isotypic_parts(&m) {
                let r = part.rank();
                let (kind, shape) = match what {
                    What::Projectors => ("projector", (n, n)),
                    _ => ("basis", (r, n)),
                };
                let name = format!("{kind}_{}", part.label);
                let mut note = None;
                let file = if what == What::Projectors {
                    if npy {
                        files.push((
                            name.clone() + ".npy",
                            encode_f64(&[n, n], &part.projector_f64()),
                        ));
                        name + ".npy"
                    } else {
                        let doc = ProjectorFileRecord {
                            exact: part
                                .projector
                                .chunks(n)
                                .map(|r| r.iter().map(|c| c.to_string()).collect())
                                .collect(),
                            schema: PROJECTOR_SCHEMA.to_string(),
                            shape,
                            simple: part.label.clone(),
                        };
                        files.push((name.clone() + ".json", to_json(&doc)?.into_bytes()));
                        name + ".json"
                    }
                } else {
                    let b = orthogonal_basis(&part)?;
                    if npy {
                        files.push((
                            name.clone() + ".npy",
                            encode_f64(&[r, n], &b.orthonormal_f64()),
                        ));
                        note = Some("orthonormal rows u_j / sqrt(N_j) of the exact orthogonal basis u_j (export --format json)".to_string());
                        name + ".npy"
                    } else {
                        let doc = BasisFileRecord {
                            note: "rows u_j are exactly orthogonal with <u_j,u_j> = squared_norms[j]; u_j is P_L e_x minus its components along u_1..u_{j-1}, x = pivots[j] (1-based); the orthonormal basis is u_j / sqrt(squared_norms[j])".to_string(),
                            pivots: b.pivots.iter().map(|x| x + 1).collect(),
                            schema: BASIS_SCHEMA.to_string(),
                            shape,
                            simple: part.label.clone(),
                            squared_norms: b.norms.iter().map(|c| c.to_string()).collect(),
                            vectors: b
                                .vectors
                                .iter()
                                .map(|u| u.iter().map(|c| c.to_string()).collect())
                                .collect(),
                        };
                        files.push((name.clone() + ".json", to_json(&doc)?.into_bytes()));
                        name + ".json"
                    }
                };
                let (dtype, exact) = dtype(false);
                entries.push(ExportEntryRecord::Part(PartEntryRecord {
                    dim: part.dim,
                    dtype,
                    exact,
                    file,
                    kind: kind.to_string(),
                    multiplicity: part.multiplicity,
                    note,
                    rank: r,
                    rational: part.is_rational(),
                    shape,
                    simple: part.label.clone(),
                }));
            }
        }
        What::Hom => {
            let x = GSet::new(&g, &action_spec, limits)?;
            let y = match &to_spec {
                Some(s) => GSet::new(&g, s, limits)?,
                None => x.clone(),
            };
            points = x.len();
            let h = hom_orbital_basis(&x, &y, max_bytes)?;
            let shape = (h.count, h.rows, h.cols);
            let mut note = None;
            let file = if npy {
                let cells = (h.count as u128) * (h.rows as u128) * (h.cols as u128) * 8;
                if cells > max_bytes as u128 {
                    return Err(Error::limit(
                        format!("a dense {} x {} x {} hom basis", h.count, h.rows, h.cols),
                        format!("{} MiB", limits.max_memory_mb),
                        LimitKind::MemoryMb,
                    ));
                }
                files.push((
                    "hom.npy".into(),
                    encode_f64(&[h.count, h.rows, h.cols], &h.dense_f64()),
                ));
                note = Some(
                    "0/1 indicator matrices of the G-orbits on Y x X (exact in float64)"
                        .to_string(),
                );
                "hom.npy"
            } else {
                let doc = HomFileRecord {
                    note:
                        "basis element k is the |Y| x |X| 0/1 matrix with 1 where orbit[y][x] = k"
                            .to_string(),
                    orbit: h.orbit.chunks(h.cols.max(1)).map(<[u32]>::to_vec).collect(),
                    schema: HOM_SCHEMA.to_string(),
                    shape,
                };
                files.push(("hom.json".into(), to_json(&doc)?.into_bytes()));
                "hom.json"
            };
            let (dtype, exact) = dtype(true);
            entries.push(ExportEntryRecord::Hom(HomEntryRecord {
                count: h.count,
                dtype,
                exact,
                file: file.to_string(),
                from: action.to_string(),
                kind: "hom".to_string(),
                note,
                shape,
                to: to.unwrap_or(action).to_string(),
            }));
        }
    }
    let what_name = match what {
        What::Projectors => "projectors",
        What::Basis => "basis",
        What::Hom => "hom",
    };
    let manifest = ExportManifestRecord {
        action: action_spec.to_string(),
        files: entries,
        floats: FLOATS.to_string(),
        format: if npy { "npy" } else { "json" }.to_string(),
        generators: g.generators().iter().map(|p| p.to_string()).collect(),
        group: g.name().unwrap_or("group").to_string(),
        order: g.order().to_string(),
        points,
        schema: EXPORT_SCHEMA.to_string(),
        what: what_name.to_string(),
    };
    let manifest = to_json(&manifest)?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Error::Io(format!("cannot create '{}': {e}", dir.display())))?;
    for (name, bytes) in files
        .iter()
        .chain([&("manifest.json".to_string(), manifest.clone().into_bytes())])
    {
        let path = dir.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| Error::Io(format!("cannot write '{}': {e}", path.display())))?;
    }
    Ok(format!(
        "wrote {} file(s) and manifest.json to {}\n",
        files.len(),
        dir.display()
    ))
}
