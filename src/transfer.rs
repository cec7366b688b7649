//! Imports and exports: GeoJSON, FlatGeobuf and CSV in; GeoJSON and FlatGeobuf out.
//!
//! Reading turns every record into a draft (transformed to WGS84), or into a rejection
//! that names the record (CSV line, feature index) and the reason. The caller writes
//! the drafts all together or not at all, so an import never leaves half a file behind.
//! Exports carry every field of balise, so that an export imports back to the same
//! features.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use anyhow::{Context, bail};
use flatgeobuf::{
    ColumnType, FallibleStreamingIterator, FgbCrs, FgbReader, FgbWriter, FgbWriterOptions,
    GeometryType,
};
use geozero::{ColumnValue, FeatureProperties, PropertyProcessor, ToGeo};
use serde_json::{Map, Value, json};

use crate::app::Rejection;
use crate::crs::{Crs, ToWgs84};
use crate::model::schedule::parse_instant;
use crate::model::{Feature, FeatureDraft, FieldError, Kind};
use crate::wire;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    GeoJson,
    FlatGeobuf,
    Csv,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "geojson" | "json" => Some(Format::GeoJson),
            "fgb" => Some(Format::FlatGeobuf),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// The kind of every record that does not name its own.
    pub kind: Option<Kind>,
    /// The commune of every record that does not name its own (else point-in-polygon).
    pub commune: Option<String>,
    /// Overrides the CRS the file declares (default WGS84).
    pub crs: Option<Crs>,
}

pub type Drafts = Vec<(String, FeatureDraft)>;

/// Reads a file into drafts. `Err` holds one rejection per bad record; a file that
/// cannot be read at all is an `anyhow` error.
pub fn read(path: &Path, opts: &ImportOptions) -> anyhow::Result<Result<Drafts, Vec<Rejection>>> {
    let format = Format::from_path(path).with_context(|| {
        format!(
            "{}: unknown format; use .geojson, .json, .fgb or .csv",
            path.display()
        )
    })?;
    let records = match format {
        Format::GeoJson => read_geojson(path, opts)?,
        Format::FlatGeobuf => read_fgb(path, opts)?,
        Format::Csv => read_csv(path, opts)?,
    };
    let mut drafts = Vec::new();
    let mut rejected = Vec::new();
    for (place, r) in records {
        match r {
            Ok(d) => drafts.push((place, d)),
            Err(errors) => rejected.push(Rejection { place, errors }),
        }
    }
    Ok(if rejected.is_empty() {
        Ok(drafts)
    } else {
        Err(rejected)
    })
}

type Record = (String, Result<FeatureDraft, Vec<FieldError>>);

fn transformer(opts: &ImportOptions, declared: Option<Crs>) -> anyhow::Result<ToWgs84> {
    ToWgs84::new(opts.crs.or(declared).unwrap_or(Crs::Wgs84))
}

fn unsupported_crs(what: &str) -> anyhow::Error {
    anyhow::anyhow!(
        "the file declares the CRS {what}, which balise cannot read; supported: EPSG:4326, 3857, 31370, 3812 (or pass --crs)"
    )
}

fn read_geojson(path: &Path, opts: &ImportOptions) -> anyhow::Result<Vec<Record>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let doc: Value = serde_json::from_str(&text)
        .with_context(|| format!("{} is not valid JSON", path.display()))?;
    // pre-RFC 7946 files may name their CRS
    let declared = match doc.pointer("/crs/properties/name").and_then(Value::as_str) {
        Some(name) => Some(Crs::parse(name).ok_or_else(|| unsupported_crs(name))?),
        None => None,
    };
    let to_wgs84 = transformer(opts, declared)?;
    let features: Vec<&Value> = match doc.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => doc["features"]
            .as_array()
            .context("`features` is not an array")?
            .iter()
            .collect(),
        Some("Feature") => vec![&doc],
        _ => bail!(
            "{}: expected a GeoJSON FeatureCollection or Feature",
            path.display()
        ),
    };
    Ok(features
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let place = format!("feature {i}");
            let geometry = match f.get("geometry") {
                None | Some(Value::Null) => Err(FieldError::new(
                    "/geometry",
                    "required",
                    "the feature has no geometry",
                )),
                Some(g) => wire::geometry_from_json(g, "/geometry"),
            };
            let props = f
                .get("properties")
                .and_then(Value::as_object)
                .cloned()
                .unwrap_or_default();
            (place, draft(geometry, &to_wgs84, props, opts))
        })
        .collect())
}

/// Reads a FlatGeobuf file. The file is read whole and its structure checked first —
/// the header, the index and every feature fit in the file as their lengths claim — so
/// that a damaged length never makes the reader allocate gigabytes; and a panic of the
/// `flatgeobuf` crate on damaged contents (it indexes property bytes unchecked) becomes
/// an error naming the file.
fn read_fgb(path: &Path, opts: &ImportOptions) -> anyhow::Result<Vec<Record>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot open {}", path.display()))?;
    check_fgb_lengths(&bytes).with_context(|| format!("{} is damaged", path.display()))?;
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_fgb_bytes(path, &bytes, opts)
    })) {
        Ok(read) => read.with_context(|| format!("cannot read {}", path.display())),
        Err(_) => anyhow::bail!(
            "{} is damaged: its contents do not match its structure",
            path.display()
        ),
    }
}

/// The lengths a FlatGeobuf file claims, checked against its size: the magic bytes, the
/// header, the spatial index the header implies, then each feature's length prefix.
fn check_fgb_lengths(bytes: &[u8]) -> anyhow::Result<()> {
    let u32_at = |at: usize| -> Option<usize> {
        let b = bytes.get(at..at.checked_add(4)?)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    };
    anyhow::ensure!(
        bytes.len() >= 12 && bytes[..3] == *b"fgb",
        "it is not a FlatGeobuf file"
    );
    let header = u32_at(8).expect("12 bytes at least");
    let mut at = 12usize
        .checked_add(header)
        .filter(|end| *end <= bytes.len())
        .ok_or_else(|| {
            anyhow::anyhow!(
                "its header claims {header} bytes, the file holds {}",
                bytes.len()
            )
        })?;
    let h = flatgeobuf::size_prefixed_root_as_header(&bytes[8..at])
        .map_err(|e| anyhow::anyhow!("its header is unreadable: {e}"))?;
    let (count, node_size) = (h.features_count(), h.index_node_size());
    if count > 0 && node_size > 0 {
        // a count the file cannot hold (each feature takes some bytes) is damage
        anyhow::ensure!(
            count <= bytes.len() as u64,
            "its header claims {count} features, more than its size allows"
        );
        let index = std::panic::catch_unwind(|| {
            flatgeobuf::packed_r_tree::PackedRTree::index_size(count as usize, node_size)
        })
        .map_err(|_| anyhow::anyhow!("its index cannot be sized"))?;
        at = at
            .checked_add(index)
            .filter(|end| *end <= bytes.len())
            .ok_or_else(|| anyhow::anyhow!("its index claims {index} bytes, past its end"))?;
    }
    let mut n = 0u64;
    while at < bytes.len() {
        let size =
            u32_at(at).ok_or_else(|| anyhow::anyhow!("feature {n} is cut short at byte {at}"))?;
        at = at
            .checked_add(4 + size)
            .filter(|end| *end <= bytes.len())
            .ok_or_else(|| anyhow::anyhow!("feature {n} claims {size} bytes, past the end"))?;
        n += 1;
    }
    Ok(())
}

fn read_fgb_bytes(path: &Path, bytes: &[u8], opts: &ImportOptions) -> anyhow::Result<Vec<Record>> {
    let reader = FgbReader::open(std::io::Cursor::new(bytes))
        .with_context(|| format!("{} is not a FlatGeobuf file", path.display()))?;
    let declared = match reader.header().crs().map(|c| c.code()).filter(|c| *c != 0) {
        Some(code) => Some(
            Crs::from_epsg(code as u32).ok_or_else(|| unsupported_crs(&format!("EPSG:{code}")))?,
        ),
        None => None,
    };
    let to_wgs84 = transformer(opts, declared)?;
    let mut features = reader
        .select_all_seq()
        .context("cannot read the features")?;
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(f) = features.next().context("cannot read a feature")? {
        let place = format!("feature {i}");
        i += 1;
        let geometry = f
            .to_geo()
            .map_err(|e| FieldError::new("/geometry", "invalid_geometry", e.to_string()));
        let props: Map<String, Value> = match f.properties() {
            Ok(p) => p.into_iter().map(|(k, v)| (k, Value::String(v))).collect(),
            Err(e) => {
                out.push((
                    place,
                    Err(vec![FieldError::new(
                        "/properties",
                        "unreadable",
                        e.to_string(),
                    )]),
                ));
                continue;
            }
        };
        out.push((place, draft(geometry, &to_wgs84, props, opts)));
    }
    Ok(out)
}

fn read_csv(path: &Path, opts: &ImportOptions) -> anyhow::Result<Vec<Record>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    let headers: Vec<String> = reader
        .headers()?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let find = |names: &[&str]| headers.iter().position(|h| names.contains(&h.as_str()));
    let wkt = find(&["wkt", "geometry", "geom", "the_geom"]);
    let lon = find(&["lon", "lng", "longitude", "x"]);
    let lat = find(&["lat", "latitude", "y"]);
    if wkt.is_none() && (lon.is_none() || lat.is_none()) {
        bail!(
            "{}: no geometry columns; name them lon and lat (or x and y), or wkt",
            path.display()
        );
    }
    let to_wgs84 = transformer(opts, None)?;
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let place = format!("line {}", i + 2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                out.push((
                    place,
                    Err(vec![FieldError::new("", "unreadable", e.to_string())]),
                ));
                continue;
            }
        };
        let cell = |j: usize| record.get(j).unwrap_or("").trim();
        let geometry = match (wkt, lon, lat) {
            (Some(w), _, _) => geozero::wkt::Wkt(cell(w))
                .to_geo()
                .map_err(|e| FieldError::new("wkt", "invalid_geometry", format!("not WKT: {e}"))),
            (None, Some(x), Some(y)) => match (
                cell(x).replace(',', ".").parse::<f64>(),
                cell(y).replace(',', ".").parse::<f64>(),
            ) {
                (Ok(x), Ok(y)) => Ok(geo_types::Point::new(x, y).into()),
                _ => Err(FieldError::new(
                    "lon/lat",
                    "invalid_coordinate",
                    format!("`{}`, `{}` are not numbers", cell(x), cell(y)),
                )),
            },
            _ => unreachable!("checked above"),
        };
        let skip = [wkt, lon, lat];
        let props: Map<String, Value> = headers
            .iter()
            .enumerate()
            .filter(|(j, _)| !skip.contains(&Some(*j)))
            .filter(|(j, _)| !cell(*j).is_empty())
            .map(|(j, h)| (h.clone(), Value::String(cell(j).to_string())))
            .collect();
        out.push((place, draft(geometry, &to_wgs84, props, opts)));
    }
    Ok(out)
}

/// Names a record may use for balise's fields (first is canonical); every other field
/// becomes an attribute, except those an export adds and a database assigns.
const ALIASES: [&[&str]; 7] = [
    &["kind", "type_balise"],
    &["title", "titre", "name", "nom"],
    &["description", "desc"],
    &["status", "statut"],
    &["visibility", "visibilite", "visibilité"],
    &["commune", "nis"],
    &["schedule"],
];
const ASSIGNED: [&str; 4] = ["id", "version", "created_at", "updated_at"];

/// A JSON value that may have travelled as a string (CSV, FlatGeobuf).
fn json_field(name: &str, v: Value) -> Result<Value, FieldError> {
    match v {
        Value::String(s) => serde_json::from_str(&s).map_err(|e| {
            FieldError::new(name, "invalid_value", format!("`{name}` is not JSON: {e}"))
        }),
        other => Ok(other),
    }
}

/// `start`/`end` columns as RFC 3339; a date alone is midnight in Brussels, and an end
/// date covers its whole day.
fn time_field(name: &str, v: &Value, end: bool) -> Result<String, FieldError> {
    let s = v.as_str().unwrap_or_default().trim();
    parse_instant(s, end)
        .map(|t| t.to_rfc3339())
        .ok_or_else(|| {
            FieldError::new(
                name,
                "invalid_time",
                format!("`{s}` is not a date (2026-12-07) or date-time (RFC 3339)"),
            )
        })
}

/// Turns a record into the GeoJSON form of a draft (canonical names, schedule from
/// `start`/`end`, the rest as attributes), then reads it as the API would.
fn draft(
    geometry: Result<geo_types::Geometry<f64>, FieldError>,
    to_wgs84: &ToWgs84,
    mut props: Map<String, Value>,
    opts: &ImportOptions,
) -> Result<FeatureDraft, Vec<FieldError>> {
    let mut errors = Vec::new();
    let geometry = geometry
        .and_then(|g| {
            to_wgs84
                .geometry(&g)
                .map_err(|m| FieldError::new("/geometry", "invalid_coordinate", m))
        })
        .map_err(|e| errors.push(e))
        .ok();
    let mut canonical = Map::new();
    for names in ALIASES {
        if let Some(v) = names
            .iter()
            .find_map(|n| props.remove(*n))
            .filter(|v| !v.is_null())
        {
            canonical.insert(names[0].to_string(), v);
        }
    }
    if !canonical.contains_key("kind") {
        match opts.kind {
            Some(k) => canonical.insert("kind".into(), k.as_str().into()),
            None => {
                errors.push(FieldError::new(
                    "kind",
                    "required",
                    "no kind: give --kind or a `kind` column",
                ));
                None
            }
        };
    }
    if let (false, Some(c)) = (canonical.contains_key("commune"), &opts.commune) {
        canonical.insert("commune".into(), c.clone().into());
    }
    let start = ["start", "debut", "début"]
        .iter()
        .find_map(|n| props.remove(*n));
    let end = ["end", "fin"]
        .iter()
        .find_map(|n| props.remove(*n))
        .filter(|v| v.as_str() != Some(""));
    match canonical.remove("schedule") {
        Some(s) => match json_field("schedule", s) {
            Ok(s) => drop(canonical.insert("schedule".into(), s)),
            Err(e) => errors.push(e),
        },
        None => match start {
            Some(start) => {
                let start = time_field("start", &start, false)
                    .map_err(|e| errors.push(e))
                    .ok();
                let end = end
                    .map(|e| time_field("end", &e, true))
                    .transpose()
                    .map_err(|e| errors.push(e))
                    .ok();
                if let (Some(start), Some(end)) = (start, end) {
                    canonical.insert(
                        "schedule".into(),
                        json!({ "periods": [{ "start": start, "end": end }] }),
                    );
                }
            }
            None => errors.push(FieldError::new(
                "start",
                "required",
                "no schedule: give a `start` (and `end`) or a `schedule` column",
            )),
        },
    }
    let mut attributes = match props
        .remove("attributes")
        .map(|v| json_field("attributes", v))
    {
        None => Map::new(),
        Some(Ok(Value::Object(m))) => m,
        Some(_) => {
            errors.push(FieldError::new(
                "attributes",
                "invalid_value",
                "`attributes` must be a JSON object",
            ));
            Map::new()
        }
    };
    for k in ASSIGNED {
        props.remove(k);
    }
    attributes.extend(props);
    canonical.insert("attributes".into(), Value::Object(attributes));
    let (Some(geometry), true) = (geometry, errors.is_empty()) else {
        return Err(errors);
    };
    let feature = json!({
        "type": "Feature",
        "geometry": geojson::Geometry::from(&geometry),
        "properties": canonical,
    });
    match wire::parse_draft(&feature) {
        (Some(d), e) if e.is_empty() => Ok(d),
        (_, e) => Err(e),
    }
}

/// Writes features as a GeoJSON FeatureCollection.
pub fn write_geojson(features: &[&Feature], out: &mut impl Write) -> anyhow::Result<()> {
    let fc = serde_json::json!({
        "type": "FeatureCollection",
        "features": features.iter().map(|f| wire::feature_to_json(f)).collect::<Vec<_>>(),
    });
    serde_json::to_writer(&mut *out, &fc)?;
    out.write_all(b"\n")?;
    Ok(())
}

const FGB_COLUMNS: [&str; 12] = [
    "id",
    "kind",
    "commune",
    "title",
    "description",
    "status",
    "visibility",
    "schedule",
    "attributes",
    "version",
    "created_at",
    "updated_at",
];

/// Writes features as FlatGeobuf (EPSG:4326, spatial index), JSON fields as text.
pub fn write_fgb(features: &[&Feature], out: &mut impl Write) -> anyhow::Result<()> {
    let options = FgbWriterOptions {
        crs: FgbCrs {
            code: 4326,
            ..Default::default()
        },
        title: Some("balise features"),
        // features mix points, lines and polygons: keep the type per feature
        detect_type: false,
        promote_to_multi: false,
        ..Default::default()
    };
    let mut fgb = FgbWriter::create_with_options("features", GeometryType::Unknown, options)?;
    for name in FGB_COLUMNS {
        let t = if name == "version" {
            ColumnType::Long
        } else {
            ColumnType::String
        };
        fgb.add_column(name, t, |_, _| {});
    }
    for f in features {
        let values: HashMap<&str, String> = HashMap::from([
            ("id", f.id.to_string()),
            ("kind", f.kind.as_str().to_string()),
            ("commune", f.commune.clone()),
            ("title", f.title.clone()),
            ("description", f.description.clone()),
            ("status", f.status.clone()),
            ("visibility", f.visibility.as_str().to_string()),
            ("schedule", serde_json::to_string(&f.schedule)?),
            (
                "attributes",
                Value::Object(f.attributes.clone()).to_string(),
            ),
            ("created_at", crate::store::ts(&f.created_at)),
            ("updated_at", crate::store::ts(&f.updated_at)),
        ]);
        let mut failed = None;
        fgb.add_feature_geom(f.geometry.clone(), |w| {
            for (i, name) in FGB_COLUMNS.iter().enumerate() {
                let r = if *name == "version" {
                    w.property(i, name, &ColumnValue::Long(f.version))
                } else {
                    w.property(i, name, &ColumnValue::String(&values[name]))
                };
                if let Err(e) = r {
                    failed = Some(e);
                }
            }
        })?;
        if let Some(e) = failed {
            return Err(e.into());
        }
    }
    fgb.write(out)?;
    Ok(())
}
