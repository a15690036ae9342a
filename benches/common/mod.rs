//! What the benches share: a whole process timed under GNU time.

use std::process::Command;
use std::time::Duration;

/// One timed run: wall time and peak resident memory (MiB).
pub struct Run {
    pub wall: Duration,
    pub peak_mib: f64,
}

/// Runs `program args` under GNU time; its wall time and peak memory.
pub fn timed(program: &str, args: &[&str]) -> Run {
    let out = Command::new("/usr/bin/time")
        .args(["-f", "BENCH %e %M", program])
        .args(args)
        .output()
        .expect("GNU time: apt-get install -y time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}\n{stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    let line = stderr
        .lines()
        .rev()
        .find(|l| l.starts_with("BENCH "))
        .expect("GNU time's line");
    let mut parts = line.split_whitespace().skip(1);
    let secs: f64 = parts.next().unwrap().parse().unwrap();
    let kib: f64 = parts.next().unwrap().parse().unwrap();
    Run {
        wall: Duration::from_secs_f64(secs),
        peak_mib: kib / 1024.0,
    }
}
