//! `/agent/journal`: the audit of a commune's settings — who created, renamed or deleted
//! its services, rules, projects and templates, who put people in services, who gave
//! roles and made API tokens — newest first, for one object or all, and as CSV for the
//! commune's records. Features and tasks show their own histories on their pages.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::i18n::Lang;
use super::pages::CommuneView;
use super::{Ctx, chosen_commune, my_communes, sign_in_first};
use crate::api::Web;
use crate::model::audit::{Audit, KINDS};
use crate::model::triage::Service;
use crate::policy::Actor;

#[derive(Deserialize, Default)]
pub struct JournalQuery {
    #[serde(default)]
    commune: String,
    /// one object's lines only
    #[serde(default)]
    objet: String,
    /// one kind of object only (`service`, `regle`…)
    #[serde(default, rename = "type")]
    kind: String,
}

impl JournalQuery {
    /// Drops a kind or an object id that is not one: the filters only narrow.
    fn clean(mut self) -> JournalQuery {
        if !KINDS.contains(&self.kind.as_str()) {
            self.kind.clear();
        }
        if Uuid::parse_str(&self.objet).is_err() {
            self.objet.clear();
        }
        self
    }
}

#[derive(Serialize)]
pub struct Line {
    pub at: String,
    pub by: String,
    pub kind: String,
    pub action: String,
    pub object: String,
    pub details: String,
}

#[derive(Serialize)]
struct Opt {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct JournalPage {
    communes: Vec<CommuneView>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    kinds: Vec<Opt>,
    kind: String,
    objet: String,
    lines: Vec<Line>,
    /// older lines are left to the CSV
    more: bool,
    csv: String,
}

/// The name an audit line gives its object: the service's, project's, template's or
/// token's name, the person's address, or a rule's category.
fn object_name(a: &Audit) -> String {
    ["name", "email", "category"]
        .iter()
        .find_map(|k| a.details.get(*k).and_then(Value::as_str))
        .map_or_else(|| a.object.to_string(), str::to_string)
}

/// The particulars of a change in words: "nom : Voirie → Voiries", one per field.
fn details_text(web: &Web, lang: Lang, a: &Audit, services: &[Service]) -> String {
    let Value::Object(m) = &a.details else {
        return String::new();
    };
    let show = |v: &Value| match v {
        Value::String(s) => services
            .iter()
            .find(|x| x.id.to_string() == *s)
            .map_or_else(|| s.clone(), |x| x.name.clone()),
        Value::Null => "–".into(),
        other => other.to_string(),
    };
    let field = |k: &str| {
        let key = format!("audit-field-{k}");
        let t = web.ui.t(lang, &key);
        if t == key { k.to_string() } else { t }
    };
    let mut parts = Vec::new();
    if let (Some(from), Some(to)) = (m.get("from"), m.get("to")) {
        parts.push(format!("{} → {}", show(from), show(to)));
    }
    for (k, v) in m {
        if matches!(k.as_str(), "from" | "to" | "area" | "user")
            || (a.kind == "regle" && k == "category")
        {
            continue;
        }
        match v.as_object() {
            Some(change) if change.contains_key("from") => parts.push(format!(
                "{} : {} → {}",
                field(k),
                show(&change["from"]),
                show(&change["to"])
            )),
            _ => parts.push(format!("{} : {}", field(k), show(v))),
        }
    }
    if m.get("area").is_some_and(|a| !a.is_null()) {
        parts.push(web.ui.t(lang, "rules-in-area"));
    }
    parts.join(" · ")
}

/// Who made a change, in words: a person's address, an API token's name, or balise
/// itself (its command line, its hourly jobs).
fn who(web: &Web, lang: Lang, actor: &str) -> String {
    if let Some(person) = actor.strip_prefix("user:") {
        person.to_string()
    } else if let Some(token) = actor.strip_prefix("token:") {
        web.ui.i18n.tf(
            lang,
            "journal-by-token",
            &[("name", token.to_string().into())],
        )
    } else if actor == "system:cli" {
        web.ui.t(lang, "journal-by-cli")
    } else if actor == "admin-token" {
        web.ui.t(lang, "journal-by-admin-token")
    } else {
        web.ui.t(lang, "journal-by-balise")
    }
}

/// How the page names a rule: its category in words (or "any category").
fn rule_name(web: &Web, lang: Lang, a: &Audit) -> String {
    match a.details.get("category").and_then(Value::as_str) {
        Some(id) => web
            .app
            .territory()
            .get(&a.commune)
            .and_then(|c| {
                c.settings
                    .category(id)
                    .map(|k| k.name(lang.code()).to_string())
            })
            .unwrap_or_else(|| id.to_string()),
        None => web.ui.t(lang, "rules-any-category"),
    }
}

/// The lines of the audit as the page shows them.
pub fn lines(web: &Web, lang: Lang, audit: &[Audit], services: &[Service]) -> Vec<Line> {
    audit
        .iter()
        .map(|a| Line {
            at: super::agent::local_time(a.at),
            by: who(web, lang, &a.actor),
            kind: web.ui.t(lang, &format!("audit-kind-{}", a.kind)),
            action: web.ui.t(lang, &format!("audit-action-{}", a.action)),
            object: if a.kind == "regle" {
                rule_name(web, lang, a)
            } else {
                object_name(a)
            },
            details: details_text(web, lang, a, services),
        })
        .collect()
}

/// Lines the page shows; the CSV holds them all.
const PAGE_LINES: usize = 500;

async fn read(
    web: &Web,
    actor: &Actor,
    q: &JournalQuery,
    limit: i64,
) -> Option<(String, Vec<Audit>)> {
    let commune = chosen_commune(web, actor, &q.commune)?;
    let object = Uuid::parse_str(&q.objet).ok();
    let kind = Some(q.kind.as_str()).filter(|k| !k.is_empty());
    let audit = web
        .app
        .audit_of(actor, &commune, object, kind, limit)
        .await
        .ok()?;
    Some((commune, audit))
}

/// `GET /agent/journal?commune=&type=&objet=`
pub async fn page(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<JournalQuery>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let q = q.clean();
    let Some((commune, mut audit)) = read(&web, &actor, &q, PAGE_LINES as i64 + 1).await else {
        return super::forbidden(&web, &ctx);
    };
    let more = audit.len() > PAGE_LINES;
    audit.truncate(PAGE_LINES);
    let lang = ctx.lang;
    let services = web
        .app
        .services_of(&actor, &commune)
        .await
        .unwrap_or_default();
    let admin = actor.may_administer(&commune);
    let csv = format!(
        "/agent/journal.csv?commune={commune}&type={}&objet={}",
        q.kind, q.objet
    );
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "agent-journal.html",
        JournalPage {
            communes: super::pages::communes(&web, lang),
            mine: my_communes(&web, &ctx, &actor),
            commune_name: web
                .app
                .territory()
                .get(&commune)
                .map_or(commune.clone(), |c| c.name(lang.code()).to_string()),
            kinds: KINDS
                .iter()
                .filter(|k| admin || !matches!(**k, "compte" | "jeton"))
                .map(|k| Opt {
                    value: k.to_string(),
                    label: web.ui.t(lang, &format!("audit-kind-{k}")),
                })
                .collect(),
            kind: q.kind.clone(),
            objet: q.objet.clone(),
            lines: lines(&web, lang, &audit, &services),
            more,
            csv,
            commune,
        },
    )
}

/// `GET /agent/journal.csv?commune=&type=&objet=`: the same lines, for a spreadsheet.
pub async fn export(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<JournalQuery>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let Some((commune, audit)) = read(&web, &actor, &q.clean(), i64::MAX).await else {
        return super::forbidden(&web, &ctx);
    };
    super::agent::csv_download(
        &format!("journal-{commune}"),
        &[
            "date",
            "by",
            "type",
            "object_id",
            "object",
            "action",
            "details",
        ],
        audit.iter().map(|a| {
            vec![
                chrono::DateTime::from_timestamp(a.at, 0)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    .unwrap_or_default(),
                a.actor.clone(),
                a.kind.to_string(),
                a.object.to_string(),
                object_name(a),
                a.action.to_string(),
                a.details.to_string(),
            ]
        }),
    )
}
