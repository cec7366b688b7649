//! Vector tiles from the live index, on SQLite and on PostgreSQL.
//!
//! Every tile whose content is checked is asked for at an explicit instant (`at=`,
//! `from=`/`to=`) over schedules fixed in December 2026: no answer depends on the day.

mod common;

use balise::tiles::TileId;
use common::*;
use fast_mvt::{MvtGeometry, MvtReaderRef, MvtValueRef};
use geo::Coord;
use reqwest::StatusCode;
use serde_json::json;

on_both_backends!(
    catalog_and_tilejson,
    a_tile_shows_exactly_what_is_active,
    a_write_shows_in_the_next_tile,
    geometry_matches_the_source,
    internal_layers_need_a_token,
    bad_tile_requests_are_named,
    points_cluster_when_zoomed_out,
    the_cache_keeps_what_no_write_touched,
    clients_asking_for_one_missing_tile_at_once_wait_for_one_drawing,
    cache_hits_answered_early_are_the_same_answers,
);

/// One decoded feature: layer, id, geometry, string properties.
#[derive(Debug)]
struct Decoded {
    layer: String,
    id: Option<u64>,
    geometry: MvtGeometry,
    props: Vec<(String, String)>,
}

impl Decoded {
    fn prop(&self, k: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    }
}

fn decode(bytes: &[u8]) -> Vec<Decoded> {
    let reader = MvtReaderRef::new(bytes).expect("a valid tile");
    let mut out = Vec::new();
    for layer in reader.layers() {
        assert_eq!(layer.version(), 2);
        assert_eq!(layer.extent(), 4096);
        for f in layer.features() {
            let props = f
                .properties_vec()
                .unwrap()
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        MvtValueRef::String(s) => s.to_string(),
                        MvtValueRef::Bool(b) => b.to_string(),
                        MvtValueRef::UInt(n) => n.to_string(),
                        other => format!("{other:?}"),
                    };
                    (k.to_string(), v)
                })
                .collect();
            out.push(Decoded {
                layer: layer.name().to_string(),
                id: f.id(),
                geometry: f.geometry().unwrap(),
                props,
            });
        }
    }
    out
}

async fn fetch(t: &TestApp, path: &str) -> reqwest::Response {
    t.client.get(t.url(path)).send().await.unwrap()
}

fn tile_at(z: u8, lon: f64, lat: f64) -> TileId {
    TileId::containing(Coord { x: lon, y: lat }, z)
}

async fn catalog_and_tilejson(b: Backend) {
    let t = TestApp::spawn(b).await;
    let cat = t.get("/tiles").await.json();
    let names: Vec<&str> = cat["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["name"].as_str().unwrap())
        .collect();
    for n in [
        "works",
        "diversions",
        "parking_bans",
        "events",
        "occupations",
        "reports",
        "public",
        "internal",
        "communes",
    ] {
        assert!(names.contains(&n), "{n} missing from {names:?}");
    }
    let tj = t.get("/tiles/works").await.json();
    assert_eq!(tj["tilejson"], "3.0.0");
    assert_eq!(
        tj["tiles"][0],
        format!("{}/tiles/works/{{z}}/{{x}}/{{y}}.mvt", t.base)
    );
    assert_eq!(tj["vector_layers"][0]["id"], "works");
    assert_eq!(tj["vector_layers"][0]["fields"]["title"], "String");
    let bounds = tj["bounds"].as_array().unwrap();
    assert!(
        bounds[0].as_f64().unwrap() > 3.9 && bounds[2].as_f64().unwrap() < 4.3,
        "the two towns: {bounds:?}"
    );
    let combo = t.get("/tiles/works,communes").await.json();
    assert_eq!(combo["vector_layers"].as_array().unwrap().len(), 2);
    t.get("/tiles/roads").await.problem(404, "", "");
    t.get("/tiles/internal").await.problem(401, "", "");
    assert_eq!(
        t.get_as_admin("/tiles/internal").await.status,
        StatusCode::OK
    );
}

async fn a_tile_shows_exactly_what_is_active(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut ban = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-01T10:00:00+01:00",
        "2026-12-01T18:00:00+01:00",
    );
    ban["properties"]["kind"] = json!("parking_ban");
    ban["properties"]["title"] = json!("Stationnement interdit Grand-Place");
    let created = t.create(&ban).await;
    t.create(&works_in_soignies()).await; // another kind, another layer
    let tile = tile_at(16, SOIGNIES.0, SOIGNIES.1);
    let path = |at: &str| {
        format!(
            "/tiles/parking_bans/{}/{}/{}.mvt?at={}",
            tile.z,
            tile.x,
            tile.y,
            at.replace('+', "%2B")
        )
    };
    let r = fetch(&t, &path("2026-12-01T17:59:59+01:00")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        r.headers()["content-type"],
        "application/vnd.mapbox-vector-tile"
    );
    assert_eq!(r.headers()["cache-control"], "public, max-age=60");
    let features = decode(&r.bytes().await.unwrap());
    assert_eq!(features.len(), 1, "{features:?}");
    let f = &features[0];
    assert_eq!(f.layer, "parking_bans");
    assert_eq!(f.prop("title"), Some("Stationnement interdit Grand-Place"));
    assert_eq!(f.prop("starts"), Some("2026-12-01T09:00:00Z"));
    assert_eq!(f.prop("ends"), Some("2026-12-01T17:00:00Z"));
    let id = uuid::Uuid::parse_str(created["id"].as_str().unwrap()).unwrap();
    assert_eq!(f.id, Some(balise::tiles::render::feature_id(&id)));
    assert!(f.id.unwrap() < 1 << 53, "exact in JavaScript");
    // the end is outside: an empty tile is 204
    assert_eq!(
        fetch(&t, &path("2026-12-01T18:00:00+01:00")).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        fetch(&t, &path("2026-12-01T09:59:59+01:00")).await.status(),
        StatusCode::NO_CONTENT
    );
    // a range overlapping the period, and several layers in one tile
    let both = format!(
        "/tiles/parking_bans,works,communes/{}/{}/{}.mvt?from=2026-12-01&to=2026-12-02",
        tile.z, tile.x, tile.y
    );
    let features = decode(&fetch(&t, &both).await.bytes().await.unwrap());
    let layers: Vec<&str> = features.iter().map(|f| f.layer.as_str()).collect();
    assert!(
        layers.contains(&"parking_bans")
            && layers.contains(&"works")
            && layers.contains(&"communes"),
        "{layers:?}"
    );
    let soignies = features.iter().find(|f| f.layer == "communes").unwrap();
    assert_eq!(soignies.prop("name_fr"), Some("Soignies"));
    assert_eq!(soignies.prop("active"), Some("true"));
}

async fn a_write_shows_in_the_next_tile(b: Backend) {
    let t = TestApp::spawn(b).await;
    t.create(&works_in_soignies()).await;
    let tile = tile_at(15, SOIGNIES.0, SOIGNIES.1);
    let path = format!(
        "/tiles/works/{}/{}/{}.mvt?at=2026-12-01T12:00:00Z",
        tile.z, tile.x, tile.y
    );
    let first = fetch(&t, &path).await;
    let etag = first.headers()["etag"].to_str().unwrap().to_string();
    assert_eq!(decode(&first.bytes().await.unwrap()).len(), 1);
    // unchanged: 304
    let again = t
        .client
        .get(t.url(&path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    // a new feature in the tile is there at once, under a new ETag
    t.create(&works_at(
        SOIGNIES.0 + 0.001,
        SOIGNIES.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    ))
    .await;
    let after = t
        .client
        .get(t.url(&path))
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::OK);
    assert_ne!(after.headers()["etag"].to_str().unwrap(), etag);
    assert_eq!(decode(&after.bytes().await.unwrap()).len(), 2);
    // gzip when asked
    let gz = t
        .client
        .get(t.url(&path))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(gz.headers()["content-encoding"], "gzip");
    assert_eq!(gz.headers()["vary"], "accept-encoding");
    let mut plain = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&gz.bytes().await.unwrap()[..]),
        &mut plain,
    )
    .unwrap();
    assert_eq!(decode(&plain).len(), 2, "the gzipped tile is the same tile");
    // refused gzip, or none asked: plain bytes
    for accept in ["gzip;q=0, identity", "identity"] {
        let r = t
            .client
            .get(t.url(&path))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert!(r.headers().get("content-encoding").is_none(), "{accept}");
        assert_eq!(decode(&r.bytes().await.unwrap()).len(), 2);
    }
}

async fn geometry_matches_the_source(b: Backend) {
    let t = TestApp::spawn(b).await;
    let coords = [[4.0700, 50.5785], [4.0712, 50.5792], [4.0721, 50.5790]];
    let line = json!({ "type": "Feature", "geometry": { "type": "LineString", "coordinates": coords },
        "properties": { "kind": "works", "title": "Rue", "schedule": { "periods": [{ "start": "2026-12-01T00:00:00Z" }] } } });
    t.create(&line).await;
    let tile = tile_at(18, 4.0712, 50.5792); // the layer's max zoom: no simplification
    let path = format!(
        "/tiles/works/{}/{}/{}.mvt?at=2026-12-02T00:00:00Z",
        tile.z, tile.x, tile.y
    );
    let features = decode(&fetch(&t, &path).await.bytes().await.unwrap());
    let MvtGeometry::LineString(l) = &features[0].geometry else {
        panic!("{features:?}")
    };
    // every source vertex inside the tile and its buffer is there, within one unit
    for c in coords {
        let p = tile.project(Coord { x: c[0], y: c[1] });
        if (-64.0..=4160.0).contains(&p.x) && (-64.0..=4160.0).contains(&p.y) {
            assert!(
                l.0.iter()
                    .any(|q| (q.x as f64 - p.x).abs() <= 1.0 && (q.y as f64 - p.y).abs() <= 1.0),
                "{p:?} not in {l:?}"
            );
        }
    }
    // nothing leaves the tile's buffer
    assert!(
        l.0.iter()
            .all(|q| (-64..=4160).contains(&q.x) && (-64..=4160).contains(&q.y)),
        "{l:?}"
    );
}

async fn internal_layers_need_a_token(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut f = works_in_soignies();
    f["properties"]["visibility"] = json!("internal");
    t.create(&f).await;
    let tile = tile_at(15, SOIGNIES.0, SOIGNIES.1);
    let public = format!(
        "/tiles/public/{}/{}/{}.mvt?at=2026-12-01T12:00:00Z",
        tile.z, tile.x, tile.y
    );
    assert_eq!(
        fetch(&t, &public).await.status(),
        StatusCode::NO_CONTENT,
        "public layers carry public features only"
    );
    let internal = public.replace("/public/", "/internal/");
    t.get(&internal).await.problem(401, "", "");
    let r = t
        .client
        .get(t.url(&internal))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["cache-control"], "private, no-store");
    let features = decode(&r.bytes().await.unwrap());
    assert_eq!(features[0].prop("visibility"), Some("internal"));
}

async fn bad_tile_requests_are_named(b: Backend) {
    let t = TestApp::spawn(b).await;
    t.get("/tiles/works/3/8/0.mvt")
        .await
        .problem(400, "/tile", "invalid_tile");
    t.get("/tiles/works/23/0/0.mvt")
        .await
        .problem(400, "/tile", "invalid_tile");
    t.get("/tiles/works/a/0/0.mvt")
        .await
        .problem(400, "/tile", "invalid_tile");
    t.get("/tiles/works/1/0/0.png")
        .await
        .problem(400, "/tile", "invalid_tile");
    t.get("/tiles/roads/1/0/0.mvt").await.problem(404, "", "");
    t.get("/tiles/works/1/0/0.mvt?at=noon")
        .await
        .problem(400, "?at", "invalid_time");
    t.get("/tiles/works/1/0/0.mvt?size=big")
        .await
        .problem(400, "", "");
    // outside the layer's zoom range: empty
    assert_eq!(
        t.get("/tiles/works/2/2/1.mvt").await.status,
        StatusCode::NO_CONTENT
    );
}

async fn points_cluster_when_zoomed_out(b: Backend) {
    let t = TestApp::spawn(b).await;
    let report = |lon: f64, lat: f64| {
        let mut r = works_at(lon, lat, "2026-12-01T00:00:00Z", "2026-12-02T00:00:00Z");
        r["properties"]["kind"] = json!("report");
        r
    };
    // five reports within a few metres, and one across town
    for i in 0..5 {
        t.create(&report(SOIGNIES.0 + i as f64 * 0.00005, SOIGNIES.1))
            .await;
    }
    t.create(&report(SOIGNIES.0 + 0.02, SOIGNIES.1 - 0.01))
        .await;
    let get = |z: u8| {
        let tile = tile_at(z, SOIGNIES.0, SOIGNIES.1);
        format!(
            "/tiles/reports/{}/{}/{}.mvt?at=2026-12-01T12:00:00Z",
            tile.z, tile.x, tile.y
        )
    };
    let zoomed_out = decode(&fetch(&t, &get(12)).await.bytes().await.unwrap());
    let cluster = zoomed_out
        .iter()
        .find(|f| f.prop("cluster") == Some("true"))
        .expect("a cluster");
    assert_eq!(cluster.prop("count"), Some("5"));
    assert_eq!(cluster.id, None, "a cluster is not a feature");
    let alone = zoomed_out
        .iter()
        .filter(|f| f.prop("cluster").is_none())
        .count();
    assert_eq!(
        alone, 1,
        "a point alone in its cell stays itself: {zoomed_out:?}"
    );
    let zoomed_in = decode(&fetch(&t, &get(16)).await.bytes().await.unwrap());
    assert_eq!(
        zoomed_in.iter().filter(|f| f.id.is_some()).count(),
        5,
        "{zoomed_in:?}"
    );
    assert!(zoomed_in.iter().all(|f| f.prop("cluster").is_none()));
    let tj = t.get("/tiles/reports").await.json();
    assert_eq!(tj["vector_layers"][0]["fields"]["count"], "Number");
}

async fn cache_count(t: &TestApp, result: &str) -> u64 {
    let m = t.get_as_admin("/metrics").await.body;
    let line = format!("balise_tile_cache_total{{result=\"{result}\"}} ");
    m.lines()
        .find_map(|l| l.strip_prefix(&line))
        .map_or(0, |n| n.parse().unwrap())
}

async fn the_cache_keeps_what_no_write_touched(b: Backend) {
    let t = TestApp::spawn(b).await;
    t.create(&works_in_soignies()).await;
    let tile = tile_at(15, SOIGNIES.0, SOIGNIES.1);
    let path = format!(
        "/tiles/works/{}/{}/{}.mvt?at=2026-12-01T12:00:00Z",
        tile.z, tile.x, tile.y
    );
    let count = |path: String| {
        let t = &t;
        async move { decode(&fetch(t, &path).await.bytes().await.unwrap()).len() }
    };
    assert_eq!(count(path.clone()).await, 1);
    assert_eq!(count(path.clone()).await, 1);
    assert_eq!(
        (cache_count(&t, "miss").await, cache_count(&t, "hit").await),
        (1, 1)
    );
    // works far away, and an event right here (another layer): the tile stays cached
    t.create(&works_at(
        BRAINE.0,
        BRAINE.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    ))
    .await;
    let mut event = works_in_soignies();
    event["properties"]["kind"] = json!("event");
    t.create(&event).await;
    assert_eq!(count(path.clone()).await, 1);
    assert_eq!(
        (cache_count(&t, "miss").await, cache_count(&t, "hit").await),
        (1, 2)
    );
    // works here: drawn again, and right
    t.create(&works_at(
        SOIGNIES.0 + 0.0005,
        SOIGNIES.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    ))
    .await;
    assert_eq!(count(path.clone()).await, 2);
    assert_eq!(cache_count(&t, "miss").await, 2);
}

async fn clients_asking_for_one_missing_tile_at_once_wait_for_one_drawing(b: Backend) {
    let t = TestApp::spawn(b).await;
    // enough features that drawing the zoomed-out tile takes a while
    let anchor = chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00Z").unwrap();
    let features = balise::demo::synthetic(&t.app.communes(), 5_000, 7, anchor.into());
    t.app
        .insert_all(
            features,
            &balise::policy::Actor::System("test".into()),
            &|_| {},
        )
        .await
        .unwrap();
    // the change feed also reports this bulk write, a moment later, and clears the
    // cache; a tile drawn across such a change is rightly not kept (so a second request
    // draws it again). Let the feed settle, and allow two more tries at other times.
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let tile = tile_at(10, SOIGNIES.0, SOIGNIES.1);
    let mut seen = Vec::new();
    for hour in ["12", "13", "14"] {
        let path = format!(
            "/tiles/public/{}/{}/{}.mvt?at=2026-12-01T{hour}:00:00Z",
            tile.z, tile.x, tile.y
        );
        let (miss, hit) = (cache_count(&t, "miss").await, cache_count(&t, "hit").await);
        let answers = futures::future::join_all((0..16).map(|_| fetch(&t, &path))).await;
        let mut etags = std::collections::BTreeSet::new();
        for a in answers {
            assert_eq!(a.status(), StatusCode::OK);
            etags.insert(a.headers()["etag"].to_str().unwrap().to_string());
        }
        assert_eq!(etags.len(), 1, "every client got the same tile");
        let counts = (
            cache_count(&t, "miss").await - miss,
            cache_count(&t, "hit").await - hit,
        );
        if counts == (1, 15) {
            return;
        }
        seen.push(counts);
    }
    panic!("one request should draw the tile while the others wait; (misses, hits): {seen:?}");
}

/// Status, headers (but the date) and body, to compare two answers.
async fn answer_of(r: reqwest::Response) -> (StatusCode, Vec<(String, String)>, Vec<u8>) {
    let status = r.status();
    let mut headers: Vec<(String, String)> = r
        .headers()
        .iter()
        .filter(|(k, _)| *k != "date")
        .map(|(k, v)| (k.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    headers.sort();
    (status, headers, r.bytes().await.unwrap().to_vec())
}

async fn cache_hits_answered_early_are_the_same_answers(b: Backend) {
    let db = TestDb::new(b).await;
    let mut config = db.config(false);
    config.rate_limit_per_minute = 60; // bursts of 10
    let t = TestApp::start_with(config).await;
    t.create(&works_in_soignies()).await;
    let tile = tile_at(15, SOIGNIES.0, SOIGNIES.1);
    let path = format!(
        "/tiles/works,communes/{}/{}/{}.mvt?at=2026-12-01T12:00:00Z",
        tile.z, tile.x, tile.y
    );
    let get = |token: bool, extra: Option<(&'static str, String)>| {
        let mut r = t.client.get(t.url(&path));
        // a token sends a request the long way, through the router and its middleware
        if token {
            r = r.bearer_auth(TOKEN);
        }
        if let Some((k, v)) = extra {
            r = r.header(k, v);
        }
        async move { answer_of(r.send().await.unwrap()).await }
    };
    let drawn = get(false, None).await; // a miss: drawn through the router
    assert_eq!(drawn.0, StatusCode::OK);
    let early = get(false, None).await;
    let long_way = get(true, None).await;
    assert_eq!(early, drawn);
    assert_eq!(early, long_way);
    let gzip = || Some(("accept-encoding", "gzip".to_string()));
    assert_eq!(get(false, gzip()).await, get(true, gzip()).await);
    let etag = early.1.iter().find(|(k, _)| k == "etag").unwrap().1.clone();
    let cached = get(false, Some(("if-none-match", etag.clone()))).await;
    assert_eq!(cached.0, StatusCode::NOT_MODIFIED);
    assert_eq!(cached, get(true, Some(("if-none-match", etag))).await);
    assert_eq!(cache_count(&t, "hit").await, 6);
    let metrics = t.get_as_admin("/metrics").await.body;
    assert!(
        metrics.contains(r#"balise_http_requests_total{method="GET",route="/tiles/{layers}/{z}/{x}/{file}",status="200"} 5"#)
            && metrics.contains(r#"balise_http_requests_total{method="GET",route="/tiles/{layers}/{z}/{x}/{file}",status="304"} 2"#),
        "every answer is counted, early or not: {metrics}"
    );
    // the early answers keep to the client's rate limit
    let mut limited = false;
    for _ in 0..10 {
        limited |= get(false, None).await.0 == StatusCode::TOO_MANY_REQUESTS;
    }
    assert!(limited, "cache hits are rate limited too");
    t.stop().await;
}
