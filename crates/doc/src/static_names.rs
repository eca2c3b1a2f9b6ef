//! Reading back the two fields that hold a name from a fixed vocabulary as `&'static str`
//! ([`TimeExpr::kind`], [`Removed::reason`]): a stored document (the archive's analysis)
//! deserialises them onto the same static names, and a name outside the vocabulary becomes
//! `"other"` rather than failing the whole document.

use serde::{Deserialize, Deserializer};

use crate::{Removed, Span, TimeExpr};

/// TimeML types of a temporal expression.
const TIME_KINDS: &[&str] = &["date", "time", "duration", "set"];

/// Why cleaning removed text (`parallax-ingest`'s `clean.rs`).
const REMOVAL_REASONS: &[&str] = &["caption", "teaser", "footer", "truncated", "boilerplate", "metadata"];

fn one_of(names: &'static [&'static str], name: &str) -> &'static str {
    names.iter().copied().find(|n| *n == name).unwrap_or("other")
}

/// A [`TimeExpr`] as stored, its kind owned.
#[derive(Deserialize)]
#[serde(rename = "TimeExpr")]
struct StoredTimeExpr {
    span: Span,
    value: String,
    kind: String,
}

impl From<StoredTimeExpr> for TimeExpr {
    fn from(t: StoredTimeExpr) -> TimeExpr {
        TimeExpr { span: t.span, value: t.value, kind: one_of(TIME_KINDS, &t.kind) }
    }
}

/// A [`Removed`] as stored, its reason owned.
#[derive(Deserialize)]
#[serde(rename = "Removed")]
struct StoredRemoved {
    reason: String,
    text: String,
}

impl From<StoredRemoved> for Removed {
    fn from(r: StoredRemoved) -> Removed {
        Removed { reason: one_of(REMOVAL_REASONS, &r.reason), text: r.text }
    }
}

impl<'de> Deserialize<'de> for TimeExpr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TimeExpr, D::Error> {
        StoredTimeExpr::deserialize(deserializer).map(TimeExpr::from)
    }
}

impl<'de> Deserialize<'de> for Removed {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Removed, D::Error> {
        StoredRemoved::deserialize(deserializer).map(Removed::from)
    }
}
