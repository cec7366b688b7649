-- Projects group a commune's features (through their `projet` attribute) and tasks.
-- Tasks gain a project, a checklist (a JSON list of {text, done}) and the time spent.
-- Same SQL for both backends (src/store/accounts.rs).

CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (commune, name)
);

ALTER TABLE tasks ADD COLUMN project_id TEXT;
ALTER TABLE tasks ADD COLUMN checklist TEXT NOT NULL DEFAULT '[]';
ALTER TABLE tasks ADD COLUMN minutes_spent BIGINT NOT NULL DEFAULT 0;
