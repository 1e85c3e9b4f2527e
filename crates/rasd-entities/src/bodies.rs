//! Organizations and armed or political groups the knowledge base lacks, found from
//! their head noun (`data/lexicon/body_heads.tsv`) and the name that follows it: a quoted
//! one ("وكالة «أعماق»"), a name in construct that holds a proper-name word ("حركة
//! تحرير الساحل", "تنسيقية لجان مقاومة الفاشر"), or a definite head with its state's
//! adjective and a complement ("اللجنة الإثيوبية لحقوق الإنسان"). A state's adjective
//! or a place after the name gives its country.

use rasd_kb::{keys, AliasForm, EntityKind};
use rasd_text::normalize::is_nisba;
use rasd_text::TokenKind;

use crate::boundaries::{self, BodyKind};
use crate::open::NAME_ZIPF;
use crate::{Recognizer, Slot};

/// At most this many words make the name after a head.
const MAX_BODY_WORDS: usize = 6;

/// Whether a word ends in an object or possessive pronoun of the third person
/// ("أجازها"، "قادتهم"): a verb with its object or a noun with its owner, no name.
fn carries_pronoun(w: &str) -> bool {
    ["ها", "هم", "هما", "هن"].iter().any(|s| w.ends_with(s))
}

/// Whether a normalized token is a quotation mark.
fn is_quote(w: &str) -> bool {
    matches!(w, "«" | "»" | "\"" | "“" | "”" | "'")
}

impl Recognizer<'_> {
    /// The kind of body the head noun at token `i` names, and whether it is written with
    /// the article.
    fn body_head_at(&self, i: usize) -> Option<(BodyKind, bool)> {
        let w = self.words[i];
        self.first_keys(i).iter().find_map(|f| {
            // "بقيادة X" is "led by X": a head behind ب, ك or ف names nothing.
            if w.get(..f.prefix).is_some_and(|p| p.contains(['ب', 'ك', 'ف'])) {
                return None;
            }
            let kind = boundaries::body_head_hashed(f.key, f.hash)?;
            Some((kind, f.article || w.starts_with("لل")))
        })
    }

    /// An organization or group named after its head noun at token `i`; returns the
    /// token after it.
    pub(crate) fn try_body(&mut self, i: usize) -> Option<usize> {
        let (kind, definite) = self.body_head_at(i)?;
        // A body the knowledge base knows right after the head is left to the name
        // matcher ("مفوضية المجموعة الاقتصادية ...", "وكالة «رويترز»").
        let known = |k: usize| {
            self.match_name(k).is_some_and(|m| {
                m.aliases.iter().any(|a| {
                    matches!(self.kb.entry(a.entry).kind, EntityKind::Org | EntityKind::Group)
                })
            })
        };
        if known(i + 1) && !definite {
            // A known body's name going on ("تنسيقية لجان مقاومة الفاشر", "مكتب الأمم
            // المتحدة المتكامل في هايتي") names another body, of which it is a part,
            // on the same side.
            let end = self.known_body_extended(i + 1)?;
            let m = self.match_name(i + 1)?;
            let (e, _) = self.resolve(i + 1, &m, Slot::Free)?;
            let country = self.kb.entry(e).country.clone();
            let span = self.span(i, end, self.body_prefix(i));
            let kind =
                if kind == BodyKind::Group { EntityKind::Group } else { self.kb.entry(e).kind };
            self.new_entity(kind, span, country);
            self.cover(i, end);
            return Some(end);
        }
        if known(i + 2) {
            // "فريق خبراء الأمم المتحدة": one common word between the head and the known
            // body still names a body of that one.
            let m = self.match_name(i + 2)?;
            // Not "بعثة سابقة للاتحاد الأفريقي": a genitive takes no preposition.
            let preposition = m.prefix > 0 || self.words[i + 2].starts_with("لل");
            if definite || preposition || !self.plain_common_word(i + 1) {
                return None;
            }
            let end = self.known_body_extended(i + 2).unwrap_or(m.end);
            let (e, _) = self.resolve(i + 2, &m, Slot::Free)?;
            let country = self.kb.entry(e).country.clone();
            let span = self.span(i, end, self.body_prefix(i));
            self.new_entity(self.kb.entry(e).kind, span, country);
            self.cover(i, end);
            return Some(end);
        }
        if let Some(close) = (!definite).then(|| self.quoted_name_end(i + 1)).flatten() {
            // The quoted name is the name; the head is a common noun ("عصابة «X»").
            return self.quoted_body(i + 2, close, kind);
        }
        let (end, close) = if definite {
            (self.definite_body_end(i + 1)?, None::<usize>)
        } else if kind == BodyKind::Media {
            // "موقع الهجوم", "قناة السويس": an outlet's name is quoted.
            return None;
        } else {
            let end = self.body_name_end(i + 1);
            if end == i + 1 || !self.holds_proper_name(i + 1, end) {
                return None;
            }
            (end, None)
        };
        Some(self.emit_body(i, end, kind, close))
    }

    /// Adds the body named over tokens `[i, end)` (head first); returns `end`.
    fn emit_body(&mut self, i: usize, end: usize, kind: BodyKind, close: Option<usize>) -> usize {
        let country = self.body_country(i + 1, close.map_or(end, |c| c + 1));
        let kind = match kind {
            BodyKind::Group => EntityKind::Group,
            BodyKind::Org | BodyKind::Media => EntityKind::Org,
        };
        let span = self.span(i, end, self.body_prefix(i));
        self.new_entity(kind, span, country);
        self.inner_countries(i + 1, end);
        self.cover(i, end);
        end
    }

    /// The end of a known body's name at `j` that goes on with a place, definite
    /// adjectives or "في" and a place; `None` when it stops where the knowledge base's
    /// name does.
    fn known_body_extended(&self, j: usize) -> Option<usize> {
        let m = self.match_name(j)?;
        let mut k = m.end;
        if self.names_place(k) {
            return Some(k + 1);
        }
        while k < m.end + 2
            && self.is_word(k)
            && self.words[k].starts_with("ال")
            && !self.country_adjective(k)
            && !boundaries::is_boundary(self.words[k])
            && !boundaries::is_body_after(keys::word_key(self.words[k]))
            && self.match_name(k).is_none()
        {
            k += 1;
        }
        if let Some(end) = self.complement_end(k) {
            k = end;
        }
        if k > m.end && self.words.get(k) == Some(&"في") && self.names_place(k + 1) {
            k += 2;
        }
        (k > m.end).then_some(k)
    }

    /// The end of a complement with ل that names a body's purpose, starting at token `k`
    /// ("لحقوق الإنسان", "لتنسيق الشؤون الإنسانية", "للتحقق"): ل and a common word, its
    /// definite genitive, and a nisba adjective. "لحقوق الإنسان الحكومة" stops before
    /// the object of the verb.
    fn complement_end(&self, k: usize) -> Option<usize> {
        let w = self.words.get(k)?;
        // "لل" is ل and the article ("للتحقق"), whatever the frequency lists hold.
        let joined_article = w.starts_with("لل");
        if !w.starts_with('ل') || !self.is_word(k) || (!joined_article && self.is_word_reading(k))
        {
            return None;
        }
        if self.match_name(k).is_some() || boundaries::is_boundary(w) {
            return None;
        }
        let takes = |t: usize| {
            self.is_word(t)
                && self.words[t].starts_with("ال")
                && self.match_name(t).is_none()
                && !boundaries::is_boundary(self.words[t])
        };
        // "لمراقبة حقوق الإنسان": words in construct, closed by a definite one.
        let in_construct = |t: usize| self.plain_common_word(t) && !self.words[t].starts_with('و');
        let mut end = k + 1;
        while end < k + 3 && in_construct(end) {
            end += 1;
        }
        if end > k + 1 && !takes(end) {
            end = k + 1;
        }
        if takes(end) {
            end += 1;
            if takes(end) && is_nisba(self.words[end]) && !self.ends_in_maqsura(end) {
                end += 1;
            }
        }
        // "للدعم وتحقيق الاستقرار", "للدعم والاستقرار": a second purpose joined by و.
        let joined =
            self.words.get(end).is_some_and(|w| w.starts_with('و') && w.chars().count() > 3);
        if joined && self.words[end].starts_with("وال") && self.match_name(end).is_none() {
            end += 1;
        } else if joined && self.plain_common_word(end) && takes(end + 1) {
            end += 2;
        }
        Some(end)
    }

    /// Whether token `k` is a common word standing alone: no article, no proclitic ل,
    /// no pronoun, no name ("خبراء", "تحقيق"; not "أجازها").
    fn plain_common_word(&self, k: usize) -> bool {
        let common = |k: usize| self.word_zipf_at(k, keys::word_key(self.words[k])) >= NAME_ZIPF;
        self.is_word(k)
            && common(k)
            && !carries_pronoun(self.words[k])
            && !self.words[k].starts_with("ال")
            && !self.words[k].starts_with('ل')
            && self.match_name(k).is_none_or(|m| self.resolve(k, &m, Slot::Free).is_none())
            && self.match_head(k).is_none()
            && !boundaries::is_boundary(self.words[k])
    }

    /// A body whose name is quoted over tokens `[from, close)` after a head of `kind`;
    /// returns the token after the closing quote.
    fn quoted_body(&mut self, from: usize, close: usize, kind: BodyKind) -> Option<usize> {
        if !(from..close).all(|k| self.is_word(k) || self.tokens[k].kind == TokenKind::Number) {
            return None;
        }
        let country = self.body_country(from, close + 1);
        let kind = match kind {
            BodyKind::Group => EntityKind::Group,
            BodyKind::Org | BodyKind::Media => EntityKind::Org,
        };
        let span = self.span(from, close, 0);
        self.new_entity(kind, span, country);
        self.cover(from - 2, close + 1);
        Some(close + 1)
    }

    /// Bytes of proclitics before the head at token `i` ("وحركة").
    fn body_prefix(&self, i: usize) -> usize {
        let w = self.words[i];
        self.clitics
            .of(i)
            .iter()
            .find(|a| {
                w.get(a.prefix_len..)
                    .is_some_and(|s| boundaries::body_head(keys::word_key(s)).is_some())
            })
            .map_or(0, |a| if a.article { a.prefix_len.saturating_sub(4) } else { a.prefix_len })
    }

    /// The closing quotation mark of a short quoted name opening at token `j`.
    fn quoted_name_end(&self, j: usize) -> Option<usize> {
        let open = self.tokens.get(j)?;
        if open.kind != TokenKind::Punct || !is_quote(self.words[j]) {
            return None;
        }
        let close = (j + 1..(j + 2 + MAX_BODY_WORDS).min(self.tokens.len()))
            .find(|&k| self.tokens[k].kind == TokenKind::Punct)?;
        (is_quote(self.words[close]) && close > j + 1).then_some(close)
    }

    /// The end of a name in construct after a head, starting at token `j`: nouns and
    /// adjectives up to a function word, a verb, a punctuation mark or a state's
    /// adjective; it must end on a definite, rare or place word ("جماعة مسلحة" is none).
    fn body_name_end(&self, j: usize) -> usize {
        let mut k = j;
        let mut last_good = j;
        // Once a definite word closes the construct, only adjectives (definite) follow.
        let mut closed = false;
        while k < self.tokens.len() && k - j < MAX_BODY_WORDS {
            if self.tokens[k].kind != TokenKind::Arabic || self.country_adjective(k) {
                break;
            }
            let w = self.words[k];
            let key = keys::word_key(w);
            if boundaries::is_boundary(w)
                || self.match_head(k).is_some()
                || boundaries::is_body_after(key)
            {
                break;
            }
            // "لجنة لمتابعة ...": a complement with ل is no part of a name in construct.
            if w.starts_with('ل') && !self.is_word_reading(k) {
                break;
            }
            let definite = w.starts_with("ال") || w.starts_with("وال");
            if closed && !definite {
                break;
            }
            let rare = self.word_zipf_at(k, key) < NAME_ZIPF;
            if k > j && w.starts_with('و') && !definite && !self.continues_to_definite(k + 1) {
                break;
            }
            // A place ends the name ("قيادة عمليات ديالى", "لجان مقاومة الفاشر"), all
            // its words; right after the head it is the head's complement ("حركة قناة
            // السويس": shipping through the canal), no name.
            if let Some(end) = self.place_at(k) {
                if k > j {
                    last_good = end;
                }
                break;
            }
            k += 1;
            if definite || rare {
                last_good = k;
            }
            closed |= definite;
        }
        last_good
    }

    /// Whether word `k`, starting with ل, is a word of its own rather than ل and a
    /// word ("لجان" is one; "لمتابعة" is ل + "متابعة").
    fn is_word_reading(&self, k: usize) -> bool {
        self.first_keys(k).first().is_some_and(|f| f.prefix == 0 && f.entry.is_some())
            && !self
                .first_keys(k)
                .iter()
                .any(|f| f.prefix > 0 && f.entry.is_some_and(|e| e.zipf >= NAME_ZIPF))
    }

    /// Whether the words from `k` on reach a definite word within the name's length.
    fn continues_to_definite(&self, k: usize) -> bool {
        self.words.get(k).is_some_and(|w| w.starts_with("ال"))
    }

    /// Whether the name over `[j, end)` holds a word that makes it a proper name: a rare
    /// word, a place, or a name word ("تحرير", "المقاومة").
    fn holds_proper_name(&self, j: usize, end: usize) -> bool {
        (j..end).any(|k| {
            let w = self.words[k];
            // A rare word that is a verb with its object ("أجازها") proves nothing.
            // (With the article, it must be absent from the frequency lists: "كتيبة
            // النواصي".)
            let key = keys::word_key(w);
            let rare = self.word_zipf_at(k, key) < NAME_ZIPF
                && (!w.starts_with("ال") || self.word_zipf_at(k, key) == 0.0)
                && !self.hamza_at(k, 0)
                && !carries_pronoun(w);
            boundaries::is_body_name_word(w)
                || boundaries::is_body_name_word(keys::word_key(w))
                || rare
                || self.names_place(k)
        })
    }

    /// After a definite head: a state's adjective, then a complement with ل
    /// ("اللجنة الإثيوبية لحقوق الإنسان"); returns the end of the complement.
    fn definite_body_end(&self, j: usize) -> Option<usize> {
        // "البعثة الأممية", "الوكالة الأممية": a body of the United Nations.
        let un = self.kb.index_of("org:un");
        let of_un = self
            .match_name(j)
            .is_some_and(|m| m.end == j + 1 && m.aliases.iter().any(|a| Some(a.entry) == un));
        // Only a mission or an office: "الوكالة الأممية" refers back to an agency named
        // before, whose name the knowledge base has.
        let mission =
            self.words.get(j - 1).is_some_and(|w| matches!(keys::word_key(w), "بعثه" | "مكتب"));
        if of_un && mission {
            return Some(j + 1);
        }
        if !self.country_adjective(j) {
            return None;
        }
        let first = self.words.get(j + 1)?;
        if !(first.starts_with("لل") || first.starts_with('ل')) || !self.is_word(j + 1) {
            return None;
        }
        let mut end = j + 2;
        while end < j + 4 && self.is_word(end) && self.words[end].starts_with("ال") {
            end += 1;
        }
        self.holds_proper_name(j + 1, end).then_some(end)
    }

    /// Whether token `k` is a state's adjective ("الفرنسية").
    fn country_adjective(&self, k: usize) -> bool {
        self.is_word(k)
            && self.match_name(k).is_some_and(|m| {
                m.end == k + 1
                    && m.aliases.iter().any(|a| {
                        a.form == AliasForm::Adjective
                            && self.kb.entry(a.entry).kind == EntityKind::Country
                    })
            })
    }

    /// The end of a known place or country named at token `k`, if one is read there.
    fn place_at(&self, k: usize) -> Option<usize> {
        let m = self.match_name(k)?;
        let (e, _) = self.resolve(k, &m, Slot::Free)?;
        matches!(self.kb.entry(e).kind, EntityKind::Place | EntityKind::Country).then_some(m.end)
    }

    /// Whether a known place or country is named at token `k` (and read as one there:
    /// "حركة عمران" is a building boom, not Amran).
    fn names_place(&self, k: usize) -> bool {
        self.match_name(k).is_some_and(|m| {
            self.resolve(k, &m, Slot::Free).is_some_and(|(e, _)| {
                matches!(self.kb.entry(e).kind, EntityKind::Place | EntityKind::Country)
            })
        })
    }

    /// The country of a body named up to token `end`: a state's adjective right after
    /// it, or inside its name; none otherwise.
    fn body_country(&self, from: usize, end: usize) -> Option<String> {
        let adjective = (from..=end.min(self.tokens.len().saturating_sub(1))).rev().find_map(|k| {
            if !self.country_adjective(k) {
                return None;
            }
            let m = self.match_name(k)?;
            let a = m.aliases.iter().find(|a| {
                a.form == AliasForm::Adjective && self.kb.entry(a.entry).kind == EntityKind::Country
            })?;
            Some(self.kb.entry(a.entry).id.clone())
        });
        // Else the place its name holds ("لجان مقاومة الفاشر").
        adjective.or_else(|| {
            (from..end).find_map(|k| {
                let m = self.match_name(k)?;
                let (e, _) = self.resolve(k, &m, Slot::Free)?;
                let e = self.kb.entry(e);
                matches!(e.kind, EntityKind::Place | EntityKind::Country)
                    .then(|| e.institution_state().map(str::to_string))
                    .flatten()
            })
        })
    }
}
