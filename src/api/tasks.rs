//! `/api/v1/tasks`: the tasks of a commune, in and out as JSON, with ETags and
//! `If-Match` on changes (a stale version is a `412`, never a lost update).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::extract::{JsonBody, Precondition, precondition};
use super::{Web, etag};
use crate::error::Error;
use crate::model::FieldError;
use crate::model::task::{CheckItem, Task, TaskDraft};
use crate::policy::Actor;

fn task_json(t: &Task) -> Value {
    json!({
        "id": t.id,
        "commune": t.commune,
        "title": t.title,
        "description": t.description,
        "status": t.status,
        "feature": t.feature,
        "service": t.service,
        "assignee": t.assignee,
        "due": t.due.map(|d| d.format("%Y-%m-%d").to_string()),
        "priority": t.priority,
        "project": t.project,
        "checklist": t.checklist,
        "minutes_spent": t.minutes_spent,
        "version": t.version,
        "created_at": chrono::DateTime::from_timestamp(t.created_at, 0),
        "updated_at": chrono::DateTime::from_timestamp(t.updated_at, 0),
    })
}

fn task_response(status: StatusCode, t: &Task) -> Response {
    let mut res = (status, Json(task_json(t))).into_response();
    res.headers_mut().insert(header::ETAG, etag(t.version));
    res
}

fn signed(actor: &Actor) -> Result<(), Error> {
    match actor {
        Actor::Anonymous => Err(Error::Unauthorized),
        _ => Ok(()),
    }
}

fn parse_task_id(id: &str) -> Result<Uuid, Error> {
    Uuid::parse_str(id).map_err(|_| {
        Error::BadRequest(vec![FieldError::new(
            "/id",
            "invalid_id",
            format!("`{id}` is not a task id (a UUID)"),
        )])
    })
}

/// Reads a task from JSON; every fault is named by its pointer.
fn draft_of(v: &Value) -> Result<TaskDraft, Error> {
    let mut errors = Vec::new();
    let text = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let id = |k: &str, errors: &mut Vec<FieldError>| match v.get(k) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match Uuid::parse_str(s) {
            Ok(u) => Some(u),
            Err(_) => {
                errors.push(FieldError::new(
                    format!("/{k}"),
                    "invalid_id",
                    format!("`{s}` is not a UUID"),
                ));
                None
            }
        },
        Some(_) => {
            errors.push(FieldError::new(
                format!("/{k}"),
                "invalid_id",
                "expected a UUID as text",
            ));
            None
        }
    };
    let feature = id("feature", &mut errors);
    let project = id("project", &mut errors);
    let checklist: Vec<CheckItem> = match v.get("checklist") {
        None | Some(Value::Null) => Vec::new(),
        Some(c) => serde_json::from_value(c.clone()).unwrap_or_else(|_| {
            errors.push(FieldError::new(
                "/checklist",
                "invalid_checklist",
                "expected a list of {\"text\": …, \"done\": true|false}",
            ));
            Vec::new()
        }),
    };
    let minutes_spent = match v.get("minutes_spent") {
        None | Some(Value::Null) => 0,
        Some(m) => m.as_i64().unwrap_or(-1),
    };
    let service = id("service", &mut errors);
    let assignee = id("assignee", &mut errors);
    let due = match v.get("due") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(FieldError::new(
                    "/due",
                    "invalid_date",
                    format!("`{s}` is not a date like 2026-12-07"),
                ));
                None
            }
        },
        Some(_) => {
            errors.push(FieldError::new(
                "/due",
                "invalid_date",
                "expected a date like 2026-12-07",
            ));
            None
        }
    };
    let priority = match v.get("priority") {
        None | Some(Value::Null) => 2,
        Some(p) => p.as_i64().unwrap_or(0),
    };
    let status = match text("status") {
        s if s.is_empty() => "a_faire".to_string(),
        s => s,
    };
    let draft = TaskDraft {
        title: text("title"),
        description: text("description"),
        status,
        feature,
        service,
        assignee,
        due,
        priority,
        project,
        checklist,
        minutes_spent,
        // photos are added through the workspace, never replaced by a body
        photos: Vec::new(),
    };
    if errors.is_empty() {
        return Ok(draft);
    }
    // every fault at once: those of the fields read, then the task's rules
    errors.extend(draft.check().err().unwrap_or_default());
    Err(Error::Invalid(errors))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    commune: String,
}

/// `GET /api/v1/tasks?commune=55004`
pub async fn list(
    State(web): State<Web>,
    actor: Actor,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let Query(p) = params.map_err(|e| {
        Error::BadRequest(vec![FieldError::new(
            "?commune",
            "invalid_query",
            e.body_text(),
        )])
    })?;
    let tasks = web.app.tasks_of(&actor, &p.commune).await?;
    Ok(Json(
        json!({ "tasks": tasks.iter().map(task_json).collect::<Vec<_>>() }),
    ))
}

/// `POST /api/v1/tasks?commune=55004`
pub async fn create(
    State(web): State<Web>,
    actor: Actor,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let Query(p) = params.map_err(|e| {
        Error::BadRequest(vec![FieldError::new(
            "?commune",
            "invalid_query",
            e.body_text(),
        )])
    })?;
    let t = web
        .app
        .create_task(&actor, &p.commune, draft_of(&body)?)
        .await?;
    Ok(task_response(StatusCode::CREATED, &t))
}

/// `GET /api/v1/tasks/{id}`
pub async fn read(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Response, Error> {
    signed(&actor)?;
    let t = web.app.task(&actor, parse_task_id(&id)?).await?;
    Ok(task_response(StatusCode::OK, &t))
}

/// `PUT /api/v1/tasks/{id}` with `If-Match`.
pub async fn replace(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let id = parse_task_id(&id)?;
    let expected = match precondition(&headers, header::IF_MATCH)? {
        Precondition::Absent => return Err(Error::PreconditionRequired),
        Precondition::Any => web.app.task(&actor, id).await?.version,
        Precondition::Version(v) => v,
    };
    let t = web
        .app
        .update_task(&actor, id, draft_of(&body)?, expected)
        .await?;
    Ok(task_response(StatusCode::OK, &t))
}

/// `GET /api/v1/tasks/{id}/history`
pub async fn history(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let h = web.app.task_history(&actor, parse_task_id(&id)?).await?;
    Ok(Json(json!({
        "history": h.iter().map(|(version, by, at, changes)| json!({
            "version": version, "by": by, "at": chrono::DateTime::from_timestamp(*at, 0), "changes": changes,
        })).collect::<Vec<_>>()
    })))
}
