-- The audit of a commune's settings: who created, renamed or deleted a service, a rule,
-- a project or a template, who gave or took a role, who made or revoked an API token.
-- Features and tasks keep their own histories; this is the history of everything else.
-- Same SQL for both backends (src/store/accounts.rs) except the append-only guard.

CREATE TABLE audit_log (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    -- service, regle, projet, modele, compte, jeton
    kind TEXT NOT NULL,
    object_id TEXT NOT NULL,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    -- a JSON object: what the change was
    details TEXT NOT NULL
);
CREATE INDEX audit_log_commune ON audit_log (commune, at);
CREATE INDEX audit_log_object ON audit_log (object_id);

-- Append-only: no line of the audit is ever changed or removed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- Services and projects are renamed under optimistic concurrency, like tasks.
ALTER TABLE services ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- Documents attached to a task (plans, permits, quotes): a JSON list of
-- {id, name, media_type, size}; the bytes are files kept apart, like photos.
ALTER TABLE tasks ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';

-- The language of a person's notice e-mails (fr, nl, de, en), chosen with how often.
ALTER TABLE notification_settings ADD COLUMN lang TEXT NOT NULL DEFAULT 'fr';

-- Templates are changed under optimistic concurrency too.
ALTER TABLE task_templates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
