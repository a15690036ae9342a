//! Brings the ECharts runtime into the binary, and finds Pagefind.
//!
//! Sites built by bantin draw their charts with Apache ECharts, served from
//! the site itself: no CDN, no request to any other host. The runtime comes
//! from the npm package pinned in `package.json` and `package-lock.json`;
//! when `node_modules/` lacks it (a fresh clone) this script runs `npm ci`.
//! The files are copied to OUT_DIR and embedded with `include_bytes!` by
//! `src/render/vendor.rs`, with their licence notices.
//!
//! Site search is indexed by Pagefind, a program the same `npm ci`
//! installs for this platform. Its path is compiled in as
//! `BANTIN_PAGEFIND_BUILT` (empty when npm has no build for the platform);
//! `src/search.rs` runs it, or another one named at run time.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The build of ECharts the charts need: bar and line charts, grid,
/// tooltip, legend, aria and the SVG renderer, at two thirds of the full
/// build's size.
const RUNTIME: &str = "dist/echarts.common.min.js";
/// ECharts' own Vietnamese strings (toolbox, aria defaults).
const LOCALE_VI: &str = "i18n/langVI.js";

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    println!("cargo::rerun-if-changed=package.json");
    println!("cargo::rerun-if-changed=package-lock.json");
    println!("cargo::rerun-if-changed=node_modules/echarts/package.json");
    println!("cargo::rerun-if-changed=node_modules/pagefind/package.json");
    println!("cargo::rerun-if-changed=node_modules/axe-core/package.json");

    // axe-core is for the accessibility tests only; it is checked here so
    // that a checkout updated to a lock file naming it gets it too.
    let packages = ["echarts", "pagefind", "axe-core"];
    let stale = |p: &str| {
        installed_version(&root.join("node_modules").join(p)) != Some(pinned_version(&root, p))
    };
    if packages.iter().any(|p| stale(p)) {
        npm_ci(&root);
    }
    if let Some(p) = packages.iter().find(|p| stale(p)) {
        fail(&format!(
            "`npm ci` finished but node_modules/{p} is {:?}, not the pinned {}",
            installed_version(&root.join("node_modules").join(p)),
            pinned_version(&root, p)
        ));
    }
    let pinned = pinned_version(&root, "echarts");
    let echarts = root.join("node_modules/echarts");

    // One file: the runtime, then its Vietnamese locale, which registers
    // itself with the `echarts` global the runtime has just defined.
    let mut js = read(&echarts.join(RUNTIME));
    js.extend_from_slice(b"\n");
    js.extend_from_slice(&read(&echarts.join(LOCALE_VI)));
    write(&out.join("echarts.min.js"), &js);

    // The notices the Apache licence asks us to pass on, and those of the
    // code ECharts bundles (zrender, and parts of d3).
    let mut notice = Vec::new();
    for (title, path) in [
        ("Apache ECharts: LICENSE", echarts.join("LICENSE")),
        ("Apache ECharts: NOTICE", echarts.join("NOTICE")),
        (
            "Apache ECharts: licenses/LICENSE-d3",
            echarts.join("licenses/LICENSE-d3"),
        ),
        (
            "ZRender (bundled in ECharts): LICENSE",
            root.join("node_modules/zrender/LICENSE"),
        ),
    ] {
        notice.extend_from_slice(format!("==== {title} ====\n\n").as_bytes());
        notice.extend_from_slice(&read(&path));
        notice.extend_from_slice(b"\n\n");
    }
    write(&out.join("echarts-LICENSE.txt"), &notice);
    write(&out.join("echarts-version.txt"), pinned.as_bytes());

    pagefind(&root, &out);
}

/// Where npm put Pagefind's program for the target platform, and its
/// licence for the sites that carry its script.
fn pagefind(root: &Path, out: &Path) {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    // npm's names for platforms, as in @pagefind/<platform>-<cpu>.
    let platform = match os.as_str() {
        "macos" => "darwin",
        other => other,
    };
    let cpu = match arch.as_str() {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        other => other,
    };
    let exe = if os == "windows" { ".exe" } else { "" };
    let program = root.join(format!(
        "node_modules/@pagefind/{platform}-{cpu}/bin/pagefind_extended{exe}"
    ));
    let built = if program.is_file() {
        program.display().to_string()
    } else {
        println!(
            "cargo::warning=npm has no Pagefind for {platform}-{cpu}: site search will need BANTIN_PAGEFIND"
        );
        String::new()
    };
    println!("cargo::rustc-env=BANTIN_PAGEFIND_BUILT={built}");
    write(
        &out.join("pagefind-LICENSE.txt"),
        &read(&root.join("node_modules/pagefind/LICENSE/LICENSE")),
    );
    write(
        &out.join("pagefind-version.txt"),
        pinned_version(root, "pagefind").as_bytes(),
    );
}

/// The version of `package` that package-lock.json pins.
fn pinned_version(root: &Path, package: &str) -> String {
    let lock: serde_json::Value = serde_json::from_slice(&read(&root.join("package-lock.json")))
        .unwrap_or_else(|e| fail(&format!("package-lock.json is not valid JSON: {e}")));
    lock["packages"][format!("node_modules/{package}")]["version"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| fail(&format!("package-lock.json does not pin {package}")))
}

/// The version of the package installed in `dir`, if it is complete.
fn installed_version(dir: &Path) -> Option<String> {
    let text = std::fs::read(dir.join("package.json")).ok()?;
    let json: serde_json::Value = serde_json::from_slice(&text).ok()?;
    let version = json["version"].as_str()?.to_owned();
    let complete = match dir.file_name()?.to_str()? {
        "echarts" => dir.join(RUNTIME).is_file(),
        _ => true,
    };
    complete.then_some(version)
}

fn npm_ci(root: &Path) {
    // Scripts are off: neither package needs one (Pagefind's program
    // comes as an optional dependency for the platform, not from a
    // script), and a build should not run code from the registry.
    let status = Command::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--loglevel=error",
        ])
        .current_dir(root)
        .status();
    match status {
        Ok(s) if s.success() => {}
        Ok(s) => fail(&format!("`npm ci` failed ({s})")),
        Err(e) => fail(&format!("cannot run npm ({e})")),
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| fail(&format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, bytes: &[u8]) {
    std::fs::write(path, bytes)
        .unwrap_or_else(|e| fail(&format!("cannot write {}: {e}", path.display())))
}

fn fail(message: &str) -> ! {
    panic!(
        "\n\nbantin embeds the ECharts runtime and runs Pagefind, both from npm: {message}.\n\
         Install Node.js with npm (https://nodejs.org/, or `apt-get install npm`),\n\
         then run `npm ci` in {} and build again.\n",
        std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()
    )
}
