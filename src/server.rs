//! Starting and stopping the server.
//!
//! `run` takes a bound listener and a shutdown future, so that tests can bind port 0
//! and stop the server when they like, the same way `main` does with Ctrl-C.

use std::future::Future;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use tokio::net::TcpListener;

use crate::app::App;
use crate::config::Config;

/// Serves the application on `listener` until `shutdown` completes, then finishes the
/// requests in flight.
pub async fn run(
    listener: TcpListener,
    app: Arc<App>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let service = crate::api::service(app)?;
    let in_flight = service.in_flight();
    // the peer address keys the rate limits
    let service = axum::ServiceExt::<axum::extract::Request>::into_make_service_with_connect_info::<
        SocketAddr,
    >(service);
    // small answers (cached tiles) go out at once, as nginx's `tcp_nodelay` does
    let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "cannot set TCP_NODELAY");
        }
    });
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await?;
    // requests whose clients left go on to their end: wait for them (bounded, as a
    // supervisor's stop timeout is)
    if tokio::time::timeout(STOP_WAIT, in_flight.idle())
        .await
        .is_err()
    {
        tracing::warn!("stopped while requests were still being handled");
    }
    Ok(())
}

/// How long a stop waits for requests in flight.
const STOP_WAIT: std::time::Duration = std::time::Duration::from_secs(30);

/// Completes when the process is asked to stop: Ctrl-C (SIGINT) or SIGTERM, which
/// systemd and container runtimes send.
pub async fn stop_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for SIGTERM; only Ctrl-C stops gracefully");
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Opens the application to serve: as `open_once`, and following the changes other
/// processes write.
pub async fn open(config: Config) -> anyhow::Result<Arc<App>> {
    start(config, true).await
}

/// Opens the store the configuration names and starts the application on it, for a
/// one-shot command.
pub async fn open_once(config: Config) -> anyhow::Result<Arc<App>> {
    start(config, false).await
}

async fn start(config: Config, follow: bool) -> anyhow::Result<Arc<App>> {
    if config.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&config.data_dir).with_context(|| {
            format!(
                "cannot create the data directory {}",
                config.data_dir.display()
            )
        })?;
    }
    let store = crate::store::open(&config.database_url).await?;
    App::start(store, config, follow).await
}

/// The admin token: from configuration, or from `<data dir>/admin-token`, or newly
/// generated there. Returns the token and whether it was just generated (the only time
/// it is ever printed).
pub fn admin_token(config: &Config) -> anyhow::Result<(String, bool)> {
    if let Some(t) = &config.admin_token {
        return Ok((t.clone(), false));
    }
    let path = config.data_dir.join("admin-token");
    if let Ok(t) = std::fs::read_to_string(&path) {
        return Ok((t.trim().to_string(), false));
    }
    std::fs::create_dir_all(&config.data_dir)?;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    let token = URL_SAFE_NO_PAD.encode(bytes);
    write_secret(&path, &token)
        .with_context(|| format!("cannot store the admin token in {}", path.display()))?;
    Ok((token, true))
}

fn write_secret(path: &Path, secret: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut opts, 0o600);
    let mut f = opts.open(path)?;
    writeln!(f, "{secret}")
}
