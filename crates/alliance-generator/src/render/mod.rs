//! The render stage: templates, the views they see, each page's HTML
//! ([`render_pages`]) and the files made of the whole site ([`site_files`]).

pub(crate) mod charts;
pub(crate) mod collisions;
pub(crate) mod extras;
pub(crate) mod ics;
pub(crate) mod jsonld;
mod page;
pub(crate) mod pagination;
pub(crate) mod search;
pub(crate) mod site_files;
pub(crate) mod statement;
pub(crate) mod templates;
pub(crate) mod theme;
pub(crate) mod views;
pub(crate) mod words;

use serde::Serialize;

pub use page::*;

use crate::content::Content;
use crate::diagnostic::Diagnostics;
use crate::load::site::Summary;
use templates::Templates;
use theme::Theme;

/// The navigation and site facts every template sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    nav: Vec<Summary<'a>>,
    home: Summary<'a>,
}

/// Loads a site's theme and compiles its templates for a build of `mode`.
pub(crate) fn compile(content: &Content, mode: &Mode) -> Result<(Theme, Templates), Diagnostics> {
    let site = &content.site;
    let theme = Theme::load(&site.root, &site.config)?;
    let templates = compile_theme(&theme, content, mode)?;
    Ok((theme, templates))
}

/// Compiles a loaded theme's templates for a build of `mode`.
pub(crate) fn compile_theme(
    theme: &Theme,
    content: &Content,
    mode: &Mode,
) -> Result<Templates, Diagnostics> {
    let mut templates = Templates::new(theme, content)?;
    templates.mark_external_links = mode.snapshot.is_some();
    templates.set_global("mode", mode);
    set_site_globals(&mut templates, content);
    for translation in &content.translations {
        templates
            .translations
            .push(compile_theme(theme, translation, mode)?);
    }
    Ok(templates)
}

/// The theme's word for the home page in a directory's menu.
pub(crate) const ALL_PARTNERSHIPS: &str = "all_partnerships";

/// Gives every template the site's settings and navigation as they are now.
pub(crate) fn set_site_globals(templates: &mut Templates, content: &Content) {
    let site = &content.site;
    templates.set_global("config", &site.config);
    let words = templates.words(&site.config.language);
    let statement = statement::Statement::new(&site.config, words);
    templates.set_global("statement", &statement);
    let nav: Vec<Summary<'_>> = site
        .top_sections()
        .iter()
        .map(|&id| site.summary(id))
        .collect();
    let label = templates
        .words(&site.config.language)
        .get(ALL_PARTNERSHIPS)
        .to_owned();
    templates.set_global("menu", &menu(content, &label, None).unwrap_or(nav.clone()));
    let view = SiteView {
        title: &site.config.title,
        nav,
        home: site.summary(site.home),
    };
    templates.set_global("site", &view);
}

/// The main menu of a directory of partnerships ([`Model::is_directory`]),
/// none for any other site (its menu is its top-level sections). On a page
/// of a partnership (`page`), the partnership and its own sections; on any
/// other, the top-level sections that are no partnership and hold none;
/// then the home page, which lists the partnerships, named `label` ("All
/// partnerships", the word [`ALL_PARTNERSHIPS`]).
///
/// [`Model::is_directory`]: crate::model::Model::is_directory
pub(crate) fn menu<'a>(
    content: &'a Content,
    label: &'a str,
    page: Option<crate::load::site::PageId>,
) -> Option<Vec<Summary<'a>>> {
    let (site, model) = (&content.site, &content.model);
    if !model.is_directory() {
        return None;
    }
    let sections: Vec<crate::load::site::PageId> =
        match page.and_then(|p| model.partnership_of(site, p)) {
            Some(partnership) => std::iter::once(partnership)
                .chain(site.pages[partnership].subsections.iter().copied())
                .collect(),
            None => site
                .top_sections()
                .iter()
                .copied()
                .filter(|&s| {
                    let path = &site.pages[s].path;
                    !model
                        .partnerships
                        .iter()
                        .any(|&p| site.pages[p].path.starts_with(path.as_str()))
                })
                .collect(),
        };
    let home = &site.pages[site.home].path;
    Some(
        sections
            .into_iter()
            .map(|s| site.summary(s))
            .chain([Summary::generated(label, home, "partnerships")])
            .collect(),
    )
}
