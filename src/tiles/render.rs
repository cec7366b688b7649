//! From index entries to Mapbox Vector Tile 2.1 bytes.
//!
//! Pipeline per feature: WGS84 → Web Mercator tile space (extent 4096) → clip to the
//! tile plus a 64-unit buffer → simplify by at most one tile unit below the layer's
//! maximum zoom (never at it) → drop shapes smaller than a pixel below the maximum zoom
//! → round to integers, removing zero-length moves and degenerate rings → encode
//! (`fast-mvt`, which winds rings as MVT 2.1 wants and deduplicates keys and values).
//! Feature ids are the low 53 bits of the feature's UUID: stable across tiles and
//! exact in JavaScript, so MapLibre's feature-state works.

use std::collections::BTreeMap;
use std::f64::consts::PI;

use fast_mvt::{MvtGeometry, MvtTileBuilder, MvtValue};
use geo::{
    BooleanOps, BoundingRect, Coord, Geometry, InteriorPoint, LineString, MapCoords,
    MultiLineString, MultiPoint, MultiPolygon, Polygon, Rect, Simplify,
};

use std::sync::Arc;

use crate::index::{Entry, Hit, Shape};
use crate::model::{Commune, Interval, TimeFilter};

pub const EXTENT: f64 = 4096.0;
pub const BUFFER: f64 = 64.0;
/// One pixel of a 256-pixel tile, in tile units.
const PIXEL: f64 = EXTENT / 256.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TileId {
    pub z: u8,
    pub x: u32,
    pub y: u32,
}

fn world_to_lonlat(x: f64, y: f64) -> Coord<f64> {
    Coord {
        x: x * 360.0 - 180.0,
        y: (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees(),
    }
}

impl TileId {
    pub fn new(z: u8, x: u32, y: u32, max_zoom: u8) -> Result<TileId, String> {
        if z > max_zoom {
            return Err(format!("zoom {z} is beyond the largest zoom, {max_zoom}"));
        }
        let n = 1u64 << z;
        if u64::from(x) >= n || u64::from(y) >= n {
            return Err(format!(
                "at zoom {z}, x and y go from 0 to {}; got x={x}, y={y}",
                n - 1
            ));
        }
        Ok(TileId { z, x, y })
    }

    /// The tile of zoom `z` that holds a WGS84 point.
    pub fn containing(c: Coord<f64>, z: u8) -> TileId {
        let probe = TileId { z, x: 0, y: 0 };
        let p = probe.project(c);
        let last = (1u64 << z) as f64 - 1.0;
        let cell = |v: f64| (v / EXTENT).floor().clamp(0.0, last) as u32;
        TileId {
            z,
            x: cell(p.x),
            y: cell(p.y),
        }
    }

    fn scale(&self) -> f64 {
        (1u64 << self.z) as f64
    }

    /// The tile grown by `margin` tile units, in WGS84 (for the index query).
    pub fn lonlat_bounds(&self, margin: f64) -> Rect<f64> {
        let s = self.scale();
        let m = margin / EXTENT;
        let (x0, x1) = ((self.x as f64 - m) / s, (self.x as f64 + 1.0 + m) / s);
        let (y0, y1) = ((self.y as f64 - m) / s, (self.y as f64 + 1.0 + m) / s);
        let clamp = |v: f64| v.clamp(0.0, 1.0);
        Rect::new(
            world_to_lonlat(clamp(x0), clamp(y1)),
            world_to_lonlat(clamp(x1), clamp(y0)),
        )
    }

    /// WGS84 → tile units (y down, origin at the tile's top-left corner).
    pub fn project(&self, c: Coord<f64>) -> Coord<f64> {
        let s = self.scale();
        let lat = c.y.clamp(-85.051_128_78, 85.051_128_78).to_radians();
        let wx = (c.x + 180.0) / 360.0;
        let wy = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0;
        Coord {
            x: (wx * s - self.x as f64) * EXTENT,
            y: (wy * s - self.y as f64) * EXTENT,
        }
    }

    /// Tile units → WGS84, for checks.
    pub fn unproject(&self, c: Coord<f64>) -> Coord<f64> {
        let s = self.scale();
        world_to_lonlat(
            (c.x / EXTENT + self.x as f64) / s,
            (c.y / EXTENT + self.y as f64) / s,
        )
    }
}

fn clip_box() -> Polygon<f64> {
    Rect::new(
        Coord {
            x: -BUFFER,
            y: -BUFFER,
        },
        Coord {
            x: EXTENT + BUFFER,
            y: EXTENT + BUFFER,
        },
    )
    .to_polygon()
}

/// Whether a box in tile units lies wholly within the tile and its buffer: then there
/// is nothing to clip.
fn within_buffer(r: Option<Rect<f64>>) -> bool {
    r.is_some_and(|r| {
        r.min().x >= -BUFFER
            && r.min().y >= -BUFFER
            && r.max().x <= EXTENT + BUFFER
            && r.max().y <= EXTENT + BUFFER
    })
}

fn round_line(l: &LineString<f64>) -> Vec<Coord<i32>> {
    let mut out: Vec<Coord<i32>> = Vec::with_capacity(l.0.len());
    for c in &l.0 {
        let p = Coord {
            x: c.x.round() as i32,
            y: c.y.round() as i32,
        };
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    out
}

fn round_ring(l: &LineString<f64>) -> Option<LineString<i32>> {
    let mut pts = round_line(l);
    if pts.first() != pts.last() {
        let first = pts[0];
        pts.push(first);
    }
    // at least three distinct corners and a non-zero area
    let area2: i64 = pts
        .windows(2)
        .map(|w| w[0].x as i64 * w[1].y as i64 - w[1].x as i64 * w[0].y as i64)
        .sum();
    (pts.len() >= 4 && area2 != 0).then_some(LineString(pts))
}

/// A feature's geometry in tile units, clipped, simplified and rounded; `None` when
/// nothing of it is left in this tile at this zoom.
pub fn tile_geometry(g: &Geometry<f64>, tile: &TileId, simplify: bool) -> Option<MvtGeometry> {
    let projected: Geometry<f64> = g.map_coords(|c| tile.project(c));
    let limit = -BUFFER..=EXTENT + BUFFER;
    let inside = |c: &Coord<f64>| limit.contains(&c.x) && limit.contains(&c.y);
    let small = |r: Option<Rect<f64>>| {
        simplify && r.is_some_and(|r| r.width() < PIXEL && r.height() < PIXEL)
    };
    match projected {
        Geometry::Point(p) => inside(&p.0).then(|| {
            MvtGeometry::Point(geo::Point::new(p.x().round() as i32, p.y().round() as i32))
        }),
        Geometry::MultiPoint(mp) => {
            let pts: Vec<geo::Point<i32>> =
                mp.0.iter()
                    .filter(|p| inside(&p.0))
                    .map(|p| geo::Point::new(p.x().round() as i32, p.y().round() as i32))
                    .collect();
            match pts.len() {
                0 => None,
                1 => Some(MvtGeometry::Point(pts[0])),
                _ => Some(MvtGeometry::MultiPoint(MultiPoint(pts))),
            }
        }
        Geometry::LineString(_) | Geometry::MultiLineString(_) => {
            let mls = match projected {
                Geometry::LineString(l) => MultiLineString(vec![l]),
                Geometry::MultiLineString(m) => m,
                _ => unreachable!(),
            };
            if small(mls.bounding_rect()) {
                return None;
            }
            let mut clipped = if within_buffer(mls.bounding_rect()) {
                mls
            } else {
                clip_box().clip(&mls, false)
            };
            if simplify {
                clipped = clipped.simplify(1.0);
            }
            let lines: Vec<LineString<i32>> = clipped
                .0
                .iter()
                .map(round_line)
                .filter(|l| l.len() >= 2)
                .map(LineString)
                .collect();
            match lines.len() {
                0 => None,
                1 => Some(MvtGeometry::LineString(
                    lines.into_iter().next().expect("one"),
                )),
                _ => Some(MvtGeometry::MultiLineString(MultiLineString(lines))),
            }
        }
        Geometry::Polygon(_) | Geometry::MultiPolygon(_) => {
            let mp = match projected {
                Geometry::Polygon(p) => MultiPolygon(vec![p]),
                Geometry::MultiPolygon(m) => m,
                _ => unreachable!(),
            };
            if small(mp.bounding_rect()) {
                return None;
            }
            let mut clipped = if within_buffer(mp.bounding_rect()) {
                mp
            } else {
                clip_box().intersection(&mp)
            };
            if simplify {
                clipped = clipped.simplify(1.0);
            }
            let polys: Vec<Polygon<i32>> = clipped
                .0
                .iter()
                .filter_map(|p| {
                    let exterior = round_ring(p.exterior())?;
                    Some(Polygon::new(
                        exterior,
                        p.interiors().iter().filter_map(round_ring).collect(),
                    ))
                })
                .collect();
            match polys.len() {
                0 => None,
                1 => Some(MvtGeometry::Polygon(polys.into_iter().next().expect("one"))),
                _ => Some(MvtGeometry::MultiPolygon(MultiPolygon(polys))),
            }
        }
        _ => None,
    }
}

/// Side of a clustering cell, in tile units (4 pixels of a 256-pixel tile).
const CELL: i32 = 64;
/// Most shapes (lines, polygons, unclustered points) one layer of a tile holds below
/// the layer's maximum zoom; at the maximum zoom nothing is ever left out.
pub const MAX_SHAPES: usize = 4_000;

/// Points of one clustering cell.
struct Cell {
    first: Arc<Entry>,
    count: u64,
    sum: (i64, i64),
}

/// What one feature layer of a tile keeps of the index's matches, sorted out while the
/// index is walked: points gathered by clustering cell, shapes smaller than a pixel dropped
/// (below the layer's maximum zoom), the rest kept with their size in tile units. Only
/// what is kept is cloned; a zoomed-out tile over a town meets hundreds of thousands of
/// matches and keeps a few thousand.
pub struct Triage<'t> {
    tile: &'t TileId,
    cluster: bool,
    simplify: bool,
    cells: BTreeMap<(i32, i32), Cell>,
    candidates: Vec<(Arc<Entry>, f64)>,
}

impl<'t> Triage<'t> {
    pub fn new(layer: &super::Layer, tile: &'t TileId) -> Triage<'t> {
        Triage {
            tile,
            cluster: layer.cluster_below.is_some_and(|c| tile.z < c),
            simplify: tile.z < layer.maxzoom,
            cells: BTreeMap::new(),
            candidates: Vec::new(),
        }
    }

    pub fn add(&mut self, hit: Hit<'_>) {
        let tile = self.tile;
        if self.cluster && hit.shape == Shape::Point {
            let c = tile.project(hit.bbox.min());
            if (-BUFFER..=EXTENT + BUFFER).contains(&c.x)
                && (-BUFFER..=EXTENT + BUFFER).contains(&c.y)
            {
                let (x, y) = (c.x.round() as i32, c.y.round() as i32);
                let cell = self
                    .cells
                    .entry((x.div_euclid(CELL), y.div_euclid(CELL)))
                    .or_insert_with(|| Cell {
                        first: hit.entry.clone(),
                        count: 0,
                        sum: (0, 0),
                    });
                cell.count += 1;
                cell.sum = (cell.sum.0 + x as i64, cell.sum.1 + y as i64);
            }
            return;
        }
        let (a, b) = (tile.project(hit.bbox.min()), tile.project(hit.bbox.max()));
        let size = (b.x - a.x).abs().max((b.y - a.y).abs());
        if self.simplify && hit.shape == Shape::Other && size < PIXEL {
            return;
        }
        self.candidates.push((hit.entry.clone(), size));
    }
}

/// The stable integer id of a feature in every tile.
pub fn feature_id(id: &uuid::Uuid) -> u64 {
    (id.as_u128() as u64) & ((1 << 53) - 1)
}

/// The period a tile shows for a feature: the one the time filter falls in.
pub fn shown_interval(intervals: &[Interval], time: TimeFilter) -> Option<Interval> {
    match time {
        TimeFilter::Any => intervals.first().copied(),
        TimeFilter::At(t) => intervals.iter().find(|iv| iv.contains(t)).copied(),
        TimeFilter::Range(from, to) => intervals.iter().find(|iv| iv.overlaps(from, to)).copied(),
    }
}

fn rfc3339(t: i64) -> Option<String> {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// What one layer of a tile holds.
pub enum LayerContent<'a> {
    Features {
        triage: Triage<'a>,
        time: TimeFilter,
    },
    Communes(&'a [Commune]),
}

/// Encodes the layers of a tile; `None` when no layer has anything to show.
pub fn encode(
    tile: &TileId,
    layers: Vec<(&super::Layer, LayerContent<'_>)>,
) -> Result<Option<Vec<u8>>, String> {
    let err = |e: fast_mvt::MvtError| e.to_string();
    let mut builder = MvtTileBuilder::new();
    let mut any = false;
    for (layer, content) in layers {
        let simplify = tile.z < layer.maxzoom;
        let mut lb = Some(builder.layer(layer.name.clone()).map_err(err)?);
        let wants = |p: &str| layer.properties.iter().any(|x| x == p);
        match content {
            LayerContent::Features { triage, time } => {
                let Triage {
                    cells,
                    mut candidates,
                    ..
                } = triage;
                if simplify && candidates.len() > MAX_SHAPES {
                    // the largest shapes matter most when zoomed out; ties by id, so the
                    // choice is the same in every tile and at every request
                    let order = |a: &(Arc<Entry>, f64), b: &(Arc<Entry>, f64)| {
                        b.1.total_cmp(&a.1)
                            .then(a.0.feature.id.cmp(&b.0.feature.id))
                    };
                    candidates.select_nth_unstable_by(MAX_SHAPES, order);
                    candidates.truncate(MAX_SHAPES);
                }
                let mut shapes: Vec<(Arc<Entry>, MvtGeometry)> = candidates
                    .into_iter()
                    .filter_map(|(e, _)| {
                        let g = tile_geometry(&e.feature.geometry, tile, simplify)?;
                        Some((e, g))
                    })
                    .collect();
                for cell in cells.into_values() {
                    let n = cell.count as i64;
                    let centre = geo::Point::new((cell.sum.0 / n) as i32, (cell.sum.1 / n) as i32);
                    if cell.count == 1 {
                        // a point alone in its cell stays itself
                        shapes.push((cell.first, MvtGeometry::Point(centre)));
                        continue;
                    }
                    let mut fb = lb
                        .take()
                        .expect("layer")
                        .feature(&MvtGeometry::Point(centre))
                        .map_err(err)?;
                    fb.tag("cluster", MvtValue::Bool(true)).map_err(err)?;
                    fb.tag("count", MvtValue::UInt(cell.count)).map_err(err)?;
                    lb = Some(fb.end());
                    any = true;
                }
                for (e, geometry) in shapes {
                    let f = &e.feature;
                    let mut fb = lb.take().expect("layer").feature(&geometry).map_err(err)?;
                    fb.id(Some(feature_id(&f.id)));
                    for (key, value) in [
                        ("title", MvtValue::String(f.title.clone())),
                        ("kind", MvtValue::String(f.kind.as_str().into())),
                        ("status", MvtValue::String(f.status.clone())),
                        ("commune", MvtValue::String(f.commune.clone())),
                        ("visibility", MvtValue::String(f.visibility.as_str().into())),
                    ] {
                        if wants(key) {
                            fb.tag(key, value).map_err(err)?;
                        }
                    }
                    // a report's category (its id, as the commune's list names it)
                    if wants("category")
                        && let Some(c) = f.attributes.get("categorie").and_then(|c| c.as_str())
                    {
                        fb.tag("category", MvtValue::String(c.into()))
                            .map_err(err)?;
                    }
                    if let Some(iv) = shown_interval(&e.intervals, time) {
                        if let (true, Some(s)) = (wants("starts"), rfc3339(iv.start)) {
                            fb.tag("starts", MvtValue::String(s)).map_err(err)?;
                        }
                        if iv.end != crate::model::schedule::OPEN_END
                            && let (true, Some(s)) = (wants("ends"), rfc3339(iv.end))
                        {
                            fb.tag("ends", MvtValue::String(s)).map_err(err)?;
                        }
                    }
                    lb = Some(fb.end());
                    any = true;
                }
            }
            LayerContent::Communes(communes) => {
                for c in communes.iter() {
                    // the boundary where it crosses the tile, and the commune's label point
                    // in the one tile that holds it, so that a name shows once, not once
                    // per tile the commune spans
                    let boundary =
                        tile_geometry(&Geometry::MultiPolygon(c.boundary.clone()), tile, simplify);
                    let label = c
                        .boundary
                        .interior_point()
                        .map(|p| tile.project(p.0))
                        .filter(|p| (0.0..EXTENT).contains(&p.x) && (0.0..EXTENT).contains(&p.y))
                        .map(|p| MvtGeometry::Point(geo::Point::new(p.x as i32, p.y as i32)));
                    for (geometry, id) in [(boundary, c.nis.parse().ok()), (label, None)] {
                        let Some(geometry) = geometry else { continue };
                        let mut fb = lb.take().expect("layer").feature(&geometry).map_err(err)?;
                        fb.id(id);
                        if wants("nis") {
                            fb.tag("nis", MvtValue::String(c.nis.clone()))
                                .map_err(err)?;
                        }
                        if wants("name_fr") {
                            fb.tag("name_fr", MvtValue::String(c.name_fr.clone()))
                                .map_err(err)?;
                        }
                        if let (true, Some(n)) = (wants("name_nl"), &c.name_nl) {
                            fb.tag("name_nl", MvtValue::String(n.clone()))
                                .map_err(err)?;
                        }
                        if wants("active") {
                            fb.tag("active", MvtValue::Bool(c.active)).map_err(err)?;
                        }
                        lb = Some(fb.end());
                        any = true;
                    }
                }
            }
        }
        builder = lb.take().expect("layer").end();
    }
    Ok(any.then(|| builder.encode()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{line_string, point, polygon};

    #[test]
    fn tile_math_round_trips() {
        let c = Coord {
            x: 4.071,
            y: 50.579,
        };
        let t = TileId::containing(c, 14);
        assert_eq!(
            (t.x, t.y),
            (8377, 5515),
            "as the usual slippy-map formula gives"
        );
        let p = t.project(c);
        assert!(
            (0.0..EXTENT).contains(&p.x) && (0.0..EXTENT).contains(&p.y),
            "{p:?}"
        );
        let back = t.unproject(p);
        assert!((back.x - c.x).abs() < 1e-9 && (back.y - c.y).abs() < 1e-9);
        assert!(TileId::new(3, 8, 0, 22).is_err());
        assert!(TileId::new(23, 0, 0, 22).is_err());
    }

    #[test]
    fn lines_are_clipped_to_the_buffer_and_rounded() {
        let t = TileId::containing(
            Coord {
                x: 4.071,
                y: 50.579,
            },
            14,
        );
        let a = t.unproject(Coord { x: 100.0, y: 100.0 });
        let b = t.unproject(Coord {
            x: 9000.0,
            y: 100.0,
        });
        let g: Geometry = line_string![a, b].into();
        let Some(MvtGeometry::LineString(l)) = tile_geometry(&g, &t, false) else {
            panic!()
        };
        assert_eq!(l.0.first(), Some(&Coord { x: 100, y: 100 }));
        assert_eq!(
            l.0.last(),
            Some(&Coord { x: 4160, y: 100 }),
            "cut at the buffer's edge"
        );
        // outside the buffer: nothing
        let far: Geometry = point!(t.unproject(Coord { x: -100.0, y: 50.0 })).into();
        assert!(tile_geometry(&far, &t, false).is_none());
    }

    #[test]
    fn sub_pixel_shapes_go_below_max_zoom_only() {
        let t = TileId::containing(
            Coord {
                x: 4.071,
                y: 50.579,
            },
            10,
        );
        let o = t.unproject(Coord {
            x: 1000.0,
            y: 1000.0,
        });
        let tiny = t.unproject(Coord {
            x: 1005.0,
            y: 1005.0,
        });
        let g: Geometry = polygon![(x: o.x, y: o.y), (x: tiny.x, y: o.y), (x: tiny.x, y: tiny.y), (x: o.x, y: o.y)].into();
        assert!(tile_geometry(&g, &t, true).is_none());
        assert!(tile_geometry(&g, &t, false).is_some());
    }
}
