//! People and programs that act for a commune: accounts with roles per commune, and API
//! tokens. What each role may do is decided in `policy.rs`; here are only the facts and
//! the rules on what a person types (an address, a password).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::FieldError;

/// What someone does for a commune. A person may hold several roles, in several
/// communes (the two towns share staff).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Plans and edits works, diversions, bans, events and occupations; assesses conflicts.
    Agent,
    /// An agent who also coordinates between services.
    Coordinator,
    /// An ouvrier communal: reads the commune's internal map, follows tasks.
    Worker,
    /// Manages the commune's accounts and API tokens, and does what an agent does.
    Admin,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Agent, Role::Coordinator, Role::Worker, Role::Admin];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Coordinator => "coordinator",
            Role::Worker => "worker",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Whether this role plans the features of its commune (and assesses conflicts).
    pub fn plans(self) -> bool {
        matches!(self, Role::Agent | Role::Coordinator | Role::Admin)
    }
}

/// One role in one commune.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Grant {
    pub commune: String,
    pub role: Role,
}

/// A person's account.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub grants: Vec<Grant>,
    /// Whether a password was ever set (an account created without one waits for its
    /// owner to choose it through a reset link).
    pub has_password: bool,
    /// Until when sign-in is refused after too many wrong passwords (Unix seconds).
    pub locked_until: Option<i64>,
}

/// An API token as listed (its secret is shown once, at creation, and kept hashed).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApiToken {
    pub id: Uuid,
    pub name: String,
    pub grant: Grant,
    pub created_by: String,
    pub created_at: i64,
    pub revoked_at: Option<i64>,
    /// When it stops working (Unix seconds).
    pub expires_at: i64,
    /// The person who made it: it works while they are an admin of its commune. `None`
    /// for a token made with the server's admin token.
    pub owner: Option<Uuid>,
}

/// How long a token lives unless its maker asks otherwise, and at most, in days.
pub const TOKEN_DAYS: i64 = 365;
pub const MAX_TOKEN_DAYS: i64 = 730;

/// Wrong passwords in a row, for one address from one client, before each further try
/// must wait.
pub const FREE_SIGN_IN_TRIES: u32 = 5;
/// The longest wait between two tries, in seconds.
pub const MAX_SIGN_IN_WAIT: i64 = 15 * 60;

/// How long to wait after `failures` wrong passwords in a row before trying again: not
/// at all for the first five, then 30 s, doubling up to 15 minutes. A delay, not a
/// lock: the right password works again once it has passed, and someone else's wrong
/// tries from elsewhere do not delay the person at their own desk.
pub fn sign_in_wait(failures: u32) -> i64 {
    match failures.checked_sub(FREE_SIGN_IN_TRIES) {
        None => 0,
        Some(over) => (30i64 << over.min(6)).min(MAX_SIGN_IN_WAIT),
    }
}
/// How long a session lasts without signing in again, in seconds (a working day).
pub const SESSION_SECONDS: i64 = 12 * 3600;
/// How long a password reset link works, in seconds.
pub const RESET_SECONDS: i64 = 3600;
pub const MIN_PASSWORD_CHARS: usize = 12;
pub const MAX_PASSWORD_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 100;

/// An e-mail address as accounts keep it: trimmed and lower-cased.
pub fn normalize_email(s: &str) -> Result<String, FieldError> {
    super::report::check_email(s).map(|e| e.to_lowercase())
}

/// The rules a new password must meet: long enough to resist guessing (length matters
/// more than symbols, as NIST SP 800-63B says), not absurdly long to hash.
pub fn check_password(p: &str) -> Result<(), FieldError> {
    let n = p.chars().count();
    if n < MIN_PASSWORD_CHARS {
        Err(FieldError::new(
            "password",
            "too_short",
            format!("a password needs at least {MIN_PASSWORD_CHARS} characters"),
        ))
    } else if n > MAX_PASSWORD_CHARS {
        Err(FieldError::new(
            "password",
            "too_long",
            format!("a password may hold at most {MAX_PASSWORD_CHARS} characters"),
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_compared_lower_case_and_passwords_need_length() {
        assert_eq!(
            normalize_email(" Agent@Soignies.BE ").unwrap(),
            "agent@soignies.be"
        );
        assert!(normalize_email("agent").is_err());
        assert!(check_password("court").is_err());
        assert!(check_password("une phrase assez longue").is_ok());
        assert_eq!(Role::parse("worker"), Some(Role::Worker));
        assert!(Role::Admin.plans() && !Role::Worker.plans());
    }
}
