//! `data/sdmx/all.csv`: every observation in SDMX-CSV 2.0, the comma
//! separated form of SDMX 3.0 data that statistical data portals (.Stat
//! Suite, Fusion Registry, the IMF's and Eurostat's tools) load.
//!
//! One row per observation: STRUCTURE (`dataflow`), STRUCTURE_ID
//! (`AGENCY:DATAFLOW(VERSION)` from `[sdmx]` in site.toml), ACTION (`I`:
//! information, as a dissemination file is), the dimensions INDICATOR,
//! TIME_PERIOD and FIELD, the measure OBS_VALUE, the attributes
//! OBS_STATUS (SDMX's code list: `E` estimate, `P` provisional, `A`
//! normal) and UNIT_MEASURE (`PC` for the percentages; a level's unit as
//! the catalogue writes it in English, the site's one code for it).
//! Figures are at their latest version, as in `all.csv`; breakdowns
//! are not observations of an indicator and stay in the CSV files.

use crate::dataset::{Field, Status};
use crate::period::{Period, Span};
use crate::site::Site;

use super::{csv_line, machine};

/// The columns, in order.
pub const COLUMNS: [&str; 9] = [
    "STRUCTURE",
    "STRUCTURE_ID",
    "ACTION",
    "INDICATOR",
    "TIME_PERIOD",
    "FIELD",
    "OBS_VALUE",
    "OBS_STATUS",
    "UNIT_MEASURE",
];

/// SDMX's time period of a period: `2021`, `2021-Q1`, `2022-S1`,
/// `2021-03`, and for January to September (no SDMX frequency) the time
/// range `2024-01-01/P9M`.
pub fn time_period(p: &Period) -> String {
    let y = p.year;
    match p.span {
        Span::Year => format!("{y:04}"),
        Span::Quarter(q) => format!("{y:04}-Q{q}"),
        Span::Cumulative(6) => format!("{y:04}-S1"),
        Span::Cumulative(n) => format!("{y:04}-01-01/P{n}M"),
        Span::Month(m) => format!("{y:04}-{m:02}"),
    }
}

/// SDMX's observation status (code list CL_OBS_STATUS).
pub fn obs_status(s: Status) -> &'static str {
    match s {
        Status::Estimate => "E",
        Status::Preliminary => "P",
        Status::Final => "A",
    }
}

/// The file's text (UTF-8, no byte-order mark: SDMX tools read plain
/// UTF-8; CRLF line ends as RFC 4180 has them).
pub fn all_csv(site: &Site) -> String {
    let mut out = String::new();
    let head: Vec<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    csv_line(&head, &mut out);
    let structure_id = site.config.sdmx.structure_id();
    for b in site.releases() {
        let mut ids: Vec<&str> = b
            .data()
            .indicators
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        ids.sort_by_key(|id| site.catalog.position(id));
        for id in ids {
            let (Some(ind), Some(fields)) = (site.catalog.get(id), site.latest_fields(b, id))
            else {
                continue;
            };
            for (field, x) in fields.present() {
                // A revision may give the figure a new status.
                let status = site
                    .vintages
                    .of_figure(b.period(), id, field)
                    .last()
                    .map_or(b.data().status, |v| v.status);
                let unit = match field {
                    Field::Value => ind.unit.get_or("en", &site.config.default_language),
                    _ => "PC",
                };
                let unit = if unit.trim() == "%" { "PC" } else { unit };
                let row = [
                    "dataflow".to_owned(),
                    structure_id.clone(),
                    "I".to_owned(),
                    id.to_owned(),
                    time_period(b.period()),
                    field.name().to_owned(),
                    machine(x),
                    obs_status(status).to_owned(),
                    unit.to_owned(),
                ];
                csv_line(&row, &mut out);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_in_sdmx_time() {
        let t = |s: &str| time_period(&Period::parse(s).unwrap());
        assert_eq!(t("2019"), "2019");
        assert_eq!(t("2021-Q1"), "2021-Q1");
        assert_eq!(t("2022-H1"), "2022-S1");
        assert_eq!(t("2024-9M"), "2024-01-01/P9M");
        assert_eq!(t("2021-03"), "2021-03");
    }
}
