//! Citizens' reports: what a report needs besides being a feature — its reference, easy
//! to say on the phone, and the reporter's contact, which is personal data and kept apart
//! from the feature (never in its history, the API or the tiles).

use super::FieldError;

/// How a reporter may be reached; `None` fields were not given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportContact {
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Language of the messages sent to them.
    pub lang: String,
    /// Secret of the unsubscribe link.
    pub token: String,
}

pub const MAX_REPORT_DESCRIPTION_CHARS: usize = 2_000;
pub const MAX_PLACE_CHARS: usize = 300;

/// `SOI-2026-00042`: the commune's prefix, the year, a number counted per commune and year.
pub fn reference(prefix: &str, year: i32, number: i64) -> String {
    format!("{prefix}-{year}-{number:05}")
}

/// Whether `r` is a reference of the commune whose prefix is `prefix`, as balise writes
/// them: `PREFIX-YYYY-NNNNN`.
pub fn is_reference_of(r: &str, prefix: &str) -> bool {
    let Some((year, number)) = r
        .strip_prefix(prefix)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| rest.split_once('-'))
    else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && (1..=6).contains(&number.len())
        && number.bytes().all(|b| b.is_ascii_digit())
}

/// Attributes balise sets and no change may: a report's reference (how citizens, agents
/// and e-mails name it) and the day it was closed (`model::triage::stamp_end`).
pub const SYSTEM_ATTRIBUTES: [&str; 2] = ["reference", "clos_le"];

/// Carries balise's attributes through a change: one left out is kept as it was, one
/// sent with another value is refused, naming it.
pub fn keep_system_attributes(
    current: &serde_json::Map<String, serde_json::Value>,
    next: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), FieldError> {
    for key in SYSTEM_ATTRIBUTES {
        match (current.get(key), next.get(key)) {
            (now, Some(sent)) if now != Some(sent) => {
                return Err(FieldError::new(
                    format!("/properties/attributes/{key}"),
                    "read_only",
                    format!("`{key}` is set by balise and cannot be changed"),
                ));
            }
            (Some(now), None) => {
                next.insert(key.into(), now.clone());
            }
            _ => {}
        }
    }
    Ok(())
}

/// Reads a reference as people type it: any case, spaces around, spaces or dots for dashes.
pub fn parse_reference(s: &str) -> Option<String> {
    let cleaned: String = s
        .trim()
        .to_uppercase()
        .chars()
        .map(|c| {
            if c == ' ' || c == '.' || c == '_' {
                '-'
            } else {
                c
            }
        })
        .collect();
    let mut parts = cleaned.split('-').filter(|p| !p.is_empty());
    let (prefix, year, number) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(2..=5).contains(&prefix.len())
        || !prefix.chars().all(|c| c.is_ascii_alphabetic())
        || year.len() != 4
        || !year.chars().all(|c| c.is_ascii_digit())
        || number.is_empty()
        || number.len() > 6
        || !number.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let n: i64 = number.parse().ok()?;
    Some(reference(prefix, year.parse().ok()?, n))
}

/// The ids listed under `key` of a report's attributes.
fn photo_ids<'a>(
    attributes: &'a serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Vec<&'a str> {
    attributes
        .get(key)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .collect()
}

/// A change of a report keeps to its own photos: `photos` (what the citizen sent, and
/// the repair photos balise adds, `added`) is balise's to set, and only photos of that
/// list can be made public (`photos_publiques`) — never another report's or a task's.
pub fn check_photos(
    current: &serde_json::Map<String, serde_json::Value>,
    next: &serde_json::Map<String, serde_json::Value>,
    added: &[String],
) -> Result<(), FieldError> {
    let mut allowed = photo_ids(current, "photos");
    allowed.extend(added.iter().map(String::as_str));
    let mut expected = allowed.clone();
    let mut got = photo_ids(next, "photos");
    expected.sort_unstable();
    got.sort_unstable();
    if got != expected {
        return Err(FieldError::new(
            "/properties/attributes/photos",
            "read_only",
            "a report's photos are the ones its reporter sent and the repair photos; they cannot be changed here",
        ));
    }
    if let Some(other) = photo_ids(next, "photos_publiques")
        .into_iter()
        .find(|p| !allowed.contains(p))
    {
        return Err(FieldError::new(
            "/properties/attributes/photos_publiques",
            "unknown_photo",
            format!("photo {other} is not one of this report's photos"),
        ));
    }
    Ok(())
}

/// A plausible e-mail address: something@domain.tld, no spaces, not too long.
pub fn check_email(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    let ok = s.len() <= 254
        && !s.contains(char::is_whitespace)
        && s.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
        });
    if ok {
        Ok(s.to_string())
    } else {
        Err(FieldError::new(
            "email",
            "invalid_email",
            "not an e-mail address",
        ))
    }
}

/// A Belgian or international phone number: digits, spaces, dots, slashes, a leading +.
pub fn check_phone(s: &str) -> Result<String, FieldError> {
    let s = s.trim();
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    let ok = (9..=15).contains(&digits)
        && s.chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || " ./-()".contains(c) || (c == '+' && i == 0));
    if ok {
        Ok(s.to_string())
    } else {
        Err(FieldError::new(
            "phone",
            "invalid_phone",
            "not a phone number",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_read_as_typed() {
        assert_eq!(reference("SOI", 2026, 42), "SOI-2026-00042");
        for typed in [
            "SOI-2026-00042",
            " soi 2026 00042 ",
            "soi-2026-42",
            "SOI.2026.00042",
        ] {
            assert_eq!(
                parse_reference(typed).as_deref(),
                Some("SOI-2026-00042"),
                "{typed}"
            );
        }
        for bad in [
            "",
            "SOI",
            "SOI-26-1",
            "S-2026-1",
            "SOI-2026-",
            "SOI-2026-1-2",
            "SOI-2026-12x",
        ] {
            assert_eq!(parse_reference(bad), None, "{bad}");
        }
    }

    #[test]
    fn contacts_are_checked() {
        assert!(check_email("marie.dupont@example.be").is_ok());
        for bad in [
            "marie",
            "marie@",
            "@example.be",
            "marie@example",
            "ma rie@example.be",
        ] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
        assert!(check_phone("067 12 34 56").is_ok());
        assert!(check_phone("+32 470 12 34 56").is_ok());
        for bad in ["12", "067-ABC", "32+470123456"] {
            assert!(check_phone(bad).is_err(), "{bad}");
        }
    }
}
