//! Who may read or change what. Every handler asks here; none decides on its own.
//!
//! Until accounts exist (agent-workspace issue) there are two actors: anonymous callers,
//! who see public features only, and holders of the admin token, who see and change
//! everything. Accounts with roles per commune will add variants to `Actor` and rules
//! below, without touching the handlers.

use crate::model::{Feature, Visibility};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    /// The bootstrap admin token from configuration.
    AdminToken,
    /// A command run on the server (import, demo), named for the history.
    System(String),
}

impl Actor {
    /// How the history names this actor.
    pub fn label(&self) -> String {
        match self {
            Actor::Anonymous => "anonymous".into(),
            Actor::AdminToken => "admin-token".into(),
            Actor::System(what) => format!("system:{what}"),
        }
    }

    /// Whether internal features of `commune` are visible to this actor.
    pub fn sees_internal(&self, _commune: Option<&str>) -> bool {
        !matches!(self, Actor::Anonymous)
    }

    pub fn may_read(&self, f: &Feature) -> bool {
        f.visibility == Visibility::Public || self.sees_internal(Some(&f.commune))
    }

    /// Whether this actor may file a citizen's report: anyone may, signed in or not.
    pub fn may_report(&self) -> bool {
        true
    }

    /// Whether this actor may create, change or delete features of `commune`.
    pub fn may_write(&self, _commune: &str) -> bool {
        !matches!(self, Actor::Anonymous)
    }
}
