//! Throughput of the clean stage, which runs on every article.
//!
//! Ignored by default because timings need an optimized build:
//! `cargo test -p rasd-clean --release --test throughput -- --ignored --nocapture`.
//! The target is at least 100 MB/s on one core; the assertion is far looser, so that a
//! busy machine does not fail it, and catches only a pathological slowdown.

use std::time::Instant;

use rasd_clean::Cleaner;

/// An article-shaped text: long paragraphs, subheadings and the usual chrome lines.
fn sample() -> String {
    let paragraph = "وقالت وزارة الصحة في بيان صدر مساء الثلاثاء إن حصيلة القصف ارتفعت إلى 27 قتيلاً \
        وأكثر من مئة جريح، مشيرةً إلى أن فرق الإسعاف ما زالت تبحث عن مفقودين تحت الأنقاض في \
        الأحياء الشرقية من المدينة، فيما نفى المتحدث باسم الطرف الآخر أي مسؤولية عن الهجوم \
        ودعا إلى تحقيق مستقل.";
    let chrome = [
        "صورة أرشيفية",
        "اقرأ أيضاً: ماذا يعني الاتفاق الجديد لسكان المنطقة؟",
        "شارك",
        "فيسبوك | تويتر | واتساب",
        "الكلمات المفتاحية: السودان، دارفور",
        "Advertisement",
        "مواقف دولية",
    ];
    let mut text = String::from("عنوان الخبر الرئيسي عن المعارك\n\n");
    for i in 0..4000 {
        text.push_str(paragraph);
        text.push_str("\n\n");
        if i % 3 == 0 {
            text.push_str(chrome[i % chrome.len()]);
            text.push_str("\n\n");
        }
    }
    text
}

#[test]
#[ignore = "timing; run with --release"]
fn cleans_fast_enough() {
    let cleaner = Cleaner::embedded();
    let text = sample();
    let rounds = 20;
    let start = Instant::now();
    let mut kept = 0;
    for _ in 0..rounds {
        kept += cleaner.clean(None, &text).text.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    let mb_per_s = (text.len() * rounds) as f64 / seconds / 1e6;
    println!("clean: {mb_per_s:.0} MB/s over {} MB", text.len() * rounds / 1_000_000);
    assert!(kept > 0);
    if !cfg!(debug_assertions) {
        assert!(mb_per_s > 20.0, "clean stage at {mb_per_s:.1} MB/s");
    }
}
