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
        if let Some(res) = tiles::fast_hit(&self.web, &req) {
            return Box::pin(std::future::ready(Ok(res)));
        }
        Box::pin(tower::Service::call(&mut self.router, req))
    }
}

fn router(app: Arc<App>) -> anyhow::Result<(Router, Web)> {
    let tile_layers = crate::tiles::layers::builtin().map_err(|e| anyhow::anyhow!("{e}"))?;
    let styles = crate::styles::Styles::load().map_err(|e| anyhow::anyhow!("{e}"))?;
    let ui = crate::web::Ui::load()?;
    let app_cache_bytes = app.config.tile_cache_mb << 20;
    let app_for_cache = app.clone();
    let limit = app.config.max_body_bytes;
    let limiter = Arc::new(limit::Limiter::new(
        app.config.rate_limit_per_minute,
        app.config.trust_forwarded_for,
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
            app_for_cache.config.trust_forwarded_for,
        )),
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
        .layer(CatchPanicLayer::new())
        .with_state(web.clone());
    Ok((router, web))
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

async fn healthz(State(web): State<Web>) -> Response {
    match web.app.store.ping().await {
        Ok(()) => Json(json!({
            "status": "ok",
            "backend": web.app.store.backend(),
            "features": web.app.index_len(),
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

async fn metrics(State(web): State<Web>) -> Response {
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
