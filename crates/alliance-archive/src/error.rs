//! The one error type of the packager.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Everything that can stop [`crate::package`].
///
/// Every variant that concerns a file names it, so a message can be shown to a
/// person as it is.
#[derive(Debug)]
pub enum ArchiveError {
    /// `SnapshotMeta::date` is not a real `YYYY-MM-DD` date between 1980 and 2107
    /// (the range a zip file can record).
    InvalidDate {
        /// The date as given.
        date: String,
    },
    /// `SnapshotMeta::base_url` is not an absolute `http://` or `https://` URL
    /// without query, fragment or user name.
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The site folder holds no file at all, so there is nothing to archive.
    EmptySite {
        /// The site folder.
        path: PathBuf,
    },
    /// A file name in the site is not valid UTF-8, so it has no URL.
    NonUtf8Path {
        /// The offending file.
        path: PathBuf,
    },
    /// An input/output operation failed.
    Io {
        /// What was being done, e.g. "cannot read".
        action: &'static str,
        /// The file or folder concerned.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The zip writer of the WACZ failed.
    Zip {
        /// The WACZ being written.
        path: PathBuf,
        /// The underlying error.
        source: zip::result::ZipError,
    },
}

impl ArchiveError {
    /// Wraps an I/O error with what was being done and to which path.
    pub(crate) fn io(action: &'static str, path: &Path, source: io::Error) -> Self {
        ArchiveError::Io {
            action,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl fmt::Display for ArchiveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArchiveError::InvalidDate { date } => write!(
                f,
                "invalid snapshot date `{date}`: expected YYYY-MM-DD between 1980-01-01 and 2107-12-31"
            ),
            ArchiveError::InvalidBaseUrl { url, reason } => {
                write!(f, "invalid base URL `{url}`: {reason}")
            }
            ArchiveError::EmptySite { path } => {
                write!(
                    f,
                    "{}: the site folder holds no files to archive",
                    path.display()
                )
            }
            ArchiveError::NonUtf8Path { path } => write!(
                f,
                "{}: file name is not valid UTF-8, so it cannot be given a URL",
                path.display()
            ),
            ArchiveError::Io {
                action,
                path,
                source,
            } => write!(f, "{}: {action}: {source}", path.display()),
            ArchiveError::Zip { path, source } => {
                write!(f, "{}: cannot write zip: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for ArchiveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ArchiveError::Io { source, .. } => Some(source),
            ArchiveError::Zip { source, .. } => Some(source),
            _ => None,
        }
    }
}
