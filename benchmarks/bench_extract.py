r"""Throughput of ``extract`` against bare ``spacy.blank("en")`` tokenisation (not a test).

    python benchmarks/bench_extract.py [--rounds 7] [--repeat 5] [--dir tests/eval/dev/en]

Both are measured in the same process on the same texts, in interleaved rounds (bare, extract,
bare, extract...), each round running the whole set ``repeat`` times; the best round of each
is kept (the least disturbed by other processes). Prints documents per second of both and the
ratio ``extract_docs_per_s / bare_docs_per_s`` (target: >= 0.5, i.e. within 2x of tokenising).

Reference lines, measured in the same rounds, each as a ratio against bare tokenisation: they
show the room a 2x budget leaves.

- one pass of ``re.compile(r"\w+").findall`` over each text: a single regular-expression
  pass already costs a large part of a tokenisation;
- the textbook rule-based spaCy pipeline's parts, alone: ``spacy.blank`` with the
  ``sentencizer`` (sentence splitting, which the extractor needs), and tokenisation followed by
  a ``Matcher`` holding one small figure pattern (number, optional scale word, unit word).
  Each of them costs about as much as the whole 2x budget before any figure is normalised or
  attributed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from spacy.matcher import Matcher

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors.extract import EXTRACTOR_VERSIONS, extract  # noqa: E402
from extractors.pipeline import get_nlp  # noqa: E402


def _load(folder: Path) -> tuple[list[tuple[str, str | None]], str]:
    """Texts and publication dates of the releases in ``folder``, and their language."""
    out = []
    langs = set()
    for path in sorted(folder.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        out.append((doc["text"], doc.get("published")))
        langs.add(doc.get("lang", "en"))
    if len(langs) > 1:
        raise SystemExit(f"{folder}: releases in several languages {sorted(langs)}")
    return out, langs.pop() if langs else "en"


def _round(fn: Callable[[str, str | None], object], texts: list[tuple[str, str | None]],
           repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        for text, published in texts:
            fn(text, published)
    return (repeat * len(texts)) / (time.perf_counter() - start)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=ROOT / "tests" / "eval" / "dev" / "en")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    texts, lang = _load(args.dir)
    bare = spacy.blank("en")
    get_nlp(lang)  # build outside the measurement, like a long-running process

    def tokenise(text: str, published: str | None) -> object:
        return bare.make_doc(text)

    def run_extract(text: str, published: str | None) -> object:
        return extract(text, lang, published)

    words = re.compile(r"\w+")
    sentencizer = spacy.blank(lang if lang != "kk" else "xx")
    sentencizer.add_pipe("sentencizer")
    matcher = Matcher(bare.vocab)
    matcher.add("FIGURE", [[{"LIKE_NUM": True},
                            {"LOWER": {"IN": ["thousand", "million", "billion"]}, "OP": "?"},
                            {"LOWER": {"IN": ["tonnes", "jobs", "mw", "km", "tenge"]}}]])
    references: dict[str, Callable[[str, str | None], object]] = {
        "one re.findall(r'\\w+') pass": lambda text, published: words.findall(text),
        "spaCy blank + sentencizer": lambda text, published: sentencizer(text),
        "spaCy tokenise + Matcher (1 pattern)": lambda text, published: matcher(bare.make_doc(text)),
    }

    # warm everything (tokenizer caches, lazy imports) before measuring
    for fn in (tokenise, run_extract, *references.values()):
        _round(fn, texts, 1)
    bare_best = extract_best = 0.0
    reference_best = dict.fromkeys(references, 0.0)
    for _ in range(args.rounds):
        bare_best = max(bare_best, _round(tokenise, texts, args.repeat))
        extract_best = max(extract_best, _round(run_extract, texts, args.repeat))
        for name, fn in references.items():
            reference_best[name] = max(reference_best[name], _round(fn, texts, args.repeat))
    ratio = extract_best / bare_best
    print(f"documents: {len(texts)} ({lang}, rules {EXTRACTOR_VERSIONS.get(lang)}) x {args.repeat} "
          f"per round, {args.rounds} rounds (best kept)")
    print(f"bare tokenisation : {bare_best:10.1f} docs/s ({1e6 / bare_best:8.1f} us/doc)")
    print(f"extract           : {extract_best:10.1f} docs/s ({1e6 / extract_best:8.1f} us/doc)")
    print(f"ratio extract/bare: {ratio:.3f} (target >= 0.5)")
    for name, best in reference_best.items():
        print(f"reference, {name}: {best:10.1f} docs/s ({1e6 / best:8.1f} us/doc), "
              f"ratio to bare {best / bare_best:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
