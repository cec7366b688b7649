//! Heavy requests take their turn (issue 13, points 5 to 7): a photo declaring more
//! pixels than any phone takes, polygons of many vertices and list pages over many
//! features cost bounded time and memory, run off the async workers, and leave the
//! server answering everyone else — `/healthz` within half a second.

mod common;

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

on_both_backends!(
    huge_photos_and_polygons_leave_the_server_answering,
    list_pages_over_many_features_leave_the_server_answering
);

/// Polls `/healthz` every 50 ms until told to stop; answers the slowest answer's time.
fn watch_health(app: &TestApp) -> (Arc<AtomicBool>, tokio::task::JoinHandle<Duration>) {
    let busy = Arc::new(AtomicBool::new(true));
    let (client, url, flag) = (app.client.clone(), app.url("/healthz"), busy.clone());
    let watch = tokio::spawn(async move {
        let mut slowest = Duration::ZERO;
        while flag.load(Ordering::SeqCst) {
            let asked = Instant::now();
            let h = client.get(&url).send().await.unwrap();
            assert_eq!(h.status(), StatusCode::OK);
            slowest = slowest.max(asked.elapsed());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        slowest
    });
    (busy, watch)
}

/// 25,000 features; twelve anonymous searches of the list over a whole year and three
/// whole-area API pages of a thousand features at once. `/healthz` answers within half
/// a second throughout: filtering and sorting run off the async workers.
async fn list_pages_over_many_features_leave_the_server_answering(b: Backend) {
    let app = TestApp::spawn(b).await;
    let communes: Vec<_> = app.app.territory().active().cloned().collect();
    let many = balise::demo::synthetic(&communes, 25_000, 7, dates::now());
    app.app
        .insert_all(many, &balise::policy::Actor::System("test".into()), &|_| {})
        .await
        .unwrap();
    let (from, to) = (dates::day(-180), dates::day(180));
    let (d1, d2) = (dates::dmy(from), dates::dmy(to));
    let list = format!(
        "/carte?quand=periode&du_j={}&du_m={}&du_a={}&au_j={}&au_m={}&au_a={}&q=donnees",
        d1[0], d1[1], d1[2], d2[0], d2[1], d2[2]
    );
    let (busy, watch) = watch_health(&app);
    let pages = futures::future::join_all((0..12).map(|_| app.get(&list)));
    let api = futures::future::join_all(
        (0..3).map(|_| app.get("/api/v1/features?limit=1000&bbox=3.9,50.5,4.3,50.7")),
    );
    let (pages, api) = tokio::join!(pages, api);
    busy.store(false, Ordering::SeqCst);
    let slowest = watch.await.unwrap();
    for p in pages {
        assert_eq!(p.status, StatusCode::OK, "{}", p.body);
        assert!(p.body.contains("résultat"), "{}", p.body);
    }
    for a in api {
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        assert_eq!(a.json()["numberReturned"], 1000);
    }
    assert!(
        slowest < Duration::from_millis(500),
        "/healthz waited {slowest:?}"
    );
    app.stop().await;
}

/// A PNG of `side` × `side` black RGB pixels: small on the wire (deflate packs the
/// zeros), huge once decoded.
fn black_png(side: u32) -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        out.extend_from_slice(&crc.sum().to_be_bytes());
    }
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&side.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8 bits, RGB, no interlace
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    let row = vec![0u8; 1 + 3 * side as usize]; // filter byte, then the pixels
    for _ in 0..side {
        z.write_all(&row).unwrap();
    }
    let idat = z.finish().unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &ihdr);
    chunk(&mut out, b"IDAT", &idat);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A valid polygon: a circle of `n` vertices around the Grand-Place of Soignies.
fn circle(n: usize) -> Value {
    let (lon, lat) = SOIGNIES;
    let mut ring: Vec<[f64; 2]> = (0..n)
        .map(|i| {
            let a = std::f64::consts::TAU * i as f64 / n as f64;
            [lon + 0.004 * a.cos(), lat + 0.0025 * a.sin()]
        })
        .collect();
    ring.push(ring[0]);
    json!({
        "type": "Feature",
        "geometry": { "type": "Polygon", "coordinates": [ring] },
        "properties": {
            "kind": "works",
            "title": "Grand chantier",
            "schedule": { "periods": [{
                "start": dates::rfc(dates::now()),
                "end": dates::rfc(dates::now() + chrono::Duration::days(1))
            }] }
        }
    })
}

/// The peak resident memory of this process (the server runs in it), in MiB.
fn peak_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM in /proc/self/status");
    line.split_whitespace()
        .nth(1)
        .unwrap()
        .parse::<u64>()
        .unwrap()
        / 1024
}

/// Three citizens upload a 12000 × 12000 PNG (420 KB on the wire, 432 MB decoded) and
/// two agents preview polygons at once: one of 20,000 vertices (refused at once, naming
/// the limit) and one of 3,000 (checked, off the async workers). Meanwhile `/healthz`
/// answers within half a second every time, and the process stays under 600 MB.
async fn huge_photos_and_polygons_leave_the_server_answering(b: Backend) {
    let db = TestDb::new(b).await;
    let mut config = db.config(false);
    config.max_body_bytes = 1 << 20; // the default: a 20,000-vertex polygon fits
    let app = TestApp::start_with(config).await;
    let png = black_png(12_000);
    assert!(png.len() < 1 << 20, "{} bytes", png.len());

    let (busy, watch) = watch_health(&app);
    let upload = |png: Vec<u8>| {
        let base = app.base.clone();
        async move {
            let mut citizen = Browser::new(&base);
            citizen
                .describe_a_problem("50.5795", "4.0716", "Un plan.")
                .await;
            citizen
                .post_file("/signaler/photos", "photo", png, "plan.png", "image/png")
                .await
        }
    };
    let preview = |n: usize| {
        let app = &app;
        async move {
            app.request(
                reqwest::Method::POST,
                "/api/v1/conflicts/preview",
                Some(TOKEN),
                Some(&circle(n)),
            )
            .await
        }
    };
    let (photos, big, fine) = tokio::join!(
        futures::future::join_all((0..3).map(|_| upload(png.clone()))),
        preview(20_000),
        preview(3_000),
    );
    busy.store(false, Ordering::SeqCst);
    let slowest = watch.await.unwrap();

    for (status, page) in photos {
        assert_eq!(status, StatusCode::BAD_REQUEST, "{page}");
        assert!(page.contains("144 mégapixels"), "{page}");
        assert!(page.contains("40 mégapixels au plus"), "{page}");
    }
    let doc = big.problem(422, "/geometry", "too_many_vertices");
    assert!(doc.to_string().contains("at most 5000"), "{doc}");
    assert_eq!(fine.status, StatusCode::OK, "{}", fine.body);
    assert!(
        slowest < Duration::from_millis(500),
        "/healthz waited {slowest:?}"
    );
    let peak = peak_mib();
    assert!(peak < 600, "the process peaked at {peak} MiB");
    app.stop().await;
}
