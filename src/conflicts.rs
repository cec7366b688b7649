//! Finding conflicts in the live index, and where each commune stands on them.
//!
//! The rules (which kinds clash, what "near" and "at the same time" mean) are the
//! model's (`model::conflict`); here the index narrows the candidates to those whose box,
//! widened by the buffer, meets the subject's and whose span meets its periods. Each
//! commune's settings give its buffer and its clashing pairs; between two communes the
//! wider buffer and either's pairs count, so a conflict across the border is the same
//! conflict for both towns.

use std::collections::BTreeSet;
use std::sync::Arc;

use geo::{BoundingRect, Coord, Geometry, Rect};
use uuid::Uuid;

use crate::index::{Entry, Index, Query, Scope};
use crate::model::conflict::{self, Assessment, Clash, Recorded, Side};
use crate::model::schedule::Interval;
use crate::model::{Kind, Territory, TimeFilter};

/// What is checked for conflicts: a stored feature, or a draft being drawn.
pub struct Subject<'a> {
    /// Left out of the results (the feature itself, when it is stored).
    pub id: Option<Uuid>,
    pub commune: &'a str,
    pub kind: Kind,
    pub status: &'a str,
    pub geometry: &'a Geometry<f64>,
    pub intervals: &'a [Interval],
}

impl<'a> Subject<'a> {
    pub fn of(e: &'a Entry) -> Subject<'a> {
        Subject {
            id: Some(e.feature.id),
            commune: &e.feature.commune,
            kind: e.feature.kind,
            status: &e.feature.status,
            geometry: &e.feature.geometry,
            intervals: &e.intervals,
        }
    }
}

/// One feature the subject conflicts with.
#[derive(Clone)]
pub struct Found {
    pub other: Arc<Entry>,
    pub clash: Clash,
}

fn buffer_of(territory: &Territory, commune: &str) -> f64 {
    territory
        .get(commune)
        .map_or(20.0, |c| c.settings.conflict_buffer_m)
}

fn pairs_clash(territory: &Territory, a: &str, b: &str, ka: Kind, kb: Kind) -> bool {
    [a, b].iter().any(|nis| match territory.get(nis) {
        Some(c) => conflict::clashes(&c.settings.conflict_pairs, ka, kb),
        None => conflict::clashes(&conflict::DEFAULT_PAIRS, ka, kb),
    })
}

/// Whether two features conflict, under the settings of their communes.
pub fn between(territory: &Territory, a: &Subject, b: &Subject) -> Option<Clash> {
    if !pairs_clash(territory, a.commune, b.commune, a.kind, b.kind) {
        return None;
    }
    let buffer = buffer_of(territory, a.commune).max(buffer_of(territory, b.commune));
    fn side<'s>(s: &Subject<'s>) -> Side<'s> {
        Side {
            kind: s.kind,
            status: s.status,
            geometry: s.geometry,
            intervals: s.intervals,
        }
    }
    // the pair was checked above with both communes' rules
    conflict::clash(&[[a.kind, b.kind]], buffer, &side(a), &side(b))
}

/// A box widened by `metres` on every side.
fn widen(r: Rect<f64>, metres: f64) -> Rect<f64> {
    let dy = metres / 111_132.0;
    let lat = r.max().y.abs().max(r.min().y.abs()).min(89.0);
    let dx = metres / (111_132.0 * lat.to_radians().cos());
    Rect::new(
        Coord {
            x: r.min().x - dx,
            y: r.min().y - dy,
        },
        Coord {
            x: r.max().x + dx,
            y: r.max().y + dy,
        },
    )
}

/// Every feature of the index the subject conflicts with, nearest first.
pub fn find(index: &Index, territory: &Territory, s: &Subject) -> Vec<Found> {
    let (Some(bbox), Some(first), Some(last)) = (
        s.geometry.bounding_rect(),
        s.intervals.first(),
        s.intervals.last(),
    ) else {
        return Vec::new();
    };
    if conflict::ENDED.contains(&s.status) {
        return Vec::new();
    }
    // the widest buffer any commune uses bounds the search; each pair then uses its own
    let widest = territory
        .communes()
        .map(|c| c.settings.conflict_buffer_m)
        .fold(buffer_of(territory, s.commune), f64::max);
    let q = Query {
        bbox: Some(widen(bbox, widest * 1.01 + 1.0)),
        time: TimeFilter::Range(first.start, last.end),
        internal: Scope::All,
        ..Default::default()
    };
    let mut out: Vec<Found> = index
        .query(&q)
        .into_iter()
        .filter(|e| Some(e.feature.id) != s.id)
        .filter_map(|e| {
            let clash = between(territory, s, &Subject::of(&e))?;
            Some(Found { other: e, clash })
        })
        .collect();
    out.sort_by(|a, b| {
        a.clash
            .distance_m
            .total_cmp(&b.clash.distance_m)
            .then(a.other.feature.id.cmp(&b.other.feature.id))
    });
    out
}

/// A conflict's two features in the order assessments name them (by id).
pub fn ordered(a: &Entry, b: &Entry) -> ((Uuid, i64), (Uuid, i64)) {
    let (x, y) = (
        (a.feature.id, a.feature.version),
        (b.feature.id, b.feature.version),
    );
    if x.0 <= y.0 { (x, y) } else { (y, x) }
}

/// Where one commune stands on a conflict, and its latest assessment if any.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Standing {
    pub commune: String,
    pub state: Assessment,
    pub latest: Option<Recorded>,
    /// The commune's assessments before the latest, oldest first.
    pub earlier: Vec<Recorded>,
}

/// The communes involved in a conflict (one or two), each with its standing, from the
/// assessments recorded for it (oldest first, as the store gives them).
pub fn standings(a: &Entry, b: &Entry, recorded: &[Recorded]) -> Vec<Standing> {
    let ((ia, va), (ib, vb)) = ordered(a, b);
    let communes: BTreeSet<&str> = [a.feature.commune.as_str(), b.feature.commune.as_str()]
        .into_iter()
        .collect();
    communes
        .into_iter()
        .map(|c| {
            let mut mine: Vec<Recorded> = recorded
                .iter()
                .filter(|r| r.features == (ia, ib) && r.commune == c)
                .cloned()
                .collect();
            let latest = mine.pop();
            let state = Assessment::of(latest.as_ref().map(|r| (r.verdict, r.versions)), (va, vb));
            Standing {
                commune: c.to_string(),
                state,
                latest,
                earlier: mine,
            }
        })
        .collect()
}

/// A conflict as the workspace and the API show it: the other feature, where and when
/// they clash, and where each commune involved stands.
#[derive(Clone)]
pub struct Listed {
    pub subject: Arc<Entry>,
    pub found: Found,
    pub standings: Vec<Standing>,
}

impl crate::app::App {
    /// The conflicts of a stored feature with the features this actor may read.
    pub async fn conflicts(
        &self,
        id: Uuid,
        actor: &crate::policy::Actor,
    ) -> crate::error::Result<Vec<Listed>> {
        let subject = self.get(id, actor)?;
        let territory = self.territory();
        let found: Vec<Found> = self
            .with_index(|index| find(index, &territory, &Subject::of(&subject)))
            .into_iter()
            .filter(|f| actor.may_read(&f.other.feature))
            .collect();
        let mut ids = vec![id];
        ids.extend(found.iter().map(|f| f.other.feature.id));
        let recorded = self.store.assessments(&ids).await?;
        Ok(found
            .into_iter()
            .map(|f| Listed {
                standings: standings(&subject, &f.other, &recorded),
                subject: subject.clone(),
                found: f,
            })
            .collect())
    }

    /// The conflicts a draft would have if saved (as an agent draws it): `exclude` is
    /// the feature being edited. The draft must pass the model's rules.
    pub async fn preview_conflicts(
        self: &Arc<Self>,
        draft: &crate::model::FeatureDraft,
        exclude: Option<Uuid>,
        actor: &crate::policy::Actor,
    ) -> crate::error::Result<Vec<Found>> {
        let checked = self
            .check_draft(draft)
            .await
            .map_err(crate::error::Error::Invalid)?;
        if !actor.may_write(&checked.commune) {
            return Err(crate::error::Error::Forbidden);
        }
        // the search walks every neighbour's geometry: off the async workers too
        let (app, kind, geometry) = (self.clone(), draft.kind, draft.geometry.clone());
        let found = crate::cpu::run(move || {
            let subject = Subject {
                id: exclude,
                commune: &checked.commune,
                kind,
                status: &checked.status,
                geometry: &geometry,
                intervals: &checked.intervals,
            };
            let territory = app.territory();
            app.with_index(|index| find(index, &territory, &subject))
        })
        .await;
        Ok(found
            .into_iter()
            .filter(|f| actor.may_read(&f.other.feature))
            .collect())
    }

    /// Every current or coming conflict involving a feature of `commune`, once each,
    /// the soonest first.
    pub async fn commune_conflicts(
        &self,
        commune: &str,
        actor: &crate::policy::Actor,
    ) -> crate::error::Result<Vec<Listed>> {
        if !actor.sees_internal(commune) {
            return Err(crate::error::Error::Forbidden);
        }
        let territory = self.territory();
        let now = crate::clock::now().timestamp();
        let q = Query {
            commune: Some(commune.to_string()),
            time: TimeFilter::Range(now, crate::model::schedule::OPEN_END),
            internal: actor.scope(),
            ..Default::default()
        };
        let mut pairs = BTreeSet::new();
        let mut found = Vec::new();
        // one short read of the index per feature, so that writes are not held up
        for subject in self.query(&q) {
            let near = self.with_index(|index| find(index, &territory, &Subject::of(&subject)));
            for f in near {
                let (a, b) = ordered(&subject, &f.other);
                if actor.may_read(&f.other.feature) && pairs.insert((a.0, b.0)) {
                    found.push((subject.clone(), f));
                }
            }
        }
        let recorded = self.store.all_assessments().await?;
        found.sort_by_key(|(_, f)| (f.clash.overlap.start, f.other.feature.id));
        Ok(found
            .into_iter()
            .map(|(subject, f)| Listed {
                standings: standings(&subject, &f.other, &recorded),
                subject,
                found: f,
            })
            .collect())
    }

    /// Records the assessment of the conflict between `id` and `other` for the commune
    /// of the actor involved in it (`commune` chooses when the actor plans for both).
    pub async fn assess(
        &self,
        actor: &crate::policy::Actor,
        id: Uuid,
        other: Uuid,
        commune: Option<&str>,
        verdict: conflict::Verdict,
        note: &str,
    ) -> crate::error::Result<Vec<Standing>> {
        use crate::error::Error;
        use crate::model::FieldError;
        let a = self.get(id, actor)?;
        let b = self.get(other, actor)?;
        if note.chars().count() > conflict::MAX_NOTE_CHARS {
            return Err(Error::Invalid(vec![FieldError::new(
                "/note",
                "too_long",
                format!(
                    "the note may hold at most {} characters",
                    conflict::MAX_NOTE_CHARS
                ),
            )]));
        }
        let territory = self.territory();
        if between(&territory, &Subject::of(&a), &Subject::of(&b)).is_none() {
            return Err(Error::NotFound(format!(
                "conflict between {id} and {other}"
            )));
        }
        let involved = [a.feature.commune.as_str(), b.feature.commune.as_str()];
        let commune = match commune {
            Some(c) if involved.contains(&c) => c,
            Some(c) => {
                return Err(Error::Invalid(vec![FieldError::new(
                    "/commune",
                    "not_involved",
                    format!("commune {c} is not involved in this conflict"),
                )]));
            }
            None => involved
                .into_iter()
                .find(|c| actor.may_assess(c))
                .ok_or(Error::Forbidden)?,
        };
        if !actor.may_assess(commune) {
            return Err(Error::Forbidden);
        }
        let ((ia, va), (ib, vb)) = ordered(&a, &b);
        self.store
            .assess(&Recorded {
                features: (ia, ib),
                commune: commune.to_string(),
                verdict,
                note: note.trim().to_string(),
                versions: (va, vb),
                actor: actor.label(),
                at: crate::clock::now().timestamp(),
            })
            .await?;
        let recorded = self.store.assessments(&[ia, ib]).await?;
        Ok(standings(&a, &b, &recorded))
    }

    /// Every assessment recorded for the conflict between two features, oldest first.
    pub async fn assessment_history(
        &self,
        actor: &crate::policy::Actor,
        id: Uuid,
        other: Uuid,
    ) -> crate::error::Result<Vec<Recorded>> {
        let a = self.get(id, actor)?;
        let b = self.get(other, actor)?;
        let ((ia, _), (ib, _)) = ordered(&a, &b);
        Ok(self
            .store
            .assessments(&[ia, ib])
            .await?
            .into_iter()
            .filter(|r| r.features == (ia, ib))
            .collect())
    }
}
