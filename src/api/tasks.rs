//! `/api/v1/tasks`: the tasks of a commune, in and out as JSON, with ETags and
//! `If-Match` on changes (a stale version is a `412`, never a lost update).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Web;
use super::extract::{JsonBody, if_match};
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
        "documents": t.documents.iter().map(|d| json!({
            "id": d.id, "name": d.name, "media_type": d.media_type, "size": d.size,
            "href": format!("/api/v1/tasks/{}/documents/{}", t.id, d.id),
        })).collect::<Vec<_>>(),
        "version": t.version,
        "created_at": chrono::DateTime::from_timestamp(t.created_at, 0),
        "updated_at": chrono::DateTime::from_timestamp(t.updated_at, 0),
    })
}

fn task_response(status: StatusCode, t: &Task) -> Response {
    super::versioned(status, task_json(t), t.version)
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
        // photos and documents are added one by one, never replaced by a body
        photos: Vec::new(),
        documents: Vec::new(),
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
    let expected = match if_match(&headers)? {
        Some(v) => v,
        None => web.app.task(&actor, id).await?.version,
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

/// A task's document as a download: its own type, never shown inline (a document is
/// data, not a page of this site), under its name (RFC 6266).
pub fn document_download(d: &crate::model::task::Document, bytes: Vec<u8>) -> Response {
    let ascii: String = d
        .name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || " .-_()".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded =
        percent_encoding::utf8_percent_encode(&d.name, percent_encoding::NON_ALPHANUMERIC);
    (
        [
            (header::CONTENT_TYPE, d.media_type.clone()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentParams {
    name: String,
}

/// `POST /api/v1/tasks/{id}/documents?name=plan.pdf` with the file as the body: a
/// document attached to the task (its kind is checked by name and content).
pub async fn document_create(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
    q: Result<Query<DocumentParams>, axum::extract::rejection::QueryRejection>,
    body: Result<axum::body::Bytes, axum::extract::rejection::BytesRejection>,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let id = parse_task_id(&id)?;
    let Query(q) = q.map_err(|e| {
        Error::BadRequest(vec![FieldError::new(
            "?name",
            "invalid_query",
            e.body_text(),
        )])
    })?;
    let body = body.map_err(|_| Error::PayloadTooLarge {
        limit: crate::model::task::MAX_DOCUMENT_BYTES,
    })?;
    let t = web
        .app
        .add_task_document(&actor, id, &q.name, &body)
        .await?;
    Ok(task_response(StatusCode::CREATED, &t))
}

/// `DELETE /api/v1/tasks/{id}/documents/{doc}` (planners): the task without it.
pub async fn document_delete(
    State(web): State<Web>,
    actor: Actor,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let t = web
        .app
        .remove_task_document(
            &actor,
            parse_task_id(&id)?,
            super::features::parse_id(&doc)?,
        )
        .await?;
    Ok(task_response(StatusCode::OK, &t))
}

/// `GET /api/v1/tasks/{id}/documents/{doc}`
pub async fn document(
    State(web): State<Web>,
    actor: Actor,
    Path((id, doc)): Path<(String, String)>,
) -> Result<Response, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let (d, bytes) = web
        .app
        .task_document(
            &actor,
            parse_task_id(&id)?,
            super::features::parse_id(&doc)?,
        )
        .await?;
    Ok(document_download(&d, bytes))
}
