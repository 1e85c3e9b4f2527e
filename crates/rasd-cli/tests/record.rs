//! The record, end to end, as a user runs it: one story over `rasd ingest`, `search`,
//! `claims`, `incidents`, `timeline` and `export`, on SQLite always and on PostgreSQL
//! when `RASD_TEST_POSTGRES` holds a connection URL (`scripts/ci-postgres.sh` starts one).
//! The dev corpus (`../shared/corpus/dev.jsonl`) is used when present.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(db: &str, args: &[&str]) -> Output {
    let out = rasd().current_dir(repo_root()).args(args).args(["--db", db]).output().unwrap();
    assert!(out.status.success(), "rasd {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn json(db: &str, args: &[&str]) -> Value {
    let mut a = args.to_vec();
    a.push("--json");
    serde_json::from_slice(&run(db, &a).stdout).expect("--json prints JSON")
}

/// Every database the story runs on: a SQLite file, and PostgreSQL when configured.
fn databases(dir: &Path, test: &str) -> Vec<String> {
    let mut dbs = vec![dir.join("rasd.db").display().to_string()];
    if let Some(url) = rasd_store::test_postgres_url() {
        dbs.push(rasd_store::scratch_database(&url, &format!("rasd_cli_{test}")).unwrap());
    }
    dbs
}

/// The articles of a JSON Lines file: its non-blank lines.
fn articles(path: &Path) -> u64 {
    std::fs::read_to_string(path)
        .map_or(0, |t| t.lines().filter(|l| !l.trim().is_empty()).count() as u64)
}

fn stats(db: &str) -> rasd_store::Stats {
    rasd_store::open(db).unwrap().stats().unwrap()
}

#[test]
fn the_record_story() {
    let dir = tempfile::tempdir().unwrap();
    let dev = repo_root().join("../shared/corpus/dev.jsonl");
    // The story reads the dev set too when it is beside the repository; CI requires it.
    let required = std::env::var("RASD_REQUIRE_SHARED").is_ok_and(|v| v == "1");
    assert!(dev.exists() || !required, "RASD_REQUIRE_SHARED=1 but {} is missing", dev.display());
    let synthetic = "crates/rasd-store/tests/fixtures/synthetic.jsonl";
    for db in databases(dir.path(), "story") {
        let db = db.as_str();
        // Ingest everything twice: every article is stored once.
        let mut inputs: Vec<String> = vec!["examples/".into()];
        if dev.exists() {
            inputs.push(dev.display().to_string());
        }
        let mut ingest: Vec<&str> = vec!["ingest", "-q"];
        ingest.extend(inputs.iter().map(String::as_str));
        run(db, &ingest);
        let once = stats(db);
        let again = run(db, &ingest[..1].iter().chain(&ingest[2..]).copied().collect::<Vec<_>>());
        let said = String::from_utf8_lossy(&again.stderr);
        assert!(said.contains("0 new, 0 replaced"), "{said}");
        assert_eq!(stats(db), once, "re-ingesting changed the record");
        // As many documents as the inputs hold distinct articles: the examples' JSON
        // Lines (their .txt and .html files repeat three of them) and the dev set,
        // however many it has.
        let expected = articles(&repo_root().join("examples/articles.jsonl"))
            + if dev.exists() { articles(&dev) } else { 0 };
        assert_eq!(once.documents, expected);

        // Analyzed documents with every section filled (extraction may not have landed).
        run(db, &["ingest", "-q", "--documents", synthetic]);
        run(db, &["ingest", "-q", "--documents", synthetic]);
        let s = stats(db);
        assert_eq!(s.documents, expected + 10);
        assert_eq!(s.copies, 1);

        // Search: normalized, clitic-insensitive, filtered.
        let hits = json(db, &["search", "وَلاتشين"]);
        let ids: Vec<&str> =
            hits.as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap()).collect();
        assert!(ids.contains(&"syn-nk-2410") && !ids.contains(&"syn-nk-2410-copy"), "{ids:?}");
        let hits = json(db, &["search", "لاتشين", "--from", "2020-10-25", "--country", "arm"]);
        assert!(hits
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["published"].as_str() >= Some("2020-10-25")));

        // The claims ledger: one claimant's series, apart and dated.
        let claims = json(
            db,
            &[
                "claims",
                "--claimant",
                "org:nk-defence-ministry",
                "--kind",
                "killed",
                "--group",
                "military",
            ],
        );
        let claims = claims.as_array().unwrap();
        let from_fixtures =
            |c: &&Value| c["doc"]["id"].as_str().is_some_and(|id| id.starts_with("syn-"));
        let series: Vec<(String, u64)> = claims
            .iter()
            .filter(from_fixtures)
            .filter_map(|c| Some((c["date"].as_str()?.to_string(), c["count"].as_u64()?)))
            .collect();
        assert_eq!(series, [("2020-10-10".to_string(), 376), ("2020-10-24".to_string(), 963)]);
        // The ministry's running totals in the dev articles (however they spell the
        // territory) are its claims too, dated by their articles when they can be; every
        // claim of the ledger is the ministry's and in date order.
        for c in claims.iter().filter(|c| !from_fixtures(c)) {
            assert!(dev.exists(), "{c}");
        }
        let dates: Vec<&str> = claims.iter().filter_map(|c| c["date"].as_str()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        let table =
            String::from_utf8_lossy(&run(db, &["claims", "--side", "AZE"]).stdout).into_owned();
        assert!(table.contains("Claimant: Public Prosecution of Azerbaijan"), "{table}");

        // Incidents: three outlets and a denial of one shelling, a copy folded in.
        let incidents = json(
            db,
            &["incidents", "--type", "assault", "--from", "2020-10-24", "--to", "2020-10-24"],
        );
        let lachin = incidents
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["place"]["id"] == "place:lachin")
            .expect("the Lachin shelling");
        assert_eq!(lachin["sources"].as_array().unwrap().len(), 3);
        assert_eq!(lachin["disputed"], true);
        assert_eq!(lachin["fatalities"], 2);
        let id = lachin["id"].as_str().unwrap();
        let detail =
            String::from_utf8_lossy(&run(db, &["incidents", "--id", id]).stdout).into_owned();
        assert!(detail.contains("syndicated copies (not counted): syn-nk-2410-copy"), "{detail}");
        run(db, &["incidents"]);

        // Timeline: incidents and figures in date order.
        let timeline = json(db, &["timeline", "--from", "2020-10-01", "--to", "2020-10-31"]);
        let dates: Vec<&str> =
            timeline.as_array().unwrap().iter().map(|e| e["date"].as_str().unwrap_or("")).collect();
        assert!(!dates.is_empty());
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
        run(db, &["timeline"]);

        // Every export.
        let out = dir.path().join("exports");
        std::fs::create_dir_all(&out).unwrap();
        let file = |name: &str| out.join(name).display().to_string();
        run(db, &["export", "--format", "acled-csv", "-o", &file("acled.csv")]);
        let csv = std::fs::read_to_string(file("acled.csv")).unwrap();
        assert_eq!(
            csv.lines().next().unwrap(),
            "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
             actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,\
             iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,\
             source,source_scale,notes,fatalities,tags,timestamp"
        );
        assert!(csv.contains("Lachin"));

        run(db, &["export", "--format", "geojson", "-o", &file("incidents.geojson")]);
        let geo: Value =
            serde_json::from_str(&std::fs::read_to_string(file("incidents.geojson")).unwrap())
                .unwrap();
        assert_eq!(geo["type"], "FeatureCollection");
        for f in geo["features"].as_array().unwrap() {
            let c = f["geometry"]["coordinates"].as_array().unwrap();
            assert_eq!(c.len(), 2);
            assert!(c[0].as_f64().unwrap().abs() <= 180.0 && c[1].as_f64().unwrap().abs() <= 90.0);
        }

        run(db, &["export", "--format", "plover-jsonl", "-o", &file("events.jsonl")]);
        for line in std::fs::read_to_string(file("events.jsonl")).unwrap().lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            assert!(v["event_type"].is_string() && v["source"]["doc_id"].is_string());
        }

        run(db, &["export", "--format", "parquet", "-o", &file("events.parquet")]);
        let pq = std::fs::read(file("events.parquet")).unwrap();
        assert!(pq.starts_with(b"PAR1") && pq.ends_with(b"PAR1"));

        run(db, &["export", "--format", "jsonl", "-o", &file("documents.jsonl")]);
        let docs = std::fs::read_to_string(file("documents.jsonl")).unwrap();
        assert_eq!(docs.lines().count() as u64, s.documents - s.copies);
    }
}

#[test]
fn a_killed_ingest_keeps_every_committed_batch() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db").display().to_string();
    // Distinct articles, already analyzed, so the test spends its time storing.
    let words: Vec<String> = (0..400).map(|i| format!("كلمة{i}")).collect();
    let mut seed = 7u64;
    let mut lines = String::new();
    let total = 4000;
    for k in 0..total {
        let text: Vec<&str> = (0..60)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                words[(seed >> 33) as usize % words.len()].as_str()
            })
            .collect();
        let mut d = rasd_model::Document::new(format!("crash-{k}"), text.join(" "));
        d.published = Some("2024-01-01".into());
        lines.push_str(&serde_json::to_string(&d).unwrap());
        lines.push('\n');
    }
    let input = dir.path().join("docs.jsonl");
    std::fs::write(&input, lines).unwrap();
    let input = input.display().to_string();

    let mut child = rasd()
        .args(["ingest", "-q", "--documents", "--batch", "64", "--db", &db, &input])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    loop {
        let n = rasd_store::open(&db)
            .map(|mut s| s.stats().map(|s| s.documents).unwrap_or(0))
            .unwrap_or(0);
        if n >= 64 || started.elapsed().as_secs() > 120 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no chance to clean up
    child.wait().unwrap();

    let store = rasd_store::SqliteStore::open(Path::new(&db)).unwrap();
    let check: String =
        store.connection().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(check, "ok");
    drop(store);
    let n = stats(&db).documents;
    assert!(n >= 64, "the first batch was committed before the kill");
    assert!(n.is_multiple_of(64) || n == total, "only whole batches are stored: {n}");

    // Running it again completes the job without duplicating anything.
    run(&db, &["ingest", "-q", "--documents", "--batch", "64", &input]);
    assert_eq!(stats(&db).documents, total);
}
