//! Integration tests: real sites built by the real binary in temp folders,
//! the output parsed with an HTML parser. One test binary, a module per
//! capability.

mod common;

mod a11y;

mod bilingual;
mod browser;
mod calendar;
mod charts;
mod check;
mod errors;
mod hostile;
mod import;
mod incremental;
mod journeys;
mod lighthouse;
mod nginx;
mod opendata;
mod output;
mod pdf;
mod props;
mod publish;
mod revisions;
mod sample;
mod sample_site;
mod scaffold;
mod search;
mod serve;
mod snapshots;
mod spreadsheets;
mod structure;
mod valid;
mod workbook;
