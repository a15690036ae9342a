//! Writes a large synthetic site, for timing builds by hand:
//!
//!     cargo run --release --example gen_site -- --periods 1000 --out /tmp/big
//!     cargo run --release -- build --root /tmp/big
//!
//! `--hugo DIR` also writes the same content as a Hugo site
//! (`hugo --source DIR`); `--light` writes the earlier, lighter workload
//! (short texts with a few figures) instead of the realistic one
//! (`examples/synthetic`). `cargo bench --bench build` does all of it and
//! prints the figures.

mod synthetic;

use std::path::PathBuf;

fn main() {
    let mut periods = 1000;
    let mut out = None;
    let mut hugo = None;
    let mut shape = synthetic::Shape::REALISTIC;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--periods" => {
                periods = value()
                    .parse()
                    .unwrap_or_else(|_| usage("--periods takes a number"))
            }
            "--out" => out = Some(PathBuf::from(value())),
            "--hugo" => hugo = Some(PathBuf::from(value())),
            "--light" => shape = synthetic::Shape::LIGHT,
            other => usage(&format!("unknown argument {other}")),
        }
    }
    let out = out.unwrap_or_else(|| usage("--out DIR is required"));
    for dir in std::iter::once(&out).chain(hugo.as_ref()) {
        if dir.exists() && std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some()) {
            usage(&format!("{} is not empty", dir.display()));
        }
    }
    let releases = synthetic::releases(periods, shape);
    synthetic::bantin::write_site(&out, &releases);
    println!("bantin site: {} ({periods} releases)", out.display());
    if let Some(h) = hugo {
        synthetic::hugo::write_site(&h, &releases);
        println!("Hugo site:   {}", h.display());
    }
}

fn usage(problem: &str) -> ! {
    eprintln!("gen_site: {problem}\nusage: gen_site --periods N --out DIR [--hugo DIR] [--light]");
    std::process::exit(2)
}
