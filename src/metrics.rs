//! Prometheus metrics: request counts and latencies per route, and the size of the live
//! index per kind (read at scrape time, so it is never stale).

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::model::Kind;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RouteLabels {
    pub route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabels {
    pub kind: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct CacheLabels {
    pub result: &'static str,
}

pub struct Metrics {
    registry: Registry,
    pub tile_cache: Family<CacheLabels, Counter>,
    pub requests: Family<RequestLabels, Counter>,
    pub latency: Family<RouteLabels, Histogram>,
    features: Family<KindLabels, Gauge>,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("balise");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        let latency = Family::<RouteLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.000_25, 2.0, 16))
        });
        registry.register(
            "http_request_duration_seconds",
            "Time to answer HTTP requests",
            latency.clone(),
        );
        let features = Family::<KindLabels, Gauge>::default();
        registry.register(
            "index_features",
            "Features in the live index",
            features.clone(),
        );
        let tile_cache = Family::<CacheLabels, Counter>::default();
        registry.register(
            "tile_cache",
            "Tile requests answered from the cache (hit) or drawn (miss)",
            tile_cache.clone(),
        );
        Metrics {
            registry,
            tile_cache,
            requests,
            latency,
            features,
        }
    }
}

impl Metrics {
    /// Counts and times one answered request, by route template (never by raw path:
    /// ids would explode the label space).
    pub fn record(&self, route: &str, method: &str, status: u16, took: std::time::Duration) {
        self.latency
            .get_or_create(&RouteLabels {
                route: route.to_string(),
            })
            .observe(took.as_secs_f64());
        self.requests
            .get_or_create(&RequestLabels {
                method: method.to_string(),
                route: route.to_string(),
                status,
            })
            .inc();
    }

    /// The text exposition, with the index sizes taken now.
    pub fn render(&self, counts: &[(Kind, usize)]) -> String {
        for (kind, n) in counts {
            self.features
                .get_or_create(&KindLabels {
                    kind: kind.as_str().into(),
                })
                .set(*n as i64);
        }
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }
}
