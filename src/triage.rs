//! Report triage on `App`: routing a new report to a service with its deadline (the
//! rules and the calendar are the model's, `model::triage` and `model::calendar`), the
//! queue of a commune's open reports, and the services and rules admins edit.
//!
//! Where a report is routed, and by when it must be answered, are attributes of the
//! report (`service`, `echeance`), written with it in one transaction and changed like
//! any other attribute, so every routing is in the report's history. They are not
//! public (`policy::PUBLIC_REPORT_ATTRIBUTES`).

use std::sync::Arc;

use chrono::NaiveDate;
use geo::InteriorPoint;
use serde_json::Value;
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::index::{Entry, Query};
use crate::model::calendar::Calendar;
use crate::model::triage::{self, Rule, Service};
use crate::model::{Feature, FieldError, Kind, TimeFilter};
use crate::policy::Actor;

/// One report of a commune's queue.
pub struct QueueItem {
    pub entry: Arc<Entry>,
    pub service: Option<Uuid>,
    pub due: Option<NaiveDate>,
    /// Working days past the deadline (0 or less: not late).
    pub late_by: i64,
}

fn now() -> i64 {
    crate::clock::now().timestamp()
}

/// A service's name, trimmed, or what is wrong with it.
fn service_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(Error::Invalid(vec![FieldError::new(
            "/name",
            "invalid_name",
            "a service needs a name of 1 to 100 characters",
        )]));
    }
    Ok(name)
}

impl App {
    /// Routes a report about to be written: the first matching rule of its commune
    /// gives the service, its category the deadline in working days.
    pub async fn route_report(&self, f: &mut Feature) -> Result<()> {
        let category = f
            .attributes
            .get("categorie")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        let Some(place) = f.geometry.interior_point() else {
            return Ok(());
        };
        let rules = self.store.rules(&f.commune).await?;
        if let Some(rule) = triage::route(&rules, &category, place) {
            f.attributes
                .insert("service".into(), Value::String(rule.service.to_string()));
        }
        let territory = self.territory();
        if let Some(c) = territory.get(&f.commune)
            && let Some(days) = c
                .settings
                .report_categories
                .iter()
                .find(|k| k.id == category)
                .and_then(|k| k.deadline_days)
        {
            let calendar = Calendar {
                closed: &c.settings.closed_days,
            };
            let received = f
                .created_at
                .with_timezone(&crate::model::schedule::LOCAL_TZ)
                .date_naive();
            let due = triage::due(&calendar, received, days);
            f.attributes.insert(
                "echeance".into(),
                Value::String(due.format("%Y-%m-%d").to_string()),
            );
        }
        Ok(())
    }

    /// The open reports of a commune, the most urgent first.
    pub fn queue(&self, actor: &Actor, commune: &str) -> Result<Vec<QueueItem>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        let territory = self.territory();
        let closed = territory
            .get(commune)
            .map(|c| c.settings.closed_days.clone())
            .unwrap_or_default();
        let calendar = Calendar { closed: &closed };
        let today = crate::clock::today();
        let mut items: Vec<QueueItem> = self
            .query(&Query {
                kinds: Kind::Report.bit(),
                commune: Some(commune.to_string()),
                internal: actor.scope(),
                time: TimeFilter::Any,
                ..Default::default()
            })
            .into_iter()
            .filter(|e| {
                ["new", "acknowledged", "planned", "in_progress"]
                    .contains(&e.feature.status.as_str())
            })
            .map(|e| {
                let a = &e.feature.attributes;
                let service = a
                    .get("service")
                    .and_then(Value::as_str)
                    .and_then(|s| Uuid::parse_str(s).ok());
                let due = a
                    .get("echeance")
                    .and_then(Value::as_str)
                    .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
                let late_by = due.map_or(0, |d| calendar.working_days_between(d, today));
                QueueItem {
                    entry: e,
                    service,
                    due,
                    late_by,
                }
            })
            .collect();
        items.sort_by_key(|i| (i.due.is_none(), i.due, i.entry.feature.created_at));
        Ok(items)
    }

    /// The services of a commune, for its people.
    pub async fn services_of(&self, actor: &Actor, commune: &str) -> Result<Vec<Service>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        Ok(self.store.services(Some(commune)).await?)
    }

    pub async fn add_service(&self, actor: &Actor, commune: &str, name: &str) -> Result<Service> {
        if !actor.may_administer(commune) {
            return Err(Error::Forbidden);
        }
        let name = service_name(name)?;
        self.service_name_free(commune, None, name).await?;
        Ok(self
            .store
            .put_service(commune, name, now(), &actor.label())
            .await?)
    }

    /// Renames a service (the commune's admins), if it is still at `version` (the
    /// current one when `None`); no two services of a commune share a name.
    pub async fn rename_service(
        &self,
        actor: &Actor,
        id: Uuid,
        name: &str,
        version: Option<i64>,
    ) -> Result<Service> {
        let s = self.service(id).await?;
        if !actor.may_administer(&s.commune) {
            return Err(Error::Forbidden);
        }
        let name = service_name(name)?;
        self.service_name_free(&s.commune, Some(id), name).await?;
        let expected = version.unwrap_or(s.version);
        let next = Service {
            name: name.to_string(),
            version: expected + 1,
            ..s
        };
        self.store
            .rename_service(&next, &actor.label(), now())
            .await
            .map_err(|e| Error::from_store(e, Some(expected)))?;
        Ok(next)
    }

    /// Refuses a service name another service of the commune has.
    async fn service_name_free(&self, commune: &str, id: Option<Uuid>, name: &str) -> Result<()> {
        let others = self.store.services(Some(commune)).await?;
        if others.iter().any(|o| Some(o.id) != id && o.name == name) {
            return Err(Error::Invalid(vec![FieldError::new(
                "/name",
                "name_taken",
                format!("the commune already has a service named `{name}`"),
            )]));
        }
        Ok(())
    }

    /// Deletes a service (the commune's admins) that no rule routes to and that has no
    /// open task and no open report: otherwise it says what still holds it, so nothing
    /// is left pointing at a service that is gone.
    pub async fn delete_service(&self, actor: &Actor, id: Uuid) -> Result<()> {
        let s = self.service(id).await?;
        if !actor.may_administer(&s.commune) {
            return Err(Error::Forbidden);
        }
        let rules = self
            .store
            .rules(&s.commune)
            .await?
            .iter()
            .filter(|r| r.service == id)
            .count();
        let tasks = self
            .store
            .tasks(Some(&s.commune), None)
            .await?
            .iter()
            .filter(|t| t.service == Some(id) && t.status != "faite")
            .count();
        let reports = self
            .queue(actor, &s.commune)?
            .iter()
            .filter(|i| i.service == Some(id))
            .count();
        if rules + tasks + reports > 0 {
            return Err(Error::Invalid(vec![FieldError::new(
                "",
                "in_use",
                format!(
                    "the service still has {rules} rule(s), {tasks} open task(s) and {reports} open report(s); give them to another service first"
                ),
            )]));
        }
        self.store.delete_service(id, &actor.label(), now()).await?;
        Ok(())
    }

    /// The audit of a commune's settings (services, rules, projects, templates; roles
    /// and tokens for its admins only), newest first, of one object (or all) and one
    /// kind (or all), at most `limit` lines.
    pub async fn audit_of(
        &self,
        actor: &Actor,
        commune: &str,
        object: Option<Uuid>,
        kind: Option<&str>,
        limit: i64,
    ) -> Result<Vec<crate::model::audit::Audit>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        let admin = actor.may_administer(commune);
        Ok(self
            .store
            .audit_log(commune, object, kind, limit)
            .await?
            .into_iter()
            .filter(|a| admin || !matches!(a.kind, "compte" | "jeton"))
            .collect())
    }

    /// Puts a person in one of the commune's services, or takes them out.
    pub async fn set_member(
        &self,
        actor: &Actor,
        service: Uuid,
        user: Uuid,
        member: bool,
    ) -> Result<()> {
        let s = self.service(service).await?;
        if !actor.may_administer(&s.commune) {
            return Err(Error::Forbidden);
        }
        let person = self.store.user(user).await?;
        if member && !person.is_some_and(|p| p.grants.iter().any(|g| g.commune == s.commune)) {
            return Err(Error::Invalid(vec![FieldError::new(
                "/user",
                "not_of_commune",
                "only a person holding a role in the service's commune may be put in it",
            )]));
        }
        Ok(self
            .store
            .set_member(service, user, member, &actor.label(), now())
            .await?)
    }

    async fn service(&self, id: Uuid) -> Result<Service> {
        self.store
            .services(None)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| Error::NotFound(format!("service {id}")))
    }

    pub async fn rules_of(&self, actor: &Actor, commune: &str) -> Result<Vec<Rule>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        Ok(self.store.rules(commune).await?)
    }

    /// Adds a routing rule after the commune's others; its service must be the commune's.
    pub async fn add_rule(&self, actor: &Actor, rule: Rule) -> Result<()> {
        if !actor.may_administer(&rule.commune) {
            return Err(Error::Forbidden);
        }
        let s = self.service(rule.service).await?;
        if s.commune != rule.commune {
            return Err(Error::Invalid(vec![FieldError::new(
                "/service",
                "foreign_service",
                "the service belongs to another commune",
            )]));
        }
        Ok(self.store.add_rule(&rule, now(), &actor.label()).await?)
    }

    /// Moves a rule one place up (earlier) or down the commune's order.
    pub async fn move_rule(&self, actor: &Actor, commune: &str, id: Uuid, up: bool) -> Result<()> {
        if !actor.may_administer(commune) {
            return Err(Error::NotFound(format!("rule {id}")));
        }
        let rules = self.store.rules(commune).await?;
        let i = rules
            .iter()
            .position(|r| r.id == id)
            .ok_or_else(|| Error::NotFound(format!("rule {id}")))?;
        let j = if up {
            i.checked_sub(1)
        } else {
            Some(i + 1).filter(|j| *j < rules.len())
        };
        if let Some(j) = j {
            self.store
                .swap_rules(&rules[i], &rules[j], &actor.label(), now())
                .await?;
        }
        Ok(())
    }

    pub async fn delete_rule(&self, actor: &Actor, commune: &str, id: Uuid) -> Result<()> {
        if !actor.may_administer(commune)
            || !self.store.rules(commune).await?.iter().any(|r| r.id == id)
        {
            return Err(Error::NotFound(format!("rule {id}")));
        }
        self.store.delete_rule(id, &actor.label(), now()).await?;
        Ok(())
    }
}

/// A commune's report figures, for its dashboard.
#[derive(Debug, Default, PartialEq)]
pub struct Dashboard {
    /// Per category id: open reports received less than 7 days ago, 7 to 30 days ago,
    /// more than 30 days ago.
    pub open_by_category: Vec<(String, [usize; 3])>,
    /// Per service (`None`: no service): open reports, late ones.
    pub by_service: Vec<(Option<Uuid>, usize, usize)>,
    pub late: usize,
    pub resolved_this_month: usize,
    /// Median days from arrival to an end, over the reports ended in the last year.
    pub median_days_to_end: Option<f64>,
    pub ended_last_year: usize,
}

impl App {
    /// The figures of a commune's reports, today.
    pub fn dashboard(&self, actor: &Actor, commune: &str) -> Result<Dashboard> {
        let open = self.queue(actor, commune)?;
        let now = crate::clock::now();
        let mut by_category: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
        let mut by_service: Vec<(Option<Uuid>, usize, usize)> = Vec::new();
        for i in &open {
            let f = &i.entry.feature;
            let cat = f
                .attributes
                .get("categorie")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string();
            let age = (now - f.created_at).num_days();
            let bucket = if age < 7 {
                0
            } else if age <= 30 {
                1
            } else {
                2
            };
            by_category.entry(cat).or_default()[bucket] += 1;
            match by_service.iter_mut().find(|(s, _, _)| *s == i.service) {
                Some(row) => {
                    row.1 += 1;
                    row.2 += usize::from(i.late_by > 0);
                }
                None => by_service.push((i.service, 1, usize::from(i.late_by > 0))),
            }
        }
        let local = |t: chrono::DateTime<chrono::Utc>| {
            t.with_timezone(&crate::model::schedule::LOCAL_TZ)
                .date_naive()
        };
        let today = local(now);
        let mut durations: Vec<f64> = Vec::new();
        let mut resolved_this_month = 0;
        for e in self.query(&Query {
            kinds: Kind::Report.bit(),
            commune: Some(commune.to_string()),
            internal: actor.scope(),
            ..Default::default()
        }) {
            let f = &e.feature;
            if !triage::is_end(&f.status) {
                continue;
            }
            let ended = f
                .attributes
                .get("clos_le")
                .and_then(Value::as_str)
                .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
                .map_or(f.updated_at, |d| d.with_timezone(&chrono::Utc));
            use chrono::Datelike;
            if f.status == "resolved"
                && local(ended).year() == today.year()
                && local(ended).month() == today.month()
            {
                resolved_this_month += 1;
            }
            if (now - ended).num_days() <= 365 {
                durations.push((ended - f.created_at).num_minutes() as f64 / 1440.0);
            }
        }
        durations.sort_by(f64::total_cmp);
        let median = match durations.len() {
            0 => None,
            n if n % 2 == 1 => Some(durations[n / 2]),
            n => Some((durations[n / 2 - 1] + durations[n / 2]) / 2.0),
        };
        Ok(Dashboard {
            open_by_category: by_category.into_iter().collect(),
            by_service,
            late: open.iter().filter(|i| i.late_by > 0).count(),
            resolved_this_month,
            median_days_to_end: median,
            ended_last_year: durations.len(),
        })
    }
}

/// How long after its end a citizen may say a problem is back (in days).
pub const CITIZEN_REOPEN_DAYS: i64 = 60;

impl App {
    /// Whether citizens may still reopen this report: it ended (otherwise than as a
    /// duplicate, whose people follow the report kept) less than
    /// [`CITIZEN_REOPEN_DAYS`] ago.
    pub fn citizen_may_reopen(&self, f: &Feature) -> bool {
        let ended = f
            .attributes
            .get("clos_le")
            .and_then(Value::as_str)
            .and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok())
            .map_or(f.updated_at, |d| d.with_timezone(&chrono::Utc));
        f.kind == Kind::Report
            && triage::is_end(&f.status)
            && f.status != "duplicate"
            && (crate::clock::now() - ended).num_days() < CITIZEN_REOPEN_DAYS
    }

    /// A citizen says the problem of a public report is back (or was never fixed): the
    /// report returns to "acknowledged" with their words as the reason, and everyone
    /// following it is told.
    /// Reopens a report for its reporter, who proves it with the secret of their
    /// e-mails' links (`token`); anyone else is refused.
    pub async fn reopen_by_citizen(
        &self,
        reference: &str,
        token: &str,
        reason: &str,
    ) -> Result<()> {
        let reason = reason.trim();
        if reason.chars().count() < 5 || reason.chars().count() > 1000 {
            return Err(Error::Invalid(vec![FieldError::new(
                "/motif_reouverture",
                "invalid_reason",
                "say in 5 to 1000 characters what is wrong",
            )]));
        }
        let entry = self
            .report_by_reference(reference)
            .ok_or_else(|| Error::NotFound(format!("report {reference}")))?;
        let f = &entry.feature;
        if !self.citizen_may_reopen(f) {
            return Err(Error::Forbidden);
        }
        if !self.store.is_reporter(f.id, token).await? {
            return Err(Error::Unauthorized);
        }
        let mut attributes = f.attributes.clone();
        attributes.insert(
            "motif_reouverture".into(),
            Value::String(reason.to_string()),
        );
        let draft = crate::model::FeatureDraft {
            status: Some("acknowledged".into()),
            attributes,
            ..f.draft()
        };
        // the history names the citizen, not an account
        self.update(f.id, draft, f.version, &Actor::System("citoyen".into()))
            .await?;
        Ok(())
    }
}
