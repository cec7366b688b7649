//! Who may read or change what. Every handler asks here; none decides on its own.
//!
//! Actors: anonymous callers (citizens) see public features only; people signed in and
//! API tokens act for communes through their roles (`model::account::Role`), and see
//! and change only what their communes own; the bootstrap admin token from the
//! configuration and commands run on the server see everything. A feature's commune is
//! what decides: internal features, internal layers, history and the reporter's words
//! of a report are for the roles of that commune only.

use std::borrow::Cow;
use std::sync::Arc;

use uuid::Uuid;

use crate::index::Scope;
use crate::model::account::{Grant, Role};
use crate::model::{Feature, Kind, Visibility};

/// What the public may read of a citizen's report besides its place, kind, status and
/// dates: the category, the reference, the place as described, and the photos an agent
/// made public. The reporter's own words stay with the commune until an agent publishes
/// something.
pub const PUBLIC_REPORT_ATTRIBUTES: [&str; 4] =
    ["categorie", "reference", "lieu", "photos_publiques"];

/// Someone acting for communes: a person signed in, or an API token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The user's id, or the token's.
    pub id: Uuid,
    /// The person's e-mail address, or the token's name.
    pub name: String,
    pub grants: Vec<Grant>,
    /// Whether this is an API token rather than a person.
    pub token: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    Anonymous,
    /// The bootstrap admin token from configuration.
    AdminToken,
    /// A command run on the server (import, demo), named for the history.
    System(String),
    Account(Arc<Account>),
}

impl Actor {
    /// How the history names this actor.
    pub fn label(&self) -> String {
        match self {
            Actor::Anonymous => "anonymous".into(),
            Actor::AdminToken => "admin-token".into(),
            Actor::System(what) => format!("system:{what}"),
            Actor::Account(a) if a.token => format!("token:{}", a.name),
            Actor::Account(a) => format!("user:{}", a.name),
        }
    }

    fn has(&self, commune: &str, allowed: impl Fn(Role) -> bool) -> bool {
        match self {
            Actor::Anonymous => false,
            Actor::AdminToken | Actor::System(_) => true,
            Actor::Account(a) => a
                .grants
                .iter()
                .any(|g| g.commune == commune && allowed(g.role)),
        }
    }

    /// Whether internal features (and the personal data) of `commune` are visible to
    /// this actor: any role in the commune gives it.
    pub fn sees_internal(&self, commune: &str) -> bool {
        self.has(commune, |_| true)
    }

    /// Whether this actor sees the internal features of at least one commune (internal
    /// tile layers, the workspace).
    pub fn sees_any_internal(&self) -> bool {
        self.scope() != Scope::None
    }

    /// The communes whose internal features this actor sees, as the index asks it.
    pub fn scope(&self) -> Scope {
        match self {
            Actor::Anonymous => Scope::None,
            Actor::AdminToken | Actor::System(_) => Scope::All,
            Actor::Account(a) => {
                let mut communes: Vec<String> =
                    a.grants.iter().map(|g| g.commune.clone()).collect();
                communes.sort();
                communes.dedup();
                if communes.is_empty() {
                    Scope::None
                } else {
                    Scope::Communes(communes)
                }
            }
        }
    }

    pub fn may_read(&self, f: &Feature) -> bool {
        f.visibility == Visibility::Public || self.sees_internal(&f.commune)
    }

    /// The feature as this actor may read it: a report loses its description and its
    /// other attributes for those who do not see the commune's internal data.
    pub fn shown<'a>(&self, f: &'a Feature) -> Cow<'a, Feature> {
        if f.kind != Kind::Report || self.sees_internal(&f.commune) {
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

    /// Whether this actor may create, change, publish or delete features of `commune`:
    /// those who plan for it (agents, coordinators, admins), not workers.
    pub fn may_write(&self, commune: &str) -> bool {
        self.has(commune, Role::plans)
    }

    /// Whether this actor may record the commune's assessment of a conflict.
    pub fn may_assess(&self, commune: &str) -> bool {
        self.has(commune, Role::plans)
    }

    /// Whether this actor may manage the accounts and API tokens of `commune`.
    pub fn may_administer(&self, commune: &str) -> bool {
        self.has(commune, |r| r == Role::Admin)
    }

    /// The person signed in, if any.
    pub fn person(&self) -> Option<&Account> {
        match self {
            Actor::Account(a) if !a.token => Some(a),
            _ => None,
        }
    }

    /// The communes this actor plans for, in NIS order.
    pub fn planned_communes(&self, all: impl Iterator<Item = String>) -> Vec<String> {
        let mut out: Vec<String> = all.filter(|c| self.may_write(c)).collect();
        out.sort();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agent_of(commune: &str, role: Role) -> Actor {
        Actor::Account(Arc::new(Account {
            id: Uuid::nil(),
            name: "a@example.org".into(),
            grants: vec![Grant {
                commune: commune.into(),
                role,
            }],
            token: false,
        }))
    }

    #[test]
    fn roles_reach_their_own_commune_only() {
        let agent = agent_of("55040", Role::Agent);
        assert!(agent.may_write("55040") && !agent.may_write("55004"));
        assert!(agent.sees_internal("55040") && !agent.sees_internal("55004"));
        assert_eq!(agent.scope(), Scope::Communes(vec!["55040".into()]));
        let worker = agent_of("55004", Role::Worker);
        assert!(worker.sees_internal("55004") && !worker.may_write("55004"));
        assert!(!agent.may_administer("55040"));
        assert!(agent_of("55040", Role::Admin).may_administer("55040"));
        assert!(!Actor::Anonymous.sees_any_internal());
        assert_eq!(agent.label(), "user:a@example.org");
    }
}
