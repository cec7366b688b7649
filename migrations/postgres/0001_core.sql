-- balise core schema on PostgreSQL + PostGIS.
CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE communes (
    nis text PRIMARY KEY,
    name_fr text NOT NULL,
    name_nl text,
    name_de text,
    active boolean NOT NULL,
    settings jsonb NOT NULL,
    geom geometry(MultiPolygon, 4326) NOT NULL
);

CREATE TABLE features (
    id uuid PRIMARY KEY,
    commune text NOT NULL,
    kind text NOT NULL,
    status text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    visibility text NOT NULL,
    schedule jsonb NOT NULL,
    attributes jsonb NOT NULL,
    version bigint NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    geom geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX features_geom_gist ON features USING gist (geom);
CREATE INDEX features_commune_kind ON features (commune, kind);

CREATE TABLE feature_history (
    id bigserial PRIMARY KEY,
    feature_id uuid NOT NULL,
    version bigint NOT NULL,
    action text NOT NULL,
    actor text NOT NULL,
    at timestamptz NOT NULL,
    changes jsonb NOT NULL,
    UNIQUE (feature_id, version)
);

CREATE FUNCTION balise_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER feature_history_append_only BEFORE UPDATE OR DELETE ON feature_history
    FOR EACH ROW EXECUTE FUNCTION balise_append_only();

-- Change feed: every instance keeps its own in-memory index and listens here. One
-- notification per statement; a statement touching many rows asks for a reload.
CREATE FUNCTION balise_notify_features() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    payload text;
BEGIN
    SELECT count(*) INTO n FROM changed;
    IF n = 0 THEN
        RETURN NULL;
    ELSIF n > 50 THEN
        payload := '{"op":"RELOAD"}';
    ELSE
        SELECT json_build_object('op', TG_OP, 'items', json_agg(json_build_array(id, version)))::text
            INTO payload FROM changed;
    END IF;
    PERFORM pg_notify('balise_' || current_schema(), payload);
    RETURN NULL;
END $$;
CREATE TRIGGER features_notify_insert AFTER INSERT ON features
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION balise_notify_features();
CREATE TRIGGER features_notify_update AFTER UPDATE ON features
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION balise_notify_features();
CREATE TRIGGER features_notify_delete AFTER DELETE ON features
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION balise_notify_features();
