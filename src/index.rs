//! The live spatio-temporal index: every feature in memory, in an R*-tree.
//!
//! The index is *derived state*. It is bulk-loaded from the database at start, and
//! changed only after the database has committed a write, so it never holds anything the
//! database does not. Each entry carries the feature's expanded schedule, so a time
//! filter is a binary search, and the feature itself, so that reads never touch the
//! database.
//!
//! Tree leaves carry a compact copy of the filter fields (kind, visibility, commune,
//! overall time span) beside the entry pointer: most candidates of a wide query are
//! rejected there, without the cache misses of following pointers into the heap.
//!
//! Writes may reach the index out of order (two requests, or a change event from another
//! instance racing a local write): an entry is only replaced by a higher version, and a
//! deletion leaves a tombstone so that a late, older upsert cannot bring a feature back.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use geo::{BoundingRect, Coord, Intersects, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use uuid::Uuid;

use crate::model::{Feature, Interval, Kind, TimeFilter, Visibility};

/// A feature as the index holds it.
#[derive(Debug)]
pub struct Entry {
    pub feature: Feature,
    pub intervals: Vec<Interval>,
    pub bbox: Rect<f64>,
}

impl Entry {
    pub fn new(feature: Feature) -> Option<Arc<Entry>> {
        let bbox = feature.geometry.bounding_rect()?;
        let intervals = feature.schedule.expand();
        Some(Arc::new(Entry {
            feature,
            intervals,
            bbox,
        }))
    }
}

/// What a reader asks for. Empty `kinds` (a bit set of `Kind::bit`) means every kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub bbox: Option<Rect<f64>>,
    pub time: TimeFilter,
    pub kinds: u8,
    pub commune: Option<String>,
    /// Whose internal features may match besides the public ones.
    pub internal: Scope,
}

/// The communes whose internal features a reader may see (`policy::Actor::scope`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    None,
    All,
    /// NIS codes.
    Communes(Vec<String>),
}

impl Scope {
    pub fn includes(&self, commune: &str) -> bool {
        match self {
            Scope::None => false,
            Scope::All => true,
            Scope::Communes(c) => c.iter().any(|c| c == commune),
        }
    }
}

impl Default for Query {
    fn default() -> Self {
        Query {
            bbox: None,
            time: TimeFilter::Any,
            kinds: 0,
            commune: None,
            internal: Scope::None,
        }
    }
}

impl Query {
    /// The filters other than space: shared by the index and the brute-force check.
    pub fn accepts(&self, e: &Entry) -> bool {
        let f = &e.feature;
        (self.kinds == 0 || self.kinds & f.kind.bit() != 0)
            && (f.visibility == Visibility::Public || self.internal.includes(&f.commune))
            && self.commune.as_deref().is_none_or(|c| c == f.commune)
            && self.time.matches(&e.intervals)
    }

    /// Exact spatial test: the geometry itself (not only its box) meets the query box.
    pub fn meets_bbox(&self, e: &Entry) -> bool {
        match &self.bbox {
            None => true,
            Some(b) => b.intersects(&e.bbox) && b.intersects(&e.feature.geometry),
        }
    }
}

/// What a tree leaf carries besides its box: enough to reject most candidates without
/// following the pointer to the entry (a cache miss each), and the entry itself.
#[derive(Clone)]
struct Leaf {
    entry: Arc<Entry>,
    kind: u8,
    public: bool,
    commune: u32,
    /// First start and last end of the intervals; exact when there is one interval.
    span: Interval,
    single: bool,
    shape: Shape,
}

/// The kind of geometry, as far as a box test cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One point: its box is the point, so the box test is exact.
    Point,
    MultiPoint,
    /// Lines and areas.
    Other,
}

impl Shape {
    fn of(g: &geo::Geometry<f64>) -> Shape {
        match g {
            geo::Geometry::Point(_) => Shape::Point,
            geo::Geometry::MultiPoint(_) => Shape::MultiPoint,
            _ => Shape::Other,
        }
    }
}

/// One match of [`Index::visit`]: what a reader needs to sort matches out (the box and the
/// shape) without following the pointer to the entry, and the entry for those it keeps.
pub struct Hit<'a> {
    pub entry: &'a Arc<Entry>,
    pub bbox: Rect<f64>,
    pub shape: Shape,
}

impl PartialEq for Leaf {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.entry, &other.entry)
    }
}

type Node = GeomWithData<Rectangle<[f64; 2]>, Leaf>;

fn corners(r: &Rect<f64>) -> ([f64; 2], [f64; 2]) {
    ([r.min().x, r.min().y], [r.max().x, r.max().y])
}

#[derive(Default)]
pub struct Index {
    tree: RTree<Node>,
    entries: BTreeMap<Uuid, Arc<Entry>>,
    tombstones: HashMap<Uuid, i64>,
    communes: Vec<String>,
    /// Reports by reference (`attributes.reference`), for following a report.
    references: HashMap<String, Uuid>,
}

fn reference_of(f: &Feature) -> Option<&str> {
    (f.kind == Kind::Report)
        .then(|| f.attributes.get("reference")?.as_str())
        .flatten()
}

/// Outcome of applying a change, for tile invalidation: the boxes that changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Applied {
    pub old_bbox: Option<Rect<f64>>,
    pub new_bbox: Option<Rect<f64>>,
    pub kinds: u8,
}

/// A query with its commune resolved to the index's numbering.
struct Compiled<'q> {
    q: &'q Query,
    commune: Option<u32>,
    /// Communes whose internal leaves match (`None`: every commune's; empty: none).
    internal: Option<Vec<u32>>,
    /// `[from, to)` of the time filter, for the coarse span test.
    window: Option<(i64, i64)>,
}

impl Compiled<'_> {
    fn leaf_may_match(&self, l: &Leaf) -> bool {
        (self.q.kinds == 0 || self.q.kinds & l.kind != 0)
            && (l.public
                || match &self.internal {
                    None => true,
                    Some(allowed) => allowed.contains(&l.commune),
                })
            && self.commune.is_none_or(|c| c == l.commune)
            && self
                .window
                .is_none_or(|(from, to)| l.span.overlaps(from, to))
    }

    /// Whether a leaf whose box `own` meets the query box `bbox` matches. Follows the
    /// pointer to the entry only when the leaf's own fields cannot tell: several
    /// intervals, or a shape that only partly overlaps the query box.
    fn leaf_matches(&self, l: &Leaf, own: &Rect<f64>, bbox: &Rect<f64>) -> bool {
        if !self.leaf_may_match(l) {
            return false;
        }
        // the span test is exact for one interval; otherwise look at each
        if !l.single && !self.q.time.matches(&l.entry.intervals) {
            return false;
        }
        // box inside the query box, or a point: the tree's box test was exact
        let inside = bbox.min().x <= own.min().x
            && bbox.min().y <= own.min().y
            && own.max().x <= bbox.max().x
            && own.max().y <= bbox.max().y;
        inside || l.shape == Shape::Point || bbox.intersects(&l.entry.feature.geometry)
    }
}

impl Index {
    /// Builds the index in one pass (R*-tree bulk load), much faster than inserting.
    pub fn bulk_load(features: impl IntoIterator<Item = Feature>) -> Index {
        let mut index = Index::default();
        let entries: BTreeMap<Uuid, Arc<Entry>> = features
            .into_iter()
            .filter_map(Entry::new)
            .map(|e| (e.feature.id, e))
            .collect();
        let nodes = entries.values().map(|e| index.node(e)).collect();
        index.tree = RTree::bulk_load(nodes);
        index.references = entries
            .values()
            .filter_map(|e| Some((reference_of(&e.feature)?.to_string(), e.feature.id)))
            .collect();
        index.entries = entries;
        index
    }

    fn commune_number(&mut self, nis: &str) -> u32 {
        match self.communes.iter().position(|c| c == nis) {
            Some(i) => i as u32,
            None => {
                self.communes.push(nis.to_string());
                (self.communes.len() - 1) as u32
            }
        }
    }

    fn node(&mut self, e: &Arc<Entry>) -> Node {
        let f = &e.feature;
        let span = match (e.intervals.first(), e.intervals.last()) {
            (Some(a), Some(b)) => Interval {
                start: a.start,
                end: b.end,
            },
            _ => Interval { start: 0, end: 0 },
        };
        let leaf = Leaf {
            entry: e.clone(),
            kind: f.kind.bit(),
            public: f.visibility == Visibility::Public,
            commune: self.commune_number(&f.commune),
            span,
            single: e.intervals.len() == 1,
            shape: Shape::of(&f.geometry),
        };
        let (a, b) = corners(&e.bbox);
        GeomWithData::new(Rectangle::from_corners(a, b), leaf)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn get(&self, id: &Uuid) -> Option<&Arc<Entry>> {
        self.entries.get(id)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<Entry>> {
        self.entries.values()
    }

    fn remove_node(&mut self, old: &Arc<Entry>) {
        let node = self.node(old);
        self.tree.remove(&node);
    }

    /// Inserts or replaces a feature, unless the index already holds a newer version
    /// (or the feature was deleted at a later version).
    pub fn upsert(&mut self, feature: Feature) -> Option<Applied> {
        let id = feature.id;
        if self
            .tombstones
            .get(&id)
            .is_some_and(|v| *v >= feature.version)
        {
            return None;
        }
        if self
            .entries
            .get(&id)
            .is_some_and(|e| e.feature.version >= feature.version)
        {
            return None;
        }
        let entry = Entry::new(feature)?;
        let mut applied = Applied {
            new_bbox: Some(entry.bbox),
            kinds: entry.feature.kind.bit(),
            ..Default::default()
        };
        if let Some(old) = self.entries.remove(&id) {
            self.remove_node(&old);
            applied.old_bbox = Some(old.bbox);
            applied.kinds |= old.feature.kind.bit();
            if let Some(r) = reference_of(&old.feature) {
                self.references.remove(r);
            }
        }
        if let Some(r) = reference_of(&entry.feature) {
            self.references.insert(r.to_string(), id);
        }
        let node = self.node(&entry);
        self.tree.insert(node);
        self.entries.insert(id, entry);
        Some(applied)
    }

    /// Removes a feature deleted at `version` (the version it had when deleted).
    pub fn remove(&mut self, id: Uuid, version: i64) -> Option<Applied> {
        let tomb = self.tombstones.entry(id).or_insert(version);
        *tomb = (*tomb).max(version);
        match self.entries.get(&id) {
            Some(e) if e.feature.version <= version => {
                let old = self.entries.remove(&id).expect("present");
                self.remove_node(&old);
                if let Some(r) = reference_of(&old.feature) {
                    self.references.remove(r);
                }
                Some(Applied {
                    old_bbox: Some(old.bbox),
                    new_bbox: None,
                    kinds: old.feature.kind.bit(),
                })
            }
            _ => None,
        }
    }

    /// The report with this reference.
    pub fn by_reference(&self, reference: &str) -> Option<&Arc<Entry>> {
        self.references
            .get(reference)
            .and_then(|id| self.entries.get(id))
    }

    /// The references in use, for numbering new reports.
    pub fn references(&self) -> impl Iterator<Item = &str> {
        self.references.keys().map(String::as_str)
    }

    /// Every entry matching the query, in id order (UUIDv7: creation order), which
    /// gives stable paging.
    pub fn query(&self, q: &Query) -> Vec<Arc<Entry>> {
        let mut out = Vec::new();
        self.visit(q, |hit| out.push(hit.entry.clone()));
        if q.bbox.is_some() {
            out.sort_unstable_by_key(|e| e.feature.id);
        }
        out
    }

    /// Calls `f` with every match of the query, in no particular order, without cloning
    /// anything: a tile zoomed out over a town meets hundreds of thousands of matches and
    /// keeps few of them, so it sorts them out from the box and shape the tree holds.
    pub fn visit<'a>(&'a self, q: &Query, mut f: impl FnMut(Hit<'a>)) {
        let commune = match &q.commune {
            Some(nis) => match self.communes.iter().position(|c| c == nis) {
                Some(i) => Some(i as u32),
                None => return,
            },
            None => None,
        };
        let window = match q.time {
            TimeFilter::Any => None,
            TimeFilter::At(t) => Some((t, t.saturating_add(1))),
            TimeFilter::Range(from, to) => Some((from, to)),
        };
        let internal = match &q.internal {
            Scope::All => None,
            Scope::None => Some(Vec::new()),
            Scope::Communes(list) => Some(
                list.iter()
                    .filter_map(|nis| self.communes.iter().position(|c| c == nis))
                    .map(|i| i as u32)
                    .collect(),
            ),
        };
        let c = Compiled {
            q,
            commune,
            internal,
            window,
        };
        match &q.bbox {
            Some(b) => {
                let (lo, hi) = corners(b);
                for n in self
                    .tree
                    .locate_in_envelope_intersecting(&AABB::from_corners(lo, hi))
                {
                    let env = n.geom();
                    let own = Rect::new(
                        Coord {
                            x: env.lower()[0],
                            y: env.lower()[1],
                        },
                        Coord {
                            x: env.upper()[0],
                            y: env.upper()[1],
                        },
                    );
                    if c.leaf_matches(&n.data, &own, b) {
                        f(Hit {
                            entry: &n.data.entry,
                            bbox: own,
                            shape: n.data.shape,
                        });
                    }
                }
            }
            // in id order already
            None => {
                for e in self.entries.values().filter(|e| q.accepts(e)) {
                    f(Hit {
                        entry: e,
                        bbox: e.bbox,
                        shape: Shape::of(&e.feature.geometry),
                    });
                }
            }
        }
    }

    /// How many features of each kind, for metrics.
    pub fn count_by_kind(&self) -> Vec<(Kind, usize)> {
        let mut counts = [0usize; Kind::ALL.len()];
        for e in self.entries.values() {
            counts[e.feature.kind as usize] += 1;
        }
        Kind::ALL.into_iter().zip(counts).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schedule;
    use chrono::{TimeZone, Utc};

    fn report(id: u128, version: i64, reference: &str) -> Feature {
        let t = Utc.with_ymd_and_hms(2026, 11, 1, 0, 0, 0).unwrap();
        let mut attributes = serde_json::Map::new();
        attributes.insert("reference".into(), reference.into());
        Feature {
            id: Uuid::from_u128(id),
            commune: "55040".into(),
            kind: Kind::Report,
            geometry: geo_types::Point::new(4.07, 50.58).into(),
            schedule: Schedule::period(t, None),
            status: "new".into(),
            title: "t".into(),
            description: String::new(),
            attributes,
            visibility: Visibility::Public,
            version,
            created_at: t,
            updated_at: t,
        }
    }

    #[test]
    fn references_follow_writes_and_deletions() {
        let mut index = Index::bulk_load([report(1, 1, "SOI-2026-00001")]);
        assert_eq!(
            index.by_reference("SOI-2026-00001").unwrap().feature.id,
            Uuid::from_u128(1)
        );
        index.upsert(report(2, 1, "SOI-2026-00002"));
        // a newer version with another reference replaces the old one
        index.upsert(report(1, 2, "SOI-2026-00009"));
        assert!(index.by_reference("SOI-2026-00001").is_none());
        assert!(index.by_reference("SOI-2026-00009").is_some());
        let mut refs: Vec<&str> = index.references().collect();
        refs.sort();
        assert_eq!(refs, ["SOI-2026-00002", "SOI-2026-00009"]);
        index.remove(Uuid::from_u128(2), 2);
        assert!(index.by_reference("SOI-2026-00002").is_none());
    }
}
