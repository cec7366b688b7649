//! Request extractors: who is calling, and a JSON body with a size limit and readable
//! errors (axum's own rejections would answer in plain text).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{HeaderMap, StatusCode, header, request::Parts};
use serde_json::Value;

use super::Web;
use crate::error::Error;
use crate::model::FieldError;
use crate::policy::Actor;

/// The name of the session cookie of people signed in.
pub const SESSION_COOKIE: &str = "balise_session";

/// Who is calling: a bearer token (the admin token or an API token), else the person of
/// a session cookie, else an anonymous citizen. A wrong token is an error, never a
/// silent fall-back to anonymous; an expired session is simply anonymous (the
/// workspace then asks to sign in again).
impl FromRequestParts<Web> for Actor {
    type Rejection = Error;

    async fn from_request_parts(parts: &mut Parts, web: &Web) -> Result<Self, Self::Rejection> {
        if let Some(value) = parts.headers.get(header::AUTHORIZATION) {
            let token = value
                .to_str()
                .ok()
                .and_then(|v| v.strip_prefix("Bearer "))
                .map(str::trim)
                .filter(|t| !t.is_empty() && t.len() <= 200);
            return match token {
                Some(t) => web.app.token_actor(t).await?.ok_or(Error::Unauthorized),
                None => Err(Error::Unauthorized),
            };
        }
        match crate::web::cookie(parts, SESSION_COOKIE).filter(|s| s.len() <= 100) {
            Some(secret) => {
                let actor = web
                    .app
                    .session_actor(secret)
                    .await?
                    .unwrap_or(Actor::Anonymous);
                if actor != Actor::Anonymous
                    && !parts.method.is_safe()
                    && parts.uri.path().starts_with("/api/")
                    && !same_origin(parts, web)
                {
                    return Err(Error::CrossSite);
                }
                Ok(actor)
            }
            None => Ok(Actor::Anonymous),
        }
    }
}

/// Whether a request comes from balise's own pages: its `Origin` (else `Referer`) is
/// balise's public URL, or the host the request was sent to. A browser sends the
/// session cookie with a form another site posts to the API (`text/plain`,
/// `multipart/form-data` need no CORS preflight), but cannot hide where it comes from;
/// the pages' forms carry their CSRF token instead, and API clients use tokens.
fn same_origin(parts: &Parts, web: &Web) -> bool {
    use super::origin_of;
    let sent = parts
        .headers
        .get(header::ORIGIN)
        .or_else(|| parts.headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .and_then(origin_of);
    let Some(sent) = sent else {
        return false;
    };
    if let Some(public) = web.app.config.public_url.as_deref().and_then(origin_of) {
        return sent == public;
    }
    let host = parts
        .headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok());
    host.is_some_and(|h| sent.split_once("://").map(|(_, a)| a) == Some(h))
}

/// A JSON request body: media type checked, size limited, syntax errors located.
pub struct JsonBody(pub Value);

impl FromRequest<Web> for JsonBody {
    type Rejection = Error;

    async fn from_request(req: Request, web: &Web) -> Result<Self, Self::Rejection> {
        let media = req
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let essence = media
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if essence != "application/json" && essence != "application/geo+json" {
            return Err(Error::UnsupportedMediaType(if media.is_empty() {
                "no Content-Type".into()
            } else {
                media
            }));
        }
        let bytes = Bytes::from_request(req, web).await.map_err(|r| {
            if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
                Error::PayloadTooLarge {
                    limit: web.app.config.max_body_bytes,
                }
            } else {
                Error::BadRequest(vec![FieldError::new("", "unreadable_body", r.body_text())])
            }
        })?;
        serde_json::from_slice(&bytes).map(JsonBody).map_err(|e| {
            Error::BadRequest(vec![FieldError::new(
                "",
                "invalid_json",
                format!(
                    "the body is not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
            )])
        })
    }
}

/// Reads `If-Match` / `If-None-Match` as a version: `"3"`, `W/"3"` or `*` (any).
pub enum Precondition {
    Absent,
    Any,
    Version(i64),
}

/// The version `If-Match` names on a change, which requires it (`428` without):
/// `None` for `*`, whatever is current.
pub fn if_match(headers: &HeaderMap) -> Result<Option<i64>, Error> {
    match precondition(headers, header::IF_MATCH)? {
        Precondition::Absent => Err(Error::PreconditionRequired),
        Precondition::Any => Ok(None),
        Precondition::Version(v) => Ok(Some(v)),
    }
}

pub fn precondition(headers: &HeaderMap, name: header::HeaderName) -> Result<Precondition, Error> {
    let Some(v) = headers.get(&name) else {
        return Ok(Precondition::Absent);
    };
    let s = v.to_str().unwrap_or("").trim();
    if s == "*" {
        return Ok(Precondition::Any);
    }
    s.trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .map(Precondition::Version)
        .map_err(|_| {
            Error::BadRequest(vec![FieldError::new(
                format!("header {name}"),
                "invalid_header",
                format!("{name} must be an ETag this API gave, like \"3\", not {s:?}"),
            )])
        })
}
