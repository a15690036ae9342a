//! One thin file per subcommand: flags in, library calls, a report out.

pub mod build;
pub mod check;
pub mod import;
pub mod init;
pub mod new;
pub mod serve;
