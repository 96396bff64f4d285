"""The learned second opinion on apologies and next steps (courtesy/rules/learned.py)."""

from __future__ import annotations

import json
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courtesy import check
from courtesy.rules import learned

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
OURS: dict[str, Any] = {"kind": "error", "our_fault": True, "severity": "medium"}
INQUIRY: dict[str, Any] = {"kind": "inquiry", "our_fault": False, "severity": "low"}


def _raw() -> dict[str, Any]:
    path = resources.files("courtesy.rules") / "data" / "elements.json"
    return json.loads(path.read_text("utf-8"))  # type: ignore[no-any-return]


def _codes(text: str, situation: dict[str, Any]) -> set[str]:
    return {f.rule for f in check(text, situation=situation).findings}


def test_courtesy_reads_the_weights_as_scikit_learn_scored_them() -> None:
    # the file carries sentences scored by scikit-learn when it was trained
    raw = _raw()
    assert len(raw["checks"]) >= 10
    assert learned.disagreements(raw) == []
    # and it would tell: one sample scored otherwise is reported
    raw["checks"][0]["probabilities"] = [p + 0.5 if p < 0.5 else p - 0.5
                                         for p in raw["checks"][0]["probabilities"]]
    assert len(learned.disagreements(raw)) == 1


def test_the_newest_held_out_corpora_stay_out_of_its_training() -> None:
    # they are the unseen text tests/test_accuracy.py measures it on
    held_out = sorted(CORPUS.glob("replies_holdout*.jsonl"),
                      key=lambda p: int(p.stem.removeprefix("replies_holdout") or 0))
    trained_on = set(_raw()["trained_on"])
    retrain = "retrain with: python benchmarks/learned_elements.py --write"
    assert {p.name for p in held_out[-2:]}.isdisjoint(trained_on), retrain
    assert {p.name for p in held_out[:-2]} <= trained_on, retrain


def test_a_reply_that_owns_the_failure_in_new_words_has_its_apology() -> None:
    # no apology word and no failure word a lexicon holds (held-out 29)
    text = ("Hi Ana,\n\nKofi left the mains valve to the drip line open when he finished on "
            "Friday, and the water that came through your wall came from that.\n\nThanks for "
            "the photos,\nGraham")
    report = check(text, situation=OURS)
    owned = text[text.index("Kofi"):text.index("that.") + len("that.")]
    assert [span.text(text) for span in report.elements["apology"]] == [owned]
    assert report.elements.learned["apology"] == report.elements["apology"]
    assert report.elements.lexicons["apology"] == ()
    assert "EL001" not in _codes(text, OURS)


@pytest.mark.parametrize("text", [
    "Hi Ana, your order is on its way. Thanks for shopping with us.",
    "Hi Ana, we apologise for any inconvenience this may have caused. Thanks, Graham",
    "Hi Ana, thank you for your message. Your ticket number is 48213. Kind regards, Graham",
])
def test_a_reply_with_no_apology_still_misses_one(text: str) -> None:
    assert "EL001" in _codes(text, OURS)


def test_a_step_told_in_new_words_is_a_step() -> None:
    # a step no lexicon reads, told as a plain fact (held-out 12)
    text = ("Hi Ana, thanks for asking. A corrected invoice for £2,400 is attached, and the "
            "payment date stays as 30 June.")
    report = check(text, situation=INQUIRY)
    step = text[text.index("A corrected"):]
    assert [span.text(text) for span in report.elements["next_steps"]] == [step]
    assert [span.text(text) for span in report.elements.learned["next_steps"]] == [step]
    assert report.to_dict()["elements"]["next_steps"] == [
        {"start": text.index("A corrected"), "end": len(text)}]
    assert "EL003" not in _codes(text, INQUIRY)


def test_a_reply_that_says_nothing_of_what_happens_next_still_misses_it() -> None:
    text = "Hi Ana, thank you for your message about the invoice. Kind regards, Graham"
    assert "EL003" in _codes(text, INQUIRY)


def test_a_reply_whose_lexicons_find_the_element_never_asks_the_model(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> bool:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(learned, "tells", refuse)
    text = ("Hi Ana, I'm sorry: we sent the wrong size. A new pair leaves today and will "
            "reach you by Friday. Thanks for your patience.")
    codes = _codes(text, OURS)
    assert not {"EL001", "EL003"} & codes


def test_a_malformed_model_names_the_file_and_the_term() -> None:
    raw = {"labels": list(learned.LABELS), "intercepts": [0.0, 0.0, 0.0],
           "thresholds": [0.8, 0.8, 0.9], "terms": {"sorry": [1.0, 2.0]}}
    with pytest.raises(ValueError, match=r"elements\.json: term 'sorry' has 2 values, not 4"):
        learned.model_from(raw)
    with pytest.raises(ValueError, match=r"labels \['apology'\] are not"):
        learned.model_from({**raw, "labels": ["apology"]})
    with pytest.raises(ValueError, match="one intercept and one threshold per label"):
        learned.model_from({**raw, "terms": {}, "thresholds": [0.8]})


@given(st.text(max_size=300), st.booleans())
def test_scoring_never_crashes_and_stays_a_probability(text: str, ours: bool) -> None:
    model = learned.load_model()
    for start, end in learned.sentences(text):
        assert 0 <= start < end <= len(text)
        first = learned.probabilities(model, learned.features(text[start:end], ours))
        assert all(0.0 <= p <= 1.0 for p in first)
        assert first == learned.probabilities(model, learned.features(text[start:end], ours))


@given(st.lists(st.sampled_from(["Mr.", "Dr. ", "e.g.", " ", ".", ". ", "\n", "Patel", "we",
                                  "call", "£4.99", "z.B.", "No. 5", "!", "?", "x.y"]),
                max_size=30).map(" ".join))
def test_sentences_are_ordered_apart_and_trimmed(text: str) -> None:
    spans = learned.sentences(text)
    assert spans == learned.sentences(text)
    for (_s1, e1), (s2, _e2) in pairwise(spans):
        assert e1 <= s2
    for start, end in spans:
        assert end - start > 3
        assert not text[start].isspace()
        assert not text[end - 1].isspace()


def test_the_model_adds_sentences_only_where_no_lexicon_found_the_element() -> None:
    # the lexicons own the first apology and the step; the model adds the admission they
    # miss, a sentence long, and keeps the lexicons' phrases as they are
    text = ("Hi Ana, I'm sorry about the wait. Kofi left the mains valve to the drip line open "
            "when he finished on Friday, and the water that came through your wall came from "
            "that. Our plumber comes back on Monday at 9am.")
    report = check(text, situation=OURS)
    lexicons, learned_spans = report.elements.lexicons, report.elements.learned
    assert [span.text(text) for span in lexicons["apology"]] == ["I'm sorry about the wait"]
    assert [span.text(text) for span in learned_spans["apology"]] == [
        text[text.index("Kofi"):text.index(" Our plumber")]]
    assert report.elements["apology"] == (*lexicons["apology"], *learned_spans["apology"])
    assert learned_spans["next_steps"] == ()
    assert lexicons["thanks"] == report.elements["thanks"]


@pytest.mark.parametrize("text", [
    # the model reads each as owning the failure; the lexicons read blame
    "Hi Marcus, your milkshake was missing from the bag because the restaurant should have "
    "packed it.",
    "Hallo Frau Berg, den Fehler in Ihrer Rechnung hat unser Zahlungsdienstleister gemacht.",
    "Hi Marcus, it was your mistake: you booked the wrong date.",
])
def test_blame_is_no_apology_however_the_model_reads_it(text: str) -> None:
    model = learned.load_model()
    assert max(learned.probabilities(model, learned.features(text[start:end], True))[0]
               for start, end in learned.sentences(text)) >= 0.8
    report = check(text, situation=OURS)
    assert {"BL001", "BL002"} & {f.rule for f in report.findings}
    assert report.elements["apology"] == ()
    assert "EL001" in _codes(text, OURS)


@pytest.mark.parametrize("text", [
    # the model reads each as owning the failure; the lexicons read the failure word as
    # denied or asked about
    "Hi Ana, there was no error on our side: the payment went out on 3 March.",
    "Hallo Frau Berg, wir haben keinen Fehler in unserem System gefunden.",
    "Hi Ana, did our engineer fit the wrong valve?",
])
def test_a_failure_denied_or_asked_about_is_no_apology_however_the_model_reads_it(
        text: str) -> None:
    model = learned.load_model()
    assert max(learned.probabilities(model, learned.features(text[start:end], True))[0]
               for start, end in learned.sentences(text)) >= 0.8
    report = check(text, situation=OURS)
    assert report.elements["apology"] == ()
    assert "EL001" in _codes(text, OURS)


@pytest.fixture
def scored(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What the model reads, sentence by sentence, from here on."""
    calls: list[str] = []
    real = learned.probabilities

    def counted(model: learned.Model, text: str) -> tuple[float, ...]:
        calls.append(text)
        return real(model, text)

    monkeypatch.setattr(learned, "probabilities", counted)
    return calls


def test_the_model_scores_nothing_until_the_elements_are_read(scored: list[str]) -> None:
    calls = scored
    text = ("Hi Ana, I'm sorry we sent the wrong size, and a new pair will reach you by "
            "Friday. Thanks for your patience.")
    # a situation that asks for no step: no rule asks the model
    report = check(text, situation={"kind": "thanks", "our_fault": False, "severity": "low"})
    assert calls == []  # the rules found their elements; nobody read the elements yet
    assert report.elements.lexicons["apology"]
    assert calls == []
    assert report.elements["apology"]
    # the lexicons' step (may the model overrule it?) and the sentence that misses an
    # apology and a step of the lexicons', each once
    assert calls == ["notours hi ana, i'm sorry we sent the wrong size, and a new pair will "
                     "reach you by friday.", "notours thanks for your patience."]
    report.to_dict()
    assert len(calls) == 2


def test_a_missing_step_asks_the_model_of_the_lexicons_steps_once(scored: list[str]) -> None:
    calls = scored
    text = ("Hi Ana, I'm sorry we sent the wrong size, and a new pair will reach you by "
            "Friday. Thanks for your patience.")
    report = check(text, situation=OURS)
    # EL003 asks whether the model overrules the lexicons' step; reading the elements then
    # scores only the sentence not scored yet
    assert calls == ["ourfault hi ana, i'm sorry we sent the wrong size, and a new pair will "
                     "reach you by friday."]
    assert "EL003" not in {f.rule for f in report.findings}
    report.to_dict()
    assert calls[1:] == ["ourfault thanks for your patience."]


@pytest.mark.parametrize(("text", "overruled"), [
    # a sign-off and a salutation the lexicons read as steps; the model reads them as none
    ("Hi Ana, your new card is in the post and reaches you by Friday. See you soon!",
     "See you soon!"),
])
def test_the_model_overrules_a_step_it_reads_as_none(text: str, overruled: str) -> None:
    report = check(text, situation=OURS)
    assert overruled in [span.text(text) for span in report.elements.lexicons["next_steps"]]
    assert [span.text(text) for span in report.elements.overruled["next_steps"]] == [overruled]
    assert overruled not in [span.text(text) for span in report.elements["next_steps"]]
    assert report.elements["next_steps"]
    assert "EL003" not in {f.rule for f in report.findings}


def test_a_reply_whose_only_step_the_model_overrules_misses_its_step() -> None:
    text = "Hi Ana, sorry that the engineer missed you. See you soon!"
    report = check(text, situation=OURS)
    assert [span.text(text) for span in report.elements.lexicons["next_steps"]] == \
        ["See you soon!"]
    assert report.elements["next_steps"] == ()
    assert "EL003" in {f.rule for f in report.findings}


def test_the_elements_survive_pickling_and_compare_as_a_mapping() -> None:
    import pickle

    text = ("Hi Ana, thanks for asking. A corrected invoice for £2,400 is attached, and the "
            "payment date stays as 30 June.")
    report = check(text, situation=INQUIRY)
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.elements.learned == report.elements.learned
    signed = check("Hi Ana, your new card reaches you by Friday. See you soon!", situation=OURS)
    assert signed.elements.overruled["next_steps"]
    assert pickle.loads(pickle.dumps(signed)).elements.overruled == signed.elements.overruled
    assert dict(report.elements) == {kind: report.elements[kind] for kind in report.elements}
    assert list(report.elements) == ["apology", "thanks", "next_steps", "restitution"]
    assert "next_steps" in repr(report.elements)


def test_threads_reading_the_elements_at_once_see_each_sentence_once() -> None:
    from concurrent.futures import ThreadPoolExecutor

    text = ("Hi Ana, I'm sorry about the wait. Kofi left the mains valve to the drip line open "
            "when he finished on Friday, and the water that came through your wall came from "
            "that. Our plumber comes back on Monday at 9am.")
    for _ in range(20):
        report = check(text, situation=OURS)
        with ThreadPoolExecutor(4) as pool:
            seen = list(pool.map(lambda r: r.elements["apology"], [report] * 8))
        assert all(spans == seen[0] for spans in seen)
        assert len(seen[0]) == len(set(seen[0])) == 2


def test_a_sentence_that_opens_with_the_salutation_is_added_without_it() -> None:
    text = ("Hi Ana, Kofi left the mains valve to the drip line open when he finished on "
            "Friday, and the water that came through your wall came from that.")
    report = check(text, situation=OURS)
    assert [span.text(text) for span in report.elements.learned["apology"]] == [
        text.removeprefix("Hi Ana, ")]


NOT_OURS: dict[str, Any] = {"kind": "complaint", "our_fault": False, "severity": "medium"}


@pytest.mark.parametrize(("text", "situation", "blame"), [
    # a partner's failure in words no lexicon holds, told of a sentence that names the
    # partner or a fault
    ("Hola Ana, la tapa de abeto que eligió sigue en el almacén de nuestro proveedor en "
     "Alemania, que todavía no nos la ha enviado.", OURS,
     "la tapa de abeto que eligió sigue en el almacén de nuestro proveedor en Alemania, que "
     "todavía no nos la ha enviado."),
    ("Hallo Herr Berg, die Verzögerung bei der Reparatur liegt beim Aufzugsdienst, der das "
     "Ersatzteil nicht rechtzeitig bestellt hat.", OURS,
     "die Verzögerung bei der Reparatur liegt beim Aufzugsdienst, der das Ersatzteil nicht "
     "rechtzeitig bestellt hat."),
    ("Hi Ana, the break is at the weld, which is a manufacturing fault on Swayfield's side "
     "rather than anything in how it was put up.", NOT_OURS,
     "the break is at the weld, which is a manufacturing fault on Swayfield's side rather "
     "than anything in how it was put up."),
])
def test_blame_on_a_partner_in_new_words_is_found_by_the_model(
        text: str, situation: dict[str, Any], blame: str) -> None:
    report = check(text, situation=situation)
    assert [text[f.start:f.end] for f in report.findings if f.rule == "BL001"] == [blame]


@pytest.mark.parametrize("text", [
    # a partner named, doing its job or giving news; no partner and no failure at all
    "Hi Ana, I've spoken to the courier and your parcel will reach you by Friday.",
    "Hi Ana, we use Parcelway for deliveries to the islands, and they run on Tuesdays.",
    "Hi Ana, the bank holiday means the depot is closed on Monday.",
    "Hi Ana, the restaurant cancelled every Saturday booking for a private event.",
])
def test_a_partner_named_without_blame_is_not_flagged(text: str) -> None:
    assert "BL001" not in _codes(text, OURS)


def test_the_model_is_not_asked_of_blame_where_the_lexicons_found_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> list[tuple[int, int]]:
        raise AssertionError("the model was asked")

    monkeypatch.setattr(learned, "blame_candidates", refuse)
    text = "Hi Ana, your parcel was delayed by the courier, which is outside our control."
    assert "BL001" in _codes(text, NOT_OURS)


def test_blame_candidates_are_sentences_that_name_a_partner_or_a_fault_and_admit_nothing(
        ) -> None:
    from courtesy.rules.context import CheckContext
    from courtesy.rules.engine import matcher
    from courtesy.rules.lexicon import normalize

    text = ("Hi Ana,\n\nThe printer ran the job on the wrong stock. We are sorry we sent the "
            "wrong size. Your order leaves today.\n\nThanks, Bo")
    found, _present = matcher().match(text, normalize(text))
    ctx = CheckContext(text, found, matcher())
    assert [text[s:e] for s, e in learned.blame_candidates(ctx)] == [
        "The printer ran the job on the wrong stock."]


def test_a_point_between_digits_ends_no_sentence() -> None:
    text = "The cut-off at 3.68kW is down to Northern Powergrid. I've refunded the £4.99 fee!"
    assert [text[s:e] for s, e in learned.sentences(text)] == [
        "The cut-off at 3.68kW is down to Northern Powergrid.", "I've refunded the £4.99 fee!"]


@pytest.mark.parametrize(("text", "expected"), [
    # a stop of an abbreviation, or with no space after it, ends no sentence (as
    # CheckContext.sentence_at reads them)
    ("I've asked Mr. Patel to call you on Friday. He has the notes.",
     ["I've asked Mr. Patel to call you on Friday.", "He has the notes."]),
    ("Bring proof of purchase, e.g. the email we sent. Thanks!",
     ["Bring proof of purchase, e.g. the email we sent.", "Thanks!"]),
    ("Ihre Bestellung Nr. 12 kommt am 3. März. Danke.",
     ["Ihre Bestellung Nr. 12 kommt am 3. März.", "Danke."]),
    ("It's £4.99 on example.com now. Sorry!", ["It's £4.99 on example.com now.", "Sorry!"]),
    ("We said no. Then we checked.", ["We said no.", "Then we checked."]),
    ("Your engineer is Dr.", ["Your engineer is Dr."]),
])
def test_sentences_hold_abbreviations(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in learned.sentences(text)] == expected


def test_a_line_with_no_stop_is_a_sentence() -> None:
    # chat lines and a step with no full stop (once skipped, and slow to skip)
    text = "Hi Ana,\n\nOur plumber comes on Monday at 9.30\nsorry again\n\nGraham"
    assert [text[s:e] for s, e in learned.sentences(text)] == [
        "Hi Ana,", "Our plumber comes on Monday at 9.30", "sorry again", "Graham"]
