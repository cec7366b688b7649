-- Task templates of a commune ("pose des panneaux 48 h avant"), which may recur (every
-- Monday, every first of the month). Same SQL for both backends (src/store/accounts.rs).

CREATE TABLE task_templates (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    checklist TEXT NOT NULL,
    service_id TEXT,
    -- a task made for a feature is due this many working days before the feature starts
    lead_days INTEGER,
    -- 'weekly:1'..'weekly:7' (ISO weekday) or 'monthly:1'..'monthly:28', or NULL
    recurrence TEXT,
    -- the next day a recurring task is made (YYYY-MM-DD)
    next_on TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (commune, name)
);
