//! The GeoJSON (RFC 7946) form of features, shared by the API, the importer and the
//! exporter, so that what one writes the others read.
//!
//! A feature travels as a GeoJSON Feature whose `properties` hold balise's fields
//! (`kind`, `title`, `schedule`…) and whose free properties live under `attributes`,
//! so that a client's own keys can never clash with ours.

use serde_json::{Map, Value, json};

use crate::model::{Feature, Schedule};
use crate::model::{FeatureDraft, FieldError, Kind, Territory, Visibility};

/// Keys that output carries and input ignores, so that a fetched feature can be sent
/// back as it is.
const READ_ONLY: [&str; 4] = ["version", "created_at", "updated_at", "id"];
const WRITABLE: [&str; 8] = [
    "kind",
    "title",
    "description",
    "status",
    "visibility",
    "commune",
    "schedule",
    "attributes",
];

pub fn feature_to_json(f: &Feature) -> Value {
    json!({
        "type": "Feature",
        "id": f.id,
        "geometry": geojson::Geometry::from(&f.geometry),
        "properties": {
            "kind": f.kind,
            "commune": f.commune,
            "title": f.title,
            "description": f.description,
            "status": f.status,
            "visibility": f.visibility,
            "schedule": f.schedule,
            "attributes": f.attributes,
            "version": f.version,
            "created_at": f.created_at,
            "updated_at": f.updated_at,
        }
    })
}

/// Parses a GeoJSON geometry, holding it to RFC 7946 (closed rings of four positions
/// or more) before it becomes a `geo` geometry.
pub fn geometry_from_json(
    v: &Value,
    pointer: &str,
) -> Result<geo_types::Geometry<f64>, FieldError> {
    let g = geojson::Geometry::from_json_value(v.clone()).map_err(|e| {
        FieldError::new(
            pointer,
            "invalid_geometry",
            format!("not a GeoJSON geometry: {e}"),
        )
    })?;
    check_rings(&g.value).map_err(|m| FieldError::new(pointer, "invalid_geometry", m))?;
    geo_types::Geometry::<f64>::try_from(g).map_err(|e| {
        FieldError::new(
            pointer,
            "invalid_geometry",
            format!("not a usable geometry: {e}"),
        )
    })
}

fn check_rings(v: &geojson::Value) -> Result<(), String> {
    let polygon = |rings: &Vec<Vec<Vec<f64>>>| -> Result<(), String> {
        if rings.is_empty() {
            return Err("a polygon needs an outer ring".into());
        }
        for ring in rings {
            if ring.len() < 4 {
                return Err(format!(
                    "a polygon ring needs at least 4 positions, this one has {}",
                    ring.len()
                ));
            }
            if ring.first() != ring.last() {
                return Err("a polygon ring must end where it starts (closed ring)".into());
            }
        }
        Ok(())
    };
    let positions = |ps: &[Vec<f64>]| -> Result<(), String> {
        match ps.iter().find(|p| p.len() < 2) {
            Some(_) => Err("a position needs a longitude and a latitude".into()),
            None => Ok(()),
        }
    };
    match v {
        geojson::Value::Point(p) => positions(std::slice::from_ref(p)),
        geojson::Value::MultiPoint(ps) | geojson::Value::LineString(ps) => positions(ps),
        geojson::Value::MultiLineString(ls) => ls.iter().try_for_each(|l| positions(l)),
        geojson::Value::Polygon(rings) => {
            rings.iter().try_for_each(|r| positions(r))?;
            polygon(rings)
        }
        geojson::Value::MultiPolygon(polys) => polys.iter().try_for_each(|rings| {
            rings.iter().try_for_each(|r| positions(r))?;
            polygon(rings)
        }),
        geojson::Value::GeometryCollection(_) => Ok(()),
    }
}

/// Reads a draft from a GeoJSON Feature, reporting every fault with its JSON pointer:
/// those of the format and, when a draft could still be built, those of the model, so
/// that one answer lists everything to fix.
pub fn draft_from_json(v: &Value, territory: &Territory) -> Result<FeatureDraft, Vec<FieldError>> {
    match parse_draft(v) {
        (Some(d), errors) if errors.is_empty() => Ok(d),
        (Some(d), mut errors) => {
            errors.extend(d.check(territory).err().unwrap_or_default());
            Err(errors)
        }
        (None, errors) => Err(errors),
    }
}

/// The draft a Feature describes, if one could be built, and every fault of format.
pub fn parse_draft(v: &Value) -> (Option<FeatureDraft>, Vec<FieldError>) {
    let mut errors = Vec::new();
    let Some(obj) = v.as_object() else {
        return (
            None,
            vec![FieldError::new(
                "",
                "invalid_type",
                "expected a GeoJSON Feature object",
            )],
        );
    };
    if obj.get("type").and_then(Value::as_str) != Some("Feature") {
        errors.push(FieldError::new(
            "/type",
            "invalid_type",
            "`type` must be \"Feature\"",
        ));
    }
    let geometry = match obj.get("geometry") {
        None | Some(Value::Null) => {
            errors.push(FieldError::new(
                "/geometry",
                "required",
                "a geometry is required",
            ));
            None
        }
        Some(g) => geometry_from_json(g, "/geometry")
            .map_err(|e| errors.push(e))
            .ok(),
    };
    let empty = Map::new();
    let props = match obj.get("properties") {
        Some(Value::Object(p)) => p,
        _ => {
            errors.push(FieldError::new(
                "/properties",
                "required",
                "`properties` must be an object",
            ));
            &empty
        }
    };
    for key in props.keys() {
        if !WRITABLE.contains(&key.as_str()) && !READ_ONLY.contains(&key.as_str()) {
            errors.push(FieldError::new(
                format!("/properties/{key}"),
                "unknown_property",
                format!("unknown property `{key}`; free properties belong in `attributes`"),
            ));
        }
    }
    let string = |key: &str, errors: &mut Vec<FieldError>| -> Option<String> {
        match props.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(_) => {
                errors.push(FieldError::new(
                    format!("/properties/{key}"),
                    "invalid_type",
                    format!("`{key}` must be a string"),
                ));
                None
            }
        }
    };
    let kind = match string("kind", &mut errors) {
        None if !props.contains_key("kind") => {
            errors.push(FieldError::new(
                "/properties/kind",
                "required",
                "a kind is required",
            ));
            None
        }
        None => None,
        Some(k) => {
            let parsed = Kind::parse(&k);
            if parsed.is_none() {
                errors.push(unknown_kind(&k, "/properties/kind"));
            }
            parsed
        }
    };
    let title = string("title", &mut errors).unwrap_or_default();
    let description = string("description", &mut errors).unwrap_or_default();
    let status = string("status", &mut errors);
    let commune = string("commune", &mut errors);
    let visibility = match string("visibility", &mut errors) {
        None => Visibility::Public,
        Some(s) => Visibility::parse(&s).unwrap_or_else(|| {
            errors.push(FieldError::new(
                "/properties/visibility",
                "invalid_value",
                format!("`{s}` is not a visibility; expected public or internal"),
            ));
            Visibility::Public
        }),
    };
    let schedule = match props.get("schedule") {
        None | Some(Value::Null) => {
            errors.push(FieldError::new(
                "/properties/schedule",
                "required",
                "a schedule is required",
            ));
            None
        }
        Some(s) => match serde_path_to_error::deserialize::<_, Schedule>(s) {
            Ok(s) => Some(s),
            Err(e) => {
                let path = e.path().to_string();
                let pointer = if path == "." {
                    "/properties/schedule".to_string()
                } else {
                    format!(
                        "/properties/schedule/{}",
                        path.replace(['.', '['], "/").replace(']', "")
                    )
                };
                errors.push(FieldError::new(
                    pointer,
                    "invalid_value",
                    e.into_inner().to_string(),
                ));
                None
            }
        },
    };
    let attributes = match props.get("attributes") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => {
            errors.push(FieldError::new(
                "/properties/attributes",
                "invalid_type",
                "`attributes` must be an object",
            ));
            Map::new()
        }
    };
    let draft = match (kind, geometry, schedule) {
        (Some(kind), Some(geometry), Some(schedule)) => Some(FeatureDraft {
            commune,
            kind,
            geometry,
            schedule,
            status,
            title,
            description,
            attributes,
            visibility,
        }),
        _ => None,
    };
    (draft, errors)
}

pub fn unknown_kind(k: &str, pointer: &str) -> FieldError {
    FieldError::new(
        pointer,
        "unknown_kind",
        format!(
            "`{k}` is not a kind; expected one of: {}",
            Kind::ALL.map(Kind::as_str).join(", ")
        ),
    )
}
