//! Writes a workbook laid out as the Hai Phong department's quarterly
//! report, with Q1 2021's figures: `workbooks/2021-q1.xlsx`, the
//! README's example of `bantin import`. The import tests build the same
//! workbook (tests/it/workbook.rs), and variants of it.
//!
//! cargo run --example department_workbook -- workbooks/2021-q1.xlsx

#[path = "../tests/it/workbook.rs"]
mod workbook;

fn main() {
    let out = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "workbooks/2021-q1.xlsx".to_owned());
    if let Err(e) = workbook::write(std::path::Path::new(&out), &workbook::Layout::default()) {
        eprintln!("cannot write {out}: {e}");
        std::process::exit(1);
    }
    println!("wrote {out}");
}
