//! Tile layer definitions (`layers/*.toml`), checked when the server starts.
//!
//! A layer says what it shows (kinds of features, or the communes), which properties go
//! into the tiles — only from a fixed list of public fields, so personal data can never
//! leak into a tile — its zoom range, whether it follows the time filter, who may fetch
//! it, and how long caches may keep it.

use serde::Deserialize;

use crate::model::Kind;

/// The layer files built into the binary.
const BUILTIN: [(&str, &str); 9] = [
    ("works.toml", include_str!("../../layers/works.toml")),
    (
        "diversions.toml",
        include_str!("../../layers/diversions.toml"),
    ),
    (
        "parking_bans.toml",
        include_str!("../../layers/parking_bans.toml"),
    ),
    ("events.toml", include_str!("../../layers/events.toml")),
    (
        "occupations.toml",
        include_str!("../../layers/occupations.toml"),
    ),
    ("reports.toml", include_str!("../../layers/reports.toml")),
    ("public.toml", include_str!("../../layers/public.toml")),
    ("internal.toml", include_str!("../../layers/internal.toml")),
    ("communes.toml", include_str!("../../layers/communes.toml")),
];

/// Properties a feature layer may put into tiles.
pub const FEATURE_PROPERTIES: [&str; 8] = [
    "title",
    "category",
    "kind",
    "status",
    "commune",
    "visibility",
    "starts",
    "ends",
];
/// Properties the communes layer may put into tiles.
pub const COMMUNE_PROPERTIES: [&str; 4] = ["nis", "name_fr", "name_nl", "active"];

pub const MAX_ZOOM: u8 = 22;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    #[default]
    Features,
    Communes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Access {
    #[default]
    Public,
    Internal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum TimeSemantics {
    /// Features active at `at` (or over `from`/`to`; now by default).
    #[default]
    Active,
    /// No time filter.
    Always,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub name: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub source: Source,
    #[serde(default)]
    pub kinds: Vec<Kind>,
    pub properties: Vec<String>,
    pub minzoom: u8,
    pub maxzoom: u8,
    #[serde(default, rename = "visibility")]
    pub access: Access,
    #[serde(default)]
    pub time: TimeSemantics,
    /// Below this zoom, points are gathered into clusters that carry `count`.
    #[serde(default)]
    pub cluster_below: Option<u8>,
    /// Seconds a cache may keep a tile of this layer.
    #[serde(default = "default_max_age")]
    pub cache_max_age: u32,
}

fn default_max_age() -> u32 {
    60
}

impl Layer {
    pub fn kind_bits(&self) -> u8 {
        self.kinds.iter().fold(0, |acc, k| acc | k.bit())
    }

    fn check(&self, file: &str) -> Result<(), String> {
        let bad = |m: String| Err(format!("layers/{file}: {m}"));
        if self.name.is_empty()
            || !self
                .name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            return bad(format!(
                "name `{}` must be lower-case letters, digits and _",
                self.name
            ));
        }
        if self.minzoom > self.maxzoom || self.maxzoom > MAX_ZOOM {
            return bad(format!(
                "zooms {}–{} must satisfy minzoom ≤ maxzoom ≤ {MAX_ZOOM}",
                self.minzoom, self.maxzoom
            ));
        }
        if self.cluster_below.is_some_and(|c| c > self.maxzoom) {
            return bad("cluster_below must not exceed maxzoom".into());
        }
        let allowed: &[&str] = match self.source {
            Source::Features => {
                if self.kinds.is_empty() {
                    return bad("a feature layer needs at least one kind".into());
                }
                &FEATURE_PROPERTIES
            }
            Source::Communes => {
                if !self.kinds.is_empty() {
                    return bad("the communes layer takes no kinds".into());
                }
                &COMMUNE_PROPERTIES
            }
        };
        for p in &self.properties {
            if !allowed.contains(&p.as_str()) {
                return bad(format!(
                    "property `{p}` cannot go into tiles; allowed: {}",
                    allowed.join(", ")
                ));
            }
        }
        if self.access == Access::Public && self.properties.iter().any(|p| p == "visibility") {
            return bad(
                "a public layer shows public features only: `visibility` would say nothing".into(),
            );
        }
        Ok(())
    }
}

/// Parses and checks layer files; the error names the file and the fault.
pub fn parse(files: &[(&str, &str)]) -> Result<Vec<Layer>, String> {
    let mut layers: Vec<Layer> = Vec::new();
    for (file, text) in files {
        let layer: Layer = toml::from_str(text).map_err(|e| format!("layers/{file}: {e}"))?;
        layer.check(file)?;
        if layers.iter().any(|l| l.name == layer.name) {
            return Err(format!(
                "layers/{file}: another layer is already named `{}`",
                layer.name
            ));
        }
        layers.push(layer);
    }
    Ok(layers)
}

/// The layers built into the binary.
pub fn builtin() -> Result<Vec<Layer>, String> {
    parse(&BUILTIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_layers_are_valid() {
        let layers = builtin().unwrap();
        assert_eq!(layers.len(), 9);
        let internal = layers.iter().find(|l| l.name == "internal").unwrap();
        assert_eq!(internal.access, Access::Internal);
        assert_eq!(internal.kind_bits().count_ones(), 6);
    }

    #[test]
    fn bad_definitions_are_named() {
        let base = "name = \"x\"\ntitle = \"X\"\nkinds = [\"works\"]\nminzoom = 10\nmaxzoom = 18\n";
        let err = |extra: &str| parse(&[("x.toml", &format!("{base}{extra}"))]).unwrap_err();
        assert!(err("properties = [\"email\"]").contains("property `email` cannot go into tiles"));
        assert!(err("properties = []\ncolour = 1").contains("unknown field `colour`"));
        let e = parse(&[("x.toml", "name = \"x\"\ntitle = \"X\"\nkinds = [\"roads\"]\nproperties = []\nminzoom = 1\nmaxzoom = 2\n")]).unwrap_err();
        assert!(e.contains("layers/x.toml") && e.contains("roads"), "{e}");
        let e = parse(&[("x.toml", "name = \"x\"\ntitle = \"X\"\nkinds = [\"works\"]\nproperties = []\nminzoom = 12\nmaxzoom = 10\n")]).unwrap_err();
        assert!(e.contains("minzoom ≤ maxzoom"), "{e}");
        let twice = format!("{base}properties = []");
        let e = parse(&[("a.toml", &twice), ("b.toml", &twice)]).unwrap_err();
        assert!(
            e.contains("layers/b.toml: another layer is already named `x`"),
            "{e}"
        );
    }
}
