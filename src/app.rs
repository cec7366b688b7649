//! The application core: the store, the live index and the territory, and the write
//! path that keeps them consistent.
//!
//! Write path: validate (model) → one transaction (store) → commit → index update. The
//! index is only touched after the commit, and the change feed of other instances goes
//! through the same `apply` so that every instance converges on what the database says.

use std::sync::{Arc, RwLock};

use anyhow::Context;

use serde_json::Value;
use uuid::Uuid;

use crate::config::Config;
use crate::error::{Error, Result};
use crate::index::{Applied, Entry, Index, Query};
use crate::model::report::ReportContact;
use crate::model::{Commune, Feature, FeatureDraft, FieldError, Territory};
use crate::policy::Actor;
use crate::store::{Change, HistoryEntry, Progress, Store};
use crate::{clock, fixtures};

/// Told of every change to the index: what changed, or `None` for "anything may have".
type Observer = Box<dyn Fn(Option<&Applied>) + Send + Sync>;
/// Told when a write here changes a feature's status: the feature after, the status before.
type StatusHook = Box<dyn Fn(&Feature, &str) + Send + Sync>;

pub struct App {
    pub store: Arc<dyn Store>,
    pub config: Config,
    index: RwLock<Index>,
    territory: RwLock<Arc<Territory>>,
    observers: RwLock<Vec<Observer>>,
    status_hooks: RwLock<Vec<StatusHook>>,
    /// Told when notices are to go out by e-mail: the address and the notices.
    pub(crate) notice_hooks: RwLock<Vec<NoticeHook>>,
    /// Wrong passwords per address and client (`accounts`).
    pub(crate) sign_in_failures: std::sync::Mutex<crate::accounts::Failures>,
}

/// Sends notices by e-mail, `(address, language, notices)` (registered by the web,
/// which has the mailer).
type NoticeHook = Box<dyn Fn(String, String, Vec<crate::model::task::Notice>) + Send + Sync>;

/// A record of an import or batch that could not be accepted.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    /// Where the record is in its source (line, index), as the source counts.
    pub place: String,
    pub errors: Vec<FieldError>,
}

impl App {
    /// Opens the application on a store: loads the communes (the built-in ones on first
    /// start), the demo data when asked and the database is empty, and the index. With
    /// `follow`, the index then follows writes made by other processes (other instances,
    /// a `balise import`); one-shot commands don't need that.
    pub async fn start(
        store: Arc<dyn Store>,
        config: Config,
        follow: bool,
    ) -> anyhow::Result<Arc<App>> {
        let mut communes = store.communes().await?;
        if communes.is_empty() {
            communes = fixtures::communes()?;
            store.put_communes(&communes).await?;
            tracing::info!(count = communes.len(), "loaded the built-in communes");
        }
        // which communes run balise, and their settings, come from the configuration at
        // every start: editing the list and restarting is how a commune changes them
        let (text, source) = match &config.communes_file {
            Some(path) => (
                std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read communes_file {}", path.display()))?,
                path.display().to_string(),
            ),
            None => (
                fixtures::BUILTIN_ACTIVE.to_string(),
                "fixtures/communes.toml".to_string(),
            ),
        };
        if fixtures::apply_active(&mut communes, &text, &source)? {
            store.put_communes(&communes).await?;
            tracing::info!(%source, "communes' settings updated");
        }
        let app = Arc::new(App {
            store,
            config,
            index: RwLock::new(Index::default()),
            territory: RwLock::new(Arc::new(Territory::new(communes))),
            status_hooks: RwLock::new(Vec::new()),
            notice_hooks: RwLock::new(Vec::new()),
            sign_in_failures: Default::default(),
            observers: RwLock::default(),
        });
        if app.config.demo {
            app.load_demo().await?;
        }
        // subscribe before loading: what is written meanwhile waits in the channel and is
        // applied after the load (version checks make that harmless)
        let changes = if follow {
            app.store.subscribe().await?
        } else {
            None
        };
        app.reload().await?;
        if let Some(changes) = changes {
            app.follow(changes);
        }
        Ok(app)
    }

    fn follow(self: &Arc<Self>, mut changes: tokio::sync::mpsc::Receiver<Change>) {
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            while let Some(change) = changes.recv().await {
                let Some(app) = weak.upgrade() else { return };
                if let Err(e) = app.apply(change).await {
                    tracing::error!(error = %e, "cannot apply a change from the database");
                }
            }
        });
    }

    /// Rebuilds the index from the database.
    pub async fn reload(&self) -> anyhow::Result<()> {
        let features = self.store.features().await?;
        let index = tokio::task::spawn_blocking(move || Index::bulk_load(features)).await?;
        tracing::info!(
            features = index.len(),
            backend = self.store.backend(),
            "index loaded"
        );
        *self.index.write().expect("index lock") = index;
        self.changed(None);
        Ok(())
    }

    /// Registers a function told of every change to the index (the tile cache).
    pub fn on_index_change(&self, f: impl Fn(Option<&Applied>) + Send + Sync + 'static) {
        self.observers
            .write()
            .expect("observers lock")
            .push(Box::new(f));
    }

    /// Tells the observers, after the index lock is released.
    fn changed(&self, applied: Option<&Applied>) {
        for o in self.observers.read().expect("observers lock").iter() {
            o(applied);
        }
    }

    fn upsert(&self, f: Feature) {
        let applied = self.index.write().expect("index lock").upsert(f);
        if let Some(a) = applied {
            self.changed(Some(&a));
        }
    }

    fn remove(&self, id: Uuid, version: i64) {
        let applied = self.index.write().expect("index lock").remove(id, version);
        if let Some(a) = applied {
            self.changed(Some(&a));
        }
    }

    /// Applies a change another instance committed.
    async fn apply(&self, change: Change) -> anyhow::Result<()> {
        match change {
            Change::Reload => self.reload().await?,
            Change::Deleted(items) => {
                for (id, version) in items {
                    self.remove(id, version);
                }
            }
            Change::Upserted(items) => {
                for (id, version) in items {
                    let known = self
                        .index
                        .read()
                        .expect("index lock")
                        .get(&id)
                        .map(|e| e.feature.version);
                    if known.is_some_and(|v| v >= version) {
                        continue; // our own write, already applied
                    }
                    if let Some(f) = self.store.feature(id).await? {
                        self.upsert(f);
                    }
                }
            }
        }
        Ok(())
    }

    pub fn territory(&self) -> Arc<Territory> {
        self.territory.read().expect("territory lock").clone()
    }

    pub fn communes(&self) -> Vec<Commune> {
        self.territory().communes().cloned().collect()
    }

    pub fn query(&self, q: &Query) -> Vec<Arc<Entry>> {
        self.index.read().expect("index lock").query(q)
    }

    /// Calls `f` with every match of `q`, under the index's read lock: `f` must be quick
    /// and must not touch the application (tiles sort matches out with it).
    pub fn visit(&self, q: &Query, f: &mut dyn FnMut(crate::index::Hit<'_>)) {
        self.index.read().expect("index lock").visit(q, f)
    }

    /// Runs `f` on the index under its read lock: `f` must be quick and must not touch
    /// the application (conflict searches).
    pub fn with_index<R>(&self, f: impl FnOnce(&Index) -> R) -> R {
        f(&self.index.read().expect("index lock"))
    }

    pub fn index_len(&self) -> usize {
        self.index.read().expect("index lock").len()
    }

    pub fn count_by_kind(&self) -> Vec<(crate::model::Kind, usize)> {
        self.index.read().expect("index lock").count_by_kind()
    }

    /// A feature the actor may read.
    pub fn get(&self, id: Uuid, actor: &Actor) -> Result<Arc<Entry>> {
        let entry = self.index.read().expect("index lock").get(&id).cloned();
        match entry {
            Some(e) if actor.may_read(&e.feature) => Ok(e),
            _ => Err(Error::NotFound(format!("feature {id}"))),
        }
    }

    /// The model's checks of a draft, off the async workers (`cpu`): a large polygon's
    /// validity takes long.
    pub async fn check_draft(
        &self,
        draft: &FeatureDraft,
    ) -> std::result::Result<crate::model::feature::Checked, Vec<FieldError>> {
        let (draft, territory) = (draft.clone(), self.territory());
        crate::cpu::run(move || draft.check(&territory)).await
    }

    async fn check(
        &self,
        draft: &FeatureDraft,
        actor: &Actor,
    ) -> Result<crate::model::feature::Checked> {
        let checked = self.check_draft(draft).await.map_err(Error::Invalid)?;
        if !actor.may_write(&checked.commune) {
            return Err(Error::Forbidden);
        }
        Ok(checked)
    }

    /// The fault of a reference some other feature holds already (the database refuses
    /// it too; this names it first).
    fn taken_reference(&self, attributes: &serde_json::Map<String, Value>) -> Option<FieldError> {
        let r = attributes.get("reference")?.as_str()?;
        let index = self.index.read().expect("index lock");
        index.by_reference(r).map(|_| duplicate_reference(r))
    }

    pub async fn create(&self, draft: FeatureDraft, actor: &Actor) -> Result<Feature> {
        let checked = self.check(&draft, actor).await?;
        if let Some(e) = self.taken_reference(&draft.attributes) {
            return Err(Error::Invalid(vec![e]));
        }
        let feature = draft.into_feature(Uuid::now_v7(), checked, clock::now());
        self.store
            .create(std::slice::from_ref(&feature), &actor.label(), &|_| {})
            .await?;
        self.upsert(feature.clone());
        Ok(feature)
    }

    /// Creates many features in one transaction, or none: every record is checked
    /// first and all rejections are reported together.
    pub async fn create_many(
        &self,
        drafts: Vec<(String, FeatureDraft)>,
        actor: &Actor,
        progress: Progress<'_>,
    ) -> std::result::Result<Vec<Feature>, Vec<Rejection>> {
        let territory = self.territory();
        let now = clock::now();
        let mut rejected = Vec::new();
        let mut features = Vec::with_capacity(drafts.len());
        let checked = crate::cpu::run(move || {
            drafts
                .into_iter()
                .map(|(place, draft)| {
                    let checked = draft.check(&territory);
                    (place, draft, checked)
                })
                .collect::<Vec<_>>()
        })
        .await;
        let mut references = std::collections::BTreeSet::new();
        for (place, draft, checked) in checked {
            let reference = draft.attributes.get("reference").and_then(Value::as_str);
            let taken = self.taken_reference(&draft.attributes).or_else(|| {
                reference
                    .filter(|r| !references.insert(r.to_string()))
                    .map(duplicate_reference)
            });
            if let Some(e) = taken {
                rejected.push(Rejection {
                    place,
                    errors: vec![e],
                });
                continue;
            }
            match checked {
                Ok(c) if actor.may_write(&c.commune) => {
                    features.push(draft.into_feature(Uuid::now_v7(), c, now))
                }
                Ok(c) => rejected.push(Rejection {
                    place,
                    errors: vec![FieldError::new(
                        "/properties/commune",
                        "forbidden",
                        format!("not allowed to write in {}", c.commune),
                    )],
                }),
                Err(errors) => rejected.push(Rejection { place, errors }),
            }
        }
        if !rejected.is_empty() {
            return Err(rejected);
        }
        self.insert_all(features, actor, progress)
            .await
            .map_err(|e| {
                vec![Rejection {
                    place: "database".into(),
                    errors: vec![FieldError::new("", "write_failed", e.to_string())],
                }]
            })
    }

    /// Loads the demo data into a database where nothing was ever written. Instances
    /// starting together on one empty database load it once between them; a database
    /// whose features were all deleted does not get it back.
    async fn load_demo(&self) -> Result<()> {
        let territory = self.territory();
        let now = clock::now();
        let mut features = Vec::new();
        for draft in fixtures::demo_drafts(now)? {
            let checked = draft
                .check(&territory)
                .map_err(|e| anyhow::anyhow!("demo data rejected: {e:?}"))?;
            features.push(draft.into_feature(Uuid::now_v7(), checked, now));
        }
        fixtures::link_by_title(&mut features);
        let actor = Actor::System("demo".into()).label();
        if self.store.create_first(&features, &actor).await? {
            tracing::info!(count = features.len(), "loaded the demo data");
        }
        Ok(())
    }

    /// Writes already-built features (checked by the caller) and indexes them.
    pub async fn insert_all(
        &self,
        features: Vec<Feature>,
        actor: &Actor,
        progress: Progress<'_>,
    ) -> Result<Vec<Feature>> {
        self.store
            .create(&features, &actor.label(), progress)
            .await?;
        {
            let mut index = self.index.write().expect("index lock");
            for f in &features {
                index.upsert(f.clone());
            }
        }
        self.changed(None);
        Ok(features)
    }

    /// Replaces a feature; `expected` is the version the client last saw.
    pub async fn update(
        &self,
        id: Uuid,
        draft: FeatureDraft,
        expected: i64,
        actor: &Actor,
    ) -> Result<Feature> {
        self.replace(id, draft, expected, actor, &[]).await
    }

    /// [`App::update`], for balise itself adding photos to a report (`added`: a repair
    /// photo just kept).
    pub(crate) async fn replace(
        &self,
        id: Uuid,
        draft: FeatureDraft,
        expected: i64,
        actor: &Actor,
        added: &[String],
    ) -> Result<Feature> {
        let current = self.store.feature(id).await?.filter(|f| actor.may_read(f));
        let current = current.ok_or_else(|| Error::NotFound(format!("feature {id}")))?;
        if !actor.may_write(&current.commune) {
            return Err(Error::Forbidden);
        }
        if current.version != expected {
            return Err(Error::PreconditionFailed {
                expected: Some(expected),
                current: current.version,
            });
        }
        let mut draft = draft;
        crate::model::report::keep_system_attributes(&current.attributes, &mut draft.attributes)
            .map_err(|e| Error::Invalid(vec![e]))?;
        let checked = self.check(&draft, actor).await?;
        if current.kind == crate::model::Kind::Report {
            self.check_service(&current, &draft.attributes).await?;
            crate::model::report::check_photos(&current.attributes, &draft.attributes, added)
                .map_err(|e| Error::Invalid(vec![e]))?;
            crate::model::triage::check_transition(
                &current.status,
                &checked.status,
                &draft.attributes,
            )
            .map_err(|e| Error::Invalid(vec![e]))?;
            crate::model::triage::stamp_end(
                &current.status,
                &checked.status,
                &mut draft.attributes,
                clock::now(),
            );
            if checked.status == "duplicate" && current.status != "duplicate" {
                let kept = self.kept_report(&current, &draft.attributes)?;
                draft.attributes.insert(
                    "doublon_de".into(),
                    Value::String(
                        kept.feature.attributes["reference"]
                            .as_str()
                            .unwrap_or("")
                            .into(),
                    ),
                );
            }
        }
        let next = current.replaced_by(draft, checked, clock::now());
        let changes: Value = current.diff(&next);
        self.store
            .update(&next, &changes, &actor.label())
            .await
            .map_err(|e| Error::from_store(e, Some(expected)))?;
        self.upsert(next.clone());
        if next.status != current.status {
            for hook in self.status_hooks.read().expect("hooks lock").iter() {
                hook(&next, &current.status);
            }
        }
        Ok(next)
    }

    /// Registers a hook told of status changes written by this instance (so that one
    /// instance, the writer, tells the people following a feature).
    pub fn on_status_change(&self, f: impl Fn(&Feature, &str) + Send + Sync + 'static) {
        self.status_hooks
            .write()
            .expect("hooks lock")
            .push(Box::new(f));
    }

    /// Files a citizen's report: checked by the model's rules, numbered, written with the
    /// reporter's contact and indexed. Sending one draft twice files it once and answers
    /// with the same reference. Returns the reference and the feature's id.
    pub async fn submit_report(
        &self,
        draft_id: &str,
        draft: FeatureDraft,
        contact: Option<ReportContact>,
        actor: &Actor,
    ) -> Result<(String, bool)> {
        if !actor.may_report() || draft.kind != crate::model::Kind::Report {
            return Err(Error::Forbidden);
        }
        let checked = self.check_draft(&draft).await.map_err(Error::Invalid)?;
        let prefix = self.territory().get(&checked.commune).map_or_else(
            || checked.commune.clone(),
            |c| c.reference_prefix().to_string(),
        );
        let mut feature = draft.into_feature(Uuid::now_v7(), checked, clock::now());
        self.route_report(&mut feature).await?;
        // numbers already taken this year (demo data, imports) stay taken
        let year_prefix = format!("{prefix}-{}-", crate::store::report_year(&feature));
        let floor = self
            .index
            .read()
            .expect("index lock")
            .references()
            .filter_map(|r| r.strip_prefix(&year_prefix)?.parse::<i64>().ok())
            .max()
            .unwrap_or(0);
        let (reference, written) = self
            .store
            .submit_report(
                draft_id,
                &feature,
                &prefix,
                floor,
                contact.as_ref(),
                &actor.label(),
            )
            .await?;
        if written {
            feature
                .attributes
                .insert("reference".into(), Value::String(reference.clone()));
            self.upsert(feature);
        }
        Ok((reference, written))
    }

    /// Applies the communes' retention periods: the contact of a report closed (in any
    /// of its final statuses) for longer than its commune's `report_retention_days` is
    /// erased, and drafts never sent are deleted after two days with their photos.
    /// Returns how many contacts were erased.
    pub async fn erase_expired_personal_data(
        &self,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<u64> {
        const FINAL: [&str; 5] = [
            "resolved",
            "not_competent",
            "duplicate",
            "not_reproducible",
            "closed",
        ];
        let territory = self.territory();
        let expired: Vec<Uuid> = {
            let index = self.index.read().expect("index lock");
            index
                .iter()
                .filter(|e| {
                    let f = &e.feature;
                    f.kind == crate::model::Kind::Report
                        && FINAL.contains(&f.status.as_str())
                        && territory.get(&f.commune).is_some_and(|c| {
                            f.updated_at
                                + chrono::Duration::days(i64::from(
                                    c.settings.report_retention_days,
                                ))
                                <= now
                        })
                })
                .map(|e| e.feature.id)
                .collect()
        };
        let erased = self.store.erase_contacts(&expired).await?;
        // abandoned drafts go, with the photos they held
        for draft in self
            .store
            .purge_drafts(now - chrono::Duration::days(2))
            .await?
        {
            for id in draft["photos"].as_array().into_iter().flatten() {
                if let Some(id) = id.as_str() {
                    self.forget_photo(id);
                }
            }
        }
        Ok(erased)
    }

    /// Deletes a kept photo's files (the photo and its thumbnail), e.g. one that nothing
    /// could take after all. Ids that are not a photo's are ignored.
    pub fn forget_photo(&self, id: &str) {
        if Uuid::parse_str(id).is_err() {
            return;
        }
        for file in [format!("{id}.jpg"), format!("{id}-vignette.jpg")] {
            let path = self.photo_dir().join(file);
            if let Err(e) = std::fs::remove_file(&path)
                && e.kind() != std::io::ErrorKind::NotFound
            {
                tracing::warn!(error = %e, path = %path.display(), "cannot delete a photo");
            }
        }
    }

    /// Where reports' photos are kept.
    pub fn photo_dir(&self) -> std::path::PathBuf {
        self.config.data_dir.join("photos")
    }

    /// The report a duplicate points to (`doublon_de`, a reference): another report of
    /// the same commune.
    /// A report's service, when a change sets another, is one of its commune's.
    async fn check_service(
        &self,
        current: &Feature,
        attributes: &serde_json::Map<String, Value>,
    ) -> Result<()> {
        let sent = attributes.get("service");
        if sent.is_none() || sent == current.attributes.get("service") {
            return Ok(());
        }
        let services = self.store.services(Some(&current.commune)).await?;
        let known = sent
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok())
            .is_some_and(|id| services.iter().any(|s| s.id == id));
        if known {
            Ok(())
        } else {
            Err(Error::Invalid(vec![FieldError::new(
                "/properties/attributes/service",
                "unknown_service",
                "the service is not one of this report's commune",
            )]))
        }
    }

    fn kept_report(
        &self,
        duplicate: &Feature,
        attributes: &serde_json::Map<String, Value>,
    ) -> Result<Arc<Entry>> {
        let typed = attributes
            .get("doublon_de")
            .and_then(Value::as_str)
            .unwrap_or("");
        let kept = crate::model::report::parse_reference(typed).and_then(|r| {
            self.index
                .read()
                .expect("index lock")
                .by_reference(&r)
                .cloned()
        });
        match kept {
            Some(k) if k.feature.id != duplicate.id && k.feature.commune == duplicate.commune => {
                Ok(k)
            }
            _ => Err(Error::Invalid(vec![FieldError::new(
                "/properties/attributes/doublon_de",
                "unknown_report",
                format!("`{typed}` is not the reference of another report of this commune"),
            )])),
        }
    }

    /// The report with this reference, public or not (for the people who follow a
    /// duplicate, who then follow the report kept).
    pub fn report_id(&self, reference: &str) -> Option<Uuid> {
        self.index
            .read()
            .expect("index lock")
            .by_reference(reference)
            .map(|e| e.feature.id)
    }

    /// The public report with this reference.
    pub fn report_by_reference(&self, reference: &str) -> Option<Arc<Entry>> {
        self.index
            .read()
            .expect("index lock")
            .by_reference(reference)
            .filter(|e| e.feature.visibility == crate::model::Visibility::Public)
            .cloned()
    }

    pub async fn delete(&self, id: Uuid, expected: Option<i64>, actor: &Actor) -> Result<()> {
        let current = self.store.feature(id).await?.filter(|f| actor.may_read(f));
        let current = current.ok_or_else(|| Error::NotFound(format!("feature {id}")))?;
        if !actor.may_write(&current.commune) {
            return Err(Error::Forbidden);
        }
        let old = self
            .store
            .delete(id, expected, &actor.label())
            .await
            .map_err(|e| Error::from_store(e, expected))?;
        self.remove(id, old.version + 1);
        Ok(())
    }

    /// When the feature took each of its statuses: what anyone who may read the feature
    /// may know of its history (a citizen following a report), never who changed what.
    pub async fn status_history(
        &self,
        id: Uuid,
        actor: &Actor,
    ) -> Result<Vec<(chrono::DateTime<chrono::Utc>, String)>> {
        self.get(id, actor)?;
        let mut out: Vec<(chrono::DateTime<chrono::Utc>, String)> = Vec::new();
        for h in self.store.history(id).await? {
            // a creation records the whole feature; a change records {from, to}
            let status = match h.changes.get("status") {
                Some(serde_json::Value::String(s)) => Some(s.clone()),
                Some(v) => v.get("to").and_then(|s| s.as_str()).map(str::to_string),
                None => None,
            };
            if let Some(s) = status
                && out.last().is_none_or(|l| l.1 != s)
            {
                out.push((h.at, s));
            }
        }
        Ok(out)
    }

    pub async fn history(&self, id: Uuid, actor: &Actor) -> Result<Vec<HistoryEntry>> {
        // the history names who changed what: for the feature's commune only (a deleted
        // feature's, for those who see every commune)
        let commune = self
            .index
            .read()
            .expect("index lock")
            .get(&id)
            .map(|e| e.feature.commune.clone());
        let allowed = match &commune {
            Some(c) => actor.sees_internal(c),
            None => actor.scope() == crate::index::Scope::All,
        };
        if !allowed {
            return Err(match actor {
                Actor::Anonymous => Error::Unauthorized,
                _ => Error::NotFound(format!("feature {id}")),
            });
        }
        let entries = self.store.history(id).await?;
        if entries.is_empty() {
            return Err(Error::NotFound(format!("feature {id}")));
        }
        Ok(entries)
    }
}

/// The fault of a reference already used by another feature.
pub fn duplicate_reference(r: &str) -> FieldError {
    FieldError::new(
        "/properties/attributes/reference",
        "duplicate_reference",
        format!("the reference {r} is already used by another feature"),
    )
}
