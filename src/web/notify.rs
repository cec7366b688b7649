//! E-mail to the people who follow a report: a confirmation when it is filed, and a
//! message at each change of status, in their language, with an unsubscribe link. Sent
//! by the instance that wrote the change (`App::on_status_change`), so once.

use super::i18n::{I18n, Lang};
use crate::api::Web;
use crate::mail::{Mail, Mailer};
use crate::model::Feature;
use std::sync::Arc;

fn link(web_base: &str, path: &str) -> String {
    format!("{web_base}{path}")
}

pub fn base(web: &Web) -> String {
    web.app
        .config
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", web.app.config.listen))
}

/// Tells a reporter their report was filed; the link to follow it carries their secret,
/// with which they may reopen it.
pub async fn confirm(web: &Web, lang: Lang, to: &str, token: &str, reference: &str) {
    let link = format!("/suivi/{reference}?jeton={token}");
    confirm_with(web, lang, to, token, reference, "mail-confirm", &link).await
}

/// Asks someone who wants to follow a report to confirm it from their mailbox: nobody
/// else can subscribe their address.
pub async fn ask_to_confirm_following(
    web: &Web,
    lang: Lang,
    to: &str,
    token: &str,
    reference: &str,
) {
    let link = format!("/suivi/confirmer/{token}");
    confirm_with(web, lang, to, token, reference, "mail-follow", &link).await
}

async fn confirm_with(
    web: &Web,
    lang: Lang,
    to: &str,
    token: &str,
    reference: &str,
    key: &str,
    path: &str,
) {
    let b = base(web);
    let i = &web.ui.i18n;
    let mail = Mail {
        to: to.to_string(),
        subject: i.tf(
            lang,
            &format!("{key}-subject"),
            &[("reference", reference.to_string().into())],
        ),
        text: i.tf(
            lang,
            &format!("{key}-text"),
            &[
                ("reference", reference.to_string().into()),
                ("link", link(&b, path).into()),
            ],
        ),
        unsubscribe: Some(link(&b, &format!("/desabonner/{token}"))),
    };
    if let Err(e) = web.mailer.send(mail).await {
        tracing::error!(error = %format!("{e:#}"), "cannot send a confirmation");
    }
}

/// Registers the hook that writes to reporters when their report's status changes.
pub fn follow_status_changes(web: &Web) {
    let app = web.app.clone();
    let mailer: Arc<Mailer> = web.mailer.clone();
    let i18n: Arc<I18n> = web.ui.i18n.clone();
    let b = base(web);
    web.app.on_status_change(move |f: &Feature, _before: &str| {
        if f.kind != crate::model::Kind::Report {
            return;
        }
        let (app, mailer, i18n, b) = (app.clone(), mailer.clone(), i18n.clone(), b.clone());
        let (id, status) = (f.id, f.status.clone());
        let kept = (status == "duplicate")
            .then(|| {
                f.attributes
                    .get("doublon_de")
                    .and_then(|r| r.as_str())
                    .map(str::to_string)
            })
            .flatten();
        let reference = f
            .attributes
            .get("reference")
            .and_then(|r| r.as_str())
            .unwrap_or("")
            .to_string();
        tokio::spawn(async move {
            let contacts = match app.store.report_contacts(id).await {
                Ok(c) => c,
                Err(e) => {
                    tracing::error!(error = %e, "cannot read who follows a report");
                    return;
                }
            };
            for contact in contacts {
                let Some(to) = contact.email else { continue };
                let lang = Lang::parse(&contact.lang).unwrap_or(Lang::Fr);
                let status_words = i18n.t(lang, &format!("status-{status}"), None);
                let mail = Mail {
                    to,
                    subject: i18n.tf(
                        lang,
                        "mail-status-subject",
                        &[
                            ("reference", reference.clone().into()),
                            ("status", status_words.clone().into()),
                        ],
                    ),
                    text: i18n.tf(
                        lang,
                        "mail-status-text",
                        &[
                            ("reference", reference.clone().into()),
                            ("status", status_words.into()),
                            (
                                "explain",
                                i18n.t(lang, &format!("explain-{status}"), None).into(),
                            ),
                            (
                                "link",
                                link(&b, &format!("/suivi/{reference}?jeton={}", contact.token))
                                    .into(),
                            ),
                        ],
                    ),
                    unsubscribe: Some(link(&b, &format!("/desabonner/{}", contact.token))),
                };
                if let Err(e) = mailer.send(mail).await {
                    tracing::error!(error = %format!("{e:#}"), "cannot send a status message");
                }
            }
            // told that their report is a duplicate, they now follow the report kept
            if let Some(kept) = kept.and_then(|r| app.report_id(&r))
                && let Err(e) = app.store.follow_kept(id, kept).await
            {
                tracing::error!(error = %e, "cannot move the followers of a duplicate");
            }
        });
    });
}

/// Registers what e-mails the workspace's notices (a task given, a mention, a status, a
/// due date), one at a time or as a daily digest, in the language each person chose on
/// `/agent/notifications` (French unless they did).
pub fn send_notices(web: &Web) {
    let mailer: Arc<Mailer> = web.mailer.clone();
    let i18n: Arc<I18n> = web.ui.i18n.clone();
    let b = base(web);
    web.app.on_notice_mail(move |to, lang, notices| {
        let (mailer, i18n, b) = (mailer.clone(), i18n.clone(), b.clone());
        let lang = Lang::parse(&lang).unwrap_or(Lang::Fr);
        tokio::spawn(async move {
            let lines: Vec<String> = notices
                .iter()
                .map(|n| {
                    let what = i18n.tf(
                        lang,
                        &format!("notice-{}", n.kind),
                        &[("task", n.text.clone().into())],
                    );
                    match n.task {
                        Some(t) => {
                            format!("- {what}\n  {}", link(&b, &format!("/agent/taches/{t}")))
                        }
                        None => format!("- {what}"),
                    }
                })
                .collect();
            let subject = match notices.as_slice() {
                [one] => i18n.tf(
                    lang,
                    &format!("notice-{}", one.kind),
                    &[("task", one.text.clone().into())],
                ),
                _ => i18n.tf(
                    lang,
                    "mail-digest-subject",
                    &[("count", (notices.len() as i64).into())],
                ),
            };
            let mail = Mail {
                to,
                subject,
                text: i18n.tf(
                    lang,
                    "mail-notices-text",
                    &[
                        ("lines", lines.join("\n").into()),
                        ("settings", link(&b, "/agent/notifications").into()),
                    ],
                ),
                unsubscribe: None,
            };
            if let Err(e) = mailer.send(mail).await {
                tracing::error!(error = %format!("{e:#}"), "cannot send a notice");
            }
        });
    });
}
