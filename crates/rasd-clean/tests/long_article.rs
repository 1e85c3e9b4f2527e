//! The clean stage on a long article-shaped text: every chrome line goes, every
//! paragraph stays, whatever the length. (Its speed is measured by `rasd bench`, whose
//! "clean" row times it on one core; tests assert no timings.)

use rasd_clean::Cleaner;

const PARAGRAPH: &str =
    "وقالت وزارة الصحة في بيان صدر مساء الثلاثاء إن حصيلة القصف ارتفعت إلى 27 قتيلاً \
    وأكثر من مئة جريح، مشيرةً إلى أن فرق الإسعاف ما زالت تبحث عن مفقودين تحت الأنقاض في \
    الأحياء الشرقية من المدينة، فيما نفى المتحدث باسم الطرف الآخر أي مسؤولية عن الهجوم \
    ودعا إلى تحقيق مستقل.";

const CHROME: [&str; 5] = [
    "اقرأ أيضاً: ماذا يعني الاتفاق الجديد لسكان المنطقة؟",
    "شارك",
    "فيسبوك | تويتر | واتساب",
    "الكلمات المفتاحية: السودان، دارفور",
    "Advertisement",
];

/// An article-shaped text: long paragraphs (each numbered, so that none repeats the one
/// before it) with the usual chrome lines between them.
fn sample(paragraphs: usize) -> String {
    let mut text = String::from("عنوان الخبر الرئيسي عن المعارك\n\n");
    for i in 0..paragraphs {
        text.push_str(&format!("{PARAGRAPH} ({i})\n\n"));
        if i % 3 == 0 {
            text.push_str(CHROME[i % CHROME.len()]);
            text.push_str("\n\n");
        }
    }
    text
}

#[test]
fn a_long_article_keeps_its_paragraphs_and_loses_its_chrome() {
    let cleaner = Cleaner::embedded();
    for paragraphs in [1, 40, 4000] {
        let out = cleaner.clean(None, &sample(paragraphs)).text;
        assert_eq!(out.matches(PARAGRAPH).count(), paragraphs, "{paragraphs} paragraphs");
        for line in CHROME {
            assert!(!out.lines().any(|l| l.trim() == line), "kept {line:?}");
        }
    }
}
