//! The embedded store: one SQLite file that is also a valid GeoPackage.
//!
//! Geometries are GeoPackage binary blobs (SRS 4326, with envelope), timestamps are
//! `YYYY-MM-DDTHH:MM:SS.SSSZ` text, JSON columns are text. Write transactions start with
//! `BEGIN IMMEDIATE` so that concurrent writers queue on the busy timeout instead of
//! failing when a read transaction tries to upgrade.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use geo::BoundingRect;
use geo_types::Geometry;
use geozero::CoordDimensions;
use geozero::ToWkb;
use geozero::wkb::WkbDialect;
use serde_json::Value;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Connection, Row, Sqlite, SqliteConnection, Transaction};
use uuid::Uuid;

use super::{
    Change, CommuneRow, ContactRow, FeatureRow, HistoryEntry, Progress, Result, Store, StoreError,
    ts,
};
use crate::model::report::ReportContact;
use crate::model::{Commune, Feature};

/// How often the change log is read for other processes' writes.
const POLL_EVERY: Duration = Duration::from_millis(500);
/// More new rows than this at once: reload the whole index instead.
const POLL_BATCH: i64 = 1000;

pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    pub async fn open(url: &str) -> Result<Self> {
        let opts = SqliteConnectOptions::from_str(url)?
            .busy_timeout(Duration::from_secs(30))
            .foreign_keys(true);
        // processes opening one new file together take turns to create and migrate it:
        // SQLite has no lock for migrations (PostgreSQL's migrator takes an advisory one)
        let _turn = match opts.get_filename() {
            p if p.as_os_str() == ":memory:" => None,
            p => {
                let mut name = p.as_os_str().to_owned();
                name.push(".lock");
                let file = std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(&name)
                    .map_err(sqlx::Error::Io)?;
                let locked = tokio::task::spawn_blocking(move || file.lock().map(|()| file))
                    .await
                    .map_err(std::io::Error::other)
                    .and_then(|r| r)
                    .map_err(sqlx::Error::Io)?;
                Some(locked)
            }
        };
        if !opts.get_filename().exists() {
            // GeoPackage 1.3 header ('GPKG', version 10300). GDAL reads it from the file
            // itself, so it is written before WAL mode keeps page 1 in the log.
            let mut c =
                SqliteConnection::connect_with(&opts.clone().create_if_missing(true)).await?;
            sqlx::query("PRAGMA application_id = 1196444487")
                .execute(&mut c)
                .await?;
            sqlx::query("PRAGMA user_version = 10300")
                .execute(&mut c)
                .await?;
            c.close().await?;
        }
        let opts = opts
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal);
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .after_release(|conn, _| {
                Box::pin(async move {
                    // a rollback queued by a dropped transaction runs before the ping
                    conn.ping().await?;
                    Ok(super::keep_connection(conn.is_in_transaction()))
                })
            })
            .connect_with(opts)
            .await?;
        sqlx::migrate!("migrations/sqlite").run(&pool).await?;
        Ok(SqliteStore { pool })
    }

    /// A transaction for a write, holding the write lock from its first statement: a
    /// deferred one that reads first fails at once with "database is locked" when
    /// another connection writes before it (the busy timeout cannot wait for it).
    async fn write_tx(&self) -> Result<Transaction<'static, Sqlite>> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

/// GeoPackage geometry blob with SRS 4326 and the envelope QGIS uses for quick extents.
fn gpkg(g: &Geometry<f64>) -> Result<Vec<u8>> {
    let envelope = g
        .bounding_rect()
        .map(|r| vec![r.min().x, r.max().x, r.min().y, r.max().y])
        .unwrap_or_default();
    g.to_gpkg_wkb(CoordDimensions::xy(), Some(4326), envelope)
        .map_err(|e| StoreError::Corrupt(format!("cannot encode geometry: {e}")))
}

fn parse_ts(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::Corrupt(format!("timestamp {s:?}: {e}")))
}

fn parse_json(s: &str) -> Result<Value> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("JSON column: {e}")))
}

fn parse_uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("uuid {s:?}: {e}")))
}

const FEATURE_COLUMNS: &str = "id, commune, kind, status, title, description, visibility, schedule, attributes, version, created_at, updated_at, geom";

fn feature_from_row(r: &SqliteRow) -> Result<Feature> {
    FeatureRow {
        id: parse_uuid(r.try_get("id")?)?,
        commune: r.try_get("commune")?,
        kind: r.try_get("kind")?,
        status: r.try_get("status")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        visibility: r.try_get("visibility")?,
        schedule: parse_json(r.try_get("schedule")?)?,
        attributes: parse_json(r.try_get("attributes")?)?,
        version: r.try_get("version")?,
        created_at: parse_ts(r.try_get("created_at")?)?,
        updated_at: parse_ts(r.try_get("updated_at")?)?,
        geom: r.try_get("geom")?,
    }
    .into_feature(WkbDialect::Geopackage)
}

/// Inserts new features and their history rows in `tx`.
async fn insert(
    tx: &mut Transaction<'static, Sqlite>,
    features: &[Feature],
    actor: &str,
    progress: Progress<'_>,
) -> Result<()> {
    for (i, f) in features.iter().enumerate() {
        sqlx::query(&format!("INSERT INTO features ({FEATURE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(f.id.to_string())
            .bind(&f.commune)
            .bind(f.kind.as_str())
            .bind(&f.status)
            .bind(&f.title)
            .bind(&f.description)
            .bind(f.visibility.as_str())
            .bind(serde_json::to_string(&f.schedule).expect("schedule serialises"))
            .bind(Value::Object(f.attributes.clone()).to_string())
            .bind(f.version)
            .bind(ts(&f.created_at))
            .bind(ts(&f.updated_at))
            .bind(gpkg(&f.geometry)?)
            .execute(&mut **tx)
            .await?;
        append_history(
            tx,
            f.id,
            f.version,
            "create",
            actor,
            &f.created_at,
            &f.snapshot(),
        )
        .await?;
        if i % 1000 == 999 {
            progress(i as u64 + 1);
        }
    }
    Ok(())
}

async fn append_history(
    tx: &mut Transaction<'static, Sqlite>,
    id: Uuid,
    version: i64,
    action: &str,
    actor: &str,
    at: &DateTime<Utc>,
    changes: &Value,
) -> Result<()> {
    sqlx::query("INSERT INTO feature_history (feature_id, version, action, actor, at, changes) VALUES (?, ?, ?, ?, ?, ?)")
        .bind(id.to_string())
        .bind(version)
        .bind(action)
        .bind(actor)
        .bind(ts(at))
        .bind(changes.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn current_version(tx: &mut Transaction<'static, Sqlite>, id: Uuid) -> Result<Option<i64>> {
    Ok(
        sqlx::query_scalar("SELECT version FROM features WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&mut **tx)
            .await?,
    )
}

super::accounts::account_store!(SqliteStore);

#[async_trait]
impl Store for SqliteStore {
    fn backend(&self) -> &'static str {
        "sqlite"
    }

    async fn ping(&self) -> Result<()> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("PRAGMA busy_timeout = 2000")
            .execute(&mut *conn)
            .await?;
        let tried = match conn.begin_with("BEGIN IMMEDIATE").await {
            Ok(tx) => tx.rollback().await,
            Err(e) => Err(e),
        };
        sqlx::query("PRAGMA busy_timeout = 30000")
            .execute(&mut *conn)
            .await?;
        Ok(tried?)
    }

    async fn communes(&self) -> Result<Vec<Commune>> {
        let rows = sqlx::query("SELECT nis, name_fr, name_nl, name_de, active, settings, geom FROM communes ORDER BY nis")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                CommuneRow {
                    nis: r.try_get("nis")?,
                    name_fr: r.try_get("name_fr")?,
                    name_nl: r.try_get("name_nl")?,
                    name_de: r.try_get("name_de")?,
                    active: r.try_get("active")?,
                    settings: parse_json(r.try_get("settings")?)?,
                    geom: r.try_get("geom")?,
                }
                .into_commune(WkbDialect::Geopackage)
            })
            .collect()
    }

    async fn put_communes(&self, communes: &[Commune]) -> Result<()> {
        let mut tx = self.write_tx().await?;
        for c in communes {
            sqlx::query(
                "INSERT INTO communes (nis, name_fr, name_nl, name_de, active, settings, geom) VALUES (?, ?, ?, ?, ?, ?, ?)
                 ON CONFLICT (nis) DO UPDATE SET name_fr = excluded.name_fr, name_nl = excluded.name_nl,
                   name_de = excluded.name_de, active = excluded.active, settings = excluded.settings, geom = excluded.geom",
            )
            .bind(&c.nis)
            .bind(&c.name_fr)
            .bind(&c.name_nl)
            .bind(&c.name_de)
            .bind(c.active)
            .bind(serde_json::to_string(&c.settings).expect("settings serialise"))
            .bind(gpkg(&Geometry::MultiPolygon(c.boundary.clone()))?)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn features(&self) -> Result<Vec<Feature>> {
        let rows = sqlx::query(&format!(
            "SELECT {FEATURE_COLUMNS} FROM features ORDER BY id"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(feature_from_row).collect()
    }

    async fn feature(&self, id: Uuid) -> Result<Option<Feature>> {
        let row = sqlx::query(&format!(
            "SELECT {FEATURE_COLUMNS} FROM features WHERE id = ?"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(feature_from_row).transpose()
    }

    async fn create(
        &self,
        features: &[Feature],
        actor: &str,
        progress: Progress<'_>,
    ) -> Result<()> {
        let mut tx = self.write_tx().await?;
        insert(&mut tx, features, actor, progress).await?;
        tx.commit().await?;
        progress(features.len() as u64);
        Ok(())
    }

    async fn create_first(&self, features: &[Feature], actor: &str) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let written: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM feature_history)")
            .fetch_one(&mut *tx)
            .await?;
        if written {
            return Ok(false);
        }
        insert(&mut tx, features, actor, &|_| {}).await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn update(&self, next: &Feature, changes: &Value, actor: &str) -> Result<()> {
        let mut tx = self.write_tx().await?;
        let done = sqlx::query(
            "UPDATE features SET commune = ?, kind = ?, status = ?, title = ?, description = ?, visibility = ?,
               schedule = ?, attributes = ?, version = ?, updated_at = ?, geom = ?
             WHERE id = ? AND version = ?",
        )
        .bind(&next.commune)
        .bind(next.kind.as_str())
        .bind(&next.status)
        .bind(&next.title)
        .bind(&next.description)
        .bind(next.visibility.as_str())
        .bind(serde_json::to_string(&next.schedule).expect("schedule serialises"))
        .bind(Value::Object(next.attributes.clone()).to_string())
        .bind(next.version)
        .bind(ts(&next.updated_at))
        .bind(gpkg(&next.geometry)?)
        .bind(next.id.to_string())
        .bind(next.version - 1)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(match current_version(&mut tx, next.id).await? {
                Some(current) => StoreError::VersionMismatch { current },
                None => StoreError::NotFound,
            });
        }
        append_history(
            &mut tx,
            next.id,
            next.version,
            "update",
            actor,
            &next.updated_at,
            changes,
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn delete(&self, id: Uuid, expected: Option<i64>, actor: &str) -> Result<Feature> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query(&format!(
            "SELECT {FEATURE_COLUMNS} FROM features WHERE id = ?"
        ))
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?;
        let old = row
            .as_ref()
            .map(feature_from_row)
            .transpose()?
            .ok_or(StoreError::NotFound)?;
        if expected.is_some_and(|v| v != old.version) {
            return Err(StoreError::VersionMismatch {
                current: old.version,
            });
        }
        sqlx::query("DELETE FROM features WHERE id = ?")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        append_history(
            &mut tx,
            id,
            old.version + 1,
            "delete",
            actor,
            &crate::clock::now(),
            &old.snapshot(),
        )
        .await?;
        tx.commit().await?;
        Ok(old)
    }

    async fn history(&self, id: Uuid) -> Result<Vec<HistoryEntry>> {
        let rows = sqlx::query(
            "SELECT feature_id, version, action, actor, at, changes FROM feature_history WHERE feature_id = ? ORDER BY version",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HistoryEntry {
                    feature_id: parse_uuid(r.try_get("feature_id")?)?,
                    version: r.try_get("version")?,
                    action: r.try_get("action")?,
                    actor: r.try_get("actor")?,
                    at: parse_ts(r.try_get("at")?)?,
                    changes: parse_json(r.try_get("changes")?)?,
                })
            })
            .collect()
    }

    async fn put_draft(&self, id: &str, data: &Value) -> Result<()> {
        let now = ts(&crate::clock::now());
        sqlx::query(
            "INSERT INTO report_drafts (id, data, created_at, updated_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
             WHERE report_drafts.reference IS NULL",
        )
        .bind(id)
        .bind(data.to_string())
        .bind(&now)
        .bind(&now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn draft(&self, id: &str) -> Result<Option<(Value, Option<String>)>> {
        let row = sqlx::query("SELECT data, reference FROM report_drafts WHERE id = ?")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((parse_json(r.try_get("data")?)?, r.try_get("reference")?)))
            .transpose()
    }

    async fn submit_report(
        &self,
        draft_id: &str,
        feature: &Feature,
        prefix: &str,
        floor: i64,
        contact: Option<&ReportContact>,
        actor: &str,
    ) -> Result<(String, bool)> {
        let mut tx = self.write_tx().await?;
        let sent: Option<Option<String>> =
            sqlx::query_scalar("SELECT reference FROM report_drafts WHERE id = ?")
                .bind(draft_id)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(Some(reference)) = sent {
            return Ok((reference, false));
        }
        let year = super::report_year(feature);
        let n: i64 = sqlx::query_scalar(
            "INSERT INTO report_counters (commune, year, last) VALUES (?1, ?2, ?3 + 1)
             ON CONFLICT(commune, year) DO UPDATE SET last = MAX(last, ?3) + 1 RETURNING last",
        )
        .bind(&feature.commune)
        .bind(year)
        .bind(floor)
        .fetch_one(&mut *tx)
        .await?;
        let reference = crate::model::report::reference(prefix, year, n);
        let mut f = feature.clone();
        f.attributes
            .insert("reference".into(), Value::String(reference.clone()));
        insert(&mut tx, std::slice::from_ref(&f), actor, &|_| {}).await?;
        if let Some(c) = contact {
            sqlx::query(
                "INSERT INTO report_contacts (feature_id, reporter, email, phone, lang, token, created_at)
                 VALUES (?, 1, ?, ?, ?, ?, ?)",
            )
            .bind(f.id.to_string())
            .bind(&c.email)
            .bind(&c.phone)
            .bind(&c.lang)
            .bind(&c.token)
            .bind(ts(&f.created_at))
            .execute(&mut *tx)
            .await?;
        }
        let now = ts(&crate::clock::now());
        sqlx::query(
            "INSERT INTO report_drafts (id, data, created_at, updated_at, reference) VALUES (?, '{}', ?, ?, ?)
             ON CONFLICT(id) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at",
        )
        .bind(draft_id)
        .bind(&now)
        .bind(&now)
        .bind(&reference)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok((reference, true))
    }

    async fn report_contacts(&self, feature_id: Uuid) -> Result<Vec<ReportContact>> {
        let rows: Vec<ContactRow> = sqlx::query_as(
            "SELECT email, phone, lang, token FROM report_contacts
             WHERE feature_id = ? AND subscribed = 1 AND confirmed = 1 ORDER BY reporter DESC, created_at",
        )
        .bind(feature_id.to_string())
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(ReportContact::from).collect())
    }

    async fn follow_report(&self, feature_id: Uuid, follower: &ReportContact) -> Result<bool> {
        let mut tx = self.write_tx().await?;
        let already: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM report_contacts WHERE feature_id = ? AND email = ? AND subscribed = 1 AND confirmed = 1)",
        )
        .bind(feature_id.to_string())
        .bind(&follower.email)
        .fetch_one(&mut *tx)
        .await?;
        if already {
            return Ok(false);
        }
        // asked again before confirming: the new link replaces the old one
        sqlx::query(
            "DELETE FROM report_contacts WHERE feature_id = ? AND email = ? AND confirmed = 0",
        )
        .bind(feature_id.to_string())
        .bind(&follower.email)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO report_contacts (feature_id, reporter, email, phone, lang, token, created_at, confirmed)
             VALUES (?, 0, ?, NULL, ?, ?, ?, 0)",
        )
        .bind(feature_id.to_string())
        .bind(&follower.email)
        .bind(&follower.lang)
        .bind(&follower.token)
        .bind(ts(&crate::clock::now()))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn confirm_follower(&self, token: &str) -> Result<Option<Uuid>> {
        let id: Option<String> = sqlx::query_scalar(
            "UPDATE report_contacts SET confirmed = 1 WHERE token = ? AND subscribed = 1 RETURNING feature_id",
        )
        .bind(token)
        .fetch_optional(&self.pool)
        .await?;
        id.as_deref().map(parse_uuid).transpose()
    }

    async fn is_reporter(&self, feature_id: Uuid, token: &str) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM report_contacts WHERE feature_id = ? AND token = ? AND reporter = 1)",
        )
        .bind(feature_id.to_string())
        .bind(token)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn unsubscribe(&self, token: &str) -> Result<bool> {
        let done = sqlx::query("UPDATE report_contacts SET subscribed = 0 WHERE token = ?")
            .bind(token)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn purge_drafts(&self, before: DateTime<Utc>) -> Result<Vec<Value>> {
        let rows: Vec<String> = sqlx::query_scalar(
            "DELETE FROM report_drafts WHERE reference IS NULL AND updated_at < ? RETURNING data",
        )
        .bind(ts(&before))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|d| parse_json(d)).collect()
    }

    async fn follow_kept(&self, duplicate: Uuid, kept: Uuid) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let moved = sqlx::query(
            "UPDATE report_contacts SET feature_id = ?2, reporter = 0
             WHERE feature_id = ?1 AND subscribed = 1 AND confirmed = 1
               AND (email IS NULL OR email NOT IN
                    (SELECT email FROM report_contacts WHERE feature_id = ?2 AND email IS NOT NULL AND subscribed = 1))",
        )
        .bind(duplicate.to_string())
        .bind(kept.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(moved)
    }

    async fn erase_contacts(&self, feature_ids: &[Uuid]) -> Result<u64> {
        let mut tx = self.write_tx().await?;
        let mut erased = 0;
        for id in feature_ids {
            erased += sqlx::query("DELETE FROM report_contacts WHERE feature_id = ?")
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?
                .rows_affected();
        }
        tx.commit().await?;
        Ok(erased)
    }

    async fn subscribe(&self) -> Result<Option<tokio::sync::mpsc::Receiver<Change>>> {
        // The append-only history is also the change log: poll it for rows written by
        // other processes (a `balise import` against the file of a running server).
        let mut last: i64 = sqlx::query_scalar("SELECT coalesce(max(fid), 0) FROM feature_history")
            .fetch_one(&self.pool)
            .await?;
        let pool = self.pool.clone();
        let (tx, rx) = tokio::sync::mpsc::channel(64);
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(POLL_EVERY);
            while !tx.is_closed() {
                tick.tick().await;
                let rows: Vec<(i64, String, i64, String)> = match sqlx::query_as(
                    "SELECT fid, feature_id, version, action FROM feature_history WHERE fid > ? ORDER BY fid LIMIT ?",
                )
                .bind(last)
                .bind(POLL_BATCH + 1)
                .fetch_all(&pool)
                .await
                {
                    Ok(rows) => rows,
                    Err(e) => {
                        tracing::warn!(error = %e, "cannot read the change log");
                        continue;
                    }
                };
                let Some(&(newest, ..)) = rows.last() else {
                    continue;
                };
                let change = if rows.len() as i64 > POLL_BATCH {
                    match sqlx::query_scalar("SELECT coalesce(max(fid), 0) FROM feature_history")
                        .fetch_one(&pool)
                        .await
                    {
                        Ok(max) => last = max,
                        Err(_) => continue,
                    }
                    Change::Reload
                } else {
                    last = newest;
                    let (deleted, upserted): (Vec<_>, Vec<_>) =
                        rows.into_iter().partition(|r| r.3 == "delete");
                    let ids = |rs: Vec<(i64, String, i64, String)>| -> Vec<(Uuid, i64)> {
                        rs.into_iter()
                            .filter_map(|(_, id, v, _)| Some((Uuid::parse_str(&id).ok()?, v)))
                            .collect()
                    };
                    let (deleted, upserted) = (ids(deleted), ids(upserted));
                    if !upserted.is_empty() && tx.send(Change::Upserted(upserted)).await.is_err() {
                        return;
                    }
                    if deleted.is_empty() {
                        continue;
                    }
                    Change::Deleted(deleted)
                };
                if tx.send(change).await.is_err() {
                    return;
                }
            }
        });
        Ok(Some(rx))
    }
}
