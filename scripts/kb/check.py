#!/usr/bin/env python3
"""Validate every TSV in data/kb/ and print per-file row counts.

Errors (exit status 1): wrong header, wrong column count, duplicate ids (within a file and
across entity files), unknown ISO3 country codes, bad lat/lon, empty canonical names,
Arabic fields containing Persian/Urdu letters, Latin letters or harakat, invalid kinds,
bad years.
Warnings (printed, exit status unaffected unless --strict): an alias that is only a trivial
variant of the canonical name or of another alias, and one alias shared by several
entities of the same file.

Usage: python3 scripts/kb/check.py [--strict] [--quiet]
Only the Python standard library is needed.
"""
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(__file__))
from kbcommon import KB, read_tsv, has_persian_letters, DIACRITICS_RE, norm_key

SPECS = {
    "countries.tsv": ["iso3", "iso2", "name_en", "name_ar", "aliases_ar", "adj_ar", "capital_en", "capital_ar", "lat", "lon"],
    "countries_overlay.tsv": ["iso3", "iso2", "name_en", "name_ar", "aliases_ar", "adj_ar", "capital_en", "capital_ar", "lat", "lon"],
    "places.tsv": ["id", "name_en", "name_ar", "aliases_ar", "country", "kind", "lat", "lon", "population", "geonameid"],
    "places_curated.tsv": ["id", "name_en", "name_ar", "aliases_ar", "country", "kind", "lat", "lon", "population", "geonameid", "backed_by", "source"],
    "orgs.tsv": ["id", "kind", "name_en", "name_ar", "aliases_ar", "country", "abbrev", "sector"],
    "groups.tsv": ["id", "kind", "name_en", "name_ar", "aliases_ar", "country", "abbrev"],
    "persons.tsv": ["id", "name_en", "name_ar", "aliases_ar", "country", "role_en", "from", "to", "notes", "body"],
    "institutions.tsv": ["key", "name_en_pattern", "head_ar", "aliases_ar", "kind", "implicit"],
    "titles.tsv": ["key", "role_en", "title_ar", "aliases_ar", "needs_country", "body"],
}
ID_COL = {"countries.tsv": "iso3", "countries_overlay.tsv": "iso3", "institutions.tsv": "key", "titles.tsv": "key"}
ID_PREFIX = {"places.tsv": "place:", "places_curated.tsv": "place:", "orgs.tsv": "org:",
             "groups.tsv": "group:", "persons.tsv": "person:"}
AR_CANON = {"countries.tsv": "name_ar", "countries_overlay.tsv": None, "places.tsv": "name_ar",
            "places_curated.tsv": "name_ar", "orgs.tsv": "name_ar", "groups.tsv": "name_ar",
            "persons.tsv": "name_ar", "institutions.tsv": "head_ar", "titles.tsv": "title_ar"}
AR_MULTI = ("aliases_ar", "adj_ar")
AR_SINGLE = ("name_ar", "capital_ar", "head_ar", "title_ar")
PLACE_KINDS = {"region", "city", "town", "sea", "strait", "feature", "corridor", "territory"}
SLUG_RE = re.compile(r"^[a-z]+:[a-z0-9]+(?:-[a-z0-9]+)*$")
AR_ALLOWED = re.compile(r"^[\u0621-\u063A\u0641-\u064A0-9\u0660-\u0669 \-./()'’]+$")


class Report:
    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, f, line, msg):
        self.errors.append("%s:%s: %s" % (f, line, msg))

    def warn(self, f, line, msg):
        self.warnings.append("%s:%s: %s" % (f, line, msg))


def check_ar(rep, f, line, col, value):
    if has_persian_letters(value):
        rep.err(f, line, "%s has Persian/Urdu letters: %r" % (col, value))
    elif DIACRITICS_RE.search(value):
        rep.err(f, line, "%s has harakat/tatweel (write bare letters): %r" % (col, value))
    elif not AR_ALLOWED.match(value):
        rep.err(f, line, "%s has non-Arabic characters: %r" % (col, value))
    if value != value.strip() or "  " in value:
        rep.err(f, line, "%s has stray spaces: %r" % (col, value))


def check_coord(rep, f, line, row):
    lat, lon = row.get("lat", ""), row.get("lon", "")
    if not lat and not lon:
        return False
    try:
        la, lo = float(lat), float(lon)
    except ValueError:
        rep.err(f, line, "lat/lon not numeric: %r %r" % (lat, lon))
        return True
    if not (-90 <= la <= 90 and -180 <= lo <= 180):
        rep.err(f, line, "lat/lon out of range: %r %r" % (lat, lon))
    return True


def main():
    strict = "--strict" in sys.argv
    quiet = "--quiet" in sys.argv
    rep = Report()
    tables = {}
    for fn in sorted(os.listdir(KB)):
        if not fn.endswith(".tsv"):
            continue
        path = os.path.join(KB, fn)
        header, rows = read_tsv(path)
        if fn not in SPECS:
            rep.err(fn, 0, "unknown TSV file (add it to scripts/kb/check.py)")
            continue
        if header != SPECS[fn]:
            rep.err(fn, 0, "header %r, expected %r" % (header, SPECS[fn]))
            continue
        dicts = []
        for n, cells in rows:
            if len(cells) != len(header):
                rep.err(fn, n, "%d columns, expected %d" % (len(cells), len(header)))
                continue
            dicts.append((n, dict(zip(header, cells))))
        tables[fn] = dicts
    for fn in SPECS:
        if fn not in tables and os.path.exists(os.path.join(KB, fn)) is False:
            rep.err(fn, 0, "missing file")

    iso3 = set(r["iso3"] for _, r in tables.get("countries.tsv", []))
    iso2 = set(r["iso2"] for _, r in tables.get("countries.tsv", []) if r["iso2"])
    global_ids = {}

    for fn, rows in tables.items():
        idcol = ID_COL.get(fn, "id")
        seen = {}
        alias_owner = defaultdict(set)
        for n, r in rows:
            rid = r[idcol]
            if not rid:
                rep.err(fn, n, "empty %s" % idcol)
            elif rid in seen:
                rep.err(fn, n, "duplicate %s %r (first at line %d)" % (idcol, rid, seen[rid]))
            else:
                seen[rid] = n
            if fn in ID_PREFIX:
                if not rid.startswith(ID_PREFIX[fn]) or not SLUG_RE.match(rid):
                    rep.err(fn, n, "bad id %r (want %s<ascii-slug>)" % (rid, ID_PREFIX[fn]))
                if rid in global_ids and not (fn.startswith("places") and global_ids[rid].startswith("places")) :
                    rep.err(fn, n, "id %r also in %s" % (rid, global_ids[rid]))
                elif rid in global_ids:
                    rep.err(fn, n, "id %r also in %s" % (rid, global_ids[rid]))
                global_ids.setdefault(rid, fn)
            elif fn == "countries.tsv":
                if not re.match(r"^[A-Z]{3}$", rid):
                    rep.err(fn, n, "bad iso3 %r" % rid)
                if r["iso2"] and not re.match(r"^[A-Z]{2}$", r["iso2"]):
                    rep.err(fn, n, "bad iso2 %r" % r["iso2"])
            elif fn in ("institutions.tsv", "titles.tsv"):
                if not re.match(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", rid):
                    rep.err(fn, n, "bad key %r" % rid)
            # canonical names
            canon_col = AR_CANON.get(fn)
            if canon_col and not r.get(canon_col):
                rep.err(fn, n, "empty %s" % canon_col)
            if "name_en" in r and fn != "countries_overlay.tsv" and not r["name_en"]:
                rep.err(fn, n, "empty name_en")
            for col in AR_SINGLE:
                if r.get(col):
                    check_ar(rep, fn, n, col, r[col])
            for col in AR_MULTI:
                if col in r and r[col]:
                    vals = r[col].split("|")
                    keys = {}
                    canon = r.get(canon_col, "") if canon_col else ""
                    for v in vals:
                        v2 = v[1:] if (fn == "countries_overlay.tsv" and v.startswith("!")) else v
                        if not v2:
                            rep.err(fn, n, "empty value in %s" % col)
                            continue
                        check_ar(rep, fn, n, col, v2)
                        k = norm_key(v2)
                        if col == "aliases_ar" and canon and k == norm_key(canon):
                            rep.warn(fn, n, "alias %r is a trivial variant of the canonical name" % v2)
                        elif k in keys:
                            rep.warn(fn, n, "%s %r is a trivial variant of %r" % (col, v2, keys[k]))
                        keys[k] = v2
                        if col == "aliases_ar" and v2 == v:
                            alias_owner[k].add(rid)
            if canon_col and r.get(canon_col):
                alias_owner[norm_key(r[canon_col])].add(rid)
            # country references
            if "country" in r and r["country"] and r["country"] not in iso3:
                rep.err(fn, n, "unknown country %r" % r["country"])
            if fn == "countries_overlay.tsv" and r["iso2"] and not re.match(r"^[A-Z]{2}$", r["iso2"]):
                rep.err(fn, n, "bad iso2 %r" % r["iso2"])
            # kinds
            if fn.startswith("places") and r["kind"] not in PLACE_KINDS:
                rep.err(fn, n, "bad kind %r" % r["kind"])
            # `country`: a state's army or forces under a name of their own, read as
            # names of the state (data/kb/README.md).
            if fn == "orgs.tsv" and r["kind"] not in ("org", "country"):
                rep.err(fn, n, "kind must be org or country")
            if fn == "orgs.tsv" and r["kind"] == "country" and not r.get("country"):
                rep.err(fn, n, "kind country needs the state in `country`")
            if fn == "groups.tsv" and r["kind"] != "group":
                rep.err(fn, n, "kind must be group")
            if fn == "institutions.tsv" and r["kind"] not in ("org", "group", "country"):
                rep.err(fn, n, "bad kind %r" % r["kind"])
            if fn == "titles.tsv" and r["needs_country"] not in ("yes", "no", "org"):
                rep.err(fn, n, "needs_country must be yes|no|org")
            # coordinates
            if "lat" in r:
                has = check_coord(rep, fn, n, r)
                # A region (a province, a continent) may have none: it has no one point.
                if not has and fn in ("places.tsv", "places_curated.tsv") and r.get("kind") != "region":
                    rep.err(fn, n, "place without lat/lon")
                if not has and fn == "countries.tsv":
                    rep.warn(fn, n, "country without lat/lon")
            if fn.startswith("places"):
                if r["population"] and not r["population"].isdigit():
                    rep.err(fn, n, "bad population %r" % r["population"])
                if r["geonameid"] and not r["geonameid"].isdigit():
                    rep.err(fn, n, "bad geonameid %r" % r["geonameid"])
            if fn == "persons.tsv":
                for c in ("from", "to"):
                    if r[c] and not re.match(r"^(19|20)\d\d$", r[c]):
                        rep.err(fn, n, "bad year in %s: %r" % (c, r[c]))
                if r["from"] and r["to"] and r["from"] > r["to"]:
                    rep.err(fn, n, "from > to")
                if not r["role_en"]:
                    rep.err(fn, n, "empty role_en")
        if fn not in ("places.tsv",):
            for k, owners in alias_owner.items():
                if len(owners) > 1:
                    rep.warn(fn, 0, "name/alias %r shared by %s" % (k, ", ".join(sorted(owners))))

    # `body`: an organization or group the person or title serves, and only where no
    # country says whose side the person is on.
    bodies = {r["id"] for f in ("orgs.tsv", "groups.tsv") for _, r in tables.get(f, [])}
    for fn in ("persons.tsv", "titles.tsv"):
        for n, r in tables.get(fn, []):
            if r["body"] and r["body"] not in bodies:
                rep.err(fn, n, "body %r is not an id in orgs.tsv or groups.tsv" % r["body"])
            if fn == "persons.tsv" and r["body"] and r["country"]:
                rep.err(fn, n, "body is for persons with no country; this one serves %s" % r["country"])

    # geonameid overlap between curated and imported places
    cur = {r["geonameid"] for _, r in tables.get("places_curated.tsv", []) if r["geonameid"]}
    for n, r in tables.get("places.tsv", []):
        if r["geonameid"] in cur:
            rep.err("places.tsv", n, "geonameid %s is also curated (re-run import_geonames.py)" % r["geonameid"])
    ov = tables.get("countries_overlay.tsv", [])
    for n, r in ov:
        if r["iso3"] not in iso3:
            rep.err("countries_overlay.tsv", n, "iso3 %r missing from countries.tsv (re-run import_countries.py)" % r["iso3"])

    total = 0
    for fn in sorted(tables):
        size = os.path.getsize(os.path.join(KB, fn))
        total += size
        print("%-24s %6d rows  %8.1f KB" % (fn, len(tables[fn]), size / 1024.0))
    print("%-24s %6s       %8.1f KB" % ("total", "", total / 1024.0))
    if not quiet:
        for w in rep.warnings[:200]:
            print("warning: " + w)
        if len(rep.warnings) > 200:
            print("... %d more warnings" % (len(rep.warnings) - 200))
    print("%d warnings" % len(rep.warnings))
    for e in rep.errors[:300]:
        print("ERROR: " + e)
    if len(rep.errors) > 300:
        print("... %d more errors" % (len(rep.errors) - 300))
    print("%d errors" % len(rep.errors))
    if rep.errors or (strict and rep.warnings):
        sys.exit(1)


if __name__ == "__main__":
    main()
