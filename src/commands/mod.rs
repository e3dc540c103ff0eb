//! One file per subcommand. Each returns its [`ExitCode`]-worthy outcome; no content
//! logic lives here.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;

use std::io::{IsTerminal, Write};

use crate::cli::Format;
use crate::diagnostics::{Diagnostics, Language, report as render};

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

/// Print diagnostics in `lang`: JSON lines on standard output, or the human report on
/// standard error.
pub fn report(diags: &Diagnostics, format: Format, lang: Language) {
    match format {
        Format::Json => {
            let _ = std::io::stdout().lock().write_all(render::json(diags, lang).as_bytes());
        }
        Format::Github => {
            let _ = std::io::stdout().lock().write_all(render::github(diags, lang).as_bytes());
        }
        Format::Human => {
            let stderr = std::io::stderr();
            let color = stderr.is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let text = render::human(diags, render::Style { color, width: 100 }, lang);
            let _ = stderr.lock().write_all(text.as_bytes());
        }
    }
}
