//! The agent's feature form, in plain fields that work without JavaScript: what, where
//! (a shape and its coordinates as "latitude, longitude" lines, which the drawing map
//! fills in when JavaScript runs), when (periods and weekly windows with three-number
//! dates, days off), and what the kind needs (the works a diversion serves, when a
//! parking ban's signs were put up). It reads a submitted form into a `FeatureDraft`
//! with errors named by field, and writes a stored feature back into fields.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};
use geo_types::{Coord, Geometry, LineString, Point, Polygon};
use serde::Serialize;
use serde_json::{Map, Value};

use super::FieldErr;
use super::carte::day;
use super::i18n::Lang;
use crate::model::schedule::{Day, LOCAL_TZ, Period, Recurrence, local_to_utc};
use crate::model::{Feature, FeatureDraft, FieldError, Kind, Schedule, Visibility};

/// The kinds an agent draws (reports come from citizens).
pub const DRAWN: [Kind; 5] = [
    Kind::Works,
    Kind::Diversion,
    Kind::ParkingBan,
    Kind::Event,
    Kind::Occupation,
];

/// Empty period rows offered below the filled ones.
const SPARE_PERIODS: usize = 1;
const MAX_ROWS: usize = 20;
/// A parking ban's signs must stand this long before it starts (Code de la route, art. 70).
pub const SIGNAGE_LEAD_HOURS: i64 = 48;

pub const DAYS: [(&str, Day); 7] = [
    ("monday", Day::Monday),
    ("tuesday", Day::Tuesday),
    ("wednesday", Day::Wednesday),
    ("thursday", Day::Thursday),
    ("friday", Day::Friday),
    ("saturday", Day::Saturday),
    ("sunday", Day::Sunday),
];

/// A submitted form: every name with its values, in order.
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn get(&self, name: &str) -> &str {
        self.0
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

/// A date and a time as three numbers and "hh:mm".
#[derive(Serialize, Default, Clone)]
pub struct When {
    pub j: String,
    pub m: String,
    pub a: String,
    pub h: String,
}

impl When {
    fn read(f: &Fields, prefix: &str) -> When {
        When {
            j: f.get(&format!("{prefix}_j")).trim().to_string(),
            m: f.get(&format!("{prefix}_m")).trim().to_string(),
            a: f.get(&format!("{prefix}_a")).trim().to_string(),
            h: f.get(&format!("{prefix}_h")).trim().to_string(),
        }
    }
    fn of(t: DateTime<Utc>) -> When {
        let l = t.with_timezone(&LOCAL_TZ);
        When {
            j: l.day().to_string(),
            m: l.month().to_string(),
            a: l.year().to_string(),
            h: format!("{:02}:{:02}", l.hour(), l.minute()),
        }
    }
    fn of_date(d: NaiveDate) -> When {
        When {
            j: d.day().to_string(),
            m: d.month().to_string(),
            a: d.year().to_string(),
            h: String::new(),
        }
    }
    fn is_empty(&self) -> bool {
        self.j.is_empty() && self.m.is_empty() && self.a.is_empty() && self.h.is_empty()
    }
    fn date(&self) -> Option<NaiveDate> {
        day(&self.j, &self.m, &self.a)
    }
}

/// "8:00", "8h", "08:30", "8 h 30".
pub fn time_of(s: &str) -> Option<NaiveTime> {
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let s = s.to_lowercase().replace(['h', '.'], ":");
    let (h, m) = match s.split_once(':') {
        Some((h, "")) => (h, "0"),
        Some((h, m)) => (h, m),
        None => (s.as_str(), "0"),
    };
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if h == 24 && m == 0 {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, 0)
}

#[derive(Serialize, Default, Clone)]
pub struct PeriodRow {
    pub debut: When,
    pub fin: When,
}

#[derive(Serialize, Default, Clone)]
pub struct WeeklyRow {
    pub du: When,
    pub au: When,
    pub jours: Vec<String>,
    pub de: String,
    pub a: String,
}

/// Everything the form shows, as typed (so that every answer is kept on an error).
#[derive(Serialize, Default, Clone)]
pub struct FormView {
    pub kind: String,
    pub title: String,
    pub description: String,
    pub status: String,
    pub public: bool,
    pub forme: String,
    pub coordonnees: String,
    pub periods: Vec<PeriodRow>,
    pub weekly: Vec<WeeklyRow>,
    pub exceptions: String,
    pub serves: Vec<String>,
    pub panneaux: When,
    /// The project the feature belongs to (an id), or empty.
    pub projet: String,
    pub version: i64,
}

fn coords_text(cs: impl Iterator<Item = Coord<f64>>) -> String {
    cs.map(|c| format!("{:.6}, {:.6}", c.y, c.x))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A geometry as the form writes it: a shape and "latitude, longitude" lines, or GeoJSON
/// for shapes the lines cannot say (several parts, holes).
pub fn geometry_text(g: &Geometry<f64>) -> (String, String) {
    match g {
        Geometry::Point(p) => ("point".into(), coords_text(std::iter::once(p.0))),
        Geometry::LineString(l) => ("ligne".into(), coords_text(l.coords().copied())),
        Geometry::Polygon(p) if p.interiors().is_empty() => {
            let ring = p.exterior();
            let n = ring.0.len().saturating_sub(1);
            ("zone".into(), coords_text(ring.coords().take(n).copied()))
        }
        other => ("geojson".into(), geojson::Geometry::from(other).to_string()),
    }
}

fn parse_coordinates(text: &str) -> Result<Vec<Coord<f64>>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // "50.5794, 4.0712" or, with decimal commas, "50,5794 4,0712" / "50,5794; 4,0712"
        let parts: Vec<String> = if line.contains('.') {
            line.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect()
        } else {
            line.split(|c: char| c == ';' || c.is_whitespace())
                .filter(|s| !s.is_empty())
                .map(|s| s.replace(',', "."))
                .collect()
        };
        let nums: Option<Vec<f64>> = parts.iter().map(|p| p.parse::<f64>().ok()).collect();
        match nums.as_deref() {
            Some([lat, lon]) if (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon) => {
                out.push(Coord { x: *lon, y: *lat })
            }
            _ => return Err(format!("{}", n + 1)),
        }
    }
    Ok(out)
}

/// What the agent typed, read from a submitted form.
pub fn read(f: &Fields) -> FormView {
    let count = |prefix: &str| {
        (0..MAX_ROWS)
            .take_while(|i| {
                f.0.iter()
                    .any(|(k, _)| k.starts_with(&format!("{prefix}{i}_")))
            })
            .count()
    };
    let periods = (0..count("p"))
        .map(|i| PeriodRow {
            debut: When::read(f, &format!("p{i}_debut")),
            fin: When::read(f, &format!("p{i}_fin")),
        })
        .collect();
    let weekly = (0..count("s"))
        .map(|i| WeeklyRow {
            du: When::read(f, &format!("s{i}_du")),
            au: When::read(f, &format!("s{i}_au")),
            jours: f.all(&format!("s{i}_jours")),
            de: f.get(&format!("s{i}_de")).trim().to_string(),
            a: f.get(&format!("s{i}_a")).trim().to_string(),
        })
        .collect();
    FormView {
        kind: f.get("kind").to_string(),
        title: f.get("title").trim().to_string(),
        description: f.get("description").trim().to_string(),
        status: f.get("status").to_string(),
        public: f.get("public") == "oui",
        forme: f.get("forme").to_string(),
        coordonnees: f.get("coordonnees").trim().to_string(),
        periods,
        weekly,
        exceptions: f.get("exceptions").trim().to_string(),
        serves: f.all("sert"),
        panneaux: When::read(f, "panneaux"),
        projet: f.get("projet").trim().to_string(),
        version: f.get("version").parse().unwrap_or(0),
    }
}

/// A stored feature, as the form shows it.
pub fn of_feature(feat: &Feature) -> FormView {
    let (forme, coordonnees) = geometry_text(&feat.geometry);
    let s = &feat.schedule;
    FormView {
        kind: feat.kind.as_str().into(),
        title: feat.title.clone(),
        description: feat.description.clone(),
        status: feat.status.clone(),
        public: feat.visibility == Visibility::Public,
        forme,
        coordonnees,
        periods: s
            .periods
            .iter()
            .map(|p| PeriodRow {
                debut: When::of(p.start),
                fin: p.end.map(When::of).unwrap_or_default(),
            })
            .collect(),
        weekly: s
            .recurring
            .iter()
            .map(|r| WeeklyRow {
                du: When::of_date(r.first_day),
                au: When::of_date(r.last_day),
                jours: r
                    .days
                    .iter()
                    .filter_map(|d| {
                        DAYS.iter()
                            .find(|(_, x)| x == d)
                            .map(|(n, _)| n.to_string())
                    })
                    .collect(),
                de: r.start_time.format("%H:%M").to_string(),
                a: r.end_time.format("%H:%M").to_string(),
            })
            .collect(),
        exceptions: s
            .exceptions
            .iter()
            .map(|d| d.format("%d/%m/%Y").to_string())
            .collect::<Vec<_>>()
            .join(", "),
        serves: feat
            .attributes
            .get("serves")
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        panneaux: feat
            .attributes
            .get("signalisation_posee")
            .and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|d| When::of(d.with_timezone(&Utc)))
            .unwrap_or_default(),
        projet: feat
            .attributes
            .get("projet")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        version: feat.version,
    }
}

impl FormView {
    /// A new feature of this kind: planned, internal until published.
    pub fn new(kind: Kind) -> FormView {
        FormView {
            kind: kind.as_str().into(),
            status: kind.statuses()[0].into(),
            forme: if kind == Kind::Event {
                "point"
            } else {
                "ligne"
            }
            .into(),
            ..Default::default()
        }
    }

    /// Adds the empty rows the form offers for more periods and a weekly window.
    pub fn with_spare_rows(mut self) -> FormView {
        let filled = self
            .periods
            .iter()
            .filter(|p| !p.debut.is_empty() || !p.fin.is_empty())
            .count();
        self.periods
            .truncate(filled.max(self.periods.len().min(filled + SPARE_PERIODS)));
        while self.periods.len() < filled + SPARE_PERIODS && self.periods.len() < MAX_ROWS {
            self.periods.push(PeriodRow::default());
        }
        if self
            .weekly
            .iter()
            .all(|w| !w.du.is_empty() || !w.de.is_empty())
            && self.weekly.len() < MAX_ROWS
        {
            self.weekly.push(WeeklyRow::default());
        }
        self
    }
}

/// A wrong answer, as a translation key and arguments, before the page's language is known.
pub struct Fault {
    pub field: String,
    pub key: &'static str,
    pub arg: Option<String>,
}

fn fault(field: impl Into<String>, key: &'static str) -> Fault {
    Fault {
        field: field.into(),
        key,
        arg: None,
    }
}

fn instant(w: &When, prefix: &str, end: bool, faults: &mut Vec<Fault>) -> Option<DateTime<Utc>> {
    let Some(d) = w.date() else {
        faults.push(fault(format!("{prefix}_j"), "form-error-date"));
        return None;
    };
    let t = if w.h.is_empty() {
        None
    } else {
        match time_of(&w.h) {
            Some(t) => Some(t),
            None if w.h.trim() == "24:00" || w.h.trim() == "24h" => None,
            None => {
                faults.push(fault(format!("{prefix}_h"), "form-error-time"));
                return None;
            }
        }
    };
    Some(match (t, end) {
        (Some(t), _) => local_to_utc(d.and_time(t)),
        // a day without a time: from its start, or to its end
        (None, false) => local_to_utc(d.and_time(NaiveTime::MIN)),
        (None, true) => local_to_utc((d + Duration::days(1)).and_time(NaiveTime::MIN)),
    })
}

/// Reads the form into a draft, or says what is wrong with which field.
pub fn draft(v: &FormView) -> Result<FeatureDraft, Vec<Fault>> {
    let mut faults = Vec::new();
    let kind = Kind::parse(&v.kind).filter(|k| DRAWN.contains(k));
    if kind.is_none() {
        faults.push(fault("kind", "form-error-kind"));
    }
    if v.title.is_empty() {
        faults.push(fault("title", "form-error-title"));
    } else if v.title.chars().count() > crate::model::feature::MAX_TITLE_CHARS {
        faults.push(fault("title", "form-error-title-long"));
    }
    let geometry = if v.coordonnees.starts_with('{') {
        serde_json::from_str::<Value>(&v.coordonnees)
            .ok()
            .and_then(|j| crate::wire::geometry_from_json(&j, "/geometry").ok())
    } else {
        match parse_coordinates(&v.coordonnees) {
            Err(line) => {
                faults.push(Fault {
                    field: "coordonnees".into(),
                    key: "form-error-coordinates-line",
                    arg: Some(line),
                });
                None
            }
            Ok(cs) => match (v.forme.as_str(), cs.len()) {
                (_, 0) => {
                    faults.push(fault("coordonnees", "form-error-coordinates-none"));
                    None
                }
                ("point", 1) => Some(Geometry::Point(Point(cs[0]))),
                ("ligne", n) if n >= 2 => Some(Geometry::LineString(LineString(cs))),
                ("zone", n) if n >= 3 => {
                    let mut ring = cs;
                    ring.push(ring[0]);
                    Some(Geometry::Polygon(Polygon::new(LineString(ring), vec![])))
                }
                _ => {
                    faults.push(fault("coordonnees", "form-error-coordinates-count"));
                    None
                }
            },
        }
    };
    if geometry.is_none() && !faults.iter().any(|f| f.field == "coordonnees") {
        faults.push(fault("coordonnees", "form-error-geojson"));
    }
    let mut schedule = Schedule::default();
    for (i, p) in v.periods.iter().enumerate() {
        if p.debut.is_empty() && p.fin.is_empty() {
            continue;
        }
        let start = instant(&p.debut, &format!("p{i}_debut"), false, &mut faults);
        let end = if p.fin.is_empty() {
            None
        } else {
            instant(&p.fin, &format!("p{i}_fin"), true, &mut faults)
        };
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            faults.push(fault(format!("p{i}_fin_j"), "form-error-end-before-start"));
        }
        if let Some(start) = start {
            schedule.periods.push(Period { start, end });
        }
    }
    for (i, w) in v.weekly.iter().enumerate() {
        if w.du.is_empty()
            && w.au.is_empty()
            && w.de.is_empty()
            && w.a.is_empty()
            && w.jours.is_empty()
        {
            continue;
        }
        let first = w.du.date();
        let last = w.au.date();
        if first.is_none() {
            faults.push(fault(format!("s{i}_du_j"), "form-error-date"));
        }
        if last.is_none() {
            faults.push(fault(format!("s{i}_au_j"), "form-error-date"));
        }
        let days: Vec<Day> = DAYS
            .iter()
            .filter(|(n, _)| w.jours.iter().any(|j| j == n))
            .map(|(_, d)| *d)
            .collect();
        if days.is_empty() {
            faults.push(fault(format!("s{i}_jours"), "form-error-days"));
        }
        let (from, to) = (time_of(&w.de), time_of(&w.a));
        if from.is_none() {
            faults.push(fault(format!("s{i}_de"), "form-error-time"));
        }
        if to.is_none() {
            faults.push(fault(format!("s{i}_a"), "form-error-time"));
        }
        if let (Some(first_day), Some(last_day), Some(start_time), Some(end_time)) =
            (first, last, from, to)
        {
            if last_day < first_day {
                faults.push(fault(format!("s{i}_au_j"), "form-error-end-before-start"));
            }
            schedule.recurring.push(Recurrence {
                first_day,
                last_day,
                days,
                start_time,
                end_time,
            });
        }
    }
    for part in v
        .exceptions
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let nums: Vec<&str> = part.split(['/', '-', '.']).collect();
        match nums[..] {
            [j, m, a] => match day(j, m, a) {
                Some(d) => schedule.exceptions.push(d),
                None => faults.push(fault("exceptions", "form-error-exceptions")),
            },
            _ => faults.push(fault("exceptions", "form-error-exceptions")),
        }
    }
    if schedule.periods.is_empty()
        && schedule.recurring.is_empty()
        && !faults
            .iter()
            .any(|f| f.field.starts_with('p') || f.field.starts_with('s'))
    {
        faults.push(fault("p0_debut_j", "form-error-schedule-empty"));
    }
    let mut attributes = Map::new();
    if kind == Some(Kind::Diversion) && !v.serves.is_empty() {
        attributes.insert(
            "serves".into(),
            Value::Array(v.serves.iter().cloned().map(Value::String).collect()),
        );
    }
    if kind == Some(Kind::ParkingBan)
        && !v.panneaux.is_empty()
        && let Some(t) = instant(&v.panneaux, "panneaux", false, &mut faults)
    {
        attributes.insert(
            "signalisation_posee".into(),
            Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        );
    }
    if let Ok(p) = uuid::Uuid::parse_str(&v.projet) {
        attributes.insert("projet".into(), Value::String(p.to_string()));
    }
    match (kind, geometry, faults.is_empty()) {
        (Some(kind), Some(geometry), true) => Ok(FeatureDraft {
            commune: None,
            kind,
            geometry,
            schedule,
            status: Some(v.status.clone()).filter(|s| !s.is_empty()),
            title: v.title.clone(),
            description: v.description.clone(),
            attributes,
            visibility: if v.public {
                Visibility::Public
            } else {
                Visibility::Internal
            },
        }),
        _ => Err(faults),
    }
}

/// The model's objections to a draft, as form faults.
pub fn faults_of(errors: &[FieldError]) -> Vec<Fault> {
    errors
        .iter()
        .map(|e| {
            let p = e.pointer.as_str();
            if p.starts_with("/geometry") || p == "/properties/commune" {
                match e.code {
                    "outside_active_communes"
                    | "outside_territory"
                    | "outside_commune"
                    | "outside_margin"
                    | "unknown_location" => fault("coordonnees", "form-error-outside"),
                    _ => fault("coordonnees", "form-error-geometry"),
                }
            } else if p.starts_with("/properties/schedule") {
                let key = match e.code {
                    "end_before_start" => "form-error-end-before-start",
                    "recurrence_too_long" => "form-error-recurrence-long",
                    "schedule_too_large" => "form-error-schedule-large",
                    _ => "form-error-schedule-empty",
                };
                fault("p0_debut_j", key)
            } else if p.starts_with("/properties/status") {
                fault("status", "form-error-status")
            } else if p.starts_with("/properties/description") {
                fault("description", "form-error-description-long")
            } else {
                fault("title", "form-error-title")
            }
        })
        .collect()
}

/// The faults in the page's language.
pub fn messages(i18n: &super::i18n::I18n, lang: Lang, faults: Vec<Fault>) -> Vec<FieldErr> {
    let mut out: Vec<FieldErr> = Vec::new();
    for f in faults {
        let message = match &f.arg {
            Some(a) => i18n.tf(lang, f.key, &[("line", a.clone().into())]),
            None => i18n.t(lang, f.key, None),
        };
        if !out
            .iter()
            .any(|e| e.field == f.field && e.message == message)
        {
            out.push(FieldErr {
                field: f.field.into(),
                message,
            });
        }
    }
    out
}

/// Hours between a parking ban's signs going up and its start, when under the legal
/// lead time: the warning the form and the page show.
pub fn signage_short(f: &Feature) -> Option<i64> {
    if f.kind != Kind::ParkingBan {
        return None;
    }
    let start = f.schedule.expand().first()?.start;
    let posted = f
        .attributes
        .get("signalisation_posee")
        .and_then(Value::as_str)
        .and_then(|s| DateTime::parse_from_rfc3339(s).ok())?
        .timestamp();
    let lead = (start - posted) / 3600;
    (lead < SIGNAGE_LEAD_HOURS).then_some(lead)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn a_typed_form_becomes_a_draft_and_back() {
        let f = fields(&[
            ("kind", "works"),
            ("title", "Réfection de la rue"),
            ("forme", "zone"),
            (
                "coordonnees",
                "50.5790, 4.0700\n50,5795 4,0700\n50.5795; 4.0710",
            ),
            ("p0_debut_j", "7"),
            ("p0_debut_m", "12"),
            ("p0_debut_a", "2026"),
            ("p0_debut_h", "7h30"),
            ("p0_fin_j", "18"),
            ("p0_fin_m", "12"),
            ("p0_fin_a", "2026"),
            ("p0_fin_h", ""),
            ("s0_du_j", "7"),
            ("s0_du_m", "12"),
            ("s0_du_a", "2026"),
            ("s0_au_j", "11"),
            ("s0_au_m", "12"),
            ("s0_au_a", "2026"),
            ("s0_jours", "monday"),
            ("s0_jours", "friday"),
            ("s0_de", "8:00"),
            ("s0_a", "16:00"),
            ("exceptions", "08/12/2026"),
        ]);
        let view = read(&f);
        let d = draft(&view).unwrap_or_else(|e| {
            panic!(
                "{:?}",
                e.iter().map(|f| (&f.field, f.key)).collect::<Vec<_>>()
            )
        });
        assert!(matches!(d.geometry, Geometry::Polygon(_)));
        assert_eq!(d.schedule.periods.len(), 1);
        // a day without a time ends at its end
        assert_eq!(
            d.schedule.periods[0]
                .end
                .unwrap()
                .with_timezone(&LOCAL_TZ)
                .day(),
            19
        );
        assert_eq!(d.schedule.recurring[0].days, vec![Day::Monday, Day::Friday]);
        assert_eq!(d.visibility, Visibility::Internal);
    }

    #[test]
    fn faults_name_their_fields() {
        let f = fields(&[
            ("kind", "works"),
            ("forme", "ligne"),
            ("coordonnees", "50.57, 4.07\nnot a place"),
            ("p0_debut_j", "31"),
            ("p0_debut_m", "2"),
            ("p0_debut_a", "2026"),
        ]);
        let faults = draft(&read(&f)).unwrap_err();
        let named: Vec<(&str, &str)> = faults.iter().map(|f| (f.field.as_str(), f.key)).collect();
        assert!(named.contains(&("title", "form-error-title")), "{named:?}");
        assert!(
            named.contains(&("coordonnees", "form-error-coordinates-line")),
            "{named:?}"
        );
        assert!(
            named.contains(&("p0_debut_j", "form-error-date")),
            "{named:?}"
        );
        assert_eq!(time_of("8 h 30"), NaiveTime::from_hms_opt(8, 30, 0));
    }
}
