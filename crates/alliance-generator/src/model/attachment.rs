//! Attachments: documents and meeting papers, with the format and size a
//! reader sees before opening them ("PDF, 1.2 MB"), as GOV.UK shows them.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

use serde::Serialize;

use crate::diagnostic::nearest;
use crate::load::site::Site;

/// A file offered for download beside a page.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Attachment {
    /// Where it is served (a site path such as `meetings/2026-03/agenda.pdf`).
    pub(crate) path: String,
    /// The format as readers know it: "PDF", "MS Word Document".
    pub(crate) format: &'static str,
    /// The media type, for structured data: `application/pdf`.
    pub(crate) media_type: &'static str,
    /// Size in bytes.
    pub(crate) bytes: u64,
    /// Size as people read it: "1.2 MB", "75 KB".
    pub(crate) size: String,
}

/// Finds the served copy of files beside pages.
pub(crate) struct Files<'a> {
    site: &'a Site,
    by_source: HashMap<&'a Path, &'a str>,
}

impl<'a> Files<'a> {
    /// Indexes the site's co-located files.
    pub(crate) fn new(site: &'a Site) -> Self {
        let by_source = site
            .assets
            .iter()
            .map(|a| (a.source.as_path(), a.path.as_str()))
            .collect();
        Files { site, by_source }
    }

    /// The attachment `file` written beside the page whose folder is `folder`
    /// (e.g. `content/meetings/2026-03`). `Err` holds a hint.
    pub(crate) fn find(&self, folder: &Path, file: &str) -> Result<Attachment, String> {
        let relative = Path::new(file);
        let escapes = relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_) | Component::CurDir));
        if escapes {
            return Err(format!(
                "give the file's name as it sits beside the page, e.g. `{}`",
                relative
                    .file_name()
                    .map_or("agenda.pdf".into(), |n| n.to_string_lossy())
            ));
        }
        let normal: PathBuf = relative
            .components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .collect();
        let source = self.site.root.join(folder).join(normal);
        let Some(path) = self.by_source.get(source.as_path()) else {
            return Err(self.missing_hint(folder, file));
        };
        let bytes = std::fs::metadata(&source)
            .map(|m| m.len())
            .map_err(|e| format!("the file cannot be read: {e}"))?;
        let (format, media_type) = format_of(file);
        Ok(Attachment {
            path: (*path).to_owned(),
            format,
            media_type,
            bytes,
            size: human_size(bytes),
        })
    }

    fn missing_hint(&self, folder: &Path, file: &str) -> String {
        let dir = self.site.root.join(folder);
        let siblings: Vec<String> = std::fs::read_dir(&dir)
            .map(|entries| {
                entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| !n.ends_with(".md"))
                    .collect()
            })
            .unwrap_or_default();
        let shown = PathBuf::from(folder).join(file);
        match nearest(file, siblings.iter().map(String::as_str)) {
            Some(best) => format!("did you mean `{best}`? (no file {})", shown.display()),
            None => format!(
                "put the file at {} (beside the page), or correct its name",
                shown.display()
            ),
        }
    }
}

/// The format name and media type of a file, from its extension.
pub(crate) fn format_of(file: &str) -> (&'static str, &'static str) {
    let extension = file
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "pdf" => ("PDF", "application/pdf"),
        "doc" => ("MS Word Document", "application/msword"),
        "docx" => (
            "MS Word Document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "odt" => (
            "OpenDocument Text",
            "application/vnd.oasis.opendocument.text",
        ),
        "xls" => ("MS Excel Spreadsheet", "application/vnd.ms-excel"),
        "xlsx" => (
            "MS Excel Spreadsheet",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        "ods" => (
            "OpenDocument Spreadsheet",
            "application/vnd.oasis.opendocument.spreadsheet",
        ),
        "ppt" => (
            "MS PowerPoint Presentation",
            "application/vnd.ms-powerpoint",
        ),
        "pptx" => (
            "MS PowerPoint Presentation",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ),
        "odp" => (
            "OpenDocument Presentation",
            "application/vnd.oasis.opendocument.presentation",
        ),
        "csv" => ("CSV", "text/csv"),
        "txt" => ("Plain text", "text/plain"),
        "rtf" => ("Rich Text Format", "application/rtf"),
        "html" | "htm" => ("HTML", "text/html"),
        "zip" => ("ZIP archive", "application/zip"),
        "png" => ("PNG image", "image/png"),
        "jpg" | "jpeg" => ("JPEG image", "image/jpeg"),
        "mp3" => ("MP3 audio", "audio/mpeg"),
        "mp4" => ("MP4 video", "video/mp4"),
        _ => ("File", "application/octet-stream"),
    }
}

/// A size as GOV.UK writes it: "512 bytes", "75 KB", "1.2 MB".
pub(super) fn human_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    match bytes {
        b if b < KB => format!("{b} bytes"),
        b if b < MB => format!("{} KB", (b + KB / 2) / KB),
        b => {
            let tenths = (b * 10 + MB / 2) / MB;
            format!("{}.{} MB", tenths / 10, tenths % 10)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_like_gov_uk() {
        assert_eq!(human_size(0), "0 bytes");
        assert_eq!(human_size(1023), "1023 bytes");
        assert_eq!(human_size(75 * 1024 + 100), "75 KB");
        assert_eq!(human_size(1_258_291), "1.2 MB");
        assert_eq!(human_size(10 * 1024 * 1024), "10.0 MB");
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(format_of("Minutes.PDF").0, "PDF");
        assert_eq!(format_of("plan.docx").0, "MS Word Document");
        assert_eq!(format_of("README").0, "File");
    }
}
