-- Citizen reports: the journey's drafts, reference counters, and the reporter's contact,
-- kept apart from the feature so that personal data never reaches the feature's
-- history, the API or the tiles, and can be erased on its own.

CREATE TABLE report_drafts (
    id TEXT PRIMARY KEY,
    data JSONB NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    -- set once the draft is sent: sending it again answers with the same reference
    reference TEXT
);

CREATE TABLE report_counters (
    commune TEXT NOT NULL,
    year INTEGER NOT NULL,
    last INTEGER NOT NULL,
    PRIMARY KEY (commune, year)
);

CREATE TABLE report_contacts (
    feature_id UUID PRIMARY KEY REFERENCES features(id) ON DELETE CASCADE,
    email TEXT,
    phone TEXT,
    lang TEXT NOT NULL,
    token TEXT NOT NULL UNIQUE,
    subscribed BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL
);
