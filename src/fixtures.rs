//! Data shipped inside the binary: the communes (real boundaries, Statbel; see
//! `fixtures/SOURCES.md` for the attribution) and the demo data of the two towns.
//!
//! The demo data is written with days relative to today, so that a fresh start always
//! shows works under way, events coming and bans ending, whatever the date.

use anyhow::{Context, bail};
use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::model::schedule::{Day, Recurrence, local_to_utc};
use crate::model::{Commune, CommuneSettings, FeatureDraft, Kind, Schedule, Visibility};
use crate::wire;

pub const COMMUNES_GEOJSON: &str = include_str!("../fixtures/communes.geojson");
const COMMUNES_TOML: &str = include_str!("../fixtures/communes.toml");
const DEMO_JSON: &str = include_str!("../fixtures/demo.json");

#[derive(Deserialize)]
struct ActiveList {
    active: Vec<Active>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Active {
    nis: String,
    #[serde(default)]
    settings: CommuneSettings,
}

/// The built-in list of communes that run balise and their settings
/// (`fixtures/communes.toml`); a deployment names its own with `communes_file`.
pub const BUILTIN_ACTIVE: &str = COMMUNES_TOML;

/// Marks the communes a list (in the form of `fixtures/communes.toml`) names as active,
/// with its settings; every other commune becomes a neighbour with default settings.
/// Returns whether anything changed. `source` names the list in errors.
pub fn apply_active(communes: &mut [Commune], text: &str, source: &str) -> anyhow::Result<bool> {
    let list: ActiveList = toml::from_str(text).with_context(|| source.to_string())?;
    for a in &list.active {
        if !communes.iter().any(|c| c.nis == a.nis) {
            bail!("{source}: no commune has the NIS code {:?}", a.nis);
        }
    }
    let mut changed = false;
    for c in communes.iter_mut() {
        let a = list.active.iter().find(|a| a.nis == c.nis);
        let (active, settings) = match a {
            Some(a) => (true, a.settings.clone()),
            None => (false, CommuneSettings::default()),
        };
        if c.active != active || c.settings != settings {
            c.active = active;
            c.settings = settings;
            changed = true;
        }
    }
    Ok(changed)
}

/// The built-in communes: all boundaries, with the active ones flagged and set up.
pub fn communes() -> anyhow::Result<Vec<Commune>> {
    let active: ActiveList = toml::from_str(COMMUNES_TOML).context("fixtures/communes.toml")?;
    let fc: Value = serde_json::from_str(COMMUNES_GEOJSON).context("fixtures/communes.geojson")?;
    let mut out = Vec::new();
    for f in fc["features"]
        .as_array()
        .context("communes.geojson has no features")?
    {
        let p = &f["properties"];
        let nis = p["nis"]
            .as_str()
            .context("a commune without nis")?
            .to_string();
        let boundary = match wire::geometry_from_json(&f["geometry"], "/geometry") {
            Ok(geo_types::Geometry::Polygon(p)) => p.into(),
            Ok(geo_types::Geometry::MultiPolygon(m)) => m,
            other => bail!("commune {nis}: unusable boundary {other:?}"),
        };
        let a = active.active.iter().find(|a| a.nis == nis);
        out.push(Commune {
            name_fr: p["name_fr"].as_str().unwrap_or(&nis).to_string(),
            name_nl: p["name_nl"].as_str().map(str::to_string),
            name_de: p["name_de"].as_str().map(str::to_string),
            active: a.is_some(),
            settings: a.map(|a| a.settings.clone()).unwrap_or_default(),
            boundary,
            nis,
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFile {
    #[allow(dead_code)]
    note: String,
    features: Vec<DemoFeature>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoFeature {
    commune: String,
    kind: Kind,
    title: String,
    description: String,
    geometry: Value,
    when: When,
    #[serde(default)]
    status: Option<String>,
    visibility: Visibility,
    #[serde(default)]
    attributes: Map<String, Value>,
}

/// Days relative to today; with `hours` and `days`, a weekly window over those days.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct When {
    from: i64,
    to: Option<i64>,
    #[serde(default)]
    hours: Option<[NaiveTime; 2]>,
    #[serde(default)]
    days: Vec<Day>,
}

fn shift(today: NaiveDate, by: i64) -> NaiveDate {
    if by >= 0 {
        today + Days::new(by as u64)
    } else {
        today - Days::new(by.unsigned_abs())
    }
}

impl When {
    fn schedule(&self, today: NaiveDate) -> Schedule {
        let first = shift(today, self.from);
        match (self.hours, self.to) {
            (Some([start_time, end_time]), Some(to)) => Schedule {
                recurring: vec![Recurrence {
                    first_day: first,
                    last_day: shift(today, to),
                    days: self.days.clone(),
                    start_time,
                    end_time,
                }],
                ..Default::default()
            },
            _ => Schedule::period(
                local_to_utc(first.and_time(NaiveTime::MIN)),
                self.to
                    .map(|to| local_to_utc(shift(today, to + 1).and_time(NaiveTime::MIN))),
            ),
        }
    }
}

/// The demo features of both towns, scheduled around `now`.
pub fn demo_drafts(now: DateTime<Utc>) -> anyhow::Result<Vec<FeatureDraft>> {
    let file: DemoFile = serde_json::from_str(DEMO_JSON).context("fixtures/demo.json")?;
    let today = now
        .with_timezone(&crate::model::schedule::LOCAL_TZ)
        .date_naive();
    file.features
        .into_iter()
        .map(|mut d| {
            // a report's reference is numbered in the year it is made: this one
            if let Some(Value::String(r)) = d.attributes.get_mut("reference") {
                *r = r.replace("{year}", &today.year().to_string());
            }
            let geometry = wire::geometry_from_json(&d.geometry, "/geometry")
                .map_err(|e| anyhow::anyhow!("demo feature {:?}: {e}", d.title))?;
            Ok(FeatureDraft {
                commune: Some(d.commune),
                kind: d.kind,
                geometry,
                schedule: d.when.schedule(today),
                status: d.status,
                title: d.title,
                description: d.description,
                attributes: d.attributes,
                visibility: d.visibility,
            })
        })
        .collect()
}

/// Demo diversions name the works they serve by title (`serves`); stored features link
/// by id, so titles become the ids just given. A title that names nothing is dropped.
pub fn link_by_title(features: &mut [crate::model::Feature]) {
    let ids: std::collections::HashMap<String, String> = features
        .iter()
        .map(|f| (f.title.clone(), f.id.to_string()))
        .collect();
    for f in features.iter_mut() {
        if let Some(Value::Array(titles)) = f.attributes.get_mut("serves") {
            titles.retain_mut(|t| match t.as_str().and_then(|t| ids.get(t)) {
                Some(id) => {
                    *t = Value::String(id.clone());
                    true
                }
                None => false,
            });
        }
    }
}
