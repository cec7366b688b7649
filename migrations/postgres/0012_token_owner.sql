-- API tokens belong to the person who made them and expire: a token lives while its
-- maker is an admin of its commune, and at most until `expires_at` (Unix seconds).
-- Tokens made before this had neither: they expire a year after they were made, and
-- belong to nobody (as those made with the admin token).
ALTER TABLE api_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE api_tokens ADD COLUMN owner TEXT REFERENCES users(id) ON DELETE CASCADE;
UPDATE api_tokens SET expires_at = created_at + 31536000;
