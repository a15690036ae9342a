//! `bantin import WORKBOOK --map MAP --period P`: a release's figures from
//! the department's workbook; `--init-map` proposes a map.

use std::io::IsTerminal;
use std::process::ExitCode;

use bantin::import::{self, Change, Refusal};
use bantin::messages::{Arg, Lang, Message};
use bantin::report::{self, Style};
use bantin::{Diagnostic, Diagnostics, msg};

use crate::cli::ImportArgs;

pub fn run(args: ImportArgs) -> ExitCode {
    let lang = Lang::current();
    if args.init_map {
        return init_map(&args, lang);
    }
    let (Some(map), Some(period)) = (args.map.clone(), args.period.clone()) else {
        eprintln!("{}", msg!("import-needs-map").text(lang));
        return ExitCode::FAILURE;
    };
    let opts = import::Options {
        root: args.root.clone(),
        workbook: args.workbook.clone(),
        map,
        period,
        update: args.update,
        status: args.status.clone(),
        published: args.published.clone(),
    };
    let style = Style::for_stream(std::io::stdout().is_terminal());
    match import::import(&opts) {
        Ok(done) => {
            for (what, place) in &done.blanks {
                println!(
                    "{}",
                    msg!(
                        "import-blank",
                        figure = what.as_str(),
                        cell = place.to_string()
                    )
                    .text(lang)
                );
            }
            if !done.written {
                println!(
                    "{}",
                    msg!("import-unchanged", file = done.file.as_path()).text(lang)
                );
                return ExitCode::SUCCESS;
            }
            if !done.created {
                print_changes(&done.changes, lang);
            }
            let said = if done.created {
                msg!(
                    "import-created",
                    file = done.file.as_path(),
                    count = done.changes.len()
                )
            } else {
                msg!(
                    "import-updated",
                    file = done.file.as_path(),
                    count = done.changes.len()
                )
            };
            println!("{}", said.text(lang));
            println!("{}", msg!("import-checked").text(lang));
            println!("{}", report::human(&done.findings, style, lang));
            if done.findings.has_errors() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(Refusal::Problems(problems)) => {
            let style = Style::for_stream(std::io::stderr().is_terminal());
            eprintln!("{}", report::human(&problems, style, lang));
            eprintln!("{}", msg!("nothing-written").text(lang));
            ExitCode::FAILURE
        }
        Err(Refusal::Exists { file, changes }) => {
            print_changes(&changes, lang);
            let mut list = Diagnostics::new();
            // No figure differs: the status or the release date does.
            let said = match changes.len() {
                0 => msg!("import-exists-head"),
                n => msg!("import-exists", count = n),
            };
            list.push(Diagnostic::error(&file, said).with_hint(msg!("import-exists-hint")));
            let style = Style::for_stream(std::io::stderr().is_terminal());
            eprintln!("{}", report::human(&list, style, lang));
            eprintln!("{}", msg!("nothing-written").text(lang));
            ExitCode::FAILURE
        }
        Err(Refusal::Io(e)) => {
            eprintln!("{}", bantin::messages::error_text(&e, lang));
            eprintln!("{}", msg!("nothing-written").text(lang));
            ExitCode::FAILURE
        }
    }
}

fn figure(x: Option<f64>) -> Arg {
    match x {
        Some(x) => Arg::figure(x, None),
        None => Arg::Text(String::new()),
    }
}

/// `exports.value: 5.718,5 → 5.720,1`, one line per figure.
fn print_changes(changes: &[Change], lang: Lang) {
    if changes.is_empty() {
        return;
    }
    println!("{}", msg!("import-changes").text(lang));
    for c in changes {
        let line: Message = match (c.before, c.after) {
            (Some(_), Some(_)) => msg!(
                "import-change",
                figure = c.what.as_str(),
                before = figure(c.before),
                after = figure(c.after)
            ),
            (None, _) => msg!(
                "import-change-new",
                figure = c.what.as_str(),
                after = figure(c.after)
            ),
            (_, None) => msg!(
                "import-change-gone",
                figure = c.what.as_str(),
                before = figure(c.before)
            ),
        };
        println!("  {}", line.text(lang));
    }
}

fn init_map(args: &ImportArgs, lang: Lang) -> ExitCode {
    match bantin::import_proposal(&args.root, &args.workbook, args.period.as_deref()) {
        Ok(text) => match &args.map {
            None => {
                print!("{text}");
                ExitCode::SUCCESS
            }
            Some(path) if path.exists() => {
                eprintln!(
                    "{}",
                    msg!("import-map-exists", file = path.as_path()).text(lang)
                );
                ExitCode::FAILURE
            }
            Some(path) => match std::fs::write(path, text) {
                Ok(()) => {
                    println!(
                        "{}",
                        msg!("import-map-written", file = path.as_path()).text(lang)
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}: {e}", path.display());
                    ExitCode::FAILURE
                }
            },
        },
        Err(problems) => {
            let style = Style::for_stream(std::io::stderr().is_terminal());
            eprintln!("{}", report::human(&problems, style, lang));
            ExitCode::FAILURE
        }
    }
}
