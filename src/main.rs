//! The `balise` command: `serve` (the default), `import`, `export` and `demo`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use balise::app::{App, Rejection};
use balise::config::{self, Config, Layer};
use balise::crs::Crs;
use balise::index::Query;
use balise::model::Kind;
use balise::model::account::{Grant, Role};
use balise::policy::Actor;
use balise::transfer::{self, ImportOptions};

/// The server answers many small requests from many threads, each with a few short-lived
/// allocations; mimalloc serves that pattern faster than glibc's allocator (cached tiles:
/// 4 to 29 % more requests per second, benches/README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "balise",
    version,
    about = "One live map of everything that occupies public space in a commune"
)]
struct Cli {
    /// Configuration file (default: ./balise.toml when it exists).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, global = true)]
    listen: Option<String>,
    /// Directory for the SQLite database, photos and the outbox [default: ./data].
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// Database URL: sqlite://… or postgres://… [default: the data dir's balise.gpkg].
    #[arg(long, global = true)]
    database_url: Option<String>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the server (the default).
    Serve,
    /// Import features from GeoJSON, FlatGeobuf or CSV: all records or none.
    Import {
        file: PathBuf,
        /// Kind of the records that do not name their own.
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
        /// NIS code of the commune, for records that do not name one (default: found by location).
        #[arg(long)]
        commune: Option<String>,
        /// CRS of the coordinates: 4326, 3857, 31370 or 3812 (default: as the file declares, else 4326).
        #[arg(long, value_parser = parse_crs)]
        crs: Option<Crs>,
        /// Check the file and report, but write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Export features as GeoJSON or FlatGeobuf.
    Export {
        #[arg(long, value_enum, default_value = "geojson")]
        format: ExportFormat,
        #[arg(long, value_parser = parse_kind)]
        kind: Option<Kind>,
        /// minLon,minLat,maxLon,maxLat
        #[arg(long)]
        bbox: Option<String>,
        /// Output file (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Generate deterministic synthetic features in the active communes (for benchmarks).
    Demo {
        #[arg(long, default_value_t = 10_000)]
        features: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Date the schedules are spread around (default: today).
        #[arg(long)]
        anchor: Option<chrono::NaiveDate>,
    },
    /// Agents' accounts: `user add`, `user list`.
    User {
        #[command(subcommand)]
        action: UserCommand,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account, or give an existing one more roles. Without a password, prints
    /// a link (valid one hour) where the person chooses it.
    Add {
        #[arg(long)]
        email: String,
        /// NIS code of the commune; repeat for several communes.
        #[arg(long, required = true)]
        commune: Vec<String>,
        /// agent, coordinator, worker or admin.
        #[arg(long, value_parser = parse_role)]
        role: Role,
        /// The person's name, as colleagues know it.
        #[arg(long, default_value = "")]
        name: String,
        /// Read the password from standard input instead.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List the accounts and their roles.
    List,
}

fn parse_role(s: &str) -> Result<Role, String> {
    Role::parse(s)
        .ok_or_else(|| "unknown role; expected agent, coordinator, worker or admin".into())
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Geojson,
    Fgb,
}

fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        format!(
            "unknown kind; expected one of: {}",
            Kind::ALL.map(Kind::as_str).join(", ")
        )
    })
}

fn parse_crs(s: &str) -> Result<Crs, String> {
    Crs::parse(s).ok_or_else(|| "unsupported CRS; expected 4326, 3857, 31370 or 3812".into())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let flags = Layer {
        listen: cli.listen.clone(),
        data_dir: cli.data_dir.clone(),
        database_url: cli.database_url.clone(),
        ..Default::default()
    };
    let env: Vec<(String, String)> = std::env::vars().collect();
    let loaded = match config::load(cli.config.as_deref(), &env, flags) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("balise: configuration error: {e:#}");
            return ExitCode::from(2);
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| loaded.config.log.as_str().into()),
        )
        .with_writer(std::io::stderr)
        .init();
    for w in &loaded.warnings {
        tracing::warn!("{w}");
    }
    let runtime = tokio::runtime::Runtime::new().expect("tokio runtime");
    match runtime.block_on(dispatch(
        cli.command.unwrap_or(Command::Serve),
        loaded.config,
    )) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("balise: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn dispatch(command: Command, mut config: Config) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve => {
            let (token, generated) = balise::server::admin_token(&config)?;
            if generated {
                eprintln!(
                    "\nAn admin token was generated and stored in {}.\nUse it as `Authorization: Bearer {token}`. It is shown only this once.\n",
                    config.data_dir.join("admin-token").display()
                );
            }
            config.admin_token = Some(token);
            let listen = config.listen;
            tracing::info!(config = ?config, "starting");
            let app = balise::server::open(config).await?;
            if app.store.users().await?.is_empty() {
                eprintln!(
                    "\nNo agent account exists yet. Create the first admin with:\n  balise user add --email you@commune.be --commune {} --role admin\nIt prints a link where you choose your password.\n",
                    app.territory()
                        .active()
                        .next()
                        .map_or("55040", |c| c.nis.as_str())
                );
            }
            let listener = tokio::net::TcpListener::bind(listen)
                .await
                .with_context(|| format!("cannot listen on {listen}"))?;
            tracing::info!("balise is listening on http://{}", listener.local_addr()?);
            balise::server::run(listener, app, async {
                balise::server::stop_signal().await;
                tracing::info!("shutting down");
            })
            .await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            file,
            kind,
            commune,
            crs,
            dry_run,
        } => {
            config.demo = false;
            let app = balise::server::open_once(config).await?;
            let opts = ImportOptions { kind, commune, crs };
            let drafts = match transfer::read(&file, &opts)? {
                Ok(d) => d,
                Err(rejected) => return Ok(report_rejections(&file, &rejected)),
            };
            let n = drafts.len() as u64;
            if dry_run {
                // validate against the territory without writing
                let territory = app.territory();
                let rejected: Vec<Rejection> = drafts
                    .iter()
                    .filter_map(|(place, d)| {
                        d.check(&territory).err().map(|errors| Rejection {
                            place: place.clone(),
                            errors,
                        })
                    })
                    .collect();
                if !rejected.is_empty() {
                    return Ok(report_rejections(&file, &rejected));
                }
                eprintln!(
                    "{}: {n} features would be imported (dry run, nothing written)",
                    file.display()
                );
                return Ok(ExitCode::SUCCESS);
            }
            let bar = progress(n, "importing");
            let result = app
                .create_many(drafts, &Actor::System("import".into()), &|done| {
                    bar.set_position(done)
                })
                .await;
            bar.finish_and_clear();
            match result {
                Ok(features) => {
                    eprintln!("{}: {} features imported", file.display(), features.len());
                    Ok(ExitCode::SUCCESS)
                }
                Err(rejected) => Ok(report_rejections(&file, &rejected)),
            }
        }
        Command::Export {
            format,
            kind,
            bbox,
            output,
        } => {
            config.demo = false;
            let app = balise::server::open_once(config).await?;
            let mut q = Query {
                internal: balise::index::Scope::All,
                ..Default::default()
            };
            if let Some(k) = kind {
                q.kinds = k.bit();
            }
            if let Some(b) = bbox {
                let n: Vec<f64> = b
                    .split(',')
                    .map(|s| s.trim().parse())
                    .collect::<Result<_, _>>()
                    .context("--bbox needs minLon,minLat,maxLon,maxLat")?;
                let [x0, y0, x1, y1] = n[..] else {
                    bail!("--bbox needs four numbers minLon,minLat,maxLon,maxLat")
                };
                q.bbox = Some(geo::Rect::new(
                    geo::Coord { x: x0, y: y0 },
                    geo::Coord { x: x1, y: y1 },
                ));
            }
            let entries = app.query(&q);
            let features: Vec<&balise::model::Feature> =
                entries.iter().map(|e| &e.feature).collect();
            let mut out: Box<dyn Write> = match &output {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            match format {
                ExportFormat::Geojson => transfer::write_geojson(&features, &mut out)?,
                ExportFormat::Fgb => transfer::write_fgb(&features, &mut out)?,
            }
            out.flush()?;
            eprintln!("{} features exported", features.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo {
            features,
            seed,
            anchor,
        } => {
            config.demo = false;
            let app: std::sync::Arc<App> = balise::server::open_once(config).await?;
            let anchor = match anchor {
                Some(d) => {
                    balise::model::schedule::local_to_utc(d.and_time(chrono::NaiveTime::MIN))
                }
                None => balise::clock::now(),
            };
            let generated = balise::demo::synthetic(&app.communes(), features, seed, anchor);
            let bar = progress(generated.len() as u64, "writing");
            let written = app
                .insert_all(generated, &Actor::System("demo".into()), &|done| {
                    bar.set_position(done)
                })
                .await?;
            bar.finish_and_clear();
            eprintln!("{} synthetic features written (seed {seed})", written.len());
            Ok(ExitCode::SUCCESS)
        }
        Command::User { action } => {
            config.demo = false;
            let base = config
                .public_url
                .clone()
                .unwrap_or_else(|| format!("http://{}", config.listen));
            let app = balise::server::open_once(config).await?;
            user_command(&app, action, &base).await
        }
    }
}

fn progress(len: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::new(len);
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} ({eta})")
            .expect("valid template")
            .progress_chars("=> "),
    );
    bar.set_message(what.to_string());
    bar
}

fn report_rejections(file: &std::path::Path, rejected: &[Rejection]) -> ExitCode {
    eprintln!(
        "{}: nothing imported; {} record(s) rejected:",
        file.display(),
        rejected.len()
    );
    for r in rejected {
        for e in &r.errors {
            eprintln!("  {}: {e}", r.place);
        }
    }
    ExitCode::from(1)
}

async fn user_command(app: &App, action: UserCommand, base: &str) -> anyhow::Result<ExitCode> {
    let cli = Actor::System("cli".into());
    match action {
        UserCommand::List => {
            for u in app.store.users().await? {
                let roles: Vec<String> = u
                    .grants
                    .iter()
                    .map(|g| format!("{}@{}", g.role.as_str(), g.commune))
                    .collect();
                println!(
                    "{}\t{}\t{}{}",
                    u.email,
                    u.name,
                    roles.join(","),
                    if u.has_password {
                        ""
                    } else {
                        "\t(no password yet)"
                    }
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        UserCommand::Add {
            email,
            commune,
            role,
            name,
            password_stdin,
        } => {
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let grants: Vec<Grant> = commune
                .into_iter()
                .map(|c| Grant { commune: c, role })
                .collect();
            let (user, created) = match app
                .add_user(&cli, &email, &name, &grants, password.as_deref())
                .await
            {
                Ok(done) => done,
                Err(balise::error::Error::Invalid(errors)) => {
                    for e in errors {
                        eprintln!("balise: {}: {}", e.pointer, e.message);
                    }
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e.into()),
            };
            eprintln!(
                "{} {}: {}",
                if created { "created" } else { "updated" },
                user.email,
                user.grants
                    .iter()
                    .map(|g| format!("{}@{}", g.role.as_str(), g.commune))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            if !user.has_password
                && let Some((_, secret)) = app.request_reset(&user.email).await?
            {
                println!("{base}/mot-de-passe/{secret}");
                eprintln!("Open this link within an hour to choose the password.");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
