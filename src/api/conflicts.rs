//! Conflicts through the API: those of a feature, those a draft would have, and the
//! assessments communes record on them.

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};
use uuid::Uuid;

use super::Web;
use super::extract::JsonBody;
use super::features::parse_id;
use crate::conflicts::{Found, Listed, Standing};
use crate::error::Error;
use crate::model::FieldError;
use crate::model::conflict::{Recorded, Verdict};
use crate::policy::Actor;
use crate::wire;

fn instant(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
        .unwrap_or_default()
}

fn recorded_json(r: &Recorded) -> Value {
    json!({
        "commune": r.commune,
        "verdict": r.verdict.as_str(),
        "note": r.note,
        "versions": [r.versions.0, r.versions.1],
        "by": r.actor,
        "at": instant(r.at),
    })
}

fn standing_json(s: &Standing) -> Value {
    json!({
        "commune": s.commune,
        "state": s.state.as_str(),
        "latest": s.latest.as_ref().map(recorded_json),
    })
}

/// One conflict: the other feature (in short), when and how near.
pub fn found_json(f: &Found) -> Value {
    let o = &f.other.feature;
    json!({
        "feature": {
            "id": o.id,
            "kind": o.kind.as_str(),
            "title": o.title,
            "commune": o.commune,
            "status": o.status,
            "version": o.version,
        },
        "overlap": { "start": instant(f.clash.overlap.start), "end": instant(f.clash.overlap.end) },
        "distance_m": (f.clash.distance_m * 10.0).round() / 10.0,
    })
}

fn listed_json(l: &Listed) -> Value {
    let mut v = found_json(&l.found);
    v["assessments"] = l.standings.iter().map(standing_json).collect();
    v
}

/// `GET /api/v1/features/{id}/conflicts`
pub async fn of_feature(
    State(web): State<Web>,
    actor: Actor,
    Path(id): Path<String>,
) -> Result<Json<Value>, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let id = parse_id(&id)?;
    let feature = web.app.get(id, &actor)?;
    if !actor.sees_internal(&feature.feature.commune) {
        return Err(Error::Forbidden);
    }
    let listed = web.app.conflicts(id, &actor).await?;
    Ok(Json(json!({
        "feature": id,
        "conflicts": listed.iter().map(listed_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
pub struct PreviewParams {
    exclude: Option<String>,
}

/// `POST /api/v1/conflicts/preview`: the conflicts a GeoJSON feature would have if it
/// were saved (`?exclude=` the feature being edited).
pub async fn preview(
    State(web): State<Web>,
    actor: Actor,
    Query(params): Query<PreviewParams>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let exclude = params.exclude.as_deref().map(parse_id).transpose()?;
    let draft = wire::draft_from_json(&body, &web.app.territory()).map_err(Error::Invalid)?;
    let found = web.app.preview_conflicts(&draft, exclude, &actor).await?;
    Ok(Json(json!({
        "conflicts": found.iter().map(found_json).collect::<Vec<_>>(),
    })))
}

/// `PUT /api/v1/features/{id}/conflicts/{other}/assessment`:
/// `{"verdict": "accepted" | "refused", "note": "…", "commune": "55040"}`.
pub async fn assess(
    State(web): State<Web>,
    actor: Actor,
    Path((id, other)): Path<(String, String)>,
    JsonBody(body): JsonBody,
) -> Result<Json<Value>, Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let (id, other) = (parse_id(&id)?, parse_id(&other)?);
    let verdict = body
        .get("verdict")
        .and_then(Value::as_str)
        .and_then(Verdict::parse)
        .ok_or_else(|| {
            Error::Invalid(vec![FieldError::new(
                "/verdict",
                "invalid_verdict",
                "verdict must be \"accepted\" or \"refused\"",
            )])
        })?;
    let note = match body.get("note") {
        None | Some(Value::Null) => "",
        Some(Value::String(s)) => s.as_str(),
        Some(_) => {
            return Err(Error::Invalid(vec![FieldError::new(
                "/note",
                "invalid_note",
                "note must be text",
            )]));
        }
    };
    let commune = body.get("commune").and_then(Value::as_str);
    let standings = web
        .app
        .assess(&actor, id, other, commune, verdict, note)
        .await?;
    Ok(Json(json!({
        "assessments": standings.iter().map(standing_json).collect::<Vec<_>>(),
    })))
}

/// `GET /api/v1/features/{id}/conflicts/{other}/assessments`: every assessment recorded.
pub async fn assessments(
    State(web): State<Web>,
    actor: Actor,
    Path((id, other)): Path<(String, String)>,
) -> Result<(StatusCode, Json<Value>), Error> {
    if actor == Actor::Anonymous {
        return Err(Error::Unauthorized);
    }
    let (id, other): (Uuid, Uuid) = (parse_id(&id)?, parse_id(&other)?);
    let a = web.app.get(id, &actor)?;
    if !actor.sees_internal(&a.feature.commune) {
        return Err(Error::Forbidden);
    }
    let history = web.app.assessment_history(&actor, id, other).await?;
    Ok((
        StatusCode::OK,
        Json(json!({ "history": history.iter().map(recorded_json).collect::<Vec<_>>() })),
    ))
}
