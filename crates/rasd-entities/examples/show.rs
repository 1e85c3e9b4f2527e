//! Prints the entities recognized in one text given on the command line, one a line
//! (id, kind, country, mention texts), for looking at a sentence by hand:
//!
//! ```text
//! cargo run --release -p rasd-entities --example show -- "قال وزير الخارجية الأردني ..."
//! ```

fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    for e in rasd_entities::recognize(rasd_kb::Kb::embedded(), &text) {
        let m: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
        println!("{} {:?} {:?} {:?}", e.id, e.kind, e.country, m);
    }
}
