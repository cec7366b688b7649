//! Report triage in the workspace: `/agent/signalements`, the queue of a commune's open
//! reports — each with its service, its deadline in working days and whether it is
//! late — where an agent sends a report to another service or moves it along its status
//! machine (the reporter is told of each status by e-mail, `notify.rs`); and
//! `/agent/services`, where admins keep the commune's services, their people and the
//! ordered rules that route new reports.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

use super::pages::CommuneView;
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::error::Error;
use crate::model::Kind;
use crate::model::triage::{Rule, reason_needed};
use crate::policy::Actor;

#[derive(Serialize)]
struct Opt {
    value: String,
    label: String,
}

use super::{chosen_commune, my_communes};

#[derive(Deserialize, Default)]
pub struct QueueQuery {
    #[serde(default)]
    commune: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    retard: String,
    fait: Option<String>,
}

#[derive(Serialize)]
struct Item {
    id: String,
    reference: String,
    category: String,
    lieu: String,
    received: String,
    due: String,
    late_by: i64,
    status: String,
    status_value: String,
    service: String,
    service_name: String,
    version: i64,
}

#[derive(Serialize)]
struct QueuePage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    services: Vec<Opt>,
    statuses: Vec<Opt>,
    f_service: String,
    f_late: bool,
    items: Vec<Item>,
    late_count: usize,
    done: bool,
}

async fn queue_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    q: &QueueQuery,
    status: StatusCode,
    errors: Vec<FieldErr>,
) -> Response {
    let lang = ctx.lang;
    let Some(commune) = chosen_commune(web, actor, &q.commune) else {
        return super::forbidden(web, ctx);
    };
    let items = match web.app.queue(actor, &commune) {
        Ok(i) => i,
        Err(_) => {
            return super::forbidden(web, ctx);
        }
    };
    let services: Vec<crate::model::triage::Service> = web
        .app
        .services_of(actor, &commune)
        .await
        .unwrap_or_default();
    let territory = web.app.territory();
    let c = territory.get(&commune);
    let service_name = |id: Option<Uuid>| {
        id.and_then(|id| services.iter().find(|s| s.id == id))
            .map_or_else(|| web.ui.t(lang, "triage-no-service"), |s| s.name.clone())
    };
    let late_count = items.iter().filter(|i| i.late_by > 0).count();
    let shown: Vec<Item> = items
        .iter()
        .filter(|i| match q.service.as_str() {
            "" => true,
            "aucun" => i.service.is_none(),
            s => i.service.map(|u| u.to_string()).as_deref() == Some(s),
        })
        .filter(|i| q.retard.is_empty() || i.late_by > 0)
        .map(|i| {
            let f = &i.entry.feature;
            let text = |k: &str| {
                f.attributes
                    .get(k)
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string()
            };
            let cat = text("categorie");
            Item {
                id: f.id.to_string(),
                reference: text("reference"),
                category: c
                    .and_then(|c| c.settings.category(&cat))
                    .map_or(cat.clone(), |k| k.name(lang.code()).to_string()),
                lieu: text("lieu"),
                received: f
                    .created_at
                    .with_timezone(&crate::model::schedule::LOCAL_TZ)
                    .format("%d/%m/%Y")
                    .to_string(),
                due: i
                    .due
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
                late_by: i.late_by,
                status: web.ui.t(lang, &format!("status-{}", f.status)),
                status_value: f.status.clone(),
                service: i.service.map(|s| s.to_string()).unwrap_or_default(),
                service_name: service_name(i.service),
                version: f.version,
            }
        })
        .collect();
    web.ui.render(
        ctx,
        status,
        "agent-signalements.html",
        QueuePage {
            communes: super::pages::communes(web, lang),
            errors,
            mine: my_communes(web, ctx, actor),
            commune_name: c.map_or(commune.clone(), |c| c.name(lang.code()).to_string()),
            commune,
            services: services
                .iter()
                .map(|s| Opt {
                    value: s.id.to_string(),
                    label: s.name.clone(),
                })
                .collect(),
            statuses: Kind::Report
                .statuses()
                .iter()
                .map(|s| Opt {
                    value: s.to_string(),
                    label: web.ui.t(lang, &format!("status-{s}")),
                })
                .collect(),
            f_service: q.service.clone(),
            f_late: !q.retard.is_empty(),
            items: shown,
            late_count,
            done: q.fait.is_some(),
        },
    )
}

/// `GET /agent/signalements`
pub async fn queue(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<QueueQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    queue_page(&web, &ctx, &actor, &q, StatusCode::OK, Vec::new()).await
}

#[derive(Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    status: String,
    /// Why: forwarded to whom, duplicate of which reference, why closed or reopened.
    #[serde(default)]
    precision: String,
    #[serde(default)]
    version: i64,
}

/// `POST /agent/signalements/{id}`: sends a report to a service and/or moves its status.
pub async fn move_report(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<MoveForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let Some(entry) = Uuid::parse_str(&id)
        .ok()
        .and_then(|id| web.app.get(id, &actor).ok())
        .filter(|e| e.feature.kind == Kind::Report && actor.sees_internal(&e.feature.commune))
    else {
        return super::not_found(&web, &ctx);
    };
    let f = &entry.feature;
    let mut attributes = f.attributes.clone();
    match Uuid::parse_str(&form.service) {
        Ok(s) => {
            attributes.insert("service".into(), Value::String(s.to_string()));
        }
        Err(_) => {
            attributes.remove("service");
        }
    }
    let precision = form.precision.trim();
    let reopening = !["new", "acknowledged", "planned", "in_progress"].contains(&f.status.as_str())
        && form.status != f.status;
    let key = if reopening {
        Some("motif_reouverture")
    } else {
        reason_needed(&form.status)
    };
    if let Some(k) = key.filter(|_| form.status != f.status && !precision.is_empty()) {
        attributes.insert(
            k.into(),
            Value::String(precision.chars().take(500).collect()),
        );
    }
    let draft = crate::model::FeatureDraft {
        status: Some(form.status.clone()),
        attributes,
        ..f.draft()
    };
    let q = QueueQuery {
        commune: f.commune.clone(),
        ..Default::default()
    };
    match web.app.update(f.id, draft, form.version, &actor).await {
        Ok(_) => Redirect::to(&format!("/agent/signalements?commune={}&fait=1", f.commune))
            .into_response(),
        Err(Error::Invalid(errs)) => {
            let message = match errs.first().map(|e| e.code) {
                Some("reason_required") => web.ui.t(ctx.lang, "triage-error-reason"),
                Some("unknown_report") => web.ui.t(ctx.lang, "triage-error-duplicate"),
                _ => web.ui.t(ctx.lang, "triage-error-transition"),
            };
            let errors = vec![FieldErr {
                field: format!("precision-{}", f.id).into(),
                message,
            }];
            queue_page(&web, &ctx, &actor, &q, StatusCode::BAD_REQUEST, errors).await
        }
        Err(Error::PreconditionFailed { .. }) => super::message(
            &web,
            &ctx,
            StatusCode::CONFLICT,
            "stale-title",
            "stale-text",
        ),
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(e) => {
            tracing::error!(error = %e, "cannot move a report");
            super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "unavailable-text",
            )
        }
    }
}

#[derive(Serialize)]
struct ServiceView {
    id: String,
    name: String,
    members: Vec<String>,
    version: i64,
    /// Its change form is open: it holds an error.
    open: bool,
}

#[derive(Serialize)]
struct RuleView {
    id: String,
    position: i64,
    category: String,
    area: bool,
    service: String,
}

#[derive(Serialize)]
struct ServicesPage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    admin: bool,
    services: Vec<ServiceView>,
    service_options: Vec<Opt>,
    people: Vec<Opt>,
    categories: Vec<Opt>,
    rules: Vec<RuleView>,
    /// the message key of what was just done, if anything
    done: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct ServicesQuery {
    #[serde(default)]
    commune: String,
    /// what was just done: `renomme`, `supprime`
    #[serde(default)]
    fait: String,
}

async fn services_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    commune: &str,
    status: StatusCode,
    errors: Vec<FieldErr>,
    done: Option<&'static str>,
) -> Response {
    let lang = ctx.lang;
    let Some(commune) = chosen_commune(web, actor, commune) else {
        return super::forbidden(web, ctx);
    };
    let services: Vec<crate::model::triage::Service> = web
        .app
        .services_of(actor, &commune)
        .await
        .unwrap_or_default();
    let people = web.app.store.users().await.unwrap_or_default();
    let person = |id: &Uuid| {
        people
            .iter()
            .find(|u| u.id == *id)
            .map_or(id.to_string(), |u| {
                if u.name.is_empty() {
                    u.email.clone()
                } else {
                    format!("{} ({})", u.name, u.email)
                }
            })
    };
    let territory = web.app.territory();
    let c = territory.get(&commune);
    let rules = web.app.rules_of(actor, &commune).await.unwrap_or_default();
    let category_name = |id: &str| {
        c.and_then(|c| c.settings.category(id))
            .map_or(id.to_string(), |k| k.name(lang.code()).to_string())
    };
    web.ui.render(
        ctx,
        status,
        "agent-services.html",
        ServicesPage {
            communes: super::pages::communes(web, lang),
            mine: my_communes(web, ctx, actor),
            commune_name: c.map_or(commune.clone(), |c| c.name(lang.code()).to_string()),
            admin: actor.may_administer(&commune),
            services: services
                .iter()
                .map(|s| ServiceView {
                    id: s.id.to_string(),
                    name: s.name.clone(),
                    members: s.members.iter().map(person).collect(),
                    version: s.version,
                    open: errors.iter().any(|e| e.field == format!("rename-{}", s.id)),
                })
                .collect(),
            service_options: services
                .iter()
                .map(|s| Opt {
                    value: s.id.to_string(),
                    label: s.name.clone(),
                })
                .collect(),
            people: people
                .iter()
                .filter(|u| u.grants.iter().any(|g| g.commune == commune))
                .map(|u| Opt {
                    value: u.id.to_string(),
                    label: person(&u.id),
                })
                .collect(),
            categories: c
                .map(|c| {
                    c.settings
                        .report_categories
                        .iter()
                        .map(|k| Opt {
                            value: k.id.clone(),
                            label: k.name(lang.code()).to_string(),
                        })
                        .collect()
                })
                .unwrap_or_default(),
            rules: rules
                .iter()
                .map(|r| RuleView {
                    id: r.id.to_string(),
                    position: r.position,
                    category: r.category.as_deref().map(category_name).unwrap_or_default(),
                    area: r.area.is_some(),
                    service: services
                        .iter()
                        .find(|s| s.id == r.service)
                        .map_or_else(String::new, |s| s.name.clone()),
                })
                .collect(),
            errors,
            commune,
            done,
        },
    )
}

/// `GET /agent/services`
pub async fn services(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<ServicesQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let done = match q.fait.as_str() {
        "renomme" => Some("services-renamed"),
        "supprime" => Some("services-deleted"),
        _ => None,
    };
    services_page(
        &web,
        &ctx,
        &actor,
        &q.commune,
        StatusCode::OK,
        Vec::new(),
        done,
    )
    .await
}

#[derive(Deserialize)]
pub struct ServicesForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    commune: String,
    /// `service`, `membre`, `retirer-membre`, `regle`, `supprimer-regle`
    #[serde(default)]
    action: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    rule: String,
    /// the version of the service renamed, as the form showed it
    #[serde(default)]
    version: Option<i64>,
}

/// `POST /agent/services`: an admin adds a service, puts people in it or out, adds or
/// deletes a routing rule.
pub async fn services_post(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<ServicesForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    if matches!(
        form.action.as_str(),
        "renommer-service" | "supprimer-service"
    ) {
        return service_change(&web, &ctx, &actor, &form).await;
    }
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let uuid = |s: &str| Uuid::parse_str(s).map_err(|_| Error::NotFound(s.to_string()));
    let result: Result<(), (&'static str, String)> = match form.action.as_str() {
        "service" => web
            .app
            .add_service(&actor, &form.commune, &form.name)
            .await
            .map(|_| ())
            .map_err(|e| match e {
                Error::Invalid(e) if e.iter().any(|e| e.code == "name_taken") => {
                    ("name", t("services-error-name-taken"))
                }
                _ => ("name", t("services-error-name")),
            }),
        "membre" | "retirer-membre" => match (uuid(&form.service), uuid(&form.person)) {
            (Ok(s), Ok(p)) => web
                .app
                .set_member(&actor, s, p, form.action == "membre")
                .await
                .map_err(|_| ("person", t("services-error-member"))),
            _ => Err(("person", t("services-error-member"))),
        },
        "regle" => {
            let area = if form.area.trim().is_empty() {
                Ok(None)
            } else {
                serde_json::from_str::<Value>(&form.area)
                    .ok()
                    .and_then(|v| crate::wire::geometry_from_json(&v, "/area").ok())
                    .filter(|g| {
                        matches!(
                            g,
                            geo::Geometry::Polygon(_) | geo::Geometry::MultiPolygon(_)
                        )
                    })
                    .map(Some)
                    .ok_or(("area", t("services-error-area")))
            };
            match (area, uuid(&form.service)) {
                (Err(e), _) => Err(e),
                (Ok(_), Err(_)) => Err(("rule-service", t("services-error-service"))),
                (Ok(area), Ok(service)) => web
                    .app
                    .add_rule(
                        &actor,
                        Rule {
                            id: Uuid::now_v7(),
                            commune: form.commune.clone(),
                            position: 0,
                            category: Some(form.category.clone()).filter(|c| !c.is_empty()),
                            area,
                            service,
                        },
                    )
                    .await
                    .map_err(|_| ("rule-service", t("services-error-service"))),
            }
        }
        "monter-regle" | "descendre-regle" => match uuid(&form.rule) {
            Ok(id) => web
                .app
                .move_rule(&actor, &form.commune, id, form.action == "monter-regle")
                .await
                .map_err(|_| ("rule-service", t("services-error-rule"))),
            Err(_) => Err(("rule-service", t("services-error-rule"))),
        },
        "supprimer-regle" => match uuid(&form.rule) {
            Ok(id) => web
                .app
                .delete_rule(&actor, &form.commune, id)
                .await
                .map_err(|_| ("rule-service", t("services-error-rule"))),
            Err(_) => Err(("rule-service", t("services-error-rule"))),
        },
        _ => Err(("name", t("services-error-name"))),
    };
    match result {
        Ok(()) => {
            Redirect::to(&format!("/agent/services?commune={}", form.commune)).into_response()
        }
        Err((field, message)) => {
            let errors = vec![FieldErr {
                field: field.into(),
                message,
            }];
            services_page(
                &web,
                &ctx,
                &actor,
                &form.commune,
                StatusCode::BAD_REQUEST,
                errors,
                None,
            )
            .await
        }
    }
}

/// Renames or deletes a service, from its change form on `/agent/services`.
async fn service_change(web: &Web, ctx: &Ctx, actor: &Actor, form: &ServicesForm) -> Response {
    let Ok(id) = Uuid::parse_str(&form.service) else {
        return super::not_found(web, ctx);
    };
    let result = if form.action == "renommer-service" {
        web.app
            .rename_service(actor, id, &form.name, form.version)
            .await
            .map(|_| "renomme")
    } else {
        web.app.delete_service(actor, id).await.map(|_| "supprime")
    };
    let key = match result {
        Ok(done) => {
            return Redirect::to(&format!(
                "/agent/services?commune={}&fait={done}",
                form.commune
            ))
            .into_response();
        }
        Err(Error::Forbidden) => return super::forbidden(web, ctx),
        Err(Error::NotFound(_)) => return super::not_found(web, ctx),
        Err(Error::PreconditionFailed { .. }) => "services-error-stale",
        Err(Error::Invalid(e)) if e.iter().any(|e| e.code == "in_use") => "services-error-in-use",
        Err(Error::Invalid(e)) if e.iter().any(|e| e.code == "name_taken") => {
            "services-error-name-taken"
        }
        Err(Error::Invalid(_)) => "services-error-name",
        Err(e) => {
            tracing::error!(error = %e, "cannot change a service");
            return super::message(
                web,
                ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "unavailable-text",
            );
        }
    };
    let errors = vec![FieldErr {
        field: format!("rename-{id}").into(),
        message: web.ui.t(ctx.lang, key),
    }];
    let status = if key == "services-error-stale" {
        StatusCode::CONFLICT
    } else {
        StatusCode::BAD_REQUEST
    };
    services_page(web, ctx, actor, &form.commune, status, errors, None).await
}

#[derive(Serialize)]
struct CategoryRow {
    name: String,
    young: usize,
    middle: usize,
    old: usize,
    total: usize,
}

#[derive(Serialize)]
struct ServiceRow {
    name: String,
    open: usize,
    late: usize,
}

/// A horizontal bar of a chart, laid out in the SVG's units.
#[derive(Serialize)]
struct Bar {
    label: String,
    /// top of the row
    y: u32,
    segments: Vec<Segment>,
    total: usize,
    /// where the total is written
    end: u32,
}

#[derive(Serialize)]
struct Segment {
    x: u32,
    width: u32,
    /// its CSS class, which gives its colour (and the legend's)
    class: &'static str,
}

/// A simple bar chart (an extra beside the table, which holds the figures): rows of
/// stacked parts, scaled to the longest row.
#[derive(Serialize)]
struct Chart {
    bars: Vec<Bar>,
    height: u32,
}

const CHART_LABEL: u32 = 190;
const CHART_BARS: u32 = 340;
const CHART_ROW: u32 = 30;

fn chart(rows: Vec<(String, Vec<(usize, &'static str)>)>) -> Chart {
    let most = rows
        .iter()
        .map(|(_, parts)| parts.iter().map(|p| p.0).sum::<usize>())
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |n: usize| (n as u64 * CHART_BARS as u64 / most as u64) as u32;
    let bars: Vec<Bar> = rows
        .into_iter()
        .enumerate()
        .map(|(i, (label, parts))| {
            let mut x = CHART_LABEL;
            let mut total = 0;
            let segments = parts
                .into_iter()
                .filter(|p| p.0 > 0)
                .map(|(n, class)| {
                    total += n;
                    let s = Segment {
                        x,
                        width: scale(total) + CHART_LABEL - x,
                        class,
                    };
                    x += s.width;
                    s
                })
                .collect();
            let label = if label.chars().count() > 24 {
                format!("{}…", label.chars().take(23).collect::<String>())
            } else {
                label
            };
            Bar {
                label,
                y: i as u32 * CHART_ROW,
                segments,
                total,
                end: x + 6,
            }
        })
        .collect();
    Chart {
        height: (bars.len() as u32 * CHART_ROW).max(CHART_ROW),
        bars,
    }
}

#[derive(Serialize)]
struct DashboardPage {
    communes: Vec<CommuneView>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    categories: Vec<CategoryRow>,
    totals: [usize; 4],
    services: Vec<ServiceRow>,
    late: usize,
    resolved_this_month: usize,
    median_days: Option<String>,
    ended_last_year: usize,
    category_chart: Chart,
    service_chart: Chart,
}

/// `GET /agent/tableau`: the commune's reports in figures, as tables.
pub async fn dashboard(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<ServicesQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let lang = ctx.lang;
    let Some(commune) = chosen_commune(&web, &actor, &q.commune) else {
        return super::forbidden(&web, &ctx);
    };
    let Ok(d) = web.app.dashboard(&actor, &commune) else {
        return super::forbidden(&web, &ctx);
    };
    let territory = web.app.territory();
    let c = territory.get(&commune);
    let services = web
        .app
        .services_of(&actor, &commune)
        .await
        .unwrap_or_default();
    let categories: Vec<CategoryRow> = d
        .open_by_category
        .iter()
        .map(|(id, [a, b, o])| CategoryRow {
            name: c
                .and_then(|c| c.settings.category(id))
                .map_or(id.clone(), |k| k.name(lang.code()).to_string()),
            young: *a,
            middle: *b,
            old: *o,
            total: a + b + o,
        })
        .collect();
    let totals = categories.iter().fold([0; 4], |t, r| {
        [
            t[0] + r.young,
            t[1] + r.middle,
            t[2] + r.old,
            t[3] + r.total,
        ]
    });
    let service_rows: Vec<ServiceRow> = d
        .by_service
        .iter()
        .map(|(s, open, late)| ServiceRow {
            name: s
                .and_then(|s| services.iter().find(|x| x.id == s))
                .map_or_else(|| web.ui.t(lang, "triage-no-service"), |x| x.name.clone()),
            open: *open,
            late: *late,
        })
        .collect();
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "agent-tableau.html",
        DashboardPage {
            communes: super::pages::communes(&web, lang),
            mine: my_communes(&web, &ctx, &actor),
            commune_name: c.map_or(commune.clone(), |c| c.name(lang.code()).to_string()),
            commune,
            category_chart: chart(
                categories
                    .iter()
                    .map(|r| {
                        let parts = vec![
                            (r.young, "chart-young"),
                            (r.middle, "chart-middle"),
                            (r.old, "chart-old"),
                        ];
                        (r.name.clone(), parts)
                    })
                    .collect(),
            ),
            service_chart: chart(
                service_rows
                    .iter()
                    .map(|r| {
                        let parts = vec![(r.open - r.late, "chart-young"), (r.late, "chart-old")];
                        (r.name.clone(), parts)
                    })
                    .collect(),
            ),
            categories,
            totals,
            services: service_rows,
            late: d.late,
            resolved_this_month: d.resolved_this_month,
            median_days: d.median_days_to_end.map(|m| format!("{m:.1}")),
            ended_last_year: d.ended_last_year,
        },
    )
}
