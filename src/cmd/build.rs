//! `bantin build`: load, check, render, write; print a one-line summary.

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::messages::{Lang, Message};
use bantin::report::{self, Style};
use bantin::{BuildError, BuildOptions, msg};

use crate::cli::BuildArgs;

pub fn run(args: BuildArgs) -> ExitCode {
    let opts = BuildOptions {
        root: args.root.clone(),
        output: args.output.clone(),
        base_url: args.base_url.clone(),
        force: args.force,
        no_pdf: args.no_pdf,
    };
    let lang = Lang::current();
    let say = |m: Message| m.text(lang);
    let style = Style::for_stream(std::io::stderr().is_terminal());
    match bantin::build(&opts) {
        Ok(report) => {
            if args.timings {
                eprint!("{}\n{}", say(msg!("timings")), report.timings.table());
            }
            if !report.warnings.is_empty() {
                eprintln!("{}", report::human(&report.warnings, style, lang));
            }
            let per_lang: Vec<String> = report
                .pages
                .iter()
                .map(|(l, n)| format!("{l} {n}"))
                .collect();
            let total: usize = report.pages.values().sum();
            let kept = match report.pages_kept {
                0 => String::new(),
                n => say(msg!("build-kept", rendered = total - n, kept = n)),
            };
            println!(
                "{}",
                say(msg!(
                    "build-done",
                    pages = total,
                    languages = per_lang.join(", "),
                    kept = kept,
                    files = report.files,
                    ms = report.elapsed.as_millis().to_string(),
                    output = report.output.display().to_string()
                ))
            );
            if report.pdfs > 0 {
                println!(
                    "{}",
                    say(msg!(
                        "build-pdfs",
                        pdfs = report.pdfs,
                        printed = report.pdfs_printed,
                    ))
                );
            }
            if let Some(how) = &report.look_locally {
                println!("{}", say(how.clone()));
            }
            if let Some(previous) = &report.previous {
                remove_in_background(previous);
            }
            ExitCode::SUCCESS
        }
        Err(BuildError::Site(problems)) => {
            eprintln!("{}", report::human(&problems, style, lang));
            eprintln!("{}", say(msg!("build-nothing-written")));
            ExitCode::FAILURE
        }
        Err(BuildError::Output(e)) => {
            eprintln!("{}", bantin::messages::error_text(&e, lang));
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
        eprintln!(
            "{}",
            msg!("warning-detail", detail = format!("{e:#}")).text(Lang::current())
        );
    }
}

/// `bantin remove-previous DIR`: the helper above.
pub fn remove_previous(dir: std::path::PathBuf) -> ExitCode {
    match bantin::remove_previous(&dir) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", bantin::messages::error_text(&e, Lang::current()));
            ExitCode::FAILURE
        }
    }
}
