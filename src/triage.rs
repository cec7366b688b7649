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

fn today() -> NaiveDate {
    crate::clock::now()
        .with_timezone(&crate::model::schedule::LOCAL_TZ)
        .date_naive()
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
        let today = today();
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

    /// The services of the communes whose internal data this actor sees.
    pub async fn services_of(&self, actor: &Actor) -> Result<Vec<Service>> {
        Ok(self
            .store
            .services(None)
            .await?
            .into_iter()
            .filter(|s| actor.sees_internal(&s.commune))
            .collect())
    }

    pub async fn add_service(&self, actor: &Actor, commune: &str, name: &str) -> Result<Service> {
        if !actor.may_administer(commune) {
            return Err(Error::Forbidden);
        }
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 {
            return Err(Error::Invalid(vec![FieldError::new(
                "/name",
                "invalid_name",
                "a service needs a name of 1 to 100 characters",
            )]));
        }
        Ok(self
            .store
            .put_service(commune, name, crate::clock::now().timestamp())
            .await?)
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
        Ok(self.store.set_member(service, user, member).await?)
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
        Ok(self
            .store
            .add_rule(&rule, crate::clock::now().timestamp())
            .await?)
    }

    pub async fn delete_rule(&self, actor: &Actor, commune: &str, id: Uuid) -> Result<()> {
        if !actor.may_administer(commune)
            || !self.store.rules(commune).await?.iter().any(|r| r.id == id)
        {
            return Err(Error::NotFound(format!("rule {id}")));
        }
        self.store.delete_rule(id).await?;
        Ok(())
    }
}
