//! Index benchmarks: bulk load, and bbox × time queries, at 100k and 1M synthetic
//! features (`balise demo` data, same generator, fixed seed and anchor).
//!
//! Run: `cargo bench --bench index`. Figures and machine are in benches/README.md.

use std::hint::black_box;

use balise::conflicts::{self, Subject};
use balise::demo;
use balise::fixtures;
use balise::index::{Index, Query};
use balise::model::{Kind, TimeFilter};
use chrono::{TimeZone, Utc};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use geo::{Coord, Rect};

fn rect(x0: f64, y0: f64, x1: f64, y1: f64) -> Option<Rect<f64>> {
    Some(Rect::new(Coord { x: x0, y: y0 }, Coord { x: x1, y: y1 }))
}

fn bench(c: &mut Criterion) {
    let communes = fixtures::communes().expect("built-in communes");
    let anchor = Utc.with_ymd_and_hms(2026, 12, 1, 10, 0, 0).unwrap();
    let now = anchor.timestamp();
    for n in [100_000usize, 1_000_000] {
        let features = demo::synthetic(&communes, n, 42, anchor);

        let mut load = c.benchmark_group("index_bulk_load");
        load.sample_size(10);
        load.bench_function(BenchmarkId::from_parameter(n), |b| {
            b.iter_batched(
                || features.clone(),
                |f| black_box(Index::bulk_load(f)),
                BatchSize::LargeInput,
            )
        });
        load.finish();

        let index = Index::bulk_load(features);
        let queries = [
            // a street-level view (about a z16 tile) in the centre of Soignies, now
            (
                "street_now",
                Query {
                    bbox: rect(4.068, 50.577, 4.074, 50.581),
                    time: TimeFilter::At(now),
                    ..Default::default()
                },
            ),
            // a town-level view (about a z13 tile), now
            (
                "town_now",
                Query {
                    bbox: rect(4.03, 50.55, 4.11, 50.60),
                    time: TimeFilter::At(now),
                    ..Default::default()
                },
            ),
            // the same town view over the coming week, works only
            (
                "town_week_works",
                Query {
                    bbox: rect(4.03, 50.55, 4.11, 50.60),
                    time: TimeFilter::Range(now, now + 7 * 86_400),
                    kinds: Kind::Works.bit(),
                    ..Default::default()
                },
            ),
            // both towns, now, one commune, internal included (an agent's overview)
            (
                "commune_now",
                Query {
                    bbox: rect(3.95, 50.49, 4.26, 50.67),
                    time: TimeFilter::At(now),
                    commune: Some("55004".into()),
                    internal: balise::index::Scope::All,
                    ..Default::default()
                },
            ),
        ];
        let mut q = c.benchmark_group(format!("index_query_{n}"));
        for (name, query) in &queries {
            let hits = index.query(query).len();
            q.bench_function(BenchmarkId::new(*name, format!("{hits}_hits")), |b| {
                b.iter(|| black_box(index.query(black_box(query))))
            });
        }
        q.finish();

        // conflicts: what an agent drawing a feature waits for (one search), and the
        // conflicts page of a whole commune (one search per current or coming feature)
        let territory = balise::model::Territory::new(communes.clone());
        let subjects: Vec<_> = index
            .query(&Query {
                bbox: rect(4.068, 50.577, 4.074, 50.581),
                time: TimeFilter::At(now),
                kinds: Kind::Works.bit(),
                internal: balise::index::Scope::All,
                ..Default::default()
            })
            .into_iter()
            .take(20)
            .collect();
        let found: usize = subjects
            .iter()
            .map(|s| conflicts::find(&index, &territory, &Subject::of(s)).len())
            .sum();
        let mut g = c.benchmark_group(format!("conflicts_{n}"));
        g.bench_function(
            BenchmarkId::new(
                "one_feature",
                format!("{}_found", found / subjects.len().max(1)),
            ),
            |b| {
                let mut i = 0;
                b.iter(|| {
                    i = (i + 1) % subjects.len();
                    black_box(conflicts::find(
                        &index,
                        &territory,
                        &Subject::of(&subjects[i]),
                    ))
                })
            },
        );
        if n <= 100_000 {
            let commune = Query {
                commune: Some("55040".into()),
                time: TimeFilter::Range(now, balise::model::schedule::OPEN_END),
                internal: balise::index::Scope::All,
                ..Default::default()
            };
            let all = index.query(&commune);
            g.sample_size(10);
            g.bench_function(
                BenchmarkId::new("whole_commune", format!("{}_features", all.len())),
                |b| {
                    b.iter(|| {
                        let mut pairs = 0;
                        for s in &all {
                            pairs += conflicts::find(&index, &territory, &Subject::of(s)).len();
                        }
                        black_box(pairs)
                    })
                },
            );
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
