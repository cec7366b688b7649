//! Geometry rules, and a local metric frame for distances.
//!
//! Features are stored in WGS84 lon/lat. Distances (the commune margin, conflict
//! buffers) are measured in a local equirectangular frame around a reference point: over
//! the few tens of kilometres of a commune its error stays well under 0.5 %, which is far
//! finer than the margins it serves, and it keeps the arithmetic trivial.

use geo::{Coord, CoordsIter, Geometry, MapCoords, Validation};

use super::FieldError;

/// The most vertices one geometry may have. Validity (OGC: no self-intersection) is
/// checked by `geo` in time that grows with the square of the vertices: 5,000 take about
/// a second of one core, 20,000 took 18 s. A work zone drawn on the map has tens of them;
/// a zone from a GIS is simplified below this before it is sent.
pub const MAX_VERTICES: usize = 5_000;

/// Checks a geometry for what the rest of balise assumes: a supported type, finite
/// lon/lat coordinates in range, enough distinct points, and OGC validity (no
/// self-intersection, closed rings, holes inside their shell).
pub fn check(g: &Geometry<f64>) -> Result<(), FieldError> {
    let err = |code, msg: String| Err(FieldError::new("/geometry", code, msg));
    match g {
        Geometry::Point(_)
        | Geometry::LineString(_)
        | Geometry::Polygon(_)
        | Geometry::MultiPoint(_)
        | Geometry::MultiLineString(_)
        | Geometry::MultiPolygon(_) => {}
        other => {
            return err(
                "unsupported_geometry",
                format!(
                    "{} is not supported; use Point, LineString, Polygon or their Multi forms",
                    type_name(other)
                ),
            );
        }
    }
    let vertices = g.coords_count();
    if vertices == 0 {
        return err("empty_geometry", "the geometry has no coordinates".into());
    }
    if vertices > MAX_VERTICES {
        return err(
            "too_many_vertices",
            format!(
                "the geometry has {vertices} vertices; at most {MAX_VERTICES} are accepted: simplify it first"
            ),
        );
    }
    for c in g.coords_iter() {
        if !c.x.is_finite() || !c.y.is_finite() {
            return err(
                "invalid_coordinate",
                "a coordinate is not a finite number".into(),
            );
        }
        if !(-180.0..=180.0).contains(&c.x) || !(-90.0..=90.0).contains(&c.y) {
            return err(
                "invalid_coordinate",
                format!(
                    "coordinate [{}, {}] is not a WGS84 longitude/latitude (GeoJSON order is [lon, lat])",
                    c.x, c.y
                ),
            );
        }
    }
    let lines: Vec<&geo::LineString<f64>> = match g {
        Geometry::LineString(l) => vec![l],
        Geometry::MultiLineString(m) => m.0.iter().collect(),
        _ => vec![],
    };
    for l in lines {
        if l.0.windows(2).all(|w| w[0] == w[1]) {
            return err(
                "degenerate_geometry",
                "a line needs at least two distinct points".into(),
            );
        }
    }
    if let Some(problem) = g.validation_errors().into_iter().next() {
        return err(
            "invalid_geometry",
            format!("the geometry is not valid: {problem}"),
        );
    }
    Ok(())
}

pub fn type_name(g: &Geometry<f64>) -> &'static str {
    match g {
        Geometry::Point(_) => "Point",
        Geometry::Line(_) => "Line",
        Geometry::LineString(_) => "LineString",
        Geometry::Polygon(_) => "Polygon",
        Geometry::MultiPoint(_) => "MultiPoint",
        Geometry::MultiLineString(_) => "MultiLineString",
        Geometry::MultiPolygon(_) => "MultiPolygon",
        Geometry::GeometryCollection(_) => "GeometryCollection",
        Geometry::Rect(_) => "Rect",
        Geometry::Triangle(_) => "Triangle",
    }
}

/// Metres east and north of an origin, for distances in a commune-sized area.
#[derive(Debug, Clone, Copy)]
pub struct LocalFrame {
    origin: Coord<f64>,
    kx: f64,
}

const METRES_PER_DEGREE_LAT: f64 = 111_132.0;

impl LocalFrame {
    pub fn new(origin: Coord<f64>) -> Self {
        LocalFrame {
            origin,
            kx: METRES_PER_DEGREE_LAT * origin.y.to_radians().cos(),
        }
    }
    pub fn to_metres(&self, c: Coord<f64>) -> Coord<f64> {
        Coord {
            x: (c.x - self.origin.x) * self.kx,
            y: (c.y - self.origin.y) * METRES_PER_DEGREE_LAT,
        }
    }
    pub fn to_lonlat(&self, c: Coord<f64>) -> Coord<f64> {
        Coord {
            x: c.x / self.kx + self.origin.x,
            y: c.y / METRES_PER_DEGREE_LAT + self.origin.y,
        }
    }
    pub fn project<G: MapCoords<f64, f64>>(&self, g: &G) -> G::Output {
        g.map_coords(|c| self.to_metres(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{line_string, point, polygon};

    #[test]
    fn rejects_self_intersection_and_bad_coordinates() {
        let bowtie: Geometry =
            polygon![(x: 4.0, y: 50.0), (x: 4.1, y: 50.1), (x: 4.1, y: 50.0), (x: 4.0, y: 50.1)]
                .into();
        let e = check(&bowtie).unwrap_err();
        assert_eq!(e.code, "invalid_geometry", "{e}");
        let swapped: Geometry = point!(x: 50.5, y: 104.0).into();
        assert_eq!(check(&swapped).unwrap_err().code, "invalid_coordinate");
        let stuck: Geometry = line_string![(x: 4.0, y: 50.0), (x: 4.0, y: 50.0)].into();
        assert_eq!(check(&stuck).unwrap_err().code, "degenerate_geometry");
        let ok: Geometry = line_string![(x: 4.0, y: 50.0), (x: 4.001, y: 50.0)].into();
        check(&ok).unwrap();
    }

    #[test]
    fn local_frame_measures_metres() {
        let f = LocalFrame::new(Coord { x: 4.07, y: 50.58 });
        // one thousandth of a degree of latitude is about 111 m
        let d = f.to_metres(Coord { x: 4.07, y: 50.581 });
        assert!((d.y - 111.1).abs() < 0.5, "{d:?}");
        let back = f.to_lonlat(f.to_metres(Coord { x: 4.1, y: 50.6 }));
        assert!((back.x - 4.1).abs() < 1e-12 && (back.y - 50.6).abs() < 1e-12);
    }
}
