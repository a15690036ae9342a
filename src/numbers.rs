//! Numbers as a language writes them, through ICU4X: `5.718,5` in
//! Vietnamese, `5,718.5` in English, thousands always grouped. The one
//! number format of bantin: pages (through `locale.rs`) and the tool's
//! messages (`messages/`) both write figures with it.

use icu_decimal::input::{Decimal, SignDisplay};
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_decimal::{DecimalFormatter, DecimalFormatterPreferences};
use icu_locale_core::Locale as IcuLocale;

pub struct Numbers {
    formatter: DecimalFormatter,
}

impl Numbers {
    pub fn new(lang: &str) -> Result<Numbers, String> {
        let icu: IcuLocale = lang
            .parse()
            .map_err(|e| format!("`{lang}` is not a locale: {e}"))?;
        let mut options = DecimalFormatterOptions::default();
        // Statistical tables group every thousand, 7.551 as well as 135.338.
        options.grouping_strategy = Some(GroupingStrategy::Always);
        let formatter = DecimalFormatter::try_new(DecimalFormatterPreferences::from(&icu), options)
            .map_err(|e| format!("no number format for `{lang}`: {e}"))?;
        Ok(Numbers { formatter })
    }

    fn decimal(x: f64, decimals: Option<u8>) -> Decimal {
        // Shortest round-trip text keeps the precision the editor wrote
        // (25.15 stays 25,15; 16.9 stays 16,9); a catalogue `decimals`
        // fixes it (5718.5 with 1 decimal, 37128 as 37.128,0).
        let x = if x == 0.0 { 0.0 } else { x };
        let text = match decimals {
            Some(d) => format!("{:.*}", usize::from(d), x),
            None => format!("{x}"),
        };
        text.parse().unwrap_or_else(|_| Decimal::from(0))
    }

    /// `5.718,5` / `5,718.5`.
    pub fn number(&self, x: f64, decimals: Option<u8>) -> String {
        self.formatter
            .format(&Self::decimal(x, decimals))
            .to_string()
    }

    /// `+25,15` / `-51,76`: a change in a table cell.
    pub fn signed(&self, x: f64, decimals: Option<u8>) -> String {
        let mut d = Self::decimal(x, decimals);
        d.apply_sign_display(SignDisplay::ExceptZero);
        self.formatter.format(&d).to_string()
    }
}
