//! The dev server never disagrees with the build: a property test.
//!
//! Each case copies a site to a temp folder, loads it into a
//! [`LiveSite`], then saves a random sequence of edits to the tree as
//! editors do (rewriting a file in place, writing a temporary file and
//! renaming it over the old one, deleting, renaming) and tells the live site
//! which paths changed, as the watcher would. After every step a fresh
//! [`alliance_generator::build`] of the tree on disk is the reference:
//!
//! - if it succeeds, the update succeeded too, the live files equal the
//!   output folder byte for byte, and the live warnings equal the build's;
//! - if it fails, the update failed with the same errors.
//!
//! The files compared include the search index, which the live site keeps
//! page by page and reads again only where an edit reaches.
//!
//! Knobs (environment): `PROPTEST_CASES` (cases per site, default 12),
//! `EQUIVALENCE_SEED` (a `u64`; the default is fixed so CI is repeatable),
//! `EQUIVALENCE_SHRINK` (shrink iterations on failure, default 24).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Once;

use alliance_generator::incremental::LiveSite;
use alliance_generator::util::walk::is_ignored_name;
use alliance_generator::{BuildOptions, Diagnostics, Mode};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestError, TestRng, TestRunner};

/// "Today" for every build here: 22 November 2026, so meetings and review
/// dates fall the same side of it on every run.
const TODAY_EPOCH: &str = "1795305600";

/// The seed used unless `EQUIVALENCE_SEED` names another.
const DEFAULT_SEED: u64 = 0x5eed_a111_a9ce;

/// Fixes "today" for the generator, once per test binary.
fn fix_today() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // SAFETY: every test here calls this first, and `Once` makes the others
        // wait until it returns, so no test thread reads the environment while it
        // is written; the generator reads it only through `std::env`, which holds
        // std's environment lock, and no C code in this binary reads it.
        unsafe { std::env::set_var(alliance_generator::SOURCE_DATE_EPOCH, TODAY_EPOCH) };
    });
}

/// The repository root (itself the example site).
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Copies `parts` (files or folders) of `from` into `to`; `""` copies all of it.
fn copy_parts(from: &Path, to: &Path, parts: &[&str]) {
    for part in parts {
        let base = from.join(part);
        for entry in walkdir::WalkDir::new(&base) {
            let entry = entry.unwrap();
            let target = to.join(entry.path().strip_prefix(from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
}

/// How an editor saves a file.
#[derive(Debug, Clone, Copy)]
enum Save {
    /// Truncates the file and writes the new text.
    InPlace,
    /// Writes `.NAME.tmp` beside it, then renames that over the file (the
    /// watcher drops the temporary name, as the dev server does).
    TempThenRename,
}

/// Text appended to a page body.
#[derive(Debug, Clone, Copy)]
enum Body {
    Paragraph,
    Heading,
    ImageWithoutAlt,
    ClickHere,
    BrokenLink,
}

/// A front-matter key to set.
#[derive(Debug, Clone, Copy)]
enum Front {
    Title,
    Weight,
    Description,
    Date,
}

/// A change to a group's `members` list.
#[derive(Debug, Clone, Copy)]
enum Members {
    /// Adds an organisation that exists.
    AddKnown,
    /// Adds an id no organisation has.
    AddUnknown,
    /// Removes the first member.
    RemoveFirst,
}

/// A change to a row of `organisations.csv`.
#[derive(Debug, Clone, Copy)]
enum Row {
    Add,
    Remove,
    ChangeSector,
}

/// A change under `static/`.
#[derive(Debug, Clone, Copy)]
enum Static {
    Add,
    Modify,
    Delete,
}

/// One edit, its targets chosen (by [`Index`]) among the files present when
/// it is applied.
#[derive(Debug, Clone)]
enum Edit {
    Body(Index, Body, Save),
    FrontMatter(Index, Front, u8, Save),
    Members(Index, Members, Index, Save),
    MeetingStart(Index, u8, Save),
    /// Turns an agenda item's `exempt` over: its papers are withdrawn from
    /// the output, or published again.
    Exempt(Index, Save),
    Sector(Index, bool, Index, Save),
    CsvRow(Index, Row, Save),
    Template(Index, bool, Save),
    Sass(Index, bool, Save),
    Static(Index, Static, Save),
    NewPage(Index, Save),
    DeletePage(Index),
    RenamePage(Index),
    NewFolder,
    RenameFolder(Index),
    /// Invalid TOML in a page's front matter, then the page restored.
    BrokenThenFixed(Index, Save),
}

/// The strategy for one edit.
fn edit() -> impl Strategy<Value = Edit> {
    let save = prop_oneof![Just(Save::InPlace), Just(Save::TempThenRename)];
    let body = prop_oneof![
        Just(Body::Paragraph),
        Just(Body::Heading),
        Just(Body::ImageWithoutAlt),
        Just(Body::ClickHere),
        Just(Body::BrokenLink),
    ];
    let front = prop_oneof![
        Just(Front::Title),
        Just(Front::Weight),
        Just(Front::Description),
        Just(Front::Date),
    ];
    let members = prop_oneof![
        Just(Members::AddKnown),
        Just(Members::AddUnknown),
        Just(Members::RemoveFirst),
    ];
    let row = prop_oneof![Just(Row::Add), Just(Row::Remove), Just(Row::ChangeSector)];
    let stat = prop_oneof![
        Just(Static::Add),
        Just(Static::Modify),
        Just(Static::Delete)
    ];
    prop_oneof![
        3 => (any::<Index>(), body, save.clone()).prop_map(|(i, b, s)| Edit::Body(i, b, s)),
        3 => (any::<Index>(), front, any::<u8>(), save.clone())
            .prop_map(|(i, f, n, s)| Edit::FrontMatter(i, f, n, s)),
        2 => (any::<Index>(), members, any::<Index>(), save.clone())
            .prop_map(|(i, m, o, s)| Edit::Members(i, m, o, s)),
        1 => (any::<Index>(), any::<u8>(), save.clone()).prop_map(|(i, n, s)| Edit::MeetingStart(i, n, s)),
        1 => (any::<Index>(), save.clone()).prop_map(|(i, s)| Edit::Exempt(i, s)),
        2 => (any::<Index>(), any::<bool>(), any::<Index>(), save.clone())
            .prop_map(|(i, v, k, s)| Edit::Sector(i, v, k, s)),
        2 => (any::<Index>(), row, save.clone()).prop_map(|(i, r, s)| Edit::CsvRow(i, r, s)),
        2 => (any::<Index>(), any::<bool>(), save.clone()).prop_map(|(i, t, s)| Edit::Template(i, t, s)),
        1 => (any::<Index>(), any::<bool>(), save.clone()).prop_map(|(i, t, s)| Edit::Sass(i, t, s)),
        2 => (any::<Index>(), stat, save.clone()).prop_map(|(i, c, s)| Edit::Static(i, c, s)),
        1 => (any::<Index>(), save.clone()).prop_map(|(i, s)| Edit::NewPage(i, s)),
        1 => any::<Index>().prop_map(Edit::DeletePage),
        1 => any::<Index>().prop_map(Edit::RenamePage),
        1 => Just(Edit::NewFolder),
        1 => any::<Index>().prop_map(Edit::RenameFolder),
        2 => (any::<Index>(), save).prop_map(|(i, s)| Edit::BrokenThenFixed(i, s)),
    ]
}

/// One saved change: what was done, and the paths the watcher reports.
struct Step {
    what: String,
    changed: Vec<String>,
    /// A file's previous bytes, to be saved back as the next step.
    restore: Option<(String, Vec<u8>, Save)>,
}

/// The site being edited.
struct Tree {
    root: PathBuf,
    /// A counter making new names and texts unique.
    serial: usize,
}

impl Tree {
    /// Files under `dir` (site-relative, `/`-separated, sorted), leaving out
    /// editors' temporary files as the generator does.
    fn files(&self, dir: &str) -> Vec<String> {
        let base = self.root.join(dir);
        let mut out: Vec<String> = walkdir::WalkDir::new(&base)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| rel(&self.root, e.path()))
            .collect();
        out.sort();
        out
    }

    /// Markdown pages under `content/`.
    fn pages(&self) -> Vec<String> {
        self.files("content")
            .into_iter()
            .filter(|p| p.ends_with(".md"))
            .collect()
    }

    /// Pages whose front matter says `kind = "KIND"`.
    fn typed(&self, kind: &str) -> Vec<String> {
        let line = format!("kind = \"{kind}\"");
        self.pages()
            .into_iter()
            .filter(|p| self.read(p).contains(&line))
            .collect()
    }

    /// The ids of organisations: typed pages' stems and spreadsheet rows.
    fn organisation_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.typed("organisation").iter().map(|p| stem(p)).collect();
        for csv in self
            .files("content")
            .into_iter()
            .filter(|p| p.ends_with("organisations.csv"))
        {
            let text = self.read(&csv);
            ids.extend(
                text.lines()
                    .skip(1)
                    .filter_map(|l| l.split(',').next())
                    .map(str::to_owned),
            );
        }
        ids.retain(|id| !id.is_empty());
        ids
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap_or_default()
    }

    /// Saves `bytes` to `rel` the way `save` says.
    fn save(&self, rel: &str, bytes: &[u8], save: Save) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        match save {
            Save::InPlace => std::fs::write(&path, bytes).unwrap(),
            Save::TempThenRename => {
                let name = path.file_name().unwrap().to_string_lossy();
                let temp = path.with_file_name(format!(".{name}.tmp"));
                std::fs::write(&temp, bytes).unwrap();
                std::fs::rename(&temp, &path).unwrap();
            }
        }
    }

    fn next(&mut self) -> usize {
        self.serial += 1;
        self.serial
    }

    /// Applies one edit, or returns `None` if the site has nothing it applies to.
    fn apply(&mut self, edit: &Edit) -> Option<Step> {
        let n = self.next();
        let step = |what: String, changed: Vec<String>| Step {
            what,
            changed,
            restore: None,
        };
        match *edit {
            Edit::Body(i, body, save) => {
                let page = pick(&self.pages(), i)?;
                let add = match body {
                    Body::Paragraph => format!("\n\nAn added paragraph, number {n}.\n"),
                    Body::Heading => format!("\n\n## Added heading {n}\n\nText under it.\n"),
                    Body::ImageWithoutAlt => "\n\n![](x.png)\n".to_owned(),
                    Body::ClickHere => {
                        "\n\nTo find out more, [click here](https://example.org/).\n".to_owned()
                    }
                    Body::BrokenLink => "\n\nSee [the missing page](@/nope.md).\n".to_owned(),
                };
                let text = self.read(&page) + &add;
                self.save(&page, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: append {body:?} to {page}"),
                    vec![page],
                ))
            }
            Edit::FrontMatter(i, key, v, save) => {
                let page = pick(&self.pages(), i)?;
                let (name, value) = match key {
                    Front::Title => ("title", format!("\"Edited title {n}\"")),
                    Front::Weight => ("weight", format!("{}", v % 20)),
                    Front::Description => {
                        ("description", format!("\"An edited description, {n}.\""))
                    }
                    Front::Date => ("date", format!("2026-{:02}-{:02}", v % 12 + 1, v % 28 + 1)),
                };
                let text = set_key(&self.read(&page), name, &value)?;
                self.save(&page, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: set {name} = {value} in {page}"),
                    vec![page],
                ))
            }
            Edit::Members(i, change, o, save) => {
                let group = pick(&self.typed("group"), i)?;
                let text = self.read(&group);
                let at = text.find("members = [")? + "members = [".len();
                let text = match change {
                    Members::AddKnown | Members::AddUnknown => {
                        let org = match change {
                            Members::AddKnown => pick(&self.organisation_ids(), o)?,
                            _ => "no-such-organisation".to_owned(),
                        };
                        format!("{}{{ org = \"{org}\" }}, {}", &text[..at], &text[at..])
                    }
                    Members::RemoveFirst => {
                        let open = at + text[at..].find('{')?;
                        let close = open + text[open..].find('}')? + 1;
                        if text[at..open].contains(']') {
                            return None;
                        }
                        let rest = text[close..].trim_start_matches([' ', ',']);
                        format!("{}{}", &text[..open], rest)
                    }
                };
                self.save(&group, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: members {change:?} in {group}"),
                    vec![group],
                ))
            }
            Edit::MeetingStart(i, v, save) => {
                let meeting = pick(&self.typed("meeting"), i)?;
                let start = format!(
                    "{}-{:02}-{:02}T{:02}:30:00",
                    2026 + u32::from(v % 2),
                    v % 12 + 1,
                    v % 28 + 1,
                    8 + v % 12
                );
                let text = replace_line(
                    &self.read(&meeting),
                    "start = ",
                    &format!("start = {start}"),
                )?;
                self.save(&meeting, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: start = {start} in {meeting}"),
                    vec![meeting],
                ))
            }
            Edit::Exempt(i, save) => {
                let meetings: Vec<String> = self
                    .typed("meeting")
                    .into_iter()
                    .filter(|p| self.read(p).contains("exempt = "))
                    .collect();
                let meeting = pick(&meetings, i)?;
                let text = self.read(&meeting);
                let (from, to) = if text.contains("exempt = true") {
                    ("exempt = true", "exempt = false")
                } else {
                    ("exempt = false", "exempt = true")
                };
                self.save(&meeting, text.replacen(from, to, 1).as_bytes(), save);
                Some(step(
                    format!("{save:?}: {from} -> {to} in {meeting}"),
                    vec![meeting],
                ))
            }
            Edit::Sector(i, valid, k, save) => {
                let org = pick(&self.typed("organisation"), i)?;
                const SECTORS: [&str; 10] = [
                    "public",
                    "business",
                    "voluntary",
                    "education",
                    "health",
                    "police",
                    "fire",
                    "housing",
                    "faith",
                    "other",
                ];
                let sector = if valid {
                    SECTORS[k.index(SECTORS.len())]
                } else {
                    "pubic"
                };
                let text = replace_line(
                    &self.read(&org),
                    "sector = ",
                    &format!("sector = \"{sector}\""),
                )?;
                self.save(&org, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: sector = {sector:?} in {org}"),
                    vec![org],
                ))
            }
            Edit::CsvRow(i, change, save) => {
                let csvs: Vec<String> = self
                    .files("content")
                    .into_iter()
                    .filter(|p| p.ends_with("organisations.csv"))
                    .collect();
                let csv = pick(&csvs, i)?;
                let text = self.read(&csv);
                let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
                let rows = lines.len().saturating_sub(1);
                let what = match change {
                    Row::Add => {
                        let columns = lines.first()?.split(',').count();
                        let mut row = vec![
                            format!("added-org-{n}"),
                            format!("Added Organisation {n}"),
                            "voluntary".into(),
                        ];
                        row.resize(columns.max(3), String::new());
                        lines.push(row.join(","));
                        format!("add row added-org-{n}")
                    }
                    Row::Remove if rows > 0 => {
                        let r = 1 + i.index(rows);
                        format!("remove row {:?}", lines.remove(r))
                    }
                    Row::ChangeSector if rows > 0 => {
                        let r = 1 + i.index(rows);
                        let line = &mut lines[r];
                        let (from, to) = [
                            (",voluntary,", ",faith,"),
                            (",faith,", ",voluntary,"),
                            (",housing,", ",other,"),
                            (",business,", ",other,"),
                            (",other,", ",business,"),
                        ]
                        .into_iter()
                        .find(|(from, _)| line.contains(from))?;
                        *line = line.replacen(from, to, 1);
                        format!("row {r}: sector {from} -> {to}")
                    }
                    _ => return None,
                };
                let text = lines.join("\n") + "\n";
                self.save(&csv, text.as_bytes(), save);
                Some(step(format!("{save:?}: {csv}: {what}"), vec![csv]))
            }
            Edit::Template(i, html, save) => {
                let theme = theme_dir(&self.root).join("templates");
                let names: Vec<String> = walkdir::WalkDir::new(&theme)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_file())
                    .map(|e| rel(&theme, e.path()))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let name = pick(&names, i)?;
                let target = format!("templates/{name}");
                let current = if self.root.join(&target).exists() {
                    self.read(&target)
                } else {
                    std::fs::read_to_string(theme.join(&name)).ok()?
                };
                // Text outside blocks of a child template is not output; a comment never is.
                let add = if html && !current.trim_start().starts_with("{% extends") {
                    format!("\n<!-- edited {n} -->\n")
                } else {
                    format!("\n{{# edited {n} #}}\n")
                };
                self.save(&target, (current + &add).as_bytes(), save);
                Some(step(
                    format!("{save:?}: override {target} with {add:?} added"),
                    vec![target],
                ))
            }
            Edit::Sass(i, in_theme, save) => {
                let theme_sass = theme_dir(&self.root).join("sass");
                let mut names: Vec<String> = walkdir::WalkDir::new(&theme_sass)
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(|e| e.file_type().is_file())
                    .map(|e| rel(&theme_sass, e.path()))
                    .collect();
                names.sort();
                let name = pick(&names, i)?;
                let on_disk_theme = self.root.join("themes/civic/sass").join(&name);
                let target = if in_theme && on_disk_theme.exists() {
                    format!("themes/civic/sass/{name}")
                } else {
                    format!("sass/{name}")
                };
                let current = if self.root.join(&target).exists() {
                    self.read(&target)
                } else {
                    std::fs::read_to_string(theme_sass.join(&name)).ok()?
                };
                let text = current + &format!("\n.edited-{n} {{ color: #000; }}\n");
                self.save(&target, text.as_bytes(), save);
                Some(step(
                    format!("{save:?}: add a rule to {target}"),
                    vec![target],
                ))
            }
            Edit::Static(i, change, save) => {
                let present = self.files("static");
                match (change, pick(&present, i)) {
                    (Static::Modify, Some(file)) => {
                        let mut bytes = std::fs::read(self.root.join(&file)).unwrap();
                        bytes.extend_from_slice(format!("\n<!-- {n} -->\n").as_bytes());
                        self.save(&file, &bytes, save);
                        Some(step(format!("{save:?}: modify {file}"), vec![file]))
                    }
                    (Static::Delete, Some(file)) => {
                        std::fs::remove_file(self.root.join(&file)).unwrap();
                        Some(step(format!("delete {file}"), vec![file]))
                    }
                    _ => {
                        let file = format!("static/files/added-{n}.txt");
                        self.save(&file, format!("added {n}\n").as_bytes(), save);
                        Some(step(format!("{save:?}: add {file}"), vec![file]))
                    }
                }
            }
            Edit::NewPage(i, save) => {
                let sections: Vec<String> = self
                    .pages()
                    .into_iter()
                    .filter(|p| p.ends_with("/_index.md"))
                    .collect();
                let section = pick(&sections, i)?;
                let page = section.replace("_index.md", &format!("new-page-{n}.md"));
                let text = format!(
                    "+++\ntitle = \"New page {n}\"\ndescription = \"A page added while serving.\"\n+++\n\nA new page.\n"
                );
                self.save(&page, text.as_bytes(), save);
                Some(step(format!("{save:?}: new page {page}"), vec![page]))
            }
            Edit::DeletePage(i) => {
                let page = pick(&self.leaf_pages(), i)?;
                std::fs::remove_file(self.root.join(&page)).unwrap();
                Some(step(format!("delete {page}"), vec![page]))
            }
            Edit::RenamePage(i) => {
                let page = pick(&self.leaf_pages(), i)?;
                let to = page.replace(".md", &format!("-renamed-{n}.md"));
                std::fs::rename(self.root.join(&page), self.root.join(&to)).unwrap();
                Some(step(format!("rename {page} to {to}"), vec![page, to]))
            }
            Edit::NewFolder => {
                let dir = format!("content/newsec-{n}");
                self.save(
                    &format!("{dir}/_index.md"),
                    format!("+++\ntitle = \"New section {n}\"\n+++\n\nA new section.\n").as_bytes(),
                    Save::InPlace,
                );
                self.save(
                    &format!("{dir}/first.md"),
                    format!("+++\ntitle = \"First of section {n}\"\n+++\n\nIts first page.\n")
                        .as_bytes(),
                    Save::InPlace,
                );
                Some(step(
                    format!("new folder {dir} with _index.md and first.md"),
                    vec![
                        dir.clone(),
                        format!("{dir}/_index.md"),
                        format!("{dir}/first.md"),
                    ],
                ))
            }
            Edit::RenameFolder(i) => {
                let mut dirs: Vec<String> = self
                    .pages()
                    .iter()
                    .filter_map(|p| p.rsplit_once('/').map(|(d, _)| d.to_owned()))
                    .filter(|d| d != "content")
                    .collect();
                dirs.sort();
                dirs.dedup();
                let dir = pick(&dirs, i)?;
                let to = format!("{dir}-moved-{n}");
                std::fs::rename(self.root.join(&dir), self.root.join(&to)).unwrap();
                Some(step(format!("rename folder {dir} to {to}"), vec![dir, to]))
            }
            Edit::BrokenThenFixed(i, save) => {
                let page = pick(&self.pages(), i)?;
                let before = std::fs::read(self.root.join(&page)).unwrap();
                let text = String::from_utf8_lossy(&before);
                let broken = text.replacen("+++\n", "+++\nbroken = [\n", 1);
                self.save(&page, broken.as_bytes(), save);
                Some(Step {
                    what: format!("{save:?}: break the front matter of {page} (`broken = [`)"),
                    changed: vec![page.clone()],
                    restore: Some((page, before, save)),
                })
            }
        }
    }

    /// Pages that are neither section pages nor a page folder's `index.md`.
    fn leaf_pages(&self) -> Vec<String> {
        self.pages()
            .into_iter()
            .filter(|p| !p.ends_with("_index.md") && !p.ends_with("/index.md"))
            .collect()
    }
}

/// The theme the site uses: its own copy if it has one, else the repository's
/// (which the generator embeds).
fn theme_dir(root: &Path) -> PathBuf {
    let own = root.join("themes/civic");
    if own.exists() {
        own
    } else {
        repo().join("themes/civic")
    }
}

/// `path` relative to `base`, `/`-separated.
fn rel(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/")
}

/// The id a page would have: its stem, or its folder's name for `index.md`.
fn stem(page: &str) -> String {
    let mut parts = page.rsplit('/');
    let file = parts.next().unwrap_or_default();
    match file {
        "index.md" => parts.next().unwrap_or_default().to_owned(),
        _ => file.trim_end_matches(".md").to_owned(),
    }
}

/// The item `i` picks from `items`, if there are any.
fn pick(items: &[String], i: Index) -> Option<String> {
    (!items.is_empty()).then(|| items[i.index(items.len())].clone())
}

/// Sets a top-level front-matter key: replaces its line, or adds one after
/// the opening `+++`. `None` if the page has no front matter or the key's
/// value spans lines.
fn set_key(text: &str, key: &str, value: &str) -> Option<String> {
    let body_start = text.strip_prefix("+++\n")?;
    let end = body_start.find("\n+++")?;
    let front = &body_start[..end];
    let mut lines: Vec<String> = Vec::new();
    let mut done = false;
    let mut top = true;
    for line in front.lines() {
        top &= !line.trim_start().starts_with('[');
        let ours = top && line.split('=').next().map(str::trim) == Some(key) && line.contains('=');
        if ours {
            let old = line.split_once('=').unwrap().1.trim();
            if old.starts_with("\"\"\"")
                || old.starts_with("'''")
                || (old.starts_with('[') && !old.ends_with(']'))
            {
                return None;
            }
            lines.push(format!("{key} = {value}"));
            done = true;
        } else {
            lines.push(line.to_owned());
        }
    }
    if !done {
        lines.insert(0, format!("{key} = {value}"));
    }
    Some(format!("+++\n{}{}", lines.join("\n"), &body_start[end..]))
}

/// Replaces the first line starting with `prefix` (in the front matter) by `line`.
fn replace_line(text: &str, prefix: &str, line: &str) -> Option<String> {
    let start = text.find(&format!("\n{prefix}"))? + 1;
    let end = start + text[start..].find('\n')?;
    Some(format!("{}{}{}", &text[..start], line, &text[end..]))
}

/// Every file of a built folder, by site path.
fn output_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (rel(dir, e.path()), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The Display strings of diagnostics, sorted; `errors` keeps only errors.
fn shown(diagnostics: &Diagnostics, errors: bool) -> Vec<String> {
    let mut out: Vec<String> = diagnostics
        .iter()
        .filter(|d| !errors || d.is_error())
        .map(ToString::to_string)
        .collect();
    out.sort();
    out
}

/// What differs between two sorted lists of diagnostics.
fn diagnostics_diff(live: &[String], build: &[String]) -> String {
    let mut out = String::new();
    for d in build.iter().filter(|d| !live.contains(d)) {
        let _ = writeln!(
            out,
            "  only in the build: {}",
            d.trim_end().replace('\n', "\n    ")
        );
    }
    for d in live.iter().filter(|d| !build.contains(d)) {
        let _ = writeln!(
            out,
            "  only in the live site: {}",
            d.trim_end().replace('\n', "\n    ")
        );
    }
    out
}

/// The first lines where two texts differ, with a line either side.
fn short_diff(live: &[u8], build: &[u8]) -> String {
    let (Ok(live), Ok(build)) = (std::str::from_utf8(live), std::str::from_utf8(build)) else {
        let at = live
            .iter()
            .zip(build)
            .position(|(a, b)| a != b)
            .unwrap_or(live.len().min(build.len()));
        return format!(
            "  binary: {} vs {} bytes, first difference at byte {at}",
            live.len(),
            build.len()
        );
    };
    let (a, b): (Vec<&str>, Vec<&str>) = (live.lines().collect(), build.lines().collect());
    let at = a
        .iter()
        .zip(&b)
        .position(|(x, y)| x != y)
        .unwrap_or(a.len().min(b.len()));
    let cut = |s: &str| s.chars().take(240).collect::<String>();
    let mut out = format!("  first difference at line {}:\n", at + 1);
    for (sign, lines) in [("build", &b), ("live ", &a)] {
        for line in lines.iter().skip(at.saturating_sub(1)).take(3) {
            let _ = writeln!(out, "  {sign}| {}", cut(line));
        }
    }
    out
}

/// Compares the live site, after an update that returned `update`, with a
/// fresh build of the tree on disk. `Err` says what differed.
fn agree(
    live: &LiveSite,
    update: Result<(), &Diagnostics>,
    root: &Path,
    out: &Path,
) -> Result<(), String> {
    let options = BuildOptions {
        root: root.to_owned(),
        output: out.to_owned(),
        base_url: None,
        mode: Mode::default(),
    };
    match (alliance_generator::build(&options), update) {
        (Ok(report), Ok(())) => {
            let want = output_files(out);
            let got = live.files();
            let differing: Vec<&String> = want
                .keys()
                .chain(got.keys().filter(|k| !want.contains_key(*k)))
                .filter(|k| got.get(*k).map(|b| &b[..]) != want.get(*k).map(Vec::as_slice))
                .collect();
            let mut problems = String::new();
            if !differing.is_empty() {
                let _ = writeln!(
                    problems,
                    "{} files differ from the build, first: {:?}",
                    differing.len(),
                    &differing[..differing.len().min(6)]
                );
                let first = differing[0];
                match (got.get(first), want.get(first)) {
                    (Some(g), Some(w)) => problems += &short_diff(g, w),
                    (None, _) => {
                        let _ = writeln!(problems, "  {first}: only in the build");
                    }
                    (_, None) => {
                        let _ = writeln!(problems, "  {first}: only in the live site");
                    }
                }
            }
            let (lw, bw) = (
                shown(live.warnings(), false),
                shown(&report.warnings, false),
            );
            if lw != bw {
                let _ = writeln!(
                    problems,
                    "warnings differ ({} live, {} build):\n{}",
                    lw.len(),
                    bw.len(),
                    diagnostics_diff(&lw, &bw)
                );
            }
            if problems.is_empty() {
                Ok(())
            } else {
                Err(problems)
            }
        }
        (Err(errors), Err(live_errors)) => {
            let (l, b) = (shown(live_errors, true), shown(&errors, true));
            if l == b {
                Ok(())
            } else {
                Err(format!(
                    "both failed, with different errors:\n{}",
                    diagnostics_diff(&l, &b)
                ))
            }
        }
        (Err(errors), Ok(())) => Err(format!(
            "the build failed but the live update succeeded; the build's errors:\n{}",
            errors.report()
        )),
        (Ok(_), Err(live_errors)) => Err(format!(
            "the build succeeded but the live update failed:\n{}",
            live_errors.report()
        )),
    }
}

/// Runs one case: a fresh copy of the site, then `edits`, checking after each step.
fn run_case(copy: &dyn Fn(&Path), edits: &[Edit]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    let out = dir.path().join("public");
    copy(&root);
    let mut tree = Tree {
        root: root.clone(),
        serial: 0,
    };
    let mut log: Vec<String> = Vec::new();
    let fail = |log: &[String], why: String| {
        TestCaseError::fail(format!(
            "the live site disagrees with the build after step {}:\n  {}\n{why}",
            log.len(),
            log.join("\n  ")
        ))
    };
    let mut live = LiveSite::build(&root, None, Mode::default()).map_err(|e| {
        fail(
            &log,
            format!("the unedited site does not load:\n{}", e.report()),
        )
    })?;
    agree(&live, Ok(()), &root, &out)
        .map_err(|why| fail(&["(the unedited site)".to_owned()], why))?;
    // The search index, which the live site keeps page by page, is among the files compared.
    for index in [
        "search/en/meta.json",
        "search/en/t0.json",
        "search/en/p0.json",
    ] {
        prop_assert!(live.files().contains_key(index), "no {index} to compare");
    }
    for edit in edits {
        let Some(mut step) = tree.apply(edit) else {
            continue;
        };
        loop {
            log.push(format!(
                "{}. {}   [changed: {}]",
                log.len() + 1,
                step.what,
                step.changed.join(", ")
            ));
            let result = live.update(&step.changed);
            agree(&live, result.as_ref().map(|_| ()), &root, &out)
                .map_err(|why| fail(&log, why))?;
            let Some((page, bytes, save)) = step.restore.take() else {
                break;
            };
            tree.save(&page, &bytes, save);
            step = Step {
                what: format!("{save:?}: restore {page}"),
                changed: vec![page],
                restore: None,
            };
        }
    }
    Ok(())
}

/// Runs the property on a site made by `copy`.
fn property(name: &str, copy: &dyn Fn(&Path)) {
    fix_today();
    let env = |key: &str| std::env::var(key).ok().and_then(|v| v.parse::<u64>().ok());
    let cases = env("PROPTEST_CASES").unwrap_or(12) as u32;
    let seed = env("EQUIVALENCE_SEED").unwrap_or(DEFAULT_SEED);
    let config = Config {
        cases,
        max_shrink_iters: env("EQUIVALENCE_SHRINK").unwrap_or(24) as u32,
        failure_persistence: None,
        ..Config::default()
    };
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &bytes));
    let result = runner.run(&proptest::collection::vec(edit(), 1..=6), |edits| {
        run_case(copy, &edits)
    });
    match result {
        Ok(()) => {}
        Err(TestError::Fail(why, edits)) => {
            panic!("{name} (EQUIVALENCE_SEED={seed}): minimal failing edits {edits:#?}\n{why}")
        }
        Err(TestError::Abort(why)) => panic!("{name} (EQUIVALENCE_SEED={seed}): aborted: {why}"),
    }
}

#[test]
fn the_example_site_live_equals_the_build() {
    property("example site", &|to| {
        copy_parts(&repo(), to, &["config.toml", "content", "themes"])
    });
}

#[test]
fn the_partnership_fixture_live_equals_the_build() {
    property("tests/fixtures/partnership", &|to| {
        copy_parts(&repo().join("tests/fixtures/partnership"), to, &[""])
    });
}

#[test]
fn the_basic_fixture_live_equals_the_build() {
    property("tests/fixtures/basic", &|to| {
        copy_parts(&repo().join("tests/fixtures/basic"), to, &[""])
    });
}

#[test]
fn the_lists_fixture_live_equals_the_build() {
    // 11 a page: the 45 past meetings take 5 pages, so one meeting moved
    // ahead leaves 4 (a list page goes) and one moved back makes 5 again.
    property("tests/fixtures/lists", &|to| {
        copy_parts(&repo().join("tests/fixtures/lists"), to, &[""]);
        let config = to.join("config.toml");
        let text = std::fs::read_to_string(&config).unwrap() + "\n[pagination]\nper_page = 11\n";
        std::fs::write(config, text).unwrap();
    });
}

/// A site in Welsh and English: edits reach translation files too (their
/// bodies, their front matter — a fact there is an error —, new, deleted
/// and renamed ones), and every version is rebuilt.
#[test]
fn the_bilingual_fixture_live_equals_the_build() {
    property("tests/fixtures/bilingual", &|to| {
        copy_parts(&repo().join("tests/fixtures/bilingual"), to, &[""])
    });
}

/// Meetings as councils publish them: agendas with exempt items (whose
/// papers come and go with `exempt`), attendance, statuses, late agendas.
#[test]
fn the_meetings_fixture_live_equals_the_build() {
    property("tests/fixtures/meetings", &|to| {
        copy_parts(&repo().join("tests/fixtures/meetings"), to, &[""])
    });
}

/// A partnership that has closed: the notice on every page, no upcoming meetings.
#[test]
fn the_closed_fixture_live_equals_the_build() {
    property("tests/fixtures/closed", &|to| {
        copy_parts(&repo().join("tests/fixtures/closed"), to, &[""])
    });
}

/// Nested sections, meetings filed by year, a long spreadsheet, template overrides.
#[test]
fn the_shapes_fixture_live_equals_the_build() {
    property("tests/fixtures/shapes", &|to| {
        copy_parts(&repo().join("tests/fixtures/shapes"), to, &[""])
    });
}

/// Groups five levels deep: a change reaches up and down the tree of groups.
#[test]
fn the_deep_groups_fixture_live_equals_the_build() {
    property("tests/fixtures/deep-groups", &|to| {
        copy_parts(&repo().join("tests/fixtures/deep-groups"), to, &[""])
    });
}
