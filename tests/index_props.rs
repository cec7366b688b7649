//! The live index answers exactly what a brute-force scan answers, on random data and
//! random queries (bbox × time × kind × commune × visibility), including after random
//! updates and deletions.

use std::sync::Arc;

use balise::index::{Entry, Index, Query};
use balise::model::schedule::{Day, Period, Recurrence};
use balise::model::{Feature, Kind, Schedule, TimeFilter, Visibility};
use chrono::{DateTime, Duration, NaiveTime, TimeZone, Utc};
use geo::{Coord, Rect};
use geo_types::{Geometry, LineString, Point, Polygon};
use proptest::prelude::*;
use uuid::Uuid;

const T0: i64 = 1_796_000_000; // late 2026

fn coord() -> impl Strategy<Value = Coord<f64>> {
    (3.95f64..4.26, 50.49f64..50.67).prop_map(|(x, y)| Coord { x, y })
}

fn geometry() -> impl Strategy<Value = Geometry<f64>> {
    prop_oneof![
        coord().prop_map(|c| Geometry::Point(Point(c))),
        (
            coord(),
            prop::collection::vec((-0.01f64..0.01, -0.01f64..0.01), 1..5)
        )
            .prop_map(|(c, steps)| {
                let mut pts = vec![c];
                for (dx, dy) in steps {
                    let last = *pts.last().unwrap();
                    pts.push(Coord {
                        x: last.x + dx,
                        y: last.y + dy,
                    });
                }
                Geometry::LineString(LineString(pts))
            }),
        (coord(), 0.0005f64..0.02, 0.0005f64..0.02).prop_map(|(c, w, h)| {
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

fn at(secs: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(secs, 0).unwrap()
}

fn schedule() -> impl Strategy<Value = Schedule> {
    prop_oneof![
        (0i64..60 * 86_400, 3_600i64..20 * 86_400, any::<bool>()).prop_map(|(s, len, open)| {
            Schedule::period(at(T0 + s), if open { None } else { Some(at(T0 + s + len)) })
        }),
        (
            0i64..40,
            0i64..20,
            prop::collection::vec(0usize..7, 1..4),
            5u32..12,
            1u32..10
        )
            .prop_map(|(first, span, days, h, dur)| {
                let day0 = at(T0).date_naive() + Duration::days(first);
                let all = [
                    Day::Monday,
                    Day::Tuesday,
                    Day::Wednesday,
                    Day::Thursday,
                    Day::Friday,
                    Day::Saturday,
                    Day::Sunday,
                ];
                Schedule {
                    recurring: vec![Recurrence {
                        first_day: day0,
                        last_day: day0 + Duration::days(span),
                        days: days.into_iter().map(|d| all[d]).collect(),
                        start_time: NaiveTime::from_hms_opt(h, 0, 0).unwrap(),
                        end_time: NaiveTime::from_hms_opt((h + dur) % 24, 30, 0).unwrap(),
                    }],
                    exceptions: vec![day0 + Duration::days(1)],
                    ..Default::default()
                }
            }),
        (0i64..60 * 86_400, 0i64..60 * 86_400).prop_map(|(a, b)| Schedule {
            periods: vec![
                Period {
                    start: at(T0 + a),
                    end: Some(at(T0 + a + 7200))
                },
                Period {
                    start: at(T0 + b),
                    end: Some(at(T0 + b + 86_400))
                },
            ],
            ..Default::default()
        }),
    ]
}

fn feature() -> impl Strategy<Value = Feature> {
    (
        geometry(),
        schedule(),
        0usize..6,
        any::<bool>(),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(g, s, k, soignies, public, seed)| Feature {
            id: Uuid::from_u64_pair(seed, seed.rotate_left(17)),
            commune: if soignies {
                "55040".into()
            } else {
                "55004".into()
            },
            kind: Kind::ALL[k],
            geometry: g,
            schedule: s,
            status: "planned".into(),
            title: "t".into(),
            description: String::new(),
            attributes: Default::default(),
            visibility: if public {
                Visibility::Public
            } else {
                Visibility::Internal
            },
            version: 1,
            created_at: at(T0),
            updated_at: at(T0),
        })
}

fn query() -> impl Strategy<Value = Query> {
    let bbox = prop::option::of(
        (coord(), 0.001f64..0.2, 0.001f64..0.15).prop_map(|(c, w, h)| {
            Rect::new(
                c,
                Coord {
                    x: c.x + w,
                    y: c.y + h,
                },
            )
        }),
    );
    let time = prop_oneof![
        Just(TimeFilter::Any),
        (0i64..70 * 86_400).prop_map(|s| TimeFilter::At(T0 + s)),
        (0i64..70 * 86_400, 1i64..10 * 86_400)
            .prop_map(|(s, l)| TimeFilter::Range(T0 + s, T0 + s + l)),
    ];
    (
        bbox,
        time,
        0u8..64,
        prop::option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(|(bbox, time, kinds, commune, internal)| Query {
            bbox,
            time,
            kinds,
            commune: commune.map(|s| {
                if s {
                    "55040".to_string()
                } else {
                    "55004".to_string()
                }
            }),
            internal: if internal {
                balise::index::Scope::All
            } else {
                balise::index::Scope::None
            },
        })
}

fn brute_force(features: &[Feature], q: &Query) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = features
        .iter()
        .filter_map(|f| Entry::new(f.clone()))
        .filter(|e: &Arc<Entry>| q.accepts(e) && q.meets_bbox(e))
        .map(|e| e.feature.id)
        .collect();
    ids.sort();
    ids
}

fn answer(index: &Index, q: &Query) -> Vec<Uuid> {
    index.query(q).iter().map(|e| e.feature.id).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn index_matches_brute_force(
        features in prop::collection::vec(feature(), 0..300),
        queries in prop::collection::vec(query(), 1..20),
    ) {
        let mut features = features;
        features.sort_by_key(|f| f.id);
        features.dedup_by_key(|f| f.id);
        let index = Index::bulk_load(features.clone());
        for q in &queries {
            prop_assert_eq!(answer(&index, q), brute_force(&features, q), "query {:?}", q);
        }
    }

    #[test]
    fn index_stays_right_through_updates_and_deletes(
        features in prop::collection::vec(feature(), 1..150),
        moves in prop::collection::vec((any::<prop::sample::Index>(), geometry(), schedule(), any::<bool>()), 1..60),
        queries in prop::collection::vec(query(), 1..10),
    ) {
        let mut features = features;
        features.sort_by_key(|f| f.id);
        features.dedup_by_key(|f| f.id);
        let mut index = Index::bulk_load(features.clone());
        for (which, g, s, delete) in moves {
            if features.is_empty() { break; }
            let i = which.index(features.len());
            if delete {
                let f = features.remove(i);
                index.remove(f.id, f.version + 1);
                // a late, older write cannot bring it back
                prop_assert!(index.upsert(f).is_none());
            } else {
                let old = features[i].clone();
                let mut next = old.clone();
                next.geometry = g;
                next.schedule = s;
                next.version += 1;
                features[i] = next.clone();
                index.upsert(next);
                prop_assert!(index.upsert(old).is_none(), "an older version never replaces a newer one");
            }
        }
        prop_assert_eq!(index.len(), features.len());
        for q in &queries {
            prop_assert_eq!(answer(&index, q), brute_force(&features, q), "query {:?}", q);
        }
    }
}
