//! The one error type of the library, with the exit codes of the command line.
//!
//! * [`Error::BadInput`]: the input cannot be understood (exit 2).
//! * [`Error::Limit`]: a computation would exceed a limit; the message names the
//!   flag that raises it (exit 3).
//! * [`Error::Verification`]: a self-check failed (a bug, never an output; exit 4).
//! * [`Error::Io`]: reading or writing a file failed (exit 2: it is the user's path).

use std::fmt;

/// Every fallible operation of plrep returns this error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Unparsable or inapplicable input: `what` went wrong, `hint` says how to fix it.
    BadInput { what: String, hint: String },
    /// A limit would be exceeded: `what` it is, the `limit`, and the `flag` raising it.
    Limit {
        what: String,
        limit: String,
        flag: String,
    },
    /// An internal consistency check failed; the result was withheld.
    Verification(String),
    /// A file could not be read or written.
    Io(String),
}

impl Error {
    /// Bad input with a hint.
    pub fn bad(what: impl Into<String>, hint: impl Into<String>) -> Self {
        Error::BadInput {
            what: what.into(),
            hint: hint.into(),
        }
    }

    /// A limit, naming the command-line flag that raises it.
    pub fn limit(
        what: impl Into<String>,
        limit: impl fmt::Display,
        flag: impl Into<String>,
    ) -> Self {
        Error::Limit {
            what: what.into(),
            limit: limit.to_string(),
            flag: flag.into(),
        }
    }

    /// A failed self-check.
    pub fn verification(what: impl Into<String>) -> Self {
        Error::Verification(what.into())
    }

    /// The process exit status the command line uses for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::BadInput { .. } | Error::Io(_) => 2,
            Error::Limit { .. } => 3,
            Error::Verification(_) => 4,
        }
    }
}

/// The longest part (what went wrong, a limit) an error message shows, in
/// characters: messages quote the input, and a 100 MB bad file must not give a 100 MB
/// error line.
pub const MAX_PART_CHARS: usize = 200;

/// The longest hint shown, in characters: hints are written by plrep (lists of valid
/// names), so they get more room than the quoted input, but stay bounded.
pub const MAX_HINT_CHARS: usize = 800;

/// `text` on one line (line breaks become spaces) and at most `max` characters: a longer
/// text keeps its beginning and its end around an ellipsis.
///
/// ```
/// use plrep::error::one_line;
/// assert_eq!(one_line("a\nb", 10), "a b");
/// let long = "x".repeat(1000) + "END";
/// let cut = one_line(&long, 50);
/// assert_eq!(cut.chars().count(), 50);
/// assert!(cut.contains('…') && cut.ends_with("END"));
/// ```
pub fn one_line(text: &str, max: usize) -> String {
    let flat = |s: &str| s.replace(['\n', '\r'], " ");
    let count = text.chars().count();
    if count <= max {
        return flat(text);
    }
    let tail = max / 4;
    let head = max.saturating_sub(tail + 1);
    let start: String = text.chars().take(head).collect();
    let end: String = text.chars().skip(count - tail).collect();
    flat(&format!("{start}…{end}"))
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cut = |s: &str| one_line(s, MAX_PART_CHARS);
        match self {
            Error::BadInput { what, hint } => {
                write!(f, "{} ({})", cut(what), one_line(hint, MAX_HINT_CHARS))
            }
            Error::Limit { what, limit, flag } => {
                write!(
                    f,
                    "{} exceeds the limit {} (raise it with {flag})",
                    cut(what),
                    cut(limit)
                )
            }
            Error::Verification(what) => {
                write!(
                    f,
                    "internal check failed, result withheld: {} (please report this)",
                    cut(what)
                )
            }
            Error::Io(what) => write!(f, "{} (check the path)", cut(what)),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of plrep.
pub type Result<T> = std::result::Result<T, Error>;
