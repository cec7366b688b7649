-- Citizen reports: the journey's drafts, reference counters, and the reporter's contact,
-- kept apart from the feature so that personal data never reaches the feature's
-- history, the API or the tiles, and can be erased on its own.

CREATE TABLE report_drafts (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    -- set once the draft is sent: sending it again answers with the same reference
    reference TEXT
);

CREATE TABLE report_counters (
    commune TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (commune, year)
);

-- the reporter (reporter = 1) and the people who follow the report by e-mail
CREATE TABLE report_contacts (
    feature_id TEXT NOT NULL REFERENCES features(id) ON DELETE CASCADE,
    reporter INTEGER NOT NULL,
    email TEXT,
    phone TEXT,
    lang TEXT NOT NULL,
    -- the secret of the unsubscribe link
    token TEXT PRIMARY KEY,
    subscribed INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE INDEX report_contacts_feature ON report_contacts (feature_id);
CREATE UNIQUE INDEX report_contacts_one_reporter ON report_contacts (feature_id) WHERE reporter = 1;
