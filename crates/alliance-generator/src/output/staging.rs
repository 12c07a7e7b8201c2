//! The staging folder: a build is written beside the output and swapped in
//! whole only when it succeeds. An output that is a link (a web root) is
//! written through: its target is replaced. A mount point cannot be renamed,
//! so there the staging folder is made inside it and the contents swapped.
//! Folders left by earlier runs that were killed are removed; an interrupted
//! run removes its own ([`remove_live_staging`], from a signal handler).

use std::ffi::OsString;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The staging folders of this process that are still being written.
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Removes every staging folder this process is still writing: for a
/// Ctrl-C or SIGTERM handler, just before the process exits.
pub fn remove_live_staging() {
    let live = std::mem::take(&mut *LIVE.lock().unwrap_or_else(|e| e.into_inner()));
    for dir in live {
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn forget_live(dir: &Path) {
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .retain(|d| d != dir);
}

/// A build folder beside the output that replaces it only when the build succeeds.
#[derive(Debug)]
pub struct Staging {
    staging: PathBuf,
    /// The real folder replaced (a link's target).
    output: PathBuf,
    /// The output is a mount point: its contents are swapped, not the folder.
    in_place: bool,
}

/// The previous output, moved aside, that could not be removed after the
/// new one was put in place.
#[derive(Debug)]
pub struct Leftover {
    /// Where the previous output now is.
    pub(crate) path: PathBuf,
    /// Why it could not be removed.
    pub(crate) error: io::Error,
}

impl Staging {
    /// Creates an empty staging folder beside `output` (inside it, for a
    /// mount point), first removing those left by runs no longer alive.
    pub fn new(output: &Path) -> io::Result<Staging> {
        let output = real_output(output)?;
        let parent = output
            .parent()
            .ok_or_else(|| io::Error::other("the output folder has no parent"))?;
        let in_place = is_mount_point(&output, parent);
        Staging::with_mode(output, in_place)
    }

    /// [`Staging::new`] for a folder that is (`in_place`) or is not a mount point.
    fn with_mode(output: PathBuf, in_place: bool) -> io::Result<Staging> {
        let parent = output
            .parent()
            .ok_or_else(|| io::Error::other("the output folder has no parent"))?;
        std::fs::create_dir_all(parent)?;
        let name = file_name(&output);
        let holder = if in_place { output.as_path() } else { parent };
        remove_abandoned(holder, &name);
        let staging = holder.join(format!(".{name}.building-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir_all(&staging)?;
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(staging.clone());
        Ok(Staging {
            staging,
            output,
            in_place,
        })
    }

    /// The folder files are written into.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Replaces the output with the staged build. An error says what
    /// happened to the previous output; `Ok(Some(_))` means the new site is
    /// in place but the previous one, moved aside, could not be removed.
    pub fn commit(self) -> io::Result<Option<Leftover>> {
        let name = file_name(&self.output);
        let holder = if self.in_place {
            self.output.clone()
        } else {
            self.output.parent().unwrap_or(Path::new(".")).to_path_buf()
        };
        let old = holder.join(format!(".{name}.old-{}", std::process::id()));
        let had_output = if self.in_place {
            self.swap_contents(&old)?
        } else {
            self.swap_folder(&old)?
        };
        forget_live(&self.staging);
        let leftover = if had_output {
            std::fs::remove_dir_all(&old)
                .err()
                .map(|error| Leftover { path: old, error })
        } else {
            None
        };
        std::mem::forget(self);
        Ok(leftover)
    }

    /// Renames the output aside to `old` and the staging folder in its
    /// place. Returns whether there was an output.
    fn swap_folder(&self, old: &Path) -> io::Result<bool> {
        let had_output = self.output.exists();
        if had_output && let Err(e) = std::fs::rename(&self.output, old) {
            return Err(io::Error::other(format!(
                "the previous output could not be moved aside ({e}){}",
                busy_hint(&e)
            )));
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.output) {
            return Err(put_back(had_output.then_some(old), &self.output, e));
        }
        Ok(had_output)
    }

    /// For a mount point: moves its contents into `old` (inside it), then
    /// the staging folder's contents up into it. Returns whether there were any.
    fn swap_contents(&self, old: &Path) -> io::Result<bool> {
        std::fs::create_dir_all(old)?;
        let skip = [self.staging.as_path(), old];
        let moved_old = move_entries(&self.output, old, &skip).map_err(|(done, e)| {
            move_back(&done, old, &self.output);
            io::Error::other(format!(
                "the previous output could not be moved aside inside its folder ({e})"
            ))
        })?;
        if let Err((done, e)) = move_entries(&self.staging, &self.output, &[]) {
            move_back(&done, &self.output, &self.staging);
            move_back(&moved_old, old, &self.output);
            return Err(io::Error::other(format!(
                "the new site could not be moved into the output folder ({e}); the previous output was put back"
            )));
        }
        let _ = std::fs::remove_dir(&self.staging);
        Ok(true)
    }
}

impl Drop for Staging {
    /// An abandoned build leaves nothing behind.
    fn drop(&mut self) {
        forget_live(&self.staging);
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// The error of a failed swap, after putting the previous output back where it was.
fn put_back(old: Option<&Path>, output: &Path, e: io::Error) -> io::Error {
    let Some(old) = old else {
        return io::Error::other(format!("the new site could not be put in place ({e})"));
    };
    match std::fs::rename(old, output) {
        Ok(()) => io::Error::other(format!(
            "the new site could not be put in place ({e}); the previous output was put back"
        )),
        Err(e2) => io::Error::other(format!(
            "the new site could not be put in place ({e}), and the previous output, moved to {}, could not be put back ({e2}): rename it to {} by hand",
            old.display(),
            output.display()
        )),
    }
}

/// Why a rename was refused, when it is because the folder is in use.
fn busy_hint(e: &io::Error) -> &'static str {
    if e.kind() == io::ErrorKind::ResourceBusy {
        ": the folder is in use, perhaps a mount point shared with another system; build into a folder inside it, or stop what holds it"
    } else {
        ""
    }
}

/// Moves every entry of `from` into `to`, except those in `skip`. On
/// failure, returns the names already moved with the error.
fn move_entries(
    from: &Path,
    to: &Path,
    skip: &[&Path],
) -> Result<Vec<OsString>, (Vec<OsString>, io::Error)> {
    let mut done = Vec::new();
    let entries = std::fs::read_dir(from).map_err(|e| (Vec::new(), e))?;
    for entry in entries {
        let entry = entry.map_err(|e| (done.clone(), e))?;
        if skip.contains(&entry.path().as_path()) {
            continue;
        }
        let name = entry.file_name();
        match std::fs::rename(entry.path(), to.join(&name)) {
            Ok(()) => done.push(name),
            Err(e) => return Err((done, e)),
        }
    }
    Ok(done)
}

/// Moves the named entries from `from` back into `to`, as far as it can.
fn move_back(names: &[OsString], from: &Path, to: &Path) {
    for name in names {
        let _ = std::fs::rename(from.join(name), to.join(name));
    }
}

/// The folder a build replaces: `output` made absolute, or the target of the
/// link it is (a web root that is a link is written through).
fn real_output(output: &Path) -> io::Result<PathBuf> {
    let output = std::path::absolute(output)?;
    let is_link = std::fs::symlink_metadata(&output).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return Ok(output);
    }
    match std::fs::canonicalize(&output) {
        Ok(target) if target.is_dir() => Ok(target),
        Ok(target) => Err(io::Error::other(format!(
            "{} is a link to {}, which is not a folder",
            output.display(),
            target.display()
        ))),
        Err(e) => Err(io::Error::other(format!(
            "{} is a link to a folder that does not exist ({e}): create the folder it points to, or remove the link",
            output.display()
        ))),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Whether `dir` is a mount point: on another device than its parent.
#[cfg(unix)]
fn is_mount_point(dir: &Path, parent: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(dir), std::fs::metadata(parent)) {
        (Ok(d), Ok(p)) => d.is_dir() && d.dev() != p.dev(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_mount_point(_dir: &Path, _parent: &Path) -> bool {
    false
}

/// Removes the `.NAME.building-PID` and `.NAME.old-PID` folders in `holder`
/// left by runs that are no longer alive (killed, or that could not remove them).
fn remove_abandoned(holder: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(holder) else {
        return;
    };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(rest) = file.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let pid = rest
            .strip_prefix("building-")
            .or_else(|| rest.strip_prefix("old-"))
            .and_then(|pid| pid.parse::<u32>().ok());
        let live = LIVE
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .contains(&entry.path());
        if !live && pid.is_some_and(|pid| !alive(pid)) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether another process with this id is running (this process's own
/// folders still being written are in [`LIVE`]). Where that cannot be told,
/// it is taken to be alive (its folders are kept).
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return false;
    }
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{DirSink, Sink};

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn stage(staging: &Staging, text: &str) {
        DirSink::new(staging.path())
            .write("a/index.html", text.as_bytes().to_vec())
            .unwrap();
    }

    #[test]
    fn folders_of_dead_runs_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        // No process has an id this large (Linux caps them at 2^22).
        for left in [".public.building-4294967295", ".public.old-4294967294"] {
            std::fs::create_dir_all(dir.path().join(left).join("x")).unwrap();
        }
        let alive = format!(".public.building-{}", 1);
        std::fs::create_dir(dir.path().join(&alive)).unwrap();
        std::fs::create_dir(dir.path().join(".other.old-4294967295")).unwrap();
        let staging = Staging::new(&out).unwrap();
        stage(&staging, "new");
        let me = format!(".public.building-{}", std::process::id());
        let mut expected = vec![".other.old-4294967295".to_owned(), alive.clone(), me];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
        assert!(staging.commit().unwrap().is_none());
        let mut expected = vec![".other.old-4294967295".to_owned(), alive, "public".into()];
        expected.sort();
        assert_eq!(names(dir.path()), expected);
    }

    #[test]
    fn a_linked_output_is_written_through_and_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let web = dir.path().join("srv/www");
        std::fs::create_dir_all(&web).unwrap();
        std::fs::write(web.join("old.html"), "old").unwrap();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&web, &link).unwrap();
        let staging = Staging::new(&link).unwrap();
        stage(&staging, "new");
        staging.commit().unwrap();
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(names(&web), ["a"]);
        assert_eq!(
            std::fs::read_to_string(link.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(names(&dir.path().join("srv")), ["www"]);
    }

    #[test]
    fn a_mount_point_has_its_contents_swapped_inside_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(out.join("old")).unwrap();
        std::fs::write(out.join("old/index.html"), "old").unwrap();
        let staging = Staging::with_mode(out.clone(), true).unwrap();
        assert!(staging.path().starts_with(&out), "staged inside the mount");
        stage(&staging, "new");
        staging.commit().unwrap();
        assert_eq!(names(&out), ["a"]);
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn staging_replaces_output_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir_all(&out).unwrap();
        std::fs::write(out.join("old.html"), "old").unwrap();
        {
            let staging = Staging::new(&out).unwrap();
            DirSink::new(staging.path())
                .write("a/index.html", b"new".to_vec())
                .unwrap();
            // dropped without commit
        }
        assert_eq!(
            std::fs::read_to_string(out.join("old.html")).unwrap(),
            "old"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let staging = Staging::new(&out).unwrap();
        DirSink::new(staging.path())
            .write("a/index.html", b"new".to_vec())
            .unwrap();
        staging.commit().unwrap();
        assert!(!out.join("old.html").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("a/index.html")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
