//! Integration tests: a real server on an ephemeral loopback port, plain
//! `TcpStream` HTTP/1.1 requests, real file edits observed over SSE.
//!
//! Over 600 lines on purpose: every test shares the fixture-server and
//! polling helpers at the top; each test is one kind of save or request.

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use alliance_server::{RunningServer, ServeOptions, start};
use common::{Events, copy_dir, save};

/// A temp copy of `tests/fixtures/basic` and a server on it.
fn fixture_server() -> (tempfile::TempDir, PathBuf, RunningServer) {
    fixture_server_with(|_, _| {})
}

/// A temp copy of `tests/fixtures/basic`, changed by `prepare(temp dir, site root)`
/// before a server starts on it.
fn fixture_server_with(
    prepare: impl FnOnce(&Path, &Path),
) -> (tempfile::TempDir, PathBuf, RunningServer) {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&repo.join("tests/fixtures/basic"), &root);
    prepare(dir.path(), &root);
    let server = start(ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".to_owned(),
        port: 0,
        open: false,
    })
    .unwrap();
    (dir, root, server)
}

/// A parsed HTTP response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request with `Connection: close` and reads the whole reply.
fn request(port: u16, method: &str, path: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("end of headers");
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut lines = head.lines();
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    let mut body = raw[split + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        body = dechunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = data.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[eol + 2..eol + 2 + size]);
        data = &data[eol + 2 + size + 2..];
    }
}

fn get(port: u16, path: &str) -> Reply {
    request(port, "GET", path)
}

#[test]
fn serves_files_with_types_indexes_404_and_head() {
    let (_dir, _root, server) = fixture_server();
    let port = server.port();
    let files = server.files();

    let home = get(port, "/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(home.text().contains("Testshire"));

    let about = get(port, "/about/");
    assert_eq!(about.status, 200);
    assert!(
        about.body.len() > files["about/index.html"].len(),
        "the served page carries the reload script"
    );
    let redirect = get(port, "/about");
    assert_eq!(redirect.status, 301);
    assert_eq!(redirect.header("location"), Some("/about/"));

    let mut checked = 0;
    for (path, expected) in [
        ("sitemap.xml", "application/xml"),
        ("robots.txt", "text/plain; charset=utf-8"),
        ("images/mark.svg", "image/svg+xml"),
        ("about/report/report.pdf", "application/pdf"),
    ] {
        if files.contains_key(path) {
            let reply = get(port, &format!("/{path}"));
            assert_eq!(reply.status, 200, "{path}");
            assert_eq!(reply.header("content-type"), Some(expected), "{path}");
            assert_eq!(reply.body, files[path], "{path}");
            checked += 1;
        }
    }
    assert!(
        checked >= 3,
        "fixture lacks the expected files: {:?}",
        files.keys()
    );
    for (path, bytes) in &files {
        if path.ends_with(".css") {
            let reply = get(port, &format!("/{path}"));
            assert_eq!(
                reply.header("content-type"),
                Some("text/css; charset=utf-8")
            );
            assert_eq!(&reply.body, bytes);
        }
        if path.ends_with("atom.xml") {
            let reply = get(port, &format!("/{path}"));
            assert_eq!(reply.header("content-type"), Some("application/atom+xml"));
        }
    }

    let missing = get(port, "/no/such/page/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    if let Some(page) = files.get("404.html") {
        let served = missing.text();
        let raw = String::from_utf8_lossy(page);
        let start = raw.find("<body").unwrap();
        assert!(served.contains(&raw[start..start + 40]));
    }

    let head = request(port, "HEAD", "/about/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD must have no body");
    assert_eq!(
        head.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(
        head.header("content-length"),
        Some(about.body.len().to_string().as_str())
    );

    server.stop();
}

#[test]
fn never_serves_outside_the_site() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
    for path in [
        "/../config.toml",
        "/%2e%2e/config.toml",
        "/%2E%2E/config.toml",
        "/..%2fconfig.toml",
        "/..%2Fconfig.toml",
        "/a\\..\\config.toml",
        "/a%5c..%5cconfig.toml",
        "//etc/passwd",
        "/%2fetc/passwd",
        "/config.toml",
        "/content/about/_index.md",
        "/%00",
        "/about/%2e%2e/%2e%2e/config.toml",
    ] {
        let reply = get(port, path);
        assert!(
            reply.status == 400 || reply.status == 404,
            "{path}: {}",
            reply.status
        );
        let text = reply.text();
        assert!(!text.contains("base_url"), "{path} leaked config.toml");
        assert!(!text.contains(&config[..40]), "{path}");
        assert!(!text.contains("root:x:0:0"), "{path} leaked /etc/passwd");
    }
    server.stop();
}

#[test]
fn symlinks_leading_out_of_the_site_are_not_served() {
    let (_dir, _root, server) = fixture_server_with(|dir, root| {
        let outside = dir.join("secret.txt");
        std::fs::write(&outside, "top secret contents").unwrap();
        std::fs::create_dir_all(root.join("static")).unwrap();
        std::os::unix::fs::symlink(&outside, root.join("static/secret.txt")).unwrap();
        std::os::unix::fs::symlink(dir, root.join("content/outside")).unwrap();
    });
    for path in ["/secret.txt", "/outside/secret.txt"] {
        let reply = get(server.port(), path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.text().contains("top secret"), "{path} leaked");
    }
    server.stop();
}

#[test]
fn injects_the_reload_script_only_when_serving() {
    let (_dir, _root, server) = fixture_server();
    let port = server.port();
    let files = server.files();
    for (path, bytes) in &files {
        if path.ends_with(".html") {
            let raw = String::from_utf8_lossy(bytes);
            assert!(
                !raw.contains("/__alliance/events"),
                "{path} raw has the script"
            );
        }
    }
    let served = get(port, "/about/").text();
    let script = served.find("/__alliance/events").expect("reload script");
    assert!(script < served.rfind("</body>").unwrap());
    assert!(
        !served.contains("role=\"alert\""),
        "no overlay without errors"
    );
    // Non-HTML files are untouched.
    let svg = get(port, "/images/mark.svg");
    assert!(!svg.text().contains("__alliance"));
    server.stop();
}

#[test]
fn edits_rebuild_and_reload_and_errors_show_an_overlay() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let page = root.join("content/about/_index.md");
    let original = std::fs::read_to_string(&page).unwrap();
    let mut events = Events::connect(port);
    // A second listener that goes away must not disturb the first.
    drop(Events::connect(port));

    // Edit: the reload event arrives, and the page has the new text.
    let edited = original.replace("We are a partnership.", "We are a splendid partnership.");
    assert_ne!(edited, original);
    save(&page, &edited);
    assert_eq!(events.next_event(), "reload");
    let about = get(port, "/about/").text();
    assert!(about.contains("We are a splendid partnership."), "{about}");

    // Break the front matter: the overlay names the file and line; the last
    // good content is still served.
    let broken = edited.replacen("title = \"About us\"", "title = \"About us", 1);
    save(&page, &broken);
    assert_eq!(events.next_event(), "reload");
    let about = get(port, "/about/").text();
    assert!(about.contains("We are a splendid partnership."));
    let overlay_at = about.find("role=\"alert\"").expect("error overlay");
    let overlay = &about[overlay_at..];
    let overlay = &overlay[..overlay.find("</div>").unwrap()];
    assert!(
        overlay.contains("content/about/_index.md:2:"),
        "overlay lacks file:line: {overlay}"
    );
    // Every HTML page shows it, including the 404 page.
    assert!(get(port, "/").text().contains("role=\"alert\""));
    assert!(get(port, "/nowhere").text().contains("role=\"alert\""));

    // Editor junk is ignored: no rebuild for a swap file.
    std::fs::write(root.join("content/about/.x.md.swp"), "junk").unwrap();

    // Fix it: the overlay goes.
    save(&page, &edited);
    assert_eq!(events.next_event(), "reload");
    let about = get(port, "/about/").text();
    assert!(!about.contains("role=\"alert\""));
    assert!(about.contains("We are a splendid partnership."));
    server.stop();
}

#[test]
fn a_css_only_change_sends_a_css_event() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let mut events = Events::connect(port);
    save(&root.join("static/extra.css"), "body { margin: 0 }\n");
    assert_eq!(events.next_event(), "css");
    let css = get(port, "/extra.css");
    assert_eq!(css.status, 200);
    assert_eq!(css.header("content-type"), Some("text/css; charset=utf-8"));
    assert_eq!(css.text(), "body { margin: 0 }\n");
    server.stop();
}

#[test]
fn a_taken_port_moves_to_the_next_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let server = start(ServeOptions {
        root: repo.join("tests/fixtures/basic"),
        bind: "127.0.0.1".to_owned(),
        port,
        open: false,
    })
    .unwrap();
    assert_ne!(server.port(), port);
    assert!(server.port() > port && server.port() <= port + 10);
    assert_eq!(get(server.port(), "/").status, 200);
    server.stop();
}

#[test]
fn many_requests_and_listeners_at_once() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let mut listeners: Vec<Events> = (0..12).map(|_| Events::connect(port)).collect();
    assert_eq!(server.listeners(), 12);
    // Listeners do not hold worker threads: requests still flow.
    let workers: Vec<_> = (0..16)
        .map(|_| {
            std::thread::spawn(move || {
                for path in ["/", "/about/", "/news/", "/nowhere"] {
                    let status = get(port, path).status;
                    assert!(status == 200 || status == 404);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    // Half the listeners go away; an edit reaches the rest, and the dead
    // ones are dropped.
    listeners.truncate(6);
    let page = root.join("content/about/_index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    save(&page, &format!("{text}\nMore.\n"));
    for listener in &mut listeners {
        assert_eq!(listener.next_event(), "reload");
    }
    // A closed socket fails on the first or second write after closing.
    save(&page, &format!("{text}\nMore still.\n"));
    for listener in &mut listeners {
        assert_eq!(listener.next_event(), "reload");
    }
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.listeners() > 6 && Instant::now() < deadline {
        save(&page, &format!("{text}\n{:?}\n", Instant::now()));
        for listener in &mut listeners {
            assert_eq!(listener.next_event(), "reload");
        }
    }
    assert_eq!(server.listeners(), 6);
    server.stop();
}

/// Edit-to-reload latency on the example site at the repository root (a
/// measurement, not a check): `cargo test -p alliance-server --release
/// --test serve -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_example_site_rebuild() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    std::fs::create_dir_all(&root).unwrap();
    std::fs::copy(repo.join("config.toml"), root.join("config.toml")).unwrap();
    for sub in ["content", "themes", "static", "templates", "sass"] {
        if repo.join(sub).is_dir() {
            copy_dir(&repo.join(sub), &root.join(sub));
        }
    }
    let server = start(ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".to_owned(),
        port: 0,
        open: false,
    })
    .unwrap();
    let port = server.port();
    let mut events = Events::connect(port);
    let page = root.join("content/_index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let mut times = Vec::new();
    for i in 0..20 {
        let started = Instant::now();
        save(&page, &format!("{text}\nEdit {i}.\n"));
        assert_eq!(events.next_event(), "reload");
        times.push(started.elapsed());
        assert!(get(port, "/").text().contains(&format!("Edit {i}.")));
    }
    times.sort();
    println!(
        "edit → reload event on the example site ({} files): median {:?}, max {:?} (includes the {} ms debounce)",
        server.files().len(),
        times[times.len() / 2],
        times[times.len() - 1],
        100
    );
    server.stop();
}

#[test]
fn a_broken_first_build_still_serves_the_errors_then_the_fix() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("site");
    copy_dir(&repo.join("tests/fixtures/basic"), &root);
    let page = root.join("content/about/_index.md");
    let good = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, good.replacen("+++", "+++\ntitle = ", 1)).unwrap();
    let server = start(ServeOptions {
        root: root.clone(),
        bind: "127.0.0.1".to_owned(),
        port: 0,
        open: false,
    })
    .unwrap();
    let port = server.port();
    let home = get(port, "/");
    assert_eq!(home.status, 404);
    assert!(home.text().contains("role=\"alert\""));
    assert!(home.text().contains("content/about/_index.md:2:"));
    let mut events = Events::connect(port);
    save(&page, &good);
    assert_eq!(events.next_event(), "reload");
    let home = get(port, "/");
    assert_eq!(home.status, 200);
    assert!(!home.text().contains("role=\"alert\""));
    server.stop();
}

/// Polls `path` until its reply satisfies `done`, for at most ten seconds;
/// returns that reply or panics with the last one seen.
fn poll(port: u16, path: &str, done: impl Fn(&Reply) -> bool) -> Reply {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let reply = get(port, path);
        if done(&reply) {
            return reply;
        }
        if Instant::now() > deadline {
            panic!(
                "{path} never became as expected; last: {} {}",
                reply.status,
                reply.text()
            );
        }
        std::thread::sleep(Duration::from_millis(25));
    }
}

#[test]
fn an_in_place_save_is_served() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let page = root.join("content/about/_index.md");
    let text = std::fs::read_to_string(&page).unwrap();
    // The same file rewritten where it is, as many editors save: no rename.
    std::fs::write(
        &page,
        text.replace("We are a partnership.", "Saved in place."),
    )
    .unwrap();
    poll(port, "/about/", |r| r.text().contains("Saved in place."));
    // And once more, truncating to a shorter text.
    std::fs::write(&page, text.replace("We are a partnership.", "Again.")).unwrap();
    let about = poll(port, "/about/", |r| r.text().contains("Again."));
    assert!(!about.text().contains("Saved in place."));
    server.stop();
}

#[test]
fn an_atomic_save_is_served() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    let page = root.join("content/about/role.md");
    let text = std::fs::read_to_string(&page).unwrap();
    // A temporary file with a name editors' ignore lists know...
    save(
        &page,
        &text.replace("co-ordinates services", "renamed over"),
    );
    poll(port, "/about/role/", |r| r.text().contains("renamed over"));
    // ...and one they do not: it comes and goes within one batch.
    let temp = root.join("content/about/role.md.part");
    std::fs::write(&temp, text.replace("co-ordinates services", "swapped in")).unwrap();
    std::fs::rename(&temp, &page).unwrap();
    poll(port, "/about/role/", |r| r.text().contains("swapped in"));
    assert_eq!(get(port, "/about/role.md.part").status, 404);
    server.stop();
}

#[test]
fn folders_made_after_start_are_watched() {
    let (_dir, root, server) = fixture_server_with(|_, root| {
        std::fs::remove_dir_all(root.join("templates")).unwrap();
        std::fs::remove_dir_all(root.join("static")).unwrap();
    });
    let port = server.port();
    assert!(!get(port, "/about/role/").text().contains("site-override"));
    assert_eq!(get(port, "/logo.png").status, 404);

    // A top-level templates/ that did not exist at start, overriding the theme.
    std::fs::create_dir(root.join("templates")).unwrap();
    std::fs::write(
        root.join("templates/page.html"),
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>\
         <p class=\"site-override\">Overridden.</p>{{ page.content | safe }}{% endblock content %}",
    )
    .unwrap();
    poll(port, "/about/role/", |r| r.text().contains("site-override"));

    // A top-level static/ with a folder inside, made in one go.
    let png = b"\x89PNG\r\n\x1a\n fixture bytes".to_vec();
    std::fs::create_dir_all(root.join("static/brand")).unwrap();
    std::fs::write(root.join("static/logo.png"), &png).unwrap();
    std::fs::write(root.join("static/brand/mark.png"), &png).unwrap();
    let logo = poll(port, "/logo.png", |r| r.status == 200);
    assert_eq!(logo.header("content-type"), Some("image/png"));
    assert_eq!(logo.body, png);
    assert_eq!(poll(port, "/brand/mark.png", |r| r.status == 200).body, png);

    // A folder made later inside content/, holding a new page.
    std::fs::create_dir_all(root.join("content/about/later")).unwrap();
    std::fs::write(
        root.join("content/about/later/index.md"),
        "+++\ntitle = \"Made later\"\n+++\n\nA page in a new folder.\n",
    )
    .unwrap();
    poll(port, "/about/later/", |r| {
        r.status == 200 && r.text().contains("A page in a new folder.")
    });

    // The output folder and target/ are never reacted to.
    let mut events = Events::connect(port);
    std::fs::create_dir_all(root.join("public")).unwrap();
    std::fs::write(root.join("public/index.html"), "not a source").unwrap();
    std::fs::create_dir_all(root.join("target")).unwrap();
    std::fs::write(root.join("target/x"), "not a source").unwrap();
    std::fs::write(root.join("static/after.css"), "p { margin: 0 }\n").unwrap();
    assert_eq!(events.next_event(), "css", "only the stylesheet rebuilt");
    server.stop();
}

/// A site's own words for the theme (`translations/en.toml`), made after
/// the server started and then changed, reach the pages served.
#[test]
fn the_sites_own_words_are_watched() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    assert!(get(port, "/about/").text().contains("Skip to main content"));
    std::fs::create_dir(root.join("translations")).unwrap();
    let words = root.join("translations/en.toml");
    std::fs::write(&words, "skip_link = \"Straight to the page\"\n").unwrap();
    poll(port, "/about/", |r| {
        r.text().contains("Straight to the page")
    });
    std::fs::write(&words, "skip_link = \"To the content\"\n").unwrap();
    let about = poll(port, "/about/", |r| r.text().contains("To the content"));
    assert!(!about.text().contains("Straight to the page"));
    server.stop();
}

/// A server on the fixture with its one warning (the accessibility
/// statement's facts) answered, so that it starts with no warnings.
fn warning_free_server() -> (tempfile::TempDir, PathBuf, RunningServer) {
    fixture_server_with(|_, root| {
        let config = std::fs::read_to_string(root.join("config.toml")).unwrap();
        let answered = format!(
            "{config}\n[accessibility]\nstatus = \"full\"\nlast_tested = 2026-11-01\ncontact = \"partners@example.org\"\n"
        );
        std::fs::write(root.join("config.toml"), answered).unwrap();
    })
}

/// A page whose only link says "click here", which `check` warns about.
const VAGUE: &str = "+++\ntitle = \"Help\"\n+++\n\nFor our role [click here](@/about/role.md).\n";

/// Adds the vague page and waits for the warnings panel; checks the panel.
fn add_vague_page(root: &Path, server: &RunningServer) -> PathBuf {
    let port = server.port();
    assert!(
        !get(port, "/").text().contains("alliance-warnings"),
        "the fixture has no warnings"
    );
    let page = root.join("content/help.md");
    save(&page, VAGUE);
    let help = poll(port, "/help/", |r| {
        r.text().contains("id=\"alliance-warnings\"")
    });
    let text = help.text();
    let panel = &text[text.find("<aside id=\"alliance-warnings\"").unwrap()..];
    let panel = &panel[..panel.find("</aside>").unwrap()];
    assert!(panel.contains("aria-labelledby=\"alliance-warnings-title\""));
    assert!(panel.contains("content/help.md:5:"), "{panel}");
    assert!(panel.contains("click here"), "{panel}");
    assert!(panel.contains("<button type=\"button\""), "{panel}");
    assert!(!text.contains("role=\"alert\""), "warnings are not errors");
    // On every served page, after the page's own content; never in the build.
    let home = get(port, "/").text();
    assert!(home.find("alliance-warnings").unwrap() > home.find("</main>").unwrap());
    assert!(
        server
            .files()
            .values()
            .all(|bytes| !String::from_utf8_lossy(bytes).contains("alliance-warnings"))
    );
    page
}

#[test]
fn warnings_show_in_a_panel_until_their_page_goes() {
    let (_dir, root, server) = warning_free_server();
    let page = add_vague_page(&root, &server);
    std::fs::remove_file(&page).unwrap();
    let home = poll(server.port(), "/", |r| {
        !r.text().contains("alliance-warnings")
    });
    assert_eq!(home.status, 200);
    server.stop();
}

#[test]
fn warnings_show_in_a_panel_until_fixed() {
    let (_dir, root, server) = warning_free_server();
    let page = add_vague_page(&root, &server);
    save(
        &page,
        &VAGUE.replace("For our role [click here]", "Read [our role]"),
    );
    let fixed = poll(server.port(), "/help/", |r| r.text().contains("Read <a"));
    assert!(!fixed.text().contains("alliance-warnings"));
    server.stop();
}

#[test]
fn deleted_pages_and_renamed_folders_are_gone() {
    let (_dir, root, server) = fixture_server();
    let port = server.port();
    assert_eq!(get(port, "/news/second/").status, 200);
    std::fs::remove_file(root.join("content/news/second.md")).unwrap();
    poll(port, "/news/second/", |r| r.status == 404);
    assert!(!get(port, "/news/").text().contains("news/second/"));

    assert_eq!(get(port, "/partnerships/safety/").status, 200);
    std::fs::rename(
        root.join("content/partnerships"),
        root.join("content/groups"),
    )
    .unwrap();
    poll(port, "/groups/safety/", |r| r.status == 200);
    assert_eq!(get(port, "/partnerships/safety/").status, 404);
    server.stop();
}
