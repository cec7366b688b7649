//! Which MVT encoder: fast-mvt (in use), mvt, or geozero's MVT writer, on the content of
//! real tiles.
//!
//! balise's pipeline draws `public` tiles over Soignies from 100 000 synthetic features
//! (z12: a heavy thinned tile; z14: a town centre; z16: a few streets). Each tile is
//! decoded once into what the encoder receives in the pipeline — geometry already in tile
//! units, and the properties — and each encoder then writes the whole tile: geometry
//! commands, key and value tables deduplicated, feature ids, protobuf framing. Every
//! encoder's output is decoded back and must hold the same features.
//!
//! Run: `cargo bench --bench encoders`. Figures are in benches/README.md.

use std::hint::black_box;

use balise::index::Index;
use balise::model::TimeFilter;
use balise::tiles::{self, TileId};
use balise::{demo, fixtures};
use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use fast_mvt::{MvtGeometry, MvtReaderRef, MvtTileBuilder, MvtValue, MvtValueRef};
use geo::{Coord, Geometry, LineString, Polygon};

/// A property value as balise writes them.
#[derive(Clone)]
enum Prop {
    Str(String),
    Bool(bool),
    UInt(u64),
}

struct Feature {
    id: Option<u64>,
    geometry: MvtGeometry,
    props: Vec<(String, Prop)>,
}

fn decode(bytes: &[u8]) -> (String, Vec<Feature>) {
    let reader = MvtReaderRef::new(bytes).expect("a tile");
    let layer = reader.layers().next().expect("one layer");
    let features = layer
        .features()
        .map(|f| Feature {
            id: f.id(),
            geometry: f.geometry().expect("geometry"),
            props: f
                .properties_vec()
                .expect("properties")
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        MvtValueRef::String(s) => Prop::Str(s.to_string()),
                        MvtValueRef::Bool(b) => Prop::Bool(b),
                        MvtValueRef::UInt(n) => Prop::UInt(n),
                        other => panic!("unexpected value {other:?}"),
                    };
                    (k.to_string(), v)
                })
                .collect(),
        })
        .collect();
    (layer.name().to_string(), features)
}

fn with_fast_mvt(name: &str, features: &[Feature]) -> Vec<u8> {
    let mut layer = MvtTileBuilder::new().layer(name).unwrap();
    for f in features {
        let mut fb = layer.feature(&f.geometry).unwrap();
        fb.id(f.id);
        for (k, v) in &f.props {
            let v = match v {
                Prop::Str(s) => MvtValue::String(s.clone()),
                Prop::Bool(b) => MvtValue::Bool(*b),
                Prop::UInt(n) => MvtValue::UInt(*n),
            };
            fb.tag(k, v).unwrap();
        }
        layer = fb.end();
    }
    layer.encode()
}

/// Rings as the mvt crate takes them: open (it writes ClosePath itself).
fn ring_points(ring: &LineString<i32>) -> &[Coord<i32>] {
    let c = &ring.0;
    if c.len() > 1 && c.first() == c.last() {
        &c[..c.len() - 1]
    } else {
        c
    }
}

fn with_mvt(name: &str, features: &[Feature]) -> Vec<u8> {
    use mvt::{GeomEncoder, GeomType, Tile};
    let mut tile = Tile::new(4096);
    let mut layer = tile.create_layer(name);
    let polygons = |polys: &[Polygon<i32>]| {
        let mut e = GeomEncoder::new(GeomType::Polygon);
        for p in polys {
            for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
                for c in ring_points(ring) {
                    e.add_point(c.x as f64, c.y as f64).unwrap();
                }
                e.complete_geom().unwrap();
            }
        }
        e.encode().unwrap()
    };
    let lines = |lines: &[LineString<i32>]| {
        let mut e = GeomEncoder::new(GeomType::Linestring);
        for l in lines {
            for c in &l.0 {
                e.add_point(c.x as f64, c.y as f64).unwrap();
            }
            e.complete_geom().unwrap();
        }
        e.encode().unwrap()
    };
    for f in features {
        let data = match &f.geometry {
            Geometry::Point(p) => GeomEncoder::new(GeomType::Point)
                .point(p.x() as f64, p.y() as f64)
                .unwrap()
                .encode()
                .unwrap(),
            Geometry::MultiPoint(mp) => {
                let mut e = GeomEncoder::new(GeomType::Point);
                for p in mp {
                    e.add_point(p.x() as f64, p.y() as f64).unwrap();
                }
                e.encode().unwrap()
            }
            Geometry::LineString(l) => lines(std::slice::from_ref(l)),
            Geometry::MultiLineString(ml) => lines(&ml.0),
            Geometry::Polygon(p) => polygons(std::slice::from_ref(p)),
            Geometry::MultiPolygon(mp) => polygons(&mp.0),
            other => panic!("unexpected {other:?}"),
        };
        let mut feature = layer.into_feature(data);
        if let Some(id) = f.id {
            feature.set_id(id);
        }
        for (k, v) in &f.props {
            match v {
                Prop::Str(s) => feature.add_tag_string(k, s),
                Prop::Bool(b) => feature.add_tag_bool(k, *b),
                Prop::UInt(n) => feature.add_tag_uint(k, *n),
            }
        }
        layer = feature.into_layer();
    }
    tile.add_layer(layer).unwrap();
    tile.to_bytes().unwrap()
}

fn with_geozero(name: &str, features: &[Feature]) -> Vec<u8> {
    use geozero::ToMvt;
    use geozero::mvt::{Message, TagsBuilder, Tile, TileValue, tile};
    let mut tags = TagsBuilder::new();
    let mut out = Vec::with_capacity(features.len());
    for f in features {
        // geozero writes from f64 geometry; in the pipeline it is already in tile units
        let g: Geometry<f64> = f.geometry.map_coords(|c| Coord {
            x: c.x as f64,
            y: c.y as f64,
        });
        let mut feature = g.to_mvt_unscaled().unwrap();
        feature.id = f.id;
        for (k, v) in &f.props {
            let v = match v {
                Prop::Str(s) => TileValue::Str(s.clone()),
                Prop::Bool(b) => TileValue::Bool(*b),
                Prop::UInt(n) => TileValue::Uint(*n),
            };
            let (ki, vi) = tags.insert_ref(k, v);
            feature.tags.push(ki);
            feature.tags.push(vi);
        }
        out.push(feature);
    }
    let (keys, values) = tags.into_tags();
    Tile {
        layers: vec![tile::Layer {
            version: 2,
            name: name.to_string(),
            features: out,
            keys,
            values: values.into_iter().map(Into::into).collect(),
            extent: Some(4096),
        }],
    }
    .encode_to_vec()
}

use geo::MapCoords;

fn bench(c: &mut Criterion) {
    let communes = fixtures::communes().expect("built-in communes");
    let layers = tiles::layers::builtin().expect("built-in layers");
    let public = layers.iter().find(|l| l.name == "public").unwrap();
    let anchor = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
    let at = TimeFilter::At(anchor.timestamp());
    let index = Index::bulk_load(demo::synthetic(&communes, 100_000, 42, anchor));
    let mut group = c.benchmark_group("encode_public_100000");
    group.sample_size(20);
    for z in [12u8, 14, 16] {
        let tile = TileId::containing(
            Coord {
                x: 4.0710,
                y: 50.5790,
            },
            z,
        );
        let bytes = tiles::render_from(|q, f| index.visit(q, f), &[], &[public], &tile, at)
            .unwrap()
            .expect("a tile with features");
        let (name, features) = decode(&bytes);
        type Encoder = fn(&str, &[Feature]) -> Vec<u8>;
        let encoders: [(&str, Encoder); 3] = [
            ("fast-mvt", with_fast_mvt),
            ("mvt", with_mvt),
            ("geozero", with_geozero),
        ];
        for (encoder, encode) in encoders {
            let out = encode(&name, &features);
            // every feature is written, and its geometry must decode as valid MVT
            let reader = MvtReaderRef::new(&out).expect("a tile");
            let layer = reader.layers().next().expect("one layer");
            assert_eq!(layer.features().count(), features.len(), "{encoder} z{z}");
            let invalid = layer.features().filter(|f| f.geometry().is_err()).count();
            println!(
                "encode_public_100000/{encoder}/z{z}: {} features, {} bytes, {invalid} invalid geometries",
                features.len(),
                out.len()
            );
            group.bench_function(BenchmarkId::new(encoder, format!("z{z}")), |b| {
                b.iter(|| black_box(encode(&name, black_box(&features))))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
