//! Configuration, in this order of precedence: built-in defaults, then `balise.toml`,
//! then `BALISE_*` environment variables, then command-line flags.
//!
//! Unknown keys in the file are an error (a typo must not silently fall back to a
//! default); unknown `BALISE_*` variables are reported as warnings. Secrets (the admin
//! token, a database password) never appear in `Debug` output or logs.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Deserialize;

use crate::store::redact_url;

/// Values as the file, the environment or the command line give them; `None` = not set.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    pub listen: Option<String>,
    pub data_dir: Option<PathBuf>,
    pub database_url: Option<String>,
    pub admin_token: Option<String>,
    /// Load the demo communes' demo data on first start with an empty database.
    pub demo: Option<bool>,
    /// Log filter, as `RUST_LOG` takes it.
    pub log: Option<String>,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: Option<usize>,
    /// Public base URL (e.g. `https://carte.soignies.be`), for absolute links.
    pub public_url: Option<String>,
    /// Requests per minute allowed to one client address (0: no limit).
    pub rate_limit_per_minute: Option<u32>,
    /// Take the client address from `X-Forwarded-For` (only behind a trusted proxy):
    /// the same as `trusted_proxies = 1`.
    pub trust_forwarded_for: Option<bool>,
    /// How many proxies of yours stand in front of balise, each adding the address it
    /// saw to `X-Forwarded-For`; the client is the one the outermost of them added. 0:
    /// the header is not read.
    pub trusted_proxies: Option<u32>,
    /// Memory for rendered tiles, in MiB (0: no cache).
    pub tile_cache_mb: Option<usize>,
    /// Raster basemap under the map, as a tile URL template with `{z}`, `{x}`, `{y}`
    /// (e.g. OpenStreetMap or a Walloon WMTS in its REST form). None by default, so the
    /// map works offline.
    pub basemap_url: Option<String>,
    /// Attribution the basemap's provider asks for; required with `basemap_url`.
    pub basemap_attribution: Option<String>,
    /// SMTP relay for e-mail (`smtp://host:port`); none: messages go to `<data_dir>/outbox`.
    pub smtp_url: Option<String>,
    /// Sender of e-mail to citizens.
    pub mail_from: Option<String>,
    /// The communes that run balise and their settings (contact, report categories,
    /// retention…), in the form of `fixtures/communes.toml`; read at every start.
    pub communes_file: Option<PathBuf>,
}

impl Layer {
    fn over(self, base: Layer) -> Layer {
        Layer {
            listen: self.listen.or(base.listen),
            data_dir: self.data_dir.or(base.data_dir),
            database_url: self.database_url.or(base.database_url),
            admin_token: self.admin_token.or(base.admin_token),
            demo: self.demo.or(base.demo),
            log: self.log.or(base.log),
            max_body_bytes: self.max_body_bytes.or(base.max_body_bytes),
            public_url: self.public_url.or(base.public_url),
            rate_limit_per_minute: self.rate_limit_per_minute.or(base.rate_limit_per_minute),
            trust_forwarded_for: self.trust_forwarded_for.or(base.trust_forwarded_for),
            trusted_proxies: self.trusted_proxies.or(base.trusted_proxies),
            tile_cache_mb: self.tile_cache_mb.or(base.tile_cache_mb),
            basemap_url: self.basemap_url.or(base.basemap_url),
            basemap_attribution: self.basemap_attribution.or(base.basemap_attribution),
            smtp_url: self.smtp_url.or(base.smtp_url),
            mail_from: self.mail_from.or(base.mail_from),
            communes_file: self.communes_file.or(base.communes_file),
        }
    }
}

const ENV_KEYS: [&str; 17] = [
    "BALISE_COMMUNES_FILE",
    "BALISE_SMTP_URL",
    "BALISE_MAIL_FROM",
    "BALISE_CONFIG",
    "BALISE_LISTEN",
    "BALISE_DATA_DIR",
    "BALISE_DATABASE_URL",
    "BALISE_ADMIN_TOKEN",
    "BALISE_DEMO",
    "BALISE_LOG",
    "BALISE_MAX_BODY_BYTES",
    "BALISE_PUBLIC_URL",
    "BALISE_RATE_LIMIT_PER_MINUTE",
    "BALISE_TRUST_FORWARDED_FOR",
    "BALISE_TILE_CACHE_MB",
    "BALISE_BASEMAP_URL",
    "BALISE_BASEMAP_ATTRIBUTION",
];

#[derive(Clone)]
pub struct Config {
    pub listen: SocketAddr,
    pub data_dir: PathBuf,
    pub database_url: String,
    pub admin_token: Option<String>,
    pub demo: bool,
    pub log: String,
    pub max_body_bytes: usize,
    pub public_url: Option<String>,
    pub rate_limit_per_minute: u32,
    /// Proxies in front of balise whose `X-Forwarded-For` entries are believed.
    pub trusted_proxies: u32,
    pub tile_cache_mb: usize,
    pub basemap: Option<Basemap>,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    pub communes_file: Option<PathBuf>,
}

/// A raster basemap drawn under balise's layers.
#[derive(Debug, Clone, PartialEq)]
pub struct Basemap {
    pub url: String,
    pub attribution: String,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field("database_url", &redact_url(&self.database_url))
            .field("admin_token", &self.admin_token.as_ref().map(|_| "***"))
            .field("demo", &self.demo)
            .field("log", &self.log)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("public_url", &self.public_url)
            .field("rate_limit_per_minute", &self.rate_limit_per_minute)
            .field("trusted_proxies", &self.trusted_proxies)
            .field("tile_cache_mb", &self.tile_cache_mb)
            .field("basemap", &self.basemap)
            .field("smtp_url", &self.smtp_url.as_deref().map(redact_url))
            .field("mail_from", &self.mail_from)
            .field("communes_file", &self.communes_file)
            .finish()
    }
}

/// Where the configuration came from, for the start-up log.
pub struct Loaded {
    pub config: Config,
    pub file: Option<PathBuf>,
    pub warnings: Vec<String>,
}

fn env_layer(env: &[(String, String)], warnings: &mut Vec<String>) -> anyhow::Result<Layer> {
    let get = |k: &str| env.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    for (name, _) in env {
        if name.starts_with("BALISE_")
            && !name.starts_with("BALISE_TEST_")
            && !ENV_KEYS.contains(&name.as_str())
        {
            warnings.push(format!(
                "unknown environment variable {name} is ignored (known: {})",
                ENV_KEYS.join(", ")
            ));
        }
    }
    let parse_bool = |k: &str| -> anyhow::Result<Option<bool>> {
        get(k)
            .map(|v| match v.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => bail!("{k}={v:?} is not a boolean (use true or false)"),
            })
            .transpose()
    };
    Ok(Layer {
        listen: get("BALISE_LISTEN"),
        data_dir: get("BALISE_DATA_DIR").map(PathBuf::from),
        database_url: get("BALISE_DATABASE_URL"),
        admin_token: get("BALISE_ADMIN_TOKEN"),
        demo: parse_bool("BALISE_DEMO")?,
        log: get("BALISE_LOG"),
        max_body_bytes: get("BALISE_MAX_BODY_BYTES")
            .map(|v| {
                v.parse().with_context(|| {
                    format!("BALISE_MAX_BODY_BYTES={v:?} is not a number of bytes")
                })
            })
            .transpose()?,
        public_url: get("BALISE_PUBLIC_URL"),
        smtp_url: get("BALISE_SMTP_URL"),
        mail_from: get("BALISE_MAIL_FROM"),
        communes_file: get("BALISE_COMMUNES_FILE").map(PathBuf::from),
        rate_limit_per_minute: get("BALISE_RATE_LIMIT_PER_MINUTE")
            .map(|v| {
                v.parse().with_context(|| {
                    format!("BALISE_RATE_LIMIT_PER_MINUTE={v:?} is not a whole number")
                })
            })
            .transpose()?,
        trust_forwarded_for: parse_bool("BALISE_TRUST_FORWARDED_FOR")?,
        trusted_proxies: get("BALISE_TRUSTED_PROXIES")
            .map(|v| {
                v.parse().with_context(|| {
                    format!("BALISE_TRUSTED_PROXIES={v:?} is not a whole number of proxies")
                })
            })
            .transpose()?,
        tile_cache_mb: get("BALISE_TILE_CACHE_MB")
            .map(|v| {
                v.parse().with_context(|| {
                    format!("BALISE_TILE_CACHE_MB={v:?} is not a whole number of MiB")
                })
            })
            .transpose()?,
        basemap_url: get("BALISE_BASEMAP_URL"),
        basemap_attribution: get("BALISE_BASEMAP_ATTRIBUTION"),
    })
}

fn basemap(url: Option<String>, attribution: Option<String>) -> anyhow::Result<Option<Basemap>> {
    let Some(url) = url.filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        bail!("basemap_url {url:?} must start with https:// or http://");
    }
    for part in ["{z}", "{x}", "{y}"] {
        if !url.contains(part) {
            bail!(
                "basemap_url {url:?} lacks {part}: give a tile URL template with {{z}}, {{x}} and {{y}}"
            );
        }
    }
    let Some(attribution) = attribution.filter(|a| !a.trim().is_empty()) else {
        bail!(
            "basemap_url is set but basemap_attribution is not: say whose map it is (e.g. \"© OpenStreetMap contributors\")"
        );
    };
    Ok(Some(Basemap { url, attribution }))
}

/// Builds the configuration. `config_path` comes from `--config`; without it,
/// `BALISE_CONFIG`, then `./balise.toml` when it exists.
pub fn load(
    config_path: Option<&Path>,
    env: &[(String, String)],
    flags: Layer,
) -> anyhow::Result<Loaded> {
    let mut warnings = Vec::new();
    let env_config = env
        .iter()
        .find(|(n, _)| n == "BALISE_CONFIG")
        .map(|(_, v)| PathBuf::from(v));
    let explicit = config_path.map(Path::to_path_buf).or(env_config);
    let path = explicit
        .clone()
        .or_else(|| Some(PathBuf::from("balise.toml")).filter(|p| p.exists()));
    let file = match &path {
        Some(p) => {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            toml::from_str::<Layer>(&text).with_context(|| format!("in {}", p.display()))?
        }
        None => Layer::default(),
    };
    let merged = flags.over(env_layer(env, &mut warnings)?.over(file));
    let data_dir = merged.data_dir.unwrap_or_else(|| PathBuf::from("data"));
    let listen = merged.listen.unwrap_or_else(|| "127.0.0.1:8080".into());
    let listen: SocketAddr = listen
        .parse()
        .with_context(|| format!("listen address {listen:?} is not host:port"))?;
    let database_url = merged
        .database_url
        .unwrap_or_else(|| format!("sqlite://{}", data_dir.join("balise.gpkg").display()));
    if let Some(t) = &merged.admin_token
        && t.len() < 16
    {
        bail!("the admin token must have at least 16 characters");
    }
    let config = Config {
        listen,
        data_dir,
        database_url,
        admin_token: merged.admin_token,
        demo: merged.demo.unwrap_or(true),
        log: merged.log.unwrap_or_else(|| "info".into()),
        max_body_bytes: merged.max_body_bytes.unwrap_or(1 << 20),
        public_url: merged
            .public_url
            .map(|u| u.trim_end_matches('/').to_string()),
        rate_limit_per_minute: merged.rate_limit_per_minute.unwrap_or(600),
        trusted_proxies: merged
            .trusted_proxies
            .or(merged.trust_forwarded_for.map(u32::from))
            .unwrap_or(0),
        tile_cache_mb: merged.tile_cache_mb.unwrap_or(256),
        basemap: basemap(merged.basemap_url, merged.basemap_attribution)?,
        smtp_url: merged.smtp_url,
        mail_from: merged
            .mail_from
            .unwrap_or_else(|| "balise <ne-pas-repondre@balise.invalid>".into()),
        communes_file: merged.communes_file,
    };
    Ok(Loaded {
        config,
        file: path,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn defaults_then_file_then_env_then_flags() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("balise.toml");
        std::fs::write(
            &file,
            "listen = \"127.0.0.1:9000\"\ndata_dir = \"/srv/a\"\ndemo = false\n",
        )
        .unwrap();
        let l = load(
            Some(&file),
            &env(&[("BALISE_DATA_DIR", "/srv/b")]),
            Layer::default(),
        )
        .unwrap();
        assert_eq!(l.config.listen.port(), 9000, "file beats default");
        assert_eq!(l.config.data_dir, PathBuf::from("/srv/b"), "env beats file");
        assert!(!l.config.demo);
        assert_eq!(l.config.database_url, "sqlite:///srv/b/balise.gpkg");
        let flags = Layer {
            data_dir: Some("/srv/c".into()),
            ..Default::default()
        };
        let l = load(Some(&file), &env(&[("BALISE_DATA_DIR", "/srv/b")]), flags).unwrap();
        assert_eq!(l.config.data_dir, PathBuf::from("/srv/c"), "flag beats env");
    }

    #[test]
    fn unknown_keys_are_reported_and_secrets_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("balise.toml");
        std::fs::write(&file, "lisen = \"x\"\n").unwrap();
        let err = format!(
            "{:#}",
            load(Some(&file), &[], Layer::default()).err().unwrap()
        );
        assert!(err.contains("unknown field `lisen`"), "{err}");
        let l = load(
            None,
            &env(&[
                ("BALISE_LISTN", "x"),
                ("BALISE_ADMIN_TOKEN", "a-very-secret-token-value"),
                ("BALISE_DATABASE_URL", "postgres://u:hunter2@db/balise"),
            ]),
            Layer::default(),
        )
        .unwrap();
        assert!(l.warnings[0].contains("BALISE_LISTN"));
        let shown = format!("{:?}", l.config);
        assert!(
            !shown.contains("a-very-secret") && !shown.contains("hunter2"),
            "{shown}"
        );
    }

    #[test]
    fn a_basemap_needs_a_template_and_an_attribution() {
        let osm = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
        let l = load(None, &[], Layer::default()).unwrap();
        assert_eq!(
            l.config.basemap, None,
            "no basemap by default: works offline"
        );
        let err = |e: &[(&str, &str)]| {
            format!("{:#}", load(None, &env(e), Layer::default()).err().unwrap())
        };
        assert!(err(&[("BALISE_BASEMAP_URL", osm)]).contains("basemap_attribution"));
        assert!(
            err(&[
                ("BALISE_BASEMAP_URL", "https://tile.example/{z}/{x}.png"),
                ("BALISE_BASEMAP_ATTRIBUTION", "x")
            ])
            .contains("lacks {y}")
        );
        let l = load(
            None,
            &env(&[
                ("BALISE_BASEMAP_URL", osm),
                ("BALISE_BASEMAP_ATTRIBUTION", "© OpenStreetMap contributors"),
            ]),
            Layer::default(),
        )
        .unwrap();
        assert_eq!(l.config.basemap.unwrap().url, osm);
    }
}
