//! The site's address, parsed once: the origin (scheme, host and port) and the base
//! path under which every page lives (`/` or `/jarjestot/`). site.toml's `base_url`,
//! `--base-url` and `serve` all make one; routes, feeds and the server read it.

use std::fmt;

use super::values::check_url;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.org` (a port only when it is not the scheme's own), or empty
    /// for a site whose `base_url` is missing.
    origin: String,
    /// `/jarjestot/`: always starts and ends with `/`, percent-encoded.
    path: String,
}

use crate::diagnostics::tr;

impl BaseUrl {
    /// An absolute `http(s)://` address with a host; `Err` holds the fix to suggest.
    pub fn parse(s: &str) -> Result<BaseUrl, crate::diagnostics::Localized> {
        check_url(s)?;
        let url = url::Url::parse(s.trim()).map_err(|e| {
            tr!(
                en: "the address cannot be read ({e})",
                fi: "osoitetta ei voi lukea: tarkista se merkki merkiltä",
                sv: "adressen kan inte läsas: kontrollera den tecken för tecken"
            )
        })?;
        if url.query().is_some() || url.fragment().is_some() {
            return Err(tr!(
                en: "write the address without `?…` or `#…`, e.g. `https://example.org/jarjestot/`",
                fi: "kirjoita osoite ilman `?…`- tai `#…`-loppua, esim. `https://example.org/jarjestot/`",
                sv: "skriv adressen utan `?…` eller `#…`, t.ex. `https://example.org/jarjestot/`"
            ));
        }
        let plain =
            |seg: &str| seg.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
        let segments: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
        if segments.iter().any(|seg| !plain(seg) || *seg == "." || *seg == "..") {
            return Err(tr!(
                en: "the path after the host may hold only letters a–z and A–Z, digits, `-`, `_`, `.` and `/`, e.g. `https://example.org/jarjestot/`",
                fi: "palvelimen nimen jälkeisessä osassa voi olla vain kirjaimia a–z ja A–Z, numeroita sekä merkkejä `-`, `_`, `.` ja `/`, esim. `https://example.org/jarjestot/`",
                sv: "delen efter servernamnet får bara ha bokstäverna a–z och A–Z, siffror och tecknen `-`, `_`, `.` och `/`, t.ex. `https://example.org/jarjestot/`"
            ));
        }
        let mut path = url.path().to_string();
        if !path.ends_with('/') {
            path.push('/');
        }
        Ok(BaseUrl { origin: url.origin().ascii_serialization(), path })
    }

    /// No address: pages are linked from the host root, absolute URLs have no host.
    pub fn root() -> BaseUrl {
        BaseUrl { origin: String::new(), path: "/".into() }
    }

    /// The same base path on another origin (`http://127.0.0.1:8000` for `serve`).
    pub fn with_origin(&self, origin: &str) -> BaseUrl {
        BaseUrl { origin: origin.trim_end_matches('/').to_string(), path: self.path.clone() }
    }

    /// The address of a folder under this one (`/jarjestot/sv/` for `sv`).
    pub fn under(&self, segment: &str) -> BaseUrl {
        BaseUrl { origin: self.origin.clone(), path: format!("{}{segment}/", self.path) }
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The base path, e.g. `/jarjestot/`.
    pub fn path(&self) -> &str {
        &self.path
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.origin, self.path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts() {
        let b = BaseUrl::parse("https://example.org/jarjestot").unwrap();
        assert_eq!((b.origin(), b.path()), ("https://example.org", "/jarjestot/"));
        assert_eq!(b.to_string(), "https://example.org/jarjestot/");
        let b = BaseUrl::parse(" https://Example.org:8443/a/b/ ").unwrap();
        assert_eq!((b.origin(), b.path()), ("https://example.org:8443", "/a/b/"));
        assert_eq!(BaseUrl::parse("https://example.org").unwrap().path(), "/");
        assert_eq!(BaseUrl::parse("http://example.org:80/").unwrap().origin(), "http://example.org");
        assert!(BaseUrl::parse("example.org/x").is_err());
        assert!(BaseUrl::parse("ftp://example.org/").is_err());
        for bad in [
            "https://e.example/j%C3%A4rjest%C3%B6t/",
            "https://e.example/järjestöt/",
            "https://e.example/a%20b/",
            "https://e.example/?q=1#f",
            "https://e.example/x/#f",
            "https://e.example/a%2e%2e/",
            "https://e.example/a+b/",
            "https://e.example/x,y/",
            "https://e.example/(x)/",
            "https://e.example/k=v/",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad}");
        }
        // Dot segments and backslashes are resolved by the URL rules themselves.
        assert_eq!(BaseUrl::parse("https://e.example/../../x/").unwrap().path(), "/x/");
        assert_eq!(BaseUrl::parse("https://e.example/a\\b/").unwrap().path(), "/a/b/");
        let local = b.with_origin("http://127.0.0.1:8000/");
        assert_eq!(local.to_string(), "http://127.0.0.1:8000/a/b/");
        assert_eq!(BaseUrl::root().to_string(), "/");
    }
}
