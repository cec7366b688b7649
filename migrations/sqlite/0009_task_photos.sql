-- Photos attached to a task (ids of files kept like report photos, re-encoded without
-- metadata), as a JSON list.
ALTER TABLE tasks ADD COLUMN photos TEXT NOT NULL DEFAULT '[]';
