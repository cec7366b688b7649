//! Accounts, sessions, API tokens, password resets, conflict assessments, services and
//! routing rules: small rows with plain types (text ids, Unix-second instants), so one
//! SQL text serves both backends. `account_store!` writes the same implementation for each store type; only
//! the pool differs.

use async_trait::async_trait;
use uuid::Uuid;

use super::{Result, StoreError};
use crate::model::account::{ApiToken, Grant, Role, User};
use crate::model::audit::Audit;
use crate::model::conflict::{Recorded, Verdict};
use crate::model::task::{Comment, EmailWhen, Notice, Project, Task, Template};
use crate::model::triage::{Rule, Service};

#[async_trait]
pub trait AccountStore {
    /// Creates the account of `email` when it does not exist (with `password_hash`, which
    /// may be `None`: the person then sets it through a reset link), and adds `grants`
    /// to it. Returns the account and whether it was created.
    async fn put_user(
        &self,
        email: &str,
        name: &str,
        grants: &[Grant],
        password_hash: Option<&str>,
        now: i64,
        actor: &str,
    ) -> Result<(User, bool)>;
    async fn users(&self) -> Result<Vec<User>>;
    async fn user(&self, id: Uuid) -> Result<Option<User>>;
    /// The account of this (lower-cased) address, with its password hash.
    async fn user_by_email(&self, email: &str) -> Result<Option<(User, Option<String>)>>;
    /// Removes one role of a person.
    async fn remove_grant(
        &self,
        user_id: Uuid,
        grant: &Grant,
        actor: &str,
        now: i64,
    ) -> Result<bool>;
    /// Sets a password, lifts any lock, and ends every session of the account.
    /// Sets a password: every session of the person ends, and every reset link not yet
    /// used dies.
    async fn set_password(&self, user_id: Uuid, hash: &str) -> Result<()>;
    /// Opens a session (its secret's hash) and forgets earlier wrong passwords.
    async fn create_session(&self, hash: &str, user_id: Uuid, now: i64, expires: i64)
    -> Result<()>;
    /// The person of a live session.
    async fn session_user(&self, hash: &str, now: i64) -> Result<Option<User>>;
    async fn end_session(&self, hash: &str) -> Result<()>;
    /// Ends every session of a person ("sign out everywhere"); returns how many.
    async fn end_sessions(&self, user_id: Uuid) -> Result<u64>;
    /// Keeps a reset link until `expires`, and forgets links expired before `now`.
    async fn create_reset(&self, hash: &str, user_id: Uuid, now: i64, expires: i64) -> Result<()>;
    /// Uses a reset link once: the account it was for, if it is live and unused.
    async fn use_reset(&self, hash: &str, now: i64) -> Result<Option<Uuid>>;
    async fn create_token(&self, token: &ApiToken, hash: &str) -> Result<()>;
    /// A live token by its secret's hash: not revoked, not expired at `now`, and its
    /// maker (when a person) still an admin of its commune.
    async fn token_by_hash(&self, hash: &str, now: i64) -> Result<Option<ApiToken>>;
    async fn tokens(&self) -> Result<Vec<ApiToken>>;
    async fn revoke_token(&self, id: Uuid, now: i64, actor: &str) -> Result<bool>;
    /// Appends a commune's assessment of a conflict.
    async fn assess(&self, r: &Recorded) -> Result<()>;
    /// Every assessment of conflicts involving these features, oldest first.
    async fn assessments(&self, features: &[Uuid]) -> Result<Vec<Recorded>>;
    /// Every assessment ever recorded, oldest first (a commune's conflicts page: people
    /// write them one by one, so there are far fewer than features).
    async fn all_assessments(&self) -> Result<Vec<Recorded>>;
    /// The services of a commune (of all communes with `None`), with their members.
    async fn services(&self, commune: Option<&str>) -> Result<Vec<Service>>;
    /// Creates a service, or answers the one of that name in that commune.
    async fn put_service(
        &self,
        commune: &str,
        name: &str,
        now: i64,
        actor: &str,
    ) -> Result<Service>;
    /// Renames a service that is still at `s.version - 1`.
    async fn rename_service(&self, s: &Service, actor: &str, now: i64) -> Result<()>;
    /// Deletes a service and its list of people; whether it existed.
    async fn delete_service(&self, id: Uuid, actor: &str, now: i64) -> Result<bool>;
    /// Puts a person in a service, or takes them out.
    async fn set_member(
        &self,
        service: Uuid,
        user: Uuid,
        member: bool,
        actor: &str,
        now: i64,
    ) -> Result<()>;
    /// The routing rules of a commune, in order.
    async fn rules(&self, commune: &str) -> Result<Vec<Rule>>;
    /// Adds a rule after the commune's last one.
    async fn add_rule(&self, rule: &Rule, now: i64, actor: &str) -> Result<()>;
    async fn delete_rule(&self, id: Uuid, actor: &str, now: i64) -> Result<bool>;
    /// Swaps the positions of two rules (moving `a` up or down the order, past `b`).
    async fn swap_rules(&self, a: &Rule, b: &Rule, actor: &str, now: i64) -> Result<()>;
    /// Writes a new task and the first row of its history.
    async fn create_task(&self, task: &Task, actor: &str) -> Result<()>;
    /// Replaces a task whose stored version is `next.version - 1`, with a history row.
    async fn update_task(
        &self,
        next: &Task,
        changes: &serde_json::Value,
        actor: &str,
    ) -> Result<()>;
    async fn task(&self, id: Uuid) -> Result<Option<Task>>;
    /// The tasks of a commune, or those attached to a feature.
    async fn tasks(&self, commune: Option<&str>, feature: Option<Uuid>) -> Result<Vec<Task>>;
    /// A task's history, oldest first: version, who, when (Unix seconds), what changed.
    async fn task_history(&self, id: Uuid) -> Result<Vec<(i64, String, i64, serde_json::Value)>>;
    async fn add_comment(&self, c: &Comment) -> Result<()>;
    /// A commune's task templates (all communes' with `None`), by name.
    async fn templates(&self, commune: Option<&str>) -> Result<Vec<Template>>;
    async fn add_template(&self, t: &Template, now: i64, actor: &str) -> Result<()>;
    /// Replaces a template that is still at `t.version - 1`, with the audit line of what
    /// changed (`changes`).
    async fn update_template(
        &self,
        t: &Template,
        changes: &serde_json::Value,
        actor: &str,
        now: i64,
    ) -> Result<()>;
    /// Deletes a template (the tasks it made stay); whether it existed.
    async fn delete_template(&self, id: Uuid, actor: &str, now: i64) -> Result<bool>;
    /// Moves a recurring template's next day from `from` to `to`, if it still is `from`:
    /// whoever moves it makes that occurrence's task (one instance of several does).
    async fn claim_next_on(
        &self,
        id: Uuid,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    ) -> Result<bool>;
    /// A commune's projects (all communes' with `None`), by name.
    async fn projects(&self, commune: Option<&str>) -> Result<Vec<Project>>;
    /// Creates a project, or answers the one of that name in that commune.
    async fn put_project(&self, p: &Project, created_by: &str, now: i64) -> Result<Project>;
    /// Renames or redescribes a project that is still at `p.version - 1`.
    async fn update_project(&self, p: &Project, actor: &str, now: i64) -> Result<()>;
    /// Deletes a project; whether it existed.
    async fn delete_project(&self, id: Uuid, actor: &str, now: i64) -> Result<bool>;
    /// A commune's audit, newest first, of one object (or all), of one kind (or all), at
    /// most `limit` lines.
    async fn audit_log(
        &self,
        commune: &str,
        object: Option<Uuid>,
        kind: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Audit>>;
    /// A task's comments, oldest first.
    async fn comments(&self, task: Uuid) -> Result<Vec<Comment>>;
    /// Records a notice unless one with the same `dedup` exists; whether it was new.
    async fn notice(&self, n: &Notice, dedup: &str) -> Result<bool>;
    /// A person's latest notices, newest first.
    async fn notices(&self, user: Uuid, limit: i64) -> Result<Vec<Notice>>;
    async fn mark_read(&self, user: Uuid, now: i64) -> Result<u64>;
    /// Notices not yet sent by e-mail, of everyone, oldest first.
    async fn unmailed(&self) -> Result<Vec<Notice>>;
    async fn mark_mailed(&self, ids: &[Uuid], now: i64) -> Result<()>;
    /// How a person wants e-mail (`now` unless they chose).
    async fn email_when(&self, user: Uuid) -> Result<EmailWhen>;
    /// The language of a person's notice e-mails (`fr` unless they chose).
    async fn mail_lang(&self, user: Uuid) -> Result<String>;
    async fn set_email_when(&self, user: Uuid, when: EmailWhen, lang: &str) -> Result<()>;
}

pub(super) type TemplateRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<i64>,
    Option<String>,
    Option<String>,
    i64,
);

pub(super) fn template_of(r: TemplateRow) -> Result<Template> {
    let (
        id,
        commune,
        name,
        title,
        description,
        checklist,
        service,
        lead_days,
        recurrence,
        next_on,
        version,
    ) = r;
    Ok(Template {
        version,
        id: uuid(&id)?,
        commune,
        name,
        title,
        description,
        checklist: serde_json::from_str(&checklist)
            .map_err(|e| StoreError::Corrupt(format!("template checklist: {e}")))?,
        service: service.map(|s| uuid(&s)).transpose()?,
        lead_days,
        recurrence: recurrence
            .as_deref()
            .and_then(crate::model::task::Recurrence::parse),
        next_on: next_on.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
    })
}

type NoticeRow = (
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    Option<i64>,
);

pub(super) fn notice_of(r: NoticeRow) -> Result<Notice> {
    let (id, user, kind, task, text, at, read_at) = r;
    Ok(Notice {
        id: uuid(&id)?,
        user: uuid(&user)?,
        kind,
        task: task.map(|t| uuid(&t)).transpose()?,
        text,
        at,
        read_at,
    })
}

/// A row of `tasks`, as both backends read it.
#[derive(sqlx::FromRow)]
pub(super) struct TaskRow {
    id: String,
    commune: String,
    title: String,
    description: String,
    status: String,
    feature_id: Option<String>,
    service_id: Option<String>,
    assignee: Option<String>,
    due: Option<String>,
    priority: i64,
    version: i64,
    created_at: i64,
    updated_at: i64,
    project_id: Option<String>,
    checklist: String,
    minutes_spent: i64,
    photos: String,
    documents: String,
}

pub(super) const TASK_COLUMNS: &str = "id, commune, title, description, status, feature_id, service_id, assignee, due, priority, version, created_at, updated_at, project_id, checklist, minutes_spent, photos, documents";

pub(super) fn task_of(r: TaskRow) -> Result<Task> {
    let opt = |s: Option<String>| s.map(|s| uuid(&s)).transpose();
    fn json<T: serde::de::DeserializeOwned>(what: &str, s: &str) -> Result<T> {
        serde_json::from_str(s).map_err(|e| StoreError::Corrupt(format!("task {what}: {e}")))
    }
    Ok(Task {
        id: uuid(&r.id)?,
        commune: r.commune,
        title: r.title,
        description: r.description,
        status: r.status,
        feature: opt(r.feature_id)?,
        service: opt(r.service_id)?,
        assignee: opt(r.assignee)?,
        due: r
            .due
            .map(|d| {
                chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                    .map_err(|e| StoreError::Corrupt(format!("task due date {d:?}: {e}")))
            })
            .transpose()?,
        priority: r.priority,
        project: opt(r.project_id)?,
        checklist: json("checklist", &r.checklist)?,
        minutes_spent: r.minutes_spent,
        photos: json("photos", &r.photos)?,
        documents: json("documents", &r.documents)?,
        version: r.version,
        created_at: r.created_at,
        updated_at: r.updated_at,
    })
}

/// The optional columns of a task as bound: feature, service, assignee, due, project,
/// checklist.
type TaskValues = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
);

pub(super) fn task_values(t: &Task) -> TaskValues {
    (
        t.feature.map(|u| u.to_string()),
        t.service.map(|u| u.to_string()),
        t.assignee.map(|u| u.to_string()),
        t.due.map(|d| d.format("%Y-%m-%d").to_string()),
        t.project.map(|u| u.to_string()),
        serde_json::to_string(&t.checklist).expect("a checklist serialises"),
    )
}

type UserRow = (String, String, String, Option<String>, Option<i64>);
pub(crate) type TokenRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    Option<i64>,
    Option<String>,
);
type AssessmentRow = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    String,
    i64,
);

pub(super) fn uuid(s: &str) -> Result<Uuid> {
    Uuid::parse_str(s).map_err(|e| StoreError::Corrupt(format!("id {s:?}: {e}")))
}

fn role(s: &str) -> Result<Role> {
    Role::parse(s).ok_or_else(|| StoreError::Corrupt(format!("unknown role {s:?}")))
}

pub(super) fn user_of(r: UserRow, grants: Vec<(String, String)>) -> Result<User> {
    let (id, email, name, hash, locked_until) = r;
    let mut grants = grants
        .into_iter()
        .map(|(commune, r)| {
            Ok(Grant {
                commune,
                role: role(&r)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    grants.sort();
    Ok(User {
        id: uuid(&id)?,
        email,
        name,
        grants,
        has_password: hash.is_some(),
        locked_until,
    })
}

pub(super) fn token_of(r: TokenRow) -> Result<ApiToken> {
    let (id, name, commune, r, created_by, created_at, revoked_at, expires_at, owner) = r;
    Ok(ApiToken {
        id: uuid(&id)?,
        name,
        grant: Grant {
            commune,
            role: role(&r)?,
        },
        created_by,
        created_at,
        revoked_at,
        expires_at: expires_at.unwrap_or(created_at + 365 * 86_400),
        owner: owner.as_deref().map(uuid).transpose()?,
    })
}

pub(super) fn recorded_of(r: AssessmentRow) -> Result<Recorded> {
    let (a, b, commune, state, note, va, vb, actor, at) = r;
    Ok(Recorded {
        features: (uuid(&a)?, uuid(&b)?),
        commune,
        verdict: Verdict::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown verdict {state:?}")))?,
        note,
        versions: (va, vb),
        actor,
        at,
    })
}

pub(super) fn rule_of(
    r: (String, String, i64, Option<String>, Option<String>, String),
) -> Result<Rule> {
    let (id, commune, position, category, area, service) = r;
    let area = area
        .map(|a| {
            let v: serde_json::Value = serde_json::from_str(&a)
                .map_err(|e| StoreError::Corrupt(format!("rule area: {e}")))?;
            crate::wire::geometry_from_json(&v, "/area")
                .map_err(|e| StoreError::Corrupt(format!("rule area: {e}")))
        })
        .transpose()?;
    Ok(Rule {
        id: uuid(&id)?,
        commune,
        position,
        category,
        area,
        service: uuid(&service)?,
    })
}

/// A versioned change of text columns of a row of a commune's settings, and how the
/// audit names it.
pub(super) struct Versioned<'a> {
    pub table: &'static str,
    pub kind: &'static str,
    pub action: &'static str,
    pub id: Uuid,
    pub commune: &'a str,
    /// the version the row moves to
    pub version: i64,
    /// `(column, new text)`
    pub fields: &'a [(&'static str, &'a str)],
}

/// What the audit says of a rule: its category, service and area.
pub(super) fn rule_details(r: &Rule) -> serde_json::Value {
    serde_json::json!({
        "category": r.category,
        "service": r.service,
        "area": r.area.as_ref().map(|g| geojson::Geometry::from(g).to_string()),
    })
}

pub(super) type AuditRow = (String, String, String, String, i64, String, String, String);

pub(super) fn audit_of(r: AuditRow) -> Result<Audit> {
    let (id, commune, kind, object, at, actor, action, details) = r;
    let word =
        |w: &str| Audit::known(w).ok_or_else(|| StoreError::Corrupt(format!("audit word {w:?}")));
    Ok(Audit {
        id: uuid(&id)?,
        commune,
        kind: word(&kind)?,
        object: uuid(&object)?,
        at,
        actor,
        action: word(&action)?,
        details: serde_json::from_str(&details)
            .map_err(|e| StoreError::Corrupt(format!("audit details: {e}")))?,
    })
}

/// Appends one line to the audit, within the transaction `$tx` of the change it records.
macro_rules! audit_line {
    ($tx:expr, $audit:expr) => {{
        let a: &$crate::model::audit::Audit = $audit;
        sqlx::query(
            "INSERT INTO audit_log (id, commune, kind, object_id, at, actor, action, details)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(a.id.to_string())
        .bind(&a.commune)
        .bind(a.kind)
        .bind(a.object.to_string())
        .bind(a.at)
        .bind(&a.actor)
        .bind(a.action)
        .bind(a.details.to_string())
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use audit_line;

pub(super) const USER_COLUMNS: &str = "id, email, name, password_hash, locked_until";
pub(super) const TOKEN_COLUMNS: &str =
    "id, name, commune, role, created_by, created_at, revoked_at, expires_at, owner";

/// The same implementation of `AccountStore` for a store type with a `pool` field.
macro_rules! account_store {
    ($store:ty) => {
        #[async_trait::async_trait]
        impl $crate::store::accounts::AccountStore for $store {
            async fn put_user(
                &self,
                email: &str,
                name: &str,
                grants: &[$crate::model::account::Grant],
                password_hash: Option<&str>,
                now: i64,
                actor: &str,
            ) -> $crate::store::Result<($crate::model::account::User, bool)> {
                let mut tx = self.write_tx().await?;
                let created = sqlx::query(
                    "INSERT INTO users (id, email, name, password_hash, created_at)
                     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING",
                )
                .bind(uuid::Uuid::now_v7().to_string())
                .bind(email)
                .bind(name)
                .bind(password_hash)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                    == 1;
                let (id,): (String,) = sqlx::query_as("SELECT id FROM users WHERE email = $1")
                    .bind(email)
                    .fetch_one(&mut *tx)
                    .await?;
                for g in grants {
                    let given = sqlx::query(
                        "INSERT INTO user_roles (user_id, commune, role) VALUES ($1, $2, $3)
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(&id)
                    .bind(&g.commune)
                    .bind(g.role.as_str())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                    if given == 1 {
                        let a = $crate::model::audit::Audit::new(
                            &g.commune,
                            "compte",
                            $crate::store::accounts::uuid(&id)?,
                            actor,
                            "role_donne",
                            serde_json::json!({ "email": email, "role": g.role.as_str() }),
                            now,
                        );
                        $crate::store::accounts::audit_line!(tx, &a);
                    }
                }
                tx.commit().await?;
                let user = self
                    .user($crate::store::accounts::uuid(&id)?)
                    .await?
                    .ok_or($crate::store::StoreError::NotFound)?;
                Ok((user, created))
            }

            async fn users(&self) -> $crate::store::Result<Vec<$crate::model::account::User>> {
                let rows: Vec<(String, String, String, Option<String>, Option<i64>)> =
                    sqlx::query_as(&format!(
                        "SELECT {} FROM users ORDER BY email",
                        $crate::store::accounts::USER_COLUMNS
                    ))
                    .fetch_all(&self.pool)
                    .await?;
                let grants: Vec<(String, String, String)> =
                    sqlx::query_as("SELECT user_id, commune, role FROM user_roles")
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|r| {
                        let mine = grants
                            .iter()
                            .filter(|g| g.0 == r.0)
                            .map(|g| (g.1.clone(), g.2.clone()))
                            .collect();
                        $crate::store::accounts::user_of(r, mine)
                    })
                    .collect()
            }

            async fn user(
                &self,
                id: uuid::Uuid,
            ) -> $crate::store::Result<Option<$crate::model::account::User>> {
                let row: Option<(String, String, String, Option<String>, Option<i64>)> =
                    sqlx::query_as(&format!(
                        "SELECT {} FROM users WHERE id = $1",
                        $crate::store::accounts::USER_COLUMNS
                    ))
                    .bind(id.to_string())
                    .fetch_optional(&self.pool)
                    .await?;
                let Some(row) = row else { return Ok(None) };
                let grants: Vec<(String, String)> =
                    sqlx::query_as("SELECT commune, role FROM user_roles WHERE user_id = $1")
                        .bind(id.to_string())
                        .fetch_all(&self.pool)
                        .await?;
                $crate::store::accounts::user_of(row, grants).map(Some)
            }

            async fn user_by_email(
                &self,
                email: &str,
            ) -> $crate::store::Result<Option<($crate::model::account::User, Option<String>)>>
            {
                let row: Option<(String, Option<String>)> =
                    sqlx::query_as("SELECT id, password_hash FROM users WHERE email = $1")
                        .bind(email)
                        .fetch_optional(&self.pool)
                        .await?;
                let Some((id, hash)) = row else {
                    return Ok(None);
                };
                Ok(self
                    .user($crate::store::accounts::uuid(&id)?)
                    .await?
                    .map(|u| (u, hash)))
            }

            async fn remove_grant(
                &self,
                user_id: uuid::Uuid,
                grant: &$crate::model::account::Grant,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(
                    "DELETE FROM user_roles WHERE user_id = $1 AND commune = $2 AND role = $3",
                )
                .bind(user_id.to_string())
                .bind(&grant.commune)
                .bind(grant.role.as_str())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                let email: Option<(String,)> = sqlx::query_as("SELECT email FROM users WHERE id = $1")
                    .bind(user_id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                let a = $crate::model::audit::Audit::new(
                    &grant.commune,
                    "compte",
                    user_id,
                    actor,
                    "role_retire",
                    serde_json::json!({ "email": email.map(|e| e.0), "role": grant.role.as_str() }),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(true)
            }

            async fn set_password(
                &self,
                user_id: uuid::Uuid,
                hash: &str,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "UPDATE users SET password_hash = $1, failed_attempts = 0, locked_until = NULL
                     WHERE id = $2",
                )
                .bind(hash)
                .bind(user_id.to_string())
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id.to_string())
                    .execute(&mut *tx)
                    .await?;
                // every other link sent to this person dies with the old password
                sqlx::query("DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL")
                    .bind(user_id.to_string())
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn create_session(
                &self,
                hash: &str,
                user_id: uuid::Uuid,
                now: i64,
                expires: i64,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "INSERT INTO sessions (hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)",
                )
                .bind(hash)
                .bind(user_id.to_string())
                .bind(now)
                .bind(expires)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1",
                )
                .bind(user_id.to_string())
                .execute(&mut *tx)
                .await?;
                // expired sessions of anyone are of no use
                sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn session_user(
                &self,
                hash: &str,
                now: i64,
            ) -> $crate::store::Result<Option<$crate::model::account::User>> {
                let id: Option<(String,)> = sqlx::query_as(
                    "SELECT user_id FROM sessions WHERE hash = $1 AND expires_at > $2",
                )
                .bind(hash)
                .bind(now)
                .fetch_optional(&self.pool)
                .await?;
                match id {
                    Some((id,)) => self.user($crate::store::accounts::uuid(&id)?).await,
                    None => Ok(None),
                }
            }

            async fn end_session(&self, hash: &str) -> $crate::store::Result<()> {
                sqlx::query("DELETE FROM sessions WHERE hash = $1")
                    .bind(hash)
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }

            async fn end_sessions(&self, user_id: uuid::Uuid) -> $crate::store::Result<u64> {
                let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                    .bind(user_id.to_string())
                    .execute(&self.pool)
                    .await?;
                Ok(done.rows_affected())
            }

            async fn create_reset(
                &self,
                hash: &str,
                user_id: uuid::Uuid,
                now: i64,
                expires: i64,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "INSERT INTO password_resets (hash, user_id, expires_at) VALUES ($1, $2, $3)",
                )
                .bind(hash)
                .bind(user_id.to_string())
                .bind(expires)
                .execute(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn use_reset(
                &self,
                hash: &str,
                now: i64,
            ) -> $crate::store::Result<Option<uuid::Uuid>> {
                let row: Option<(String,)> = sqlx::query_as(
                    "UPDATE password_resets SET used_at = $1
                     WHERE hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
                )
                .bind(now)
                .bind(hash)
                .fetch_optional(&self.pool)
                .await?;
                row.map(|(id,)| $crate::store::accounts::uuid(&id)).transpose()
            }

            async fn create_token(
                &self,
                t: &$crate::model::account::ApiToken,
                hash: &str,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "INSERT INTO api_tokens (id, hash, name, commune, role, created_by, created_at, expires_at, owner)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(t.id.to_string())
                .bind(hash)
                .bind(&t.name)
                .bind(&t.grant.commune)
                .bind(t.grant.role.as_str())
                .bind(&t.created_by)
                .bind(t.created_at)
                .bind(t.expires_at)
                .bind(t.owner.map(|o| o.to_string()))
                .execute(&mut *tx)
                .await?;
                let a = $crate::model::audit::Audit::new(
                    &t.grant.commune,
                    "jeton",
                    t.id,
                    &t.created_by,
                    "cree",
                    serde_json::json!({ "name": t.name, "role": t.grant.role.as_str() }),
                    t.created_at,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(())
            }

            async fn token_by_hash(
                &self,
                hash: &str,
                now: i64,
            ) -> $crate::store::Result<Option<$crate::model::account::ApiToken>> {
                let row: Option<$crate::store::accounts::TokenRow> =
                    sqlx::query_as(&format!(
                        "SELECT {} FROM api_tokens t WHERE hash = $1 AND revoked_at IS NULL AND expires_at > $2
                           AND (owner IS NULL OR EXISTS (SELECT 1 FROM user_roles r
                                WHERE r.user_id = t.owner AND r.commune = t.commune AND r.role = 'admin'))",
                        $crate::store::accounts::TOKEN_COLUMNS
                    ))
                    .bind(hash)
                    .bind(now)
                    .fetch_optional(&self.pool)
                    .await?;
                row.map($crate::store::accounts::token_of).transpose()
            }

            async fn tokens(&self) -> $crate::store::Result<Vec<$crate::model::account::ApiToken>> {
                let rows: Vec<$crate::store::accounts::TokenRow> =
                    sqlx::query_as(&format!(
                        "SELECT {} FROM api_tokens ORDER BY created_at, id",
                        $crate::store::accounts::TOKEN_COLUMNS
                    ))
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map($crate::store::accounts::token_of).collect()
            }

            async fn revoke_token(
                &self,
                id: uuid::Uuid,
                now: i64,
                actor: &str,
            ) -> $crate::store::Result<bool> {
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(
                    "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL",
                )
                .bind(now)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    return Ok(false);
                }
                let (name, commune): (String, String) =
                    sqlx::query_as("SELECT name, commune FROM api_tokens WHERE id = $1")
                        .bind(id.to_string())
                        .fetch_one(&mut *tx)
                        .await?;
                let a = $crate::model::audit::Audit::new(
                    &commune,
                    "jeton",
                    id,
                    actor,
                    "revoque",
                    serde_json::json!({ "name": name }),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(true)
            }

            async fn assess(
                &self,
                r: &$crate::model::conflict::Recorded,
            ) -> $crate::store::Result<()> {
                sqlx::query(
                    "INSERT INTO conflict_assessments
                       (feature_a, feature_b, commune, state, note, version_a, version_b, actor, at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
                )
                .bind(r.features.0.to_string())
                .bind(r.features.1.to_string())
                .bind(&r.commune)
                .bind(r.verdict.as_str())
                .bind(&r.note)
                .bind(r.versions.0)
                .bind(r.versions.1)
                .bind(&r.actor)
                .bind(r.at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn assessments(
                &self,
                features: &[uuid::Uuid],
            ) -> $crate::store::Result<Vec<$crate::model::conflict::Recorded>> {
                let mut out = Vec::new();
                // a page of the workspace asks for a few hundred at most
                for chunk in features.chunks(200) {
                    let ids: Vec<String> = chunk.iter().map(|u| u.to_string()).collect();
                    let list = (1..=ids.len())
                        .map(|i| format!("${i}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    let sql = format!(
                        "SELECT feature_a, feature_b, commune, state, note, version_a, version_b, actor, at
                         FROM conflict_assessments
                         WHERE feature_a IN ({list}) OR feature_b IN ({list}) ORDER BY id"
                    );
                    let mut q = sqlx::query_as(&sql);
                    for id in &ids {
                        q = q.bind(id);
                    }
                    let rows: Vec<(String, String, String, String, String, i64, i64, String, i64)> =
                        q.fetch_all(&self.pool).await?;
                    for r in rows {
                        out.push($crate::store::accounts::recorded_of(r)?);
                    }
                }
                out.sort_by_key(|r| r.at);
                out.dedup();
                Ok(out)
            }

            async fn all_assessments(
                &self,
            ) -> $crate::store::Result<Vec<$crate::model::conflict::Recorded>> {
                let rows: Vec<(String, String, String, String, String, i64, i64, String, i64)> =
                    sqlx::query_as(
                        "SELECT feature_a, feature_b, commune, state, note, version_a, version_b, actor, at
                         FROM conflict_assessments ORDER BY id",
                    )
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter()
                    .map($crate::store::accounts::recorded_of)
                    .collect()
            }

            async fn services(
                &self,
                commune: Option<&str>,
            ) -> $crate::store::Result<Vec<$crate::model::triage::Service>> {
                let rows: Vec<(String, String, String, i64)> = sqlx::query_as(
                    "SELECT id, commune, name, version FROM services
                     WHERE $1 IS NULL OR commune = $1 ORDER BY commune, name",
                )
                .bind(commune)
                .fetch_all(&self.pool)
                .await?;
                let members: Vec<(String, String)> =
                    sqlx::query_as("SELECT service_id, user_id FROM service_members")
                        .fetch_all(&self.pool)
                        .await?;
                rows.into_iter()
                    .map(|(id, commune, name, version)| {
                        Ok($crate::model::triage::Service {
                            version,
                            members: members
                                .iter()
                                .filter(|m| m.0 == id)
                                .map(|m| $crate::store::accounts::uuid(&m.1))
                                .collect::<$crate::store::Result<Vec<_>>>()?,
                            id: $crate::store::accounts::uuid(&id)?,
                            commune,
                            name,
                        })
                    })
                    .collect()
            }

            async fn put_service(
                &self,
                commune: &str,
                name: &str,
                now: i64,
                actor: &str,
            ) -> $crate::store::Result<$crate::model::triage::Service> {
                let id = uuid::Uuid::now_v7();
                let mut tx = self.write_tx().await?;
                let made = sqlx::query(
                    "INSERT INTO services (id, commune, name, created_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (commune, name) DO NOTHING",
                )
                .bind(id.to_string())
                .bind(commune)
                .bind(name)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if made == 1 {
                    let a = $crate::model::audit::Audit::new(
                        commune, "service", id, actor, "cree",
                        serde_json::json!({ "name": name }), now,
                    );
                    $crate::store::accounts::audit_line!(tx, &a);
                }
                tx.commit().await?;
                self.services(Some(commune))
                    .await?
                    .into_iter()
                    .find(|s| s.name == name)
                    .ok_or($crate::store::StoreError::NotFound)
            }

            async fn set_member(
                &self,
                service: uuid::Uuid,
                user: uuid::Uuid,
                member: bool,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let sql = if member {
                    "INSERT INTO service_members (service_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
                } else {
                    "DELETE FROM service_members WHERE service_id = $1 AND user_id = $2"
                };
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(sql)
                    .bind(service.to_string())
                    .bind(user.to_string())
                    .execute(&mut *tx)
                    .await?
                    .rows_affected();
                if done == 1 {
                    let (commune, name, email): (String, String, Option<String>) = sqlx::query_as(
                        "SELECT s.commune, s.name, (SELECT email FROM users WHERE id = $2)
                         FROM services s WHERE s.id = $1",
                    )
                    .bind(service.to_string())
                    .bind(user.to_string())
                    .fetch_one(&mut *tx)
                    .await?;
                    let a = $crate::model::audit::Audit::new(
                        &commune,
                        "service",
                        service,
                        actor,
                        if member { "membre_ajoute" } else { "membre_retire" },
                        serde_json::json!({ "name": name, "user": user, "email": email }),
                        now,
                    );
                    $crate::store::accounts::audit_line!(tx, &a);
                }
                tx.commit().await?;
                Ok(())
            }

            async fn rules(
                &self,
                commune: &str,
            ) -> $crate::store::Result<Vec<$crate::model::triage::Rule>> {
                let rows: Vec<(String, String, i64, Option<String>, Option<String>, String)> =
                    sqlx::query_as(
                        "SELECT id, commune, position, category, area, service_id FROM routing_rules
                         WHERE commune = $1 ORDER BY position, id",
                    )
                    .bind(commune)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map($crate::store::accounts::rule_of).collect()
            }

            async fn add_rule(
                &self,
                rule: &$crate::model::triage::Rule,
                now: i64,
                actor: &str,
            ) -> $crate::store::Result<()> {
                let area = rule
                    .area
                    .as_ref()
                    .map(|g| geojson::Geometry::from(g).to_string());
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "INSERT INTO routing_rules (id, commune, position, category, area, service_id, created_at)
                     VALUES ($1, $2, (SELECT COALESCE(MAX(position), 0) + 1 FROM routing_rules WHERE commune = $2), $3, $4, $5, $6)",
                )
                .bind(rule.id.to_string())
                .bind(&rule.commune)
                .bind(&rule.category)
                .bind(&area)
                .bind(rule.service.to_string())
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let a = $crate::model::audit::Audit::new(
                    &rule.commune,
                    "regle",
                    rule.id,
                    actor,
                    "cree",
                    $crate::store::accounts::rule_details(rule),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(())
            }

            async fn create_task(
                &self,
                task: &$crate::model::task::Task,
                actor: &str,
            ) -> $crate::store::Result<()> {
                let (feature, service, assignee, due, project, checklist) =
                    $crate::store::accounts::task_values(task);
                let mut tx = self.write_tx().await?;
                sqlx::query(&format!(
                    "INSERT INTO tasks ({}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)",
                    $crate::store::accounts::TASK_COLUMNS
                ))
                .bind(task.id.to_string())
                .bind(&task.commune)
                .bind(&task.title)
                .bind(&task.description)
                .bind(&task.status)
                .bind(feature)
                .bind(service)
                .bind(assignee)
                .bind(due)
                .bind(task.priority)
                .bind(task.version)
                .bind(task.created_at)
                .bind(task.updated_at)
                .bind(project)
                .bind(checklist)
                .bind(task.minutes_spent)
                .bind(serde_json::to_string(&task.photos).expect("photo ids serialise"))
                .bind(serde_json::to_string(&task.documents).expect("documents serialise"))
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO task_history (task_id, version, actor, at, changes) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(task.id.to_string())
                .bind(task.version)
                .bind(actor)
                .bind(task.updated_at)
                .bind(task.created().to_string())
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn update_task(
                &self,
                next: &$crate::model::task::Task,
                changes: &serde_json::Value,
                actor: &str,
            ) -> $crate::store::Result<()> {
                let (feature, service, assignee, due, project, checklist) =
                    $crate::store::accounts::task_values(next);
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(
                    "UPDATE tasks SET title = $1, description = $2, status = $3, feature_id = $4,
                        service_id = $5, assignee = $6, due = $7, priority = $8, version = $9, updated_at = $10,
                        project_id = $13, checklist = $14, minutes_spent = $15, photos = $16,
                        documents = $17
                     WHERE id = $11 AND version = $12",
                )
                .bind(&next.title)
                .bind(&next.description)
                .bind(&next.status)
                .bind(feature)
                .bind(service)
                .bind(assignee)
                .bind(due)
                .bind(next.priority)
                .bind(next.version)
                .bind(next.updated_at)
                .bind(next.id.to_string())
                .bind(next.version - 1)
                .bind(project)
                .bind(checklist)
                .bind(next.minutes_spent)
                .bind(serde_json::to_string(&next.photos).expect("photo ids serialise"))
                .bind(serde_json::to_string(&next.documents).expect("documents serialise"))
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    let current: Option<(i64,)> = sqlx::query_as("SELECT version FROM tasks WHERE id = $1")
                        .bind(next.id.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                    return Err(match current {
                        Some((current,)) => $crate::store::StoreError::VersionMismatch { current },
                        None => $crate::store::StoreError::NotFound,
                    });
                }
                sqlx::query(
                    "INSERT INTO task_history (task_id, version, actor, at, changes) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(next.id.to_string())
                .bind(next.version)
                .bind(actor)
                .bind(next.updated_at)
                .bind(changes.to_string())
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(())
            }

            async fn task(
                &self,
                id: uuid::Uuid,
            ) -> $crate::store::Result<Option<$crate::model::task::Task>> {
                let row: Option<$crate::store::accounts::TaskRow> = sqlx::query_as(&format!(
                    "SELECT {} FROM tasks WHERE id = $1",
                    $crate::store::accounts::TASK_COLUMNS
                ))
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
                row.map($crate::store::accounts::task_of).transpose()
            }

            async fn tasks(
                &self,
                commune: Option<&str>,
                feature: Option<uuid::Uuid>,
            ) -> $crate::store::Result<Vec<$crate::model::task::Task>> {
                let rows: Vec<$crate::store::accounts::TaskRow> = sqlx::query_as(&format!(
                    "SELECT {} FROM tasks WHERE ($1 IS NULL OR commune = $1) AND ($2 IS NULL OR feature_id = $2)
                     ORDER BY due IS NULL, due, priority, created_at",
                    $crate::store::accounts::TASK_COLUMNS
                ))
                .bind(commune)
                .bind(feature.map(|f| f.to_string()))
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map($crate::store::accounts::task_of).collect()
            }

            async fn task_history(
                &self,
                id: uuid::Uuid,
            ) -> $crate::store::Result<Vec<(i64, String, i64, serde_json::Value)>> {
                let rows: Vec<(i64, String, i64, String)> = sqlx::query_as(
                    "SELECT version, actor, at, changes FROM task_history WHERE task_id = $1 ORDER BY id",
                )
                .bind(id.to_string())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(v, a, at, c)| {
                        serde_json::from_str(&c)
                            .map(|c| (v, a, at, c))
                            .map_err(|e| $crate::store::StoreError::Corrupt(format!("task history: {e}")))
                    })
                    .collect()
            }

            async fn templates(
                &self,
                commune: Option<&str>,
            ) -> $crate::store::Result<Vec<$crate::model::task::Template>> {
                let rows: Vec<$crate::store::accounts::TemplateRow> = sqlx::query_as(
                    "SELECT id, commune, name, title, description, checklist, service_id, lead_days, recurrence, next_on, version
                     FROM task_templates WHERE $1 IS NULL OR commune = $1 ORDER BY commune, name",
                )
                .bind(commune)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map($crate::store::accounts::template_of).collect()
            }

            async fn add_template(
                &self,
                t: &$crate::model::task::Template,
                now: i64,
                actor: &str,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                sqlx::query(
                    "INSERT INTO task_templates (id, commune, name, title, description, checklist, service_id,
                        lead_days, recurrence, next_on, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                )
                .bind(t.id.to_string())
                .bind(&t.commune)
                .bind(&t.name)
                .bind(&t.title)
                .bind(&t.description)
                .bind(serde_json::to_string(&t.checklist).expect("a checklist serialises"))
                .bind(t.service.map(|s| s.to_string()))
                .bind(t.lead_days)
                .bind(t.recurrence.map(|r| r.code()))
                .bind(t.next_on.map(|d| d.format("%Y-%m-%d").to_string()))
                .bind(now)
                .execute(&mut *tx)
                .await?;
                let a = $crate::model::audit::Audit::new(
                    &t.commune,
                    "modele",
                    t.id,
                    actor,
                    "cree",
                    serde_json::json!({
                        "name": t.name, "title": t.title, "service": t.service,
                        "lead_days": t.lead_days, "recurrence": t.recurrence.map(|r| r.code()),
                    }),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(())
            }

            async fn claim_next_on(
                &self,
                id: uuid::Uuid,
                from: chrono::NaiveDate,
                to: chrono::NaiveDate,
            ) -> $crate::store::Result<bool> {
                let done = sqlx::query(
                    "UPDATE task_templates SET next_on = $1 WHERE id = $2 AND next_on = $3",
                )
                .bind(to.format("%Y-%m-%d").to_string())
                .bind(id.to_string())
                .bind(from.format("%Y-%m-%d").to_string())
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn projects(
                &self,
                commune: Option<&str>,
            ) -> $crate::store::Result<Vec<$crate::model::task::Project>> {
                let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
                    "SELECT id, commune, name, description, version FROM projects
                     WHERE $1 IS NULL OR commune = $1 ORDER BY commune, name",
                )
                .bind(commune)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(id, commune, name, description, version)| {
                        Ok($crate::model::task::Project {
                            version,
                            id: $crate::store::accounts::uuid(&id)?,
                            commune,
                            name,
                            description,
                        })
                    })
                    .collect()
            }

            async fn put_project(
                &self,
                p: &$crate::model::task::Project,
                created_by: &str,
                now: i64,
            ) -> $crate::store::Result<$crate::model::task::Project> {
                let mut tx = self.write_tx().await?;
                let made = sqlx::query(
                    "INSERT INTO projects (id, commune, name, description, created_by, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (commune, name) DO NOTHING",
                )
                .bind(p.id.to_string())
                .bind(&p.commune)
                .bind(&p.name)
                .bind(&p.description)
                .bind(created_by)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if made == 1 {
                    let a = $crate::model::audit::Audit::new(
                        &p.commune, "projet", p.id, created_by, "cree",
                        serde_json::json!({ "name": p.name, "description": p.description }), now,
                    );
                    $crate::store::accounts::audit_line!(tx, &a);
                }
                tx.commit().await?;
                self.projects(Some(&p.commune))
                    .await?
                    .into_iter()
                    .find(|x| x.name == p.name)
                    .ok_or($crate::store::StoreError::NotFound)
            }

            async fn add_comment(
                &self,
                c: &$crate::model::task::Comment,
            ) -> $crate::store::Result<()> {
                sqlx::query(
                    "INSERT INTO task_comments (id, task_id, author, body, at) VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(c.id.to_string())
                .bind(c.task.to_string())
                .bind(&c.author)
                .bind(&c.body)
                .bind(c.at)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn comments(
                &self,
                task: uuid::Uuid,
            ) -> $crate::store::Result<Vec<$crate::model::task::Comment>> {
                let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
                    "SELECT id, task_id, author, body, at FROM task_comments WHERE task_id = $1 ORDER BY at, id",
                )
                .bind(task.to_string())
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter()
                    .map(|(id, task, author, body, at)| {
                        Ok($crate::model::task::Comment {
                            id: $crate::store::accounts::uuid(&id)?,
                            task: $crate::store::accounts::uuid(&task)?,
                            author,
                            body,
                            at,
                        })
                    })
                    .collect()
            }

            async fn notice(
                &self,
                n: &$crate::model::task::Notice,
                dedup: &str,
            ) -> $crate::store::Result<bool> {
                let done = sqlx::query(
                    "INSERT INTO notifications (id, user_id, kind, task_id, dedup, text, at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedup) DO NOTHING",
                )
                .bind(n.id.to_string())
                .bind(n.user.to_string())
                .bind(&n.kind)
                .bind(n.task.map(|t| t.to_string()))
                .bind(dedup)
                .bind(&n.text)
                .bind(n.at)
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected() == 1)
            }

            async fn notices(
                &self,
                user: uuid::Uuid,
                limit: i64,
            ) -> $crate::store::Result<Vec<$crate::model::task::Notice>> {
                let rows: Vec<(String, String, String, Option<String>, String, i64, Option<i64>)> =
                    sqlx::query_as(
                        "SELECT id, user_id, kind, task_id, text, at, read_at FROM notifications
                         WHERE user_id = $1 ORDER BY at DESC, id DESC LIMIT $2",
                    )
                    .bind(user.to_string())
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map($crate::store::accounts::notice_of).collect()
            }

            async fn mark_read(&self, user: uuid::Uuid, now: i64) -> $crate::store::Result<u64> {
                let done = sqlx::query(
                    "UPDATE notifications SET read_at = $1 WHERE user_id = $2 AND read_at IS NULL",
                )
                .bind(now)
                .bind(user.to_string())
                .execute(&self.pool)
                .await?;
                Ok(done.rows_affected())
            }

            async fn unmailed(&self) -> $crate::store::Result<Vec<$crate::model::task::Notice>> {
                let rows: Vec<(String, String, String, Option<String>, String, i64, Option<i64>)> =
                    sqlx::query_as(
                        "SELECT id, user_id, kind, task_id, text, at, read_at FROM notifications
                         WHERE mailed_at IS NULL ORDER BY at, id",
                    )
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map($crate::store::accounts::notice_of).collect()
            }

            async fn mark_mailed(&self, ids: &[uuid::Uuid], now: i64) -> $crate::store::Result<()> {
                for id in ids {
                    sqlx::query("UPDATE notifications SET mailed_at = $1 WHERE id = $2")
                        .bind(now)
                        .bind(id.to_string())
                        .execute(&self.pool)
                        .await?;
                }
                Ok(())
            }

            async fn email_when(
                &self,
                user: uuid::Uuid,
            ) -> $crate::store::Result<$crate::model::task::EmailWhen> {
                let row: Option<(String,)> =
                    sqlx::query_as("SELECT email FROM notification_settings WHERE user_id = $1")
                        .bind(user.to_string())
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row
                    .and_then(|(e,)| $crate::model::task::EmailWhen::parse(&e))
                    .unwrap_or($crate::model::task::EmailWhen::Now))
            }

            async fn mail_lang(&self, user: uuid::Uuid) -> $crate::store::Result<String> {
                let row: Option<(String,)> =
                    sqlx::query_as("SELECT lang FROM notification_settings WHERE user_id = $1")
                        .bind(user.to_string())
                        .fetch_optional(&self.pool)
                        .await?;
                Ok(row.map_or_else(|| "fr".to_string(), |(l,)| l))
            }

            async fn set_email_when(
                &self,
                user: uuid::Uuid,
                when: $crate::model::task::EmailWhen,
                lang: &str,
            ) -> $crate::store::Result<()> {
                sqlx::query(
                    "INSERT INTO notification_settings (user_id, email, lang) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, lang = excluded.lang",
                )
                .bind(user.to_string())
                .bind(when.as_str())
                .bind(lang)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn swap_rules(
                &self,
                a: &$crate::model::triage::Rule,
                b: &$crate::model::triage::Rule,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                let mut details = $crate::store::accounts::rule_details(a);
                details["from"] = serde_json::json!(a.position);
                details["to"] = serde_json::json!(b.position);
                let line = $crate::model::audit::Audit::new(
                    &a.commune, "regle", a.id, actor, "deplace", details, now,
                );
                $crate::store::accounts::audit_line!(tx, &line);
                for (rule, position) in [(a, b.position), (b, a.position)] {
                    sqlx::query("UPDATE routing_rules SET position = $1 WHERE id = $2")
                        .bind(position)
                        .bind(rule.id.to_string())
                        .execute(&mut *tx)
                        .await?;
                }
                tx.commit().await?;
                Ok(())
            }

            async fn delete_rule(
                &self,
                id: uuid::Uuid,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                let mut tx = self.write_tx().await?;
                let row: Option<(String, String, i64, Option<String>, Option<String>, String)> =
                    sqlx::query_as(
                        "SELECT id, commune, position, category, area, service_id FROM routing_rules
                         WHERE id = $1",
                    )
                    .bind(id.to_string())
                    .fetch_optional(&mut *tx)
                    .await?;
                let Some(row) = row else {
                    return Ok(false);
                };
                let rule = $crate::store::accounts::rule_of(row)?;
                sqlx::query("DELETE FROM routing_rules WHERE id = $1")
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                let a = $crate::model::audit::Audit::new(
                    &rule.commune,
                    "regle",
                    id,
                    actor,
                    "supprime",
                    $crate::store::accounts::rule_details(&rule),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(true)
            }

            async fn rename_service(
                &self,
                s: &$crate::model::triage::Service,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let change = $crate::store::accounts::Versioned {
                    table: "services",
                    kind: "service",
                    action: "renomme",
                    id: s.id,
                    commune: &s.commune,
                    version: s.version,
                    fields: &[("name", &s.name)],
                };
                self.update_audited(change, actor, now).await
            }

            async fn delete_service(
                &self,
                id: uuid::Uuid,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                self.delete_audited("services", "service", id, actor, now).await
            }

            async fn update_project(
                &self,
                p: &$crate::model::task::Project,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let change = $crate::store::accounts::Versioned {
                    table: "projects",
                    kind: "projet",
                    action: "modifie",
                    id: p.id,
                    commune: &p.commune,
                    version: p.version,
                    fields: &[("name", &p.name), ("description", &p.description)],
                };
                self.update_audited(change, actor, now).await
            }

            async fn delete_project(
                &self,
                id: uuid::Uuid,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                self.delete_audited("projects", "projet", id, actor, now).await
            }

            async fn update_template(
                &self,
                t: &$crate::model::task::Template,
                changes: &serde_json::Value,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let mut tx = self.write_tx().await?;
                let done = sqlx::query(
                    "UPDATE task_templates SET name = $1, title = $2, description = $3, checklist = $4,
                        service_id = $5, lead_days = $6, recurrence = $7, next_on = $8, version = $9
                     WHERE id = $10 AND version = $11",
                )
                .bind(&t.name)
                .bind(&t.title)
                .bind(&t.description)
                .bind(serde_json::to_string(&t.checklist).expect("a checklist serialises"))
                .bind(t.service.map(|s| s.to_string()))
                .bind(t.lead_days)
                .bind(t.recurrence.map(|r| r.code()))
                .bind(t.next_on.map(|d| d.format("%Y-%m-%d").to_string()))
                .bind(t.version)
                .bind(t.id.to_string())
                .bind(t.version - 1)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() == 0 {
                    let current: Option<(i64,)> =
                        sqlx::query_as("SELECT version FROM task_templates WHERE id = $1")
                            .bind(t.id.to_string())
                            .fetch_optional(&mut *tx)
                            .await?;
                    return Err(match current {
                        Some((current,)) => $crate::store::StoreError::VersionMismatch { current },
                        None => $crate::store::StoreError::NotFound,
                    });
                }
                let a = $crate::model::audit::Audit::new(
                    &t.commune,
                    "modele",
                    t.id,
                    actor,
                    "modifie",
                    changes.clone(),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(())
            }

            async fn delete_template(
                &self,
                id: uuid::Uuid,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                self.delete_audited("task_templates", "modele", id, actor, now).await
            }

            async fn audit_log(
                &self,
                commune: &str,
                object: Option<uuid::Uuid>,
                kind: Option<&str>,
                limit: i64,
            ) -> $crate::store::Result<Vec<$crate::model::audit::Audit>> {
                let rows: Vec<$crate::store::accounts::AuditRow> = sqlx::query_as(
                    "SELECT id, commune, kind, object_id, at, actor, action, details FROM audit_log
                     WHERE commune = $1 AND ($2 IS NULL OR object_id = $2)
                       AND ($3 IS NULL OR kind = $3)
                     ORDER BY at DESC, id DESC LIMIT $4",
                )
                .bind(commune)
                .bind(object.map(|o| o.to_string()))
                .bind(kind)
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
                rows.into_iter().map($crate::store::accounts::audit_of).collect()
            }
        }

        impl $store {
            /// Sets text columns of a row of a commune's settings that is still at
            /// `version - 1`, with the audit line of what changed (`{field: {from, to}}`).
            async fn update_audited(
                &self,
                c: $crate::store::accounts::Versioned<'_>,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<()> {
                let columns: Vec<&str> = c.fields.iter().map(|f| f.0).collect();
                let mut tx = self.write_tx().await?;
                let current = sqlx::query(&format!(
                    "SELECT version, {} FROM {} WHERE id = $1",
                    columns.join(", "),
                    c.table,
                ))
                .bind(c.id.to_string())
                .fetch_optional(&mut *tx)
                .await?;
                let Some(row) = current else {
                    return Err($crate::store::StoreError::NotFound);
                };
                let version: i64 = sqlx::Row::try_get(&row, 0)?;
                let before = (1..=columns.len())
                    .map(|i| sqlx::Row::try_get::<String, usize>(&row, i))
                    .collect::<Result<Vec<String>, sqlx::Error>>()?;
                let sets: Vec<String> = columns
                    .iter()
                    .enumerate()
                    .map(|(i, k)| format!("{k} = ${}", i + 4))
                    .collect();
                let sql = format!(
                    "UPDATE {} SET version = $1, {} WHERE id = $2 AND version = $3",
                    c.table,
                    sets.join(", ")
                );
                let mut q = sqlx::query(&sql)
                    .bind(c.version)
                    .bind(c.id.to_string())
                    .bind(c.version - 1);
                for (_, value) in c.fields {
                    q = q.bind(*value);
                }
                if q.execute(&mut *tx).await?.rows_affected() == 0 {
                    return Err($crate::store::StoreError::VersionMismatch { current: version });
                }
                let mut changes = serde_json::Map::new();
                for ((k, new), old) in c.fields.iter().zip(before) {
                    if old != *new {
                        changes.insert(k.to_string(), serde_json::json!({ "from": old, "to": new }));
                    }
                }
                let a = $crate::model::audit::Audit::new(
                    c.commune,
                    c.kind,
                    c.id,
                    actor,
                    c.action,
                    serde_json::Value::Object(changes),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(())
            }

            /// Deletes a named row of a commune's settings (`table`: `services`,
            /// `projects`, `task_templates`) with the audit line saying so; whether it
            /// existed.
            async fn delete_audited(
                &self,
                table: &'static str,
                kind: &'static str,
                id: uuid::Uuid,
                actor: &str,
                now: i64,
            ) -> $crate::store::Result<bool> {
                let mut tx = self.write_tx().await?;
                let row: Option<(String, String)> =
                    sqlx::query_as(&format!("SELECT commune, name FROM {table} WHERE id = $1"))
                        .bind(id.to_string())
                        .fetch_optional(&mut *tx)
                        .await?;
                let Some((commune, name)) = row else {
                    return Ok(false);
                };
                sqlx::query(&format!("DELETE FROM {table} WHERE id = $1"))
                    .bind(id.to_string())
                    .execute(&mut *tx)
                    .await?;
                let a = $crate::model::audit::Audit::new(
                    &commune,
                    kind,
                    id,
                    actor,
                    "supprime",
                    serde_json::json!({ "name": name }),
                    now,
                );
                $crate::store::accounts::audit_line!(tx, &a);
                tx.commit().await?;
                Ok(true)
            }
        }
    };
}
pub(crate) use account_store;
