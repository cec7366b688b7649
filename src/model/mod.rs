//! The domain of balise: communes, features and their schedules.
//!
//! Nothing in here performs I/O or knows about HTTP or SQL. Everything that decides
//! whether a feature is acceptable lives here, so the API, the importer, the demo loader
//! and later the web forms all apply the very same rules.

pub mod account;
pub mod audit;
pub mod calendar;
pub mod commune;
pub mod conflict;
pub mod feature;
pub mod geometry;
pub mod report;
pub mod schedule;
pub mod task;
pub mod triage;

pub use commune::{Commune, CommuneSettings, Contact, ReportCategory, Territory};
pub use feature::{Feature, FeatureDraft, Kind, Visibility};
pub use schedule::{Interval, Schedule, TimeFilter};

use serde::Serialize;

/// One thing wrong with an input, named by the JSON pointer of the faulty field
/// (RFC 6901), a stable machine code and a sentence for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    pub pointer: String,
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(pointer: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        FieldError {
            pointer: pointer.into(),
            code,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.pointer, self.message)
        }
    }
}
