//! Tile rendering benchmarks: one tile of the `public` layer (every kind) over the centre
//! of Soignies, from z10 (both towns in a tile) to z18 (a street), at 100k and 1M
//! synthetic features. Measures the whole path: index query, projection, clipping,
//! simplification, clustering, encoding. Tile sizes are printed once per case.
//!
//! Run: `cargo bench --bench tiles`. Figures are in benches/README.md.

use std::hint::black_box;

use balise::index::Index;
use balise::model::TimeFilter;
use balise::tiles::{self, TileId};
use balise::{demo, fixtures};
use chrono::{TimeZone, Utc};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use geo::Coord;

fn bench(c: &mut Criterion) {
    let communes = fixtures::communes().expect("built-in communes");
    let layers = tiles::layers::builtin().expect("built-in layers");
    let public = layers
        .iter()
        .find(|l| l.name == "public")
        .expect("public layer");
    let anchor = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
    let at = TimeFilter::At(anchor.timestamp());
    for n in [100_000usize, 1_000_000] {
        let index = Index::bulk_load(demo::synthetic(&communes, n, 42, anchor));
        let mut group = c.benchmark_group(format!("tile_public_{n}"));
        group.sample_size(20);
        for z in [10u8, 12, 14, 16, 18] {
            let tile = TileId::containing(
                Coord {
                    x: 4.0710,
                    y: 50.5790,
                },
                z,
            );
            let render =
                || tiles::render_from(|q, f| index.visit(q, f), &[], &[public], &tile, at).unwrap();
            let bytes = render().map_or(0, |b| b.len());
            println!("tile_public_{n}/z{z}: {bytes} bytes");
            group.bench_function(BenchmarkId::from_parameter(format!("z{z}")), |b| {
                b.iter(|| black_box(render()))
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
