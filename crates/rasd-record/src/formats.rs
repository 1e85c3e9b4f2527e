//! The event-level and map exports: PLOVER JSON Lines, GeoJSON, Parquet and the
//! documents themselves as JSON Lines.

use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{Float64Builder, Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;
use rasd_store::{EventRow, Incident};
use serde_json::{json, Value};

use crate::acled::{incident_country, Mapping};
use crate::error::Result;

/// Which incident each (document, event index) belongs to.
pub fn incident_index(incidents: &[Incident]) -> HashMap<(String, usize), String> {
    let mut m = HashMap::new();
    for i in incidents {
        for s in i.sources.iter().chain(&i.planned_by) {
            m.insert((s.doc.id.clone(), s.event_idx), i.id.clone());
        }
    }
    m
}

fn entity_json(e: &EventRow, id: &str) -> Value {
    match e.entity(id) {
        Some(r) => {
            json!({"id": r.id, "kind": r.kind, "name": r.name, "name_ar": r.name_ar, "country": r.country})
        }
        None => json!({"id": id, "kind": null, "name": null, "name_ar": null, "country": null}),
    }
}

/// One event in PLOVER's vocabulary (`event_type`, `event_mode`, `actors`, `recipients`,
/// `contexts`-free) with rasd's sourcing (`stance`, `claimant`, `evidence`, `source`).
pub fn plover_json(e: &EventRow, incident: Option<&String>) -> Value {
    json!({
        "id": format!("{}#{}", e.doc.id, e.idx),
        "incident_id": incident,
        "event_date": e.date,
        "story_date": e.doc.published,
        "event_type": e.event_type,
        "event_mode": e.mode,
        "actors": e.actors.iter().map(|a| entity_json(e, a)).collect::<Vec<_>>(),
        "recipients": e.targets.iter().map(|t| entity_json(e, t)).collect::<Vec<_>>(),
        "locations": e.locations.iter().map(|l| {
            let r = e.entity(l);
            json!({"id": l, "name": r.and_then(|r| r.name.clone()), "name_ar": r.and_then(|r| r.name_ar.clone()),
                   "country": r.and_then(|r| r.country.clone()), "lat": r.and_then(|r| r.lat), "lon": r.and_then(|r| r.lon)})
        }).collect::<Vec<_>>(),
        "countries": e.countries,
        "stance": e.stance,
        "claimant": e.claimant.as_deref().map(|c| entity_json(e, c)),
        "trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger},
        "evidence": e.evidence,
        "confidence": e.confidence,
        "language": "ar",
        "source": {"doc_id": e.doc.id, "url": e.doc.url, "title": e.doc.title, "published": e.doc.published},
    })
}

/// Writes one PLOVER JSON object per event; returns the count.
pub fn write_plover<W: Write>(
    events: &[EventRow],
    incidents: &HashMap<(String, usize), String>,
    mut out: W,
) -> Result<usize> {
    for e in events {
        let inc = incidents.get(&(e.doc.id.clone(), e.idx));
        serde_json::to_writer(&mut out, &plover_json(e, inc))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(events.len())
}

fn round(v: f64, digits: i32) -> f64 {
    let f = 10f64.powi(digits);
    (v * f).round() / f
}

/// A GeoJSON FeatureCollection (RFC 7946: WGS84, `[longitude, latitude]`) of the incidents
/// that have a location; returns it with the number of features.
pub fn geojson(incidents: &[Incident]) -> Result<(Value, usize)> {
    let mapping = Mapping::embedded()?;
    let mut features = Vec::new();
    for i in incidents {
        let Some(p) = &i.place else { continue };
        let (Some(lat), Some(lon)) = (p.lat, p.lon) else { continue };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            continue;
        }
        let label = |id: &String| i.entity(id).map_or(id.clone(), |e| e.label().to_string());
        let acled = mapping.lookup(&i.event_type, i.mode.as_deref());
        features.push(json!({
            "type": "Feature",
            "id": i.id,
            "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
            "properties": {
                "id": i.id,
                "type": i.event_type,
                "mode": i.mode,
                "status": i.status,
                "disputed": i.disputed,
                "date": i.date,
                "date_precision": i.date_precision,
                "place": p.name,
                "place_ar": p.name_ar,
                "place_id": p.id,
                "geo_precision": p.precision,
                "country": incident_country(i),
                "actors": i.actors.iter().map(label).collect::<Vec<_>>().join("; "),
                "targets": i.targets.iter().map(label).collect::<Vec<_>>().join("; "),
                "sources": i.sources.len(),
                "documents": i.sources.iter().map(|s| s.doc.id.clone()).collect::<Vec<_>>().join("; "),
                "fatalities": i.fatalities,
                "fatalities_note": i.fatalities_note,
                "acled_event_type": acled.map(|a| a.event_type.clone()),
                "acled_sub_event_type": acled.map(|a| a.sub_event_type.clone()),
            }
        }));
    }
    let n = features.len();
    Ok((json!({"type": "FeatureCollection", "features": features}), n))
}

/// Parquet schema of the event table.
pub fn parquet_schema() -> Schema {
    let list = || DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)));
    let f = |name: &str, t: DataType, nullable: bool| Field::new(name, t, nullable);
    Schema::new(vec![
        f("incident_id", DataType::Utf8, true),
        f("doc_id", DataType::Utf8, false),
        f("event_idx", DataType::Int64, false),
        f("url", DataType::Utf8, true),
        f("title", DataType::Utf8, true),
        f("published", DataType::Utf8, true),
        f("event_type", DataType::Utf8, false),
        f("event_mode", DataType::Utf8, true),
        f("actors", list(), false),
        f("targets", list(), false),
        f("locations", list(), false),
        f("countries", list(), false),
        f("event_date", DataType::Utf8, true),
        f("claimant", DataType::Utf8, true),
        f("stance", DataType::Utf8, false),
        f("trigger", DataType::Utf8, false),
        f("trigger_start", DataType::Int64, false),
        f("trigger_end", DataType::Int64, false),
        f("evidence", DataType::Utf8, false),
        f("confidence", DataType::Float64, false),
        f("place", DataType::Utf8, true),
        f("latitude", DataType::Float64, true),
        f("longitude", DataType::Float64, true),
        f("acled_event_type", DataType::Utf8, true),
        f("acled_sub_event_type", DataType::Utf8, true),
    ])
}

/// Writes the events as one Parquet file (zstd), one row per event; returns the count.
pub fn write_parquet<W: Write + Send>(
    events: &[EventRow],
    incidents: &HashMap<(String, usize), String>,
    out: W,
) -> Result<usize> {
    let mapping = Mapping::embedded()?;
    let schema = Arc::new(parquet_schema());
    let text = StringBuilder::new;
    let list = || ListBuilder::new(StringBuilder::new());
    let (mut incident_id, mut doc_id, mut url, mut title, mut published) =
        (text(), text(), text(), text(), text());
    let (mut event_type, mut event_mode, mut event_date, mut claimant, mut stance) =
        (text(), text(), text(), text(), text());
    let (mut trigger, mut evidence, mut place_name, mut acled_type, mut acled_sub) =
        (text(), text(), text(), text(), text());
    let (mut actors, mut targets, mut locations, mut countries) = (list(), list(), list(), list());
    let (mut event_idx, mut trigger_start, mut trigger_end) =
        (Int64Builder::new(), Int64Builder::new(), Int64Builder::new());
    let (mut confidence, mut latitude, mut longitude) =
        (Float64Builder::new(), Float64Builder::new(), Float64Builder::new());
    for e in events {
        let place = e.locations.iter().find_map(|l| e.entity(l));
        let acled = mapping.lookup(&e.event_type, e.mode.as_deref());
        incident_id.append_option(incidents.get(&(e.doc.id.clone(), e.idx)));
        doc_id.append_value(&e.doc.id);
        event_idx.append_value(e.idx as i64);
        url.append_option(e.doc.url.as_deref());
        title.append_option(e.doc.title.as_deref());
        published.append_option(e.doc.published.as_deref());
        event_type.append_value(&e.event_type);
        event_mode.append_option(e.mode.as_deref());
        for (b, values) in [&mut actors, &mut targets, &mut locations, &mut countries]
            .into_iter()
            .zip([&e.actors, &e.targets, &e.locations, &e.countries])
        {
            for v in values {
                b.values().append_value(v);
            }
            b.append(true);
        }
        event_date.append_option(e.date.as_deref());
        claimant.append_option(e.claimant.as_deref());
        stance.append_value(&e.stance);
        trigger.append_value(&e.trigger);
        trigger_start.append_value(e.trigger_start as i64);
        trigger_end.append_value(e.trigger_end as i64);
        evidence.append_value(&e.evidence);
        confidence.append_value(e.confidence);
        place_name.append_option(place.map(|p| p.label().to_string()));
        latitude.append_option(place.and_then(|p| p.lat));
        longitude.append_option(place.and_then(|p| p.lon));
        acled_type.append_option(acled.map(|a| a.event_type.clone()));
        acled_sub.append_option(acled.map(|a| a.sub_event_type.clone()));
    }
    // Same order as parquet_schema().
    let columns: Vec<ArrayRef> = vec![
        Arc::new(incident_id.finish()),
        Arc::new(doc_id.finish()),
        Arc::new(event_idx.finish()),
        Arc::new(url.finish()),
        Arc::new(title.finish()),
        Arc::new(published.finish()),
        Arc::new(event_type.finish()),
        Arc::new(event_mode.finish()),
        Arc::new(actors.finish()),
        Arc::new(targets.finish()),
        Arc::new(locations.finish()),
        Arc::new(countries.finish()),
        Arc::new(event_date.finish()),
        Arc::new(claimant.finish()),
        Arc::new(stance.finish()),
        Arc::new(trigger.finish()),
        Arc::new(trigger_start.finish()),
        Arc::new(trigger_end.finish()),
        Arc::new(evidence.finish()),
        Arc::new(confidence.finish()),
        Arc::new(place_name.finish()),
        Arc::new(latitude.finish()),
        Arc::new(longitude.finish()),
        Arc::new(acled_type.finish()),
        Arc::new(acled_sub.finish()),
    ];
    let batch = RecordBatch::try_new(schema.clone(), columns)?;
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::default()))
        .set_created_by(format!("rasd {}", env!("CARGO_PKG_VERSION")))
        .build();
    let mut w = ArrowWriter::try_new(out, schema, Some(props))?;
    w.write(&batch)?;
    w.close()?;
    Ok(events.len())
}
