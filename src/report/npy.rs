//! The NumPy `.npy` file format (NPY format specification, versions 1.0–3.0, as published
//! with NumPy: `numpy.lib.format`): a writer for little-endian `float64` arrays in C order
//! and a strict reader of `float32`/`float64` arrays. Bytes in, bytes out: no I/O.
//!
//! Layout: the magic `\x93NUMPY`, a major and minor version byte, the header length
//! (`u16` little-endian in version 1, `u32` in versions 2 and 3), then an ASCII (UTF-8 in
//! version 3) Python dict literal `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`
//! padded with spaces and ended by `\n` so that the data starts at a multiple of 64 bytes,
//! then the raw values.
//!
//! Written by hand rather than with `ndarray-npy`: the writer is 30 lines, plrep has no
//! `ndarray`, and the reader must refuse (never panic on) every malformed file with
//! plrep's one-line errors and check its size before allocating.

use crate::error::{Error, LimitKind, Result};

const MAGIC: &[u8] = b"\x93NUMPY";

/// An array read from a `.npy` file: its shape and its values as `f64` in C (row-major)
/// order, whatever order the file used.
#[derive(Clone, Debug, PartialEq)]
pub struct NpyArray {
    /// The shape (`[]` for a scalar).
    pub shape: Vec<usize>,
    /// The values in C order (`product(shape)` of them).
    pub data: Vec<f64>,
}

/// Encode a little-endian `float64` array of `shape` in C order as a version 1.0 `.npy`
/// file.
///
/// Panics if `data.len()` is not the product of `shape` (a programming error).
///
/// ```
/// use plrep::report::npy::{encode_f64, decode};
/// let bytes = encode_f64(&[2, 2], &[1.0, 0.0, 0.0, 1.0]);
/// assert_eq!(&bytes[..6], b"\x93NUMPY");
/// assert_eq!(decode(&bytes, 1 << 20).unwrap().data, vec![1.0, 0.0, 0.0, 1.0]);
/// ```
pub fn encode_f64(shape: &[usize], data: &[f64]) -> Vec<u8> {
    assert_eq!(
        shape.iter().product::<usize>(),
        data.len(),
        "shape and data"
    );
    let dims = match shape {
        [d] => format!("({d},)"),
        _ => format!(
            "({})",
            shape
                .iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let mut header = format!("{{'descr': '<f8', 'fortran_order': False, 'shape': {dims}, }}");
    // Pad so that magic (6) + version (2) + length (2) + header is a multiple of 64.
    let unpadded = MAGIC.len() + 4 + header.len() + 1;
    header.push_str(&" ".repeat((64 - unpadded % 64) % 64));
    header.push('\n');
    let mut out = Vec::with_capacity(MAGIC.len() + 4 + header.len() + 8 * data.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&[1, 0]);
    out.extend_from_slice(&(header.len() as u16).to_le_bytes());
    out.extend_from_slice(header.as_bytes());
    for x in data {
        out.extend_from_slice(&x.to_le_bytes());
    }
    out
}

fn malformed(what: impl Into<String>) -> Error {
    Error::bad(
        format!("not a valid .npy file: {}", what.into()),
        "write it with numpy.save(path, array)",
    )
}

/// The element types the reader accepts.
#[derive(Clone, Copy)]
enum Dtype {
    F64 { big: bool },
    F32 { big: bool },
}

impl Dtype {
    fn size(self) -> usize {
        match self {
            Dtype::F64 { .. } => 8,
            Dtype::F32 { .. } => 4,
        }
    }
}

/// Decode a `.npy` file holding a `float64` or `float32` array (either byte order, C or
/// Fortran order), refusing everything else with a one-line bad-input error: a wrong
/// magic or version, an unparsable header, a non-float dtype (named, with the NumPy call
/// that converts it), a shape whose size does not match the data exactly. A file of
/// more than `max_values` values is a limit error (`--max-memory-mb`), raised before
/// anything is allocated for them.
///
/// Complexity: `O(bytes)`.
pub fn decode(bytes: &[u8], max_values: u64) -> Result<NpyArray> {
    if bytes.len() < MAGIC.len() + 2 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(malformed("the magic string \\x93NUMPY is missing"));
    }
    let (major, minor) = (bytes[6], bytes[7]);
    let (len_bytes, start) = match (major, minor) {
        (1, 0) => (2usize, 10usize),
        (2, 0) | (3, 0) => (4, 12),
        _ => return Err(malformed(format!("unknown format version {major}.{minor}"))),
    };
    if bytes.len() < start {
        return Err(malformed("the header length is cut off"));
    }
    let header_len = bytes[8..8 + len_bytes]
        .iter()
        .rev()
        .fold(0usize, |acc, &b| (acc << 8) | b as usize);
    let end = start
        .checked_add(header_len)
        .filter(|&e| e <= bytes.len())
        .ok_or_else(|| malformed("the header is cut off"))?;
    let header =
        std::str::from_utf8(&bytes[start..end]).map_err(|_| malformed("the header is not text"))?;
    if major < 3 && !header.is_ascii() {
        return Err(malformed("the header is not ASCII"));
    }
    let (dtype_text, fortran, shape) = parse_header(header)?;
    let dtype = match dtype_text.as_str() {
        "<f8" => Dtype::F64 { big: false },
        ">f8" => Dtype::F64 { big: true },
        "<f4" => Dtype::F32 { big: false },
        ">f4" => Dtype::F32 { big: true },
        "|f1" | "<f2" | ">f2" | "<f16" | ">f16" | "<f12" | ">f12" => {
            return Err(Error::bad(
                format!("the array's dtype '{dtype_text}' is a float width plrep does not read"),
                "convert it with array.astype(numpy.float64)",
            ))
        }
        other => {
            return Err(Error::bad(
                format!("the array's dtype '{other}' is not float"),
                "convert it with array.astype(numpy.float64)",
            ))
        }
    };
    let count = shape
        .iter()
        .try_fold(1u64, |acc, &d| acc.checked_mul(u64::try_from(d).ok()?))
        .ok_or_else(|| malformed("the shape's size overflows"))?;
    if count > max_values {
        return Err(Error::limit(
            format!("an array of {count} values"),
            format!("{max_values} values"),
            LimitKind::MemoryMb,
        ));
    }
    let data = &bytes[end..];
    let expected = count
        .checked_mul(dtype.size() as u64)
        .ok_or_else(|| malformed("the shape's size overflows"))?;
    if data.len() as u64 != expected {
        return Err(malformed(format!(
            "the shape {shape:?} needs {expected} bytes of data, the file has {}",
            data.len()
        )));
    }
    let mut values: Vec<f64> = match dtype {
        Dtype::F64 { big } => data
            .chunks_exact(8)
            .map(|c| {
                let a: [u8; 8] = c.try_into().expect("chunks of 8");
                if big {
                    f64::from_be_bytes(a)
                } else {
                    f64::from_le_bytes(a)
                }
            })
            .collect(),
        Dtype::F32 { big } => data
            .chunks_exact(4)
            .map(|c| {
                let a: [u8; 4] = c.try_into().expect("chunks of 4");
                f64::from(if big {
                    f32::from_be_bytes(a)
                } else {
                    f32::from_le_bytes(a)
                })
            })
            .collect(),
    };
    if fortran && shape.len() > 1 {
        values = fortran_to_c(&shape, &values);
    }
    Ok(NpyArray {
        shape,
        data: values,
    })
}

/// Reorder column-major values to row-major.
fn fortran_to_c(shape: &[usize], values: &[f64]) -> Vec<f64> {
    let mut out = vec![0.0; values.len()];
    let mut index = vec![0usize; shape.len()];
    // Walk C order; the Fortran offset has strides 1, s0, s0*s1, ...
    for slot in out.iter_mut() {
        let mut off = 0usize;
        let mut stride = 1usize;
        for (i, &d) in index.iter().zip(shape) {
            off += i * stride;
            stride *= d;
        }
        *slot = values[off];
        for k in (0..shape.len()).rev() {
            index[k] += 1;
            if index[k] < shape[k] {
                break;
            }
            index[k] = 0;
        }
    }
    out
}

/// Parse the header dict: exactly the keys `descr`, `fortran_order`, `shape`.
fn parse_header(header: &str) -> Result<(String, bool, Vec<usize>)> {
    let mut p = Parser {
        s: header.as_bytes(),
        i: 0,
    };
    p.ws();
    p.expect(b'{')?;
    let (mut descr, mut fortran, mut shape) = (None, None, None);
    loop {
        p.ws();
        if p.eat(b'}') {
            break;
        }
        let key = p.string()?;
        p.ws();
        p.expect(b':')?;
        p.ws();
        match key.as_str() {
            "descr" if descr.is_none() => descr = Some(p.string()?),
            "fortran_order" if fortran.is_none() => fortran = Some(p.boolean()?),
            "shape" if shape.is_none() => shape = Some(p.tuple()?),
            other => return Err(malformed(format!("unexpected header key '{other}'"))),
        }
        p.ws();
        if !p.eat(b',') {
            p.ws();
            p.expect(b'}')?;
            break;
        }
    }
    p.ws();
    if p.i != p.s.len() {
        return Err(malformed("text after the header dict"));
    }
    match (descr, fortran, shape) {
        (Some(d), Some(f), Some(s)) => Ok((d, f, s)),
        _ => Err(malformed(
            "the header lacks one of descr, fortran_order, shape",
        )),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
}

impl Parser<'_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\n' | b'\t' | b'\r') {
            self.i += 1;
        }
    }
    fn eat(&mut self, c: u8) -> bool {
        if self.s.get(self.i) == Some(&c) {
            self.i += 1;
            true
        } else {
            false
        }
    }
    fn expect(&mut self, c: u8) -> Result<()> {
        if self.eat(c) {
            Ok(())
        } else {
            Err(malformed(format!(
                "expected '{}' at byte {} of the header",
                c as char, self.i
            )))
        }
    }
    fn string(&mut self) -> Result<String> {
        let quote = match self.s.get(self.i) {
            Some(&q @ (b'\'' | b'"')) => q,
            _ => return Err(malformed("expected a quoted string in the header")),
        };
        self.i += 1;
        let start = self.i;
        while self.i < self.s.len() && self.s[self.i] != quote {
            if self.s[self.i] == b'\\' {
                return Err(malformed("escapes in header strings"));
            }
            self.i += 1;
        }
        if self.i == self.s.len() {
            return Err(malformed("unterminated string in the header"));
        }
        let text = String::from_utf8_lossy(&self.s[start..self.i]).into_owned();
        self.i += 1;
        Ok(text)
    }
    fn boolean(&mut self) -> Result<bool> {
        if self.s[self.i..].starts_with(b"True") {
            self.i += 4;
            Ok(true)
        } else if self.s[self.i..].starts_with(b"False") {
            self.i += 5;
            Ok(false)
        } else {
            Err(malformed("fortran_order is not True or False"))
        }
    }
    fn tuple(&mut self) -> Result<Vec<usize>> {
        self.expect(b'(')?;
        let mut dims = Vec::new();
        loop {
            self.ws();
            if self.eat(b')') {
                break;
            }
            let start = self.i;
            while self.i < self.s.len() && self.s[self.i].is_ascii_digit() {
                self.i += 1;
            }
            let digits = std::str::from_utf8(&self.s[start..self.i]).unwrap_or("");
            let d = digits
                .parse::<usize>()
                .map_err(|_| malformed("the shape is not a tuple of sizes"))?;
            dims.push(d);
            self.ws();
            if !self.eat(b',') {
                self.ws();
                self.expect(b')')?;
                break;
            }
        }
        if dims.len() > 32 {
            return Err(malformed("more than 32 dimensions"));
        }
        Ok(dims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn header_is_64_aligned_and_round_trips() {
        for shape in [vec![], vec![3], vec![2, 3], vec![1, 2, 3]] {
            let n: usize = shape.iter().product();
            let data: Vec<f64> = (0..n).map(|i| i as f64 * 0.5 - 1.0).collect();
            let b = encode_f64(&shape, &data);
            let header_len = u16::from_le_bytes([b[8], b[9]]) as usize;
            assert_eq!((10 + header_len) % 64, 0);
            assert_eq!(b[10 + header_len - 1], b'\n');
            let a = decode(&b, 1000).unwrap();
            assert_eq!(a.shape, shape);
            assert_eq!(a.data, data);
        }
    }

    #[test]
    fn numpy_spelling_of_one_dimensional_shapes() {
        let b = encode_f64(&[3], &[1.0, 2.0, 3.0]);
        let text = String::from_utf8_lossy(&b[10..]);
        assert!(text.contains("'shape': (3,)"), "{text}");
    }

    fn file(header: &str, data: &[u8]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&[1, 0]);
        out.extend_from_slice(&(header.len() as u16).to_le_bytes());
        out.extend_from_slice(header.as_bytes());
        out.extend_from_slice(data);
        out
    }

    #[test]
    fn fortran_order_and_float32_and_big_endian() {
        // [[1, 2, 3], [4, 5, 6]] stored column by column.
        let data: Vec<u8> = [1.0f64, 4.0, 2.0, 5.0, 3.0, 6.0]
            .iter()
            .flat_map(|x| x.to_le_bytes())
            .collect();
        let a = decode(
            &file(
                "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }\n",
                &data,
            ),
            100,
        )
        .unwrap();
        assert_eq!(a.data, vec![1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        let data: Vec<u8> = [1.5f32, -2.0]
            .iter()
            .flat_map(|x| x.to_be_bytes())
            .collect();
        let a = decode(
            &file(
                "{'shape': (1, 2), 'fortran_order': False, 'descr': '>f4'}",
                &data,
            ),
            100,
        )
        .unwrap();
        assert_eq!((a.shape, a.data), (vec![1, 2], vec![1.5, -2.0]));
    }

    #[test]
    fn refusals_are_bad_input_or_limits() {
        let ints = file(
            "{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }",
            &[0; 8],
        );
        let e = decode(&ints, 100).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("'<i8' is not float"), "{e}");
        let short = file(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }",
            &[0; 8],
        );
        assert!(decode(&short, 100)
            .unwrap_err()
            .to_string()
            .contains("needs 16 bytes"));
        let huge = file(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
            &[],
        );
        assert_eq!(decode(&huge, 1 << 20).unwrap_err().exit_code(), 3);
        let overflow = file(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (18446744073709551615, 3), }",
            &[],
        );
        assert_eq!(decode(&overflow, u64::MAX).unwrap_err().exit_code(), 2);
        assert_eq!(decode(b"PK\x03\x04", 10).unwrap_err().exit_code(), 2);
        assert_eq!(decode(b"", 10).unwrap_err().exit_code(), 2);
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = decode(&bytes, 1 << 16);
        }

        #[test]
        fn never_panics_on_mutated_files(
            rows in 0usize..4, cols in 0usize..4,
            flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..6),
            cut in any::<usize>(),
        ) {
            let data: Vec<f64> = (0..rows * cols).map(|i| i as f64).collect();
            let mut b = encode_f64(&[rows, cols], &data);
            for (pos, byte) in flips {
                let k = pos % b.len();
                b[k] = byte;
            }
            b.truncate(cut % (b.len() + 1));
            let _ = decode(&b, 1 << 16);
        }

        #[test]
        fn round_trips(rows in 0usize..5, cols in 0usize..5, seed in any::<u64>()) {
            let data: Vec<f64> = (0..rows * cols)
                .map(|i| (seed.wrapping_mul(i as u64 + 1) % 1000) as f64 / 7.0 - 50.0)
                .collect();
            let a = decode(&encode_f64(&[rows, cols], &data), 1 << 16).unwrap();
            prop_assert_eq!(a.shape, vec![rows, cols]);
            prop_assert_eq!(a.data, data);
        }
    }
}
