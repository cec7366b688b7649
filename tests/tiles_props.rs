//! Property: a tile at a layer's maximum zoom holds every feature that meets the tile
//! (with its buffer) and is active at the time asked, and no other — checked by brute
//! force on random features and random times.

use std::collections::BTreeSet;

use balise::index::Index;
use balise::model::schedule::Period;
use balise::model::{Feature, Kind, Schedule, TimeFilter, Visibility};
use balise::tiles::render::{BUFFER, EXTENT, feature_id};
use balise::tiles::{Layer, TileId};
use chrono::{TimeZone, Utc};
use fast_mvt::MvtReaderRef;
use geo::{BoundingRect, Coord, Intersects, LineString, MapCoords, Point, Polygon, Rect};
use geo_types::Geometry;
use proptest::prelude::*;
use uuid::Uuid;

const T0: i64 = 1_796_000_000;

/// The z16 tile of the Grand-Place of Soignies; features are drawn around it.
fn tile() -> TileId {
    TileId::containing(
        Coord {
            x: 4.071,
            y: 50.579,
        },
        16,
    )
}

/// A position in tile units, from well outside the tile to well inside.
fn unit() -> impl Strategy<Value = f64> {
    -1500.0f64..5600.0
}

fn geometry() -> impl Strategy<Value = Geometry<f64>> {
    let t = tile();
    let ll = move |x: f64, y: f64| t.unproject(Coord { x, y });
    prop_oneof![
        (unit(), unit()).prop_map(move |(x, y)| Geometry::Point(Point(ll(x, y)))),
        (
            unit(),
            unit(),
            prop::collection::vec((-2000.0f64..2000.0, -2000.0f64..2000.0), 1..4)
        )
            .prop_map(move |(x, y, steps)| {
                let mut pts = vec![Coord { x, y }];
                for (dx, dy) in steps {
                    let last = *pts.last().unwrap();
                    pts.push(Coord {
                        x: last.x + dx,
                        y: last.y + dy,
                    });
                }
                Geometry::LineString(LineString(pts.into_iter().map(|c| ll(c.x, c.y)).collect()))
            }),
        (unit(), unit(), 20.0f64..3000.0, 20.0f64..3000.0).prop_map(move |(x, y, w, h)| {
            let ring =
                [(x, y), (x + w, y), (x + w, y + h), (x, y + h), (x, y)].map(|(a, b)| ll(a, b));
            Geometry::Polygon(Polygon::new(LineString(ring.to_vec()), vec![]))
        }),
    ]
}

fn feature() -> impl Strategy<Value = Feature> {
    (geometry(), 0i64..20, 1i64..10, any::<u64>()).prop_map(|(g, start, len, seed)| {
        let at = |h: i64| Utc.timestamp_opt(T0 + h * 3600, 0).unwrap();
        Feature {
            id: Uuid::from_u64_pair(seed, seed ^ 0x9e37_79b9_7f4a_7c15),
            commune: "55040".into(),
            kind: Kind::Works,
            geometry: g,
            schedule: Schedule {
                periods: vec![Period {
                    start: at(start),
                    end: Some(at(start + len)),
                }],
                ..Default::default()
            },
            status: "planned".into(),
            title: "t".into(),
            description: String::new(),
            attributes: Default::default(),
            visibility: Visibility::Public,
            version: 1,
            created_at: at(0),
            updated_at: at(0),
        }
    })
}

fn works_layer() -> Layer {
    balise::tiles::layers::builtin()
        .unwrap()
        .into_iter()
        .find(|l| l.name == "works")
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn tile_holds_exactly_the_active_features_that_meet_it(
        features in prop::collection::vec(feature(), 0..60),
        hour in 0i64..30,
    ) {
        let t = tile();
        let layer = works_layer();
        let mut features = features;
        features.sort_by_key(|f| f.id);
        features.dedup_by_key(|f| f.id);
        let index = Index::bulk_load(features.clone());
        let at = T0 + hour * 3600 + 1800;
        // render at the layer's maximum zoom: no simplification, nothing dropped as small
        let tile_max = TileId::containing(t.unproject(Coord { x: 2048.0, y: 2048.0 }), layer.maxzoom);
        let bytes = balise::tiles::render_from(|q, f| index.visit(q, f), &[], &[&layer], &tile_max, TimeFilter::At(at)).unwrap();
        let got: BTreeSet<u64> = match bytes {
            None => BTreeSet::new(),
            Some(b) => {
                let r = MvtReaderRef::new(&b).unwrap();
                r.layers().flat_map(|l| l.features().map(|f| f.id().unwrap()).collect::<Vec<_>>()).collect()
            }
        };
        // brute force in tile units: required when meeting the tile shrunk by 2 units,
        // forbidden when missing the tile grown by its buffer (rounding lives between)
        let square = |m: f64| Rect::new(Coord { x: -m, y: -m }, Coord { x: EXTENT + m, y: EXTENT + m });
        for f in &features {
            let active = f.schedule.expand().iter().any(|iv| iv.contains(at));
            let g: Geometry<f64> = f.geometry.map_coords(|c| tile_max.project(c));
            let id = feature_id(&f.id);
            if active && square(BUFFER - 2.0).intersects(&g) {
                prop_assert!(got.contains(&id), "missing {:?} ({:?})", f.geometry, g.bounding_rect());
            }
            if !active || !square(BUFFER).intersects(&g) {
                prop_assert!(!got.contains(&id), "extra {:?}", g.bounding_rect());
            }
        }
    }
}
