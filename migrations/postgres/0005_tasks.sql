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
    priority BIGINT NOT NULL,
    version BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX tasks_commune ON tasks (commune, status);
CREATE INDEX tasks_feature ON tasks (feature_id);

CREATE TABLE task_history (
    id BIGSERIAL PRIMARY KEY,
    task_id TEXT NOT NULL,
    version BIGINT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX task_history_task ON task_history (task_id);
CREATE TRIGGER task_history_append_only BEFORE UPDATE OR DELETE ON task_history
    FOR EACH ROW EXECUTE FUNCTION balise_append_only();
