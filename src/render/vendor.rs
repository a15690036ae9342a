//! Third-party files every site ships: the ECharts runtime, from the npm
//! package pinned in package-lock.json (see build.rs), and its licence
//! notices. The folder carries the version, so browsers may cache the
//! file for good and a new version is a new address.

pub const ECHARTS_VERSION: &str = include_str!(concat!(env!("OUT_DIR"), "/echarts-version.txt"));
const ECHARTS_JS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/echarts.min.js"));
const ECHARTS_LICENSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/echarts-LICENSE.txt"));

/// The runtime's name under `static/`.
pub fn echarts_name() -> String {
    format!("vendor/echarts-{ECHARTS_VERSION}/echarts.min.js")
}

/// The vendored files, by name under `static/`.
pub fn files() -> [(String, &'static [u8]); 2] {
    let dir = format!("vendor/echarts-{ECHARTS_VERSION}");
    [
        (format!("{dir}/echarts.min.js"), ECHARTS_JS),
        (format!("{dir}/LICENSE.txt"), ECHARTS_LICENSE),
    ]
}
