//! A picture of the one-layer map from `L1` to the trivial representation of `C_n`:
//! `f(a, b) = (1/n) sum_j sigma(a cos(2 pi j/n) + b sin(2 pi j/n))` on the plane `L1`, drawn
//! as level sets (theory.md §8). For positively homogeneous `sigma` the function is
//! homogeneous of degree 1 and linear on the sectors cut out by the lines where one of
//! the linear forms vanishes, so every level set is a polygon with a vertex on each such
//! line; the picture is exact up to the floating-point coordinates it is drawn with
//! (printed only; nothing is decided from them).

use crate::arith::ntheory::gcd;
use crate::error::{Error, Result};
use crate::pl::Activation;
use std::f64::consts::PI;
use std::fmt::Write as _;

/// `f` at the unit vector of angle `psi`, in floating point (for drawing only).
fn value_at((a, b): (f64, f64), n: u64, psi: f64) -> f64 {
    (0..n)
        .map(|j| {
            let t = (psi - 2.0 * PI * j as f64 / n as f64).cos();
            a * t + b * t.abs()
        })
        .sum::<f64>()
        / n as f64
}

/// The contour picture of `f` for `C_n` (`2 <= n <= 256`) as a standalone SVG: the level
/// sets `f = 1/4, 1/2, 3/4, 1` with the axes. Errors (bad input) for `n < 2` or `n > 256`,
/// and when `f` is not positive off the origin (e.g. the identity, whose `f` vanishes);
/// also (bad input) for `hardtanh` and `square`, which are not positively homogeneous
/// (see [`crate::fourier::require_homogeneous`]).
///
/// # Complexity
/// `O(n^2)` floating-point operations.
///
/// # Example
/// ```
/// use plrep::contour::trivial_map_contours_svg;
/// use plrep::pl::Activation;
/// let svg = trivial_map_contours_svg(&Activation::parse("relu")?, 5)?;
/// assert!(svg.starts_with("<svg") && svg.contains("f = 1"));
/// # Ok::<(), plrep::Error>(())
/// ```
pub fn trivial_map_contours_svg(act: &Activation, n: u64) -> Result<String> {
    if !(2..=256).contains(&n) {
        return Err(Error::bad(
            format!("cannot draw the contours for C{n}"),
            "use 2 <= n <= 256",
        ));
    }
    let (a, b) = crate::fourier::require_homogeneous(act)?;
    let ab = (a.to_f64(), b.to_f64());
    // Kinks: psi = 2 pi j/n ± pi/2; sort and deduplicate on the circle.
    let mut angles: Vec<f64> = (0..n)
        .flat_map(|j| {
            let t = 2.0 * PI * j as f64 / n as f64;
            [
                (t + PI / 2.0).rem_euclid(2.0 * PI),
                (t - PI / 2.0).rem_euclid(2.0 * PI),
            ]
        })
        .collect();
    angles.sort_by(f64::total_cmp);
    angles.dedup_by(|x, y| (*x - *y).abs() < 1e-12);
    let radii: Vec<f64> = angles.iter().map(|&psi| value_at(ab, n, psi)).collect();
    if radii.iter().any(|&f| f <= 1e-12) {
        return Err(Error::bad(
            format!(
                "the map L1 -> L0 of C{n} for {} is not positive off the origin",
                act.name()
            ),
            "use relu, abs or leaky:<p> with p < 1",
        ));
    }
    // Vertex of the level set f = 1 on the ray psi: u(psi)/f(u(psi)).
    let unit: Vec<(f64, f64)> = angles
        .iter()
        .zip(&radii)
        .map(|(&p, &f)| (p.cos() / f, p.sin() / f))
        .collect();
    let rmax = unit.iter().map(|(x, y)| x.hypot(*y)).fold(0.0, f64::max);
    let (size, centre, scale) = (440.0, 220.0, 170.0 / rmax);
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{size:.0}" height="{h:.0}" viewBox="0 0 {size:.0} {h:.0}" font-family="Helvetica, Arial, sans-serif">"#,
        h = size + 30.0
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r##"<text x="{centre:.1}" y="22" text-anchor="middle" font-size="14" font-weight="bold" fill="#222">C{n}, {}: level sets of the map L1 -&gt; L0</text>"##,
        act.name()
    );
    let cy = centre + 20.0;
    let _ = writeln!(
        s,
        r##"<line x1="10" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}" stroke="#999" stroke-width="1"/>"##,
        size - 10.0
    );
    let _ = writeln!(
        s,
        r##"<line x1="{centre:.1}" y1="30" x2="{centre:.1}" y2="{:.1}" stroke="#999" stroke-width="1"/>"##,
        size + 20.0
    );
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#555">a</text>"##,
        size - 18.0,
        cy - 6.0
    );
    let _ = writeln!(
        s,
        r##"<text x="{:.1}" y="42" font-size="11" fill="#555">b</text>"##,
        centre + 6.0
    );
    let levels = [
        (1, 4, "#9ecae1"),
        (2, 4, "#6baed6"),
        (3, 4, "#3182bd"),
        (4, 4, "#08519c"),
    ];
    for (num, den, colour) in levels {
        let c = num as f64 / den as f64;
        let pts: Vec<String> = unit
            .iter()
            .map(|(x, y)| format!("{:.2},{:.2}", centre + c * x * scale, cy - c * y * scale))
            .collect();
        let _ = writeln!(
            s,
            r#"<polygon points="{}" fill="none" stroke="{colour}" stroke-width="1.6"/>"#,
            pts.join(" ")
        );
        let label = if num == den {
            "f = 1".to_string()
        } else {
            format!("f = {}/{}", num / gcd(num, den), den / gcd(num, den))
        };
        // Label on the ray of the vertex closest to angle 45 degrees.
        let (lx, ly) = unit
            .iter()
            .min_by(|p, q| {
                ((p.1.atan2(p.0) - PI / 4.0).abs()).total_cmp(&(q.1.atan2(q.0) - PI / 4.0).abs())
            })
            .copied()
            .unwrap_or((1.0, 0.0));
        let _ = writeln!(
            s,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="{colour}">{label}</text>"##,
            centre + c * lx * scale + 4.0,
            cy - c * ly * scale - 4.0
        );
    }
    s.push_str("</svg>\n");
    Ok(s)
}
