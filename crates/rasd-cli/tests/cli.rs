//! End-to-end tests of the `rasd` binary as a user runs it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn docs(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect()
}

/// Checks the contract's invariants on one output document.
fn check_contract(d: &serde_json::Value) {
    assert_eq!(d["schema"], "rasd.document/1");
    let text: Vec<char> = d["text"].as_str().unwrap().chars().collect();
    for key in ["entities", "times", "casualties", "events", "sentences"] {
        assert!(d[key].is_array(), "{key} missing");
    }
    for s in d["sentences"].as_array().unwrap() {
        let (a, b) = (s[0].as_u64().unwrap() as usize, s[1].as_u64().unwrap() as usize);
        assert!(a < b && b <= text.len());
    }
}

#[test]
fn analyzes_the_bundled_examples() {
    let out =
        rasd().current_dir(repo_root()).args(["analyze", "examples/", "-q"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs = docs(&out.stdout);
    assert!(docs.len() >= 4, "got {} documents", docs.len());
    for d in &docs {
        check_contract(d);
    }
}

#[test]
fn a_bad_input_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "عنوان الخبر\n\nاندلعت اشتباكات عنيفة أمس.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01\x02\x03binary\x00\x00").unwrap();
    std::fs::write(
        dir.path().join("c.jsonl"),
        "{\"id\": \"x1\", \"text\": \"وصل الوفد إلى جنيف.\"}\nnot json\n{\"id\": \"x2\", \"text\": \"بدأت المحادثات.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d.txt"), "").unwrap();
    let out = rasd().arg("analyze").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "failures must show in the exit status");
    let ids: Vec<String> =
        docs(&out.stdout).iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert_eq!(ids, ["a", "x1", "x2"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.txt"), "{err}");
    assert!(err.contains("c.jsonl") && err.contains("line 2"), "{err}");
    assert!(err.contains("d.txt"), "{err}");
    assert!(err.contains("3 failed"), "{err}");
}

#[test]
fn reads_stdin_and_applies_the_published_flag() {
    let mut child = rasd()
        .args(["analyze", "-", "--published", "2024-03-05", "-q"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("قصف مدفعي على المدينة.\nسقط قتلى.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let d = &docs(&out.stdout)[0];
    assert_eq!(d["published"], "2024-03-05");
    assert_eq!(d["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn input_metadata_wins_over_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.jsonl");
    std::fs::write(
        &p,
        "{\"id\": \"k\", \"published\": \"2021-11-18T09:00:00Z\", \"text\": \"نص.\"}\n",
    )
    .unwrap();
    let out =
        rasd().arg("analyze").arg(&p).args(["--published", "2000-01-01", "-q"]).output().unwrap();
    assert_eq!(docs(&out.stdout)[0]["published"], "2021-11-18");
}

#[test]
fn writes_to_a_file_and_rejects_bad_dates() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("out.jsonl");
    let st = rasd()
        .current_dir(repo_root())
        .args(["analyze", "examples/txt", "-q", "-o"])
        .arg(&out_path)
        .status()
        .unwrap();
    assert!(st.success());
    assert!(!docs(&std::fs::read(&out_path).unwrap()).is_empty());
    let bad = rasd().args(["analyze", "-", "--published", "5 March"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    // The right shape, but no such day.
    for day in ["2024-02-30", "2023-02-29", "2024-13-01"] {
        let bad = rasd().args(["analyze", "-", "--published", day]).output().unwrap();
        assert_eq!(bad.status.code(), Some(2), "{day}");
    }
}

#[test]
fn a_query_on_a_missing_record_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let typo = dir.path().join("typo.db");
    let out = rasd().args(["search", "قصف", "--db"]).arg(&typo).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record at"));
    assert!(!typo.exists());
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // `rasd explain ... | head -c 10` and `rasd analyze ... | head -c 10`: the reader goes
    // away after a few bytes, with far more than a pipe's buffer still to come.
    let text = "قصفت القوات مواقع في مدينة خاركيف صباح اليوم وقتل ثلاثة مدنيين. ".repeat(400);
    let explain = ["explain".to_string(), text];
    let analyze = ["analyze", "examples/", "-q"].map(String::from).to_vec();
    for args in [explain.to_vec(), analyze] {
        let mut child = rasd()
            .current_dir(repo_root())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 10];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{}: {err}", args[0]);
        assert!(out.status.success(), "{}: {:?}", args[0], out.status);
    }
}

#[test]
fn incidents_left_unbuilt_by_an_ingest_are_built_when_asked_for() {
    // An ingest that stops before its incident step (killed, or told so) leaves events
    // without incidents; the incident queries build them rather than answer nothing.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let st = rasd()
        .current_dir(repo_root())
        .args(["ingest", "-q", "--no-incidents", "--documents", "--db"])
        .arg(&db)
        .arg("crates/rasd-store/tests/fixtures/synthetic.jsonl")
        .status()
        .unwrap();
    assert!(st.success());
    let out = rasd().args(["incidents", "--json", "--db"]).arg(&db).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.as_array().is_some_and(|a| !a.is_empty()), "{v}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("building them now"));
}
