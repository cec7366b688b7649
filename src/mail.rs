//! E-mail to citizens: real MIME messages (lettre), written as `.eml` files into an
//! outbox folder (`<data_dir>/outbox`) by default, so that a fresh install needs no mail
//! server and nothing is lost; sent through an SMTP relay when `smtp_url` is set.
//!
//! The relay is reached without TLS (`smtp://host:port`): it is meant to be the
//! server's own relay (Postfix, a cloud provider's sidecar), which takes care of
//! delivery. Messages are plain text, in the reporter's language, and carry an
//! unsubscribe link.

use std::path::PathBuf;

use anyhow::Context;
use lettre::message::{Mailbox, header::ContentType};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::Config;

enum Transport {
    Outbox(AsyncFileTransport<Tokio1Executor>, PathBuf),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

/// One message to one person.
pub struct Mail {
    pub to: String,
    pub subject: String,
    pub text: String,
    /// Link that stops further messages; added to the body and as `List-Unsubscribe`.
    pub unsubscribe: Option<String>,
}

impl Mailer {
    pub fn new(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config
            .mail_from
            .parse()
            .with_context(|| format!("mail_from {:?} is not an address", config.mail_from))?;
        let transport = match &config.smtp_url {
            Some(url) => {
                let rest = url
                    .strip_prefix("smtp://")
                    .with_context(|| format!("smtp_url must start with smtp:// (got {url:?})"))?;
                let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
                    Some((h, p)) => (
                        h.to_string(),
                        p.parse::<u16>()
                            .with_context(|| format!("smtp_url: bad port in {url:?}"))?,
                    ),
                    None => (rest.trim_end_matches('/').to_string(), 25),
                };
                Transport::Smtp(
                    AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                        .port(port)
                        .build(),
                )
            }
            None => {
                let dir = config.data_dir.join("outbox");
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create the outbox {}", dir.display()))?;
                Transport::Outbox(AsyncFileTransport::new(&dir), dir)
            }
        };
        Ok(Mailer { transport, from })
    }

    /// Where messages are written when there is no SMTP relay.
    pub fn outbox(&self) -> Option<&std::path::Path> {
        match &self.transport {
            Transport::Outbox(_, dir) => Some(dir),
            Transport::Smtp(_) => None,
        }
    }

    pub async fn send(&self, mail: Mail) -> anyhow::Result<()> {
        let to: Mailbox = mail.to.parse().context("recipient")?;
        let mut text = mail.text;
        let mut builder = Message::builder()
            .date(crate::clock::now().into())
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject);
        if let Some(link) = &mail.unsubscribe {
            text.push_str(&format!("\n\n-- \n{link}\n"));
            builder = builder.header(ListUnsubscribe(format!("<{link}>")));
        }
        let message = builder
            .header(ContentType::TEXT_PLAIN)
            .body(text)
            .context("building the message")?;
        match &self.transport {
            Transport::Outbox(t, _) => {
                t.send(message).await.context("writing to the outbox")?;
            }
            Transport::Smtp(t) => {
                t.send(message).await.context("sending through SMTP")?;
            }
        }
        Ok(())
    }
}

/// `List-Unsubscribe` (RFC 2369), which mail programs show as an "unsubscribe" button.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl lettre::message::header::Header for ListUnsubscribe {
    fn name() -> lettre::message::header::HeaderName {
        lettre::message::header::HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.to_string()))
    }
    fn display(&self) -> lettre::message::header::HeaderValue {
        lettre::message::header::HeaderValue::new(Self::name(), self.0.clone())
    }
}
