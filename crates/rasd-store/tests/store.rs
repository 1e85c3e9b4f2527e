//! The store's behaviour, checked on every backend at hand: SQLite always, PostgreSQL
//! when `RASD_TEST_POSTGRES` holds a connection URL (see `scripts/ci-postgres.sh`).

use rasd_model::Document;
use rasd_store::{open, scratch_database, ClaimFilter, Filter, Store};

fn synthetic() -> Vec<Document> {
    let text = include_str!("fixtures/synthetic.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("fixture lines are rasd.document/1"))
        .collect()
}

fn by_id(docs: &[Document], id: &str) -> Document {
    docs.iter().find(|d| d.id == id).cloned().expect("fixture has the id")
}

/// One fresh store per backend; the tempdir lives as long as the stores.
fn stores(test: &str) -> (tempfile::TempDir, Vec<Box<dyn Store>>) {
    let dir = tempfile::tempdir().unwrap();
    let mut out = vec![open(dir.path().join("rasd.db").to_str().unwrap()).unwrap()];
    if let Some(url) = rasd_store::test_postgres_url() {
        let db = scratch_database(&url, &format!("rasd_store_{test}")).unwrap();
        out.push(open(&db).unwrap());
    }
    (dir, out)
}

#[test]
fn ingesting_twice_stores_each_article_once() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("twice");
    for s in &mut stores {
        let first = s.ingest(&docs).unwrap();
        assert_eq!(first.inserted, docs.len(), "{:?}", s.backend());
        let second = s.ingest(&docs).unwrap();
        assert_eq!(second.unchanged, docs.len(), "{:?}: {second:?}", s.backend());
        assert_eq!(second.inserted + second.replaced, 0);
        let st = s.stats().unwrap();
        assert_eq!(st.documents, docs.len() as u64);
        // The copy's events and figures are the same report again: not counted.
        let originals = docs.iter().filter(|d| d.id != "syn-nk-2410-copy");
        assert_eq!(st.events as usize, originals.clone().map(|d| d.events.len()).sum::<usize>());
        assert_eq!(st.claims as usize, originals.map(|d| d.casualties.len()).sum::<usize>());
        assert_eq!(st.copies, 1);
    }
}

#[test]
fn a_syndicated_copy_is_linked_and_counted_once() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("copies");
    for s in &mut stores {
        let r = s.ingest(&docs).unwrap();
        assert_eq!(r.copies, 1, "{:?}", s.backend());
        let links = s.copies().unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].doc_id, "syn-nk-2410-copy");
        assert_eq!(links[0].copy_of, "syn-nk-2410");
        assert!(links[0].similarity >= 0.6);
        // The copy's figures are left out of the ledger unless asked for.
        let f =
            ClaimFilter { claimant: Some("org:nk-defence-ministry".into()), ..Default::default() };
        let shown = s.claims(&f).unwrap();
        assert!(shown.iter().all(|c| c.doc.id != "syn-nk-2410-copy"));
        let mut all = f.clone();
        all.base.include_copies = true;
        assert_eq!(s.claims(&all).unwrap().len(), shown.len() + 2);
    }
}

#[test]
fn the_same_text_under_another_id_becomes_an_alias() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("alias");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let mut again = by_id(&docs, "syn-putin-2210");
        again.id = "elsewhere-17".into();
        again.url = Some("https://mirror.example/17".into());
        let r = s.ingest(&[again.clone()]).unwrap();
        assert_eq!(r.same_content, 1, "{:?}", s.backend());
        assert_eq!(s.ingest(&[again]).unwrap().unchanged, 1);
        assert_eq!(s.stats().unwrap().documents, docs.len() as u64);
        let found = s.document("elsewhere-17").unwrap().expect("an alias finds its article");
        assert_eq!(found.id, "syn-putin-2210");
    }
}

#[test]
fn a_changed_article_replaces_its_old_version() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("replace");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let mut changed = by_id(&docs, "syn-ganja-1810");
        changed.text.push_str(" وأعلنت السلطات الحداد العام في المدينة.");
        changed.casualties.clear();
        let r = s.ingest(&[changed]).unwrap();
        assert_eq!(r.replaced, 1, "{:?}", s.backend());
        assert_eq!(s.stats().unwrap().documents, docs.len() as u64);
        assert_eq!(s.search("الحداد", &Filter::default()).unwrap().len(), 1);
        let f = ClaimFilter { claimant: Some("AZE".into()), ..Default::default() };
        assert!(s.claims(&f).unwrap().iter().all(|c| c.doc.id != "syn-ganja-1810"));

        // Same text, a newer analysis: replaced too (no duplicate, the new rows win).
        let mut reanalyzed = by_id(&docs, "syn-putin-2210");
        reanalyzed.casualties[0].count = 5001;
        assert_eq!(s.ingest(&[reanalyzed]).unwrap().replaced, 1);
        let f =
            ClaimFilter { claimant: Some("person:vladimir-putin".into()), ..Default::default() };
        let c = s.claims(&f).unwrap();
        assert_eq!((c.len(), c[0].count), (1, 5001));
    }
}

#[test]
fn an_undated_copy_never_erases_a_stored_date() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("undated");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        // The same article read again from a .txt file: no date, so a poorer analysis.
        let dated = by_id(&docs, "syn-ganja-1810");
        assert!(dated.published.is_some());
        let mut undated = dated.clone();
        undated.published = None;
        undated.events.clear();
        let r = s.ingest(&[undated.clone()]).unwrap();
        assert_eq!((r.undated_kept, r.replaced), (1, 0), "{:?}: {r:?}", s.backend());
        let kept = s.document("syn-ganja-1810").unwrap().unwrap();
        assert_eq!(kept.published, dated.published);
        // Within one batch too, whichever comes last.
        let mut other = by_id(&docs, "syn-putin-2210");
        let date = other.published.clone();
        other.text.push_str(" وانتهى الاجتماع.");
        let mut other_undated = other.clone();
        other_undated.published = None;
        let r = s.ingest(&[other, other_undated]).unwrap();
        assert_eq!((r.replaced, r.duplicate_ids), (1, 1), "{r:?}");
        assert_eq!(s.document("syn-putin-2210").unwrap().unwrap().published, date);
        // A dated version still replaces an undated one.
        let mut fresh = undated;
        fresh.id = "syn-new-undated".into();
        fresh.text.push_str(" خبر جديد.");
        s.ingest(&[fresh.clone()]).unwrap();
        fresh.published = Some("2020-10-19".into());
        assert_eq!(s.ingest(&[fresh]).unwrap().replaced, 1);
    }
}

#[test]
fn replacing_an_original_hands_its_copies_to_the_oldest_copy() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("promote");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let mut rewritten = by_id(&docs, "syn-nk-2410");
        rewritten.text = "نص مختلف تماما عن تبادل الأسرى بين الطرفين برعاية اللجنة الدولية للصليب الأحمر في مدينة غوريس الحدودية صباح اليوم".into();
        rewritten.sentences = vec![[0, rewritten.text.chars().count()]];
        rewritten.events.clear();
        rewritten.casualties.clear();
        rewritten.entities.clear();
        s.ingest(&[rewritten]).unwrap();
        assert!(s.copies().unwrap().is_empty(), "{:?}", s.backend());
        // The former copy is an original now: a third reprint links to it.
        let mut third = by_id(&docs, "syn-nk-2410-copy");
        third.id = "third-print".into();
        third.text.push_str(" المصدر: وكالات");
        s.ingest(&[third]).unwrap();
        let links = s.copies().unwrap();
        assert_eq!(links.len(), 1);
        assert_eq!(
            (links[0].doc_id.as_str(), links[0].copy_of.as_str()),
            ("third-print", "syn-nk-2410-copy")
        );
    }
}

#[test]
fn search_matches_normalized_words_with_filters() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("search");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let all = Filter::default();
        // Harakat and a clitic in the query, none in the text ("كنجة" is written plain).
        let hits = s.search("وَكَنْجَة", &all).unwrap();
        let ids: Vec<&str> = hits.iter().map(|h| h.doc.id.as_str()).collect();
        assert!(ids.contains(&"syn-ganja-1810") && ids.contains(&"syn-aze-2410"), "{ids:?}");
        assert!(hits.iter().all(|h| h.snippet.contains("كنجة")), "{hits:?}");
        // A phrase must occur as written.
        assert_eq!(s.search("\"قصف مدفعي\"", &all).unwrap().len(), 1);
        assert!(s.search("\"مدفعي قصف\"", &all).unwrap().is_empty());
        // Copies stay out unless asked for.
        let lachin = s.search("لاتشين", &all).unwrap();
        assert!(lachin.iter().all(|h| h.doc.copy_of.is_none()));
        let with = Filter { include_copies: true, ..Filter::default() };
        assert_eq!(s.search("لاتشين", &with).unwrap().len(), lachin.len() + 1);
        // Date, country and type filters.
        let from = Filter { from: Some("2020-10-24".into()), ..Filter::default() };
        assert!(s
            .search("لاتشين", &from)
            .unwrap()
            .iter()
            .all(|h| h.doc.published.as_deref() >= Some("2020-10-24")));
        let usa = Filter { country: Some("USA".into()), ..Filter::default() };
        let ids: Vec<String> =
            s.search("واشنطن", &usa).unwrap().into_iter().map(|h| h.doc.id).collect();
        assert_eq!(ids.len(), 2, "{ids:?}");
        let consult = Filter { event_type: Some("CONSULT".into()), ..Filter::default() };
        assert_eq!(s.search("بومبيو", &consult).unwrap().len(), 2);
        assert!(s.search("  ، ", &all).is_err());
    }
}

#[test]
fn the_claims_ledger_keeps_each_claimant_apart_and_dated() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("claims");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let f = ClaimFilter {
            claimant: Some("org:nk-defence-ministry".into()),
            kind: Some("killed".into()),
            group: Some("military".into()),
            ..Default::default()
        };
        let series: Vec<(Option<String>, u64)> =
            s.claims(&f).unwrap().into_iter().map(|c| (c.date, c.count)).collect();
        assert_eq!(
            series,
            vec![(Some("2020-10-10".into()), 376), (Some("2020-10-24".into()), 963)],
            "{:?}",
            s.backend()
        );
        let aze = ClaimFilter { side: Some("AZE".into()), ..Default::default() };
        let rows = s.claims(&aze).unwrap();
        assert!(rows.iter().all(|c| c.side.as_deref() == Some("AZE")));
        assert!(rows.iter().any(|c| c.count == 65 && c.cumulative && c.evidence.contains("65")));
        let own_voice = ClaimFilter { claimant: Some("-".into()), ..Default::default() };
        assert_eq!(s.claims(&own_voice).unwrap().len(), 1);
        let all = s.claims(&ClaimFilter::default()).unwrap();
        assert_eq!(all.len(), 9); // 11 figures, two of them in a copy
                                  // Ordered by claimant, then side, kind, group and date.
        let keys: Vec<String> =
            all.iter().map(|c| c.claimant.clone().unwrap_or_default()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }
}

#[test]
fn a_country_filter_has_no_wildcards() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("wildcards");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        for country in ["%", "___", "_RM", "AR%", "\\"] {
            let f = Filter { country: Some(country.into()), ..Filter::default() };
            assert!(s.events(&f).unwrap().is_empty(), "{country}: {:?}", s.backend());
            assert!(s.entities(&f).unwrap().is_empty(), "{country}");
            assert!(s.incidents(&f).unwrap().is_empty(), "{country}");
        }
        let arm = Filter { country: Some("ARM".into()), ..Filter::default() };
        assert!(!s.events(&arm).unwrap().is_empty());
    }
}

#[test]
fn events_filter_by_date_country_and_type() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("events");
    for s in &mut stores {
        s.ingest(&docs).unwrap();
        let all = s.events(&Filter::default()).unwrap();
        assert_eq!(all.len(), 11, "{:?}", s.backend()); // 12 events, one of them in a copy
        let dates: Vec<String> = all.iter().map(|e| e.date.clone().unwrap_or_default()).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
        let f = Filter {
            from: Some("2020-10-24".into()),
            to: Some("2020-10-24".into()),
            country: Some("ARM".into()),
            event_type: Some("ASSAULT".into()),
            ..Filter::default()
        };
        let got = s.events(&f).unwrap();
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(
            |e| e.locations == ["place:lachin"] && e.participants.contains(&"ARM".to_string())
        ));
        let lachin = &got[0];
        assert!(lachin.entity("place:lachin").is_some_and(|p| p.lat.is_some()));
        let paged = s.events(&Filter { limit: Some(2), offset: 1, ..Filter::default() }).unwrap();
        assert_eq!(paged.len(), 2);
        assert_eq!(paged[0].doc.id, all[1].doc.id);
        let people =
            s.entities(&Filter { country: Some("USA".into()), ..Filter::default() }).unwrap();
        assert!(people.iter().any(|e| e.entity.id == "person:mike-pompeo" && e.documents == 2));
        let listed =
            s.documents(&Filter { from: Some("2020-10-25".into()), ..Filter::default() }).unwrap();
        assert_eq!(listed.len(), 2);
        let mut n = 0;
        s.for_each_document(&Filter::default(), &mut |_| {
            n += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(n, docs.len() - 1);
    }
}

#[test]
fn reopening_keeps_everything_and_does_not_migrate_twice() {
    let docs = synthetic();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("again.db");
    {
        let mut s = open(path.to_str().unwrap()).unwrap();
        s.ingest(&docs).unwrap();
    }
    let mut s = open(path.to_str().unwrap()).unwrap();
    assert_eq!(s.stats().unwrap().documents, docs.len() as u64);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let n: i64 = conn.query_row("SELECT COUNT(*) FROM rasd_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(n, rasd_store::migrations::LATEST);
}

#[test]
fn a_database_from_a_newer_rasd_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    drop(open(path.to_str().unwrap()).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("INSERT INTO rasd_migrations VALUES (999, 'future', 0)", []).unwrap();
    drop(conn);
    let err = open(path.to_str().unwrap()).err().expect("refused");
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn the_ledger_shows_what_set_each_side() {
    let docs = synthetic();
    let (_dir, mut stores) = stores("side_evidence");
    // A figure whose side the analysis read from the people's nationality.
    let mut doc = by_id(&docs, "syn-putin-2210");
    let c = &mut doc.casualties[0];
    c.side = Some("RUS".into());
    c.side_evidence = Some(rasd_model::SideEvidence {
        basis: rasd_model::SideBasis::Nationality,
        span: rasd_model::Span { start: c.start, end: c.end, text: "روس".into() },
    });
    for s in &mut stores {
        s.ingest(&[doc.clone()]).unwrap();
        let f =
            ClaimFilter { claimant: Some("person:vladimir-putin".into()), ..Default::default() };
        let c = s.claims(&f).unwrap();
        assert_eq!(c[0].side.as_deref(), Some("RUS"), "{:?}", s.backend());
        assert_eq!(c[0].side_basis.as_deref(), Some("nationality"));
        assert_eq!(c[0].side_words.as_deref(), Some("روس"));
    }
}

/// `n` short dated articles that all mention shelling, in several places and months.
fn many_reports(n: usize) -> Vec<Document> {
    let places = ["حلب", "الفاشر", "تعز", "خاركيف", "غزة", "مقديشو", "غوما", "طرابلس"];
    (0..n)
        .map(|i| {
            let place = places[i % places.len()];
            // Repeating the word in some articles gives the ranking something to order.
            let again = " وتجدد القصف".repeat(i % 4);
            // Made-up words of its own, so no article reads as a syndicated copy of another.
            let letters: Vec<char> = "بتثجحخدذرزسشصضطظعغفقكلمنهوي".chars().collect();
            let mut seed = i as u64 + 1;
            let mut next = move || {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                letters[(seed >> 33) as usize % letters.len()]
            };
            let own: Vec<String> = (0..12).map(|_| (0..5).map(|_| next()).collect()).collect();
            let text = format!(
                "أفادت مصادر محلية بوقوع قصف على {place} في الصباح{again}. {}.",
                own.join(" ")
            );
            let mut d = Document::new(format!("report-{i:03}"), text);
            d.published = Some(format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28));
            d
        })
        .collect()
}

#[test]
fn search_pages_are_slices_of_the_whole_ranking() {
    let docs = many_reports(300);
    let (_dir, mut stores) = stores("search_pages");
    for s in &mut stores {
        let r = s.ingest(&docs).unwrap();
        assert_eq!(r.inserted, docs.len(), "{r:?}");
        for base in [
            Filter::default(),
            // Admits about a third, so pages reach far down the ranking.
            Filter { from: Some("2024-09-01".into()), ..Filter::default() },
        ] {
            let all = s.search("القصف", &base).unwrap();
            assert!(all.len() >= 90, "{:?}: {}", s.backend(), all.len());
            for w in all.windows(2) {
                assert!(w[0].score >= w[1].score, "{:?}: best first", s.backend());
            }
            for (offset, limit) in [(0, 10), (60, 7), (80, 100), (all.len() - 1, 5)] {
                let page =
                    s.search("القصف", &Filter { limit: Some(limit), offset, ..base.clone() });
                let ids: Vec<String> = page.unwrap().into_iter().map(|h| h.doc.id).collect();
                let want: Vec<String> =
                    all.iter().skip(offset).take(limit).map(|h| h.doc.id.clone()).collect();
                assert_eq!(ids, want, "{:?} offset {offset} limit {limit}", s.backend());
            }
        }
    }
}

/// Runs `sql` (statements, no rows) on the database `target` names, beside the store.
fn raw_batch(target: &str, sql: &str) {
    if target.starts_with("postgres") {
        let mut c = postgres::Client::connect(target, postgres::NoTls).unwrap();
        c.batch_execute(sql).unwrap();
    } else {
        rusqlite::Connection::open(target).unwrap().execute_batch(sql).unwrap();
    }
}

/// The one number `sql` selects on the database `target` names.
fn raw_count(target: &str, sql: &str) -> i64 {
    if target.starts_with("postgres") {
        let mut c = postgres::Client::connect(target, postgres::NoTls).unwrap();
        c.query_one(sql, &[]).unwrap().get(0)
    } else {
        rusqlite::Connection::open(target).unwrap().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}

#[test]
fn a_record_written_before_the_read_order_migration_is_upgraded_on_open() {
    let docs = synthetic();
    let dir = tempfile::tempdir().unwrap();
    let mut targets = vec![dir.path().join("old.db").to_str().unwrap().to_string()];
    if let Some(url) = rasd_store::test_postgres_url() {
        targets.push(scratch_database(&url, "rasd_store_upgrade").unwrap());
    }
    for target in &targets {
        let (events, claims) = {
            let mut s = open(target).unwrap();
            s.ingest(&docs).unwrap();
            (s.events(&Filter::default()).unwrap(), s.claims(&ClaimFilter::default()).unwrap())
        };
        // Take the database back to what rasd wrote before migration 3.
        raw_batch(
            target,
            "DROP INDEX events_order; DROP INDEX events_type_order; \
             DROP INDEX casualties_ledger; DROP INDEX incidents_order; DROP INDEX documents_listed; \
             ALTER TABLE events DROP COLUMN order_day; ALTER TABLE events DROP COLUMN doc_seq; \
             ALTER TABLE casualties DROP COLUMN order_day; \
             ALTER TABLE casualties DROP COLUMN doc_seq; \
             DELETE FROM rasd_migrations WHERE version = 3;",
        );
        let mut s = open(target).unwrap();
        let again = s.events(&Filter::default()).unwrap();
        let key = |e: &rasd_store::EventRow| (e.doc.id.clone(), e.idx);
        assert_eq!(
            again.iter().map(key).collect::<Vec<_>>(),
            events.iter().map(key).collect::<Vec<_>>(),
            "{target}"
        );
        let ledger = s.claims(&ClaimFilter::default()).unwrap();
        let key = |c: &rasd_store::ClaimRow| (c.doc.id.clone(), c.idx);
        assert_eq!(
            ledger.iter().map(key).collect::<Vec<_>>(),
            claims.iter().map(key).collect::<Vec<_>>(),
            "{target}"
        );
        let unset = raw_count(
            target,
            "SELECT (SELECT COUNT(*) FROM events WHERE order_day IS NULL OR doc_seq IS NULL) \
             + (SELECT COUNT(*) FROM casualties WHERE order_day IS NULL OR doc_seq IS NULL)",
        );
        assert_eq!(unset, 0, "{target}: every stored row got its sort key");
    }
}

#[test]
fn counts_and_searches_follow_what_another_connection_writes() {
    let docs = synthetic();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    let mut writer = open(path.to_str().unwrap()).unwrap();
    let mut reader = open(path.to_str().unwrap()).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 0);
    writer.ingest(&docs[..2]).unwrap();
    assert_eq!(reader.stats().unwrap().documents, 2);
    assert_eq!(reader.stats().unwrap().documents, 2, "asked again, nothing written");
    writer.ingest(&docs).unwrap();
    assert_eq!(reader.stats().unwrap().documents, docs.len() as u64);
    // And what the reading connection writes itself.
    reader.ingest(&many_reports(3)).unwrap();
    assert_eq!(reader.stats().unwrap().documents, docs.len() as u64 + 3);
    assert_eq!(writer.stats().unwrap().documents, docs.len() as u64 + 3);
    let found = |s: &mut Box<dyn Store>| s.search("القصف", &Filter::default()).unwrap().len();
    let before = found(&mut reader);
    assert_eq!(found(&mut writer), before);
    // The same three reports again and seven new ones.
    writer.ingest(&many_reports(10)).unwrap();
    assert_eq!(found(&mut reader), before + 7, "a ranking read before the write is not reused");
    reader.ingest(&many_reports(12)).unwrap();
    assert_eq!(found(&mut reader), before + 9);
}
