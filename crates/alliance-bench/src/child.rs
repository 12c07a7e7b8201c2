//! Runs a command as a child process and measures it as the kernel counts it:
//! wall time, CPU time (user + system) and peak resident memory, from `wait4`.

use std::io;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Runs `command` to completion (its standard output discarded) and reports
/// what it cost; an error if it could not run or did not exit with 0.
pub fn run(command: &mut Command) -> io::Result<Usage> {
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
        let usage = run(
            Command::new("sh").args(["-c", "i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done"])
        )
        .unwrap();
        assert!(usage.cpu > Duration::ZERO);
        assert!(usage.wall >= usage.cpu / 2);
        assert!(usage.peak_rss > 100 * 1024);
        assert!(run(Command::new("sh").args(["-c", "exit 3"])).is_err());
        assert!(run(&mut Command::new("/nonexistent/alliance")).is_err());
    }
}
