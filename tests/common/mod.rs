//! Test harness: the real server on 127.0.0.1:0 over a fresh database per test.
//!
//! SQLite: a GeoPackage file in a temporary directory. PostgreSQL: a fresh schema in
//! the database named by `BALISE_TEST_DATABASE_URL` (default: the local `test`
//! database), dropped when the test ends. A missing PostgreSQL or PostGIS fails the
//! test loudly; nothing is skipped.
#![allow(dead_code)]

use std::sync::Arc;

use balise::app::App;
use balise::config::Config;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::Connection;
use tokio::sync::oneshot;

pub mod dates;

pub const TOKEN: &str = "test-admin-token-0123456789";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database that outlives server restarts within one test.
pub struct TestDb {
    pub backend: Backend,
    pub url: String,
    pub dir: tempfile::TempDir,
    schema: Option<(String, String)>,
}

pub fn postgres_base_url() -> String {
    std::env::var("BALISE_TEST_DATABASE_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into())
}

impl TestDb {
    pub async fn new(backend: Backend) -> TestDb {
        dates::pin_from_env();
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => {
                let url = format!("sqlite://{}", dir.path().join("balise.gpkg").display());
                TestDb {
                    backend,
                    url,
                    dir,
                    schema: None,
                }
            }
            Backend::Postgres => {
                let base = postgres_base_url();
                let mut conn = sqlx::PgConnection::connect(&base).await.unwrap_or_else(|e| {
                    panic!("PostgreSQL is required for the postgres tests ({base}): {e}. Start it, or set BALISE_TEST_DATABASE_URL.")
                });
                // one extension per database, created once under a lock (tests run in parallel)
                sqlx::query("SELECT pg_advisory_lock(4242)")
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let ext = sqlx::query("CREATE EXTENSION IF NOT EXISTS postgis")
                    .execute(&mut conn)
                    .await;
                sqlx::query("SELECT pg_advisory_unlock(4242)")
                    .execute(&mut conn)
                    .await
                    .unwrap();
                ext.unwrap_or_else(|e| panic!("PostGIS is required for the postgres tests: {e}. Install postgresql-15-postgis-3."));
                let schema = format!("t_{}", uuid::Uuid::now_v7().simple());
                sqlx::query(&format!("CREATE SCHEMA {schema}"))
                    .execute(&mut conn)
                    .await
                    .unwrap();
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}options=-csearch_path%3D{schema}%2Cpublic");
                TestDb {
                    backend,
                    url,
                    dir,
                    schema: Some((base, schema)),
                }
            }
        }
    }

    pub fn config(&self, demo: bool) -> Config {
        Config {
            listen: "127.0.0.1:0".parse().unwrap(),
            data_dir: self.dir.path().to_path_buf(),
            database_url: self.url.clone(),
            admin_token: Some(TOKEN.into()),
            demo,
            log: "warn".into(),
            max_body_bytes: 64 * 1024,
            public_url: None,
            rate_limit_per_minute: 0,
            trusted_proxies: 0,
            tile_cache_mb: 16,
            basemap: None,
            smtp_url: None,
            mail_from: "balise <ne-pas-repondre@balise.invalid>".into(),
            communes_file: None,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base, schema)) = self.schema.take() {
            // Drop runs outside any runtime guarantee: use a thread with its own.
            std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                rt.block_on(async {
                    if let Ok(mut c) = sqlx::PgConnection::connect(&base).await {
                        let _ = sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                            .execute(&mut c)
                            .await;
                    }
                });
            })
            .join()
            .ok();
        }
    }
}

pub struct TestApp {
    pub base: String,
    pub app: Arc<App>,
    pub client: reqwest::Client,
    shutdown: Option<oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<()>>,
    db: Option<TestDb>,
}

impl TestApp {
    /// A server over a fresh, empty database (communes loaded, no demo data).
    pub async fn spawn(backend: Backend) -> TestApp {
        let db = TestDb::new(backend).await;
        let mut app = TestApp::start(&db, false).await;
        app.db = Some(db);
        app
    }

    /// A server over a fresh database loaded with the demo data of both towns.
    pub async fn spawn_demo(backend: Backend) -> TestApp {
        let db = TestDb::new(backend).await;
        let mut app = TestApp::start(&db, true).await;
        app.db = Some(db);
        app
    }

    /// A server over an existing test database.
    pub async fn start(db: &TestDb, demo: bool) -> TestApp {
        TestApp::start_with(db.config(demo)).await
    }

    pub async fn start_with(config: Config) -> TestApp {
        dates::pin_from_env();
        let app = balise::server::open(config)
            .await
            .expect("the application starts");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let (tx, rx) = oneshot::channel::<()>();
        let server = tokio::spawn({
            let app = app.clone();
            async move {
                balise::server::run(listener, app, async {
                    let _ = rx.await;
                })
                .await
                .unwrap()
            }
        });
        TestApp {
            base,
            app,
            client: reqwest::Client::new(),
            shutdown: Some(tx),
            server: Some(server),
            db: None,
        }
    }

    /// Stops the server and waits for it to finish.
    pub async fn stop(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(h) = self.server.take() {
            h.await.unwrap();
        }
    }

    pub fn db(&self) -> &TestDb {
        self.db.as_ref().expect("spawned with its own database")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Answer {
        let mut req = self.client.request(method, self.url(path));
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        if let Some(b) = body {
            req = req
                .header("content-type", "application/geo+json")
                .body(b.to_string());
        }
        Answer::from(req.send().await.expect("the server answers")).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.request(Method::GET, path, None, None).await
    }

    pub async fn get_as_admin(&self, path: &str) -> Answer {
        self.request(Method::GET, path, Some(TOKEN), None).await
    }

    pub async fn post(&self, body: &Value) -> Answer {
        self.request(Method::POST, "/api/v1/features", Some(TOKEN), Some(body))
            .await
    }

    /// How many public features match a query string (`+` in times is escaped here).
    pub async fn count(&self, query: &str) -> u64 {
        let a = self
            .get(&format!("/api/v1/features?{}", query.replace('+', "%2B")))
            .await;
        assert_eq!(a.status, StatusCode::OK, "{query}: {}", a.body);
        a.json()["numberMatched"].as_u64().unwrap()
    }

    /// Creates a feature and returns it as the API answered.
    pub async fn create(&self, body: &Value) -> Value {
        let a = self.post(body).await;
        assert_eq!(a.status, StatusCode::CREATED, "create failed: {}", a.body);
        a.json()
    }
}

pub struct Answer {
    pub status: StatusCode,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    async fn from(r: reqwest::Response) -> Answer {
        let status = r.status();
        let headers = r.headers().clone();
        let body = r.text().await.unwrap();
        Answer {
            status,
            headers,
            body,
        }
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    /// Asserts a problem document with this status, and that one error names `pointer`
    /// with `code`; returns the document.
    pub fn problem(&self, status: u16, pointer: &str, code: &str) -> Value {
        assert_eq!(
            self.status.as_u16(),
            status,
            "unexpected status, body: {}",
            self.body
        );
        assert_eq!(
            self.header("content-type"),
            "application/problem+json",
            "{}",
            self.body
        );
        let doc = self.json();
        if !pointer.is_empty() || !code.is_empty() {
            let errors = doc["errors"]
                .as_array()
                .unwrap_or_else(|| panic!("no errors in {doc}"));
            assert!(
                errors
                    .iter()
                    .any(|e| e["pointer"] == pointer && e["code"] == code),
                "no error {pointer} {code} in {doc}"
            );
        }
        doc
    }
}

/// A point feature in the centre of Soignies.
pub fn works_at(lon: f64, lat: f64, start: &str, end: &str) -> Value {
    json!({
        "type": "Feature",
        "geometry": { "type": "Point", "coordinates": [lon, lat] },
        "properties": {
            "kind": "works",
            "title": "Réfection de trottoir",
            "schedule": { "periods": [{ "start": start, "end": end }] }
        }
    })
}

/// The usual test feature: works at the Grand-Place of Soignies on 1 December 2026, a
/// fixed day that tests ask about with an explicit `at=`.
pub fn works_in_soignies() -> Value {
    works_at(
        SOIGNIES.0,
        SOIGNIES.1,
        "2026-12-01T00:00:00Z",
        "2026-12-02T00:00:00Z",
    )
}

pub const SOIGNIES: (f64, f64) = (4.0710, 50.5790);
pub const BRAINE: (f64, f64) = (4.1365, 50.6087);
/// Inside Ecaussinnes, a neighbour that does not use balise.
pub const ECAUSSINNES: (f64, f64) = (4.1500, 50.5710);

/// Declares each listed `async fn name(Backend)` as a test on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name($crate::common::Backend::Postgres).await })*
        }
    };
}

/// Runs a script of `tests/js` with Node.js and the packages of `package-lock.json`.
/// Node.js and `npm ci` are prerequisites of the suite: without them this fails, loudly.
pub fn node(script: &str, args: &[&str]) -> std::process::Output {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join("node_modules/.package-lock.json").exists(),
        "the browser-side checks need the npm packages: run `npm ci` in {}",
        root.display()
    );
    std::process::Command::new("node")
        .arg(root.join("tests/js").join(script))
        .args(args)
        .current_dir(root)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (install Node.js): {e}"))
}

/// A browser without JavaScript: keeps cookies, does not follow redirects by itself.
pub struct Browser {
    pub client: reqwest::Client,
    pub base: String,
    pub cookies: Vec<(String, String)>,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: base.to_string(),
            cookies: Vec::new(),
        }
    }

    pub fn cookie_header(&self) -> String {
        self.cookies
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn keep(&mut self, res: &reqwest::Response) {
        for c in res.headers().get_all(reqwest::header::SET_COOKIE) {
            let c = c.to_str().unwrap();
            let (kv, _) = c.split_once(';').unwrap_or((c, ""));
            let (k, v) = kv.split_once('=').unwrap();
            self.cookies.retain(|(n, _)| n != k);
            if !v.is_empty() {
                self.cookies.push((k.to_string(), v.to_string()));
            }
        }
    }

    pub async fn get(&mut self, path: &str) -> (reqwest::StatusCode, String) {
        let res = self
            .client
            .get(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header())
            .send()
            .await
            .unwrap();
        self.keep(&res);
        (res.status(), res.text().await.unwrap())
    }

    pub fn csrf(&self) -> String {
        self.cookies
            .iter()
            .find(|(k, _)| k == "balise_csrf")
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    /// Posts a form; answers the status and where it leads (or the page).
    pub async fn post(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
    ) -> (reqwest::StatusCode, String) {
        let csrf = self.csrf();
        let mut form: Vec<(&str, &str)> = vec![("csrf", &csrf)];
        form.extend_from_slice(fields);
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header())
            .form(&form)
            .send()
            .await
            .unwrap();
        self.answer(res).await
    }

    /// The status and where the answer leads, or the page it shows.
    pub async fn answer(&mut self, res: reqwest::Response) -> (reqwest::StatusCode, String) {
        self.keep(&res);
        let status = res.status();
        let to = res
            .headers()
            .get(reqwest::header::LOCATION)
            .map(|l| l.to_str().unwrap().to_string());
        (status, to.unwrap_or(res.text().await.unwrap()))
    }

    pub async fn post_photo(
        &mut self,
        bytes: Vec<u8>,
        name: &str,
    ) -> (reqwest::StatusCode, String) {
        self.post_file("/signaler/photos", "photo", bytes, name, "image/jpeg")
            .await
    }

    /// A citizen's first steps of a report, as anyone takes them: the place, the
    /// category "autre", past the reports already there, and the words.
    pub async fn describe_a_problem(&mut self, lat: &str, lon: &str, words: &str) {
        self.get("/signaler/lieu").await;
        self.post("/signaler/lieu", &[("lat", lat), ("lon", lon)])
            .await;
        self.post("/signaler/categorie", &[("categorie", "autre")])
            .await;
        self.post("/signaler/doublons", &[]).await;
        let (status, to) = self
            .post("/signaler/description", &[("description", words)])
            .await;
        assert_eq!(status, reqwest::StatusCode::SEE_OTHER, "{to}");
    }

    /// A multipart form of the page's CSRF token and one file, as a browser sends it.
    pub async fn post_file(
        &mut self,
        path: &str,
        field: &str,
        bytes: Vec<u8>,
        name: &str,
        mime: &str,
    ) -> (reqwest::StatusCode, String) {
        let form = reqwest::multipart::Form::new()
            .text("csrf", self.csrf())
            .part(
                field.to_string(),
                reqwest::multipart::Part::bytes(bytes)
                    .file_name(name.to_string())
                    .mime_str(mime)
                    .unwrap(),
            );
        let res = self
            .client
            .post(format!("{}{path}", self.base))
            .header(reqwest::header::COOKIE, self.cookie_header())
            .multipart(form)
            .send()
            .await
            .unwrap();
        self.answer(res).await
    }
}

pub const PASSWORD: &str = "une phrase assez longue";

/// A small JPEG of one colour, as a phone would send.
pub fn jpeg(width: u32, height: u32, rgb: [u8; 3]) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 80)
        .encode_image(&image::RgbImage::from_pixel(width, height, image::Rgb(rgb)))
        .unwrap();
    out
}

/// A person with these roles, signed in through `/connexion`.
pub async fn signed_in(
    app: &TestApp,
    email: &str,
    grants: &[(&str, balise::model::account::Role)],
) -> Browser {
    let grants: Vec<balise::model::account::Grant> = grants
        .iter()
        .map(|(c, r)| balise::model::account::Grant {
            commune: c.to_string(),
            role: *r,
        })
        .collect();
    app.app
        .add_user(
            &balise::policy::Actor::System("test".into()),
            email,
            "",
            &grants,
            Some(PASSWORD),
        )
        .await
        .unwrap();
    let mut b = Browser::new(&app.base);
    b.get("/connexion").await;
    let (status, _) = b
        .post("/connexion", &[("email", email), ("password", PASSWORD)])
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    b
}

/// Files a report as the citizen's journey does, with an e-mail to be told.
pub async fn file_report(app: &TestApp, category: &str, lonlat: (f64, f64)) -> String {
    file_report_as(app, category, lonlat, "citoyen@example.org").await
}

pub async fn file_report_as(
    app: &TestApp,
    category: &str,
    lonlat: (f64, f64),
    email: &str,
) -> String {
    let draft_id = format!("test-{category}-{}", lonlat.0);
    app.app
        .store
        .put_draft(&draft_id, &serde_json::json!({}))
        .await
        .unwrap();
    let mut attributes = serde_json::Map::new();
    attributes.insert(
        "categorie".into(),
        serde_json::Value::String(category.into()),
    );
    attributes.insert(
        "lieu".into(),
        serde_json::Value::String("Rue de Mons".into()),
    );
    let draft = balise::model::FeatureDraft {
        commune: None,
        kind: balise::model::Kind::Report,
        geometry: geo_types::Geometry::Point(geo_types::Point::new(lonlat.0, lonlat.1)),
        schedule: balise::model::schedule::Schedule::period(balise::clock::now(), None),
        status: None,
        title: "Signalement".into(),
        description: "Un trou profond".into(),
        attributes,
        visibility: balise::model::Visibility::Public,
    };
    let contact = balise::model::report::ReportContact {
        email: Some(email.into()),
        phone: None,
        lang: "fr".into(),
        token: format!("tok{}", lonlat.0),
    };
    let (reference, written) = app
        .app
        .submit_report(
            &draft_id,
            draft,
            Some(contact),
            &balise::policy::Actor::Anonymous,
        )
        .await
        .unwrap();
    assert!(written);
    reference
}

/// An e-mail of the outbox, read as a mail client reads it (headers decoded, the text
/// part decoded from its transfer encoding).
#[derive(Debug)]
pub struct Eml {
    pub to: String,
    pub subject: String,
    pub list_unsubscribe: Option<String>,
    pub content_type: String,
    pub text: String,
}

/// Every `.eml` of the app's outbox, parsed (in no particular order: several may be
/// written in the same second).
pub fn outbox(app: &TestApp) -> Vec<Eml> {
    let dir = app.app.config.data_dir.join("outbox");
    let files: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files
        .iter()
        .map(|path| {
            use mailparse::MailHeaderMap;
            let raw = std::fs::read(path).unwrap();
            let mail = mailparse::parse_mail(&raw)
                .unwrap_or_else(|e| panic!("{} is not a MIME message: {e}", path.display()));
            let header = |name: &str| mail.headers.get_first_value(name);
            let text = if mail.subparts.is_empty() {
                mail.get_body().unwrap()
            } else {
                mail.subparts
                    .iter()
                    .find(|p| p.ctype.mimetype == "text/plain")
                    .expect("a text part")
                    .get_body()
                    .unwrap()
            };
            Eml {
                to: header("To").expect("a To header"),
                subject: header("Subject").expect("a Subject header"),
                list_unsubscribe: header("List-Unsubscribe"),
                content_type: mail.ctype.mimetype.clone(),
                text,
            }
        })
        .collect()
}
