//! The work attached to the map, through the API: services and routing rules, projects,
//! comments on tasks, and one's notices — the same rules as the workspace (`App`,
//! `policy`), as JSON.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Web;
use super::extract::JsonBody;
use crate::error::Error;
use crate::model::FieldError;
use crate::model::triage::Rule;
use crate::policy::Actor;

fn signed(actor: &Actor) -> Result<(), Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthorized),
        _ => Ok(()),
    }
}

fn id_param(name: &str, v: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(v).map_err(|_| {
        Error::BadRequest(vec![FieldError::new(
            format!("/{name}"),
            "invalid_id",
            format!("`{v}` is not a UUID"),
        )])
    })
}

fn text(body: &Value, k: &str) -> String {
    body.get(k)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneParam {
    commune: String,
}

fn commune_of(
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
) -> Result<String, Error> {
    q.map(|Query(p)| p.commune).map_err(|e| {
        Error::BadRequest(vec![FieldError::new(
            "?commune",
            "invalid_query",
            e.body_text(),
        )])
    })
}

/// `GET /api/v1/services?commune=`: the commune's services, their people and rules.
pub async fn services(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let rules = web.app.rules_of(&actor, &commune).await?;
    let services: Vec<Value> = web
        .app
        .services_of(&actor, &commune)
        .await?
        .into_iter()
        .map(|s| json!({ "id": s.id, "name": s.name, "members": s.members }))
        .collect();
    Ok(Json(json!({
        "services": services,
        "rules": rules.iter().enumerate().map(|(i, r)| json!({
            "id": r.id, "order": i + 1, "category": r.category, "service": r.service,
            "area": r.area.as_ref().map(|a| serde_json::to_value(geojson::Geometry::from(a)).unwrap_or(Value::Null)),
        })).collect::<Vec<_>>(),
    })))
}

/// `POST /api/v1/services?commune=` with `{"name": …}` (admins).
pub async fn service_create(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let s = web
        .app
        .add_service(&actor, &commune, &text(&body, "name"))
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": s.id, "name": s.name, "members": s.members })),
    )
        .into_response())
}

/// `POST /api/v1/rules?commune=` with `{"category": …|null, "area": GeoJSON|null,
/// "service": id}` (admins): a rule after the others.
pub async fn rule_create(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let service = id_param("service", &text(&body, "service"))?;
    let area = match body.get("area") {
        None | Some(Value::Null) => None,
        Some(a) => {
            Some(crate::wire::geometry_from_json(a, "/area").map_err(|e| Error::Invalid(vec![e]))?)
        }
    };
    let rule = Rule {
        id: Uuid::now_v7(),
        commune,
        position: 0,
        category: Some(text(&body, "category")).filter(|c| !c.is_empty()),
        area,
        service,
    };
    let id = rule.id;
    web.app.add_rule(&actor, rule).await?;
    Ok((StatusCode::CREATED, Json(json!({ "id": id }))).into_response())
}

/// `GET /api/v1/projects?commune=`
pub async fn projects(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let list = web.app.projects_of(&actor, &commune).await?;
    Ok(Json(json!({ "projects": list })))
}

/// `POST /api/v1/projects?commune=` with `{"name": …, "description": …}` (planners).
pub async fn project_create(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let p = web
        .app
        .add_project(
            &actor,
            &commune,
            &text(&body, "name"),
            &text(&body, "description"),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(json!(p))).into_response())
}

/// `GET /api/v1/tasks/{id}/comments`
pub async fn comments(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let t = web.app.task(&actor, id_param("id", &id)?).await?;
    let list = web.app.store.comments(t.id).await?;
    Ok(Json(json!({ "comments": list })))
}

/// `POST /api/v1/tasks/{id}/comments` with `{"body": …}`; `@name` tells that person.
pub async fn comment_create(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let c = web
        .app
        .add_comment(&actor, id_param("id", &id)?, &text(&body, "body"))
        .await?;
    Ok((StatusCode::CREATED, Json(json!(c))).into_response())
}

/// `GET /api/v1/notices`: the latest notices of the person calling (a session).
pub async fn notices(State(web): State<Web>, actor: Actor) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let list = web.app.notices_of(&actor).await?;
    Ok(Json(json!({ "notices": list })))
}
