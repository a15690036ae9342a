//! `bantin init DIR`: a new site that builds as created.

use std::process::ExitCode;

use bantin::messages::Lang;
use bantin::msg;

use crate::cli::InitArgs;

pub fn run(args: InitArgs) -> ExitCode {
    let lang = Lang::current();
    match bantin::scaffold::init(&args.dir) {
        Ok(files) => {
            for f in &files {
                println!("{}", msg!("created", file = f.as_path()).text(lang));
            }
            println!(
                "\n{}",
                msg!("init-done", dir = args.dir.display().to_string()).text(lang)
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", bantin::messages::error_text(&e, lang));
            ExitCode::FAILURE
        }
    }
}
