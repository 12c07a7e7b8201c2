//! Themes: templates, Sass and static files, from `themes/NAME/` on disk or, for
//! the default `civic` theme, from the copy built into Alliance. A site's own
//! `templates/` and `sass/` override the theme's files of the same name.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path, suggest};
use crate::load::frontmatter::{spans, value_span};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/civic_theme.rs"));
}

/// Where a theme file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileSource {
    /// A file on disk.
    Disk(PathBuf),
    /// A file built into Alliance.
    Embedded(&'static [u8]),
}

impl FileSource {
    /// Reads the bytes.
    pub fn read(&self) -> std::io::Result<Vec<u8>> {
        match self {
            FileSource::Disk(path) => std::fs::read(path),
            FileSource::Embedded(bytes) => Ok(bytes.to_vec()),
        }
    }
}

/// One file of a theme or override folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeFile {
    /// How diagnostics name it (`themes/civic/templates/base.html`).
    pub(crate) display: PathBuf,
    /// Its bytes.
    pub source: FileSource,
}

/// The files that make up the look of a site.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Templates by name (`page.html`, `partials/header.html`).
    pub templates: BTreeMap<String, ThemeFile>,
    /// Sass files by path inside `sass/`.
    pub(crate) sass: BTreeMap<String, ThemeFile>,
    /// Static files by output path.
    pub(crate) static_files: BTreeMap<String, ThemeFile>,
    /// The theme's words, by file name inside `translations/` (`cy.toml`).
    pub(crate) translations: BTreeMap<String, ThemeFile>,
}

impl Theme {
    /// Gathers the theme named in config, then the site's overrides.
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostics> {
        let name = config.theme.as_str();
        let mut theme = Theme::default();
        let dir = root.join("themes").join(name);
        if dir.is_dir() {
            theme.add_dir(
                &dir.join("templates"),
                &Path::new("themes").join(name).join("templates"),
                Part::Templates,
            );
            theme.add_dir(
                &dir.join("sass"),
                &Path::new("themes").join(name).join("sass"),
                Part::Sass,
            );
            theme.add_dir(
                &dir.join("static"),
                &Path::new("themes").join(name).join("static"),
                Part::Static,
            );
            theme.add_dir(
                &dir.join("translations"),
                &Path::new("themes").join(name).join("translations"),
                Part::Translations,
            );
        } else if name == "civic" {
            theme.add_embedded();
        } else {
            return Err(Diagnostics::from(vec![unknown_theme(root, config)]));
        }
        theme.add_dir(
            &root.join("templates"),
            Path::new("templates"),
            Part::Templates,
        );
        theme.add_dir(&root.join("sass"), Path::new("sass"), Part::Sass);
        Ok(theme)
    }

    fn part(&mut self, part: Part) -> &mut BTreeMap<String, ThemeFile> {
        match part {
            Part::Templates => &mut self.templates,
            Part::Sass => &mut self.sass,
            Part::Static => &mut self.static_files,
            Part::Translations => &mut self.translations,
        }
    }

    fn add_dir(&mut self, dir: &Path, display: &Path, part: Part) {
        for entry in crate::util::walk::walk(dir).flatten() {
            if let (true, Ok(rel)) = (entry.file_type().is_file(), entry.path().strip_prefix(dir)) {
                let name = rel.to_string_lossy().replace('\\', "/");
                let file = ThemeFile {
                    display: display.join(rel),
                    source: FileSource::Disk(entry.path().to_path_buf()),
                };
                self.part(part).insert(name, file);
            }
        }
    }

    fn add_embedded(&mut self) {
        for (path, bytes) in embedded::FILES {
            let (part, rest) = match path.split_once('/') {
                Some(("templates", rest)) => (Part::Templates, rest),
                Some(("sass", rest)) => (Part::Sass, rest),
                Some(("static", rest)) => (Part::Static, rest),
                Some(("translations", rest)) => (Part::Translations, rest),
                _ => continue,
            };
            let file = ThemeFile {
                display: Path::new("themes/civic").join(path),
                source: FileSource::Embedded(bytes),
            };
            self.part(part).insert(rest.to_owned(), file);
        }
    }

    /// The civic theme's translations built into Alliance, by file name.
    pub(crate) fn civic_translations() -> BTreeMap<String, ThemeFile> {
        let mut theme = Theme::default();
        theme.add_embedded();
        theme.translations
    }

    /// Compiles every Sass file not starting with `_` into CSS: `sass/site.scss` → `site.css`.
    pub(crate) fn compile_sass(&self) -> Result<Vec<(String, String)>, Diagnostics> {
        let fs = SassFs { theme: self };
        let options = grass::Options::default()
            .style(grass::OutputStyle::Compressed)
            .fs(&fs)
            .quiet(true);
        let mut out = Vec::new();
        let mut diagnostics = Diagnostics::new();
        for (name, file) in &self.sass {
            let file_name = name.rsplit('/').next().unwrap_or(name);
            if file_name.starts_with('_') || !(name.ends_with(".scss") || name.ends_with(".sass")) {
                continue;
            }
            match grass::from_path(Path::new(VIRTUAL_ROOT).join(name), &options) {
                Ok(css) => out.push((format!("{}.css", &name[..name.len() - 5]), css)),
                Err(e) => diagnostics.push(sass_error(*e, &file.display)),
            }
        }
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(out)
        }
    }
}

#[derive(Clone, Copy)]
enum Part {
    Templates,
    Sass,
    Static,
    Translations,
}

const VIRTUAL_ROOT: &str = "/__alliance_sass__";

/// Lets grass read Sass from the theme, wherever its files come from.
#[derive(Debug)]
struct SassFs<'a> {
    theme: &'a Theme,
}

impl SassFs<'_> {
    fn name(path: &Path) -> Option<String> {
        path.strip_prefix(VIRTUAL_ROOT)
            .ok()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
    }
}

impl grass::Fs for SassFs<'_> {
    fn is_dir(&self, path: &Path) -> bool {
        Self::name(path).is_some_and(|n| {
            let prefix = format!("{n}/");
            n.is_empty() || self.theme.sass.keys().any(|k| k.starts_with(&prefix))
        })
    }

    fn is_file(&self, path: &Path) -> bool {
        Self::name(path).is_some_and(|n| self.theme.sass.contains_key(&n))
    }

    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        Self::name(path)
            .and_then(|n| self.theme.sass.get(&n))
            .ok_or_else(|| {
                std::io::Error::new(std::io::ErrorKind::NotFound, path.display().to_string())
            })?
            .source
            .read()
    }
}

fn sass_error(e: grass::Error, entry: &Path) -> Diagnostic {
    match e.kind() {
        grass::ErrorKind::ParseError { message, loc, .. } => {
            let file = loc.file.name().to_owned();
            let display = file
                .strip_prefix(VIRTUAL_ROOT)
                .map(|rest| {
                    let parent = entry.parent().map(display_path).unwrap_or_default();
                    PathBuf::from(format!("{parent}{rest}"))
                })
                .unwrap_or_else(|| entry.to_path_buf());
            let line = loc.begin.line + 1;
            let col = loc.begin.column + 1;
            let source_line = loc
                .file
                .source()
                .lines()
                .nth(loc.begin.line)
                .unwrap_or_default();
            Diagnostic::error(display, format!("Sass error: {message}"))
                .at(
                    source_line_text(source_line, line).as_str(),
                    crate::diagnostic::Position { line, col },
                )
                .with_hint("fix the stylesheet; Sass syntax is described at sass-lang.com")
        }
        other => Diagnostic::error(entry, format!("Sass error: {other:?}")),
    }
}

/// Pads `line` so that it is line number `n` of the returned text.
fn source_line_text(line: &str, n: usize) -> String {
    format!("{}{line}", "\n".repeat(n.saturating_sub(1)))
}

/// The error for a `theme` naming no folder: at its value in config.toml,
/// with the nearest theme there is (the built-in one or a folder of `themes/`).
fn unknown_theme(root: &Path, config: &Config) -> Diagnostic {
    let name = &config.theme;
    let mut names = vec!["civic".to_owned()];
    if let Ok(entries) = std::fs::read_dir(root.join("themes")) {
        names.extend(
            entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok()),
        );
    }
    let diagnostic = Diagnostic::error(
        "config.toml",
        format!("theme `{name}` not found: there is no folder themes/{name}"),
    )
    .with_hint(format!(
        "{}; or remove the `theme` line to use the built-in civic theme",
        suggest(name, names.iter().map(String::as_str))
    ));
    let span = spans(&config.source_text).and_then(|table| value_span(&table, &["theme"]));
    match span {
        Some(span) => diagnostic.at_offset(&config.source_text, span.start),
        None => diagnostic,
    }
}
