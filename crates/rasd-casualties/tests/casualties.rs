//! Casualty figures in invented news sentences from many conflicts.
//!
//! Each case: a text and the figures expected as (count, kind, bound, group, side); side
//! "-" is null and "*" is not checked, bound `B::Any` is not checked. Figures must come
//! out in any order, each exactly once. Every sentence was written for these tests.

use rasd_attribution::Doc;
use rasd_model::{Bound, CasualtyKind as K, Group as G};

fn run(text: &str) -> Vec<rasd_model::Casualty> {
    let kb = rasd_kb::Kb::embedded();
    let ents = rasd_entities::recognize(kb, text);
    let doc = Doc::new(text, &ents, kb);
    rasd_casualties::extract(&doc, &rasd_casualties::Context::new(&[], None))
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
        ("ونقل 23 مصابا إلى مستشفيات جنين.", &[(23, K::Injured, B::Exact, G::Unspecified, "PSE")]),
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
        ("وأصيب 4 سياح ألمان في هجوم بمدينة الأقصر.", &[]),
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
        ("وتوفي معتقل أثناء احتجازه في سجن بالقاهرة.", &[]),
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
