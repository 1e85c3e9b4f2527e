//! Prints every form an entry generates, with what each says: `cargo run -p rasd-morph
//! --example forms -- 'v:قال/يقول' 'n:غارة/غارات'`. For checking a new row by eye.

use rasd_morph::{generate, Entry, Form};

fn main() {
    let mut status = 0;
    for cell in std::env::args().skip(1) {
        match Entry::parse(&cell) {
            Ok(e) => {
                println!("{cell}");
                for f in generate(&e) {
                    println!("  {}", describe(&f));
                }
            }
            Err(err) => {
                eprintln!("{cell}: {err}");
                status = 1;
            }
        }
    }
    std::process::exit(status);
}

fn describe(f: &Form) -> String {
    let i = &f.shape.infl;
    let cells: Vec<&str> = i.agreement.cells().map(|c| c.code()).collect();
    let mut parts = vec![format!("{:<14}", f.text)];
    if let Some(a) = i.aspect {
        parts.push(format!("{a:?} {} moods={:?} voice={:?}", cells.join(","), i.moods, i.voice));
    } else {
        let g = i.gender.map_or(String::new(), |g| format!(" {g:?}"));
        let c = if i.construct { " construct" } else { "" };
        parts.push(format!("{:?} {:?}{g}{c}", i.number, i.case));
    }
    let definite = if f.shape.definite { " +ال" } else { "" };
    parts.push(format!("host={:?}{definite}", f.shape.host));
    parts.join("  ")
}
