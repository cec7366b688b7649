//! Conflict detection finds exactly what a brute-force check finds: every pair of
//! random features (points, lines, areas; periods and weekly windows; all kinds and
//! statuses; two communes with their own buffers and clashing pairs) compared directly,
//! against the index-narrowed search the application uses.

use std::collections::BTreeSet;
use std::sync::Arc;

use balise::conflicts::{Subject, find};
use balise::index::{Entry, Index};
use balise::model::conflict::{DEFAULT_PAIRS, distance_m};
use balise::model::schedule::{Day, Interval, Recurrence};
use balise::model::{Feature, Kind, Schedule, Territory, Visibility};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use geo::Coord;
use geo_types::{Geometry, LineString, Point, Polygon};
use proptest::prelude::*;
use uuid::Uuid;

const T0: i64 = 1_796_000_000;
const STATUSES: [&str; 4] = ["planned", "in_progress", "completed", "cancelled"];

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).unwrap()
}

/// Places within some 300 m, so that many pairs are near each other.
fn coord() -> impl Strategy<Value = Coord<f64>> {
    (4.068f64..4.074, 50.577f64..50.581).prop_map(|(x, y)| Coord { x, y })
}

fn geometry() -> impl Strategy<Value = Geometry<f64>> {
    prop_oneof![
        coord().prop_map(|c| Geometry::Point(Point(c))),
        (coord(), -0.001f64..0.001, -0.001f64..0.001).prop_map(|(c, dx, dy)| {
            Geometry::LineString(LineString(vec![
                c,
                Coord {
                    x: c.x + dx,
                    y: c.y + dy,
                },
            ]))
        }),
        (coord(), 0.0001f64..0.001, 0.0001f64..0.001).prop_map(|(c, w, h)| {
            let ring = vec![
                c,
                Coord { x: c.x + w, y: c.y },
                Coord {
                    x: c.x + w,
                    y: c.y + h,
                },
                Coord { x: c.x, y: c.y + h },
                c,
            ];
            Geometry::Polygon(Polygon::new(LineString(ring), vec![]))
        }),
    ]
}

fn schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (0i64..20 * 86_400, 3_600i64..5 * 86_400, any::<bool>()).prop_map(|(s, len, open)| {
            Schedule::period(at(T0 + s), if open { None } else { Some(at(T0 + s + len)) })
        }),
        (
            0i64..15,
            0i64..10,
            prop::collection::vec(0usize..7, 1..3),
            6u32..18,
            1u32..5
        )
            .prop_map(|(first, span, days, h, dur)| {
                let all = [
                    Day::Monday,
                    Day::Tuesday,
                    Day::Wednesday,
                    Day::Thursday,
                    Day::Friday,
                    Day::Saturday,
                    Day::Sunday,
                ];
                let day0 = at(T0).date_naive() + Duration::days(first);
                Schedule {
                    recurring: vec![Recurrence {
                        first_day: day0,
                        last_day: day0 + Duration::days(span),
                        days: days.into_iter().map(|d| all[d]).collect(),
                        start_time: NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
                        end_time: NaiveTime::from_hms_opt(h + dur, 0, 0).unwrap(),
                    }],
                    ..Default::default()
                }
            }),
    ]
}

fn feature() -> impl Strategy<Value = Feature> {
    (
        geometry(),
        schedule(),
        0usize..6,
        0usize..4,
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(g, s, k, st, soignies, seed)| Feature {
            id: Uuid::from_u64_pair(seed, seed.rotate_left(17)),
            commune: if soignies { "55040" } else { "55004" }.into(),
            kind: Kind::ALL[k],
            geometry: g,
            schedule: s,
            status: if Kind::ALL[k] == Kind::Report {
                "new"
            } else {
                STATUSES[st]
            }
            .into(),
            title: "t".into(),
            description: String::new(),
            attributes: Default::default(),
            visibility: Visibility::Public,
            version: 1,
            created_at: at(T0),
            updated_at: at(T0),
        })
}

/// Whether two sorted lists of intervals share a moment, the slow way.
fn share_time(a: &[Interval], b: &[Interval]) -> bool {
    a.iter()
        .any(|x| b.iter().any(|y| x.start < y.end && y.start < x.end))
}

fn brute(territory: &Territory, a: &Entry, b: &Entry) -> bool {
    let (fa, fb) = (&a.feature, &b.feature);
    let settings = |nis: &str| territory.get(nis).unwrap().settings.clone();
    let (sa, sb) = (settings(&fa.commune), settings(&fb.commune));
    let pair = |pairs: &[[Kind; 2]]| {
        pairs
            .iter()
            .any(|p| (p[0] == fa.kind && p[1] == fb.kind) || (p[0] == fb.kind && p[1] == fa.kind))
    };
    let ended = |s: &str| s == "completed" || s == "cancelled";
    (pair(&sa.conflict_pairs) || pair(&sb.conflict_pairs))
        && !ended(&fa.status)
        && !ended(&fb.status)
        && share_time(&a.intervals, &b.intervals)
        && distance_m(&fa.geometry, &fb.geometry).unwrap()
            <= sa.conflict_buffer_m.max(sb.conflict_buffer_m)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_search_finds_what_a_pairwise_check_finds(
        features in prop::collection::vec(feature(), 1..60),
        buffers in (0f64..80.0, 0f64..80.0),
        dropped in prop::collection::vec(0usize..DEFAULT_PAIRS.len(), 0..4),
    ) {
        let mut communes = balise::fixtures::communes().unwrap();
        for c in communes.iter_mut() {
            match c.nis.as_str() {
                "55040" => c.settings.conflict_buffer_m = buffers.0,
                "55004" => {
                    c.settings.conflict_buffer_m = buffers.1;
                    c.settings.conflict_pairs = DEFAULT_PAIRS
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| !dropped.contains(i))
                        .map(|(_, p)| *p)
                        .collect();
                }
                _ => {}
            }
        }
        let territory = Territory::new(communes);
        let mut seen = BTreeSet::new();
        let features: Vec<Feature> = features.into_iter().filter(|f| seen.insert(f.id)).collect();
        let index = Index::bulk_load(features.clone());
        let entries: Vec<Arc<Entry>> = features.iter().map(|f| index.get(&f.id).unwrap().clone()).collect();
        let mut total = 0;
        for a in &entries {
            let found: BTreeSet<Uuid> = find(&index, &territory, &Subject::of(a)).into_iter().map(|f| f.other.feature.id).collect();
            let expected: BTreeSet<Uuid> = entries
                .iter()
                .filter(|b| b.feature.id != a.feature.id && brute(&territory, a, b))
                .map(|b| b.feature.id)
                .collect();
            prop_assert_eq!(&found, &expected, "conflicts of {:?}", a.feature.id);
            total += found.len();
        }
        // symmetric: if a conflicts with b, b conflicts with a (counted twice)
        prop_assert_eq!(total % 2, 0);
    }
}
