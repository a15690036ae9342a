//! `bantin new PERIOD`: the folder of a new release, ready to fill in.

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::BuildError;
use bantin::report::{self, Style};

use crate::cli::NewArgs;

pub fn run(args: NewArgs) -> ExitCode {
    match bantin::new_release(&args.root, &args.period) {
        Ok(files) => {
            for f in &files {
                println!("created {}", f.display());
            }
            println!(
                "\nFill in the figures in data.yaml (last year's are beside each indicator) and the text of each narrative.\n`bantin check` lists what is still missing."
            );
            ExitCode::SUCCESS
        }
        Err(BuildError::Site(problems)) => {
            let style = Style::for_stream(std::io::stderr().is_terminal());
            eprintln!("{}", report::human(&problems, style));
            eprintln!("Nothing was written.");
            ExitCode::FAILURE
        }
        Err(BuildError::Output(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
