//! The citizen web: server-rendered pages in plain French (and Dutch, German, English),
//! that work without JavaScript. MapLibre is an extra on the map page, loaded after the
//! list it illustrates. Pages follow the GOV.UK Design System's patterns (not its brand)
//! and `ACCESSIBILITY.md`.
//!
//! Handlers here are thin like the API's: they read the request into a `Ctx` (language,
//! CSRF token), ask `App` through the same policy as the API (anonymous citizens see
//! public data only), and render a template. Templates live in `web/templates/`, styles
//! and scripts in `web/static/`, texts in `locales/`; all are built into the binary.

mod agent;
pub mod assets;
mod carte;
mod compte;
mod formulaire;
pub mod i18n;
mod journal;
mod notify;
mod pages;
mod signaler;
mod suivi;
mod taches;
mod triage;
pub mod words;

use std::sync::Arc;

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use fluent_bundle::FluentValue;
use minijinja::value::Kwargs;
use minijinja::{Environment, State, Value};
use serde::Serialize;

use crate::api::Web;
use i18n::{I18n, Lang};

/// Templates, translations and assets: everything a page needs besides data.
pub struct Ui {
    env: Environment<'static>,
    pub i18n: Arc<I18n>,
    pub assets: assets::Assets,
    /// The import map of the drawing pages' modules: the one inline script there is.
    pub importmap: String,
    /// The Content-Security-Policy of every page.
    csp: HeaderValue,
}

/// Every page's Content-Security-Policy: scripts, styles, images and connections from
/// balise itself only — no inline script but the import map, whose hash it names —,
/// MapLibre's worker, and the configured basemap's server for its tiles.
fn content_security_policy(importmap: &str, basemap: Option<&crate::config::Basemap>) -> String {
    use base64::Engine;
    use sha2::Digest;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(importmap));
    let basemap = basemap
        .and_then(|b| crate::api::origin_of(&b.url))
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self' 'sha256-{hash}'; style-src 'self'; \
         img-src 'self' data: blob:{basemap}; connect-src 'self'{basemap}; \
         worker-src 'self' blob:; child-src 'self' blob:; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
    )
}

const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../web/templates/base.html")),
    (
        "macros.html",
        include_str!("../../web/templates/macros.html"),
    ),
    ("home.html", include_str!("../../web/templates/home.html")),
    ("page.html", include_str!("../../web/templates/page.html")),
    ("carte.html", include_str!("../../web/templates/carte.html")),
    (
        "feature.html",
        include_str!("../../web/templates/feature.html"),
    ),
    ("error.html", include_str!("../../web/templates/error.html")),
    (
        "signaler.html",
        include_str!("../../web/templates/signaler.html"),
    ),
    (
        "envoye.html",
        include_str!("../../web/templates/envoye.html"),
    ),
    ("suivi.html", include_str!("../../web/templates/suivi.html")),
    (
        "suivre.html",
        include_str!("../../web/templates/suivre.html"),
    ),
    (
        "desabonner.html",
        include_str!("../../web/templates/desabonner.html"),
    ),
    (
        "connexion.html",
        include_str!("../../web/templates/connexion.html"),
    ),
    (
        "oublie.html",
        include_str!("../../web/templates/oublie.html"),
    ),
    (
        "mot-de-passe.html",
        include_str!("../../web/templates/mot-de-passe.html"),
    ),
    (
        "compte.html",
        include_str!("../../web/templates/compte.html"),
    ),
    ("agent.html", include_str!("../../web/templates/agent.html")),
    (
        "agent-element.html",
        include_str!("../../web/templates/agent-element.html"),
    ),
    (
        "agent-conflits.html",
        include_str!("../../web/templates/agent-conflits.html"),
    ),
    (
        "apercu.html",
        include_str!("../../web/templates/apercu.html"),
    ),
    (
        "agent-signalements.html",
        include_str!("../../web/templates/agent-signalements.html"),
    ),
    (
        "agent-services.html",
        include_str!("../../web/templates/agent-services.html"),
    ),
    (
        "agent-taches.html",
        include_str!("../../web/templates/agent-taches.html"),
    ),
    (
        "agent-tache.html",
        include_str!("../../web/templates/agent-tache.html"),
    ),
    (
        "agent-tableau.html",
        include_str!("../../web/templates/agent-tableau.html"),
    ),
    (
        "agent-notifications.html",
        include_str!("../../web/templates/agent-notifications.html"),
    ),
    (
        "agent-projets.html",
        include_str!("../../web/templates/agent-projets.html"),
    ),
    (
        "agent-projet.html",
        include_str!("../../web/templates/agent-projet.html"),
    ),
    (
        "agent-journal.html",
        include_str!("../../web/templates/agent-journal.html"),
    ),
    (
        "agent-modele.html",
        include_str!("../../web/templates/agent-modele.html"),
    ),
];

impl Ui {
    pub fn load(basemap: Option<&crate::config::Basemap>) -> anyhow::Result<Ui> {
        let i18n = Arc::new(I18n::load()?);
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        for (name, source) in TEMPLATES {
            env.add_template(name, source)
                .map_err(|e| anyhow::anyhow!("template {name}: {e:#}"))?;
        }
        let tr = i18n.clone();
        // t("key", name=value, …): the message in the page's language
        env.add_function(
            "t",
            move |state: &State, key: &str, kwargs: Kwargs| -> Result<String, minijinja::Error> {
                let lang = state
                    .lookup("lang")
                    .and_then(|l| l.as_str().and_then(Lang::parse))
                    .unwrap_or(Lang::Fr);
                let mut args = Vec::new();
                for name in kwargs.args() {
                    let v: Value = kwargs.get(name)?;
                    let fv = match v.as_i64() {
                        Some(n) => FluentValue::from(n),
                        None => FluentValue::from(v.to_string()),
                    };
                    args.push((name, fv));
                }
                Ok(tr.tf(lang, key, &args))
            },
        );
        let assets = assets::Assets::load();
        let importmap =
            serde_json::json!({ "imports": { "terra-draw": assets.versioned("terra-draw.js") } })
                .to_string()
                .replace('<', "\\u003c");
        let csp = HeaderValue::from_str(&content_security_policy(&importmap, basemap))?;
        Ok(Ui {
            env,
            i18n,
            assets,
            importmap,
            csp,
        })
    }

    /// Renders `template` with the page context plus `data`.
    pub fn render(
        &self,
        ctx: &Ctx,
        status: StatusCode,
        template: &str,
        data: impl Serialize,
    ) -> Response {
        let page = PageContext {
            lang: ctx.lang.code(),
            path: &ctx.path,
            csrf: &ctx.csrf,
            langs: Lang::ALL
                .iter()
                .map(|l| LangLink {
                    code: l.code(),
                    name: l.native_name(),
                    current: *l == ctx.lang,
                    href: format!(
                        "/langue/{}?retour={}",
                        l.code(),
                        urlencoding_path(&ctx.path)
                    ),
                })
                .collect(),
            css: self.assets.versioned("balise.css"),
            js: self.assets.versioned("balise.js"),
        };
        let result = self.env.get_template(template).and_then(|t| {
            t.render(minijinja::context! { ..Value::from_serialize(&page), ..Value::from_serialize(&data) })
        });
        let html = match result {
            Ok(html) => html,
            Err(e) => {
                tracing::error!(template, error = %format!("{e:#}"), "template failed");
                return (StatusCode::INTERNAL_SERVER_ERROR, "template error").into_response();
            }
        };
        let mut res = (status, axum::response::Html(html)).into_response();
        let h = res.headers_mut();
        h.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(ctx.lang.code()),
        );
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        h.insert(
            header::VARY,
            HeaderValue::from_static("Cookie, Accept-Language"),
        );
        // pages are not framed by other sites, not sniffed, and do not leak their
        // addresses (references, tokens) to other sites
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        h.insert(header::CONTENT_SECURITY_POLICY, self.csp.clone());
        h.insert(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        );
        h.insert(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        );
        if ctx.new_csrf {
            let cookie = format!(
                "{CSRF_COOKIE}={}; Path=/; HttpOnly; SameSite=Lax{}",
                ctx.csrf,
                if ctx.secure { "; Secure" } else { "" }
            );
            h.append(
                header::SET_COOKIE,
                HeaderValue::from_str(&cookie).expect("hex is a valid header"),
            );
        }
        res
    }

    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.i18n.t(lang, key, None)
    }
}

#[derive(Serialize)]
struct PageContext<'a> {
    lang: &'static str,
    path: &'a str,
    csrf: &'a str,
    langs: Vec<LangLink>,
    css: String,
    js: String,
}

#[derive(Serialize)]
struct LangLink {
    code: &'static str,
    name: &'static str,
    current: bool,
    href: String,
}

/// A `retour` (where to go back to) when it is a path of this site, the one check for
/// every such value: one `/` then a character that starts a path segment. Browsers
/// read `/\\host`, `/<tab>/host` and `//host` as another site (they turn backslashes
/// into slashes and drop tabs and newlines), so no backslash, no control character and
/// no whitespace anywhere.
pub fn local_path(r: &str) -> Option<&str> {
    let mut chars = r.chars();
    let safe = chars.next() == Some('/')
        && chars.next().is_none_or(|c| c != '/')
        && !r
            .chars()
            .any(|c| c == '\\' || c.is_control() || c.is_whitespace());
    safe.then_some(r)
}

/// Percent-encodes a local path and query for use as a query value.
pub fn urlencoding_path(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for b in p.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub const LANG_COOKIE: &str = "balise_lang";
pub const CSRF_COOKIE: &str = "balise_csrf";

/// What every page needs to know about the request.
pub struct Ctx {
    pub lang: Lang,
    /// Path and query of the page, for the language switch.
    pub path: String,
    /// The anti-forgery token of this browser (double-submit: cookie and form field).
    pub csrf: String,
    new_csrf: bool,
    /// Whether the site is reached over HTTPS (cookies get `Secure`).
    secure: bool,
}

impl Ctx {
    /// Whether a submitted form carries this browser's token.
    pub fn csrf_ok(&self, submitted: &str) -> bool {
        !self.new_csrf && !submitted.is_empty() && constant_eq(submitted, &self.csrf)
    }
}

fn constant_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Reads one cookie of the request.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    cookie_in(&parts.headers, name)
}

/// Reads one cookie from request headers.
pub fn cookie_in<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl FromRequestParts<Web> for Ctx {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, web: &Web) -> Result<Self, Self::Rejection> {
        let lang = cookie(parts, LANG_COOKIE)
            .and_then(Lang::parse)
            .or_else(|| {
                parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|h| h.to_str().ok())
                    .and_then(Lang::from_accept)
            })
            .unwrap_or(Lang::Fr);
        let (csrf, new_csrf) = match cookie(parts, CSRF_COOKIE)
            .filter(|c| c.len() == 32 && c.bytes().all(|b| b.is_ascii_hexdigit()))
        {
            Some(c) => (c.to_string(), false),
            None => (random_hex(16), true),
        };
        let path = parts
            .uri
            .path_and_query()
            .map_or("/".to_string(), |p| p.as_str().to_string());
        let secure = secure_cookies(web);
        Ok(Ctx {
            lang,
            path,
            csrf,
            new_csrf,
            secure,
        })
    }
}

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> String {
    use rand::RngCore;
    let mut bytes = vec![0u8; n];
    rand::rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A wrong answer on a form: the field's id (the error summary links to it) and what
/// to do, in the page's language.
#[derive(Serialize)]
pub struct FieldErr {
    pub field: std::borrow::Cow<'static, str>,
    pub message: String,
}

/// A page showing wrong answers says so in its status, for programs and tests alike.
pub fn form_status(errors: &[FieldErr]) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    }
}

/// Whether the site is reached over HTTPS, so that cookies get `Secure`.
pub fn secure_cookies(web: &Web) -> bool {
    web.app
        .config
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"))
}

#[derive(Serialize)]
struct ErrorPage {
    communes: Vec<pages::CommuneView>,
    title_key: &'static str,
    text_key: &'static str,
}

/// A page that says one thing: a title and a sentence, both translation keys.
pub fn message(
    web: &Web,
    ctx: &Ctx,
    status: StatusCode,
    title_key: &'static str,
    text_key: &'static str,
) -> Response {
    let mut res = web.ui.render(
        ctx,
        status,
        "error.html",
        ErrorPage {
            communes: pages::communes(web, ctx.lang),
            title_key,
            text_key,
        },
    );
    if status == StatusCode::SERVICE_UNAVAILABLE {
        res.headers_mut().insert(
            axum::http::header::RETRY_AFTER,
            axum::http::HeaderValue::from(crate::error::RETRY_AFTER_SECS),
        );
    }
    res
}

/// A POST whose anti-forgery token is missing or wrong: say so, keep nothing.
pub fn forged(web: &Web, ctx: &Ctx) -> Response {
    message(web, ctx, StatusCode::FORBIDDEN, "csrf-title", "csrf-text")
}

/// Why a workspace form may not go on: it is forged, or nobody is signed in (then the
/// way to sign in). `None`: go on.
pub fn refused(web: &Web, ctx: &Ctx, actor: &crate::policy::Actor, csrf: &str) -> Option<Response> {
    if !ctx.csrf_ok(csrf) {
        return Some(forged(web, ctx));
    }
    sign_in_first(actor, ctx)
}

/// The way to the sign-in page, for a workspace page asked by someone not signed in.
pub fn sign_in_first(actor: &crate::policy::Actor, ctx: &Ctx) -> Option<Response> {
    actor.person().is_none().then(|| compte::to_sign_in(ctx))
}

/// The communes whose internal data this person sees, for the workspace's menus.
pub fn my_communes(web: &Web, ctx: &Ctx, actor: &crate::policy::Actor) -> Vec<pages::CommuneView> {
    web.app
        .territory()
        .active()
        .filter(|c| actor.sees_internal(&c.nis))
        .map(|c| pages::CommuneView::of(c, ctx.lang))
        .collect()
}

/// The commune a workspace page shows: the one asked if it is the person's, else their
/// first; `None` when they have none.
pub fn chosen_commune(web: &Web, actor: &crate::policy::Actor, asked: &str) -> Option<String> {
    let territory = web.app.territory();
    let mine: Vec<&crate::model::Commune> = territory
        .active()
        .filter(|c| actor.sees_internal(&c.nis))
        .collect();
    mine.iter()
        .find(|c| c.nis == asked)
        .or(mine.first())
        .map(|c| c.nis.clone())
}

/// The page for an action the person's role does not allow.
pub fn forbidden(web: &Web, ctx: &Ctx) -> Response {
    message(
        web,
        ctx,
        StatusCode::FORBIDDEN,
        "forbidden-title",
        "forbidden-text",
    )
}

/// The page a person gets for an address that leads nowhere.
pub fn not_found(web: &Web, ctx: &Ctx) -> Response {
    web.ui.render(
        ctx,
        StatusCode::NOT_FOUND,
        "error.html",
        ErrorPage {
            communes: pages::communes(web, ctx.lang),
            title_key: "not-found-title",
            text_key: "not-found-text",
        },
    )
}

/// Unknown addresses: a page for browsers, a problem document for programs.
pub async fn fallback(
    axum::extract::State(web): axum::extract::State<Web>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
) -> Response {
    let wants_html = headers
        .get(header::ACCEPT)
        .and_then(|a| a.to_str().ok())
        .is_some_and(|a| a.contains("text/html"));
    if wants_html {
        not_found(&web, &ctx)
    } else {
        crate::error::Error::NotFound("this page".into()).into_response()
    }
}

/// The pages, to be merged into the application's router.
pub fn routes() -> Router<Web> {
    Router::new()
        .route("/", get(pages::home))
        .route("/langue/{code}", get(pages::language))
        .route("/aide", get(pages::help))
        .route("/vie-privee", get(pages::privacy))
        .route("/accessibilite", get(pages::accessibility))
        .route("/autorisation", get(pages::permits))
        .route("/api", get(pages::api))
        .route("/carte", get(carte::list))
        .route("/carte/{id}", get(carte::feature))
        .route("/assets/{*file}", get(assets::serve))
        .route("/signaler", get(signaler::start))
        .route(
            "/signaler/photos",
            get(signaler::photos_get).post(signaler::photos_post).layer(
                axum::extract::DefaultBodyLimit::max(signaler::PHOTO_BODY_LIMIT),
            ),
        )
        .route(
            "/signaler/{step}",
            get(signaler::step_get).post(signaler::step_post),
        )
        .route("/signaler/vignette/{id}", get(signaler::own_thumbnail))
        .route("/signaler/envoye/{reference}", get(signaler::sent))
        .route("/photos/{report}/{file}", get(signaler::public_photo))
        .route("/suivi", get(suivi::follow_form))
        .route(
            "/suivi/{reference}",
            get(suivi::follow).post(suivi::subscribe),
        )
        .route("/suivi/{reference}/rouvrir", post(suivi::reopen))
        .route(
            "/suivi/confirmer/{token}",
            get(suivi::confirm_form).post(suivi::confirm),
        )
        .route(
            "/desabonner/{token}",
            get(suivi::unsubscribe_form).post(suivi::unsubscribe),
        )
        .route(
            "/connexion",
            get(compte::sign_in_form).post(compte::sign_in),
        )
        .route("/deconnexion", post(compte::sign_out))
        .route("/deconnexion-partout", post(compte::sign_out_everywhere))
        .route(
            "/mot-de-passe-oublie",
            get(compte::forgot_form).post(compte::forgot),
        )
        .route(
            "/mot-de-passe/{secret}",
            get(compte::reset_form).post(compte::reset),
        )
        .route("/agent", get(agent::list))
        .route("/agent/compte", get(compte::account))
        .route("/agent/jetons", post(compte::tokens))
        .route("/agent/comptes", post(compte::people))
        .route("/agent/nouveau", get(agent::new_form).post(agent::create))
        .route("/agent/apercu", post(agent::preview))
        .route("/agent/element/{id}", get(agent::element).post(agent::save))
        .route("/agent/element/{id}/visibilite", post(agent::visibility))
        .route(
            "/agent/element/{id}/historique.csv",
            get(agent::history_export),
        )
        .route(
            "/agent/taches/{id}/historique.csv",
            get(taches::history_export),
        )
        .route("/agent/conflits", get(agent::conflicts))
        .route("/agent/signalements", get(triage::queue))
        .route("/agent/signalements/{id}", post(triage::move_report))
        .route("/agent/signalements/{id}/tache", post(taches::from_report))
        .route("/agent/taches", get(taches::list))
        .route("/agent/tableau", get(triage::dashboard))
        .route("/agent/taches/{id}/commentaires", post(taches::comment))
        .route("/agent/taches/{id}/etat", post(taches::move_status))
        .route(
            "/agent/projets",
            get(taches::projects).post(taches::project_create),
        )
        .route(
            "/agent/projets/{id}",
            get(taches::project).post(taches::project_change),
        )
        .route("/agent/modeles", post(taches::template_create))
        .route(
            "/agent/modeles/{id}",
            get(taches::template_show).post(taches::template_save),
        )
        .route("/agent/element/{id}/tache", post(taches::from_template))
        .route("/agent/projets/{id}/taches", post(taches::project_task))
        .route(
            "/agent/notifications",
            get(taches::notices).post(taches::notices_post),
        )
        .route("/agent/taches/{id}", get(taches::show).post(taches::save))
        .route(
            "/agent/taches/{id}/repare",
            post(taches::repaired).layer(axum::extract::DefaultBodyLimit::max(
                signaler::PHOTO_BODY_LIMIT,
            )),
        )
        .route(
            "/agent/taches/{id}/photos",
            post(taches::add_photo).layer(axum::extract::DefaultBodyLimit::max(
                signaler::PHOTO_BODY_LIMIT,
            )),
        )
        .route("/agent/taches/{id}/photos/{file}", get(taches::photo))
        .route(
            "/agent/taches/{id}/documents",
            post(taches::add_document).layer(axum::extract::DefaultBodyLimit::max(
                crate::model::task::MAX_DOCUMENT_BYTES + 64 * 1024,
            )),
        )
        .route("/agent/taches/{id}/documents/{doc}", get(taches::document))
        .route(
            "/agent/taches/{id}/{what}/{file}/retirer",
            post(taches::remove_attachment),
        )
        .route(
            "/agent/services",
            get(triage::services).post(triage::services_post),
        )
        .route("/agent/conflits/evaluer", post(agent::assess))
        .route("/agent/journal", get(journal::page))
        .route("/agent/journal.csv", get(journal::export))
}

/// Starts what the web needs besides routes: e-mail to reporters on status changes, and
/// the retention of their personal data.
pub fn start(web: &Web) {
    notify::follow_status_changes(web);
    notify::send_notices(web);
    // personal data is kept no longer than each commune says: checked every hour
    let app = std::sync::Arc::downgrade(&web.app);
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(std::time::Duration::from_secs(3600));
        let mut last_digest: Option<chrono::NaiveDate> = None;
        loop {
            tick.tick().await;
            let Some(app) = app.upgrade() else { return };
            let now = crate::clock::now();
            match app.erase_expired_personal_data(now).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "erased reporters' contacts past retention"),
                Err(e) => tracing::error!(error = %e, "cannot apply the retention periods"),
            }
            // tasks due tomorrow or late, and, from 7:00, the daily digests
            if let Err(e) = app.make_recurring_tasks(now).await {
                tracing::error!(error = %e, "cannot make the recurring tasks");
            }
            if let Err(e) = app.remind(now).await {
                tracing::error!(error = %e, "cannot remind people of their tasks");
            }
            let local = now.with_timezone(&crate::model::schedule::LOCAL_TZ);
            if chrono::Timelike::hour(&local) >= 7 && last_digest != Some(local.date_naive()) {
                last_digest = Some(local.date_naive());
                if let Err(e) = app.send_digests(now).await {
                    tracing::error!(error = %e, "cannot send the daily digests");
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_paths_of_this_site_are_followed() {
        for ok in [
            "/",
            "/carte?quand=semaine",
            "/agent/taches/1#fin",
            "/suivi/SOI-2027-00001",
        ] {
            assert_eq!(super::local_path(ok), Some(ok), "{ok}");
        }
        for bad in [
            "",
            "carte",
            "//evil.example/x",
            "/\\evil.example/x",
            "/\\/evil.example",
            "/\t/evil.example/after-login",
            "/\n/evil.example",
            "/\r//evil.example",
            "/ /evil.example",
            "/carte\\..\\x",
            "https://evil.example",
            "/\u{7f}/evil.example",
        ] {
            assert_eq!(super::local_path(bad), None, "{bad:?}");
        }
    }
}
