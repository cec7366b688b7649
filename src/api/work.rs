//! The work attached to the map, through the API: services and routing rules, projects,
//! comments on tasks, and one's notices — the same rules as the workspace (`App`,
//! `policy`), as JSON.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Web;
use super::extract::{JsonBody, if_match};
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
        .map(|s| json!({ "id": s.id, "name": s.name, "members": s.members, "version": s.version }))
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
        Json(json!({ "id": s.id, "name": s.name, "members": s.members, "version": s.version })),
    )
        .into_response())
}

/// `PATCH /api/v1/services/{id}` with `{"name": …}` and `If-Match` (admins).
pub async fn service_update(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let id = id_param("id", &id)?;
    let expected = if_match(&headers)?;
    let s = web
        .app
        .rename_service(&actor, id, &text(&body, "name"), expected)
        .await?;
    Ok(super::versioned(
        StatusCode::OK,
        json!({ "id": s.id, "name": s.name, "members": s.members, "version": s.version }),
        s.version,
    ))
}

/// `DELETE /api/v1/services/{id}` (admins): refused with 422 while rules, open tasks
/// or open reports still need it.
pub async fn service_delete(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    web.app.delete_service(&actor, id_param("id", &id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `PATCH /api/v1/projects/{id}` with `{"name": …, "description": …}` and `If-Match`
/// (planners).
pub async fn project_update(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let id = id_param("id", &id)?;
    let expected = if_match(&headers)?;
    let current = web.app.project(&actor, id).await?.0;
    let field = |k: &str, now: &str| match body.get(k) {
        None => now.to_string(),
        Some(_) => text(&body, k),
    };
    let p = web
        .app
        .update_project(
            &actor,
            id,
            &field("name", &current.name),
            &field("description", &current.description),
            expected,
        )
        .await?;
    Ok(super::versioned(StatusCode::OK, json!(p), p.version))
}

/// `DELETE /api/v1/projects/{id}` (planners): refused with 422 while tasks or features
/// belong to it.
pub async fn project_delete(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    web.app.delete_project(&actor, id_param("id", &id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    commune: String,
    #[serde(default)]
    object: Option<String>,
    #[serde(default)]
    kind: Option<String>,
    /// 1 to 5 000 lines; 500 unless said
    #[serde(default)]
    limit: Option<i64>,
}

/// `GET /api/v1/audit?commune=[&object=][&kind=][&limit=]`: the audit of the commune's
/// settings, newest first (roles and tokens for its admins only).
pub async fn audit(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<AuditParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let Query(q) = q.map_err(|e| {
        Error::BadRequest(vec![FieldError::new("?", "invalid_query", e.body_text())])
    })?;
    let object = q
        .object
        .as_deref()
        .map(|o| id_param("object", o))
        .transpose()?;
    let limit = q.limit.unwrap_or(500);
    if !(1..=5000).contains(&limit) {
        return Err(Error::BadRequest(vec![FieldError::new(
            "?limit",
            "invalid_limit",
            "limit is a number of lines from 1 to 5000",
        )]));
    }
    if let Some(k) = q.kind.as_deref()
        && !crate::model::audit::KINDS.contains(&k)
    {
        return Err(Error::BadRequest(vec![FieldError::new(
            "?kind",
            "unknown_kind",
            format!(
                "`{k}` is not a kind of the audit; expected one of: {}",
                crate::model::audit::KINDS.join(", ")
            ),
        )]));
    }
    let lines = web
        .app
        .audit_of(&actor, &q.commune, object, q.kind.as_deref(), limit)
        .await?;
    let lines: Vec<Value> = lines
        .iter()
        .map(|a| {
            json!({
                "id": a.id, "kind": a.kind, "object": a.object, "actor": a.actor,
                "action": a.action, "details": a.details,
                "at": chrono::DateTime::from_timestamp(a.at, 0),
            })
        })
        .collect();
    Ok(Json(json!({ "audit": lines })))
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

/// `PATCH /api/v1/rules/{id}?commune=` with `{"move": "up"|"down"}` (admins): one place
/// earlier or later in the commune's order.
pub async fn rule_move(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let up = match text(&body, "move").as_str() {
        "up" => true,
        "down" => false,
        other => {
            return Err(Error::Invalid(vec![FieldError::new(
                "/move",
                "invalid_move",
                format!("`move` is \"up\" or \"down\", not {other:?}"),
            )]));
        }
    };
    web.app
        .move_rule(&actor, &commune, id_param("id", &id)?, up)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/rules/{id}?commune=` (admins).
pub async fn rule_delete(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    web.app
        .delete_rule(&actor, &commune, id_param("id", &id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `PUT` / `DELETE /api/v1/services/{id}/members/{user}` (admins): puts a person in the
/// service or takes them out.
pub async fn member(
    State(web): State<Web>,
    actor: Actor,
    method: axum::http::Method,
    Path((id, user)): Path<(String, String)>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    let put = method == axum::http::Method::PUT;
    web.app
        .set_member(&actor, id_param("id", &id)?, id_param("user", &user)?, put)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A template as the API gives it: the fields a person sets (as the audit records
/// them), its id, its next day and its version.
fn template_json(t: &crate::model::task::Template) -> Value {
    let mut v = t.snapshot();
    v["id"] = json!(t.id);
    v["next_on"] = json!(t.next_on.map(|d| d.format("%Y-%m-%d").to_string()));
    v["version"] = json!(t.version);
    v
}

/// `GET /api/v1/templates?commune=`
pub async fn templates(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    signed(&actor)?;
    let commune = commune_of(q)?;
    let list = web.app.templates_of(&actor, &commune).await?;
    Ok(Json(
        json!({ "templates": list.iter().map(template_json).collect::<Vec<_>>() }),
    ))
}

/// Sets on `t` the fields `body` gives: `name`, `title`, `description`, `steps` (a list
/// of texts), `service`, `lead_days`, `recurrence` (`weekly:1`…`monthly:28`); `null`
/// clears the optional ones. Every fault at once.
fn template_fields(body: &Value, t: &mut crate::model::task::Template) -> Result<(), Error> {
    let mut errors = Vec::new();
    for (key, field) in [
        ("name", &mut t.name),
        ("title", &mut t.title),
        ("description", &mut t.description),
    ] {
        if body.get(key).is_some() {
            *field = text(body, key).trim().to_string();
        }
    }
    match body.get("steps") {
        None => {}
        Some(Value::Null) => t.checklist.clear(),
        Some(Value::Array(a)) if a.iter().all(Value::is_string) => {
            t.checklist = a
                .iter()
                .filter_map(Value::as_str)
                .map(|s| crate::model::task::CheckItem {
                    text: s.trim().to_string(),
                    done: false,
                })
                .collect();
        }
        Some(_) => errors.push(FieldError::new(
            "/steps",
            "invalid_steps",
            "steps is a list of texts",
        )),
    }
    match body.get("service") {
        None => {}
        Some(Value::Null) => t.service = None,
        Some(_) => t.service = Some(id_param("service", &text(body, "service"))?),
    }
    match body.get("lead_days") {
        None => {}
        Some(Value::Null) => t.lead_days = None,
        Some(v) => match v.as_i64() {
            Some(n) => t.lead_days = Some(n),
            None => errors.push(FieldError::new(
                "/lead_days",
                "invalid_lead",
                "lead_days is a whole number of working days",
            )),
        },
    }
    match body.get("recurrence") {
        None => {}
        Some(Value::Null) => t.recurrence = None,
        Some(_) => match crate::model::task::Recurrence::parse(&text(body, "recurrence")) {
            Some(r) => t.recurrence = Some(r),
            None => errors.push(FieldError::new(
                "/recurrence",
                "invalid_recurrence",
                "recurrence is weekly:1 to weekly:7 (ISO weekday) or monthly:1 to monthly:28",
            )),
        },
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(errors))
    }
}

/// `POST /api/v1/templates?commune=` with `{"name", "title", "description"?, "steps"?:
/// [text], "service"?, "lead_days"?, "recurrence"?: "weekly:1"…"monthly:28"}`
/// (planners).
pub async fn template_create(
    State(web): State<Web>,
    actor: Actor,
    q: Result<Query<CommuneParam>, axum::extract::rejection::QueryRejection>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let mut t = crate::model::task::Template {
        id: Uuid::now_v7(),
        commune: commune_of(q)?,
        name: String::new(),
        title: String::new(),
        description: String::new(),
        checklist: Vec::new(),
        service: None,
        lead_days: None,
        recurrence: None,
        next_on: None,
        version: 1,
    };
    template_fields(&body, &mut t)?;
    let t = web.app.add_template(&actor, t).await?;
    Ok((StatusCode::CREATED, Json(template_json(&t))).into_response())
}

/// `PATCH /api/v1/templates/{id}` with the fields to change and `If-Match` (planners).
pub async fn template_update(
    State(web): State<Web>,
    actor: Actor,
    headers: HeaderMap,
    Path(id): Path<String>,
    JsonBody(body): JsonBody,
) -> Result<Response, Error> {
    signed(&actor)?;
    let id = id_param("id", &id)?;
    let expected = if_match(&headers)?;
    let mut t = web.app.template(&actor, id).await?;
    template_fields(&body, &mut t)?;
    let t = web.app.update_template(&actor, t, expected).await?;
    Ok(super::versioned(
        StatusCode::OK,
        template_json(&t),
        t.version,
    ))
}

/// `DELETE /api/v1/templates/{id}` (planners): a recurring template makes no more tasks.
pub async fn template_delete(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<StatusCode, Error> {
    signed(&actor)?;
    web.app
        .delete_template(&actor, id_param("id", &id)?)
        .await?;
    Ok(StatusCode::NO_CONTENT)
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
