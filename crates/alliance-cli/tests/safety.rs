//! Nothing lost, nothing written outside the output: slugs, aliases, output
//! folders, clashes of files, interrupted builds, long lines (issue 13).

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

/// A page of the basic fixture with extra front matter.
fn page(extra: &str) -> String {
    format!("+++\ntitle = \"Extra\"\n{extra}\n+++\n\nBody.\n")
}

/// The folders beside the site and its output: nothing else may appear.
fn beside(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn slugs_that_are_not_one_segment_are_placed_errors() {
    for (slug, why) in [
        ("", "is empty"),
        ("..", "is `.` or `..`"),
        (".", "is `.` or `..`"),
        ("a/b", "holds a `/`"),
    ] {
        let err = build_broken("basic", |site| {
            write(
                site,
                "content/news/extra.md",
                &page(&format!("slug = \"{slug}\"")),
            );
        });
        assert!(
            err.contains(&format!(
                "content/news/extra.md:3:8: error: the slug `{slug}` {why}"
            )),
            "{slug}: {err}"
        );
    }
    assert!(!Path::new("/index.html").exists());
}

#[test]
fn aliases_stay_inside_the_site() {
    let err = build_broken("basic", |site| {
        write(
            site,
            "content/extra.md",
            &page("aliases = [\"/x/../../escaped/\", \"/\"]"),
        );
    });
    assert!(err.contains(
        "content/extra.md:3:12: error: the alias `/x/../../escaped/` is not an address inside the site"
    ));
    assert!(err.contains("content/extra.md:3:33: error: the alias `/` is not an address"));
}

#[test]
fn a_page_at_a_generated_files_address_or_a_static_file_at_a_pages_is_an_error_naming_both() {
    let err = build_broken("basic", |site| {
        write(site, "content/x.md", &page("slug = \"a-z\""));
        write(site, "content/y.md", &page("slug = \"sitemap.xml\""));
        write(site, "static/about/index.html", "mine");
    });
    assert!(err.contains(
        "content/x.md:3:1: error: content/x.md and the generated A to Z (a-z/) would both be written at /a-z/index.html"
    ), "{err}");
    assert!(err.contains(
        "content/y.md:3:1: error: content/y.md and the generated sitemap (sitemap.xml) clash: /sitemap.xml is a file"
    ), "{err}");
    assert!(err.contains(
        "static/about/index.html: error: static/about/index.html and content/about/_index.md would both be written at /about/index.html"
    ), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn outputs_over_the_sites_own_files_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("basic"), &site);
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&site, &link).unwrap();
    let before = tree(&site);
    for (root, out, why) in [
        (
            &site,
            "public/../content",
            "is or lies inside the site's `content`",
        ),
        (
            &link,
            "public/../content",
            "is or lies inside the site's `content`",
        ),
        (&site, "config.toml", "is a file, not a folder"),
        (
            &site,
            "templates",
            "is or lies inside the site's `templates`",
        ),
        (&site, "..", "holds the site's folder"),
        (&site, ".", "is the site's own folder"),
    ] {
        let o = alliance(&["build", "--root", root.to_str().unwrap(), "--output", out]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{out}: {err}");
        assert!(
            err.contains("error: refusing to build") && err.contains(why),
            "{out}: {err}"
        );
    }
    assert_eq!(tree(&site), before, "the site's files changed");
    assert_eq!(beside(dir.path()), ["link", "site"]);
}

#[test]
fn a_linked_output_is_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("basic"), &site);
    let web = dir.path().join("www");
    std::fs::create_dir(&web).unwrap();
    std::fs::write(web.join("stale.html"), "old").unwrap();
    let out = dir.path().join("public");
    std::os::unix::fs::symlink(&web, &out).unwrap();
    build_ok(&site, &out);
    assert!(
        std::fs::symlink_metadata(&out)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(web.join("index.html").is_file() && !web.join("stale.html").exists());
    assert_eq!(beside(dir.path()), ["public", "site", "www"]);
}

/// A site big enough that a debug build takes a while: the basic fixture and 1,500 pages.
fn big_site(dir: &Path) -> std::path::PathBuf {
    let site = dir.join("site");
    copy_tree(&fixture("basic"), &site);
    for i in 0..1500 {
        write(
            &site,
            &format!("content/about/p{i}.md"),
            &format!("+++\ntitle = \"Page {i}\"\n+++\n\n# Part\n\nSome **text** about {i}.\n"),
        );
    }
    site
}

/// Starts a build, waits until its staging folder appears, then sends `signal`.
fn interrupt(site: &Path, out: &Path, signal: &str) -> std::process::ExitStatus {
    let mut child = Command::new(env!("CARGO_BIN_EXE_alliance"))
        .args(["build", "--root", site.to_str().unwrap(), "--output"])
        .arg(out)
        .env("SOURCE_DATE_EPOCH", TODAY_EPOCH)
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let staging = out
        .parent()
        .unwrap()
        .join(format!(".public.building-{}", child.id()));
    let started = Instant::now();
    while !staging.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no staging folder"
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    child.wait().unwrap()
}

#[test]
fn an_interrupted_build_leaves_nothing_and_a_killed_ones_leftovers_go_next_time() {
    let dir = tempfile::tempdir().unwrap();
    let site = big_site(dir.path());
    let out = dir.path().join("public");
    build_ok(&site, &out);
    let before = tree(&out);
    let status = interrupt(&site, &out, "-TERM");
    assert_eq!(status.code(), Some(130), "the handler ran");
    assert_eq!(beside(dir.path()), ["public", "site"]);
    assert_eq!(tree(&out), before);

    let status = interrupt(&site, &out, "-KILL");
    assert_eq!(status.code(), None);
    assert_eq!(
        beside(dir.path()).len(),
        3,
        "a killed build cannot clean up"
    );
    std::fs::create_dir(dir.path().join(".public.old-4294967295")).unwrap();
    build_ok(&site, &out);
    assert_eq!(beside(dir.path()), ["public", "site"]);
}

#[test]
fn a_long_line_of_broken_links_prints_a_window_and_a_count() {
    let links: String = (0..2000)
        .map(|i| format!("[**x{i}**](@/nowhere{i}.md) "))
        .collect();
    let err = build_broken("basic", |site| {
        write(
            site,
            "content/long.md",
            &format!("+++\ntitle = \"Long\"\n+++\n{links}\n"),
        );
        write(
            site,
            "content/same.md",
            &format!("+++\ntitle = \"Same\"\n+++\n{}\n", "![](x.png) ".repeat(50)),
        );
    });
    assert!(err.len() < 2_000_000, "{} bytes of errors", err.len());
    let first = err
        .lines()
        .find(|l| l.starts_with("content/long.md:4:"))
        .unwrap();
    assert!(first.starts_with("content/long.md:4:1: error:"), "{first}");
    let last_link = format!(
        "content/long.md:4:{}: error:",
        links.rfind("[**").unwrap() + 1
    );
    assert!(err.contains(&last_link), "columns stay exact");
    let quoted = err.lines().find(|l| l.starts_with("4 | ")).unwrap();
    assert!(
        quoted.chars().count() <= 130 && quoted.ends_with('…'),
        "{quoted}"
    );
    assert!(
        err.contains("content/same.md: and 47 more like this"),
        "{err}"
    );
}

#[test]
fn control_characters_are_placed_errors_and_never_echoed() {
    let err = build_broken("basic", |site| {
        write(
            site,
            "content/ctl.md",
            "+++\ntitle = \"C\"\n+++\nA bell \u{7} and \u{1b}[2J escape.\n",
        );
    });
    assert!(
        err.contains("content/ctl.md:4:8: error: the file holds the control character U+0007"),
        "{err}"
    );
    assert!(
        err.contains("content/ctl.md:4:14: error: the file holds the control character U+001B"),
        "{err}"
    );
    assert!(!err.contains(['\u{7}', '\u{1b}']), "echoed raw: {err:?}");
    let err = build_broken("basic", |site| {
        std::fs::write(
            site.join("content/bad.md"),
            b"+++\ntitle = \"B\"\n+++\n\x1b[31m\xff\n",
        )
        .unwrap();
    });
    assert!(
        err.contains("content/bad.md:4:6: error: the file is not UTF-8 text"),
        "{err}"
    );
    assert!(!err.contains('\u{1b}'), "echoed raw: {err:?}");
}

#[test]
fn an_unknown_theme_is_reported_at_its_line_with_the_nearest_name() {
    for (theme, hint) in [
        ("civc", "did you mean `civic`?"),
        ("nope", "expected one of `civic`"),
    ] {
        let err = build_broken("basic", |site| {
            let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
            let (first, rest) = config.split_once('\n').unwrap();
            write(
                site,
                "config.toml",
                &format!("{first}\ntheme = \"{theme}\"\n{rest}"),
            );
        });
        assert!(
            err.contains(&format!(
                "config.toml:2:9: error: theme `{theme}` not found: there is no folder themes/{theme}\n"
            )),
            "{err}"
        );
        assert!(
            err.contains(&format!(
                "= hint: {hint}; or remove the `theme` line to use the built-in civic theme\n"
            )),
            "{err}"
        );
    }
}

#[test]
fn control_characters_written_as_escapes_or_references_are_placed_errors() {
    let err = build_broken("basic", |site| {
        replace(site, "config.toml", "A fixture ", "A fixture \\u0007");
    });
    assert!(
        err.contains("config.toml:4:26: error: this text holds the control character U+0007, written `\\u0007`\n"),
        "{err}"
    );
    assert!(
        err.contains("= hint: it is invisible and breaks the page: delete it"),
        "{err}"
    );
    let body = "Hi &#27;[2J and &#x7; but `&#7;` in code.\n";
    // Front-matter errors leave the page out: its body is checked once they are fixed.
    for (front, expected) in [
        (
            "title = \"A\\u0000b\"\ndescription = \"x\\ey\"\n",
            [
                "content/ctl.md:2:11: error: this text holds the control character U+0000, written `\\u0000`\n",
                "content/ctl.md:3:17: error: this text holds the control character U+001B, written `\\e`\n",
            ],
        ),
        (
            "title = \"C\"\n",
            [
                "content/ctl.md:4:4: error: this character reference writes the control character U+001B\n",
                "content/ctl.md:4:17: error: this character reference writes the control character U+0007\n",
            ],
        ),
    ] {
        let err = build_broken("basic", |site| {
            write(site, "content/ctl.md", &format!("+++\n{front}+++\n{body}"));
        });
        for expected in expected {
            assert!(err.contains(expected), "{expected}\n{err}");
        }
        assert_eq!(err.matches("the control character").count(), 2, "{err}");
        assert!(
            !err.contains(['\u{0}', '\u{7}', '\u{1b}']),
            "echoed raw: {err:?}"
        );
    }
    // Raw HTML, when let through, is checked too.
    let err = build_broken("basic", |site| {
        let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
        write(
            site,
            "config.toml",
            &format!("{config}\n[markdown]\nunsafe_html = true\n"),
        );
        write(
            site,
            "content/raw.md",
            "+++\ntitle = \"R\"\n+++\n<p title=\"&#x1b;\">x</p>\n",
        );
    });
    assert!(
        err.contains("content/raw.md:4:11: error: this character reference writes the control character U+001B\n"),
        "{err}"
    );
    let err = build_broken("partnership", |site| {
        let csv = "content/members/organisations.csv";
        replace(site, csv, "Riverside Food", "Riverside\u{0} Food");
    });
    assert!(
        err.contains("content/members/organisations.csv:3:19: error: the spreadsheet holds the control character U+0000\n"),
        "{err}"
    );
    assert!(!err.contains('\u{0}'), "echoed raw: {err:?}");
    assert!(
        !err.contains("no organisation has the id"),
        "knock-on errors: {err}"
    );
    assert!(err.contains("error: the site has 1 error\n"), "{err}");
}

#[test]
fn published_links_are_only_web_mail_and_phone_addresses() {
    let err = build_broken("partnership", |site| {
        let (page, csv) = (
            "content/members/council.md",
            "content/members/organisations.csv",
        );
        replace(
            site,
            page,
            "https://www.riverside.example.gov.uk",
            "javascript:alert(1)",
        );
        replace(
            site,
            csv,
            "https://www.citizensadvice",
            "www.citizensadvice",
        );
        write(
            site,
            "content/members/nhs.md",
            "+++\ntitle = \"NHS\"\nkind = \"organisation\"\nsector = \"health\"\nwebsite = \"data:text/html,<script>x</script>\"\n+++\n",
        );
    });
    for expected in [
        "content/members/council.md:6:11: error: `javascript:alert(1)` is a `javascript:` link, which is not allowed\n",
        "content/members/nhs.md:5:11: error: `data:text/html,<script>x</script>` is a `data:` link, which is not allowed\n",
        "content/members/organisations.csv:2:66: error: row 2, column website: `www.citizensadvice.org.uk` is not a full web address\n",
        "= hint: write the whole address, starting https:// (e.g. https://www.example.org.uk/), or mailto: or tel:\n",
    ] {
        assert!(err.contains(expected), "{expected}\n{err}");
    }
    let err = build_broken("meetings", |site| {
        let page = "content/meetings/2026-05-board/index.md";
        replace(
            site,
            page,
            "https://meet.example.org/board-may",
            "JavaScript:alert(1)",
        );
    });
    assert!(
        err.contains("content/meetings/2026-05-board/index.md:10:14: error: `JavaScript:alert(1)` is a `javascript:` link, which is not allowed\n"),
        "{err}"
    );
    // The good kinds are published as written.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("partnership"), &site);
    let with_phone = "kind = \"organisation\"\nwebsite = \"tel:+441234567890\"";
    replace(
        &site,
        "content/members/nhs.md",
        "kind = \"organisation\"",
        with_phone,
    );
    let out = dir.path().join("public");
    build_ok(&site, &out);
    assert!(read(&out, "members/nhs/index.html").contains("href=\"tel:+441234567890\""));
    assert!(
        read(&out, "members/council/index.html")
            .contains("href=\"https://www.riverside.example.gov.uk\"")
    );
}

#[test]
fn a_utf16_config_and_too_deep_nesting_are_placed_with_a_hint() {
    let err = build_broken("basic", |site| {
        let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
        let mut utf16 = vec![0xff, 0xfe];
        utf16.extend(config.encode_utf16().flat_map(u16::to_le_bytes));
        std::fs::write(site.join("config.toml"), utf16).unwrap();
    });
    assert!(
        err.contains("config.toml:1:1: error: config.toml is UTF-16 text, not UTF-8\n  = hint: save config.toml as UTF-8: in your editor, Save As › Encoding › UTF-8\n"),
        "{err}"
    );
    let deep = format!("[extra]\n{}b = 1\n", "a.".repeat(300));
    let err = build_broken("basic", |site| {
        write(
            site,
            "content/deep.md",
            &format!("+++\ntitle = \"D\"\n{deep}+++\n"),
        );
    });
    assert!(
        err.contains(
            "content/deep.md:4:1: error: the keys or values here nest too deep to be read\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("= hint: tables and lists nest a few levels at most"),
        "{err}"
    );
    assert!(!err.contains("recursion"), "{err}");
    let err = build_broken("basic", |site| {
        let config = std::fs::read_to_string(site.join("config.toml")).unwrap();
        write(
            site,
            "config.toml",
            &format!(
                "{config}\n[extra]\nx = {}1{}\n",
                "[".repeat(200),
                "]".repeat(200)
            ),
        );
    });
    assert!(
        err.contains("error: the keys or values here nest too deep to be read\n"),
        "{err}"
    );
    assert!(!err.contains("max recursion"), "{err}");
}

#[test]
fn links_inside_the_site_are_followed_and_others_are_left_out_with_a_warning() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    copy_tree(&fixture("basic"), &site);
    write(
        &site,
        "shared/joint.md",
        "+++\ntitle = \"Joint work\"\n+++\nShared text.\n",
    );
    write(&site, "shared/plan.txt", "the plan");
    symlink("../shared/joint.md", site.join("content/joint.md")).unwrap();
    symlink("../shared", site.join("static/shared")).unwrap();
    let outside = dir.path().join("private");
    write(
        &outside,
        "secret.md",
        "+++\ntitle = \"Secret\"\n+++\nNot for the web.\n",
    );
    write(&outside, "secret.txt", "not for the web");
    symlink(outside.join("secret.md"), site.join("content/secret.md")).unwrap();
    symlink(outside.join("secret.txt"), site.join("static/secret.txt")).unwrap();
    symlink("gone.md", site.join("content/gone.md")).unwrap();
    symlink("..", site.join("content/up")).unwrap();
    let out = dir.path().join("public");
    let o = build(&site, &out);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(read(&out, "joint/index.html").contains("Shared text."));
    assert_eq!(read(&out, "shared/plan.txt"), "the plan");
    for expected in [
        format!(
            "content/secret.md: warning: this is a link to {}, outside the site: it is left out\n  = hint: copy the file into the site instead",
            outside.join("secret.md").canonicalize().unwrap().display()
        ),
        format!(
            "static/secret.txt: warning: this is a link to {}, outside the site: it is left out\n",
            outside.join("secret.txt").canonicalize().unwrap().display()
        ),
        "content/gone.md: warning: this is a link to gone.md, which does not exist: it is left out\n".into(),
        format!(
            "content/up: warning: this is a link to {}, a folder that holds it: it is left out\n",
            site.canonicalize().unwrap().display()
        ),
    ] {
        assert!(stderr.contains(&expected), "{expected}\n{stderr}");
    }
    let built = tree(&out);
    assert!(
        !built
            .keys()
            .any(|k| k.contains("secret") || k.starts_with("up/")),
        "{:?}",
        built.keys()
    );
    assert!(
        !built
            .values()
            .any(|v| String::from_utf8_lossy(v).contains("not for the web"))
    );
}
