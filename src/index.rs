//! The live spatio-temporal index: every feature in memory, in an R*-tree.
//!
//! The index is *derived state*. It is bulk-loaded from the database at start, and
//! changed only after the database has committed a write, so it never holds anything the
//! database does not. Each entry carries the feature's expanded schedule, so a time
//! filter is a binary search, and the feature itself, so that reads never touch the
//! database.
//!
//! Writes may reach the index out of order (two requests, or a change event from another
//! instance racing a local write): an entry is only replaced by a higher version, and a
//! deletion leaves a tombstone so that a late, older upsert cannot bring a feature back.

use std::collections::HashMap;
use std::sync::Arc;

use geo::{BoundingRect, Intersects, Rect};
use rstar::primitives::{GeomWithData, Rectangle};
use rstar::{AABB, RTree};
use uuid::Uuid;

use crate::model::{Feature, Interval, Kind, TimeFilter, Visibility};

type Node = GeomWithData<Rectangle<[f64; 2]>, Uuid>;

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
    pub include_internal: bool,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            bbox: None,
            time: TimeFilter::Any,
            kinds: 0,
            commune: None,
            include_internal: false,
        }
    }
}

impl Query {
    /// The filters other than space: shared by the index and the brute-force check.
    pub fn accepts(&self, e: &Entry) -> bool {
        let f = &e.feature;
        (self.kinds == 0 || self.kinds & f.kind.bit() != 0)
            && (self.include_internal || f.visibility == Visibility::Public)
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

fn node(id: Uuid, r: &Rect<f64>) -> Node {
    GeomWithData::new(
        Rectangle::from_corners([r.min().x, r.min().y], [r.max().x, r.max().y]),
        id,
    )
}

#[derive(Default)]
pub struct Index {
    tree: RTree<Node>,
    entries: HashMap<Uuid, Arc<Entry>>,
    tombstones: HashMap<Uuid, i64>,
}

/// Outcome of applying a change, for tile invalidation: the boxes that changed.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Applied {
    pub old_bbox: Option<Rect<f64>>,
    pub new_bbox: Option<Rect<f64>>,
    pub kinds: u8,
}

impl Index {
    /// Builds the index in one pass (R*-tree bulk load), much faster than inserting.
    pub fn bulk_load(features: impl IntoIterator<Item = Feature>) -> Index {
        let entries: HashMap<Uuid, Arc<Entry>> = features
            .into_iter()
            .filter_map(Entry::new)
            .map(|e| (e.feature.id, e))
            .collect();
        let nodes = entries
            .values()
            .map(|e| node(e.feature.id, &e.bbox))
            .collect();
        Index {
            tree: RTree::bulk_load(nodes),
            entries,
            tombstones: HashMap::new(),
        }
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
            self.tree.remove(&node(id, &old.bbox));
            applied.old_bbox = Some(old.bbox);
            applied.kinds |= old.feature.kind.bit();
        }
        self.tree.insert(node(id, &entry.bbox));
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
                self.tree.remove(&node(id, &old.bbox));
                Some(Applied {
                    old_bbox: Some(old.bbox),
                    new_bbox: None,
                    kinds: old.feature.kind.bit(),
                })
            }
            _ => None,
        }
    }

    /// Every entry matching the query, in id order (UUIDv7: creation order), which
    /// gives stable paging.
    pub fn query(&self, q: &Query) -> Vec<Arc<Entry>> {
        let mut out: Vec<Arc<Entry>> = match &q.bbox {
            Some(b) => {
                let env = AABB::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
                self.tree
                    .locate_in_envelope_intersecting(&env)
                    .filter_map(|n| self.entries.get(&n.data))
                    .filter(|e| q.accepts(e) && q.meets_bbox(e))
                    .cloned()
                    .collect()
            }
            None => self
                .entries
                .values()
                .filter(|e| q.accepts(e))
                .cloned()
                .collect(),
        };
        out.sort_unstable_by_key(|e| e.feature.id);
        out
    }

    /// The kinds present, for metrics.
    pub fn count_by_kind(&self) -> Vec<(Kind, usize)> {
        Kind::ALL
            .into_iter()
            .map(|k| {
                (
                    k,
                    self.entries
                        .values()
                        .filter(|e| e.feature.kind == k)
                        .count(),
                )
            })
            .collect()
    }
}
