//! The JSON API contract, on SQLite and on PostgreSQL.
//!
//! The dates written here are fixed on purpose: schedules in the winter of 2026 that
//! the tests ask about with an explicit `at=`/`from=`/`to=`, or data whose day does not
//! matter (a round trip, a precondition). What means "now" comes from `common::dates`.

mod common;

use chrono::Duration;
use common::*;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

on_both_backends!(
    demo_data_shows_every_kind_now,
    the_demo_is_alive_on_the_days_that_break_calendars,
    create_read_replace_delete,
    stale_and_missing_preconditions,
    history_records_who_and_what,
    writes_need_the_admin_token,
    internal_features_stay_internal,
    bad_input_is_named,
    time_filters_are_half_open,
    weekly_windows_are_respected,
    filters_by_kind_commune_and_bbox,
    paging_is_stable,
    commune_is_derived_or_checked,
    restart_rebuilds_the_same_index,
    concurrent_updates_one_wins,
    another_instance_sees_writes,
    communes_health_and_metrics,
    clients_are_rate_limited,
    a_forged_forwarded_for_does_not_escape_the_limit,
    every_answer_carries_its_protections,
    demo_data_is_loaded_once_by_instances_starting_together,
);

fn ids(v: &Value) -> Vec<String> {
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

fn kinds(v: &Value) -> std::collections::BTreeSet<String> {
    v["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["kind"].as_str().unwrap().to_string())
        .collect()
}

async fn demo_data_shows_every_kind_now(b: Backend) {
    let db = TestDb::new(b).await;
    let t = TestApp::start(&db, true).await;
    // whenever the test runs (a weekday noon, a Sunday night), every kind is on the map
    let now = common::dates::now();
    let sunday_night = {
        let days = (7 - chrono::Datelike::weekday(&now).num_days_from_sunday()) % 7;
        (now + Duration::days(days as i64))
            .date_naive()
            .and_hms_opt(2, 0, 0)
            .unwrap()
            .and_utc()
    };
    for at in [now, sunday_night] {
        let a = t
            .get(&format!(
                "/api/v1/features?bbox=3.95,50.49,4.26,50.67&limit=1000&at={}",
                at.format("%Y-%m-%dT%H:%M:%SZ")
            ))
            .await;
        assert_eq!(a.status, StatusCode::OK);
        let got = kinds(&a.json());
        for k in [
            "works",
            "diversion",
            "parking_ban",
            "event",
            "occupation",
            "report",
        ] {
            assert!(got.contains(k), "no {k} active at {at}: {got:?}");
        }
        // both towns are alive
        for nis in ["55040", "55004"] {
            let a = t
                .get(&format!(
                    "/api/v1/features?commune={nis}&at={}",
                    at.format("%Y-%m-%dT%H:%M:%SZ")
                ))
                .await;
            assert!(
                a.json()["numberMatched"].as_u64().unwrap() >= 5,
                "{nis} at {at}"
            );
        }
    }
    // internal demo items are not public
    let public = t.get("/api/v1/features?limit=1000").await.json();
    let all = t.get_as_admin("/api/v1/features?limit=1000").await.json();
    assert!(all["numberMatched"].as_u64() > public["numberMatched"].as_u64());
    t.stop().await;
}

/// When a schedule of the demo begins and ends, as dates in Brussels.
fn span(f: &Value) -> (chrono::NaiveDate, Option<chrono::NaiveDate>) {
    let s = &f["properties"]["schedule"];
    let local = |v: &Value| {
        let t = chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap()).unwrap();
        t.with_timezone(&balise::model::schedule::LOCAL_TZ)
            .date_naive()
    };
    let date =
        |v: &Value| chrono::NaiveDate::parse_from_str(v.as_str().unwrap(), "%Y-%m-%d").unwrap();
    if let Some(p) = s["periods"].get(0) {
        // an end is the first instant after the period: its last day is the day before
        let last = p.get("end").filter(|e| !e.is_null()).map(|e| {
            (chrono::DateTime::parse_from_rfc3339(e.as_str().unwrap()).unwrap()
                - Duration::seconds(1))
            .with_timezone(&balise::model::schedule::LOCAL_TZ)
            .date_naive()
        });
        (local(&p["start"]), last)
    } else {
        let r = &s["recurring"][0];
        (date(&r["first_day"]), Some(date(&r["last_day"])))
    }
}

/// The demo stays a live town on the days that break calendars: just after midnight on
/// New Year's Day, late on New Year's Eve, the night clocks go forward (the last Sunday
/// of March), the Saturday before Easter Monday. Each time: works under way, events
/// coming, parking bans ending, reports numbered in the year, and a full map today.
async fn the_demo_is_alive_on_the_days_that_break_calendars(b: Backend) {
    use chrono::{Datelike, NaiveDate, Weekday};
    use common::dates::{day, local, pin_local, rfc, today};
    let year = today().year() + 1;
    let ymd = |m, d| NaiveDate::from_ymd_opt(year, m, d).unwrap();
    let last_sunday_of_march = (25..=31)
        .map(|d| ymd(3, d))
        .find(|d| d.weekday() == Weekday::Sun)
        .unwrap();
    let easter_saturday = balise::model::calendar::easter_sunday(year) - Duration::days(1);
    for (d, hm) in [
        (ymd(1, 1), "00:30"),
        (ymd(12, 31), "23:30"),
        (last_sunday_of_march, "03:30"),
        (easter_saturday, "10:00"),
    ] {
        pin_local(d, hm);
        let when = format!("{d} {hm}");
        let db = TestDb::new(b).await;
        let t = TestApp::start(&db, true).await;
        let now = rfc(local(d, hm));
        let active = t
            .get(&format!("/api/v1/features?limit=1000&at={now}"))
            .await
            .json();
        let got = kinds(&active);
        assert!(got.contains("works"), "{when}: no works under way: {got:?}");
        let all = t.get("/api/v1/features?limit=1000").await.json();
        let features = all["features"].as_array().unwrap();
        let of = |kind: &'static str| {
            features
                .iter()
                .filter(move |f| f["properties"]["kind"] == kind)
        };
        assert!(
            of("event").any(|f| {
                let (start, _) = span(f);
                start > day(0) && start <= day(21)
            }),
            "{when}: no event coming in the next three weeks"
        );
        assert!(
            of("parking_ban").any(|f| {
                let (_, last) = span(f);
                last.is_some_and(|l| l >= day(0) && l <= day(7))
            }),
            "{when}: no parking ban ending within a week"
        );
        for r in of("report") {
            let reference = r["properties"]["attributes"]["reference"].as_str().unwrap();
            assert!(
                reference.contains(&format!("-{}-", today().year())),
                "{when}: {reference} is not numbered in the year"
            );
        }
        let page = t.get("/carte").await;
        assert_eq!(page.status, StatusCode::OK);
        let count: usize = page
            .body
            .split("data-count=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        assert!(count >= 10, "{when}: only {count} features on today's map");
        t.stop().await;
    }
}

async fn create_read_replace_delete(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut body = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-07T07:00:00+01:00",
        "2026-12-18T17:00:00+01:00",
    );
    body["properties"]["attributes"] = json!({ "entrepreneur": "Travaux Hainaut SA", "lot": 3 });
    let a = t.post(&body).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let created = a.json();
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(a.header("location"), format!("/api/v1/features/{id}"));
    assert_eq!(a.header("etag"), "\"1\"");
    assert_eq!(a.header("content-type"), "application/geo+json");
    assert_eq!(
        created["properties"]["commune"], "55040",
        "derived by point-in-polygon"
    );
    assert_eq!(
        created["properties"]["status"], "planned",
        "the kind's default status"
    );
    assert_eq!(created["properties"]["attributes"]["lot"], 3);
    assert_eq!(
        created["properties"]["schedule"]["periods"][0]["start"], "2026-12-07T06:00:00Z",
        "stored in UTC"
    );

    let read = t.get(&format!("/api/v1/features/{id}")).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json(), created);
    // conditional GET
    let again = t
        .client
        .get(t.url(&format!("/api/v1/features/{id}")))
        .header("if-none-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);

    // what GET returned can be sent back, changed
    let mut next = created.clone();
    next["properties"]["title"] = json!("Réfection de trottoir, phase 2");
    next["properties"]["status"] = json!("in_progress");
    let put = t
        .client
        .put(t.url(&format!("/api/v1/features/{id}")))
        .bearer_auth(TOKEN)
        .header("content-type", "application/geo+json")
        .header("if-match", "\"1\"")
        .body(next.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(put.status(), StatusCode::OK);
    assert_eq!(put.headers()["etag"], "\"2\"");
    let put: Value = put.json().await.unwrap();
    assert_eq!(put["properties"]["version"], 2);
    assert_eq!(
        put["properties"]["created_at"],
        created["properties"]["created_at"]
    );
    assert_eq!(
        t.get(&format!("/api/v1/features/{id}")).await.json()["properties"]["title"],
        "Réfection de trottoir, phase 2"
    );

    let del = t
        .request(
            Method::DELETE,
            &format!("/api/v1/features/{id}"),
            Some(TOKEN),
            None,
        )
        .await;
    assert_eq!(del.status, StatusCode::NO_CONTENT);
    t.get(&format!("/api/v1/features/{id}"))
        .await
        .problem(404, "", "");
    assert_eq!(t.get("/api/v1/features").await.json()["numberMatched"], 0);
    let del = t
        .request(
            Method::DELETE,
            &format!("/api/v1/features/{id}"),
            Some(TOKEN),
            None,
        )
        .await;
    del.problem(404, "", "");
}

async fn put(t: &TestApp, id: &str, body: &Value, if_match: Option<&str>) -> Answer {
    let mut req = t
        .client
        .put(t.url(&format!("/api/v1/features/{id}")))
        .bearer_auth(TOKEN)
        .header("content-type", "application/json")
        .body(body.to_string());
    if let Some(m) = if_match {
        req = req.header("if-match", m);
    }
    let r = req.send().await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    Answer {
        status,
        headers,
        body: r.text().await.unwrap(),
    }
}

async fn stale_and_missing_preconditions(b: Backend) {
    let t = TestApp::spawn(b).await;
    let f = t
        .create(&works_at(
            SOIGNIES.0,
            SOIGNIES.1,
            "2026-12-07T07:00:00Z",
            "2026-12-08T07:00:00Z",
        ))
        .await;
    let id = f["id"].as_str().unwrap();
    assert_eq!(put(&t, id, &f, Some("\"1\"")).await.status, StatusCode::OK);
    let stale = put(&t, id, &f, Some("\"1\"")).await;
    let doc = stale.problem(412, "", "");
    assert_eq!(
        stale.header("etag"),
        "\"2\"",
        "the current version is given"
    );
    assert!(
        doc["detail"].as_str().unwrap().contains("version 2"),
        "{doc}"
    );
    put(&t, id, &f, None).await.problem(428, "", "");
    put(&t, id, &f, Some("yesterday"))
        .await
        .problem(400, "header if-match", "invalid_header");
    assert_eq!(put(&t, id, &f, Some("*")).await.status, StatusCode::OK);
    // a stale delete is refused too, and nothing is deleted
    let del = t
        .client
        .delete(t.url(&format!("/api/v1/features/{id}")))
        .bearer_auth(TOKEN)
        .header("if-match", "\"1\"")
        .send()
        .await
        .unwrap();
    assert_eq!(del.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(
        t.get(&format!("/api/v1/features/{id}")).await.status,
        StatusCode::OK
    );
    let missing = uuid::Uuid::now_v7();
    put(&t, &missing.to_string(), &f, Some("\"1\""))
        .await
        .problem(404, "", "");
}

async fn history_records_who_and_what(b: Backend) {
    let t = TestApp::spawn(b).await;
    let f = t
        .create(&works_at(
            SOIGNIES.0,
            SOIGNIES.1,
            "2026-12-07T07:00:00Z",
            "2026-12-08T07:00:00Z",
        ))
        .await;
    let id = f["id"].as_str().unwrap();
    let mut next = f.clone();
    next["properties"]["title"] = json!("Nouveau titre");
    assert_eq!(
        put(&t, id, &next, Some("\"1\"")).await.status,
        StatusCode::OK
    );
    t.request(
        Method::DELETE,
        &format!("/api/v1/features/{id}"),
        Some(TOKEN),
        None,
    )
    .await;
    t.get(&format!("/api/v1/features/{id}/history"))
        .await
        .problem(401, "", "");
    let h = t
        .get_as_admin(&format!("/api/v1/features/{id}/history"))
        .await
        .json();
    let h = h["history"].as_array().unwrap();
    let actions: Vec<&str> = h.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    assert!(
        h.iter()
            .all(|e| e["actor"] == "admin-token" && e["at"].is_string())
    );
    assert_eq!(
        h[1]["changes"],
        json!({ "title": { "from": "Réfection de trottoir", "to": "Nouveau titre" } })
    );
    assert_eq!(
        h[2]["changes"]["title"], "Nouveau titre",
        "the deleted state is kept"
    );
}

async fn writes_need_the_admin_token(b: Backend) {
    let t = TestApp::spawn(b).await;
    let body = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-07T07:00:00Z",
        "2026-12-08T07:00:00Z",
    );
    let anon = t
        .request(Method::POST, "/api/v1/features", None, Some(&body))
        .await;
    anon.problem(401, "", "");
    assert!(anon.header("www-authenticate").starts_with("Bearer"));
    t.request(
        Method::POST,
        "/api/v1/features",
        Some("wrong-token-wrong-token"),
        Some(&body),
    )
    .await
    .problem(401, "", "");
    // a wrong token is refused even where anonymous reading is allowed
    t.request(
        Method::GET,
        "/api/v1/features",
        Some("wrong-token-wrong-token"),
        None,
    )
    .await
    .problem(401, "", "");
    let f = t.create(&body).await;
    let id = f["id"].as_str().unwrap();
    t.request(
        Method::DELETE,
        &format!("/api/v1/features/{id}"),
        None,
        None,
    )
    .await
    .problem(401, "", "");
    let anon_put = t
        .client
        .put(t.url(&format!("/api/v1/features/{id}")))
        .header("content-type", "application/json")
        .header("if-match", "\"1\"")
        .body(f.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(anon_put.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        t.get("/api/v1/features").await.json()["numberMatched"],
        1,
        "nothing was written by the refused calls"
    );
}

async fn internal_features_stay_internal(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut body = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-07T07:00:00Z",
        "2026-12-08T07:00:00Z",
    );
    body["properties"]["visibility"] = json!("internal");
    let f = t.create(&body).await;
    let id = f["id"].as_str().unwrap();
    assert_eq!(t.get("/api/v1/features").await.json()["numberMatched"], 0);
    t.get(&format!("/api/v1/features/{id}"))
        .await
        .problem(404, "", "");
    assert_eq!(
        t.get_as_admin("/api/v1/features").await.json()["numberMatched"],
        1
    );
    assert_eq!(
        t.get_as_admin(&format!("/api/v1/features/{id}"))
            .await
            .status,
        StatusCode::OK
    );
}

async fn bad_input_is_named(b: Backend) {
    let t = TestApp::spawn(b).await;
    let ok = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-07T07:00:00Z",
        "2026-12-08T07:00:00Z",
    );
    let send_raw = |body: String, ct: &'static str| {
        let req = t
            .client
            .post(t.url("/api/v1/features"))
            .bearer_auth(TOKEN)
            .header("content-type", ct)
            .body(body);
        async move {
            let r = req.send().await.unwrap();
            let status = r.status();
            let headers = r.headers().clone();
            Answer {
                status,
                headers,
                body: r.text().await.unwrap(),
            }
        }
    };
    // bad JSON: the position is given
    let a = send_raw("{\"type\": \"Feature\",".into(), "application/json").await;
    let doc = a.problem(400, "", "invalid_json");
    assert!(doc["detail"].as_str().unwrap().contains("line 1"), "{doc}");
    // wrong media type
    send_raw(ok.to_string(), "text/plain")
        .await
        .problem(415, "", "");
    // too large
    let mut big = ok.clone();
    big["properties"]["description"] = json!("x".repeat(70 * 1024));
    let a = send_raw(big.to_string(), "application/json").await;
    assert!(
        a.problem(413, "", "")["detail"]
            .as_str()
            .unwrap()
            .contains("65536")
    );
    // unknown kind
    let mut v = ok.clone();
    v["properties"]["kind"] = json!("roadworks");
    let doc = t
        .post(&v)
        .await
        .problem(422, "/properties/kind", "unknown_kind");
    assert!(
        doc["detail"].as_str().unwrap().contains("parking_ban"),
        "lists the kinds: {doc}"
    );
    // self-intersecting polygon
    let mut v = ok.clone();
    v["geometry"] = json!({ "type": "Polygon", "coordinates": [[[4.07, 50.579], [4.072, 50.581], [4.072, 50.579], [4.07, 50.581], [4.07, 50.579]]] });
    t.post(&v)
        .await
        .problem(422, "/geometry", "invalid_geometry");
    // ring not closed
    let mut v = ok.clone();
    v["geometry"] = json!({ "type": "Polygon", "coordinates": [[[4.07, 50.579], [4.072, 50.581], [4.072, 50.579], [4.071, 50.578]]] });
    t.post(&v)
        .await
        .problem(422, "/geometry", "invalid_geometry");
    // lat/lon swapped
    let mut v = ok.clone();
    v["geometry"] = json!({ "type": "Point", "coordinates": [50.579, 4.071] });
    let doc = t
        .post(&v)
        .await
        .problem(422, "/geometry", "outside_active_communes");
    assert!(
        doc["detail"]
            .as_str()
            .unwrap()
            .contains("outside every known commune"),
        "{doc}"
    );
    // in a neighbour: named
    let mut v = ok.clone();
    v["geometry"] = json!({ "type": "Point", "coordinates": [ECAUSSINNES.0, ECAUSSINNES.1] });
    let doc = t
        .post(&v)
        .await
        .problem(422, "/geometry", "outside_active_communes");
    assert!(
        doc["detail"]
            .as_str()
            .unwrap()
            .contains("Ecaussinnes (55050)"),
        "{doc}"
    );
    // end before start, and several faults at once
    let mut v = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-08T07:00:00Z",
        "2026-12-07T07:00:00Z",
    );
    v["properties"]["title"] = json!("");
    v["properties"]["colour"] = json!("red");
    let a = t.post(&v).await;
    a.problem(
        422,
        "/properties/schedule/periods/0/end",
        "end_before_start",
    );
    a.problem(422, "/properties/title", "required");
    a.problem(422, "/properties/colour", "unknown_property");
    // malformed schedule: the nested field is named
    let mut v = ok.clone();
    v["properties"]["schedule"] = json!({ "periods": [{ "start": "next monday" }] });
    t.post(&v)
        .await
        .problem(422, "/properties/schedule/periods/0/start", "invalid_value");
    // status not of this kind
    let mut v = ok.clone();
    v["properties"]["status"] = json!("resolved");
    t.post(&v)
        .await
        .problem(422, "/properties/status", "unknown_status");
    // query parameters
    t.get("/api/v1/features?bbox=4,50,5")
        .await
        .problem(400, "?bbox", "invalid_bbox");
    t.get("/api/v1/features?bbox=5,50,4,51")
        .await
        .problem(400, "?bbox", "invalid_bbox");
    t.get("/api/v1/features?at=tomorrow")
        .await
        .problem(400, "?at", "invalid_time");
    t.get("/api/v1/features?at=2026-12-01T00:00:00Z&from=2026-12-01")
        .await
        .problem(400, "?at", "conflicting_parameters");
    t.get("/api/v1/features?from=2026-12-02&to=2026-12-01")
        .await
        .problem(400, "?to", "end_before_start");
    t.get("/api/v1/features?kind=works,roadworks")
        .await
        .problem(400, "?kind", "unknown_kind");
    t.get("/api/v1/features?commune=99999")
        .await
        .problem(400, "?commune", "unknown_commune");
    t.get("/api/v1/features?limit=0")
        .await
        .problem(400, "?limit", "invalid_limit");
    t.get("/api/v1/features?limit=5000")
        .await
        .problem(400, "?limit", "invalid_limit");
    t.get("/api/v1/features?cursor=abc")
        .await
        .problem(400, "?cursor", "invalid_cursor");
    t.get("/api/v1/features?bboxx=1")
        .await
        .problem(400, "?bboxx", "unknown_parameter");
    t.get("/api/v1/features/not-a-uuid")
        .await
        .problem(400, "/id", "invalid_id");
    t.get("/nowhere").await.problem(404, "", "");
    // nothing was written by any of it
    assert_eq!(
        t.get_as_admin("/api/v1/features").await.json()["numberMatched"],
        0
    );
}

async fn time_filters_are_half_open(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut ban = works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-01T10:00:00+01:00",
        "2026-12-01T18:00:00+01:00",
    );
    ban["properties"]["kind"] = json!("parking_ban");
    t.create(&ban).await;
    assert_eq!(
        t.count("at=2026-12-01T10:00:00+01:00").await,
        1,
        "the start is inside"
    );
    assert_eq!(t.count("at=2026-12-01T17:59:59+01:00").await, 1);
    assert_eq!(
        t.count("at=2026-12-01T18:00:00+01:00").await,
        0,
        "the end is outside"
    );
    assert_eq!(t.count("at=2026-12-01T09:59:59+01:00").await, 0);
    assert_eq!(
        t.count("from=2026-12-01T18:00:00%2B01:00&to=2026-12-02T00:00:00Z")
            .await,
        0,
        "a range starting at the end"
    );
    assert_eq!(
        t.count("from=2026-12-01T06:00:00Z&to=2026-12-01T09:00:00Z")
            .await,
        0,
        "a range ending at the start"
    );
    assert_eq!(
        t.count("from=2026-12-01T06:00:00Z&to=2026-12-01T09:00:01Z")
            .await,
        1
    );
    assert_eq!(
        t.count("from=2026-12-01").await,
        1,
        "open-ended range, date in Brussels"
    );
    assert_eq!(
        t.count("to=2026-12-01").await,
        0,
        "ends at midnight before the ban"
    );
    assert_eq!(t.count("").await, 1, "no time parameter: no time filter");
}

async fn weekly_windows_are_respected(b: Backend) {
    let t = TestApp::spawn(b).await;
    let mut f = works_at(
        BRAINE.0,
        BRAINE.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    );
    f["properties"]["schedule"] = json!({
        "recurring": [{ "first_day": "2026-12-07", "last_day": "2026-12-18", "days": ["monday", "tuesday", "wednesday", "thursday", "friday"],
                        "start_time": "07:00:00", "end_time": "17:00:00" }],
        "exceptions": ["2026-12-09"]
    });
    t.create(&f).await;
    assert_eq!(t.count("at=2026-12-07T07:00:00+01:00").await, 1);
    assert_eq!(t.count("at=2026-12-07T17:00:00+01:00").await, 0);
    assert_eq!(t.count("at=2026-12-07T20:00:00+01:00").await, 0, "evening");
    assert_eq!(
        t.count("at=2026-12-09T10:00:00+01:00").await,
        0,
        "exception day"
    );
    assert_eq!(t.count("at=2026-12-12T10:00:00+01:00").await, 0, "Saturday");
    assert_eq!(t.count("at=2026-12-18T16:59:00+01:00").await, 1, "last day");
    assert_eq!(
        t.count("at=2026-12-21T10:00:00+01:00").await,
        0,
        "after the last day"
    );
}

async fn filters_by_kind_commune_and_bbox(b: Backend) {
    let t = TestApp::spawn(b).await;
    t.create(&works_in_soignies()).await;
    let mut ev = works_at(
        BRAINE.0,
        BRAINE.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    );
    ev["properties"]["kind"] = json!("event");
    t.create(&ev).await;
    // a line crossing a box whose corners it avoids is still found (geometry, not centroid)
    let line = json!({ "type": "Feature", "geometry": { "type": "LineString", "coordinates": [[4.060, 50.590], [4.066, 50.590]] },
        "properties": { "kind": "diversion", "title": "Déviation", "schedule": { "periods": [{ "start": "2026-12-01T00:00:00Z" }] } } });
    t.create(&line).await;
    assert_eq!(t.count("kind=works").await, 1);
    assert_eq!(t.count("kind=works,event").await, 2);
    assert_eq!(t.count("commune=55004").await, 1);
    assert_eq!(t.count("commune=55040").await, 2);
    assert_eq!(t.count("bbox=4.06,50.57,4.08,50.585").await, 1);
    assert_eq!(
        t.count("bbox=4.062,50.589,4.064,50.591").await,
        1,
        "the line crosses the box"
    );
    assert_eq!(
        t.count("bbox=4.062,50.5905,4.064,50.591").await,
        0,
        "the line's bbox meets this box but the line does not"
    );
    assert_eq!(
        t.count("bbox=3.95,50.49,4.26,50.67&kind=event&commune=55004")
            .await,
        1
    );
}

async fn paging_is_stable(b: Backend) {
    let t = TestApp::spawn(b).await;
    for i in 0..25 {
        let f = works_at(
            SOIGNIES.0 + i as f64 * 0.0005,
            SOIGNIES.1,
            "2026-12-01T00:00:00Z",
            "2026-12-02T00:00:00Z",
        );
        t.create(&f).await;
    }
    let mut seen = Vec::new();
    let mut next = Some(t.url("/api/v1/features?limit=10&kind=works"));
    let mut pages = 0;
    while let Some(url) = next {
        let page: Value = t
            .client
            .get(&url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(
            page["numberMatched"],
            25 + pages.min(1),
            "counts what matches now"
        );
        seen.extend(ids(&page));
        if pages == 0 {
            // a feature created while paging comes last (ids are time-ordered)
            t.create(&works_at(
                SOIGNIES.0,
                SOIGNIES.1 + 0.001,
                "2026-12-01T00:00:00Z",
                "2026-12-02T00:00:00Z",
            ))
            .await;
        }
        pages += 1;
        next = page["links"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["rel"] == "next")
            .map(|l| l["href"].as_str().unwrap().to_string());
        if let Some(n) = &next {
            assert!(
                n.starts_with("http://") && n.contains("kind=works") && n.contains("limit=10"),
                "{n}"
            );
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen.len(), 26, "no duplicate, no gap");
    let mut sorted = seen.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted, seen, "in id order, each once");
}

async fn commune_is_derived_or_checked(b: Backend) {
    let t = TestApp::spawn(b).await;
    let f = t
        .create(&works_at(
            BRAINE.0,
            BRAINE.1,
            "2026-12-01T00:00:00Z",
            "2026-12-02T00:00:00Z",
        ))
        .await;
    assert_eq!(f["properties"]["commune"], "55004");
    // naming the other town for a place in Braine is refused, with the distance
    let mut v = works_at(
        BRAINE.0,
        BRAINE.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    );
    v["properties"]["commune"] = json!("55040");
    let doc = t
        .post(&v)
        .await
        .problem(422, "/geometry", "outside_commune");
    assert!(
        doc["detail"].as_str().unwrap().contains("Soignies (55040)"),
        "{doc}"
    );
    v["properties"]["commune"] = json!("55050");
    t.post(&v)
        .await
        .problem(422, "/properties/commune", "inactive_commune");
    v["properties"]["commune"] = json!("12345");
    t.post(&v)
        .await
        .problem(422, "/properties/commune", "unknown_commune");
    // a works line crossing the border between the towns by a few metres is accepted
    let border = t.app.territory();
    let soignies = border.get("55040").unwrap();
    let on_border = soignies
        .boundary
        .0
        .iter()
        .flat_map(|p| p.exterior().0.iter())
        .find(|c| {
            border
                .locate(geo::Point::new(c.x + 0.0003, c.y))
                .is_some_and(|x| x.nis == "55004")
                && border
                    .locate(geo::Point::new(c.x - 0.0003, c.y))
                    .is_some_and(|x| x.nis == "55040")
        })
        .copied()
        .expect("a point of the shared border");
    let crossing = json!({ "type": "Feature",
        "geometry": { "type": "LineString", "coordinates": [[on_border.x - 0.003, on_border.y], [on_border.x + 0.0005, on_border.y]] },
        "properties": { "kind": "works", "title": "Chantier à la limite", "commune": "55040",
                        "schedule": { "periods": [{ "start": "2026-12-01T00:00:00Z" }] } } });
    let a = t.post(&crossing).await;
    assert_eq!(
        a.status,
        StatusCode::CREATED,
        "35 m over the border is within the margin: {}",
        a.body
    );
    let far = json!({ "type": "Feature",
        "geometry": { "type": "LineString", "coordinates": [[on_border.x - 0.003, on_border.y], [on_border.x + 0.01, on_border.y]] },
        "properties": { "kind": "works", "title": "Chantier trop loin", "commune": "55040",
                        "schedule": { "periods": [{ "start": "2026-12-01T00:00:00Z" }] } } });
    t.post(&far)
        .await
        .problem(422, "/geometry", "outside_commune");
}

async fn restart_rebuilds_the_same_index(b: Backend) {
    let db = TestDb::new(b).await;
    let first = TestApp::start(&db, true).await;
    first.create(&works_in_soignies()).await;
    let queries = [
        "/api/v1/features?limit=1000",
        "/api/v1/features?at=2026-12-01T12:00:00Z",
        "/api/v1/features?bbox=4.0,50.5,4.1,50.6&kind=works,report",
    ];
    let mut before = Vec::new();
    for q in queries {
        let mut v = first.get_as_admin(q).await.json();
        v["timeStamp"] = Value::Null;
        before.push(v);
    }
    first.stop().await;
    let second = TestApp::start(&db, true).await;
    for (q, expected) in queries.iter().zip(before) {
        let mut v = second.get_as_admin(q).await.json();
        v["timeStamp"] = Value::Null;
        // links carry the port, which changed
        v["links"] = Value::Null;
        let mut expected = expected;
        expected["links"] = Value::Null;
        assert_eq!(v, expected, "{q}");
    }
    assert!(
        second.app.index_len() > 30,
        "the demo data is loaded once, not twice: {}",
        second.app.index_len()
    );
    assert!(second.app.index_len() < 60);
    second.stop().await;
}

async fn concurrent_updates_one_wins(b: Backend) {
    let t = TestApp::spawn(b).await;
    let f = t.create(&works_in_soignies()).await;
    let id = f["id"].as_str().unwrap().to_string();
    let attempts = (0..6).map(|i| {
        let mut v = f.clone();
        v["properties"]["title"] = json!(format!("Version {i}"));
        let (t, id) = (&t, id.clone());
        async move { put(t, &id, &v, Some("\"1\"")).await.status }
    });
    let results = futures::future::join_all(attempts).await;
    assert_eq!(
        results.iter().filter(|s| **s == StatusCode::OK).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results
            .iter()
            .filter(|s| **s == StatusCode::PRECONDITION_FAILED)
            .count(),
        5,
        "{results:?}"
    );
    let h = t
        .get_as_admin(&format!("/api/v1/features/{id}/history"))
        .await
        .json();
    assert_eq!(h["history"].as_array().unwrap().len(), 2);
}

async fn another_instance_sees_writes(b: Backend) {
    let db = TestDb::new(b).await;
    let a = TestApp::start(&db, false).await;
    let b2 = TestApp::start(&db, false).await;
    let f = a.create(&works_in_soignies()).await;
    let id = f["id"].as_str().unwrap();
    let path = format!("/api/v1/features/{id}");
    let seen = wait_for(|| async { b2.get(&path).await.status == StatusCode::OK }).await;
    assert!(seen, "the other instance never saw the new feature");
    let del = a.request(Method::DELETE, &path, Some(TOKEN), None).await;
    assert_eq!(del.status, StatusCode::NO_CONTENT);
    let gone = wait_for(|| async { b2.get(&path).await.status == StatusCode::NOT_FOUND }).await;
    assert!(gone, "the other instance never saw the deletion");
    a.stop().await;
    b2.stop().await;
}

async fn wait_for<F: std::future::Future<Output = bool>>(mut check: impl FnMut() -> F) -> bool {
    for _ in 0..100 {
        if check().await {
            return true;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    false
}

async fn communes_health_and_metrics(b: Backend) {
    let t = TestApp::spawn(b).await;
    let c = t.get("/api/v1/communes").await.json();
    assert_eq!(c["features"].as_array().unwrap().len(), 14);
    let active = t.get("/api/v1/communes?active=true").await.json();
    let names: Vec<&str> = active["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["name_fr"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Braine-le-Comte", "Soignies"]);
    let soignies = t.get("/api/v1/communes/55040").await.json();
    assert_eq!(soignies["properties"]["name_nl"], "Zinnik");
    assert_eq!(soignies["geometry"]["type"], "MultiPolygon");
    assert!(
        soignies["properties"]["attribution"]
            .as_str()
            .unwrap()
            .contains("Statbel")
    );
    t.get("/api/v1/communes/00000").await.problem(404, "", "");
    let h = t.get("/healthz").await.json();
    assert_eq!(h["status"], "ok");
    assert!(
        h.get("features").is_none(),
        "no counts for the anonymous: {h}"
    );
    assert_eq!(
        h["backend"],
        if b == Backend::Sqlite {
            "sqlite"
        } else {
            "postgres"
        }
    );
    t.create(&works_in_soignies()).await;
    let m = t.get_as_admin("/metrics").await.body;
    assert!(m.contains("balise_index_features{kind=\"works\"} 1"), "{m}");
    assert!(m.contains("balise_http_requests_total{method=\"POST\",route=\"/api/v1/features\",status=\"201\"} 1"), "{m}");
}

async fn clients_are_rate_limited(b: Backend) {
    let db = TestDb::new(b).await;
    let mut config = db.config(false);
    config.rate_limit_per_minute = 60; // bursts of 10
    let t = TestApp::start_with(config).await;
    let mut statuses = Vec::new();
    for _ in 0..15 {
        statuses.push(t.get("/api/v1/features").await);
    }
    assert!(statuses[..10].iter().all(|a| a.status == StatusCode::OK));
    let limited = statuses
        .iter()
        .find(|a| a.status == StatusCode::TOO_MANY_REQUESTS)
        .expect("a request over the limit is refused");
    limited.problem(429, "", "");
    let retry: u64 = limited.header("retry-after").parse().unwrap();
    assert!((1..=2).contains(&retry), "retry after {retry} s");
    // writes count too, and monitoring is never limited
    t.post(&works_in_soignies()).await.problem(429, "", "");
    for _ in 0..20 {
        assert_eq!(t.get("/healthz").await.status, StatusCode::OK);
    }
    t.stop().await;
}

/// Issue 13, point 11: behind the commune's proxy, a client that writes a new address
/// at the head of `X-Forwarded-For` on every request is still limited, by the address
/// the proxy added; two clients behind the proxy keep their own allowances.
async fn a_forged_forwarded_for_does_not_escape_the_limit(b: Backend) {
    let db = TestDb::new(b).await;
    let mut config = db.config(false);
    config.rate_limit_per_minute = 60; // bursts of 10
    config.trusted_proxies = 1;
    let t = TestApp::start_with(config).await;
    let get = |forwarded: String| {
        let req = t
            .client
            .get(t.url("/api/v1/features"))
            .header("x-forwarded-for", forwarded);
        async move { req.send().await.unwrap().status() }
    };
    let mut statuses = Vec::new();
    for i in 0..15 {
        // the client's own entry first, then what the proxy saw
        statuses.push(get(format!("10.0.{}.{}, 198.51.100.7", i / 250, i % 250)).await);
    }
    assert!(
        statuses.contains(&StatusCode::TOO_MANY_REQUESTS),
        "a rotating first entry escaped the limit: {statuses:?}"
    );
    assert_eq!(
        get("198.51.100.8".into()).await,
        StatusCode::OK,
        "another client"
    );
    t.stop().await;
}

/// Issue 13, point 19: every page has a Content-Security-Policy without inline script;
/// every answer `nosniff`; HSTS when balise is published over https; what is asked
/// with a token or a session is `private, no-store`, JSON included; the metrics, which
/// count internal features, are for the admin token only.
async fn every_answer_carries_its_protections(b: Backend) {
    let db = TestDb::new(b).await;
    let mut config = db.config(true);
    config.public_url = Some("https://carte.soignies.be".into());
    config.basemap = Some(balise::config::Basemap {
        url: "https://tile.example.org/{z}/{x}/{y}.png".into(),
        attribution: "© Exemple".into(),
    });
    let t = TestApp::start_with(config).await;
    for page in ["/", "/carte", "/signaler/lieu", "/connexion", "/nulle-part"] {
        let r = t
            .client
            .get(t.url(page))
            .header("accept", "text/html")
            .send()
            .await
            .unwrap();
        let header = |name: &str| {
            r.headers()
                .get(name)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default()
        };
        let csp = header("content-security-policy");
        assert!(csp.contains("default-src 'self'"), "{page}: {csp}");
        assert!(csp.contains("script-src 'self' 'sha256-"), "{page}: {csp}");
        assert!(!csp.contains("unsafe"), "{page}: {csp}");
        assert!(csp.contains("frame-ancestors 'none'"), "{page}: {csp}");
        assert!(
            csp.contains("img-src 'self' data: blob: https://tile.example.org;"),
            "the basemap's tiles are allowed: {csp}"
        );
        assert_eq!(header("strict-transport-security"), "max-age=31536000");
        assert_eq!(header("x-content-type-options"), "nosniff");
    }
    let listed = t.get_as_admin("/api/v1/features?kind=report").await;
    assert_eq!(listed.status, StatusCode::OK);
    assert_eq!(listed.header("cache-control"), "private, no-store");
    assert_eq!(listed.header("x-content-type-options"), "nosniff");
    // a tile of a public layer is the same for everyone: it stays cacheable
    let tile = t
        .get_as_admin("/tiles/communes/12/2094/1378.mvt?at=2026-12-01T12:00:00Z")
        .await;
    assert!(
        tile.header("cache-control").starts_with("public"),
        "{:?}",
        tile.headers
    );
    assert_eq!(t.get("/metrics").await.status, StatusCode::UNAUTHORIZED);
    let wrong = t
        .request(
            reqwest::Method::GET,
            "/metrics",
            Some("not-the-token"),
            None,
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    let m = t.get_as_admin("/metrics").await;
    assert_eq!(m.status, StatusCode::OK);
    assert!(m.body.contains("balise_index_features"), "{}", m.body);
    t.stop().await;
}

async fn demo_data_is_loaded_once_by_instances_starting_together(b: Backend) {
    let db = TestDb::new(b).await;
    let (one, two, three) = futures::join!(
        TestApp::start(&db, true),
        TestApp::start(&db, true),
        TestApp::start(&db, true)
    );
    let demo = balise::fixtures::demo_drafts(common::dates::now())
        .unwrap()
        .len();
    let stored = one.app.store.features().await.unwrap().len();
    assert_eq!(stored, demo, "one instance loaded the demo data, once");
    for app in [one, two, three] {
        app.stop().await;
    }
    // a commune that deleted every demo feature does not get them back at the next start
    let app = TestApp::start(&db, true).await;
    for f in app.app.store.features().await.unwrap() {
        let r = app
            .request(
                Method::DELETE,
                &format!("/api/v1/features/{}", f.id),
                Some(TOKEN),
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
    }
    app.stop().await;
    let app = TestApp::start(&db, true).await;
    assert_eq!(app.app.store.features().await.unwrap().len(), 0);
    app.stop().await;
}
