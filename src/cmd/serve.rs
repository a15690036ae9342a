//! `bantin serve`: the live preview; runs until Ctrl-C.

use std::process::ExitCode;

use bantin::serve::{self, ServeOptions};

use crate::cli::ServeArgs;

pub fn run(args: ServeArgs) -> ExitCode {
    let opts = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        open: args.open,
    };
    match serve::run(opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let lang = bantin::messages::Lang::current();
            eprintln!("{}", bantin::messages::error_text(&e, lang));
            ExitCode::FAILURE
        }
    }
}
