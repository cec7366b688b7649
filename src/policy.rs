//! Who may read or change what. Every handler asks here; none decides on its own.
//!
//! Until accounts exist (agent-workspace issue) there are two actors: anonymous callers,
//! who see public features only, and holders of the admin token, who see and change
//! everything. Accounts with roles per commune will add variants to `Actor` and rules
//! below, without touching the handlers.

use std::borrow::Cow;

use crate::model::{Feature, Kind, Visibility};

/// What the public may read of a citizen's report besides its place, kind, status and
/// dates: the category, the reference, the place as described, and the photos an agent
/// made public. The reporter's own words stay with the commune until an agent publishes
/// something.
pub const PUBLIC_REPORT_ATTRIBUTES: [&str; 4] =
    ["categorie", "reference", "lieu", "photos_publiques"];

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

    /// The feature as this actor may read it: a report loses its description and its
    /// other attributes for those who do not see the commune's internal data.
    pub fn shown<'a>(&self, f: &'a Feature) -> Cow<'a, Feature> {
        if f.kind != Kind::Report || self.sees_internal(Some(&f.commune)) {
            return Cow::Borrowed(f);
        }
        let mut public = f.clone();
        public.description.clear();
        public
            .attributes
            .retain(|k, _| PUBLIC_REPORT_ATTRIBUTES.contains(&k.as_str()));
        Cow::Owned(public)
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
