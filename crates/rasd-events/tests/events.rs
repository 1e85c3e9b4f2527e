//! PLOVER events in invented news sentences from many conflicts, run through the real
//! pipeline pieces (entities → attribution view → times → events).
//!
//! Each case is a text and the events expected of it, one string per event:
//! `TYPE P1+P2 [asserted|claimed|denied|planned] [by=CODE] [on=DATE]`.
//! Participants are what the referee keys on: the countries of the actors and targets
//! (an entity's `country`, an ISO3 id itself, `INT` for an international body), written
//! `-` when there are none. `by=` is the claimant's country (or `INT`), `-` for none;
//! `on=` the event's date, `-` for none. A leading `?` marks an event that may come out
//! but need not; `A | B` accepts either. Events must come out exactly as listed: an
//! extra event is a failure, so a case with no wants is a sentence with no event.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;
use rasd_attribution::Doc;
use rasd_model::{Entity, EntityKind, Event, Stance};

/// The document date every relative time resolves against (a Wednesday).
const PUBLISHED: &str = "2024-05-15";

fn run(text: &str) -> (Vec<Entity>, Vec<Event>) {
    let ents = rasd_entities::recognize(rasd_kb::Kb::embedded(), text);
    let view = rasd_text::normalize(text);
    let sentences = rasd_text::split_sentences(&view);
    let times = rasd_times::extract_times(text, &view, &sentences, Some(PUBLISHED));
    let doc = Doc::new(text, &ents);
    let events = rasd_events::extract(&doc, &times);
    (ents, events)
}

/// The referee's participant code of an id an event carries.
fn code_of(ents: &[Entity], id: &str) -> Option<String> {
    match ents.iter().find(|e| e.id == id) {
        Some(e) => match e.kind {
            EntityKind::Country => Some(e.id.clone()),
            // As the referee: a body, group or person with no country is international.
            EntityKind::Org | EntityKind::Group | EntityKind::Person => {
                Some(e.country.clone().unwrap_or_else(|| "INT".into()))
            }
            _ => e.country.clone(),
        },
        // Capitals come out as their state, and dyad completion adds bare ISO3 codes.
        None => Some(id.to_string()),
    }
}

fn participants(ents: &[Entity], e: &Event) -> BTreeSet<String> {
    e.actors.iter().chain(&e.targets).filter_map(|id| code_of(ents, id)).collect()
}

#[derive(Debug)]
struct Want {
    ty: String,
    parts: BTreeSet<String>,
    stance: Option<Stance>,
    by: Option<Option<String>>,
    on: Option<Option<String>>,
}

fn parse(spec: &str) -> Want {
    let mut it = spec.split_whitespace();
    let ty = it.next().expect("a type").to_string();
    assert!(rasd_events::PLOVER_TYPES.contains(&ty.as_str()), "bad type in {spec}");
    let parts = match it.next().expect("participants") {
        "-" => BTreeSet::new(),
        p => p.split('+').map(str::to_string).collect(),
    };
    let mut w = Want { ty, parts, stance: None, by: None, on: None };
    let opt = |v: &str| (v != "-").then(|| v.to_string());
    for f in it {
        match f {
            "asserted" => w.stance = Some(Stance::Asserted),
            "claimed" => w.stance = Some(Stance::Claimed),
            "denied" => w.stance = Some(Stance::Denied),
            "planned" => w.stance = Some(Stance::Planned),
            _ if f.starts_with("by=") => w.by = Some(opt(&f[3..])),
            _ if f.starts_with("on=") => w.on = Some(opt(&f[3..])),
            _ => panic!("bad field {f} in {spec}"),
        }
    }
    w
}

fn unit_matches(ents: &[Entity], w: &Want, e: &Event) -> bool {
    e.event_type == w.ty && participants(ents, e) == w.parts
}

fn details_match(ents: &[Entity], w: &Want, e: &Event) -> bool {
    w.stance.is_none_or(|s| e.stance == s)
        && w.by.as_ref().is_none_or(|b| e.claimant.as_deref().and_then(|c| code_of(ents, c)) == *b)
        && w.on.as_ref().is_none_or(|d| e.date == *d)
}

fn show(ents: &[Entity], events: &[Event]) -> String {
    events
        .iter()
        .map(|e| {
            let p: Vec<_> = participants(ents, e).into_iter().collect();
            let by = e.claimant.as_deref().and_then(|c| code_of(ents, c));
            format!(
                "{} {} {:?} by={} on={} [{}]",
                e.event_type,
                if p.is_empty() { "-".into() } else { p.join("+") },
                e.stance,
                by.as_deref().unwrap_or("-"),
                e.date.as_deref().unwrap_or("-"),
                e.trigger.text
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Checks one case; returns what went wrong.
fn check_case(text: &str, wants: &[&str]) -> Option<String> {
    let (ents, events) = run(text);
    let mut problems = Vec::new();
    // Each want: its alternatives and whether it is required.
    let parsed: Vec<(bool, Vec<Want>)> = wants
        .iter()
        .map(|s| {
            let (optional, s) = match s.strip_prefix('?') {
                Some(rest) => (true, rest),
                None => (false, *s),
            };
            (!optional, s.split(" | ").map(parse).collect())
        })
        .collect();
    for (spec, (required, alts)) in wants.iter().zip(&parsed) {
        let found = events
            .iter()
            .any(|e| alts.iter().any(|w| unit_matches(&ents, w, e) && details_match(&ents, w, e)));
        if *required && !found {
            problems.push(format!("missing `{spec}`"));
        }
    }
    for e in &events {
        let allowed = parsed.iter().any(|(_, alts)| alts.iter().any(|w| unit_matches(&ents, w, e)));
        if !allowed {
            problems.push(format!("extra `{}`", show(&ents, std::slice::from_ref(e))));
        }
    }
    (!problems.is_empty())
        .then(|| format!("{text}\n    {}\n    got: {}", problems.join(", "), show(&ents, &events)))
}

type Case = (&'static str, &'static [&'static str]);

fn check_all(cases: &[Case]) {
    let failures: Vec<String> = cases.iter().filter_map(|(t, w)| check_case(t, w)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// ASSAULT
// ---------------------------------------------------------------------------------------

const ASSAULT_VERB_FIRST: &[Case] = &[
    (
        "قصفت القوات الروسية مواقع للجيش الأوكراني قرب مدينة خاركيف أمس الثلاثاء.",
        &["ASSAULT RUS+UKR asserted by=- on=2024-05-14"],
    ),
    ("شنت الطائرات الإسرائيلية غارات عنيفة على بلدات في جنوب لبنان.", &["ASSAULT ISR+LBN"]),
    ("هاجمت حركة الشباب قاعدة للجيش الصومالي في إقليم شبيلي السفلى.", &["ASSAULT SOM"]),
    ("استهدفت جماعة الحوثي سفينة تجارية أمريكية في خليج عدن بصاروخ باليستي.", &["ASSAULT YEM+USA"]),
    ("اقتحمت القوات الإسرائيلية مخيم جنين في الضفة الغربية فجر اليوم.", &["ASSAULT ISR+PSE"]),
    ("أطلقت كتائب القسام رشقة صواريخ على مدينة عسقلان.", &["ASSAULT PSE+ISR"]),
    ("سيطرت حركة 23 مارس على مدينة غوما بعد معارك مع الجيش الكونغولي.", &["ASSAULT COD"]),
    ("قصف الجيش السوداني بالطيران مواقع لقوات الدعم السريع في مدينة نيالا.", &["ASSAULT SDN"]),
    (
        "شنت إسرائيل غارات جوية على مواقع عسكرية قرب مدينة حمص يوم الاثنين.",
        &["ASSAULT ISR+SYR on=2024-05-13"],
    ),
    ("واجتاحت القوات الإثيوبية بلدات في إقليم تيغراي.", &["ASSAULT ETH"]),
];

const ASSAULT_SUBJECT_FIRST: &[Case] = &[
    ("القوات الأوكرانية قصفت مستودعا للذخيرة في منطقة بيلغورود الروسية.", &["ASSAULT UKR+RUS"]),
    ("الجيش الإسرائيلي شن سلسلة غارات على مدينة رفح جنوب قطاع غزة.", &["ASSAULT ISR+PSE"]),
    ("وحدات حماية الشعب هاجمت مواقع للجيش التركي في ريف حلب.", &["ASSAULT SYR+TUR"]),
    ("الولايات المتحدة نفذت ضربات جوية على مواقع للحوثيين في محافظة الحديدة.", &["ASSAULT USA+YEM"]),
    ("وقوات الدعم السريع هاجمت مدينة الفاشر من ثلاثة محاور.", &["ASSAULT SDN"]),
    ("ومسلحو جماعة نصرة الإسلام والمسلمين هاجموا ثكنة للجيش المالي.", &["ASSAULT MLI"]),
    ("وكانت روسيا قد قصفت منشآت الطاقة في أوكرانيا خلال الشتاء.", &["ASSAULT RUS+UKR"]),
];

const ASSAULT_MASDAR: &[Case] = &[
    ("أدى القصف الروسي على مدينة أوديسا إلى انقطاع الكهرباء.", &["ASSAULT RUS+UKR"]),
    ("وتسببت الغارات الإسرائيلية على خان يونس في دمار واسع.", &["ASSAULT ISR+PSE"]),
    ("وجاء الهجوم الأوكراني على منطقة كورسك الروسية بعد أشهر من التحضير.", &["ASSAULT UKR+RUS"]),
    ("وتواصل قصف روسيا لمنشآت الطاقة الأوكرانية طوال الشتاء.", &["ASSAULT RUS+UKR"]),
    ("وأعقب اجتياح الجيش الإسرائيلي لمدينة رفح موجة نزوح جديدة.", &["ASSAULT ISR+PSE"]),
    ("وأسفرت الضربات الأمريكية على مواقع الحوثيين عن تدمير منصات إطلاق.", &["ASSAULT USA+YEM"]),
];

const ASSAULT_PASSIVE: &[Case] = &[
    ("تعرضت مدينة الفاشر لقصف مدفعي من قوات الدعم السريع.", &["ASSAULT SDN"]),
    ("تعرضت بلدات في جنوب لبنان لغارات إسرائيلية مكثفة.", &["ASSAULT ISR+LBN"]),
    (
        "تعرضت سفينة شحن بريطانية لهجوم بطائرة مسيرة أطلقها الحوثيون قرب مضيق باب المندب.",
        &["ASSAULT GBR+YEM"],
    ),
    ("وتعرضت العاصمة الأوكرانية كييف لهجوم صاروخي روسي واسع.", &["ASSAULT UKR+RUS"]),
    (
        "أصيب ثلاثة جنود إسرائيليين في هجوم شنته حركة حماس قرب معبر كرم أبو سالم.",
        &["ASSAULT ISR+PSE"],
    ),
    ("وتعرض مقر للحكومة الصومالية في مقديشو لتفجير تبنته حركة الشباب.", &["ASSAULT SOM"]),
];

const ASSAULT_BETWEEN: &[Case] = &[
    ("اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في أم درمان.", &["ASSAULT SDN"]),
    ("دارت معارك ضارية بين القوات الروسية والأوكرانية في محيط مدينة باخموت.", &["ASSAULT RUS+UKR"]),
    ("وتجددت المواجهات بين حزب الله وإسرائيل على الحدود الجنوبية.", &["ASSAULT LBN+ISR"]),
    ("اشتبكت قوات فانو مع الجيش الإثيوبي في إقليم أمهرة.", &["ASSAULT ETH"]),
    ("وقع تبادل لإطلاق النار بين القوات الهندية والباكستانية في إقليم كشمير.", &["ASSAULT IND+PAK"]),
    ("واندلع قتال بين جهاز الردع واللواء 444 قتال في العاصمة الليبية طرابلس.", &["ASSAULT LBY"]),
];

const ASSAULT_OTHER: &[Case] = &[
    // Two states' adjectives on one noun: both act.
    ("وشنت طائرات أمريكية بريطانية غارات على مواقع للحوثيين في الحديدة.", &["ASSAULT USA+GBR+YEM"]),
    ("غارات أمريكية بريطانية على مواقع للحوثيين في الحديدة", &["ASSAULT USA+GBR+YEM"]),
    // "قواتهم": the speaker's forces.
    (
        "وقال المتحدث باسم الحوثيين إن قواتهم استهدفت سفينة إسرائيلية في البحر الأحمر.",
        &["ASSAULT YEM+ISR claimed"],
    ),
    // A circumstantial clause after the act names its own objects.
    (
        "وقال المتحدث باسم الحوثيين إن قواتهم استهدفت سفينة تجارية في خليج عدن، متوعدا بمواصلة العمليات حتى وقف العدوان على غزة.",
        &["ASSAULT YEM claimed"],
    ),
    (
        "هاجمت جماعة الحوثي المدعومة من إيران ناقلة نفط يونانية في البحر الأحمر.",
        &["ASSAULT YEM+GRC"],
    ),
    ("شن تنظيم الدولة الإسلامية هجوما على حاجز للجيش العراقي في محافظة ديالى.", &["ASSAULT IRQ"]),
    ("وقتل جنديان في انفجار عبوة ناسفة استهدفت دورية للجيش الصومالي.", &["ASSAULT SOM"]),
];

#[test]
fn assault_verb_subject_order() {
    check_all(ASSAULT_VERB_FIRST);
}

#[test]
fn assault_subject_verb_order() {
    check_all(ASSAULT_SUBJECT_FIRST);
}

#[test]
fn assault_masdar_with_genitive_or_adjective() {
    check_all(ASSAULT_MASDAR);
}

#[test]
fn assault_passive_frames() {
    check_all(ASSAULT_PASSIVE);
}

#[test]
fn assault_between_two_parties() {
    check_all(ASSAULT_BETWEEN);
}

#[test]
fn assault_descriptions_and_unowned_attacks() {
    check_all(ASSAULT_OTHER);
}

// ---------------------------------------------------------------------------------------
// CONSULT: meetings, calls, visits, mediation, multilateral meetings
// ---------------------------------------------------------------------------------------

const CONSULT_CASES: &[Case] = &[
    (
        "والتقى المبعوث الأممي إلى اليمن هانس غروندبرغ وزير الخارجية العماني في مسقط.",
        &["CONSULT INT+OMN"],
    ),
    ("وبحث المبعوث الأممي مع وزير الخارجية الليبي سبل إجراء الانتخابات.", &["CONSULT INT+LBY"]),
    // Talks "to discuss" are the meeting's purpose: no talks of their own with whom the
    // topic names.
    (
        "ويلتقي الرئيس الأوكراني نظيره الأمريكي في واشنطن لبحث وقف إطلاق النار مع روسيا.",
        &["CONSULT UKR+USA"],
    ),
    (
        "التقى الرئيس المصري عبد الفتاح السيسي في القاهرة رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني.",
        &["CONSULT EGY+QAT"],
    ),
    (
        "بحث وزير الخارجية السعودي فيصل بن فرحان مع نظيره الأمريكي أنتوني بلينكن هاتفيا تطورات الأوضاع في السودان.",
        &["CONSULT SAU+USA"],
    ),
    (
        "أجرى الرئيس التركي رجب طيب أردوغان اتصالا هاتفيا مع نظيره الروسي فلاديمير بوتين.",
        &["CONSULT TUR+RUS"],
    ),
    ("زار وزير الدفاع الأمريكي لويد أوستن كييف والتقى الرئيس فولوديمير زيلينسكي.", &["CONSULT USA+UKR"]),
    (
        "واستقبل أمير قطر الشيخ تميم بن حمد آل ثاني في الدوحة وفدا من حركة حماس.",
        &["CONSULT QAT+PSE"],
    ),
    ("وصل وزير الخارجية الإيراني عباس عراقجي إلى بيروت في زيارة رسمية إلى لبنان.", &["CONSULT IRN+LBN"]),
    (
        "وأجرى الرئيس الكيني ويليام روتو في نيروبي محادثات مع رئيس الوزراء الإثيوبي آبي أحمد.",
        &["CONSULT KEN+ETH"],
    ),
    ("والتقى الرئيس الفرنسي إيمانويل ماكرون نظيره الأوكراني فولوديمير زيلينسكي في باريس.", &["CONSULT FRA+UKR"]),
    ("عقد مجلس الأمن الدولي جلسة طارئة لبحث التصعيد في البحر الأحمر.", &[]),
];

const MEDIATION_CASES: &[Case] = &[
    (
        "بدأت في الدوحة مفاوضات غير مباشرة بين إسرائيل وحركة حماس بوساطة مصرية قطرية.",
        &[
            "CONSULT ISR+PSE",
            "CONSULT EGY+ISR",
            "CONSULT EGY+PSE",
            "CONSULT QAT+ISR",
            "CONSULT QAT+PSE",
        ],
    ),
    (
        "وتوسطت تركيا بين روسيا وأوكرانيا في ملف تبادل الأسرى.",
        &["CONSULT TUR+RUS", "CONSULT TUR+UKR"],
    ),
    (
        "توصلت إثيوبيا والصومال إلى اتفاق في أنقرة بوساطة تركية.",
        &["AGREE ETH+SOM", "CONSULT TUR+ETH", "CONSULT TUR+SOM"],
    ),
    (
        "ووقعت روسيا وأوكرانيا اتفاقا لتصدير الحبوب برعاية تركيا والأمم المتحدة.",
        &[
            "AGREE RUS+UKR",
            "CONSULT TUR+RUS",
            "CONSULT TUR+UKR",
            "CONSULT INT+RUS",
            "CONSULT INT+UKR",
        ],
    ),
    (
        "واستؤنفت في جدة المحادثات بين الجيش السوداني وقوات الدعم السريع بوساطة سعودية أمريكية.",
        &["CONSULT SAU+SDN", "CONSULT USA+SDN"],
    ),
    ("وتقود قطر وساطة بين الحكومة الكونغولية وحركة 23 مارس.", &["CONSULT QAT+COD"]),
];

const MULTILATERAL_CASES: &[Case] = &[
    (
        "عقد وزراء خارجية مصر والأردن والسعودية اجتماعا في القاهرة لبحث الحرب في غزة.",
        &["CONSULT EGY+JOR+SAU"],
    ),
    (
        "التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيريه المصري سامح شكري والقطري محمد بن عبد الرحمن آل ثاني في القاهرة.",
        &["CONSULT USA+EGY+QAT"],
    ),
    (
        "اجتمع ممثلو الولايات المتحدة والسعودية والإمارات في جدة لبحث الحرب في السودان.",
        &["CONSULT USA+SAU+ARE"],
    ),
    (
        "وعقدت روسيا وتركيا وإيران قمة ثلاثية في طهران حول الأزمة في سوريا.",
        &["CONSULT RUS+TUR+IRN"],
    ),
];

#[test]
fn consult_meetings_calls_visits() {
    check_all(CONSULT_CASES);
}

#[test]
fn consult_mediator_with_each_party() {
    check_all(MEDIATION_CASES);
}

#[test]
fn consult_multilateral_meeting_is_one_event_of_all() {
    check_all(MULTILATERAL_CASES);
}

// ---------------------------------------------------------------------------------------
// AGREE, COOPERATE
// ---------------------------------------------------------------------------------------

const AGREE_CASES: &[Case] = &[
    // A plan or proposal for a truce is not one agreed.
    ("وعرضت مصر خطة لوقف إطلاق النار في غزة على الوسطاء.", &[]),
    ("وقدمت قطر مقترحا لهدنة إنسانية في غزة.", &[]),
    (
        "اتفقت الحكومة الليبية ومجلس النواب على تشكيل لجنة مشتركة لإعداد القوانين الانتخابية.",
        &["AGREE LBY"],
    ),
    ("وافقت حركة حماس على المقترح المصري لوقف إطلاق النار.", &["AGREE PSE+EGY"]),
    ("أعلن الجيش السوداني وقوات الدعم السريع موافقتهما على هدنة لمدة أسبوع.", &["AGREE SDN"]),
    (
        "ووقع الرئيس الكونغولي فيليكس تشيسيكيدي والرئيس الرواندي بول كاغامي اتفاق سلام في واشنطن.",
        &["AGREE COD+RWA"],
    ),
    (
        "وقبلت الحكومة الإثيوبية دعوة الاتحاد الأفريقي لإجراء محادثات سلام مع جبهة تحرير تيغراي.",
        &["AGREE ETH+INT"],
    ),
    (
        "وتوصلت إسرائيل وحزب الله إلى اتفاق لوقف إطلاق النار في 27 نوفمبر.",
        &["AGREE ISR+LBN on=2023-11-27"],
    ),
    ("ووقعت تركيا وليبيا مذكرة تفاهم في مجال الأمن البحري.", &["AGREE TUR+LBY"]),
];

const COOPERATE_CASES: &[Case] = &[
    (
        "وأجرت القوات البحرية المصرية والسعودية مناورات مشتركة في البحر الأحمر.",
        &["COOPERATE EGY+SAU"],
    ),
    ("وتتعاون الولايات المتحدة مع الحكومة الصومالية في مكافحة حركة الشباب.", &["COOPERATE USA+SOM"]),
    (
        "نسقت القوات الأمريكية والعراقية عمليات مشتركة ضد تنظيم الدولة في الأنبار.",
        &["COOPERATE USA+IRQ"],
    ),
    (
        "ووقعت مصر والصومال اتفاقية تعاون عسكري في القاهرة.",
        &["AGREE EGY+SOM", "?COOPERATE EGY+SOM"],
    ),
    ("وأعلنت روسيا ومالي عن شراكة استراتيجية في مجال الطاقة النووية.", &["COOPERATE RUS+MLI"]),
    ("وتنسق الأردن مع مصر في إدخال المساعدات إلى قطاع غزة.", &["COOPERATE JOR+EGY"]),
    ("وأعلنت تركيا والصومال عن تعاون دفاعي يشمل تدريب القوات الصومالية.", &["COOPERATE TUR+SOM"]),
];

#[test]
fn agree_accords_truces_acceptances() {
    check_all(AGREE_CASES);
}

#[test]
fn cooperate_joint_work() {
    check_all(COOPERATE_CASES);
}

// ---------------------------------------------------------------------------------------
// SUPPORT, ACCUSE, REQUEST, REJECT, THREATEN: speech acts
// ---------------------------------------------------------------------------------------

const SUPPORT_CASES: &[Case] = &[
    ("أعربت تركيا عن تضامنها مع أوكرانيا.", &["SUPPORT TUR+UKR"]),
    (
        "وأشادت الولايات المتحدة بجهود مصر وقطر في التوصل إلى الهدنة.",
        &["SUPPORT USA+EGY", "SUPPORT USA+QAT"],
    ),
    ("ورحبت الجامعة العربية بالاتفاق بين الحكومة السودانية والحركات المسلحة.", &["SUPPORT INT+SDN"]),
    ("وأعلنت فرنسا تأييدها للمبادرة المصرية.", &["SUPPORT FRA+EGY"]),
    ("وترحب ألمانيا بقرار إسرائيل فتح معابر إضافية.", &["SUPPORT DEU+ISR"]),
];

const ACCUSE_CASES: &[Case] = &[
    ("أدانت السعودية الهجمات الحوثية على السفن التجارية في البحر الأحمر.", &["ACCUSE SAU+YEM"]),
    ("ودانت جامعة الدول العربية الغارات الإسرائيلية على دمشق.", &["ACCUSE INT+ISR"]),
    ("واتهمت الحكومة الكونغولية رواندا بدعم متمردي حركة 23 مارس.", &["ACCUSE COD+RWA"]),
    // A speaker in a clause of its own is not reported by the verb before it.
    (
        "وأعلنت حركة الشباب مسؤوليتها عن التفجير، فيما دان الرئيس الكيني الهجوم.",
        &["ACCUSE KEN asserted by=- | ACCUSE KEN+SOM asserted by=-", "?ASSAULT SOM | ASSAULT -"],
    ),
    ("ندد الاتحاد الأوروبي بالهجوم الروسي على مدينة دنيبرو.", &["ACCUSE INT+RUS"]),
    ("وانتقدت الصين العقوبات الأمريكية الجديدة على شركاتها.", &["ACCUSE CHN+USA"]),
    ("واتهم الجيش السوداني الإمارات بتزويد قوات الدعم السريع بالأسلحة.", &["ACCUSE SDN+ARE"]),
];

const REQUEST_CASES: &[Case] = &[
    ("دعت الأمم المتحدة إلى وقف فوري لإطلاق النار في السودان.", &["REQUEST INT | REQUEST INT+SDN"]),
    // Officials of international bodies act for them, named or not.
    (
        "دعا الأمين العام للأمم المتحدة إلى وقف فوري للقتال في مدينة الفاشر.",
        &["REQUEST INT | REQUEST INT+SDN"],
    ),
    (
        "وحث الأمين العام لحلف الناتو ينس ستولتنبرغ روسيا على سحب قواتها من أوكرانيا.",
        &["REQUEST INT+RUS | REQUEST INT+RUS+UKR"],
    ),
    (
        "وحث وزير الخارجية الأمريكي أنتوني بلينكن روسيا على سحب قواتها من أوكرانيا.",
        &["REQUEST USA+RUS | REQUEST USA+RUS+UKR"],
    ),
    (
        "ودعا الأمين العام للأمم المتحدة أنطونيو غوتيريش والرئيس الفرنسي إيمانويل ماكرون إلى هدنة إنسانية في غزة.",
        &["REQUEST INT+FRA | REQUEST INT+FRA+PSE"],
    ),
    ("وطالبت مصر إسرائيل بالانسحاب من محور فيلادلفيا.", &["REQUEST EGY+ISR"]),
    (
        "وحث وزير الخارجية الأمريكي أنتوني بلينكن الحكومة السودانية على العودة إلى طاولة المفاوضات.",
        &["REQUEST USA+SDN"],
    ),
    (
        "ناشدت منظمة الصحة العالمية المجتمع الدولي تقديم مساعدات عاجلة للصومال.",
        &["REQUEST INT+SOM"],
    ),
    ("وطلبت أوكرانيا من حلفائها الغربيين المزيد من أنظمة الدفاع الجوي.", &["REQUEST UKR"]),
];

const REJECT_CASES: &[Case] = &[
    ("رفضت حركة حماس المقترح الإسرائيلي الجديد.", &["REJECT PSE+ISR"]),
    ("ورفض الجيش السوداني المشاركة في محادثات جنيف.", &["REJECT SDN"]),
    ("وانسحب الوفد الروسي من المحادثات مع أوكرانيا في إسطنبول.", &["REJECT RUS+UKR"]),
    ("ورفضت الحكومة الصومالية الاتفاق البحري بين إثيوبيا وأرض الصومال.", &["REJECT SOM+ETH"]),
];

const THREATEN_CASES: &[Case] = &[
    ("هدد الحوثيون باستهداف السفن الأمريكية في البحر الأحمر.", &["THREATEN YEM+USA"]),
    ("وتوعدت إيران برد قاس على الضربة الإسرائيلية.", &["THREATEN IRN+ISR"]),
    (
        "وهددت روسيا باستخدام الأسلحة النووية إذا زودت الدول الغربية أوكرانيا بصواريخ بعيدة المدى.",
        &["THREATEN RUS+UKR"],
    ),
    (
        "هدد رئيس الوزراء الإسرائيلي بنيامين نتنياهو بشن عملية عسكرية واسعة في رفح.",
        &["THREATEN ISR | THREATEN ISR+PSE"],
    ),
    ("ويهدد الجيش الكونغولي بطرد متمردي حركة 23 مارس من مدينة غوما.", &["THREATEN COD"]),
];

#[test]
fn support_welcoming_and_solidarity() {
    check_all(SUPPORT_CASES);
}

#[test]
fn accuse_condemnation_and_accusation() {
    check_all(ACCUSE_CASES);
}

#[test]
fn request_calls_and_demands() {
    check_all(REQUEST_CASES);
}

#[test]
fn reject_refusals_and_walkouts() {
    check_all(REJECT_CASES);
}

#[test]
fn threaten_threats() {
    check_all(THREATEN_CASES);
}

// ---------------------------------------------------------------------------------------
// CONCEDE, COERCE, MOBILIZE, RETREAT, SANCTION, PROTEST, AID: material acts
// ---------------------------------------------------------------------------------------

const CONCEDE_CASES: &[Case] = &[
    ("أفرجت حركة حماس عن أربعة محتجزين إسرائيليين ضمن صفقة التبادل.", &["CONCEDE PSE+ISR"]),
    ("وأعلنت إسرائيل إطلاق سراح 90 من الأسرى الفلسطينيين.", &["CONCEDE ISR+PSE"]),
    ("سمحت إسرائيل بدخول 200 شاحنة مساعدات إلى قطاع غزة عبر معبر رفح.", &["CONCEDE ISR+PSE"]),
    (
        "وأفرجت السلطات الروسية عن صحفي أمريكي في إطار صفقة تبادل سجناء مع الولايات المتحدة.",
        &["CONCEDE RUS+USA"],
    ),
    ("وسمحت الحكومة الإثيوبية بدخول قوافل المساعدات إلى إقليم تيغراي.", &["CONCEDE ETH"]),
];

const COERCE_CASES: &[Case] = &[
    ("احتجز الحوثيون سفينة شحن مرتبطة بإسرائيل في البحر الأحمر.", &["COERCE YEM+ISR"]),
    ("اعتقلت القوات الإسرائيلية عشرين فلسطينيا في مداهمات بالضفة الغربية.", &["COERCE ISR+PSE"]),
    ("وضبطت البحرية الأمريكية شحنة أسلحة إيرانية في بحر العرب.", &["COERCE USA+IRN"]),
    ("فرضت قوات الدعم السريع حصارا خانقا على مدينة الفاشر.", &["COERCE SDN"]),
    ("واعتقلت السلطات الروسية مواطنا فرنسيا بتهمة التجسس.", &["COERCE RUS+FRA"]),
    (
        "واستولت البحرية الإيرانية على ناقلة نفط ترفع علم بنما في مضيق هرمز.",
        &["COERCE IRN+PAN | COERCE IRN"],
    ),
    ("وتحاصر القوات الروسية مدينة أفدييفكا الأوكرانية من ثلاث جهات.", &["COERCE RUS+UKR"]),
];

const MOBILIZE_CASES: &[Case] = &[
    ("نشرت تركيا قوات إضافية في شمال سوريا.", &["MOBILIZE TUR+SYR"]),
    ("حشد الجيش السوداني تعزيزات عسكرية كبيرة حول مدينة الأبيض.", &["MOBILIZE SDN"]),
    (
        "وأعلنت الولايات المتحدة تشكيل تحالف دولي متعدد الجنسيات لحماية الملاحة في البحر الأحمر.",
        &["MOBILIZE USA"],
    ),
    ("وأرسلت روسيا تعزيزات عسكرية إلى الحدود مع أوكرانيا.", &["MOBILIZE RUS+UKR"]),
    ("ونشرت كينيا ألف شرطي في هايتي.", &["MOBILIZE KEN+HTI"]),
];

const RETREAT_CASES: &[Case] = &[
    ("انسحبت القوات الروسية من مدينة خيرسون إلى الضفة الشرقية لنهر دنيبرو.", &["RETREAT RUS+UKR"]),
    ("وأعلن الجيش الإسرائيلي انسحاب قواته من مدينة خان يونس.", &["RETREAT ISR+PSE"]),
    ("وانسحب مقاتلو تحالف نهر الكونغو من بلدة كيبومبا.", &["RETREAT COD"]),
    (
        "وانسحبت قوات فاغنر من مالي بعد أشهر من القتال.",
        &["RETREAT RUS+MLI", "?ASSAULT RUS+MLI | ASSAULT MLI"],
    ),
    ("وأكملت فرنسا سحب قواتها من النيجر.", &["RETREAT FRA+NER"]),
];

const SANCTION_CASES: &[Case] = &[
    ("فرضت وزارة الخزانة الأمريكية عقوبات على قادة في قوات الدعم السريع.", &["SANCTION USA+SDN"]),
    ("وفرض الاتحاد الأوروبي حزمة عقوبات جديدة على روسيا.", &["SANCTION INT+RUS"]),
    ("وقررت مالي طرد السفير الفرنسي من باماكو.", &["SANCTION MLI+FRA"]),
    ("وأعلنت بريطانيا تجميد أصول ثلاثة قادة عسكريين سودانيين.", &["SANCTION GBR+SDN"]),
    (
        "وفرضت واشنطن عقوبات على شركات صينية تزود روسيا بمكونات الطائرات المسيرة.",
        &["SANCTION USA+CHN", "?SANCTION USA+RUS"],
    ),
];

const PROTEST_CASES: &[Case] = &[
    ("تظاهر آلاف الإسرائيليين في تل أبيب للمطالبة بإبرام صفقة لتبادل الأسرى.", &["PROTEST ISR"]),
    ("وخرجت مظاهرات حاشدة في العاصمة اليمنية صنعاء تضامنا مع غزة.", &["PROTEST YEM"]),
    ("واحتج مئات السودانيين في مدينة بورتسودان على استمرار الحرب.", &["PROTEST SDN"]),
    ("ونظم طلاب جامعات أمريكية اعتصامات احتجاجا على الحرب في غزة.", &["PROTEST USA"]),
    ("وشهدت العاصمة الكينية نيروبي احتجاجات على قانون الضرائب الجديد.", &["PROTEST KEN"]),
];

const AID_CASES: &[Case] = &[
    ("زودت الولايات المتحدة أوكرانيا بصواريخ باتريوت للدفاع الجوي.", &["AID USA+UKR"]),
    ("وأرسلت إيران شحنات أسلحة إلى الحوثيين بحرا.", &["AID IRN+YEM"]),
    ("قدمت ألمانيا مساعدات عسكرية جديدة لأوكرانيا بقيمة 500 مليون يورو.", &["AID DEU+UKR"]),
    ("ووصلت إلى بورتسودان شحنة أسلحة تركية مخصصة للجيش السوداني.", &["AID TUR+SDN"]),
    ("وزودت روسيا الجيش المالي بطائرات مسيرة ومروحيات قتالية.", &["AID RUS+MLI"]),
];

#[test]
fn concede_releases_and_aid_let_in() {
    check_all(CONCEDE_CASES);
}

#[test]
fn coerce_arrests_seizures_sieges() {
    check_all(COERCE_CASES);
}

#[test]
fn mobilize_deployments() {
    check_all(MOBILIZE_CASES);
}

#[test]
fn retreat_withdrawals() {
    check_all(RETREAT_CASES);
}

#[test]
fn sanction_sanctions_and_expulsions() {
    check_all(SANCTION_CASES);
}

#[test]
fn protest_demonstrations() {
    check_all(PROTEST_CASES);
}

#[test]
fn aid_weapons_supplied() {
    check_all(AID_CASES);
}

// ---------------------------------------------------------------------------------------
// Joint statements, attribution, stance, dates
// ---------------------------------------------------------------------------------------

const JOINT_STATEMENT_CASES: &[Case] = &[
    (
        "وأصدرت مصر والسعودية والأردن بيانا مشتركا أدانت فيه الهجوم الإسرائيلي على رفح.",
        &["ACCUSE EGY+ISR", "ACCUSE SAU+ISR", "ACCUSE JOR+ISR"],
    ),
    (
        "ورحبت الولايات المتحدة وبريطانيا والنرويج في بيان مشترك بالاتفاق بين الحكومة السودانية والحركات المسلحة.",
        &["SUPPORT USA+SDN", "SUPPORT GBR+SDN", "SUPPORT NOR+SDN"],
    ),
    (
        "ودعت فرنسا وألمانيا في بيان مشترك روسيا إلى وقف هجماتها على المدن الأوكرانية.",
        &["REQUEST FRA+RUS", "REQUEST DEU+RUS"],
    ),
];

const ATTRIBUTION_CASES: &[Case] = &[
    (
        "وقال الجيش الأوكراني إن القوات الروسية قصفت بلدات في منطقة سومي.",
        &["ASSAULT RUS+UKR claimed by=UKR"],
    ),
    (
        "بحسب الأمم المتحدة، اعتقلت قوات الدعم السريع عشرات المدنيين في ولاية الجزيرة.",
        &["COERCE SDN claimed by=INT"],
    ),
    (
        "وفق وزارة الصحة الفلسطينية، قصفت الطائرات الإسرائيلية مدرسة تؤوي نازحين في مخيم النصيرات.",
        &["ASSAULT ISR+PSE claimed by=PSE"],
    ),
    (
        "وأعلنت وزارة الدفاع الروسية أن قواتها سيطرت على قرية في منطقة دونيتسك.",
        &["ASSAULT RUS+UKR claimed by=RUS"],
    ),
    (
        "وأفاد الجيش الإسرائيلي بأن حزب الله أطلق عشرات الصواريخ على الجليل الأعلى.",
        &["ASSAULT LBN+ISR claimed by=ISR"],
    ),
    (
        "وقالت القيادة المركزية الأمريكية إن الحوثيين أطلقوا صاروخين باتجاه مدمرة أمريكية.",
        &["ASSAULT YEM+USA claimed by=USA"],
    ),
    (
        "وذكرت وزارة الخارجية القطرية أن الوفد الإسرائيلي التقى الوسطاء المصريين في الدوحة.",
        &["CONSULT ISR+EGY claimed by=QAT"],
    ),
    (
        "بحسب الجيش المالي، هاجم مسلحون من جماعة نصرة الإسلام والمسلمين قاعدة عسكرية في وسط البلاد.",
        &["ASSAULT MLI claimed by=MLI"],
    ),
];

const DENIAL_CASES: &[Case] = &[
    (
        "نفت روسيا أن تكون قد قصفت مستشفى للأطفال في كييف.",
        &["REJECT RUS+UKR asserted", "ASSAULT RUS+UKR denied by=RUS"],
    ),
    (
        "واتهمت أوكرانيا روسيا بقصف محطة زابوريجيا النووية، الأمر الذي نفته موسكو.",
        &["ACCUSE UKR+RUS", "REJECT RUS+UKR", "?ASSAULT RUS+UKR denied"],
    ),
    (
        "وقالت إسرائيل إنها استهدفت مقاتلين من حماس داخل المدرسة، وهو ما نفته حماس.",
        &["ASSAULT ISR+PSE claimed by=ISR", "?REJECT PSE+ISR"],
    ),
    (
        "ونفى الجيش السوداني قصف سوق شعبي في مدينة نيالا.",
        &["REJECT SDN", "ASSAULT SDN denied by=SDN"],
    ),
    (
        "ونفت الحكومة الرواندية إرسال قوات إلى شرق الكونغو الديمقراطية.",
        &["REJECT RWA+COD", "AID RWA+COD denied by=RWA | MOBILIZE RWA+COD denied by=RWA"],
    ),
];

const FUTURE_CASES: &[Case] = &[
    (
        "سيلتقي الرئيس الأمريكي جو بايدن نظيره الصيني شي جينبينغ في سان فرانسيسكو الأسبوع المقبل.",
        &["CONSULT USA+CHN planned"],
    ),
    (
        "ومن المقرر أن يزور وزير الخارجية التركي هاكان فيدان العاصمة الروسية موسكو.",
        &["CONSULT TUR+RUS planned"],
    ),
    (
        "ومن المتوقع أن توقع الحكومة الكونغولية وحركة 23 مارس اتفاق سلام في الدوحة.",
        &["AGREE COD planned"],
    ),
    (
        "وتعتزم الولايات المتحدة فرض عقوبات جديدة على قادة في قوات الدعم السريع.",
        &["SANCTION USA+SDN planned"],
    ),
    (
        "ستستضيف القاهرة الأحد المقبل جولة جديدة من المحادثات بين إسرائيل وحماس.",
        &["CONSULT ISR+PSE planned"],
    ),
    (
        "وتعهدت بريطانيا بتقديم دعم عسكري لأوكرانيا بقيمة ثلاثة مليارات جنيه.",
        &["AID GBR+UKR planned"],
    ),
    ("وسيجتمع وزراء خارجية دول مجموعة السبع في إيطاليا الشهر المقبل لبحث الحرب في أوكرانيا.", &[]),
];

const NEGATION_CASES: &[Case] = &[
    ("لم يحدث أي لقاء بين قائد الجيش السوداني عبد الفتاح البرهان وحميدتي منذ بدء الحرب.", &[]),
    ("لم تستهدف القوات الأوكرانية أي منشآت مدنية.", &[]),
    ("ولن تنسحب القوات الروسية من منطقة زابوريجيا.", &[]),
    ("ولم توقع إسرائيل وحماس أي اتفاق حتى الآن.", &[]),
    ("ولن تفرض الصين عقوبات على روسيا.", &[]),
    ("لم تشهد جبهات القتال في السودان أي هدنة منذ أشهر.", &[]),
];

const INTENTION_CASES: &[Case] = &[
    ("وأكدت حركة حماس أنها مستعدة للتفاوض على صفقة شاملة.", &[]),
    ("وقال الرئيس الأوكراني فولوديمير زيلينسكي إن بلاده مستعدة لعقد اجتماع مع روسيا.", &[]),
    (
        "وأعرب الجيش السوداني عن استعداده للانسحاب من المدن إذا التزمت قوات الدعم السريع بالهدنة.",
        &[],
    ),
    ("وأبدت الحكومة الإثيوبية استعدادها للحوار مع ميليشيا فانو.", &[]),
    ("وفي حال تعرضت السفن الأمريكية لهجوم، سترد الولايات المتحدة بقوة.", &[]),
];

const DATE_CASES: &[Case] = &[
    (
        "وفي السابع من أكتوبر 2023 شنت حركة حماس هجوما على إسرائيل.",
        &["ASSAULT PSE+ISR on=2023-10-07"],
    ),
    (
        "واجتمع وزير الخارجية المصري بدر عبد العاطي بنظيره السعودي فيصل بن فرحان في الرياض يوم الاثنين.",
        &["CONSULT EGY+SAU on=2024-05-13"],
    ),
    ("ووقعت السودان وجنوب السودان في 3 مايو اتفاقا لتأمين الحدود.", &["AGREE SDN+SSD on=2024-05-03"]),
];

const NEGATIVE_CASES: &[Case] = &[
    ("يعيش أكثر من مليوني نازح في مخيمات على الحدود بين السودان وتشاد.", &[]),
    ("وتبلغ مساحة قطاع غزة نحو 365 كيلومترا مربعا.", &[]),
    ("وكانت العلاقات بين مصر وتركيا قد شهدت توترا خلال العقد الماضي.", &[]),
    ("ويبلغ عدد سكان مدينة الفاشر قرابة مليوني نسمة.", &[]),
    ("ويعد ميناء الحديدة شريانا رئيسيا لواردات اليمن الغذائية.", &[]),
    ("وتقع مدينة غوما على ضفاف بحيرة كيفو قرب الحدود مع رواندا.", &[]),
    ("وتمتد الحدود بين ليبيا والنيجر على مسافة طويلة في الصحراء.", &[]),
];

/// Cues that reach past the trigger's own words, and rules that read a trigger in its
/// context.
const CONTEXT_CASES: &[Case] = &[
    // "لا تزال", "لم تتوقف" say the fighting goes on: no negation.
    (
        "ولا تزال المعارك مستمرة بين الجيش السوداني وقوات الدعم السريع في الخرطوم.",
        &["ASSAULT SDN"],
    ),
    ("ولم تتوقف الغارات الإسرائيلية على جنوب لبنان منذ أسابيع.", &["ASSAULT ISR+LBN"]),
    // A hope or an aim is not a happening.
    ("وقال الرئيس الكيني إنه يأمل أن تتعاون إثيوبيا والصومال في مكافحة الإرهاب.", &[]),
    ("وتسعى روسيا إلى السيطرة على كامل منطقة دونيتسك.", &[]),
    // A place held by one state and lying in another: a strike by the one hits the other.
    ("وقصفت القوات الأوكرانية مدينة دونيتسك.", &["ASSAULT UKR+RUS"]),
    ("وسيطرت القوات الروسية على بلدة قرب مدينة دونيتسك.", &["ASSAULT RUS+UKR"]),
    // Ground taken vs a ship seized.
    ("وسيطرت قوات الدعم السريع على مدينة ود مدني.", &["ASSAULT SDN"]),
    ("واستولى الحوثيون على سفينة شحن ترفع علم بنما.", &["COERCE YEM | COERCE YEM+PAN"]),
    // Walking out of talks or an accord.
    ("وانسحبت روسيا من اتفاق تصدير الحبوب عبر البحر الأسود.", &["REJECT RUS"]),
    // A host meeting several guests meets each of them.
    (
        "والتقى رئيس الوزراء القطري في الدوحة مع ممثلين عن إسرائيل وحماس.",
        &["CONSULT QAT+ISR", "CONSULT QAT+PSE"],
    ),
    (
        "وأجرى وزيرا خارجية السودان وجنوب السودان مباحثات منفصلة مع المبعوث الأمريكي.",
        &["CONSULT SDN+USA", "CONSULT SSD+USA"],
    ),
    // A contrast opens a new clause whose subject is the speaker.
    (
        "وقال رئيس مجلس السيادة السوداني عبد الفتاح البرهان إن الجيش مستعد للتفاوض، لكنه اتهم الإمارات بتسليح قوات الدعم السريع.",
        &["ACCUSE SDN+ARE"],
    ),
    // The reporting side suffered an attack with no one named.
    (
        "وقالت وزارة الدفاع الأوكرانية إن مدينة خاركيف تعرضت لقصف عنيف.",
        &["ASSAULT UKR claimed by=UKR"],
    ),
    // Taking part in an attack is making it; suffering it is not.
    ("وشاركت قوات تركية في الهجوم على مدينة عفرين.", &["ASSAULT TUR+SYR"]),
    // The accusations a denial answers are its object, not an event of their own.
    (
        "ونفت موسكو الاتهامات الأوكرانية باستهداف المدنيين.",
        &["REJECT RUS+UKR", "?ASSAULT RUS denied"],
    ),
    // A light verb's object names the attack, past its subject and a date in brackets.
    (
        "وشنت فرنسا والإمارات مساء السبت 8 يونيو (حزيران) غارات جوية على مواقع لحركة الشباب في الصومال.",
        &["ASSAULT FRA+ARE+SOM"],
    ),
    // A truce proposed or sought is not one agreed.
    ("وتدرس حركة حماس مقترح هدنة قدمه الوسطاء.", &[]),
    ("وتكثف الأطراف جهودها للتوصل إلى اتفاق يتضمن وقفا لإطلاق النار في السودان.", &[]),
    // The people a state reports killed in an attack are its own.
    (
        "وقالت أوكرانيا إن خمسة أشخاص قتلوا في هجوم روسي.",
        &["ASSAULT RUS+UKR claimed by=UKR"],
    ),
    // "فيما" opens a clause with a subject of its own.
    (
        "والتقى وزير الخارجية المصري نظيره الأردني في عمان، فيما دعت قطر إلى هدنة فورية في غزة.",
        &["CONSULT EGY+JOR", "REQUEST QAT"],
    ),
    // With an event for its subject, a speech verb is no party's act.
    ("وحذر خبراء من أن الهجمات تهدد حركة الملاحة في البحر الأحمر.", &[]),
    // A party after a preposition is not the masdar's subject.
    ("وفرضت كندا عقوبات جديدة على إيران.", &["SANCTION CAN+IRN"]),
    ("وأعلن الاتحاد الأوروبي تقديم مساعدات عسكرية إضافية لأوكرانيا.", &["AID INT+UKR"]),
];

/// Snippets of two or three sentences: the article's fighting sides complete one-sided
/// reports, and a reporting verb carries its speaker into the next sentence.
const SNIPPET_CASES: &[Case] = &[
    (
        "اندلعت اشتباكات عنيفة بين القوات الهندية والباكستانية على خط المراقبة في كشمير. وبعد ساعات أعلن عن هدنة.",
        &["ASSAULT IND+PAK", "AGREE IND+PAK"],
    ),
    (
        "تبادلت إسرائيل وحزب الله القصف عبر الحدود. وقال الجيش الإسرائيلي إن مواقعه في الجليل تعرضت لهجوم صاروخي.",
        &["ASSAULT ISR+LBN"],
    ),
    (
        "قالت وزارة الخارجية السودانية إن الجيش صد هجوما لقوات الدعم السريع على مدينة الفاشر. وأضافت أن الطيران الحربي قصف تجمعات للمتمردين شرق المدينة.",
        &["ASSAULT SDN claimed by=SDN"],
    ),
    (
        "استضافت القاهرة جولة جديدة من المفاوضات بين إسرائيل وحماس. وشارك في المحادثات وفد قطري.",
        &["CONSULT ISR+PSE", "?CONSULT QAT"],
    ),
    (
        "دارت معارك بين الجيش الروسي والقوات الأوكرانية في محيط مدينة بوكروفسك. وأعلنت موسكو لاحقا أن قواتها سيطرت على قرية مجاورة.",
        &["ASSAULT RUS+UKR"],
    ),
    (
        "قصفت إسرائيل مواقع لحركة حماس في رفح. وتكثف مصر وقطر الوساطة بين الجانبين.",
        &[
            "ASSAULT ISR+PSE",
            "CONSULT EGY+ISR",
            "CONSULT EGY+PSE",
            "CONSULT QAT+ISR",
            "CONSULT QAT+PSE",
        ],
    ),
];

#[test]
fn context_cues_and_rereadings() {
    check_all(CONTEXT_CASES);
}

#[test]
fn snippets_of_several_sentences() {
    check_all(SNIPPET_CASES);
}

#[test]
fn joint_statement_is_one_event_per_signatory() {
    check_all(JOINT_STATEMENT_CASES);
}

#[test]
fn attribution_makes_events_claimed() {
    check_all(ATTRIBUTION_CASES);
}

#[test]
fn denial_is_a_reject_and_the_event_denied() {
    check_all(DENIAL_CASES);
}

#[test]
fn future_events_are_planned() {
    check_all(FUTURE_CASES);
}

#[test]
fn negated_events_are_dropped() {
    check_all(NEGATION_CASES);
}

#[test]
fn intentions_and_conditions_are_not_events() {
    check_all(INTENTION_CASES);
}

#[test]
fn dates_come_from_the_sentence() {
    check_all(DATE_CASES);
}

#[test]
fn sentences_without_events() {
    check_all(NEGATIVE_CASES);
}

// ---------------------------------------------------------------------------------------
// Coverage and properties
// ---------------------------------------------------------------------------------------

const ALL: &[&[Case]] = &[
    ASSAULT_VERB_FIRST,
    ASSAULT_SUBJECT_FIRST,
    ASSAULT_MASDAR,
    ASSAULT_PASSIVE,
    ASSAULT_BETWEEN,
    ASSAULT_OTHER,
    CONSULT_CASES,
    MEDIATION_CASES,
    MULTILATERAL_CASES,
    AGREE_CASES,
    COOPERATE_CASES,
    SUPPORT_CASES,
    ACCUSE_CASES,
    REQUEST_CASES,
    REJECT_CASES,
    THREATEN_CASES,
    CONCEDE_CASES,
    COERCE_CASES,
    MOBILIZE_CASES,
    RETREAT_CASES,
    SANCTION_CASES,
    PROTEST_CASES,
    AID_CASES,
    JOINT_STATEMENT_CASES,
    CONTEXT_CASES,
    SNIPPET_CASES,
    ATTRIBUTION_CASES,
    DENIAL_CASES,
    FUTURE_CASES,
    NEGATION_CASES,
    INTENTION_CASES,
    DATE_CASES,
    NEGATIVE_CASES,
];

/// The suite is as wide as the issue asks: 150 sentences, every PLOVER type several
/// times, and sentences with no event at all.
#[test]
fn the_suite_covers_every_plover_type() {
    let cases: Vec<&Case> = ALL.iter().flat_map(|t| t.iter()).collect();
    assert!(cases.len() >= 150, "only {} sentences", cases.len());
    let mut per_type: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, wants) in &cases {
        let types: BTreeSet<&str> = wants
            .iter()
            .filter(|w| !w.starts_with('?'))
            .filter_map(|w| w.split_whitespace().next())
            .collect();
        for t in types {
            *per_type.entry(t).or_default() += 1;
        }
    }
    for t in rasd_events::PLOVER_TYPES {
        assert!(per_type.get(t).copied().unwrap_or(0) >= 5, "{t}: {per_type:?}");
    }
    let empty = cases.iter().filter(|(_, w)| w.is_empty()).count();
    assert!(empty >= 20, "{empty} sentences without events");
    eprintln!("{} sentences; per type {per_type:?}; {empty} with no event", cases.len());
}

#[test]
fn trigger_spans_slice_back_on_every_case() {
    for (text, _) in ALL.iter().flat_map(|t| t.iter()) {
        let chars: Vec<char> = text.chars().collect();
        for e in run(text).1 {
            let slice: String = chars[e.trigger.start..e.trigger.end].iter().collect();
            assert_eq!(slice, e.trigger.text, "{text}");
        }
    }
}

/// Words the random texts are made of: triggers, cues, names, punctuation.
const ALPHABET: &[&str] = &[
    "قصفت",
    "القوات",
    "الروسية",
    "أوكرانيا",
    "بين",
    "و",
    "اشتباكات",
    "الجيش",
    "السوداني",
    "قوات الدعم السريع",
    "بوساطة",
    "مصرية",
    "قطرية",
    "نفت",
    "قالت",
    "إن",
    "لم",
    "لن",
    "سيلتقي",
    "من المقرر",
    "المقبل",
    "تعرضت",
    "لقصف",
    "من",
    "على",
    "مع",
    "إسرائيل",
    "حماس",
    "الحوثيون",
    "مستعدون",
    "للتفاوض",
    "اتفاق",
    "وقف إطلاق النار",
    "رحبت",
    "أدانت",
    "عقوبات",
    "انسحبت",
    "اعتقلت",
    "مظاهرات",
    "هدد",
    "زودت",
    "بيان مشترك",
    "التقى",
    "نظيره",
    "الفاشر",
    "كييف",
    "في",
    "،",
    ".",
    "؟",
    "الأمم المتحدة",
    "الأمر الذي نفته",
    "البلدين",
    "إذا",
    "وهو ما",
    "المدعومة من إيران",
    "زار",
    "العاصمة",
    "أفرجت عن",
    "الطرفين",
    "7",
    "أمس",
    "الثلاثاء",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_texts_never_panic_and_spans_slice_back(
        words in prop::collection::vec(prop::sample::select(ALPHABET), 0..40),
        glue in prop::collection::vec(prop::sample::select(&[" ", " ", " ", "\n", "", "  "][..]), 40),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            text.push_str(w);
            text.push_str(glue[i % glue.len()]);
        }
        let chars: Vec<char> = text.chars().collect();
        let (ents, events) = run(&text);
        for e in &events {
            prop_assert!(e.trigger.start < e.trigger.end && e.trigger.end <= chars.len());
            let slice: String = chars[e.trigger.start..e.trigger.end].iter().collect();
            prop_assert_eq!(&slice, &e.trigger.text);
            prop_assert!(rasd_events::PLOVER_TYPES.contains(&e.event_type.as_str()));
            for id in e.actors.iter().chain(&e.targets).chain(&e.locations) {
                let known = ents.iter().any(|x| &x.id == id)
                    || (id.len() == 3 && id.chars().all(|c| c.is_ascii_uppercase()));
                prop_assert!(known, "unknown id {} in {}", id, text);
            }
        }
    }
}

/// In a civil war both sides are of one country: the other side is still the target.
#[test]
fn the_other_side_of_a_civil_war_is_a_party() {
    for (text, actor, target) in [
        ("واتهم الجيش السوداني قوات الدعم السريع بقتل عشرات المدنيين.", "SDN", "group:rsf"),
        ("وهاجمت حركة الشباب قاعدة للجيش الصومالي.", "group:al-shabaab", "SOM"),
    ] {
        let (ents, events) = run(text);
        let e = events.first().unwrap_or_else(|| panic!("no event in {text}"));
        assert_eq!(e.actors, [actor], "{text}: {}", show(&ents, &events));
        assert_eq!(e.targets, [target], "{text}: {}", show(&ents, &events));
    }
}

/// Who acts and who suffers, beyond the participant sets the cases above check.
#[test]
fn the_agent_of_an_attack_that_caused_losses() {
    for (text, actor, target) in [
        ("قتل جنديان إسرائيليان في هجوم لحزب الله على موقع عسكري.", "group:hezbollah", "ISR"),
        ("أصيب خمسة جنود أمريكيين في هجوم لجماعة الحوثي قرب الحدود.", "group:houthis", "USA"),
    ] {
        let (ents, events) = run(text);
        let e = events
            .iter()
            .find(|e| e.event_type == "ASSAULT")
            .unwrap_or_else(|| panic!("no ASSAULT in {text}: {}", show(&ents, &events)));
        assert_eq!(e.actors, [actor], "{text}");
        assert!(e.targets.iter().any(|t| t == target), "{text}: {:?}", e.targets);
    }
}
