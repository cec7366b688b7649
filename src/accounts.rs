//! Signing in and acting for a commune: password hashing (argon2id), sessions, password
//! resets, API tokens, and turning a cookie or a bearer token into an `Actor`.
//!
//! Secrets given out (session cookies, reset links, API tokens) are random 32-byte
//! strings; only their SHA-256 is stored, so a copy of the database opens nothing.
//! Passwords are hashed with argon2id on the blocking pool (it costs tens of
//! milliseconds by design). Wrong passwords are counted per account and lock it for a
//! while (`model::account`); the per-address rate limit of forms comes on top.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::FieldError;
use crate::model::account::{self, ApiToken, Grant, User};
use crate::policy::{Account, Actor};

/// A new random secret, fit for a cookie or a URL.
pub fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps of a secret.
pub fn digest(secret: &str) -> String {
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Hashes a password with argon2id (blocking: call it off the async runtime).
pub fn hash_password(password: &str) -> Result<String> {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    let salt =
        SaltString::encode_b64(&salt).map_err(|e| Error::Internal(anyhow::anyhow!("{e}")))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Internal(anyhow::anyhow!("cannot hash a password: {e}")))
}

fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash no password matches, checked when the address is unknown so that a wrong
/// address takes as long as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| hash_password(&new_secret()).expect("hashing works"));

/// Why a sign-in failed.
#[derive(Debug, PartialEq)]
pub enum SignInError {
    /// The address or the password is wrong (which one is not said).
    Wrong,
    /// Too many wrong passwords for this address from this client: try again at this
    /// instant (Unix seconds). Said alike whether the address has an account or not.
    Wait(i64),
}

/// Wrong passwords in a row, by (digest of the address, client): how many and the last
/// one's instant. In memory: a restart forgets them, which only shortens waits.
#[derive(Default)]
pub struct Failures(std::collections::HashMap<(String, String), (u32, i64)>);

/// More remembered than this: the ones whose wait is over are forgotten.
const MAX_REMEMBERED_FAILURES: usize = 50_000;

impl Failures {
    /// Until when `key` must wait, if it must.
    fn wait_until(&self, key: &(String, String), now: i64) -> Option<i64> {
        let (n, last) = self.0.get(key)?;
        Some(last + account::sign_in_wait(*n)).filter(|until| *until > now)
    }

    /// Counts a wrong password; answers until when the next try must wait, if it must.
    fn failed(&mut self, key: (String, String), now: i64) -> Option<i64> {
        if self.0.len() >= MAX_REMEMBERED_FAILURES {
            self.0
                .retain(|_, (n, last)| *last + account::sign_in_wait(*n).max(60) > now);
        }
        let entry = self.0.entry(key.clone()).or_insert((0, now));
        entry.0 += 1;
        entry.1 = now;
        self.wait_until(&key, now)
    }

    /// Forgets the wrong passwords typed for an address, from everywhere (its password
    /// was just chosen anew).
    fn forget(&mut self, email: &str) {
        let address = digest(email);
        self.0.retain(|(a, _), _| *a != address);
    }
}

fn account_of(u: &User) -> Actor {
    Actor::Account(Arc::new(Account {
        id: u.id,
        name: u.email.clone(),
        grants: u.grants.clone(),
        token: false,
    }))
}

fn now() -> i64 {
    crate::clock::now().timestamp()
}

impl App {
    /// Checks an address and password; opens a session and returns its secret. `client`:
    /// the address the request came from. Every answer takes one password check, for an
    /// address with an account or without, waiting or not, so that neither the answer
    /// nor its time tells which addresses have an account.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &str,
        client: Option<std::net::IpAddr>,
    ) -> Result<std::result::Result<(User, String), SignInError>> {
        let email = email.trim().to_lowercase();
        let key = (
            digest(&email),
            client.map(|c| c.to_string()).unwrap_or_default(),
        );
        let now = now();
        // a try is counted before its password is checked, so that many sent at once
        // are counted as many; the right password then forgets them
        let (waiting, after) = {
            let mut failures = self.sign_in_failures.lock().expect("failures lock");
            match failures.wait_until(&key, now) {
                Some(until) => (Some(until), None),
                None => (None, failures.failed(key.clone(), now)),
            }
        };
        let found = self.store.user_by_email(&email).await?;
        let hash = found
            .as_ref()
            .and_then(|(_, h)| h.clone())
            .unwrap_or_else(|| DUMMY_HASH.clone());
        let pw = password.to_string();
        let ok = tokio::task::spawn_blocking(move || verify_password(&pw, &hash))
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        if let Some(until) = waiting {
            return Ok(Err(SignInError::Wait(until)));
        }
        let user = match found {
            Some((user, Some(_))) if ok => user,
            _ => return Ok(Err(after.map_or(SignInError::Wrong, SignInError::Wait))),
        };
        self.sign_in_failures
            .lock()
            .expect("failures lock")
            .0
            .remove(&key);
        let secret = new_secret();
        self.store
            .create_session(
                &digest(&secret),
                user.id,
                now,
                now + account::SESSION_SECONDS,
            )
            .await?;
        Ok(Ok((user, secret)))
    }

    /// The person of a session cookie, if the session is live.
    pub async fn session_actor(&self, secret: &str) -> Result<Option<Actor>> {
        Ok(self
            .store
            .session_user(&digest(secret), now())
            .await?
            .map(|u| account_of(&u)))
    }

    pub async fn sign_out(&self, secret: &str) -> Result<()> {
        Ok(self.store.end_session(&digest(secret)).await?)
    }

    /// Ends every session of the person signed in.
    pub async fn sign_out_everywhere(&self, actor: &Actor) -> Result<u64> {
        let person = actor.person().ok_or(Error::Unauthorized)?;
        Ok(self.store.end_sessions(person.id).await?)
    }

    /// Who a bearer token is: the bootstrap admin token, or a live API token.
    pub async fn token_actor(&self, secret: &str) -> Result<Option<Actor>> {
        if let Some(admin) = self.config.admin_token.as_deref()
            && same_secret(secret.as_bytes(), admin.as_bytes())
        {
            return Ok(Some(Actor::AdminToken));
        }
        // one query: it dies with its maker's admin role in its commune, or account
        let Some(t) = self.store.token_by_hash(&digest(secret), now()).await? else {
            return Ok(None);
        };
        Ok(Some(Actor::Account(Arc::new(Account {
            id: t.id,
            name: t.name,
            grants: vec![t.grant],
            token: true,
        }))))
    }

    /// A password reset link's secret for the account of `email`, or `None` when no
    /// account has that address (the caller says the same thing either way).
    pub async fn request_reset(&self, email: &str) -> Result<Option<(User, String)>> {
        let Ok(email) = account::normalize_email(email) else {
            return Ok(None);
        };
        let Some((user, _)) = self.store.user_by_email(&email).await? else {
            return Ok(None);
        };
        let secret = new_secret();
        let now = now();
        self.store
            .create_reset(&digest(&secret), user.id, now, now + account::RESET_SECONDS)
            .await?;
        Ok(Some((user, secret)))
    }

    /// Sets a new password through a reset link (used once); every session of the
    /// account ends. `Ok(None)` when the link is unknown, used or expired.
    pub async fn reset_password(&self, secret: &str, password: &str) -> Result<Option<User>> {
        account::check_password(password).map_err(|e| Error::Invalid(vec![e]))?;
        let Some(user_id) = self.store.use_reset(&digest(secret), now()).await? else {
            return Ok(None);
        };
        let pw = password.to_string();
        let hash = tokio::task::spawn_blocking(move || hash_password(&pw))
            .await
            .map_err(|e| Error::Internal(e.into()))??;
        self.store.set_password(user_id, &hash).await?;
        let user = self.store.user(user_id).await?;
        if let Some(u) = &user {
            self.sign_in_failures
                .lock()
                .expect("failures lock")
                .forget(&u.email);
        }
        Ok(user)
    }

    /// Creates an account, or adds roles to an existing one (the CLI, an admin).
    pub async fn add_user(
        &self,
        actor: &Actor,
        email: &str,
        name: &str,
        grants: &[Grant],
        password: Option<&str>,
    ) -> Result<(User, bool)> {
        let mut errors = Vec::new();
        let email = account::normalize_email(email)
            .map_err(|e| errors.push(e))
            .ok();
        for g in grants {
            if self.territory().get(&g.commune).is_none_or(|c| !c.active) {
                errors.push(FieldError::new(
                    "commune",
                    "unknown_commune",
                    format!("no active commune has the NIS code `{}`", g.commune),
                ));
            } else if !actor.may_administer(&g.commune) {
                return Err(Error::Forbidden);
            }
        }
        if name.chars().count() > account::MAX_NAME_CHARS {
            errors.push(FieldError::new("name", "too_long", "the name is too long"));
        }
        if let Some(p) = password
            && let Err(e) = account::check_password(p)
        {
            errors.push(e);
        }
        let Some(email) = email.filter(|_| errors.is_empty()) else {
            return Err(Error::Invalid(errors));
        };
        let hash = match password {
            Some(p) => {
                let p = p.to_string();
                Some(
                    tokio::task::spawn_blocking(move || hash_password(&p))
                        .await
                        .map_err(|e| Error::Internal(e.into()))??,
                )
            }
            None => None,
        };
        Ok(self
            .store
            .put_user(
                &email,
                name.trim(),
                grants,
                hash.as_deref(),
                now(),
                &actor.label(),
            )
            .await?)
    }

    /// The people holding roles in the communes this actor administers, with those roles
    /// only (an admin of one town does not see the other town's roles).
    pub async fn users_of(&self, actor: &Actor) -> Result<Vec<User>> {
        Ok(self
            .store
            .users()
            .await?
            .into_iter()
            .filter_map(|mut u| {
                u.grants.retain(|g| actor.may_administer(&g.commune));
                (!u.grants.is_empty()).then_some(u)
            })
            .collect())
    }

    /// Takes one role away from a person. It holds from their next request: a session
    /// reads the person's roles anew each time.
    pub async fn remove_grant(&self, actor: &Actor, user_id: Uuid, grant: &Grant) -> Result<()> {
        if !actor.may_administer(&grant.commune) {
            return Err(Error::Forbidden);
        }
        if !self
            .store
            .remove_grant(user_id, grant, &actor.label(), now())
            .await?
        {
            return Err(Error::NotFound(format!("role of user {user_id}")));
        }
        Ok(())
    }

    /// Creates an API token for one role in one commune; returns it and its secret,
    /// which is shown this once.
    /// Makes an API token for `days` (the default when `None`). Only a person who is an
    /// admin of the commune, or the server's admin token, makes tokens; a token does
    /// not (else a token could outlive, through its children, what made it).
    pub async fn create_token(
        &self,
        actor: &Actor,
        name: &str,
        grant: Grant,
        days: Option<i64>,
    ) -> Result<(ApiToken, String)> {
        if matches!(actor, Actor::Account(a) if a.token) {
            return Err(Error::Forbidden);
        }
        let days = days.unwrap_or(account::TOKEN_DAYS);
        if !(1..=account::MAX_TOKEN_DAYS).contains(&days) {
            return Err(Error::Invalid(vec![FieldError::new(
                "/expires_in_days",
                "invalid_expiry",
                format!("a token lives 1 to {} days", account::MAX_TOKEN_DAYS),
            )]));
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > account::MAX_NAME_CHARS {
            return Err(Error::Invalid(vec![FieldError::new(
                "/name",
                "invalid_name",
                format!(
                    "a token needs a name of 1 to {} characters",
                    account::MAX_NAME_CHARS
                ),
            )]));
        }
        if self
            .territory()
            .get(&grant.commune)
            .is_none_or(|c| !c.active)
        {
            return Err(Error::Invalid(vec![FieldError::new(
                "/commune",
                "unknown_commune",
                format!("no active commune has the NIS code `{}`", grant.commune),
            )]));
        }
        if !actor.may_administer(&grant.commune) {
            return Err(Error::Forbidden);
        }
        let token = ApiToken {
            id: Uuid::now_v7(),
            name: name.to_string(),
            grant,
            created_by: actor.label(),
            created_at: now(),
            revoked_at: None,
            expires_at: now() + days * 86_400,
            owner: actor.person().map(|p| p.id),
        };
        let secret = format!("bal_{}", new_secret());
        self.store.create_token(&token, &digest(&secret)).await?;
        Ok((token, secret))
    }

    /// The API tokens of the communes this actor administers.
    pub async fn tokens(&self, actor: &Actor) -> Result<Vec<ApiToken>> {
        Ok(self
            .store
            .tokens()
            .await?
            .into_iter()
            .filter(|t| actor.may_administer(&t.grant.commune))
            .collect())
    }

    pub async fn revoke_token(&self, actor: &Actor, id: Uuid) -> Result<()> {
        let token = self.tokens(actor).await?.into_iter().find(|t| t.id == id);
        let Some(token) = token else {
            return Err(Error::NotFound(format!("token {id}")));
        };
        self.store
            .revoke_token(token.id, now(), &actor.label())
            .await?;
        Ok(())
    }
}

/// Compares secrets in time independent of where they differ.
pub fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
