//! Faults as an unlucky operator meets them (issue 13, points 1 and 4): clients that hang
//! up in the middle of their writes, a database that cannot serve for a while, a stop
//! asked by the process supervisor, a full or read-only disk. Nothing acknowledged is
//! lost, the server recovers by itself, and an answer that cannot be given says so with
//! 503 and `Retry-After`, never a bare 500.
//!
//! The disk faults mount small tmpfs file systems: like the rest of the suite, these
//! tests run as root (CI does); without the right to mount they fail, loudly.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

on_both_backends!(
    clients_hanging_up_mid_write_lose_nothing_acknowledged,
    a_missing_table_answers_503_with_retry_after,
);

fn titled(title: &str) -> Value {
    let mut body = works_in_soignies();
    body["properties"]["title"] = json!(title);
    body
}

/// Every feature title the API lists to the admin.
async fn titles(app: &TestApp) -> BTreeSet<String> {
    let a = app.get_as_admin("/api/v1/features?limit=1000").await;
    assert_eq!(a.status, StatusCode::OK, "{}", a.body);
    a.json()["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["properties"]["title"].as_str().unwrap().to_string())
        .collect()
}

/// Clients giving up after 1 to 12 ms (most writes take longer), four at a time, while they create features;
/// then patient clients. Every write answered 201 is in the database after a restart,
/// and every write after the hang-ups is answered (none is refused for a transaction
/// left open by a client gone).
async fn clients_hanging_up_mid_write_lose_nothing_acknowledged(b: Backend) {
    let db = TestDb::new(b).await;
    let app = TestApp::start(&db, false).await;
    let mut acknowledged = BTreeSet::new();
    let mut hung_up = 0;
    for round in 0..40u64 {
        let mut sends = Vec::new();
        for k in 0..4u64 {
            let impatient = reqwest::Client::builder()
                .timeout(Duration::from_millis(1 + (round * 7 + k * 11) % 12))
                .build()
                .unwrap();
            let title = format!("Pressé {round}-{k}");
            let send = impatient
                .post(app.url("/api/v1/features"))
                .bearer_auth(TOKEN)
                .header("content-type", "application/geo+json")
                .body(titled(&title).to_string())
                .send();
            sends.push(async move { (title, send.await) });
        }
        for (title, sent) in futures::future::join_all(sends).await {
            match sent {
                Ok(r) if r.status() == StatusCode::CREATED => {
                    acknowledged.insert(title);
                }
                Ok(r) => panic!("{title}: answered {}", r.status()),
                Err(_) => hung_up += 1,
            }
        }
    }
    assert!(
        hung_up >= 30,
        "only {hung_up} clients hung up: the test proves nothing"
    );
    for i in 0..20 {
        let title = format!("Patient {i}");
        let a = app.post(&titled(&title)).await;
        assert_eq!(
            a.status,
            StatusCode::CREATED,
            "a write after the hang-ups: {}",
            a.body
        );
        acknowledged.insert(title);
    }
    let health = app.get("/healthz").await;
    assert_eq!(health.status, StatusCode::OK, "{}", health.body);
    app.stop().await;

    let again = TestApp::start(&db, false).await;
    let kept = titles(&again).await;
    let lost: Vec<_> = acknowledged.difference(&kept).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
    // each has its history row
    let listed = again
        .get_as_admin("/api/v1/features?limit=1000")
        .await
        .json();
    for f in listed["features"].as_array().unwrap() {
        let id = f["id"].as_str().unwrap();
        let h = again
            .get_as_admin(&format!("/api/v1/features/{id}/history"))
            .await;
        assert_eq!(h.status, StatusCode::OK);
        assert!(h.body.contains("\"create\""), "{}", h.body);
    }
    again.stop().await;
}

/// A table gone (a migration under way, an operator's mistake): the API answers 503
/// with `Retry-After` and a problem document, the pages a 503 page, and the health
/// check says the database cannot serve.
async fn a_missing_table_answers_503_with_retry_after(b: Backend) {
    let app = TestApp::spawn(b).await;
    let created = app.create(&titled("Avant la panne")).await;
    let id = created["id"].as_str().unwrap().to_string();
    let rename = |from: &str, to: &str| format!("ALTER TABLE {from} RENAME TO {to}");
    sql(&app, &rename("features", "features_away")).await;

    let a = app.post(&titled("Pendant la panne")).await;
    let doc = a.problem(503, "", "");
    assert_eq!(doc["type"], "/problems/unavailable", "{doc}");
    assert_eq!(a.header("retry-after"), "5");
    let mut changed = created.clone();
    changed["properties"]["title"] = json!("Renommé pendant la panne");
    let a = app
        .client
        .put(app.url(&format!("/api/v1/features/{id}")))
        .bearer_auth(TOKEN)
        .header("if-match", "\"1\"")
        .header("content-type", "application/geo+json")
        .body(changed.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(a.headers()["retry-after"], "5");

    sql(&app, &rename("features_away", "features")).await;
    assert_eq!(
        app.post(&titled("Après la panne")).await.status,
        StatusCode::CREATED
    );
    let kept = titles(&app).await;
    assert!(kept.contains("Avant la panne") && kept.contains("Après la panne"));
    assert!(!kept.contains("Pendant la panne"), "{kept:?}");
    app.stop().await;
}

/// Runs one statement on the test's database, beside the server.
async fn sql(app: &TestApp, statement: &str) {
    use sqlx::Connection;
    let db = app.db();
    match db.backend {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&db.url).await.unwrap();
            sqlx::query(statement).execute(&mut c).await.unwrap();
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&db.url).await.unwrap();
            sqlx::query(statement).execute(&mut c).await.unwrap();
        }
    }
}

/// The write lock held by another process: the health check says so within a few
/// seconds instead of "ok", and says ok again once the lock is released.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_health_check_proves_it_can_write() {
    use sqlx::Connection;
    let app = TestApp::spawn(Backend::Sqlite).await;
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let mut other = sqlx::SqliteConnection::connect(&app.db().url)
        .await
        .unwrap();
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut other)
        .await
        .unwrap();
    let asked = Instant::now();
    let h = app.get("/healthz").await;
    assert_eq!(h.status, StatusCode::SERVICE_UNAVAILABLE, "{}", h.body);
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "{:?}",
        asked.elapsed()
    );
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    // and the writes the check made wait are not left waiting
    assert_eq!(
        app.post(&titled("Après le verrou")).await.status,
        StatusCode::CREATED
    );
    app.stop().await;
}

/// A tmpfs file system mounted for one test, unmounted when it ends.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .output()
            .expect("mount runs");
        assert!(
            out.status.success(),
            "this test mounts a tmpfs to fill or freeze a disk; run the suite as root: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, opts: &str) {
        let out = Command::new("mount")
            .args(["-o", &format!("remount,{opts}")])
            .arg(self.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .output();
    }
}

/// Fills a file system until a write fails; returns the file that fills it.
fn fill(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f = std::fs::File::create(&path).unwrap();
    let block = vec![7u8; 64 * 1024];
    while f.write_all(&block).is_ok() {}
    let _ = f.sync_all();
    path
}

/// The data directory's disk fills up while the server runs: writes answer 503 with
/// `Retry-After` (not a 500, not a 201 for a write that is not kept), the citizen's
/// journey does not move on without its answer, and once space is back writes work
/// again by themselves, without a restart.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_refuses_writes_cleanly_and_recovers_by_itself() {
    let disk = Tmpfs::mount("24m");
    let db = TestDb::new(Backend::Sqlite).await;
    let mut config = db.config(false);
    config.data_dir = disk.path().to_path_buf();
    config.database_url = format!("sqlite://{}", disk.path().join("balise.gpkg").display());
    let app = TestApp::start_with(config.clone()).await;
    app.create(&titled("Avant")).await;
    let mut citizen = Browser::new(&app.base);
    citizen.get("/signaler/lieu").await;

    let filler = fill(disk.path());
    // some writes still fit in pages the files hold already; those that need new pages
    // are refused, cleanly
    let (mut refused, mut unsaved) = (0, 0);
    for i in 0..30 {
        let mut body = titled(&format!("Disque plein {i}"));
        body["properties"]["description"] = json!(format!("{i} ").repeat(2000));
        let a = app.post(&body).await;
        match a.status {
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(a.header("retry-after"), "5");
                refused += 1;
            }
            StatusCode::CREATED => {}
            other => panic!("a write on a full disk: {other} {}", a.body),
        }
        let words = format!("{i} trous ").repeat(150);
        let (status, page) = citizen
            .post("/signaler/description", &[("description", &words)])
            .await;
        match status {
            StatusCode::SERVICE_UNAVAILABLE => {
                assert!(
                    page.contains("n&#x27;a pas pu être enregistrée")
                        || page.contains("n'a pas pu être enregistrée"),
                    "{page}"
                );
                unsaved += 1;
            }
            // moved on: then the answer was kept
            StatusCode::SEE_OTHER => {
                let (_, form) = citizen.get("/signaler/description").await;
                assert!(
                    form.contains(&format!("{i} trous")),
                    "moved on, answer lost"
                );
            }
            other => panic!("a step on a full disk: {other} {page}"),
        }
    }
    assert!(
        refused > 0,
        "no write was refused: the disk never filled up"
    );
    assert!(
        unsaved > 0,
        "the journey always moved on: its answers were never refused"
    );

    std::fs::remove_file(filler).unwrap();
    let a = app.post(&titled("Après")).await;
    assert_eq!(a.status, StatusCode::CREATED, "{}", a.body);
    let (status, to) = citizen
        .post("/signaler/lieu", &[("lat", "50.5795"), ("lon", "4.0716")])
        .await;
    assert_eq!(
        (status, to.as_str()),
        (StatusCode::SEE_OTHER, "/signaler/categorie")
    );
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    let acknowledged = titles(&app).await;
    app.stop().await;
    let again = TestApp::start_with(config).await;
    assert_eq!(titles(&again).await, acknowledged);
    again.stop().await;
}

/// The `balise` binary, serving on a free port over `data_dir`.
fn serve(data_dir: &Path) -> (std::process::Child, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_balise"))
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .arg("--data-dir")
        .arg(data_dir)
        .env("BALISE_ADMIN_TOKEN", TOKEN)
        .env("BALISE_DEMO", "false")
        .env("BALISE_LOG", "info")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the balise binary runs");
    (child, format!("http://127.0.0.1:{port}"))
}

/// SIGTERM, what systemd and container runtimes send to stop a service, stops the
/// server gracefully: it says so and exits with success, after what it acknowledged.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_stops_the_server_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, base) = serve(dir.path());
    let client = reqwest::Client::new();
    let started = Instant::now();
    while client.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the server did not start"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let a = client
        .post(format!("{base}/api/v1/features"))
        .bearer_auth(TOKEN)
        .header("content-type", "application/geo+json")
        .body(titled("Juste avant l'arrêt").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(a.status(), StatusCode::CREATED);
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let out = tokio::task::spawn_blocking(move || {
        let status = child.wait().unwrap();
        let mut log = String::new();
        std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut log).unwrap();
        (status, log)
    })
    .await
    .unwrap();
    assert!(out.0.success(), "SIGTERM: {:?}\n{}", out.0, out.1);
    assert!(out.1.contains("shutting down"), "{}", out.1);
}

/// A data directory on a read-only disk: the server does not start, and its error names
/// the path that could not be written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_data_directory_is_named() {
    let disk = Tmpfs::mount("8m");
    disk.remount("ro");
    let (child, _) = serve(disk.path());
    let out = tokio::task::spawn_blocking(move || child.wait_with_output().unwrap())
        .await
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{log}");
    let error = log
        .lines()
        .find(|l| l.starts_with("balise: "))
        .unwrap_or_else(|| panic!("no error said: {log}"));
    assert!(
        error.contains(&disk.path().display().to_string()),
        "the error does not name the data directory: {error}"
    );
}
