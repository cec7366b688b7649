//! The one place where errors become HTTP: RFC 9457 problem documents
//! (`application/problem+json`) that name each faulty field and the reason.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::error::Error;
use crate::model::FieldError;

fn problem(
    status: StatusCode,
    slug: &str,
    title: &str,
    detail: String,
    errors: &[FieldError],
) -> Response {
    let mut body = json!({
        "type": format!("/problems/{slug}"),
        "title": title,
        "status": status.as_u16(),
        "detail": detail,
    });
    if !errors.is_empty() {
        body["errors"] = json!(
            errors
                .iter()
                .map(|e| json!({ "pointer": e.pointer, "code": e.code, "detail": e.message }))
                .collect::<Vec<_>>()
        );
    }
    let mut res = (status, body.to_string()).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

fn summary(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl IntoResponse for Error {
    fn into_response(self) -> Response {
        match self {
            Error::BadRequest(errors) => problem(
                StatusCode::BAD_REQUEST,
                "bad-request",
                "The request is malformed",
                summary(&errors),
                &errors,
            ),
            Error::Invalid(errors) => problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-feature",
                "The feature breaks a rule",
                summary(&errors),
                &errors,
            ),
            Error::NotFound(what) => problem(
                StatusCode::NOT_FOUND,
                "not-found",
                "Not found",
                format!("{what} does not exist"),
                &[],
            ),
            Error::PreconditionFailed { expected, current } => {
                let detail = if let Some(expected) = expected {
                    format!(
                        "you sent version {expected}, but the feature is at version {current}; fetch it again and reapply your change"
                    )
                } else {
                    format!(
                        "the feature is at version {current}; fetch it again and reapply your change"
                    )
                };
                let mut res = problem(
                    StatusCode::PRECONDITION_FAILED,
                    "stale-version",
                    "The feature changed meanwhile",
                    detail,
                    &[],
                );
                res.headers_mut()
                    .insert(header::ETAG, crate::api::etag(current));
                res
            }
            Error::PreconditionRequired => problem(
                StatusCode::PRECONDITION_REQUIRED,
                "if-match-required",
                "If-Match is required",
                "send the version you are changing in If-Match (the ETag of your last GET)".into(),
                &[],
            ),
            Error::Unauthorized => {
                let mut res = problem(
                    StatusCode::UNAUTHORIZED,
                    "unauthorized",
                    "Authentication required",
                    "send a valid token as `Authorization: Bearer <token>`".into(),
                    &[],
                );
                res.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"balise\""),
                );
                res
            }
            Error::Forbidden => problem(
                StatusCode::FORBIDDEN,
                "forbidden",
                "Not allowed",
                "your token does not allow this".into(),
                &[],
            ),
            Error::CrossSite => problem(
                StatusCode::FORBIDDEN,
                "cross-site",
                "Cross-site request refused",
                "a change sent with a session cookie must come from balise's own pages (Origin); programs use a bearer token".into(),
                &[],
            ),
            Error::PayloadTooLarge { limit } => problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "The body is too large",
                format!("the body exceeds the limit of {limit} bytes"),
                &[],
            ),
            Error::TooManyRequests { retry_after_secs } => {
                let mut res = problem(
                    StatusCode::TOO_MANY_REQUESTS,
                    "too-many-requests",
                    "Too many requests",
                    format!("this address sent too many requests; retry in {retry_after_secs} s"),
                    &[],
                );
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                res
            }
            Error::Unavailable { retry_after_secs } => {
                let mut res = problem(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "Temporarily unavailable",
                    format!(
                        "the database cannot take this request now; nothing was changed, retry in {retry_after_secs} s"
                    ),
                    &[],
                );
                res.headers_mut()
                    .insert(header::RETRY_AFTER, HeaderValue::from(retry_after_secs));
                res
            }
            Error::UnsupportedMediaType(got) => problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
                format!("send application/geo+json or application/json, not {got}"),
                &[],
            ),
            Error::Internal(e) => {
                tracing::error!(error = format!("{e:#}"), "internal error");
                problem(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "Internal error",
                    "something went wrong on our side; it has been logged".into(),
                    &[],
                )
            }
        }
    }
}
