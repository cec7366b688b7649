//! `/suivi`: following a report — its status and history in plain words, following it
//! by e-mail (instead of reporting the same problem again), and stopping the e-mails.

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use serde_json::{Value, json};

use super::carte::status_group;
use super::pages::{CommuneView, communes};
use super::words::Words;
use super::{Ctx, FieldErr};
use crate::api::Web;
use crate::model::report::{self, ReportContact};
use crate::model::schedule::LOCAL_TZ;
use crate::policy::Actor;

#[derive(Deserialize, Default)]
pub struct FollowForm {
    /// Absent on the first visit; present (maybe empty) once the form is sent.
    reference: Option<String>,
}

/// `GET /suivi` (and `?reference=`): the form to follow a report.
pub async fn follow_form(
    State(web): State<Web>,
    ctx: Ctx,
    Query(q): Query<FollowForm>,
) -> Response {
    let mut errors = Vec::new();
    let sent = q.reference.is_some();
    let typed = q.reference.unwrap_or_default().trim().to_string();
    if !typed.is_empty() {
        match report::parse_reference(&typed) {
            Some(r) if web.app.report_by_reference(&r).is_some() => {
                return Redirect::to(&format!("/suivi/{r}")).into_response();
            }
            Some(r) => errors.push(FieldErr {
                field: "reference".into(),
                message: web.ui.i18n.tf(
                    ctx.lang,
                    "follow-error-unknown",
                    &[("reference", r.into())],
                ),
            }),
            None => errors.push(FieldErr {
                field: "reference".into(),
                message: web.ui.t(ctx.lang, "follow-error-format"),
            }),
        }
    } else if sent {
        errors.push(FieldErr {
            field: "reference".into(),
            message: web.ui.t(ctx.lang, "follow-error-empty"),
        });
    }
    let status = super::form_status(&errors);
    web.ui.render(
        &ctx,
        status,
        "suivi.html",
        json!({
            "communes": communes(&web, ctx.lang),
            "errors": errors,
            "typed": typed,
            "report": Value::Null,
        }),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowQuery {
    /// The reporter's secret, in the links of their e-mails: it lets them reopen.
    jeton: String,
}

/// `GET /suivi/{reference}` (`?jeton=` from the reporter's e-mails)
pub async fn follow(
    State(web): State<Web>,
    ctx: Ctx,
    Path(reference): Path<String>,
    Query(q): Query<FollowQuery>,
) -> Response {
    let page = Page {
        jeton: &q.jeton,
        ..Page::default()
    };
    follow_page(&web, &ctx, &reference, page).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ReopenForm {
    csrf: String,
    motif: String,
    jeton: String,
}

/// `POST /suivi/{reference}/rouvrir`: the problem is back, or was never fixed.
pub async fn reopen(
    State(web): State<Web>,
    ctx: Ctx,
    Path(reference): Path<String>,
    Form(form): Form<ReopenForm>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let Some(r) = report::parse_reference(&reference) else {
        return super::not_found(&web, &ctx);
    };
    match web
        .app
        .reopen_by_citizen(&r, &form.jeton, &form.motif)
        .await
    {
        Ok(()) => Redirect::to(&format!("/suivi/{r}")).into_response(),
        Err(crate::error::Error::Invalid(_)) => {
            let page = Page {
                errors: vec![FieldErr {
                    field: "motif".into(),
                    message: web.ui.t(ctx.lang, "reopen-error-motif"),
                }],
                jeton: &form.jeton,
                ..Page::default()
            };
            follow_page(&web, &ctx, &r, page).await
        }
        Err(crate::error::Error::NotFound(_)) => super::not_found(&web, &ctx),
        Err(crate::error::Error::Unauthorized) => super::message(
            &web,
            &ctx,
            StatusCode::FORBIDDEN,
            "reopen-link-title",
            "reopen-link-text",
        ),
        Err(crate::error::Error::Forbidden) => super::message(
            &web,
            &ctx,
            StatusCode::FORBIDDEN,
            "reopen-closed-title",
            "reopen-closed-text",
        ),
        Err(e) => {
            tracing::error!(error = %e, "cannot reopen a report");
            super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "unavailable-text",
            )
        }
    }
}

/// What a report's page shows besides the report.
#[derive(Default)]
struct Page<'a> {
    errors: Vec<FieldErr>,
    /// The address typed in the form to follow it.
    email: &'a str,
    /// A confirmation link was sent to follow it.
    asked: bool,
    /// The secret of the link the page was opened with.
    jeton: &'a str,
}

async fn follow_page(web: &Web, ctx: &Ctx, reference: &str, page: Page<'_>) -> Response {
    let Page {
        errors,
        email,
        asked,
        jeton,
    } = page;
    let (web, ctx) = (web.clone(), ctx);
    let Some(r) = report::parse_reference(reference) else {
        return super::not_found(&web, ctx);
    };
    let Some(e) = web.app.report_by_reference(&r) else {
        return super::not_found(&web, ctx);
    };
    let f = &e.feature;
    let words = Words::new(&web.ui.i18n, ctx.lang, crate::clock::now());
    let steps = web
        .app
        .status_history(f.id, &Actor::Anonymous)
        .await
        .unwrap_or_default();
    let history: Vec<Value> = steps
        .iter()
        .map(|(at, s)| {
            let local = at.with_timezone(&LOCAL_TZ);
            json!({
                "date": format!("{}, {}", words.date(local.date_naive()), words.time(local.time())),
                "status": web.ui.t(ctx.lang, &format!("status-{s}")),
                "explain": web.ui.t(ctx.lang, &format!("explain-{s}")),
            })
        })
        .collect();
    let territory = web.app.territory();
    let commune = territory.get(&f.commune);
    let category = commune
        .and_then(|c| {
            f.attributes
                .get("categorie")
                .and_then(|v| v.as_str())
                .and_then(|k| c.settings.category(k))
        })
        .map(|k| k.name(ctx.lang.code()).to_string())
        .unwrap_or_else(|| f.title.clone());
    let status = super::form_status(&errors);
    let reopenable = web.app.citizen_may_reopen(f);
    // the reporter, by the link of their e-mails, may reopen; others are told how
    let reporter = reopenable
        && !jeton.is_empty()
        && web
            .app
            .store
            .is_reporter(f.id, jeton)
            .await
            .unwrap_or(false);
    web.ui.render(
        ctx,
        status,
        "suivi.html",
        json!({
            "communes": communes(&web, ctx.lang),
            "following": asked,
            "jeton": if reporter { jeton } else { "" },
            "email": email,
            "commune_shown": commune.map(|c| CommuneView::of(c, ctx.lang)),
            "errors": errors,
            "typed": r,
            "report": {
                "id": f.id.to_string(),
                "reference": r,
                "category": category,
                "lieu": f.attributes.get("lieu").and_then(|v| v.as_str()).unwrap_or(""),
                "status": web.ui.t(ctx.lang, &format!("status-{}", f.status)),
                "status_group": status_group(&f.status),
                "explain": web.ui.t(ctx.lang, &format!("explain-{}", f.status)),
                "history": history,
                "may_reopen": reporter,
                "reopen_by_link": reopenable && !reporter,
            },
        }),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct FollowByEmail {
    csrf: String,
    email: String,
}

/// `POST /suivi/{reference}`: someone who saw the same problem follows this report by
/// e-mail instead of reporting it again.
pub async fn subscribe(
    State(web): State<Web>,
    ctx: Ctx,
    Path(reference): Path<String>,
    Form(form): Form<FollowByEmail>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let Some(e) = report::parse_reference(&reference).and_then(|r| web.app.report_by_reference(&r))
    else {
        return super::not_found(&web, &ctx);
    };
    let reference = e.feature.attributes["reference"]
        .as_str()
        .unwrap_or("")
        .to_string();
    let email = match report::check_email(&form.email) {
        Ok(email) => email,
        Err(_) => {
            let page = Page {
                errors: vec![FieldErr {
                    field: "email".into(),
                    message: web.ui.t(ctx.lang, "contact-error-email"),
                }],
                email: &form.email,
                ..Page::default()
            };
            return follow_page(&web, &ctx, &reference, page).await;
        }
    };
    let follower = ReportContact {
        email: Some(email.clone()),
        phone: None,
        lang: ctx.lang.code().to_string(),
        token: super::random_hex(16),
    };
    // the same page whether the address follows it already or not: it is not told here
    let asked = Page {
        asked: true,
        ..Page::default()
    };
    match web.app.store.follow_report(e.feature.id, &follower).await {
        Ok(true) => {
            super::notify::ask_to_confirm_following(
                &web,
                ctx.lang,
                &email,
                &follower.token,
                &reference,
            )
            .await;
            follow_page(&web, &ctx, &reference, asked).await
        }
        Ok(false) => follow_page(&web, &ctx, &reference, asked).await,
        Err(e) => {
            tracing::error!(error = %e, "cannot add a follower");
            super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "send-error-title",
                "send-error-text",
            )
        }
    }
}

/// `GET /suivi/confirmer/{token}`: the link sent to someone who asked to follow a
/// report; a button confirms (mail programs open links on their own).
pub async fn confirm_form(State(web): State<Web>, ctx: Ctx, Path(token): Path<String>) -> Response {
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "suivre.html",
        json!({ "communes": communes(&web, ctx.lang), "token": token, "reference": Value::Null }),
    )
}

/// `POST /suivi/confirmer/{token}`: from now on, the messages of the report.
pub async fn confirm(
    State(web): State<Web>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    let reference = match web.app.store.confirm_follower(&token).await {
        Ok(Some(id)) => web.app.get(id, &Actor::Anonymous).ok().and_then(|e| {
            e.feature
                .attributes
                .get("reference")
                .and_then(Value::as_str)
                .map(str::to_string)
        }),
        Ok(None) => return super::not_found(&web, &ctx),
        Err(e) => {
            tracing::error!(error = %e, "cannot confirm a follower");
            return super::message(
                &web,
                &ctx,
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable-title",
                "draft-unsaved-text",
            );
        }
    };
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "suivre.html",
        json!({ "communes": communes(&web, ctx.lang), "token": token, "reference": reference.unwrap_or_default() }),
    )
}

/// `GET /desabonner/{token}`: asks to confirm (mail programs open links on their own).
pub async fn unsubscribe_form(
    State(web): State<Web>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> Response {
    web.ui.render(
        &ctx,
        StatusCode::OK,
        "desabonner.html",
        json!({ "communes": communes(&web, ctx.lang), "token": token, "done": false }),
    )
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct CsrfOnly {
    csrf: String,
}

/// `POST /desabonner/{token}`
pub async fn unsubscribe(
    State(web): State<Web>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(form): Form<CsrfOnly>,
) -> Response {
    if !ctx.csrf_ok(&form.csrf) {
        return super::forged(&web, &ctx);
    }
    match web.app.store.unsubscribe(&token).await {
        Ok(true) => web.ui.render(
            &ctx,
            StatusCode::OK,
            "desabonner.html",
            json!({ "communes": communes(&web, ctx.lang), "token": token, "done": true }),
        ),
        _ => super::not_found(&web, &ctx),
    }
}
