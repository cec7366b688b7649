//! Conflicts: two features that occupy the same public space at the same time, for kinds
//! that clash (works on the street of a market, two works on one street, a diversion
//! sent through works). As in GIPOD, two features conflict when their geometries, the
//! one widened by a buffer, meet and their periods overlap; every commune involved
//! records an assessment that falls back to "to re-assess" when either feature changes.
//!
//! Only the rules live here; the search for candidates is the index's (`App::conflicts`).

use geo::{Distance, Euclidean, Geometry};
use serde::{Deserialize, Serialize};

use super::Kind;
use super::geometry::LocalFrame;
use super::schedule::Interval;

/// The kinds that clash unless a commune says otherwise.
pub const DEFAULT_PAIRS: [[Kind; 2]; 8] = [
    [Kind::Works, Kind::Works],
    [Kind::Works, Kind::Event],
    [Kind::Works, Kind::Occupation],
    [Kind::Works, Kind::Diversion],
    [Kind::ParkingBan, Kind::Event],
    [Kind::Event, Kind::Event],
    [Kind::Event, Kind::Occupation],
    [Kind::Diversion, Kind::Event],
];

/// Statuses of features that no longer occupy anything.
pub const ENDED: [&str; 2] = ["completed", "cancelled"];

/// Whether features of kinds `a` and `b` clash under these pairs.
pub fn clashes(pairs: &[[Kind; 2]], a: Kind, b: Kind) -> bool {
    pairs
        .iter()
        .any(|[x, y]| (*x == a && *y == b) || (*x == b && *y == a))
}

/// The first period both schedules occupy, if any (both lists sorted and merged, as
/// `Schedule::expand` gives them).
pub fn first_overlap(a: &[Interval], b: &[Interval]) -> Option<Interval> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let start = a[i].start.max(b[j].start);
        let end = a[i].end.min(b[j].end);
        if start < end {
            return Some(Interval { start, end });
        }
        if a[i].end <= b[j].end {
            i += 1;
        } else {
            j += 1;
        }
    }
    None
}

/// The distance in metres between two geometries, measured in a local frame around the
/// first (communes are small enough for it to be exact to a few centimetres).
pub fn distance_m(a: &Geometry<f64>, b: &Geometry<f64>) -> Option<f64> {
    let origin = geo::BoundingRect::bounding_rect(a)?.center();
    let frame = LocalFrame::new(origin);
    let (pa, pb): (Geometry<f64>, Geometry<f64>) = (frame.project(a), frame.project(b));
    Some(Euclidean.distance(&pa, &pb))
}

/// One side of a possible conflict.
pub struct Side<'a> {
    pub kind: Kind,
    pub status: &'a str,
    pub geometry: &'a Geometry<f64>,
    pub intervals: &'a [Interval],
}

/// Where and when two features clash.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Clash {
    /// The first period both occupy.
    pub overlap: Interval,
    /// How far apart the geometries are, in metres (0 when they touch or cross).
    pub distance_m: f64,
}

/// Whether `a` and `b` conflict: kinds that clash under `pairs`, neither ended, within
/// `buffer_m` metres of each other, at the same time.
pub fn clash(pairs: &[[Kind; 2]], buffer_m: f64, a: &Side, b: &Side) -> Option<Clash> {
    if !clashes(pairs, a.kind, b.kind) || ENDED.contains(&a.status) || ENDED.contains(&b.status) {
        return None;
    }
    let overlap = first_overlap(a.intervals, b.intervals)?;
    let distance_m = distance_m(a.geometry, b.geometry)?;
    (distance_m <= buffer_m).then_some(Clash {
        overlap,
        distance_m,
    })
}

/// What a commune said of a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The two may go ahead together (as planned, or with arrangements in the note).
    Accepted,
    /// One of them must move: the note says which and why.
    Refused,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::Refused => "refused",
        }
    }
    pub fn parse(s: &str) -> Option<Verdict> {
        match s {
            "accepted" => Some(Verdict::Accepted),
            "refused" => Some(Verdict::Refused),
            _ => None,
        }
    }
}

/// Where a commune stands on a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Assessment {
    /// Nobody of the commune has assessed it yet.
    ToAssess,
    Accepted,
    Refused,
    /// It was assessed, then one of the features changed.
    ToReassess,
}

impl Assessment {
    /// The state of a commune's latest verdict, made when the features had the versions
    /// `made_at`, now that they have `now`.
    pub fn of(latest: Option<(Verdict, (i64, i64))>, now: (i64, i64)) -> Assessment {
        match latest {
            None => Assessment::ToAssess,
            Some((_, made_at)) if made_at != now => Assessment::ToReassess,
            Some((Verdict::Accepted, _)) => Assessment::Accepted,
            Some((Verdict::Refused, _)) => Assessment::Refused,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Assessment::ToAssess => "to_assess",
            Assessment::Accepted => "accepted",
            Assessment::Refused => "refused",
            Assessment::ToReassess => "to_reassess",
        }
    }
    /// Whether someone of the commune still has to look at it.
    pub fn open(self) -> bool {
        matches!(self, Assessment::ToAssess | Assessment::ToReassess)
    }
}

/// A commune's verdict on a conflict, as recorded (append-only): the two features
/// (ordered by id), the versions they had, who and when.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recorded {
    pub features: (uuid::Uuid, uuid::Uuid),
    pub commune: String,
    pub verdict: Verdict,
    pub note: String,
    pub versions: (i64, i64),
    pub actor: String,
    /// Unix seconds.
    pub at: i64,
}

/// Longest note kept with an assessment.
pub const MAX_NOTE_CHARS: usize = 2000;

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{line_string, point};

    fn iv(s: i64, e: i64) -> Interval {
        Interval { start: s, end: e }
    }

    #[test]
    fn overlap_is_found_in_sorted_lists() {
        let a = [iv(0, 10), iv(20, 30)];
        let b = [iv(10, 20), iv(25, 40)];
        assert_eq!(first_overlap(&a, &b), Some(iv(25, 30)));
        // touching ends do not overlap: periods are half-open
        assert_eq!(first_overlap(&[iv(0, 10)], &[iv(10, 20)]), None);
    }

    #[test]
    fn near_features_of_clashing_kinds_conflict_while_active() {
        let street =
            Geometry::LineString(line_string![(x: 4.0700, y: 50.5790), (x: 4.0720, y: 50.5790)]);
        // about 15 m north of the street
        let market = Geometry::Point(point!(x: 4.0710, y: 50.57913));
        let when = [iv(0, 100)];
        let side = |kind, g, status| Side {
            kind,
            status,
            geometry: g,
            intervals: &when,
        };
        let pairs = DEFAULT_PAIRS;
        let c = clash(
            &pairs,
            20.0,
            &side(Kind::Works, &street, "planned"),
            &side(Kind::Event, &market, "planned"),
        )
        .expect("a conflict");
        assert!((c.distance_m - 14.5).abs() < 1.0, "{c:?}");
        assert!(
            clash(
                &pairs,
                10.0,
                &side(Kind::Works, &street, "planned"),
                &side(Kind::Event, &market, "planned")
            )
            .is_none()
        );
        assert!(
            clash(
                &pairs,
                20.0,
                &side(Kind::Works, &street, "cancelled"),
                &side(Kind::Event, &market, "planned")
            )
            .is_none()
        );
        assert!(
            clash(
                &pairs,
                20.0,
                &side(Kind::Report, &street, "new"),
                &side(Kind::Event, &market, "planned")
            )
            .is_none()
        );
    }

    #[test]
    fn an_assessment_falls_back_when_a_version_moves() {
        assert_eq!(Assessment::of(None, (1, 1)), Assessment::ToAssess);
        let made = Some((Verdict::Accepted, (1, 2)));
        assert_eq!(Assessment::of(made, (1, 2)), Assessment::Accepted);
        assert_eq!(Assessment::of(made, (1, 3)), Assessment::ToReassess);
        assert_eq!(
            Assessment::of(Some((Verdict::Refused, (4, 2))), (4, 2)),
            Assessment::Refused
        );
    }
}
