//! Tasks in the workspace: `/agent/taches`, the commune's tasks (by service, status,
//! mine, late), and `/agent/taches/{id}`, one task — its status, service, person, due
//! date and priority in plain fields, and its history. A report becomes a task from
//! the queue (`POST /agent/signalements/{id}/tache`).

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::carte::day;
use super::pages::CommuneView;
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::error::Error;
use crate::model::task::{CheckItem, STATUSES, Task, TaskDraft};
use crate::policy::Actor;

#[derive(Serialize)]
struct Opt {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct TaskRow {
    id: String,
    title: String,
    status: String,
    service: String,
    assignee: String,
    due: String,
    late: bool,
    priority: i64,
    /// the status's code and the task's version, for moving it from its card
    status_code: String,
    version: i64,
}

/// Names of the commune's services and people, for showing tasks.
struct Names {
    services: Vec<crate::model::triage::Service>,
    people: Vec<crate::model::account::User>,
}

impl Names {
    async fn load(web: &Web, actor: &Actor, commune: &str) -> Names {
        let services = web
            .app
            .services_of(actor, commune)
            .await
            .unwrap_or_default();
        let people = web
            .app
            .store
            .users()
            .await
            .unwrap_or_default()
            .into_iter()
            .filter(|u| u.grants.iter().any(|g| g.commune == commune))
            .collect();
        Names { services, people }
    }
    fn service_options(&self) -> Vec<Opt> {
        self.services
            .iter()
            .map(|s| Opt {
                value: s.id.to_string(),
                label: s.name.clone(),
            })
            .collect()
    }
    fn service(&self, id: Option<Uuid>) -> String {
        id.and_then(|id| self.services.iter().find(|s| s.id == id))
            .map_or_else(String::new, |s| s.name.clone())
    }
    fn person(&self, id: Option<Uuid>) -> String {
        id.and_then(|id| self.people.iter().find(|u| u.id == id))
            .map_or_else(String::new, |u| {
                if u.name.is_empty() {
                    u.email.clone()
                } else {
                    u.name.clone()
                }
            })
    }
}

/// The statuses of a task, in the page's language.
fn status_options(web: &Web, ctx: &Ctx) -> Vec<Opt> {
    STATUSES
        .iter()
        .map(|s| Opt {
            value: s.to_string(),
            label: web.ui.t(ctx.lang, &format!("task-status-{s}")),
        })
        .collect()
}

fn row(web: &Web, ctx: &Ctx, names: &Names, t: &Task) -> TaskRow {
    TaskRow {
        id: t.id.to_string(),
        title: t.title.clone(),
        status: web.ui.t(ctx.lang, &format!("task-status-{}", t.status)),
        service: names.service(t.service),
        assignee: names.person(t.assignee),
        due: t
            .due
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default(),
        late: t.late(crate::clock::today()),
        priority: t.priority,
        status_code: t.status.clone(),
        version: t.version,
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct ListQuery {
    #[serde(default)]
    commune: String,
    #[serde(default)]
    statut: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    miennes: String,
    /// `liste` (default), `colonnes` (one column per status), `calendrier` (by due day),
    /// `carte` (at their features' places).
    #[serde(default)]
    vue: String,
}

/// The tasks due on one day (the calendar view).
#[derive(Serialize)]
struct Day {
    date: String,
    rows: Vec<TaskRow>,
}

/// The tasks of one status (the columns view).
#[derive(Serialize)]
struct Column {
    status: String,
    label: String,
    rows: Vec<TaskRow>,
}

#[derive(Serialize)]
struct TemplateRow {
    id: String,
    name: String,
    title: String,
    recurrence: String,
    lead_days: Option<i64>,
}

#[derive(Serialize)]
struct ListPage<'a> {
    templates: Vec<TemplateRow>,
    /// the template form as sent, kept on an error
    template: TemplateForm,
    planner: bool,
    errors: Vec<FieldErr>,
    columns: Vec<Column>,
    days: Vec<Day>,
    communes: Vec<CommuneView>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    q: &'a ListQuery,
    statuses: Vec<Opt>,
    services: Vec<Opt>,
    rows: Vec<TaskRow>,
    map: Option<TaskMap>,
}

/// The map view: each task at its feature's place (the map is an extra; the page lists
/// the same tasks with their places).
#[derive(Serialize)]
struct TaskMap {
    bounds: [f64; 4],
    maplibre: String,
    maplibre_css: String,
    script: String,
    /// GeoJSON points: one per task attached to a feature this person may read.
    geojson: String,
    placed: Vec<Placed>,
    /// tasks with no place on the map
    unplaced: Vec<TaskRow>,
}

#[derive(Serialize)]
struct Placed {
    task: TaskRow,
    feature: String,
    feature_title: String,
}

/// The map view of these tasks: those attached to a feature are put at a point inside
/// it, the others listed apart.
fn task_map(web: &Web, ctx: &Ctx, actor: &Actor, names: &Names, shown: &[&Task]) -> TaskMap {
    use geo::InteriorPoint;
    let mut points = Vec::new();
    let mut placed = Vec::new();
    let mut unplaced = Vec::new();
    let mut bounds: Option<[f64; 4]> = None;
    for t in shown {
        let entry = t.feature.and_then(|f| web.app.get(f, actor).ok());
        let point = entry
            .as_ref()
            .and_then(|e| e.feature.geometry.interior_point());
        match (entry, point) {
            (Some(e), Some(p)) => {
                let b = bounds.get_or_insert([p.x(), p.y(), p.x(), p.y()]);
                *b = [
                    b[0].min(p.x()),
                    b[1].min(p.y()),
                    b[2].max(p.x()),
                    b[3].max(p.y()),
                ];
                points.push(serde_json::json!({
                    "type": "Feature",
                    "geometry": { "type": "Point", "coordinates": [p.x(), p.y()] },
                    "properties": {
                        "title": t.title,
                        "status": t.status,
                        "label": web.ui.t(ctx.lang, &format!("task-status-{}", t.status)),
                        "href": format!("/agent/taches/{}", t.id),
                        "late": t.late(crate::clock::today()),
                    },
                }));
                placed.push(Placed {
                    task: row(web, ctx, names, t),
                    feature: e.feature.id.to_string(),
                    feature_title: e.feature.title.clone(),
                });
            }
            _ => unplaced.push(row(web, ctx, names, t)),
        }
    }
    let bounds = bounds
        .map(|b| [b[0] - 0.002, b[1] - 0.002, b[2] + 0.002, b[3] + 0.002])
        .or_else(|| {
            web.app
                .territory()
                .active_bounds()
                .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y])
        })
        .unwrap_or([4.0, 50.5, 4.3, 50.7]);
    TaskMap {
        bounds,
        maplibre: web.ui.assets.versioned("maplibre-gl.mjs"),
        maplibre_css: web.ui.assets.versioned("maplibre-gl.css"),
        script: web.ui.assets.versioned("agent.js"),
        geojson: serde_json::json!({ "type": "FeatureCollection", "features": points }).to_string(),
        placed,
        unplaced,
    }
}

/// `GET /agent/taches`
pub async fn list(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<ListQuery>,
) -> Response {
    let form = TemplateForm::default();
    list_page(&web, &ctx, &actor, &q, StatusCode::OK, Vec::new(), form).await
}

/// The tasks page, with the template form as it was sent and what is wrong with it.
async fn list_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    q: &ListQuery,
    status: StatusCode,
    errors: Vec<FieldErr>,
    template: TemplateForm,
) -> Response {
    let Some(person) = actor.person() else {
        return super::compte::to_sign_in(ctx);
    };
    let me = person.id;
    let territory = web.app.territory();
    let Some(commune) = super::chosen_commune(web, actor, &q.commune) else {
        return super::forbidden(web, ctx);
    };
    let tasks = web.app.tasks_of(actor, &commune).await.unwrap_or_default();
    let names = Names::load(web, actor, &commune).await;
    let shown: Vec<&Task> = tasks
        .iter()
        .filter(|t| q.statut.is_empty() || t.status == q.statut)
        .filter(|t| {
            q.service.is_empty()
                || t.service.map(|s| s.to_string()).as_deref() == Some(q.service.as_str())
        })
        .filter(|t| q.miennes.is_empty() || t.assignee == Some(me))
        .collect();
    let rows: Vec<TaskRow> = shown.iter().map(|t| row(web, ctx, &names, t)).collect();
    let columns = match q.vue.as_str() {
        "colonnes" => STATUSES
            .iter()
            .map(|s| Column {
                status: s.to_string(),
                label: web.ui.t(ctx.lang, &format!("task-status-{s}")),
                rows: shown
                    .iter()
                    .filter(|t| t.status == *s)
                    .map(|t| row(web, ctx, &names, t))
                    .collect(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let days = match q.vue.as_str() {
        "calendrier" => {
            let words = super::words::Words::new(&web.ui.i18n, ctx.lang, crate::clock::now());
            let mut dated: Vec<&&Task> = shown.iter().filter(|t| t.due.is_some()).collect();
            dated.sort_by_key(|t| t.due);
            let mut days: Vec<Day> = Vec::new();
            for t in dated {
                let date = words.date(t.due.expect("dated"));
                match days.last_mut() {
                    Some(d) if d.date == date => d.rows.push(row(web, ctx, &names, t)),
                    _ => days.push(Day {
                        date,
                        rows: vec![row(web, ctx, &names, t)],
                    }),
                }
            }
            days
        }
        _ => Vec::new(),
    };
    let templates = web
        .app
        .templates_of(actor, &commune)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|t| TemplateRow {
            id: t.id.to_string(),
            name: t.name,
            title: t.title,
            recurrence: t
                .recurrence
                .map(|r| recurrence_words(web, ctx, r))
                .unwrap_or_default(),
            lead_days: t.lead_days,
        })
        .collect();
    let planner = actor.may_write(&commune);
    let map = (q.vue == "carte").then(|| task_map(web, ctx, actor, &names, &shown));
    web.ui.render(
        ctx,
        status,
        "agent-taches.html",
        ListPage {
            communes: super::pages::communes(web, ctx.lang),
            mine: super::my_communes(web, ctx, actor),
            commune_name: territory
                .get(&commune)
                .map_or(commune.clone(), |c| c.name(ctx.lang.code()).to_string()),
            commune,
            q,
            templates,
            planner,
            errors,
            template,
            columns,
            days,
            statuses: status_options(web, ctx),
            services: names.service_options(),
            rows,
            map,
        },
    )
}

#[derive(Serialize, Default)]
struct TaskForm {
    title: String,
    description: String,
    status: String,
    service: String,
    assignee: String,
    due_j: String,
    due_m: String,
    due_a: String,
    priority: i64,
    version: i64,
    project: String,
    checklist: Vec<CheckItem>,
    minutes_spent: i64,
    /// What was typed to add, kept on an error.
    new_steps: String,
    minutes_added: String,
}

#[derive(Serialize)]
struct History {
    version: i64,
    by: String,
    at: String,
    fields: String,
}

#[derive(Serialize)]
struct TaskPage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    id: String,
    v: TaskForm,
    feature: Option<String>,
    /// The task is a report's: it can be closed with a photo of the repair.
    for_report: bool,
    done_status: bool,
    /// The person plans the commune's work: they change everything; a worker changes
    /// status, steps and time, and reads the rest.
    planner: bool,
    statuses: Vec<Opt>,
    services: Vec<Opt>,
    people: Vec<Opt>,
    projects: Vec<Opt>,
    photos: Vec<String>,
    documents: Vec<DocumentView>,
    document_types: String,
    history: Vec<History>,
    comments: Vec<CommentView>,
    done: bool,
}

#[derive(Serialize)]
struct DocumentView {
    id: String,
    name: String,
    /// "PDF, 1,2 Mo"
    about: String,
}

#[derive(Serialize)]
struct CommentView {
    by: String,
    at: String,
    body: String,
}

/// The task page as first shown (`done`: after a save), or with the wrong answers.
enum Outcome {
    Shown { done: bool },
    Wrong(Vec<FieldErr>),
}

async fn task_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    task: &Task,
    v: TaskForm,
    outcome: Outcome,
) -> Response {
    let (status, errors, done) = match outcome {
        Outcome::Shown { done } => (StatusCode::OK, Vec::new(), done),
        Outcome::Wrong(errors) => (StatusCode::BAD_REQUEST, errors, false),
    };
    let names = Names::load(web, actor, &task.commune).await;
    let history = web
        .app
        .task_history(actor, task.id)
        .await
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|(version, by, at, changes)| History {
            version,
            by: by.trim_start_matches("user:").to_string(),
            at: super::agent::local_time(at),
            fields: changes
                .as_object()
                .map(|o| o.keys().cloned().collect::<Vec<_>>().join(", "))
                .unwrap_or_default(),
        })
        .collect();
    web.ui.render(
        ctx,
        status,
        "agent-tache.html",
        TaskPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            id: task.id.to_string(),
            v,
            feature: task.feature.map(|f| f.to_string()),
            for_report: task
                .feature
                .and_then(|f| web.app.get(f, actor).ok())
                .is_some_and(|e| e.feature.kind == crate::model::Kind::Report),
            done_status: task.status == "faite",
            planner: actor.may_write(&task.commune),
            statuses: status_options(web, ctx),
            services: names.service_options(),
            people: names
                .people
                .iter()
                .map(|u| Opt {
                    value: u.id.to_string(),
                    label: names.person(Some(u.id)),
                })
                .collect(),
            projects: web
                .app
                .store
                .projects(Some(&task.commune))
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|p| Opt {
                    value: p.id.to_string(),
                    label: p.name,
                })
                .collect(),
            photos: task.photos.clone(),
            documents: task
                .documents
                .iter()
                .map(|d| DocumentView {
                    id: d.id.to_string(),
                    name: d.name.clone(),
                    about: format!(
                        "{}, {}",
                        d.name
                            .rsplit_once('.')
                            .map_or(String::new(), |(_, e)| e.to_uppercase()),
                        size_words(web, ctx, d.size)
                    ),
                })
                .collect(),
            document_types: crate::model::task::document_extensions(),
            history,
            comments: web
                .app
                .store
                .comments(task.id)
                .await
                .unwrap_or_default()
                .into_iter()
                .map(|c| CommentView {
                    by: c.author.trim_start_matches("user:").to_string(),
                    at: super::agent::local_time(c.at),
                    body: c.body,
                })
                .collect(),
            done,
        },
    )
}

fn form_of(t: &Task) -> TaskForm {
    use chrono::Datelike;
    TaskForm {
        title: t.title.clone(),
        description: t.description.clone(),
        status: t.status.clone(),
        service: t.service.map(|s| s.to_string()).unwrap_or_default(),
        assignee: t.assignee.map(|s| s.to_string()).unwrap_or_default(),
        due_j: t.due.map(|d| d.day().to_string()).unwrap_or_default(),
        due_m: t.due.map(|d| d.month().to_string()).unwrap_or_default(),
        due_a: t.due.map(|d| d.year().to_string()).unwrap_or_default(),
        priority: t.priority,
        version: t.version,
        project: t.project.map(|p| p.to_string()).unwrap_or_default(),
        checklist: t.checklist.clone(),
        minutes_spent: t.minutes_spent,
        new_steps: String::new(),
        minutes_added: String::new(),
    }
}

use super::agent::DoneQuery;

/// `GET /agent/taches/{id}`
pub async fn show(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    match web.app.task(&actor, id).await {
        Ok(t) => {
            let done = q.fait.is_some();
            task_page(&web, &ctx, &actor, &t, form_of(&t), Outcome::Shown { done }).await
        }
        Err(_) => super::not_found(&web, &ctx),
    }
}

/// `POST /agent/taches/{id}`: the task's fields, the steps of its checklist ticked
/// (`etape_{i}`), new steps (`nouvelles_etapes`, one per line), minutes to add to the
/// time spent (`minutes_ajoutees`).
pub async fn save(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let f = super::formulaire::Fields(fields);
    let task = match posted_task(&web, &ctx, &actor, f.get("csrf"), &id).await {
        Ok(t) => t,
        Err(page) => return page,
    };
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let mut errors = Vec::new();
    let (due_j, due_m, due_a) = (
        f.get("due_j").trim(),
        f.get("due_m").trim(),
        f.get("due_a").trim(),
    );
    let due = if due_j.is_empty() && due_m.is_empty() && due_a.is_empty() {
        None
    } else {
        let d = day(due_j, due_m, due_a);
        if d.is_none() {
            errors.push(FieldErr {
                field: "due_j".into(),
                message: t("form-error-date"),
            });
        }
        d
    };
    let mut checklist: Vec<CheckItem> = task
        .checklist
        .iter()
        .enumerate()
        .map(|(i, item)| CheckItem {
            text: item.text.clone(),
            done: !f.get(&format!("etape_{i}")).is_empty(),
        })
        .collect();
    let new_steps = f.get("nouvelles_etapes").to_string();
    checklist.extend(
        new_steps
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| CheckItem {
                text: l.to_string(),
                done: false,
            }),
    );
    let added = f.get("minutes_ajoutees").trim().to_string();
    let minutes = match added.as_str() {
        "" => Some(0),
        m => m.parse::<i64>().ok().filter(|m| *m >= 0),
    };
    if minutes.is_none() {
        errors.push(FieldErr {
            field: "minutes_ajoutees".into(),
            message: t("task-error-minutes"),
        });
    }
    let priority: i64 = f.get("priority").parse().unwrap_or(0);
    let version: i64 = f.get("version").parse().unwrap_or(0);
    let v = TaskForm {
        title: f.get("title").trim().to_string(),
        description: f.get("description").trim().to_string(),
        status: f.get("status").to_string(),
        service: f.get("service").to_string(),
        assignee: f.get("assignee").to_string(),
        due_j: due_j.to_string(),
        due_m: due_m.to_string(),
        due_a: due_a.to_string(),
        priority,
        version,
        project: f.get("projet").to_string(),
        checklist: checklist.clone(),
        minutes_spent: task.minutes_spent,
        new_steps: new_steps.clone(),
        minutes_added: added.clone(),
    };
    // a worker's form has only what workers change; the rest stays as it is
    let planner = actor.may_write(&task.commune);
    let v = if planner {
        v
    } else {
        TaskForm {
            status: v.status,
            version: v.version,
            checklist: v.checklist,
            new_steps: v.new_steps,
            minutes_added: v.minutes_added,
            ..form_of(&task)
        }
    };
    let due = if planner { due } else { task.due };
    if errors.is_empty() {
        let draft = TaskDraft {
            title: v.title.clone(),
            description: v.description.clone(),
            status: v.status.clone(),
            feature: task.feature,
            service: Uuid::parse_str(&v.service).ok(),
            assignee: Uuid::parse_str(&v.assignee).ok(),
            due,
            priority: v.priority,
            project: Uuid::parse_str(&v.project).ok(),
            checklist,
            minutes_spent: task.minutes_spent.saturating_add(minutes.unwrap_or(0)),
            // photos and documents are added one by one, never replaced by a form
            photos: Vec::new(),
            documents: Vec::new(),
        };
        match web.app.update_task(&actor, task.id, draft, version).await {
            Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
            Ok(_) => {
                return Redirect::to(&format!("/agent/taches/{}?fait=1", task.id)).into_response();
            }
            Err(Error::Invalid(errs)) => {
                for e in errs {
                    if e.code == "planner_only" {
                        errors.push(FieldErr {
                            field: "status".into(),
                            message: t("task-error-planner-only"),
                        });
                        break;
                    }
                    let field = match e.pointer.as_str() {
                        "/title" => "title",
                        "/status" => "status",
                        "/service" => "service",
                        "/assignee" => "assignee",
                        "/priority" => "priority",
                        "/checklist" => "nouvelles_etapes",
                        "/minutes_spent" => "minutes_ajoutees",
                        "/project" => "projet",
                        _ => "description",
                    };
                    errors.push(FieldErr {
                        field: field.into(),
                        message: t(&format!("task-error-{field}")),
                    });
                }
            }
            Err(Error::PreconditionFailed { .. }) => {
                errors.push(FieldErr {
                    field: "title".into(),
                    message: t("form-error-stale"),
                });
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot save a task");
                errors.push(FieldErr {
                    field: "title".into(),
                    message: t("form-error-unavailable"),
                });
            }
        }
    }
    task_page(&web, &ctx, &actor, &task, v, Outcome::Wrong(errors)).await
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    version: i64,
    /// the page to go back to (the columns view)
    #[serde(default)]
    retour: String,
}

/// `POST /agent/taches/{id}/etat`: only the status changes, from a card of the columns
/// view (a kanban board that needs no JavaScript).
pub async fn move_status(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<StatusForm>,
) -> Response {
    let task = match posted_task(&web, &ctx, &actor, &form.csrf, &id).await {
        Ok(t) => t,
        Err(page) => return page,
    };
    let mut draft = task.draft();
    draft.status = form.status.clone();
    let key = match web
        .app
        .update_task(&actor, task.id, draft, form.version)
        .await
    {
        Ok(t) => {
            let back = super::compte::safe_return(Some(&form.retour));
            return Redirect::to(&format!("{back}#col-{}", t.status)).into_response();
        }
        Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
        Err(Error::PreconditionFailed { .. }) => "form-error-stale",
        Err(Error::Invalid(_)) => "task-error-status",
        Err(e) => {
            tracing::error!(error = %e, "cannot move a task");
            "form-error-unavailable"
        }
    };
    let errors = vec![FieldErr {
        field: "status".into(),
        message: web.ui.t(ctx.lang, key),
    }];
    task_page(
        &web,
        &ctx,
        &actor,
        &task,
        form_of(&task),
        Outcome::Wrong(errors),
    )
    .await
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /agent/signalements/{id}/tache`: the report becomes a task.
pub async fn from_report(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    match web.app.task_from_report(&actor, id).await {
        Ok(t) => Redirect::to(&format!("/agent/taches/{}?fait=1", t.id)).into_response(),
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(Error::NotFound(_)) => super::not_found(&web, &ctx),
        Err(e) => {
            tracing::error!(error = %e, "cannot make a task of a report");
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

/// Reads a one-photo form (`csrf`, `photo`) about a task and keeps the photo (re-encoded,
/// without metadata): the task and the photo's id, or the page to answer instead.
async fn kept_photo(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
    field: &'static str,
    multipart: axum::extract::Multipart,
) -> Result<(Task, String), Response> {
    let (task, upload) = upload_of(
        web,
        ctx,
        actor,
        id,
        "photo",
        super::signaler::MAX_PHOTO_BYTES,
        multipart,
    )
    .await?;
    let message = match (upload.too_big, upload.bytes) {
        (true, _) => web.ui.i18n.tf(
            ctx.lang,
            "photos-error-size",
            &[(
                "mb",
                ((super::signaler::MAX_PHOTO_BYTES >> 20) as i64).into(),
            )],
        ),
        (false, None) => web.ui.t(ctx.lang, "task-error-photo"),
        (false, Some(bytes)) => {
            match super::signaler::keep_photo(web.app.photo_dir(), bytes).await {
                Ok(photo) => return Ok((task, photo)),
                Err(refused) => refused.message(web, ctx.lang, "photo"),
            }
        }
    };
    Err(wrong_file(web, ctx, actor, &task, field, message).await)
}

/// A size as people read it: "850 ko", "1,2 Mo" (the unit words are translated).
fn size_words(web: &Web, ctx: &Ctx, bytes: u64) -> String {
    if bytes < 1 << 20 {
        let kb = bytes.div_ceil(1024) as i64;
        web.ui.i18n.tf(ctx.lang, "size-kb", &[("n", kb.into())])
    } else {
        let mb = (bytes as f64) / f64::from(1 << 20);
        web.ui.i18n.tf(
            ctx.lang,
            "size-mb",
            &[("n", ((mb * 10.0).round() / 10.0).into())],
        )
    }
}

/// A file sent with a task form.
struct Upload {
    file_name: String,
    /// `None` when no file (or an empty one) was chosen.
    bytes: Option<Vec<u8>>,
    too_big: bool,
}

/// Reads a task's multipart form (`csrf` and the file field `file`, at most `max`
/// bytes), checks the form's token, and finds the task; or the page to answer with.
async fn upload_of(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    id: &str,
    file: &str,
    max: usize,
    mut multipart: axum::extract::Multipart,
) -> Result<(Task, Upload), Response> {
    let mut csrf = String::new();
    let mut up = Upload {
        file_name: String::new(),
        bytes: None,
        too_big: false,
    };
    loop {
        match multipart.next_field().await {
            Ok(Some(field)) => match field.name().unwrap_or("") {
                "csrf" => csrf = field.text().await.unwrap_or_default(),
                name if name == file => {
                    up.file_name = field.file_name().unwrap_or("").to_string();
                    match field.bytes().await {
                        Ok(b) if b.len() <= max => {
                            up.bytes = Some(b.to_vec()).filter(|b| !b.is_empty())
                        }
                        _ => up.too_big = true,
                    }
                }
                _ => {}
            },
            Ok(None) => break,
            Err(_) => {
                up.too_big = true;
                break;
            }
        }
    }
    if !up.too_big
        && let Some(r) = super::refused(web, ctx, actor, &csrf)
    {
        return Err(r);
    }
    let task = match Uuid::parse_str(id) {
        Ok(id) => web.app.task(actor, id).await.ok(),
        Err(_) => None,
    };
    match task {
        Some(task) => Ok((task, up)),
        None => Err(super::not_found(web, ctx)),
    }
}

/// `POST /agent/taches/{id}/documents` (multipart: `csrf`, `document`): a plan, a
/// permit, a quote… kept with the task for the commune's people.
pub async fn add_document(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Response {
    let max = crate::model::task::MAX_DOCUMENT_BYTES;
    let (task, up) = match upload_of(&web, &ctx, &actor, &id, "document", max, multipart).await {
        Ok(read) => read,
        Err(page) => return page,
    };
    let lang = ctx.lang;
    let message = match (up.too_big, up.bytes) {
        (true, _) => web.ui.i18n.tf(
            lang,
            "task-document-error-size",
            &[("mb", ((max >> 20) as i64).into())],
        ),
        (false, None) => web.ui.t(lang, "task-document-error-none"),
        (false, Some(bytes)) => {
            match web
                .app
                .add_task_document(&actor, task.id, &up.file_name, &bytes)
                .await
            {
                Ok(t) => {
                    return Redirect::to(&format!("/agent/taches/{}?fait=1#documents", t.id))
                        .into_response();
                }
                Err(Error::Invalid(e)) => match e.first().map(|e| e.code) {
                    Some("too_many_documents") => web.ui.t(lang, "task-document-error-count"),
                    _ => web.ui.i18n.tf(
                        lang,
                        "task-document-error-type",
                        &[("types", crate::model::task::document_extensions().into())],
                    ),
                },
                Err(Error::PreconditionFailed { .. }) => web.ui.t(lang, "form-error-stale"),
                Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
                Err(e) => {
                    tracing::error!(error = %e, "cannot keep a task's document");
                    web.ui.t(lang, "form-error-unavailable")
                }
            }
        }
    };
    wrong_file(&web, &ctx, &actor, &task, "document", message).await
}

/// `POST /agent/taches/{id}/documents/{doc}/retirer` and
/// `POST /agent/taches/{id}/photos/{photo}/retirer`: the attachment is taken off the
/// task (its planners).
pub async fn remove_attachment(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path((id, what, file)): Path<(String, String, String)>,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let (Ok(id), Ok(file)) = (Uuid::parse_str(&id), Uuid::parse_str(&file)) else {
        return super::not_found(&web, &ctx);
    };
    let (done, anchor) = match what.as_str() {
        "documents" => (
            web.app.remove_task_document(&actor, id, file).await,
            "documents",
        ),
        "photos" => (web.app.remove_task_photo(&actor, id, file).await, "photos"),
        _ => return super::not_found(&web, &ctx),
    };
    match done {
        Ok(t) => Redirect::to(&format!("/agent/taches/{}?fait=1#{anchor}", t.id)).into_response(),
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(Error::NotFound(_)) => super::not_found(&web, &ctx),
        Err(e) => {
            tracing::error!(error = %e, "cannot take an attachment off a task");
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

/// `GET /agent/taches/{id}/documents/{doc}`: a task's document, for the people of the
/// task's commune, always as a download.
pub async fn document(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path((id, doc)): Path<(String, String)>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let (Ok(id), Ok(doc)) = (Uuid::parse_str(&id), Uuid::parse_str(&doc)) else {
        return super::not_found(&web, &ctx);
    };
    match web.app.task_document(&actor, id, doc).await {
        Ok((d, bytes)) => crate::api::tasks::document_download(&d, bytes),
        Err(_) => super::not_found(&web, &ctx),
    }
}

/// The task page saying what is wrong with the file sent (a photo, a document).
async fn wrong_file(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    task: &Task,
    field: &'static str,
    message: String,
) -> Response {
    let errors = vec![FieldErr {
        field: field.into(),
        message,
    }];
    task_page(web, ctx, actor, task, form_of(task), Outcome::Wrong(errors)).await
}

/// `POST /agent/taches/{id}/repare` (multipart: `csrf`, `photo`): the work is done, with
/// a photo — the report is resolved and shows the photo to the public, the task is done.
pub async fn repaired(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Response {
    let (task, photo) = match kept_photo(&web, &ctx, &actor, &id, "photo", multipart).await {
        Ok(kept) => kept,
        Err(page) => return page,
    };
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let message = match web.app.resolve_with_photo(&actor, task.id, &photo).await {
        Ok(t) => return Redirect::to(&format!("/agent/taches/{}?fait=1", t.id)).into_response(),
        Err(Error::Invalid(e)) if e.first().is_some_and(|e| e.code == "report_closed") => {
            t("task-error-report-closed")
        }
        Err(Error::PreconditionFailed { .. }) => t("form-error-stale"),
        Err(e) => {
            tracing::error!(error = %e, "cannot resolve a report with a photo");
            t("form-error-unavailable")
        }
    };
    wrong_file(&web, &ctx, &actor, &task, "photo", message).await
}

/// `POST /agent/taches/{id}/photos` (multipart: `csrf`, `photo`): a photo of the work,
/// kept with the task (for the commune only).
pub async fn add_photo(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    multipart: axum::extract::Multipart,
) -> Response {
    let (task, photo) = match kept_photo(&web, &ctx, &actor, &id, "task-photo", multipart).await {
        Ok(kept) => kept,
        Err(page) => return page,
    };
    match web.app.add_task_photo(&actor, task.id, &photo).await {
        Ok(t) => Redirect::to(&format!("/agent/taches/{}?fait=1#photos", t.id)).into_response(),
        Err(Error::Forbidden) => {
            // not theirs to attach to: the photo just kept goes again
            web.app.forget_photo(&photo);
            super::forbidden(&web, &ctx)
        }
        Err(e) => {
            let key = match e {
                Error::Invalid(_) => "task-error-photos-count",
                _ => "form-error-unavailable",
            };
            let message = web.ui.t(ctx.lang, key);
            wrong_file(&web, &ctx, &actor, &task, "task-photo", message).await
        }
    }
}

/// `GET /agent/taches/{id}/photos/{file}`: a task's photo (`{photo}.jpg`) or its
/// thumbnail (`{photo}-vignette.jpg`), for the people of the task's commune.
pub async fn photo(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path((id, file)): Path<(String, String)>,
) -> Response {
    let (photo, suffix) = super::signaler::photo_file(&file);
    let task = match Uuid::parse_str(&id) {
        Ok(id) => web.app.task(&actor, id).await.ok(),
        Err(_) => None,
    };
    let Some(photo) = task
        .filter(|t| t.photos.iter().any(|p| p == photo))
        .and_then(|_| Uuid::parse_str(photo).ok())
    else {
        return super::not_found(&web, &ctx);
    };
    super::signaler::send_photo(&web, &ctx, photo, suffix, "private, max-age=3600").await
}

/// `GET /agent/taches/{id}/historique.csv`
pub async fn history_export(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    match web.app.task_history(&actor, id).await {
        Ok(h) => super::agent::history_csv(
            &format!("tache-{id}"),
            h.into_iter().map(|(version, by, at, changes)| {
                let at = chrono::DateTime::from_timestamp(at, 0)
                    .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    .unwrap_or_default();
                let action = if version == 1 { "create" } else { "update" };
                (version, action.to_string(), by, at, changes.to_string())
            }),
        ),
        Err(_) => super::not_found(&web, &ctx),
    }
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    body: String,
}

/// `POST /agent/taches/{id}/commentaires`: a comment; `@jean.dupont` tells that person.
pub async fn comment(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<CommentForm>,
) -> Response {
    let task = match posted_task(&web, &ctx, &actor, &form.csrf, &id).await {
        Ok(t) => t,
        Err(page) => return page,
    };
    match web.app.add_comment(&actor, task.id, &form.body).await {
        Ok(_) => Redirect::to(&format!("/agent/taches/{}#commentaires", task.id)).into_response(),
        Err(Error::Invalid(_)) => {
            let errors = vec![FieldErr {
                field: "body".into(),
                message: web.ui.t(ctx.lang, "comment-error"),
            }];
            task_page(
                &web,
                &ctx,
                &actor,
                &task,
                form_of(&task),
                Outcome::Wrong(errors),
            )
            .await
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot add a comment");
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
struct NoticeView {
    text: String,
    at: String,
    task: Option<String>,
    unread: bool,
}

#[derive(Serialize)]
struct NoticesPage {
    communes: Vec<CommuneView>,
    notices: Vec<NoticeView>,
    email_when: &'static str,
    mail_lang: String,
    /// the languages e-mail may be in (`langs` is the page's language switch)
    mail_langs: Vec<Opt>,
    done: bool,
}

/// `GET /agent/notifications`: what concerns me, newest first, and how I am told.
pub async fn notices(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<DoneQuery>,
) -> Response {
    let Some(person) = actor.person() else {
        return super::compte::to_sign_in(&ctx);
    };
    let list = web.app.notices_of(&actor).await.unwrap_or_default();
    let when = web
        .app
        .store
        .email_when(person.id)
        .await
        .unwrap_or(crate::model::task::EmailWhen::Now);
    let mail_lang = web
        .app
        .store
        .mail_lang(person.id)
        .await
        .unwrap_or_else(|_| "fr".into());
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "agent-notifications.html",
        NoticesPage {
            communes: super::pages::communes(&web, ctx.lang),
            notices: list
                .iter()
                .map(|n| NoticeView {
                    text: web.ui.i18n.tf(
                        ctx.lang,
                        &format!("notice-{}", n.kind),
                        &[("task", n.text.clone().into())],
                    ),
                    at: super::agent::local_time(n.at),
                    task: n.task.map(|t| t.to_string()),
                    unread: n.read_at.is_none(),
                })
                .collect(),
            email_when: when.as_str(),
            mail_lang,
            mail_langs: super::i18n::Lang::ALL
                .iter()
                .map(|l| Opt {
                    value: l.code().to_string(),
                    label: l.native_name().to_string(),
                })
                .collect(),
            done: q.fait.is_some(),
        },
    )
}

#[derive(Deserialize)]
pub struct NoticesForm {
    #[serde(default)]
    csrf: String,
    /// `lu` (mark all read) or `reglages` (how to be told).
    #[serde(default)]
    action: String,
    #[serde(default)]
    email: String,
    /// the language of the e-mails (`fr`, `nl`, `de`, `en`)
    #[serde(default)]
    lang: String,
}

/// `POST /agent/notifications`
pub async fn notices_post(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<NoticesForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let Some(person) = actor.person() else {
        return super::compte::to_sign_in(&ctx);
    };
    let now = crate::clock::now().timestamp();
    let lang = super::i18n::Lang::parse(&form.lang).unwrap_or(super::i18n::Lang::Fr);
    let done = match (
        form.action.as_str(),
        crate::model::task::EmailWhen::parse(&form.email),
    ) {
        ("lu", _) => web.app.store.mark_read(person.id, now).await.map(|_| ()),
        ("reglages", Some(when)) => {
            web.app
                .store
                .set_email_when(person.id, when, lang.code())
                .await
        }
        _ => {
            return super::message(
                &web,
                &ctx,
                StatusCode::BAD_REQUEST,
                "unavailable-title",
                "notices-error",
            );
        }
    };
    match done {
        Ok(()) => Redirect::to("/agent/notifications?fait=1").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "cannot change notices");
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
struct ProjectRow {
    id: String,
    name: String,
    description: String,
}

#[derive(Serialize)]
struct ProjectsPage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    planner: bool,
    projects: Vec<ProjectRow>,
    deleted: bool,
}

async fn projects_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    commune: &str,
    status: StatusCode,
    errors: Vec<FieldErr>,
    deleted: bool,
) -> Response {
    let territory = web.app.territory();
    let Some(commune) = super::chosen_commune(web, actor, commune) else {
        return super::forbidden(web, ctx);
    };
    let projects = web
        .app
        .projects_of(actor, &commune)
        .await
        .unwrap_or_default();
    web.ui.render(
        ctx,
        status,
        "agent-projets.html",
        ProjectsPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            mine: super::my_communes(web, ctx, actor),
            commune_name: territory
                .get(&commune)
                .map_or(commune.clone(), |c| c.name(ctx.lang.code()).to_string()),
            planner: actor.may_write(&commune),
            commune,
            projects: projects
                .into_iter()
                .map(|p| ProjectRow {
                    id: p.id.to_string(),
                    name: p.name,
                    description: p.description,
                })
                .collect(),
            deleted,
        },
    )
}

#[derive(Deserialize, Default)]
pub struct CommuneQuery {
    #[serde(default)]
    commune: String,
    /// what was just done (`supprime`: a project was deleted)
    #[serde(default)]
    fait: String,
}

/// `GET /agent/projets`
pub async fn projects(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<CommuneQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    let deleted = q.fait == "supprime";
    projects_page(
        &web,
        &ctx,
        &actor,
        &q.commune,
        StatusCode::OK,
        Vec::new(),
        deleted,
    )
    .await
}

#[derive(Deserialize)]
pub struct ProjectForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
}

/// `POST /agent/projets`: a new project.
pub async fn project_create(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<ProjectForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    match web
        .app
        .add_project(&actor, &form.commune, &form.name, &form.description)
        .await
    {
        Ok(p) => Redirect::to(&format!("/agent/projets/{}", p.id)).into_response(),
        Err(e) => {
            let key = match e {
                Error::Forbidden => "form-error-forbidden",
                Error::Invalid(e) if e.iter().any(|e| e.code == "name_taken") => {
                    "project-error-name-taken"
                }
                _ => "project-error-name",
            };
            let errors = vec![FieldErr {
                field: "name".into(),
                message: web.ui.t(ctx.lang, key),
            }];
            projects_page(
                &web,
                &ctx,
                &actor,
                &form.commune,
                StatusCode::BAD_REQUEST,
                errors,
                false,
            )
            .await
        }
    }
}

#[derive(Serialize)]
struct FeatureLink {
    id: String,
    title: String,
    kind: &'static str,
}

#[derive(Serialize)]
struct ProjectPage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    id: String,
    name: String,
    description: String,
    planner: bool,
    tasks: Vec<TaskRow>,
    features: Vec<FeatureLink>,
    services: Vec<Opt>,
    version: i64,
    commune: String,
    /// the project's audit (creation, renames)
    history: Vec<super::journal::Line>,
    saved: bool,
}

async fn project_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    id: Uuid,
    status: StatusCode,
    errors: Vec<FieldErr>,
    saved: bool,
) -> Response {
    let Ok((p, tasks, features)) = web.app.project(actor, id).await else {
        return super::not_found(web, ctx);
    };
    let names = Names::load(web, actor, &p.commune).await;
    let audit = web
        .app
        .audit_of(actor, &p.commune, Some(p.id), None, 500)
        .await
        .unwrap_or_default();
    web.ui.render(
        ctx,
        status,
        "agent-projet.html",
        ProjectPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            id: p.id.to_string(),
            planner: actor.may_write(&p.commune),
            name: p.name,
            description: p.description,
            tasks: tasks.iter().map(|t| row(web, ctx, &names, t)).collect(),
            features: features
                .iter()
                .map(|e| FeatureLink {
                    id: e.feature.id.to_string(),
                    title: e.feature.title.clone(),
                    kind: e.feature.kind.as_str(),
                })
                .collect(),
            services: names.service_options(),
            history: super::journal::lines(web, ctx.lang, &audit, &[]),
            version: p.version,
            commune: p.commune,
            saved,
        },
    )
}

/// What every form of a task's page checks first: its token, and that the task is one
/// the person may read; or the page to answer with.
async fn posted_task(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    csrf: &str,
    id: &str,
) -> Result<Task, Response> {
    if let Some(r) = super::refused(web, ctx, actor, csrf) {
        return Err(r);
    }
    let task = match Uuid::parse_str(id) {
        Ok(id) => web.app.task(actor, id).await.ok(),
        Err(_) => None,
    };
    task.ok_or_else(|| super::not_found(web, ctx))
}

/// What every form of a project's page checks first: its token, and that the project
/// is one the person may read; or the page to answer with.
async fn posted_project(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    csrf: &str,
    id: &str,
) -> Result<crate::model::task::Project, Response> {
    if let Some(r) = super::refused(web, ctx, actor, csrf) {
        return Err(r);
    }
    let project = match Uuid::parse_str(id) {
        Ok(id) => web.app.project(actor, id).await.ok(),
        Err(_) => None,
    };
    project
        .map(|(p, _, _)| p)
        .ok_or_else(|| super::not_found(web, ctx))
}

#[derive(Deserialize)]
pub struct ProjectChangeForm {
    #[serde(default)]
    csrf: String,
    /// `modifier` or `supprimer`
    #[serde(default)]
    action: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    version: Option<i64>,
}

/// `POST /agent/projets/{id}`: renames or redescribes the project, or deletes it when
/// nothing belongs to it any more.
pub async fn project_change(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<ProjectChangeForm>,
) -> Response {
    let p = match posted_project(&web, &ctx, &actor, &form.csrf, &id).await {
        Ok(p) => p,
        Err(page) => return page,
    };
    let id = p.id;
    let result = if form.action == "supprimer" {
        web.app.delete_project(&actor, id).await
    } else {
        web.app
            .update_project(&actor, id, &form.name, &form.description, form.version)
            .await
            .map(|_| ())
    };
    let (field, key) = match result {
        Ok(()) if form.action == "supprimer" => {
            return Redirect::to(&format!(
                "/agent/projets?commune={}&fait=supprime",
                p.commune
            ))
            .into_response();
        }
        Ok(()) => return Redirect::to(&format!("/agent/projets/{id}?fait=1")).into_response(),
        Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
        Err(Error::NotFound(_)) => return super::not_found(&web, &ctx),
        Err(Error::PreconditionFailed { .. }) => ("project-name", "project-error-stale"),
        Err(Error::Invalid(e)) if e.iter().any(|e| e.code == "in_use") => {
            ("project-name", "project-error-in-use")
        }
        Err(Error::Invalid(e)) if e.iter().any(|e| e.code == "name_taken") => {
            ("project-name", "project-error-name-taken")
        }
        Err(Error::Invalid(e)) if e.iter().any(|e| e.pointer == "/description") => {
            ("project-description", "project-error-description")
        }
        Err(Error::Invalid(_)) => ("project-name", "project-error-name"),
        Err(e) => {
            tracing::error!(error = %e, "cannot change a project");
            return super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "unavailable-text",
            );
        }
    };
    let errors = vec![FieldErr {
        field: field.into(),
        message: web.ui.t(ctx.lang, key),
    }];
    let status = if key == "project-error-stale" {
        StatusCode::CONFLICT
    } else {
        StatusCode::BAD_REQUEST
    };
    project_page(&web, &ctx, &actor, id, status, errors, false).await
}

/// `GET /agent/projets/{id}`: the project's tasks and features.
pub async fn project(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    match Uuid::parse_str(&id) {
        Ok(id) => {
            let saved = q.fait.is_some();
            project_page(&web, &ctx, &actor, id, StatusCode::OK, Vec::new(), saved).await
        }
        Err(_) => super::not_found(&web, &ctx),
    }
}

#[derive(Deserialize)]
pub struct NewTaskForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    service: String,
}

/// `POST /agent/projets/{id}/taches`: a new task of the project.
pub async fn project_task(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<NewTaskForm>,
) -> Response {
    let p = match posted_project(&web, &ctx, &actor, &form.csrf, &id).await {
        Ok(p) => p,
        Err(page) => return page,
    };
    let id = p.id;
    let draft = TaskDraft {
        title: form.title.clone(),
        status: "a_faire".into(),
        priority: 2,
        service: Uuid::parse_str(&form.service).ok(),
        project: Some(p.id),
        ..Default::default()
    };
    match web.app.create_task(&actor, &p.commune, draft).await {
        Ok(t) => Redirect::to(&format!("/agent/taches/{}?fait=1", t.id)).into_response(),
        Err(e) => {
            let key = if matches!(e, Error::Forbidden) {
                "form-error-forbidden"
            } else {
                "task-error-title"
            };
            let errors = vec![FieldErr {
                field: "title".into(),
                message: web.ui.t(ctx.lang, key),
            }];
            project_page(
                &web,
                &ctx,
                &actor,
                id,
                StatusCode::BAD_REQUEST,
                errors,
                false,
            )
            .await
        }
    }
}

/// "Chaque lundi", "Le 1er de chaque mois".
fn recurrence_words(web: &Web, ctx: &Ctx, r: crate::model::task::Recurrence) -> String {
    match r {
        crate::model::task::Recurrence::Weekly(n) => web.ui.i18n.tf(
            ctx.lang,
            "template-weekly",
            &[("day", web.ui.t(ctx.lang, &format!("weekday-{n}")).into())],
        ),
        crate::model::task::Recurrence::Monthly(n) => {
            web.ui
                .i18n
                .tf(ctx.lang, "template-monthly", &[("n", (n as i64).into())])
        }
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct TemplateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    steps: String,
    #[serde(default)]
    service: String,
    #[serde(default)]
    lead_days: String,
    /// `weekly:1`…`weekly:7`, `monthly:1`…`monthly:28`, or empty.
    #[serde(default)]
    recurrence: String,
    /// `supprimer` (with `template`) deletes one; otherwise a new one
    #[serde(default)]
    action: String,
    #[serde(default)]
    template: String,
    /// the version of the template changed, as its form showed it
    #[serde(default)]
    version: Option<i64>,
}

/// `POST /agent/modeles`: a new task template of the commune, or (`action=supprimer`,
/// `template`) one deleted — a recurring one then makes no more tasks.
pub async fn template_create(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<TemplateForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let back = ListQuery {
        commune: form.commune.clone(),
        ..Default::default()
    };
    if form.action == "supprimer" {
        let id = Uuid::parse_str(&form.template).map_err(|_| Error::NotFound(String::new()));
        return match id {
            Ok(id) => match web.app.delete_template(&actor, id).await {
                Ok(()) => {
                    Redirect::to(&format!("/agent/taches?commune={}", form.commune)).into_response()
                }
                Err(Error::Forbidden) => super::forbidden(&web, &ctx),
                Err(_) => super::not_found(&web, &ctx),
            },
            Err(_) => super::not_found(&web, &ctx),
        };
    }
    let template = template_of_form(&web, &ctx, &form, Uuid::now_v7());
    let errors = match template {
        Ok(t) => match web.app.add_template(&actor, t).await {
            Ok(_) => {
                return Redirect::to(&format!("/agent/taches?commune={}", form.commune))
                    .into_response();
            }
            Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
            Err(e) => template_errors(&web, &ctx, e),
        },
        Err(errors) => errors,
    };
    list_page(
        &web,
        &ctx,
        &actor,
        &back,
        StatusCode::BAD_REQUEST,
        errors,
        form,
    )
    .await
}

/// The template a form describes, or what is wrong with its numbers and repetition
/// (the rest is the app's to check).
fn template_of_form(
    web: &Web,
    ctx: &Ctx,
    form: &TemplateForm,
    id: Uuid,
) -> Result<crate::model::task::Template, Vec<FieldErr>> {
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let mut errors: Vec<FieldErr> = Vec::new();
    let lead_days = match form.lead_days.trim() {
        "" => None,
        s => match s.parse::<i64>() {
            Ok(n) => Some(n),
            Err(_) => {
                errors.push(FieldErr {
                    field: "tpl-lead".into(),
                    message: t("template-error-lead"),
                });
                None
            }
        },
    };
    let recurrence = match form.recurrence.as_str() {
        "" => None,
        s => {
            let r = crate::model::task::Recurrence::parse(s);
            if r.is_none() {
                errors.push(FieldErr {
                    field: "tpl-rec".into(),
                    message: t("template-error-recurrence"),
                });
            }
            r
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(crate::model::task::Template {
        id,
        commune: form.commune.clone(),
        name: form.name.clone(),
        title: form.title.trim().to_string(),
        description: String::new(),
        checklist: form
            .steps
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|l| CheckItem {
                text: l.to_string(),
                done: false,
            })
            .collect(),
        service: Uuid::parse_str(&form.service).ok(),
        lead_days,
        recurrence,
        next_on: None,
        version: 1,
    })
}

/// The template form's fields named by what the app found wrong.
fn template_errors(web: &Web, ctx: &Ctx, e: Error) -> Vec<FieldErr> {
    let t = |k: &str| web.ui.t(ctx.lang, k);
    match e {
        Error::Invalid(errs) => errs
            .into_iter()
            .map(|e| {
                let (field, key) = match (e.pointer.as_str(), e.code) {
                    ("/name", "name_taken") => ("tpl-name", "template-error-name-taken"),
                    ("/name", _) => ("tpl-name", "template-error-name"),
                    ("/lead_days", _) => ("tpl-lead", "template-error-lead"),
                    ("/checklist", _) => ("tpl-steps", "template-error-steps"),
                    ("/service", _) => ("tpl-service", "services-error-service"),
                    _ => ("tpl-title", "template-error-title-field"),
                };
                FieldErr {
                    field: field.into(),
                    message: t(key),
                }
            })
            .collect(),
        Error::PreconditionFailed { .. } => vec![FieldErr {
            field: "tpl-name".into(),
            message: t("form-error-stale"),
        }],
        e => {
            tracing::error!(error = %e, "cannot keep a template");
            vec![FieldErr {
                field: "tpl-name".into(),
                message: t("form-error-unavailable"),
            }]
        }
    }
}

#[derive(Serialize)]
struct TemplatePage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    id: String,
    commune: String,
    template: TemplateForm,
    services: Vec<Opt>,
}

async fn template_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    id: Uuid,
    form: Option<TemplateForm>,
    status: StatusCode,
    errors: Vec<FieldErr>,
) -> Response {
    let Some(current) = web
        .app
        .template(actor, id)
        .await
        .ok()
        .filter(|t| actor.may_write(&t.commune))
    else {
        return super::not_found(web, ctx);
    };
    let names = Names::load(web, actor, &current.commune).await;
    let template = form.unwrap_or_else(|| TemplateForm {
        commune: current.commune.clone(),
        name: current.name.clone(),
        title: current.title.clone(),
        steps: current
            .checklist
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        service: current.service.map(|s| s.to_string()).unwrap_or_default(),
        lead_days: current.lead_days.map(|d| d.to_string()).unwrap_or_default(),
        recurrence: current.recurrence.map(|r| r.code()).unwrap_or_default(),
        version: Some(current.version),
        ..Default::default()
    });
    web.ui.render(
        ctx,
        status,
        "agent-modele.html",
        TemplatePage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            id: id.to_string(),
            commune: current.commune,
            template,
            services: names.service_options(),
        },
    )
}

/// `GET /agent/modeles/{id}`: a template's form, for the commune's planners.
pub async fn template_show(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
) -> Response {
    if let Some(r) = super::sign_in_first(&actor, &ctx) {
        return r;
    }
    match Uuid::parse_str(&id) {
        Ok(id) => template_page(&web, &ctx, &actor, id, None, StatusCode::OK, Vec::new()).await,
        Err(_) => super::not_found(&web, &ctx),
    }
}

/// `POST /agent/modeles/{id}`: the template changed.
pub async fn template_save(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<TemplateForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    let (errors, form, status) = match template_of_form(&web, &ctx, &form, id) {
        Ok(t) => match web.app.update_template(&actor, t, form.version).await {
            Ok(t) => {
                return Redirect::to(&format!("/agent/taches?commune={}", t.commune))
                    .into_response();
            }
            Err(Error::Forbidden) => return super::forbidden(&web, &ctx),
            Err(Error::NotFound(_)) => return super::not_found(&web, &ctx),
            // changed meanwhile: the form shows the template as it now is
            Err(e @ Error::PreconditionFailed { .. }) => {
                (template_errors(&web, &ctx, e), None, StatusCode::CONFLICT)
            }
            Err(e) => (
                template_errors(&web, &ctx, e),
                Some(form),
                StatusCode::BAD_REQUEST,
            ),
        },
        Err(errors) => (errors, Some(form), StatusCode::BAD_REQUEST),
    };
    template_page(&web, &ctx, &actor, id, form, status, errors).await
}

#[derive(Deserialize)]
pub struct FromTemplateForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    template: String,
}

/// `POST /agent/element/{id}/tache`: a task for this feature, from a template.
pub async fn from_template(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<FromTemplateForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let (Ok(feature), Ok(template)) = (Uuid::parse_str(&id), Uuid::parse_str(&form.template))
    else {
        return super::not_found(&web, &ctx);
    };
    match web
        .app
        .task_from_template(&actor, template, Some(feature))
        .await
    {
        Ok(t) => Redirect::to(&format!("/agent/taches/{}?fait=1", t.id)).into_response(),
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(_) => super::not_found(&web, &ctx),
    }
}
