//! `/api/v1/tokens`: API tokens for integrations, managed by a commune's admins. A
//! token acts with one role in one commune; its secret is shown once, at creation.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Web;
use super::extract::JsonBody;
use crate::error::Error;
use crate::model::FieldError;
use crate::model::account::{ApiToken, Grant, Role};
use crate::policy::Actor;

fn token_json(t: &ApiToken) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "commune": t.grant.commune,
        "role": t.grant.role.as_str(),
        "created_by": t.created_by,
        "created_at": chrono::DateTime::from_timestamp(t.created_at, 0),
        "revoked_at": t.revoked_at.and_then(|r| chrono::DateTime::from_timestamp(r, 0)),
        "expires_at": chrono::DateTime::from_timestamp(t.expires_at, 0),
    })
}

fn signed(actor: &Actor) -> Result<(), Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthorized),
        _ => Ok(()),
    }
}

pub async fn list(State(web): State<Web>, actor: Actor) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let tokens = web.app.tokens(&actor).await?;
    Ok(Json(
        json!({ "tokens": tokens.iter().map(token_json).collect::<Vec<_>>() }),
    ))
}

/// `POST /api/v1/tokens` with `{"name": …, "commune": "55040", "role": "agent",
/// "expires_in_days": 365}` (the last optional), by an admin of the commune.
pub async fn create(
    State(web): State<Web>,
    actor: Actor,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let text = |k: &str| {
        body.get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let role = Role::parse(&text("role")).ok_or_else(|| {
        Error::Invalid(vec![FieldError::new(
            "/role",
            "invalid_role",
            "role must be one of agent, coordinator, worker, admin",
        )])
    })?;
    let grant = Grant {
        commune: text("commune"),
        role,
    };
    let days = match body.get("expires_in_days") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_i64().ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "/expires_in_days",
                "invalid_expiry",
                "expires_in_days is a whole number of days",
            )])
        })?),
    };
    let (token, secret) = web
        .app
        .create_token(&actor, &text("name"), grant, days)
        .await?;
    let mut v = token_json(&token);
    // shown this once: only its hash is kept
    v["token"] = Value::String(secret);
    Ok((StatusCode::CREATED, Json(v)).into_response())
}

pub async fn revoke(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    let id = uuid::Uuid::parse_str(&id).map_err(|_| {
        Error::BadRequest(vec![FieldError::new(
            "/id",
            "invalid_id",
            format!("`{id}` is not a token id"),
        )])
    })?;
    web.app.revoke_token(&actor, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
