//! Report triage: a citizen's report lands in the right service's queue with a deadline
//! in working days, moves along its status machine (reasons required, reopening), and
//! the reporter is told of each step by e-mail — on SQLite and PostgreSQL.

mod common;

use balise::model::account::Role;
use balise::policy::Actor;
use chrono::Datelike;
use common::dates::{day, dmy, iso, shift, today};
use common::{
    Backend, Browser, PASSWORD, TestApp, file_report as report, file_report_as as report_as,
    signed_in,
};
use reqwest::StatusCode;
use serde_json::{Value, json};

const BRAINE: &str = "55004";

fn id_of(app: &TestApp, reference: &str) -> String {
    app.app
        .report_by_reference(reference)
        .unwrap()
        .feature
        .id
        .to_string()
}

async fn a_report_lands_in_its_services_queue_and_moves_to_its_end(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    for name in ["Voirie", "Propreté"] {
        let (status, to) = admin
            .post(
                "/agent/services",
                &[("commune", BRAINE), ("action", "service"), ("name", name)],
            )
            .await;
        assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    }
    let services = app.app.store.services(Some(BRAINE)).await.unwrap();
    let voirie = services
        .iter()
        .find(|s| s.name == "Voirie")
        .unwrap()
        .id
        .to_string();
    let proprete = services
        .iter()
        .find(|s| s.name == "Propreté")
        .unwrap()
        .id
        .to_string();
    // ordered rules: road reports to Voirie, everything else to Propreté
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "regle"),
                ("category", "voirie"),
                ("service", &voirie),
            ],
        )
        .await;
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "regle"),
                ("category", ""),
                ("service", &proprete),
            ],
        )
        .await;
    let (status, page) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "regle"),
                ("area", "{\"type\":\"Point\"}"),
                ("service", &voirie),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("href=\"#area\""));
    let road = report(&app, "voirie", common::BRAINE).await;
    let litter = report(&app, "proprete", (4.1370, 50.6090)).await;
    let (_, page) = admin
        .get(&format!(
            "/agent/signalements?commune={BRAINE}&service={voirie}"
        ))
        .await;
    assert!(page.contains(&road) && !page.contains(&litter), "{page}");
    let (_, page) = admin
        .get(&format!(
            "/agent/signalements?commune={BRAINE}&service={proprete}"
        ))
        .await;
    assert!(page.contains(&litter) && !page.contains(&road));
    // the deadline: 10 working days for roads, in the report, not public
    let road_id = id_of(&app, &road);
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{road_id}"))
        .await
        .json();
    let due = stored["properties"]["attributes"]["echeance"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        stored["properties"]["attributes"]["service"],
        voirie.as_str()
    );
    let public = app.get(&format!("/api/v1/features/{road_id}")).await.json();
    assert!(public["properties"]["attributes"].get("echeance").is_none());
    let today = balise::clock::now()
        .with_timezone(&balise::model::schedule::LOCAL_TZ)
        .date_naive();
    let closed = app
        .app
        .territory()
        .get(BRAINE)
        .unwrap()
        .settings
        .closed_days
        .clone();
    let expected =
        balise::model::calendar::Calendar { closed: &closed }.add_working_days(today, 10);
    assert_eq!(due, expected.format("%Y-%m-%d").to_string());
    // an agent moves it: not our competence needs to say to whom
    let version = stored["properties"]["version"]
        .as_i64()
        .unwrap()
        .to_string();
    let path = format!("/agent/signalements/{road_id}");
    let (status, page) = admin
        .post(
            &path,
            &[
                ("service", &voirie),
                ("status", "not_competent"),
                ("precision", ""),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("Indiquez la précision"), "{page}");
    let (status, _) = admin
        .post(
            &path,
            &[
                ("service", &voirie),
                ("status", "not_competent"),
                ("precision", "SPW Mobilité (route régionale)"),
                ("version", &version),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // an end leads nowhere but back to "acknowledged", with a reason
    let (status, page) = admin
        .post(
            &path,
            &[
                ("service", &voirie),
                ("status", "in_progress"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("pas possible"), "{page}");
    let (status, _) = admin
        .post(
            &path,
            &[
                ("service", &voirie),
                ("status", "acknowledged"),
                ("precision", "Le SPW nous la renvoie"),
                ("version", "2"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    // the API keeps the same machine
    let mut body = app
        .get_as_admin(&format!("/api/v1/features/{road_id}"))
        .await
        .json();
    body["properties"]["status"] = json!("duplicate");
    let a = app
        .request(
            reqwest::Method::PUT,
            &format!("/api/v1/features/{road_id}"),
            Some(common::TOKEN),
            Some(&body),
        )
        .await;
    assert_eq!(a.status, StatusCode::PRECONDITION_REQUIRED);
    let res = reqwest::Client::new()
        .put(app.url(&format!("/api/v1/features/{road_id}")))
        .bearer_auth(common::TOKEN)
        .header("if-match", "*")
        .header("content-type", "application/geo+json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.text().await.unwrap().contains("doublon_de"));
    // the citizen was told of each step, in plain words
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let outbox = app.app.config.data_dir.join("outbox");
    let mails: Vec<String> = std::fs::read_dir(&outbox)
        .map(|d| {
            d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                .collect()
        })
        .unwrap_or_default();
    let to_citizen = mails
        .iter()
        .filter(|m| m.contains("To: citoyen@example.org") && m.contains(&road))
        .count();
    assert_eq!(to_citizen, 2, "one message per change of status: {mails:?}");
    // the history holds every step with who
    let h = app
        .get_as_admin(&format!("/api/v1/features/{road_id}/history"))
        .await
        .json();
    assert_eq!(h["history"].as_array().unwrap().len(), 3);
    assert!(h.to_string().contains("user:admin@braine.be"));
    // the order decides: "any category" moved first takes road reports too
    let rules = app.app.store.rules(BRAINE).await.unwrap();
    let second = rules[1].id.to_string();
    let (status, _) = admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "monter-regle"),
                ("rule", &second),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let rules = app.app.store.rules(BRAINE).await.unwrap();
    assert_eq!(rules[0].id.to_string(), second);
    let later = report(&app, "voirie", (4.1368, 50.6089)).await;
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{}", id_of(&app, &later)))
        .await
        .json();
    assert_eq!(
        stored["properties"]["attributes"]["service"],
        proprete.as_str()
    );
    app.stop().await;
}

/// The new pages follow the same rule as the rest: a commune's people only.
async fn triage_pages_are_for_the_communes_people(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut soignies = signed_in(&app, "agent@soignies.be", &[("55040", Role::Agent)]).await;
    let road = report(&app, "voirie", common::BRAINE).await;
    let id = id_of(&app, &road);
    let (_, page) = soignies
        .get(&format!("/agent/signalements?commune={BRAINE}"))
        .await;
    assert!(
        !page.contains(&road),
        "Soignies' agent does not see Braine's queue"
    );
    let (status, _) = soignies
        .post(
            &format!("/agent/signalements/{id}"),
            &[("status", "acknowledged"), ("version", "1")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = soignies
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "service"),
                ("name", "Pirate"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        app.app
            .store
            .services(Some(BRAINE))
            .await
            .unwrap()
            .is_empty()
    );
    let mut anon = Browser::new(&app.base);
    let (status, to) = anon.get("/agent/signalements").await;
    assert_eq!((status, to.is_empty()), (StatusCode::SEE_OTHER, true));
    app.stop().await;
}

/// A report becomes a task for its service in one click, with the report's deadline; a
/// worker of the commune moves it on; the history keeps each step; other communes see
/// nothing of it.
async fn a_report_becomes_a_task_for_its_team(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "chef@braine.be", &[(BRAINE, Role::Admin)]).await;
    let mut worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let mut other = signed_in(&app, "agent@soignies.be", &[("55040", Role::Agent)]).await;
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "service"),
                ("name", "Voirie"),
            ],
        )
        .await;
    let voirie = app.app.store.services(Some(BRAINE)).await.unwrap()[0]
        .id
        .to_string();
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "regle"),
                ("category", "voirie"),
                ("service", &voirie),
            ],
        )
        .await;
    let road = report(&app, "voirie", common::BRAINE).await;
    let id = id_of(&app, &road);
    // a worker does not plan: no task from them
    let (status, _) = worker
        .post(&format!("/agent/signalements/{id}/tache"), &[])
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, to) = admin
        .post(&format!("/agent/signalements/{id}/tache"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let task_path = to.split('?').next().unwrap().to_string();
    let task_id: uuid::Uuid = task_path
        .trim_start_matches("/agent/taches/")
        .parse()
        .unwrap();
    let task = app.app.store.task(task_id).await.unwrap().unwrap();
    assert_eq!(task.service.map(|s| s.to_string()), Some(voirie.clone()));
    assert!(task.title.starts_with(&road), "{}", task.title);
    let report_now = app
        .get_as_admin(&format!("/api/v1/features/{id}"))
        .await
        .json();
    assert_eq!(
        task.due
            .map(|d| d.format("%Y-%m-%d").to_string())
            .as_deref(),
        report_now["properties"]["attributes"]["echeance"].as_str()
    );
    assert_eq!(
        report_now["properties"]["status"], "acknowledged",
        "the report is taken in charge"
    );
    // in the team's list; the worker is given it and marks it done
    let (_, page) = worker.get(&format!("/agent/taches?service={voirie}")).await;
    assert!(page.contains(&road), "{page}");
    let users = app.app.store.users().await.unwrap();
    let worker_id = users
        .iter()
        .find(|u| u.email == "ouvrier@braine.be")
        .unwrap()
        .id
        .to_string();
    let due = task.due.unwrap();
    let (j, m, a) = (
        due.format("%d").to_string(),
        due.format("%m").to_string(),
        due.format("%Y").to_string(),
    );
    let fields = |status: &'static str, version: &'static str| {
        vec![
            ("title", task.title.clone()),
            ("status", status.into()),
            ("service", voirie.clone()),
            ("assignee", worker_id.clone()),
            ("due_j", j.clone()),
            ("due_m", m.clone()),
            ("due_a", a.clone()),
            ("priority", "2".into()),
            ("version", version.into()),
        ]
    };
    let owned = fields("en_cours", "1");
    let refs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = admin.post(&task_path, &refs).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let owned = fields("faite", "2");
    let refs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, _) = worker.post(&task_path, &refs).await;
    assert_eq!(
        status,
        StatusCode::SEE_OTHER,
        "a worker moves their task on"
    );
    // a stale form is refused, not lost
    let (status, page) = worker.post(&task_path, &refs).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("entre-temps"));
    let (_, page) = worker.get("/agent/taches?vue=colonnes").await;
    assert!(
        page.contains("class=\"columns\"") && page.contains(&road),
        "{page}"
    );
    let (_, page) = worker.get("/agent/taches?vue=calendrier").await;
    assert!(page.contains(&road), "the calendar lists it on its due day");
    let (_, page) = worker.get("/agent/taches?miennes=1").await;
    assert!(page.contains(&road) && page.contains("Faite"), "{page}");
    let history = app.app.store.task_history(task_id).await.unwrap();
    let who: Vec<&str> = history.iter().map(|h| h.1.as_str()).collect();
    assert_eq!(
        who,
        [
            "user:chef@braine.be",
            "user:chef@braine.be",
            "user:ouvrier@braine.be"
        ]
    );
    assert_eq!(history[2].3["status"]["to"], "faite");
    // another commune's agent neither sees nor changes it
    let csv = worker.get(&format!("{task_path}/historique.csv")).await;
    assert_eq!(csv.0, StatusCode::OK);
    assert!(
        csv.1.starts_with("version,action,by,at,changes")
            && csv.1.contains("user:ouvrier@braine.be"),
        "{}",
        csv.1
    );
    let (status, _) = other.get(&format!("{task_path}/historique.csv")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other.get(&task_path).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other.post(&task_path, &refs).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, page) = other.get(&format!("/agent/taches?commune={BRAINE}")).await;
    assert!(!page.contains(&road));
    app.stop().await;
}

/// The tasks API: created and changed with tokens, faults named, stale versions refused,
/// and another commune's token gets nothing.
async fn tasks_through_the_api(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = |commune: &str, role: &str| {
        let app = &app;
        let (commune, role) = (commune.to_string(), role.to_string());
        async move {
            let a = app
                .request(
                    reqwest::Method::POST,
                    "/api/v1/tokens",
                    Some(common::TOKEN),
                    Some(&json!({ "name": "SIG", "commune": commune, "role": role })),
                )
                .await;
            assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
            a.json()["token"].as_str().unwrap().to_string()
        }
    };
    let braine = token(BRAINE, "agent").await;
    let soignies = token("55040", "agent").await;
    let bad = app
        .request(reqwest::Method::POST, "/api/v1/tasks?commune=55004", Some(&braine),
            Some(&json!({ "title": "", "status": "fini", "due": "31/12", "priority": 9, "service": "x" })))
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    for pointer in ["/service", "/due", "/title", "/status", "/priority"] {
        assert!(bad.body.contains(pointer), "{pointer}: {}", bad.body);
    }
    let a = app
        .request(
            reqwest::Method::POST,
            "/api/v1/tasks?commune=55004",
            Some(&braine),
            Some(&json!({ "title": "Tailler la haie", "due": iso(day(7)) })),
        )
        .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let t = a.json();
    let path = format!("/api/v1/tasks/{}", t["id"].as_str().unwrap());
    assert_eq!(
        (
            t["status"].as_str(),
            t["priority"].as_i64(),
            t["version"].as_i64()
        ),
        (Some("a_faire"), Some(2), Some(1))
    );
    let none = app
        .request(
            reqwest::Method::POST,
            "/api/v1/tasks?commune=55004",
            Some(&soignies),
            Some(&json!({ "title": "x" })),
        )
        .await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.request(reqwest::Method::GET, &path, Some(&soignies), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.request(reqwest::Method::GET, &path, None, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let done = json!({ "title": "Tailler la haie", "status": "faite", "due": iso(day(7)) });
    assert_eq!(
        app.request(reqwest::Method::PUT, &path, Some(&braine), Some(&done))
            .await
            .status,
        StatusCode::PRECONDITION_REQUIRED
    );
    let put = |version: &'static str| {
        let (app, path, braine, done) = (&app, path.clone(), braine.clone(), done.clone());
        async move {
            reqwest::Client::new()
                .put(app.url(&path))
                .bearer_auth(braine)
                .header("if-match", version)
                .header("content-type", "application/json")
                .body(done.to_string())
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(put("\"1\"").await, StatusCode::OK);
    assert_eq!(
        put("\"1\"").await,
        StatusCode::PRECONDITION_FAILED,
        "a stale version is refused"
    );
    let h = app
        .request(
            reqwest::Method::GET,
            &format!("{path}/history"),
            Some(&braine),
            None,
        )
        .await
        .json();
    assert_eq!(h["history"][1]["changes"]["status"]["to"], "faite");
    let list = app
        .request(
            reqwest::Method::GET,
            "/api/v1/tasks?commune=55004",
            Some(&braine),
            None,
        )
        .await
        .json();
    assert_eq!(list["tasks"].as_array().unwrap().len(), 1);
    assert_eq!(
        app.request(
            reqwest::Method::GET,
            "/api/v1/tasks?commune=55004",
            Some(&soignies),
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    app.stop().await;
}

/// The dashboard counts what the queue holds and what was resolved, with the time taken.
async fn the_dashboard_counts_open_late_and_resolved_reports(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut admin = signed_in(&app, "admin@braine.be", &[(BRAINE, Role::Admin)]).await;
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "service"),
                ("name", "Voirie"),
            ],
        )
        .await;
    let voirie = app.app.store.services(Some(BRAINE)).await.unwrap()[0]
        .id
        .to_string();
    admin
        .post(
            "/agent/services",
            &[
                ("commune", BRAINE),
                ("action", "regle"),
                ("category", "voirie"),
                ("service", &voirie),
            ],
        )
        .await;
    report(&app, "voirie", common::BRAINE).await;
    report(&app, "voirie", (4.1370, 50.6090)).await;
    let litter = report(&app, "proprete", (4.1375, 50.6085)).await;
    let id = id_of(&app, &litter);
    let (status, _) = admin
        .post(
            &format!("/agent/signalements/{id}"),
            &[("service", ""), ("status", "resolved"), ("version", "1")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let d = app
        .app
        .dashboard(&Actor::System("test".into()), BRAINE)
        .unwrap();
    assert_eq!(d.resolved_this_month, 1);
    assert_eq!(d.ended_last_year, 1);
    assert!(d.median_days_to_end.unwrap() < 0.1, "resolved at once");
    assert_eq!(d.open_by_category, vec![("voirie".to_string(), [2, 0, 0])]);
    assert_eq!(d.by_service.len(), 1);
    assert_eq!((d.by_service[0].1, d.by_service[0].2), (2, 0));
    let (status, page) = admin.get("/agent/tableau").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("<strong>1</strong> signalements réparés ce mois-ci"),
        "{page}"
    );
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{id}"))
        .await
        .json();
    assert!(
        stored["properties"]["attributes"]["clos_le"].is_string(),
        "the end is dated"
    );
    app.stop().await;
}

/// The "done when": a citizen's report in Braine-le-Comte lands in the right
/// service's queue, becomes a task of that team with a deadline in working days, is
/// resolved with a photo, and the citizen is told of each step by e-mail.
async fn a_report_goes_from_the_citizen_to_a_repair_with_a_photo(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut chef = signed_in(&app, "chef@braine.be", &[(BRAINE, Role::Admin)]).await;
    for name in ["Voirie", "Propreté"] {
        chef.post(
            "/agent/services",
            &[("commune", BRAINE), ("action", "service"), ("name", name)],
        )
        .await;
    }
    let services = app.app.store.services(Some(BRAINE)).await.unwrap();
    let voirie = services
        .iter()
        .find(|s| s.name == "Voirie")
        .unwrap()
        .id
        .to_string();
    let proprete = services
        .iter()
        .find(|s| s.name == "Propreté")
        .unwrap()
        .id
        .to_string();
    chef.post(
        "/agent/services",
        &[
            ("commune", BRAINE),
            ("action", "regle"),
            ("category", "proprete"),
            ("service", &proprete),
        ],
    )
    .await;
    chef.post(
        "/agent/services",
        &[
            ("commune", BRAINE),
            ("action", "regle"),
            ("category", ""),
            ("service", &voirie),
        ],
    )
    .await;
    let reference = report(&app, "voirie", common::BRAINE).await;
    let id = id_of(&app, &reference);
    let (_, queue) = chef
        .get(&format!("/agent/signalements?service={voirie}"))
        .await;
    assert!(queue.contains(&reference), "in Voirie's queue");
    let (status, to) = chef
        .post(&format!("/agent/signalements/{id}/tache"), &[])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let task_path = to.split('?').next().unwrap().to_string();
    let task_id: uuid::Uuid = task_path
        .trim_start_matches("/agent/taches/")
        .parse()
        .unwrap();
    let task = app.app.store.task(task_id).await.unwrap().unwrap();
    assert_eq!(task.service.unwrap().to_string(), voirie);
    assert!(task.due.is_some(), "due in working days");
    // the repair, with a photo
    let jpeg = common::jpeg(64, 48, [90, 90, 90]);
    let (status, body) = chef
        .post_file(
            &format!("{task_path}/repare"),
            "photo",
            jpeg,
            "apres.jpg",
            "image/jpeg",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{id}"))
        .await
        .json();
    assert_eq!(stored["properties"]["status"], "resolved");
    let photo = stored["properties"]["attributes"]["photos_publiques"][0]
        .as_str()
        .unwrap()
        .to_string();
    let shown = app.get(&format!("/photos/{id}/{photo}.jpg")).await;
    assert_eq!(
        shown.status,
        StatusCode::OK,
        "the repair is shown to the public"
    );
    assert_eq!(
        app.app.store.task(task_id).await.unwrap().unwrap().status,
        "faite"
    );
    // each step told to the citizen: taken in charge, then repaired — real MIME
    // messages, read back as a mail client does
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let mails: Vec<common::Eml> = common::outbox(&app)
        .into_iter()
        .filter(|m| m.to.contains("citoyen@example.org"))
        .collect();
    let mut subjects: Vec<&str> = mails.iter().map(|m| m.subject.as_str()).collect();
    subjects.sort();
    assert_eq!(
        subjects,
        [
            format!("Votre signalement {reference} : Pris en compte"),
            format!("Votre signalement {reference} : Réparé"),
        ],
        "{mails:?}"
    );
    for m in &mails {
        assert!(m.text.starts_with("Bonjour,"), "{m:?}");
        assert!(m.text.contains(&format!("/suivi/{reference}")), "{m:?}");
        assert!(
            m.list_unsubscribe
                .as_deref()
                .is_some_and(|u| u.contains("/desabonner/"))
        );
    }
    // a photo is needed
    let form = reqwest::multipart::Form::new().text("csrf", chef.csrf());
    let res = chef
        .client
        .post(app.url(&format!("{task_path}/repare")))
        .header(reqwest::header::COOKIE, chef.cookie_header())
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    app.stop().await;
}

/// A duplicate names the report kept; its reporter is told, then follows the kept one.
async fn a_duplicate_sends_its_followers_to_the_report_kept(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let kept = report_as(&app, "voirie", common::BRAINE, "premier@example.org").await;
    let dup = report_as(&app, "voirie", (4.1366, 50.6088), "second@example.org").await;
    let dup_id = id_of(&app, &dup);
    let path = format!("/agent/signalements/{dup_id}");
    let (status, page) = agent
        .post(
            &path,
            &[
                ("status", "duplicate"),
                ("precision", "BLC-1999-00001"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(
        status,
        StatusCode::BAD_REQUEST,
        "an unknown reference is refused"
    );
    assert!(page.contains("la référence d"), "{page}");
    let (status, _) = agent
        .post(
            &path,
            &[
                ("status", "duplicate"),
                ("precision", &kept.to_lowercase()),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{dup_id}"))
        .await
        .json();
    assert_eq!(
        stored["properties"]["attributes"]["doublon_de"],
        kept.as_str()
    );
    // the second reporter was told, then follows the report kept
    let kept_id: uuid::Uuid = id_of(&app, &kept).parse().unwrap();
    let mut followers = Vec::new();
    for _ in 0..50 {
        followers = app.app.store.report_contacts(kept_id).await.unwrap();
        if followers.len() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let emails: Vec<String> = followers.iter().filter_map(|c| c.email.clone()).collect();
    assert_eq!(emails, ["premier@example.org", "second@example.org"]);
    let outbox = app.app.config.data_dir.join("outbox");
    let told = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|m| m.contains("To: second@example.org") && m.contains(&dup))
        .count();
    assert_eq!(told, 1);
    app.stop().await;
}

/// A citizen says a resolved problem is back: the report reopens with their words, and
/// its people are told.
async fn a_citizen_reopens_a_report_that_is_not_fixed(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let reference = report(&app, "voirie", common::BRAINE).await;
    let id = id_of(&app, &reference);
    let mut citizen = Browser::new(&app.base);
    let (_, page) = citizen.get(&format!("/suivi/{reference}")).await;
    assert!(!page.contains("/rouvrir"), "an open report is not reopened");
    agent
        .post(
            &format!("/agent/signalements/{id}"),
            &[("status", "resolved"), ("version", "1")],
        )
        .await;
    // issue 13, point 14: anyone else is told how, and refused
    let (_, page) = citizen.get(&format!("/suivi/{reference}")).await;
    assert!(!page.contains("/rouvrir"), "{page}");
    assert!(page.contains("ouvrez le lien du dernier e-mail"), "{page}");
    let path = format!("/suivi/{reference}/rouvrir");
    for jeton in ["", "tok0", "devine"] {
        let (status, page) = citizen
            .post(&path, &[("motif", "Le trou est revenu"), ("jeton", jeton)])
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{page}");
    }
    // the reporter opens the link of their e-mail
    let jeton = format!("tok{}", common::BRAINE.0);
    let link = format!("/suivi/{reference}?jeton={jeton}");
    let mut mailed = false;
    for _ in 0..50 {
        if common::outbox(&app).iter().any(|m| m.text.contains(&link)) {
            mailed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        mailed,
        "the reporter's e-mail has the link: {:?}",
        common::outbox(&app)
    );
    let (_, page) = citizen.get(&link).await;
    assert!(page.contains("/rouvrir"), "{page}");
    let (status, page) = citizen
        .post(&path, &[("motif", "non"), ("jeton", &jeton)])
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("href=\"#motif\""));
    let (status, to) = citizen
        .post(
            &path,
            &[
                ("motif", "Le trou est revenu après la pluie"),
                ("jeton", &jeton),
            ],
        )
        .await;
    assert_eq!(
        (status, to),
        (StatusCode::SEE_OTHER, format!("/suivi/{reference}"))
    );
    let stored = app
        .get_as_admin(&format!("/api/v1/features/{id}"))
        .await
        .json();
    assert_eq!(stored["properties"]["status"], "acknowledged");
    assert_eq!(
        stored["properties"]["attributes"]["motif_reouverture"],
        "Le trou est revenu après la pluie"
    );
    assert!(stored["properties"]["attributes"].get("clos_le").is_none());
    let h = app
        .get_as_admin(&format!("/api/v1/features/{id}/history"))
        .await
        .json();
    assert!(h.to_string().contains("system:citoyen"));
    // reopened, it is not reopened again until it ends again
    let (status, _) = citizen.post(&path, &[("motif", "Encore une fois")]).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let outbox = app.app.config.data_dir.join("outbox");
    let told = std::fs::read_dir(&outbox)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .filter(|m| m.contains("To: citoyen@example.org"))
        .count();
    assert_eq!(told, 2, "resolved, then taken up again");
    app.stop().await;
}

/// People hear of what concerns them: a task given, a mention, a late task — by e-mail at
/// once, or in one daily digest, and in the workspace's list.
async fn people_are_told_of_their_tasks(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let mut chef = signed_in(&app, "chef@braine.be", &[(BRAINE, Role::Admin)]).await;
    let mut worker = signed_in(&app, "ouvrier@braine.be", &[(BRAINE, Role::Worker)]).await;
    let users = app.app.store.users().await.unwrap();
    let worker_id = users
        .iter()
        .find(|u| u.email == "ouvrier@braine.be")
        .unwrap()
        .id;
    let task = app
        .app
        .create_task(
            &Actor::System("test".into()),
            BRAINE,
            balise::model::task::TaskDraft {
                title: "Tailler la haie du parc".into(),
                status: "a_faire".into(),
                priority: 2,
                due: Some(balise::clock::now().date_naive() - chrono::Duration::days(2)),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    let path = format!("/agent/taches/{}", task.id);
    let due = task.due.unwrap();
    let (j, m, a) = (
        due.format("%d").to_string(),
        due.format("%m").to_string(),
        due.format("%Y").to_string(),
    );
    let wid = worker_id.to_string();
    let (status, _) = chef
        .post(
            &path,
            &[
                ("title", "Tailler la haie du parc"),
                ("status", "a_faire"),
                ("assignee", wid.as_str()),
                ("due_j", &j),
                ("due_m", &m),
                ("due_a", &a),
                ("priority", "2"),
                ("version", "1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let mails = |to: &'static str| {
        let outbox = app.app.config.data_dir.join("outbox");
        async move {
            tokio::time::sleep(std::time::Duration::from_millis(300)).await;
            std::fs::read_dir(&outbox)
                .map(|d| {
                    d.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
                        .filter(|m| m.contains(&format!("To: {to}")))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        }
    };
    let got = mails("ouvrier@braine.be").await;
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].contains("/agent/taches/"), "{}", got[0]);
    // the worker chooses one e-mail a day; a mention and a late task wait for it
    let (status, _) = worker
        .post(
            "/agent/notifications",
            &[("action", "reglages"), ("email", "digest")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = chef
        .post(
            &format!("{path}/commentaires"),
            &[("body", "@ouvrier peux-tu y passer demain ?")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(app.app.remind(balise::clock::now()).await.unwrap(), 1);
    app.app.remind(balise::clock::now()).await.unwrap();
    assert_eq!(
        mails("ouvrier@braine.be").await.len(),
        1,
        "nothing more until the digest"
    );
    assert_eq!(app.app.send_digests(balise::clock::now()).await.unwrap(), 1);
    let got = mails("ouvrier@braine.be").await;
    assert_eq!(got.len(), 2);
    assert_eq!(
        app.app.send_digests(balise::clock::now()).await.unwrap(),
        0,
        "each notice goes out once"
    );
    let (_, page) = worker.get("/agent/notifications").await;
    assert!(
        page.contains("vous est confiée")
            && page.contains("On vous cite")
            && page.contains("est en retard"),
        "{page}"
    );
    assert_eq!(
        page.matches("Nouveau :").count(),
        3,
        "the late task is told once"
    );
    let (status, _) = worker
        .post("/agent/notifications", &[("action", "lu")])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (_, page) = worker.get("/agent/notifications").await;
    assert!(!page.contains("Nouveau :"));
    let (_, page) = chef.get(&path).await;
    assert!(
        page.contains("peux-tu y passer demain"),
        "the comment is on the task"
    );
    let _ = worker_id;
    app.stop().await;
}

/// A project groups a commune's features and tasks; a task keeps its steps and its time.
async fn projects_group_features_and_tasks(backend: Backend) {
    let [start_j, start_m, start_a] = dmy(day(30));
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@soignies.be", &[("55040", Role::Agent)]).await;
    let mut other = signed_in(&app, "agent@braine.be", &[(BRAINE, Role::Agent)]).await;
    let (status, to) = agent
        .post(
            "/agent/projets",
            &[
                ("commune", "55040"),
                ("name", "Réaménagement de la Grand-Place"),
                ("description", "2027"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let project = to.trim_start_matches("/agent/projets/").to_string();
    let (status, to) = agent
        .post(
            &format!("/agent/projets/{project}/taches"),
            &[("title", "Préparer le chantier")],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let task_path = to.split('?').next().unwrap().to_string();
    // works drawn for the project
    let (status, to) = agent
        .post(
            "/agent/nouveau",
            &[
                ("kind", "works"),
                ("title", "Pavage de la Grand-Place"),
                ("forme", "point"),
                ("coordonnees", "50.5790, 4.0710"),
                ("p0_debut_j", &start_j),
                ("p0_debut_m", &start_m),
                ("p0_debut_a", &start_a),
                ("projet", &project),
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let (_, page) = agent.get(&format!("/agent/projets/{project}")).await;
    assert!(
        page.contains("Pavage de la Grand-Place") && page.contains("Préparer le chantier"),
        "{page}"
    );
    // steps and time
    let fields = |extra: Vec<(&'static str, &'static str)>, version: &'static str| {
        let mut f = vec![
            ("title", "Préparer le chantier"),
            ("status", "en_cours"),
            ("priority", "2"),
            ("version", version),
            ("projet", project.as_str()),
        ];
        f.extend(extra);
        f
    };
    let (status, _) = agent
        .post(
            &task_path,
            &fields(
                vec![
                    (
                        "nouvelles_etapes",
                        "Poser les panneaux 48 h avant\nPrévenir les riverains",
                    ),
                    ("minutes_ajoutees", "90"),
                ],
                "1",
            ),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, page) = agent
        .post(
            &task_path,
            &fields(
                vec![("etape_0", "1"), ("minutes_ajoutees", "une heure")],
                "2",
            ),
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("href=\"#minutes_ajoutees\""), "{page}");
    let (status, _) = agent
        .post(
            &task_path,
            &fields(vec![("etape_0", "1"), ("minutes_ajoutees", "30")], "2"),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let id: uuid::Uuid = task_path
        .trim_start_matches("/agent/taches/")
        .parse()
        .unwrap();
    let t = app.app.store.task(id).await.unwrap().unwrap();
    assert_eq!(t.minutes_spent, 120);
    assert_eq!(
        t.checklist
            .iter()
            .map(|c| (c.text.as_str(), c.done))
            .collect::<Vec<_>>(),
        [
            ("Poser les panneaux 48 h avant", true),
            ("Prévenir les riverains", false)
        ]
    );
    assert_eq!(t.project.map(|p| p.to_string()), Some(project.clone()));
    // a photo of the work, for the commune's people only
    let jpeg = common::jpeg(40, 30, [10, 120, 10]);
    let (status, _) = agent
        .post_file(
            &format!("{task_path}/photos"),
            "photo",
            jpeg,
            "chantier.jpg",
            "image/jpeg",
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let t = app.app.store.task(id).await.unwrap().unwrap();
    assert_eq!(t.photos.len(), 1);
    assert_eq!(t.minutes_spent, 120, "a photo changes nothing else");
    let photo = format!("{task_path}/photos/{}-vignette.jpg", t.photos[0]);
    assert_eq!(agent.get(&photo).await.0, StatusCode::OK);
    assert_eq!(other.get(&photo).await.0, StatusCode::NOT_FOUND);
    assert_eq!(
        Browser::new(&app.base).get(&photo).await.0,
        StatusCode::NOT_FOUND
    );
    // another commune sees nothing of it
    let (status, _) = other.get(&format!("/agent/projets/{project}")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, _) = other
        .post(
            &format!("/agent/projets/{project}/taches"),
            &[("title", "x")],
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    app.stop().await;
}

/// The browser test of the issue: in Chromium, an agent makes a task of a report from
/// the queue, for the report's team, and closes it with a photo; the public page says
/// it is repaired. Pages do not depend on the backend.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn triaging_a_report_into_a_task_and_closing_it_in_the_browser() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    signed_in(&app, "chef@braine.be", &[(BRAINE, Role::Admin)]).await;
    let admin = Actor::System("test".into());
    let voirie = app.app.add_service(&admin, BRAINE, "Voirie").await.unwrap();
    app.app
        .add_rule(
            &admin,
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
    let reference = report(&app, "voirie", common::BRAINE).await;
    let dir = tempfile::tempdir().unwrap();
    let photo = dir.path().join("apres.jpg");
    let jpeg = common::jpeg(64, 48, [120, 120, 120]);
    std::fs::write(&photo, jpeg).unwrap();
    let out = common::node(
        "pages.mjs",
        &[
            "--triage",
            &app.base,
            "chef@braine.be",
            PASSWORD,
            &reference,
            photo.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "the browser failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["inQueue"], true, "{r}");
    assert!(
        r["taskUrl"].as_str().unwrap().contains("/agent/taches/"),
        "{r}"
    );
    assert_eq!(r["team"], "Voirie", "{r}");
    assert_eq!(r["status"], "Faite", "{r}");
    assert_eq!(r["repairFormGone"], true, "{r}");
    assert_eq!(
        r["tasksOnMap"],
        json!(["faite"]),
        "the task at its report's place: {r}"
    );
    assert_eq!(r["publicStatus"], "Réparé", "{r}");
    assert_eq!(r["violations"], json!([]), "{r}");
    assert_eq!(r["errors"], json!([]), "{r}");
    app.stop().await;
}

/// Services, rules, projects and comments through the API, within the token's commune.
async fn the_work_api_keeps_to_the_tokens_commune(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let token = |commune: &'static str, role: &'static str| {
        let app = &app;
        async move {
            app.request(
                reqwest::Method::POST,
                "/api/v1/tokens",
                Some(common::TOKEN),
                Some(&json!({ "name": "SIG", "commune": commune, "role": role })),
            )
            .await
            .json()["token"]
                .as_str()
                .unwrap()
                .to_string()
        }
    };
    let admin = token(BRAINE, "admin").await;
    let agent = token(BRAINE, "agent").await;
    let soignies = token("55040", "admin").await;
    let post = |path: &'static str, who: String, body: Value| {
        let app = &app;
        async move {
            app.request(reqwest::Method::POST, path, Some(&who), Some(&body))
                .await
        }
    };
    let a = post(
        "/api/v1/services?commune=55004",
        admin.clone(),
        json!({ "name": "Voirie" }),
    )
    .await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let service = a.json()["id"].as_str().unwrap().to_string();
    assert_eq!(
        post(
            "/api/v1/services?commune=55004",
            agent.clone(),
            json!({ "name": "X" })
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        post(
            "/api/v1/services?commune=55004",
            soignies.clone(),
            json!({ "name": "X" })
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let bad = post(
        "/api/v1/rules?commune=55004",
        admin.clone(),
        json!({ "service": service, "area": { "type": "Polygon" } }),
    )
    .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", bad.body);
    assert!(bad.body.contains("/area"));
    let ok = post(
        "/api/v1/rules?commune=55004",
        admin.clone(),
        json!({ "service": service, "category": "voirie" }),
    )
    .await;
    assert_eq!(ok.status, StatusCode::CREATED, "{}", ok.body);
    let listed = app
        .request(
            reqwest::Method::GET,
            "/api/v1/services?commune=55004",
            Some(&agent),
            None,
        )
        .await
        .json();
    assert_eq!(listed["rules"][0]["category"], "voirie");
    assert_eq!(listed["services"][0]["name"], "Voirie");
    assert_eq!(
        app.request(
            reqwest::Method::GET,
            "/api/v1/services?commune=55004",
            Some(&soignies),
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let p = post(
        "/api/v1/projects?commune=55004",
        agent.clone(),
        json!({ "name": "Égouttage rue de Mons" }),
    )
    .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.body);
    let t = post(
        "/api/v1/tasks?commune=55004",
        agent.clone(),
        json!({ "title": "Curage", "project": p.json()["id"] }),
    )
    .await;
    assert_eq!(t.status, StatusCode::CREATED, "{}", t.body);
    let comments = format!(
        "/api/v1/tasks/{}/comments",
        t.json()["id"].as_str().unwrap()
    );
    let c = app
        .request(
            reqwest::Method::POST,
            &comments,
            Some(&agent),
            Some(&json!({ "body": "Fait à moitié" })),
        )
        .await;
    assert_eq!(c.status, StatusCode::CREATED, "{}", c.body);
    let empty = app
        .request(
            reqwest::Method::POST,
            &comments,
            Some(&agent),
            Some(&json!({ "body": "  " })),
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let list = app
        .request(reqwest::Method::GET, &comments, Some(&agent), None)
        .await
        .json();
    assert_eq!(list["comments"][0]["body"], "Fait à moitié");
    assert_eq!(
        app.request(reqwest::Method::GET, &comments, Some(&soignies), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.request(reqwest::Method::GET, "/api/v1/notices", Some(&agent), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED,
        "notices are a person's"
    );
    app.stop().await;
}

/// The reports queue of Soignies' agent, signed in anew (sessions last 12 hours: the
/// clock moves on by days between two looks).
async fn queue_of_a_new_sign_in(base: &str) -> String {
    let mut agent = Browser::new(base);
    agent.get("/connexion").await;
    let (status, _) = agent
        .post(
            "/connexion",
            &[("email", "agent@soignies.be"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    agent.get("/agent/signalements").await.1
}

/// The clock pinned to fixed days (on purpose, as the name says): a report of a 3-day
/// category filed on Good Friday 26 March 2027 is due on Thursday 1 April, past Easter
/// Monday and the night clocks go forward; the queue calls it late from Friday 2 April,
/// by working days (the weekend does not count). One filed half an hour into New Year's
/// Day 2028 (still 2027 in UTC) is received on 1 January, numbered in 2028, and due
/// three working days after the holiday weekend.
async fn deadlines_and_numbers_on_fixed_days_around_easter_2027_and_new_year_2028(
    backend: Backend,
) {
    use common::dates::pin_local;
    let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    // the page escapes the slashes of its dates
    let shown = |words: &str| words.replace('/', "&#x2f;");
    pin_local(ymd(2027, 3, 26), "16:00");
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@soignies.be", &[("55040", Role::Agent)]).await;
    let easter = report(&app, "proprete", (4.0712, 50.5791)).await;
    assert_eq!(easter, "SOI-2027-00001");
    let (_, page) = agent.get("/agent/signalements").await;
    assert!(
        page.contains(&shown("Reçu le 26/03/2027"))
            && page.contains(&shown("à traiter pour le 01/04/2027")),
        "{page}"
    );
    assert!(!page.contains("En retard d"), "{page}");
    pin_local(ymd(2027, 4, 1), "17:00");
    let page = queue_of_a_new_sign_in(&app.base).await;
    assert!(
        !page.contains("En retard d"),
        "due today is not late: {page}"
    );
    pin_local(ymd(2027, 4, 2), "09:00");
    let page = queue_of_a_new_sign_in(&app.base).await;
    assert!(page.contains("En retard d&#x27;1 jour ouvrable"), "{page}");
    pin_local(ymd(2027, 4, 5), "09:00");
    let page = queue_of_a_new_sign_in(&app.base).await;
    assert!(page.contains("En retard de 2 jours ouvrables"), "{page}");

    pin_local(ymd(2028, 1, 1), "00:30");
    let new_year = report(&app, "proprete", (4.0714, 50.5792)).await;
    assert_eq!(
        new_year, "SOI-2028-00001",
        "numbered in the year of Brussels"
    );
    let page = queue_of_a_new_sign_in(&app.base).await;
    assert!(
        page.contains(&shown("Reçu le 01/01/2028"))
            && page.contains(&shown("à traiter pour le 05/01/2028")),
        "{page}"
    );
    app.stop().await;
}

/// Templates: "put up the signs 2 working days before" a parking ban on the Tuesday after
/// the coming Easter Monday (a public holiday, skipped), and a task every Monday — each
/// occurrence once.
async fn templates_make_tasks_for_features_and_on_their_days(backend: Backend) {
    let easter = [today().year(), today().year() + 1]
        .into_iter()
        .map(balise::model::calendar::easter_sunday)
        .find(|e| *e > day(7))
        .unwrap();
    let [ban_j, ban_m, ban_a] = dmy(shift(easter, 2));
    let app = TestApp::spawn(backend).await;
    let mut agent = signed_in(&app, "agent@soignies.be", &[("55040", Role::Agent)]).await;
    let (status, _) = agent
        .post(
            "/agent/modeles",
            &[
                ("commune", "55040"),
                ("name", "Panneaux"),
                ("title", "Poser les panneaux"),
                ("steps", "Panneaux E1\nPhotos des panneaux"),
                ("lead_days", "2"),
                ("recurrence", ""),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = agent
        .post(
            "/agent/modeles",
            &[
                ("commune", "55040"),
                ("name", "Marché"),
                ("title", "Nettoyer après le marché"),
                ("recurrence", "weekly:1"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, _) = agent
        .post(
            "/agent/modeles",
            &[("commune", "55040"), ("name", ""), ("title", "x")],
        )
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    // a parking ban on the Tuesday after Easter Monday, from 8:00
    let (status, to) = agent
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
                ("action", "enregistrer"),
            ],
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let element = to.split('?').next().unwrap().to_string();
    let (_, page) = agent.get(&element).await;
    assert!(page.contains("Nouvelle tâche depuis un modèle"), "{page}");
    let templates = app.app.store.templates(Some("55040")).await.unwrap();
    let signs = templates
        .iter()
        .find(|t| t.name == "Panneaux")
        .unwrap()
        .id
        .to_string();
    let (status, to) = agent
        .post(&format!("{element}/tache"), &[("template", &signs)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let task_id: uuid::Uuid = to
        .split('?')
        .next()
        .unwrap()
        .trim_start_matches("/agent/taches/")
        .parse()
        .unwrap();
    let task = app.app.store.task(task_id).await.unwrap().unwrap();
    assert_eq!(
        task.due,
        Some(shift(easter, -3)),
        "Maundy Thursday: two working days before the Tuesday, past Easter Monday and the weekend"
    );
    assert_eq!(task.checklist.len(), 2);
    assert_eq!(
        task.feature.map(|f| f.to_string()).as_deref(),
        Some(element.trim_start_matches("/agent/element/"))
    );
    // the Monday task: made on its day, once
    let market = templates.iter().find(|t| t.name == "Marché").unwrap();
    let first = market.next_on.unwrap();
    assert_eq!(chrono::Datelike::weekday(&first), chrono::Weekday::Mon);
    let at = |d: chrono::NaiveDate| d.and_hms_opt(12, 0, 0).unwrap().and_utc();
    assert_eq!(
        app.app
            .make_recurring_tasks(at(first - chrono::Duration::days(1)))
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.app.make_recurring_tasks(at(first)).await.unwrap(), 1);
    assert_eq!(
        app.app.make_recurring_tasks(at(first)).await.unwrap(),
        0,
        "each occurrence once"
    );
    assert_eq!(
        app.app
            .make_recurring_tasks(at(first + chrono::Duration::days(8)))
            .await
            .unwrap(),
        1
    );
    let tasks = app.app.store.tasks(Some("55040"), None).await.unwrap();
    let mut dues: Vec<_> = tasks
        .iter()
        .filter(|t| t.title == "Nettoyer après le marché")
        .map(|t| t.due.unwrap())
        .collect();
    dues.sort();
    assert_eq!(dues, [first, first + chrono::Duration::days(7)]);
    app.stop().await;
}

on_both_backends!(
    a_reference_names_one_report_of_its_own_commune,
    deadlines_and_numbers_on_fixed_days_around_easter_2027_and_new_year_2028,
    templates_make_tasks_for_features_and_on_their_days,
    the_work_api_keeps_to_the_tokens_commune,
    projects_group_features_and_tasks,
    people_are_told_of_their_tasks,
    a_citizen_reopens_a_report_that_is_not_fixed,
    a_duplicate_sends_its_followers_to_the_report_kept,
    a_report_goes_from_the_citizen_to_a_repair_with_a_photo,
    the_dashboard_counts_open_late_and_resolved_reports,
    tasks_through_the_api,
    a_report_becomes_a_task_for_its_team,
    a_report_lands_in_its_services_queue_and_moves_to_its_end,
    triage_pages_are_for_the_communes_people,
);

/// Issue 13, point 8: a reference names one report, of its own commune, for good. A new
/// feature may not take one in use (API or import) nor another commune's; a change may
/// not alter it (leaving it out keeps it) nor point a report at another commune's
/// service; and the database refuses two features with one reference even when the
/// checks are passed by.
async fn a_reference_names_one_report_of_its_own_commune(backend: Backend) {
    let app = TestApp::spawn(backend).await;
    let soignies = report(&app, "voirie", common::SOIGNIES).await;
    let braine = report(&app, "voirie", common::BRAINE).await;
    let agent = {
        let a = app
            .request(
                reqwest::Method::POST,
                "/api/v1/tokens",
                Some(common::TOKEN),
                Some(&json!({ "name": "SOI", "commune": "55040", "role": "agent" })),
            )
            .await;
        assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
        a.json()["token"].as_str().unwrap().to_string()
    };
    let post = |reference: &str| {
        let body = json!({
            "type": "Feature",
            "geometry": { "type": "Point", "coordinates": [common::SOIGNIES.0, common::SOIGNIES.1] },
            "properties": {
                "kind": "report", "title": "Nid-de-poule",
                "schedule": { "periods": [{ "start": common::dates::rfc(common::dates::now()) }] },
                "attributes": { "reference": reference }
            }
        });
        let (app, agent) = (&app, agent.clone());
        async move {
            app.request(
                reqwest::Method::POST,
                "/api/v1/features",
                Some(&agent),
                Some(&body),
            )
            .await
        }
    };
    post(&soignies).await.problem(
        422,
        "/properties/attributes/reference",
        "duplicate_reference",
    );
    let foreign = format!("BLC-{}-00777", today().year());
    post(&foreign)
        .await
        .problem(422, "/properties/attributes/reference", "invalid_reference");
    post("n'importe quoi").await.problem(
        422,
        "/properties/attributes/reference",
        "invalid_reference",
    );
    // a number of its own commune not yet used: kept, and numbering goes on above it
    let imported = format!("SOI-{}-00500", today().year());
    assert_eq!(post(&imported).await.status, StatusCode::CREATED);

    // a change may not take Braine's reference, nor Braine's service
    let id = id_of(&app, &soignies);
    let read = || async {
        let a = app
            .request(
                reqwest::Method::GET,
                &format!("/api/v1/features/{id}"),
                Some(&agent),
                None,
            )
            .await;
        assert_eq!(a.status, StatusCode::OK, "{}", a.body);
        (a.json(), a.header("etag").to_string())
    };
    let put = |body: Value, etag: String| {
        let (app, agent, id) = (&app, agent.clone(), id.clone());
        async move {
            let r = app
                .client
                .put(app.url(&format!("/api/v1/features/{id}")))
                .bearer_auth(agent)
                .header("if-match", etag)
                .header("content-type", "application/geo+json")
                .body(body.to_string())
                .send()
                .await
                .unwrap();
            let status = r.status();
            (status, r.text().await.unwrap())
        }
    };
    let (mut f, etag) = read().await;
    f["properties"]["attributes"]["reference"] = json!(braine);
    let (status, body) = put(f, etag.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("read_only"), "{body}");
    let theirs = app
        .request(
            reqwest::Method::POST,
            "/api/v1/services?commune=55004",
            Some(common::TOKEN),
            Some(&json!({ "name": "Voirie de Braine" })),
        )
        .await;
    assert_eq!(theirs.status, StatusCode::CREATED, "{}", theirs.body);
    let (mut f, _) = read().await;
    f["properties"]["attributes"]["service"] = theirs.json()["id"].clone();
    let (status, body) = put(f, etag.clone()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("unknown_service"), "{body}");
    // left out, the reference stays
    let (mut f, _) = read().await;
    f["properties"]["attributes"]
        .as_object_mut()
        .unwrap()
        .remove("reference");
    f["properties"]["title"] = json!("Nid-de-poule profond");
    let (status, body) = put(f, etag).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (f, _) = read().await;
    assert_eq!(f["properties"]["attributes"]["reference"], json!(soignies));
    // each reference still leads to its own report
    assert_eq!(id_of(&app, &soignies), id);
    assert_eq!(
        app.app
            .report_by_reference(&braine)
            .unwrap()
            .feature
            .commune,
        BRAINE
    );

    // an import of two records sharing a new reference writes neither
    let draft = |title: &str| balise::model::FeatureDraft {
        commune: None,
        kind: balise::model::Kind::Report,
        geometry: geo_types::Geometry::Point(geo_types::Point::new(
            common::SOIGNIES.0,
            common::SOIGNIES.1,
        )),
        schedule: balise::model::schedule::Schedule::period(balise::clock::now(), None),
        status: None,
        title: title.into(),
        description: String::new(),
        attributes: [(
            "reference".to_string(),
            json!(format!("SOI-{}-00600", today().year())),
        )]
        .into_iter()
        .collect(),
        visibility: balise::model::Visibility::Public,
    };
    let before = app.count("kind=report").await;
    let rejected = app
        .app
        .create_many(
            vec![
                ("ligne 2".into(), draft("Un")),
                ("ligne 3".into(), draft("Deux")),
            ],
            &Actor::System("import".into()),
            &|_| {},
        )
        .await
        .unwrap_err();
    assert_eq!(rejected.len(), 1, "{rejected:?}");
    assert_eq!(rejected[0].place, "ligne 3");
    assert_eq!(rejected[0].errors[0].code, "duplicate_reference");
    assert_eq!(app.count("kind=report").await, before);

    // the database itself holds the line
    let mut twin = app
        .app
        .report_by_reference(&soignies)
        .unwrap()
        .feature
        .clone();
    twin.id = uuid::Uuid::now_v7();
    let refused = app
        .app
        .store
        .create(&[twin], "test", &|_| {})
        .await
        .unwrap_err();
    assert!(refused.is_duplicate_reference(), "{refused}");
    app.stop().await;
}
