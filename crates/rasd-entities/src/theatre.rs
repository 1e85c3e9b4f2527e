//! The country an armed group fights in, for groups that fight in many.
//!
//! The annotation conventions code a non-state armed group by the country it fights in
//! (the Houthis are Yemen's, al-Shabaab Somalia's). Groups that fight in many countries
//! (the Islamic State, al-Qaeda) have no country in the knowledge base; in an article
//! they have the one the article places them in: the state of the place or country named
//! nearest their first mention, else the state the article names most.

use rasd_kb::Kb;
use rasd_model::{Entity, EntityKind};

/// How far (in code points) from a group's first mention a place still tells its
/// theatre: about a sentence.
const NEAR: usize = 300;

/// Sets the country of every group that has none, from the places the article names.
pub fn assign(kb: &Kb, entities: &mut [Entity]) {
    if !entities.iter().any(|e| e.kind == EntityKind::Group && e.country.is_none()) {
        return;
    }
    // Every mention of a state: (offset, state).
    let mut states: Vec<(usize, String)> = Vec::new();
    for e in entities.iter() {
        let state = match e.kind {
            EntityKind::Country => Some(e.id.clone()),
            EntityKind::Place => kb
                .by_id(&e.id)
                .and_then(|p| p.backed_by.clone().or_else(|| p.country.clone()))
                .or_else(|| e.country.clone()),
            _ => None,
        };
        if let Some(s) = state {
            states.extend(e.mentions.iter().map(|m| (m.start, s.clone())));
        }
    }
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for (_, s) in &states {
        match tally.iter_mut().find(|(x, _)| x == s) {
            Some((_, n)) => *n += 1,
            None => tally.push((s, 1)),
        }
    }
    let most = tally.iter().max_by_key(|(_, n)| *n).map(|(s, _)| s.to_string());
    for e in entities.iter_mut().filter(|e| e.kind == EntityKind::Group && e.country.is_none()) {
        let Some(at) = e.mentions.first().map(|m| m.start) else { continue };
        let near = states
            .iter()
            .filter(|(o, _)| o.abs_diff(at) <= NEAR)
            .min_by_key(|(o, _)| o.abs_diff(at))
            .map(|(_, s)| s.clone());
        e.country = near.or_else(|| most.clone());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_group_of_many_theatres_takes_the_one_the_article_names() {
        let kb = rasd_kb::Kb::embedded();
        let text = "هاجم مسلحو تنظيم الدولة الإسلامية قرى في شمال موزمبيق.";
        let ents = crate::recognize(kb, text);
        let isis = ents.iter().find(|e| e.kind == rasd_model::EntityKind::Group);
        if let Some(g) = isis {
            assert_eq!(g.country.as_deref(), Some("MOZ"), "{g:?}");
        }
    }
}
