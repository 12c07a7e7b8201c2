//! End-to-end: `alliance snapshot` makes a self-contained, dated, reproducible copy.

mod common;

use common::*;

#[test]
fn snapshot_is_self_contained_bannered_and_reproducible() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    snapshot(&repo(), a.path());
    snapshot(&repo(), b.path());
    let day = a.path().join("2026-11-22");
    let files = tree(&day);
    assert_eq!(
        files,
        tree(&b.path().join("2026-11-22")),
        "a second run gives identical bytes"
    );
    for name in [
        "welwyn-hatfield-alliance-2026-11-22.warc.gz",
        "welwyn-hatfield-alliance-2026-11-22.cdxj",
        "welwyn-hatfield-alliance-2026-11-22.wacz",
        "bag/bagit.txt",
        "bag/manifest-sha256.txt",
        "bag/data/site/index.html",
    ] {
        assert!(files.contains_key(name), "{name} missing");
    }
    let site = day.join("site");
    let mut pages = 0;
    for file in walkdir(&site)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
    {
        let html = std::fs::read_to_string(&file).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        pages += 1;
        assert!(
            html.contains("role=\"region\" aria-label=\"Archived snapshot\""),
            "{}",
            file.display()
        );
        assert!(html.contains("This snapshot, taken on <time datetime=\"2026-11-22\">22/11/2026</time>, shows web content of Welwyn Hatfield Alliance acquired for preservation by Hertfordshire Archives."));
        assert!(!html.contains("rel=\"canonical\""));
        for (attr, is_src) in [("href", false), ("src", true)] {
            for link in attr_values(&html, attr) {
                if link.starts_with("mailto:") || link.starts_with("tel:") || link.starts_with('#')
                {
                    continue;
                }
                if link.contains("://") {
                    assert!(
                        !is_src,
                        "{} loads {link} from outside the snapshot",
                        file.display()
                    );
                    let at = html.find(&format!("href=\"{link}\"")).unwrap();
                    let close = at + html[at..].find("</a>").unwrap();
                    assert!(
                        html[at..close].ends_with("(external link)</span>"),
                        "{link} in {} has no external-link marker",
                        file.display()
                    );
                    continue;
                }
                let target = file.parent().unwrap().join(link.split('#').next().unwrap());
                assert!(
                    target.is_file(),
                    "{link} in {} does not resolve inside the snapshot",
                    file.display()
                );
            }
        }
    }
    assert!(pages >= 13, "{pages} pages");
}

#[test]
fn snapshot_date_must_be_a_date() {
    let out = tempfile::tempdir().unwrap();
    let o = alliance(&[
        "snapshot",
        "--root",
        repo().to_str().unwrap(),
        "--date",
        "22/11/2026",
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("YYYY-MM-DD"));
}
