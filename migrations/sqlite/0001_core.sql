-- balise core schema on SQLite, laid out as an OGC GeoPackage 1.3 so that QGIS and GDAL
-- open the live database (`ogrinfo data/balise.gpkg`).

CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
);
INSERT INTO gpkg_spatial_ref_sys VALUES
    ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
    ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
    ('WGS 84 geodetic', 4326, 'EPSG', 4326,
     'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]',
     'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');

CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);

CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);

CREATE TABLE communes (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    nis TEXT NOT NULL UNIQUE,
    name_fr TEXT NOT NULL,
    name_nl TEXT,
    name_de TEXT,
    active BOOLEAN NOT NULL,
    settings TEXT NOT NULL,
    geom MULTIPOLYGON NOT NULL
);

CREATE TABLE features (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    commune TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    visibility TEXT NOT NULL,
    schedule TEXT NOT NULL,
    attributes TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_at DATETIME NOT NULL,
    updated_at DATETIME NOT NULL,
    geom GEOMETRY NOT NULL
);
CREATE INDEX features_commune_kind ON features (commune, kind);

CREATE TABLE feature_history (
    fid INTEGER PRIMARY KEY AUTOINCREMENT,
    feature_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    at DATETIME NOT NULL,
    changes TEXT NOT NULL,
    UNIQUE (feature_id, version)
);
CREATE TRIGGER feature_history_no_update BEFORE UPDATE ON feature_history
BEGIN SELECT RAISE(ABORT, 'feature_history is append-only'); END;
CREATE TRIGGER feature_history_no_delete BEFORE DELETE ON feature_history
BEGIN SELECT RAISE(ABORT, 'feature_history is append-only'); END;

INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES
    ('features', 'features', 'features', 'Everything that occupies public space: works, diversions, parking bans, events, occupations, reports', 4326),
    ('communes', 'features', 'communes', 'Communes known to balise (active ones and their neighbours)', 4326),
    ('feature_history', 'attributes', 'feature_history', 'Append-only history of every change to a feature', NULL);
INSERT INTO gpkg_geometry_columns VALUES
    ('features', 'geom', 'GEOMETRY', 4326, 0, 0),
    ('communes', 'geom', 'MULTIPOLYGON', 4326, 0, 0);
