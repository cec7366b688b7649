//! Tasks on `App`: who may see, create and change them (through `policy`), the checks
//! that tie a task to its commune (its feature, its service and its person must be the
//! commune's), and turning a report into a task in one click.

use serde_json::Value;
use uuid::Uuid;

use crate::app::App;
use crate::error::{Error, Result};
use crate::model::FieldError;
use crate::model::task::{Task, TaskDraft};
use crate::model::{FeatureDraft, Kind};
use crate::policy::Actor;

fn now() -> i64 {
    crate::clock::now().timestamp()
}

impl App {
    /// The tasks of a commune.
    pub async fn tasks_of(&self, actor: &Actor, commune: &str) -> Result<Vec<Task>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        Ok(self.store.tasks(Some(commune), None).await?)
    }

    /// A task the actor may read (its commune's people), else not found.
    pub async fn task(&self, actor: &Actor, id: Uuid) -> Result<Task> {
        self.store
            .task(id)
            .await?
            .filter(|t| actor.sees_internal(&t.commune))
            .ok_or_else(|| Error::NotFound(format!("task {id}")))
    }

    pub async fn task_history(
        &self,
        actor: &Actor,
        id: Uuid,
    ) -> Result<Vec<(i64, String, i64, Value)>> {
        self.task(actor, id).await?;
        Ok(self.store.task_history(id).await?)
    }

    /// The draft's ties to the commune: its feature, service and person must be the
    /// commune's.
    async fn check_task(&self, commune: &str, d: &TaskDraft, actor: &Actor) -> Result<()> {
        let mut errors = match d.check() {
            Ok(()) => Vec::new(),
            Err(e) => e,
        };
        if let Some(f) = d.feature
            && !self
                .get(f, actor)
                .is_ok_and(|e| e.feature.commune == commune)
        {
            errors.push(FieldError::new(
                "/feature",
                "foreign_feature",
                "the feature is not one of the commune's",
            ));
        }
        if let Some(s) = d.service
            && !self
                .store
                .services(Some(commune))
                .await?
                .iter()
                .any(|x| x.id == s)
        {
            errors.push(FieldError::new(
                "/service",
                "foreign_service",
                "the service is not one of the commune's",
            ));
        }
        if let Some(p) = d.project
            && !self
                .store
                .projects(Some(commune))
                .await?
                .iter()
                .any(|x| x.id == p)
        {
            errors.push(FieldError::new(
                "/project",
                "foreign_project",
                "the project is not one of the commune's",
            ));
        }
        if let Some(u) = d.assignee
            && !self
                .store
                .user(u)
                .await?
                .is_some_and(|u| u.grants.iter().any(|g| g.commune == commune))
        {
            errors.push(FieldError::new(
                "/assignee",
                "foreign_person",
                "the person has no role in the commune",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errors))
        }
    }

    /// Creates a task of a commune (its planners only).
    pub async fn create_task(&self, actor: &Actor, commune: &str, d: TaskDraft) -> Result<Task> {
        if !actor.may_write(commune) {
            return Err(Error::Forbidden);
        }
        self.check_task(commune, &d, actor).await?;
        let task = d.into_task(Uuid::now_v7(), commune, None, now());
        self.store.create_task(&task, &actor.label()).await?;
        if let Some(u) = task.assignee
            && Some(u) != actor.person().map(|p| p.id)
        {
            self.tell(u, "assigned", &task, format!("assigned:{}:1", task.id))
                .await?;
        }
        Ok(task)
    }

    /// Changes a task; `expected` is the version the person last saw. The commune's
    /// people may (workers report progress on their tasks).
    pub async fn update_task(
        &self,
        actor: &Actor,
        id: Uuid,
        d: TaskDraft,
        expected: i64,
    ) -> Result<Task> {
        let current = self.task(actor, id).await?;
        if current.version != expected {
            return Err(Error::PreconditionFailed {
                expected: Some(expected),
                current: current.version,
            });
        }
        if !actor.may_write(&current.commune) {
            self.worker_may_change(actor, &current, &d).await?;
        }
        self.check_task(&current.commune, &d, actor).await?;
        // photos and documents are added one at a time (`add_task_photo`,
        // `add_task_document`), not replaced by a draft
        let d = TaskDraft {
            photos: current.photos.clone(),
            documents: current.documents.clone(),
            ..d
        };
        let next = d.into_task(id, &current.commune, Some(&current), now());
        let changes = current.diff(&next);
        self.store
            .update_task(&next, &changes, &actor.label())
            .await
            .map_err(|e| Error::from_store(e, Some(expected)))?;
        self.tell_task_change(actor, &current, &next).await?;
        Ok(next)
    }

    /// A worker changes the tasks given to them or to one of their services, and only
    /// what workers change (`model::task::planner_only`).
    async fn worker_may_change(&self, actor: &Actor, current: &Task, d: &TaskDraft) -> Result<()> {
        let me = actor.person().map(|p| p.id);
        let theirs = me.is_some() && current.assignee == me
            || self
                .store
                .services(Some(&current.commune))
                .await?
                .iter()
                .any(|s| {
                    Some(s.id) == current.service && me.is_some_and(|m| s.members.contains(&m))
                });
        if !theirs {
            return Err(Error::Forbidden);
        }
        let errors = crate::model::task::planner_only(current, d);
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errors))
        }
    }

    /// A report becomes a task: for the report's service, due when the report is, and
    /// the report is acknowledged if it was new (its reporter is told).
    pub async fn task_from_report(&self, actor: &Actor, report: Uuid) -> Result<Task> {
        let entry = self.get(report, actor)?;
        let f = &entry.feature;
        if f.kind != Kind::Report {
            return Err(Error::NotFound(format!("report {report}")));
        }
        let text = |k: &str| {
            f.attributes
                .get(k)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        let territory = self.territory();
        let category = territory
            .get(&f.commune)
            .and_then(|c| c.settings.category(&text("categorie")))
            .map_or(text("categorie"), |k| k.fr.clone());
        let draft = TaskDraft {
            title: format!("{} – {category}", text("reference")),
            description: [text("lieu"), f.description.clone()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n"),
            status: "a_faire".into(),
            feature: Some(f.id),
            service: Uuid::parse_str(&text("service")).ok(),
            assignee: None,
            due: chrono::NaiveDate::parse_from_str(&text("echeance"), "%Y-%m-%d").ok(),
            priority: 2,
            ..Default::default()
        };
        let task = self.create_task(actor, &f.commune, draft).await?;
        if f.status == "new" {
            let ack = FeatureDraft {
                status: Some("acknowledged".into()),
                ..f.draft()
            };
            self.update(f.id, ack, f.version, actor).await?;
        }
        Ok(task)
    }
}

impl App {
    /// Closes a task attached to a report with a photo of the work done: the photo
    /// (already re-encoded and kept, `photo`) joins the report's photos and is made
    /// public, the report becomes resolved (its reporter is told), the task done.
    pub async fn resolve_with_photo(&self, actor: &Actor, task: Uuid, photo: &str) -> Result<Task> {
        let t = self.task(actor, task).await?;
        let Some(report) = t.feature else {
            return Err(Error::Invalid(vec![FieldError::new(
                "/feature",
                "not_a_report",
                "this task is not attached to a report",
            )]));
        };
        let entry = self.get(report, actor)?;
        let f = &entry.feature;
        if f.kind != Kind::Report {
            return Err(Error::Invalid(vec![FieldError::new(
                "/feature",
                "not_a_report",
                "this task is not attached to a report",
            )]));
        }
        let mut attributes = f.attributes.clone();
        for key in ["photos", "photos_publiques"] {
            let mut list = attributes
                .get(key)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            list.push(Value::String(photo.to_string()));
            attributes.insert(key.into(), Value::Array(list));
        }
        // a report ended otherwise (not ours, duplicate…) is reopened first, by someone
        // who says why
        if crate::model::triage::is_end(&f.status) && f.status != "resolved" {
            return Err(Error::Invalid(vec![FieldError::new(
                "/status",
                "report_closed",
                format!("the report is closed as `{}`; reopen it first", f.status),
            )]));
        }
        let status = "resolved";
        let draft = FeatureDraft {
            status: Some(status.into()),
            attributes,
            ..f.draft()
        };
        self.replace(f.id, draft, f.version, actor, &[photo.to_string()])
            .await?;
        let done = TaskDraft {
            status: "faite".into(),
            ..t.draft()
        };
        self.update_task(actor, t.id, done, t.version).await
    }
}

impl App {
    /// The projects of a commune.
    pub async fn projects_of(
        &self,
        actor: &Actor,
        commune: &str,
    ) -> Result<Vec<crate::model::task::Project>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        Ok(self.store.projects(Some(commune)).await?)
    }

    /// Creates a project of a commune (its planners).
    pub async fn add_project(
        &self,
        actor: &Actor,
        commune: &str,
        name: &str,
        description: &str,
    ) -> Result<crate::model::task::Project> {
        if !actor.may_write(commune) {
            return Err(Error::Forbidden);
        }
        let p = crate::model::task::Project {
            id: Uuid::now_v7(),
            commune: commune.to_string(),
            name: name.trim().to_string(),
            description: description.trim().to_string(),
            version: 1,
        };
        p.check().map_err(Error::Invalid)?;
        self.name_free(&p.commune, p.id, &p.name).await?;
        Ok(self.store.put_project(&p, &actor.label(), now()).await?)
    }

    /// Renames or redescribes a project (its commune's planners), if it is still at
    /// `version` (the current one when `None`); no two projects of a commune share a name.
    pub async fn update_project(
        &self,
        actor: &Actor,
        id: Uuid,
        name: &str,
        description: &str,
        version: Option<i64>,
    ) -> Result<crate::model::task::Project> {
        let (current, _, _) = self.project(actor, id).await?;
        if !actor.may_write(&current.commune) {
            return Err(Error::Forbidden);
        }
        let expected = version.unwrap_or(current.version);
        let next = crate::model::task::Project {
            name: name.trim().to_string(),
            description: description.trim().to_string(),
            version: expected + 1,
            ..current.clone()
        };
        next.check().map_err(Error::Invalid)?;
        self.name_free(&current.commune, id, &next.name).await?;
        self.store
            .update_project(&next, &actor.label(), now())
            .await
            .map_err(|e| Error::from_store(e, Some(expected)))?;
        Ok(next)
    }

    /// Refuses a project name another project of the commune has.
    async fn name_free(&self, commune: &str, id: Uuid, name: &str) -> Result<()> {
        let taken = self.store.projects(Some(commune)).await?;
        if taken.iter().any(|p| p.id != id && p.name == name) {
            return Err(Error::Invalid(vec![FieldError::new(
                "/name",
                "name_taken",
                format!("the commune already has a project named `{name}`"),
            )]));
        }
        Ok(())
    }

    /// Deletes a project no task and no feature belongs to any more (its commune's
    /// planners): a project in use says what still holds it.
    pub async fn delete_project(&self, actor: &Actor, id: Uuid) -> Result<()> {
        let (p, tasks, _) = self.project(actor, id).await?;
        if !actor.may_write(&p.commune) {
            return Err(Error::Forbidden);
        }
        // every feature naming it, whoever may read it
        let named = self
            .query(&crate::index::Query {
                commune: Some(p.commune.clone()),
                internal: crate::index::Scope::All,
                ..Default::default()
            })
            .into_iter()
            .filter(|e| {
                e.feature.attributes.get("projet").and_then(Value::as_str)
                    == Some(id.to_string().as_str())
            })
            .count();
        if !tasks.is_empty() || named > 0 {
            return Err(Error::Invalid(vec![FieldError::new(
                "",
                "in_use",
                format!(
                    "the project still holds {} task(s) and {named} feature(s); take them out of it first",
                    tasks.len()
                ),
            )]));
        }
        if !self.store.delete_project(id, &actor.label(), now()).await? {
            return Err(Error::NotFound(format!("project {id}")));
        }
        Ok(())
    }

    /// A project the actor may read, its tasks, and the features that name it
    /// (`attributes.projet`).
    pub async fn project(
        &self,
        actor: &Actor,
        id: Uuid,
    ) -> Result<(
        crate::model::task::Project,
        Vec<Task>,
        Vec<std::sync::Arc<crate::index::Entry>>,
    )> {
        let p = self
            .store
            .projects(None)
            .await?
            .into_iter()
            .find(|p| p.id == id && actor.sees_internal(&p.commune))
            .ok_or_else(|| Error::NotFound(format!("project {id}")))?;
        let tasks = self
            .store
            .tasks(Some(&p.commune), None)
            .await?
            .into_iter()
            .filter(|t| t.project == Some(id))
            .collect();
        let key = id.to_string();
        let features = self
            .query(&crate::index::Query {
                commune: Some(p.commune.clone()),
                internal: actor.scope(),
                ..Default::default()
            })
            .into_iter()
            .filter(|e| {
                e.feature.attributes.get("projet").and_then(Value::as_str) == Some(key.as_str())
            })
            .collect();
        Ok((p, tasks, features))
    }
}

impl App {
    /// The task templates of a commune.
    pub async fn templates_of(
        &self,
        actor: &Actor,
        commune: &str,
    ) -> Result<Vec<crate::model::task::Template>> {
        if !actor.sees_internal(commune) {
            return Err(Error::Forbidden);
        }
        Ok(self.store.templates(Some(commune)).await?)
    }

    /// Adds a template (the commune's planners); a recurring one makes its first task
    /// on its first day from today.
    pub async fn add_template(
        &self,
        actor: &Actor,
        mut t: crate::model::task::Template,
    ) -> Result<crate::model::task::Template> {
        if !actor.may_write(&t.commune) {
            return Err(Error::Forbidden);
        }
        t.name = t.name.trim().to_string();
        self.check_template(&t).await?;
        let today = crate::clock::today();
        t.next_on = t.recurrence.map(|r| r.next_on_or_after(today));
        self.store.add_template(&t, now(), &actor.label()).await?;
        Ok(t)
    }

    /// Changes a template (the commune's planners) that is still at `version` (the
    /// current one when `None`): its name, task, steps, team, lead or repetition. A
    /// new repetition starts from today; the tasks already made stay as they are.
    pub async fn update_template(
        &self,
        actor: &Actor,
        mut t: crate::model::task::Template,
        version: Option<i64>,
    ) -> Result<crate::model::task::Template> {
        let current = self.template(actor, t.id).await?;
        if !actor.may_write(&current.commune) {
            return Err(Error::Forbidden);
        }
        let expected = version.unwrap_or(current.version);
        t.commune = current.commune.clone();
        t.name = t.name.trim().to_string();
        t.version = expected + 1;
        self.check_template(&t).await?;
        t.next_on = if t.recurrence == current.recurrence {
            current.next_on
        } else {
            let today = crate::clock::today();
            t.recurrence.map(|r| r.next_on_or_after(today))
        };
        self.store
            .update_template(&t, &current.diff(&t), &actor.label(), now())
            .await
            .map_err(|e| Error::from_store(e, Some(expected)))?;
        Ok(t)
    }

    /// Every rule of a template, all faults at once; its name must be the commune's
    /// only one of that name.
    async fn check_template(&self, t: &crate::model::task::Template) -> Result<()> {
        let check = TaskDraft {
            title: t.title.clone(),
            description: t.description.clone(),
            status: "a_faire".into(),
            priority: 2,
            checklist: t.checklist.clone(),
            service: t.service,
            ..Default::default()
        };
        let mut errors = match check.check() {
            Ok(()) => Vec::new(),
            Err(e) => e,
        };
        if t.name.is_empty() || t.name.chars().count() > 200 {
            errors.push(FieldError::new(
                "/name",
                "invalid_name",
                "a template needs a name of 1 to 200 characters",
            ));
        }
        if t.lead_days.is_some_and(|d| !(0..=60).contains(&d)) {
            errors.push(FieldError::new(
                "/lead_days",
                "invalid_lead",
                "the lead is 0 to 60 working days",
            ));
        }
        if let Some(s) = t.service
            && !self
                .store
                .services(Some(&t.commune))
                .await?
                .iter()
                .any(|x| x.id == s)
        {
            errors.push(FieldError::new(
                "/service",
                "foreign_service",
                "the service is not one of the commune's",
            ));
        }
        if self
            .store
            .templates(Some(&t.commune))
            .await?
            .iter()
            .any(|x| x.name == t.name && x.id != t.id)
        {
            errors.push(FieldError::new(
                "/name",
                "name_taken",
                format!("the commune already has a template named `{}`", t.name),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::Invalid(errors))
        }
    }

    /// A template of a commune whose internal data the actor sees.
    pub async fn template(&self, actor: &Actor, id: Uuid) -> Result<crate::model::task::Template> {
        self.store
            .templates(None)
            .await?
            .into_iter()
            .find(|t| t.id == id && actor.sees_internal(&t.commune))
            .ok_or_else(|| Error::NotFound(format!("template {id}")))
    }

    /// Deletes a template (the commune's planners): a recurring one makes no more
    /// tasks; the tasks it made stay.
    pub async fn delete_template(&self, actor: &Actor, id: Uuid) -> Result<()> {
        let t = self.template(actor, id).await?;
        if !actor.may_write(&t.commune) {
            return Err(Error::Forbidden);
        }
        self.store
            .delete_template(id, &actor.label(), now())
            .await?;
        Ok(())
    }

    /// A task made from a template, for a feature when given: due `lead_days` working
    /// days before the feature starts ("les panneaux 48 h avant").
    pub async fn task_from_template(
        &self,
        actor: &Actor,
        template: Uuid,
        feature: Option<Uuid>,
    ) -> Result<Task> {
        let t = self.template(actor, template).await?;
        let mut due = None;
        if let Some(f) = feature {
            let e = self.get(f, actor)?;
            if e.feature.commune != t.commune {
                return Err(Error::NotFound(format!("feature {f}")));
            }
            if let (Some(lead), Some(first)) = (t.lead_days, e.intervals.first()) {
                let territory = self.territory();
                let closed = territory
                    .get(&t.commune)
                    .map(|c| c.settings.closed_days.clone())
                    .unwrap_or_default();
                let start = chrono::DateTime::from_timestamp(first.start, 0).map(|d| {
                    d.with_timezone(&crate::model::schedule::LOCAL_TZ)
                        .date_naive()
                });
                due = start.map(|s| {
                    crate::model::calendar::Calendar { closed: &closed }
                        .sub_working_days(s, lead as u32)
                });
            }
        }
        let draft = TaskDraft {
            title: t.title.clone(),
            description: t.description.clone(),
            status: "a_faire".into(),
            feature,
            service: t.service,
            due,
            priority: 2,
            checklist: t.checklist.clone(),
            ..Default::default()
        };
        self.create_task(actor, &t.commune, draft).await
    }

    /// Makes the tasks of recurring templates whose day has come (each occurrence once:
    /// the template's next day moves on), due on that day. Returns how many.
    pub async fn make_recurring_tasks(&self, now: chrono::DateTime<chrono::Utc>) -> Result<usize> {
        let today = now
            .with_timezone(&crate::model::schedule::LOCAL_TZ)
            .date_naive();
        let system = Actor::System("recurrence".into());
        let mut made = 0;
        for t in self.store.templates(None).await? {
            let (Some(rec), Some(mut on)) = (t.recurrence, t.next_on) else {
                continue;
            };
            while on <= today {
                let next = rec.next_on_or_after(on + chrono::Duration::days(1));
                if !self.store.claim_next_on(t.id, on, next).await? {
                    break; // another instance made it
                }
                let draft = TaskDraft {
                    title: t.title.clone(),
                    description: t.description.clone(),
                    status: "a_faire".into(),
                    service: t.service,
                    due: Some(on),
                    priority: 2,
                    checklist: t.checklist.clone(),
                    ..Default::default()
                };
                self.create_task(&system, &t.commune, draft).await?;
                made += 1;
                on = next;
            }
        }
        Ok(made)
    }
}

impl App {
    /// Attaches a photo (already re-encoded and kept) to a task, as a change of the task.
    pub async fn add_task_photo(&self, actor: &Actor, id: Uuid, photo: &str) -> Result<Task> {
        let current = self.task(actor, id).await?;
        let mut d = current.draft();
        d.photos.push(photo.to_string());
        if !actor.may_write(&current.commune) {
            self.worker_may_change(actor, &current, &d).await?;
        }
        d.check().map_err(Error::Invalid)?;
        let next = d.into_task(id, &current.commune, Some(&current), now());
        let changes = current.diff(&next);
        self.store
            .update_task(&next, &changes, &actor.label())
            .await
            .map_err(|e| Error::from_store(e, Some(current.version)))?;
        Ok(next)
    }
}

impl App {
    /// Where the bytes of tasks' documents are kept, one file per document id.
    pub fn document_dir(&self) -> std::path::PathBuf {
        self.config.data_dir.join("documents")
    }

    /// Attaches a document to a task, as a change of the task: the file is checked
    /// (kind by extension and content, size), written, then recorded; if the task cannot
    /// take it, the file is removed again.
    pub async fn add_task_document(
        &self,
        actor: &Actor,
        id: Uuid,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<Task> {
        let current = self.task(actor, id).await?;
        let doc = crate::model::task::Document::of_upload(Uuid::now_v7(), file_name, bytes)
            .map_err(|e| Error::Invalid(vec![e]))?;
        let mut d = current.draft();
        d.documents.push(doc.clone());
        if !actor.may_write(&current.commune) {
            self.worker_may_change(actor, &current, &d).await?;
        }
        d.check().map_err(Error::Invalid)?;
        let dir = self.document_dir();
        let path = dir.join(doc.id.to_string());
        tokio::fs::create_dir_all(&dir)
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        tokio::fs::write(&path, bytes)
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        let next = d.into_task(id, &current.commune, Some(&current), now());
        let changes = current.diff(&next);
        if let Err(e) = self
            .store
            .update_task(&next, &changes, &actor.label())
            .await
        {
            let _ = tokio::fs::remove_file(&path).await;
            return Err(Error::from_store(e, Some(current.version)));
        }
        Ok(next)
    }

    /// Takes a document off a task (its commune's planners), as a change of the task;
    /// its file goes once the task no longer names it.
    pub async fn remove_task_document(&self, actor: &Actor, id: Uuid, doc: Uuid) -> Result<Task> {
        let files = [self.document_dir().join(doc.to_string())];
        self.take_off(actor, id, &files, |d| {
            let before = d.documents.len();
            d.documents.retain(|x| x.id != doc);
            d.documents.len() < before
        })
        .await
    }

    /// Takes a photo of the work off a task (its commune's planners), the same way.
    pub async fn remove_task_photo(&self, actor: &Actor, id: Uuid, photo: Uuid) -> Result<Task> {
        let dir = self.photo_dir();
        let files = [
            dir.join(format!("{photo}.jpg")),
            dir.join(format!("{photo}-vignette.jpg")),
        ];
        self.take_off(actor, id, &files, |d| {
            let before = d.photos.len();
            d.photos.retain(|x| *x != photo.to_string());
            d.photos.len() < before
        })
        .await
    }

    /// A change of a task that takes an attachment off it (`remove` says whether it was
    /// there), then removes the attachment's files.
    async fn take_off(
        &self,
        actor: &Actor,
        id: Uuid,
        files: &[std::path::PathBuf],
        remove: impl FnOnce(&mut TaskDraft) -> bool,
    ) -> Result<Task> {
        let current = self.task(actor, id).await?;
        if !actor.may_write(&current.commune) {
            return Err(Error::Forbidden);
        }
        let mut d = current.draft();
        if !remove(&mut d) {
            return Err(Error::NotFound(format!("attachment of task {id}")));
        }
        let next = d.into_task(id, &current.commune, Some(&current), now());
        let changes = current.diff(&next);
        self.store
            .update_task(&next, &changes, &actor.label())
            .await
            .map_err(|e| Error::from_store(e, Some(current.version)))?;
        for f in files {
            if let Err(e) = tokio::fs::remove_file(f).await {
                tracing::warn!(error = %e, file = %f.display(), "a removed attachment stays on disk");
            }
        }
        Ok(next)
    }

    /// A document of a task the actor may read, with its bytes.
    pub async fn task_document(
        &self,
        actor: &Actor,
        task: Uuid,
        document: Uuid,
    ) -> Result<(crate::model::task::Document, Vec<u8>)> {
        let t = self.task(actor, task).await?;
        let doc = t
            .documents
            .into_iter()
            .find(|d| d.id == document)
            .ok_or_else(|| Error::NotFound(format!("document {document}")))?;
        let bytes = tokio::fs::read(self.document_dir().join(doc.id.to_string()))
            .await
            .map_err(|e| Error::Internal(e.into()))?;
        Ok((doc, bytes))
    }
}
