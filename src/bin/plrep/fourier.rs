//! `plrep fourier`: the exact Fourier series of `sigma(sin x)`, or with `--cyclic n` the
//! components of `sigma` applied to the `L1` vector of `C_n` (see [`plrep::fourier`]).

use plrep::fourier::{cyclic_components, fourier_series, parse_activation};
use plrep::{Error, Result};

/// Run the command and return the whole output (text, or pretty JSON with a final
/// newline). `terms` is the number of frequencies `k = 0..terms` of the continuous series
/// (ignored with `cyclic`, where all `L_k`, `k = 0..=n/2`, are printed).
pub fn fourier(
    activation: &str,
    terms: usize,
    cyclic: Option<u64>,
    json: bool,
    svg: bool,
) -> Result<String> {
    let act = parse_activation(activation)?;
    if svg {
        let n = cyclic.ok_or_else(|| {
            Error::bad(
                "--format svg draws the cyclic map L1 -> L0",
                "add --cyclic n",
            )
        })?;
        return plrep::contour::trivial_map_contours_svg(&act, n);
    }
    match cyclic {
        Some(n) => {
            let c = cyclic_components(&act, n)?;
            if !json {
                return Ok(c.text());
            }
            crate::common::to_json(&c.record())
        }
        None => {
            let s = fourier_series(&act, terms)?;
            if !json {
                return Ok(s.text());
            }
            crate::common::to_json(&s.record())
        }
    }
}
