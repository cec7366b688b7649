//! Persistence: one `Store` trait, a SQLite (GeoPackage) and a PostgreSQL (PostGIS)
//! implementation, chosen once at start from the database URL.
//!
//! All SQL lives below this module. Every write is one transaction that changes the
//! feature row *and* appends a history row; the in-memory index is updated by the caller
//! only after the transaction has committed. Optimistic concurrency is enforced in SQL
//! (`UPDATE … WHERE version = expected`), so two writers can never both win.

pub mod accounts;
mod postgres;
mod sqlite;

use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use geo_types::Geometry;
use geozero::wkb::{FromWkb, WkbDialect};
use serde::Serialize;
use serde_json::Value;
use uuid::Uuid;

use crate::model::report::ReportContact;
use crate::model::{Commune, CommuneSettings, Feature, Kind, Visibility};

pub use postgres::PgStore;
pub use sqlite::SqliteStore;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    #[error("version mismatch: the stored version is {current}")]
    VersionMismatch { current: i64 },
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is unreadable: {0}")]
    Corrupt(String),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

impl StoreError {
    /// A write refused because another feature holds its report reference (the
    /// `features_reference` unique index).
    pub fn is_duplicate_reference(&self) -> bool {
        let StoreError::Db(sqlx::Error::Database(d)) = self else {
            return false;
        };
        d.is_unique_violation()
            && (d.constraint() == Some("features_reference")
                || d.message().contains("features_reference"))
    }

    /// The database cannot serve now but may soon: no connection to be had, the write
    /// lock held, the disk full or read-only, the server shutting down, a table missing
    /// (a migration under way). A client should retry later (503), not report a bug.
    pub fn is_unavailable(&self) -> bool {
        let StoreError::Db(e) = self else {
            return false;
        };
        match e {
            sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => true,
            sqlx::Error::Database(d) => {
                let code = d.code().unwrap_or_default();
                match d.try_downcast_ref::<sqlx::sqlite::SqliteError>() {
                    // SQLITE_BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN, and
                    // "no such table" (SQLITE_ERROR with that message)
                    Some(_) => {
                        let primary = code.parse::<i32>().unwrap_or(0) & 0xff;
                        matches!(primary, 5 | 6 | 8 | 10 | 13 | 14)
                            || d.message().starts_with("no such table")
                    }
                    // PostgreSQL: connection exceptions (08), insufficient resources
                    // (53: disk full, out of memory, too many connections), operator
                    // intervention (57: shutdown, cancelled), read-only (25006), lock
                    // timeout (55P03), undefined table (42P01)
                    None => {
                        code.starts_with("08")
                            || code.starts_with("53")
                            || code.starts_with("57")
                            || code == "25006"
                            || code == "55P03"
                            || code == "42P01"
                    }
                }
            }
            _ => false,
        }
    }
}

/// One append-only history row.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub feature_id: Uuid,
    pub version: i64,
    pub action: String,
    pub actor: String,
    pub at: DateTime<Utc>,
    pub changes: Value,
}

/// A change another writer committed, as the change feed reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Upserted(Vec<(Uuid, i64)>),
    Deleted(Vec<(Uuid, i64)>),
    /// Too many rows changed at once: reload everything.
    Reload,
}

/// Reports progress of long writes (imports), in features written.
pub type Progress<'a> = &'a (dyn Fn(u64) + Send + Sync);

#[async_trait]
pub trait Store: accounts::AccountStore + Send + Sync + 'static {
    /// `sqlite` or `postgres`.
    fn backend(&self) -> &'static str;
    /// Proves the database takes writes now: a write transaction begun and rolled back,
    /// waiting at most a couple of seconds for the write lock.
    async fn ping(&self) -> Result<()>;
    async fn communes(&self) -> Result<Vec<Commune>>;
    /// Inserts or replaces communes by NIS code.
    async fn put_communes(&self, communes: &[Commune]) -> Result<()>;
    async fn features(&self) -> Result<Vec<Feature>>;
    async fn feature(&self, id: Uuid) -> Result<Option<Feature>>;
    /// Inserts new features (version 1), all or none, with one history row each.
    async fn create(&self, features: &[Feature], actor: &str, progress: Progress<'_>)
    -> Result<()>;
    /// Inserts these features only into a database where nothing was ever written (no
    /// history at all), atomically: of several instances starting together on an empty
    /// database, one writes them. Returns whether it wrote.
    async fn create_first(&self, features: &[Feature], actor: &str) -> Result<bool>;
    /// Replaces a feature whose stored version is `next.version - 1`.
    async fn update(&self, next: &Feature, changes: &Value, actor: &str) -> Result<()>;
    /// Deletes a feature, checking its version when `expected` is given; returns what
    /// was deleted.
    async fn delete(&self, id: Uuid, expected: Option<i64>, actor: &str) -> Result<Feature>;
    async fn history(&self, id: Uuid) -> Result<Vec<HistoryEntry>>;
    /// Keeps the answers of a report journey so far (a JSON object).
    async fn put_draft(&self, id: &str, data: &Value) -> Result<()>;
    /// A report draft and, once sent, its reference.
    async fn draft(&self, id: &str) -> Result<Option<(Value, Option<String>)>>;
    /// Sends a report in one transaction: numbers it within its commune and year (the
    /// reference goes into `attributes.reference`), writes the feature with its history
    /// and the reporter's contact, and marks the draft sent. Numbers go above `floor`
    /// (the highest already in use, e.g. by imported reports). A draft sent before writes
    /// nothing and answers with its first reference: `(reference, written)`.
    async fn submit_report(
        &self,
        draft_id: &str,
        feature: &Feature,
        prefix: &str,
        floor: i64,
        contact: Option<&ReportContact>,
        actor: &str,
    ) -> Result<(String, bool)>;
    /// Who is told of the report's changes: the reporter first, then its followers;
    /// only those subscribed and not erased.
    async fn report_contacts(&self, feature_id: Uuid) -> Result<Vec<ReportContact>>;
    /// Adds someone who asks to follow a report by e-mail, not yet confirmed (they are
    /// told nothing until then; a new request replaces one not confirmed); false when
    /// that address already follows it.
    async fn follow_report(&self, feature_id: Uuid, follower: &ReportContact) -> Result<bool>;
    /// Confirms a follower by the secret sent to their address; the report's id, or
    /// `None` when the secret is unknown or unsubscribed.
    async fn confirm_follower(&self, token: &str) -> Result<Option<Uuid>>;
    /// Whether `token` is the secret of the report's reporter (sent in their e-mails).
    async fn is_reporter(&self, feature_id: Uuid, token: &str) -> Result<bool>;
    /// Stops messages for the contact with this unsubscribe secret; false when unknown.
    async fn unsubscribe(&self, token: &str) -> Result<bool>;
    /// The people told of a report marked as a duplicate now follow the report kept
    /// (as followers; an address already following it is not added twice). Returns
    /// how many moved.
    async fn follow_kept(&self, duplicate: Uuid, kept: Uuid) -> Result<u64>;
    /// Erases the contacts of these reports (retention); returns how many were erased.
    async fn erase_contacts(&self, feature_ids: &[Uuid]) -> Result<u64>;
    /// Deletes report drafts never sent and untouched since `before` (they may hold an
    /// e-mail address, a phone number, photos); returns their answers.
    async fn purge_drafts(&self, before: DateTime<Utc>) -> Result<Vec<Value>>;
    /// Writes by other instances, where the backend has a change feed.
    async fn subscribe(&self) -> Result<Option<tokio::sync::mpsc::Receiver<Change>>>;
}

/// A row of `report_contacts`, as both backends read it.
#[derive(sqlx::FromRow)]
pub struct ContactRow {
    email: Option<String>,
    phone: Option<String>,
    lang: String,
    token: String,
}

impl From<ContactRow> for ReportContact {
    fn from(r: ContactRow) -> ReportContact {
        ReportContact {
            email: r.email,
            phone: r.phone,
            lang: r.lang,
            token: r.token,
        }
    }
}

/// The year a report is numbered in: its creation, in Brussels.
pub fn report_year(f: &Feature) -> i32 {
    use chrono::Datelike;
    f.created_at
        .with_timezone(&crate::model::schedule::LOCAL_TZ)
        .year()
}

/// Opens the store a URL names: `sqlite:…` or `postgres://…`.
pub async fn open(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    use anyhow::Context;
    let named = || format!("cannot open the database {}", redact_url(url));
    if url.starts_with("sqlite:") {
        Ok(Arc::new(SqliteStore::open(url).await.with_context(named)?))
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        Ok(Arc::new(PgStore::open(url).await.with_context(named)?))
    } else {
        anyhow::bail!(
            "unsupported database URL (expected sqlite:… or postgres://…): {}",
            redact_url(url)
        )
    }
}

/// Whether a connection given back may serve again: one still inside a transaction (a
/// request cancelled half-way, a rollback that failed after the database rolled back by
/// itself) is closed instead, so that no later statement runs in a transaction nobody
/// will commit and no write lock stays held.
fn keep_connection(in_transaction: bool) -> bool {
    if in_transaction {
        tracing::warn!("a database connection came back inside a transaction: closed");
    }
    !in_transaction
}

/// A URL with its password replaced, fit for logs.
pub fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let cred = &url[s + 3..at];
            match cred.find(':') {
                Some(c) => format!("{}{}:***{}", &url[..s + 3], &cred[..c], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// Timestamps as GeoPackage wants them (`YYYY-MM-DDTHH:MM:SS.SSSZ`), sortable as text.
pub fn ts(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Columns of a feature row, whatever the backend.
pub(crate) struct FeatureRow {
    pub id: Uuid,
    pub commune: String,
    pub kind: String,
    pub status: String,
    pub title: String,
    pub description: String,
    pub visibility: String,
    pub schedule: Value,
    pub attributes: Value,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub geom: Vec<u8>,
}

impl FeatureRow {
    pub fn into_feature(self, dialect: WkbDialect) -> Result<Feature> {
        let bad = |what: &str| StoreError::Corrupt(format!("feature {}: {what}", self.id));
        let geometry = Geometry::<f64>::from_wkb(&mut self.geom.as_slice(), dialect)
            .map_err(|e| bad(&format!("geometry: {e}")))?;
        Ok(Feature {
            id: self.id,
            kind: Kind::parse(&self.kind).ok_or_else(|| bad("kind"))?,
            visibility: Visibility::parse(&self.visibility).ok_or_else(|| bad("visibility"))?,
            schedule: serde_json::from_value(self.schedule)
                .map_err(|e| bad(&format!("schedule: {e}")))?,
            attributes: match self.attributes {
                Value::Object(m) => m,
                _ => return Err(bad("attributes")),
            },
            geometry,
            commune: self.commune,
            status: self.status,
            title: self.title,
            description: self.description,
            version: self.version,
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}

pub(crate) struct CommuneRow {
    pub nis: String,
    pub name_fr: String,
    pub name_nl: Option<String>,
    pub name_de: Option<String>,
    pub active: bool,
    pub settings: Value,
    pub geom: Vec<u8>,
}

impl CommuneRow {
    pub fn into_commune(self, dialect: WkbDialect) -> Result<Commune> {
        let bad = |what: String| StoreError::Corrupt(format!("commune {}: {what}", self.nis));
        let boundary = match Geometry::<f64>::from_wkb(&mut self.geom.as_slice(), dialect) {
            Ok(Geometry::MultiPolygon(m)) => m,
            Ok(Geometry::Polygon(p)) => p.into(),
            Ok(_) => return Err(bad("boundary is not a polygon".into())),
            Err(e) => return Err(bad(format!("boundary: {e}"))),
        };
        let settings: CommuneSettings =
            serde_json::from_value(self.settings).map_err(|e| bad(format!("settings: {e}")))?;
        Ok(Commune {
            nis: self.nis,
            name_fr: self.name_fr,
            name_nl: self.name_nl,
            name_de: self.name_de,
            active: self.active,
            boundary,
            settings,
        })
    }
}
