//! What storing an article means, once for both backends: the identity rules, replacing a
//! changed article, and linking syndicated copies. Each backend supplies the writes
//! ([`Tx`]) inside its own transaction.

use crate::error::Result;
use crate::minhash::{self, COPY_THRESHOLD};
use crate::prepare::PreparedDoc;
use crate::types::IngestReport;

/// What the database already knows about an incoming article.
#[derive(Debug, Default)]
pub(crate) struct Known {
    /// `(content_hash, analysis_hash)` of the stored article with this id.
    pub by_id: Option<(String, String)>,
    /// Id of another stored article with the same content hash.
    pub by_hash: Option<String>,
    /// The stored article this id is already an alias of.
    pub alias_of: Option<String>,
    /// The stored article with this id has a publication date.
    pub dated: bool,
}

/// The writes one backend performs inside an open transaction.
pub(crate) trait Tx {
    fn known(&mut self, id: &str, content_hash: &str) -> Result<Known>;
    /// Stored articles sharing a band key, with their signatures.
    fn lsh_candidates(&mut self, keys: &[i64]) -> Result<Vec<(String, Option<Vec<u8>>)>>;
    /// Writes the article, its rows and its LSH `bands` (none for a copy), and drops
    /// any alias with its id.
    fn insert_document(&mut self, p: &PreparedDoc, now: i64, bands: &[i64]) -> Result<()>;
    fn insert_bands(&mut self, id: &str, keys: &[i64]) -> Result<()>;
    /// Makes `id` a copy of `of` (insert or update).
    fn set_copy(&mut self, id: &str, of: &str, similarity: f64) -> Result<()>;
    fn unset_copy(&mut self, id: &str) -> Result<()>;
    /// Copies of `id`, oldest first.
    fn copies_of(&mut self, id: &str) -> Result<Vec<(String, f64)>>;
    fn signature_of(&mut self, id: &str) -> Result<Option<Vec<u8>>>;
    /// Deletes the article, its rows, bands, copy link and the aliases pointing at it.
    fn delete_document(&mut self, id: &str) -> Result<()>;
    fn set_alias(&mut self, alias: &str, id: &str) -> Result<()>;
}

/// Removes a stored article; its copies, if any, get the oldest of them as their new
/// original, so no copy is left pointing at nothing.
fn remove(tx: &mut dyn Tx, id: &str) -> Result<()> {
    let copies = tx.copies_of(id)?;
    tx.delete_document(id)?;
    if let Some(((first, _), rest)) = copies.split_first() {
        tx.unset_copy(first)?;
        if let Some(sig) = tx.signature_of(first)?.and_then(|b| minhash::from_bytes(&b)) {
            tx.insert_bands(first, &minhash::band_keys(&sig))?;
        }
        for (c, sim) in rest {
            tx.set_copy(c, first, *sim)?;
        }
    }
    Ok(())
}

/// Stores one article by the identity rules:
/// - same id, same text and analysis: nothing to do;
/// - same id, anything changed: the old version is replaced, unless the new one is
///   undated and the old one dated (an undated `.txt` copy of a dated JSONL article):
///   a later copy never erases an earlier input's date;
/// - another id already holds the same text: the id becomes an alias of it;
/// - otherwise it is inserted, linked as a copy of the most similar stored original when
///   MinHash says it is one (copies get no bands, so the next copy meets the original).
pub(crate) fn ingest_one(
    tx: &mut dyn Tx,
    p: &PreparedDoc,
    now: i64,
    report: &mut IngestReport,
) -> Result<()> {
    let known = tx.known(&p.id, &p.content_hash)?;
    let mut replaced = false;
    if let Some((content, analysis)) = &known.by_id {
        if *content == p.content_hash && *analysis == p.analysis_hash {
            report.unchanged += 1;
            return Ok(());
        }
        if known.dated && p.published.is_none() {
            report.undated_kept += 1;
            return Ok(());
        }
        remove(tx, &p.id)?;
        replaced = true;
    }
    if let Some(other) = known.by_hash.filter(|o| *o != p.id) {
        if known.alias_of.as_deref() == Some(other.as_str()) {
            report.unchanged += 1;
        } else {
            tx.set_alias(&p.id, &other)?;
            report.same_content += 1;
        }
        return Ok(());
    }

    let keys = p.band_keys();
    let mut best: Option<(String, f64)> = None;
    if let Some(sig) = &p.signature {
        for (cand, blob) in tx.lsh_candidates(&keys)? {
            if cand == p.id {
                continue;
            }
            let Some(theirs) = blob.as_deref().and_then(minhash::from_bytes) else { continue };
            let s = minhash::similarity(sig, &theirs);
            let better = match &best {
                Some((id, b)) => s > *b || (s == *b && cand < *id),
                None => true,
            };
            if s >= COPY_THRESHOLD && better {
                best = Some((cand, s));
            }
        }
    }
    match best {
        Some((of, s)) => {
            tx.insert_document(p, now, &[])?;
            tx.set_copy(&p.id, &of, s)?;
            report.copies += 1;
        }
        None => tx.insert_document(p, now, &keys)?,
    }
    if replaced {
        report.replaced += 1;
    } else {
        report.inserted += 1;
    }
    Ok(())
}

/// Stores a batch in order. When one id occurs more than once in the batch (the same
/// story read from two files), only its last occurrence is stored, as if the earlier
/// ones had been replaced, so ingesting the same inputs again changes nothing; but an
/// undated occurrence never wins over a dated one, as across batches.
pub(crate) fn ingest_batch(
    tx: &mut dyn Tx,
    docs: &[PreparedDoc],
    now: i64,
) -> Result<IngestReport> {
    let mut last: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, p) in docs.iter().enumerate() {
        let kept = last.entry(p.id.as_str()).or_insert(i);
        if p.published.is_some() || docs[*kept].published.is_none() {
            *kept = i;
        }
    }
    let mut report = IngestReport::default();
    for (i, p) in docs.iter().enumerate() {
        if last.get(p.id.as_str()) != Some(&i) {
            report.duplicate_ids += 1;
            continue;
        }
        ingest_one(tx, p, now, &mut report)?;
    }
    Ok(report)
}

/// Seconds since the Unix epoch.
pub(crate) fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}
