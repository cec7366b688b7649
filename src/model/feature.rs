//! A feature: one thing that occupies public space, somewhere, for some time.

use chrono::{DateTime, Utc};
use geo_types::Geometry;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::schedule::{Interval, Schedule};
use super::{FieldError, Territory, geometry, report};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Works,
    Diversion,
    ParkingBan,
    Event,
    Occupation,
    Report,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Works,
        Kind::Diversion,
        Kind::ParkingBan,
        Kind::Event,
        Kind::Occupation,
        Kind::Report,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Works => "works",
            Kind::Diversion => "diversion",
            Kind::ParkingBan => "parking_ban",
            Kind::Event => "event",
            Kind::Occupation => "occupation",
            Kind::Report => "report",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Bit of this kind in a kind set.
    pub fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The statuses a feature of this kind may take; the first is the default.
    /// Reports have their own life cycle (new → … → resolved, with distinct ends).
    pub fn statuses(self) -> &'static [&'static str] {
        match self {
            Kind::Report => &[
                "new",
                "acknowledged",
                "planned",
                "in_progress",
                "resolved",
                "not_competent",
                "duplicate",
                "not_reproducible",
                "closed",
            ],
            _ => &[
                "planned",
                "in_progress",
                "suspended",
                "completed",
                "cancelled",
            ],
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    #[default]
    Public,
    Internal,
}

impl Visibility {
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Internal => "internal",
        }
    }
    pub fn parse(s: &str) -> Option<Visibility> {
        match s {
            "public" => Some(Visibility::Public),
            "internal" => Some(Visibility::Internal),
            _ => None,
        }
    }
}

/// A stored feature. `version` starts at 1 and grows by one at every change.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    pub id: Uuid,
    pub commune: String,
    pub kind: Kind,
    pub geometry: Geometry<f64>,
    pub schedule: Schedule,
    pub status: String,
    pub title: String,
    pub description: String,
    pub attributes: Map<String, Value>,
    pub visibility: Visibility,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What a client proposes, before validation: the commune may be left out (derived
/// from the geometry) and so may the status (the kind's default).
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureDraft {
    pub commune: Option<String>,
    pub kind: Kind,
    pub geometry: Geometry<f64>,
    pub schedule: Schedule,
    pub status: Option<String>,
    pub title: String,
    pub description: String,
    pub attributes: Map<String, Value>,
    pub visibility: Visibility,
}

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;

/// A validated draft: everything needed to write it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub commune: String,
    pub status: String,
    pub intervals: Vec<Interval>,
}

impl FeatureDraft {
    /// Applies every rule of the model; all faults are reported at once.
    pub fn check(&self, territory: &Territory) -> Result<Checked, Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push(FieldError::new(
                "/properties/title",
                "required",
                "a title is required",
            ));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.push(FieldError::new(
                "/properties/title",
                "too_long",
                format!("the title may hold at most {MAX_TITLE_CHARS} characters"),
            ));
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "/properties/description",
                "too_long",
                format!("the description may hold at most {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        let status = match &self.status {
            None => self.kind.statuses()[0].to_string(),
            Some(s) if self.kind.statuses().contains(&s.as_str()) => s.clone(),
            Some(s) => {
                errors.push(FieldError::new(
                    "/properties/status",
                    "unknown_status",
                    format!(
                        "`{s}` is not a status of a {} feature; expected one of: {}",
                        self.kind,
                        self.kind.statuses().join(", ")
                    ),
                ));
                String::new()
            }
        };
        let intervals = match self.schedule.validate("/properties/schedule") {
            Ok(iv) => iv,
            Err(e) => {
                errors.extend(e);
                Vec::new()
            }
        };
        let commune = match geometry::check(&self.geometry) {
            Err(e) => {
                errors.push(e);
                String::new()
            }
            Ok(()) => match territory.place(&self.geometry, self.commune.as_deref()) {
                Ok(nis) => nis,
                Err(e) => {
                    errors.push(e);
                    String::new()
                }
            },
        };
        if let Some(r) = self.attributes.get("reference")
            && let Some(c) = territory.get(&commune)
        {
            let prefix = c.reference_prefix();
            if !r
                .as_str()
                .is_some_and(|r| report::is_reference_of(r, prefix))
            {
                errors.push(FieldError::new(
                    "/properties/attributes/reference",
                    "invalid_reference",
                    format!(
                        "a reference of {} reads {prefix}-YYYY-NNNNN (like {prefix}-2026-00042), not {r}",
                        c.name_fr
                    ),
                ));
            }
        }
        if errors.is_empty() {
            Ok(Checked {
                commune,
                status,
                intervals,
            })
        } else {
            Err(errors)
        }
    }

    /// The new feature, once checked.
    pub fn into_feature(self, id: Uuid, checked: Checked, now: DateTime<Utc>) -> Feature {
        Feature {
            id,
            commune: checked.commune,
            kind: self.kind,
            geometry: self.geometry,
            schedule: self.schedule,
            status: checked.status,
            title: self.title.trim().to_string(),
            description: self.description,
            attributes: self.attributes,
            visibility: self.visibility,
            version: 1,
            created_at: now,
            updated_at: now,
        }
    }
}

impl Feature {
    /// A draft that keeps the feature as it is, to change one thing of it (its status,
    /// its visibility, an attribute).
    pub fn draft(&self) -> FeatureDraft {
        FeatureDraft {
            commune: Some(self.commune.clone()),
            kind: self.kind,
            geometry: self.geometry.clone(),
            schedule: self.schedule.clone(),
            status: Some(self.status.clone()),
            title: self.title.clone(),
            description: self.description.clone(),
            attributes: self.attributes.clone(),
            visibility: self.visibility,
        }
    }

    /// This feature replaced by a checked draft: same id and creation time, next version.
    pub fn replaced_by(
        &self,
        draft: FeatureDraft,
        checked: Checked,
        now: DateTime<Utc>,
    ) -> Feature {
        let mut next = draft.into_feature(self.id, checked, now);
        next.created_at = self.created_at;
        next.version = self.version + 1;
        next
    }

    /// The feature's fields as a JSON object, as history and diffs record them.
    pub fn snapshot(&self) -> Value {
        json!({
            "commune": self.commune,
            "kind": self.kind,
            "geometry": geojson::Geometry::from(&self.geometry),
            "schedule": self.schedule,
            "status": self.status,
            "title": self.title,
            "description": self.description,
            "attributes": self.attributes,
            "visibility": self.visibility,
        })
    }

    /// What changed from `self` to `next`: `{field: {"from": old, "to": new}}`.
    pub fn diff(&self, next: &Feature) -> Value {
        let (Value::Object(a), Value::Object(b)) = (self.snapshot(), next.snapshot()) else {
            unreachable!("snapshots are objects")
        };
        let mut out = Map::new();
        for (k, old) in a {
            let new = &b[&k];
            if &old != new {
                out.insert(k, json!({ "from": old, "to": new }));
            }
        }
        Value::Object(out)
    }
}
