#!/usr/bin/env python3
"""Time CAMeL Tools' normalization + simple_word_tokenize on a JSON Lines corpus.

usage: camel_tools_bench.py CORPUS.jsonl [--json]

The same work rasd's text layer does per article: Unicode normalization, alef / alef
maksura / teh marbuta folding, diacritic removal, word tokenization. One process, one
core. Prints MB/s over the bytes of the `text` fields.
"""
import json
import sys
import time

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)


def main():
    path = sys.argv[1]
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line).get("text") or "")
    nbytes = sum(len(t.encode("utf-8")) for t in texts)
    start = time.perf_counter()
    ntok = 0
    for t in texts:
        t = normalize_unicode(t)
        t = dediac_ar(t)
        t = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(t)))
        ntok += len(simple_word_tokenize(t))
    secs = time.perf_counter() - start
    out = {"tool": "camel_tools", "articles": len(texts), "mb": nbytes / 1e6,
           "secs": secs, "mb_per_s": nbytes / 1e6 / secs, "tokens": ntok}
    if "--json" in sys.argv:
        print(json.dumps(out))
    else:
        print(f"CAMeL Tools normalize+tokenize: {out['mb']:.1f} MB in {secs:.2f} s "
              f"= {out['mb_per_s']:.2f} MB/s ({ntok} tokens)")


if __name__ == "__main__":
    main()
