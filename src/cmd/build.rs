//! `bantin build`: load, check, render, write; print a one-line summary.

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::report::{self, Style};
use bantin::{BuildError, BuildOptions};

use crate::cli::BuildArgs;

pub fn run(args: BuildArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        force: args.force,
    };
    let style = Style::for_stream(std::io::stderr().is_terminal());
    match bantin::build(&opts) {
        Ok(report) => {
            if args.timings {
                eprint!("Timings:\n{}", report.timings.table());
            }
            if !report.warnings.is_empty() {
                eprintln!("{}", report::human(&report.warnings, style));
            }
            let per_lang: Vec<String> = report
                .pages
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            let total: usize = report.pages.values().sum();
            let kept = match report.pages_kept {
                0 => String::new(),
                n => format!("; {} rendered, {n} unchanged", total - n),
            };
            println!(
                "Built {total} pages ({}{kept}), {} files in {} ms into {}",
                per_lang.join(", "),
                report.files,
                report.elapsed.as_millis(),
                report.output.display()
            );
            if let Some(previous) = &report.previous {
                remove_in_background(previous);
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Site(problems)) => {
            eprintln!("{}", report::human(&problems, style));
            eprintln!("Nothing was written: fix the errors above and build again.");
            ExitCode::FAILURE
        }
        Err(BuildError::Output(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Removes the previous site after bantin has returned: a helper process
/// (this program, `bantin remove-previous`) does it, so nobody waits for
/// thousands of names to be deleted. The next build sweeps up whatever an
/// interrupted helper left. Without a helper, it is removed here.
fn remove_in_background(previous: &std::path::Path) {
    let helper = std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("remove-previous")
            .arg(previous)
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
    });
    if helper.is_err()
        && let Err(e) = bantin::remove_previous(previous)
    {
        eprintln!("warning: {e:#}");
    }
}

/// `bantin remove-previous DIR`: the helper above.
pub fn remove_previous(dir: std::path::PathBuf) -> ExitCode {
    match bantin::remove_previous(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
