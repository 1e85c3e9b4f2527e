//! Golden whole-document output for the bundled sample articles (`examples/`).
//!
//! Each document is compared with its snapshot under `tests/snapshots/`. When a change
//! is meant to alter the output, review it with `cargo insta review` (or rerun with
//! `INSTA_UPDATE=always` and read the diff in git) and commit the new snapshots with the
//! change that caused them.
//!
//! A snapshot records what the pipeline writes, right or wrong; what the events should be
//! is the analyst coding in `examples/gold` (the referee's format), which CI scores the
//! examples against. Review an event diff against that coding, never accept it because
//! the code printed it.

use std::path::Path;

use rasd_pipeline::{Input, Pipeline};

#[test]
fn bundled_examples() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let inputs = vec![root.clone()];
    let pipeline = Pipeline::embedded();
    let mut seen = 0;
    for item in rasd_ingest::read_inputs(&inputs) {
        let a = item.expect("the bundled examples read cleanly");
        let doc = pipeline.analyze(&Input {
            id: &a.id,
            url: a.url.as_deref(),
            title: a.title.as_deref(),
            published: a.published.as_deref(),
            body: &a.body,
        });
        let name = format!(
            "{}-{}",
            Path::new(&a.origin.path).file_name().and_then(|f| f.to_str()).unwrap_or("x"),
            a.id
        );
        insta::assert_json_snapshot!(name, doc);
        seen += 1;
    }
    assert!(seen >= 4, "expected the bundled examples, found {seen}");
}
