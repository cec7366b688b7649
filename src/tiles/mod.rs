//! Vector tiles from the live index: layers, rendering, and the time rules of tiles.
//!
//! Tiles are rendered from the in-memory index on every request, so a write is visible
//! in the very next tile fetch. Without a time parameter a tile shows "now", rounded
//! down to the minute (`NOW_BUCKET_SECS`) so that the ETags of a minute agree: a feature
//! can appear up to a minute late or linger up to a minute after its period ends.

pub mod cache;
pub mod layers;
pub mod render;

pub use layers::{Access, Layer, Source, TimeSemantics};
pub use render::TileId;

use std::hash::{DefaultHasher, Hash, Hasher};

use axum::body::Bytes;
use cache::{Key, Rendered, TileCache};

use crate::app::App;
use crate::index::{Query, Scope};
use crate::model::TimeFilter;
use render::LayerContent;

pub const NOW_BUCKET_SECS: i64 = 60;

/// "Now" as tiles see it.
pub fn bucketed_now() -> TimeFilter {
    let now = crate::clock::now().timestamp();
    TimeFilter::At(now - now.rem_euclid(NOW_BUCKET_SECS))
}

/// The layers a request names, in order; `Err` names the unknown one.
pub fn select<'a>(all: &'a [Layer], names: &str) -> Result<Vec<&'a Layer>, String> {
    let mut out: Vec<&Layer> = Vec::new();
    for name in names.split(',') {
        let layer = all
            .iter()
            .find(|l| l.name == name)
            .ok_or_else(|| name.to_string())?;
        if !out.iter().any(|l| l.name == layer.name) {
            out.push(layer);
        }
    }
    Ok(out)
}

/// The cache key of a tile of these layers at this time, for a reader who sees the
/// internal features of `scope` (the communes are part of the key: two agents of
/// different communes never share an internal tile).
pub fn key(layers: &[&Layer], tile: TileId, time: TimeFilter, scope: &Scope) -> Key {
    let names: Vec<&str> = layers.iter().map(|l| l.name.as_str()).collect();
    let mut joined = names.join(",");
    if layers.iter().any(|l| l.access == Access::Internal) {
        match scope {
            Scope::Communes(c) => {
                joined.push('@');
                joined.push_str(&c.join("+"));
            }
            Scope::All => joined.push_str("@*"),
            Scope::None => {}
        }
    }
    Key {
        layers: joined,
        tile,
        time,
    }
}

/// A tile missing from the cache when the caller looked: drawn from the index and kept,
/// or, when another request was drawing it meanwhile, taken from the cache (`true`).
/// Blocking (it may draw, or wait for that other request): callers on the async runtime
/// look in the cache first and come here, off the runtime, on a miss.
pub fn draw_missing(
    app: &App,
    cache: &TileCache,
    layers: &[&Layer],
    tile: TileId,
    time: TimeFilter,
    scope: &Scope,
) -> Result<(Rendered, bool), String> {
    let key = key(layers, tile, time, scope);
    let _turn = match cache.enabled() {
        true => Some(cache.turn(&key)),
        false => None,
    };
    if let Some(r) = cache.get(&key) {
        // drawn by the request we waited for
        return Ok((r, true));
    }
    let generation = cache.generation();
    let bytes = render(app, layers, &tile, time, scope)?;
    let mut h = DefaultHasher::new();
    bytes.hash(&mut h);
    let gzip = bytes.as_deref().map(gzip).transpose()?;
    let rendered = Rendered {
        bytes: bytes.map(Bytes::from),
        gzip: gzip.map(Bytes::from),
        etag: format!("W/\"{:016x}\"", h.finish()),
    };
    let kinds = layers.iter().fold(0, |k, l| k | l.kind_bits());
    cache.put(
        generation,
        key,
        rendered.clone(),
        tile.lonlat_bounds(render::BUFFER),
        kinds,
    );
    Ok((rendered, false))
}

fn gzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::default(),
    );
    e.write_all(bytes).map_err(|e| e.to_string())?;
    e.finish().map_err(|e| e.to_string())
}

/// Renders a tile of the given layers from the application's index; `None` when empty.
/// Internal layers show the internal features of the communes in `scope` only.
pub fn render(
    app: &App,
    layers: &[&Layer],
    tile: &TileId,
    time: TimeFilter,
    scope: &Scope,
) -> Result<Option<Vec<u8>>, String> {
    // boundaries are large: copy them only for a tile that shows them
    let communes = match layers.iter().any(|l| l.source == Source::Communes) {
        true => app.communes(),
        false => Vec::new(),
    };
    let visit = |q: &Query, f: &mut dyn FnMut(crate::index::Hit<'_>)| {
        if q.internal == Scope::All && *scope != Scope::All {
            let narrowed = Query {
                internal: scope.clone(),
                ..q.clone()
            };
            app.visit(&narrowed, f)
        } else {
            app.visit(q, f)
        }
    };
    render_from(visit, &communes, layers, tile, time)
}

/// Renders a tile from any source of index matches (the live index, or a test's):
/// `visit(query, f)` calls `f` with every match.
pub fn render_from(
    visit: impl Fn(&Query, &mut dyn FnMut(crate::index::Hit<'_>)),
    communes: &[crate::model::Commune],
    layers: &[&Layer],
    tile: &TileId,
    time: TimeFilter,
) -> Result<Option<Vec<u8>>, String> {
    let bounds = tile.lonlat_bounds(render::BUFFER);
    let in_zoom = |l: &Layer| tile.z >= l.minzoom && tile.z <= l.maxzoom;
    let contents: Vec<(&Layer, LayerContent)> = layers
        .iter()
        .map(|l| {
            let content = match l.source {
                Source::Features => {
                    let mut triage = render::Triage::new(l, tile);
                    if in_zoom(l) {
                        let query = Query {
                            bbox: Some(bounds),
                            time: if l.time == TimeSemantics::Active {
                                time
                            } else {
                                TimeFilter::Any
                            },
                            kinds: l.kind_bits(),
                            commune: None,
                            // narrowed to the reader's communes by `render`
                            internal: match l.access {
                                Access::Internal => Scope::All,
                                Access::Public => Scope::None,
                            },
                        };
                        visit(&query, &mut |hit| triage.add(hit));
                    }
                    LayerContent::Features { triage, time }
                }
                Source::Communes if in_zoom(l) => LayerContent::Communes(communes),
                Source::Communes => LayerContent::Communes(&[]),
            };
            (*l, content)
        })
        .collect();
    render::encode(tile, contents)
}
