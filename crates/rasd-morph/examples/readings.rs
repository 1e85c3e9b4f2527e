//! Prints every reading of each word against the lemmas given: `cargo run -p rasd-morph
//! --example readings -- 'v:قصف/يقصف' -- قصفنا وقصفناهم`. For seeing why a word reads as
//! it does.

use rasd_morph::Lexicon;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let split = args.iter().position(|a| a == "--").unwrap_or(args.len());
    let rows: Vec<(&str, ())> = args[..split].iter().map(|c| (c.as_str(), ())).collect();
    let lex = match Lexicon::new(rows) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    for word in args.iter().skip(split + 1) {
        println!("{word}");
        for a in lex.analyze(word) {
            let cells: Vec<&str> = a.infl.agreement.cells().map(|c| c.code()).collect();
            println!(
                "  {:<12} {:?} {:?} {} enclitic={:?} proclitics={:?}",
                lex.entry(&a).lemma,
                a.infl.pos,
                a.infl.aspect,
                cells.join(","),
                a.enclitic,
                a.proclitics
            );
        }
    }
}
