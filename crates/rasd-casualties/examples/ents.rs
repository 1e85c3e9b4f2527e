//! Prints the entities recognized in a text (a development aid).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let kb = rasd_kb::Kb::embedded();
    for e in rasd_entities::recognize(kb, &text) {
        let m: Vec<String> = e.mentions.iter().map(|m| m.text.clone()).collect();
        println!("{} {:?} {:?} {m:?}", e.id, e.kind, e.country);
    }
}
