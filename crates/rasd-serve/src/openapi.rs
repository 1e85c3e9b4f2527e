//! The OpenAPI 3.1 description served at `/api/openapi.json`. Written by hand next to
//! the handlers; a test checks that every route is described and every described path
//! answers.

use serde_json::{json, Value};

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

fn list_params(extra: Vec<Value>) -> Value {
    let day = json!({ "type": "string", "format": "date" });
    let mut ps = vec![
        param("from", "Earliest date (inclusive): the event's or figure's date, else the article's.", day.clone()),
        param("to", "Latest date (inclusive).", day),
        param("country", "ISO 3166-1 alpha-3 code (any case) or entity id that must be involved.", json!({ "type": "string", "maxLength": 200 })),
        param("type", "PLOVER event type.", json!({ "type": "string", "enum": rasd_model::PLOVER_TYPES })),
        param("q", "Text the rows must contain (Arabic compared after normalization; for documents, a full-text search).", json!({ "type": "string", "maxLength": 500 })),
        param("limit", "Rows per page.", json!({ "type": "integer", "minimum": 1, "maximum": crate::params::MAX_LIMIT, "default": crate::params::DEFAULT_LIMIT })),
        param("offset", "Rows to skip (use the previous page's `next_offset`).", json!({ "type": "integer", "minimum": 0 })),
        param("copies", "Include syndicated copies (left out so a report counts once).", json!({ "type": "boolean", "default": false })),
    ];
    ps.extend(extra);
    Value::Array(ps)
}

fn page_of(item: &str) -> Value {
    json!({
        "type": "object",
        "required": ["items", "offset", "limit", "next_offset"],
        "properties": {
            "items": { "type": "array", "items": { "$ref": format!("#/components/schemas/{item}") } },
            "offset": { "type": "integer" },
            "limit": { "type": "integer" },
            "next_offset": { "type": ["integer", "null"] }
        }
    })
}

fn ok(description: &str, schema: Value) -> Value {
    json!({
        "200": { "description": description, "content": { "application/json": { "schema": schema } } },
        "400": { "$ref": "#/components/responses/Error" },
        "500": { "$ref": "#/components/responses/Error" }
    })
}

fn list(summary: &str, item: &str, extra: Vec<Value>) -> Value {
    json!({ "get": { "summary": summary, "parameters": list_params(extra), "responses": ok("One page.", page_of(item)) } })
}

fn by_id(summary: &str, item: &str) -> Value {
    let mut responses = ok("Found.", json!({ "$ref": format!("#/components/schemas/{item}") }));
    responses["404"] = json!({ "$ref": "#/components/responses/Error" });
    json!({ "get": {
        "summary": summary,
        "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
        "responses": responses
    } })
}

fn open_object(description: &str) -> Value {
    json!({ "type": "object", "description": description, "additionalProperties": true })
}

/// The description.
pub fn spec() -> Value {
    let claim_params = vec![
        param(
            "side",
            "Entity id of the side that suffered the losses.",
            json!({ "type": "string" }),
        ),
        param(
            "kind",
            "What the figure counts.",
            json!({ "type": "string", "enum": ["killed", "injured", "missing", "captured", "displaced"] }),
        ),
        param(
            "claimant",
            "Entity id of who gives the figure; `-` for the article's own voice.",
            json!({ "type": "string" }),
        ),
        param(
            "group",
            "Who the figure counts.",
            json!({ "type": "string", "enum": ["military", "civilian", "unspecified"] }),
        ),
    ];
    let mut analyze_responses = ok(
        "The article as `rasd.document/1`, not stored.",
        json!({ "$ref": "#/components/schemas/Document" }),
    );
    analyze_responses["413"] = json!({ "$ref": "#/components/responses/Error" });
    analyze_responses["415"] = json!({ "$ref": "#/components/responses/Error" });
    let mut ingest_responses = ok(
        "What was stored.",
        open_object("IngestReport counts, `failed` lines, `incidents` after the rebuild."),
    );
    for code in ["401", "403", "413", "415"] {
        ingest_responses[code] = json!({ "$ref": "#/components/responses/Error" });
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "rasd API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The record rasd builds from Arabic news: articles, entities, PLOVER events, incidents merged across articles, and the ledger of casualty claims. Read-only unless the server was started with a token. Unknown query parameters are refused (400)."
        },
        "paths": {
            "/api/stats": { "get": { "summary": "Counts of what the record holds.", "responses": ok("Counts.", open_object("Stats, backend, read_only.")) } },
            "/api/documents": list("Stored articles, newest first (with `q`: search hits, best first).", "DocRef", vec![]),
            "/api/documents/{id}": by_id("One article as rasd.document/1.", "Document"),
            "/api/entities": list("Entities, most widely reported first.", "EntityRow", vec![]),
            "/api/events": list("Events of every article, in date order.", "EventRow", vec![]),
            "/api/incidents": list("Incidents merged across articles, in date order.", "Incident", vec![]),
            "/api/incidents/{id}": by_id("One incident with its sources.", "Incident"),
            "/api/claims": list("The claims ledger: casualty figures by claimant and side, dated.", "ClaimRow", claim_params),
            "/api/search": list("Full-text search over the articles (`q` required).", "SearchHit", vec![]),
            "/api/openapi.json": { "get": { "summary": "This description.", "responses": { "200": { "description": "OpenAPI 3.1." } } } },
            "/api/analyze": { "post": {
                "summary": "Analyze one article without storing it.",
                "parameters": [
                    param("published", "Publication date for a plain-text body.", json!({ "type": "string", "format": "date" })),
                    param("id", "Id for a plain-text body (default: a hash of the text).", json!({ "type": "string" }))
                ],
                "requestBody": { "required": true, "content": {
                    "application/json": { "schema": { "type": "object", "additionalProperties": false, "properties": {
                        "id": { "type": "string" }, "url": { "type": "string" }, "title": { "type": "string" },
                        "published": { "type": "string", "format": "date" },
                        "text": { "type": "string" }, "html": { "type": "string" } } } },
                    "text/plain": { "schema": { "type": "string" } },
                    "text/html": { "schema": { "type": "string" } }
                } },
                "responses": analyze_responses
            } },
            "/api/ingest": { "post": {
                "summary": "Analyze and store articles (JSON Lines, as `rasd analyze` reads them); needs the start-up token.",
                "security": [{ "token": [] }],
                "requestBody": { "required": true, "content": { "application/x-ndjson": { "schema": { "type": "string" } } } },
                "responses": ingest_responses
            } }
        },
        "components": {
            "securitySchemes": { "token": { "type": "http", "scheme": "bearer" } },
            "responses": { "Error": { "description": "What went wrong.", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } } },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object", "required": ["status", "message"], "properties": { "status": { "type": "integer" }, "message": { "type": "string" } } } } },
                "Document": open_object("rasd.document/1: see SCHEMA.md."),
                "DocRef": open_object("id, url, title, published, copy_of, ingested_at."),
                "SearchHit": open_object("DocRef fields with score and snippet."),
                "EntityRow": open_object("id, kind, name, name_ar, country, lat, lon, documents, mentions."),
                "EventRow": open_object("One event of one article with its evidence and resolved entities."),
                "Incident": open_object("One happening with its sources, place, figures and fatalities."),
                "ClaimRow": open_object("One casualty figure with claimant, side, date and evidence.")
            }
        }
    })
}
