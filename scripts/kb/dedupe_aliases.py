#!/usr/bin/env python3
"""Remove trivial alias variants from the hand-curated TSVs, in place.

An alias is trivial when, after the matcher's own normalisation (أ/إ/آ→ا, ى→ي, ة→ه,
harakat removed, the article ال dropped from each word), it equals the canonical name or an
alias listed before it. The first spelling written is kept. Also drops empty values.
Files: persons, orgs, groups, places_curated, institutions, titles, countries_overlay
(adj_ar too). Generated files (countries.tsv, places.tsv) are deduplicated by their importers.

Usage: python3 scripts/kb/dedupe_aliases.py
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from kbcommon import KB, norm_key

FILES = {"persons.tsv": "name_ar", "orgs.tsv": "name_ar", "groups.tsv": "name_ar",
         "places_curated.tsv": "name_ar", "institutions.tsv": "head_ar", "titles.tsv": "title_ar",
         "countries_overlay.tsv": "name_ar"}


def main():
    for fn, canon_col in FILES.items():
        path = os.path.join(KB, fn)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        out, header, changed = [], None, 0
        for ln in lines:
            if header is None:
                if ln.startswith("#") or not ln.strip():
                    out.append(ln)
                    continue
                header = ln.split("\t")
                out.append(ln)
                continue
            if not ln.strip():
                out.append(ln)
                continue
            cells = ln.split("\t")
            row = dict(zip(header, cells))
            for col in ("aliases_ar", "adj_ar"):
                if col not in row:
                    continue
                seen = set()
                if col == "aliases_ar" and row.get(canon_col):
                    seen.add(norm_key(row[canon_col]))
                keep = []
                for v in row[col].split("|"):
                    if not v:
                        continue
                    if v.startswith("!"):
                        keep.append(v)
                        continue
                    k = norm_key(v)
                    if k in seen:
                        changed += 1
                        continue
                    seen.add(k)
                    keep.append(v)
                cells[header.index(col)] = "|".join(keep)
            out.append("\t".join(cells))
        with open(path, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
        print("%s: removed %d trivial variants" % (fn, changed))


if __name__ == "__main__":
    main()
