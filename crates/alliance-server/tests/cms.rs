//! The local-backend API the browser editor talks to: every action of
//! decap-server's `localFs` middleware, and what must be refused (paths
//! outside `content/` and `static/`, `..`, absolute paths, symbolic links,
//! requests from another origin).

use std::fs;
use std::path::Path;

use alliance_server::{API_PATH, Reply, Request, answer_editor};
use serde_json::{Value, json};

const PORT: u16 = 4321;
const HOST: &str = "127.0.0.1:4321";
const ORIGIN: &str = "http://127.0.0.1:4321";

/// A site with a page, a PDF and a config.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("content/news")).unwrap();
    fs::create_dir_all(root.join("static/uploads")).unwrap();
    fs::write(
        root.join("config.toml"),
        "title = \"T\"\nbase_url = \"https://x.org\"\n",
    )
    .unwrap();
    fs::write(
        root.join("content/news/a.md"),
        "+++\ntitle = \"A\"\n+++\nHello\n",
    )
    .unwrap();
    fs::write(root.join("content/news/b.txt"), "not markdown").unwrap();
    fs::write(root.join("static/uploads/logo.svg"), "<svg/>").unwrap();
    dir
}

fn call_from(root: &Path, origin: Option<&str>, body: Value) -> Reply {
    let body = body.to_string();
    let request = Request {
        method: "POST",
        path: API_PATH,
        host: Some(HOST),
        origin,
        body: body.as_bytes(),
    };
    answer_editor(&request, root, PORT, |_| None)
}

fn call(root: &Path, action: &str, params: Value) -> (u16, Value) {
    let reply = call_from(
        root,
        Some(ORIGIN),
        json!({ "action": action, "params": params }),
    );
    (reply.status, serde_json::from_slice(&reply.body).unwrap())
}

#[test]
fn info_names_the_local_file_system() {
    let dir = site();
    let (status, info) = call(dir.path(), "info", json!({}));
    assert_eq!(status, 200);
    assert_eq!(info["type"], "local_fs");
    assert_eq!(info["publish_modes"], json!(["simple"]));
    assert!(info["repo"].is_string());
}

#[test]
fn entries_are_listed_read_and_hashed() {
    let dir = site();
    let params =
        json!({ "branch": "main", "folder": "content/news", "extension": "md", "depth": 1 });
    let (status, entries) = call(dir.path(), "entriesByFolder", params);
    assert_eq!(status, 200);
    let entries = entries.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(entries[0]["file"]["path"], "content/news/a.md");
    assert_eq!(entries[0]["data"], "+++\ntitle = \"A\"\n+++\nHello\n");
    let id = entries[0]["file"]["id"].as_str().unwrap();
    assert_eq!(id.len(), 64);

    let files = json!({ "branch": "main", "files": [{ "path": "content/news/a.md", "label": "A" }, { "path": "content/news/none.md" }] });
    let (_, by_files) = call(dir.path(), "entriesByFiles", files);
    assert_eq!(by_files[0]["file"]["id"], id);
    assert_eq!(by_files[0]["file"]["label"], "A");
    assert_eq!(by_files[1]["data"], Value::Null);

    let (_, one) = call(
        dir.path(),
        "getEntry",
        json!({ "branch": "main", "path": "content/news/a.md" }),
    );
    assert_eq!(one["data"], entries[0]["data"]);
}

#[test]
fn persisting_writes_the_entry_and_its_assets_and_moves_it() {
    let dir = site();
    let root = dir.path();
    let params = json!({
        "branch": "main",
        "dataFiles": [{ "slug": "m", "path": "content/meetings/m/index.md", "raw": "+++\ntitle = \"M\"\n+++\n" }],
        "assets": [{ "path": "content/meetings/m/agenda.pdf", "content": "JVBERi0=", "encoding": "base64" }],
        "options": { "commitMessage": "Create", "useWorkflow": false, "status": "" },
    });
    let (status, reply) = call(root, "persistEntry", params);
    assert_eq!(
        (status, reply["message"].as_str()),
        (200, Some("entry persisted"))
    );
    assert_eq!(
        fs::read_to_string(root.join("content/meetings/m/index.md")).unwrap(),
        "+++\ntitle = \"M\"\n+++\n"
    );
    assert_eq!(
        fs::read(root.join("content/meetings/m/agenda.pdf")).unwrap(),
        b"%PDF-"
    );
    assert!(
        !fs::read_dir(root.join("content/meetings/m"))
            .unwrap()
            .any(|e| e.unwrap().file_name().to_string_lossy().starts_with('.'))
    );

    // The old form (`entry`) and a rename (`newPath`).
    let params = json!({
        "branch": "main",
        "entry": { "slug": "a", "path": "content/news/a.md", "raw": "+++\ntitle = \"A2\"\n+++\n", "newPath": "content/news/a2.md" },
        "assets": [],
        "options": { "commitMessage": "Update", "useWorkflow": false, "status": "" },
    });
    assert_eq!(call(root, "persistEntry", params).0, 200);
    assert!(!root.join("content/news/a.md").exists());
    assert_eq!(
        fs::read_to_string(root.join("content/news/a2.md")).unwrap(),
        "+++\ntitle = \"A2\"\n+++\n"
    );
}

#[test]
fn media_is_listed_read_written_and_deleted() {
    let dir = site();
    let root = dir.path();
    let (_, media) = call(
        root,
        "getMedia",
        json!({ "branch": "main", "mediaFolder": "static/uploads" }),
    );
    assert_eq!(media[0]["path"], "static/uploads/logo.svg");
    assert_eq!(media[0]["name"], "logo.svg");
    assert_eq!(media[0]["encoding"], "base64");
    assert_eq!(media[0]["content"], "PHN2Zy8+");

    let (_, file) = call(
        root,
        "getMediaFile",
        json!({ "branch": "main", "path": "static/uploads/logo.svg" }),
    );
    assert_eq!(file["id"], media[0]["id"]);

    let asset =
        json!({ "path": "static/uploads/new.txt", "content": "aGk=", "encoding": "base64" });
    let (status, written) = call(
        root,
        "persistMedia",
        json!({ "branch": "main", "asset": asset, "options": { "commitMessage": "Upload" } }),
    );
    assert_eq!(status, 200);
    assert_eq!(written["name"], "new.txt");
    assert_eq!(
        fs::read(root.join("static/uploads/new.txt")).unwrap(),
        b"hi"
    );

    let (status, _) = call(
        root,
        "deleteFile",
        json!({ "branch": "main", "path": "static/uploads/new.txt", "options": { "commitMessage": "Delete" } }),
    );
    assert_eq!(status, 200);
    assert!(!root.join("static/uploads/new.txt").exists());
    let paths = json!({ "branch": "main", "paths": ["static/uploads/logo.svg", "content/news/b.txt"], "options": { "commitMessage": "Delete" } });
    assert_eq!(call(root, "deleteFiles", paths).0, 200);
    assert!(
        !root.join("static/uploads/logo.svg").exists() && !root.join("content/news/b.txt").exists()
    );

    assert_eq!(
        call(root, "getDeployPreview", json!({ "branch": "main" })),
        (200, Value::Null)
    );
    assert_eq!(call(root, "unpublishedEntries", json!({})).0, 422);
}

/// Every action that takes a path, with `path` in it.
fn every_action(path: &str) -> Vec<(&'static str, Value)> {
    let asset = json!({ "path": path, "content": "aGk=", "encoding": "base64" });
    let data = json!({ "slug": "x", "path": path, "raw": "x" });
    vec![
        (
            "entriesByFolder",
            json!({ "folder": path, "extension": "", "depth": 3 }),
        ),
        ("entriesByFiles", json!({ "files": [{ "path": path }] })),
        ("getEntry", json!({ "path": path })),
        (
            "persistEntry",
            json!({ "dataFiles": [data], "assets": [], "options": {} }),
        ),
        (
            "persistEntry",
            json!({ "dataFiles": [{ "slug": "x", "path": "content/ok.md", "raw": "x" }], "assets": [asset], "options": {} }),
        ),
        (
            "persistEntry",
            json!({ "dataFiles": [{ "slug": "x", "path": "content/ok.md", "raw": "x", "newPath": path }], "assets": [], "options": {} }),
        ),
        ("getMedia", json!({ "mediaFolder": path })),
        ("getMediaFile", json!({ "path": path })),
        ("persistMedia", json!({ "asset": asset, "options": {} })),
        ("deleteFile", json!({ "path": path, "options": {} })),
        (
            "deleteFiles",
            json!({ "paths": ["content/news/a.md", path], "options": {} }),
        ),
    ]
}

#[test]
fn paths_outside_content_and_static_are_refused() {
    let dir = site();
    let root = dir.path();
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("secret.md"), "secret").unwrap();
    std::os::unix::fs::symlink(outside.path(), root.join("content/link")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        root.join("content/secret.md"),
    )
    .unwrap();
    let absolute = outside.path().join("secret.md").display().to_string();
    for path in [
        "config.toml",
        "templates/page.html",
        "content/../config.toml",
        "static/../../etc/passwd",
        "content/news/../../config.toml",
        "./content/news/a.md",
        "/etc/passwd",
        absolute.as_str(),
        "content\\..\\config.toml",
        "content/link/secret.md",
        "content/link",
        "content/secret.md",
        "",
    ] {
        for (action, params) in every_action(path) {
            let (status, reply) = call(root, action, params);
            assert_eq!(status, 403, "{action} {path:?}: {reply}");
            assert!(
                reply["error"].as_str().unwrap().contains("refused"),
                "{reply}"
            );
        }
    }
    // Nothing was written or deleted, inside or out.
    assert_eq!(
        fs::read_to_string(outside.path().join("secret.md")).unwrap(),
        "secret"
    );
    assert!(root.join("content/news/a.md").exists());
    assert!(!root.join("content/ok.md").exists());
    assert_eq!(
        fs::read_to_string(root.join("config.toml")).unwrap(),
        "title = \"T\"\nbase_url = \"https://x.org\"\n"
    );
}

#[test]
fn a_folder_still_to_be_made_is_allowed() {
    let dir = site();
    let root = dir.path();
    fs::remove_dir_all(root.join("static")).unwrap();
    let asset = json!({ "path": "static/uploads/a.txt", "content": "aGk=", "encoding": "base64" });
    assert_eq!(
        call(
            root,
            "persistMedia",
            json!({ "asset": asset, "options": {} })
        )
        .0,
        200
    );
    assert_eq!(fs::read(root.join("static/uploads/a.txt")).unwrap(), b"hi");
}

#[test]
fn other_origins_are_refused() {
    let dir = site();
    let root = dir.path();
    let write = json!({ "action": "persistMedia", "params": { "asset": { "path": "content/x.txt", "content": "aGk=", "encoding": "base64" } } });
    for origin in [
        None,
        Some("https://evil.example"),
        Some("http://127.0.0.1:9999"),
        Some("http://127.0.0.1:4321.evil.example"),
        Some("null"),
    ] {
        let reply = call_from(root, origin, write.clone());
        assert_eq!(reply.status, 403, "{origin:?}");
    }
    // A name rebound to 127.0.0.1 by another site: its origin matches its Host, still refused.
    let body = write.to_string();
    let rebound = Request {
        method: "POST",
        path: API_PATH,
        host: Some("evil.example:4321"),
        origin: Some("http://evil.example:4321"),
        body: body.as_bytes(),
    };
    assert_eq!(answer_editor(&rebound, root, PORT, |_| None).status, 403);
    assert!(!root.join("content/x.txt").exists());
    // The server's own origin, by IP or as localhost, is answered.
    assert_eq!(call_from(root, Some(ORIGIN), write).status, 200);
    assert!(root.join("content/x.txt").exists());
}

#[test]
fn the_editor_page_and_config_are_served() {
    let dir = site();
    let root = dir.path();
    let get = |path: &str| {
        let request = Request {
            method: "GET",
            path,
            host: Some(HOST),
            origin: None,
            body: b"",
        };
        answer_editor(&request, root, PORT, |origin| {
            Some(format!("origin {origin}"))
        })
    };
    let page = get("/admin/");
    assert_eq!(page.status, 200);
    let html = String::from_utf8(page.body).unwrap();
    assert!(
        html.contains(r#"<link href="config.yml" type="text/yaml" rel="cms-config-url">"#),
        "{html}"
    );
    assert!(
        html.contains("decap-cms@3.16.3/dist/decap-cms.js"),
        "{html}"
    );
    assert_eq!(get("/admin").status, 301);
    let config = get("/admin/config.yml");
    assert_eq!(
        (config.status, config.body),
        (200, b"origin http://127.0.0.1:4321".to_vec())
    );
    let get_api = Request {
        method: "GET",
        path: API_PATH,
        host: Some(HOST),
        origin: Some(ORIGIN),
        body: b"",
    };
    assert_eq!(answer_editor(&get_api, root, PORT, |_| None).status, 405);
}
