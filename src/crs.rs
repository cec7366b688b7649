//! Coordinate reference systems accepted on import: WGS84 (EPSG:4326), Web Mercator
//! (EPSG:3857), Belgian Lambert 72 (EPSG:31370) and Belgian Lambert 2008 (EPSG:3812).
//!
//! The `proj` crate needs a newer system PROJ than Debian ships (or a long cmake build),
//! which would break "cargo run on a fresh machine". These four systems are covered by
//! `proj4rs`, a pure-Rust port of PROJ's projections, with the EPSG parameters below; the
//! datum shift BD72 → WGS84 uses the 7-parameter transformation EPSG:15929, accurate to
//! about 1 m. Tests check reference points computed with PROJ itself.

use geo::MapCoords;
use geo_types::{Coord, Geometry};
use proj4rs::proj::Proj;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Crs {
    Wgs84,
    WebMercator,
    Lambert72,
    Lambert2008,
}

impl Crs {
    pub const ALL: [Crs; 4] = [
        Crs::Wgs84,
        Crs::WebMercator,
        Crs::Lambert72,
        Crs::Lambert2008,
    ];

    pub fn epsg(self) -> u32 {
        match self {
            Crs::Wgs84 => 4326,
            Crs::WebMercator => 3857,
            Crs::Lambert72 => 31370,
            Crs::Lambert2008 => 3812,
        }
    }

    pub fn from_epsg(code: u32) -> Option<Crs> {
        Crs::ALL.into_iter().find(|c| c.epsg() == code)
    }

    /// Reads `4326`, `EPSG:31370`, `urn:ogc:def:crs:EPSG::3812`, or `CRS84`.
    pub fn parse(s: &str) -> Option<Crs> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("CRS84") || s.ends_with(":CRS84") {
            return Some(Crs::Wgs84);
        }
        let digits = s.rsplit(':').next()?;
        Crs::from_epsg(digits.parse().ok()?)
    }

    fn proj_string(self) -> &'static str {
        match self {
            Crs::Wgs84 => "+proj=longlat +datum=WGS84 +no_defs",
            Crs::WebMercator => {
                "+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs"
            }
            Crs::Lambert72 => {
                "+proj=lcc +lat_0=90 +lon_0=4.36748666666667 +lat_1=51.1666672333333 +lat_2=49.8333339 \
                 +x_0=150000.013 +y_0=5400088.438 +ellps=intl \
                 +towgs84=-106.8686,52.2978,-103.7239,0.3366,-0.457,1.8422,-1.2747 +units=m +no_defs"
            }
            Crs::Lambert2008 => {
                "+proj=lcc +lat_0=50.797815 +lon_0=4.35921583333333 +lat_1=49.8333333333333 +lat_2=51.1666666666667 \
                 +x_0=649328 +y_0=665262 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs"
            }
        }
    }
}

/// Turns coordinates of one CRS into WGS84 longitude/latitude.
pub struct ToWgs84 {
    from: Option<(Proj, Proj)>,
}

impl ToWgs84 {
    pub fn new(crs: Crs) -> anyhow::Result<Self> {
        if crs == Crs::Wgs84 {
            return Ok(ToWgs84 { from: None });
        }
        let src = Proj::from_proj_string(crs.proj_string())
            .map_err(|e| anyhow::anyhow!("EPSG:{}: {e:?}", crs.epsg()))?;
        let dst = Proj::from_proj_string(Crs::Wgs84.proj_string())
            .map_err(|e| anyhow::anyhow!("EPSG:4326: {e:?}"))?;
        Ok(ToWgs84 {
            from: Some((src, dst)),
        })
    }

    pub fn coord(&self, c: Coord<f64>) -> Result<Coord<f64>, String> {
        let Some((src, dst)) = &self.from else {
            return Ok(c);
        };
        let mut p = (c.x, c.y, 0.0);
        proj4rs::transform::transform(src, dst, &mut p)
            .map_err(|e| format!("cannot transform [{}, {}]: {e:?}", c.x, c.y))?;
        Ok(Coord {
            x: p.0.to_degrees(),
            y: p.1.to_degrees(),
        })
    }

    pub fn geometry(&self, g: &Geometry<f64>) -> Result<Geometry<f64>, String> {
        if self.from.is_none() {
            return Ok(g.clone());
        }
        g.try_map_coords(|c| self.coord(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference points computed with PROJ 9.5 (pyproj), EPSG:4326 → each CRS; for
    /// 31370 PROJ chose "BD72 to WGS 84 (3)".
    const REFERENCES: [(u32, [f64; 2], [f64; 2]); 12] = [
        (3857, [453181.647, 6547158.868], [4.0710, 50.5790]),
        (3857, [460473.074, 6552366.995], [4.1365, 50.6087]),
        (3857, [413819.075, 6630904.390], [3.7174, 51.0543]),
        (3857, [621129.363, 6556560.435], [5.5797, 50.6326]),
        (31370, [128911.471, 140963.501], [4.0710, 50.5790]),
        (31370, [133560.905, 144250.621], [4.1365, 50.6087]),
        (31370, [104330.935, 193993.740], [3.7174, 51.0543]),
        (31370, [235666.836, 147582.934], [5.5797, 50.6326]),
        (3812, [628914.788, 640961.633], [4.0710, 50.5790]),
        (3812, [633563.793, 644249.281], [4.1365, 50.6087]),
        (3812, [604328.129, 693988.518], [3.7174, 51.0543]),
        (3812, [735668.499, 647593.735], [5.5797, 50.6326]),
    ];

    #[test]
    fn reference_points_within_one_metre() {
        for (epsg, [x, y], [lon, lat]) in REFERENCES {
            let t = ToWgs84::new(Crs::from_epsg(epsg).unwrap()).unwrap();
            let got = t.coord(Coord { x, y }).unwrap();
            let dx = (got.x - lon) * 111_320.0 * lat.to_radians().cos();
            let dy = (got.y - lat) * 110_574.0;
            let err = (dx * dx + dy * dy).sqrt();
            assert!(
                err < 1.0,
                "EPSG:{epsg} ({x}, {y}) → ({}, {}), {err:.3} m from ({lon}, {lat})",
                got.x,
                got.y
            );
        }
    }

    #[test]
    fn parses_crs_names() {
        assert_eq!(Crs::parse("EPSG:31370"), Some(Crs::Lambert72));
        assert_eq!(
            Crs::parse("urn:ogc:def:crs:EPSG::3812"),
            Some(Crs::Lambert2008)
        );
        assert_eq!(
            Crs::parse("urn:ogc:def:crs:OGC:1.3:CRS84"),
            Some(Crs::Wgs84)
        );
        assert_eq!(Crs::parse("3857"), Some(Crs::WebMercator));
        assert_eq!(Crs::parse("EPSG:2154"), None);
    }
}
