//! Runs a command as a child process and measures it as the kernel counts it:
//! wall time, CPU time (user + system) and peak resident memory, from `wait4`.
//!
//! A child's peak memory, as `wait4` reports it, includes its parent's at the
//! moment it was spawned (std spawns with `vfork`, and the kernel carries the
//! shared memory's high-water mark over `exec`). The benchmark grows to
//! hundreds of megabytes, so commands are run through a fresh copy of this
//! program ([`LAUNCH`]), small when it spawns them, which reports their usage.

use std::ffi::OsString;
use std::io;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The first argument that makes this program a launcher: it runs the
/// program and arguments that follow, and prints what they cost.
pub(crate) const LAUNCH: &str = "--launch-and-measure";

/// What one run of a child process cost.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// From spawning to reaping.
    pub wall: Duration,
    /// User plus system CPU time, all threads.
    pub cpu: Duration,
    /// Peak resident set size, in bytes.
    pub peak_rss: u64,
}

/// Runs `program` with `args` to completion, through a launcher (see the
/// module's documentation), and reports what it cost; an error if it could
/// not run or did not exit with 0.
pub(crate) fn run(program: &Path, args: &[OsString]) -> io::Result<Usage> {
    let output = Command::new(std::env::current_exe()?)
        .arg(LAUNCH)
        .arg(program)
        .args(args)
        .stderr(Stdio::inherit())
        .output()?;
    if !output.status.success() {
        return Err(io::Error::other(format!(
            "{} failed ({})",
            program.display(),
            output.status
        )));
    }
    parse(&String::from_utf8_lossy(&output.stdout))
        .ok_or_else(|| io::Error::other("the launcher's report is not readable"))
}

/// The launcher: runs the command in `args` and prints its usage on one line.
pub(crate) fn launch(mut args: impl Iterator<Item = OsString>) -> io::Result<()> {
    let program = args
        .next()
        .ok_or_else(|| io::Error::other("no program to launch"))?;
    let usage = measure(Command::new(program).args(args))?;
    println!("{}", format(&usage));
    Ok(())
}

/// A usage as the launcher prints it: microseconds of wall and CPU time, bytes.
fn format(usage: &Usage) -> String {
    format!(
        "{} {} {}",
        usage.wall.as_micros(),
        usage.cpu.as_micros(),
        usage.peak_rss
    )
}

/// Reads what [`format`] wrote.
fn parse(line: &str) -> Option<Usage> {
    let mut numbers = line.split_whitespace().map(|n| n.parse::<u64>().ok());
    let (wall, cpu, peak_rss) = (numbers.next()??, numbers.next()??, numbers.next()??);
    Some(Usage {
        wall: Duration::from_micros(wall),
        cpu: Duration::from_micros(cpu),
        peak_rss,
    })
}

/// Runs `command` to completion (its standard output discarded) and reports
/// what it cost; an error if it could not run or did not exit with 0.
fn measure(command: &mut Command) -> io::Result<Usage> {
    let started = Instant::now();
    let child = command.stdout(Stdio::null()).spawn()?;
    let pid = libc::pid_t::try_from(child.id()).map_err(io::Error::other)?;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: `pid` is our own child, not yet reaped (`Child` is never
        // waited on); `status` and `usage` are valid for writes.
        let reaped = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if reaped == pid {
            break;
        }
        let error = io::Error::last_os_error();
        if error.kind() != io::ErrorKind::Interrupted {
            return Err(error);
        }
    }
    let wall = started.elapsed();
    if !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(io::Error::other(format!(
            "{command:?} failed (wait status {status})"
        )));
    }
    let time = |t: libc::timeval| {
        Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
    };
    Ok(Usage {
        wall,
        cpu: time(usage.ru_utime) + time(usage.ru_stime),
        // Linux counts `ru_maxrss` in kilobytes.
        peak_rss: usage.ru_maxrss.max(0) as u64 * 1024,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_a_child_and_reports_failure() {
        let busy = "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done";
        let usage = measure(Command::new("sh").args(["-c", busy])).unwrap();
        assert!(usage.cpu > Duration::ZERO);
        assert!(usage.wall >= usage.cpu / 2);
        assert!(usage.peak_rss > 100 * 1024);
        assert!(measure(Command::new("sh").args(["-c", "exit 3"])).is_err());
        assert!(measure(&mut Command::new("/nonexistent/alliance")).is_err());
    }

    #[test]
    fn the_launchers_report_reads_back() {
        let usage = Usage {
            wall: Duration::from_micros(2_500_001),
            cpu: Duration::from_micros(4_000_002),
            peak_rss: 230_000_000,
        };
        let back = parse(&format(&usage)).unwrap();
        assert_eq!(
            (back.wall, back.cpu, back.peak_rss),
            (usage.wall, usage.cpu, usage.peak_rss)
        );
        assert!(parse("12 oops").is_none());
    }
}
