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
            println!(
                "Built {total} pages ({}), {} files in {} ms into {}",
                per_lang.join(", "),
                report.files,
                report.elapsed.as_millis(),
                report.output.display()
            );
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
