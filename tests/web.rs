//! The citizen web: pages over real HTTP, and in Debian's Chromium with axe-core.

mod common;

use common::dates::{day, dmy};
use common::{Backend, TestApp, node};
use reqwest::StatusCode;
use serde_json::Value;

/// The ids of the list rows of a `/carte` page, in order.
fn row_ids(html: &str) -> Vec<String> {
    html.split("class=\"result\" data-id=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().to_string())
        .collect()
}

fn list_count(html: &str) -> usize {
    let at = html
        .find("data-count=\"")
        .expect("the list carries its count")
        + 12;
    html[at..].split('"').next().unwrap().parse().unwrap()
}

async fn the_list_filters_by_kind_time_commune_and_words(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let all = app.get("/carte").await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(all.header("content-type").starts_with("text/html"));
    assert!(all.body.contains("<html lang=\"fr\">"));
    let today = list_count(&all.body);
    // the list shows what the API says is public and active today (Brussels days)
    assert!(today >= 15, "{today} features today");
    assert_eq!(row_ids(&all.body).len(), today.min(20), "first page");

    // kinds: only works
    let works = app.get("/carte?quoi=chantiers&quand=semaine").await;
    for id in row_ids(&works.body) {
        let f = app.get(&format!("/api/v1/features/{id}")).await.json();
        assert_eq!(f["properties"]["kind"], "works", "{id}");
    }
    assert!(list_count(&works.body) >= 3);

    // words, with or without accents and case, over title, place and commune
    let station = app.get("/carte?q=STATION&quand=semaine").await;
    let n = list_count(&station.body);
    assert!(n >= 3, "{n} features about rue de la Station");
    assert!(station.body.contains("Réfection de la rue de la Station"));
    let roeulx = app.get("/carte?q=roeulx&quand=semaine").await;
    assert!(roeulx.body.contains("Déviation par la chaussée du Rœulx"));

    // commune: Braine-le-Comte only, and its name shown
    let blc = app.get("/carte?commune=55004&quand=semaine").await;
    assert!(blc.body.contains("Commune de Braine-le-Comte"));
    assert!(!blc.body.contains("Soignies</dd>"));
    assert!(list_count(&blc.body) >= 5);

    // next week, Monday to Sunday, as the radio button says
    let next = app.get("/carte?quand=semaine-prochaine&q=station").await;
    assert_eq!(next.status, StatusCode::OK);
    assert!(next.body.contains(
        "id=\"quand-semaine-prochaine\" name=\"quand\" value=\"semaine-prochaine\" checked"
    ));
    assert!(next.body.contains("Du lundi "), "{}", &next.body[..200]);
    assert!(list_count(&next.body) >= 1);

    // a day when nothing is planned yet: far away
    let empty = app
        .get("/carte?quoi=chantiers&quoi=evenements&quand=jour&jour_j=1&jour_m=1&jour_a=2035")
        .await;
    assert_eq!(list_count(&empty.body), 0);
    assert!(empty.body.contains("Aucun résultat"));

    // a wrong date: an error summary that links to the field, answers kept
    let bad = app
        .get("/carte?quand=jour&jour_j=31&jour_m=2&jour_a=2027&q=gare")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("<title>Erreur : "),
        "{}",
        &bad.body[..400]
    );
    assert!(bad.body.contains("Il y a un problème"));
    assert!(bad.body.contains("href=\"#jour_j\""));
    assert!(
        bad.body
            .contains("aria-describedby=\"jour-hint jour_j-error\"")
    );
    assert!(bad.body.contains("value=\"31\"") && bad.body.contains("value=\"gare\""));

    // a period the wrong way round
    let order = app
        .get("/carte?quand=periode&du_j=10&du_m=12&du_a=2026&au_j=1&au_m=12&au_a=2026")
        .await;
    assert_eq!(order.status, StatusCode::BAD_REQUEST);
    assert!(
        order
            .body
            .contains("La date de fin doit être après la date de début")
    );

    // paging keeps the filters and never shows a row twice: the demo's three months
    let [dj, dm, da] = dmy(day(-40));
    let [aj, am, aa] = dmy(day(50));
    let period =
        format!("/carte?quand=periode&du_j={dj}&du_m={dm}&du_a={da}&au_j={aj}&au_m={am}&au_a={aa}");
    let p1 = app.get(&period).await;
    let total = list_count(&p1.body);
    assert!(total > 20, "the demo fills more than a page: {total}");
    let mut seen = row_ids(&p1.body);
    {
        assert!(p1.body.contains("rel=\"next\""));
        let p2 = app.get(&format!("{period}&page=2")).await;
        seen.extend(row_ids(&p2.body));
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    assert_eq!(seen.len(), total.min(40));
    app.stop().await;
}

async fn a_feature_page_says_what_where_when_and_who(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let list = app
        .get("/carte?q=Réfection de la rue de la Station&quand=semaine")
        .await;
    let id = row_ids(&list.body)
        .into_iter()
        .next()
        .expect("the works are listed");
    let page = app.get(&format!("/carte/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let b = &page.body;
    assert!(b.contains("<h1>Réfection de la rue de la Station</h1>"));
    assert!(b.contains("Rue de la Station, entre la gare et la rue Neuve, Soignies"));
    assert!(b.contains("Coordonnées : 50.5"));
    // periods in words, and the diversion that serves these works
    assert!(b.contains("<li>du "), "{b}");
    assert!(b.contains("Déviation par la chaussée du Rœulx"));
    assert!(b.contains("travaux@soignies.example"));
    assert!(b.contains("Travaux Hainaut SA"));

    // a report shows its reference and public history, never who did what
    let reports = app.get("/carte?quoi=signalements&q=Nid-de-poule").await;
    let rid = row_ids(&reports.body)
        .into_iter()
        .next()
        .expect("the report is listed");
    let report = app.get(&format!("/carte/{rid}")).await;
    assert!(report.body.contains(&common::dates::reference("SOI", 41)));
    assert!(report.body.contains("Suivi"));
    assert!(report.body.contains("Pris en compte"));
    assert!(!report.body.contains("system:demo"));

    // an unknown or internal feature is a page that says so, in HTML
    let missing = app
        .client
        .get(app.url("/carte/01a22387-0000-7000-8000-000000000000"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    assert!(missing.text().await.unwrap().contains("Page introuvable"));
    let internal = app
        .get_as_admin("/api/v1/features?kind=works&commune=55004")
        .await
        .json();
    let hidden = internal["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["properties"]["visibility"] == "internal")
        .expect("the demo has internal works")["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        app.get(&format!("/carte/{hidden}")).await.status,
        StatusCode::NOT_FOUND
    );
    app.stop().await;
}

async fn the_language_is_chosen_kept_and_declared(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let no_redirect = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = no_redirect
        .get(app.url("/langue/nl?retour=/carte%3Fquand%3Dsemaine"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], "/carte?quand=semaine");
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cookie.starts_with("balise_lang=nl;"), "{cookie}");
    // never a way out to another site
    for evil in [
        "//evil.example/",
        "https://evil.example/",
        // a backslash, a tab or a newline: browsers read these as `//evil.example`
        "/%5Cevil.example/x",
        "/%09/evil.example/x",
        "/%0A/evil.example/x",
    ] {
        let r = no_redirect
            .get(app.url(&format!("/langue/de?retour={evil}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.headers()["location"], "/", "{evil}");
    }
    let nl = app
        .client
        .get(app.url("/carte?quand=semaine"))
        .header("cookie", "balise_lang=nl")
        .send()
        .await
        .unwrap();
    assert_eq!(nl.headers()["content-language"], "nl");
    assert_eq!(nl.headers()["x-frame-options"], "DENY");
    assert_eq!(nl.headers()["referrer-policy"], "same-origin");
    let body = nl.text().await.unwrap();
    assert!(body.contains("<html lang=\"nl\">"));
    assert!(body.contains("Werken en evenementen"));
    assert!(body.contains("hreflang=\"fr\""));
    // without a cookie, the browser's languages decide; French when none is spoken
    let de = app
        .client
        .get(app.url("/"))
        .header("accept-language", "de-BE,de;q=0.9,fr;q=0.5")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(de.contains("<html lang=\"de\">"));
    let es = app
        .client
        .get(app.url("/"))
        .header("accept-language", "es")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(es.contains("<html lang=\"fr\">"));
    app.stop().await;
}

on_both_backends!(
    the_list_filters_by_kind_time_commune_and_words,
    a_feature_page_says_what_where_when_and_who,
    the_language_is_chosen_kept_and_declared,
    the_map_shows_the_features_of_the_list,
);

async fn the_map_shows_the_features_of_the_list(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let path = "/carte?commune=55040&quoi=chantiers&quoi=evenements&quoi=deviations&quand=semaine";
    let out = node("pages.mjs", &["--map", &app.base, path]);
    assert!(
        out.status.success(),
        "the browser failed (is Debian's chromium at /usr/bin/chromium?):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    let listed = r["listedIds"].as_array().unwrap();
    assert_eq!(listed.len() as u64, r["listCount"].as_u64().unwrap());
    assert!(listed.len() >= 5, "{r}");
    assert_eq!(
        r["mapIds"], r["listedIds"],
        "the map draws exactly the list"
    );

    // with JavaScript off: the list, and no empty map box
    let out = node("pages.mjs", &["--nojs", &app.base, "/carte?quand=semaine"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["status"], 200);
    assert!(r["rows"].as_u64().unwrap() >= 10, "{r}");
    assert_eq!(r["mapVisible"], false);
    assert_eq!(r["fallbackVisible"], true);
    assert_eq!(r["errors"], serde_json::json!([]), "{r}");
    app.stop().await;
}

/// ACCESSIBILITY.md A1, A4, I2, I3 and P1 on every page of the citizen web, in four
/// languages. The pages do not depend on the backend: SQLite only.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_four_languages() {
    let app = TestApp::spawn_demo(Backend::Sqlite).await;
    let report = app.get("/carte?quoi=signalements&q=Nid-de-poule").await;
    let rid = row_ids(&report.body).remove(0);
    let works = app
        .get("/carte?q=Réfection de la rue de la Station&quand=semaine")
        .await;
    let wid = row_ids(&works.body).remove(0);
    let feature_report = format!("/carte/{rid}");
    let feature_works = format!("/carte/{wid}");
    let pages = [
        "/",
        "/carte",
        "/carte?quand=jour&jour_j=31&jour_m=2&jour_a=2027",
        &feature_report,
        &feature_works,
        "/aide",
        "/vie-privee",
        "/accessibilite",
        "/autorisation",
        "/api",
        "/signaler",
        "/suivi",
        "/suivi?reference=ABC",
        "/desabonner/0123456789abcdef0123456789abcdef",
        "/nulle-part",
        "/connexion",
        "/mot-de-passe-oublie",
        "/mot-de-passe/0123456789abcdef",
    ];
    let mut args = vec![app.base.as_str()];
    args.extend(pages.iter().copied());
    let out = node("pages.mjs", &args);
    assert!(
        out.status.success(),
        "the browser failed (is Debian's chromium at /usr/bin/chromium?):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.len(), pages.len() * 4);
    let mut faults = Vec::new();
    for r in &results {
        let at = format!("{} {}", r["lang"], r["path"]);
        if r["violations"] != serde_json::json!([]) {
            faults.push(format!("{at}: {}", r["violations"]));
        }
        if r["htmlLang"] != r["lang"] {
            faults.push(format!("{at}: html lang {}", r["htmlLang"]));
        }
        if r["isolationMarks"] != false {
            faults.push(format!("{at}: Unicode isolation marks"));
        }
        if r["horizontalScroll"] != false {
            faults.push(format!("{at}: scrolls sideways at 320 px"));
        }
        let expected_errors: &[&str] = match r["path"].as_str().unwrap() {
            "/nulle-part" => &["404"],
            p if p.contains("jour_j=31") || p.contains("reference=") => &["400"],
            _ => &[],
        };
        for e in r["errors"].as_array().unwrap() {
            let e = e.as_str().unwrap();
            if !expected_errors.iter().any(|x| e.contains(x)) {
                faults.push(format!("{at}: {e}"));
            }
        }
        // P1: pages without the map stay light
        if !r["path"].as_str().unwrap().starts_with("/carte?") && r["path"] != "/carte" {
            let bytes = r["bytes"].as_u64().unwrap();
            if bytes > 150_000 {
                faults.push(format!("{at}: {bytes} bytes transferred"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    app.stop().await;
}

/// The whole report journey in Chromium, with JavaScript (a tap on the map) and without
/// (a place search), in the four languages; axe on every page met, errors included; the
/// report ends on the map, in the list and at `/suivi/{reference}`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_journey_works_with_and_without_javascript_in_four_languages() {
    let app = TestApp::spawn_demo(Backend::Sqlite).await;
    let mut faults = Vec::new();
    for (lang, js) in [
        ("fr", "on"),
        ("fr", "off"),
        ("nl", "off"),
        ("de", "off"),
        ("en", "on"),
    ] {
        let out = node("pages.mjs", &["--journey", &app.base, lang, js]);
        assert!(
            out.status.success(),
            "{lang} JS {js}: the browser failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let r: Value = serde_json::from_slice(&out.stdout).unwrap();
        let at = format!("{lang} JS {js}");
        let reference = r["reference"].as_str().unwrap();
        assert!(reference.starts_with("SOI-20"), "{at}: {reference}");
        for p in r["pages"].as_array().unwrap() {
            if p["violations"] != serde_json::json!([]) {
                faults.push(format!("{at} {}: {}", p["label"], p["violations"]));
            }
            if p["htmlLang"] != lang {
                faults.push(format!("{at} {}: html lang {}", p["label"], p["htmlLang"]));
            }
            // P1: the form pages stay light (the place's map loads only when asked for)
            if let Some(bytes) = p["bytes"].as_u64()
                && bytes > 150_000
            {
                faults.push(format!("{at} {}: {bytes} bytes", p["label"]));
            }
        }
        for e in r["errors"].as_array().unwrap() {
            // error pages answer 400 on purpose
            if !e.as_str().unwrap().contains("400") {
                faults.push(format!("{at}: {e}"));
            }
        }
        assert_eq!(r["listCount"], 1, "{at}: the report is listed");
        if js == "on" {
            assert_eq!(
                r["mapIds"].as_array().map(Vec::len),
                Some(1),
                "{at}: the report is drawn on the map: {r}"
            );
        }
        let follow = app.get(&format!("/suivi/{reference}")).await;
        assert_eq!(follow.status, StatusCode::OK);
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    app.stop().await;
}

/// A search that finds thousands of features keeps the page light: the map is then not
/// narrowed to their ids, and the page says so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broad_search_keeps_the_page_light() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let features = balise::demo::synthetic(&app.app.communes(), 12_000, 3, common::dates::now());
    app.app
        .insert_all(
            features,
            &balise::policy::Actor::System("test".into()),
            &|_| {},
        )
        .await
        .unwrap();
    let page = app.get("/carte?q=soignies&quand=semaine").await;
    assert_eq!(page.status, StatusCode::OK);
    let n = list_count(&page.body);
    assert!(n > 2_000, "the search must find many: {n}");
    assert!(!page.body.contains("data-ids="));
    assert!(page.body.contains("la carte montre tout ce qui correspond"));
    assert!(page.body.len() < 100_000, "{} bytes", page.body.len());
    // a commune narrows the map through the tiles' `commune` property
    let one = app
        .get("/carte?q=soignies&quand=semaine&commune=55004")
        .await;
    assert!(one.body.contains("data-commune=\"55004\""));
    app.stop().await;
}
