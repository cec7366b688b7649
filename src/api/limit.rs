//! Per-client rate limits on every public endpoint (GCRA, `governor`), keyed by the
//! client's address: the socket peer, or the first `X-Forwarded-For` hop when balise is
//! configured to trust its proxy. Health and metrics are exempt so monitoring never
//! trips them.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use super::Web;
use crate::error::Error;

pub struct Limiter {
    limiter: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    trust_forwarded_for: bool,
}

impl Limiter {
    /// `per_minute` sustained, with bursts of a tenth of it (at least 10); 0 disables.
    pub fn new(per_minute: u32, trust_forwarded_for: bool) -> Limiter {
        let limiter = NonZeroU32::new(per_minute).map(|n| {
            let burst = NonZeroU32::new((per_minute / 10).max(10)).expect("at least 10");
            let limiter = Arc::new(RateLimiter::keyed(Quota::per_minute(n).allow_burst(burst)));
            // forget idle clients now and then, so the table does not grow without end
            let weak = Arc::downgrade(&limiter);
            tokio::spawn(async move {
                let mut tick = tokio::time::interval(Duration::from_secs(60));
                loop {
                    tick.tick().await;
                    let Some(l) = weak.upgrade() else { return };
                    l.retain_recent();
                }
            });
            limiter
        });
        Limiter {
            limiter,
            trust_forwarded_for,
        }
    }

    fn client(&self, req: &Request) -> Option<IpAddr> {
        if self.trust_forwarded_for {
            let forwarded = req
                .headers()
                .get("x-forwarded-for")
                .and_then(|v| v.to_str().ok());
            if let Some(ip) = forwarded
                .and_then(|v| v.split(',').next())
                .and_then(|v| v.trim().parse().ok())
            {
                return Some(ip);
            }
        }
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
    }
}

/// How long the client must wait, when it is over its limit (and takes one request
/// from its allowance when it is not).
fn over_limit(web: &Web, req: &Request) -> Option<std::time::Duration> {
    let exempt = matches!(req.uri().path(), "/healthz" | "/metrics");
    if let (false, Some(limiter), Some(ip)) =
        (exempt, &web.limiter.limiter, web.limiter.client(req))
        && let Err(not_until) = limiter.check_key(&ip)
    {
        return Some(not_until.wait_time_from(DefaultClock::default().now()));
    }
    None
}

/// Whether the client is within its limit; counts the request when it is.
pub fn allows(web: &Web, req: &Request) -> bool {
    over_limit(web, req).is_none()
}

pub async fn rate_limit(State(web): State<Web>, req: Request, next: Next) -> Response {
    if let Some(wait) = over_limit(&web, &req) {
        return Error::TooManyRequests {
            retry_after_secs: wait.as_secs() + 1,
        }
        .into_response();
    }
    next.run(req).await
}

/// The citizen forms: POSTs beyond the form limit get a page that says to wait, in the
/// person's language, not a problem document. The workspace's forms (`/agent/…`) are
/// not counted: they need a session, and a town hall's agents share one address while
/// the map asks for conflicts as they draw (the general limit still applies).
pub async fn form_limit(State(web): State<Web>, req: Request, next: Next) -> Response {
    if req.method() == axum::http::Method::POST
        && !req.uri().path().starts_with("/agent/")
        && let (Some(limiter), Some(ip)) =
            (&web.form_limiter.limiter, web.form_limiter.client(&req))
        && limiter.check_key(&ip).is_err()
    {
        let (mut parts, _) = req.into_parts();
        let ctx =
            match <crate::web::Ctx as axum::extract::FromRequestParts<Web>>::from_request_parts(
                &mut parts, &web,
            )
            .await
            {
                Ok(c) => c,
                Err(never) => match never {},
            };
        return crate::web::message(
            &web,
            &ctx,
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            "too-many-title",
            "too-many-text",
        );
    }
    next.run(req).await
}
