//! `bantin check`: every rule, nothing written; exit 1 on errors (and on
//! warnings with `--deny-warnings`).

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::Level;
use bantin::report::{self, Style};

use crate::cli::{CheckArgs, Format};

pub fn run(args: CheckArgs) -> ExitCode {
    let report = bantin::check_site(&args.root, args.base_url.as_deref());
    let findings = &report.findings;
    if args.timings {
        eprint!("Timings:\n{}", report.timings.table());
    }
    match args.format {
        Format::Json => print!("{}", report::json(findings, report.output_checked)),
        Format::Human => {
            let style = Style::for_stream(std::io::stdout().is_terminal());
            println!("{}", report::human(findings, style));
            if !report.output_checked {
                println!(
                    "The links of the built pages were not checked: fix the errors above first."
                );
            }
        }
    }
    let errors = findings.count(Level::Error);
    let warnings = findings.count(Level::Warning);
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
