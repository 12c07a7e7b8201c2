//! The accessibility statement at `/accessibility/`, written from the facts in
//! `[accessibility]` following the GOV.UK sample statement: the owner fills in
//! facts (status, issues, dates), never prose.
//!
//! Every template sees the statement's data as `statement`. The page itself is
//! rendered with the theme's `accessibility.html`, unless the site has its own
//! content page at `accessibility/` (which wins, and may use the template too).

use serde::Serialize;

use crate::config::{ComplianceStatus, Config, Issue, IssueKind};
use crate::date::SiteDate;
use crate::diagnostic::Diagnostic;
use crate::load::site::{Site, Summary};
use crate::render::render_special;
use crate::render::templates::Templates;
use crate::render::words::Words;
use crate::wcag::Criterion;

/// Where the statement is served.
pub(crate) const PATH: &str = "accessibility/";

/// The theme template that renders it.
pub(crate) const TEMPLATE: &str = "accessibility.html";

/// The statement's data, as templates see it (`statement.compliance`...).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Statement<'a> {
    /// Who runs the site: `[partnership] name`.
    pub(crate) name: &'a str,
    /// The site's address, shown without `https://`.
    pub(crate) address: &'a str,
    /// `full`, `partial` or `none`.
    pub(crate) status: ComplianceStatus,
    /// The compliance sentence, in the GOV.UK sample's exact words.
    pub(crate) compliance: String,
    /// The email address for accessibility requests and problems (may be empty).
    pub(crate) email: &'a str,
    /// The telephone number (may be empty).
    pub(crate) phone: &'a str,
    /// Days to answer a request for another format, if promised.
    pub(crate) response_days: Option<u32>,
    /// Failures of WCAG.
    pub(crate) non_compliance: Vec<IssueView<'a>>,
    /// Failures left for now as a disproportionate burden.
    pub(crate) disproportionate_burden: Vec<IssueView<'a>>,
    /// Content outside the regulations' scope.
    pub(crate) out_of_scope: Vec<IssueView<'a>>,
    /// When the site was last tested.
    pub(crate) last_tested: Option<SiteDate>,
    /// Who tested it.
    pub(crate) tested_by: &'a str,
    /// When the statement was first prepared.
    pub(crate) prepared: Option<SiteDate>,
    /// When it was last reviewed.
    pub(crate) reviewed: Option<SiteDate>,
}

/// One known issue, with its sentences ready to print.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct IssueView<'a> {
    /// What is not accessible.
    pub(crate) text: &'a str,
    /// The criteria it fails.
    pub(crate) criteria: &'a [Criterion],
    /// "This fails WCAG 2.2 success criterion 1.1.1 (Non-text Content).", or empty.
    pub(crate) fails: String,
    /// When it will be fixed.
    pub(crate) fix_by: Option<SiteDate>,
}

impl<'a> IssueView<'a> {
    fn new(issue: &'a Issue, words: &Words) -> Self {
        let names: Vec<String> = issue
            .criteria
            .iter()
            .map(|c| format!("{} ({})", c.id, c.name))
            .collect();
        let fails = match names.as_slice() {
            [] => String::new(),
            [one] => words.fill("statement_fails_one", &[("criteria", one)]),
            [init @ .., last] => {
                let and = words.get("statement_fails_and");
                let criteria = format!("{}{and}{last}", init.join(", "));
                words.fill("statement_fails_other", &[("criteria", &criteria)])
            }
        };
        IssueView {
            text: &issue.text,
            criteria: &issue.criteria,
            fails,
            fix_by: issue.fix_by,
        }
    }
}

impl<'a> Statement<'a> {
    /// The statement's data from config, its sentences in the language of `words`.
    pub(crate) fn new(config: &'a Config, words: &Words) -> Self {
        let a11y = &config.accessibility;
        let of_kind = |kind: IssueKind| -> Vec<IssueView<'a>> {
            a11y.issues
                .iter()
                .filter(|i| i.kind == kind)
                .map(|issue| IssueView::new(issue, words))
                .collect()
        };
        let non_compliance = of_kind(IssueKind::NonCompliance);
        let disproportionate_burden = of_kind(IssueKind::DisproportionateBurden);
        let out_of_scope = of_kind(IssueKind::OutOfScope);
        let exemptions = !(disproportionate_burden.is_empty() && out_of_scope.is_empty());
        let listed = words.get(match (non_compliance.is_empty(), exemptions) {
            (true, true) => "statement_listed_exemptions",
            (false, true) => "statement_listed_both",
            _ => "statement_listed_non_compliances",
        });
        let sentence = match a11y.status {
            ComplianceStatus::Full => "statement_full",
            ComplianceStatus::Partial => "statement_partial",
            ComplianceStatus::None => "statement_none",
        };
        let standard = words.get("statement_standard");
        let compliance = words.fill(sentence, &[("standard", standard), ("listed", listed)]);
        let address = config
            .base_url
            .trim_start_matches("https://")
            .trim_start_matches("http://");
        Statement {
            name: &config.partnership.name,
            address,
            status: a11y.status,
            compliance,
            email: &a11y.contact,
            phone: &config.contact.phone,
            response_days: a11y.response_days,
            non_compliance,
            disproportionate_burden,
            out_of_scope,
            last_tested: a11y.last_tested,
            tested_by: if a11y.tested_by.is_empty() {
                &config.partnership.name
            } else {
                &a11y.tested_by
            },
            prepared: a11y.prepared,
            reviewed: a11y.reviewed,
        }
    }
}

/// Whether Alliance writes the statement page: the theme has the template and
/// no content page is served at `accessibility/`.
pub(crate) fn generated(site: &Site, templates: &Templates) -> bool {
    templates.has(TEMPLATE) && !site.by_path.contains_key(&site.config.generated.statement)
}

/// The statement page's HTML, when Alliance writes it.
pub(crate) fn render(site: &Site, templates: &Templates) -> Option<Result<String, Diagnostic>> {
    let title = templates.words(&site.config.language).get(TITLE);
    generated(site, templates).then(|| {
        render_special(
            site,
            templates,
            TEMPLATE,
            &site.config.generated.statement,
            title,
            &(),
        )
    })
}

/// The key of the statement's title among the theme's words.
const TITLE: &str = "accessibility_statement";

/// The statement as the A to Z lists it, when Alliance writes it.
pub(crate) fn summary<'a>(site: &'a Site, templates: &'a Templates) -> Option<Summary<'a>> {
    let title = templates.words(&site.config.language).get(TITLE);
    generated(site, templates)
        .then(|| Summary::generated(title, &site.config.generated.statement, "accessibility"))
}

/// The statement's sitemap entry (path and last change), when Alliance writes it.
pub(crate) fn sitemap_entry(
    site: &Site,
    templates: &Templates,
) -> Option<(String, Option<SiteDate>)> {
    let a11y = &site.config.accessibility;
    generated(site, templates).then(|| {
        (
            site.config.generated.statement.clone(),
            a11y.reviewed.or(a11y.prepared),
        )
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A config with a contact email and this `[accessibility]` table.
    pub(crate) fn config(accessibility: &str) -> Config {
        Config::parse(
            &format!(
                "title = \"T\"\nbase_url = \"https://e.org\"\n[contact]\nemail = \"a@e.org\"\n[accessibility]\n{accessibility}"
            ),
            std::path::Path::new("config.toml"),
        )
        .unwrap()
    }

    #[test]
    fn compliance_wording_follows_status_and_issues() {
        let c = config("status = \"full\"\n");
        assert_eq!(
            Statement::new(&c, &crate::render::words::civic_english()).compliance,
            "This website is fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard."
        );
        let c = config(
            "status = \"partial\"\nissues = [\"Old PDFs.\", { text = \"Maps\", kind = \"out-of-scope\" }]\n",
        );
        assert_eq!(
            Statement::new(&c, &crate::render::words::civic_english()).compliance,
            "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, due to the non-compliances and exemptions listed below."
        );
        let c = config(
            "status = \"none\"\nissues = [{ text = \"Maps\", kind = \"disproportionate-burden\" }]\n",
        );
        assert_eq!(
            Statement::new(&c, &crate::render::words::civic_english()).compliance,
            "This website is not compliant with the Web Content Accessibility Guidelines version 2.2 AA standard. The exemptions are listed below."
        );
    }

    #[test]
    fn issues_name_their_criteria() {
        let c =
            config("issues = [{ text = \"X\", criteria = [\"1.1.1\", \"1.3.1\", \"2.4.4\"] }]\n");
        assert_eq!(
            Statement::new(&c, &crate::render::words::civic_english()).non_compliance[0].fails,
            "This fails WCAG 2.2 success criteria 1.1.1 (Non-text Content), 1.3.1 (Info and Relationships) and 2.4.4 (Link Purpose (In Context))."
        );
    }
}
