//! Behaviour of the clean stage on small invented article snippets.
//!
//! Each test pins one kind of scraped junk that must go, or one kind of article text
//! that must stay although it looks a little like junk.

use rasd_clean::{CleanError, Cleaned, Cleaner};

fn clean(title: Option<&str>, body: &str) -> Cleaned {
    Cleaner::embedded().clean(title, body)
}

fn reasons(c: &Cleaned) -> Vec<&str> {
    c.removed.iter().map(|r| r.reason.as_str()).collect()
}

fn removed_lines(c: &Cleaned) -> Vec<&str> {
    c.removed.iter().map(|r| r.line.as_str()).collect()
}

const P1: &str = "قالت الأمم المتحدة إن آلاف الأسر نزحت من مدينة الفاشر خلال الأسبوع الماضي.";
const P2: &str = "وأضاف المتحدث باسم المنظمة أن فرق الإغاثة تواجه صعوبات في الوصول إلى المخيمات.";

/// Body with `junk` between two paragraphs; asserts the junk alone was dropped.
fn assert_dropped(junk: &str) -> Cleaned {
    let body = format!("{P1}\n\n{junk}\n\n{P2}");
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}"), "junk line kept: {junk:?}");
    assert_eq!(removed_lines(&out), vec![junk.trim()]);
    out
}

/// Body with `line` between two paragraphs; asserts nothing was dropped.
fn assert_kept(line: &str) {
    let body = format!("{P1}\n\n{line}\n\n{P2}");
    let out = clean(None, &body);
    assert_eq!(out.text, body, "content line dropped: {line:?}");
    assert!(out.removed.is_empty(), "{:?}", out.removed);
}

// --- kinds of site chrome -----------------------------------------------------------

#[test]
fn javascript_notice_dropped() {
    assert_dropped("Please enable JavaScript in your browser to read this page.");
    assert_dropped("يرجى تفعيل الجافا سكريبت في متصفحك لعرض المحتوى");
}

#[test]
fn cookie_banners_dropped() {
    let out = assert_dropped(
        "يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك، وبمتابعة التصفح فإنك توافق على ذلك.",
    );
    assert_eq!(reasons(&out), vec!["cookie.ar.definition"]);
    assert_dropped("We use cookies to give you the best experience on our site.");
    assert_dropped("نستخدم الكوكيز لأغراض إحصائية");
}

#[test]
fn ad_markers_dropped() {
    for junk in ["Ad", "Advertisement", "إعلان", "إعـــلان", "مساحة إعلانية", "ADVERTISING"]
    {
        assert_dropped(junk);
    }
    assert_dropped("يتبع المقال بعد الإعلان");
}

#[test]
fn read_more_and_read_also_dropped() {
    assert_dropped("اقرأ المزيد");
    let out = assert_dropped("اقرأ أيضاً: كيف تحولت الحرب في السودان إلى أزمة إقليمية؟");
    assert_eq!(reasons(&out), vec!["related.ar.read-also"]);
    assert_dropped("إقرأ ايضا.. ماذا يعني وقف إطلاق النار لسكان غزة");
    assert_dropped("طالع أيضا: واشنطن تدرس خيارات الرد");
}

#[test]
fn picked_for_you_and_related_headers_dropped() {
    for junk in [
        "اخترنا لك",
        "مقالات ذات صلة",
        "أخبار ذات صلة",
        "مواضيع ذات صلة",
        "الأكثر قراءة",
        "قد يهمك أيضاً",
    ] {
        assert_dropped(junk);
    }
}

#[test]
fn more_from_section_dropped() {
    assert_dropped("المزيد من أخبار العالم");
    assert_dropped("المزيد من اقتصاد");
}

#[test]
fn share_and_follow_lines_dropped() {
    for junk in [
        "شارك",
        "شارك المقال",
        "مشاركة",
        "شارك على فيسبوك",
        "فيسبوك | تويتر | واتساب",
        "Facebook Twitter WhatsApp",
        "تابعونا على تلغرام لمتابعة آخر الأخبار",
        "تابعنا على منصة إكس",
    ] {
        assert_dropped(junk);
    }
}

#[test]
fn newsletter_prompts_dropped() {
    assert_dropped("اشترك في نشرتنا البريدية ليصلك ملخص اليوم");
    assert_dropped("أدخل بريدك الإلكتروني للاشتراك");
    assert_dropped("اشترك الآن");
}

#[test]
fn copyright_lines_dropped() {
    assert_dropped("© 2024 جميع الحقوق محفوظة");
    assert_dropped("جميع الحقوق محفوظة لشبكة الأخبار العربية");
    assert_dropped("حقوق الطبع والنشر محفوظة");
}

#[test]
fn photo_captions_and_credits_dropped() {
    for junk in [
        "صورة أرشيفية",
        "(صورة أرشيفية)",
        "صورة أرشيفية لنازحين في مخيم زمزم",
        "الصورة: نازحون يصلون إلى بلدة طويلة",
        "مصدر الصورة، Getty Images",
        "رويترز",
        "(أ.ف.ب)",
        "صورة تعبيرية",
    ] {
        assert_dropped(junk);
    }
}

#[test]
fn agency_name_inside_a_sentence_kept() {
    assert_kept("الخرطوم (رويترز) - قال شهود إن القصف استمر حتى ساعات الفجر.");
    assert_kept("وقال مسؤول عسكري لرويترز إن القوات انسحبت من المنطقة.");
}

#[test]
fn comment_print_and_font_controls_dropped() {
    for junk in ["تعليقات", "أضف تعليقك", "طباعة", "حجم الخط", "3 تعليقات"]
    {
        assert_dropped(junk);
    }
}

#[test]
fn tags_and_timestamps_dropped() {
    for junk in [
        "الكلمات المفتاحية: السودان، دارفور، الفاشر",
        "الوسوم السودان دارفور",
        "آخر تحديث: 12 مارس 2024 - 10:15",
        "منذ 3 ساعات",
        "منذ ساعتين",
        "14/03/2024 09:30",
        "الثلاثاء 12 مارس (آذار) 2024",
        "نشر في: 05/11/2023",
    ] {
        assert_dropped(junk);
    }
}

#[test]
fn dates_inside_sentences_kept() {
    assert_kept("وفي 12 مارس 2024 أعلن الجيش استعادة السيطرة على الجسر.");
    assert_kept("نشر الجيش 300 جندي إضافي في المدينة.");
    assert_kept("منذ ساعات الصباح الأولى تتواصل الاشتباكات في محيط المطار.");
    assert_kept("آخر تحديث للحصيلة أظهر مقتل 30 شخصاً");
}

#[test]
fn short_news_sentences_with_trigger_words_kept() {
    for line in [
        "شارك على الأقل 200 شخص في المسيرة",
        "وأعلنت الحكومة حالة الطوارئ.",
        "تعليقات الوزير أثارت غضب المعارضة",
        "اشترك في الهجوم نحو 300 مقاتل",
        "الصورة التي نشرها الجيش أظهرت دبابات محترقة",
        "رويترز: مقتل 5 في غارة",
        "قبول المقترح المصري",
        "رفض",
    ] {
        assert_kept(line);
    }
}

/// A known cost of the "more from <section>" rule: a heading of at most four words
/// that starts with "المزيد من" is taken for a section link. Pinned so that changing
/// the limit is a deliberate choice.
#[test]
fn short_heading_starting_with_more_from_is_dropped() {
    assert_dropped("المزيد من الضحايا");
    assert_kept("المزيد من الضحايا في غارات ليلية");
}

#[test]
fn latin_chrome_in_arabic_article_dropped() {
    let out = assert_dropped("Loading comments...");
    assert_eq!(reasons(&out), vec!["latin-chrome"]);
    assert_dropped("(Related Articles block)");
    assert_dropped("يعرض هذا الحقل محتوى مرتبطا (Related Content field)");
}

#[test]
fn english_article_keeps_its_english_lines() {
    let body = "Fighting continued near the airport on Tuesday.\n\nLoading comments...\n\nThe army said it had repelled the attack.";
    let out = clean(None, body);
    assert!(out.text.contains("Loading comments..."));
    assert!(out.text.contains("repelled the attack."));
}

// --- article text that looks like chrome ------------------------------------------

#[test]
fn sentence_with_share_kept() {
    assert_kept("شارك في الاجتماع ممثلون عن مصر وقطر والولايات المتحدة.");
    assert_kept("وشارك آلاف في تشييع الضحايا");
    assert_kept("مشاركة واسعة في المحادثات");
}

#[test]
fn sentence_with_ad_word_kept() {
    assert_kept("إعلان وقف إطلاق النار جاء بعد وساطة مصرية قطرية استمرت أسابيع.");
    assert_kept("بعد الإعلان عن الهدنة عاد مئات النازحين إلى منازلهم.");
}

#[test]
fn sentences_with_related_and_more_kept() {
    assert_kept("وقالت مصادر ذات صلة بالمفاوضات إن الجولة المقبلة ستعقد في القاهرة.");
    assert_kept("المزيد من العائلات نزحت من الفاشر خلال الأيام الماضية بحسب المنظمة الدولية للهجرة.");
    assert_kept("ولم تعلق الحكومة على الصورة التي نشرتها الحملة.");
}

#[test]
fn subheadings_kept() {
    let body = format!("{P1}\n\nمعارك حول المطار\n\n{P2}\n\nموقف الوسطاء\n\n{P1}");
    let out = clean(None, &body);
    assert!(out.text.contains("\n\nمعارك حول المطار\n\n"));
    assert!(out.text.contains("\n\nموقف الوسطاء\n\n"));
    assert!(out.removed.is_empty(), "{:?}", out.removed);
}

// --- the headline --------------------------------------------------------------------

#[test]
fn title_prepended_when_body_lacks_it() {
    let out = clean(Some("نزوح واسع من الفاشر"), &format!("{P1}\n{P2}"));
    assert_eq!(out.text, format!("نزوح واسع من الفاشر\n\n{P1}\n{P2}"));
    assert_eq!(out.title.as_deref(), Some("نزوح واسع من الفاشر"));
}

#[test]
fn title_not_duplicated_when_body_starts_with_it() {
    // Same headline, differently spelled: harakat, hamza on alef, extra punctuation.
    let body = format!("اسرائيل وحماس: مُحادثات جديدة في القاهرة\n\n{P1}");
    let out = clean(Some("إسرائيل وحماس.. محادثات جديدة في القاهرة"), &body);
    assert_eq!(out.text, body);
    assert_eq!(out.title.as_deref(), Some("إسرائيل وحماس.. محادثات جديدة في القاهرة"));
}

#[test]
fn title_found_after_leading_chrome() {
    let body = format!("Sorry, you need to enable JavaScript to visit this website.\n\nهجوم بطائرات مسيرة على أوديسا\n\n{P1}");
    let out = clean(Some("هجوم بطائرات مسيرة على أوديسا"), &body);
    assert_eq!(out.text, format!("هجوم بطائرات مسيرة على أوديسا\n\n{P1}"));
}

#[test]
fn repeated_title_dropped() {
    let title = "الحوثيون يستهدفون سفينة في البحر الأحمر";
    let body = format!("{title}\n\n{P1}\n\n{title}\n\n{P2}");
    let out = clean(Some(title), &body);
    assert_eq!(out.text, format!("{title}\n\n{P1}\n\n{P2}"));
    assert_eq!(reasons(&out), vec!["title-repeat"]);
}

#[test]
fn truncated_title_dropped() {
    let title = "الحوثيون يستهدفون سفينة تجارية في البحر الأحمر وواشنطن تتوعد بالرد";
    let body = format!("{title}\n\nالحوثيون يستهدفون سفينة تجارية في البحر\n{P1}");
    let out = clean(None, &body);
    assert_eq!(out.title.as_deref(), Some(title));
    assert_eq!(out.text, format!("{title}\n\n{P1}"));
    assert_eq!(reasons(&out), vec!["title-truncated"]);

    // Also when the title comes from metadata and the body has only the cut copy.
    let out = clean(Some(title), &format!("الحوثيون يستهدفون سفينة تجارية في البحر الأحمر و\n{P1}"));
    assert_eq!(out.text, format!("{title}\n\n{P1}"));
}

#[test]
fn short_prefix_of_title_is_a_subheading_and_kept() {
    let title = "الحوثيون يستهدفون سفينة تجارية في البحر الأحمر وواشنطن تتوعد بالرد";
    let body = format!("{P1}\n\nالحوثيون\n\n{P2}");
    let out = clean(Some(title), &body);
    assert!(out.text.contains("\n\nالحوثيون\n\n"));
}

#[test]
fn title_with_site_name_replaced_by_title() {
    let out =
        clean(Some("قصف روسي على خاركيف"), &format!("قصف روسي على خاركيف | موقع الأخبار\n\n{P1}"));
    assert_eq!(out.text, format!("قصف روسي على خاركيف\n\n{P1}"));
    assert_eq!(reasons(&out), vec!["title-variant"]);
}

#[test]
fn title_detected_from_first_line() {
    let out = clean(None, &format!("مصر وقطر تستضيفان جولة جديدة من المفاوضات\n\n{P1}"));
    assert_eq!(out.title.as_deref(), Some("مصر وقطر تستضيفان جولة جديدة من المفاوضات"));
    assert!(out.text.starts_with("مصر وقطر"));
}

#[test]
fn sentence_first_line_is_not_a_title() {
    let out = clean(None, &format!("{P1}\n\n{P2}"));
    assert_eq!(out.title, None);
    let out = clean(None, &format!("عنوان بلا سطر فارغ بعده\n{P1}"));
    assert_eq!(out.title, None);
}

// --- blocks of related links -----------------------------------------------------------

#[test]
fn related_links_bullet_block_dropped() {
    let body = format!(
        "{P1}\n\n• واشنطن تعلن عقوبات جديدة على قادة الدعم السريع\n• الأمم المتحدة تحذر من مجاعة في دارفور\n• ما الذي نعرفه عن معركة الفاشر؟\n\n{P2}"
    );
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}"));
    assert_eq!(reasons(&out), vec!["related-bullets"; 3]);
}

#[test]
fn bullet_headline_followed_by_its_copy_dropped() {
    let body = format!(
        "{P1}\n\n  • موسكو: أسقطنا عشرات المسيرات فوق المناطق الحدودية\n    \"موسكو\": أسقطنا عشرات المسيرات فوق المناطق الحدودية\n\n{P2}"
    );
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}"));
    assert_eq!(out.removed.len(), 2);
}

#[test]
fn bullets_after_read_also_header_dropped() {
    let body = format!("{P1}\n\nاقرأ أيضاً\n- تفاصيل الهجوم على الميناء\n\n{P2}");
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}"));
}

#[test]
fn content_bullet_list_kept() {
    let body = format!(
        "{P1}\n\n• وقف فوري لإطلاق النار في القطاع.\n• إطلاق سراح المحتجزين على ثلاث مراحل.\n• دخول 600 شاحنة مساعدات يومياً.\n\n{P2}"
    );
    let out = clean(None, &body);
    assert_eq!(out.text, body);
}

#[test]
fn bullet_list_introduced_by_colon_kept() {
    let body = format!(
        "وتتضمن الورقة المصرية البنود التالية:\n- وقف العمليات العسكرية لمدة ستة أسابيع\n- انسحاب تدريجي من المناطق المأهولة\n- عودة النازحين إلى شمال القطاع\n\n{P2}"
    );
    let out = clean(None, &body);
    assert_eq!(out.text, body);
}

// --- text form --------------------------------------------------------------------------

#[test]
fn nfc_applied_and_harakat_kept() {
    // Alef followed by a combining hamza, and shadda typed before fatha.
    let body = "قال\u{064E} الوزير\u{0627}\u{0654}ن الشد\u{0651}\u{064E}ة ستزول.";
    let out = clean(None, body);
    assert_eq!(out.text, "قال\u{064E} الوزير\u{0623}ن الشد\u{064E}\u{0651}ة ستزول.");
}

#[test]
fn whitespace_is_tidied_and_nothing_else() {
    let body = "\u{FEFF}\n\n  أول فقرة.   \r\n\r\n\r\n\r\nثاني فقرة.\t\n\n\n";
    let out = clean(None, body);
    assert_eq!(out.text, "أول فقرة.\n\nثاني فقرة.");
}

#[test]
fn line_of_invisible_marks_counts_as_blank() {
    let body = format!("{P1}\n\u{200F}\u{200C}\n\n\n{P2}");
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}"));
}

#[test]
fn line_repeating_the_previous_one_dropped() {
    let body = format!("{P1}\n\n{P2}\n{P2}\n\nوانتهى الاجتماع دون اتفاق.");
    let out = clean(None, &body);
    assert_eq!(out.text, format!("{P1}\n\n{P2}\n\nوانتهى الاجتماع دون اتفاق."));
    assert_eq!(reasons(&out), vec!["repeat-line"]);
}

#[test]
fn removed_lines_report_body_line_numbers() {
    let out = clean(None, &format!("{P1}\nشارك\n{P2}\nطباعة"));
    let got: Vec<(usize, &str)> =
        out.removed.iter().map(|r| (r.line_no, r.reason.as_str())).collect();
    assert_eq!(got, vec![(2, "share.ar"), (4, "tools.ar.print")]);
}

#[test]
fn empty_inputs() {
    assert_eq!(clean(None, "").text, "");
    assert_eq!(clean(None, "\n \n").title, None);
    let out = clean(Some("  عنوان فقط  "), "شارك");
    assert_eq!(out.text, "عنوان فقط");
    assert_eq!(out.title.as_deref(), Some("عنوان فقط"));
}

// --- pattern files -----------------------------------------------------------------------

const HEADER: &str = "id\tmatch\tpattern\tmax_words\tnote\n";

#[test]
fn user_pattern_file_adds_a_rule() {
    let extra = format!("# site-specific\n{HEADER}site.promo\tprefix\tحمّل تطبيقنا الجديد\t12\tapp promo of one site\n");
    let cleaner = Cleaner::embedded().with_extra(&extra).expect("valid extra file");
    assert_eq!(cleaner.pattern_count(), Cleaner::embedded().pattern_count() + 1);
    let out = cleaner.clean(None, &format!("{P1}\nحمل تطبيقنا الجديد مجانا\nشارك\n{P2}"));
    assert_eq!(out.text, format!("{P1}\n{P2}"));
    assert_eq!(reasons(&out), vec!["site.promo", "share.ar"]);
}

#[test]
fn user_regex_rule_matches_the_line_as_published() {
    let extra = format!("{HEADER}site.byline\tregex\t^بقلم:\\s\t6\tbyline of one site\n");
    let cleaner = Cleaner::from_tsv(&extra).expect("valid file");
    let out = cleaner.clean(None, &format!("بقلم: مراسلنا\n{P1}"));
    assert_eq!(out.text, P1);
    // Only the user's pattern is loaded: embedded chrome stays.
    assert!(cleaner.clean(None, "شارك").text == "شارك");
}

#[test]
fn bad_pattern_file_names_the_line() {
    let bad_kind =
        format!("# comment\n\n{HEADER}ok\tline\tشارك\t0\tshare\nbad\tfuzzy\tx\t0\tnote\n");
    match Cleaner::from_tsv(&bad_kind) {
        Err(e @ CleanError::Row { line: 5, .. }) => {
            assert!(e.to_string().contains("line 5"), "{e}");
        }
        other => panic!("expected a row error on line 5, got {other:?}"),
    }

    let bad_regex = format!("{HEADER}broken\tregex\t(unclosed\t5\tnote\n");
    match Cleaner::embedded().with_extra(&bad_regex) {
        Err(e @ CleanError::Regex { line: 2, .. }) => {
            assert!(e.to_string().contains("broken"), "{e}");
        }
        other => panic!("expected a regex error on line 2, got {other:?}"),
    }

    let duplicate = format!("{HEADER}share.ar\tline\tشارك\t0\tagain\n");
    assert!(matches!(
        Cleaner::embedded().with_extra(&duplicate),
        Err(CleanError::Row { line: 2, .. })
    ));

    assert!(matches!(Cleaner::from_tsv("id\tpattern\n"), Err(CleanError::Header { line: 1, .. })));
}

// --- properties --------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("\n".to_string()),
            Just("\n\n\n".to_string()),
            Just("• ".to_string()),
            Just("شارك".to_string()),
            Just("اقرأ أيضاً: ".to_string()),
            Just("صورة أرشيفية".to_string()),
            Just(P1.to_string()),
            Just("ب\u{0651}\u{064E}".to_string()),
            Just("\u{0627}\u{0654}".to_string()),
            Just("Ad".to_string()),
            Just("  ".to_string()),
            any::<String>(),
        ]
    }

    proptest! {
        #[test]
        fn any_input_cleans_to_tidy_nfc_text(
            parts in proptest::collection::vec(fragment(), 0..12),
            title in proptest::option::of(any::<String>()),
        ) {
            let body: String = parts.concat();
            let out = clean(title.as_deref(), &body);
            prop_assert!(out.text.nfc().eq(out.text.chars()));
            prop_assert!(!out.text.contains("\n\n\n"));
            prop_assert_eq!(out.text.trim(), out.text.as_str());
            for line in out.text.lines() {
                prop_assert_eq!(line.trim_end(), line);
            }
        }

        #[test]
        fn kept_lines_come_from_the_input(parts in proptest::collection::vec(fragment(), 0..12)) {
            let body: String = parts.concat();
            let normalized: String = body.nfc().collect();
            let out = clean(None, &body);
            for line in out.text.lines().filter(|l| !l.is_empty()) {
                prop_assert!(normalized.contains(line), "{:?} not in input", line);
            }
        }
    }
}
