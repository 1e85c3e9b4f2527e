//! Titles: guessing one from plain text, and trimming site names off HTML titles.

/// Longest first line still taken for a headline, in characters.
const MAX_TITLE_CHARS: usize = 200;

/// Guesses the headline of a plain-text article: its first non-empty line, if
/// that line looks like a title.
///
/// It must be at most 200 characters, must not end like a sentence or a lead-in
/// (`.`, `:`, `،`, `,`, `;`; a question or exclamation mark is fine, and `..` is
/// an ellipsis), and must be followed by a blank line or by a longer line.
/// A text of a single line has no title: that line is the body.
///
/// ```
/// use rasd_ingest::guess_title;
/// let text = "انقطاع الكهرباء عن أحياء المدينة\n\nشهدت أحياء عدة في المدينة انقطاعاً للكهرباء مساء أمس.";
/// assert_eq!(guess_title(text).as_deref(), Some("انقطاع الكهرباء عن أحياء المدينة"));
/// ```
pub fn guess_title(text: &str) -> Option<String> {
    let mut lines = text.lines().map(str::trim);
    let first = lines.by_ref().find(|l| !l.is_empty())?;
    let len = first.chars().count();
    if len > MAX_TITLE_CHARS || ends_like_sentence(first) {
        return None;
    }
    let mut blank_between = false;
    for line in lines {
        if line.is_empty() {
            blank_between = true;
            continue;
        }
        return (blank_between || line.chars().count() > len).then(|| first.to_string());
    }
    None
}

fn ends_like_sentence(line: &str) -> bool {
    if line.ends_with("..") || line.ends_with('…') {
        return false;
    }
    line.ends_with(['.', '。', ':', '،', ',', ';', '؛'])
}

/// Separators sites put between a headline and their name in `<title>`.
const TITLE_SEPARATORS: [&str; 6] = [" | ", " - ", " – ", " — ", " :: ", " « "];

/// Strips a site name from a page title: `"Headline - Site"`, `"Headline | Site"`
/// or `"Site | Headline"`.
///
/// A segment is the site name if it equals `site_name` (from `og:site_name`),
/// or, when `guess` is set (for `<title>`, which nearly always carries the site
/// name), if it is a short tail (at most 4 words) while what remains still
/// reads as a headline (at least 3 words): headlines themselves contain
/// dashes, so a long tail is kept.
pub(crate) fn strip_site_name(title: &str, site_name: Option<&str>, guess: bool) -> String {
    let title = title.trim();
    let site = site_name.map(|s| s.trim()).filter(|s| !s.is_empty());
    let words = |s: &str| s.split_whitespace().count();
    // The last separator splits off the suffix; prefer the one closest to the end.
    let tail_split = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, sep.len())))
        .max_by_key(|&(i, _)| i);
    if let Some((i, sep_len)) = tail_split {
        let (head, tail) = (title[..i].trim(), title[i + sep_len..].trim());
        let is_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail) || s == tail);
        if !head.is_empty() && (is_site || (guess && words(tail) <= 4 && words(head) >= 3)) {
            return head.to_string();
        }
    }
    if let Some(site) = site {
        for sep in TITLE_SEPARATORS {
            if let Some(rest) = title.strip_prefix(site).and_then(|r| r.strip_prefix(sep)) {
                if !rest.trim().is_empty() {
                    return rest.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_followed_by_blank_line() {
        let t = "ارتفاع منسوب النهر بعد الأمطار\n\nارتفع منسوب النهر.";
        assert_eq!(guess_title(t).as_deref(), Some("ارتفاع منسوب النهر بعد الأمطار"));
    }

    #[test]
    fn title_followed_by_longer_line() {
        let t =
            "\n  هل تعود الرحلات الجوية؟\nقالت شركة الطيران إنها تدرس استئناف رحلاتها الأسبوع المقبل.";
        assert_eq!(guess_title(t).as_deref(), Some("هل تعود الرحلات الجوية؟"));
    }

    #[test]
    fn not_a_title() {
        // Ends like a sentence.
        assert_eq!(guess_title("Please enable JavaScript.\n\nالنص"), None);
        // A lead-in.
        assert_eq!(guess_title("وقال الوزير:\n\nسنواصل العمل"), None);
        // Followed directly by a shorter line: a wrapped paragraph.
        assert_eq!(guess_title("سطر أول طويل نسبياً من فقرة\nسطر أقصر"), None);
        // A single line is the body.
        assert_eq!(guess_title("خبر من سطر واحد"), None);
        // Too long.
        let long = "كلمة ".repeat(60);
        assert_eq!(guess_title(&format!("{long}\n\nنص")), None);
        // An ellipsis is not a full stop.
        assert_eq!(
            guess_title("من المدينة إلى العاصمة.. رحلة طويلة\n\nنص المقال").as_deref(),
            Some("من المدينة إلى العاصمة.. رحلة طويلة")
        );
    }

    #[test]
    fn site_names_stripped() {
        assert_eq!(
            strip_site_name("وصول قافلة مساعدات إلى المدينة - شبكة الأفق", None, true),
            "وصول قافلة مساعدات إلى المدينة"
        );
        assert_eq!(
            strip_site_name("محادثات جديدة حول الحدود | صحيفة الغد الجديد", None, true),
            "محادثات جديدة حول الحدود"
        );
        assert_eq!(
            strip_site_name(
                "بوابة المعرفة | تأجيل امتحانات الشهادة الثانوية",
                Some("بوابة المعرفة"),
                true
            ),
            "تأجيل امتحانات الشهادة الثانوية"
        );
        assert_eq!(
            strip_site_name("خبر - أخبار الإقليم اليوم", Some("أخبار الإقليم اليوم"), true),
            "خبر"
        );
        // A dash inside a headline with a long tail stays.
        let t = "الرئيس يصل - في زيارة رسمية تستمر ثلاثة أيام إلى العاصمة";
        assert_eq!(strip_site_name(t, None, true), t);
        assert_eq!(strip_site_name("  عنوان بسيط  ", None, true), "عنوان بسيط");
        // Without guessing, only the known site name goes.
        assert_eq!(
            strip_site_name("قمة الدول الثلاث - نتائج أولية", None, false),
            "قمة الدول الثلاث - نتائج أولية"
        );
    }
}
