//! End-to-end: each kind of bad input is reported with its place and a hint,
//! exits 1, and leaves the previous output untouched.

mod common;

use common::*;

#[test]
fn unknown_front_matter_key_names_line_and_nearest_key() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/about/role.md",
            "+++\ntitle = \"Role\"\nowener = \"x\"\n+++\nBody\n",
        )
    });
    assert!(
        err.contains("content/about/role.md:3:1: error: unknown front-matter key `owener`"),
        "{err}"
    );
    assert!(err.contains("3 | owener = \"x\""), "{err}");
    assert!(err.contains("= hint: did you mean `owner`?"), "{err}");
}

#[test]
fn malformed_toml_is_placed() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/about/role.md",
            "+++\ntitle = \"Role\ndate = 2026-01-01\n+++\n",
        )
    });
    assert!(err.contains("content/about/role.md:2:"), "{err}");
    assert!(err.contains("malformed front matter"), "{err}");
}

#[test]
fn bad_date_is_placed() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/about/role.md",
            "+++\ntitle = \"Role\"\nreviewed = \"2026-02-30\"\n+++\n",
        )
    });
    assert!(
        err.contains("content/about/role.md:3:12: error: `2026-02-30` is not a valid date"),
        "{err}"
    );
    assert!(err.contains("hint:"), "{err}");
}

#[test]
fn missing_template_is_placed() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/partnerships/safety.md",
            "+++\ntitle = \"Role\"\ntemplate = \"pgae.html\"\n+++\n",
        )
    });
    assert!(
        err.contains("content/partnerships/safety.md:3:1: error: template `pgae.html` not found"),
        "{err}"
    );
    assert!(err.contains("did you mean `page.html`?"), "{err}");
}

#[test]
fn template_error_names_the_template_line() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n<h1>{{ page.title }</h1>\n{% endblock content %}\n",
        )
    });
    assert!(err.contains("templates/page.html:3:"), "{err}");
    assert!(err.contains("template syntax error"), "{err}");
    let err = build_broken("basic", |s| {
        write(
            s,
            "templates/page.html",
            "{% extends \"base.html\" %}\n{% block content %}\n\n<p>{{ page.nothing.deeper }}</p>\n{% endblock content %}\n",
        )
    });
    assert!(err.contains("templates/page.html:4:"), "{err}");
    assert!(err.contains("while rendering content/"), "{err}");
}

#[test]
fn broken_internal_links_are_placed() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/partnerships/safety.md",
            "+++\ntitle = \"Safety\"\n+++\n\nSee [role](@/about/rol.md) and\n[who](@/about/_index.md#who-we-r).\n",
        )
    });
    assert!(err.contains("content/partnerships/safety.md:5:5: error: broken internal link: no page `content/about/rol.md`"), "{err}");
    assert!(err.contains("did you mean `@/about/role.md`?"), "{err}");
    assert!(err.contains("content/partnerships/safety.md:6:1: error: broken internal link: `content/about/_index.md` has no heading `#who-we-r`"), "{err}");
    assert!(err.contains("did you mean `who-we-are`?"), "{err}");
    assert!(
        err.contains("2 errors"),
        "all errors are reported together: {err}"
    );
}

#[test]
fn link_to_draft_says_so() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/partnerships/safety.md",
            "+++\ntitle = \"Safety\"\n+++\n[x](@/news/secret.md)\n",
        )
    });
    assert!(err.contains("that page is a draft"), "{err}");
}

#[test]
fn two_pages_at_one_url() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/about/other.md",
            "+++\ntitle = \"Other\"\nslug = \"role\"\n+++\n",
        )
    });
    assert!(
        err.contains("two pages would be served at /about/role/"),
        "{err}"
    );
    assert!(
        err.contains("content/about/role.md:2:1") && err.contains("content/about/other.md"),
        "{err}"
    );
}

#[test]
fn bad_config_is_placed() {
    let err = build_broken("basic", |s| {
        let text = std::fs::read_to_string(s.join("config.toml"))
            .unwrap()
            .replace("phone =", "phon =");
        write(s, "config.toml", &text);
    });
    assert!(
        err.contains("config.toml:13:1: error: unknown key `phon`"),
        "{err}"
    );
    assert!(err.contains("did you mean `phone`?"), "{err}");
}

#[test]
fn many_errors_are_reported_together() {
    let err = build_broken("basic", |s| {
        write(s, "content/a.md", "+++\ntitle = \"A\"\nwieght = 1\n+++\n");
        write(
            s,
            "content/b.md",
            "+++\ntitle = \"B\"\ndate = \"soon\"\n+++\n",
        );
        write(s, "content/c.md", "no front matter\n");
    });
    assert!(err.contains("content/a.md:3:1"), "{err}");
    assert!(err.contains("content/b.md:3:8"), "{err}");
    assert!(
        err.contains("content/c.md:1:1: error: the file does not start with front matter"),
        "{err}"
    );
    assert!(err.contains("3 errors"), "{err}");
}

#[test]
fn sass_error_is_placed() {
    let err = build_broken("basic", |s| {
        write(s, "sass/extra.scss", "a {\n  color: red\n  b: ;\n}\n")
    });
    assert!(err.contains("sass/extra.scss:"), "{err}");
    assert!(err.contains("Sass error"), "{err}");
}

#[test]
fn not_utf8_and_garbage_never_panic() {
    let err = build_broken("basic", |s| {
        std::fs::write(
            s.join("content/bin.md"),
            [0x2b, 0x2b, 0x2b, 0x0a, 0xff, 0xfe, 0x00],
        )
        .unwrap()
    });
    assert!(
        err.contains("content/bin.md:2:1: error: the file is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn check_json_lists_diagnostics() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), dir.path());
    write(
        dir.path(),
        "content/a.md",
        "+++\ntitle = \"A\"\ntitel = 1\n+++\n",
    );
    let o = alliance(&[
        "check",
        "--root",
        dir.path().to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["errors"], 1);
    let d = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["severity"] == "error")
        .unwrap();
    assert_eq!(
        (d["file"].as_str(), d["line"].as_u64(), d["column"].as_u64()),
        (Some("content/a.md"), Some(3), Some(1))
    );
    assert_eq!(d["hint"], "did you mean `title`?");
}

#[test]
fn output_inside_the_site_sources_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixture("basic"), dir.path());
    let o = build(dir.path(), &dir.path().join("content"));
    // A misused command (issue 13): exit 2.
    assert_eq!(o.status.code(), Some(2));
    assert!(dir.path().join("content/_index.md").is_file());
}

#[test]
fn every_error_of_a_site_is_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    let page = |rel: &str, front: &str, body: &str| {
        write(site, rel, &format!("+++\n{front}\n+++\n{body}"));
    };
    write(
        site,
        "config.toml",
        "title = \"T\"\nbase_url = \"https://e.org\"\n",
    );
    page(
        "content/_index.md",
        "title = \"Home\"",
        "See [nowhere](@/nowhere.md) and [a page with errors](@/about/bad.md).\n",
    );
    page("content/about/bad.md", "title = \"Bad", "");
    page(
        "content/about/unknown.md",
        "title = \"U\"\nownr = \"x\"",
        "",
    );
    page("content/members/_index.md", "title = \"Members\"", "");
    page(
        "content/members/council.md",
        "title = \"Council\"\nkind = \"organisation\"\nsector = \"public\"",
        "",
    );
    page(
        "content/members/police.md",
        "title = \"Police\"\nkind = \"organisation\"\nsector = \"polise\"",
        "",
    );
    page(
        "content/groups/council.md",
        "title = \"Council group\"\nkind = \"group\"\ngroup = \"themed\"",
        "",
    );
    page(
        "content/groups/board.md",
        "title = \"Board\"\nkind = \"group\"\ngroup = \"executive\"\nmembers = [{ org = \"council\" }, { org = \"nobody\" }, { org = \"bad\" }]",
        "",
    );
    let out = alliance(&["check", "--root", site.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr).replace('\\', "/");
    assert_eq!(out.status.code(), Some(1), "{err}");
    for expected in [
        "content/about/bad.md:2:13: error: malformed front matter",
        "content/about/unknown.md:3:1: error: unknown front-matter key `ownr`",
        "content/members/council.md:3:8: error: the id `council` is used twice",
        "content/members/police.md:4:10: error: `polise` is not a valid `sector`",
        "content/groups/board.md:5:41: error: no organisation has the id `nobody`",
        "content/_index.md:4:5: error: broken internal link: no page `content/nowhere.md`",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    // Knock-on errors of the page left out, and of the doubled id, are held back.
    assert_eq!(err.matches(": error: ").count(), 6, "{err}");
}

#[test]
fn plain_markdown_links_are_checked_like_at_links() {
    let err = build_broken("basic", |s| {
        write(
            s,
            "content/partnerships/safety.md",
            "+++\ntitle = \"Safety\"\n+++\n\nSee [the board](/abuot/) and [the plan](rol.md),\n[old](/old-role/), [index](../../about/index.html) and [who](../about/_index.md#who-we-r).\n[Up](../nowhere/).\n",
        )
    });
    assert!(
        err.contains(
            "content/partnerships/safety.md:5:5: error: broken internal link: no page at `/abuot/`"
        ),
        "{err}"
    );
    assert!(
        err.contains("did you mean `/about/`? (or link to its file: `@/about/_index.md`)"),
        "{err}"
    );
    assert!(
        err.contains("content/partnerships/safety.md:5:30: error: broken internal link: no page `content/partnerships/rol.md`"),
        "{err}"
    );
    // An alias and a page's own address are pages; the anchor is checked.
    assert!(
        err.contains("content/partnerships/safety.md:6:56: error: broken internal link: `content/about/_index.md` has no heading `#who-we-r`"),
        "{err}"
    );
    assert!(
        err.contains("content/partnerships/safety.md:7:1: error: broken internal link: no page at `../nowhere/` (`/partnerships/nowhere/`)"),
        "{err}"
    );
    assert!(err.contains("4 errors"), "{err}");
}

#[test]
fn dates_written_another_way_say_how_to_write_them() {
    let role = |value: &str| {
        let text = format!("+++\ntitle = \"Role\"\nreviewed = {value}\n+++\n");
        build_broken("basic", |s| write(s, "content/about/role.md", &text))
    };
    for value in ["01/12/2026", "2026-12-1"] {
        let err = role(value);
        assert!(
            err.contains(&format!(
                "content/about/role.md:3:12: error: `{value}` is not a date TOML can read"
            )),
            "{err}"
        );
        assert!(
            err.contains("= hint: write `reviewed = 2026-12-01` (1 December 2026): year-month-day, without quotes"),
            "{err}"
        );
        assert!(!err.contains("quoted"), "{err}");
        let err = role(&format!("\"{value}\""));
        assert!(
            err.contains(&format!("content/about/role.md:3:12: error: `{value}` is not a valid date; write 2026-12-01 (1 December 2026)")),
            "{err}"
        );
        assert!(
            err.contains("= hint: dates are year-month-day, with two-digit month and day: 2026-12-01 is 1 December 2026"),
            "{err}"
        );
    }
}

#[test]
fn spreadsheet_errors_name_row_and_column_and_the_sector_meant() {
    let err = build_broken("partnership", |s| {
        let path = s.join("content/members/organisations.csv");
        let mut text = std::fs::read_to_string(&path).unwrap();
        text.push_str(
            "hall,\"Riverside Hall,\nHigh Street\",faith,,\ntrust,Riverside NHS Trust,NHS,,\n",
        );
        text.push_str("academy,Riverside Academy,School Trust,,\nx,X,helth,,\n");
        std::fs::write(&path, text).unwrap();
    });
    let sectors = "`sector` is one of `public`, `health`, `police`, `fire`, `education`, `housing`, `business`, `voluntary`, `faith`, `other`";
    for (place, value, meant) in [
        ("8:27: error: row 7", "NHS", "health"),
        ("9:27: error: row 8", "School Trust", "education"),
        ("10:5: error: row 9", "helth", "health"),
    ] {
        let message = format!(
            "content/members/organisations.csv:{place}, column sector: `{value}` is not a valid `sector`"
        );
        assert!(err.contains(&message), "{message}\n{err}");
        let hint = format!("= hint: did you mean `{meant}`? {sectors}");
        assert!(err.contains(&hint), "{hint}\n{err}");
    }
}

#[test]
fn template_errors_are_placed_in_the_template_with_a_hint() {
    let page = "{% extends \"base.html\" %}\n{% block content %}\n{% include \"partials/note.html\" %}\n<h1>{{ page.title }</h1>\n{% endblock content %}\n";
    let err = build_broken("basic", |s| {
        write(s, "templates/page.html", page);
        write(s, "templates/partials/note.html", "<p>Note</p>\n");
    });
    assert!(
        err.contains(
            "templates/page.html:4:19: error: template syntax error: Found `}` but expected }}."
        ),
        "{err}"
    );
    assert!(
        err.contains("= hint: templates use Tera syntax: {{ variable }}, {% if %}...{% endif %}; see the README's template reference"),
        "{err}"
    );
    let err = build_broken("basic", |s| {
        write(s, "templates/page.html", &page.replace("}</h1>", "}}</h1>"));
        write(s, "templates/partials/note.html", "");
        std::fs::write(s.join("templates/partials/note.html"), b"<p>Caf\xe9</p>\n").unwrap();
    });
    assert!(
        err.contains("templates/partials/note.html:1:7: error: this template is not UTF-8 text"),
        "{err}"
    );
    assert!(
        err.contains("= hint: save it as UTF-8: in your editor, Save As › Encoding › UTF-8"),
        "{err}"
    );
    assert!(
        err.contains("the site has 1 warning and 1 error\n"),
        "no knock-on errors: {err}"
    );
}
