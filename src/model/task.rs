//! Tasks: the work attached to what is on the map. A task belongs to a commune, may be
//! attached to a feature (a report becomes a task in one click), is given to a service
//! (a team) and/or a person, and has a status, a due date and a priority. Its changes
//! are versioned like features' (optimistic concurrency) and kept in its history.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::FieldError;

/// The statuses of a task, in the order work goes.
pub const STATUSES: [&str; 4] = ["a_faire", "en_cours", "bloquee", "faite"];
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    pub id: Uuid,
    pub commune: String,
    pub title: String,
    pub description: String,
    pub status: String,
    pub feature: Option<Uuid>,
    pub service: Option<Uuid>,
    pub assignee: Option<Uuid>,
    pub due: Option<NaiveDate>,
    /// 1 (urgent), 2 (normal), 3 (when possible).
    pub priority: i64,
    pub project: Option<Uuid>,
    pub checklist: Vec<CheckItem>,
    /// Time spent on it so far, in minutes.
    pub minutes_spent: i64,
    /// Photos attached (ids of kept photos), oldest first.
    pub photos: Vec<String>,
    /// Documents attached (plans, permits, quotes), oldest first.
    pub documents: Vec<Document>,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What someone proposes for a task, before the rules are checked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TaskDraft {
    pub title: String,
    pub description: String,
    pub status: String,
    pub feature: Option<Uuid>,
    pub service: Option<Uuid>,
    pub assignee: Option<Uuid>,
    pub due: Option<NaiveDate>,
    pub priority: i64,
    pub project: Option<Uuid>,
    pub checklist: Vec<CheckItem>,
    pub minutes_spent: i64,
    pub photos: Vec<String>,
    pub documents: Vec<Document>,
}

/// Photos a task may hold.
pub const MAX_TASK_PHOTOS: usize = 20;
/// Documents a task may hold, and the size of each.
pub const MAX_TASK_DOCUMENTS: usize = 20;
pub const MAX_DOCUMENT_BYTES: usize = 10 << 20;

/// A document attached to a task; its bytes are kept apart, under its id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Document {
    pub id: Uuid,
    /// The file's name as sent, cleaned of any folder and control characters.
    pub name: String,
    pub media_type: String,
    pub size: u64,
}

/// The kinds of documents a task accepts: by the file's extension, checked against the
/// first bytes, so a program renamed `.pdf` is refused. Only formats a browser shows
/// as data or offers to download (never HTML or SVG, which could run scripts).
const DOCUMENT_TYPES: [(&str, &str, Magic); 12] = [
    ("pdf", "application/pdf", Magic::Prefix(b"%PDF-")),
    ("odt", "application/vnd.oasis.opendocument.text", Magic::Zip),
    (
        "ods",
        "application/vnd.oasis.opendocument.spreadsheet",
        Magic::Zip,
    ),
    (
        "odg",
        "application/vnd.oasis.opendocument.graphics",
        Magic::Zip,
    ),
    (
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        Magic::Zip,
    ),
    (
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        Magic::Zip,
    ),
    (
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        Magic::Zip,
    ),
    ("txt", "text/plain; charset=utf-8", Magic::Text),
    ("csv", "text/csv; charset=utf-8", Magic::Text),
    ("png", "image/png", Magic::Prefix(b"\x89PNG\r\n\x1a\n")),
    ("jpg", "image/jpeg", Magic::Prefix(b"\xff\xd8\xff")),
    ("jpeg", "image/jpeg", Magic::Prefix(b"\xff\xd8\xff")),
];

#[derive(Clone, Copy)]
enum Magic {
    Prefix(&'static [u8]),
    Zip,
    Text,
}

/// The extensions accepted, for people: "pdf, odt, …".
pub fn document_extensions() -> String {
    DOCUMENT_TYPES.map(|t| t.0).join(", ")
}

impl Document {
    /// A document made of a sent file, or what is wrong with it.
    pub fn of_upload(id: Uuid, file_name: &str, bytes: &[u8]) -> Result<Document, FieldError> {
        let name: String = file_name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("")
            .chars()
            .filter(|c| !c.is_control())
            .take(200)
            .collect();
        let name = name.trim().to_string();
        if bytes.is_empty() {
            return Err(FieldError::new("/document", "empty", "the file is empty"));
        }
        if bytes.len() > MAX_DOCUMENT_BYTES {
            return Err(FieldError::new(
                "/document",
                "too_large",
                format!(
                    "a document may weigh at most {} MB",
                    MAX_DOCUMENT_BYTES >> 20
                ),
            ));
        }
        let ext = name
            .rsplit_once('.')
            .map(|(_, e)| e.to_ascii_lowercase())
            .unwrap_or_default();
        let Some((_, media_type, magic)) = DOCUMENT_TYPES.iter().find(|t| t.0 == ext) else {
            return Err(FieldError::new(
                "/document",
                "unsupported_type",
                format!("accepted documents: {}", document_extensions()),
            ));
        };
        let fits = match magic {
            Magic::Prefix(p) => bytes.starts_with(p),
            Magic::Zip => bytes.starts_with(b"PK\x03\x04"),
            Magic::Text => std::str::from_utf8(bytes).is_ok_and(|s| !s.contains('\0')),
        };
        if !fits {
            return Err(FieldError::new(
                "/document",
                "wrong_content",
                format!("the file's content is not that of a .{ext} document"),
            ));
        }
        Ok(Document {
            id,
            name,
            media_type: media_type.to_string(),
            size: bytes.len() as u64,
        })
    }
}

/// One step of a task's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct CheckItem {
    pub text: String,
    pub done: bool,
}

pub const MAX_CHECKLIST_ITEMS: usize = 50;
/// A year of working days: more is a typing error.
pub const MAX_MINUTES: i64 = 366 * 24 * 60;

impl TaskDraft {
    /// Every rule of a task; all faults at once.
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        let title = self.title.trim();
        if title.is_empty() {
            errors.push(FieldError::new("/title", "required", "a title is required"));
        } else if title.chars().count() > MAX_TITLE_CHARS {
            errors.push(FieldError::new(
                "/title",
                "too_long",
                format!("the title may hold at most {MAX_TITLE_CHARS} characters"),
            ));
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "/description",
                "too_long",
                format!("the description may hold at most {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        if !STATUSES.contains(&self.status.as_str()) {
            errors.push(FieldError::new(
                "/status",
                "unknown_status",
                format!(
                    "`{}` is not a task status; expected one of: {}",
                    self.status,
                    STATUSES.join(", ")
                ),
            ));
        }
        if self.checklist.len() > MAX_CHECKLIST_ITEMS
            || self
                .checklist
                .iter()
                .any(|i| i.text.trim().is_empty() || i.text.chars().count() > 200)
        {
            errors.push(FieldError::new(
                "/checklist",
                "invalid_checklist",
                format!(
                    "a checklist holds at most {MAX_CHECKLIST_ITEMS} steps of 1 to 200 characters"
                ),
            ));
        }
        if !(0..=MAX_MINUTES).contains(&self.minutes_spent) {
            errors.push(FieldError::new(
                "/minutes_spent",
                "invalid_minutes",
                "the time spent is a number of minutes from 0 up to a year",
            ));
        }
        if self.documents.len() > MAX_TASK_DOCUMENTS {
            errors.push(FieldError::new(
                "/documents",
                "too_many_documents",
                format!("a task holds at most {MAX_TASK_DOCUMENTS} documents"),
            ));
        }
        if self.photos.len() > MAX_TASK_PHOTOS {
            errors.push(FieldError::new(
                "/photos",
                "too_many_photos",
                format!("a task holds at most {MAX_TASK_PHOTOS} photos"),
            ));
        }
        if !(1..=3).contains(&self.priority) {
            errors.push(FieldError::new(
                "/priority",
                "invalid_priority",
                "priority is 1 (urgent), 2 (normal) or 3 (when possible)",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The task this draft makes, new (`previous` is `None`) or replacing `previous`.
    pub fn into_task(self, id: Uuid, commune: &str, previous: Option<&Task>, now: i64) -> Task {
        Task {
            id,
            commune: commune.to_string(),
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            status: self.status,
            feature: self.feature,
            service: self.service,
            assignee: self.assignee,
            due: self.due,
            priority: self.priority,
            project: self.project,
            checklist: self.checklist,
            minutes_spent: self.minutes_spent,
            photos: self.photos,
            documents: self.documents,
            version: previous.map_or(1, |p| p.version + 1),
            created_at: previous.map_or(now, |p| p.created_at),
            updated_at: now,
        }
    }
}

/// What only a commune's planners change in a task: what it is, who does it, when, how
/// urgent, and what it belongs to. Workers move their tasks on — status, steps, time,
/// photos, documents, comments — while the chef des travaux decides the rest (as
/// BetterStreet splits the work; OpenProject's workflows per role do the same).
/// The faults of a worker's draft that touches those, one per field.
pub fn planner_only(current: &Task, next: &TaskDraft) -> Vec<FieldError> {
    let changed = [
        ("/title", current.title != next.title.trim()),
        (
            "/description",
            current.description != next.description.trim(),
        ),
        ("/feature", current.feature != next.feature),
        ("/service", current.service != next.service),
        ("/assignee", current.assignee != next.assignee),
        ("/due", current.due != next.due),
        ("/priority", current.priority != next.priority),
        ("/project", current.project != next.project),
    ];
    changed
        .into_iter()
        .filter(|(_, c)| *c)
        .map(|(pointer, _)| {
            FieldError::new(
                pointer,
                "planner_only",
                "only the commune's planners change this; workers change a task's status, steps and time",
            )
        })
        .collect()
}

impl Task {
    fn snapshot(&self) -> Map<String, Value> {
        match json!({
            "title": self.title, "description": self.description, "status": self.status,
            "feature": self.feature, "service": self.service, "assignee": self.assignee,
            "due": self.due.map(|d| d.format("%Y-%m-%d").to_string()), "priority": self.priority,
            "project": self.project, "checklist": self.checklist, "minutes_spent": self.minutes_spent,
            "photos": self.photos, "documents": self.documents,
        }) {
            Value::Object(m) => m,
            _ => unreachable!("a task's snapshot is an object"),
        }
    }

    /// What changed from `self` to `next`, as `{field: {from, to}}`; the whole task for
    /// a creation (`self` is then `None`, see [`Task::created`]).
    pub fn diff(&self, next: &Task) -> Value {
        field_changes(self.snapshot(), &next.snapshot())
    }

    /// What the history records of a new task: all of it.
    pub fn created(&self) -> Value {
        Value::Object(self.snapshot())
    }

    /// A draft that keeps the task as it is (to change one thing).
    pub fn draft(&self) -> TaskDraft {
        TaskDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            status: self.status.clone(),
            feature: self.feature,
            service: self.service,
            assignee: self.assignee,
            due: self.due,
            priority: self.priority,
            project: self.project,
            checklist: self.checklist.clone(),
            minutes_spent: self.minutes_spent,
            photos: self.photos.clone(),
            documents: self.documents.clone(),
        }
    }

    /// Whether the task is past its due date and not done.
    pub fn late(&self, today: NaiveDate) -> bool {
        self.status != "faite" && self.due.is_some_and(|d| d < today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workers_move_tasks_on_and_planners_decide_the_rest() {
        let t = TaskDraft {
            title: "Reboucher".into(),
            status: "a_faire".into(),
            priority: 2,
            ..Default::default()
        }
        .into_task(Uuid::nil(), "55004", None, 1);
        let mut d = t.draft();
        d.status = "faite".into();
        d.minutes_spent = 30;
        d.checklist.push(CheckItem {
            text: "Photo".into(),
            done: true,
        });
        assert!(planner_only(&t, &d).is_empty());
        d.title = " Reboucher ".into();
        assert!(planner_only(&t, &d).is_empty(), "spaces are not a change");
        d.priority = 1;
        d.due = NaiveDate::from_ymd_opt(2026, 12, 1);
        let pointers: Vec<String> = planner_only(&t, &d)
            .into_iter()
            .map(|e| e.pointer)
            .collect();
        assert_eq!(pointers, ["/due", "/priority"]);
    }

    #[test]
    fn documents_are_known_by_extension_and_content() {
        let id = Uuid::nil();
        let pdf =
            Document::of_upload(id, "C:\\plans\\Plan de voirie.PDF", b"%PDF-1.7 ...").unwrap();
        assert_eq!(
            (pdf.name.as_str(), pdf.media_type.as_str(), pdf.size),
            ("Plan de voirie.PDF", "application/pdf", 12)
        );
        let odt = Document::of_upload(id, "../devis.odt", b"PK\x03\x04rest").unwrap();
        assert_eq!(odt.name, "devis.odt");
        let code =
            |name: &str, bytes: &[u8]| Document::of_upload(id, name, bytes).unwrap_err().code;
        assert_eq!(code("plan.pdf", b"MZ\x90\x00"), "wrong_content");
        assert_eq!(code("page.html", b"<script>"), "unsupported_type");
        assert_eq!(code("sans-extension", b"%PDF-"), "unsupported_type");
        assert_eq!(code("vide.txt", b""), "empty");
        assert_eq!(code("notes.txt", b"a\0b"), "wrong_content");
        assert_eq!(
            code("big.txt", &vec![b'a'; MAX_DOCUMENT_BYTES + 1]),
            "too_large"
        );
        assert!(
            Document::of_upload(id, "liste.csv", "rue;date\nGrand-Place;2/12".as_bytes()).is_ok()
        );
    }

    #[test]
    fn a_draft_is_checked_and_a_change_is_recorded_field_by_field() {
        let d = TaskDraft {
            title: "Reboucher le nid-de-poule".into(),
            status: "a_faire".into(),
            priority: 2,
            ..Default::default()
        };
        assert!(d.check().is_ok());
        let bad = TaskDraft {
            title: " ".into(),
            status: "fini".into(),
            priority: 7,
            ..Default::default()
        };
        let codes: Vec<&str> = bad.check().unwrap_err().iter().map(|e| e.code).collect();
        assert_eq!(codes, ["required", "unknown_status", "invalid_priority"]);
        let t = d.clone().into_task(Uuid::nil(), "55004", None, 100);
        assert_eq!(t.version, 1);
        let next = TaskDraft {
            status: "faite".into(),
            ..d
        }
        .into_task(t.id, "55004", Some(&t), 200);
        assert_eq!(
            (next.version, next.created_at, next.updated_at),
            (2, 100, 200)
        );
        assert_eq!(
            t.diff(&next),
            json!({ "status": { "from": "a_faire", "to": "faite" } })
        );
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let late = Task {
            due: NaiveDate::from_ymd_opt(2026, 11, 30),
            ..t.clone()
        };
        assert!(
            late.late(today)
                && !Task {
                    status: "faite".into(),
                    ..late
                }
                .late(today)
        );
    }
}

/// A project: works, diversions, bans… and tasks that belong together (the refitting
/// of a street, a festival).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Project {
    pub id: Uuid,
    pub commune: String,
    pub name: String,
    pub description: String,
    /// Moves by one at each change (optimistic concurrency).
    pub version: i64,
}

impl Project {
    /// A project's name (1 to 200 characters) and description (at most 10,000).
    pub fn check(&self) -> Result<(), Vec<FieldError>> {
        let mut errors = Vec::new();
        if self.name.is_empty() || self.name.chars().count() > 200 {
            errors.push(FieldError::new(
                "/name",
                "invalid_name",
                "a project needs a name of 1 to 200 characters",
            ));
        }
        if self.description.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "/description",
                "too_long",
                format!("the description may hold at most {MAX_DESCRIPTION_CHARS} characters"),
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A comment on a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub id: Uuid,
    pub task: Uuid,
    /// Who wrote it, as the history names people (`user:…`).
    pub author: String,
    pub body: String,
    pub at: i64,
}

pub const MAX_COMMENT_CHARS: usize = 5_000;

/// The people a comment mentions: `@jean.dupont` names the person whose e-mail address
/// starts with `jean.dupont@`. Lower-cased, each once, in order.
pub fn mentions(body: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (i, _) in body.match_indices('@') {
        // an address written in full (`a@b.be`) is not a mention
        if body[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric())
        {
            continue;
        }
        let name: String = body[i + 1..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
            .collect();
        let name = name.trim_end_matches('.').to_lowercase();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// How a person wants to hear of what concerns them besides the workspace's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailWhen {
    /// An e-mail for each.
    Now,
    /// One e-mail a day with everything not yet read.
    Digest,
    /// In the workspace only.
    Never,
}

impl EmailWhen {
    pub fn as_str(self) -> &'static str {
        match self {
            EmailWhen::Now => "now",
            EmailWhen::Digest => "digest",
            EmailWhen::Never => "never",
        }
    }
    pub fn parse(s: &str) -> Option<EmailWhen> {
        [EmailWhen::Now, EmailWhen::Digest, EmailWhen::Never]
            .into_iter()
            .find(|e| e.as_str() == s)
    }
}

/// Something a person is told: a task given to them, a mention, a change of status,
/// a due date near or past.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub id: Uuid,
    pub user: Uuid,
    /// `assigned`, `mentioned`, `task_status`, `due_soon`, `overdue`
    pub kind: String,
    pub task: Option<Uuid>,
    /// What it is about, in the words of the task (its title).
    pub text: String,
    pub at: i64,
    pub read_at: Option<i64>,
}

#[cfg(test)]
mod mention_tests {
    use super::*;

    #[test]
    fn mentions_name_people_by_the_start_of_their_address() {
        assert_eq!(
            mentions(
                "@Jean.Dupont peux-tu voir avec @marie et @jean.dupont ? Écris à chef@braine.be."
            ),
            ["jean.dupont", "marie"]
        );
        assert!(mentions("rien à signaler").is_empty());
    }
}

/// How a template recurs: a task every week on a day, or every month on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recurrence {
    /// ISO weekday, 1 (Monday) to 7 (Sunday).
    Weekly(u32),
    /// Day of the month, 1 to 28 (every month has it).
    Monthly(u32),
}

impl Recurrence {
    pub fn parse(s: &str) -> Option<Recurrence> {
        let (kind, n) = s.split_once(':')?;
        let n: u32 = n.parse().ok()?;
        match kind {
            "weekly" if (1..=7).contains(&n) => Some(Recurrence::Weekly(n)),
            "monthly" if (1..=28).contains(&n) => Some(Recurrence::Monthly(n)),
            _ => None,
        }
    }
    pub fn code(self) -> String {
        match self {
            Recurrence::Weekly(n) => format!("weekly:{n}"),
            Recurrence::Monthly(n) => format!("monthly:{n}"),
        }
    }
    /// The first day on or after `from` this recurrence falls on.
    pub fn next_on_or_after(self, from: NaiveDate) -> NaiveDate {
        use chrono::Datelike;
        match self {
            Recurrence::Weekly(n) => {
                let ahead = (n + 7 - from.weekday().number_from_monday()) % 7;
                from + chrono::Duration::days(ahead as i64)
            }
            Recurrence::Monthly(n) => {
                if from.day() <= n {
                    from.with_day(n).expect("days 1 to 28 exist")
                } else {
                    let (y, m) = if from.month() == 12 {
                        (from.year() + 1, 1)
                    } else {
                        (from.year(), from.month() + 1)
                    };
                    NaiveDate::from_ymd_opt(y, m, n).expect("days 1 to 28 exist")
                }
            }
        }
    }
}

/// A commune's model of a task.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Template {
    pub id: Uuid,
    pub commune: String,
    pub name: String,
    pub title: String,
    pub description: String,
    pub checklist: Vec<CheckItem>,
    pub service: Option<Uuid>,
    /// Working days before the feature's start a task made for it is due.
    pub lead_days: Option<i64>,
    #[serde(skip)]
    pub recurrence: Option<Recurrence>,
    pub next_on: Option<NaiveDate>,
    /// Moves by one at each change (optimistic concurrency).
    pub version: i64,
}

impl Template {
    /// What the audit says of a template: the fields a person sets.
    pub fn snapshot(&self) -> Value {
        json!({
            "name": self.name, "title": self.title, "description": self.description,
            "steps": self.checklist.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(),
            "service": self.service, "lead_days": self.lead_days,
            "recurrence": self.recurrence.map(|r| r.code()),
        })
    }

    /// What changed from `self` to `next`, as `{field: {from, to}}`.
    pub fn diff(&self, next: &Template) -> Value {
        match (self.snapshot(), next.snapshot()) {
            (Value::Object(a), Value::Object(b)) => field_changes(a, &b),
            _ => unreachable!("a template's snapshot is an object"),
        }
    }
}

/// The fields of `b` that differ from `a`'s, as `{field: {from, to}}`.
fn field_changes(a: Map<String, Value>, b: &Map<String, Value>) -> Value {
    let mut out = Map::new();
    for (k, old) in a {
        if b[&k] != old {
            out.insert(k.clone(), json!({ "from": old, "to": b[&k] }));
        }
    }
    Value::Object(out)
}

#[cfg(test)]
mod recurrence_tests {
    use super::*;

    #[test]
    fn recurrences_fall_on_their_day() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        // Saturday 28 November 2026
        assert_eq!(
            Recurrence::Weekly(1).next_on_or_after(d(2026, 11, 28)),
            d(2026, 11, 30)
        );
        assert_eq!(
            Recurrence::Weekly(6).next_on_or_after(d(2026, 11, 28)),
            d(2026, 11, 28)
        );
        assert_eq!(
            Recurrence::Monthly(1).next_on_or_after(d(2026, 12, 2)),
            d(2027, 1, 1)
        );
        assert_eq!(
            Recurrence::Monthly(15).next_on_or_after(d(2026, 12, 2)),
            d(2026, 12, 15)
        );
        assert_eq!(Recurrence::parse("weekly:8"), None);
        assert_eq!(
            Recurrence::parse("monthly:28")
                .map(Recurrence::code)
                .as_deref(),
            Some("monthly:28")
        );
    }
}
