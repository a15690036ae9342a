//! `bantin init DIR`: a new site that builds as created.

use std::process::ExitCode;

use crate::cli::InitArgs;

pub fn run(args: InitArgs) -> ExitCode {
    match bantin::scaffold::init(&args.dir) {
        Ok(files) => {
            for f in &files {
                println!("created {}", f.display());
            }
            let dir = args.dir.display();
            println!(
                "\nA new site is in {dir}. Preview it with:\n\n    cd {dir} && bantin serve\n\nThen set base_url and the titles in site.toml, the indicators in content/indicators.yaml,\nand start a release with `bantin new 2025-Q1`."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
