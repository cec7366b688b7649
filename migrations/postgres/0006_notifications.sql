-- Comments on tasks (append-only), what people are told in the workspace, and how they
-- want to be told. Same SQL for both backends (src/store/accounts.rs).

CREATE TABLE task_comments (
    id TEXT PRIMARY KEY,
    task_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX task_comments_task ON task_comments (task_id);
CREATE TRIGGER task_comments_append_only BEFORE UPDATE OR DELETE ON task_comments
    FOR EACH ROW EXECUTE FUNCTION balise_append_only();

CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    -- assigned, mentioned, task_status, due_soon, overdue
    kind TEXT NOT NULL,
    task_id TEXT,
    -- the same thing is not told twice (e.g. "overdue" once per task and day)
    dedup TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    at BIGINT NOT NULL,
    read_at BIGINT,
    -- set once it went out by e-mail (at once, or in the daily digest)
    mailed_at BIGINT
);
CREATE INDEX notifications_user ON notifications (user_id, read_at);

CREATE TABLE notification_settings (
    user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    -- 'now': an e-mail for each; 'digest': one e-mail a day; 'none': in the workspace only
    email TEXT NOT NULL
);
