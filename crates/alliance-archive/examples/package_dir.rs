//! Packages an existing site folder and prints the report and the time taken.
//!
//! ```text
//! cargo run --release -p alliance-archive --example package_dir -- SITE_DIR OUT_DIR [DATE]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use alliance_archive::{SnapshotMeta, package};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(site), Some(out)) = (args.first(), args.get(1)) else {
        eprintln!("usage: package_dir SITE_DIR OUT_DIR [YYYY-MM-DD]");
        return ExitCode::from(2);
    };
    let meta = SnapshotMeta {
        date: args.get(2).cloned().unwrap_or_else(|| "2026-11-22".into()),
        base_url: "https://www.welwynhatfieldalliance.org.uk".into(),
        title: "Welwyn Hatfield Alliance".into(),
        organisation: "Hertfordshire Archives".into(),
        software: concat!("Alliance ", env!("CARGO_PKG_VERSION")).into(),
    };
    let started = Instant::now();
    match package(&PathBuf::from(site), &PathBuf::from(out), &meta) {
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
