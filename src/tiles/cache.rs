//! The tile cache: rendered tiles kept in memory within a byte budget, and dropped
//! exactly when a write touches them.
//!
//! Every change to the index (a local write, another instance's write through the
//! change feed, a reload) reaches `invalidate`, which removes the cached tiles whose
//! buffered bounds meet the changed feature's old or new box and whose layers show its
//! kind — no other. A tile rendered while a write was landing is not cached: `put`
//! carries the generation read before rendering and is ignored if anything changed
//! since. Past the budget, the least recently used tiles go first.
//!
//! When many clients ask for the same missing tile at once (a zoomed-out tile right
//! after a write cleared it), one draws it and the others wait for its result
//! (`turn`), instead of all drawing the same costly tile.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Bytes;
use geo::{Intersects, Rect};

use super::TileId;
use crate::index::Applied;
use crate::model::TimeFilter;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    pub layers: String,
    pub tile: TileId,
    pub time: TimeFilter,
}

/// A rendered tile: its bytes (`None` for an empty tile), the same gzipped (compressed
/// once, when drawn, not at every request), and its ETag.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Option<Bytes>,
    pub gzip: Option<Bytes>,
    pub etag: String,
}

struct Slot {
    tile: Rendered,
    bounds: Rect<f64>,
    /// Kinds the tile's layers show; communes layers count as every change.
    kinds: u8,
    used: u64,
}

impl Slot {
    fn weight(&self, key: &Key) -> usize {
        let len = |b: &Option<Bytes>| b.as_ref().map_or(0, |b| b.len());
        len(&self.tile.bytes) + len(&self.tile.gzip) + key.layers.len() + 128
    }
}

#[derive(Default)]
struct Inner {
    slots: HashMap<Key, Slot>,
    bytes: usize,
    tick: u64,
}

/// Locks that let one request per tile draw it; keys share them by hash.
const TURNS: usize = 64;

pub struct TileCache {
    budget: usize,
    generation: AtomicU64,
    inner: Mutex<Inner>,
    turns: [Mutex<()>; TURNS],
}

impl TileCache {
    pub fn new(budget_bytes: usize) -> TileCache {
        TileCache {
            budget: budget_bytes,
            generation: AtomicU64::new(0),
            inner: Mutex::default(),
            turns: std::array::from_fn(|_| Mutex::new(())),
        }
    }

    /// Whether the cache keeps anything at all.
    pub fn enabled(&self) -> bool {
        self.budget > 0
    }

    /// Waits for the turn to draw `key`: hold the guard while drawing and storing it,
    /// then look in the cache again after getting it, since the one before may have
    /// drawn the same tile. Blocking: call it off the async runtime.
    pub fn turn(&self, key: &Key) -> std::sync::MutexGuard<'_, ()> {
        use std::hash::{BuildHasher, RandomState};
        static HASHER: std::sync::OnceLock<RandomState> = std::sync::OnceLock::new();
        let h = HASHER.get_or_init(RandomState::new).hash_one(key) as usize;
        // a panic while drawing poisons nothing we rely on
        self.turns[h % TURNS]
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// Read before rendering; hand it back to `put`.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    pub fn get(&self, key: &Key) -> Option<Rendered> {
        let mut inner = self.inner.lock().expect("tile cache lock");
        inner.tick += 1;
        let tick = inner.tick;
        let slot = inner.slots.get_mut(key)?;
        slot.used = tick;
        Some(slot.tile.clone())
    }

    /// Keeps a tile rendered at `generation`, unless the index changed since.
    pub fn put(&self, generation: u64, key: Key, tile: Rendered, bounds: Rect<f64>, kinds: u8) {
        if self.budget == 0 {
            return;
        }
        let mut inner = self.inner.lock().expect("tile cache lock");
        // checked under the lock that `invalidate` takes too
        if self.generation() != generation {
            return;
        }
        inner.tick += 1;
        let slot = Slot {
            tile,
            bounds,
            kinds,
            used: inner.tick,
        };
        let weight = slot.weight(&key);
        if weight > self.budget {
            return;
        }
        if let Some(old) = inner.slots.remove(&key) {
            inner.bytes -= old.weight(&key);
        }
        inner.bytes += weight;
        inner.slots.insert(key, slot);
        if inner.bytes > self.budget {
            // drop the least recently used quarter, at least enough to fit
            let mut by_age: Vec<(u64, Key)> = inner
                .slots
                .iter()
                .map(|(k, s)| (s.used, k.clone()))
                .collect();
            by_age.sort_unstable_by_key(|(used, _)| *used);
            let target = self.budget - self.budget / 4;
            for (_, k) in by_age {
                if inner.bytes <= target {
                    break;
                }
                if let Some(s) = inner.slots.remove(&k) {
                    inner.bytes -= s.weight(&k);
                }
            }
        }
    }

    /// Drops what a change touched; `None` means everything may have changed.
    pub fn invalidate(&self, change: Option<&Applied>) {
        let mut inner = self.inner.lock().expect("tile cache lock");
        self.generation.fetch_add(1, Ordering::AcqRel);
        let Some(a) = change else {
            inner.slots.clear();
            inner.bytes = 0;
            return;
        };
        let boxes: Vec<Rect<f64>> = a
            .old_bbox
            .iter()
            .chain(a.new_bbox.iter())
            .copied()
            .collect();
        let mut freed = 0;
        inner.slots.retain(|k, s| {
            let hit = s.kinds & a.kinds != 0 && boxes.iter().any(|b| b.intersects(&s.bounds));
            if hit {
                freed += s.weight(k);
            }
            !hit
        });
        inner.bytes -= freed;
    }

    pub fn len(&self) -> usize {
        self.inner.lock().expect("tile cache lock").slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Coord;

    fn rect(x: f64, y: f64) -> Rect<f64> {
        Rect::new(
            Coord { x, y },
            Coord {
                x: x + 1.0,
                y: y + 1.0,
            },
        )
    }

    fn key(x: u32) -> Key {
        Key {
            layers: "works".into(),
            tile: TileId { z: 10, x, y: 0 },
            time: TimeFilter::Any,
        }
    }

    fn tile(n: usize) -> Rendered {
        Rendered {
            bytes: Some(Bytes::from(vec![0u8; n])),
            gzip: None,
            etag: "e".into(),
        }
    }

    #[test]
    fn a_change_drops_exactly_the_tiles_it_touches() {
        let c = TileCache::new(1 << 20);
        let g = c.generation();
        c.put(g, key(1), tile(10), rect(0.0, 0.0), 0b01);
        c.put(g, key(2), tile(10), rect(5.0, 5.0), 0b01);
        c.put(g, key(3), tile(10), rect(0.0, 0.0), 0b10);
        let change = Applied {
            old_bbox: None,
            new_bbox: Some(rect(0.5, 0.5)),
            kinds: 0b01,
        };
        c.invalidate(Some(&change));
        assert!(c.get(&key(1)).is_none(), "same place, same kind");
        assert!(c.get(&key(2)).is_some(), "elsewhere");
        assert!(c.get(&key(3)).is_some(), "another kind");
        // a tile rendered before the change is not kept
        c.put(g, key(1), tile(10), rect(0.0, 0.0), 0b01);
        assert!(c.get(&key(1)).is_none());
    }

    #[test]
    fn the_budget_holds_and_recent_tiles_stay() {
        let c = TileCache::new(2_000);
        let g = c.generation();
        for i in 0..10 {
            c.put(g, key(i), tile(300), rect(0.0, 0.0), 1);
            assert!(
                c.get(&key(0)).is_some() || i > 3,
                "the oldest stays while it is used"
            );
        }
        let inner = c.inner.lock().unwrap();
        assert!(inner.bytes <= 2_000, "{} bytes", inner.bytes);
        assert!(inner.slots.contains_key(&key(9)));
    }
}
