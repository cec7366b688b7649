//! The scale-out store: PostgreSQL with PostGIS, the system of record when balise runs
//! as several instances.
//!
//! Geometries are `geometry(…, 4326)` with a GiST index, so QGIS and any PostGIS tool
//! read the live data. A statement-level trigger announces every change on the channel
//! `balise_<schema>`; `subscribe` turns those notifications into `Change`s so that each
//! instance can keep its own in-memory index current.

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use geo_types::Geometry;
use geozero::CoordDimensions;
use geozero::ToWkb;
use geozero::wkb::WkbDialect;
use serde_json::Value;
use sqlx::postgres::{PgConnectOptions, PgListener, PgPool, PgPoolOptions, PgRow};
use sqlx::{Connection, Postgres, Row, Transaction};
use tokio::sync::mpsc;
use uuid::Uuid;

use super::{
    Change, CommuneRow, ContactRow, FeatureRow, HistoryEntry, Progress, Result, Store, StoreError,
};
use crate::model::report::ReportContact;
use crate::model::{Commune, Feature};

pub struct PgStore {
    pool: PgPool,
}

impl PgStore {
    /// A transaction for a write. (SQLite's takes the write lock up front; PostgreSQL's
    /// rows lock as they are written.)
    async fn write_tx(&self) -> Result<Transaction<'static, Postgres>> {
        Ok(self.pool.begin().await?)
    }

    pub async fn open(url: &str) -> Result<Self> {
        let opts = PgConnectOptions::from_str(url)?;
        let pool = PgPoolOptions::new()
            .max_connections(8)
            .acquire_timeout(Duration::from_secs(10))
            .after_release(|conn, _| {
                Box::pin(async move {
                    conn.ping().await?;
                    Ok(super::keep_connection(conn.is_in_transaction()))
                })
            })
            .connect_with(opts)
            .await?;
        sqlx::migrate!("migrations/postgres").run(&pool).await?;
        Ok(PgStore { pool })
    }
}

fn ewkb(g: &Geometry<f64>) -> Result<Vec<u8>> {
    g.to_ewkb(CoordDimensions::xy(), Some(4326))
        .map_err(|e| StoreError::Corrupt(format!("cannot encode geometry: {e}")))
}

const FEATURE_COLUMNS: &str = "id, commune, kind, status, title, description, visibility, schedule, attributes, version, \
     created_at, updated_at, ST_AsBinary(geom) AS geom";

fn feature_from_row(r: &PgRow) -> Result<Feature> {
    FeatureRow {
        id: r.try_get("id")?,
        commune: r.try_get("commune")?,
        kind: r.try_get("kind")?,
        status: r.try_get("status")?,
        title: r.try_get("title")?,
        description: r.try_get("description")?,
        visibility: r.try_get("visibility")?,
        schedule: r.try_get("schedule")?,
        attributes: r.try_get("attributes")?,
        version: r.try_get("version")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        geom: r.try_get("geom")?,
    }
    .into_feature(WkbDialect::Wkb)
}

/// Rows sent in one statement by `insert`.
const BATCH: usize = 1_000;

/// Inserts new features and their history rows in `tx`, a thousand rows a statement
/// (arrays unnested server-side): a bulk load of a million features is a thousand round
/// trips, not two million.
async fn insert(
    tx: &mut Transaction<'static, Postgres>,
    features: &[Feature],
    actor: &str,
    progress: Progress<'_>,
) -> Result<()> {
    let mut done = 0;
    for batch in features.chunks(BATCH) {
        let column = |f: fn(&Feature) -> String| batch.iter().map(f).collect::<Vec<String>>();
        let ids: Vec<Uuid> = batch.iter().map(|f| f.id).collect();
        let versions: Vec<i64> = batch.iter().map(|f| f.version).collect();
        let created: Vec<DateTime<Utc>> = batch.iter().map(|f| f.created_at).collect();
        let updated: Vec<DateTime<Utc>> = batch.iter().map(|f| f.updated_at).collect();
        let schedules: Vec<Value> = batch
            .iter()
            .map(|f| serde_json::to_value(&f.schedule).expect("schedule serialises"))
            .collect();
        let attributes: Vec<Value> = batch
            .iter()
            .map(|f| Value::Object(f.attributes.clone()))
            .collect();
        let geoms = batch
            .iter()
            .map(|f| ewkb(&f.geometry))
            .collect::<Result<Vec<Vec<u8>>>>()?;
        sqlx::query(
            "INSERT INTO features (id, commune, kind, status, title, description, visibility, schedule, attributes,
               version, created_at, updated_at, geom)
             SELECT id, commune, kind, status, title, description, visibility, schedule, attributes,
               version, created_at, updated_at, ST_GeomFromEWKB(geom)
             FROM UNNEST($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
               $8::jsonb[], $9::jsonb[], $10::int8[], $11::timestamptz[], $12::timestamptz[], $13::bytea[])
               AS t(id, commune, kind, status, title, description, visibility, schedule, attributes,
                    version, created_at, updated_at, geom)",
        )
        .bind(&ids)
        .bind(column(|f| f.commune.clone()))
        .bind(column(|f| f.kind.as_str().to_string()))
        .bind(column(|f| f.status.clone()))
        .bind(column(|f| f.title.clone()))
        .bind(column(|f| f.description.clone()))
        .bind(column(|f| f.visibility.as_str().to_string()))
        .bind(&schedules)
        .bind(&attributes)
        .bind(&versions)
        .bind(&created)
        .bind(&updated)
        .bind(&geoms)
        .execute(&mut **tx)
        .await?;
        let snapshots: Vec<Value> = batch.iter().map(|f| f.snapshot()).collect();
        sqlx::query(
            "INSERT INTO feature_history (feature_id, version, action, actor, at, changes)
             SELECT id, version, 'create', $2, at, changes
             FROM UNNEST($1::uuid[], $3::int8[], $4::timestamptz[], $5::jsonb[]) AS t(id, version, at, changes)",
        )
        .bind(&ids)
        .bind(actor)
        .bind(&versions)
        .bind(&created)
        .bind(&snapshots)
        .execute(&mut **tx)
        .await?;
        done += batch.len();
        progress(done as u64);
    }
    Ok(())
}

async fn append_history(
    tx: &mut Transaction<'static, Postgres>,
    id: Uuid,
    version: i64,
    action: &str,
    actor: &str,
    at: &DateTime<Utc>,
    changes: &Value,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO feature_history (feature_id, version, action, actor, at, changes) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(version)
    .bind(action)
    .bind(actor)
    .bind(at)
    .bind(changes)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Parses one notification of the change feed.
fn parse_change(payload: &str) -> Option<Change> {
    let v: Value = serde_json::from_str(payload).ok()?;
    let items = || -> Option<Vec<(Uuid, i64)>> {
        v.get("items")?
            .as_array()?
            .iter()
            .map(|it| {
                Some((
                    Uuid::parse_str(it.get(0)?.as_str()?).ok()?,
                    it.get(1)?.as_i64()?,
                ))
            })
            .collect()
    };
    match v.get("op")?.as_str()? {
        "INSERT" | "UPDATE" => Some(Change::Upserted(items()?)),
        "DELETE" => Some(Change::Deleted(items()?)),
        _ => Some(Change::Reload),
    }
}

super::accounts::account_store!(PgStore);

#[async_trait]
impl Store for PgStore {
    fn backend(&self) -> &'static str {
        "postgres"
    }

    async fn ping(&self) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("SET LOCAL lock_timeout = '2s'")
            .execute(&mut *tx)
            .await?;
        // a transaction id is given only where writes are possible (not on a standby,
        // not in a read-only database)
        sqlx::query("SELECT pg_current_xact_id()::text")
            .execute(&mut *tx)
            .await?;
        tx.rollback().await?;
        Ok(())
    }

    async fn communes(&self) -> Result<Vec<Commune>> {
        let rows = sqlx::query(
            "SELECT nis, name_fr, name_nl, name_de, active, settings, ST_AsBinary(geom) AS geom FROM communes ORDER BY nis",
        )
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
                    settings: r.try_get("settings")?,
                    geom: r.try_get("geom")?,
                }
                .into_commune(WkbDialect::Wkb)
            })
            .collect()
    }

    async fn put_communes(&self, communes: &[Commune]) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        for c in communes {
            sqlx::query(
                "INSERT INTO communes (nis, name_fr, name_nl, name_de, active, settings, geom)
                 VALUES ($1, $2, $3, $4, $5, $6, ST_GeomFromEWKB($7))
                 ON CONFLICT (nis) DO UPDATE SET name_fr = excluded.name_fr, name_nl = excluded.name_nl,
                   name_de = excluded.name_de, active = excluded.active, settings = excluded.settings, geom = excluded.geom",
            )
            .bind(&c.nis)
            .bind(&c.name_fr)
            .bind(&c.name_nl)
            .bind(&c.name_de)
            .bind(c.active)
            .bind(serde_json::to_value(&c.settings).expect("settings serialise"))
            .bind(ewkb(&Geometry::MultiPolygon(c.boundary.clone()))?)
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
            "SELECT {FEATURE_COLUMNS} FROM features WHERE id = $1"
        ))
        .bind(id)
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
        let mut tx = self.pool.begin().await?;
        insert(&mut tx, features, actor, progress).await?;
        tx.commit().await?;
        progress(features.len() as u64);
        Ok(())
    }

    async fn create_first(&self, features: &[Feature], actor: &str) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        // instances starting together on an empty database take turns here
        sqlx::query(
            "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.balise_first_load'))",
        )
        .execute(&mut *tx)
        .await?;
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
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE features SET commune = $1, kind = $2, status = $3, title = $4, description = $5, visibility = $6,
               schedule = $7, attributes = $8, version = $9, updated_at = $10, geom = ST_GeomFromEWKB($11)
             WHERE id = $12 AND version = $13",
        )
        .bind(&next.commune)
        .bind(next.kind.as_str())
        .bind(&next.status)
        .bind(&next.title)
        .bind(&next.description)
        .bind(next.visibility.as_str())
        .bind(serde_json::to_value(&next.schedule).expect("schedule serialises"))
        .bind(Value::Object(next.attributes.clone()))
        .bind(next.version)
        .bind(next.updated_at)
        .bind(ewkb(&next.geometry)?)
        .bind(next.id)
        .bind(next.version - 1)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            let current: Option<i64> =
                sqlx::query_scalar("SELECT version FROM features WHERE id = $1")
                    .bind(next.id)
                    .fetch_optional(&mut *tx)
                    .await?;
            return Err(match current {
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
        let mut tx = self.pool.begin().await?;
        let row = sqlx::query(&format!(
            "SELECT {FEATURE_COLUMNS} FROM features WHERE id = $1 FOR UPDATE"
        ))
        .bind(id)
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
        sqlx::query("DELETE FROM features WHERE id = $1")
            .bind(id)
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
            "SELECT feature_id, version, action, actor, at, changes FROM feature_history WHERE feature_id = $1 ORDER BY version",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(HistoryEntry {
                    feature_id: r.try_get("feature_id")?,
                    version: r.try_get("version")?,
                    action: r.try_get("action")?,
                    actor: r.try_get("actor")?,
                    at: r.try_get("at")?,
                    changes: r.try_get("changes")?,
                })
            })
            .collect()
    }

    async fn put_draft(&self, id: &str, data: &Value) -> Result<()> {
        let now = crate::clock::now();
        sqlx::query(
            "INSERT INTO report_drafts (id, data, created_at, updated_at) VALUES ($1, $2, $3, $3)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at
             WHERE report_drafts.reference IS NULL",
        )
        .bind(id)
        .bind(data)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn draft(&self, id: &str) -> Result<Option<(Value, Option<String>)>> {
        let row = sqlx::query("SELECT data, reference FROM report_drafts WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| Ok((r.try_get("data")?, r.try_get("reference")?)))
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
        let mut tx = self.pool.begin().await?;
        // two sends of one draft take turns on its row
        sqlx::query(
            "INSERT INTO report_drafts (id, data, created_at, updated_at) VALUES ($1, '{}', $2, $2)
             ON CONFLICT (id) DO NOTHING",
        )
        .bind(draft_id)
        .bind(crate::clock::now())
        .execute(&mut *tx)
        .await?;
        let sent: Option<String> =
            sqlx::query_scalar("SELECT reference FROM report_drafts WHERE id = $1 FOR UPDATE")
                .bind(draft_id)
                .fetch_one(&mut *tx)
                .await?;
        if let Some(reference) = sent {
            return Ok((reference, false));
        }
        let year = super::report_year(feature);
        let n: i32 = sqlx::query_scalar(
            "INSERT INTO report_counters (commune, year, last) VALUES ($1, $2, $3 + 1)
             ON CONFLICT (commune, year) DO UPDATE SET last = GREATEST(report_counters.last, $3) + 1
             RETURNING last",
        )
        .bind(&feature.commune)
        .bind(year)
        .bind(floor as i32)
        .fetch_one(&mut *tx)
        .await?;
        let reference = crate::model::report::reference(prefix, year, n as i64);
        let mut f = feature.clone();
        f.attributes
            .insert("reference".into(), Value::String(reference.clone()));
        insert(&mut tx, std::slice::from_ref(&f), actor, &|_| {}).await?;
        if let Some(c) = contact {
            sqlx::query(
                "INSERT INTO report_contacts (feature_id, reporter, email, phone, lang, token, created_at)
                 VALUES ($1, TRUE, $2, $3, $4, $5, $6)",
            )
            .bind(f.id)
            .bind(&c.email)
            .bind(&c.phone)
            .bind(&c.lang)
            .bind(&c.token)
            .bind(f.created_at)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE report_drafts SET reference = $2, updated_at = $3 WHERE id = $1")
            .bind(draft_id)
            .bind(&reference)
            .bind(crate::clock::now())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok((reference, true))
    }

    async fn report_contacts(&self, feature_id: Uuid) -> Result<Vec<ReportContact>> {
        let rows: Vec<ContactRow> = sqlx::query_as(
            "SELECT email, phone, lang, token FROM report_contacts
             WHERE feature_id = $1 AND subscribed AND confirmed ORDER BY reporter DESC, created_at",
        )
        .bind(feature_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(ReportContact::from).collect())
    }

    async fn follow_report(&self, feature_id: Uuid, follower: &ReportContact) -> Result<bool> {
        let mut tx = self.pool.begin().await?;
        // one follower at a time per report: no address is added twice
        sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1::text))")
            .bind(feature_id)
            .execute(&mut *tx)
            .await?;
        let already: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM report_contacts WHERE feature_id = $1 AND email = $2 AND subscribed AND confirmed)",
        )
        .bind(feature_id)
        .bind(&follower.email)
        .fetch_one(&mut *tx)
        .await?;
        if already {
            return Ok(false);
        }
        // asked again before confirming: the new link replaces the old one
        sqlx::query(
            "DELETE FROM report_contacts WHERE feature_id = $1 AND email = $2 AND NOT confirmed",
        )
        .bind(feature_id)
        .bind(&follower.email)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO report_contacts (feature_id, reporter, email, phone, lang, token, created_at, confirmed)
             VALUES ($1, FALSE, $2, NULL, $3, $4, $5, FALSE)",
        )
        .bind(feature_id)
        .bind(&follower.email)
        .bind(&follower.lang)
        .bind(&follower.token)
        .bind(crate::clock::now())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn confirm_follower(&self, token: &str) -> Result<Option<Uuid>> {
        Ok(sqlx::query_scalar(
            "UPDATE report_contacts SET confirmed = TRUE WHERE token = $1 AND subscribed RETURNING feature_id",
        )
        .bind(token)
        .fetch_optional(&self.pool)
        .await?)
    }

    async fn is_reporter(&self, feature_id: Uuid, token: &str) -> Result<bool> {
        Ok(sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM report_contacts WHERE feature_id = $1 AND token = $2 AND reporter)",
        )
        .bind(feature_id)
        .bind(token)
        .fetch_one(&self.pool)
        .await?)
    }

    async fn unsubscribe(&self, token: &str) -> Result<bool> {
        let done = sqlx::query("UPDATE report_contacts SET subscribed = FALSE WHERE token = $1")
            .bind(token)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() > 0)
    }

    async fn purge_drafts(&self, before: DateTime<Utc>) -> Result<Vec<Value>> {
        Ok(sqlx::query_scalar(
            "DELETE FROM report_drafts WHERE reference IS NULL AND updated_at < $1 RETURNING data",
        )
        .bind(before)
        .fetch_all(&self.pool)
        .await?)
    }

    async fn follow_kept(&self, duplicate: Uuid, kept: Uuid) -> Result<u64> {
        let moved = sqlx::query(
            "UPDATE report_contacts SET feature_id = $2, reporter = FALSE
             WHERE feature_id = $1 AND subscribed AND confirmed
               AND (email IS NULL OR email NOT IN
                    (SELECT email FROM report_contacts WHERE feature_id = $2 AND email IS NOT NULL AND subscribed))",
        )
        .bind(duplicate)
        .bind(kept)
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(moved)
    }

    async fn erase_contacts(&self, feature_ids: &[Uuid]) -> Result<u64> {
        let done = sqlx::query("DELETE FROM report_contacts WHERE feature_id = ANY($1)")
            .bind(feature_ids)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn subscribe(&self) -> Result<Option<mpsc::Receiver<Change>>> {
        let schema: String = sqlx::query_scalar("SELECT current_schema()")
            .fetch_one(&self.pool)
            .await?;
        let mut listener = PgListener::connect_with(&self.pool).await?;
        listener.listen(&format!("balise_{schema}")).await?;
        let (tx, rx) = mpsc::channel(1024);
        tokio::spawn(async move {
            loop {
                let change = match listener.try_recv().await {
                    Ok(Some(n)) => match parse_change(n.payload()) {
                        Some(c) => c,
                        None => {
                            tracing::warn!(
                                payload = n.payload(),
                                "unreadable change notification; reloading"
                            );
                            Change::Reload
                        }
                    },
                    // the connection dropped: notifications may have been lost meanwhile
                    Ok(None) => Change::Reload,
                    Err(e) => {
                        tracing::warn!(error = %e, "change feed interrupted; retrying");
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        continue;
                    }
                };
                if tx.send(change).await.is_err() {
                    return; // the application is gone
                }
            }
        });
        Ok(Some(rx))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_change_notifications() {
        let id = Uuid::now_v7();
        let p = format!(r#"{{"op":"UPDATE","items":[["{id}",3]]}}"#);
        assert_eq!(parse_change(&p), Some(Change::Upserted(vec![(id, 3)])));
        assert_eq!(parse_change(r#"{"op":"RELOAD"}"#), Some(Change::Reload));
        assert_eq!(parse_change("nonsense"), None);
    }
}
