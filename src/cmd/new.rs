//! `bantin new PERIOD`: the folder of a new release, ready to fill in.

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::messages::Lang;
use bantin::report::{self, Style};
use bantin::{BuildError, msg};

use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> ExitCode {
    let lang = Lang::current();
    match bantin::new_release(&args.root, &args.period) {
        Ok(made) => {
            for f in &made.files {
                println!("{}", msg!("created", file = f.as_path()).text(lang));
            }
            // Last year's figures are written beside each indicator only
            // when there is a release of the same period a year before.
            let done = if made.last_year {
                msg!("new-done-last-year")
            } else {
                msg!("new-done")
            };
            println!("\n{}", done.text(lang));
            ExitCode::SUCCESS
        }
        Err(BuildError::Site(problems)) => {
            let style = Style::for_stream(std::io::stderr().is_terminal());
            eprintln!("{}", report::human(&problems, style, lang));
            eprintln!("{}", msg!("nothing-written").text(lang));
            ExitCode::FAILURE
        }
        Err(BuildError::Output(e)) => {
            eprintln!("{}", bantin::messages::error_text(&e, lang));
            ExitCode::FAILURE
        }
    }
}
