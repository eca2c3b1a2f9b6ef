//! Numbers in time expressions: years, days of the month, counts, and durations of a count of
//! units as TimeML values (`P3D`, `PT20M`).

use super::calendar::Value;
use super::lexicon::Unit;

/// A year written with four digits.
pub(super) fn parse_year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// A day of the month, `1`–`31`, with or without an ordinal suffix ("3rd").
pub(super) fn parse_day(s: &str) -> Option<u32> {
    let digits = s
        .strip_suffix("st")
        .or_else(|| s.strip_suffix("nd"))
        .or_else(|| s.strip_suffix("rd"))
        .or_else(|| s.strip_suffix("th"))
        .unwrap_or(s);
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// A plain count: "3", "2,225", "1.5" (kept as written, without separators).
pub(super) fn parse_count(s: &str) -> Option<String> {
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
        || !s.as_bytes().first().is_some_and(u8::is_ascii_digit)
    {
        return None;
    }
    let v: String = s.chars().filter(|&c| c != ',').collect();
    let v = v.trim_end_matches('.').to_string();
    (!v.is_empty() && v.len() <= 7).then_some(v)
}

/// The TimeML duration of `n` units (`P3D`, `PT20M`; `n` is `X` when the count is vague).
pub(super) fn duration(n: &str, unit: Unit) -> Value {
    if let Some(v) = fractional(n, unit) {
        return Value::Duration(v);
    }
    let v = match unit {
        Unit::Second => format!("PT{n}S"),
        Unit::Minute => format!("PT{n}M"),
        Unit::Hour => format!("PT{n}H"),
        Unit::Day => format!("P{n}D"),
        Unit::Week => format!("P{n}W"),
        Unit::Fortnight => match n.parse::<u32>() {
            Ok(k) => format!("P{}W", 2 * k),
            Err(_) => "PXW".to_string(),
        },
        Unit::Month => format!("P{n}M"),
        Unit::Quarter => format!("P{n}Q"),
        Unit::Year => format!("P{n}Y"),
        // decades and centuries in years, as TimeML corpora write them ("P10Y"); an unknown
        // count in TimeBank's one-letter units ("centuries": `PXC`, "decades": `PXE`)
        Unit::Decade => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 10 * k),
            Err(_) => "PXE".to_string(),
        },
        Unit::Century => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 100 * k),
            Err(_) => "PXC".to_string(),
        },
    };
    Value::Duration(v)
}

/// A fractional count written in whole units and the next smaller unit, as TimeML corpora
/// write it: "2.5 years" `P2Y6M`, "1.5 minutes" `PT1M30S`, "1.5 days" `P1DT12H`. `None` when
/// `n` is whole, vague, or its fraction is no whole number of the smaller unit.
fn fractional(n: &str, unit: Unit) -> Option<String> {
    let (whole, frac) = n.split_once('.')?;
    let whole: u64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
    let f: f64 = format!("0.{frac}").parse().ok()?;
    let per = match unit {
        Unit::Year => 12.0,
        Unit::Day => 24.0,
        Unit::Hour | Unit::Minute => 60.0,
        Unit::Week => 7.0,
        _ => return None,
    };
    let parts = f * per;
    if parts <= 0.0 || (parts - parts.round()).abs() > 1e-6 {
        return None;
    }
    let k = parts.round() as u64;
    let w = |s: &str| if whole == 0 { String::new() } else { format!("{whole}{s}") };
    let v = match unit {
        Unit::Year => format!("P{}{k}M", w("Y")),
        Unit::Week => format!("P{}{k}D", w("W")),
        Unit::Day => format!("P{}T{k}H", w("D")),
        Unit::Hour => format!("PT{}{k}M", w("H")),
        _ => format!("PT{}{k}S", w("M")),
    };
    Some(v)
}
