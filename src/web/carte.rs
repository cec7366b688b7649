//! `/carte`: what occupies public space, when — a list first (server-rendered, paged,
//! usable without JavaScript), and the same features on a MapLibre map as an extra. The
//! list and the map take the same filters; the map is told the list's time window, kinds
//! and, when a search or a commune narrows the list, its feature ids, so both always show
//! the same features.
//!
//! `/carte/{id}`: one feature — what, where, when in plain words, whom to contact, the
//! diversions linked to works, and for reports the public status history.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc};
use geo::{BoundingRect, InteriorPoint};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::i18n::Lang;
use super::pages::{CommuneView, communes};
use super::words::Words;
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::index::{Entry, Query};
use crate::model::schedule::{LOCAL_TZ, local_to_utc};
use crate::model::{Feature, Kind, TimeFilter, Visibility};
use crate::policy::Actor;

pub const PAGE_SIZE: usize = 20;
/// The longest period the filter accepts, in days.
const MAX_RANGE_DAYS: i64 = 366;
const MAX_QUERY_CHARS: usize = 100;
/// Above this many results of a search, the map is not narrowed to their ids (it shows
/// the kinds and dates asked, and says so).
const MAP_IDS_MAX: usize = 2_000;

/// The kinds as the filter names them in URLs (French, as citizens see them).
pub const KIND_SLUGS: [(Kind, &str); 6] = [
    (Kind::Works, "chantiers"),
    (Kind::Diversion, "deviations"),
    (Kind::ParkingBan, "stationnement"),
    (Kind::Event, "evenements"),
    (Kind::Occupation, "occupations"),
    (Kind::Report, "signalements"),
];

/// The tile layer that draws each kind (its name is the style's source-layer).
fn layer_of(kind: Kind) -> &'static str {
    match kind {
        Kind::Works => "works",
        Kind::Diversion => "diversions",
        Kind::ParkingBan => "parking_bans",
        Kind::Event => "events",
        Kind::Occupation => "occupations",
        Kind::Report => "reports",
    }
}

/// The filter form as submitted (every field a string, so that a wrong answer is kept
/// and shown back with its error).
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(default)]
struct Filters {
    quoi: Vec<String>,
    quand: String,
    jour_j: String,
    jour_m: String,
    jour_a: String,
    du_j: String,
    du_m: String,
    du_a: String,
    au_j: String,
    au_m: String,
    au_a: String,
    commune: String,
    q: String,
    page: String,
}

#[derive(Serialize)]
struct KindOption {
    slug: &'static str,
    kind: &'static str,
    layer: &'static str,
    checked: bool,
}

#[derive(Serialize)]
struct Row {
    id: String,
    /// The feature's id in the tiles.
    tile_id: u64,
    kind: &'static str,
    title: String,
    commune: String,
    lieu: String,
    when: Vec<String>,
    status: String,
    status_group: &'static str,
    bbox: [f64; 4],
}

#[derive(Serialize)]
struct ListPage<'a> {
    communes: Vec<CommuneView>,
    kinds: Vec<KindOption>,
    f: &'a Filters,
    errors: Vec<FieldErr>,
    rows: Vec<Row>,
    count: usize,
    page: usize,
    pages: usize,
    prev: Option<String>,
    next: Option<String>,
    period: String,
    map: MapData,
    commune_shown: Option<CommuneView>,
}

/// What the map script needs, as data attributes.
#[derive(Serialize)]
struct MapData {
    from: String,
    to: String,
    layers: String,
    /// The commune the list is narrowed to.
    commune: Option<String>,
    /// Feature ids of the tiles, when a search narrows the list.
    ids: Option<String>,
    /// A search found too many features to narrow the map to them.
    broader: bool,
    bounds: [f64; 4],
    script: String,
    maplibre: String,
    maplibre_css: String,
}

/// The status groups of the map style, by which the legend and icons speak.
pub fn status_group(status: &str) -> &'static str {
    match status {
        "new" => "new",
        "planned" | "acknowledged" => "planned",
        "in_progress" => "active",
        "suspended" => "suspended",
        "completed" | "resolved" => "done",
        _ => "closed",
    }
}

pub fn day(j: &str, m: &str, a: &str) -> Option<NaiveDate> {
    let (j, m, a) = (
        j.trim().parse().ok()?,
        m.trim().parse().ok()?,
        a.trim().parse().ok()?,
    );
    NaiveDate::from_ymd_opt(a, m, j)
}

fn midnight(d: NaiveDate) -> DateTime<Utc> {
    local_to_utc(d.and_time(NaiveTime::MIN))
}

/// Folds case and accents so that "peruwelz" finds "Péruwelz".
pub fn fold(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .fold(String::with_capacity(s.len()), |mut out, c| {
            match c {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                '’' => out.push('\''),
                _ => out.push(c),
            }
            out
        })
}

/// The words a citizen's search looks in: only what the public may read of the feature
/// (a report's own description is not searchable, as it is not shown).
fn searchable(e: &Entry, commune_name: &str) -> String {
    let f = Actor::Anonymous.shown(&e.feature);
    let attr = |k: &str| f.attributes.get(k).and_then(|v| v.as_str()).unwrap_or("");
    fold(&format!(
        "{} {} {} {} {}",
        f.title,
        attr("lieu"),
        commune_name,
        attr("reference"),
        f.description
    ))
}

/// `GET /carte`
pub async fn list(State(web): State<Web>, ctx: Ctx, RawQuery(raw): RawQuery) -> Response {
    let filters: Filters =
        serde_html_form::from_str(raw.as_deref().unwrap_or("")).unwrap_or_default();
    let lang = ctx.lang;
    let t = |k: &str| web.ui.t(lang, k);
    let now = crate::clock::now();
    let today = now.with_timezone(&LOCAL_TZ).date_naive();
    let mut errors = Vec::new();

    // what
    let mut kinds = 0u8;
    for q in &filters.quoi {
        if let Some((k, _)) = KIND_SLUGS.iter().find(|(_, s)| s == q) {
            kinds |= k.bit();
        }
    }
    // when: [from, to) local days
    let (from, to) = match filters.quand.as_str() {
        "semaine" | "semaine-prochaine" => {
            let mut monday = today - Duration::days(today.weekday().num_days_from_monday() as i64);
            if filters.quand == "semaine-prochaine" {
                monday += Duration::days(7);
            }
            (monday, monday + Duration::days(7))
        }
        "jour" => match day(&filters.jour_j, &filters.jour_m, &filters.jour_a) {
            Some(d) => (d, d + Duration::days(1)),
            None => {
                errors.push(FieldErr {
                    field: "jour_j".into(),
                    message: t("error-day"),
                });
                (today, today + Duration::days(1))
            }
        },
        "periode" => {
            let a = day(&filters.du_j, &filters.du_m, &filters.du_a);
            let b = day(&filters.au_j, &filters.au_m, &filters.au_a);
            if a.is_none() {
                errors.push(FieldErr {
                    field: "du_j".into(),
                    message: t("error-range-from"),
                });
            }
            if b.is_none() {
                errors.push(FieldErr {
                    field: "au_j".into(),
                    message: t("error-range-to"),
                });
            }
            match (a, b) {
                (Some(a), Some(b)) if b < a => {
                    errors.push(FieldErr {
                        field: "au_j".into(),
                        message: t("error-range-order"),
                    });
                    (today, today + Duration::days(1))
                }
                (Some(a), Some(b)) if (b - a).num_days() >= MAX_RANGE_DAYS => {
                    errors.push(FieldErr {
                        field: "au_j".into(),
                        message: web.ui.i18n.tf(
                            lang,
                            "error-range-long",
                            &[("days", MAX_RANGE_DAYS.into())],
                        ),
                    });
                    (today, today + Duration::days(1))
                }
                (Some(a), Some(b)) => (a, b + Duration::days(1)),
                _ => (today, today + Duration::days(1)),
            }
        }
        _ => (today, today + Duration::days(1)),
    };
    let quand = match filters.quand.as_str() {
        q @ ("semaine" | "semaine-prochaine" | "jour" | "periode") => q.to_string(),
        _ => "aujourdhui".to_string(),
    };
    let territory = web.app.territory();
    let commune = territory
        .active()
        .find(|c| c.nis == filters.commune)
        .cloned();
    let q = filters.q.trim().to_string();
    if q.chars().count() > MAX_QUERY_CHARS {
        errors.push(FieldErr {
            field: "q".into(),
            message: web.ui.i18n.tf(
                lang,
                "error-search-long",
                &[("max", (MAX_QUERY_CHARS as i64).into())],
            ),
        });
    }
    let words = Words::new(&web.ui.i18n, lang, now);
    let (start, end) = (midnight(from), midnight(to));
    let query = Query {
        bbox: None,
        time: TimeFilter::Range(start.timestamp(), end.timestamp()),
        kinds,
        commune: commune.as_ref().map(|c| c.nis.clone()),
        internal: crate::index::Scope::None,
    };
    let needle = fold(&q);
    // filtering and sorting walk every feature of the period: off the async workers
    let found: Vec<std::sync::Arc<Entry>> = if errors.is_empty() {
        let (app, territory, needle) = (web.app.clone(), territory.clone(), needle.clone());
        let (start, end) = (start.timestamp(), end.timestamp());
        crate::cpu::run(move || {
            let mut found = app.query(&query);
            if !needle.is_empty() {
                found.retain(|e| {
                    let name = territory
                        .get(&e.feature.commune)
                        .map_or("", |c| c.name(lang.code()));
                    let text = searchable(e, name);
                    needle.split_whitespace().all(|w| text.contains(w))
                });
            }
            // what starts first comes first; then by title
            let first_start = |e: &Entry| {
                e.intervals
                    .iter()
                    .find(|iv| iv.overlaps(start, end))
                    .map_or(i64::MAX, |iv| iv.start)
            };
            found.sort_by(|a, b| {
                first_start(a)
                    .cmp(&first_start(b))
                    .then_with(|| a.feature.title.cmp(&b.feature.title))
            });
            found
        })
        .await
    } else {
        Vec::new()
    };
    let count = found.len();
    let pages = count.div_ceil(PAGE_SIZE).max(1);
    let page = filters.page.parse::<usize>().unwrap_or(1).clamp(1, pages);
    let rows = found
        .iter()
        .skip((page - 1) * PAGE_SIZE)
        .take(PAGE_SIZE)
        .map(|e| row(&web, lang, &words, e))
        .collect();
    // the map narrows to the list by the tiles' `commune` property, and by ids only for
    // a search, and only while the ids stay few enough for the page to stay light
    let ids = (!needle.is_empty() && found.len() <= MAP_IDS_MAX).then(|| {
        found
            .iter()
            .map(|e| crate::tiles::render::feature_id(&e.feature.id).to_string())
            .collect::<Vec<_>>()
            .join(",")
    });
    let map_broader = !needle.is_empty() && ids.is_none();
    let bounds = bounds_of(
        found.iter().map(|e| e.bbox),
        commune
            .as_ref()
            .and_then(|c| c.boundary.bounding_rect())
            .or_else(|| territory.active_bounds()),
    );
    // the answers as understood, shown back in the form and kept in the page links
    let echo = Filters {
        quand: quand.clone(),
        commune: commune.as_ref().map(|c| c.nis.clone()).unwrap_or_default(),
        q: q.clone(),
        page: String::new(),
        ..filters
    };
    let page_link = |p: usize| {
        let mut pairs: Vec<(String, String)> = echo
            .quoi
            .iter()
            .map(|k| ("quoi".to_string(), k.clone()))
            .collect();
        if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&echo) {
            for (k, v) in fields {
                if let serde_json::Value::String(v) = v
                    && !v.is_empty()
                {
                    pairs.push((k, v));
                }
            }
        }
        pairs.push(("page".into(), p.to_string()));
        format!(
            "/carte?{}#liste",
            serde_html_form::to_string(&pairs).unwrap_or_default()
        )
    };
    let last_day = to - Duration::days(1);
    let period = if from == last_day {
        web.ui
            .i18n
            .tf(lang, "results-on", &[("date", words.date(from).into())])
    } else {
        web.ui.i18n.tf(
            lang,
            "results-between",
            &[
                ("from", words.date(from).into()),
                ("to", words.date(last_day).into()),
            ],
        )
    };
    let data = ListPage {
        communes: communes(&web, lang),
        kinds: KIND_SLUGS
            .iter()
            .map(|(k, slug)| KindOption {
                slug,
                kind: k.as_str(),
                layer: layer_of(*k),
                checked: kinds == 0 || kinds & k.bit() != 0,
            })
            .collect(),
        f: &echo,
        rows,
        count,
        page,
        pages,
        prev: (page > 1).then(|| page_link(page - 1)),
        next: (page < pages).then(|| page_link(page + 1)),
        period,
        map: MapData {
            from: start.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            to: end.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            layers: KIND_SLUGS
                .iter()
                .filter(|(k, _)| kinds == 0 || kinds & k.bit() != 0)
                .map(|(k, _)| layer_of(*k))
                .collect::<Vec<_>>()
                .join(","),
            commune: commune.as_ref().map(|c| c.nis.clone()),
            ids,
            broader: map_broader,
            bounds,
            script: web.ui.assets.versioned("carte.js"),
            maplibre: web.ui.assets.versioned("maplibre-gl.mjs"),
            maplibre_css: web.ui.assets.versioned("maplibre-gl.css"),
        },
        commune_shown: commune.as_ref().map(|c| CommuneView::of(c, lang)),
        errors,
    };
    let status = super::form_status(&data.errors);
    web.ui.render(&ctx, status, "carte.html", data)
}

fn bounds_of(
    boxes: impl Iterator<Item = geo::Rect<f64>>,
    fallback: Option<geo::Rect<f64>>,
) -> [f64; 4] {
    let mut b: Option<[f64; 4]> = None;
    for r in boxes {
        let (lo, hi) = (r.min(), r.max());
        b = Some(match b {
            None => [lo.x, lo.y, hi.x, hi.y],
            Some([a, c, d, e]) => [a.min(lo.x), c.min(lo.y), d.max(hi.x), e.max(hi.y)],
        });
    }
    b.or_else(|| fallback.map(|r| [r.min().x, r.min().y, r.max().x, r.max().y]))
        .unwrap_or([3.9, 50.5, 4.3, 50.7])
}

fn row(web: &Web, lang: Lang, words: &Words<'_>, e: &Entry) -> Row {
    let f = &e.feature;
    let territory = web.app.territory();
    Row {
        id: f.id.to_string(),
        tile_id: crate::tiles::render::feature_id(&f.id),
        kind: f.kind.as_str(),
        title: f.title.clone(),
        commune: territory
            .get(&f.commune)
            .map_or(f.commune.clone(), |c| c.name(lang.code()).to_string()),
        lieu: f
            .attributes
            .get("lieu")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string(),
        when: words.schedule(&f.schedule),
        status: web.ui.t(lang, &format!("status-{}", f.status)),
        status_group: status_group(&f.status),
        bbox: [
            e.bbox.min().x,
            e.bbox.min().y,
            e.bbox.max().x,
            e.bbox.max().y,
        ],
    }
}

#[derive(Serialize)]
struct FeaturePage {
    communes: Vec<CommuneView>,
    commune_shown: Option<CommuneView>,
    row: Row,
    description: String,
    lat: String,
    lon: String,
    facts: Vec<(String, String)>,
    linked: Vec<Link>,
    serves: Vec<Link>,
    history: Vec<HistoryLine>,
    category: Option<String>,
    reference: Option<String>,
    /// Photos an agent made public.
    photos: Vec<String>,
}

#[derive(Serialize)]
struct Link {
    id: String,
    title: String,
    when: Vec<String>,
}

#[derive(Serialize)]
struct HistoryLine {
    date: String,
    status: String,
}

/// `GET /carte/{id}`
pub async fn feature(State(web): State<Web>, ctx: Ctx, Path(id): Path<String>) -> Response {
    let lang = ctx.lang;
    let Some(entry) = Uuid::parse_str(&id)
        .ok()
        .and_then(|u| web.app.get(u, &Actor::Anonymous).ok())
    else {
        return super::not_found(&web, &ctx);
    };
    let now = crate::clock::now();
    let words = Words::new(&web.ui.i18n, lang, now);
    // citizens read a report as the policy shows it to the public
    let shown = Actor::Anonymous.shown(&entry.feature);
    let f: &Feature = &shown;
    let territory = web.app.territory();
    let commune = territory.get(&f.commune);
    let point = f.geometry.interior_point();
    let mut facts = Vec::new();
    for (key, label) in [
        ("maitre_ouvrage", "fact-owner"),
        ("entrepreneur", "fact-contractor"),
        ("demandeur", "fact-applicant"),
    ] {
        if let Some(v) = f.attributes.get(key).and_then(|v| v.as_str()) {
            facts.push((web.ui.t(lang, label), v.to_string()));
        }
    }
    let link = |e: &Entry| Link {
        id: e.feature.id.to_string(),
        title: e.feature.title.clone(),
        when: words.schedule(&e.feature.schedule),
    };
    let public = |id: &str| {
        Uuid::parse_str(id)
            .ok()
            .and_then(|u| web.app.get(u, &Actor::Anonymous).ok())
            .filter(|e| e.feature.visibility == Visibility::Public)
    };
    // diversions name the works they serve; works show the diversions that serve them
    let serves: Vec<Link> = served_ids(f)
        .iter()
        .filter_map(|s| public(s))
        .map(|e| link(&e))
        .collect();
    let linked: Vec<Link> = if f.kind == Kind::Works {
        let me = f.id.to_string();
        web.app
            .query(&Query {
                kinds: Kind::Diversion.bit(),
                commune: Some(f.commune.clone()),
                ..Default::default()
            })
            .iter()
            .filter(|d| served_ids(&d.feature).contains(&me))
            .map(|e| link(e))
            .collect()
    } else {
        Vec::new()
    };
    let history = if f.kind == Kind::Report {
        public_history(&web, &words, f).await
    } else {
        Vec::new()
    };
    let category = f
        .attributes
        .get("categorie")
        .and_then(|v| v.as_str())
        .map(|id| {
            commune
                .and_then(|c| c.settings.category(id))
                .map_or(id.to_string(), |c| c.name(lang.code()).to_string())
        });
    let data = FeaturePage {
        communes: communes(&web, lang),
        commune_shown: commune.map(|c| CommuneView::of(c, lang)),
        row: row(&web, lang, &words, &entry),
        description: f.description.clone(),
        lat: point.map_or(String::new(), |p| format!("{:.5}", p.y())),
        lon: point.map_or(String::new(), |p| format!("{:.5}", p.x())),
        facts,
        linked,
        serves,
        history,
        category,
        reference: f
            .attributes
            .get("reference")
            .and_then(|v| v.as_str())
            .map(str::to_string),
        photos: f
            .attributes
            .get("photos_publiques")
            .and_then(|v| v.as_array())
            .map(|a| {
                a.iter()
                    .filter_map(|p| p.as_str())
                    .filter(|p| Uuid::parse_str(p).is_ok())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default(),
    };
    web.ui.render(&ctx, StatusCode::OK, "feature.html", data)
}

fn served_ids(f: &Feature) -> Vec<String> {
    f.attributes
        .get("serves")
        .and_then(|v| v.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Status changes of a report, with their dates: what a citizen may know, never who.
async fn public_history(web: &Web, words: &Words<'_>, f: &Feature) -> Vec<HistoryLine> {
    let Ok(steps) = web.app.status_history(f.id, &Actor::Anonymous).await else {
        return Vec::new();
    };
    steps
        .into_iter()
        .map(|(at, s)| {
            let local = at.with_timezone(&LOCAL_TZ);
            HistoryLine {
                date: format!(
                    "{}, {}",
                    words.date(local.date_naive()),
                    words.time(local.time())
                ),
                status: web.ui.t(words.lang, &format!("status-{s}")),
            }
        })
        .collect()
}
