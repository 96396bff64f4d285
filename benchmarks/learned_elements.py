"""Train the elements model of ``courtesy.rules.learned``, and measure it against the lexicons.

Run: ``python benchmarks/learned_elements.py`` (needs ``pip install -e '.[bench]'``, which
brings scikit-learn) to measure; add ``--write`` to write ``src/courtesy/rules/data/
elements.json``, the model courtesy ships.

Training: a logistic regression per element (apology, next steps) on the word unigrams and
bigrams of every corpus sentence, plus one token for whether the situation says the failure
was ours, weighted by TF-IDF; a sentence is labelled by the gold spans it overlaps. It
trains on every corpus file but the test ones: by default the two newest held-out corpora,
which no reading has tuned on and which the shipped model has therefore never seen.

Measuring: on the test corpora, with the measure ``tests/test_accuracy.py`` uses (a
prediction is right when it overlaps a gold span, a gold span is found when a prediction
overlaps it), the lexicons alone, the model alone at a few thresholds (scored by courtesy's
own reading of the weights), ``Report.elements`` as ``courtesy.check`` reports them (the
lexicons' spans and the shipped model's sentences where they found none), and the EL rules,
which ask the shipped model before reporting a missing apology or next step, and BL001,
which asks it where no lexicon found blame on a partner. A last table asks the
same of blame, per reply: BL001 as checked (it asks the shipped model's ``blame_partner``
label where no lexicon found blame), and a sentence model per rule trained here on the gold
blame spans (``blame_partner``, ``blame_customer``), alone and where the check found none.

``--folds 6`` instead trains six times, each time without a sixth of the corpus files,
and asks EL001, EL003 and BL001 on that sixth with the model and without it (EL003 with it
also lets the model overrule a lone next step of the lexicons', ``learned.NO_STEP``): how
the shipped thresholds were chosen.

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
from courtesy.rules import learned

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
MODEL = ROOT / "src" / "courtesy" / "rules" / "data" / "elements.json"
THRESHOLDS = (0.5, 0.6, 0.7, 0.8)
#: per label, the probability from which the shipped model says a sentence tells it.
#: Trained six times, each time without a sixth of the corpus files, and asked by EL001 and
#: EL003 on that sixth: their precision 0.81 -> 0.90, recall 0.94 -> 0.92 (238 expected
#: findings) at 0.8. BL001, asking only where no lexicon found blame: at 0.9 five more
#: replies found and no false one over the corpora read (0.8: seven more, one false)
SHIPPED_THRESHOLDS = {"apology": 0.8, "next_steps": 0.8, "blame_partner": 0.9}
#: the rule whose expected finding says a reply holds a label's gold spans, where the
#: corpora label every reply for it (a reply without the code holds none)
BY_CODE = {"blame_partner": "BL001"}
#: the largest vocabulary kept (the most frequent terms), to keep the file small
MAX_TERMS = 8_000

Record = dict[str, Any]
Span = tuple[int, int]


def _held_out_number(path: Path) -> int:
    match = re.search(r"holdout(\d+)", path.name)
    return int(match.group(1)) if match else -1


def newest(count: int) -> list[str]:
    """The ``count`` newest held-out corpus files."""
    paths = sorted(CORPUS.glob("replies_holdout*.jsonl"), key=_held_out_number)
    return [path.name for path in paths[-count:]]


def load(names: Iterable[str]) -> list[Record]:
    records = []
    for name in names:
        for line in (CORPUS / name).read_text("utf-8").splitlines():
            if line.strip():
                records.append(json.loads(line))
    return records


def _our_fault(record: Record) -> bool:
    return bool((record.get("situation") or {}).get("our_fault"))


def _gold(record: Record, element: str) -> list[Span]:
    text = record["text"]
    spans = []
    for words in record["gold"].get(element, []):
        at = text.find(words)
        if at >= 0:
            spans.append((at, at + len(words)))
    return spans


def _overlaps(a: Span, spans: Iterable[Span]) -> bool:
    return any(a[0] < end and start < a[1] for start, end in spans)


def _rows(record: Record) -> list[tuple[Span, str]]:
    text = record["text"]
    return [((s, e), learned.features(text[s:e], _our_fault(record)))
            for s, e in learned.sentences(text)]


def train(records: list[Record], names: list[str]) -> dict[str, Any]:
    """The model's JSON form, trained on ``records`` (from the corpus files ``names``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                 max_features=MAX_TERMS)
    vectorizer.fit([features for record in records for _, features in _rows(record)])
    weights, intercepts, models = [], [], []
    for label in learned.LABELS:
        texts, labels = [], []
        code = BY_CODE.get(label)
        for record in records:
            if code is None and label not in record["gold"]:
                continue
            spans = _gold(record, label) if code is None or code in record["expected"] else []
            for span, features in _rows(record):
                texts.append(features)
                labels.append(int(_overlaps(span, spans)))
        model = LogisticRegression(C=4, class_weight="balanced", max_iter=3000)
        model.fit(vectorizer.transform(texts), labels)
        models.append(model)
        weights.append(model.coef_[0])
        intercepts.append(round(float(model.intercept_[0]), 6))
    terms = {term: [round(float(vectorizer.idf_[i]), 6)]
             + [round(float(w[i]), 6) for w in weights]
             for term, i in sorted(vectorizer.vocabulary_.items())}
    # sentences scored by scikit-learn itself, which courtesy's reading of the rounded
    # weights must give again (here, and in tests/rules/test_learned.py)
    samples = [features for record in records[:: max(1, len(records) // 12)][:12]
               for _, features in _rows(record)[:2]]
    rows = vectorizer.transform(samples)
    checks = [{"features": features,
               "probabilities": [round(float(m.predict_proba(rows[i])[0, 1]), 9)
                                 for m in models]}
              for i, features in enumerate(samples)]
    raw: dict[str, Any] = {
        "about": "courtesy.rules.learned: TF-IDF word unigrams and bigrams, one logistic "
                 "regression per label; written by benchmarks/learned_elements.py",
        "labels": list(learned.LABELS),
        "thresholds": [SHIPPED_THRESHOLDS[label] for label in learned.LABELS],
        "intercepts": intercepts, "trained_on": names, "checks": checks, "terms": terms,
    }
    wrong = learned.disagreements(raw)
    if wrong:
        raise AssertionError("courtesy reads the weights otherwise than scikit-learn: "
                             + "; ".join(wrong))
    return raw


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


def _pair(scores: tuple[float, float]) -> str:
    return f"{scores[0]:.2f} / {scores[1]:.2f}"


def elements_table(model: learned.Model, test: list[Record],
                   reports: dict[str, courtesy.Report]) -> None:
    print(f"{'element':12s} {'lexicons P / R':>16s}  "
          + "  ".join(f"{'learned ' + str(t):>14s}" for t in THRESHOLDS)
          + f"  {'reported':>14s}")
    for e, element in enumerate(learned.ELEMENTS):
        unseen = [record for record in test if element in record["gold"]]
        as_reported = {r["id"]: [(s.start, s.end) for s in reports[r["id"]].elements[element]]
                       for r in unseen}
        lexicons = {r["id"]: [(s.start, s.end) for s in reports[r["id"]].elements[element]
                              if s not in reports[r["id"]].elements.learned[element]]
                    for r in unseen}
        scored = {r["id"]: [(span, learned.probabilities(model, features)[e])
                            for span, features in _rows(r)] for r in unseen}
        cells = []
        for threshold in THRESHOLDS:
            guesses = {key: [s for s, p in rows if p >= threshold]
                       for key, rows in scored.items()}
            cells.append(_pair(_score(guesses, unseen, element)))
        print(f"{element:12s} {_pair(_score(lexicons, unseen, element)):>16s}  "
              + "  ".join(f"{c:>14s}" for c in cells)
              + f"  {_pair(_score(as_reported, unseen, element)):>14s}")


def rules_table(test: list[Record], reports: dict[str, courtesy.Report]) -> None:
    print(f"{'rule':6s} {'gold':>5s} {'found':>6s} {'P / R':>12s}")
    for code in ASKING:
        gold = [code in r["expected"] for r in test]
        found = [any(f.rule == code for f in reports[r["id"]].findings) for r in test]
        hits = sum(g and f for g, f in zip(gold, found, strict=True))
        print(f"{code:6s} {sum(gold):5d} {sum(found):6d} "
              f"{hits / max(sum(found), 1):5.2f} / {hits / max(sum(gold), 1):.2f}")


#: the gold keys that say where a reply shifts blame, per rule
BLAME = {"BL001": "blame_partner", "BL002": "blame_customer"}
BLAME_THRESHOLDS = (0.5, 0.7, 0.8, 0.9)


def blame_table(train_records: list[Record], test: list[Record],
                reports: dict[str, courtesy.Report]) -> None:
    """A sentence model per blame rule, trained here like the elements on the gold blame
    spans (a reply without the rule's code has none), asked per reply: the rule as checked
    (BL001 asks the shipped model), the model alone, and the model where the check found
    nothing and the sentence holds no admission of ours."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    print(f"{'rule':6s} {'gold':>5s} {'as checked':>16s}  "
          + "  ".join(f"{'model ' + str(t):>12s}  {'+ checked':>11s}" for t in BLAME_THRESHOLDS))
    for code, key in BLAME.items():
        texts, labels = [], []
        for record in train_records:
            spans = _gold(record, key) if code in record["expected"] else []
            for span, features in _rows(record):
                texts.append(features)
                labels.append(int(_overlaps(span, spans)))
        vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True,
                                     max_features=MAX_TERMS)
        model = LogisticRegression(C=4, class_weight="balanced", max_iter=3000)
        model.fit(vectorizer.fit_transform(texts), labels)
        gold = [code in r["expected"] for r in test]

        def score(predicted: list[bool], gold: list[bool] = gold) -> str:
            hits = sum(p and g for p, g in zip(predicted, gold, strict=True))
            return f"{hits / max(sum(predicted), 1):.2f} / {hits / max(sum(gold), 1):.2f}"

        lexicons = [any(f.rule == code for f in reports[r["id"]].findings) for r in test]
        best: list[float] = []
        for record in test:
            report, rows = reports[record["id"]], _rows(record)
            owned = [(s.start, s.end) for s in report.elements.lexicons["apology"]]
            probs = model.predict_proba(vectorizer.transform([f for _, f in rows]))[:, 1] \
                if rows else []
            best.append(max((p for (span, _), p in zip(rows, probs, strict=True)
                             if not _overlaps(span, owned)), default=0.0))
        cells = []
        for t in BLAME_THRESHOLDS:
            alone = [p >= t for p in best]
            cells.append(f"{score(alone):>12s}  "
                         f"{score([a or b for a, b in zip(lexicons, alone, strict=True)]):>11s}")
        print(f"{code:6s} {sum(gold):5d} {score(lexicons):>16s}  " + "  ".join(cells))


#: the rules that ask the shipped model
ASKING = ("EL001", "EL003", "BL001")


def folds_table(count: int) -> None:
    """Train ``count`` times, each time without a ``count``-th of the corpus files, and ask
    the rules that consult the model (:data:`ASKING`) on that part with the model and
    without it."""
    names = sorted(path.name for path in CORPUS.glob("replies_*.jsonl"))
    codes = ASKING
    tallies = {(label, code): [0, 0, 0] for label in ("with the model", "lexicons only")
               for code in codes}
    shipped, asks, tell = learned.load_model, learned.tells, learned.telling
    keeps = learned.keeps_a_step
    try:
        for fold in range(count):
            part = names[fold::count]
            rest = [n for n in names if n not in part]
            model = learned.model_from(train(load(rest), rest))
            learned.load_model = lambda model=model: model  # type: ignore[misc]
            for record in load(part):
                for label in ("with the model", "lexicons only"):
                    with_model = label == "with the model"
                    learned.tells = asks if with_model else (  # type: ignore[assignment]
                        lambda *_args, **_kwargs: False)
                    learned.telling = tell if with_model else (  # type: ignore[assignment]
                        lambda *_args, **_kwargs: [])
                    learned.keeps_a_step = keeps if with_model else (  # type: ignore[assignment]
                        lambda _ctx, steps: bool(steps))
                    found = {f.rule for f in courtesy.check(
                        record["text"], customer=record["customer"],
                        situation=record["situation"], channel=record["channel"]).findings}
                    for code in codes:
                        tally = tallies[label, code]
                        tally[0] += code in found
                        tally[1] += code in found and code in record["expected"]
                        tally[2] += code in record["expected"]
    finally:
        learned.load_model, learned.tells = shipped, asks  # type: ignore[misc,assignment]
        learned.telling = tell  # type: ignore[assignment]
        learned.keeps_a_step = keeps  # type: ignore[assignment]
    print(f"the rules that ask the model, {count} folds over {len(names)} corpus files:")
    for (label, code), (found, right, gold) in tallies.items():
        print(f"  {code} {label:15s} P / R {right / max(found, 1):.2f} / "
              f"{right / max(gold, 1):.2f}  ({found} found, {gold} expected)")
    for label in ("with the model", "lexicons only"):
        found, right, gold = (sum(tallies[label, code][i] for code in codes) for i in range(3))
        print(f"  all   {label:15s} P / R {right / max(found, 1):.2f} / "
              f"{right / max(gold, 1):.2f}  ({found} found, {gold} expected)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", nargs="+", metavar="FILE",
                        help="corpus files to keep out of training and measure on (default: "
                             "the two newest held-out corpora)")
    parser.add_argument("--write", action="store_true",
                        help=f"write the trained model to {MODEL.relative_to(ROOT)}")
    parser.add_argument("--folds", type=int, metavar="N",
                        help="instead, cross-validate EL001 and EL003 over N parts of the "
                             "corpus files (how the shipped threshold was chosen)")
    args = parser.parse_args(argv)
    if args.folds:
        if args.folds < 2:
            parser.error("--folds needs 2 or more parts")
        folds_table(args.folds)
        return
    test_names = args.test or newest(2)
    names = sorted(path.name for path in CORPUS.glob("replies_*.jsonl"))
    unknown = sorted(set(test_names) - set(names))
    if unknown:
        parser.error(f"no such corpus file in {CORPUS}: {', '.join(unknown)}")
    train_names = [n for n in names if n not in test_names]
    train_records, test = load(train_names), load(test_names)
    raw = train(train_records, train_names)
    if args.write:
        MODEL.parent.mkdir(parents=True, exist_ok=True)
        MODEL.write_text(json.dumps(raw, ensure_ascii=False, separators=(",", ":")) + "\n",
                         "utf-8")
        print(f"wrote {MODEL.relative_to(ROOT)}: {len(raw['terms'])} terms")
    reports = {r["id"]: courtesy.check(r["text"], customer=r["customer"],
                                       situation=r["situation"], channel=r["channel"])
               for r in test}
    print(f"trained on {len(train_records)} replies; measured on {len(test)} unseen ones "
          f"({', '.join(test_names)})\n")
    elements_table(learned.model_from(raw), test, reports)
    print("\nas checked (EL001 and EL003 ask the shipped model before reporting an absence, "
          "BL001 where no lexicon found blame):")
    rules_table(test, reports)
    print("\nblame, per reply: as checked, and a sentence model trained here on the gold blame "
          "spans, alone and where the check found none:")
    blame_table(train_records, test, reports)


if __name__ == "__main__":
    main()
