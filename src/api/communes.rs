//! `GET /api/v1/communes`: the communes with their boundaries, active ones first-class.

use axum::Json;
use axum::extract::{Path, Query, State};
use serde::Deserialize;
use serde_json::{Value, json};

use super::Web;
use crate::error::Error;
use crate::model::Commune;

fn commune_json(c: &Commune) -> Value {
    json!({
        "type": "Feature",
        "id": c.nis,
        "geometry": geojson::Geometry::from(&geo_types::Geometry::MultiPolygon(c.boundary.clone())),
        "properties": {
            "nis": c.nis,
            "name_fr": c.name_fr,
            "name_nl": c.name_nl,
            "name_de": c.name_de,
            "active": c.active,
            "attribution": "© Statbel, statistical sectors 1 January 2011 (Statbel open data licence), via BelgiumMaps.StatBel",
        }
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    active: Option<bool>,
}

pub async fn list(
    State(web): State<Web>,
    params: Result<Query<ListParams>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<Value>, Error> {
    let Query(params) =
        params.map_err(|e| Error::bad_param("active", "invalid_parameter", e.body_text()))?;
    let features: Vec<Value> = web
        .app
        .communes()
        .iter()
        .filter(|c| params.active.is_none_or(|a| a == c.active))
        .map(commune_json)
        .collect();
    Ok(Json(
        json!({ "type": "FeatureCollection", "features": features }),
    ))
}

pub async fn read(State(web): State<Web>, Path(nis): Path<String>) -> Result<Json<Value>, Error> {
    let territory = web.app.territory();
    let c = territory
        .get(&nis)
        .ok_or_else(|| Error::NotFound(format!("commune {nis}")))?;
    Ok(Json(commune_json(c)))
}
