//! MapLibre styles, with their sprites and glyphs, served from what the binary carries.
//!
//! Nothing here reaches the network: `styles/balise.json` refers to balise's own tiles,
//! sprites and glyphs by paths (`/tiles/…`, `/styles/…`) that [`Styles::document`] turns
//! into absolute URLs for the address the client used. Sprites are drawn at start from
//! the SVG files of `styles/icons/` (resvg); glyphs are rendered on first demand from the
//! fonts of `styles/fonts/` (FreeType, signed distance fields) and kept in memory.
//!
//! Status must not be told by colour alone, so a point or area carries a composite icon:
//! the kind's pictogram with a black-and-white badge for its status group (planned,
//! in progress, suspended, done, closed, new), and lines change their dash pattern.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use serde_json::{Value, json};

use crate::config::Basemap;

/// Style documents by name, as shipped.
const STYLES: [(&str, &str); 1] = [("balise", include_str!("../styles/balise.json"))];

/// Kind pictograms, by the name the style's `icon-image` expressions build.
const KINDS: [(&str, &str); 6] = [
    ("works", include_str!("../styles/icons/works.svg")),
    ("diversion", include_str!("../styles/icons/diversion.svg")),
    (
        "parking_ban",
        include_str!("../styles/icons/parking_ban.svg"),
    ),
    ("event", include_str!("../styles/icons/event.svg")),
    ("occupation", include_str!("../styles/icons/occupation.svg")),
    ("report", include_str!("../styles/icons/report.svg")),
];

/// Status badges, by status group (the style maps each status to its group).
const BADGES: [(&str, &str); 6] = [
    ("new", include_str!("../styles/icons/status-new.svg")),
    (
        "planned",
        include_str!("../styles/icons/status-planned.svg"),
    ),
    ("active", include_str!("../styles/icons/status-active.svg")),
    (
        "suspended",
        include_str!("../styles/icons/status-suspended.svg"),
    ),
    ("done", include_str!("../styles/icons/status-done.svg")),
    ("closed", include_str!("../styles/icons/status-closed.svg")),
];

/// Icons used as they are.
const PLAIN: [(&str, &str); 1] = [("arrow", include_str!("../styles/icons/arrow.svg"))];

/// Fonts by the name styles give in `text-font`.
pub const FONTS: [(&str, &[u8]); 2] = [
    (
        "DejaVu Sans Book",
        include_bytes!("../styles/fonts/DejaVuSans.ttf"),
    ),
    (
        "DejaVu Sans Bold",
        include_bytes!("../styles/fonts/DejaVuSans-Bold.ttf"),
    ),
];

/// One spritesheet: the index MapLibre reads and the image it points into.
pub struct Sprite {
    pub index: Value,
    pub png: Vec<u8>,
}

/// A font (its index in [`FONTS`]) and the first code point of a range of 256.
type GlyphRange = (usize, u32);

pub struct Styles {
    styles: Vec<(&'static str, Value)>,
    /// At pixel ratios 1 and 2.
    sprites: [Sprite; 2],
    glyphs: Mutex<HashMap<GlyphRange, Arc<Vec<u8>>>>,
}

impl Styles {
    /// Parses the styles and draws the sprites; fails on a broken file of `styles/`.
    pub fn load() -> Result<Styles, String> {
        let styles = STYLES
            .iter()
            .map(|(name, text)| {
                serde_json::from_str(text)
                    .map(|v| (*name, v))
                    .map_err(|e| format!("styles/{name}.json: {e}"))
            })
            .collect::<Result<_, _>>()?;
        Ok(Styles {
            styles,
            sprites: [sprite(1)?, sprite(2)?],
            glyphs: Mutex::new(HashMap::new()),
        })
    }

    /// The style `name` for a client that reached us at `base`, with the basemap when one
    /// is configured and the view centred on `bounds` (west, south, east, north).
    pub fn document(
        &self,
        name: &str,
        base: &str,
        basemap: Option<&Basemap>,
        bounds: Option<[f64; 4]>,
    ) -> Option<Value> {
        let (_, style) = self.styles.iter().find(|(n, _)| *n == name)?;
        let mut doc = style.clone();
        let absolute = |v: &mut Value| {
            if let Some(path) = v.as_str().filter(|s| s.starts_with('/')) {
                *v = Value::String(format!("{base}{path}"));
            }
        };
        absolute(&mut doc["sprite"]);
        absolute(&mut doc["glyphs"]);
        if let Some(sources) = doc["sources"].as_object_mut() {
            for source in sources.values_mut() {
                absolute(&mut source["url"]);
            }
        }
        if let Some(b) = bounds {
            doc["center"] = json!([(b[0] + b[2]) / 2.0, (b[1] + b[3]) / 2.0]);
        }
        if let Some(m) = basemap {
            doc["sources"]["basemap"] = json!({
                "type": "raster",
                "tiles": [m.url],
                "tileSize": 256,
                "maxzoom": 19,
                "attribution": m.attribution,
            });
            if let Some(layers) = doc["layers"].as_array_mut() {
                // right above the background, under everything of balise's
                let at = layers
                    .iter()
                    .position(|l| l["type"] != "background")
                    .unwrap_or(layers.len());
                layers.insert(
                    at,
                    json!({ "id": "basemap", "type": "raster", "source": "basemap" }),
                );
            }
        }
        Some(doc)
    }

    /// The spritesheet at pixel ratio 1 or 2.
    pub fn sprite(&self, ratio: u8) -> Option<&Sprite> {
        match ratio {
            1 => Some(&self.sprites[0]),
            2 => Some(&self.sprites[1]),
            _ => None,
        }
    }

    /// Glyphs `start..=start+255` of the first font of `fontstack` balise has, as the
    /// protocol buffer MapLibre asks for. `None` when the stack names no font we have.
    /// Renders on first demand, then answers from memory.
    pub fn glyphs(&self, fontstack: &str, start: u32) -> Option<Result<Arc<Vec<u8>>, String>> {
        let font = fontstack
            .split(',')
            .find_map(|name| FONTS.iter().position(|(n, _)| *n == name.trim()))?;
        if let Some(done) = self.glyphs.lock().expect("glyph cache").get(&(font, start)) {
            return Some(Ok(done.clone()));
        }
        let rendered = render_glyphs(FONTS[font].1, start).map(Arc::new);
        if let Ok(bytes) = &rendered {
            self.glyphs
                .lock()
                .expect("glyph cache")
                .insert((font, start), bytes.clone());
        }
        Some(rendered)
    }
}

/// Logical size of a sprite cell: a 24-pixel pictogram with its badge overhanging.
const CELL: u32 = 30;
const COLUMNS: u32 = 8;

/// Every icon of the sheet, as `(name, SVG document)`: each kind with each badge, and the
/// plain icons.
fn icons() -> Vec<(String, String)> {
    let strip = |svg: &str| svg.trim().to_string();
    let mut all = Vec::new();
    for (kind, pictogram) in KINDS {
        for (group, badge) in BADGES {
            // the pictogram at the top left, the badge over its bottom-right corner
            let svg = format!(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{CELL}\" height=\"{CELL}\">\
                 <g transform=\"translate(1 1)\">{}</g>\
                 <g transform=\"translate(16 16)\">{}</g></svg>",
                strip(pictogram),
                strip(badge)
            );
            all.push((format!("{kind}-{group}"), svg));
        }
    }
    for (name, svg) in PLAIN {
        all.push((name.to_string(), strip(svg)));
    }
    all
}

/// Draws every icon into one sheet at `ratio`, in a grid of `CELL`-sized cells.
fn sprite(ratio: u8) -> Result<Sprite, String> {
    let icons = icons();
    let r = u32::from(ratio);
    let rows = (icons.len() as u32).div_ceil(COLUMNS);
    let mut sheet = Pixmap::new(COLUMNS * CELL * r, rows * CELL * r).ok_or("empty sprite")?;
    let mut index = serde_json::Map::new();
    let options = usvg::Options::default();
    for (i, (name, svg)) in icons.iter().enumerate() {
        let tree =
            usvg::Tree::from_str(svg, &options).map_err(|e| format!("icon `{name}`: {e}"))?;
        let (w, h) = (
            tree.size().width().ceil() as u32,
            tree.size().height().ceil() as u32,
        );
        if w > CELL || h > CELL {
            return Err(format!(
                "icon `{name}` is {w}×{h}, larger than {CELL}×{CELL}"
            ));
        }
        let (x, y) = (
            (i as u32 % COLUMNS) * CELL * r,
            (i as u32 / COLUMNS) * CELL * r,
        );
        let f = f32::from(ratio);
        resvg::render(
            &tree,
            Transform::from_row(f, 0.0, 0.0, f, x as f32, y as f32),
            &mut sheet.as_mut(),
        );
        index.insert(
            name.clone(),
            json!({ "x": x, "y": y, "width": w * r, "height": h * r, "pixelRatio": ratio }),
        );
    }
    let png = sheet.encode_png().map_err(|e| e.to_string())?;
    Ok(Sprite {
        index: Value::Object(index),
        png,
    })
}

/// Renders one range of 256 glyphs of `font` as signed distance fields, with the size,
/// buffer and radius MapLibre's own glyph server uses (24 px, 3 px, 8 px).
fn render_glyphs(font: &[u8], start: u32) -> Result<Vec<u8>, String> {
    use pbf_font_tools::prost::Message;
    let library = pbf_font_tools::freetype::Library::init().map_err(|e| e.to_string())?;
    let face = library
        .new_memory_face(font.to_vec(), 0)
        .map_err(|e| e.to_string())?;
    let stack = pbf_font_tools::glyph_range_for_face(&face, start, start + 255, 24, 8, 0.25)
        .map_err(|e| e.to_string())?;
    Ok(pbf_font_tools::Glyphs {
        stacks: vec![stack],
    }
    .encode_to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_icon_the_style_can_ask_for_is_in_the_sheet() {
        let styles = Styles::load().unwrap();
        let index = &styles.sprite(2).unwrap().index;
        for (kind, _) in KINDS {
            for (group, _) in BADGES {
                let entry = &index[format!("{kind}-{group}")];
                assert_eq!(entry["pixelRatio"], 2);
                assert_eq!(entry["width"], 2 * CELL);
            }
        }
        assert!(index["arrow"].is_object());
    }

    #[test]
    fn urls_become_absolute_and_the_basemap_goes_under_everything() {
        let styles = Styles::load().unwrap();
        let basemap = Basemap {
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            attribution: "© OpenStreetMap contributors".into(),
        };
        let doc = styles
            .document("balise", "https://carte.example", Some(&basemap), None)
            .unwrap();
        assert_eq!(doc["sprite"], "https://carte.example/styles/sprites/balise");
        assert!(
            doc["sources"]["balise"]["url"]
                .as_str()
                .unwrap()
                .starts_with("https://carte.example/tiles/")
        );
        assert_eq!(doc["layers"][0]["type"], "background");
        assert_eq!(doc["layers"][1]["id"], "basemap");
        assert!(styles.document("nope", "x", None, None).is_none());
    }

    #[test]
    fn glyphs_cover_french_and_unknown_fonts_are_refused() {
        let styles = Styles::load().unwrap();
        let bytes = styles.glyphs("DejaVu Sans Book", 0).unwrap().unwrap();
        let glyphs =
            <pbf_font_tools::Glyphs as pbf_font_tools::prost::Message>::decode(bytes.as_slice())
                .unwrap();
        let ids: Vec<u32> = glyphs.stacks[0].glyphs.iter().map(|g| g.id).collect();
        for c in "Rue de la Station, fermée à la circulation – été".chars() {
            if (c as u32) < 256 {
                assert!(ids.contains(&(c as u32)), "missing {c:?}");
            }
        }
        assert!(styles.glyphs("Comic Sans MS", 0).is_none());
        assert!(
            styles
                .glyphs("Comic Sans MS,DejaVu Sans Bold", 256)
                .is_some()
        );
    }
}
