//! bantin turns a statistics office's data files and narratives into a
//! bilingual static site. The pipeline runs one way:
//!
//! 1. **load**: `site.toml`, the indicator catalogue, each release's
//!    `data.yaml` and narratives, free pages ([`site::Site::load`]);
//! 2. **check**: every call names figures that exist ([`check::check`]);
//! 3. **render**: pages per language through the theme ([`render`]);
//! 4. **write**: into a staging folder, swapped in whole ([`output`]).

pub mod catalog;
pub mod check;
pub mod config;
pub mod dataset;
pub mod diagnostic;
pub mod fs;
pub mod locale;
pub mod narrative;
pub mod period;
pub mod site;
pub mod yaml;
