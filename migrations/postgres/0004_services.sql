-- The commune's services (Travaux, Voirie, Propreté…), the people in them, and the
-- ordered rules that route a new report to a service. Same SQL for both backends
-- (src/store/accounts.rs): ids are text, instants Unix seconds.

CREATE TABLE services (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (commune, name)
);

CREATE TABLE service_members (
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (service_id, user_id)
);

-- applied in `position` order; the first that matches routes the report
CREATE TABLE routing_rules (
    id TEXT PRIMARY KEY,
    commune TEXT NOT NULL,
    position BIGINT NOT NULL,
    -- a report category id, or NULL for any
    category TEXT,
    -- a GeoJSON polygon the report must lie in, or NULL for anywhere
    area TEXT,
    service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX routing_rules_commune ON routing_rules (commune, position);
