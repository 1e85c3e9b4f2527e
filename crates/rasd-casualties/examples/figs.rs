//! Prints the casualty figures of a text (a development aid).
fn main() {
    let text = std::env::args().nth(1).unwrap_or_default();
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, &text);
    let doc = rasd_attribution::Doc::new(&text, &ents, kb);
    let nums = rasd_text::numbers::find_numbers_tokens(&doc.view, &doc.tokens);
    for n in &nums {
        println!("number {:?} {}", &doc.view.as_str()[n.start..n.end], n.value);
    }
    for c in rasd_casualties::extract(&doc, &rasd_casualties::Context::new(&[], None)) {
        println!("{c:?}");
    }
}
