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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadInput { what, hint } => write!(f, "{what} ({hint})"),
            Error::Limit { what, limit, flag } => {
                write!(f, "{what} exceeds the limit {limit} (raise it with {flag})")
            }
            Error::Verification(what) => {
                write!(
                    f,
                    "internal check failed, result withheld: {what} (please report this)"
                )
            }
            Error::Io(what) => write!(f, "{what} (check the path)"),
        }
    }
}

impl std::error::Error for Error {}

/// Shorthand for results of plrep.
pub type Result<T> = std::result::Result<T, Error>;
