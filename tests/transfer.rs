//! Imports and exports through the `balise` command, on SQLite and on PostgreSQL.
//!
//! The dates in the files are data carried through unchanged (fixed on purpose): no
//! assertion here depends on the day the test runs.

mod common;

use std::path::Path;
use std::process::Command;

use common::*;
use serde_json::{Value, json};

on_both_backends!(
    geojson_and_fgb_round_trip,
    a_bad_record_rejects_the_whole_file,
    belgian_lambert_coordinates_import,
    import_reaches_a_running_server
);

fn balise(db: &TestDb, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_balise"))
        .args(args)
        .arg("--database-url")
        .arg(&db.url)
        .arg("--data-dir")
        .arg(db.dir.path())
        .env("BALISE_LOG", "warn")
        .output()
        .expect("the balise binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn source() -> Value {
    json!({ "type": "FeatureCollection", "features": [
        { "type": "Feature", "geometry": { "type": "Point", "coordinates": [4.071, 50.579] },
          "properties": { "kind": "report", "title": "Nid-de-poule", "status": "new",
                          "schedule": { "periods": [{ "start": "2026-11-20T08:00:00Z" }] } } },
        { "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[4.1365, 50.6087], [4.1380, 50.6095], [4.1392, 50.6101]] },
          "properties": { "kind": "works", "title": "Réfection rue de Mons", "description": "Voirie fermée",
                          "attributes": { "entrepreneur": "Travaux SA", "lot": 2 },
                          "schedule": { "recurring": [{ "first_day": "2026-12-07", "last_day": "2026-12-18", "days": ["monday", "friday"],
                                                        "start_time": "07:00:00", "end_time": "17:00:00" }], "exceptions": ["2026-12-11"] } } },
        { "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[4.070, 50.578], [4.072, 50.578], [4.072, 50.580], [4.070, 50.580], [4.070, 50.578]]] },
          "properties": { "kind": "event", "title": "Marché de Noël", "visibility": "internal",
                          "schedule": { "periods": [{ "start": "2026-12-12T10:00:00Z", "end": "2026-12-13T22:00:00Z" }] } } }
    ]})
}

/// The features of an export, without what a new database assigns (ids, versions, times).
fn essence(path: &Path) -> Vec<Value> {
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut out: Vec<Value> = doc["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let mut p = f["properties"].clone();
            for k in ["version", "created_at", "updated_at"] {
                p.as_object_mut().unwrap().remove(k);
            }
            json!({ "geometry": f["geometry"], "properties": p })
        })
        .collect();
    out.sort_by_key(|v| v["properties"]["title"].as_str().unwrap().to_string());
    out
}

async fn geojson_and_fgb_round_trip(b: Backend) {
    let db = TestDb::new(b).await;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("source.geojson");
    std::fs::write(&src, source().to_string()).unwrap();
    let (ok, err) = balise(&db, &["import", src.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert!(err.contains("3 features imported"), "{err}");
    let first = dir.path().join("first.geojson");
    let (ok, err) = balise(
        &db,
        &[
            "export",
            "--format",
            "geojson",
            "--output",
            first.to_str().unwrap(),
        ],
    );
    assert!(ok, "{err}");
    let exported = essence(&first);
    assert_eq!(exported.len(), 3);
    // what went in comes out
    let works = exported
        .iter()
        .find(|f| f["properties"]["kind"] == "works")
        .unwrap();
    assert_eq!(works["geometry"], source()["features"][1]["geometry"]);
    assert_eq!(
        works["properties"]["attributes"],
        json!({ "entrepreneur": "Travaux SA", "lot": 2 })
    );
    assert_eq!(
        works["properties"]["schedule"],
        source()["features"][1]["properties"]["schedule"]
    );
    assert_eq!(
        exported
            .iter()
            .find(|f| f["properties"]["kind"] == "event")
            .unwrap()["properties"]["visibility"],
        "internal"
    );

    // the export imports into another database as the same features, through GeoJSON and FlatGeobuf
    for format in ["geojson", "fgb"] {
        let other = TestDb::new(b).await;
        let file = dir.path().join(format!("export.{format}"));
        let (ok, err) = balise(
            &db,
            &[
                "export",
                "--format",
                format,
                "--output",
                file.to_str().unwrap(),
            ],
        );
        assert!(ok, "{err}");
        let (ok, err) = balise(&other, &["import", file.to_str().unwrap()]);
        assert!(ok, "{format}: {err}");
        let again = dir.path().join(format!("again-{format}.geojson"));
        let (ok, err) = balise(&other, &["export", "--output", again.to_str().unwrap()]);
        assert!(ok, "{err}");
        assert_eq!(essence(&again), exported, "round trip through {format}");
    }
    // filters of the export
    let only = dir.path().join("works.geojson");
    let (ok, _) = balise(
        &db,
        &[
            "export",
            "--kind",
            "works",
            "--output",
            only.to_str().unwrap(),
        ],
    );
    assert!(ok);
    assert_eq!(essence(&only).len(), 1);
}

async fn a_bad_record_rejects_the_whole_file(b: Backend) {
    let db = TestDb::new(b).await;
    let dir = tempfile::tempdir().unwrap();
    let mut doc = source();
    doc["features"][1]["geometry"]["coordinates"] = json!([[4.150, 50.571], [4.151, 50.572]]); // in Ecaussinnes
    doc["features"][2]["properties"]["schedule"] =
        json!({ "periods": [{ "start": "2026-12-13T00:00:00Z", "end": "2026-12-12T00:00:00Z" }] });
    let file = dir.path().join("bad.geojson");
    std::fs::write(&file, doc.to_string()).unwrap();
    let (ok, err) = balise(&db, &["import", file.to_str().unwrap()]);
    assert!(!ok);
    assert!(
        err.contains("nothing imported; 2 record(s) rejected"),
        "{err}"
    );
    assert!(
        err.contains("feature 1: /geometry: the place lies in Ecaussinnes (55050)"),
        "{err}"
    );
    assert!(
        err.contains("feature 2: /properties/schedule/periods/0/end"),
        "{err}"
    );
    assert!(!err.contains("feature 0"), "{err}");
    // CSV: lines are named as a spreadsheet shows them
    let csv = dir.path().join("bad.csv");
    std::fs::write(&csv, "lon,lat,title,start,end\n4.071,50.579,Ok,2026-12-01,2026-12-02\nfour,50.579,Bad,2026-12-01,\n4.071,50.579,Bad date,01/12/2026,\n").unwrap();
    let (ok, err) = balise(
        &db,
        &["import", csv.to_str().unwrap(), "--kind", "occupation"],
    );
    assert!(!ok);
    assert!(err.contains("line 3: lon/lat"), "{err}");
    assert!(
        err.contains("line 4: start: `01/12/2026` is not a date"),
        "{err}"
    );
    let (ok, err) = balise(&db, &["import", csv.to_str().unwrap()]);
    assert!(!ok && err.contains("no kind: give --kind"), "{err}");
    // nothing was written
    let out = dir.path().join("out.geojson");
    balise(&db, &["export", "--output", out.to_str().unwrap()]);
    assert_eq!(essence(&out).len(), 0);
    // a file balise cannot read at all
    let (ok, err) = balise(
        &db,
        &["import", dir.path().join("nothing.shp").to_str().unwrap()],
    );
    assert!(!ok && err.contains("unknown format"), "{err}");
}

async fn belgian_lambert_coordinates_import(b: Backend) {
    let db = TestDb::new(b).await;
    let dir = tempfile::tempdir().unwrap();
    // Grand-Place of Soignies in Lambert 72 (PROJ: 4.0710, 50.5790)
    let csv = dir.path().join("lambert72.csv");
    std::fs::write(&csv, "x,y,titre,debut,fin,service\n128911.471,140963.501,Avaloir bouché,2026-12-01,2026-12-03,Voirie\n").unwrap();
    let (ok, err) = balise(
        &db,
        &[
            "import",
            csv.to_str().unwrap(),
            "--kind",
            "report",
            "--crs",
            "31370",
        ],
    );
    assert!(ok, "{err}");
    // a line in Lambert 2008, as WKT
    let wkt = dir.path().join("lambert2008.csv");
    std::fs::write(&wkt, "wkt;title;start\n\"LINESTRING (633563.793 644249.281, 633600 644300)\";Chantier;2026-12-01T08:00:00+01:00\n".replace(';', ",")).unwrap();
    let (ok, err) = balise(
        &db,
        &[
            "import",
            wkt.to_str().unwrap(),
            "--kind",
            "works",
            "--crs",
            "EPSG:3812",
        ],
    );
    assert!(ok, "{err}");
    // a GeoJSON file of the old kind that names its CRS
    let gj = dir.path().join("old.geojson");
    std::fs::write(&gj, json!({ "type": "FeatureCollection", "crs": { "type": "name", "properties": { "name": "urn:ogc:def:crs:EPSG::31370" } },
        "features": [{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [133560.905, 144250.621] },
                       "properties": { "title": "Braine", "start": "2026-12-01" } }] }).to_string()).unwrap();
    let (ok, err) = balise(&db, &["import", gj.to_str().unwrap(), "--kind", "event"]);
    assert!(ok, "{err}");
    let out = dir.path().join("out.geojson");
    balise(&db, &["export", "--output", out.to_str().unwrap()]);
    let all = essence(&out);
    let near = |v: &Value, lon: f64, lat: f64| {
        let (x, y) = (v[0].as_f64().unwrap(), v[1].as_f64().unwrap());
        let metres = (((x - lon) * 70_800.0).powi(2) + ((y - lat) * 111_200.0).powi(2)).sqrt();
        assert!(
            metres < 1.0,
            "({x}, {y}) is {metres:.2} m from ({lon}, {lat})"
        );
    };
    let report = all
        .iter()
        .find(|f| f["properties"]["kind"] == "report")
        .unwrap();
    near(&report["geometry"]["coordinates"], 4.0710, 50.5790);
    assert_eq!(
        report["properties"]["attributes"],
        json!({ "service": "Voirie" }),
        "other columns are kept"
    );
    assert_eq!(report["properties"]["commune"], "55040");
    // the end date is inclusive: the report runs to the end of 3 December, Brussels time
    assert_eq!(
        report["properties"]["schedule"]["periods"][0]["end"],
        "2026-12-03T23:00:00Z"
    );
    let works = all
        .iter()
        .find(|f| f["properties"]["kind"] == "works")
        .unwrap();
    near(&works["geometry"]["coordinates"][0], 4.1365, 50.6087);
    let event = all
        .iter()
        .find(|f| f["properties"]["kind"] == "event")
        .unwrap();
    near(&event["geometry"]["coordinates"], 4.1365, 50.6087);
    assert_eq!(event["properties"]["commune"], "55004");
}

async fn import_reaches_a_running_server(b: Backend) {
    let db = TestDb::new(b).await;
    let server = TestApp::start(&db, false).await;
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("source.geojson");
    std::fs::write(&src, source().to_string()).unwrap();
    let (ok, err) = balise(&db, &["import", src.to_str().unwrap()]);
    assert!(ok, "{err}");
    let mut seen = 0;
    for _ in 0..100 {
        seen = server.get_as_admin("/api/v1/features").await.json()["numberMatched"]
            .as_u64()
            .unwrap();
        if seen == 3 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(seen, 3, "the running server's index follows the database");
    server.stop().await;
}

/// Issue 13, point 3: damaged FlatGeobuf files — each byte of a real one set to 0xFF or
/// 0x00 in turn, and lengths set past the end — are refused with an error naming the
/// file, quickly and without allocating what a damaged length claims; no panic of the
/// reader escapes.
#[test]
fn damaged_flatgeobuf_files_are_refused_not_crashed_on() {
    let communes: Vec<_> = balise::fixtures::communes()
        .unwrap()
        .into_iter()
        .filter(|c| c.active)
        .collect();
    let mut features = balise::demo::synthetic(&communes, 12, 3, common::dates::now());
    for (i, f) in features.iter_mut().enumerate() {
        f.attributes
            .insert("lieu".into(), json!(format!("Rue {i} de la Station")));
    }
    let mut good = Vec::new();
    balise::transfer::write_fgb(&features.iter().collect::<Vec<_>>(), &mut good).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("abime.fgb");
    let opts = balise::transfer::ImportOptions {
        kind: None,
        commune: None,
        crs: None,
    };
    std::fs::write(&path, &good).unwrap();
    assert!(
        matches!(balise::transfer::read(&path, &opts), Ok(Ok(d)) if d.len() == 12),
        "the file before damage reads"
    );
    let started = std::time::Instant::now();
    let mut refused = 0;
    for at in 8..good.len() {
        for byte in [0xFF, 0x00] {
            let mut bad = good.clone();
            if bad[at] == byte {
                continue;
            }
            bad[at] = byte;
            std::fs::write(&path, &bad).unwrap();
            // a damaged value may still read, as records to check one by one; what
            // does not read is said, naming the file
            if let Err(e) = balise::transfer::read(&path, &opts) {
                assert!(format!("{e:#}").contains("abime.fgb"), "{e:#}");
                refused += 1;
            }
        }
    }
    assert!(refused > 0);
    // a header and a feature claiming 4 GB
    let header = u32::from_le_bytes(good[8..12].try_into().unwrap()) as usize;
    let index = flatgeobuf::packed_r_tree::PackedRTree::index_size(12, 16);
    for at in [8, 12 + header + index] {
        let mut bad = good.clone();
        bad[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        std::fs::write(&path, &bad).unwrap();
        let e = balise::transfer::read(&path, &opts).unwrap_err();
        assert!(format!("{e:#}").contains("claims"), "{e:#}");
    }
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
}
