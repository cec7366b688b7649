//! The home page, the pages every site needs (help, privacy, accessibility statement),
//! the language switch, and the pages that say what is coming.

use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::i18n::Lang;
use super::{Ctx, LANG_COOKIE};
use crate::api::Web;

/// A commune as the pages show it: identity and contact.
#[derive(Serialize)]
pub struct CommuneView {
    pub nis: String,
    pub name: String,
    pub arms_url: Option<String>,
    pub contact: crate::model::Contact,
}

impl CommuneView {
    pub fn of(c: &crate::model::Commune, lang: Lang) -> CommuneView {
        CommuneView {
            nis: c.nis.clone(),
            name: c.name(lang.code()).to_string(),
            arms_url: c.settings.arms_url.clone(),
            contact: c.settings.contact.clone(),
        }
    }
}

pub fn communes(web: &Web, lang: Lang) -> Vec<CommuneView> {
    web.app
        .territory()
        .active()
        .map(|c| CommuneView::of(c, lang))
        .collect()
}

#[derive(Serialize)]
struct Simple {
    communes: Vec<CommuneView>,
    page: &'static str,
}

fn simple(web: &Web, ctx: &Ctx, page: &'static str, template: &str) -> Response {
    web.ui.render(
        ctx,
        StatusCode::OK,
        template,
        Simple {
            communes: communes(web, ctx.lang),
            page,
        },
    )
}

/// `GET /`
pub async fn home(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "home", "home.html")
}

/// `GET /aide`
pub async fn help(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "help", "page.html")
}

/// `GET /vie-privee`
pub async fn privacy(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "privacy", "page.html")
}

/// `GET /accessibilite`
pub async fn accessibility(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "accessibility", "page.html")
}

/// `GET /autorisation`: requests for events and occupations come with a later release;
/// until then the page says whom to ask.
pub async fn permits(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "permits", "page.html")
}

/// `GET /api`: for developers, the open data and its interfaces.
pub async fn api(State(web): State<Web>, ctx: Ctx) -> Response {
    simple(&web, &ctx, "api", "page.html")
}

#[derive(Deserialize)]
pub struct Back {
    #[serde(default)]
    retour: String,
}

/// `GET /langue/{code}?retour=/carte…`: remembers the language and goes back. Only local
/// paths are followed, so the link cannot send anyone to another site.
pub async fn language(
    State(web): State<Web>,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> Response {
    let Some(lang) = Lang::ALL.into_iter().find(|l| l.code() == code) else {
        return crate::error::Error::NotFound(format!("language `{code}`")).into_response();
    };
    let target = super::local_path(&back.retour).unwrap_or("/").to_string();
    let secure = super::secure_cookies(&web);
    let mut res = Redirect::to(&target).into_response();
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{}",
        lang.code(),
        if secure { "; Secure" } else { "" }
    );
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_str(&cookie).expect("ascii"),
    );
    res
}
