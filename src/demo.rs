//! Synthetic data for benchmarks and load tests: `balise demo --features N --seed S`.
//!
//! The same seed and anchor date give the same features, ids included (UUIDv7 built
//! from the seeded generator). Features lie inside the active communes: reports and
//! occupations as points, works and bans as street-like lines (a few segments of tens
//! of metres with gentle turns), events and some works as small polygons, with
//! schedules spread around the anchor date, some as weekly windows.

use chrono::{DateTime, Duration, NaiveTime, Utc};
use geo::{BoundingRect, Contains, Coord, LineString, Point, Polygon};
use geo_types::Geometry;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::Map;

use crate::model::geometry::LocalFrame;
use crate::model::schedule::{Day, Recurrence};
use crate::model::{Commune, Feature, Kind, Schedule, Visibility};

fn pick_kind(r: f64) -> Kind {
    match r {
        r if r < 0.25 => Kind::Works,
        r if r < 0.35 => Kind::Diversion,
        r if r < 0.50 => Kind::ParkingBan,
        r if r < 0.60 => Kind::Event,
        r if r < 0.75 => Kind::Occupation,
        _ => Kind::Report,
    }
}

fn title(kind: Kind, i: usize) -> String {
    let what = match kind {
        Kind::Works => "Chantier",
        Kind::Diversion => "Déviation",
        Kind::ParkingBan => "Stationnement interdit",
        Kind::Event => "Événement",
        Kind::Occupation => "Occupation du domaine public",
        Kind::Report => "Signalement",
    };
    format!("{what} n° {i}")
}

struct Area<'a> {
    commune: &'a Commune,
    frame: LocalFrame,
    min: Coord<f64>,
    max: Coord<f64>,
}

impl Area<'_> {
    fn inside(&self, c: Coord<f64>) -> bool {
        self.commune.boundary.contains(&Point(c))
    }
}

/// `n` synthetic features in the active communes, deterministic for `seed` and `anchor`.
pub fn synthetic(communes: &[Commune], n: usize, seed: u64, anchor: DateTime<Utc>) -> Vec<Feature> {
    let areas: Vec<Area> = communes
        .iter()
        .filter(|c| c.active)
        .filter_map(|c| {
            let r = c.boundary.bounding_rect()?;
            Some(Area {
                commune: c,
                frame: LocalFrame::new(r.center()),
                min: r.min(),
                max: r.max(),
            })
        })
        .collect();
    assert!(!areas.is_empty(), "synthetic data needs an active commune");
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let area = &areas[rng.random_range(0..areas.len())];
        let start = Coord {
            x: rng.random_range(area.min.x..area.max.x),
            y: rng.random_range(area.min.y..area.max.y),
        };
        if !area.inside(start) {
            continue;
        }
        let kind = pick_kind(rng.random());
        let geometry = shape(&mut rng, kind, area, start);
        if !geometry_inside(&geometry, area) {
            continue;
        }
        let i = out.len();
        let schedule = schedule(&mut rng, kind, anchor);
        let created = anchor - Duration::days(rng.random_range(0..120));
        let mut id_bytes = [0u8; 10];
        rng.fill(&mut id_bytes);
        let id =
            uuid::Builder::from_unix_timestamp_millis(created.timestamp_millis() as u64, &id_bytes)
                .into_uuid();
        out.push(Feature {
            id,
            commune: area.commune.nis.clone(),
            kind,
            geometry,
            schedule,
            status: kind.statuses()[rng.random_range(0..2)].to_string(),
            title: title(kind, i),
            description: format!("Données de démonstration générées (graine {seed})."),
            attributes: Map::new(),
            visibility: if rng.random_bool(0.1) {
                Visibility::Internal
            } else {
                Visibility::Public
            },
            version: 1,
            created_at: created,
            updated_at: created,
        });
    }
    out.sort_by_key(|f: &Feature| f.id);
    out
}

fn geometry_inside(g: &Geometry<f64>, area: &Area) -> bool {
    use geo::CoordsIter;
    g.coords_iter().all(|c| area.inside(c))
}

/// A street-like walk: segments of 30–150 m turning by at most 35°.
fn walk(
    rng: &mut ChaCha8Rng,
    frame: &LocalFrame,
    start: Coord<f64>,
    segments: usize,
) -> LineString<f64> {
    let mut p = frame.to_metres(start);
    let mut heading: f64 = rng.random_range(0.0..std::f64::consts::TAU);
    let mut pts = vec![start];
    for _ in 0..segments {
        let len = rng.random_range(30.0..150.0);
        heading += rng.random_range(-0.6..0.6);
        p = Coord {
            x: p.x + len * heading.cos(),
            y: p.y + len * heading.sin(),
        };
        pts.push(frame.to_lonlat(p));
    }
    LineString(pts)
}

fn shape(rng: &mut ChaCha8Rng, kind: Kind, area: &Area, start: Coord<f64>) -> Geometry<f64> {
    let polygon = |rng: &mut ChaCha8Rng| {
        let c = area.frame.to_metres(start);
        let (w, h) = (rng.random_range(10.0..150.0), rng.random_range(10.0..100.0));
        let a: f64 = rng.random_range(0.0..std::f64::consts::PI);
        let corner = |dx: f64, dy: f64| {
            area.frame.to_lonlat(Coord {
                x: c.x + dx * a.cos() - dy * a.sin(),
                y: c.y + dx * a.sin() + dy * a.cos(),
            })
        };
        let ring = vec![
            corner(0.0, 0.0),
            corner(w, 0.0),
            corner(w, h),
            corner(0.0, h),
            corner(0.0, 0.0),
        ];
        Geometry::Polygon(Polygon::new(LineString(ring), vec![]))
    };
    match kind {
        Kind::Report => Geometry::Point(Point(start)),
        Kind::Occupation if rng.random_bool(0.7) => Geometry::Point(Point(start)),
        Kind::Occupation | Kind::Event => polygon(rng),
        Kind::Works if rng.random_bool(0.3) => polygon(rng),
        Kind::Diversion => {
            let n = rng.random_range(4..9);
            Geometry::LineString(walk(rng, &area.frame, start, n))
        }
        Kind::ParkingBan => Geometry::LineString(walk(rng, &area.frame, start, 1)),
        Kind::Works => {
            let n = rng.random_range(1..5);
            Geometry::LineString(walk(rng, &area.frame, start, n))
        }
    }
}

fn schedule(rng: &mut ChaCha8Rng, kind: Kind, anchor: DateTime<Utc>) -> Schedule {
    let start = anchor + Duration::hours(rng.random_range(-24 * 60..24 * 60));
    if kind == Kind::Report {
        return Schedule::period(anchor - Duration::hours(rng.random_range(0..24 * 90)), None);
    }
    let days = rng.random_range(1..60);
    if rng.random_bool(0.3) {
        let first_day = start.date_naive();
        Schedule {
            recurring: vec![Recurrence {
                first_day,
                last_day: first_day + Duration::days(days),
                days: vec![
                    Day::Monday,
                    Day::Tuesday,
                    Day::Wednesday,
                    Day::Thursday,
                    Day::Friday,
                ],
                start_time: NaiveTime::from_hms_opt(7, 0, 0).expect("valid"),
                end_time: NaiveTime::from_hms_opt(17, 0, 0).expect("valid"),
            }],
            ..Default::default()
        }
    } else {
        Schedule::period(start, Some(start + Duration::days(days)))
    }
}
