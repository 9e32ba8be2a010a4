//! The one error type of the library, with the exit codes of the command line.
//!
//! * [`Error::BadInput`]: the input cannot be understood (exit 2).
//! * [`Error::Limit`]: a computation would exceed a limit of kind [`LimitKind`]; the
//!   message names the flag that raises it (exit 3).
//! * [`Error::Verification`]: a self-check failed (a bug, never an output; exit 4).
//! * [`Error::Io`]: reading or writing a file failed (exit 2: it is the user's path).

use std::fmt;

/// Every fallible operation of plrep returns this error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// Unparsable or inapplicable input: `what` went wrong, `hint` says how to fix it.
    BadInput { what: String, hint: String },
    /// A limit would be exceeded: `what` it is, the `limit`, which `kind` of limit (the
    /// front ends name the flag or keyword raising it from the kind), and an optional
    /// `note` printed after the flag.
    Limit {
        kind: LimitKind,
        what: String,
        limit: String,
        note: Option<String>,
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

    /// A limit of kind `kind` that `what` would exceed.
    pub fn limit(what: impl Into<String>, limit: impl fmt::Display, kind: LimitKind) -> Self {
        Error::Limit {
            kind,
            what: what.into(),
            limit: limit.to_string(),
            note: None,
        }
    }

    /// [`Error::limit`] with a note printed after the flag (e.g. that the limit is a hard
    /// ceiling).
    pub fn limit_with_note(
        what: impl Into<String>,
        limit: impl fmt::Display,
        kind: LimitKind,
        note: impl Into<String>,
    ) -> Self {
        Error::Limit {
            kind,
            what: what.into(),
            limit: limit.to_string(),
            note: Some(note.into()),
        }
    }

    /// The kind of limit, if this is a limit error.
    pub fn limit_kind(&self) -> Option<LimitKind> {
        match self {
            Error::Limit { kind, .. } => Some(*kind),
            _ => None,
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

/// Which limit an [`Error::Limit`] is: the library reports the kind, and each front end
/// names its own way of raising it (the command line a flag, [`LimitKind::flag`]; the
/// Python bindings a keyword argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LimitKind {
    /// The group order to enumerate (`Limits::max_order`).
    Order,
    /// The points of a `G`-set (`Limits::max_points`).
    Points,
    /// The classes of a character table (`Limits::max_classes`).
    Classes,
    /// The subgroups or subgroup classes stored (`Limits::max_subgroups`).
    Subgroups,
    /// Memory of the tables, in MiB (`Limits::max_memory_mb`).
    MemoryMb,
    /// The degree of a permutation (`Limits::max_degree`).
    Degree,
    /// The number of generators (`Limits::max_generators`).
    Generators,
    /// The size of an input file, in MiB (`Limits::max_input_mb`).
    InputMb,
    /// The point operations of a Schreier–Sims verification (`Limits::max_verify_work`).
    VerifyWork,
    /// The depth of a network.
    Depth,
}

impl LimitKind {
    /// Every kind, in declaration order.
    pub const ALL: [LimitKind; 10] = [
        LimitKind::Order,
        LimitKind::Points,
        LimitKind::Classes,
        LimitKind::Subgroups,
        LimitKind::MemoryMb,
        LimitKind::Degree,
        LimitKind::Generators,
        LimitKind::InputMb,
        LimitKind::VerifyWork,
        LimitKind::Depth,
    ];

    /// The command-line flag raising this limit (`--max-order`, ...). Messages of
    /// [`Error`] name it; the library itself never parses flags.
    pub fn flag(self) -> &'static str {
        match self {
            LimitKind::Order => "--max-order",
            LimitKind::Points => "--max-points",
            LimitKind::Classes => "--max-classes",
            LimitKind::Subgroups => "--max-subgroups",
            LimitKind::MemoryMb => "--max-memory-mb",
            LimitKind::Degree => "--max-degree",
            LimitKind::Generators => "--max-generators",
            LimitKind::InputMb => "--max-input-mb",
            LimitKind::VerifyWork => "--max-verify-work",
            LimitKind::Depth => "--depth",
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
            Error::Limit {
                kind,
                what,
                limit,
                note,
            } => {
                write!(
                    f,
                    "{} exceeds the limit {} (raise it with {}",
                    cut(what),
                    cut(limit),
                    kind.flag()
                )?;
                match note {
                    Some(note) => write!(f, " {note})"),
                    None => f.write_str(")"),
                }
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
