//! `[editing]` of site.toml as a validated [`Editing`]: whether the build writes the
//! web editor (Sveltia CMS) under `/admin/`, and which git host it saves to.
//!
//! Every key is optional: without `[editing]`, or with `cms = false`, nothing of the
//! editor is written. With `cms = true` the GitHub and GitLab backends need `repo`.

use crate::diagnostics::suggest::nearest;
use crate::diagnostics::{Code, Diagnostic, Diagnostics, tr};
use crate::load::raw::{RawEditing, Text};
use crate::model::values::check_url;

/// Where the web editor reads and saves the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// A GitHub repository (sign-in through an OAuth app).
    Github,
    /// A GitLab repository (sign-in with PKCE, or through an OAuth app).
    Gitlab,
    /// Nothing is saved anywhere: a sandbox in the browser, for trying the editor.
    TestRepo,
}

impl Backend {
    /// The names site.toml takes, which are also Sveltia CMS's backend names.
    pub const NAMES: &'static [&'static str] = &["github", "gitlab", "test-repo"];

    pub fn name(self) -> &'static str {
        match self {
            Backend::Github => "github",
            Backend::Gitlab => "gitlab",
            Backend::TestRepo => "test-repo",
        }
    }

    fn parse(s: &str) -> Option<Backend> {
        match s {
            "github" => Some(Backend::Github),
            "gitlab" => Some(Backend::Gitlab),
            "test-repo" => Some(Backend::TestRepo),
            _ => None,
        }
    }
}

/// The validated `[editing]` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Editing {
    /// Write `/admin/` with the web editor.
    pub cms: bool,
    pub backend: Backend,
    /// `owner/name` (GitLab: `group/subgroup/name`); `None` only for `test-repo`.
    pub repo: Option<String>,
    pub branch: String,
    /// The address of the OAuth proxy that signs editors in (GitHub, or GitLab
    /// without PKCE).
    pub auth_url: Option<String>,
    /// The GitLab application ID, for sign-in with PKCE (no proxy needed).
    pub app_id: Option<String>,
}

impl Default for Editing {
    fn default() -> Self {
        Editing {
            cms: false,
            backend: Backend::Github,
            repo: None,
            branch: DEFAULT_BRANCH.into(),
            auth_url: None,
            app_id: None,
        }
    }
}

/// The branch the editor saves to unless `branch` says otherwise.
pub const DEFAULT_BRANCH: &str = "main";

const FILE: &str = "site.toml";

fn err(code: Code, t: &Text, msg: crate::diagnostics::Localized) -> Diagnostic {
    Diagnostic::error(code, FILE, Some(t.span()), msg)
}

/// Validate `[editing]`; always returns usable settings (defaults where values are bad).
pub(crate) fn editing(raw: Option<&RawEditing>, diags: &mut Diagnostics) -> Editing {
    let Some(raw) = raw else { return Editing::default() };
    let RawEditing { cms, backend, repo, branch, base_url, app_id } = raw;
    let mut out = Editing { cms: cms.unwrap_or(false), ..Editing::default() };
    if let Some(b) = backend {
        match Backend::parse(b.get_ref().trim()) {
            Some(parsed) => out.backend = parsed,
            None => diags.push(unknown_backend(b)),
        }
    }
    if let Some(r) = repo {
        let v = r.get_ref().trim();
        if is_repo(v) {
            out.repo = Some(v.to_string());
        } else {
            let msg = tr!(
                en: "`{v}` is not a repository: write it as owner/name",
                fi: "`{v}` ei ole tietovarasto: kirjoita se muodossa omistaja/nimi",
                sv: "`{v}` är inget kodförråd: skriv det i formen ägare/namn"
            );
            diags.push(err(Code::InvalidValue, r, msg).with_help(tr!(
                en: "write e.g. `repo = \"federation/directory\"`, the repository's address without https://github.com/",
                fi: "kirjoita esim. `repo = \"liitto/hakemisto\"`, eli tietovaraston osoite ilman alkua https://github.com/",
                sv: "skriv t.ex. `repo = \"forbund/katalog\"`, alltså kodförrådets adress utan början https://github.com/"
            )));
        }
    }
    if let Some(b) = branch {
        let v = b.get_ref().trim();
        if v.is_empty() || v.contains(char::is_whitespace) || v.starts_with('-') {
            let msg = tr!(
                en: "`{v}` cannot be a branch name",
                fi: "`{v}` ei kelpaa haaran nimeksi",
                sv: "`{v}` duger inte som namn på en gren"
            );
            diags.push(err(Code::InvalidValue, b, msg).with_help(tr!(
                en: "write the branch the site is built from, e.g. `branch = \"main\"`",
                fi: "kirjoita haara, josta sivusto rakennetaan, esim. `branch = \"main\"`",
                sv: "skriv grenen som webbplatsen byggs från, t.ex. `branch = \"main\"`"
            )));
        } else {
            out.branch = v.to_string();
        }
    }
    if let Some(u) = base_url {
        match check_url(u.get_ref()) {
            Ok(()) => out.auth_url = Some(u.get_ref().trim().trim_end_matches('/').to_string()),
            Err(help) => {
                let v = u.get_ref();
                let msg = tr!(
                    en: "`{v}` is not a web address",
                    fi: "`{v}` ei ole verkko-osoite",
                    sv: "`{v}` är inte en webbadress"
                );
                diags.push(err(Code::InvalidUrl, u, msg).with_help(help));
            }
        }
    }
    out.app_id = app_id.as_ref().map(|a| a.get_ref().trim().to_string()).filter(|a| !a.is_empty());
    if out.cms && out.repo.is_none() && repo.is_none() && out.backend != Backend::TestRepo {
        diags.push(missing_repo(out.backend));
    }
    out
}

/// `owner/name`, or for GitLab `group/subgroup/name`: parts of letters, digits, `-`,
/// `_` and `.`.
fn is_repo(s: &str) -> bool {
    let parts: Vec<&str> = s.split('/').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            !p.is_empty()
                && *p != "."
                && *p != ".."
                && p.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

fn unknown_backend(b: &Text) -> Diagnostic {
    let v = b.get_ref();
    let guess = nearest(&v.to_lowercase(), Backend::NAMES.iter().copied(), 1).first().copied().unwrap_or("github");
    let msg = tr!(
        en: "the web editor cannot save to `{v}`",
        fi: "verkkoeditori ei osaa tallentaa kohteeseen `{v}`",
        sv: "webbredigeraren kan inte spara till `{v}`"
    );
    err(Code::InvalidValue, b, msg).with_help(tr!(
        en: "write `backend = \"{guess}\"` (one of github, gitlab, test-repo)",
        fi: "kirjoita `backend = \"{guess}\"` (vaihtoehdot: github, gitlab, test-repo)",
        sv: "skriv `backend = \"{guess}\"` (alternativen: github, gitlab, test-repo)"
    ))
}

fn missing_repo(backend: Backend) -> Diagnostic {
    let name = backend.name();
    Diagnostic::error(
        Code::MissingField,
        FILE,
        None,
        tr!(
            en: "`[editing]` turns the web editor on (`cms = true`) but does not say which {name} repository it saves to",
            fi: "`[editing]` ottaa verkkoeditorin käyttöön (`cms = true`), mutta ei kerro, mihin {name}-tietovarastoon se tallentaa",
            sv: "`[editing]` slår på webbredigeraren (`cms = true`) men säger inte vilket {name}-kodförråd den sparar i"
        ),
    )
    .with_help(tr!(
        en: "add `repo = \"owner/name\"` under [editing], or `backend = \"test-repo\"` to try the editor without saving",
        fi: "lisää [editing]-osioon `repo = \"omistaja/nimi\"`, tai `backend = \"test-repo\"`, jos haluat vain kokeilla editoria tallentamatta",
        sv: "lägg till `repo = \"ägare/namn\"` under [editing], eller `backend = \"test-repo\"` för att pröva redigeraren utan att spara"
    ))
}

#[cfg(test)]
mod tests {
    use super::is_repo;

    #[test]
    fn repositories() {
        for ok in ["owner/name", "keski-suomi/jarjestot.example", "group/sub/name", "a_b/c.d"] {
            assert!(is_repo(ok), "{ok}");
        }
        for bad in ["name", "/name", "owner/", "https://github.com/owner/name", "owner/../x", "own er/name", ""] {
            assert!(!is_repo(bad), "{bad}");
        }
    }
}
