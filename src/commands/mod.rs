//! One file per subcommand. Each returns its [`ExitCode`]-worthy outcome; no content
//! logic lives here.

pub mod check;

/// How a command ended, mapped to the process exit code by `main`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: no errors (warnings allowed).
    Ok,
    /// 1: the content has errors.
    ContentErrors,
    /// 2: wrong usage, or a file or folder could not be read or written.
    UsageOrIo,
}

impl Outcome {
    pub fn code(self) -> u8 {
        match self {
            Outcome::Ok => 0,
            Outcome::ContentErrors => 1,
            Outcome::UsageOrIo => 2,
        }
    }
}
