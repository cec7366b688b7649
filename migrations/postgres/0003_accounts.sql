-- Agents' accounts, their roles per commune, sessions, API tokens, password resets, and
-- the assessments of conflicts between features. The same SQL serves both backends
-- (src/store/accounts.rs): ids are text, instants are Unix seconds.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    -- lower-cased
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    -- argon2id PHC string; NULL until the person chooses a password
    password_hash TEXT,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    commune TEXT NOT NULL,
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, commune, role)
);

-- only the SHA-256 of a session's secret is kept
CREATE TABLE sessions (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE password_resets (
    hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    commune TEXT NOT NULL,
    role TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

-- append-only: the current assessment of a conflict for a commune is its latest row;
-- the versions of both features when it was made tell whether it still holds
CREATE TABLE conflict_assessments (
    id BIGSERIAL PRIMARY KEY,
    feature_a TEXT NOT NULL,
    feature_b TEXT NOT NULL,
    commune TEXT NOT NULL,
    state TEXT NOT NULL,
    note TEXT NOT NULL,
    version_a BIGINT NOT NULL,
    version_b BIGINT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX conflict_assessments_a ON conflict_assessments (feature_a);
CREATE INDEX conflict_assessments_b ON conflict_assessments (feature_b);
CREATE TRIGGER conflict_assessments_append_only BEFORE UPDATE OR DELETE ON conflict_assessments
    FOR EACH ROW EXECUTE FUNCTION balise_append_only();
