//! The one error type of the application boundary. Handlers, the importer and the CLI
//! return it; `api::problem` maps it to HTTP exactly once.

use crate::model::FieldError;
use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The request is malformed (bad JSON, bad query parameter).
    #[error("bad request: {}", join(.0))]
    BadRequest(Vec<FieldError>),
    /// The request is well-formed but breaks a rule of the model.
    #[error("invalid: {}", join(.0))]
    Invalid(Vec<FieldError>),
    #[error("{0} not found")]
    NotFound(String),
    /// `If-Match` names a version that is no longer current (`expected`, when known).
    #[error("the version sent is stale; the current version is {current}")]
    PreconditionFailed { expected: Option<i64>, current: i64 },
    /// An update came without `If-Match`.
    #[error("If-Match is required")]
    PreconditionRequired,
    #[error("authentication required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    /// A change sent with a session cookie from another site's page.
    #[error("cross-site request refused")]
    CrossSite,
    #[error("the body exceeds {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("too many requests; retry in {retry_after_secs} s")]
    TooManyRequests { retry_after_secs: u64 },
    /// The database cannot serve now (no connection, the write lock held, the disk
    /// full): the client should come back later.
    #[error("the database is unavailable; retry in {retry_after_secs} s")]
    Unavailable { retry_after_secs: u64 },
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

fn join(errors: &[FieldError]) -> String {
    errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

impl Error {
    pub fn bad_param(name: &str, code: &'static str, message: impl Into<String>) -> Error {
        Error::BadRequest(vec![FieldError::new(format!("?{name}"), code, message)])
    }
}

/// When a client told the database is unavailable should try again.
pub const RETRY_AFTER_SECS: u64 = 5;

impl Error {
    /// A store error, for a write that expected the feature at version `expected`.
    pub fn from_store(e: StoreError, expected: Option<i64>) -> Error {
        match e {
            StoreError::NotFound => Error::NotFound("feature".into()),
            StoreError::VersionMismatch { current } => {
                Error::PreconditionFailed { expected, current }
            }
            e if e.is_duplicate_reference() => Error::Invalid(vec![FieldError::new(
                "/properties/attributes/reference",
                "duplicate_reference",
                "the reference is already used by another feature",
            )]),
            other if other.is_unavailable() => {
                tracing::warn!(error = %other, "database unavailable");
                Error::Unavailable {
                    retry_after_secs: RETRY_AFTER_SECS,
                }
            }
            other => Error::Internal(other.into()),
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        Error::from_store(e, None)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
