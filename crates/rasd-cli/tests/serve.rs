//! `rasd ingest` then `rasd serve`, as a new user runs them: the binary listens on a
//! loopback port it picks, answers the API and the page, refuses writing without a
//! token, and stops on SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

/// One HTTP/1.1 request; the status and the body.
fn http(addr: &str, method: &str, path: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut raw = String::new();
    s.read_to_string(&mut raw).unwrap();
    let status = raw.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = raw.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

#[test]
fn ingest_then_serve() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rasd.db");
    let db = db.to_str().unwrap();
    let out = rasd()
        .current_dir(&root)
        .args(["ingest", "-q", "--db", db, "examples/articles.jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let mut child = rasd()
        .args(["serve", "--db", db, "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    // The first line names the address the server listens on.
    let mut first = String::new();
    BufReader::new(child.stderr.take().unwrap()).read_line(&mut first).unwrap();
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_string();

    let (st, stats) = http(&addr, "GET", "/api/stats", "");
    assert_eq!(st, 200, "{stats}");
    let stats: serde_json::Value = serde_json::from_str(&stats).unwrap();
    assert!(stats["documents"].as_u64().unwrap() > 0);
    assert_eq!(stats["read_only"], true);
    let (st, page) = http(&addr, "GET", "/", "");
    assert_eq!(st, 200);
    assert!(page.contains("<html"));
    let (st, err) = http(&addr, "POST", "/api/ingest", "{}");
    assert_eq!(st, 403, "{err}");

    #[cfg(unix)]
    {
        let pid = child.id().to_string();
        let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(killed.success());
        let status = child.wait().unwrap();
        assert!(status.success(), "rasd serve ended with {status}");
    }
    #[cfg(not(unix))]
    {
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
