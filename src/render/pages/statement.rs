//! The accessibility statement made from `[accessibility]` of site.toml (unless a
//! free page of its slug replaces it).

use serde::Serialize;

use super::*;

/// `accessibility.html`: the accessibility statement made from `[accessibility]`.
#[derive(Debug, Clone, Serialize)]
struct AccessibilityView<'a> {
    feedback_email: Option<&'a str>,
    feedback_url: Option<&'a str>,
    assessed: Option<DateView>,
    supervisor: Option<&'a str>,
    supervisor_url: Option<&'a str>,
}

pub(super) fn render(r: &Renderer<'_>) -> Result<Output, Diagnostic> {
    let meta = r.meta(r.theme.t("accessibility_statement"), r.routes.accessibility(), "accessibility");
    let a = &r.site.config.accessibility;
    let view = AccessibilityView {
        feedback_email: a.feedback_email.as_deref(),
        feedback_url: a.feedback_url.as_deref(),
        assessed: a.assessed.map(|d| dates::view(d, r.lang())),
        supervisor: a.supervisor.as_deref(),
        supervisor_url: a.supervisor_url.as_deref(),
    };
    r.page(&meta, &view)
}

impl PageView for AccessibilityView<'_> {
    const TEMPLATE: &'static str = "accessibility.html";
    const KEY: &'static str = "statement";
}
