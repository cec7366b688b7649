//! Communes and their territory.
//!
//! Every feature belongs to exactly one active commune. The `Territory` knows the active
//! communes *and* their neighbours, so that a place just across the border can be named
//! ("this is in Ecaussinnes") instead of being refused with a vague message.

use geo::{
    BoundingRect, Contains, Coord, CoordsIter, Distance, Euclidean, Geometry, InteriorPoint,
    MultiPolygon, Point, Rect,
};
use serde::{Deserialize, Serialize};

use super::FieldError;
use super::geometry::LocalFrame;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CommuneSettings {
    /// How far (metres) a feature may reach beyond the commune's boundary.
    pub margin_m: f64,
    /// Buffer (metres) around features when looking for conflicts.
    pub conflict_buffer_m: f64,
    /// Prefix of report references, e.g. `SOI` in `SOI-2026-00042`.
    pub reference_prefix: String,
    /// Languages offered to citizens, first is the default.
    pub languages: Vec<String>,
    /// Working days between a request and the start of an event or occupation.
    pub request_lead_days: u32,
    /// Days after closing a report before the reporter's personal data is removed.
    pub report_retention_days: u32,
    /// Fees in euro cents by request type (e.g. `occupation_per_day`), as the Collège
    /// communal sets them.
    pub fees_cents: std::collections::BTreeMap<String, u32>,
    /// How citizens reach the commune about balise (shown on its pages and e-mails).
    pub contact: Contact,
    /// Address of the commune's arms (an image), if it wants them shown.
    pub arms_url: Option<String>,
    /// What citizens may report, in the order offered.
    pub report_categories: Vec<ReportCategory>,
    /// How near (metres) an open report of the same category must be to be offered as
    /// "already reported?" before a new one is sent.
    pub duplicate_radius_m: f64,
    /// Which kinds of features clash when they meet in place and time, as pairs
    /// (`[["works", "event"], …]`); the order within a pair does not matter.
    pub conflict_pairs: Vec<[super::Kind; 2]>,
    /// Days the commune's offices close besides weekends and public holidays
    /// (`"27-09"` every year, `"2026-12-24"` once), for deadlines in working days.
    pub closed_days: Vec<super::calendar::ClosedDay>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Contact {
    /// The service answering, e.g. "Service travaux".
    pub service: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub website: String,
    /// When the phone is answered, in plain words.
    pub hours: String,
}

/// A kind of problem citizens can report, with its name in each language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportCategory {
    /// Stable identifier, stored with reports (e.g. `voirie`).
    pub id: String,
    pub fr: String,
    pub nl: String,
    pub de: String,
    pub en: String,
    /// Working days the commune gives itself to answer a report of this category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_days: Option<u32>,
}

impl ReportCategory {
    pub fn name(&self, lang: &str) -> &str {
        match lang {
            "nl" => &self.nl,
            "de" => &self.de,
            "en" => &self.en,
            _ => &self.fr,
        }
    }
}

impl CommuneSettings {
    pub fn category(&self, id: &str) -> Option<&ReportCategory> {
        self.report_categories.iter().find(|c| c.id == id)
    }
}

impl Default for CommuneSettings {
    fn default() -> Self {
        CommuneSettings {
            margin_m: 100.0,
            conflict_buffer_m: 20.0,
            reference_prefix: String::new(),
            languages: vec!["fr".into(), "nl".into(), "de".into(), "en".into()],
            request_lead_days: 20,
            report_retention_days: 365,
            fees_cents: Default::default(),
            contact: Contact::default(),
            arms_url: None,
            report_categories: Vec::new(),
            duplicate_radius_m: 50.0,
            conflict_pairs: super::conflict::DEFAULT_PAIRS.to_vec(),
            closed_days: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Commune {
    /// Belgian NIS (INS) code, e.g. `55040`.
    pub nis: String,
    pub name_fr: String,
    pub name_nl: Option<String>,
    pub name_de: Option<String>,
    /// Whether the commune runs balise; neighbours are known but not active.
    pub active: bool,
    pub boundary: MultiPolygon<f64>,
    pub settings: CommuneSettings,
}

impl Commune {
    pub fn label(&self) -> String {
        format!("{} ({})", self.name_fr, self.nis)
    }

    /// The commune's name in `lang` (fr, nl, de), French when it has none there.
    pub fn name(&self, lang: &str) -> &str {
        let other = match lang {
            "nl" => self.name_nl.as_deref(),
            "de" => self.name_de.as_deref(),
            _ => None,
        };
        other.filter(|n| !n.is_empty()).unwrap_or(&self.name_fr)
    }

    /// What its report references start with: the prefix of its settings, else its NIS
    /// code.
    pub fn reference_prefix(&self) -> &str {
        Some(self.settings.reference_prefix.as_str())
            .filter(|p| !p.is_empty())
            .unwrap_or(&self.nis)
    }
}

struct Prepared {
    commune: Commune,
    bbox: Rect<f64>,
    frame: LocalFrame,
    boundary_m: MultiPolygon<f64>,
}

/// All known communes, prepared for locating places.
pub struct Territory {
    communes: Vec<Prepared>,
}

impl Territory {
    /// Prepares the communes, ordered by French name whatever their source's order.
    pub fn new(mut communes: Vec<Commune>) -> Self {
        communes.sort_by(|a, b| a.name_fr.cmp(&b.name_fr));
        let communes = communes
            .into_iter()
            .filter_map(|commune| {
                let bbox = commune.boundary.bounding_rect()?;
                let frame = LocalFrame::new(bbox.center());
                let boundary_m = frame.project(&commune.boundary);
                Some(Prepared {
                    commune,
                    bbox,
                    frame,
                    boundary_m,
                })
            })
            .collect();
        Territory { communes }
    }

    pub fn communes(&self) -> impl Iterator<Item = &Commune> {
        self.communes.iter().map(|p| &p.commune)
    }

    pub fn get(&self, nis: &str) -> Option<&Commune> {
        self.communes().find(|c| c.nis == nis)
    }

    pub fn active(&self) -> impl Iterator<Item = &Commune> {
        self.communes().filter(|c| c.active)
    }

    /// The commune whose territory contains the point, active or not.
    pub fn locate(&self, p: Point<f64>) -> Option<&Commune> {
        self.communes
            .iter()
            .find(|c| c.bbox.contains(&p) && c.commune.boundary.contains(&p))
            .map(|c| &c.commune)
    }

    /// Bounding box of the active communes, `[minx, miny, maxx, maxy]`.
    pub fn active_bounds(&self) -> Option<Rect<f64>> {
        self.communes
            .iter()
            .filter(|c| c.commune.active)
            .map(|c| c.bbox)
            .reduce(|a, b| {
                Rect::new(
                    Coord {
                        x: a.min().x.min(b.min().x),
                        y: a.min().y.min(b.min().y),
                    },
                    Coord {
                        x: a.max().x.max(b.max().x),
                        y: a.max().y.max(b.max().y),
                    },
                )
            })
    }

    /// How far (metres) the geometry reaches outside the commune; 0 when inside.
    fn overshoot(p: &Prepared, g: &Geometry<f64>) -> f64 {
        g.coords_iter()
            .map(|c| {
                let inside_bbox = p.bbox.contains(&c);
                if inside_bbox && p.commune.boundary.contains(&c) {
                    0.0
                } else {
                    Euclidean.distance(&Point(p.frame.to_metres(c)), &p.boundary_m)
                }
            })
            .fold(0.0, f64::max)
    }

    /// Decides which active commune a geometry belongs to. With `requested`, that
    /// commune must be active and hold the geometry (plus its margin); without, the
    /// commune is found by point-in-polygon of a point inside the geometry.
    pub fn place(&self, g: &Geometry<f64>, requested: Option<&str>) -> Result<String, FieldError> {
        let active_names = || {
            self.active()
                .map(|c| c.name_fr.clone())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let prepared = |nis: &str| self.communes.iter().find(|p| p.commune.nis == nis);
        let target = match requested {
            Some(nis) => match prepared(nis) {
                Some(p) if p.commune.active => p,
                Some(p) => {
                    return Err(FieldError::new(
                        "/properties/commune",
                        "inactive_commune",
                        format!(
                            "{} does not use balise; active communes: {}",
                            p.commune.label(),
                            active_names()
                        ),
                    ));
                }
                None => {
                    return Err(FieldError::new(
                        "/properties/commune",
                        "unknown_commune",
                        format!("no commune has the NIS code `{nis}`"),
                    ));
                }
            },
            None => {
                let Some(rep) = g.interior_point() else {
                    return Err(FieldError::new(
                        "/geometry",
                        "empty_geometry",
                        "the geometry has no coordinates",
                    ));
                };
                match self.locate(rep) {
                    Some(c) if c.active => prepared(&c.nis).expect("located communes are prepared"),
                    Some(c) => {
                        return Err(FieldError::new(
                            "/geometry",
                            "outside_active_communes",
                            format!(
                                "the place lies in {}, which does not use balise; active communes: {}",
                                c.label(),
                                active_names()
                            ),
                        ));
                    }
                    None => {
                        // just outside every boundary but within an active commune's margin?
                        let near = self
                            .communes
                            .iter()
                            .filter(|p| p.commune.active)
                            .map(|p| (p, Self::overshoot(p, g)))
                            .filter(|(p, d)| *d <= p.commune.settings.margin_m)
                            .min_by(|a, b| a.1.total_cmp(&b.1));
                        match near {
                            Some((p, _)) => p,
                            None => {
                                return Err(FieldError::new(
                                    "/geometry",
                                    "outside_active_communes",
                                    format!(
                                        "the place lies outside every known commune; active communes: {}",
                                        active_names()
                                    ),
                                ));
                            }
                        }
                    }
                }
            }
        };
        let over = Self::overshoot(target, g);
        let margin = target.commune.settings.margin_m;
        if over > margin {
            return Err(FieldError::new(
                "/geometry",
                "outside_commune",
                format!(
                    "the geometry reaches {:.0} m beyond the territory of {}; at most {margin:.0} m is allowed",
                    over,
                    target.commune.label()
                ),
            ));
        }
        Ok(target.commune.nis.clone())
    }
}
