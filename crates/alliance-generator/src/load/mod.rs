//! Loading: reads `content/`, `static/` and the theme's static files into a [`Site`].

pub(crate) mod frontmatter;
pub(crate) mod kind;
pub(crate) mod organisations_csv;
pub(crate) mod site;
pub(crate) mod translation;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::util::url::slugify;
use crate::util::walk::{Skipped, walk_within};
use frontmatter::FrontMatter;
use site::{Asset, Origin, Page, PageId, Site};

/// A Markdown file found in `content/`, before parsing.
struct Found {
    file: PathBuf,
    rel: String,
}

/// Reads the site under `root`, with every problem found. A page that cannot
/// be read is reported and left out (its content path is kept in
/// [`Site::with_errors`]); every other page is loaded.
pub(crate) fn load(root: &Path, config: Config) -> (Site, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let content = root.join("content");
    let mut found = Vec::new();
    let mut spreadsheets = Vec::new();
    let mut files = Vec::new();
    let mut translation_files = Vec::new();
    let mut unfollowed = Vec::new();
    if content.is_dir() {
        let (entries, skipped) = walk_within(&content, root);
        unfollowed.extend(skipped);
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    diagnostics.push(Diagnostic::error(
                        e.path().unwrap_or(&content).to_path_buf(),
                        format!("cannot read: {e}"),
                    ));
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = crate::util::url::content_name(
                &entry
                    .path()
                    .strip_prefix(&content)
                    .unwrap_or(entry.path())
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
            if rel.ends_with(".md")
                && let Some((code, of)) = translation::translation_of(&rel, config.languages.keys())
            {
                translation_files.push((
                    entry.path().to_path_buf(),
                    crate::util::url::nfc(&rel),
                    code,
                    of,
                ));
            } else if rel.ends_with(".md") {
                found.push(Found {
                    file: entry.path().to_path_buf(),
                    // Links name pages in NFC, whatever the keyboard that named the file.
                    rel: crate::util::url::nfc(&rel),
                });
            } else if entry.file_name() == organisations_csv::FILE_NAME {
                spreadsheets.push(Found {
                    file: entry.path().to_path_buf(),
                    rel,
                });
            } else {
                files.push((entry.path().to_path_buf(), rel));
            }
        }
    } else {
        diagnostics.push(
            Diagnostic::error("content", "the site has no content folder")
                .with_hint("create content/_index.md for the home page"),
        );
    }

    let parsed: Vec<Result<Option<Page>, Vec<Diagnostic>>> =
        found.par_iter().map(read_page).collect();
    let mut pages = Vec::new();
    let mut drafts = Vec::new();
    let mut with_errors = Vec::new();
    for (result, f) in parsed.into_iter().zip(&found) {
        match result {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => drafts.push(f.rel.clone()),
            Err(errors) => {
                diagnostics.extend(errors);
                with_errors.push(f.rel.clone());
            }
        }
    }
    for sheet in &spreadsheets {
        let read = organisations_csv::read(&sheet.file, &sheet.rel);
        pages.extend(read.pages);
        diagnostics.extend(read.errors);
        with_errors.extend(read.with_errors);
    }
    let mut translations = Vec::new();
    for (file, rel, code, of) in translation_files {
        match translation::read(&file, &rel, code, of) {
            Ok(t) => translations.push(t),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    let mut pages = leave_out_doubles(pages, &mut with_errors, &mut diagnostics);
    if !pages.iter().any(|p| p.content_path == "_index.md") {
        pages.push(synthetic_home(&config));
    }
    let mut site = Site {
        root: root.to_path_buf(),
        config,
        pages,
        home: 0,
        by_content_path: HashMap::new(),
        by_path: BTreeMap::new(),
        assets: Vec::new(),
        drafts,
        with_errors,
        languages: Default::default(),
        language: 0,
        translations,
        unfollowed: Vec::new(),
    };
    link_tree(&mut site);
    site.assets = collect_assets(&site, &files, &mut unfollowed);
    for skipped in &mut unfollowed {
        if let Ok(rel) = skipped.link.strip_prefix(root) {
            skipped.link = rel.to_path_buf();
        }
    }
    site.unfollowed = unfollowed;
    (site, diagnostics)
}

/// Leaves out each page served where an earlier one is, with an error; a
/// Markdown page left out goes into `with_errors`, so links to it are not
/// reported again (a spreadsheet row has the content path of the page it doubles).
fn leave_out_doubles(
    mut pages: Vec<Page>,
    with_errors: &mut Vec<String>,
    diagnostics: &mut Diagnostics,
) -> Vec<Page> {
    // Decided first and removed in place: a site of 40,000 rows copies no page.
    let mut first_at: HashMap<&str, PageId> = HashMap::with_capacity(pages.len());
    let mut keep = vec![true; pages.len()];
    for (id, page) in pages.iter().enumerate() {
        let Some(&other) = first_at.get(page.path.as_str()) else {
            first_at.insert(&page.path, id);
            continue;
        };
        keep[id] = false;
        let first = &pages[other];
        if let Origin::CsvRow { .. } = page.origin {
            diagnostics.push(
                page.value_error(&["id"], format!("the id `{}` is used twice", page.id))
                    .with_hint(format!(
                        "{} already has it (both would be served at /{}): give this row another id",
                        first.place(),
                        page.path
                    )),
            );
            continue;
        }
        diagnostics.push(
            page.key_error(
                if page.front.slug.is_some() {
                    "slug"
                } else {
                    "title"
                },
                format!(
                    "two pages would be served at /{}: this one and {}",
                    page.path,
                    first.source.display()
                ),
            )
            .with_hint("rename one of the files, or give one a different `slug`"),
        );
        with_errors.push(page.content_path.clone());
    }
    let mut kept = keep.into_iter();
    pages.retain(|_| kept.next().unwrap_or(true));
    pages
}

fn synthetic_home(config: &Config) -> Page {
    Page {
        source: PathBuf::from("content/_index.md"),
        content_path: "_index.md".into(),
        text: String::new(),
        front: FrontMatter {
            title: config.title.clone(),
            description: Some(config.description.clone()).filter(|d| !d.is_empty()),
            ..FrontMatter::default()
        },
        typed: Default::default(),
        toml_offset: 0,
        body_offset: 0,
        is_section: true,
        path: String::new(),
        id: String::new(),
        folder: PathBuf::from("content"),
        parent: None,
        children: Vec::new(),
        subsections: Vec::new(),
        origin: Origin::Markdown,
        index: Default::default(),
    }
}

/// Reads `content/<rel>` again (for the dev server); `Ok(None)` for a draft.
pub(crate) fn reread_page(root: &Path, rel: &str) -> Result<Option<Page>, Vec<Diagnostic>> {
    read_page(&Found {
        file: root.join("content").join(rel),
        rel: rel.to_owned(),
    })
}

/// Reads a content file as UTF-8 text; `what` names it in the error ("the
/// file", "the spreadsheet"), `hint` says how to save it as UTF-8.
pub(crate) fn read_text(
    file: &Path,
    source: &Path,
    what: &str,
    hint: &str,
) -> Result<String, Vec<Diagnostic>> {
    let bytes = std::fs::read(file).map_err(|e| {
        vec![Diagnostic::error(
            source,
            format!("cannot read {what}: {e}"),
        )]
    })?;
    crate::diagnostic::decode_text(bytes, source, what, hint)
}

/// Reads one Markdown file; `Ok(None)` for a draft.
fn read_page(found: &Found) -> Result<Option<Page>, Vec<Diagnostic>> {
    let source = PathBuf::from("content").join(&found.rel);
    let text = read_text(
        &found.file,
        &source,
        "the file",
        "save the file as UTF-8 in your editor",
    )?;
    let parsed = frontmatter::parse(&source, &text)?;
    if parsed.front.draft {
        return Ok(None);
    }
    let (dir, file) = match found.rel.rfind('/') {
        Some(i) => (&found.rel[..i], &found.rel[i + 1..]),
        None => ("", found.rel.as_str()),
    };
    let dir_path = site_dir(dir);
    let is_section = file == "_index.md";
    let id = id_of(&found.rel);
    let (path, id, folder) = if is_section {
        (dir_path, id.to_owned(), PathBuf::from(dir))
    } else if file == "index.md" {
        let parent: String = match dir_path.trim_end_matches('/').rfind('/') {
            Some(i) => dir_path[..=i].to_owned(),
            None => String::new(),
        };
        let slug = parsed.front.slug.clone().unwrap_or_else(|| slugify(id));
        check_segment(&source, &text, &slug)?;
        (
            format!("{parent}{slug}/"),
            id.to_owned(),
            PathBuf::from(dir),
        )
    } else {
        let slug = parsed
            .front
            .slug
            .as_deref()
            .map_or_else(|| slugify(id), slugify);
        check_segment(&source, &text, &slug)?;
        (
            format!("{dir_path}{slug}/"),
            id.to_owned(),
            PathBuf::from(dir),
        )
    };
    Ok(Some(Page {
        source,
        content_path: found.rel.clone(),
        text,
        front: parsed.front,
        typed: parsed.typed,
        toml_offset: parsed.toml_offset,
        body_offset: parsed.body_offset,
        is_section,
        path,
        id,
        folder: PathBuf::from("content").join(folder),
        parent: None,
        children: Vec::new(),
        subsections: Vec::new(),
        origin: Origin::Markdown,
        index: Default::default(),
    }))
}

/// A file whose name gives no address of its own (`..md`, `!.md`) is an
/// error: its page would be written over a folder or outside the site.
fn check_segment(source: &Path, text: &str, slug: &str) -> Result<(), Vec<Diagnostic>> {
    match crate::util::url::slug_problem(slug) {
        None => Ok(()),
        Some(problem) => Err(vec![
            Diagnostic::error(
                source,
                format!("the address this file's name gives, `{slug}`, {problem}"),
            )
            .at(text, crate::diagnostic::Position { line: 1, col: 1 })
            .with_hint("rename the file, or give it a `slug`, e.g. slug = \"our-board\""),
        ]),
    }
}

/// The id a content file gives a typed page: its stem, or its folder's name
/// for `index.md` and `_index.md` (`members/council.md` → `council`).
pub(crate) fn id_of(rel: &str) -> &str {
    let (dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
    match file {
        "index.md" | "_index.md" => dir.rsplit('/').next().unwrap_or_default(),
        _ => file.strip_suffix(".md").unwrap_or(file),
    }
}

/// The site path of a content folder: `Our Groups/x` → `our-groups/x/`.
pub(crate) fn site_dir(dir: &str) -> String {
    dir.split('/')
        .filter(|s| !s.is_empty())
        .map(|s| slugify(s) + "/")
        .collect()
}

/// Indexes pages (each served at its own path), finds each page's section and
/// orders every section's children.
fn link_tree(site: &mut Site) {
    for (id, page) in site.pages.iter().enumerate() {
        site.by_content_path.insert(page.content_path.clone(), id);
        site.by_path.insert(page.path.clone(), id);
    }
    site.home = site.by_content_path.get("_index.md").copied().unwrap_or(0);
    let section_of_dir: HashMap<String, PageId> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_section)
        .map(|(id, p)| (dir_of(&p.content_path).to_owned(), id))
        .collect();
    let mut children: Vec<Vec<PageId>> = vec![Vec::new(); site.pages.len()];
    for (id, page) in site.pages.iter_mut().enumerate() {
        if id == site.home {
            continue;
        }
        let mut dir = dir_of(&page.content_path).to_owned();
        if page.is_section || page.content_path.ends_with("/index.md") {
            dir = dir_of(&dir).to_owned();
        }
        let parent = loop {
            if let Some(&s) = section_of_dir.get(&dir) {
                break s;
            }
            if dir.is_empty() {
                break site.home;
            }
            dir = dir_of(&dir).to_owned();
        };
        page.parent = Some(parent);
        children[parent].push(id);
    }
    for (section, kids) in children.into_iter().enumerate() {
        let (mut subsections, mut pages): (Vec<_>, Vec<_>) =
            kids.into_iter().partition(|&k| site.pages[k].is_section);
        sort_pages(&site.pages, &mut subsections);
        sort_pages(&site.pages, &mut pages);
        site.pages[section].children = pages;
        site.pages[section].subsections = subsections;
    }
}

/// Dated pages newest first; then by weight, then title.
pub(crate) fn sort_pages(pages: &[Page], ids: &mut [PageId]) {
    ids.sort_by(|&a, &b| {
        let (a, b) = (&pages[a], &pages[b]);
        b.date()
            .cmp(&a.date())
            .then(
                a.front
                    .weight
                    .unwrap_or(i64::MAX)
                    .cmp(&b.front.weight.unwrap_or(i64::MAX)),
            )
            .then_with(|| a.front.title.cmp(&b.front.title))
            .then_with(|| a.path.cmp(&b.path))
    });
}

/// `a/b/c.md` → `a/b`; `a` → ``.
fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// Site static files, then co-located content files. (The theme's static
/// files are the theme's: [`crate::Theme`] reads them, and the site's own
/// files are copied after them, so a site file of the same name wins.)
fn collect_assets(
    site: &Site,
    content_files: &[(PathBuf, String)],
    unfollowed: &mut Vec<Skipped>,
) -> Vec<Asset> {
    let mut by_path: BTreeMap<String, PathBuf> = BTreeMap::new();
    let dir = site.root.join("static");
    let (entries, skipped) = walk_within(&dir, &site.root);
    unfollowed.extend(skipped);
    for entry in entries.into_iter().flatten() {
        if entry.file_type().is_file()
            && let Ok(rel) = entry.path().strip_prefix(&dir)
        {
            by_path.insert(
                rel.to_string_lossy().replace('\\', "/"),
                entry.path().to_path_buf(),
            );
        }
    }
    // A co-located file goes beside the page or section that owns its folder.
    let owner_of_dir: HashMap<&str, &Page> = site
        .pages
        .iter()
        .filter(|p| p.is_section || p.content_path.ends_with("index.md"))
        .map(|p| (dir_of(&p.content_path), p))
        .collect();
    for (file, rel) in content_files {
        let mut dir = dir_of(rel);
        let owner = loop {
            if let Some(p) = owner_of_dir.get(dir) {
                break Some(*p);
            }
            if dir.is_empty() {
                break None;
            }
            dir = dir_of(dir);
        };
        let inner = rel[dir.len()..].trim_start_matches('/');
        let path = match owner {
            Some(p) => format!("{}{}", p.path, inner),
            None => inner.to_owned(),
        };
        by_path.insert(path, file.clone());
    }
    by_path
        .into_iter()
        .map(|(path, source)| Asset { source, path })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join("content").join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn pages_with_errors_are_left_out_and_the_rest_is_loaded_and_modelled() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "_index.md", "+++\ntitle = \"Home\"\n+++\n");
        write(root, "members/bad.md", "+++\ntitle = \"B\nkind = 1\n+++\n");
        write(root, "members/x.md", "+++\ntitle = \"X\"\n+++\n");
        write(
            root,
            "members/x/index.md",
            "+++\ntitle = \"X again\"\n+++\n",
        );
        write(
            root,
            "groups/board.md",
            "+++\ntitle = \"Board\"\nkind = \"group\"\ngroup = \"executive\"\nmembers = [\"bad\", \"nobody\"]\n+++\n",
        );
        let config = Config::parse(
            "title = \"T\"\nbase_url = \"https://e.org\"\n",
            Path::new("config.toml"),
        )
        .unwrap();
        let (site, found) = load(root, config);
        let messages: Vec<&str> = found.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with("malformed front matter"));
        assert!(messages[1].starts_with("two pages would be served at /members/x/"));
        assert_eq!(site.with_errors, ["members/bad.md", "members/x.md"]);
        assert!(site.page_by_content_path("members/x.md").is_none());
        assert!(site.page_by_content_path("groups/board.md").is_some());
        let (_, errors) = crate::model::Model::build(&site);
        let messages: Vec<&str> = errors.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["no organisation has the id `nobody`"]);
    }
}
