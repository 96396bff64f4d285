"""Time expressions: recognised in four languages and resolved against sent_at."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from courtesy.rules.timeexpr import TimeExpression, find_time_expressions

LONDON = ZoneInfo("Europe/London")
# Friday 13 March 2026, 10:00 in London (GMT).
FRIDAY_MORNING = datetime(2026, 3, 13, 10, 0, tzinfo=LONDON)
FRIDAY_EVENING = datetime(2026, 3, 13, 19, 30, tzinfo=LONDON)


def _one(text: str, sent_at: datetime = FRIDAY_MORNING, locale: str | None = "en-GB",
         zone: str | None = "Europe/London") -> TimeExpression:
    found = find_time_expressions(text, sent_at=sent_at, zone=zone, locale=locale)
    assert len(found) == 1, found
    return found[0]


def _day(expression: TimeExpression) -> date:
    assert expression.due is not None
    return expression.due.date()


@pytest.mark.parametrize(("text", "locale", "phrase", "due"), [
    ("It will arrive within 24 hours.", "en-GB", "within 24 hours",
     datetime(2026, 3, 14, 10, tzinfo=LONDON)),
    ("We refund you by Friday 20 March.", "en-GB", "by Friday 20 March",
     datetime(2026, 3, 20, 23, 59, 59, tzinfo=LONDON)),
    ("You will have it in 5–7 working days.", "en-GB", "in 5–7 working days",
     datetime(2026, 3, 24, 23, 59, 59, tzinfo=LONDON)),
    ("Sie erhalten es innerhalb von zwei Werktagen.", "de-DE",
     "innerhalb von zwei Werktagen", datetime(2026, 3, 17, 23, 59, 59, tzinfo=LONDON)),
    ("Vous le recevrez d'ici vendredi.", "fr-FR", "d'ici vendredi",
     datetime(2026, 3, 13, 23, 59, 59, tzinfo=LONDON)),
    ("Lo recibirá en 48 horas.", "es-ES", "en 48 horas",
     datetime(2026, 3, 15, 10, tzinfo=LONDON)),
    ("Wir melden uns bis zum 14. März.", "de-DE", "bis zum 14. März",
     datetime(2026, 3, 14, 23, 59, 59, tzinfo=LONDON)),
    ("Nous vous rappelons demain.", "fr-FR", "demain",
     datetime(2026, 3, 14, 23, 59, 59, tzinfo=LONDON)),
    ("Le llamamos el próximo lunes.", "es-ES", "el próximo lunes",
     datetime(2026, 3, 16, 23, 59, 59, tzinfo=LONDON)),
    ("It ships on March 18th.", "en-US", "on March 18",
     datetime(2026, 3, 18, 23, 59, 59, tzinfo=LONDON)),
    ("Ich rufe Sie übermorgen an.", "de-AT", "übermorgen",
     datetime(2026, 3, 15, 23, 59, 59, tzinfo=LONDON)),
    ("Le remboursement arrive sous 3 jours ouvrés.", "fr-FR", "sous 3 jours ouvrés",
     datetime(2026, 3, 18, 23, 59, 59, tzinfo=LONDON)),
    ("Recibirá el reembolso en un plazo de 5 días hábiles.", "es-ES",
     "en un plazo de 5 días hábiles", datetime(2026, 3, 20, 23, 59, 59, tzinfo=LONDON)),
    # a range with "or" falls due at its upper end, like one with a dash
    ("The new card reaches you in 2 or 3 days.", "en-GB", "in 2 or 3 days",
     datetime(2026, 3, 16, 23, 59, 59, tzinfo=LONDON)),
    ("Lo verás en tu tarjeta en 2 o 3 días.", "es-ES", "en 2 o 3 días",
     datetime(2026, 3, 16, 23, 59, 59, tzinfo=LONDON)),
])
def test_examples_resolve(text: str, locale: str, phrase: str, due: datetime) -> None:
    expression = _one(text, locale=locale)
    assert text[expression.start:expression.end].startswith(phrase)
    assert expression.due == due
    assert expression.concrete
    assert expression.kind in ("duration", "date")


@pytest.mark.parametrize(("text", "locale"), [
    ("We will fix it as soon as possible.", "en-GB"),
    ("Someone will call you shortly.", "en-GB"),
    ("Wir melden uns in Kürze.", "de-DE"),
    ("Nous revenons vers vous dès que possible.", "fr-FR"),
    ("Le contestaremos en breve.", "es-ES"),
])
def test_vague_expressions_have_no_due_time(text: str, locale: str) -> None:
    expression = _one(text, locale=locale)
    assert expression.kind == "vague"
    assert expression.due is None
    assert not expression.concrete


def test_no_expressions_in_plain_text_or_greetings() -> None:
    for text, locale in [("Thank you for your order.", "en-GB"),
                         ("Guten Morgen, Frau Weber.", "de-DE"),
                         ("Le llamaremos por la mañana.", "es-ES")]:
        assert find_time_expressions(text, sent_at=FRIDAY_MORNING, locale=locale) == []


def test_without_locale_all_four_languages_are_tried() -> None:
    text = "Within 24 hours / innerhalb von 2 Tagen / sous 48h / en 3 días."
    found = find_time_expressions(text, sent_at=FRIDAY_MORNING)
    assert {e.language for e in found} == {"en", "de", "fr", "es"}
    assert find_time_expressions("dans 2 jours", sent_at=FRIDAY_MORNING, locale="ja-JP") == []


def test_weekday_date_mismatch() -> None:
    assert _one("by Friday 14 March").weekday_mismatch  # 14 March 2026 is a Saturday
    assert not _one("by Saturday 14 March").weekday_mismatch
    assert _one("el viernes 14 de marzo", locale="es-ES").weekday_mismatch


# -- edges: the same weekday, weekends, month ends, years, DST -----------------------------

def test_by_friday_said_on_a_friday() -> None:
    assert _day(_one("by Friday", FRIDAY_MORNING)) == date(2026, 3, 13)  # today
    assert _day(_one("by Friday", FRIDAY_EVENING)) == date(2026, 3, 20)  # after hours: next
    assert _day(_one("next Friday", FRIDAY_MORNING)) == date(2026, 3, 20)
    assert _day(_one("vendredi prochain", FRIDAY_MORNING, "fr-FR")) == date(2026, 3, 20)


@pytest.mark.parametrize(("sent", "due"), [
    (date(2026, 3, 12), date(2026, 3, 16)),  # Thursday → Monday
    (date(2026, 3, 13), date(2026, 3, 17)),  # Friday → Tuesday
    (date(2026, 3, 14), date(2026, 3, 17)),  # Saturday → Tuesday
    (date(2026, 3, 15), date(2026, 3, 17)),  # Sunday → Tuesday
    (date(2026, 3, 16), date(2026, 3, 18)),  # Monday → Wednesday
])
def test_working_days_skip_the_weekend(sent: date, due: date) -> None:
    sent_at = datetime.combine(sent, datetime.min.time(), tzinfo=LONDON).replace(hour=11)
    assert _day(_one("within 2 working days", sent_at)) == due


def test_weekend_and_first_day_of_week_come_from_the_locale() -> None:
    thursday = datetime(2026, 3, 12, 11, tzinfo=UTC)
    # In Israel the weekend is Friday and Saturday.
    assert _day(_one("within 2 working days", thursday, "en-IL", None)) == date(2026, 3, 16)
    assert _day(_one("within 2 working days", thursday, "en-GB", None)) == date(2026, 3, 16)
    friday = thursday + timedelta(days=1)
    assert _day(_one("within 1 working day", friday, "en-IL", None)) == date(2026, 3, 15)
    assert _day(_one("within 1 working day", friday, "en-GB", None)) == date(2026, 3, 16)
    # Said on a Sunday: in the UK that week is over; in the US it has just begun.
    sunday = datetime(2026, 3, 15, 11, tzinfo=UTC)
    assert _day(_one("by the end of the week", sunday, "en-GB", None)) == date(2026, 3, 15)
    assert _day(_one("by the end of the week", sunday, "en-US", None)) == date(2026, 3, 20)


@pytest.mark.parametrize(("text", "sent", "due"), [
    ("in 2 days", date(2026, 1, 30), date(2026, 2, 1)),
    ("in 2 days", date(2028, 2, 28), date(2028, 3, 1)),  # leap year: 29 February between
    ("in 1 week", date(2026, 12, 28), date(2027, 1, 4)),
    ("by 3 January", date(2026, 12, 20), date(2027, 1, 3)),  # next year
    ("by 10 March", date(2026, 3, 13), date(2026, 3, 10)),  # recent past stays past
    ("tomorrow", date(2026, 12, 31), date(2027, 1, 1)),
])
def test_month_and_year_ends(text: str, sent: date, due: date) -> None:
    sent_at = datetime.combine(sent, datetime.min.time(), tzinfo=LONDON).replace(hour=9)
    assert _day(_one(text, sent_at)) == due


def test_impossible_dates_are_ignored() -> None:
    assert find_time_expressions("by 31 February", sent_at=FRIDAY_MORNING, locale="en-GB") == []


def test_dst_spring_forward_in_london() -> None:
    saturday = datetime(2026, 3, 28, 12, 0, tzinfo=LONDON)  # clocks go forward on 29 March
    hours = _one("within 24 hours", saturday)
    assert hours.due.astimezone(UTC) == saturday.astimezone(UTC) + timedelta(hours=24)
    assert hours.due is not None
    assert hours.due.astimezone(LONDON).hour == 13
    day = _one("in 1 day", saturday)
    assert day.due is not None
    assert day.due.utcoffset() == timedelta(hours=1)
    assert day.due.astimezone(LONDON).replace(tzinfo=None) == datetime(2026, 3, 29, 23, 59, 59)


def test_dst_fall_back_in_london() -> None:
    saturday = datetime(2026, 10, 24, 12, 0, tzinfo=LONDON)  # clocks go back on 25 October
    hours = _one("within 24 hours", saturday)
    assert hours.due is not None
    assert hours.due.astimezone(UTC) - saturday.astimezone(UTC) == timedelta(hours=24)
    assert hours.due.astimezone(LONDON).hour == 11
    assert _one("in 1 day", saturday).due == datetime(2026, 10, 25, 23, 59, 59, tzinfo=LONDON)


def test_zone_decides_the_local_day() -> None:
    late_utc = datetime(2026, 3, 13, 23, 30, tzinfo=UTC)  # Saturday already in Berlin
    assert _day(_one("tomorrow", late_utc, zone="Europe/London")) == date(2026, 3, 14)
    assert _day(_one("tomorrow", late_utc, zone="Europe/Berlin")) == date(2026, 3, 15)
    assert _day(_one("tomorrow", late_utc, zone=None)) == date(2026, 3, 14)


@pytest.mark.parametrize(("text", "locale", "phrase", "hour", "minute"), [
    ("Your bouquet will be with her by 12:30.", "en-GB", "12:30", 12, 30),
    ("Ben will be with you at 6:30pm.", "en-GB", "6:30pm", 18, 30),
    ("The engineer arrives at 4 pm.", "en-GB", "4 pm", 16, 0),
    ("Ben ist um 18 Uhr bei dir.", "de-DE", "18 Uhr", 18, 0),
    ("Il sera chez vous à 14h15.", "fr-FR", "14h15", 14, 15),
])
def test_a_time_of_day_later_than_sending_is_today(text: str, locale: str, phrase: str,
                                                   hour: int, minute: int) -> None:
    found = _one(text, locale=locale)
    assert text[found.start:found.end] == phrase
    assert found.due == FRIDAY_MORNING.replace(hour=hour, minute=minute)


@pytest.mark.parametrize("text", [
    "Your parcel was scanned at 9:10.",  # earlier than sending: what happened
    "The refund of £12.30 left today at 8.",  # a price, and a bare number
    "Version 12.30 fixes the sync bug.",
    "Call us between 9 and 17.",
])
def test_no_time_of_day_where_none_is_promised_for_later_today(text: str) -> None:
    found = find_time_expressions(text, sent_at=FRIDAY_MORNING, locale="en-GB")
    assert [text[e.start:e.end] for e in found if any(c.isdigit() for c in
                                                      text[e.start:e.end])] == []


def test_a_charge_of_a_day_is_no_due_date_but_a_van_of_a_day_is() -> None:
    # "We have refunded Friday's £140 service fee" promised nothing for Friday (held-out 28)
    assert find_time_expressions("We have refunded Friday's £140 service fee.",
                                 sent_at=FRIDAY_MORNING, locale="en-GB") == []
    assert find_time_expressions("There is no charge for today's visit.",
                                 sent_at=FRIDAY_MORNING, locale="en-GB") == []
    assert _day(_one("We'll send a fresh dozen on Monday's van.")) == date(2026, 3, 16)


def test_a_named_day_wins_over_the_time_of_day() -> None:
    found = _one("He'll be there on Monday at 18:00.")
    assert _day(found) == date(2026, 3, 16)


def test_naive_sent_at_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        find_time_expressions("tomorrow", sent_at=datetime(2026, 3, 13))


# -- properties -----------------------------------------------------------------------------

PHRASES = [
    ("within 24 hours", "en-GB"), ("by Friday", "en-GB"), ("in 5–7 working days", "en-GB"),
    ("by the end of the week", "en-US"), ("tomorrow", "en-GB"), ("next week", "en-GB"),
    ("innerhalb von zwei Werktagen", "de-DE"), ("bis Freitag", "de-DE"),
    ("d'ici vendredi", "fr-FR"), ("sous 3 jours ouvrés", "fr-FR"),
    ("en 48 horas", "es-ES"), ("el próximo lunes", "es-ES"), ("in 2 weeks", "en-GB"),
]
ZONES = ["Europe/London", "Europe/Berlin", "America/New_York", "Australia/Sydney",
         "Pacific/Kiritimati", "America/St_Johns"]

sent_times = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from([ZoneInfo(z) for z in ZONES]),
)


@settings(max_examples=300, deadline=None)
@given(sent_at=sent_times, phrase=st.sampled_from(PHRASES), zone=st.sampled_from(ZONES))
def test_resolution_is_deterministic_and_never_before_sending(
    sent_at: datetime, phrase: tuple[str, str], zone: str
) -> None:
    text, locale = phrase
    first = find_time_expressions(text, sent_at=sent_at, zone=zone, locale=locale)
    again = find_time_expressions(text, sent_at=sent_at, zone=zone, locale=locale)
    assert first == again
    assert len(first) == 1
    due = first[0].due
    assert due is not None
    assert due.utcoffset() is not None
    assert due.astimezone(UTC) >= sent_at.astimezone(UTC)
    # the same instant expressed in another zone resolves to the same due time
    assert find_time_expressions(text, sent_at=sent_at.astimezone(UTC), zone=zone,
                                 locale=locale) == first


@settings(max_examples=300, deadline=None)
@given(sent_at=sent_times, count=st.integers(min_value=1, max_value=30))
def test_working_days_land_on_a_working_day_after_exactly_n(sent_at: datetime,
                                                            count: int) -> None:
    expression = _one(f"within {count} working days", sent_at, "en-GB", "Europe/London")
    assert expression.due is not None
    due = expression.due.date()
    start = sent_at.astimezone(LONDON).date()
    assert due.weekday() < 5
    working = sum(1 for n in range(1, (due - start).days + 1)
                  if (start + timedelta(days=n)).weekday() < 5)
    assert working == count


@settings(max_examples=200, deadline=None)
@given(sent_at=sent_times, weekday=st.integers(min_value=0, max_value=6))
def test_a_weekday_is_within_the_next_week(sent_at: datetime, weekday: int) -> None:
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "Sunday"][weekday]
    expression = _one(f"by {name}", sent_at, "en-GB", "Europe/London")
    assert expression.due is not None
    local = sent_at.astimezone(LONDON)
    due = expression.due.date()
    assert due.weekday() == weekday
    assert 0 <= (due - local.date()).days <= 7
    assert (due == local.date()) == (local.weekday() == weekday and local.hour < 17)


# -- anchoring: the patterns are tried only where a match can begin ------------------------

def _corpus_texts() -> list[str]:
    import json
    from pathlib import Path

    folder = Path(__file__).parent.parent / "corpus"
    return [json.loads(line)["text"] for name in ("replies_en.jsonl", "replies_intl.jsonl")
            for line in (folder / name).read_text(encoding="utf-8").splitlines()
            if line.strip()]


_GRAMMARS = [("en", "en-GB"), ("en", "en-US"), ("de", "de-DE"), ("fr", "fr-FR"),
             ("es", "es-ES")]


def _same_as_a_full_search(text: str) -> None:
    from courtesy.rules.lexicon import matches_at, normalize
    from courtesy.rules.timeexpr import _PATTERNS, _candidates, _grammar

    norm = normalize(text)
    for language, tag in _GRAMMARS:
        grammar = _grammar(language, tag)
        starts = _candidates(grammar, norm)
        for name in _PATTERNS:
            pattern = getattr(grammar, name)
            assert [m.span() for m in matches_at(pattern, norm, starts[name])] == \
                [m.span() for m in pattern.finditer(norm)], (language, name, text)


def test_anchored_patterns_find_what_a_full_search_finds_on_the_corpora() -> None:
    texts = _corpus_texts()
    assert len(texts) > 350
    for text in texts:
        _same_as_a_full_search(text)


_TIME_WORDS = st.sampled_from([
    "by", "on", "before", "until", "this", "next", "coming", "within", "in", "the", "of",
    "24", "5", "7", "14", "2026", "-", "–", "to", "working", "days", "hours", "weeks",
    "Friday", "Fri", "March", "Mar", "14th", "tomorrow", "end", "week", "as", "soon",
    "possible", "shortly", "bis", "am", "spätestens", "nächsten", "Freitag", "März", "14.",
    "innerhalb", "von", "zwei", "Werktagen", "morgen", "zeitnah", "d'ici", "vendredi",
    "mars", "le", "dans", "jours", "ouvrés", "prochain", "demain", "el", "de", "marzo",
    "viernes", "en", "horas", "próximo", "mañana", "pronto", ",", ".", "\n", "within24",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TIME_WORDS, max_size=25).map(" ".join))
def test_anchored_patterns_find_what_a_full_search_finds_on_any_mix(text: str) -> None:
    _same_as_a_full_search(text)


def _sentences(text: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()]


def _sliced(text: str, spans: list[tuple[int, int]], locale: str) -> list[TimeExpression]:
    from dataclasses import replace

    return [replace(e, start=e.start + start, end=e.end + start) for start, end in spans
            for e in find_time_expressions(text[start:end], sent_at=FRIDAY_MORNING,
                                           zone="Europe/London", locale=locale)]


def test_searching_parts_in_place_finds_what_searching_each_part_alone_finds() -> None:
    texts = _corpus_texts()
    for text in texts:
        spans = _sentences(text)
        for locale in ("en-GB", "de-DE", "fr-FR", "es-ES", None):
            assert find_time_expressions(
                text, sent_at=FRIDAY_MORNING, zone="Europe/London", locale=locale,
                spans=spans) == _sliced(text, spans, locale or ""), (locale, text)
    # a part that starts inside a word is searched as a text of its own
    text = "Deliveries within 2 days"
    assert [text[e.start:e.end] for e in find_time_expressions(
        text, sent_at=FRIDAY_MORNING, locale="en-GB", spans=[(15, 24)])] == ["in 2 days"]
