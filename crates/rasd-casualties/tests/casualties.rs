//! Casualty figures in invented news sentences from many conflicts.
//!
//! Each case: a text and the figures expected as (count, kind, group, side); side "-" is
//! null and "*" is not checked. Figures must come out in any order, each exactly once.

use rasd_attribution::Doc;
use rasd_model::{CasualtyKind as K, Group as G};

fn run(text: &str) -> Vec<rasd_model::Casualty> {
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, text);
    let doc = Doc::new(text, &ents, kb);
    rasd_casualties::extract(&doc, &rasd_casualties::Context::new(&[], None))
}

type Want = (u64, K, G, &'static str);

fn check(text: &str, want: &[Want]) {
    let got = run(text);
    let show: Vec<_> = got.iter().map(|c| (c.count, c.kind, c.group, c.side.clone())).collect();
    assert_eq!(got.len(), want.len(), "{text}\n got {show:?}");
    for (count, kind, group, side) in want {
        let c = got
            .iter()
            .find(|c| c.count == *count && c.kind == *kind)
            .unwrap_or_else(|| panic!("{text}\n missing {count} {kind:?}; got {show:?}"));
        assert_eq!(c.group, *group, "{text}: group of {count}");
        match *side {
            "*" => {}
            "-" => assert_eq!(c.side, None, "{text}: side of {count}"),
            s => assert_eq!(c.side.as_deref(), Some(s), "{text}: side of {count}"),
        }
    }
}

#[test]
fn digits_after_an_event_noun() {
    check("أسفر القصف عن مقتل 12 مدنيا في مدينة الفاشر.", &[(12, K::Killed, G::Civilian, "SDN")]);
    check("أدى الهجوم إلى مقتل 4 جنود.", &[(4, K::Killed, G::Military, "-")]);
    check(
        "أعلنت الأمم المتحدة نزوح 150 ألف شخص من ولاية الجزيرة.",
        &[(150_000, K::Displaced, G::Civilian, "*")],
    );
}

#[test]
fn passive_verb_before_the_figure() {
    check(
        "قُتل 9 أشخاص وأصيب 17 آخرون في انفجار بمقديشو.",
        &[(9, K::Killed, G::Unspecified, "SOM"), (17, K::Injured, G::Unspecified, "SOM")],
    );
    check("وجُرح 40 مدنيا في القصف.", &[(40, K::Injured, G::Civilian, "-")]);
}

#[test]
fn verb_after_the_counted_noun() {
    check(
        "وقال الجيش الأوكراني إن ثلاثة جنود روس قتلوا في الهجوم.",
        &[(3, K::Killed, G::Military, "RUS")],
    );
    check("خمسة مقاتلين لقوا حتفهم في الاشتباكات.", &[(5, K::Killed, G::Military, "-")]);
}

#[test]
fn counting_nouns() {
    check(
        "خلفت المعارك 200 قتيل و350 جريحا.",
        &[(200, K::Killed, G::Unspecified, "-"), (350, K::Injured, G::Unspecified, "-")],
    );
    check("سقط 14 قتيلا في غارة على صنعاء.", &[(14, K::Killed, G::Unspecified, "YEM")]);
    check("تم تبادل 90 أسيرا بين الطرفين.", &[(90, K::Captured, G::Unspecified, "-")]);
}

#[test]
fn number_words_and_mixed_forms() {
    check("أسفرت الغارة عن مقتل ستة أطفال.", &[(6, K::Killed, G::Civilian, "-")]);
    check("أودت الحرب بحياة ثلاثين ألف شخص.", &[(30_000, K::Killed, G::Unspecified, "-")]);
    check("نزح 2.5 مليون شخص منذ بدء الحرب.", &[(2_500_000, K::Displaced, G::Civilian, "-")]);
    check("وأعلنت الوزارة مقتل ستة آلاف وخمسمئة شخص.", &[(6500, K::Killed, G::Unspecified, "*")]);
}

#[test]
fn arabic_indic_digits_and_separators() {
    check("قُتل ١٢٥ شخصا في الهجوم.", &[(125, K::Killed, G::Unspecified, "-")]);
    check("تجاوز عدد القتلى ٤٬٢٠٠ منذ بداية الحرب.", &[(4200, K::Killed, G::Unspecified, "-")]);
}

#[test]
fn implicit_one_and_duals() {
    // A single death reported on its own counts one; an age is not a figure.
    check("وقُتل الشاب البالغ من العمر 19 عاما في 12 مارس.", &[(1, K::Killed, G::Unspecified, "-")]);
    check("أعلنت الشرطة مقتل جندي في كمين.", &[(1, K::Killed, G::Military, "*")]);
    check("أدى الانفجار إلى وفاة طفل.", &[(1, K::Killed, G::Civilian, "-")]);
    check("أسفر الهجوم عن مقتل جنديين.", &[(2, K::Killed, G::Military, "-")]);
    check(
        "قُتل شخصان وأصيب طفلان في القصف.",
        &[(2, K::Killed, G::Unspecified, "-"), (2, K::Injured, G::Civilian, "-")],
    );
}

#[test]
fn qualifiers_give_bounds() {
    let c = run("قُتل أكثر من 300 شخص في المعارك.");
    assert_eq!(c[0].bound, rasd_model::Bound::AtLeast);
    let c = run("أسفرت الحرب عن مقتل نحو 5 آلاف شخص.");
    assert_eq!((c[0].count, c[0].bound), (5000, rasd_model::Bound::About));
    let c = run("قُتل ما لا يقل عن 45 مدنيا.");
    assert_eq!((c[0].count, c[0].bound), (45, rasd_model::Bound::AtLeast));
    let c = run("أصيب قرابة 70 شخصا.");
    assert_eq!((c[0].count, c[0].bound), (70, rasd_model::Bound::About));
}

#[test]
fn vague_amounts_are_not_figures() {
    check("قُتل العشرات وأصيب المئات في المدينة.", &[]);
    check("أدت الحرب إلى تشريد مئات الآلاف.", &[]);
    check("نزح عشرات الآلاف من سكان دارفور.", &[]);
}

#[test]
fn numbers_that_count_other_things_are_not_figures() {
    check("أطلق الحوثيون 5 صواريخ على السفينة.", &[]);
    check("استمرت الحرب 9 أشهر وقُتل خلالها الآلاف.", &[]);
    check("سيطرت القوات على 3 قرى بعد معارك استمرت 6 ساعات.", &[]);
    check("ارتفعت الأسعار بنسبة 30 في المئة.", &[]);
}

#[test]
fn cumulative_totals() {
    let c = run("وارتفعت حصيلة القتلى إلى 1,200 منذ اندلاع المعارك.");
    assert_eq!(c.len(), 1);
    assert!(c[0].cumulative);
    assert_eq!((c[0].count, c[0].kind), (1200, K::Killed));
    let c = run("قُتل 8 مدنيين في قصف على خان يونس.");
    assert!(!c[0].cumulative);
}

#[test]
fn side_from_a_nationality_or_ranks() {
    check("قُتل 11 جنديا إسرائيليا في المعارك.", &[(11, K::Killed, G::Military, "ISR")]);
    check("سقط 26 قتيلا في صفوف القوات السودانية.", &[(26, K::Killed, G::Military, "SDN")]);
    check("قتل 7 مدنيين فلسطينيين في غارة.", &[(7, K::Killed, G::Civilian, "PSE")]);
}

#[test]
fn side_from_the_claimant_s_own_losses() {
    check(
        "وقالت وزارة الدفاع الروسية إن 15 من جنودها قتلوا.",
        &[(15, K::Killed, G::Military, "RUS")],
    );
    check("وأعلنت وزارة الصحة في غزة مقتل 40 مدنيا.", &[(40, K::Killed, G::Civilian, "PSE")]);
    check("قُتل 13 مدنيا بحسب السلطات الأوكرانية.", &[(13, K::Killed, G::Civilian, "UKR")]);
}

#[test]
fn others_inherit_group_and_side() {
    check(
        "أعلن الجيش أن ستة جنود ليبيين قتلوا وأصيب تسعة آخرون.",
        &[(6, K::Killed, G::Military, "LBY"), (9, K::Injured, G::Military, "LBY")],
    );
}

#[test]
fn missing_and_captured() {
    check(
        "أعلنت الوزارة فقدان 24 جنديا وأسر 13 أثناء المعارك.",
        &[(24, K::Missing, G::Military, "*"), (13, K::Captured, G::Military, "*")],
    );
    check("ولا يزال 60 شخصا في عداد المفقودين.", &[(60, K::Missing, G::Unspecified, "-")]);
    check("تحتجز الحركة 120 رهينة.", &[(120, K::Captured, G::Unspecified, "-")]);
}

#[test]
fn displacement() {
    check("أُجبر 800 ألف شخص على النزوح من منازلهم.", &[(800_000, K::Displaced, G::Civilian, "-")]);
    check("بلغ عدد النازحين 3 ملايين.", &[(3_000_000, K::Displaced, G::Civilian, "-")]);
}

#[test]
fn repeated_figures_count_once() {
    let c = run("قُتل 50 شخصا في الغارة. وأكدت المصادر مقتل 50 شخصا.");
    assert_eq!(c.len(), 1);
}

#[test]
fn claimants() {
    let c = run("وقالت وزارة الصحة السودانية إن 12 شخصا قتلوا.");
    assert!(c[0].claimant.as_deref().is_some_and(|x| x.contains("health")), "{:?}", c[0].claimant);
    let c = run("قُتل 65 مدنياً، وفق الأمم المتحدة.");
    assert_eq!(c[0].claimant.as_deref(), Some("org:un"));
    let c = run("قُتل 65 مدنياً في القصف.");
    assert_eq!(c[0].claimant, None);
}

#[test]
fn evidence_spans_slice_back() {
    let text = "وأعلنت الوزارة مقتل 30 شخصاً وإصابة 70 آخرين.";
    let chars: Vec<char> = text.chars().collect();
    for c in run(text) {
        let s: String = chars[c.start..c.end].iter().collect();
        assert!(
            s.contains(&c.count.to_string()) || s.contains("مقتل") || s.contains("إصابة"),
            "{s}"
        );
    }
}

#[test]
fn side_from_the_party_named_after_the_noun() {
    check(
        "قال الجيش الإسرائيلي إنه قتل 300 مقاتل من حماس.",
        &[(300, K::Killed, G::Military, "PSE")],
    );
    check(
        "أسفرت الغارة عن مقتل 12 عنصرا من قوات الدعم السريع.",
        &[(12, K::Killed, G::Military, "SDN")],
    );
}

#[test]
fn a_claimant_that_did_the_killing_does_not_count_its_own() {
    check(
        "قال الجيش الإسرائيلي إنه قتل نحو 200 مسلح في المعارك.",
        &[(200, K::Killed, G::Military, "-")],
    );
}

#[test]
fn a_headline_figure_takes_what_the_body_tells_of_it() {
    let text = "مقتل 9 جنود في هجوم على قاعدة عسكرية\n\nوقالت وزارة الدفاع النيجرية إن 9 من جنودها قتلوا يوم الجمعة.";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    let c = &got[0];
    assert_eq!((c.count, c.sentence), (9, 0));
    assert_eq!(c.side.as_deref(), Some("NER"));
    assert!(c.claimant.is_some(), "{c:?}");
    // In the body, a figure in the article's own voice keeps it when a report repeats it.
    let text = "اندلعت الحرب عام 1992 وأوقعت 30 ألف قتيل.\n\nوقالت الحكومة الطاجيكية إن الحرب أودت بحياة 30 ألف شخص.";
    let got = run(text);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].claimant, None);
}

#[test]
fn evacuations_displace() {
    check(
        "وأعلنت السلطات إجلاء أكثر من ثلاثة آلاف شخص من بلدات حدودية.",
        &[(3000, K::Displaced, G::Civilian, "*")],
    );
    check("وأجلي 450 مدنيا من المدينة المحاصرة.", &[(450, K::Displaced, G::Civilian, "*")]);
}

#[test]
fn a_nationality_counts_people_and_gives_their_side() {
    check("وقتل 15 فلسطينيا في القصف.", &[(15, K::Killed, G::Unspecified, "PSE")]);
    check("وأصيب ثلاثة إسرائيليين بجروح.", &[(3, K::Injured, G::Unspecified, "ISR")]);
    check(
        "واعتقلت القوات الإسرائيلية 20 فلسطينيا خلال مداهمات.",
        &[(20, K::Captured, G::Unspecified, "PSE")],
    );
    check("وانتشلت فرق الإنقاذ جثامين 16 سوريا.", &[(16, K::Killed, G::Unspecified, "SYR")]);
    // A nationality with no casualty expression is no figure.
    check("وزار 30 سوريا المعرض.", &[]);
}

#[test]
fn more_people_nouns() {
    check("وقتل 21 شابا برصاص قناصة.", &[(21, K::Killed, G::Unspecified, "-")]);
    check("وأصيب 40 متظاهرا.", &[(40, K::Injured, G::Civilian, "-")]);
    check("وقتل 60 مهاجرا قرب السواحل الليبية.", &[(60, K::Killed, G::Civilian, "*")]);
}
