//! Reporting a problem: the whole journey over HTTP, as a browser without JavaScript
//! goes through it (forms, redirects, cookies), then following the report.

mod common;

use common::{Backend, Browser, TestApp};
use reqwest::StatusCode;
use reqwest::header::COOKIE;

/// A JPEG photo whose EXIF block holds a GPS position.
fn photo_with_gps() -> Vec<u8> {
    let img = image::RgbImage::from_fn(3000, 2000, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut jpeg = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, 80)
        .encode_image(&img)
        .unwrap();
    // APP1 "Exif" segment, big-endian TIFF with one GPS IFD pointer and a marker text
    let mut tiff = b"MM\x00\x2a\x00\x00\x00\x08\x00\x01\x88\x25\x00\x04\x00\x00\x00\x01\x00\x00\x00\x1a\x00\x00\x00\x00".to_vec();
    tiff.extend_from_slice(b"GPSLatitude 50.5795 N GPSLongitude 4.0716 E");
    let mut app1 = b"Exif\x00\x00".to_vec();
    app1.extend_from_slice(&tiff);
    let len = (app1.len() + 2) as u16;
    let mut out = vec![0xFF, 0xD8, 0xFF, 0xE1];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&jpeg[2..]);
    out
}

async fn a_citizen_reports_a_pothole_without_javascript(backend: Backend) {
    let app = TestApp::spawn_demo(backend).await;
    let mut b = Browser::new(&app.base);
    let (status, start) = b.get("/signaler").await;
    assert_eq!(status, StatusCode::OK);
    assert!(start.contains("Signaler un problème"));
    let (status, _) = b.get("/signaler/lieu").await;
    assert_eq!(status, StatusCode::OK);

    // a place in a neighbouring commune is refused, naming it
    let (status, page) = b
        .post("/signaler/lieu", &[("lat", "50.5631"), ("lon", "4.1830")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Ecaussinnes"), "{page}");
    assert!(page.contains("<title>Erreur : "));
    // outside every commune known
    let (status, page) = b
        .post("/signaler/lieu", &[("lat", "50.8467"), ("lon", "4.3525")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("ne se trouve pas dans une commune que nous connaissons"));
    // nothing said at all
    let (status, page) = b.post("/signaler/lieu", &[]).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Indiquez où se trouve le problème"));
    // a search lists places; choosing one goes on
    let (status, page) = b
        .post(
            "/signaler/lieu",
            &[("recherche", "rue neuve"), ("chercher", "1")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Rue Neuve, Soignies"), "{page}");
    assert!(page.contains("name=\"choix\""));
    // the spot a tap on the map gives: the open pothole report's own place
    let reports = app
        .get("/api/v1/features?kind=report&commune=55040")
        .await
        .json();
    let pothole = reports["features"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f.to_string().contains(&common::dates::reference("SOI", 41)))
        .expect("the demo pothole");
    let c = &pothole["geometry"]["coordinates"];
    let (lon, lat) = (
        c[0].as_f64().unwrap().to_string(),
        c[1].as_f64().unwrap().to_string(),
    );
    let (status, to) = b
        .post(
            "/signaler/lieu",
            &[
                ("lat", &lat),
                ("lon", &lon),
                ("lieu", "devant le numéro 12"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    assert_eq!(to, "/signaler/categorie");

    let (status, page) = b
        .post("/signaler/categorie", &[("categorie", "nope")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Choisissez le type de problème"));
    let (_, to) = b
        .post("/signaler/categorie", &[("categorie", "voirie")])
        .await;
    // the demo has an open pothole report on rue Neuve: offered before going on
    assert_eq!(to, "/signaler/doublons");
    let (_, page) = b.get("/signaler/doublons").await;
    assert!(
        page.contains(&common::dates::reference("SOI", 41)),
        "{page}"
    );
    let (_, to) = b.post("/signaler/doublons", &[]).await;
    assert_eq!(to, "/signaler/description");

    let (status, _) = b
        .post("/signaler/description", &[("description", "  ")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (_, to) = b
        .post(
            "/signaler/description",
            &[("description", "Un trou profond sur la chaussée.")],
        )
        .await;
    assert_eq!(to, "/signaler/photos");

    // a photo with GPS in its EXIF comes back without any metadata, at most 2048 px
    let (status, page) = b.post_photo(b"not a picture".to_vec(), "x.jpg").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("x.jpg"), "{page}");
    let (status, to) = b.post_photo(photo_with_gps(), "trou.jpg").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    assert_eq!(to, "/signaler/contact");
    let photos = app.app.config.data_dir.join("photos");
    let mut kept: Vec<_> = std::fs::read_dir(&photos)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    kept.sort();
    assert_eq!(kept.len(), 2, "the photo and its thumbnail");
    for p in &kept {
        let bytes = std::fs::read(p).unwrap();
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{p:?} keeps EXIF");
        assert!(!bytes.windows(3).any(|w| w == b"GPS"), "{p:?} keeps GPS");
        let img = image::load_from_memory(&bytes).unwrap();
        assert!(img.width() <= 2048 && img.height() <= 2048);
    }

    let (status, page) = b
        .post(
            "/signaler/contact",
            &[("moyen", "email"), ("email", "marie@")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("value=\"marie@\""), "answers are kept");
    let (_, to) = b
        .post(
            "/signaler/contact",
            &[("moyen", "email"), ("email", "marie.dupont@example.be")],
        )
        .await;
    assert_eq!(to, "/signaler/verifier");
    let (_, check) = b.get("/signaler/verifier").await;
    assert!(check.contains("devant le numéro 12"));
    assert!(check.contains("Voirie : trou, pavé, trottoir abîmé"));
    assert!(check.contains("1 photo"));
    assert!(check.contains("marie.dupont@example.be"));

    // a forged form is refused
    let forged = b
        .client
        .post(format!("{}/signaler/verifier", app.base))
        .header(COOKIE, b.cookie_header())
        .form(&[("csrf", "0000")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // sent twice (a double click, or back and send again): one report
    let draft_cookie = b
        .cookies
        .iter()
        .find(|(k, _)| k == "balise_signalement")
        .unwrap()
        .1
        .clone();
    let (status, to) = b.post("/signaler/verifier", &[("site", "")]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let reference = to.strip_prefix("/signaler/envoye/").unwrap().to_string();
    assert!(reference.starts_with("SOI-20"), "{reference}");
    assert!(
        !b.cookies.iter().any(|(k, _)| k == "balise_signalement"),
        "the draft cookie is cleared once sent"
    );
    let reports = app.count("kind=report").await;
    b.cookies.push(("balise_signalement".into(), draft_cookie));
    let (_, again) = b.post("/signaler/verifier", &[("site", "")]).await;
    assert_eq!(again, to, "the same reference");
    assert_eq!(app.count("kind=report").await, reports);
    let (_, page) = b.get(&to).await;
    assert!(page.contains(&reference));
    assert!(page.contains("Et maintenant ?"));

    // the report is on the map (public API and list), with its reference and place only
    let listed = app
        .get("/api/v1/features?kind=report&commune=55040")
        .await
        .body;
    assert!(listed.contains(&reference));
    assert!(!listed.contains("marie"), "no personal data in public data");
    // the reporter's own words and unpublished photos stay with the commune
    assert!(!listed.contains("Un trou profond"), "{listed}");
    let searched = app.get("/carte?quoi=signalements&q=profond").await.body;
    assert!(
        searched.contains("data-count=\"0\""),
        "not found by its hidden words"
    );
    assert!(!listed.contains("\"photos\""));
    let internal = app
        .get_as_admin("/api/v1/features?kind=report&commune=55040")
        .await
        .body;
    assert!(internal.contains("Un trou profond") && internal.contains("\"photos\""));
    let (_, follow) = b.get(&format!("/suivi/{reference}")).await;
    assert!(follow.contains("Nouveau"));
    assert!(follow.contains("Voirie"));
    let (status, _) = b
        .get(&format!("/suivi?reference={}", reference.to_lowercase()))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page) = b.get("/suivi?reference=SOI-1999-00001").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Aucun signalement ne porte la référence SOI-1999-00001"));

    // a confirmation went to the outbox, a real MIME message
    let outbox = app.app.config.data_dir.join("outbox");
    let mails: Vec<String> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(mails.len(), 1, "{mails:?}");
    let m = &mails[0];
    assert!(m.contains("To: marie.dupont@example.be"));
    assert!(m.contains("Content-Type: text/plain; charset=utf-8"), "{m}");
    assert!(m.contains("Subject: ") && m.contains("Date: "));
    assert!(m.contains("List-Unsubscribe: <"));
    assert!(m.contains(&reference));

    // a neighbour who saw the same problem follows it instead of reporting it again
    let (status, page) = b
        .post(&format!("/suivi/{reference}"), &[("email", "voisin")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Il y a un problème"));
    let (status, page) = b
        .post(
            &format!("/suivi/{reference}"),
            &[("email", "voisin@example.be")],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Cliquez sur le lien"), "{page}");
    assert_eq!(std::fs::read_dir(&outbox).unwrap().count(), 2);
    // issue 13, point 14: nothing goes to an address until it confirms, from its mailbox
    let ask = common::outbox(&app)
        .into_iter()
        .find(|m| m.to.contains("voisin@example.be"))
        .expect("the address is asked to confirm");
    let confirm = ask
        .text
        .split("/suivi/confirmer/")
        .nth(1)
        .unwrap_or_else(|| panic!("{ask:?}"))
        .split(|c: char| !c.is_ascii_hexdigit())
        .next()
        .unwrap()
        .to_string();
    let (status, page) = b.get(&format!("/suivi/confirmer/{confirm}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Oui, je veux suivre"), "{page}");
    let (status, page) = b.post(&format!("/suivi/confirmer/{confirm}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("Vous recevrez un message"), "{page}");
    let (status, _) = b.post("/suivi/confirmer/0000", &[]).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // an agent changes its status: the reporter and the follower get a message
    let id = uuid::Uuid::parse_str(
        app.app
            .report_by_reference(&reference)
            .unwrap()
            .feature
            .id
            .to_string()
            .as_str(),
    )
    .unwrap();
    let f = app
        .app
        .report_by_reference(&reference)
        .unwrap()
        .feature
        .clone();
    let draft = balise::model::FeatureDraft {
        commune: Some(f.commune.clone()),
        kind: f.kind,
        geometry: f.geometry.clone(),
        schedule: f.schedule.clone(),
        status: Some("acknowledged".into()),
        title: f.title.clone(),
        description: f.description.clone(),
        attributes: f.attributes.clone(),
        visibility: f.visibility,
    };
    app.app
        .update(id, draft, f.version, &balise::policy::Actor::AdminToken)
        .await
        .unwrap();
    let mut status_mail = None;
    for _ in 0..50 {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        let all: Vec<String> = std::fs::read_dir(&outbox)
            .unwrap()
            .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
            .collect();
        if all.len() == 4 {
            let told: Vec<&String> = all
                .iter()
                .filter(|m| m.contains("Pris en compte"))
                .collect();
            assert_eq!(told.len(), 2, "{all:?}");
            assert!(told.iter().any(|m| m.contains("To: voisin@example.be")));
            status_mail = all
                .iter()
                .find(|m| m.contains("Pris en compte") && m.contains("To: marie"))
                .cloned();
            break;
        }
    }
    let status_mail = status_mail.expect("a message at the status change");
    let token = status_mail
        .split("/desabonner/")
        .nth(1)
        .unwrap()
        .split(|c: char| !c.is_ascii_hexdigit())
        .next()
        .unwrap()
        .to_string();
    let (_, follow) = b.get(&format!("/suivi/{reference}")).await;
    assert!(follow.contains("Pris en compte"));
    let (status, page) = b.post(&format!("/desabonner/{token}"), &[]).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("C&#x27;est fait") || page.contains("C'est fait"),
        "{page}"
    );

    // photos are public only once an agent says so
    let f = app
        .app
        .report_by_reference(&reference)
        .unwrap()
        .feature
        .clone();
    let photo = f.attributes["photos"][0].as_str().unwrap().to_string();
    let (status, _) = b.get(&format!("/photos/{id}/{photo}.jpg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let mut attributes = f.attributes.clone();
    attributes.insert("photos_publiques".into(), serde_json::json!([photo]));
    let resolved = balise::model::FeatureDraft {
        commune: Some(f.commune.clone()),
        kind: f.kind,
        geometry: f.geometry.clone(),
        schedule: f.schedule.clone(),
        status: Some("resolved".into()),
        title: f.title.clone(),
        description: f.description.clone(),
        attributes,
        visibility: f.visibility,
    };
    app.app
        .update(id, resolved, f.version, &balise::policy::Actor::AdminToken)
        .await
        .unwrap();
    let shown = b
        .client
        .get(format!("{}/photos/{id}/{photo}.jpg", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(shown.status(), StatusCode::OK);
    assert_eq!(shown.headers()["content-type"], "image/jpeg");
    let (_, page) = b.get(&format!("/carte/{id}")).await;
    assert!(
        page.contains(&format!("/photos/{id}/{photo}-vignette.jpg")),
        "{page}"
    );

    // the reporter's contact is erased once the commune's retention period has passed
    let now = common::dates::now();
    let erased = app
        .app
        .erase_expired_personal_data(now + chrono::Duration::days(10))
        .await
        .unwrap();
    assert_eq!(erased, 0, "Soignies keeps contacts a year");
    let erased = app
        .app
        .erase_expired_personal_data(now + chrono::Duration::days(400))
        .await
        .unwrap();
    assert_eq!(erased, 2, "the reporter and the follower");
    assert!(app.app.store.report_contacts(id).await.unwrap().is_empty());
    app.stop().await;
}

on_both_backends!(
    a_citizen_reports_a_pothole_without_javascript,
    only_a_reports_own_photos_can_be_published,
    a_double_click_on_send_files_one_report_and_both_answers_confirm_it
);

/// Issue 13, point 2: the last "Envoyer" clicked twice at once (twenty citizens, each
/// double-clicking) files one report per citizen, and both answers lead to its
/// confirmation — never to an empty new form, where the citizen would file it again.
async fn a_double_click_on_send_files_one_report_and_both_answers_confirm_it(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    for round in 0..20 {
        let mut b = Browser::new(&app.base);
        let lat = format!("{:.4}", 50.5760 + 0.0003 * f64::from(round));
        let words = format!("Un banc cassé, le {round}e.");
        b.describe_a_problem(&lat, "4.0716", &words).await;
        b.post("/signaler/contact", &[("moyen", "anonyme")]).await;
        let (_, check) = b.get("/signaler/verifier").await;
        assert!(check.contains(&words), "{check}");
        // clicks a few milliseconds apart, as impatient hands give them
        let click = |after: u64| {
            let send = b
                .client
                .post(format!("{}/signaler/verifier", app.base))
                .header(COOKIE, b.cookie_header())
                .form(&[("csrf", b.csrf().as_str()), ("site", "")])
                .send();
            async move {
                tokio::time::sleep(std::time::Duration::from_millis(after)).await;
                let r = send.await.unwrap();
                assert_eq!(r.status(), StatusCode::SEE_OTHER);
                r.headers()["location"].to_str().unwrap().to_string()
            }
        };
        let answers = futures::future::join_all((0..4).map(click)).await;
        assert!(answers[0].starts_with("/signaler/envoye/"), "{answers:?}");
        assert!(
            answers.iter().all(|a| *a == answers[0]),
            "round {round}: {answers:?}"
        );
    }
    assert_eq!(app.count("kind=report").await, 20);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_form_posts_get_a_page_that_says_to_wait() {
    let db = common::TestDb::new(Backend::Sqlite).await;
    let mut config = db.config(true);
    config.rate_limit_per_minute = 200; // forms: 10 a minute
    let app = TestApp::start_with(config).await;
    let mut b = Browser::new(&app.base);
    b.get("/signaler/lieu").await;
    let mut last = StatusCode::OK;
    let mut page = String::new();
    for _ in 0..12 {
        (last, page) = b.post("/signaler/lieu", &[]).await;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        page.contains("Trop d&#x27;envois") || page.contains("Trop d'envois"),
        "{page}"
    );
    app.stop().await;
}

/// A commune's settings (contact, report categories…) come from the configured list at
/// every start: editing it and restarting changes them, on an existing database too.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn communes_take_their_settings_from_the_configured_list() {
    let db = common::TestDb::new(Backend::Sqlite).await;
    let list = db.config(false).data_dir.join("communes.toml");
    let write = |service: &str, category: &str| {
        std::fs::write(
            &list,
            format!(
                "[[active]]\nnis = \"55040\"\n[active.settings]\nreference_prefix = \"SOI\"\n\
                 [active.settings.contact]\nservice = \"{service}\"\n\
                 [[active.settings.report_categories]]\nid = \"{category}\"\n\
                 fr = \"Trottoir\"\nnl = \"Voetpad\"\nde = \"Gehweg\"\nen = \"Pavement\"\n"
            ),
        )
        .unwrap();
    };
    write("Service voirie", "trottoir");
    let mut config = db.config(false);
    config.communes_file = Some(list.clone());
    let app = TestApp::start_with(config.clone()).await;
    let territory = app.app.territory();
    let soignies = territory.get("55040").unwrap();
    assert_eq!(soignies.settings.contact.service, "Service voirie");
    assert_eq!(soignies.settings.report_categories[0].id, "trottoir");
    assert!(
        !territory.get("55004").unwrap().active,
        "only the listed communes run balise"
    );
    assert!(app.get("/").await.body.contains("Service voirie"));
    app.stop().await;

    write("Service des travaux", "trottoir");
    let app = TestApp::start_with(config.clone()).await;
    assert!(app.get("/").await.body.contains("Service des travaux"));
    app.stop().await;

    std::fs::write(&list, "[[active]]\nnis = \"99999\"\n").unwrap();
    let err = balise::server::open(config)
        .await
        .err()
        .expect("an unknown commune stops the start");
    assert!(format!("{err:#}").contains("99999"), "{err:#}");
}

/// A report begun and left: after two days its answers and photos are gone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn abandoned_drafts_are_deleted_with_their_photos() {
    let app = TestApp::spawn_demo(Backend::Sqlite).await;
    let mut b = Browser::new(&app.base);
    b.describe_a_problem("50.5795", "4.0716", "Un banc cassé.")
        .await;
    let (status, _) = b.post_photo(photo_with_gps(), "banc.jpg").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let photos = app.app.photo_dir();
    assert_eq!(std::fs::read_dir(&photos).unwrap().count(), 2);
    let now = common::dates::now();
    app.app
        .erase_expired_personal_data(now + chrono::Duration::hours(1))
        .await
        .unwrap();
    assert_eq!(
        std::fs::read_dir(&photos).unwrap().count(),
        2,
        "kept a while"
    );
    app.app
        .erase_expired_personal_data(now + chrono::Duration::days(3))
        .await
        .unwrap();
    assert_eq!(std::fs::read_dir(&photos).unwrap().count(), 0);
    let (status, to) = b.get("/signaler/verifier").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    app.stop().await;
}

/// Without a map or a place found, words and the commune are enough.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_place_told_in_words_needs_its_commune() {
    let app = TestApp::spawn_demo(Backend::Sqlite).await;
    let mut b = Browser::new(&app.base);
    b.get("/signaler/lieu").await;
    let (status, page) = b
        .post("/signaler/lieu", &[("lieu", "derrière l'église")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Choisissez la commune où se trouve le problème"));
    assert!(
        page.contains("derrière l&#x27;église"),
        "the words are kept"
    );
    let (_, to) = b
        .post(
            "/signaler/lieu",
            &[("lieu", "derrière l'église"), ("commune", "55004")],
        )
        .await;
    assert_eq!(to, "/signaler/categorie");
    b.post("/signaler/categorie", &[("categorie", "voirie")])
        .await;
    b.post(
        "/signaler/description",
        &[("description", "Un pavé manque.")],
    )
    .await;
    b.post("/signaler/contact", &[("moyen", "anonyme")]).await;
    let (_, to) = b.post("/signaler/verifier", &[("site", "")]).await;
    let reference = to.strip_prefix("/signaler/envoye/").unwrap();
    assert!(reference.starts_with("BLC-"), "{reference}");
    let report = app.app.report_by_reference(reference).unwrap();
    assert_eq!(report.feature.attributes["lieu_approximatif"], true);
    assert_eq!(report.feature.commune, "55004");
    app.stop().await;
}

/// A citizen files a report with a photo, as anyone can.
async fn report_with_photo(app: &TestApp, lat: &str, lon: &str) -> String {
    let mut b = Browser::new(&app.base);
    b.describe_a_problem(lat, lon, "Un banc cassé.").await;
    let (status, _) = b.post_photo(photo_with_gps(), "banc.jpg").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    b.post("/signaler/contact", &[("moyen", "anonyme")]).await;
    let (_, to) = b.post("/signaler/verifier", &[("site", "")]).await;
    to.strip_prefix("/signaler/envoye/")
        .unwrap_or_else(|| panic!("sent: {to}"))
        .to_string()
}

/// Issue 13, point 15: the API refuses to publish, on one report, a photo of another
/// report (here of another commune), and refuses to change a report's photo list; the
/// photo stays private. Its own photo is published.
async fn only_a_reports_own_photos_can_be_published(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let soignies = report_with_photo(&app, "50.5795", "4.0716").await;
    let braine = report_with_photo(&app, "50.6087", "4.1365").await;
    let of = |r: &str| app.app.report_by_reference(r).unwrap().feature.clone();
    let (s, b) = (of(&soignies), of(&braine));
    assert_eq!((s.commune.as_str(), b.commune.as_str()), ("55040", "55004"));
    let theirs = b.attributes["photos"][0].as_str().unwrap().to_string();
    let own = s.attributes["photos"][0].as_str().unwrap().to_string();
    let path = format!("/api/v1/features/{}", s.id);
    let mut doc = app.get_as_admin(&path).await.json();
    let etag = format!("\"{}\"", s.version);
    let send = async |doc: &serde_json::Value| {
        app.client
            .put(app.url(&path))
            .bearer_auth(common::TOKEN)
            .header("if-match", &etag)
            .header("content-type", "application/geo+json")
            .body(doc.to_string())
            .send()
            .await
            .unwrap()
    };
    doc["properties"]["attributes"]["photos_publiques"] = serde_json::json!([theirs]);
    let r = send(&doc).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem = r.text().await.unwrap();
    assert!(
        problem.contains("/properties/attributes/photos_publiques")
            && problem.contains("unknown_photo"),
        "{problem}"
    );
    doc["properties"]["attributes"]["photos"] = serde_json::json!([own, theirs]);
    let r = send(&doc).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text().await.unwrap().contains("read_only"));
    let anonymous = app.get(&format!("/photos/{}/{theirs}.jpg", s.id)).await;
    assert_eq!(anonymous.status, StatusCode::NOT_FOUND);
    // its own photo, it can publish
    doc["properties"]["attributes"]["photos"] = serde_json::json!([own]);
    doc["properties"]["attributes"]["photos_publiques"] = serde_json::json!([own]);
    let r = send(&doc).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let shown = app.get(&format!("/photos/{}/{own}.jpg", s.id)).await;
    assert_eq!(shown.status, StatusCode::OK);
    app.stop().await;
}
