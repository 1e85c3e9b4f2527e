"""Shared helpers for the rasd knowledge-base build scripts (scripts/kb/).

Only the Python standard library is used here, so check.py runs anywhere.
"""
import csv
import os
import re
import sys
import unicodedata

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
KB = os.path.join(ROOT, "data", "kb")

# Arabic letters proper (hamza .. yeh), tatweel excluded; harakat handled separately.
ARABIC_LETTERS = set(chr(c) for c in range(0x0621, 0x063B)) | set(chr(c) for c in range(0x0641, 0x064B))
DIACRITICS_RE = re.compile("[\u064B-\u0652\u0670\u0640]")  # harakat, dagger alef, tatweel
# Letters that mark a name as Persian/Urdu/Pashto/Kurdish/etc. rather than Arabic.
NON_ARABIC_LETTERS = set("پچژگکیۀٹڈھےڤڭڨۆێەڕڵۇۈۋېډړښږځڅګڼۍټںڑ")
ALLOWED_EXTRA = set(" -'’()")


def strip_diacritics(s):
    return DIACRITICS_RE.sub("", s)


def clean_ar(s):
    """Strip harakat/tatweel, normalise spaces and the Arabic comma; NFC."""
    s = unicodedata.normalize("NFC", s)
    s = strip_diacritics(s)
    s = s.replace("\u200f", "").replace("\u200e", "").replace("\u200c", "")
    s = re.sub(r"\s+", " ", s).strip()
    return s


def is_arabic_name(s):
    """True if s is written only with Arabic-block letters (plus space/hyphen)."""
    if not s or not s.strip():
        return False
    has_letter = False
    for ch in s:
        if ch in ARABIC_LETTERS:
            has_letter = True
        elif ch in ALLOWED_EXTRA or DIACRITICS_RE.match(ch):
            continue
        else:
            return False
    return has_letter


def has_persian_letters(s):
    return any(ch in NON_ARABIC_LETTERS for ch in s)


def norm_key(s):
    """Approximation of the matcher's normalisation, used only to drop trivial variants."""
    s = strip_diacritics(s)
    s = re.sub(r"\s+", " ", s).strip()
    words = []
    for w in s.split(" "):
        # the article is a bare alef-lam: strip it BEFORE hamza normalisation,
        # so that أل... (ألمانيا, ألبانيا) keeps its first letters.
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        w = re.sub("[أإآٱ]", "ا", w)
        w = w.replace("ى", "ي").replace("ة", "ه")
        words.append(w)
    return " ".join(words)


def slugify(s):
    s = unicodedata.normalize("NFKD", s)
    s = s.replace("ʿ", "").replace("ʼ", "").replace("’", "").replace("'", "").replace("‘", "")
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


_AR2LAT = {
    "ا": "", "أ": "", "إ": "", "آ": "", "ء": "", "ؤ": "", "ئ": "", "ى": "", "و": "", "ي": "",
    "ب": "b", "ت": "t", "ث": "t", "ج": "g", "ح": "h", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "z", "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g",
    "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "ة": "", " ": " ", "-": " ",
}


def ar_skeleton(s):
    s = strip_diacritics(s)
    out = "".join(_AR2LAT.get(ch, "") for ch in s)
    return re.sub(r"\s+", " ", out).strip()


def lat_skeleton(s):
    s = slugify(s).replace("-", " ")
    s = s.replace("kh", "k").replace("sh", "s").replace("th", "t").replace("dh", "d").replace("gh", "g")
    s = s.replace("ph", "f").replace("ch", "s").replace("q", "k").replace("c", "k").replace("j", "g")
    s = s.replace("v", "f").replace("p", "b").replace("x", "ks").replace("w", "").replace("y", "")
    s = s.replace("e", "").replace("h", "")
    s = re.sub("[aiou]", "", s)
    s = re.sub(r"(.)\1", r"\1", s)
    return re.sub(r"\s+", " ", s).strip()


def split_multi(v):
    return [x for x in (v or "").split("|") if x]


def join_multi(xs):
    seen = []
    for x in xs:
        if x and x not in seen:
            seen.append(x)
    return "|".join(seen)


def read_tsv(path):
    """Return (header, rows as dicts). '#' lines at the top are skipped."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = [ln.rstrip("\n").rstrip("\r") for ln in f]
    i = 0
    while i < len(lines) and (lines[i].startswith("#") or not lines[i].strip()):
        i += 1
    header = lines[i].split("\t")
    rows = []
    for n, ln in enumerate(lines[i + 1:], start=i + 2):
        if not ln.strip():
            continue
        cells = ln.split("\t")
        rows.append((n, cells))
    return header, rows


def read_tsv_dicts(path):
    header, rows = read_tsv(path)
    out = []
    for n, cells in rows:
        cells = cells + [""] * (len(header) - len(cells))
        out.append(dict(zip(header, cells)))
    return header, out


def write_tsv(path, header, rows, comments=()):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for c in comments:
            f.write("# " + c + "\n")
        f.write("\t".join(header) + "\n")
        for r in rows:
            cells = [str(r.get(h, "") if r.get(h) is not None else "") for h in header]
            for c in cells:
                if "\t" in c or "\n" in c:
                    sys.exit("tab/newline inside a cell: %r" % (r,))
            f.write("\t".join(cells) + "\n")


def fmt_coord(x):
    return "" if x is None or x == "" else ("%.4f" % float(x)).rstrip("0").rstrip(".")
