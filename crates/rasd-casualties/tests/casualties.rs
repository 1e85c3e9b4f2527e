//! Casualty figures in invented news sentences from many conflicts.
//!
//! Each case: a text and the figures expected as (count, kind, bound, group, side); side
//! "-" is null and "*" is not checked, bound `B::Any` is not checked. Figures must come
//! out in any order, each exactly once. Every sentence was written for these tests.

use rasd_attribution::Doc;
use rasd_model::{Bound, CasualtyKind as K, Group as G};

/// The figures of `text`, with its times found as the pipeline finds them (dated 15
/// March 2024).
fn run(text: &str) -> Vec<rasd_model::Casualty> {
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, text);
    let doc = Doc::new(text, &ents, kb);
    let sentences = rasd_text::split_sentences(&doc.view);
    let published = Some("2024-03-15");
    let times = rasd_times::extract_times(text, &doc.view, &sentences, published);
    rasd_casualties::extract(&doc, &rasd_casualties::Context::new(&times, published))
}

/// The bound a case expects.
#[derive(Debug, Clone, Copy)]
enum B {
    Exact,
    AtLeast,
    About,
    AtMost,
    Any,
}

impl B {
    fn admits(self, b: Bound) -> bool {
        match self {
            B::Exact => b == Bound::Exact,
            B::AtLeast => b == Bound::AtLeast,
            B::About => b == Bound::About,
            B::AtMost => b == Bound::AtMost,
            B::Any => true,
        }
    }
}

type Want = (u64, K, B, G, &'static str);

fn check(text: &str, want: &[Want]) {
    if let Err(e) = failure(text, want) {
        panic!("{e}");
    }
}

/// Every case of a table, each failure reported.
fn cases(table: &[(&str, &[Want])]) {
    let failures: Vec<String> =
        table.iter().filter_map(|(text, want)| failure(text, want).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        table.len(),
        failures.join("\n")
    );
}

/// What is wrong with the figures of `text`, if anything.
fn failure(text: &str, want: &[Want]) -> Result<(), String> {
    let got = run(text);
    let show: Vec<_> =
        got.iter().map(|c| (c.count, c.kind, c.bound, c.group, c.side.clone())).collect();
    let wrong = |what: String| Err(format!("{text}\n   {what}\n   got {show:?}"));
    if got.len() != want.len() {
        return wrong(format!("{} figures, want {}", got.len(), want.len()));
    }
    for (count, kind, bound, group, side) in want {
        let Some(c) = got.iter().find(|c| c.count == *count && c.kind == *kind) else {
            return wrong(format!("missing {count} {kind:?}"));
        };
        let side_ok = match *side {
            "*" => true,
            "-" => c.side.is_none(),
            s => c.side.as_deref() == Some(s),
        };
        if !bound.admits(c.bound) || c.group != *group || !side_ok {
            return wrong(format!("{count} {kind:?}: want {bound:?} {group:?} {side}"));
        }
    }
    Ok(())
}

#[test]
fn digits_after_an_event_noun() {
    check(
        "أسفر القصف عن مقتل 12 مدنيا في مدينة الفاشر.",
        &[(12, K::Killed, B::Any, G::Civilian, "SDN")],
    );
    check("أدى الهجوم إلى مقتل 4 جنود.", &[(4, K::Killed, B::Any, G::Military, "-")]);
    check(
        "أعلنت الأمم المتحدة نزوح 150 ألف شخص من ولاية الجزيرة.",
        &[(150_000, K::Displaced, B::Any, G::Civilian, "*")],
    );
}

#[test]
fn passive_verb_before_the_figure() {
    check(
        "قُتل 9 أشخاص وأصيب 17 آخرون في انفجار بمقديشو.",
        &[
            (9, K::Killed, B::Any, G::Unspecified, "SOM"),
            (17, K::Injured, B::Any, G::Unspecified, "SOM"),
        ],
    );
    check("وجُرح 40 مدنيا في القصف.", &[(40, K::Injured, B::Any, G::Civilian, "-")]);
}

#[test]
fn verb_after_the_counted_noun() {
    check(
        "وقال الجيش الأوكراني إن ثلاثة جنود روس قتلوا في الهجوم.",
        &[(3, K::Killed, B::Any, G::Military, "RUS")],
    );
    check("خمسة مقاتلين لقوا حتفهم في الاشتباكات.", &[(5, K::Killed, B::Any, G::Military, "-")]);
}

#[test]
fn counting_nouns() {
    check(
        "خلفت المعارك 200 قتيل و350 جريحا.",
        &[
            (200, K::Killed, B::Any, G::Unspecified, "-"),
            (350, K::Injured, B::Any, G::Unspecified, "-"),
        ],
    );
    check("سقط 14 قتيلا في غارة على صنعاء.", &[(14, K::Killed, B::Any, G::Unspecified, "YEM")]);
    check("تم تبادل 90 أسيرا بين الطرفين.", &[(90, K::Captured, B::Any, G::Unspecified, "-")]);
}

#[test]
fn number_words_and_mixed_forms() {
    check("أسفرت الغارة عن مقتل ستة أطفال.", &[(6, K::Killed, B::Any, G::Civilian, "-")]);
    check("أودت الحرب بحياة ثلاثين ألف شخص.", &[(30_000, K::Killed, B::Any, G::Unspecified, "-")]);
    check(
        "نزح 2.5 مليون شخص منذ بدء الحرب.",
        &[(2_500_000, K::Displaced, B::Any, G::Civilian, "-")],
    );
    check(
        "وأعلنت الوزارة مقتل ستة آلاف وخمسمئة شخص.",
        &[(6500, K::Killed, B::Any, G::Unspecified, "*")],
    );
}

#[test]
fn arabic_indic_digits_and_separators() {
    check("قُتل ١٢٥ شخصا في الهجوم.", &[(125, K::Killed, B::Any, G::Unspecified, "-")]);
    check(
        "تجاوز عدد القتلى ٤٬٢٠٠ منذ بداية الحرب.",
        &[(4200, K::Killed, B::Any, G::Unspecified, "-")],
    );
}

#[test]
fn implicit_one_and_duals() {
    // A single death reported on its own counts one; an age is not a figure.
    check(
        "وقُتل الشاب البالغ من العمر 19 عاما في 12 مارس.",
        &[(1, K::Killed, B::Any, G::Unspecified, "-")],
    );
    check("أعلنت الشرطة مقتل جندي في كمين.", &[(1, K::Killed, B::Any, G::Military, "*")]);
    check("أدى الانفجار إلى وفاة طفل.", &[(1, K::Killed, B::Any, G::Civilian, "-")]);
    check("أسفر الهجوم عن مقتل جنديين.", &[(2, K::Killed, B::Any, G::Military, "-")]);
    check(
        "قُتل شخصان وأصيب طفلان في القصف.",
        &[(2, K::Killed, B::Any, G::Unspecified, "-"), (2, K::Injured, B::Any, G::Civilian, "-")],
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
    check("قُتل 11 جنديا إسرائيليا في المعارك.", &[(11, K::Killed, B::Any, G::Military, "ISR")]);
    check("سقط 26 قتيلا في صفوف القوات السودانية.", &[(26, K::Killed, B::Any, G::Military, "SDN")]);
    check("قتل 7 مدنيين فلسطينيين في غارة.", &[(7, K::Killed, B::Any, G::Civilian, "PSE")]);
}

#[test]
fn side_from_the_claimant_s_own_losses() {
    check(
        "وقالت وزارة الدفاع الروسية إن 15 من جنودها قتلوا.",
        &[(15, K::Killed, B::Any, G::Military, "RUS")],
    );
    check(
        "وأعلنت وزارة الصحة في غزة مقتل 40 مدنيا.",
        &[(40, K::Killed, B::Any, G::Civilian, "PSE")],
    );
    check("قُتل 13 مدنيا بحسب السلطات الأوكرانية.", &[(13, K::Killed, B::Any, G::Civilian, "UKR")]);
}

#[test]
fn others_inherit_group_and_side() {
    check(
        "أعلن الجيش أن ستة جنود ليبيين قتلوا وأصيب تسعة آخرون.",
        &[(6, K::Killed, B::Any, G::Military, "LBY"), (9, K::Injured, B::Any, G::Military, "LBY")],
    );
}

#[test]
fn missing_and_captured() {
    check(
        "أعلنت الوزارة فقدان 24 جنديا وأسر 13 أثناء المعارك.",
        &[(24, K::Missing, B::Any, G::Military, "*"), (13, K::Captured, B::Any, G::Military, "*")],
    );
    check("ولا يزال 60 شخصا في عداد المفقودين.", &[(60, K::Missing, B::Any, G::Unspecified, "-")]);
    check("تحتجز الحركة 120 رهينة.", &[(120, K::Captured, B::Any, G::Unspecified, "-")]);
}

#[test]
fn displacement() {
    check(
        "أُجبر 800 ألف شخص على النزوح من منازلهم.",
        &[(800_000, K::Displaced, B::Any, G::Civilian, "-")],
    );
    check("بلغ عدد النازحين 3 ملايين.", &[(3_000_000, K::Displaced, B::Any, G::Civilian, "-")]);
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
        &[(300, K::Killed, B::Any, G::Military, "PSE")],
    );
    check(
        "أسفرت الغارة عن مقتل 12 عنصرا من قوات الدعم السريع.",
        &[(12, K::Killed, B::Any, G::Military, "SDN")],
    );
}

#[test]
fn a_claimant_that_did_the_killing_does_not_count_its_own() {
    check(
        "قال الجيش الإسرائيلي إنه قتل نحو 200 مسلح في المعارك.",
        &[(200, K::Killed, B::Any, G::Military, "-")],
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
        &[(3000, K::Displaced, B::Any, G::Civilian, "*")],
    );
    check("وأجلي 450 مدنيا من المدينة المحاصرة.", &[(450, K::Displaced, B::Any, G::Civilian, "*")]);
}

#[test]
fn a_nationality_counts_people_and_gives_their_side() {
    check("وقتل 15 فلسطينيا في القصف.", &[(15, K::Killed, B::Any, G::Unspecified, "PSE")]);
    check("وأصيب ثلاثة إسرائيليين بجروح.", &[(3, K::Injured, B::Any, G::Unspecified, "ISR")]);
    check(
        "واعتقلت القوات الإسرائيلية 20 فلسطينيا خلال مداهمات.",
        &[(20, K::Captured, B::Any, G::Unspecified, "PSE")],
    );
    check("وانتشلت فرق الإنقاذ جثامين 16 سوريا.", &[(16, K::Killed, B::Any, G::Unspecified, "SYR")]);
    // A nationality with no casualty expression is no figure.
    check("وزار 30 سوريا المعرض.", &[]);
}

#[test]
fn more_people_nouns() {
    check("وقتل 21 شابا برصاص قناصة.", &[(21, K::Killed, B::Any, G::Unspecified, "-")]);
    check("وأصيب 40 متظاهرا.", &[(40, K::Injured, B::Any, G::Civilian, "-")]);
    check("وقتل 60 مهاجرا قرب السواحل الليبية.", &[(60, K::Killed, B::Any, G::Civilian, "*")]);
}

// ----- The news of many conflicts: phrasings, bounds, groups and sides. Each figure is
// checked for count, kind, bound, group and side.

#[test]
fn deaths_told_by_verbs_nouns_and_idioms() {
    cases(&[
        (
            "لقي 12 شخصا مصرعهم في غارة على سوق في نيالا.",
            &[(12, K::Killed, B::Exact, G::Unspecified, "SDN")],
        ),
        (
            "ولقي ثلاثة جنود حتفهم في انفجار عبوة ناسفة قرب غاو.",
            &[(3, K::Killed, B::Exact, G::Military, "MLI")],
        ),
        ("قضى 15 مهاجرا غرقا قبالة سواحل ليبيا.", &[(15, K::Killed, B::Exact, G::Civilian, "LBY")]),
        (
            "وقضى سبعة أطفال حرقا في قصف على مخيم شمال إدلب.",
            &[(7, K::Killed, B::Exact, G::Civilian, "SYR")],
        ),
        (
            "وأعلن الجيش الصومالي مصرع 4 جنود في كمين قرب بيدوا.",
            &[(4, K::Killed, B::Exact, G::Military, "SOM")],
        ),
        (
            "وفارق 6 مصابين الحياة في مستشفى بمدينة تعز.",
            &[(6, K::Killed, B::Exact, G::Unspecified, "YEM")],
        ),
        (
            "وأودت الاشتباكات في جوبا بحياة 22 شخصا.",
            &[(22, K::Killed, B::Exact, G::Unspecified, "SSD")],
        ),
        (
            "وحصدت الغارات أرواح 40 مدنيا في ريف حلب.",
            &[(40, K::Killed, B::Exact, G::Civilian, "SYR")],
        ),
        (
            "وأعدم المسلحون 9 رهائن في شمال بوركينا فاسو.",
            &[(9, K::Killed, B::Exact, G::Unspecified, "BFA")],
        ),
        (
            "وأعلن الجيش المالي تحييد 25 إرهابيا في منطقة موبتي.",
            &[(25, K::Killed, B::Exact, G::Military, "MLI")],
        ),
        (
            "وحيدت القوات النيجيرية 18 مسلحا في ولاية بورنو.",
            &[(18, K::Killed, B::Exact, G::Military, "NGA")],
        ),
        (
            "وغرق 30 مهاجرا إثر انقلاب قارب قبالة سواحل اليمن.",
            &[(30, K::Killed, B::Exact, G::Civilian, "*")],
        ),
        (
            "واستشهد 14 فلسطينيا في قصف على خان يونس.",
            &[(14, K::Killed, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وسقط 9 شهداء في غارة على بلدة بنت جبيل.",
            &[(9, K::Killed, B::Exact, G::Unspecified, "LBN")],
        ),
        (
            "وخلف القصف الروسي على خاركيف 11 قتيلا.",
            &[(11, K::Killed, B::Exact, G::Unspecified, "UKR")],
        ),
        (
            "وانتشلت فرق الدفاع المدني 17 جثة من تحت الأنقاض في درنة.",
            &[(17, K::Killed, B::Exact, G::Unspecified, "LBY")],
        ),
        ("وأردى قناص 3 متظاهرين في بغداد.", &[(3, K::Killed, B::Exact, G::Civilian, "IRQ")]),
        ("وذبح المسلحون 11 قرويا في إقليم إيتوري.", &[]),
        (
            "وارتفع عدد القتلى جراء الفيضانات في شرق ليبيا إلى 3800.",
            &[(3800, K::Killed, B::Exact, G::Unspecified, "LBY")],
        ),
        (
            "وقتلت المسيرة 5 مدنيين في بلدة بشمال دارفور.",
            &[(5, K::Killed, B::Exact, G::Civilian, "SDN")],
        ),
    ]);
}

#[test]
fn injuries() {
    cases(&[
        (
            "وأصيب 18 بجروح في انفجار سيارة مفخخة في مقديشو.",
            &[(18, K::Injured, B::Exact, G::Unspecified, "SOM")],
        ),
        (
            "وأصابت الشظايا 27 شخصا في مدينة دونيتسك.",
            &[(27, K::Injured, B::Exact, G::Unspecified, "UKR")],
        ),
        (
            "وجرح 12 جنديا باكستانيا في هجوم بإقليم بلوشستان.",
            &[(12, K::Injured, B::Exact, G::Military, "PAK")],
        ),
        (
            "وخلف الهجوم 45 جريحا في أحياء كابل.",
            &[(45, K::Injured, B::Exact, G::Unspecified, "AFG")],
        ),
        (
            "ونقل 23 مصابا إلى مستشفيات مدينة جنين.",
            &[(23, K::Injured, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وأسفرت الغارة عن إصابة 60 مدنيا في رفح.",
            &[(60, K::Injured, B::Exact, G::Civilian, "PSE")],
        ),
        ("وأصيب جندي أوكراني في قصف مدفعي.", &[(1, K::Injured, B::Exact, G::Military, "UKR")]),
        (
            "وأصيب ثلاثة صحفيين بجراح في جنوب لبنان.",
            &[(3, K::Injured, B::Exact, G::Civilian, "LBN")],
        ),
        (
            "وأصيب شرطيان في هجوم على دورية شمال كوسوفو.",
            &[(2, K::Injured, B::Exact, G::Military, "XKX")],
        ),
        ("وبلغ عدد الجرحى في الحديدة 130.", &[(130, K::Injured, B::Exact, G::Unspecified, "YEM")]),
    ]);
}

#[test]
fn disappearances() {
    cases(&[
        (
            "وفقد 50 مهاجرا في غرق قارب قبالة الحسيمة.",
            &[(50, K::Missing, B::Exact, G::Civilian, "*")],
        ),
        (
            "ولا يزال 24 صيادا في عداد المفقودين بعد العاصفة.",
            &[(24, K::Missing, B::Exact, G::Civilian, "-")],
        ),
        (
            "وأعلنت السلطات فقدان 13 جنديا في معارك باخموت.",
            &[(13, K::Missing, B::Exact, G::Military, "UKR")],
        ),
        (
            "واختفى 8 ناشطين في الخرطوم خلال الشهر الماضي.",
            &[(8, K::Missing, B::Exact, G::Civilian, "SDN")],
        ),
        (
            "وقالت الصليب الأحمر إن عدد المفقودين في دارفور بلغ 3000.",
            &[(3000, K::Missing, B::Exact, G::Unspecified, "SDN")],
        ),
    ]);
}

#[test]
fn capture_detention_and_abduction() {
    cases(&[
        (
            "احتجزوا ما لا يقل عن 11 موظفاً من الأمم المتحدة في صنعاء.",
            &[(11, K::Captured, B::AtLeast, G::Civilian, "YEM")],
        ),
        (
            "ولا يزال 23 موظفا رهن الاحتجاز لدى الحوثيين.",
            &[(23, K::Captured, B::Exact, G::Civilian, "*")],
        ),
        (
            "خطف مسلحون 30 طالبا من مدرسة في ولاية كادونا.",
            &[(30, K::Captured, B::Exact, G::Civilian, "NGA")],
        ),
        (
            "واختطف مسلحون 40 تلميذة من مدرسة في كاتسينا.",
            &[(40, K::Captured, B::Exact, G::Civilian, "NGA")],
        ),
        (
            "واعتقلت القوات الإسرائيلية 25 فلسطينيا في الضفة الغربية.",
            &[(25, K::Captured, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وأسرت القوات الأوكرانية 12 جنديا روسيا قرب باخموت.",
            &[(12, K::Captured, B::Exact, G::Military, "RUS")],
        ),
        (
            "وتحتجز حركة الشباب 6 رهائن كينيين.",
            &[(6, K::Captured, B::Exact, G::Unspecified, "KEN")],
        ),
        (
            "وأعلنت الشرطة توقيف 31 مشتبها به في باماكو.",
            &[(31, K::Captured, B::Exact, G::Unspecified, "MLI")],
        ),
        (
            "وألقت قوات الأمن القبض على 14 شخصا في كراتشي.",
            &[(14, K::Captured, B::Exact, G::Unspecified, "PAK")],
        ),
        ("واعتقل جنود ميانمار 9 رهبان في ماندالاي.", &[]),
    ]);
}

#[test]
fn releases_and_exchanges() {
    cases(&[
        (
            "وأعلنت البعثة إطلاق سراح أربعة من موظفي البعثة في جوبا.",
            &[(4, K::Captured, B::Exact, G::Civilian, "SSD")],
        ),
        (
            "وأفرجت السلطات عن 120 معتقلا في صنعاء.",
            &[(120, K::Captured, B::Exact, G::Unspecified, "YEM")],
        ),
        (
            "وأطلقت حماس سراح 33 رهينة في إطار الاتفاق.",
            &[(33, K::Captured, B::Exact, G::Unspecified, "*")],
        ),
        (
            "وحررت قوات الأمن 104 ركاب من القطار في بلوشستان.",
            &[(104, K::Captured, B::Exact, G::Civilian, "PAK")],
        ),
        (
            "وتبادلت روسيا وأوكرانيا الأسرى بواقع 1000 مقابل 1000.",
            &[(1000, K::Captured, B::Exact, G::Unspecified, "-")],
        ),
        (
            "وعاد 205 جنود في صفقة تبادل مع موسكو.",
            &[(205, K::Captured, B::Exact, G::Military, "*")],
        ),
        ("وتبادل الطرفان 90 أسيرا في عدن.", &[(90, K::Captured, B::Exact, G::Unspecified, "YEM")]),
        (
            "وتم تحرير 16 تلميذا من الخاطفين في ولاية سوكوتو.",
            &[(16, K::Captured, B::Exact, G::Civilian, "NGA")],
        ),
    ]);
}

#[test]
fn displacement_and_refugees() {
    cases(&[
        (
            "ونزح 50 ألف شخص من ولاية الجزيرة.",
            &[(50_000, K::Displaced, B::Exact, G::Civilian, "SDN")],
        ),
        (
            "وفر 12 ألفا من سكان القرى الحدودية في جنوب لبنان.",
            &[(12_000, K::Displaced, B::Exact, G::Civilian, "LBN")],
        ),
        (
            "وشرد القتال نحو 300 ألف شخص في إقليم أمهرة.",
            &[(300_000, K::Displaced, B::About, G::Civilian, "ETH")],
        ),
        (
            "ووصل 9 آلاف لاجئ سوداني إلى شرق تشاد.",
            &[(9000, K::Displaced, B::Exact, G::Civilian, "SDN")],
        ),
        (
            "وعبر أكثر من 10 آلاف شخص الحدود إلى إثيوبيا.",
            &[(10_000, K::Displaced, B::AtLeast, G::Civilian, "*")],
        ),
        (
            "وأجبرت المعارك 80 ألفا على النزوح من ولاية راخين.",
            &[(80_000, K::Displaced, B::Exact, G::Civilian, "MMR")],
        ),
        (
            "وبلغ عدد النازحين في هايتي 700 ألف.",
            &[(700_000, K::Displaced, B::Exact, G::Civilian, "HTI")],
        ),
        (
            "وسجلت المفوضية وصول 5 آلاف لاجئ من الكونغو إلى أوغندا.",
            &[(5000, K::Displaced, B::Exact, G::Civilian, "COD")],
        ),
        (
            "وأجلت السلطات 2000 شخص من بلدات قرب الحدود مع غزة.",
            &[(2000, K::Displaced, B::Exact, G::Civilian, "*")],
        ),
        (
            "وفر نحو 3 آلاف جندي من الجيش الحكومي إلى بنغلاديش.",
            &[(3000, K::Displaced, B::About, G::Military, "*")],
        ),
    ]);
}

#[test]
fn side_from_nationality() {
    cases(&[
        (
            "وقتل 7 جنود أمريكيين في هجوم بطائرة مسيرة في الأردن.",
            &[(7, K::Killed, B::Exact, G::Military, "USA")],
        ),
        (
            "وأصيب 4 سياح ألمان في هجوم بمدينة الأقصر.",
            &[(4, K::Injured, B::Exact, G::Civilian, "DEU")],
        ),
        (
            "واعتقلت السلطات الإيرانية 3 مواطنين فرنسيين.",
            &[(3, K::Captured, B::Exact, G::Civilian, "FRA")],
        ),
        (
            "وقتل 15 سوريا في غارة على ريف دمشق.",
            &[(15, K::Killed, B::Exact, G::Unspecified, "SYR")],
        ),
        (
            "وقتل 3 أتراك في هجوم على قاعدة في شمال العراق.",
            &[(3, K::Killed, B::Exact, G::Unspecified, "TUR")],
        ),
        (
            "وأصيب جنديان إسرائيليان في اشتباك قرب جنين.",
            &[(2, K::Injured, B::Exact, G::Military, "ISR")],
        ),
        (
            "وقتل جندي هندي في تبادل لإطلاق النار في كشمير.",
            &[(1, K::Killed, B::Exact, G::Military, "IND")],
        ),
        ("وأسر 20 جنديا أرمنيا خلال المعارك.", &[(20, K::Captured, B::Exact, G::Military, "ARM")]),
        ("وقتل 5 عمال صينيين في هجوم في بيشاور.", &[(5, K::Killed, B::Exact, G::Civilian, "CHN")]),
        (
            "وأعلنت أوغندا مقتل 54 جنديا أوغنديا في الصومال.",
            &[(54, K::Killed, B::Exact, G::Military, "UGA")],
        ),
    ]);
}

#[test]
fn side_from_membership() {
    cases(&[
        (
            "وأعلن حزب الله مقتل 6 من عناصره في غارة إسرائيلية.",
            &[(6, K::Killed, B::Exact, G::Military, "LBN")],
        ),
        (
            "وقال الجيش الباكستاني إن سبعة من جنوده قتلوا في وزيرستان.",
            &[(7, K::Killed, B::Exact, G::Military, "PAK")],
        ),
        (
            "وقتل 12 عنصرا من قوات الدعم السريع في اشتباكات.",
            &[(12, K::Killed, B::Exact, G::Military, "SDN")],
        ),
        (
            "وقتل 30 مقاتلا من حركة الشباب في غارة أمريكية.",
            &[(30, K::Killed, B::Exact, G::Military, "SOM")],
        ),
        (
            "وقتل 8 من عناصر الجيش العراقي في هجوم لتنظيم الدولة.",
            &[(8, K::Killed, B::Exact, G::Military, "IRQ")],
        ),
        (
            "وقال الحوثيون إن 11 من مقاتليهم قتلوا في مأرب.",
            &[(11, K::Killed, B::Exact, G::Military, "YEM")],
        ),
        ("وأقرت حماس بمقتل 4 من مقاتليها في رفح.", &[(4, K::Killed, B::Exact, G::Military, "PSE")]),
        ("وسقط 26 قتيلا في صفوف الجيش السوداني.", &[(26, K::Killed, B::Exact, G::Military, "SDN")]),
        ("وقتل 200 شخص في الجانب الأرمني.", &[(200, K::Killed, B::Exact, G::Unspecified, "ARM")]),
        (
            "وأعلنت حركة إم 23 مقتل 9 من مقاتليها قرب غوما.",
            &[(9, K::Killed, B::Exact, G::Military, "COD")],
        ),
        (
            "وقال الجيش الروسي إن 14 من أفراده أصيبوا في الهجوم.",
            &[(14, K::Injured, B::Exact, G::Military, "RUS")],
        ),
        (
            "وأعلنت القوات المسلحة الأذربيجانية مقتل ثلاثة من عسكرييها.",
            &[(3, K::Killed, B::Exact, G::Military, "AZE")],
        ),
    ]);
}

#[test]
fn side_from_the_target_of_the_attack() {
    cases(&[
        (
            "قتل 30 شخصا في هجوم للدعم السريع على مخيم في الفاشر.",
            &[(30, K::Killed, B::Exact, G::Unspecified, "SDN")],
        ),
        (
            "وقتل 8 أشخاص في غارات جوية باكستانية على ولاية خوست.",
            &[(8, K::Killed, B::Exact, G::Unspecified, "AFG")],
        ),
        (
            "وأسفرت غارة إسرائيلية على بلدة في جنوب لبنان عن مقتل 5 أشخاص.",
            &[(5, K::Killed, B::Exact, G::Unspecified, "LBN")],
        ),
        ("وقتل 4 مدنيين في قصف روسي على أوديسا.", &[(4, K::Killed, B::Exact, G::Civilian, "UKR")]),
        (
            "وقتل 3 أشخاص في هجوم بمسيرة أوكرانية على بيلغورود.",
            &[(3, K::Killed, B::Exact, G::Unspecified, "RUS")],
        ),
        (
            "وأصيب 10 في هجوم صاروخي إيراني على حيفا.",
            &[(10, K::Injured, B::Exact, G::Unspecified, "ISR")],
        ),
        (
            "وقتل 7 مدنيين في ضربة بطائرة مسيرة على سوق في إقليم أمهرة.",
            &[(7, K::Killed, B::Exact, G::Civilian, "ETH")],
        ),
        (
            "وقتل 11 شخصا في استهداف حافلة في ولاية بلوشستان.",
            &[(11, K::Killed, B::Exact, G::Unspecified, "PAK")],
        ),
    ]);
}

#[test]
fn side_from_the_place_where_people_were_hit() {
    cases(&[
        ("وقتل 9 أشخاص في انفجار بمقديشو.", &[(9, K::Killed, B::Exact, G::Unspecified, "SOM")]),
        ("وقتل 12 مدنيا في ريف إدلب الجنوبي.", &[(12, K::Killed, B::Exact, G::Civilian, "SYR")]),
        ("وأصيب 20 شخصا في مدينة ميكيلي.", &[(20, K::Injured, B::Exact, G::Unspecified, "ETH")]),
        (
            "وقتل 6 أشخاص في هجوم على قرية بولاية بورنو.",
            &[(6, K::Killed, B::Exact, G::Unspecified, "NGA")],
        ),
        (
            "ونزح 4 آلاف شخص في إقليم كابو ديلغادو.",
            &[(4000, K::Displaced, B::Exact, G::Civilian, "MOZ")],
        ),
        (
            "وقتل 13 شخصا في أعمال عنف في هايتي.",
            &[(13, K::Killed, B::Exact, G::Unspecified, "HTI")],
        ),
        ("وقتل 5 مدنيين قرب تمبكتو.", &[(5, K::Killed, B::Exact, G::Civilian, "MLI")]),
        (
            "وأصيب 15 طفلا في قصف على مدرسة في كييف.",
            &[(15, K::Injured, B::Exact, G::Civilian, "UKR")],
        ),
        // Places of several countries give no side.
        (
            "وقتل أكثر من 400 جندي في مالي وبوركينا فاسو والنيجر منذ مايو.",
            &[(400, K::Killed, B::AtLeast, G::Military, "-")],
        ),
        (
            "وقتل 30 ألف شخص في الحرب بين أرمينيا وأذربيجان.",
            &[(30_000, K::Killed, B::Exact, G::Unspecified, "-")],
        ),
        // A capital speaking is no place: "باكو" says, Armenians died.
        ("وقالت باكو إن 50 جنديا أرمينيا قتلوا.", &[(50, K::Killed, B::Exact, G::Military, "ARM")]),
    ]);
}

#[test]
fn side_from_the_paragraph_and_the_headline() {
    cases(&[
        (
            "غارات جوية في مدينة حلب\n\nقتل 8 مدنيين في غارات ليلية. وأصيب 20 آخرون.",
            &[
                (8, K::Killed, B::Exact, G::Civilian, "SYR"),
                (20, K::Injured, B::Exact, G::Civilian, "SYR"),
            ],
        ),
        (
            "مقتل المئات في هجمات العصابات في هايتي\n\nوقال مكتب الأمم المتحدة إن 1200 شخص قتلوا خلال ثلاثة أشهر.",
            &[(1200, K::Killed, B::Exact, G::Unspecified, "HTI")],
        ),
        (
            "اشتبكت القوات مع مسلحين في ولاية زمفارا النيجيرية. وقتل 15 شخصا في المعارك.",
            &[(15, K::Killed, B::Exact, G::Unspecified, "*")],
        ),
    ]);
}

#[test]
fn side_of_a_claimant_s_own() {
    cases(&[
        (
            "وأعلنت وزارة الدفاع الأوكرانية مقتل 3 جنود.",
            &[(3, K::Killed, B::Exact, G::Military, "UKR")],
        ),
        (
            "وقالت وزارة الصحة اللبنانية إن 12 مدنيا قتلوا.",
            &[(12, K::Killed, B::Exact, G::Civilian, "LBN")],
        ),
        ("وأعلن الجيش الإثيوبي أنه قتل 300 مسلح.", &[(300, K::Killed, B::Exact, G::Military, "-")]),
        (
            "وقال الجيش الإسرائيلي إنه قتل 20 مسلحا في غزة.",
            &[(20, K::Killed, B::Exact, G::Military, "PSE")],
        ),
        (
            "وأعلن الجيش التشادي مقتل جنديين وإصابة آخر.",
            &[
                (2, K::Killed, B::Exact, G::Military, "TCD"),
                (1, K::Injured, B::Exact, G::Military, "TCD"),
            ],
        ),
    ]);
}

#[test]
fn others_subgroups_and_breakdowns() {
    cases(&[
        (
            "قتل 30 شخصا في الغارة على المخيم في رفح بينهم 12 طفلا.",
            &[
                (30, K::Killed, B::Exact, G::Unspecified, "PSE"),
                (12, K::Killed, B::Exact, G::Civilian, "PSE"),
            ],
        ),
        (
            "أسفر القصف عن إصابة 12 مدنيا توفي 5 منهم لاحقا في المستشفى.",
            &[
                (12, K::Injured, B::Exact, G::Civilian, "-"),
                (5, K::Killed, B::Exact, G::Civilian, "-"),
            ],
        ),
        (
            "وقتل 9 أشخاص في أوديسا، بينهم 4 أطفال.",
            &[
                (9, K::Killed, B::Exact, G::Unspecified, "UKR"),
                (4, K::Killed, B::Exact, G::Civilian, "UKR"),
            ],
        ),
        (
            "وقتل 40 شخصا في مايدوغوري، وأصيب 60 آخرون.",
            &[
                (40, K::Killed, B::Exact, G::Unspecified, "NGA"),
                (60, K::Injured, B::Exact, G::Unspecified, "NGA"),
            ],
        ),
        (
            "وقتل 25 شخصا في تفجير بكابل، من بينهم 9 نساء.",
            &[
                (25, K::Killed, B::Exact, G::Unspecified, "AFG"),
                (9, K::Killed, B::Exact, G::Civilian, "AFG"),
            ],
        ),
        (
            "وأعلن الجيش الباكستاني مقتل 23 من جنوده وإصابة 29.",
            &[
                (23, K::Killed, B::Exact, G::Military, "PAK"),
                (29, K::Injured, B::Exact, G::Military, "PAK"),
            ],
        ),
        (
            "وحررت القوات 137 رهينة، هم 76 امرأة و61 رجلا.",
            &[
                (137, K::Captured, B::Exact, G::Unspecified, "*"),
                (76, K::Captured, B::Exact, G::Civilian, "*"),
                (61, K::Captured, B::Exact, G::Civilian, "*"),
            ],
        ),
        (
            "ونزح 50 ألف شخص في مقاطعة الناصر و34 ألفا في مقاطعة مجاورة.",
            &[
                (50_000, K::Displaced, B::Exact, G::Civilian, "*"),
                (34_000, K::Displaced, B::Exact, G::Civilian, "*"),
            ],
        ),
        (
            "وقتل 10 من عناصر البيشمركة و3 مدنيين في هجوم على قرية بمحافظة كركوك.",
            &[
                (10, K::Killed, B::Exact, G::Military, "IRQ"),
                (3, K::Killed, B::Exact, G::Civilian, "IRQ"),
            ],
        ),
    ]);
}

#[test]
fn bounds_on_either_side_of_the_noun() {
    cases(&[
        (
            "قتل 30 شخصاً على الأقل في هجوم على بلدة في ولاية بورنو.",
            &[(30, K::Killed, B::AtLeast, G::Unspecified, "NGA")],
        ),
        (
            "وقتل أكثر من 100 شخص في المعارك في الخرطوم.",
            &[(100, K::Killed, B::AtLeast, G::Unspecified, "SDN")],
        ),
        (
            "وأصيب نحو 200 شخص في الاحتجاجات في نيروبي.",
            &[(200, K::Injured, B::About, G::Unspecified, "KEN")],
        ),
        (
            "ونزح قرابة 20 ألف شخص من بلدات في كردفان.",
            &[(20_000, K::Displaced, B::About, G::Civilian, "SDN")],
        ),
        (
            "وقتل ما يزيد على 60 جنديا في الهجوم على القاعدة.",
            &[(60, K::Killed, B::AtLeast, G::Military, "-")],
        ),
        (
            "وقتل أقل من 10 أشخاص في الانفجار بحسب الشرطة.",
            &[(10, K::Killed, B::AtMost, G::Unspecified, "*")],
        ),
        ("وأصيب 40 شخصا تقريبا في الزحام.", &[(40, K::Injured, B::About, G::Unspecified, "-")]),
        (
            "وقتل 12 مدنيا على الأقل في بلدة في إقليم أمهرة.",
            &[(12, K::Killed, B::AtLeast, G::Civilian, "ETH")],
        ),
        (
            "واعتقل ما لا يقل عن 70 متظاهرا في طهران.",
            &[(70, K::Captured, B::AtLeast, G::Civilian, "IRN")],
        ),
    ]);
}

#[test]
fn ones_and_twos_without_a_number() {
    cases(&[
        ("وقتل جندي إسرائيلي في جنوب غزة.", &[(1, K::Killed, B::Exact, G::Military, "ISR")]),
        (
            "وتوفي معتقل أثناء احتجازه في أحد سجون القاهرة.",
            &[(1, K::Killed, B::Exact, G::Unspecified, "EGY")],
        ),
        ("وقتل انتحاري قُتل في الهجوم.", &[(1, K::Killed, B::Exact, G::Military, "-")]),
        ("وقُتل شرطي كيني في كمين في هايتي.", &[(1, K::Killed, B::Exact, G::Military, "KEN")]),
        ("وأصيب مدني واحد في القصف على النبطية.", &[(1, K::Injured, B::Exact, G::Civilian, "LBN")]),
        ("واستشهد طفل برصاص الاحتلال في نابلس.", &[(1, K::Killed, B::Exact, G::Civilian, "PSE")]),
        ("وقتل جنديان ماليان في كمين قرب موبتي.", &[(2, K::Killed, B::Exact, G::Military, "MLI")]),
        (
            "وأدى الهجوم إلى مقتل أحد أفراد الطاقم وإصابة اثنين آخرين.",
            &[
                (1, K::Killed, B::Exact, G::Unspecified, "-"),
                (2, K::Injured, B::Exact, G::Unspecified, "-"),
            ],
        ),
        ("وأصيب طفلان في انفجار لغم في ريف درعا.", &[(2, K::Injured, B::Exact, G::Civilian, "SYR")]),
    ]);
}

#[test]
fn not_figures() {
    cases(&[
        // Households and families.
        ("ونزحت 300 أسرة من القرى الحدودية.", &[]),
        ("وتضررت 1471 عائلة من الفيضانات.", &[]),
        // Population totals.
        ("ويبلغ عدد سكان المدينة 500 ألف نسمة.", &[]),
        // Escaped prisoners and wanted lists.
        ("وفر أكثر من 500 سجين من سجن في هايتي.", &[]),
        ("وأعدت السلطات قائمة تضم 300 مطلوب.", &[]),
        // Fighters who disarm.
        ("وسلم 200 مقاتل أسلحتهم للجيش.", &[]),
        // Vague amounts.
        ("وقتل العشرات في الغارات على غزة.", &[]),
        ("وأصيب المئات في الاحتجاجات.", &[]),
        ("ونزح مئات الآلاف من السودان.", &[]),
        // Weapons, money, ages, shares, sites.
        ("وأطلقت روسيا 40 صاروخا على كييف.", &[]),
        ("وقدمت ألمانيا مساعدات بقيمة 20 مليون يورو.", &[]),
        ("وقتل الشاب البالغ 17 عاما برصاص قناص.", &[(1, K::Killed, B::Exact, G::Unspecified, "-")]),
        ("وارتفعت نسبة الفقر إلى 60 في المئة.", &[]),
        ("وسيطرت القوات على 24 موقعا عسكريا.", &[]),
        ("وقصفت الطائرات 12 قرية في دارفور.", &[]),
        // Numbers that are dates or names.
        ("وقتل جنود في 7 أكتوبر على الحدود.", &[]),
    ]);
}

#[test]
fn more_conflicts_deaths_and_injuries() {
    cases(&[
        // Colombia
        (
            "وقتل 4 جنود كولومبيين في هجوم بمسيرة في إقليم كاوكا.",
            &[(4, K::Killed, B::Exact, G::Military, "COL")],
        ),
        (
            "وأصيب 7 من عناصر الشرطة في انفجار في مدينة كالي.",
            &[(7, K::Injured, B::Exact, G::Military, "COL")],
        ),
        // Myanmar
        (
            "وقتل 17 مدنيا في غارة جوية على قرية في ولاية راخين.",
            &[(17, K::Killed, B::Exact, G::Civilian, "MMR")],
        ),
        (
            "وأصيب 20 شخصا في قصف مدفعي على بلدة في ولاية شان.",
            &[(20, K::Injured, B::Exact, G::Unspecified, "MMR")],
        ),
        // Central African Republic
        (
            "وقتل 12 مدنيا في هجوم لمسلحين على قرية في جمهورية أفريقيا الوسطى.",
            &[(12, K::Killed, B::Exact, G::Civilian, "CAF")],
        ),
        // Cameroon
        (
            "وقتل 6 جنود في كمين نصبه انفصاليون في الكاميرون.",
            &[(6, K::Killed, B::Exact, G::Military, "CMR")],
        ),
        // Niger
        (
            "وقتل 29 جنديا نيجريا في هجوم قرب الحدود مع مالي.",
            &[(29, K::Killed, B::Exact, G::Military, "NER")],
        ),
        // Burkina Faso
        (
            "وقتل ما لا يقل عن 50 مدنيا في هجوم على قرية في شمال بوركينا فاسو.",
            &[(50, K::Killed, B::AtLeast, G::Civilian, "BFA")],
        ),
        // Mozambique
        (
            "وقتل 11 شخصا في هجوم لمسلحين على قرية في إقليم كابو ديلغادو.",
            &[(11, K::Killed, B::Exact, G::Unspecified, "MOZ")],
        ),
        // Iraq
        (
            "وقتل 3 من عناصر الحشد الشعبي في هجوم بمحافظة ديالى.",
            &[(3, K::Killed, B::Exact, G::Military, "IRQ")],
        ),
        (
            "وأصيب 5 جنود عراقيين في انفجار عبوة ناسفة.",
            &[(5, K::Injured, B::Exact, G::Military, "IRQ")],
        ),
        // Kashmir
        (
            "وقتل 26 سائحا في هجوم على منتجع في كشمير.",
            &[(26, K::Killed, B::Exact, G::Civilian, "*")],
        ),
        (
            "وقتل 5 جنود هنود في تبادل لإطلاق النار على خط المراقبة.",
            &[(5, K::Killed, B::Exact, G::Military, "IND")],
        ),
        // Western Sahara
        ("وقتل 4 مدنيين في قصف بمسيرة قرب المحبس.", &[(4, K::Killed, B::Exact, G::Civilian, "*")]),
        // Kosovo
        (
            "وقتل شرطي كوسوفي في هجوم على دورية في شمال كوسوفو.",
            &[(1, K::Killed, B::Exact, G::Military, "XKX")],
        ),
        // Armenia and Azerbaijan
        (
            "وقتل 4 جنود أذربيجانيين في اشتباكات على الحدود.",
            &[(4, K::Killed, B::Exact, G::Military, "AZE")],
        ),
        ("وأصيب مدنيان في قصف على قرية أرمينية.", &[(2, K::Injured, B::Exact, G::Civilian, "*")]),
        // Ethiopia
        (
            "وقتل 45 شخصا في غارة بمسيرة على سوق في إقليم أمهرة.",
            &[(45, K::Killed, B::Exact, G::Unspecified, "ETH")],
        ),
        ("وقتل 3 عمال إغاثة في تيغراي.", &[(3, K::Killed, B::Exact, G::Civilian, "ETH")]),
        // Democratic Republic of the Congo
        (
            "وقتل 40 شخصا في هجوم لمتمردي القوات الديمقراطية المتحالفة على قرية قرب مدينة بيني.",
            &[(40, K::Killed, B::Exact, G::Unspecified, "COD")],
        ),
        (
            "وقتل 13 من جنود حفظ السلام في معارك قرب غوما.",
            &[(13, K::Killed, B::Exact, G::Military, "*")],
        ),
        // South Sudan
        (
            "وقتل 27 جنديا في هجوم على قاعدة في الناصر بجنوب السودان.",
            &[(27, K::Killed, B::Exact, G::Military, "SSD")],
        ),
        // Libya
        (
            "وقتل 9 أشخاص في اشتباكات بين مجموعات مسلحة في طرابلس الليبية.",
            &[(9, K::Killed, B::Exact, G::Unspecified, "LBY")],
        ),
        // Yemen and the Red Sea
        (
            "وقتل 3 بحارة في هجوم حوثي على سفينة تجارية في خليج عدن.",
            &[(3, K::Killed, B::Exact, G::Civilian, "*")],
        ),
        (
            "وقتل 80 شخصا في غارات أمريكية على ميناء رأس عيسى.",
            &[(80, K::Killed, B::Exact, G::Unspecified, "*")],
        ),
        // Gaza and the West Bank
        (
            "واستشهد 22 فلسطينيا في غارات على مدينة غزة.",
            &[(22, K::Killed, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وأصيب 4 فلسطينيين برصاص المستوطنين في قرية قرب نابلس.",
            &[(4, K::Injured, B::Exact, G::Unspecified, "PSE")],
        ),
        // Israel
        (
            "وأصيب 16 إسرائيليا في سقوط صاروخ على تل أبيب.",
            &[(16, K::Injured, B::Exact, G::Unspecified, "ISR")],
        ),
        // Iran
        (
            "وقتل 9 من عناصر الحرس الثوري في هجوم في سيستان وبلوشستان.",
            &[(9, K::Killed, B::Exact, G::Military, "IRN")],
        ),
        // Syria
        (
            "وقتل 7 من عناصر الجيش السوري في هجوم في البادية.",
            &[(7, K::Killed, B::Exact, G::Military, "SYR")],
        ),
        // Russia and Ukraine
        (
            "وقتل 5 مدنيين في قصف أوكراني على مدينة دونيتسك.",
            &[(5, K::Killed, B::Exact, G::Civilian, "UKR")],
        ),
        (
            "وأسقطت الدفاعات 20 مسيرة وأصيب 3 أشخاص في كورسك.",
            &[(3, K::Injured, B::Exact, G::Unspecified, "RUS")],
        ),
        // Afghanistan and Pakistan
        (
            "وقتل 10 من عناصر الشرطة الباكستانية في هجوم في خيبر بختونخوا.",
            &[(10, K::Killed, B::Exact, G::Military, "PAK")],
        ),
        (
            "وقتل 6 أطفال في قصف على ولاية كونار الأفغانية.",
            &[(6, K::Killed, B::Exact, G::Civilian, "AFG")],
        ),
        // Somalia
        (
            "وقتل 8 جنود صوماليين في تفجير انتحاري قرب مقديشو.",
            &[(8, K::Killed, B::Exact, G::Military, "SOM")],
        ),
        // Nigeria
        (
            "وقتل 16 مصليا في هجوم على مسجد في ولاية زمفارا.",
            &[(16, K::Killed, B::Exact, G::Civilian, "*")],
        ),
        // Chad
        (
            "وقتل جنديان تشاديان في هجوم لبوكو حرام على جزيرة في بحيرة تشاد.",
            &[(2, K::Killed, B::Exact, G::Military, "TCD")],
        ),
        // Haiti
        (
            "وقتل 28 شخصا في هجوم للعصابات على حي في العاصمة الهايتية.",
            &[(28, K::Killed, B::Exact, G::Unspecified, "HTI")],
        ),
        // Sudan
        (
            "وقتل 13 من عناصر الجيش السوداني في معارك في كردفان.",
            &[(13, K::Killed, B::Exact, G::Military, "SDN")],
        ),
        (
            "وأصيب 200 شخص في قصف على مستشفى في الفاشر.",
            &[(200, K::Injured, B::Exact, G::Unspecified, "SDN")],
        ),
    ]);
}

#[test]
fn more_conflicts_captives_missing_and_displaced() {
    cases(&[
        (
            "واختطف مسلحون 15 عاملا صينيا في ولاية النيجر النيجيرية.",
            &[(15, K::Captured, B::Exact, G::Civilian, "CHN")],
        ),
        (
            "وخطف جيش التحرير الوطني 6 جنود في إقليم أراوكا.",
            &[(6, K::Captured, B::Exact, G::Military, "*")],
        ),
        ("واعتقلت السلطات الميانمارية 12 صحفيا.", &[(12, K::Captured, B::Exact, G::Civilian, "*")]),
        ("وأفرجت طالبان عن 3 مواطنين أمريكيين.", &[(3, K::Captured, B::Exact, G::Civilian, "USA")]),
        (
            "وأطلقت القوات الأذربيجانية سراح 5 جنود أرمن.",
            &[(5, K::Captured, B::Exact, G::Military, "ARM")],
        ),
        (
            "واحتجزت البحرية الإيرانية 23 بحارا على متن ناقلة.",
            &[(23, K::Captured, B::Exact, G::Civilian, "*")],
        ),
        (
            "وتبادلت روسيا وأوكرانيا 150 أسيرا من كل جانب.",
            &[(150, K::Captured, B::Exact, G::Unspecified, "-")],
        ),
        (
            "وأفرج عن 50 معتقلا من سجن في دمشق.",
            &[(50, K::Captured, B::Exact, G::Unspecified, "SYR")],
        ),
        (
            "واعتقلت الشرطة الكوسوفية 4 مشتبه بهم في الهجوم.",
            &[(4, K::Captured, B::Exact, G::Unspecified, "*")],
        ),
        (
            "ولا يزال 101 رهينة محتجزين في غزة.",
            &[(101, K::Captured, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وفقد 40 شخصا في انهيار منجم في شرق الكونغو.",
            &[(40, K::Missing, B::Exact, G::Unspecified, "COD")],
        ),
        (
            "وما زال 60 صيادا مفقودين قبالة سواحل الصومال.",
            &[(60, K::Missing, B::Exact, G::Civilian, "SOM")],
        ),
        (
            "ونزح 200 ألف شخص من ولاية كاتشين في ميانمار.",
            &[(200_000, K::Displaced, B::Exact, G::Civilian, "MMR")],
        ),
        (
            "وفر 3 آلاف شخص من القتال في إقليم أوروميا.",
            &[(3000, K::Displaced, B::Exact, G::Civilian, "ETH")],
        ),
        (
            "ولجأ 4 آلاف لاجئ مالي إلى موريتانيا.",
            &[(4000, K::Displaced, B::Exact, G::Civilian, "MLI")],
        ),
        (
            "ونزح 25 ألف شخص من منازلهم في إقليم كابو ديلغادو.",
            &[(25_000, K::Displaced, B::Exact, G::Civilian, "MOZ")],
        ),
        (
            "وأجبرت المعارك أكثر من 90 ألف شخص على الفرار من جنوب لبنان.",
            &[(90_000, K::Displaced, B::AtLeast, G::Civilian, "LBN")],
        ),
        (
            "وهجر 12 ألفا منازلهم في ولاية النيل الأزرق.",
            &[(12_000, K::Displaced, B::Exact, G::Civilian, "*")],
        ),
        (
            "وعبر 15 ألف لاجئ من جنوب السودان الحدود إلى السودان.",
            &[(15_000, K::Displaced, B::Exact, G::Civilian, "SSD")],
        ),
        ("ووصل 700 لاجئ سوري إلى الأردن.", &[(700, K::Displaced, B::Exact, G::Civilian, "SYR")]),
    ]);
}

#[test]
fn more_subgroups_breakdowns_and_bounds() {
    cases(&[
        (
            "وقتل 35 شخصا في قصف على سوق في خاركيف، بينهم 5 أطفال.",
            &[
                (35, K::Killed, B::Exact, G::Unspecified, "UKR"),
                (5, K::Killed, B::Exact, G::Civilian, "UKR"),
            ],
        ),
        (
            "وأصيب 14 شخصا في الهجوم على مخيم جنين، 3 منهم في حالة خطرة.",
            &[
                (14, K::Injured, B::Exact, G::Unspecified, "PSE"),
                (3, K::Injured, B::Exact, G::Unspecified, "PSE"),
            ],
        ),
        (
            "وقتل 18 شخصا في غارات على إدلب، من بينهم 6 نساء و4 أطفال.",
            &[
                (18, K::Killed, B::Exact, G::Unspecified, "SYR"),
                (6, K::Killed, B::Exact, G::Civilian, "SYR"),
                (4, K::Killed, B::Exact, G::Civilian, "SYR"),
            ],
        ),
        (
            "وأعلن الحوثيون مقتل 5 من مقاتليهم وإصابة 11.",
            &[
                (5, K::Killed, B::Exact, G::Military, "YEM"),
                (11, K::Injured, B::Exact, G::Military, "YEM"),
            ],
        ),
        (
            "وقتل 12 جنديا في هجوم على قاعدة في بوركينا فاسو وأصيب 20 آخرون.",
            &[
                (12, K::Killed, B::Exact, G::Military, "BFA"),
                (20, K::Injured, B::Exact, G::Military, "BFA"),
            ],
        ),
        (
            "واستقبل المستشفى في الفاشر أكثر من 700 جريح، توفي منهم 85 متأثرين بجروحهم.",
            &[
                (700, K::Injured, B::AtLeast, G::Unspecified, "SDN"),
                (85, K::Killed, B::Exact, G::Unspecified, "SDN"),
            ],
        ),
        (
            "وأصيب 30 مدنيا في القصف على بلدة في دارفور، توفي 4 منهم لاحقا.",
            &[
                (30, K::Injured, B::Exact, G::Civilian, "SDN"),
                (4, K::Killed, B::Exact, G::Civilian, "SDN"),
            ],
        ),
        (
            "وقتل نحو 70 شخصا في المعارك قرب غوما.",
            &[(70, K::Killed, B::About, G::Unspecified, "COD")],
        ),
        (
            "وأصيب أكثر من 300 شخص في الاحتجاجات في طهران.",
            &[(300, K::Injured, B::AtLeast, G::Unspecified, "IRN")],
        ),
        (
            "ونزح ما يقرب من 10 آلاف شخص من بلدات في ولاية شان.",
            &[(10_000, K::Displaced, B::About, G::Civilian, "MMR")],
        ),
        (
            "وقتل 25 جنديا على الأقل في الهجوم على الثكنة في النيجر.",
            &[(25, K::Killed, B::AtLeast, G::Military, "NER")],
        ),
        (
            "وأصيب 12 شخصا تقريبا في انفجار في كابل.",
            &[(12, K::Injured, B::About, G::Unspecified, "AFG")],
        ),
        (
            "وقتل ما يصل إلى 100 شخص في المجزرة بولاية بلاتو النيجيرية.",
            &[(100, K::Killed, B::AtMost, G::Unspecified, "*")],
        ),
    ]);
}

#[test]
fn more_that_are_not_figures() {
    cases(&[
        // Rates.
        ("ويقتل 10 أطفال يوميا في غزة بحسب اليونيسف.", &[]),
        ("ويصاب 300 شخص شهريا بالألغام في أوكرانيا.", &[]),
        ("ويفر ألف شخص كل يوم من دارفور إلى تشاد.", &[]),
        // Forecasts.
        ("وحذرت الأمم المتحدة من أن عدد النازحين قد يصل إلى مليون في هايتي.", &[]),
        ("ومن المتوقع أن يرتفع عدد اللاجئين إلى 200 ألف في تشاد.", &[]),
        ("ويخشى أن يتجاوز عدد القتلى 500 في الفاشر.", &[]),
        // Populations.
        ("ويقطنها نحو 500 ألف نسمة في شمال دارفور.", &[]),
        ("وتضم المدينة التي يبلغ عدد سكانها 400 ألف شخص مخيمات للنازحين.", &[]),
        // Households, families, wanted lists, escaped prisoners, disarmament.
        ("ونزحت 2000 عائلة من ريف حماة.", &[]),
        ("وتضررت 500 أسرة من القصف على مخيم جباليا.", &[]),
        ("ونشرت الشرطة قائمة تضم 40 مطلوبا في العراق.", &[]),
        ("وفر 400 سجين من سجن في الكونغو.", &[]),
        ("وسلم 150 مسلحا أنفسهم مع أسلحتهم في ميانمار.", &[]),
        // Things that are not people.
        ("وأطلقت إيران 200 صاروخ على إسرائيل.", &[]),
        ("ودمرت الغارات 300 منزل في جنوب لبنان.", &[]),
        ("وأعلن الجيش السيطرة على 12 بلدة في كردفان.", &[]),
        ("وأرسلت الأمم المتحدة 40 شاحنة مساعدات إلى غزة.", &[]),
        ("ونشرت كينيا 400 شرطي في هايتي.", &[]),
    ]);
}

#[test]
fn more_tolls_reports_and_totals() {
    cases(&[
        (
            "وارتفعت حصيلة قتلى الزلزال في غرب أفغانستان إلى 2400.",
            &[(2400, K::Killed, B::Exact, G::Unspecified, "AFG")],
        ),
        (
            "وبلغ عدد القتلى في الحرب بالسودان 150 ألفا بحسب تقديرات.",
            &[(150_000, K::Killed, B::Exact, G::Unspecified, "SDN")],
        ),
        (
            "وتجاوز عدد النازحين في الكونغو 7 ملايين.",
            &[(7_000_000, K::Displaced, B::Exact, G::Civilian, "COD")],
        ),
        (
            "وقدرت الأمم المتحدة عدد المفقودين في سوريا بأكثر من 100 ألف.",
            &[(100_000, K::Missing, B::AtLeast, G::Unspecified, "SYR")],
        ),
        (
            "وأحصت المنظمة 5 آلاف قتيل في هايتي خلال العام الماضي.",
            &[(5000, K::Killed, B::Exact, G::Unspecified, "HTI")],
        ),
        (
            "وقال الجيش الأوكراني إن قواته قتلت 1200 جندي روسي خلال يوم واحد.",
            &[(1200, K::Killed, B::Exact, G::Military, "RUS")],
        ),
        (
            "وأعلنت موسكو أسر 40 جنديا أوكرانيا في منطقة كورسك.",
            &[(40, K::Captured, B::Exact, G::Military, "UKR")],
        ),
        (
            "وقالت كييف إن 600 من جنودها عادوا في عملية التبادل.",
            &[(600, K::Captured, B::Exact, G::Military, "UKR")],
        ),
        (
            "وأودى الصراع في منطقة الساحل بحياة أكثر من 10 آلاف شخص في عام واحد.",
            &[(10_000, K::Killed, B::AtLeast, G::Unspecified, "-")],
        ),
        (
            "وأعلنت وزارة الصحة في غزة ارتفاع عدد الشهداء إلى 34 ألفا.",
            &[(34_000, K::Killed, B::Exact, G::Unspecified, "PSE")],
        ),
        (
            "وبلغ عدد الجرحى جراء الغارات على لبنان 15 ألفا.",
            &[(15_000, K::Injured, B::Exact, G::Unspecified, "LBN")],
        ),
        (
            "ولقي 7 أطفال حتفهم في قصف على مدرسة في ريف إدلب.",
            &[(7, K::Killed, B::Exact, G::Civilian, "SYR")],
        ),
        (
            "وقتل 19 من عناصر جيش تحرير بلوشستان في عملية للجيش الباكستاني.",
            &[(19, K::Killed, B::Exact, G::Military, "PAK")],
        ),
        (
            "وأصيب 8 من قوات حفظ السلام في جنوب لبنان.",
            &[(8, K::Injured, B::Exact, G::Military, "LBN")],
        ),
        (
            "وقتل 3 من موظفي الإغاثة في غارة على قافلة في دارفور.",
            &[(3, K::Killed, B::Exact, G::Civilian, "SDN")],
        ),
        (
            "واعتقلت قوات الأمن العراقية 7 من عناصر تنظيم الدولة في الأنبار.",
            &[(7, K::Captured, B::Exact, G::Military, "IRQ")],
        ),
    ]);
}

#[test]
fn running_totals_and_their_dates() {
    let c = run("وقُتل 3670 شخصاً في لبنان منذ بدء الحرب.");
    assert!(c[0].cumulative, "{c:?}");
    let c = run("وقُتل 12 شخصاً في غارة على مدينة صور.");
    assert!(!c[0].cumulative, "{c:?}");
    // A toll that rose after one attack is that attack's, not a running total.
    let c = run("وارتفعت حصيلة القتلى في الهجوم على السوق إلى 30.");
    assert!(!c[0].cumulative, "{c:?}");
    // "Since" after a superlative dates a comparison.
    let c = run("وقتل 8 جنود في أعنف قتال بين الطرفين منذ حرب العام الماضي.");
    assert!(!c[0].cumulative, "{c:?}");
    // A running total is dated to the day it is reported, not the day the war began.
    let c = run("وقُتل 3670 شخصاً في لبنان منذ 8 أكتوبر 2023.");
    assert_eq!(c[0].date.as_deref(), Some("2024-03-15"), "{c:?}");
    let c = run("وأعلنت الوزارة الأربعاء مقتل 3670 شخصاً منذ 8 أكتوبر 2023.");
    assert_eq!(c[0].date.as_deref(), Some("2024-03-13"), "{c:?}");
    // A toll of one incident is dated to its day, never to a week.
    let c = run("وقُتل 4 أشخاص في غارة الثلاثاء.");
    assert_eq!((c[0].cumulative, c[0].date.as_deref()), (false, Some("2024-03-12")), "{c:?}");
    let c = run("وقُتل شرطي في هجوم الأسبوع الماضي.");
    assert_eq!(c[0].date, None, "{c:?}");
}

#[test]
fn each_figure_says_what_set_its_side() {
    use rasd_model::SideBasis as S;
    let basis = |text: &str| -> Vec<Option<S>> {
        run(text).iter().map(|c| c.side_evidence.as_ref().map(|e| e.basis)).collect()
    };
    assert_eq!(basis("وقتل 14 فلسطينيا في القصف."), [Some(S::Nationality)]);
    assert_eq!(basis("وقتل 12 عنصرا من قوات الدعم السريع."), [Some(S::Membership)]);
    assert_eq!(basis("وقتل 30 شخصا في هجوم على مخيم في الفاشر."), [Some(S::Target)]);
    assert_eq!(basis("وقتل 9 أشخاص في انفجار بمقديشو."), [Some(S::Place)]);
    assert_eq!(basis("وأعلنت وزارة الدفاع الأوكرانية مقتل 3 جنود."), [Some(S::Claimant)]);
    assert_eq!(
        basis("وقتل 7 جنود أمريكيين في الهجوم وأصيب 34 آخرون."),
        [Some(S::Nationality), Some(S::Others)]
    );
    assert_eq!(basis("وقتل 5 أشخاص في الانفجار."), [None]);
    // The evidence's words are there to show.
    let c = run("وقتل 14 فلسطينيا في القصف.");
    let e = c[0].side_evidence.as_ref().unwrap();
    assert_eq!(e.span.text, "فلسطينيا");
}

#[test]
fn a_number_beyond_any_war_is_no_figure() {
    assert!(run("قتل 1000000000000000 شخص في الهجوم.").is_empty());
    // The largest displacements are counted in millions, and stay figures.
    let displaced = run("نزح أكثر من 12 مليون شخص منذ بداية الحرب في السودان.");
    assert!(displaced.iter().any(|c| c.count == 12_000_000), "{displaced:?}");
}
