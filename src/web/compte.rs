//! Agents' accounts on the web: signing in and out (here and everywhere), choosing a
//! password through a link sent by e-mail, and the account page where admins manage
//! their commune's API tokens. The rules are in `crate::accounts` and `policy`; here
//! only forms, cookies and messages.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::{Deserialize, Serialize};

use super::{Ctx, FieldErr};
use crate::accounts::SignInError;
use crate::api::Web;
use crate::api::extract::SESSION_COOKIE;
use crate::mail::Mail;
use crate::model::account::{self, ApiToken, Grant, Role};
use crate::model::schedule::LOCAL_TZ;
use crate::policy::Actor;

/// Where to go after signing in: a local path only, never another site.
pub fn safe_return(r: Option<&str>) -> String {
    r.and_then(super::local_path)
        .unwrap_or("/agent")
        .to_string()
}

/// The redirect to the sign-in page for someone not signed in.
pub fn to_sign_in(ctx: &Ctx) -> Response {
    Redirect::to(&format!(
        "/connexion?retour={}",
        super::urlencoding_path(&ctx.path)
    ))
    .into_response()
}

fn session_cookie(web: &Web, value: &str, max_age: i64) -> HeaderValue {
    let cookie = format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if super::secure_cookies(web) {
            "; Secure"
        } else {
            ""
        }
    );
    HeaderValue::from_str(&cookie).expect("a session secret is a valid header")
}

#[derive(Deserialize, Default)]
pub struct SignInQuery {
    retour: Option<String>,
    /// Set after a password reset or a sign-out, to say so.
    fait: Option<String>,
}

#[derive(Serialize)]
struct SignInPage<'a> {
    communes: Vec<super::pages::CommuneView>,
    errors: Vec<FieldErr>,
    email: &'a str,
    retour: String,
    done: Option<&'static str>,
}

fn sign_in_page(
    web: &Web,
    ctx: &Ctx,
    status: StatusCode,
    errors: Vec<FieldErr>,
    email: &str,
    retour: String,
    done: Option<&'static str>,
) -> Response {
    web.ui.render(
        ctx,
        status,
        "connexion.html",
        SignInPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            email,
            retour,
            done,
        },
    )
}

/// `GET /connexion`
pub async fn sign_in_form(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Query(q): Query<SignInQuery>,
) -> Response {
    let retour = safe_return(q.retour.as_deref());
    if actor.person().is_some() {
        return Redirect::to(&retour).into_response();
    }
    let done = match q.fait.as_deref() {
        Some("mot-de-passe") => Some("signin-done-password"),
        Some("deconnexion") => Some("signin-done-signed-out"),
        Some("partout") => Some("signin-done-everywhere"),
        _ => None,
    };
    sign_in_page(&web, &ctx, StatusCode::OK, Vec::new(), "", retour, done)
}

#[derive(Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    retour: Option<String>,
}

/// `POST /connexion`
pub async fn sign_in(
    State(web): State<Web>,
    ctx: Ctx,
    client: crate::api::ClientAddr,
    Form(form): Form<SignInForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let retour = safe_return(form.retour.as_deref());
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let mut errors = Vec::new();
    if form.email.trim().is_empty() {
        errors.push(FieldErr {
            field: "email".into(),
            message: t("signin-error-email"),
        });
    }
    if form.password.is_empty() {
        errors.push(FieldErr {
            field: "password".into(),
            message: t("signin-error-password"),
        });
    }
    if form.password.len() > 4 * account::MAX_PASSWORD_CHARS {
        errors.push(FieldErr {
            field: "password".into(),
            message: t("signin-error-wrong"),
        });
    }
    if errors.is_empty() {
        match web.app.sign_in(&form.email, &form.password, client.0).await {
            Ok(Ok((_, secret))) => {
                let mut res = Redirect::to(&retour).into_response();
                res.headers_mut().append(
                    header::SET_COOKIE,
                    session_cookie(&web, &secret, account::SESSION_SECONDS),
                );
                return res;
            }
            Ok(Err(SignInError::Wrong)) => errors.push(FieldErr {
                field: "email".into(),
                message: t("signin-error-wrong"),
            }),
            Ok(Err(SignInError::Wait(until))) => {
                let at = chrono::DateTime::from_timestamp(until, 0)
                    .map(|d| d.with_timezone(&LOCAL_TZ).format("%H:%M").to_string())
                    .unwrap_or_default();
                errors.push(FieldErr {
                    field: "email".into(),
                    message: web
                        .ui
                        .i18n
                        .tf(ctx.lang, "signin-error-wait", &[("time", at.into())]),
                });
            }
            Err(e) => {
                tracing::error!(error = %e, "sign-in failed");
                return super::message(
                    &web,
                    &ctx,
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable-title",
                    "unavailable-text",
                );
            }
        }
    }
    sign_in_page(
        &web,
        &ctx,
        StatusCode::BAD_REQUEST,
        errors,
        form.email.trim(),
        retour,
        None,
    )
}

#[derive(Deserialize)]
pub struct CsrfForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /deconnexion`: ends this session.
pub async fn sign_out(
    State(web): State<Web>,
    ctx: Ctx,
    headers: axum::http::HeaderMap,
    Form(form): Form<CsrfForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    if let Some(secret) = super::cookie_in(&headers, SESSION_COOKIE)
        && let Err(e) = web.app.sign_out(secret).await
    {
        tracing::error!(error = %e, "cannot end a session");
    }
    let mut res = Redirect::to("/connexion?fait=deconnexion").into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, session_cookie(&web, "", 0));
    res
}

/// `POST /deconnexion-partout`: ends every session of the person (a lost phone).
pub async fn sign_out_everywhere(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<CsrfForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    if let Err(e) = web.app.sign_out_everywhere(&actor).await {
        tracing::error!(error = %e, "cannot end sessions");
    }
    let mut res = Redirect::to("/connexion?fait=partout").into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, session_cookie(&web, "", 0));
    res
}

#[derive(Serialize)]
struct ForgotPage<'a> {
    communes: Vec<super::pages::CommuneView>,
    errors: Vec<FieldErr>,
    email: &'a str,
    sent: bool,
}

/// `GET /mot-de-passe-oublie`
pub async fn forgot_form(State(web): State<Web>, ctx: Ctx) -> Response {
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "oublie.html",
        ForgotPage {
            communes: super::pages::communes(&web, ctx.lang),
            errors: Vec::new(),
            email: "",
            sent: false,
        },
    )
}

#[derive(Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
}

/// `POST /mot-de-passe-oublie`: sends a link when the address has an account, and
/// says the same either way (no one learns who has an account).
pub async fn forgot(State(web): State<Web>, ctx: Ctx, Form(form): Form<ForgotForm>) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let mut errors = Vec::new();
    if account::normalize_email(&form.email).is_err() {
        errors.push(FieldErr {
            field: "email".into(),
            message: web.ui.t(ctx.lang, "forgot-error-email"),
        });
    } else {
        match web.app.request_reset(&form.email).await {
            Ok(Some((user, secret))) => {
                let link = format!("{}/mot-de-passe/{secret}", super::notify::base(&web));
                let i = &web.ui.i18n;
                let mail = Mail {
                    to: user.email.clone(),
                    subject: i.t(ctx.lang, "mail-reset-subject", None),
                    text: i.tf(ctx.lang, "mail-reset-text", &[("link", link.into())]),
                    unsubscribe: None,
                };
                if let Err(e) = web.mailer.send(mail).await {
                    tracing::error!(error = %format!("{e:#}"), "cannot send a reset link");
                }
            }
            Ok(None) => {}
            Err(e) => tracing::error!(error = %e, "cannot create a reset link"),
        }
    }
    let status = super::form_status(&errors);
    let sent = errors.is_empty();
    web.ui.render(
        &ctx,
        status,
        "oublie.html",
        ForgotPage {
            communes: super::pages::communes(&web, ctx.lang),
            errors,
            email: form.email.trim(),
            sent,
        },
    )
}

#[derive(Serialize)]
struct ResetPage {
    communes: Vec<super::pages::CommuneView>,
    errors: Vec<FieldErr>,
    expired: bool,
}

fn reset_page(
    web: &Web,
    ctx: &Ctx,
    status: StatusCode,
    errors: Vec<FieldErr>,
    expired: bool,
) -> Response {
    web.ui.render(
        ctx,
        status,
        "mot-de-passe.html",
        ResetPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            expired,
        },
    )
}

/// `GET /mot-de-passe/{secret}`
pub async fn reset_form(State(web): State<Web>, ctx: Ctx) -> Response {
    reset_page(&web, &ctx, StatusCode::OK, Vec::new(), false)
}

#[derive(Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    confirmation: String,
}

/// `POST /mot-de-passe/{secret}`: sets the password; every session ends.
pub async fn reset(
    State(web): State<Web>,
    ctx: Ctx,
    Path(secret): Path<String>,
    Form(form): Form<ResetForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let mut errors = Vec::new();
    if let Err(e) = account::check_password(&form.password) {
        errors.push(FieldErr {
            field: "password".into(),
            message: if e.code == "too_short" {
                web.ui.i18n.tf(
                    ctx.lang,
                    "reset-error-short",
                    &[("count", (account::MIN_PASSWORD_CHARS as i64).into())],
                )
            } else {
                t("reset-error-long")
            },
        });
    } else if form.password != form.confirmation {
        errors.push(FieldErr {
            field: "confirmation".into(),
            message: t("reset-error-confirmation"),
        });
    }
    if !errors.is_empty() {
        return reset_page(&web, &ctx, StatusCode::BAD_REQUEST, errors, false);
    }
    match web.app.reset_password(&secret, &form.password).await {
        Ok(Some(_)) => Redirect::to("/connexion?fait=mot-de-passe").into_response(),
        Ok(None) => reset_page(&web, &ctx, StatusCode::GONE, Vec::new(), true),
        Err(e) => {
            tracing::error!(error = %e, "cannot reset a password");
            reset_page(&web, &ctx, StatusCode::GONE, Vec::new(), true)
        }
    }
}

#[derive(Serialize)]
struct TokenView {
    id: String,
    name: String,
    commune: String,
    role: &'static str,
    created_by: String,
    created: String,
    revoked: bool,
}

fn token_view(web: &Web, ctx: &Ctx, t: &ApiToken) -> TokenView {
    TokenView {
        id: t.id.to_string(),
        name: t.name.clone(),
        commune: web
            .app
            .territory()
            .get(&t.grant.commune)
            .map_or(t.grant.commune.clone(), |c| {
                c.name(ctx.lang.code()).to_string()
            }),
        role: t.grant.role.as_str(),
        created_by: t.created_by.clone(),
        created: super::agent::local_time(t.created_at),
        revoked: t.revoked_at.is_some(),
    }
}

#[derive(Serialize)]
struct PersonView {
    id: String,
    email: String,
    name: String,
    has_password: bool,
    roles: Vec<PersonRole>,
}

#[derive(Serialize)]
struct PersonRole {
    nis: String,
    commune: String,
    role: &'static str,
}

/// What an admin typed in "add a person", kept on an error.
#[derive(Serialize, Default)]
struct NewPerson {
    email: String,
    name: String,
}

#[derive(Serialize)]
struct AccountPage {
    communes: Vec<super::pages::CommuneView>,
    errors: Vec<FieldErr>,
    people: Vec<PersonView>,
    new_person: NewPerson,
    person_added: Option<String>,
    me: String,
    roles: Vec<RoleView>,
    admin_of: Vec<super::pages::CommuneView>,
    tokens: Vec<TokenView>,
    new_secret: Option<String>,
    token_name: String,
    roles_all: Vec<&'static str>,
}

#[derive(Serialize)]
struct RoleView {
    commune: String,
    role: &'static str,
}

/// What the account page shows besides the person's own facts.
#[derive(Default)]
struct Shown {
    errors: Vec<FieldErr>,
    new_secret: Option<String>,
    token_name: String,
    new_person: NewPerson,
    person_added: Option<String>,
}

async fn account_page(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    status: StatusCode,
    shown: Shown,
) -> Response {
    let Some(person) = actor.person() else {
        return to_sign_in(ctx);
    };
    let territory = web.app.territory();
    let name = |nis: &str| {
        territory
            .get(nis)
            .map_or(nis.to_string(), |c| c.name(ctx.lang.code()).to_string())
    };
    let tokens = web.app.tokens(actor).await.unwrap_or_default();
    let people = web
        .app
        .users_of(actor)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|u| PersonView {
            id: u.id.to_string(),
            email: u.email,
            name: u.name,
            has_password: u.has_password,
            roles: u
                .grants
                .iter()
                .map(|g| PersonRole {
                    nis: g.commune.clone(),
                    commune: name(&g.commune),
                    role: g.role.as_str(),
                })
                .collect(),
        })
        .collect();
    let Shown {
        errors,
        new_secret,
        token_name,
        new_person,
        person_added,
    } = shown;
    web.ui.render(
        ctx,
        status,
        "compte.html",
        AccountPage {
            communes: super::pages::communes(web, ctx.lang),
            errors,
            people,
            new_person,
            person_added,
            me: person.name.clone(),
            roles: person
                .grants
                .iter()
                .map(|g| RoleView {
                    commune: name(&g.commune),
                    role: g.role.as_str(),
                })
                .collect(),
            admin_of: territory
                .active()
                .filter(|c| actor.may_administer(&c.nis))
                .map(|c| super::pages::CommuneView::of(c, ctx.lang))
                .collect(),
            tokens: tokens.iter().map(|t| token_view(web, ctx, t)).collect(),
            new_secret,
            token_name,
            roles_all: Role::ALL.iter().map(|r| r.as_str()).collect(),
        },
    )
}

/// `GET /agent/compte`: who I am, my roles, signing out everywhere, and (admins) the
/// commune's API tokens.
pub async fn account(State(web): State<Web>, ctx: Ctx, actor: Actor) -> Response {
    account_page(&web, &ctx, &actor, StatusCode::OK, Shown::default()).await
}

/// A role in a commune an admin chose on a form: the grant, or what is wrong with it
/// (`prefix` names the form's fields: `role`, `person-role`…).
fn chosen_grant(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    commune: &str,
    role: &str,
    prefix: &'static str,
    errors: &mut Vec<FieldErr>,
) -> Option<Grant> {
    let t = |k: &str| web.ui.t(ctx.lang, k);
    let role = Role::parse(role);
    if role.is_none() {
        errors.push(FieldErr {
            field: format!("{prefix}role").into(),
            message: t("tokens-error-role"),
        });
    }
    if !actor.may_administer(commune) {
        errors.push(FieldErr {
            field: format!("{prefix}commune").into(),
            message: t("tokens-error-commune"),
        });
    }
    role.map(|role| Grant {
        commune: commune.to_string(),
        role,
    })
}

/// The account page after taking something away (a token, a role): as it is now, or
/// with the error `key` on `field` when there was nothing to take.
async fn after_removal(
    web: &Web,
    ctx: &Ctx,
    actor: &Actor,
    done: bool,
    field: &'static str,
    key: &str,
) -> Response {
    let errors = match done {
        true => Vec::new(),
        false => vec![FieldErr {
            field: field.into(),
            message: web.ui.t(ctx.lang, key),
        }],
    };
    let status = super::form_status(&errors);
    let shown = Shown {
        errors,
        ..Default::default()
    };
    account_page(web, ctx, actor, status, shown).await
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    role: String,
    /// Set to revoke this token instead of creating one.
    #[serde(default)]
    revoke: Option<String>,
}

/// `POST /agent/jetons`: creates a token (shown once) or revokes one.
pub async fn tokens(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<TokenForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let t = |k: &str| web.ui.t(ctx.lang, k);
    if let Some(id) = form.revoke.as_deref() {
        let done = match uuid::Uuid::parse_str(id) {
            Ok(id) => web.app.revoke_token(&actor, id).await.is_ok(),
            Err(_) => false,
        };
        return after_removal(&web, &ctx, &actor, done, "name", "tokens-error-revoke").await;
    }
    let mut errors = Vec::new();
    if form.name.trim().is_empty() {
        errors.push(FieldErr {
            field: "name".into(),
            message: t("tokens-error-name"),
        });
    }
    let grant = chosen_grant(
        &web,
        &ctx,
        &actor,
        &form.commune,
        &form.role,
        "",
        &mut errors,
    );
    if let (true, Some(grant)) = (errors.is_empty(), grant) {
        match web.app.create_token(&actor, &form.name, grant, None).await {
            Ok((_, secret)) => {
                let shown = Shown {
                    new_secret: Some(secret),
                    ..Default::default()
                };
                return account_page(&web, &ctx, &actor, StatusCode::CREATED, shown).await;
            }
            Err(e) => errors.push(FieldErr {
                field: "name".into(),
                message: e.to_string(),
            }),
        }
    }
    let shown = Shown {
        errors,
        token_name: form.name.trim().to_string(),
        ..Default::default()
    };
    account_page(&web, &ctx, &actor, StatusCode::BAD_REQUEST, shown).await
}
#[derive(Deserialize)]
pub struct PeopleForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    commune: String,
    #[serde(default)]
    role: String,
    /// Set to take this role away from this person (`user_id`).
    #[serde(default)]
    remove: Option<String>,
}

/// `POST /agent/comptes`: an admin gives a role to a person (creating the account and
/// sending an invitation to choose a password when it is new), or takes one away.
pub async fn people(
    State(web): State<Web>,
    ctx: Ctx,
    actor: Actor,
    Form(form): Form<PeopleForm>,
) -> Response {
    if let Some(r) = super::refused(&web, &ctx, &actor, &form.csrf) {
        return r;
    }
    let t = |k: &str| web.ui.t(ctx.lang, k);
    if let Some(user) = form.remove.as_deref() {
        let done = match (uuid::Uuid::parse_str(user), Role::parse(&form.role)) {
            (Ok(id), Some(role)) => {
                let grant = Grant {
                    commune: form.commune.clone(),
                    role,
                };
                web.app.remove_grant(&actor, id, &grant).await.is_ok()
            }
            _ => false,
        };
        return after_removal(
            &web,
            &ctx,
            &actor,
            done,
            "person-email",
            "people-error-remove",
        )
        .await;
    }
    let mut errors = Vec::new();
    if account::normalize_email(&form.email).is_err() {
        errors.push(FieldErr {
            field: "person-email".into(),
            message: t("forgot-error-email"),
        });
    }
    let grant = chosen_grant(
        &web,
        &ctx,
        &actor,
        &form.commune,
        &form.role,
        "person-",
        &mut errors,
    );
    if let (true, Some(grant)) = (errors.is_empty(), grant) {
        match web
            .app
            .add_user(&actor, &form.email, &form.name, &[grant], None)
            .await
        {
            Ok((user, _)) => {
                if !user.has_password
                    && let Ok(Some((_, secret))) = web.app.request_reset(&user.email).await
                {
                    invite(&web, &ctx, &user.email, &secret).await;
                }
                let shown = Shown {
                    person_added: Some(user.email),
                    ..Default::default()
                };
                return account_page(&web, &ctx, &actor, StatusCode::CREATED, shown).await;
            }
            Err(_) => errors.push(FieldErr {
                field: "person-email".into(),
                message: t("people-error-add"),
            }),
        }
    }
    let shown = Shown {
        errors,
        new_person: NewPerson {
            email: form.email.trim().to_string(),
            name: form.name.trim().to_string(),
        },
        ..Default::default()
    };
    account_page(&web, &ctx, &actor, StatusCode::BAD_REQUEST, shown).await
}

/// Tells a new colleague their account exists, with the link to choose a password.
async fn invite(web: &Web, ctx: &Ctx, to: &str, secret: &str) {
    let link = format!("{}/mot-de-passe/{secret}", super::notify::base(web));
    let i = &web.ui.i18n;
    let mail = Mail {
        to: to.to_string(),
        subject: i.t(ctx.lang, "mail-invite-subject", None),
        text: i.tf(ctx.lang, "mail-invite-text", &[("link", link.into())]),
        unsubscribe: None,
    };
    if let Err(e) = web.mailer.send(mail).await {
        tracing::error!(error = %format!("{e:#}"), "cannot send an invitation");
    }
}
