"""The compiled matcher: anchored lazy patterns and per-language gating.

Lazy patterns are tried only where a match can start (``re^[...]`` lines, ``<num>`` and
literal-first phrases): an optimisation, and these tests pin that it never changes what
is found. Phrases and lazy patterns apply only for the languages a text shows markers of
(all of them when it shows none), each language with an automaton of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtesy import check
from courtesy.rules import engine
from courtesy.rules.lexicon import (
    LANGUAGES,
    NEUTRAL,
    OVERLAY_TOPICS,
    LexiconSyntaxError,
    compile_matcher,
    load_lexicons,
    load_markers,
    normalize,
)

CORPUS = Path(__file__).parent.parent / "corpus"


def _corpus_texts() -> list[str]:
    texts = []
    for name in ("replies_en.jsonl", "replies_intl.jsonl"):
        with (CORPUS / name).open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return texts


TEXTS = _corpus_texts()
MATCHER = engine.matcher()


def _every_match(text: str) -> list[tuple[int, int, str]]:
    """What each lazy pattern finds when searched through the whole text."""
    norm = normalize(text)
    return [(m.start(), m.end(), m.lastgroup or "")
            for raw in MATCHER.raws
            for m in raw.pattern.finditer(norm if raw.on_norm else text)]


def _every_trigger(norm: str) -> set[str]:
    """The triggers of every language's patterns in ``norm``, and every language."""
    found = {entry[2] for group in MATCHER.groups
             for _end, entries in MATCHER.automaton(group).iter(norm)
             for entry in entries if entry[1] < 0}
    if any(ch.isdigit() for ch in norm):
        found |= set("0123456789")
    return found | MATCHER.languages


def _anchored_matches(text: str) -> list[tuple[int, int, str]]:
    """What each lazy pattern finds where the matcher tries it (every language present)."""
    norm = normalize(text)
    present = _every_trigger(norm)
    return [(m.start(), m.end(), m.lastgroup or "")
            for raw in MATCHER.raws if raw.triggered(present)
            for m in raw.spans(text, norm, present)]


def test_anchoring_finds_what_a_full_search_finds_on_the_corpora() -> None:
    assert any(raw.anchored for raw in MATCHER.raws), "no anchored pattern left to test"
    assert any(raw.windowed for raw in MATCHER.raws), "no windowed pattern left to test"
    for text in TEXTS:
        assert _anchored_matches(text) == _every_match(text), text


_WORDS = st.sampled_from([
    "sorry", "Sorry", "apologies", "for", "the", "wait", "keeping", "you", "waiting", "within",
    "24", "48", "hours", "in", "5-7", "working", "days", "by", "Friday", "14", "March", "on",
    "innerhalb", "von", "zwei", "Werktagen", "d'ici", "vendredi", "en", "horas", "AB-12345",
    "JD0146000063", "ref", "12:30", "thanks", "thank", "patience", "80%", "faster", "{{",
    "name", "}}", "[NAME]", "%", "noreply@shop.example", "+44", "20", "7946", "0000",
    "www.shop.example", "Entschuldigung", "Geduld", "désolé", "attente", "espera", ".", ",",
    "!", "\n", "(", ")", "\u00a0", "%NOM%", "%first_name%", "%{ticket.requester.name}",
    "FIRST_NAME", "CUSTOMER_TITLE", "%FNAME%", "%{agent.name}", "we", "our", "sent", "wrong",
    "wrongly", "courier", "lost", "supplier", "hasn't", "finished", "warehouse", "if",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_anchoring_finds_what_a_full_search_finds_on_any_mix(text: str) -> None:
    assert _anchored_matches(text) == _every_match(text)


def test_a_windowed_pattern_finds_its_matches_far_into_a_long_text() -> None:
    filler = "Your order left our depot this morning and is on its way to you now. " * 12
    text = (filler + "I'm sorry: it was sent to the wrong address by our depot, and our "
            "courier lost the second parcel. " + filler)
    assert _anchored_matches(text) == _every_match(text)
    found = engine.matcher().scan_all(text)
    assert any(text[s:e].startswith("was sent to the wrong") for s, e in found["apology"])
    assert any("courier lost" in text[s:e] for s, e in found["blame-partner"])


def test_marker_words_belong_to_one_language() -> None:
    markers = load_markers()
    assert set(markers) == set(LANGUAGES)
    for language, words in markers.items():
        assert 3 <= len(words) <= 8, language  # each occurrence costs: keep few
        others = {w for other, ws in markers.items() if other != language for w in ws}
        assert not set(words) & others, f"{language} shares markers with another language"


def _gated(topic: str, text: str) -> list[str]:
    """Languages of the lazy ``topic`` patterns that run on ``text``."""
    present = MATCHER.present_triggers(normalize(text))
    return sorted({raw.language for i in MATCHER.lazy_topics[topic]
                   if (raw := MATCHER.raws[i]).triggered(present)})


def test_english_text_runs_no_german_french_or_spanish_patterns() -> None:
    text = "I'm so sorry for the wait, and thank you for your patience with us."
    assert _gated("wait-acknowledgement", text) == ["@en"]


def test_german_text_runs_the_german_patterns() -> None:
    text = ("Vielen Dank für Ihre Geduld, und entschuldigen Sie bitte, dass es so lange "
            "gedauert hat.")
    assert "@de" in _gated("wait-acknowledgement", text)
    assert MATCHER.lazy_spans(text, "wait-acknowledgement") != []


def _languages(text: str) -> list[str]:
    return sorted(MATCHER.present_triggers(normalize(text)) & MATCHER.languages)


def test_a_text_without_markers_runs_every_language() -> None:
    assert _languages("Sorry, patience!") == ["@de", "@en", "@es", "@fr"]
    assert _languages("Sorry for your wait!") == ["@en"]
    assert _languages("Danke, wir sind für Sie da.") == ["@de"]
    assert _languages("Bonjour, nous sommes désolés.") == ["@fr"]
    assert _languages("Hola, sentimos mucho el retraso de su pedido.") == ["@es"]
    assert _gated("wait-acknowledgement", "Sorry, patience!") == ["@en", "@fr"]


def test_neutral_patterns_run_in_every_language() -> None:
    for text in ("Sie erreichen mich unter anna@shop.example.",
                 "Vous pouvez m'écrire à anna@shop.example pour la suite."):
        present = MATCHER.present_triggers(normalize(text))
        neutral = [MATCHER.raws[i] for i in MATCHER.lazy_topics["contact-way"]
                   if MATCHER.raws[i].language == ""]
        assert any(raw.triggered(present) and raw.spans(text, normalize(text), present)
                   for raw in neutral), text


def test_other_languages_do_not_change_english_results(monkeypatch: pytest.MonkeyPatch) -> None:
    english_texts = [t for t in TEXTS if " the " in t]
    assert len(english_texts) > 150
    full = [check(text).to_dict() for text in english_texts]
    english = compile_matcher(load_lexicons(("en",)), load_markers(("en",)))
    monkeypatch.setattr(engine, "matcher", lambda: english)
    assert [check(text).to_dict() for text in english_texts] == full


def test_a_trigger_may_hold_a_colon() -> None:
    from courtesy.rules.lexicon import _read_lexicon

    lexicon = _read_lexicon("en", "tracking", r"re^[ref:]: (?i:ref:\s*[A-Z0-9-]{4,})" "\n",
                            "t.txt")
    (raw,) = compile_matcher([lexicon]).raws
    assert (raw.triggers, raw.anchored) == (("ref:",), True)
    text = "Your booking, ref: CW-4471, is confirmed."
    assert [m.group() for m in raw.spans(text, normalize(text), {"ref:"})] == ["ref: CW-4471"]


def test_anchored_line_needs_its_words(tmp_path: Path) -> None:
    from courtesy.rules.lexicon import _read_lexicon

    lexicon = _read_lexicon("en", "wait", "re^[sorry]: (?i:sorry for the wait)\n", "t.txt")
    matcher = compile_matcher([lexicon])
    (raw,) = matcher.raws
    assert raw.anchored
    assert raw.triggers == ("sorry",)
    text = "Thanks, and sorry for the wait. Sorry for the wait!"
    norm = normalize(text)
    present = matcher.present_triggers(norm)
    assert [m.group() for m in raw.spans(text, norm, present)] == ["sorry for the wait",
                                                                    "Sorry for the wait"]
    broken = compile_matcher([_read_lexicon("en", "wait", "re^[sorry]: (sorry\n", "t.txt")])
    with pytest.raises(LexiconSyntaxError, match=r"t\.txt:1: bad regular expression"):
        _ = broken.raws[0].pattern  # compiled when first needed


def test_each_regex_group_belongs_to_one_pattern() -> None:
    # A group name tells which topic a lazy match is for; one shared by two patterns sent
    # "9 Oct" (a timeframe) to the tracking topic, and it was lost to both.
    compiled = engine.matcher()
    owners: dict[str, int] = {}
    for index, raw in enumerate(compiled.raws):
        for name in raw.pattern.groupindex:
            assert owners.setdefault(name, index) == index, name
    assert compiled.lazy_spans("New date: 9 Oct. Track it at pkg.example/JM22.",
                               "timeframe") == [(10, 15)]


def test_every_shipped_pattern_compiles() -> None:
    assert all(raw.pattern.pattern == raw.source for raw in MATCHER.raws)
    assert NEUTRAL not in LANGUAGES


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _resolved_by_definition(text: str) -> dict[str, list[tuple[int, int]]]:
    """Overlap resolution as documented, done the slow way: every whole-word phrase hit,
    taken in order of topic priority, then length, then position, unless it overlaps a hit
    taken before (overlay topics are always taken)."""
    norm = normalize(text)
    hits = set()
    for group in MATCHER.groups_for(norm)[0]:  # the automata of the languages it shows
        for last, entries in MATCHER.automaton(group).iter(norm):
            for length, priority, topics, check_start, check_end in entries:
                if priority < 0:
                    continue  # a lazy pattern's trigger, not a phrase
                start, end = last + 1 - length, last + 1
                if check_start and start > 0 and _word_char(norm[start - 1]):
                    continue
                if check_end and end < len(norm) and _word_char(norm[end]):
                    continue
                hits.add((priority, -length, start, end, topics))
    covered = [False] * len(norm)
    found: dict[str, list[tuple[int, int]]] = {}
    for _priority, _neg, start, end, topics in sorted(hits):
        if topics[0] not in OVERLAY_TOPICS:
            if any(covered[start:end]):
                continue
            covered[start:end] = [True] * (end - start)
        for topic in topics:
            found.setdefault(topic, []).append((start, end))
    return {topic: sorted(spans) for topic, spans in found.items()}


_PHRASES = st.sampled_from([
    "please do not reply to this email", "reply to this email", "just reply", "our team will",
    "a member of our team will get back to you", "as soon as possible", "sorry", "I'm sorry",
    "we're sorry if you feel", "thank you for contacting us", "refund", "will", "Hi", "Dear",
    "Dear Valued Customer", "this mailbox is not monitored", "on Thursday", "call", "email",
    "we take your complaint very seriously", "apologise", "Entschuldigung", "merci", "la",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_PHRASES, _WORDS), max_size=30).map(" ".join))
def test_overlaps_are_resolved_as_documented(text: str) -> None:
    assert MATCHER.scan(text) == _resolved_by_definition(text)


def test_overlaps_are_resolved_as_documented_on_the_corpora() -> None:
    for text in TEXTS:
        assert MATCHER.scan(text) == _resolved_by_definition(text), text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_PHRASES, _WORDS), max_size=30).map(" ".join))
def test_one_pass_finds_the_triggers_a_substring_search_finds(text: str) -> None:
    norm = normalize(text)
    groups, _languages = MATCHER.groups_for(norm)
    triggers = {t for group in groups for t in MATCHER.group_triggers[group] if t in norm}
    if any(ch.isdigit() for ch in norm):
        triggers |= set("0123456789")
    _found, present = MATCHER.match(text, norm)
    assert present - MATCHER.languages == triggers


def test_each_language_has_its_automaton_built_when_a_text_first_shows_it() -> None:
    matcher = compile_matcher(load_lexicons(), load_markers())
    assert matcher.built == {}
    found = matcher.scan("We made a mistake, and I apologise: we will refund you today.")
    assert "apology" in found
    assert set(matcher.built) == {"en"}
    found = matcher.scan("Es tut uns leid, und wir bitten um Entschuldigung.")
    assert "apology" in found
    assert set(matcher.built) == {"en", "de"}
    matcher.scan("Merci!")  # no marker of any language: every automaton
    assert set(matcher.built) == set(LANGUAGES)


def test_a_language_applies_only_to_texts_that_show_it() -> None:
    # "Entschuldigung" is a German apology; in a text that shows only English it is a word
    english = "We will look into it. Entschuldigung is what our German team would say."
    german = "Wir kümmern uns darum. Entschuldigung für die Verzögerung."
    assert "apology" not in MATCHER.scan_all(english)
    assert "apology" in MATCHER.scan_all(german)


@pytest.mark.parametrize("text", [
    "Hi Anna,\n\nvielen Dank für Ihre Nachricht. Wir melden uns morgen bei Ihnen.",
    "Hey Jonas,\n\ndanke für deine Geduld, wir sind für dich da.",
    "Hello Julie,\n\nmerci pour votre message, nous vous répondons demain.",
])
def test_english_openings_of_german_and_french_mail_are_greetings(text: str) -> None:
    assert MATCHER.scan(text)["greeting"][0][0] == 0


def test_a_text_without_markers_is_read_in_every_language_whoever_the_customer_is() -> None:
    # an English reply to a German customer, without an English marker word: the
    # customer's locale does not say which language the reply is in
    customer = {"name": {"given": "Anna", "family": "Schmitt"}, "locale": "de-DE",
                "formality": "informal"}
    text = "Hi Anna, thanks for waiting. The parcel left today and it will arrive on Friday."
    report = check(text, customer=customer, situation={"kind": "inquiry"})
    assert report.elements["thanks"]
    assert report.elements["next_steps"]
    assert report.passed


def test_a_group_of_one_is_refused() -> None:
    from courtesy.rules.lexicon import _read_lexicon

    # "{ever}" required the word, so "it won't happen again" was never an over-promise
    with pytest.raises(LexiconSyntaxError,
                       match=r"t\.txt:1: a group of one alternative .* in \[\.\.\.\]"):
        _read_lexicon("en", "over-promise", "{it|this} won't {ever} happen again\n", "t.txt")
    with pytest.raises(LexiconSyntaxError, match="a group of one"):
        _read_lexicon("en", "over-promise", "[we {really}] guarantee\n", "t.txt")
    matcher = compile_matcher([_read_lexicon(
        "en", "over-promise", "{it|this} won't [ever] happen again\n", "t.txt")])
    text = "Sorry. It won't happen again."
    assert matcher.match(text, normalize(text))[0]["over-promise"] == [(7, 28)]


def test_punctuation_after_a_group_is_refused_where_it_would_never_match() -> None:
    from courtesy.rules.lexicon import _read_lexicon

    # "{with respect}," read as the words "with respect" and "," never matched "With respect,"
    with pytest.raises(LexiconSyntaxError,
                       match=r"t\.txt:2: ',' after a group .* put it inside the group"):
        _read_lexicon("en", "argue", "# a comment\n{with all due respect|with respect},\n",
                      "t.txt")
    with pytest.raises(LexiconSyntaxError, match=r"t\.txt:1: \"'s\" after a group"):
        _read_lexicon("en", "argue", "the {courier|carrier}'s depot\n", "t.txt")
    # inside the group, after each alternative, or against a plain word, it matches
    for phrase, text in (("{with all due respect,|with respect,}", "With respect, no."),
                         ("you're right, it", "You're right, it was late."),
                         ("{befund:|diagnose:} {nff|ntf}", "Befund: NFF, alles gut.")):
        matcher = compile_matcher([_read_lexicon("en", "argue", phrase + "\n", "t.txt")])
        found, _present = matcher.match(text, normalize(text))
        assert found["argue"], phrase


def test_the_phrases_that_once_stood_apart_from_their_comma_now_fire() -> None:
    for code, text in (("TN004", "With all due respect, the terms were clear."),
                       ("JG002", "Prüfergebnis: NFF, das Gerät ist in Ordnung.")):
        assert code in {f.rule for f in check(text).findings}, text
