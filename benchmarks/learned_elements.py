"""Would a classifier trained on our own corpora find the elements better than the lexicons?

Run: ``python benchmarks/learned_elements.py`` (needs ``pip install -e '.[bench]'``, which
brings scikit-learn). An experiment, not a feature: courtesy ships no model.

It trains a logistic regression on the word unigrams and bigrams of every corpus sentence
(plus one token for whether the situation says the failure was ours), labelled by the gold
spans of the corpora it may see, and measures it on the held-out corpora it may not (by
default the two newest, which no reading has tuned on). The measure is the one
``tests/test_accuracy.py`` uses: a prediction is right when it overlaps a gold span, a gold
span is found when a prediction overlaps it. It prints, per element, the lexicons alone,
the classifier alone at a few thresholds, and both together (the classifier's sentences
added where the lexicons found nothing). A second table does the same for blame, per
reply, since the corpora label blame by its rule code and not by a span.

Everything is measured in one run, on the same texts, so the columns compare.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import courtesy

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"
ELEMENTS = ("apology", "restitution", "next_steps")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
#: a sentence: up to a full stop, a question or exclamation mark, or a line break
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+|$)")

Record = dict[str, Any]
Span = tuple[int, int]


def _held_out_number(path: Path) -> int:
    match = re.search(r"holdout(\d+)", path.name)
    return int(match.group(1)) if match else -1


def _newest(count: int) -> list[str]:
    paths = sorted(CORPUS.glob("replies_holdout*.jsonl"), key=_held_out_number)
    return [path.name for path in paths[-count:]]


def _load(names: Iterable[str]) -> list[Record]:
    records = []
    for name in names:
        for line in (CORPUS / name).read_text("utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def _sentences(text: str) -> list[Span]:
    out = []
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > 3:
            out.append((start, end))
    return out


def _gold(record: Record, element: str) -> list[Span]:
    text = record["text"]
    spans = []
    for words in record["gold"].get(element, []):
        at = text.find(words)
        if at >= 0:
            spans.append((at, at + len(words)))
    return spans


def _features(record: Record, span: Span) -> str:
    ours = (record.get("situation") or {}).get("our_fault")
    return ("OURFAULT " if ours else "NOTOURS ") + record["text"][span[0]:span[1]].lower()


def _overlaps(a: Span, spans: Iterable[Span]) -> bool:
    return any(a[0] < end and start < a[1] for start, end in spans)


def _score(predicted: dict[str, list[Span]], records: list[Record],
           element: str) -> tuple[float, float]:
    made = right = gold = found = 0
    for record in records:
        spans, guesses = _gold(record, element), predicted[record["id"]]
        made += len(guesses)
        right += sum(_overlaps(guess, spans) for guess in guesses)
        gold += len(spans)
        found += sum(_overlaps(span, guesses) for span in spans)
    return right / max(made, 1), found / max(gold, 1)


def _report(record: Record) -> courtesy.Report:
    return courtesy.check(record["text"], customer=record["customer"],
                          situation=record["situation"], channel=record["channel"])


def elements_table(train: list[Record], test: list[Record]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    reports = {record["id"]: _report(record) for record in test}
    print(f"{'element':12s} {'lexicons P / R':>16s}  " + "  ".join(
        f"{'learned ' + str(t):>14s} {'both':>11s}" for t in THRESHOLDS))
    for element in ELEMENTS:
        seen = [record for record in train if element in record["gold"]]
        unseen = [record for record in test if element in record["gold"]]
        texts, labels = [], []
        for record in seen:
            spans = _gold(record, element)
            for sentence in _sentences(record["text"]):
                texts.append(_features(record, sentence))
                labels.append(int(_overlaps(sentence, spans)))
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        model = LogisticRegression(C=4, class_weight="balanced", max_iter=2000)
        model.fit(vectorizer.fit_transform(texts), labels)
        lexicons = {record["id"]: [(span.start, span.end)
                                   for span in reports[record["id"]].elements[element]]
                    for record in unseen}
        scored: dict[str, list[tuple[Span, float]]] = {}
        for record in unseen:
            sentences = _sentences(record["text"])
            rows = vectorizer.transform([_features(record, s) for s in sentences])
            scored[record["id"]] = list(zip(sentences, model.predict_proba(rows)[:, 1],
                                            strict=True)) if sentences else []
        p, r = _score(lexicons, unseen, element)
        cells = []
        for threshold in THRESHOLDS:
            learned = {key: [s for s, prob in rows if prob >= threshold]
                       for key, rows in scored.items()}
            both = {key: lexicons[key] + [s for s in learned[key]
                                          if not _overlaps(s, lexicons[key])]
                    for key in lexicons}
            lp, lr = _score(learned, unseen, element)
            bp, br = _score(both, unseen, element)
            cells.append(f"{lp:.2f} / {lr:.2f}    {bp:.2f} / {br:.2f}")
        print(f"{element:12s} {p:7.2f} / {r:.2f}  " + "  ".join(f"{c:>26s}" for c in cells))


def blame_table(train: list[Record], test: list[Record]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    reports = {record["id"]: _report(record) for record in test}
    print(f"{'rule':12s} {'gold':>5s} {'lexicons P / R':>16s}  " + "  ".join(
        f"{'learned ' + str(t):>14s}" for t in THRESHOLDS))
    for code in ("BL001", "BL002"):
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        model = LogisticRegression(C=4, class_weight="balanced", max_iter=3000)
        model.fit(vectorizer.fit_transform([r["text"].lower() for r in train]),
                  [code in r["expected"] for r in train])
        probs = model.predict_proba(vectorizer.transform([r["text"].lower() for r in test]))[:, 1]
        gold = [code in r["expected"] for r in test]

        def score(predicted: list[bool], gold: list[bool] = gold) -> str:
            hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
            return f"{hits / max(sum(predicted), 1):.2f} / {hits / max(sum(gold), 1):.2f}"

        lexicons = [any(f.rule == code for f in reports[r["id"]].findings) for r in test]
        cells = [score([p >= t for p in probs]) for t in THRESHOLDS]
        print(f"{code:12s} {sum(gold):5d} {score(lexicons):>16s}  "
              + "  ".join(f"{c:>14s}" for c in cells))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", nargs="+", metavar="FILE",
                        help="corpus files to measure on (default: the two newest held-out "
                             "corpora); every other corpus file trains")
    args = parser.parse_args(argv)
    test_names = args.test or _newest(2)
    names = sorted(path.name for path in CORPUS.glob("replies_*.jsonl"))
    unknown = sorted(set(test_names) - set(names))
    if unknown:
        parser.error(f"no such corpus file in {CORPUS}: {', '.join(unknown)}")
    train = _load(n for n in names if n not in test_names)
    test = _load(test_names)
    print(f"trained on {len(train)} replies; measured on {len(test)} unseen ones "
          f"({', '.join(test_names)})\n")
    elements_table(train, test)
    print()
    blame_table(train, test)


if __name__ == "__main__":
    main()
