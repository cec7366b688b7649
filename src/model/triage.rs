//! Report triage: which service a new report goes to (ordered routing rules, as
//! Signalen does), when it must be answered (working days per category), and the
//! statuses a report may move between — with the distinct ends FixMyStreet keeps apart
//! (resolved is not "not ours", nor "already reported"), each end that is not a repair
//! saying why, and reopening with a reason.

use chrono::NaiveDate;
use geo::{Contains, Geometry, Point};
use serde::Serialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use super::FieldError;
use super::calendar::Calendar;

/// A service of a commune (Travaux, Voirie, Propreté…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub id: Uuid,
    pub commune: String,
    pub name: String,
    /// The people in it (user ids).
    pub members: Vec<Uuid>,
    /// Moves by one at each rename (optimistic concurrency).
    pub version: i64,
}

/// One routing rule: reports of `category` (any when `None`) within `area` (anywhere
/// when `None`) go to `service`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: Uuid,
    pub commune: String,
    pub position: i64,
    pub category: Option<String>,
    pub area: Option<Geometry<f64>>,
    pub service: Uuid,
}

impl Rule {
    pub fn matches(&self, category: &str, place: Point<f64>) -> bool {
        self.category.as_deref().is_none_or(|c| c == category)
            && self.area.as_ref().is_none_or(|a| a.contains(&place))
    }
}

/// The first rule, in order, that takes a report of `category` at `place`.
pub fn route<'r>(rules: &'r [Rule], category: &str, place: Point<f64>) -> Option<&'r Rule> {
    let mut ordered: Vec<&Rule> = rules.iter().collect();
    ordered.sort_by_key(|r| (r.position, r.id));
    ordered.into_iter().find(|r| r.matches(category, place))
}

/// When a report received on `received` must be answered, `days` working days later.
pub fn due(calendar: &Calendar, received: NaiveDate, days: u32) -> NaiveDate {
    calendar.add_working_days(received, days)
}

/// The attribute that must say why a report ends (or reopens) this way.
pub fn reason_needed(to: &str) -> Option<&'static str> {
    match to {
        // forwarded to whom
        "not_competent" => Some("transmis_a"),
        // the reference of the report kept
        "duplicate" => Some("doublon_de"),
        // why it was closed without a repair
        "closed" => Some("motif"),
        _ => None,
    }
}

const OPEN: [&str; 4] = ["new", "acknowledged", "planned", "in_progress"];
const ENDS: [&str; 5] = [
    "resolved",
    "not_competent",
    "duplicate",
    "not_reproducible",
    "closed",
];

/// Whether a report may go from `from` to `to`: forward or back between the open
/// statuses (except back to "new"), from any open status to an end, and from an end
/// only back to "acknowledged" (reopening, with a reason in `motif_reouverture`).
pub fn allowed(from: &str, to: &str) -> bool {
    if from == to {
        return true;
    }
    match (
        OPEN.contains(&from),
        OPEN.contains(&to) || ENDS.contains(&to),
    ) {
        (_, false) => false,
        (true, true) => to != "new",
        (false, true) => to == "acknowledged",
    }
}

/// Whether a report's status is one of its ends.
pub fn is_end(status: &str) -> bool {
    ENDS.contains(&status)
}

/// Records when a report reached its end (`clos_le`, for the time to resolve), and
/// forgets it when the report is reopened.
pub fn stamp_end(
    from: &str,
    to: &str,
    attributes: &mut Map<String, Value>,
    now: chrono::DateTime<chrono::Utc>,
) {
    if is_end(to) && !is_end(from) {
        attributes.insert(
            "clos_le".into(),
            Value::String(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        );
    } else if !is_end(to) {
        attributes.remove("clos_le");
    }
}

/// Checks a report's change of status against the machine and the reasons it needs.
pub fn check_transition(
    from: &str,
    to: &str,
    attributes: &Map<String, Value>,
) -> Result<(), FieldError> {
    if !allowed(from, to) {
        return Err(FieldError::new(
            "/properties/status",
            "transition_refused",
            format!("a report cannot go from `{from}` to `{to}`"),
        ));
    }
    let said = |k: &str| {
        attributes
            .get(k)
            .and_then(Value::as_str)
            .is_some_and(|s| !s.trim().is_empty())
    };
    if from != to
        && let Some(k) = reason_needed(to)
        && !said(k)
    {
        return Err(FieldError::new(
            format!("/properties/attributes/{k}"),
            "reason_required",
            format!("a report that becomes `{to}` needs `{k}`"),
        ));
    }
    if ENDS.contains(&from) && OPEN.contains(&to) && !said("motif_reouverture") {
        return Err(FieldError::new(
            "/properties/attributes/motif_reouverture",
            "reason_required",
            "reopening a report needs `motif_reouverture`",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn the_first_matching_rule_routes_the_report() {
        let voirie = Uuid::from_u128(1);
        let travaux = Uuid::from_u128(2);
        let centre = polygon![(x: 4.06, y: 50.57), (x: 4.08, y: 50.57), (x: 4.08, y: 50.59), (x: 4.06, y: 50.59)];
        let rules = vec![
            Rule {
                id: Uuid::from_u128(10),
                commune: "55040".into(),
                position: 2,
                category: None,
                area: None,
                service: travaux,
            },
            Rule {
                id: Uuid::from_u128(11),
                commune: "55040".into(),
                position: 1,
                category: Some("voirie".into()),
                area: Some(Geometry::Polygon(centre)),
                service: voirie,
            },
        ];
        let inside = Point::new(4.07, 50.58);
        let outside = Point::new(4.10, 50.60);
        assert_eq!(route(&rules, "voirie", inside).unwrap().service, voirie);
        assert_eq!(
            route(&rules, "voirie", outside).unwrap().service,
            travaux,
            "the area limits the first rule"
        );
        assert_eq!(route(&rules, "eclairage", inside).unwrap().service, travaux);
        assert!(route(&[], "voirie", inside).is_none());
    }

    #[test]
    fn every_transition_is_allowed_or_refused_with_its_reason() {
        let all: Vec<&str> = OPEN.iter().chain(ENDS.iter()).copied().collect();
        for from in &all {
            for to in &all {
                let expected = from == to
                    || (OPEN.contains(from) && *to != "new")
                    || (ENDS.contains(from) && *to == "acknowledged");
                assert_eq!(allowed(from, to), expected, "{from} → {to}");
            }
            assert!(!allowed(from, "planned_typo"));
        }
        let none = Map::new();
        assert!(check_transition("new", "resolved", &none).is_ok());
        let e = check_transition("new", "not_competent", &none).unwrap_err();
        assert_eq!(e.pointer, "/properties/attributes/transmis_a");
        let mut m = Map::new();
        m.insert("transmis_a".into(), Value::String("SPW Mobilité".into()));
        assert!(check_transition("acknowledged", "not_competent", &m).is_ok());
        assert_eq!(
            check_transition("resolved", "in_progress", &none)
                .unwrap_err()
                .code,
            "transition_refused"
        );
        assert_eq!(
            check_transition("resolved", "acknowledged", &none)
                .unwrap_err()
                .pointer,
            "/properties/attributes/motif_reouverture"
        );
        m.insert(
            "motif_reouverture".into(),
            Value::String("Le trou est revenu".into()),
        );
        assert!(check_transition("resolved", "acknowledged", &m).is_ok());
    }

    #[test]
    fn deadlines_count_working_days() {
        let cal = Calendar::default();
        // Friday 3 April 2026 + 2 working days: Easter Monday is off → Wednesday 8 April
        let d = NaiveDate::from_ymd_opt(2026, 4, 3).unwrap();
        assert_eq!(
            due(&cal, d, 2),
            NaiveDate::from_ymd_opt(2026, 4, 8).unwrap()
        );
    }
}
