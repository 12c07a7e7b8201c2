//! The render stage: templates, the views they see, each page's HTML
//! ([`render_pages`]) and the files made of the whole site ([`site_files`]).

pub mod charts;
pub mod collisions;
pub mod extras;
pub mod ics;
pub mod jsonld;
mod page;
pub mod pagination;
pub mod search;
pub mod site_files;
pub mod statement;
pub mod templates;
pub mod theme;
pub mod views;
pub mod words;

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
pub fn compile(content: &Content, mode: &Mode) -> Result<(Theme, Templates), Diagnostics> {
    let site = &content.site;
    let theme = Theme::load(&site.root, &site.config)?;
    let templates = compile_theme(&theme, content, mode)?;
    Ok((theme, templates))
}

/// Compiles a loaded theme's templates for a build of `mode`.
pub fn compile_theme(
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

/// Gives every template the site's settings and navigation as they are now.
pub fn set_site_globals(templates: &mut Templates, content: &Content) {
    let site = &content.site;
    templates.set_global("config", &site.config);
    let words = templates.words(&site.config.language);
    let statement = statement::Statement::new(&site.config, words);
    templates.set_global("statement", &statement);
    let view = SiteView {
        title: &site.config.title,
        nav: site
            .top_sections()
            .iter()
            .map(|&id| site.summary(id))
            .collect(),
        home: site.summary(site.home),
    };
    templates.set_global("site", &view);
}
