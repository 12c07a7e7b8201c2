//! Writes a small hand-made site to `OUT_DIR/site/` and packages it into
//! `OUT_DIR`, so that `tests/archive/validate.sh OUT_DIR` can be tried before
//! a generated snapshot exists.
//!
//! ```text
//! cargo run -p alliance-archive --example sample_snapshot -- OUT_DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

#[path = "support/sample_site.rs"]
mod sample_site;

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: sample_snapshot OUT_DIR");
        return ExitCode::from(2);
    };
    let site = out.join("site");
    if let Err(e) = std::fs::create_dir_all(&site).and_then(|()| sample_site::write(&site)) {
        eprintln!("{}: cannot write the sample site: {e}", site.display());
        return ExitCode::FAILURE;
    }
    let started = Instant::now();
    match alliance_archive::package(&site, &out, &sample_site::meta()) {
        Ok(report) => {
            println!("{report:#?}");
            println!("packaged in {:.3?}", started.elapsed());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
