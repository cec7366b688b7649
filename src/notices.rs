//! Telling people what concerns them: a task given to them, a mention in a comment, a
//! change of status of their task, a due date near or past. Each notice is kept for the
//! workspace's list (once: a `dedup` key says what "the same" means) and goes out by
//! e-mail as each person chose — at once, in a daily digest, or not at all. The e-mail
//! itself is the web's (`web::start` registers the hook; App has no mailer).

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::FieldError;
use crate::model::task::{Comment, EmailWhen, MAX_COMMENT_CHARS, Notice, Task, mentions};
use crate::policy::Actor;

impl App {
    /// Registers what sends notices by e-mail: `f(address, language, notices)`.
    pub fn on_notice_mail(&self, f: impl Fn(String, String, Vec<Notice>) + Send + Sync + 'static) {
        self.notice_hooks
            .write()
            .expect("hooks lock")
            .push(Box::new(f));
    }

    async fn mail_notices(&self, user: Uuid, to: String, notices: Vec<Notice>) -> Result<()> {
        let lang = self.store.mail_lang(user).await?;
        for hook in self.notice_hooks.read().expect("hooks lock").iter() {
            hook(to.clone(), lang.clone(), notices.clone());
        }
        Ok(())
    }

    /// Tells `user` about `task`, once per `dedup`.
    pub async fn tell(&self, user: Uuid, kind: &str, task: &Task, dedup: String) -> Result<()> {
        let n = Notice {
            id: Uuid::now_v7(),
            user,
            kind: kind.to_string(),
            task: Some(task.id),
            text: task.title.clone(),
            at: crate::clock::now().timestamp(),
            read_at: None,
        };
        if !self.store.notice(&n, &dedup).await? {
            return Ok(());
        }
        if self.store.email_when(user).await? == EmailWhen::Now
            && let Some(u) = self.store.user(user).await?
        {
            self.mail_notices(user, u.email, vec![n.clone()]).await?;
            self.store.mark_mailed(&[n.id], n.at).await?;
        }
        Ok(())
    }

    /// Tells the people a change of a task concerns: the person it is now given to, and
    /// the person whose task changed status — never the one who made the change.
    pub(crate) async fn tell_task_change(
        &self,
        actor: &Actor,
        before: &Task,
        after: &Task,
    ) -> Result<()> {
        let me = actor.person().map(|p| p.id);
        if let Some(u) = after.assignee
            && after.assignee != before.assignee
            && Some(u) != me
        {
            self.tell(
                u,
                "assigned",
                after,
                format!("assigned:{}:{}", after.id, after.version),
            )
            .await?;
        } else if let Some(u) = after.assignee
            && after.status != before.status
            && Some(u) != me
        {
            self.tell(
                u,
                "task_status",
                after,
                format!("status:{}:{}", after.id, after.version),
            )
            .await?;
        }
        Ok(())
    }

    /// Adds a comment to a task; the people it mentions (`@jean.dupont`) are told.
    pub async fn add_comment(&self, actor: &Actor, task: Uuid, body: &str) -> Result<Comment> {
        let t = self.task(actor, task).await?;
        let body = body.trim();
        if body.is_empty() || body.chars().count() > MAX_COMMENT_CHARS {
            return Err(Error::Invalid(vec![FieldError::new(
                "/body",
                "invalid_comment",
                format!("a comment holds 1 to {MAX_COMMENT_CHARS} characters"),
            )]));
        }
        let c = Comment {
            id: Uuid::now_v7(),
            task,
            author: actor.label(),
            body: body.to_string(),
            at: crate::clock::now().timestamp(),
        };
        self.store.add_comment(&c).await?;
        let named = mentions(body);
        if !named.is_empty() {
            let me = actor.person().map(|p| p.id);
            for u in self.store.users().await? {
                let local = u.email.split('@').next().unwrap_or("").to_string();
                if named.contains(&local)
                    && Some(u.id) != me
                    && u.grants.iter().any(|g| g.commune == t.commune)
                {
                    self.tell(u.id, "mentioned", &t, format!("mention:{}:{}", c.id, u.id))
                        .await?;
                }
            }
        }
        Ok(c)
    }

    /// A person's notices, newest first.
    pub async fn notices_of(&self, actor: &Actor) -> Result<Vec<Notice>> {
        let p = actor.person().ok_or(Error::Unauthorized)?;
        Ok(self.store.notices(p.id, 100).await?)
    }

    /// Reminds people of their tasks due tomorrow, and of those now late (each once).
    pub async fn remind(&self, now: DateTime<Utc>) -> Result<usize> {
        let today = now
            .with_timezone(&crate::model::schedule::LOCAL_TZ)
            .date_naive();
        let mut told = 0;
        for t in self.store.tasks(None, None).await? {
            let (Some(u), Some(due)) = (t.assignee, t.due) else {
                continue;
            };
            if t.status == "faite" {
                continue;
            }
            if due == today + Duration::days(1) {
                self.tell(u, "due_soon", &t, format!("due_soon:{}:{due}", t.id))
                    .await?;
                told += 1;
            } else if due < today {
                self.tell(u, "overdue", &t, format!("overdue:{}:{due}", t.id))
                    .await?;
                told += 1;
            }
        }
        Ok(told)
    }

    /// Sends each person who chose a daily digest the notices not mailed yet, in one
    /// e-mail; those who want no e-mail have theirs marked as handled.
    pub async fn send_digests(&self, now: DateTime<Utc>) -> Result<usize> {
        let mut by_user: BTreeMap<Uuid, Vec<Notice>> = BTreeMap::new();
        for n in self.store.unmailed().await? {
            by_user.entry(n.user).or_default().push(n);
        }
        let mut sent = 0;
        for (user, notices) in by_user {
            let ids: Vec<Uuid> = notices.iter().map(|n| n.id).collect();
            match self.store.email_when(user).await? {
                EmailWhen::Digest => {
                    if let Some(u) = self.store.user(user).await? {
                        self.mail_notices(user, u.email, notices).await?;
                        sent += 1;
                    }
                }
                // "now" notices were mailed when made; these are left from a change of
                // choice, or for people who want none: handled either way
                EmailWhen::Now | EmailWhen::Never => {}
            }
            self.store.mark_mailed(&ids, now.timestamp()).await?;
        }
        Ok(sent)
    }
}
