//! The database files are the field's standard forms: QGIS and GDAL open them.

mod common;

use std::process::Command;

use common::*;
use sqlx::Connection;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_sqlite_file_is_a_geopackage_gdal_reads() {
    let db = TestDb::new(Backend::Sqlite).await;
    let app = TestApp::start(&db, true).await;
    let count = app.app.index_len();
    app.stop().await;
    let file = db.dir.path().join("balise.gpkg");
    let out = Command::new("ogrinfo")
        .args(["-ro", "-so", file.to_str().unwrap(), "features"])
        .output()
        .expect("ogrinfo (Debian gdal-bin) is required for this test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(
        stdout.contains("using driver `GPKG' successful"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("Feature Count: {count}")),
        "{stdout}"
    );
    assert!(stdout.contains("WGS 84"), "{stdout}");
    assert!(!stderr.contains("Warning"), "GDAL complains: {stderr}");
    let layers = Command::new("ogrinfo")
        .args(["-ro", "-q", file.to_str().unwrap()])
        .output()
        .unwrap();
    let layers = String::from_utf8_lossy(&layers.stdout);
    assert!(
        layers.contains("features") && layers.contains("communes (Multi Polygon)"),
        "{layers}"
    );
    // a geometry GDAL reads back is the one balise wrote
    let one = Command::new("ogrinfo")
        .args([
            "-ro",
            "-q",
            file.to_str().unwrap(),
            "-sql",
            "SELECT title, geom FROM features WHERE title = 'Kermesse de Horrues'",
        ])
        .output()
        .unwrap();
    let one = String::from_utf8_lossy(&one.stdout);
    assert!(one.contains("POLYGON ((4.03"), "{one}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stores_postgis_geometries_with_a_gist_index() {
    let db = TestDb::new(Backend::Postgres).await;
    let app = TestApp::start(&db, true).await;
    let mut conn = sqlx::PgConnection::connect(&db.url).await.unwrap();
    let (srid, kind): (i32, String) =
        sqlx::query_as("SELECT srid, type FROM geometry_columns WHERE f_table_schema = current_schema() AND f_table_name = 'features'")
            .fetch_one(&mut conn)
            .await
            .unwrap();
    assert_eq!((srid, kind.as_str()), (4326, "GEOMETRY"));
    // from the catalogs of this schema only: pg_indexes would read the definition of
    // every index of the database, while other tests drop their schemas
    let gist: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM pg_index i
           JOIN pg_class ic ON ic.oid = i.indexrelid
           JOIN pg_class t ON t.oid = i.indrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
           JOIN pg_am a ON a.oid = ic.relam
           JOIN pg_attribute att ON att.attrelid = t.oid AND att.attnum = ANY (i.indkey)
         WHERE n.nspname = current_schema() AND t.relname = 'features'
           AND a.amname = 'gist' AND att.attname = 'geom'",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(gist, 1);
    // PostGIS answers spatial questions on the live data
    let in_soignies: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM features f JOIN communes c ON c.nis = '55040' WHERE ST_Intersects(f.geom, c.geom)",
    )
    .fetch_one(&mut conn)
    .await
    .unwrap();
    let listed = app
        .get_as_admin("/api/v1/features?commune=55040&limit=1000")
        .await
        .json()["numberMatched"]
        .as_i64()
        .unwrap();
    assert_eq!(in_soignies, listed);
    app.stop().await;
}

async fn history_is_append_only(b: Backend) {
    let t = TestApp::spawn(b).await;
    t.create(&works_in_soignies()).await;
    let url = t.db().url.clone();
    let refused = match b {
        Backend::Sqlite => {
            let mut c = sqlx::SqliteConnection::connect(&url).await.unwrap();
            let u = sqlx::query("UPDATE feature_history SET actor = 'someone else'")
                .execute(&mut c)
                .await;
            let d = sqlx::query("DELETE FROM feature_history")
                .execute(&mut c)
                .await;
            [u.is_err(), d.is_err()]
        }
        Backend::Postgres => {
            let mut c = sqlx::PgConnection::connect(&url).await.unwrap();
            let u = sqlx::query("UPDATE feature_history SET actor = 'someone else'")
                .execute(&mut c)
                .await;
            let d = sqlx::query("DELETE FROM feature_history")
                .execute(&mut c)
                .await;
            [u.is_err(), d.is_err()]
        }
    };
    assert_eq!(
        refused,
        [true, true],
        "the database itself refuses to rewrite history"
    );
}

on_both_backends!(history_is_append_only);
