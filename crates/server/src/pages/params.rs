//! Query parameters of the pages, bounded and checked: each value at most [`MAX_PARAM_CHARS`]
//! characters, a page number at most [`MAX_PAGE_NUMBER`], dates `YYYY-MM-DD`. A value that
//! breaks a bound is a 400 with the reason; an empty value is no value.

use crate::{ApiError, PageError};

/// Longest value of one query parameter, in characters.
pub const MAX_PARAM_CHARS: usize = 500;

/// Highest page number of a list.
pub const MAX_PAGE_NUMBER: usize = 10_000;

/// The query parameters of a request, as given (first value of each name wins).
#[derive(Debug, Default, Clone)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Wraps the decoded pairs of a query string.
    pub fn new(pairs: Vec<(String, String)>) -> Params {
        Params(pairs)
    }

    /// The trimmed value of `name`; `None` when absent or empty; 400 when too long.
    pub fn text(&self, name: &str) -> Result<Option<String>, PageError> {
        let Some((_, value)) = self.0.iter().find(|(k, _)| k == name) else { return Ok(None) };
        let value = value.trim();
        if value.chars().count() > MAX_PARAM_CHARS {
            return Err(bad(format!("the parameter {name} is longer than {MAX_PARAM_CHARS} characters")));
        }
        Ok((!value.is_empty()).then(|| value.to_string()))
    }

    /// The date `name` (`YYYY-MM-DD`); 400 when it is not one.
    pub fn date(&self, name: &str) -> Result<Option<String>, PageError> {
        let Some(value) = self.text(name)? else { return Ok(None) };
        if !is_date(&value) {
            return Err(bad(format!("the parameter {name} must be a date written YYYY-MM-DD, not {value:?}")));
        }
        Ok(Some(value))
    }

    /// The page number (`page`, from 1); 400 when not a number from 1 to [`MAX_PAGE_NUMBER`].
    pub fn page(&self) -> Result<usize, PageError> {
        let Some(value) = self.text("page")? else { return Ok(1) };
        match value.parse::<usize>() {
            Ok(n) if (1..=MAX_PAGE_NUMBER).contains(&n) => Ok(n),
            _ => Err(bad(format!("the parameter page must be a number from 1 to {MAX_PAGE_NUMBER}, not {value:?}"))),
        }
    }
}

/// True for `YYYY-MM-DD` with a month 01–12 and a day 01–31.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| s.get(r).filter(|p| p.bytes().all(|c| c.is_ascii_digit()));
    let (Some(_), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else { return false };
    let (m, d) = (m.parse::<u32>().unwrap_or(0), d.parse::<u32>().unwrap_or(0));
    (1..=12).contains(&m) && (1..=31).contains(&d)
}

/// A query string of `pairs` (empty values left out), `?` included when not empty.
pub fn query_string(pairs: &[(&str, Option<&str>)]) -> String {
    let parts: Vec<String> = pairs
        .iter()
        .filter_map(|(k, v)| v.filter(|v| !v.is_empty()).map(|v| format!("{k}={}", super::url_encode(v))))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

fn bad(message: String) -> PageError {
    PageError(ApiError::bad_request(message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(pairs: &[(&str, &str)]) -> Params {
        Params::new(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn dates_must_look_like_dates() {
        assert!(is_date("2025-02-18"));
        assert!(!is_date("2025-2-18"));
        assert!(!is_date("2025-13-01"));
        assert!(!is_date("yesterday"));
        assert!(!is_date("2025-02-1é"));
        assert!(params(&[("since", "2025-02-18")]).date("since").is_ok());
        assert!(params(&[("since", "last week")]).date("since").is_err());
        assert_eq!(params(&[("since", "  ")]).date("since").ok(), Some(None));
    }

    #[test]
    fn values_and_pages_are_bounded() {
        assert!(params(&[("q", &"x".repeat(501))]).text("q").is_err());
        assert!(params(&[("q", &"x".repeat(500))]).text("q").is_ok());
        assert_eq!(params(&[]).page().ok(), Some(1));
        assert_eq!(params(&[("page", "3")]).page().ok(), Some(3));
        assert!(params(&[("page", "0")]).page().is_err());
        assert!(params(&[("page", "10001")]).page().is_err());
        assert!(params(&[("page", "-1")]).page().is_err());
    }

    #[test]
    fn query_strings_leave_out_empty_values() {
        assert_eq!(query_string(&[("a", Some("x y")), ("b", None), ("c", Some(""))]), "?a=x%20y");
        assert_eq!(query_string(&[("b", None)]), "");
    }
}
