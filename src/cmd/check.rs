//! `bantin check`: every rule, nothing written; exit 1 on errors (and on
//! warnings with `--deny-warnings`).

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::messages::Lang;
use bantin::report::{self, Style};
use bantin::{Level, msg};

use crate::cli::{CheckArgs, Format};

pub fn run(args: CheckArgs) -> ExitCode {
    let report = bantin::check_site(&args.root, args.base_url.as_deref());
    let findings = &report.findings;
    let lang = Lang::current();
    if args.timings {
        eprint!("{}\n{}", msg!("timings").text(lang), report.timings.table());
    }
    match args.format {
        Format::Json => print!("{}", report::json(findings, report.output_checked, lang)),
        Format::Human => {
            let style = Style::for_stream(std::io::stdout().is_terminal());
            println!("{}", report::human(findings, style, lang));
            if !report.output_checked {
                println!("{}", msg!("check-links-unchecked").text(lang));
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
