//! `/signaler`: a citizen reports a problem, one question per page, with or without
//! JavaScript (GOV.UK's "question pages" pattern). Answers are kept server-side in a
//! draft (`report_drafts`), named by a cookie, so that nothing is lost between pages and
//! a draft is sent once however often the last button is pressed.
//!
//! Where: a place found by name (the features' places and the communes), a tap on the
//! map or "use my location" (JavaScript fills the coordinates), or words describing the
//! place with the commune chosen. A place in a neighbouring commune is refused with its
//! name. Photos are decoded, re-encoded as JPEG no larger than 2048 px (which leaves every
//! piece of metadata, EXIF GPS included, behind) and kept with a thumbnail.

use std::path::PathBuf;

use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use geo::{InteriorPoint, Point};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use uuid::Uuid;

use super::carte::{fold, status_group};
use super::i18n::Lang;
use super::pages::{CommuneView, communes};
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::index::Query as IndexQuery;
use crate::model::report::{self, ReportContact};
use crate::model::{FeatureDraft, Kind, Schedule, TimeFilter, Visibility};
use crate::policy::Actor;

pub const DRAFT_COOKIE: &str = "balise_signalement";
pub const MAX_PHOTOS: usize = 3;
pub const MAX_PHOTO_BYTES: usize = 10 * 1024 * 1024;
/// Longest side of a kept photo, and of its thumbnail, in pixels.
const PHOTO_SIDE: u32 = 2048;
const THUMB_SIDE: u32 = 320;
/// Body limit of the photo page: three photos and the form around them.
pub const PHOTO_BODY_LIMIT: usize = MAX_PHOTOS * MAX_PHOTO_BYTES + 64 * 1024;

/// The answers so far.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    lat: Option<f64>,
    lon: Option<f64>,
    commune: Option<String>,
    lieu: String,
    categorie: Option<String>,
    description: String,
    photos: Vec<String>,
    moyen: Option<String>,
    email: String,
    telephone: String,
    /// Set once the "already reported?" page was seen for this place and category.
    doublons_vus: bool,
    /// The place was only described in words: the point is the commune's heart, until
    /// an agent places the report.
    approximatif: bool,
}

/// A loaded draft: its id, answers, and whether its cookie must be set; `sent`: the
/// reference of the report the cookie's draft became (then `draft` is a new one).
struct Loaded {
    id: String,
    draft: Draft,
    new: bool,
    sent: Option<String>,
}

async fn load(web: &Web, parts_cookie: Option<&str>) -> Loaded {
    if let Some(id) =
        parts_cookie.filter(|c| c.len() == 32 && c.bytes().all(|b| b.is_ascii_hexdigit()))
    {
        match web.app.store.draft(id).await {
            // answers so far
            Ok(Some((data, None))) => {
                return Loaded {
                    id: id.to_string(),
                    draft: serde_json::from_value(data).unwrap_or_default(),
                    new: false,
                    sent: None,
                };
            }
            // a cookie given on an earlier page, before any answer was kept
            Ok(None) => {
                return Loaded {
                    id: id.to_string(),
                    draft: Draft::default(),
                    new: false,
                    sent: None,
                };
            }
            // sent already: a new report starts, and the one sent is known
            Ok(Some((_, Some(reference)))) => {
                return Loaded {
                    sent: Some(reference),
                    ..fresh()
                };
            }
            // unreadable: a new report starts
            Err(_) => {}
        }
    }
    fresh()
}

fn fresh() -> Loaded {
    Loaded {
        id: super::random_hex(16),
        draft: Draft::default(),
        new: true,
        sent: None,
    }
}

/// The draft cookie from a request's headers.
fn draft_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    super::cookie_in(headers, DRAFT_COOKIE).map(str::to_string)
}

fn with_cookie(mut res: Response, loaded: &Loaded, web: &Web) -> Response {
    if loaded.new {
        let c = format!(
            "{DRAFT_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax{}",
            loaded.id,
            if super::secure_cookies(web) {
                "; Secure"
            } else {
                ""
            }
        );
        res.headers_mut()
            .append(header::SET_COOKIE, HeaderValue::from_str(&c).expect("hex"));
    }
    res
}

#[derive(Serialize)]
struct StepPage<'a> {
    communes: Vec<CommuneView>,
    step: &'static str,
    d: &'a Draft,
    errors: Vec<FieldErr>,
    extra: Value,
    back: &'static str,
    retour: bool,
}

fn page(
    web: &Web,
    ctx: &Ctx,
    loaded: &Loaded,
    step: &'static str,
    errors: Vec<FieldErr>,
    mut extra: Value,
    retour: bool,
) -> Response {
    if step == "lieu" {
        // the map to tap, an extra the page's script adds
        let b = web
            .app
            .territory()
            .active_bounds()
            .map(|r| [r.min().x, r.min().y, r.max().x, r.max().y])
            .unwrap_or([3.9, 50.5, 4.3, 50.7]);
        extra["maplibre"] = json!(web.ui.assets.versioned("maplibre-gl.mjs"));
        extra["maplibre_css"] = json!(web.ui.assets.versioned("maplibre-gl.css"));
        extra["script"] = json!(web.ui.assets.versioned("lieu.js"));
        extra["bounds"] = json!(b);
    }
    let back = match step {
        "lieu" => "/signaler",
        "categorie" => "/signaler/lieu",
        "doublons" => "/signaler/categorie",
        "description" => "/signaler/categorie",
        "photos" => "/signaler/description",
        "contact" => "/signaler/photos",
        "verifier" => "/signaler/contact",
        _ => "/",
    };
    let status = super::form_status(&errors);
    let res = web.ui.render(
        ctx,
        status,
        "signaler.html",
        StepPage {
            communes: communes(web, ctx.lang),
            step,
            d: &loaded.draft,
            errors,
            extra,
            back: if retour { "/signaler/verifier" } else { back },
            retour,
        },
    );
    with_cookie(res, loaded, web)
}

fn next(to: &str, retour: bool) -> Response {
    Redirect::to(if retour { "/signaler/verifier" } else { to }).into_response()
}

#[derive(Deserialize)]
pub struct Retour {
    #[serde(default)]
    retour: Option<String>,
}

/// `GET /signaler`
pub async fn start(State(web): State<Web>, ctx: Ctx) -> Response {
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "signaler.html",
        StepPage {
            communes: communes(&web, ctx.lang),
            step: "start",
            d: &Draft::default(),
            errors: Vec::new(),
            extra: json!({}),
            back: "/",
            retour: false,
        },
    )
}

/// `GET /signaler/{step}`
pub async fn step_get(
    State(web): State<Web>,
    ctx: Ctx,
    Path(step): Path<String>,
    Query(r): Query<Retour>,
    headers: axum::http::HeaderMap,
) -> Response {
    show_step(web, ctx, &step, r, headers).await
}

/// `GET /signaler/photos` (its own route: the POST takes a larger body)
pub async fn photos_get(
    State(web): State<Web>,
    ctx: Ctx,
    Query(r): Query<Retour>,
    headers: axum::http::HeaderMap,
) -> Response {
    show_step(web, ctx, "photos", r, headers).await
}

async fn show_step(
    web: Web,
    ctx: Ctx,
    step: &str,
    r: Retour,
    headers: axum::http::HeaderMap,
) -> Response {
    let loaded = load(&web, draft_cookie(&headers).as_deref()).await;
    let retour = r.retour.is_some();
    let step: &'static str = match step {
        "lieu" => "lieu",
        "categorie" => "categorie",
        "doublons" => "doublons",
        "description" => "description",
        "photos" => "photos",
        "contact" => "contact",
        "verifier" => "verifier",
        _ => return super::not_found(&web, &ctx),
    };
    // a step whose earlier answers are missing sends back to the first missing one
    if let Some(missing) = first_missing(&loaded.draft, step) {
        return with_cookie(Redirect::to(missing).into_response(), &loaded, &web);
    }
    let extra = match step {
        "categorie" => json!({ "categories": categories(&web, &loaded.draft, ctx.lang) }),
        "doublons" => json!({ "doublons": duplicates(&web, &loaded.draft) }),
        "verifier" => summary(&web, &loaded.draft, ctx.lang),
        _ => json!({}),
    };
    page(&web, &ctx, &loaded, step, Vec::new(), extra, retour)
}

fn first_missing(d: &Draft, step: &str) -> Option<&'static str> {
    let order = ["lieu", "categorie", "description", "contact", "verifier"];
    let needs = order.iter().position(|s| *s == step).unwrap_or(match step {
        "doublons" => 2,
        "photos" => 3,
        _ => 0,
    });
    if needs >= 1 && d.commune.is_none() {
        return Some("/signaler/lieu");
    }
    if needs >= 2 && d.categorie.is_none() {
        return Some("/signaler/categorie");
    }
    if needs >= 3 && d.description.trim().is_empty() {
        return Some("/signaler/description");
    }
    if needs >= 4 && d.moyen.is_none() {
        return Some("/signaler/contact");
    }
    None
}

#[derive(Serialize)]
struct CategoryOption {
    id: String,
    name: String,
}

fn categories(web: &Web, d: &Draft, lang: Lang) -> Vec<CategoryOption> {
    let territory = web.app.territory();
    d.commune
        .as_deref()
        .and_then(|nis| territory.get(nis))
        .map(|c| {
            c.settings
                .report_categories
                .iter()
                .map(|k| CategoryOption {
                    id: k.id.clone(),
                    name: k.name(lang.code()).to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Open reports of the same category near the place: "already reported? follow it".
fn duplicates(web: &Web, d: &Draft) -> Vec<Value> {
    let (Some(lat), Some(lon), Some(cat), Some(nis)) = (d.lat, d.lon, &d.categorie, &d.commune)
    else {
        return Vec::new();
    };
    if d.approximatif {
        // a place told in words has no point to compare with
        return Vec::new();
    }
    let territory = web.app.territory();
    let radius = territory
        .get(nis)
        .map_or(50.0, |c| c.settings.duplicate_radius_m);
    let frame = crate::model::geometry::LocalFrame::new(geo::Coord { x: lon, y: lat });
    let dlat = radius / 111_320.0;
    let dlon = radius / (111_320.0 * lat.to_radians().cos());
    let bbox = geo::Rect::new(
        geo::Coord {
            x: lon - dlon,
            y: lat - dlat,
        },
        geo::Coord {
            x: lon + dlon,
            y: lat + dlat,
        },
    );
    let here = frame.to_metres(geo::Coord { x: lon, y: lat });
    let mut out: Vec<(f64, Value)> = web
        .app
        .query(&IndexQuery {
            bbox: Some(bbox),
            time: TimeFilter::At(crate::clock::now().timestamp()),
            kinds: Kind::Report.bit(),
            commune: Some(nis.clone()),
            internal: crate::index::Scope::None,
        })
        .iter()
        .filter(|e| {
            e.feature
                .attributes
                .get("categorie")
                .and_then(|v| v.as_str())
                == Some(cat.as_str())
                && matches!(
                    e.feature.status.as_str(),
                    "new" | "acknowledged" | "planned" | "in_progress"
                )
        })
        .filter_map(|e| {
            let p = e.feature.geometry.interior_point()?;
            let m = frame.to_metres(p.0);
            let dist = ((m.x - here.x).powi(2) + (m.y - here.y).powi(2)).sqrt();
            (dist <= radius).then(|| {
                (
                    dist,
                    json!({
                        "title": e.feature.title,
                        "reference": e.feature.attributes.get("reference"),
                        "metres": dist.round() as i64,
                        "status_group": status_group(&e.feature.status),
                        "status": e.feature.status,
                    }),
                )
            })
        })
        .collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out.into_iter().map(|(_, v)| v).collect()
}

fn summary(web: &Web, d: &Draft, lang: Lang) -> Value {
    let territory = web.app.territory();
    let commune = d
        .commune
        .as_deref()
        .and_then(|n| territory.get(n))
        .map(|c| c.name(lang.code()).to_string())
        .unwrap_or_default();
    let category = d
        .commune
        .as_deref()
        .and_then(|n| territory.get(n))
        .and_then(|c| d.categorie.as_deref().and_then(|k| c.settings.category(k)))
        .map(|k| k.name(lang.code()).to_string())
        .unwrap_or_default();
    json!({ "commune": commune, "category": category })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct StepForm {
    csrf: String,
    retour: Option<String>,
    // lieu
    lat: String,
    lon: String,
    recherche: String,
    choix: String,
    commune: String,
    lieu: String,
    chercher: Option<String>,
    // categorie
    categorie: String,
    // doublons
    // description
    description: String,
    // contact
    moyen: String,
    email: String,
    telephone: String,
    // verifier
    site: String,
}

/// `POST /signaler/{step}` for every step but the photos.
pub async fn step_post(
    State(web): State<Web>,
    ctx: Ctx,
    Path(step): Path<String>,
    headers: axum::http::HeaderMap,
    Form(form): Form<StepForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let cookie = draft_cookie(&headers);
    let mut loaded = load(&web, cookie.as_deref()).await;
    if step == "verifier"
        && let Some(reference) = &loaded.sent
    {
        // sent before (a double click, or back and send again): the same report, read
        // in the same load as the answers, so that no answer in between can miss it
        return Redirect::to(&format!("/signaler/envoye/{reference}")).into_response();
    }
    let retour = form.retour.is_some();
    let lang = ctx.lang;
    let t = |k: &str| web.ui.t(lang, k);
    let mut errors = Vec::new();
    let step: &'static str = match step.as_str() {
        "lieu" => {
            let d = &mut loaded.draft;
            d.lieu = form.lieu.trim().to_string();
            if form.chercher.is_some()
                || (!form.recherche.trim().is_empty()
                    && form.choix.is_empty()
                    && form.lat.is_empty())
            {
                // a search: show the places found, keep the rest
                let found = search_places(&web, &form.recherche, lang);
                if found.is_empty() {
                    errors.push(FieldErr {
                        field: "recherche".into(),
                        message: t("lieu-error-none-found"),
                    });
                }
                if let Err(res) = save(&web, &ctx, &loaded).await {
                    return res;
                }
                return page(
                    &web,
                    &ctx,
                    &loaded,
                    "lieu",
                    errors,
                    json!({ "found": found, "recherche": form.recherche }),
                    retour,
                );
            }
            let mut approximatif = false;
            let point = if let Some(p) = place_point(&web, &form.choix) {
                if d.lieu.is_empty() {
                    d.lieu = place_name(&web, &form.choix, lang);
                }
                Some(p)
            } else if let (Ok(lat), Ok(lon)) = (
                form.lat.trim().parse::<f64>(),
                form.lon.trim().parse::<f64>(),
            ) {
                (lat.is_finite() && lon.is_finite()).then(|| Point::new(lon, lat))
            } else if !d.lieu.is_empty() {
                // described in words: the commune chosen, placed at its heart until an
                // agent places it
                approximatif = true;
                web.app
                    .territory()
                    .active()
                    .find(|c| c.nis == form.commune)
                    .and_then(|c| c.boundary.interior_point())
            } else {
                None
            };
            match point {
                None if !d.lieu.is_empty() => errors.push(FieldErr {
                    field: "commune".into(),
                    message: t("lieu-error-commune"),
                }),
                None => errors.push(FieldErr {
                    field: "lieu".into(),
                    message: t("lieu-error-none"),
                }),
                Some(p) => match web.app.territory().locate(p) {
                    Some(c) if c.active => {
                        d.lat = Some(p.y());
                        d.lon = Some(p.x());
                        d.commune = Some(c.nis.clone());
                        d.doublons_vus = false;
                        d.approximatif = approximatif;
                    }
                    Some(c) => errors.push(FieldErr {
                        field: "lieu".into(),
                        message: web.ui.i18n.tf(
                            lang,
                            "lieu-error-neighbour",
                            &[("commune", c.name(lang.code()).to_string().into())],
                        ),
                    }),
                    None => errors.push(FieldErr {
                        field: "lieu".into(),
                        message: t("lieu-error-outside"),
                    }),
                },
            }
            if d.lieu.chars().count() > report::MAX_PLACE_CHARS {
                errors.push(FieldErr {
                    field: "lieu".into(),
                    message: web.ui.i18n.tf(
                        lang,
                        "error-too-long",
                        &[("max", (report::MAX_PLACE_CHARS as i64).into())],
                    ),
                });
            }
            "lieu"
        }
        "categorie" => {
            let known = categories(&web, &loaded.draft, lang)
                .iter()
                .any(|c| c.id == form.categorie);
            if known {
                if loaded.draft.categorie.as_deref() != Some(form.categorie.as_str()) {
                    loaded.draft.doublons_vus = false;
                }
                loaded.draft.categorie = Some(form.categorie.clone());
            } else {
                errors.push(FieldErr {
                    field: "categorie".into(),
                    message: t("categorie-error"),
                });
            }
            "categorie"
        }
        "doublons" => {
            loaded.draft.doublons_vus = true;
            "doublons"
        }
        "description" => {
            let text = form.description.trim().to_string();
            if text.is_empty() {
                errors.push(FieldErr {
                    field: "description".into(),
                    message: t("description-error-empty"),
                });
            } else if text.chars().count() > report::MAX_REPORT_DESCRIPTION_CHARS {
                errors.push(FieldErr {
                    field: "description".into(),
                    message: web.ui.i18n.tf(
                        lang,
                        "error-too-long",
                        &[("max", (report::MAX_REPORT_DESCRIPTION_CHARS as i64).into())],
                    ),
                });
            }
            loaded.draft.description = form.description.clone();
            "description"
        }
        "contact" => {
            let d = &mut loaded.draft;
            d.email = form.email.trim().to_string();
            d.telephone = form.telephone.trim().to_string();
            match form.moyen.as_str() {
                "email" => {
                    if report::check_email(&d.email).is_err() {
                        errors.push(FieldErr {
                            field: "email".into(),
                            message: t("contact-error-email"),
                        });
                    }
                }
                "telephone" => {
                    if report::check_phone(&d.telephone).is_err() {
                        errors.push(FieldErr {
                            field: "telephone".into(),
                            message: t("contact-error-phone"),
                        });
                    }
                }
                "anonyme" => {}
                _ => errors.push(FieldErr {
                    field: "moyen".into(),
                    message: t("contact-error-choice"),
                }),
            }
            if !form.moyen.is_empty() {
                d.moyen = Some(form.moyen.clone());
            }
            "contact"
        }
        "verifier" => {
            return send(&web, &ctx, loaded, &form).await;
        }
        _ => return super::not_found(&web, &ctx),
    };
    if !errors.is_empty() {
        let extra = match step {
            "categorie" => json!({ "categories": categories(&web, &loaded.draft, lang) }),
            _ => json!({}),
        };
        // the answers given are shown back, but an invalid one is not kept as accepted
        if step == "contact" {
            loaded.draft.moyen = None;
        }
        let shown = Loaded {
            id: loaded.id.clone(),
            draft: {
                let mut d = loaded.draft.clone();
                if step == "contact" {
                    d.moyen = Some(form.moyen.clone());
                }
                d
            },
            new: loaded.new,
            sent: None,
        };
        if step != "lieu"
            && let Err(res) = save(&web, &ctx, &loaded).await
        {
            return res;
        }
        return page(&web, &ctx, &shown, step, errors, extra, retour);
    }
    if let Err(res) = save(&web, &ctx, &loaded).await {
        return res;
    }
    let to = match step {
        "lieu" => "/signaler/categorie",
        "categorie"
            if !loaded.draft.doublons_vus && !duplicates(&web, &loaded.draft).is_empty() =>
        {
            return with_cookie(
                Redirect::to("/signaler/doublons").into_response(),
                &loaded,
                &web,
            );
        }
        "categorie" | "doublons" => "/signaler/description",
        "description" => "/signaler/photos",
        _ => "/signaler/verifier",
    };
    with_cookie(next(to, retour), &loaded, &web)
}

/// Keeps the answers so far. When they cannot be kept (the database unavailable, the
/// disk full), the citizen is told to try again instead of moving on to a step whose
/// answers would be lost: the page to answer with is the error.
async fn save(web: &Web, ctx: &Ctx, loaded: &Loaded) -> Result<(), Response> {
    let data = serde_json::to_value(&loaded.draft).expect("a draft serialises");
    match web.app.store.put_draft(&loaded.id, &data).await {
        Ok(()) => Ok(()),
        Err(e) => {
            tracing::error!(error = %e, "cannot keep a report draft");
            Err(super::message(
                web,
                ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "draft-unsaved-text",
            ))
        }
    }
}

/// Places a citizen may mean: the places of public features, and the communes.
fn search_places(web: &Web, words: &str, lang: Lang) -> Vec<Value> {
    let needle = fold(words.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    const MAX_PLACES: usize = 10;
    let territory = web.app.territory();
    let mut out = Vec::new();
    for c in territory.active() {
        if fold(c.name(lang.code())).contains(&needle) || fold(&c.name_fr).contains(&needle) {
            out.push(json!({ "id": format!("commune:{}", c.nis), "name": c.name(lang.code()) }));
        }
    }
    // walk the public features without collecting them, each place named once
    let mut seen = std::collections::BTreeSet::new();
    web.app.visit(&IndexQuery::default(), &mut |hit| {
        if out.len() >= MAX_PLACES {
            return;
        }
        let f = &hit.entry.feature;
        let Some(lieu) = f.attributes.get("lieu").and_then(|v| v.as_str()) else {
            return;
        };
        if !seen.contains(lieu) && fold(lieu).contains(&needle) {
            seen.insert(lieu.to_string());
            let commune = territory
                .get(&f.commune)
                .map_or("", |c| c.name(lang.code()));
            out.push(
                json!({ "id": format!("lieu:{}", f.id), "name": format!("{lieu}, {commune}") }),
            );
        }
    });
    out
}

fn place_point(web: &Web, choice: &str) -> Option<Point<f64>> {
    if let Some(nis) = choice.strip_prefix("commune:") {
        return web
            .app
            .territory()
            .get(nis)
            .and_then(|c| c.boundary.interior_point());
    }
    let id = Uuid::parse_str(choice.strip_prefix("lieu:")?).ok()?;
    let e = web.app.get(id, &Actor::Anonymous).ok()?;
    e.feature.geometry.interior_point()
}

fn place_name(web: &Web, choice: &str, lang: Lang) -> String {
    if let Some(nis) = choice.strip_prefix("commune:") {
        return web
            .app
            .territory()
            .get(nis)
            .map(|c| c.name(lang.code()).to_string())
            .unwrap_or_default();
    }
    choice
        .strip_prefix("lieu:")
        .and_then(|id| Uuid::parse_str(id).ok())
        .and_then(|id| web.app.get(id, &Actor::Anonymous).ok())
        .and_then(|e| {
            e.feature
                .attributes
                .get("lieu")
                .and_then(|v| v.as_str())
                .map(str::to_string)
        })
        .unwrap_or_default()
}

/// The last button: the report is filed once, and the citizen sees its reference.
async fn send(web: &Web, ctx: &Ctx, loaded: Loaded, form: &StepForm) -> Response {
    if !form.site.is_empty() {
        // the honeypot field, invisible to people, was filled: a robot
        return super::message(web, ctx, StatusCode::BAD_REQUEST, "spam-title", "spam-text");
    }
    if let Some(missing) = first_missing(&loaded.draft, "verifier") {
        return Redirect::to(missing).into_response();
    }
    let d = &loaded.draft;
    let (Some(lat), Some(lon), Some(categorie)) = (d.lat, d.lon, d.categorie.clone()) else {
        return Redirect::to("/signaler/lieu").into_response();
    };
    let territory = web.app.territory();
    let category_name = d
        .commune
        .as_deref()
        .and_then(|n| territory.get(n))
        .and_then(|c| c.settings.category(&categorie))
        .map(|c| c.fr.clone())
        .unwrap_or_else(|| categorie.clone());
    let mut attributes = serde_json::Map::new();
    attributes.insert("categorie".into(), Value::String(categorie.clone()));
    if !d.lieu.is_empty() {
        attributes.insert("lieu".into(), Value::String(d.lieu.clone()));
    }
    if !d.photos.is_empty() {
        attributes.insert("photos".into(), json!(d.photos));
    }
    if d.approximatif {
        attributes.insert("lieu_approximatif".into(), Value::Bool(true));
    }
    let now = crate::clock::now();
    let draft = FeatureDraft {
        commune: d.commune.clone(),
        kind: Kind::Report,
        geometry: geo_types::Geometry::Point(Point::new(lon, lat)),
        schedule: Schedule::period(now, None),
        status: None,
        title: category_name,
        description: d.description.trim().to_string(),
        attributes,
        visibility: Visibility::Public,
    };
    let contact = match d.moyen.as_deref() {
        Some("email") => Some(ReportContact {
            email: Some(d.email.clone()),
            phone: None,
            lang: ctx.lang.code().to_string(),
            token: super::random_hex(16),
        }),
        Some("telephone") => Some(ReportContact {
            email: None,
            phone: Some(d.telephone.clone()),
            lang: ctx.lang.code().to_string(),
            token: super::random_hex(16),
        }),
        _ => None,
    };
    let email = contact.as_ref().and_then(|c| c.email.clone());
    let token = contact.as_ref().map(|c| c.token.clone());
    match web
        .app
        .submit_report(&loaded.id, draft, contact, &Actor::Anonymous)
        .await
    {
        Ok((reference, written)) => {
            if written && let (Some(to), Some(token)) = (email, token) {
                super::notify::confirm(web, ctx.lang, &to, &token, &reference).await;
            }
            let mut res = Redirect::to(&format!("/signaler/envoye/{reference}")).into_response();
            // the draft is spent: the next report starts afresh
            res.headers_mut().append(
                header::SET_COOKIE,
                HeaderValue::from_static("balise_signalement=; Path=/; Max-Age=0"),
            );
            res
        }
        Err(crate::error::Error::Invalid(errors)) => {
            tracing::warn!(?errors, "a report draft failed the model's checks");
            super::message(
                web,
                ctx,
                StatusCode::BAD_REQUEST,
                "send-error-title",
                "send-error-text",
            )
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot file a report");
            super::message(
                web,
                ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "send-error-title",
                "send-error-text",
            )
        }
    }
}

/// `POST /signaler/photos`: adds (or removes) photos of the draft.
pub async fn photos_post(
    State(web): State<Web>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    mut multipart: Multipart,
) -> Response {
    let mut loaded = load(&web, draft_cookie(&headers).as_deref()).await;
    let lang = ctx.lang;
    let mut csrf = String::new();
    let mut retour = false;
    let mut errors = Vec::new();
    let mut uploads: Vec<(String, Vec<u8>)> = Vec::new();
    let mut remove: Option<String> = None;
    let mut too_big = false;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(_) => {
                too_big = true;
                break;
            }
        };
        match field.name().unwrap_or("") {
            "csrf" => csrf = field.text().await.unwrap_or_default(),
            "retour" => retour = true,
            "supprimer" => remove = field.text().await.ok(),
            "photo" => {
                let name = field.file_name().unwrap_or("").to_string();
                let mut field = field;
                let mut bytes = Vec::new();
                loop {
                    match field.chunk().await {
                        Ok(Some(c)) => {
                            bytes.extend_from_slice(&c);
                            if bytes.len() > MAX_PHOTO_BYTES {
                                too_big = true;
                                break;
                            }
                        }
                        Ok(None) => break,
                        Err(_) => {
                            too_big = true;
                            break;
                        }
                    }
                }
                if too_big {
                    break;
                }
                if !bytes.is_empty() {
                    uploads.push((name, bytes));
                }
            }
            _ => {}
        }
    }
    if !too_big && !ctx.csrf_ok(&csrf) {
        return super::forged(&web, &ctx);
    }
    if let Some(missing) = first_missing(&loaded.draft, "photos") {
        return Redirect::to(missing).into_response();
    }
    if too_big {
        errors.push(FieldErr {
            field: "photo".into(),
            message: web.ui.i18n.tf(
                lang,
                "photos-error-size",
                &[("mb", ((MAX_PHOTO_BYTES >> 20) as i64).into())],
            ),
        });
    }
    if let Some(id) = remove {
        loaded.draft.photos.retain(|p| *p != id);
        if let Err(res) = save(&web, &ctx, &loaded).await {
            return res;
        }
        return page(&web, &ctx, &loaded, "photos", errors, json!({}), retour);
    }
    if loaded.draft.photos.len() + uploads.len() > MAX_PHOTOS {
        errors.push(FieldErr {
            field: "photo".into(),
            message: web.ui.i18n.tf(
                lang,
                "photos-error-count",
                &[("max", (MAX_PHOTOS as i64).into())],
            ),
        });
        uploads.clear();
    }
    let dir = photo_dir(&web);
    let mut kept = Vec::new();
    for (name, bytes) in uploads {
        match keep_photo(dir.clone(), bytes).await {
            Ok(id) => {
                kept.push(id.clone());
                loaded.draft.photos.push(id);
            }
            Err(refused) => errors.push(FieldErr {
                field: "photo".into(),
                message: refused.message(&web, lang, &name),
            }),
        }
    }
    if let Err(res) = save(&web, &ctx, &loaded).await {
        // the draft does not hold them: nothing would ever delete them
        for id in &kept {
            web.app.forget_photo(id);
        }
        return res;
    }
    if !errors.is_empty() {
        return page(&web, &ctx, &loaded, "photos", errors, json!({}), retour);
    }
    with_cookie(next("/signaler/contact", retour), &loaded, &web)
}

pub fn photo_dir(web: &Web) -> PathBuf {
    web.app.photo_dir()
}

/// The most pixels a photo may declare: a 40-megapixel camera's. The file's header is
/// read first, so that a small file declaring a huge image is refused before it is
/// decoded (a 420 KB PNG can declare 12000 × 12000 pixels, 432 MB once decoded).
pub const MAX_PHOTO_PIXELS: u64 = 40_000_000;

/// Why a photo was not kept.
#[derive(Debug)]
pub enum PhotoRefused {
    /// Not a JPEG, PNG or WebP image that can be read.
    Unreadable,
    /// More pixels than `MAX_PHOTO_PIXELS`: how many megapixels, rounded up.
    TooManyPixels(u64),
    /// The photo could not be written (the disk full, say).
    Unwritable(std::io::Error),
}

impl PhotoRefused {
    /// What to tell the person who sent `file`.
    pub fn message(&self, web: &Web, lang: Lang, file: &str) -> String {
        match self {
            PhotoRefused::TooManyPixels(mp) => web.ui.i18n.tf(
                lang,
                "photos-error-pixels",
                &[
                    ("file", file.to_string().into()),
                    ("mp", (*mp as i64).into()),
                    ("max", ((MAX_PHOTO_PIXELS / 1_000_000) as i64).into()),
                ],
            ),
            PhotoRefused::Unwritable(e) => {
                tracing::error!(error = %e, "cannot keep a photo");
                web.ui.t(lang, "photos-error-unwritable")
            }
            PhotoRefused::Unreadable => web.ui.i18n.tf(
                lang,
                "photos-error-format",
                &[("file", file.to_string().into())],
            ),
        }
    }
}

/// Keeps a photo as `keep_photo_now` does, when a core is free (`cpu`): decoding is the
/// heaviest work balise does for an anonymous request.
pub async fn keep_photo(dir: PathBuf, bytes: Vec<u8>) -> Result<String, PhotoRefused> {
    crate::cpu::run(move || keep_photo_now(&dir, &bytes)).await
}

/// Decodes a photo (JPEG, PNG or WebP), turns it upright is left to the camera, scales it
/// to at most 2048 px, and writes it and a thumbnail as fresh JPEGs: no metadata of the
/// original survives. Returns the photo's id.
fn keep_photo_now(dir: &std::path::Path, bytes: &[u8]) -> Result<String, PhotoRefused> {
    let reader = || {
        image::ImageReader::new(std::io::Cursor::new(bytes))
            .with_guessed_format()
            .map_err(|_| PhotoRefused::Unreadable)
    };
    let (w, h) = reader()?
        .into_dimensions()
        .map_err(|_| PhotoRefused::Unreadable)?;
    let pixels = u64::from(w) * u64::from(h);
    if pixels > MAX_PHOTO_PIXELS {
        return Err(PhotoRefused::TooManyPixels(pixels.div_ceil(1_000_000)));
    }
    let mut reader = reader()?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(w);
    limits.max_image_height = Some(h);
    // 40 MP at up to 6 bytes a pixel (16-bit RGB), and the decoder's own buffers
    limits.max_alloc = Some(MAX_PHOTO_PIXELS * 6 + (16 << 20));
    reader.limits(limits);
    let img = reader.decode().map_err(|_| PhotoRefused::Unreadable)?;
    // `thumbnail` averages areas in integers; `resize` would need a floating-point copy
    // as large as the image
    let img = if img.width() > PHOTO_SIDE || img.height() > PHOTO_SIDE {
        img.thumbnail(PHOTO_SIDE, PHOTO_SIDE)
    } else {
        img
    };
    let thumb = img.thumbnail(THUMB_SIDE, THUMB_SIDE);
    let id = Uuid::now_v7().to_string();
    let paths = [
        dir.join(format!("{id}.jpg")),
        dir.join(format!("{id}-vignette.jpg")),
    ];
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        for (path, pic) in paths.iter().zip([&img, &thumb]) {
            let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 85);
            pic.to_rgb8()
                .write_with_encoder(enc)
                .map_err(std::io::Error::other)?;
            std::io::Write::flush(&mut out)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        for path in &paths {
            let _ = std::fs::remove_file(path);
        }
        return Err(PhotoRefused::Unwritable(e));
    }
    Ok(id)
}

/// `GET /signaler/vignette/{id}`: a thumbnail of the requester's own draft.
pub async fn own_thumbnail(
    State(web): State<Web>,
    ctx: Ctx,
    Path(id): Path<String>,
    headers: axum::http::HeaderMap,
) -> Response {
    let loaded = load(&web, draft_cookie(&headers).as_deref()).await;
    if loaded.new || !loaded.draft.photos.contains(&id) {
        return super::not_found(&web, &ctx);
    }
    match tokio::fs::read(photo_dir(&web).join(format!("{id}-vignette.jpg"))).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "private, no-store"),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => super::not_found(&web, &ctx),
    }
}

/// `GET /photos/{report}/{photo}.jpg` (or `{photo}-vignette.jpg`): a report's photo,
/// once an agent made it public (`attributes.photos_publiques`).
pub async fn public_photo(
    State(web): State<Web>,
    ctx: Ctx,
    Path((report, file)): Path<(String, String)>,
) -> Response {
    let (id, suffix) = photo_file(&file);
    let (Ok(report), Ok(photo)) = (Uuid::parse_str(&report), Uuid::parse_str(id)) else {
        return super::not_found(&web, &ctx);
    };
    let published = web
        .app
        .get(report, &Actor::Anonymous)
        .ok()
        .filter(|e| e.feature.kind == Kind::Report)
        .is_some_and(|e| {
            e.feature
                .attributes
                .get("photos_publiques")
                .and_then(|v| v.as_array())
                .is_some_and(|a| a.iter().any(|p| p.as_str() == Some(id)))
        });
    if !published {
        return super::not_found(&web, &ctx);
    }
    send_photo(&web, &ctx, photo, suffix, "public, max-age=3600").await
}

/// A kept photo's file as addresses name it: `{photo}.jpg` or `{photo}-vignette.jpg`
/// (its thumbnail); the photo id (not yet checked) and the suffix.
pub fn photo_file(file: &str) -> (&str, &'static str) {
    match file.strip_suffix("-vignette.jpg") {
        Some(id) => (id, "-vignette.jpg"),
        None => (file.strip_suffix(".jpg").unwrap_or(""), ".jpg"),
    }
}

/// Answers with a kept photo (or its thumbnail), once the caller checked who may see it.
pub async fn send_photo(
    web: &Web,
    ctx: &Ctx,
    photo: Uuid,
    suffix: &str,
    cache: &'static str,
) -> Response {
    match tokio::fs::read(photo_dir(web).join(format!("{photo}{suffix}"))).await {
        Ok(bytes) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, cache),
            ],
            bytes,
        )
            .into_response(),
        Err(_) => super::not_found(web, ctx),
    }
}

/// `GET /signaler/envoye/{reference}`
pub async fn sent(State(web): State<Web>, ctx: Ctx, Path(reference): Path<String>) -> Response {
    let Some(e) = web.app.report_by_reference(&reference) else {
        return super::not_found(&web, &ctx);
    };
    let commune = web
        .app
        .territory()
        .get(&e.feature.commune)
        .map(|c| CommuneView::of(c, ctx.lang));
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "envoye.html",
        json!({
            "communes": communes(&web, ctx.lang),
            "commune_shown": commune,
            "reference": reference,
        }),
    )
}
