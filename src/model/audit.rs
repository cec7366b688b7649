//! The audit of a commune's settings. Features and tasks carry their own versioned
//! histories; everything else an administrator or planner changes — services and their
//! people, routing rules, projects, templates, roles, API tokens — leaves one line here,
//! written in the same transaction as the change and never altered afterwards (the
//! table refuses updates and deletes). Signalen and OpenProject keep such a journal so a
//! commune can answer "who changed the routing of our reports, and when?".

use serde_json::Value;
use uuid::Uuid;

/// The kinds of objects the audit follows, as stored and as the API names them.
pub const KINDS: [&str; 6] = ["service", "regle", "projet", "modele", "compte", "jeton"];

/// One change of one object.
#[derive(Debug, Clone, PartialEq)]
pub struct Audit {
    pub id: Uuid,
    pub commune: String,
    /// One of [`KINDS`].
    pub kind: &'static str,
    pub object: Uuid,
    pub at: i64,
    /// Who did it, as histories name people (`user:…`, `token:…`, `admin`, `cli`).
    pub actor: String,
    /// What was done: `cree`, `renomme`, `supprime`, `membre_ajoute`, `membre_retire`,
    /// `deplace`, `role_donne`, `role_retire`, `revoque`.
    pub action: &'static str,
    /// The particulars: names before and after, the person, the role…
    pub details: Value,
}

impl Audit {
    pub fn new(
        commune: &str,
        kind: &'static str,
        object: Uuid,
        actor: &str,
        action: &'static str,
        details: Value,
        at: i64,
    ) -> Audit {
        debug_assert!(KINDS.contains(&kind));
        Audit {
            id: Uuid::now_v7(),
            commune: commune.to_string(),
            kind,
            object,
            at,
            actor: actor.to_string(),
            action,
            details,
        }
    }

    /// The stored kind or action as the `&'static str` this module knows, or `None`
    /// for a word it does not.
    pub fn known(word: &str) -> Option<&'static str> {
        KINDS
            .iter()
            .chain(ACTIONS.iter())
            .find(|k| **k == word)
            .copied()
    }
}

/// Every action the audit records.
pub const ACTIONS: [&str; 10] = [
    "cree",
    "renomme",
    "modifie",
    "supprime",
    "membre_ajoute",
    "membre_retire",
    "deplace",
    "role_donne",
    "role_retire",
    "revoque",
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn stored_words_are_known_or_refused() {
        assert_eq!(Audit::known("regle"), Some("regle"));
        assert_eq!(Audit::known("deplace"), Some("deplace"));
        assert_eq!(Audit::known("autre"), None);
        let a = Audit::new(
            "55004",
            "service",
            Uuid::nil(),
            "user:x",
            "cree",
            json!({}),
            1,
        );
        assert_eq!((a.kind, a.action, a.at), ("service", "cree", 1));
    }
}
