//! The agents' side: accounts and sessions, who may read or change what (a matrix of
//! roles × communes × routes), conflicts and their assessments, and the workspace
//! forms without JavaScript — on SQLite and PostgreSQL.

mod common;

use balise::model::account::{Grant, Role};
use balise::policy::Actor;
use common::dates::{at, day, dmy, iso, local, now, rfc};
use common::{Backend, Browser, TOKEN, TestApp, TestDb};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const PASSWORD: &str = "une phrase assez longue";
const SOIGNIES: &str = "55040";
const BRAINE: &str = "55004";

async fn add(app: &TestApp, email: &str, grants: &[(&str, Role)]) {
    let grants: Vec<Grant> = grants
        .iter()
        .map(|(c, r)| Grant {
            commune: c.to_string(),
            role: *r,
        })
        .collect();
    app.app
        .add_user(
            &Actor::System("test".into()),
            email,
            "",
            &grants,
            Some(PASSWORD),
        )
        .await
        .expect("the account is created");
}

/// A sign-in link whose `retour` points elsewhere (a tab or a backslash that browsers
/// read as `//`) lands the agent on the workspace, not on the other site; a path of the
/// site is followed.
async fn signing_in_never_leads_to_another_site(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    for (retour, to) in [
        ("/\t/evil.example/after-login", "/agent"),
        ("/\\evil.example/after-login", "/agent"),
        ("/\n/evil.example", "/agent"),
        ("//evil.example", "/agent"),
        ("/agent/taches?vue=carte", "/agent/taches?vue=carte"),
    ] {
        let mut b = Browser::new(&app.base);
        let (_, page) = b
            .get(&format!(
                "/connexion?retour={}",
                retour
                    .replace('\t', "%09")
                    .replace('\n', "%0A")
                    .replace('\\', "%5C")
            ))
            .await;
        let kept = format!("name=\"retour\" value=\"{}\"", to.replace('/', "&#x2f;"));
        assert!(page.contains(&kept), "{retour:?}: {page}");
        let (status, location) = b
            .post(
                "/connexion",
                &[
                    ("email", "agent@soignies.be"),
                    ("password", PASSWORD),
                    ("retour", retour),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{retour:?}");
        assert_eq!(location, to, "{retour:?}");
    }
    app.stop().await;
}

/// Someone asks twice for a reset link (the first mail seemed lost) and uses one: the
/// other link no longer sets a password.
async fn a_reset_link_dies_once_another_has_set_the_password(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let mut b = Browser::new(&app.base);
    b.get("/mot-de-passe-oublie").await;
    for _ in 0..2 {
        let (status, _) = b
            .post("/mot-de-passe-oublie", &[("email", "agent@soignies.be")])
            .await;
        assert_eq!(status, StatusCode::OK);
    }
    let links: Vec<String> = common::outbox(&app)
        .iter()
        .map(|m| {
            let link = m
                .text
                .split_whitespace()
                .find(|w| w.contains("/mot-de-passe/"))
                .expect("a link");
            link[link.find("/mot-de-passe/").unwrap()..].to_string()
        })
        .collect();
    assert_eq!(links.len(), 2);
    assert_ne!(links[0], links[1]);
    let new = "un autre mot de passe long";
    let (status, _) = b
        .post(&links[1], &[("password", new), ("confirmation", new)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let other = "encore un autre mot de passe";
    let (status, _) = b
        .post(&links[0], &[("password", other), ("confirmation", other)])
        .await;
    assert_eq!(status, StatusCode::GONE, "the other link died");
    let (status, to) = b
        .post(
            "/connexion",
            &[("email", "agent@soignies.be"), ("password", new)],
        )
        .await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/agent"));
    app.stop().await;
}

/// A browser signed in as `email`.
async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let mut b = Browser::new(&app.base);
    b.get("/connexion").await;
    let (status, to) = b
        .post(
            "/connexion",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("retour", "/agent"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{email} signs in: {to}");
    assert_eq!(to, "/agent");
    b
}

/// A feature under way: from yesterday morning to the evening of the day after tomorrow.
fn feature(kind: &str, title: &str, lonlat: (f64, f64), visibility: &str) -> Value {
    json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [lonlat.0, lonlat.1] },
        "properties": {
            "kind": kind, "title": title, "visibility": visibility,
            "description": format!("{title}: détails internes"),
            "schedule": { "periods": [{ "start": at(-1, "09:00"), "end": at(2, "18:00") }] }
        }
    })
}

/// Who calls: nobody, a person's browser session, or a bearer token.
#[derive(Clone, Copy)]
enum Who<'a> {
    Anonymous,
    Session(&'a Browser),
    Token(&'a str),
}

async fn call(
    app: &TestApp,
    who: Who<'_>,
    method: Method,
    path: &str,
    body: Option<&Value>,
) -> (StatusCode, String) {
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let mut req = client.request(method, app.url(path));
    match who {
        Who::Anonymous => {}
        // a browser on balise's own pages says where it comes from
        Who::Session(b) => {
            req = req
                .header(reqwest::header::COOKIE, b.cookie_header())
                .header(reqwest::header::ORIGIN, &app.base)
        }
        Who::Token(t) => req = req.bearer_auth(t),
    }
    if let Some(b) = body {
        req = req
            .header("content-type", "application/geo+json")
            .body(b.to_string());
    }
    let res = req.send().await.unwrap();
    let status = res.status();
    (status, res.text().await.unwrap())
}

/// Issue 13, point 12: wrong passwords typed for an address with an account and for
/// one without get the same answers, in about the same time (the password is checked
/// every time, waiting or not); after five of them this client waits, not the person:
/// from another address the right password still works.
async fn signing_in_does_not_tell_which_accounts_exist_nor_lock_them(backend: Backend) {
    let db = TestDb::new(backend).await;
    let mut config = db.config(false);
    config.trusted_proxies = 1;
    let app = TestApp::start_with(config).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let attacker = |email: &'static str| {
        let base = app.base.clone();
        async move {
            let mut b = Browser::new(&base);
            b.get("/connexion").await;
            let mut answers = Vec::new();
            for _ in 0..8 {
                let csrf = b.csrf();
                let asked = std::time::Instant::now();
                let res = b
                    .client
                    .post(format!("{base}/connexion"))
                    .header(reqwest::header::COOKIE, b.cookie_header())
                    .header("x-forwarded-for", "203.0.113.66")
                    .form(&[
                        ("csrf", csrf.as_str()),
                        ("email", email),
                        ("password", "devine-moi-bien"),
                    ])
                    .send()
                    .await
                    .unwrap();
                let status = res.status();
                let page = res.text().await.unwrap();
                let said = ["ne correspond pas", "Réessayez à partir de"]
                    .into_iter()
                    .find(|s| page.contains(s))
                    .unwrap_or_else(|| panic!("{page}"));
                answers.push((status, said, asked.elapsed()));
            }
            answers
        }
    };
    let known = attacker("agent@soignies.be").await;
    let unknown = attacker("personne@soignies.be").await;
    fn said(
        a: &[(StatusCode, &'static str, std::time::Duration)],
    ) -> Vec<(StatusCode, &'static str)> {
        a.iter().map(|(s, m, _)| (*s, *m)).collect()
    }
    assert_eq!(
        said(&known),
        said(&unknown),
        "the answers tell the accounts apart"
    );
    assert_eq!(known[0].1, "ne correspond pas");
    assert_eq!(known[7].1, "Réessayez à partir de");
    // waiting answers take as long as wrong passwords: the hash is checked all the same
    let slowest_wrong = known[..4].iter().map(|a| a.2).min().unwrap();
    for (_, _, took) in known[5..].iter().chain(&unknown[5..]) {
        assert!(
            *took * 3 > slowest_wrong,
            "a waiting answer took {took:?}, a wrong password {slowest_wrong:?}"
        );
    }
    // the agent, from the town hall's address, signs in
    let mut desk = Browser::new(&app.base);
    desk.get("/connexion").await;
    let res = desk
        .client
        .post(app.url("/connexion"))
        .header(reqwest::header::COOKIE, desk.cookie_header())
        .header("x-forwarded-for", "198.51.100.20")
        .form(&[
            ("csrf", desk.csrf().as_str()),
            ("email", "agent@soignies.be"),
            ("password", PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        res.status(),
        StatusCode::SEE_OTHER,
        "the agent is locked out"
    );
    app.stop().await;
}

/// Issue 13, point 18: a page of another site posting to the API with the agent's
/// session cookie — `text/plain` or a multipart form, which browsers send without
/// asking — is refused, whatever it posts; the same request from balise's own pages, or
/// with a token, goes through.
async fn another_sites_page_cannot_write_with_an_agents_session(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let b = common::signed_in(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let post = |origin: Option<&str>, content_type: &str| {
        let mut req = app
            .client
            .post(app.url("/api/v1/features"))
            .header(reqwest::header::COOKIE, b.cookie_header())
            .header("content-type", content_type)
            .body(common::works_in_soignies().to_string());
        if let Some(o) = origin {
            req = req.header(reqwest::header::ORIGIN, o);
        }
        async move {
            let r = req.send().await.unwrap();
            let status = r.status();
            (status, r.text().await.unwrap())
        }
    };
    for (origin, content_type) in [
        (Some("https://evil.example"), "text/plain"),
        (Some("https://evil.example"), "application/geo+json"),
        (Some("null"), "application/geo+json"),
        (None, "application/geo+json"),
    ] {
        let (status, body) = post(origin, content_type).await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "{origin:?} {content_type}: {body}"
        );
        assert!(body.contains("cross-site"), "{body}");
    }
    let mut form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(b"%PDF-1.4".to_vec()).file_name("plan.pdf"),
    );
    form = form.text("name", "plan");
    let r = app
        .client
        .post(app.url(&format!("/api/v1/tasks/{}/documents", uuid::Uuid::now_v7())))
        .header(reqwest::header::COOKIE, b.cookie_header())
        .header(reqwest::header::ORIGIN, "https://evil.example")
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let (status, body) = post(Some(&app.base), "application/geo+json").await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        app.count("kind=works").await,
        1,
        "only the same-site request wrote"
    );
    app.stop().await;
}

/// Issue 13, point 10: a token belongs to the admin who made it and dies with their
/// role; it expires; and tokens do not make tokens.
async fn tokens_die_with_their_makers_role_and_expire(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let admin = common::signed_in(&app, "admin@soignies.be", &[(SOIGNIES, Role::Admin)]).await;
    let make = |body: Value| {
        let req = app
            .client
            .post(app.url("/api/v1/tokens"))
            .header(reqwest::header::COOKIE, admin.cookie_header())
            .header(reqwest::header::ORIGIN, &app.base)
            .json(&body);
        async move {
            let r = req.send().await.unwrap();
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        }
    };
    let (status, made) = make(json!({ "name": "SIG", "commune": SOIGNIES, "role": "admin" })).await;
    assert_eq!(status, StatusCode::CREATED, "{made}");
    let year = chrono::DateTime::parse_from_rfc3339(made["expires_at"].as_str().unwrap())
        .unwrap()
        .signed_duration_since(now());
    assert!((364..=365).contains(&year.num_days()), "{made}");
    let token = made["token"].as_str().unwrap().to_string();
    let uses = |token: String| {
        let app = &app;
        async move {
            app.request(Method::GET, "/api/v1/tokens", Some(&token), None)
                .await
                .status
        }
    };
    assert_eq!(uses(token.clone()).await, StatusCode::OK);
    // a token does not make tokens
    let child = app
        .request(
            Method::POST,
            "/api/v1/tokens",
            Some(&token),
            Some(&json!({ "name": "enfant", "commune": SOIGNIES, "role": "admin" })),
        )
        .await;
    assert_eq!(child.status, StatusCode::FORBIDDEN, "{}", child.body);
    for days in [0, 1000] {
        let (status, body) = make(
            json!({ "name": "x", "commune": SOIGNIES, "role": "agent", "expires_in_days": days }),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    }
    // its maker is no longer an admin: it stops working
    let maker = app
        .app
        .store
        .users()
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.email == "admin@soignies.be")
        .unwrap();
    app.app
        .remove_grant(
            &Actor::AdminToken,
            maker.id,
            &Grant {
                commune: SOIGNIES.into(),
                role: Role::Admin,
            },
        )
        .await
        .unwrap();
    assert_eq!(uses(token).await, StatusCode::UNAUTHORIZED);
    // a token for a day stops working after it
    let a = app
        .request(
            Method::POST,
            "/api/v1/tokens",
            Some(TOKEN),
            Some(&json!({ "name": "jour", "commune": SOIGNIES, "role": "agent", "expires_in_days": 1 })),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let day = a.json()["token"].as_str().unwrap().to_string();
    let listed = |token: String| {
        let app = &app;
        async move {
            app.request(Method::GET, "/api/v1/features", Some(&token), None)
                .await
                .status
        }
    };
    assert_eq!(listed(day.clone()).await, StatusCode::OK);
    balise::clock::set(now() + chrono::Duration::hours(25));
    let after = listed(day).await;
    balise::clock::set(now() - chrono::Duration::hours(25));
    assert_eq!(after, StatusCode::UNAUTHORIZED);
    app.stop().await;
}

async fn signing_in_waits_after_wrong_passwords_and_resets_by_mail(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "Agent@Soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let mut b = Browser::new(&app.base);
    b.get("/connexion").await;
    // the workspace asks to sign in first, and comes back after
    let (status, to) = b.get("/agent/conflits").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, "");
    let (status, page) = b
        .post(
            "/connexion",
            &[("email", "agent@soignies.be"), ("password", "pas le bon")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("ne correspond pas"), "{page}");
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<title>Erreur : "));
    for _ in 0..4 {
        b.post(
            "/connexion",
            &[
                ("email", "agent@soignies.be"),
                ("password", "toujours faux"),
            ],
        )
        .await;
    }
    // waiting: even the right password is refused for a while, with a clear message
    let (status, page) = b
        .post(
            "/connexion",
            &[("email", "agent@soignies.be"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Réessayez à partir de"), "{page}");
    // the reset link comes by e-mail, works once, and lifts the lock
    let (status, page) = b
        .post("/mot-de-passe-oublie", &[("email", "AGENT@soignies.be")])
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("un lien vient d"), "{page}");
    // an unknown address gets the same answer, and no mail
    let (_, page) = b
        .post("/mot-de-passe-oublie", &[("email", "nobody@soignies.be")])
        .await;
    assert!(page.contains("un lien vient d"));
    let outbox = app.app.config.data_dir.join("outbox");
    let mails: Vec<String> = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    assert_eq!(mails.len(), 1);
    assert!(mails[0].contains("To: agent@soignies.be"), "{}", mails[0]);
    let link = mails[0]
        .split_whitespace()
        .find(|w| w.contains("/mot-de-passe/"))
        .expect("a link")
        .to_string();
    let path = &link[link.find("/mot-de-passe/").unwrap()..];
    let (status, page) = b
        .post(path, &[("password", "court"), ("confirmation", "court")])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("au moins 12 caractères"), "{page}");
    let new = "un autre mot de passe long";
    let (status, to) = b
        .post(path, &[("password", new), ("confirmation", new)])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/connexion?fait=mot-de-passe")
    );
    let (status, _) = b
        .post(path, &[("password", new), ("confirmation", new)])
        .await;
    assert_eq!(status, StatusCode::GONE, "a link works once");
    let (status, to) = b
        .post(
            "/connexion",
            &[("email", "agent@soignies.be"), ("password", new)],
        )
        .await;
    assert_eq!((status, to.as_str()), (StatusCode::SEE_OTHER, "/agent"));
    let session = b
        .cookies
        .iter()
        .find(|(k, _)| k == "balise_session")
        .cloned()
        .unwrap();
    let (status, _) = b.get("/agent").await;
    assert_eq!(status, StatusCode::OK);
    // signing out everywhere ends this session and any other
    let mut phone = Browser::new(&app.base);
    phone.cookies.push(session.clone());
    let (status, _) = b.post("/deconnexion-partout", &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = phone.get("/agent").await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "the old session no longer opens the workspace"
    );
    app.stop().await;
}

/// Every route an outsider could try, for every kind of caller: only the roles of a
/// feature's commune read its internal data or change it.
async fn authorization_matrix(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    add(&app, "ouvrier@soignies.be", &[(SOIGNIES, Role::Worker)]).await;
    add(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    add(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    add(
        &app,
        "commun@deux.be",
        &[(SOIGNIES, Role::Coordinator), (BRAINE, Role::Agent)],
    )
    .await;
    let agent_s = signed_in(&app, "agent@soignies.be").await;
    let worker_s = signed_in(&app, "ouvrier@soignies.be").await;
    let agent_b = signed_in(&app, "agent@braine.be").await;
    let admin_b = signed_in(&app, "admin@braine.be").await;
    let both = signed_in(&app, "commun@deux.be").await;
    // an API token of Soignies, created by the bootstrap admin token
    let (status, body) = call(
        &app,
        Who::Token(TOKEN),
        Method::POST,
        "/api/v1/tokens",
        Some(&json!({"name": "SIG", "commune": SOIGNIES, "role": "agent"})),
    )
    .await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    let token_s = serde_json::from_str::<Value>(&body).unwrap()["token"]
        .as_str()
        .unwrap()
        .to_string();
    // the admin of Braine may not make tokens for Soignies
    let (status, _) = call(
        &app,
        Who::Session(&admin_b),
        Method::POST,
        "/api/v1/tokens",
        Some(&json!({"name": "X", "commune": SOIGNIES, "role": "admin"})),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    let create = |f: Value| {
        let app = &app;
        async move { app.create(&f).await["id"].as_str().unwrap().to_string() }
    };
    let internal_s = create(feature(
        "works",
        "Chantier interne Soignies",
        common::SOIGNIES,
        "internal",
    ))
    .await;
    let internal_b = create(feature(
        "works",
        "Chantier interne Braine",
        common::BRAINE,
        "internal",
    ))
    .await;
    let public_s = create(feature(
        "event",
        "Fête publique Soignies",
        (4.0712, 50.5791),
        "public",
    ))
    .await;

    let anon = Who::Anonymous;
    let (a_s, w_s, a_b, ad_b, tk_s, bo) = (
        Who::Session(&agent_s),
        Who::Session(&worker_s),
        Who::Session(&agent_b),
        Who::Session(&admin_b),
        Who::Token(&token_s),
        Who::Session(&both),
    );
    let ok = StatusCode::OK;
    let nf = StatusCode::NOT_FOUND;
    let unauth = StatusCode::UNAUTHORIZED;
    let forbidden = StatusCode::FORBIDDEN;
    let see_other = StatusCode::SEE_OTHER;
    // reading an internal feature of Soignies, through the API and the pages
    let reads: Vec<(String, Vec<(Who, StatusCode)>)> = vec![
        (
            format!("/api/v1/features/{internal_s}"),
            vec![
                (anon, nf),
                (a_s, ok),
                (w_s, ok),
                (tk_s, ok),
                (bo, ok),
                (a_b, nf),
                (ad_b, nf),
            ],
        ),
        (
            format!("/api/v1/features/{internal_b}"),
            vec![
                (anon, nf),
                (a_s, nf),
                (w_s, nf),
                (tk_s, nf),
                (bo, ok),
                (a_b, ok),
            ],
        ),
        (
            format!("/api/v1/features/{internal_s}/history"),
            vec![
                (anon, unauth),
                (a_s, ok),
                (w_s, ok),
                (tk_s, ok),
                (a_b, nf),
                (ad_b, nf),
            ],
        ),
        (
            format!("/api/v1/features/{internal_s}/conflicts"),
            vec![(anon, unauth), (a_s, ok), (w_s, ok), (a_b, nf)],
        ),
        (
            format!("/api/v1/features/{public_s}/conflicts"),
            vec![(anon, unauth), (a_s, ok), (a_b, forbidden)],
        ),
        (
            format!("/api/v1/features/{public_s}/history"),
            vec![(anon, unauth), (a_s, ok), (a_b, nf)],
        ),
        (
            format!("/agent/element/{internal_s}"),
            vec![
                (anon, see_other),
                (a_s, ok),
                (w_s, ok),
                (a_b, nf),
                (ad_b, nf),
            ],
        ),
        (
            format!("/agent/element/{internal_b}"),
            vec![(a_s, nf), (a_b, ok), (bo, ok)],
        ),
        (
            format!("/agent/element/{internal_s}/historique.csv"),
            vec![(anon, see_other), (a_s, ok), (w_s, ok), (a_b, nf)],
        ),
        (
            "/agent/signalements".into(),
            vec![(anon, see_other), (a_s, ok), (w_s, ok)],
        ),
        (
            "/agent/taches".into(),
            vec![(anon, see_other), (a_s, ok), (w_s, ok)],
        ),
        (
            "/agent/tableau".into(),
            vec![(anon, see_other), (a_s, ok), (a_b, ok)],
        ),
        (
            "/agent/notifications".into(),
            vec![(anon, see_other), (a_s, ok), (w_s, ok)],
        ),
        (
            "/agent/services".into(),
            vec![(anon, see_other), (a_s, ok), (a_b, ok)],
        ),
        (
            "/agent/journal".into(),
            vec![(anon, see_other), (a_s, ok), (w_s, ok), (a_b, ok)],
        ),
        (
            "/agent/journal.csv?commune=55040".into(),
            vec![(anon, see_other), (a_s, ok), (bo, ok)],
        ),
        (
            "/api/v1/audit?commune=55040".into(),
            vec![
                (anon, unauth),
                (a_s, ok),
                (w_s, ok),
                (tk_s, ok),
                (a_b, forbidden),
            ],
        ),
        (
            "/api/v1/tasks?commune=55040".into(),
            vec![
                (anon, unauth),
                (a_s, ok),
                (w_s, ok),
                (tk_s, ok),
                (a_b, forbidden),
            ],
        ),
        (
            format!("/agent/element/{public_s}"),
            vec![(anon, see_other), (a_s, ok), (a_b, nf)],
        ),
        (format!("/carte/{internal_s}"), vec![(anon, nf), (a_s, nf)]),
        (format!("/carte/{public_s}"), vec![(anon, ok)]),
        (
            "/agent".into(),
            vec![(anon, see_other), (a_s, ok), (a_b, ok)],
        ),
        (
            "/agent/conflits".into(),
            vec![(anon, see_other), (a_s, ok), (w_s, ok)],
        ),
        ("/agent/compte".into(), vec![(anon, see_other), (a_s, ok)]),
        ("/api/v1/tokens".into(), vec![(anon, unauth), (a_s, ok)]),
        (
            "/tiles/internal".into(),
            vec![(anon, unauth), (a_s, ok), (tk_s, ok)],
        ),
    ];
    for (path, expected) in &reads {
        for (who, status) in expected {
            let (got, body) = call(&app, *who, Method::GET, path, None).await;
            assert_eq!(got, *status, "GET {path}: {}", &body[..body.len().min(300)]);
        }
    }
    // lists: each caller sees the internal features of its communes only
    for (who, sees_s, sees_b) in [
        (anon, false, false),
        (a_s, true, false),
        (w_s, true, false),
        (tk_s, true, false),
        (a_b, false, true),
        (bo, true, true),
    ] {
        let (_, body) = call(&app, who, Method::GET, "/api/v1/features?limit=1000", None).await;
        assert_eq!(body.contains(&internal_s), sees_s, "API list: {body}");
        assert_eq!(body.contains(&internal_b), sees_b, "API list");
        assert!(body.contains(&public_s));
        if let Who::Session(_) = who {
            let (_, page) = call(&app, who, Method::GET, "/agent", None).await;
            assert_eq!(page.contains(&internal_s), sees_s, "workspace list");
            assert_eq!(page.contains(&internal_b), sees_b, "workspace list");
        }
    }
    // the workspace list of Braine's agent holds nothing of Soignies, public or not
    let (_, page) = call(&app, a_b, Method::GET, "/agent", None).await;
    assert!(!page.contains("Fête publique Soignies"));

    // changes: only planners of the feature's commune
    let mut renamed = feature(
        "works",
        "Chantier interne Soignies (modifié)",
        common::SOIGNIES,
        "internal",
    );
    let put = format!("/api/v1/features/{internal_s}");
    let (got, _) = call(&app, anon, Method::PUT, &put, Some(&renamed)).await;
    assert_eq!(got, unauth);
    let client = reqwest::Client::new();
    for (who, status) in [
        (w_s, forbidden),
        (a_b, nf),
        (ad_b, nf),
        (a_s, ok),
        (tk_s, ok),
    ] {
        renamed["properties"]["title"] = json!(format!("Titre par {status}"));
        let mut req = client
            .put(app.url(&put))
            .header("if-match", "*")
            .header("content-type", "application/geo+json")
            .body(renamed.to_string());
        req = match who {
            Who::Session(b) => req
                .header(reqwest::header::COOKIE, b.cookie_header())
                .header(reqwest::header::ORIGIN, &app.base),
            Who::Token(t) => req.bearer_auth(t),
            Who::Anonymous => req,
        };
        let res = req.send().await.unwrap();
        assert_eq!(
            res.status(),
            status,
            "PUT as caller: {}",
            res.text().await.unwrap()
        );
    }
    // creating in a commune: planners of that commune only
    for (who, status) in [
        (anon, unauth),
        (w_s, forbidden),
        (a_b, forbidden),
        (a_s, StatusCode::CREATED),
        (bo, StatusCode::CREATED),
    ] {
        let (got, body) = call(
            &app,
            who,
            Method::POST,
            "/api/v1/features",
            Some(&feature(
                "occupation",
                "Échafaudage",
                (4.0716, 50.5796),
                "internal",
            )),
        )
        .await;
        assert_eq!(got, status, "POST: {body}");
    }
    // deleting: the same
    for (who, status) in [(anon, unauth), (w_s, forbidden), (a_b, nf)] {
        let (got, _) = call(
            &app,
            who,
            Method::DELETE,
            &format!("/api/v1/features/{internal_s}"),
            None,
        )
        .await;
        assert_eq!(got, status, "DELETE");
    }
    // the web forms follow the same rules: Braine's agent cannot save Soignies' item
    let mut b = Browser::new(&app.base);
    b.cookies = agent_b.cookies.clone();
    let [today_j, today_m, today_a] = dmy(day(0));
    let (status, _) = b
        .post(
            &format!("/agent/element/{internal_s}"),
            &[
                ("kind", "works"),
                ("title", "pirate"),
                ("forme", "point"),
                ("coordonnees", "50.5790, 4.0710"),
                ("p0_debut_j", &today_j),
                ("p0_debut_m", &today_m),
                ("p0_debut_a", &today_a),
                ("version", "3"),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert!(
        status == StatusCode::NOT_FOUND || status == StatusCode::FORBIDDEN,
        "{status}"
    );
    let (status, _) = b
        .post(
            &format!("/agent/element/{internal_s}/visibilite"),
            &[("public", "oui"), ("version", "3")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, body) = call(
        &app,
        Who::Token(TOKEN),
        Method::GET,
        &format!("/api/v1/features/{internal_s}"),
        None,
    )
    .await;
    let stored: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(stored["properties"]["visibility"], "internal");
    assert!(
        stored["properties"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Titre par")
    );
    // internal tiles: Braine's agent gets none of Soignies' internal features
    let tile = format!("/tiles/internal/18/134036/88244.mvt?at={}", rfc(now()));
    let tile = tile.as_str();
    let (status_s, _) = call(&app, a_s, Method::GET, tile, None).await;
    let (status_b, body_b) = call(&app, a_b, Method::GET, tile, None).await;
    assert_eq!(
        status_s, ok,
        "Soignies' agent sees its works on the internal layer"
    );
    assert!(
        status_b == StatusCode::NO_CONTENT || !body_b.contains("Chantier interne"),
        "{status_b}"
    );
    // a revoked token no longer opens anything
    let (_, list) = call(&app, Who::Token(TOKEN), Method::GET, "/api/v1/tokens", None).await;
    let id = serde_json::from_str::<Value>(&list).unwrap()["tokens"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (status, _) = call(
        &app,
        Who::Token(TOKEN),
        Method::DELETE,
        &format!("/api/v1/tokens/{id}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _) = call(
        &app,
        tk_s,
        Method::GET,
        &format!("/api/v1/features/{internal_s}"),
        None,
    )
    .await;
    assert_eq!(status, unauth);
    app.stop().await;
}

/// A works polygon over a market: the conflict before saving (no JavaScript), after
/// saving, its assessment, and "to re-assess" when the market changes.
async fn conflicts_are_seen_before_saving_and_reassessed_after_changes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    add(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let market = app
        .create(&json!({
            "type": "Feature",
            "geometry": { "type": "Polygon", "coordinates": [[[4.0700, 50.5786], [4.0718, 50.5786], [4.0718, 50.5794], [4.0700, 50.5794], [4.0700, 50.5786]]] },
            "properties": { "kind": "event", "title": "Marché du samedi",
                "schedule": { "recurring": [{ "first_day": iso(day(-30)), "last_day": iso(day(120)), "days": ["saturday"], "start_time": "07:00", "end_time": "13:00" }] } }
        }))
        .await;
    let [sat_j, sat_m, sat_a] = dmy(common::dates::coming(chrono::Weekday::Sat));
    let market_id = market["id"].as_str().unwrap().to_string();
    let mut b = signed_in(&app, "agent@soignies.be").await;
    let closure: Vec<(&str, &str)> = vec![
        ("kind", "works"),
        ("title", "Fermeture de la Grand-Place"),
        ("status", "planned"),
        ("forme", "zone"),
        (
            "coordonnees",
            "50.5788, 4.0705\n50.5788, 4.0712\n50.5792, 4.0712\n50.5792, 4.0705",
        ),
        // the coming Saturday, all day
        ("p0_debut_j", &sat_j),
        ("p0_debut_m", &sat_m),
        ("p0_debut_a", &sat_a),
        ("p0_debut_h", ""),
        ("p0_fin_j", &sat_j),
        ("p0_fin_m", &sat_m),
        ("p0_fin_a", &sat_a),
        ("p0_fin_h", ""),
    ];
    let with = |action: &'static str| {
        let mut f = closure.clone();
        f.push(("action", action));
        f
    };
    let (status, page) = b.post("/agent/nouveau", &with("verifier")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("1 conflit trouvé") && page.contains("Marché du samedi"),
        "{page}"
    );
    assert_eq!(app.count("kind=works").await, 0, "checking saves nothing");
    let (status, to) = b.post("/agent/nouveau", &with("enregistrer")).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let works_id = to
        .trim_start_matches("/agent/element/")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    // internal until published
    assert_eq!(app.count("kind=works").await, 0);
    let (_, page) = b.get(&to).await;
    assert!(
        page.contains("est créé") && page.contains("À évaluer"),
        "{page}"
    );
    // the API says the same, and so does the conflicts page
    let (_, body) = call(
        &app,
        Who::Session(&b),
        Method::GET,
        &format!("/api/v1/features/{works_id}/conflicts"),
        None,
    )
    .await;
    let c: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(c["conflicts"][0]["feature"]["id"], market_id.as_str());
    assert_eq!(c["conflicts"][0]["assessments"][0]["state"], "to_assess");
    // record an assessment on the form
    let (status, _) = b
        .post(
            "/agent/conflits/evaluer",
            &[
                ("id", works_id.as_str()),
                ("other", market_id.as_str()),
                ("commune", SOIGNIES),
                ("verdict", "accepted"),
                ("note", "Marché déplacé rue de la Station"),
                ("retour", "/agent/conflits"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = b.get("/agent/conflits").await;
    assert!(
        page.contains("Évalués (1)") && page.contains("Marché déplacé rue de la Station"),
        "{page}"
    );
    // Braine's agent cannot assess a conflict of Soignies
    let (status, _) = call(
        &app,
        Who::Session(&signed_in(&app, "agent@braine.be").await),
        Method::PUT,
        &format!("/api/v1/features/{works_id}/conflicts/{market_id}/assessment"),
        Some(&json!({"verdict": "refused"})),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // the market changes: the assessment must be made again
    let (_, page) = b.get(&format!("/agent/element/{market_id}")).await;
    let version = page
        .split("name=\"version\" value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let [du_j, du_m, du_a] = dmy(day(-30));
    let [au_j, au_m, au_a] = dmy(day(120));
    let (status, to) = b
        .post(
            &format!("/agent/element/{market_id}"),
            &[
                ("kind", "event"),
                ("title", "Marché du samedi (agrandi)"),
                ("status", "planned"),
                ("forme", "zone"),
                (
                    "coordonnees",
                    "50.5786, 4.0700\n50.5786, 4.0718\n50.5794, 4.0718\n50.5794, 4.0700",
                ),
                ("s0_du_j", &du_j),
                ("s0_du_m", &du_m),
                ("s0_du_a", &du_a),
                ("s0_au_j", &au_j),
                ("s0_au_m", &au_m),
                ("s0_au_a", &au_a),
                ("s0_jours", "saturday"),
                ("s0_de", "7:00"),
                ("s0_a", "14:00"),
                ("version", &version),
                ("public", "oui"),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = b.get(&format!("/agent/element/{works_id}")).await;
    assert!(page.contains("À réévaluer"), "{page}");
    let (_, page) = b.get("/agent/conflits").await;
    assert!(page.contains("À évaluer (1)"), "{page}");
    // assessed again; the history keeps both
    let (status, body) = call(
        &app,
        Who::Session(&b),
        Method::PUT,
        &format!("/api/v1/features/{market_id}/conflicts/{works_id}/assessment"),
        Some(&json!({"verdict": "refused", "note": "Trop grand"})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["assessments"][0]["state"],
        "refused"
    );
    let (_, body) = call(
        &app,
        Who::Session(&b),
        Method::GET,
        &format!("/api/v1/features/{works_id}/conflicts/{market_id}/assessments"),
        None,
    )
    .await;
    let h: Value = serde_json::from_str(&body).unwrap();
    let verdicts: Vec<&str> = h["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["accepted", "refused"]);
    let (_, page) = b.get(&format!("/agent/element/{works_id}")).await;
    assert!(
        page.contains("1 avis précédent") && page.contains("Trop grand"),
        "the earlier assessment stays readable"
    );
    // the history names who changed the market
    let (_, body) = call(
        &app,
        Who::Session(&b),
        Method::GET,
        &format!("/api/v1/features/{market_id}/history"),
        None,
    )
    .await;
    assert!(body.contains("user:agent@soignies.be"), "{body}");
    // a stale edit is refused, not lost
    let (status, page) = b
        .post(
            &format!("/agent/element/{market_id}"),
            &[
                ("kind", "event"),
                ("title", "Vieux titre"),
                ("forme", "point"),
                ("coordonnees", "50.5790, 4.0709"),
                ("p0_debut_j", &sat_j),
                ("p0_debut_m", &sat_m),
                ("p0_debut_a", &sat_a),
                ("version", &version),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(page.contains("modifié cet élément entre-temps"));
    app.stop().await;
}

/// Conflicts across the border are seen by both towns, each with its own assessment.
async fn a_conflict_across_the_border_is_seen_by_both(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    add(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    // the boundary between the two towns, near Naast / Henripont: find two places on
    // either side, a few metres apart
    let territory = app.app.territory();
    let (mut west, mut east) = (None, None);
    'search: for i in 0..2000 {
        let lat = 50.56 + (i / 40) as f64 * 0.002;
        let lon = 4.08 + (i % 40) as f64 * 0.002;
        let here = geo::Point::new(lon, lat);
        let there = geo::Point::new(lon + 0.0002, lat);
        if let (Some(a), Some(b)) = (territory.locate(here), territory.locate(there))
            && a.nis == SOIGNIES
            && b.nis == BRAINE
        {
            west = Some((lon, lat));
            east = Some((lon + 0.0002, lat));
            break 'search;
        }
    }
    let (west, east) = (
        west.expect("a point of Soignies by the border"),
        east.unwrap(),
    );
    let event = app
        .create(&feature("event", "Brocante de Soignies", west, "public"))
        .await;
    let works = app
        .create(&feature("works", "Travaux à Braine", east, "public"))
        .await;
    assert_eq!(event["properties"]["commune"], SOIGNIES);
    assert_eq!(works["properties"]["commune"], BRAINE);
    for (email, nis) in [("agent@soignies.be", SOIGNIES), ("agent@braine.be", BRAINE)] {
        let mut b = signed_in(&app, email).await;
        let (_, page) = b.get("/agent/conflits").await;
        assert!(
            page.contains("Brocante de Soignies") && page.contains("Travaux à Braine"),
            "{email}: {page}"
        );
        let (status, _) = b
            .post(
                "/agent/conflits/evaluer",
                &[
                    ("id", event["id"].as_str().unwrap()),
                    ("other", works["id"].as_str().unwrap()),
                    ("commune", nis),
                    ("verdict", "accepted"),
                    ("retour", "/agent/conflits"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (_, body) = call(
        &app,
        Who::Token(TOKEN),
        Method::GET,
        &format!(
            "/api/v1/features/{}/conflicts",
            event["id"].as_str().unwrap()
        ),
        None,
    )
    .await;
    let c: Value = serde_json::from_str(&body).unwrap();
    let states: Vec<(&str, &str)> = c["conflicts"][0]["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["commune"].as_str().unwrap(), s["state"].as_str().unwrap()))
        .collect();
    assert_eq!(states, [(BRAINE, "accepted"), (SOIGNIES, "accepted")]);
    app.stop().await;
}

/// The workspace forms without JavaScript: errors name their fields and keep answers.
async fn the_feature_form_names_what_is_wrong(backend: Backend) {
    let [ban_j, ban_m, ban_a] = dmy(day(2));
    let [signs_j, signs_m, signs_a] = dmy(day(1));
    let app = TestApp::spawn(backend).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let mut b = signed_in(&app, "agent@soignies.be").await;
    let (status, page) = b
        .post(
            "/agent/nouveau",
            &[
                ("kind", "parking_ban"),
                ("title", ""),
                ("forme", "ligne"),
                ("coordonnees", "50.6087, 4.1365\n50.6090, 4.1370"),
                ("p0_debut_j", "31"),
                ("p0_debut_m", "2"),
                ("p0_debut_a", "2026"),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("<title>Erreur : "));
    assert!(
        page.contains("href=\"#title\"") && page.contains("href=\"#p0_debut_j\""),
        "{page}"
    );
    assert!(page.contains("50.6087, 4.1365"), "answers are kept");
    // a place in Braine-le-Comte is not Soignies' agent's to plan
    let (status, page) = b
        .post(
            "/agent/nouveau",
            &[
                ("kind", "parking_ban"),
                ("title", "Déménagement"),
                ("forme", "ligne"),
                ("coordonnees", "50.6087, 4.1365\n50.6090, 4.1370"),
                ("p0_debut_j", &ban_j),
                ("p0_debut_m", &ban_m),
                ("p0_debut_a", &ban_a),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Votre rôle ne permet pas"), "{page}");
    // a parking ban whose signs go up too late is saved, with a warning (the day before,
    // at 9:00 for 8:00: 23 hours, or 22 across the switch to summer time)
    let signs_hours = (local(day(2), "08:00") - local(day(1), "09:00")).num_hours();
    let (status, to) = b
        .post(
            "/agent/nouveau",
            &[
                ("kind", "parking_ban"),
                ("title", "Déménagement rue Neuve"),
                ("forme", "ligne"),
                ("coordonnees", "50.5795, 4.0716\n50.5797, 4.0720"),
                ("p0_debut_j", &ban_j),
                ("p0_debut_m", &ban_m),
                ("p0_debut_a", &ban_a),
                ("p0_debut_h", "8:00"),
                ("p0_fin_j", &ban_j),
                ("p0_fin_m", &ban_m),
                ("p0_fin_a", &ban_a),
                ("p0_fin_h", "18:00"),
                ("panneaux_j", &signs_j),
                ("panneaux_m", &signs_m),
                ("panneaux_a", &signs_a),
                ("panneaux_h", "9:00"),
                ("public", "oui"),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = b.get(&to).await;
    assert!(
        page.contains(&format!(
            "les panneaux sont posés {signs_hours} heures avant le début"
        )),
        "{page}"
    );
    assert_eq!(app.count("kind=parking_ban").await, 1, "published");
    app.stop().await;
}

/// The browser test of the issue: an agent of Soignies signs in, draws a road closure
/// over a market, is warned before saving, saves, records an assessment, and sees it
/// turn to "to re-assess" when the market changes. Pages do not depend on the backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_draws_a_closure_over_a_market_in_the_browser() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    add(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let market = app
        .create(&json!({
            "type": "Feature",
            "geometry": { "type": "Polygon", "coordinates": [[[4.0700, 50.5786], [4.0718, 50.5786], [4.0718, 50.5794], [4.0700, 50.5794], [4.0700, 50.5786]]] },
            "properties": { "kind": "event", "title": "Marché de Noël",
                "schedule": { "periods": [{ "start": at(-10, "10:00"), "end": at(13, "21:00") }] } }
        }))
        .await;
    let id = market["id"].as_str().unwrap();
    // the closure is drawn for the coming Saturday, while the market is on
    let [j, m, a] = dmy(common::dates::coming(chrono::Weekday::Sat));
    let out = common::node(
        "pages.mjs",
        &[
            "--agent",
            &app.base,
            "agent@soignies.be",
            PASSWORD,
            id,
            &format!("{j}/{m}/{a}"),
        ],
    );
    assert!(
        out.status.success(),
        "the browser failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["shape"], "zone", "{r}");
    assert!(
        r["previewText"]
            .as_str()
            .unwrap()
            .contains("Marché de Noël"),
        "{r}"
    );
    assert_eq!(
        r["savedBefore"], false,
        "nothing is saved while drawing: {r}"
    );
    // and the market is picked out on the map
    let tile_id = balise::tiles::render::feature_id(&id.parse().unwrap());
    assert!(
        r["highlighted"]
            .as_str()
            .unwrap()
            .contains(&tile_id.to_string()),
        "{r}"
    );
    assert!(r["savedUrl"].as_str().unwrap().contains("fait=cree"), "{r}");
    assert_eq!(r["conflictsAfterSave"], "1 conflit", "{r}");
    assert!(r["assessed"].as_str().unwrap().contains("Accepté"), "{r}");
    assert_eq!(r["eventSaved"], true, "{r}");
    assert!(
        r["afterEventChange"]
            .as_str()
            .unwrap()
            .contains("À réévaluer"),
        "{r}"
    );
    assert_eq!(r["violations"], json!([]), "{r}");
    assert_eq!(r["errors"], json!([]), "{r}");
    // and the stored works are the polygon drawn
    let works = app.get_as_admin("/api/v1/features?kind=works").await.json();
    assert_eq!(works["features"][0]["geometry"]["type"], "Polygon");
    app.stop().await;
}

/// ACCESSIBILITY.md A1, A4, I2, I3 on every workspace page, in four languages, signed in.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_pages_pass_axe_in_four_languages() {
    let app = TestApp::spawn_demo(Backend::Sqlite).await;
    add(
        &app,
        "admin@soignies.be",
        &[(SOIGNIES, Role::Admin), (BRAINE, Role::Agent)],
    )
    .await;
    let b = signed_in(&app, "admin@soignies.be").await;
    let admin = Actor::System("test".into());
    let voirie = app
        .app
        .add_service(&admin, SOIGNIES, "Voirie")
        .await
        .unwrap();
    app.app
        .add_rule(
            &admin,
            balise::model::triage::Rule {
                id: uuid::Uuid::now_v7(),
                commune: SOIGNIES.into(),
                position: 0,
                category: Some("voirie".into()),
                area: None,
                service: voirie.id,
            },
        )
        .await
        .unwrap();
    let task = app
        .app
        .create_task(
            &admin,
            SOIGNIES,
            balise::model::task::TaskDraft {
                title: "Reboucher le nid-de-poule".into(),
                status: "a_faire".into(),
                service: Some(voirie.id),
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
                priority: 1,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let task_page = format!("/agent/taches/{}", task.id);
    let project = app
        .app
        .add_project(&admin, SOIGNIES, "Réaménagement de la Grand-Place", "")
        .await
        .unwrap();
    let project_page = format!("/agent/projets/{}", project.id);
    let template = app
        .app
        .add_template(
            &admin,
            balise::model::task::Template {
                id: uuid::Uuid::now_v7(),
                commune: SOIGNIES.into(),
                name: "Marché".into(),
                title: "Nettoyer la place".into(),
                description: String::new(),
                checklist: Vec::new(),
                service: Some(voirie.id),
                lead_days: None,
                recurrence: balise::model::task::Recurrence::parse("weekly:3"),
                next_on: None,
                version: 1,
            },
        )
        .await
        .unwrap();
    let template_page = format!("/agent/modeles/{}", template.id);
    // an open report, for the dashboard's charts
    common::file_report(&app, "voirie", (4.0710, 50.5790)).await;
    let (_, list) = call(
        &app,
        Who::Session(&b),
        Method::GET,
        "/agent?quoi=event",
        None,
    )
    .await;
    let first = list
        .split("/agent/element/")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_string();
    let element = format!("/agent/element/{first}");
    let pages = [
        "/agent",
        "/agent?quoi=works&du_j=31&du_m=2&du_a=2026",
        "/agent/nouveau?kind=works",
        "/agent/nouveau?kind=diversion",
        "/agent/nouveau?kind=parking_ban",
        element.as_str(),
        "/agent/conflits",
        "/agent/compte",
        "/agent/signalements",
        "/agent/signalements?retard=1&service=aucun",
        "/agent/services",
        "/agent/taches",
        task_page.as_str(),
        "/agent/tableau",
        "/agent/notifications",
        "/agent/projets",
        project_page.as_str(),
        "/agent/taches?vue=colonnes",
        "/agent/taches?vue=calendrier",
        "/agent/journal",
        "/agent/taches?vue=carte",
        template_page.as_str(),
    ];
    let mut args = vec!["--as", "admin@soignies.be", PASSWORD, app.base.as_str()];
    args.extend(pages.iter().copied());
    let out = common::node("pages.mjs", &args);
    assert!(
        out.status.success(),
        "the browser failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(results.len(), pages.len() * 4);
    // a worker's view of their team's task: what they change, and the rest as text
    add(&app, "ouvrier@soignies.be", &[(SOIGNIES, Role::Worker)]).await;
    let worker = app
        .app
        .store
        .user_by_email("ouvrier@soignies.be")
        .await
        .unwrap()
        .unwrap()
        .0
        .id;
    app.app
        .set_member(&admin, voirie.id, worker, true)
        .await
        .unwrap();
    let out = common::node(
        "pages.mjs",
        &[
            "--as",
            "ouvrier@soignies.be",
            PASSWORD,
            app.base.as_str(),
            task_page.as_str(),
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let worker_results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(worker_results.len(), 4);
    results.extend(worker_results);
    let mut faults = Vec::new();
    for r in &results {
        let at = format!("{} {}", r["lang"], r["path"]);
        if r["violations"] != json!([]) {
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
        let expected: &[&str] = if r["path"].as_str().unwrap().contains("du_j=31") {
            &["400"]
        } else {
            &[]
        };
        for e in r["errors"].as_array().unwrap() {
            let e = e.as_str().unwrap();
            if !expected.iter().any(|x| e.contains(x)) {
                faults.push(format!("{at}: {e}"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
    app.stop().await;
}

/// An admin of a commune gives roles to colleagues (who are invited by e-mail) and
/// takes them back, in that commune only.
async fn admins_manage_their_communes_accounts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    add(&app, "admin@soignies.be", &[(SOIGNIES, Role::Admin)]).await;
    add(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let mut admin = signed_in(&app, "admin@soignies.be").await;
    let (status, page) = admin
        .post(
            "/agent/comptes",
            &[
                ("email", "Ouvrier@Soignies.be"),
                ("name", "Jean"),
                ("commune", SOIGNIES),
                ("role", "worker"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    assert!(
        page.contains("ouvrier@soignies.be a maintenant ce rôle"),
        "{page}"
    );
    // another town's roles are neither given nor shown
    let (status, page) = admin
        .post(
            "/agent/comptes",
            &[
                ("email", "x@braine.be"),
                ("commune", BRAINE),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("href=\"#person-commune\""));
    assert!(
        !page.contains("agent@braine.be"),
        "Braine's people are not listed"
    );
    // the invitation leads to a password, then to the workspace
    let outbox = app.app.config.data_dir.join("outbox");
    let mail = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .next()
        .unwrap();
    assert!(mail.contains("To: ouvrier@soignies.be"), "{mail}");
    let link = mail
        .split_whitespace()
        .find(|w| w.contains("/mot-de-passe/"))
        .unwrap();
    let path = &link[link.find("/mot-de-passe/").unwrap()..];
    let mut worker = Browser::new(&app.base);
    worker.get(path).await;
    let (status, _) = worker
        .post(path, &[("password", PASSWORD), ("confirmation", PASSWORD)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let worker = signed_in(&app, "ouvrier@soignies.be").await;
    let (_, page) = call(
        &app,
        Who::Session(&worker),
        Method::GET,
        "/agent/compte",
        None,
    )
    .await;
    assert!(page.contains("Ouvrier communal – Soignies"), "{page}");
    // the role taken back holds at the worker's next request
    let users = app.app.store.users().await.unwrap();
    let id = users
        .iter()
        .find(|u| u.email == "ouvrier@soignies.be")
        .unwrap()
        .id
        .to_string();
    let (status, _) = admin
        .post(
            "/agent/comptes",
            &[
                ("remove", id.as_str()),
                ("commune", SOIGNIES),
                ("role", "worker"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let f = app
        .create(&feature(
            "works",
            "Chantier interne",
            common::SOIGNIES,
            "internal",
        ))
        .await;
    let (status, _) = call(
        &app,
        Who::Session(&worker),
        Method::GET,
        &format!("/api/v1/features/{}", f["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

on_both_backends!(
    signing_in_never_leads_to_another_site,
    a_reset_link_dies_once_another_has_set_the_password,
    admins_manage_their_communes_accounts,
    signing_in_waits_after_wrong_passwords_and_resets_by_mail,
    signing_in_does_not_tell_which_accounts_exist_nor_lock_them,
    another_sites_page_cannot_write_with_an_agents_session,
    tokens_die_with_their_makers_role_and_expire,
    authorization_matrix,
    conflicts_are_seen_before_saving_and_reassessed_after_changes,
    a_conflict_across_the_border_is_seen_by_both,
    the_feature_form_names_what_is_wrong,
);
