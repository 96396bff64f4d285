"""A second opinion on apologies, next steps and blame, learned from courtesy's own corpora.

The lexicons find an apology or a next step by its words; a reply can tell either in
words no lexicon holds ("Kofi left the mains valve open when he finished on Friday"). Before
EL001 reports that a reply owes an apology and has none, or EL003 that it says nothing of
what happens next, they ask this model whether any sentence of the reply reads like one;
``Report.elements`` adds the sentences it reads so where no lexicon found the element, and
leaves out the lexicons' next steps it reads as none (EL003 asks that of a lone step); and
BL001, when no lexicon found blame on a partner, asks it of the sentences that name a
partner or a failure ("The cut-off is down to Northern Powergrid").

The model is a logistic regression per label over the word unigrams and bigrams of a
sentence (and one token for whether the situation says the failure was ours), weighted by
TF-IDF, as ``benchmarks/learned_elements.py --write`` trains it with scikit-learn on the
corpora in ``tests/corpus`` except the newest held-out ones, which stay unseen to measure
it. It ships as a table of weights (``data/elements.json``) read here with no dependency:
per sentence, a dictionary lookup per word and word pair and a dot product, each sentence
scored at most once per check.

The features follow scikit-learn's ``TfidfVectorizer(ngram_range=(1, 2),
sublinear_tf=True)`` exactly (tokens of two or more word characters, lower case; tf = 1 +
ln(count); smoothed idf; L2 norm), and the file carries sentences scored by scikit-learn
itself, which the tests score again here.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, partial
from importlib import resources
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from courtesy.rules.attribution import CAUSE, FAILURE, MISTAKE, attribution, load_roles
from courtesy.rules.context import inner_full_stop

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence

    from courtesy.rules.context import CheckContext

__all__ = ["ELEMENTS", "LABELS", "NO_STEP", "TOLERANCE", "Model", "Reading", "added_spans",
           "blame_candidates", "disagreements", "features", "keeps_a_step", "load_model",
           "model_from", "no_apology", "pending", "probabilities", "sentences", "telling",
           "tells"]

#: what the model reads of a sentence: whether it tells each of these
LABELS = ("apology", "next_steps", "blame_partner")
#: the labels that are elements of ``Report.elements``
ELEMENTS = ("apology", "next_steps")
#: below this probability the model overrules a next step the lexicons found: a sentence
#: that opens with a salutation, signs off ("See you soon!") or tells what went wrong with a
#: date in it ("I'm sorry the back windows were missed on today's round"). Six folds over
#: the corpus files: 73 false steps fewer for 5 found ones lost (0.2: 126 fewer, 23 lost)
NO_STEP = 0.1
#: where a sentence's next-step probability stands among its :data:`LABELS`
_STEP = LABELS.index("next_steps")
#: a sentence: up to a full stop, a question or exclamation mark, or a line break (a line
#: with no stop, as chat and signatures write them, is one); a stop with no space after it
#: ("£4.99", "3.68kW", "example.com", "e.g") ends nothing, and :func:`sentences` joins
#: what a stop of an abbreviation split ("Mr. Patel")
_SENTENCE = re.compile(r"[^\n.!?]+(?:[.!?]+(?=[^\s.!?])[^\n.!?]*)*(?:[.!?]+|$)", re.MULTILINE)
#: scikit-learn's default token, two or more word characters (its "\b" on both sides adds
#: nothing to a greedy run of them, and costs a third of the time)
_TOKEN = re.compile(r"\w\w+")
#: how far courtesy's reading of the file's rounded weights may stray from the
#: probabilities scikit-learn gave its sample sentences
TOLERANCE = 1e-4
#: the token that tells the model whether the situation says the failure was ours
_OURS, _NOT_OURS = "ourfault", "notours"


@dataclass(frozen=True, slots=True)
class Model:
    """The weights: per term, its idf and, per label, its idf times its weight."""

    #: term -> (idf, then idf x weight per label, in the order of :data:`LABELS`)
    terms: dict[str, tuple[float, ...]]
    #: per label, the intercept
    intercepts: tuple[float, ...]
    #: per label, the probability from which a sentence tells it
    thresholds: tuple[float, ...]


class Reading(NamedTuple):
    """What the model changes of the lexicons' element spans (:func:`added_spans`)."""

    #: per element, the sentences it adds where no lexicon found the element
    added: dict[str, list[tuple[int, int]]]
    #: per element, the lexicons' spans it overrules (next steps it scores below
    #: :data:`NO_STEP`)
    overruled: dict[str, list[tuple[int, int]]]


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` as the model was trained on them, without outer spaces
    (those of four characters or more)."""
    out: list[tuple[int, int]] = []
    opened = -1  # where a sentence began whose last piece ended in an abbreviation
    for match in _SENTENCE.finditer(text):
        start, end = match.start(), match.end()
        if opened >= 0:
            start, opened = opened, -1
        if (text[end - 1:end] == "." and end < len(text) and text[end] in " \t"
                and inner_full_stop(text, end - 1)):
            opened = start  # "Mr. Patel will call": one sentence, not two
            continue
        _add_trimmed(out, text, start, end)
    if opened >= 0:
        _add_trimmed(out, text, opened, len(text))
    return out


def _add_trimmed(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add ``text[start:end]`` to ``out`` without its outer spaces, if four characters or
    more are left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start > 3:
        out.append((start, end))


def features(sentence: str, our_fault: bool) -> str:
    """What the model reads of a sentence: the situation's token, then the words."""
    return f"{_OURS if our_fault else _NOT_OURS} {sentence.lower()}"


def model_from(raw: dict[str, Any], source: str = "data/elements.json") -> Model:
    """A :class:`Model` from the JSON form ``benchmarks/learned_elements.py`` writes (per
    term: its idf, then its weight per label)."""
    if tuple(raw.get("labels", ())) != LABELS:
        raise ValueError(f"{source}: labels {raw.get('labels')} are not {list(LABELS)}")
    width = len(LABELS) + 1
    terms = {}
    for term, values in raw["terms"].items():
        if len(values) != width:
            raise ValueError(f"{source}: term {term!r} has {len(values)} values, not {width}")
        idf = float(values[0])
        terms[term] = (idf, *(idf * float(w) for w in values[1:]))
    intercepts = tuple(float(v) for v in raw["intercepts"])
    thresholds = tuple(float(v) for v in raw["thresholds"])
    if len(intercepts) != len(LABELS) or len(thresholds) != len(LABELS):
        raise ValueError(f"{source}: one intercept and one threshold per label "
                         f"{list(LABELS)}, not {len(intercepts)} and {len(thresholds)}")
    return Model(terms, intercepts, thresholds)


@cache
def load_model() -> Model:
    """Read ``data/elements.json`` (once)."""
    path = resources.files("courtesy.rules") / "data" / "elements.json"
    return model_from(json.loads(path.read_text("utf-8")))


def probabilities(model: Model, text: str) -> tuple[float, ...]:
    """The probability, per label of :data:`LABELS` (three, as :func:`model_from` makes
    sure), that ``text`` (as :func:`features` makes it) tells it."""
    tokens = _TOKEN.findall(text.lower())
    counts: dict[str, int] = {}
    for token in tokens:
        counts[token] = counts.get(token, 0) + 1
    for pair in map(" ".join, pairwise(tokens)):
        counts[pair] = counts.get(pair, 0) + 1
    known = model.terms.get
    square = apology = steps = blame = 0.0
    for term, count in counts.items():
        values = known(term)
        if values is None:
            continue
        if count == 1:
            square += values[0] * values[0]
            apology += values[1]
            steps += values[2]
            blame += values[3]
        else:
            tf = 1.0 + math.log(count)
            square += (tf * values[0]) ** 2
            apology += tf * values[1]
            steps += tf * values[2]
            blame += tf * values[3]
    norm = math.sqrt(square) or 1.0
    intercepts = model.intercepts
    return (_sigmoid(intercepts[0] + apology / norm), _sigmoid(intercepts[1] + steps / norm),
            _sigmoid(intercepts[2] + blame / norm))


def disagreements(raw: dict[str, Any]) -> list[str]:
    """The sample sentences of a model's JSON form (its ``checks``, scored by scikit-learn
    when it was trained) that courtesy's reading of its weights scores otherwise, by more
    than :data:`TOLERANCE`."""
    model = model_from(raw)
    out = []
    for check in raw["checks"]:
        got = probabilities(model, check["features"])
        if any(abs(want - have) > TOLERANCE
               for want, have in zip(check["probabilities"], got, strict=True)):
            out.append(f"{check['features']!r}: {got} != scikit-learn {check['probabilities']}")
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z)) if z > -500 else 0.0


#: the lexicon topics whose spans hold no apology (see :func:`no_apology`)
_NO_APOLOGY = ("non-apology", "boilerplate", "blame-partner", "blame-customer")
#: a sentence and its probability per label
Scored = tuple[int, int, tuple[float, ...]]
#: the probabilities per label of the sentences scored so far in a check
Scores = dict[tuple[int, int], tuple[float, ...]]


def _overlaps(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _scores(text: str, our_fault: bool, spans: Iterable[tuple[int, int]],
            known: Scores) -> list[Scored]:
    """``spans`` (sentences of ``text``) with their probabilities, each scored once: those
    in ``known`` are taken from it, the others scored and added to it."""
    model = load_model()
    out = []
    for span in spans:
        probs = known.get(span)
        if probs is None:
            probs = known[span] = probabilities(model, features(text[span[0]:span[1]],
                                                                our_fault))
        out.append((span[0], span[1], probs))
    return out


def _known(ctx: CheckContext) -> Scores:
    known = cast("Scores | None", ctx._cache.get("learned"))
    if known is None:
        known = ctx._cache["learned"] = {}
    return known


def _sentences(ctx: CheckContext) -> list[tuple[int, int]]:
    found = cast("list[tuple[int, int]] | None", ctx._cache.get("sentences"))
    if found is None:
        found = ctx._cache["sentences"] = sentences(ctx.text)
    return found


def no_apology(ctx: CheckContext) -> list[tuple[int, int]]:
    """The spans where the model's apology does not count: a non-apology ("sorry you feel
    that way"), boilerplate ("we apologise for any inconvenience"), blame of a partner or of
    the customer, and a failure the lexicons read as denied or asked about ("there was no
    error on our side", "did our engineer fit the wrong valve?") are no apology, however
    they read. Cross-validated over the corpus files, leaving blame out of the model's
    apologies makes 18 fewer false ones and loses none; leaving denials out loses one and
    mends what a sentence alone cannot show the model."""
    return [*(span for topic in _NO_APOLOGY for span in ctx.spans(topic)),
            *attribution(ctx).denied]


def tells(ctx: CheckContext, label: str, skip: Iterable[tuple[int, int]] = ()) -> bool:
    """Whether a sentence of the checked text, overlapping none of ``skip``, reads as
    telling ``label`` ("apology" or "next_steps") by the model's threshold."""
    return bool(telling(ctx, label, _sentences(ctx), skip))


def telling(ctx: CheckContext, label: str, spans: Iterable[tuple[int, int]],
            skip: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """The sentences among ``spans`` that overlap none of ``skip`` and read as telling
    ``label`` by the model's threshold. A sentence is scored once per check, for every
    label."""
    index = LABELS.index(label)
    threshold = load_model().thresholds[index]
    skipped = list(skip)
    return [(start, end)
            for start, end, probs in _scores(ctx.text, ctx.our_fault, spans, _known(ctx))
            if probs[index] >= threshold and not _overlaps(start, end, skipped)]


def keeps_a_step(ctx: CheckContext, steps: Sequence[tuple[int, int]]) -> bool:
    """Whether the model leaves a next-step sentence the lexicons found (``steps``)
    standing: scores it at :data:`NO_STEP` or more. It overrules under 2% of them, so
    only a lone step is asked (over six folds, no reply with two lost both, and asking
    them all cost about 3% of a check more, for nothing); it is scored once per check."""
    if len(steps) != 1:
        return bool(steps)
    (_start, _end, probs), = _scores(ctx.text, ctx.our_fault, steps, _known(ctx))
    return probs[_STEP] >= NO_STEP


#: how a partner form may stand in a word: whole, at its start, at its end (flags: one form
#: may be all three, as "partner" is: "partner", "Partnerhotel", "Logistikpartner")
_WHOLE, _START, _END = 1, 2, 4


@cache
def _partner_forms() -> Any:
    """An Aho-Corasick automaton (pyahocorasick, in C) of the ``partner`` words of
    ``agents.words``, their ``prefix*`` and ``*suffix`` forms: one pass over a text
    instead of a lookup per word."""
    import ahocorasick

    partner = load_roles().partner
    hows: dict[str, int] = {}
    for forms, how in ((partner.words, _WHOLE), (partner.prefixes, _START),
                       (partner.suffixes, _END)):
        for form in forms:
            hows[form] = hows.get(form, 0) | how
    automaton = ahocorasick.Automaton()
    for form, how in hows.items():
        automaton.add_word(form, (len(form), how))
    automaton.make_automaton()
    return automaton


def _partner_words(text: str) -> list[tuple[int, int]]:
    """Where ``text`` (lower case) names a partner."""
    out = []
    size = len(text)
    for last, (length, how) in _partner_forms().iter(text):
        start, end = last - length + 1, last + 1
        opens = start == 0 or not text[start - 1].isalnum()
        closes = end == size or not text[end].isalnum()
        if (opens and closes) or (opens and how & _START) or (closes and how & _END):
            out.append((start, end))
    return out


def blame_candidates(ctx: CheckContext) -> list[tuple[int, int]]:
    """The sentences of the body that may blame a partner in words no lexicon holds: those
    that name a partner (a ``partner`` word of ``agents.words``) or hold a failure word,
    a mistake or a cause, and no admission of ours. Over the corpora read so far, a sixth of
    all sentences, holding 94% of the labelled blame on partners."""
    first, last = ctx.body_start, ctx.signature_start
    cues = [span for topic in (FAILURE, MISTAKE, CAUSE) for span in ctx.spans(topic)]
    cues += _partner_words(ctx.norm.lower())
    if not cues:
        return []
    owned = ctx.spans("apology")
    return [(start, end) for start, end in _sentences(ctx)
            if end > first and start < last and _overlaps(start, end, cues)
            and not _overlaps(start, end, owned)]


def added_spans(text: str, *, our_fault: bool, body: tuple[int, int],
                found: Mapping[str, Sequence[tuple[int, int]]],
                skip: Mapping[str, Sequence[tuple[int, int]]],
                split: Sequence[tuple[int, int]] | None = None,
                scored: Scores | None = None) -> Reading:
    """What the model changes of the spans the lexicons ``found``, per element of
    :data:`ELEMENTS`: the next-step sentences it overrules (:data:`NO_STEP`), and the
    sentences of ``text`` it reads as telling an element that overlap none of the spans
    kept for it, nor its ``skip`` spans (:func:`no_apology`), and that reach into the
    ``body`` (from the end of the salutation to the signature: "Niamh at Ember & Bean" is
    no step); an added span starts no earlier than the body. ``split`` are the text's
    sentences and ``scored`` the probabilities of those a rule already scored in this
    check, when known; only the sentences that could change a span are scored besides."""
    model = load_model()
    first, last = body
    known = scored if scored is not None else {}
    steps = found.get("next_steps", ())
    overruled = {"apology": [], "next_steps": [
        (start, end) for start, end, probs in _scores(text, our_fault, steps, known)
        if probs[_STEP] < NO_STEP]}
    if overruled["next_steps"]:
        found = {**found, "next_steps": [span for span in steps
                                         if span not in overruled["next_steps"]]}
    wanted = [(start, end) for start, end in (split if split is not None else sentences(text))
              if end > first and start < last
              and any(not _overlaps(start, end, found.get(element, ()))
                      for element in ELEMENTS)]
    rows = _scores(text, our_fault, wanted, known)
    added = {}
    for index, element in enumerate(ELEMENTS):
        threshold = model.thresholds[index]
        blocked = [*found.get(element, ()), *skip.get(element, ()), *overruled[element]]
        # a sentence that opens with the salutation starts after it ("Hi Ana, | the wrong
        # size went out")
        added[element] = [(max(start, first), end) for start, end, probs in rows
                          if probs[index] >= threshold and not _overlaps(start, end, blocked)]
    return Reading(added, overruled)


def pending(ctx: CheckContext, found: Mapping[str, Sequence[tuple[int, int]]],
            ) -> Callable[[], Reading]:
    """:func:`added_spans` for the checked text, to call later: it keeps the text, the
    spans, the sentences and the probabilities a rule already found, not the check's
    context."""
    return partial(added_spans, ctx.text, our_fault=ctx.our_fault,
                   body=(ctx.body_start, ctx.signature_start), found=found,
                   skip={"apology": no_apology(ctx)},
                   split=cast("list[tuple[int, int]] | None", ctx._cache.get("sentences")),
                   scored=cast("Scores | None", ctx._cache.get("learned")))
