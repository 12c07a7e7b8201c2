//! A directory of partnerships (`tests/fixtures/directory`: North and South
//! Shire, each a top-level section with its own groups, members and
//! structure page) on its real output: each page's menu is its partnership's
//! own sections and "All partnerships", a structure page above both lists
//! them, and a members directory's structured data lists its own members;
//! the example site, one partnership, keeps every top-level section in its menu.

mod common;

use common::*;

/// The main menu of a page: each item's text, link and `aria-current`.
fn menu(html: &str) -> Vec<(String, String, Option<String>)> {
    let nav = &html[html.find("<nav class=\"main-nav\"").unwrap()..];
    let nav = &nav[..nav.find("</nav>").unwrap()];
    nav.split("<li><a ")
        .skip(1)
        .map(|item| {
            let attr = |name: &str| {
                let start = item.find(&format!("{name}=\""))? + name.len() + 2;
                Some(item[start..start + item[start..].find('"')?].to_owned())
            };
            let text = &item[item.find('>').unwrap() + 1..item.find("</a>").unwrap()];
            (text.to_owned(), attr("href").unwrap(), attr("aria-current"))
        })
        .collect()
}

fn item(text: &str, href: &str, current: Option<&str>) -> (String, String, Option<String>) {
    (text.into(), href.into(), current.map(str::to_owned))
}

#[test]
fn a_partnerships_pages_show_its_own_sections_and_all_partnerships() {
    let (_dir, out) = built_fixture("directory");
    assert_eq!(
        menu(&read(&out, "north/groups/north-board/index.html")),
        [
            item("North Shire Partnership", "../../index.html", Some("true")),
            item("Groups", "../index.html", Some("true")),
            item("Members", "../../members/index.html", None),
            item("All partnerships", "../../../index.html", None),
        ]
    );
    assert_eq!(
        menu(&read(&out, "south/index.html")),
        [
            item("South Shire Partnership", "index.html", Some("page")),
            item("Groups", "groups/index.html", None),
            item("Members", "members/index.html", None),
            item("All partnerships", "../index.html", None),
        ]
    );
    // Pages of no partnership: the directory's own sections, and the home
    // page, which lists the partnerships.
    let site_menu = [
        item("About the directory", "about/index.html", None),
        item("All partnerships", "index.html", Some("page")),
    ];
    assert_eq!(menu(&read(&out, "index.html")), site_menu);
    let home = main_of(&read(&out, "index.html")).to_owned();
    assert!(
        home.contains("href=\"north/index.html\"") && home.contains("href=\"south/index.html\"")
    );
    assert_eq!(
        menu(&read(&out, "a-z/index.html")),
        [
            item("About the directory", "../about/index.html", None),
            item("All partnerships", "../index.html", None),
        ]
    );
    for page in ["north/index.html", "north/members/north-college/index.html"] {
        let html = read(&out, page);
        let nav = &html[html.find("<nav class=\"main-nav\"").unwrap()..];
        assert!(
            !nav[..nav.find("</nav>").unwrap()].contains("South"),
            "{page}"
        );
    }
}

#[test]
fn a_structure_above_several_partnerships_lists_them_and_each_draws_its_own() {
    let (_dir, out) = built_fixture("directory");
    let above = read(&out, "about/structures/index.html");
    let main = main_of(&above);
    assert!(!main.contains("<svg"), "no diagram of every group");
    assert!(!main.contains("North Shire Board"), "no group is listed");
    let list = &main[main
        .find("<h2 id=\"partnerships\">Partnerships</h2>")
        .unwrap()..];
    assert_eq!(
        attr_values(&list[..list.find("</ul>").unwrap()], "href"),
        [
            "../../north/index.html",
            "../../north/structure/index.html",
            "../../south/index.html",
            "../../south/structure/index.html",
        ]
    );
    assert!(list.contains("(2 groups)"), "{list}");
    let north = read(&out, "north/structure/index.html");
    let main = main_of(&north);
    assert!(main.contains("<svg"));
    assert!(main.contains("North Shire Community Safety Partnership"));
    assert!(!main.contains("South Shire"), "{main}");
}

#[test]
fn a_members_directory_of_a_directory_describes_its_own_members() {
    let (_dir, out) = built_fixture("directory");
    let members = |page: &str| -> Vec<String> {
        json_ld(&read(&out, page))
            .iter()
            .filter_map(|node| node["member"].as_array())
            .flatten()
            .map(|m| m["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        members("north/members/index.html"),
        ["North Shire College", "North Shire Council"]
    );
    assert_eq!(
        members("south/members/index.html"),
        ["South Shire College", "South Shire Council"]
    );
    assert!(members("index.html").is_empty());
}

/// A site of one partnership (the example) keeps the menu it always had:
/// every top-level section, on every page.
#[test]
fn the_example_site_menu_is_every_top_level_section() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    build_ok(&repo(), &out);
    let mut sections: Vec<String> = std::fs::read_dir(repo().join("content"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("_index.md").is_file())
        .map(|p| format!("{}/index.html", p.file_name().unwrap().to_string_lossy()))
        .collect();
    sections.sort();
    let mut shown: Vec<String> = menu(&read(&out, "index.html"))
        .into_iter()
        .map(|(_, href, _)| href)
        .collect();
    shown.sort();
    assert_eq!(shown, sections);
    let deep: Vec<String> = menu(&read(&out, "a-z/index.html"))
        .into_iter()
        .map(|(_, href, _)| href.trim_start_matches("../").to_owned())
        .collect();
    assert_eq!(deep.len(), sections.len());
}
