-- Tasks: work attached to what is on the map (a report, works…), given to a service
-- (a team) and/or a person, with a status, a due date and a priority. Every change is
-- in task_history, append-only. Same SQL for both backends (src/store/accounts.rs).

CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,
    feature_id TEXT,
    service_id TEXT,
    assignee TEXT,
    -- a local date, YYYY-MM-DD
    due TEXT,
    priority INTEGER NOT NULL,
    version INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX tasks_commune ON tasks (commune, status);
CREATE INDEX tasks_feature ON tasks (feature_id);

CREATE TABLE task_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    task_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    actor TEXT NOT NULL,
    at INTEGER NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX task_history_task ON task_history (task_id);
CREATE TRIGGER task_history_no_update BEFORE UPDATE ON task_history
BEGIN SELECT RAISE(ABORT, 'task_history is append-only'); END;
CREATE TRIGGER task_history_no_delete BEFORE DELETE ON task_history
BEGIN SELECT RAISE(ABORT, 'task_history is append-only'); END;
