//! HTTP: the JSON API, health and metrics. Handlers are thin: they parse, ask `policy`
//! through the `Actor` extractor, call `App`, and shape the answer. Errors become
//! problem documents in `problem`, nowhere else.

mod communes;
mod conflicts;
pub mod extract;
mod features;
mod limit;
mod problem;
mod styles;
pub mod tasks;
mod tiles;
mod tokens;
mod work;

pub use limit::ClientAddr;
pub use tiles::accepts_gzip;

use std::sync::Arc;
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::trace::TraceLayer;

use crate::app::App;
use crate::metrics::Metrics;

/// What every handler reaches through `State`: one pointer, cloned for each request.
#[derive(Clone)]
pub struct Web(Arc<WebState>);

impl std::ops::Deref for Web {
    type Target = WebState;
    fn deref(&self) -> &WebState {
        &self.0
    }
}

pub struct WebState {
    pub app: Arc<App>,
    pub metrics: Arc<Metrics>,
    limiter: Arc<limit::Limiter>,
    pub tiles: Arc<Vec<crate::tiles::Layer>>,
    pub tile_cache: Arc<crate::tiles::cache::TileCache>,
    pub styles: Arc<crate::styles::Styles>,
    pub ui: Arc<crate::web::Ui>,
    pub mailer: Arc<crate::mail::Mailer>,
    /// Stricter limits for the citizen forms' POSTs, per client address.
    pub form_limiter: Arc<limit::Limiter>,
    /// Requests being handled, which a stop waits for.
    pub in_flight: Arc<InFlight>,
}

/// How many requests are being handled, so that stopping the server waits for the
/// writes they make even when their clients are gone.
#[derive(Default)]
pub struct InFlight {
    count: std::sync::atomic::AtomicUsize,
    idle: tokio::sync::Notify,
}

/// One request being handled; dropped when it ends.
pub struct Handling(Arc<InFlight>);

impl InFlight {
    pub fn enter(self: &Arc<Self>) -> Handling {
        self.count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Handling(self.clone())
    }

    /// Waits until no request is being handled.
    pub async fn idle(&self) {
        loop {
            // created before the count is read: a wake-up in between is not missed
            let woken = self.idle.notified();
            if self.count.load(std::sync::atomic::Ordering::SeqCst) == 0 {
                return;
            }
            woken.await;
        }
    }
}

impl Drop for Handling {
    fn drop(&mut self) {
        if self
            .0
            .count
            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst)
            == 1
        {
            self.0.idle.notify_waiters();
        }
    }
}

/// The HTTP surface as served: cached public tiles first (`tiles::fast_hit`), then the
/// router. Fails when a tile layer definition or a style is wrong.
pub fn service(app: Arc<App>) -> anyhow::Result<FastTiles> {
    let (router, web) = router(app)?;
    Ok(FastTiles { web, router })
}

/// Answers cache hits of public tiles before routing and the middleware chain; sends
/// everything else to the router.
#[derive(Clone)]
pub struct FastTiles {
    web: Web,
    router: Router,
}

impl FastTiles {
    /// The requests being handled, for a stop to wait for.
    pub fn in_flight(&self) -> Arc<InFlight> {
        self.web.in_flight.clone()
    }
}

impl tower::Service<Request> for FastTiles {
    type Response = Response;
    type Error = std::convert::Infallible;
    type Future =
        std::pin::Pin<Box<dyn std::future::Future<Output = Result<Response, Self::Error>> + Send>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Self::Error>> {
        // a Router is always ready
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if let Some(mut res) = tiles::fast_hit(&self.web, &req) {
            // a fast hit is a public tile asked without a token
            protect(&self.web, false, &mut res);
            return Box::pin(std::future::ready(Ok(res)));
        }
        Box::pin(tower::Service::call(&mut self.router, req))
    }
}

fn router(app: Arc<App>) -> anyhow::Result<(Router, Web)> {
    let tile_layers = crate::tiles::layers::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let styles = crate::styles::Styles::load().map_err(|e| anyhow::anyhow!("{e}"))?;
    let ui = crate::web::Ui::load(app.config.basemap.as_ref())?;
    let app_cache_bytes = app.config.tile_cache_mb << 20;
    let app_for_cache = app.clone();
    let limit = app.config.max_body_bytes;
    let limiter = Arc::new(limit::Limiter::new(
        app.config.rate_limit_per_minute,
        app.config.trusted_proxies,
    ));
    let web = Web(Arc::new(WebState {
        app,
        metrics: Arc::new(Metrics::default()),
        limiter,
        tiles: Arc::new(tile_layers),
        tile_cache: {
            let cache = Arc::new(crate::tiles::cache::TileCache::new(app_cache_bytes));
            let c = cache.clone();
            app_for_cache.on_index_change(move |a| c.invalidate(a));
            cache
        },
        styles: Arc::new(styles),
        ui: Arc::new(ui),
        mailer: Arc::new(crate::mail::Mailer::new(&app_for_cache.config)?),
        form_limiter: Arc::new(limit::Limiter::new(
            app_for_cache.config.rate_limit_per_minute / 20,
            app_for_cache.config.trusted_proxies,
        )),
        in_flight: Arc::default(),
    }));
    crate::web::start(&web);
    // maps on other sites may use balise's tiles and styles: they are public reads
    let cors = tower_http::cors::CorsLayer::new()
        .allow_origin(tower_http::cors::Any)
        .allow_methods([axum::http::Method::GET])
        .allow_headers([header::IF_NONE_MATCH, header::AUTHORIZATION]);
    // tiles come gzipped from the tile cache; glyphs are compressed on the way out
    let map_routes = Router::new()
        .route("/styles/fonts/{fontstack}/{file}", get(styles::glyphs))
        .layer(tower_http::compression::CompressionLayer::new())
        .route(tiles::TILE_ROUTE, get(tiles::tile))
        .route("/tiles", get(tiles::catalog))
        .route("/tiles/{layers}", get(tiles::tilejson))
        .route("/styles/{file}", get(styles::style))
        .route("/styles/sprites/{file}", get(styles::sprite))
        .layer(cors);
    let router = Router::new()
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route(
            "/api/v1/features",
            get(features::list).post(features::create),
        )
        .route(
            "/api/v1/features/{id}",
            get(features::read)
                .put(features::replace)
                .delete(features::delete),
        )
        .route("/api/v1/features/{id}/history", get(features::history))
        .route(
            "/api/v1/features/{id}/conflicts",
            get(conflicts::of_feature),
        )
        .route(
            "/api/v1/features/{id}/conflicts/{other}/assessment",
            axum::routing::put(conflicts::assess),
        )
        .route(
            "/api/v1/features/{id}/conflicts/{other}/assessments",
            get(conflicts::assessments),
        )
        .route(
            "/api/v1/conflicts/preview",
            axum::routing::post(conflicts::preview),
        )
        .route("/api/v1/tokens", get(tokens::list).post(tokens::create))
        .route("/api/v1/tasks", get(tasks::list).post(tasks::create))
        .route("/api/v1/tasks/{id}", get(tasks::read).put(tasks::replace))
        .route("/api/v1/tasks/{id}/history", get(tasks::history))
        .route(
            "/api/v1/tasks/{id}/documents",
            axum::routing::post(tasks::document_create).layer(
                axum::extract::DefaultBodyLimit::max(crate::model::task::MAX_DOCUMENT_BYTES),
            ),
        )
        .route(
            "/api/v1/tasks/{id}/documents/{doc}",
            get(tasks::document).delete(tasks::document_delete),
        )
        .route(
            "/api/v1/tasks/{id}/comments",
            get(work::comments).post(work::comment_create),
        )
        .route(
            "/api/v1/services",
            get(work::services).post(work::service_create),
        )
        .route(
            "/api/v1/services/{id}",
            axum::routing::patch(work::service_update).delete(work::service_delete),
        )
        .route(
            "/api/v1/projects/{id}",
            axum::routing::patch(work::project_update).delete(work::project_delete),
        )
        .route("/api/v1/audit", get(work::audit))
        .route(
            "/api/v1/templates",
            get(work::templates).post(work::template_create),
        )
        .route(
            "/api/v1/templates/{id}",
            axum::routing::patch(work::template_update).delete(work::template_delete),
        )
        .route(
            "/api/v1/rules/{id}",
            axum::routing::patch(work::rule_move).delete(work::rule_delete),
        )
        .route(
            "/api/v1/services/{id}/members/{user}",
            axum::routing::put(work::member).delete(work::member),
        )
        .route("/api/v1/rules", axum::routing::post(work::rule_create))
        .route(
            "/api/v1/projects",
            get(work::projects).post(work::project_create),
        )
        .route("/api/v1/notices", get(work::notices))
        .route("/api/v1/tokens/{id}", axum::routing::delete(tokens::revoke))
        .route("/api/v1/communes", get(communes::list))
        .route("/api/v1/communes/{nis}", get(communes::read))
        .merge(map_routes)
        .merge(
            crate::web::routes()
                .layer(middleware::from_fn_with_state(
                    web.clone(),
                    limit::form_limit,
                ))
                .layer(tower_http::compression::CompressionLayer::new()),
        )
        .fallback(crate::web::fallback)
        .layer(middleware::from_fn_with_state(
            web.clone(),
            limit::rate_limit,
        ))
        .layer(middleware::from_fn_with_state(web.clone(), record))
        .layer(DefaultBodyLimit::max(limit))
        .layer(TraceLayer::new_for_http())
        .layer(middleware::from_fn_with_state(
            web.clone(),
            security_headers,
        ))
        .layer(CatchPanicLayer::new())
        .layer(middleware::from_fn_with_state(web.clone(), run_to_end))
        .with_state(web.clone());
    Ok((router, web))
}

/// Runs each request to its end on a task of its own. A client that hangs up no longer
/// cancels its request half-way — a store transaction between two statements, a file
/// kept but not yet recorded —: the work is finished and only the answer is lost.
async fn run_to_end(State(web): State<Web>, req: Request, next: Next) -> Response {
    let handling = web.in_flight.enter();
    let task = tokio::spawn(async move {
        let res = next.run(req).await;
        drop(handling);
        res
    });
    match task.await {
        Ok(res) => res,
        // panics are answered inside (CatchPanicLayer); this is the runtime going away
        Err(e) => {
            tracing::error!(error = %e, "a request's task ended without an answer");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

/// Headers every answer carries: `nosniff` (a download is never run as a page), HSTS
/// when balise is published over https, and `private, no-store` on what was asked with
/// a token or a session — unless the answer says it is the same for everyone (`public`,
/// as tiles of public layers and assets are).
async fn security_headers(State(web): State<Web>, req: Request, next: Next) -> Response {
    let authenticated = req.headers().contains_key(header::AUTHORIZATION)
        || crate::web::cookie_in(req.headers(), extract::SESSION_COOKIE).is_some();
    let mut res = next.run(req).await;
    protect(&web, authenticated, &mut res);
    res
}

/// The headers of `security_headers`, also for the tiles answered before routing.
fn protect(web: &Web, authenticated: bool, res: &mut Response) {
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if web
        .app
        .config
        .public_url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://"))
    {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    let public = h
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("public"));
    if authenticated && !public {
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("private, no-store"),
        );
    }
}

/// Counts and times every request by route template (never by raw path: ids would
/// explode the label space).
async fn record(State(web): State<Web>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_string();
    let method = req.method().clone();
    let start = Instant::now();
    let res = next.run(req).await;
    web.metrics.record(
        &route,
        method.as_str(),
        res.status().as_u16(),
        start.elapsed(),
    );
    res
}

/// The origin (`scheme://host[:port]`) of a URL, as browsers send it in `Origin`.
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    Some(format!("{scheme}://{}", rest.split('/').next()?))
}

/// The base URL of this server as the client reached it, for absolute links.
pub fn base_url(web: &Web, headers: &HeaderMap) -> String {
    if let Some(u) = &web.app.config.public_url {
        return u.clone();
    }
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// A JSON answer with the object's version as its ETag.
pub fn versioned(status: StatusCode, value: serde_json::Value, version: i64) -> Response {
    let mut res = (status, axum::Json(value)).into_response();
    res.headers_mut().insert(header::ETAG, etag(version));
    res
}

pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).expect("digits are a valid header")
}

/// `GET /healthz`: whether the database takes writes now. It says nothing of what is in
/// it: the count of features would reveal the internal ones.
async fn healthz(State(web): State<Web>) -> Response {
    match web.app.store.ping().await {
        Ok(()) => Json(json!({
            "status": "ok",
            "backend": web.app.store.backend(),
        }))
        .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "unavailable", "reason": "database unreachable" })),
            )
                .into_response()
        }
    }
}

/// `GET /metrics`, for the operator's Prometheus with the admin token
/// (`authorization: Bearer …` in its scrape configuration): the counts of features by
/// kind include internal ones.
async fn metrics(State(web): State<Web>, headers: HeaderMap) -> Response {
    let sent = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let admin = web.app.config.admin_token.as_deref();
    if !matches!((sent, admin), (Some(s), Some(a)) if crate::accounts::same_secret(s.as_bytes(), a.as_bytes()))
    {
        return crate::error::Error::Unauthorized.into_response();
    }
    let body = web.metrics.render(&web.app.count_by_kind());
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use tower::ServiceExt;

    fn get(path: &str, token: Option<&str>) -> Request {
        let mut req = axum::http::Request::get(path);
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        req.body(Body::empty()).unwrap()
    }

    #[tokio::test]
    async fn cached_public_tiles_are_answered_before_the_router() {
        let dir = tempfile::tempdir().unwrap();
        let env = [
            (
                "BALISE_DATA_DIR".to_string(),
                dir.path().display().to_string(),
            ),
            ("BALISE_DEMO".to_string(), "false".to_string()),
            (
                "BALISE_ADMIN_TOKEN".to_string(),
                "unit-test-admin-token-0000".to_string(),
            ),
        ];
        let config = crate::config::load(None, &env, Default::default())
            .unwrap()
            .config;
        let app = crate::server::open_once(config).await.unwrap();
        let service = service(app).unwrap();
        let path = "/tiles/communes/12/2094/1378.mvt?at=2026-12-01T12:00:00Z";
        assert!(
            tiles::fast_hit(&service.web, &get(path, None)).is_none(),
            "not drawn yet"
        );
        let drawn = service.clone().oneshot(get(path, None)).await.unwrap();
        assert_eq!(drawn.status(), StatusCode::OK);
        let early = tiles::fast_hit(&service.web, &get(path, None)).expect("a cache hit");
        assert_eq!(early.status(), StatusCode::OK);
        // a token, an internal layer, another time, an unknown layer: the long way
        let token = Some("unit-test-admin-token-0000");
        assert!(tiles::fast_hit(&service.web, &get(path, token)).is_none());
        for other in [
            "/tiles/internal/12/2094/1378.mvt?at=2026-12-01T12:00:00Z",
            "/tiles/communes/12/2094/1378.mvt?at=2026-12-02T12:00:00Z",
            "/tiles/nope/12/2094/1378.mvt",
            "/tiles/communes/12/2094/1378.mvt?at=yesterday",
        ] {
            assert!(
                tiles::fast_hit(&service.web, &get(other, None)).is_none(),
                "{other}"
            );
        }
    }
}
