//! Per-client rate limits on every public endpoint (GCRA, `governor`), keyed by the
//! client's address: the socket peer, or, behind `trusted_proxies` proxies of the
//! commune's, the `X-Forwarded-For` entry the outermost of them added. Never the first
//! entry: a client writes what it likes there, and rotating it would escape every
//! limit. Health and metrics are exempt so monitoring never trips them.

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
    trusted_proxies: u32,
}

impl Limiter {
    /// `per_minute` sustained, with bursts of a tenth of it (at least 10); 0 disables.
    pub fn new(per_minute: u32, trusted_proxies: u32) -> Limiter {
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
            trusted_proxies,
        }
    }

    fn client(&self, req: &Request) -> Option<IpAddr> {
        client_of(req.extensions(), req.headers(), self.trusted_proxies)
    }
}

/// The client's address: the socket peer, or behind `hops` trusted proxies the one the
/// outermost of them added.
fn client_of(
    extensions: &axum::http::Extensions,
    headers: &axum::http::HeaderMap,
    hops: u32,
) -> Option<IpAddr> {
    let peer = extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if hops == 0 {
        return peer;
    }
    forwarded_client(headers, hops).or(peer)
}

/// The client's address as the rate limits see it, for a handler (signing in counts
/// wrong passwords per address and client).
pub struct ClientAddr(pub Option<IpAddr>);

impl axum::extract::FromRequestParts<Web> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        web: &Web,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client_of(
            &parts.extensions,
            &parts.headers,
            web.limiter.trusted_proxies,
        )))
    }
}

/// The client behind `hops` trusted proxies: each appends the address it saw to
/// `X-Forwarded-For` (several headers read as one list), so the client is the
/// `hops`-th entry from the right. What lies further left the client wrote itself.
fn forwarded_client(headers: &axum::http::HeaderMap, hops: u32) -> Option<IpAddr> {
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect();
    let at = entries.len().checked_sub(hops as usize)?;
    entries[at].parse().ok()
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

#[cfg(test)]
mod tests {
    use super::forwarded_client;
    use axum::http::{HeaderMap, HeaderValue};

    fn headers(values: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in values {
            h.append("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn the_client_is_the_entry_the_outermost_trusted_proxy_added() {
        let ip = |s: &str| Some(s.parse().unwrap());
        let forged = headers(&["6.6.6.6, 203.0.113.9"]);
        assert_eq!(forwarded_client(&forged, 1), ip("203.0.113.9"));
        // two proxies: the outer one added the client, the inner one the outer proxy
        let chain = headers(&["6.6.6.6", "203.0.113.9, 10.0.0.2"]);
        assert_eq!(forwarded_client(&chain, 2), ip("203.0.113.9"));
        // fewer entries than proxies, none, or garbage: not from the header
        assert_eq!(forwarded_client(&headers(&["203.0.113.9"]), 2), None);
        assert_eq!(forwarded_client(&HeaderMap::new(), 1), None);
        assert_eq!(forwarded_client(&headers(&["1.2.3.4, nope"]), 1), None);
    }
}
