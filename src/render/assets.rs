//! The site's own styles and scripts: their files in the output, and
//! their addresses in pages, fingerprinted so a new version is never
//! hidden by a cache.

use super::theme::Theme;
use super::vendor;
use crate::address::{Addresses, File};
use crate::output::OutputFile;

/// The theme's static files (the site's `static/` over them) and the
/// vendored ones.
pub(super) fn static_files(theme: &Theme, addr: &Addresses) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = theme
        .assets
        .iter()
        .map(|(name, bytes)| OutputFile {
            path: addr.file_output(File::Static(name)),
            bytes: bytes.clone(),
        })
        .collect();
    for (name, bytes) in vendor::files() {
        files.push(OutputFile {
            path: addr.file_output(File::Static(&name)),
            bytes: bytes.to_vec(),
        });
    }
    files
}

fn short_hash(bytes: &[u8]) -> String {
    // FNV-1a: a stable fingerprint for cache-busting, not security.
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{:08x}", h as u32)
}

/// Addresses of the site's own scripts and styles, with a fingerprint of
/// their content.
pub(super) struct AssetUrls {
    pub css: String,
    pub charts_js: String,
    /// The charts' runtime: its folder carries its version, so it needs
    /// no fingerprint.
    pub echarts_js: String,
    pub search_js: String,
    pub favicon: String,
}

impl AssetUrls {
    pub fn new(theme: &Theme, addr: &Addresses) -> AssetUrls {
        let versioned = |name: &str| {
            let v = theme
                .assets
                .get(name)
                .map(|b| short_hash(b))
                .unwrap_or_default();
            format!("{}?v={v}", addr.file_href(File::Static(name)))
        };
        AssetUrls {
            css: versioned("style.css"),
            charts_js: versioned("charts.js"),
            echarts_js: addr.file_href(File::Static(&vendor::echarts_name())),
            search_js: versioned("search.js"),
            favicon: versioned("favicon.svg"),
        }
    }
}
