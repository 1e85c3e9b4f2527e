//! Incidents and exports over the synthetic articles (rasd-store's fixtures), on SQLite
//! and, when `RASD_TEST_POSTGRES` names a server, on PostgreSQL.

use rasd_model::Document;
use rasd_record::export::{export, Format};
use rasd_record::incidents::rebuild;
use rasd_store::{open, scratch_database, Filter, Incident, Store};

fn synthetic() -> Vec<Document> {
    include_str!("../../rasd-store/tests/fixtures/synthetic.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture lines are rasd.document/1"))
        .collect()
}

fn stores(test: &str) -> (tempfile::TempDir, Vec<Box<dyn Store>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut out = vec![open(dir.path().join("rasd.db").to_str().unwrap()).unwrap()];
    if let Some(url) = rasd_store::test_postgres_url() {
        let db = scratch_database(&url, &format!("rasd_record_{test}")).unwrap();
        out.push(open(&db).unwrap());
    }
    (dir, out)
}

fn find<'a>(incidents: &'a [Incident], t: &str, place: &str) -> &'a Incident {
    incidents
        .iter()
        .find(|i| i.event_type == t && i.place.as_ref().is_some_and(|p| p.id == place))
        .unwrap_or_else(|| panic!("no {t} incident at {place}: {incidents:#?}"))
}

fn doc_ids(i: &Incident) -> Vec<&str> {
    let mut v: Vec<&str> = i.sources.iter().map(|s| s.doc.id.as_str()).collect();
    v.sort_unstable();
    v
}

#[test]
fn reports_of_one_happening_merge_into_one_incident() {
    let (_dir, mut stores) = stores("merge");
    for s in &mut stores {
        s.ingest(&synthetic()).unwrap();
        let n = rebuild(s.as_mut(), rasd_kb::Kb::embedded()).unwrap();
        let all = s.incidents(&Filter::default()).unwrap();
        assert_eq!(all.len(), n);

        // Three outlets report the Lachin shelling; Baku denies it; a syndicated copy of
        // the first report is folded in, not counted.
        let lachin = find(&all, "ASSAULT", "place:lachin");
        assert_eq!(
            doc_ids(lachin),
            ["syn-aze-2410", "syn-lachin-c", "syn-nk-2410"],
            "{:?}",
            s.backend()
        );
        assert_eq!(lachin.status, "reported");
        assert!(lachin.disputed);
        assert_eq!(lachin.date.as_deref(), Some("2020-10-24"));
        assert_eq!(lachin.date_precision, "day");
        assert_eq!(lachin.place.as_ref().unwrap().precision, "place");
        let nk = lachin.sources.iter().find(|x| x.doc.id == "syn-nk-2410").unwrap();
        assert_eq!(nk.copies, ["syn-nk-2410-copy"]);
        assert!(nk.evidence.contains("قصفت") && nk.trigger == "قصفت");
        // Two civilians by one claimant, three by an outlet: the lowest, with the dispute noted.
        assert_eq!(lachin.fatalities, Some(2));
        let note = lachin.fatalities_note.as_deref().unwrap();
        assert!(note.starts_with("Fatalities disputed") && note.contains('3'), "{note}");

        // Ganja: reported a day later by another outlet with its own figure.
        let ganja = find(&all, "ASSAULT", "place:ganja");
        assert_eq!(doc_ids(ganja), ["syn-aze-2410", "syn-ganja-1810"]);
        assert_eq!(ganja.date.as_deref(), Some("2020-10-17"));
        assert_eq!(ganja.fatalities, Some(13));

        // A different day and town is a different incident.
        let step = find(&all, "ASSAULT", "place:stepanakert");
        assert_eq!(doc_ids(step), ["syn-step-2810"]);
        assert_eq!(step.fatalities, None, "injuries are not fatalities");

        // The meeting announced on the 20th, reported on the 24th.
        let meeting = find(&all, "CONSULT", "place:washington-dc");
        assert_eq!(meeting.status, "reported");
        assert_eq!(doc_ids(meeting), ["syn-meet-2410"]);
        assert_eq!(meeting.planned_by.len(), 1);
        assert_eq!(meeting.planned_by[0].doc.id, "syn-plan-2010");
        assert!(all.iter().all(|i| i.status != "planned"));

        // Filters.
        let f = Filter { country: Some("USA".into()), ..Filter::default() };
        assert_eq!(s.incidents(&f).unwrap().len(), 1);
        let f = Filter {
            from: Some("2020-10-20".into()),
            event_type: Some("ASSAULT".into()),
            ..Filter::default()
        };
        assert_eq!(s.incidents(&f).unwrap().len(), 2);
        assert_eq!(s.incident(&lachin.id).unwrap().as_ref(), Some(lachin));
    }
}

#[test]
fn rebuilding_is_stable() {
    let (_dir, mut stores) = stores("stable");
    for s in &mut stores {
        s.ingest(&synthetic()).unwrap();
        rebuild(s.as_mut(), rasd_kb::Kb::embedded()).unwrap();
        let a = s.incidents(&Filter::default()).unwrap();
        s.ingest(&synthetic()).unwrap();
        rebuild(s.as_mut(), rasd_kb::Kb::embedded()).unwrap();
        assert_eq!(a, s.incidents(&Filter::default()).unwrap());
    }
}

fn exported(s: &mut dyn Store, f: Format, filter: &Filter) -> (usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out");
    let file = std::fs::File::create(&path).unwrap();
    let n = export(s, f, filter, Box::new(file)).unwrap();
    (n, std::fs::read(&path).unwrap())
}

#[test]
fn every_export_is_well_formed() {
    let (_dir, mut stores) = stores("exports");
    for s in &mut stores {
        s.ingest(&synthetic()).unwrap();
        rebuild(s.as_mut(), rasd_kb::Kb::embedded()).unwrap();
        let all = Filter::default();

        let (n, csv) = exported(s.as_mut(), Format::AcledCsv, &all);
        let mut r = csv::Reader::from_reader(csv.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
        assert_eq!(header, rasd_record::acled::COLUMNS);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(
            (n, rows.len()),
            (3, 3),
            "the three reported attacks; talks are not ACLED events"
        );
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let lachin = rows.iter().find(|r| &r[col("location")] == "Lachin").unwrap();
        assert_eq!(&lachin[col("event_type")], "Explosions/Remote violence");
        assert_eq!(&lachin[col("sub_event_type")], "Shelling/artillery/missile attack");
        assert_eq!(&lachin[col("fatalities")], "2");
        assert_eq!(&lachin[col("actor1")], "Military Forces of Azerbaijan");
        assert_eq!(&lachin[col("iso")], "31");
        assert_eq!(&lachin[col("region")], "Caucasus and Central Asia");
        assert_eq!(&lachin[col("time_precision")], "1");
        assert!(lachin[col("event_id_cnty")].starts_with("AZE"));
        assert!(lachin[col("notes")].contains("Fatalities disputed"), "{}", &lachin[col("notes")]);
        assert!(lachin[col("notes")].contains("Denied by Azerbaijan"));

        let (n, geo) = exported(s.as_mut(), Format::Geojson, &all);
        let v: serde_json::Value = serde_json::from_slice(&geo).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let features = v["features"].as_array().unwrap();
        assert_eq!(features.len(), n);
        assert!(n >= 4);
        for f in features {
            assert_eq!(f["type"], "Feature");
            assert_eq!(f["geometry"]["type"], "Point");
            let c = f["geometry"]["coordinates"].as_array().unwrap();
            let (lon, lat) = (c[0].as_f64().unwrap(), c[1].as_f64().unwrap());
            assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
        }
        let lachin = features.iter().find(|f| f["properties"]["place"] == "Lachin").unwrap();
        assert_eq!(lachin["geometry"]["coordinates"][0].as_f64(), Some(46.5469), "longitude first");

        let (n, plover) = exported(s.as_mut(), Format::PloverJsonl, &all);
        let lines: Vec<serde_json::Value> = plover
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!((n, lines.len()), (11, 11));
        assert!(lines.iter().all(|l| l["incident_id"].is_string() && l["event_type"].is_string()));

        let (n, docs) = exported(s.as_mut(), Format::Jsonl, &all);
        let back: Vec<Document> = docs
            .split(|b| *b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        assert_eq!((n, back.len()), (9, 9));
        let with_copies = Filter { include_copies: true, ..Filter::default() };
        assert_eq!(exported(s.as_mut(), Format::Jsonl, &with_copies).0, 10);

        let (n, pq) = exported(s.as_mut(), Format::Parquet, &all);
        let tmp = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(tmp.path(), &pq).unwrap();
        let file = std::fs::File::open(tmp.path()).unwrap();
        let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap();
        let mut rows = 0;
        for batch in reader {
            let batch = batch.unwrap();
            assert_eq!(batch.schema().as_ref(), &rasd_record::formats::parquet_schema());
            rows += batch.num_rows();
        }
        assert_eq!((n, rows), (11, 11));
    }
}
