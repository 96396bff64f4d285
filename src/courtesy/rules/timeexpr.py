"""Time expressions in replies, resolved to the moment a promise falls due.

``find_time_expressions(text, sent_at=..., zone=..., locale=...)`` finds phrases such as
"within 24 hours", "by Friday 14 March", "in 5–7 working days", "innerhalb von zwei
Werktagen", "d'ici vendredi", "en 48 horas" (English, German, French, Spanish) and resolves
each against ``sent_at`` in the customer's time zone and locale. Vague phrases ("as soon as
possible", "shortly", "in Kürze", "dès que possible", "en breve") are found too, with no
due time.

Resolution rules (deterministic for a given ``sent_at``, zone and locale):

* hours and minutes are absolute: "within 24 hours" is ``sent_at + 24h``, even across a
  daylight-saving change;
* days and weeks count local calendar days and end at 23:59:59 local time;
* working days skip the locale's weekend (Babel: ``weekend_start``/``weekend_end``);
* a range ("5–7 working days") falls due at its upper end;
* a weekday is its next occurrence; the same weekday means today before 17:00 local time
  and a week later after it ("by Friday", said on a Friday evening, means next Friday);
  "next Friday" is never today;
* a day and month ("14 March") is in the current year unless that is more than 30 days
  past, then the next; with a weekday ("Friday 14 March") both are resolved and
  :attr:`TimeExpression.weekday_mismatch` says whether they disagree;
* "end of the week" is the last working day of the week, whose first day comes from the
  locale (Babel: ``first_week_day``); "next week" ends with the next week's last working day.

Week-day and month names come from Babel (the customer's locale), parsed once per language
and cached; the patterns are compiled on first use. Nothing here runs unless a timing rule
asks for it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from courtesy.localization import get_locale, language_of
from courtesy.rules.lexicon import matches_at, normalize

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = [
    "TimeExpression",
    "find_time_expressions",
    "resolve_zone",
]

_LANGS = ("en", "de", "fr", "es")
_DEFAULT_LOCALE = {"en": "en-GB", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}

#: After this local hour, "by Friday" said on a Friday means the next one.
END_OF_BUSINESS = 17

_NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fourteen": 14,
           "twenty-four": 24, "forty-eight": 48},
    "de": {"ein": 1, "eine": 1, "einer": 1, "einem": 1, "eines": 1, "zwei": 2, "drei": 3,
           "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
           "zwölf": 12, "vierzehn": 14, "vierundzwanzig": 24, "achtundvierzig": 48},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "douze": 12, "quinze": 15,
           "vingt-quatre": 24, "quarante-huit": 48},
    "es": {"un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
           "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12, "quince": 15,
           "veinticuatro": 24, "cuarenta y ocho": 48},
}

# unit words → (unit, working days?)
_UNITS: dict[str, dict[str, tuple[str, bool]]] = {
    "en": {
        **dict.fromkeys(("minute", "minutes", "mins"), ("minute", False)),
        **dict.fromkeys(("hour", "hours", "hrs"), ("hour", False)),
        **dict.fromkeys(("day", "days"), ("day", False)),
        **dict.fromkeys((
            "working day", "working days", "business day", "business days",
        ), ("day", True)),
        **dict.fromkeys(("week", "weeks"), ("week", False)),
    },
    "de": {
        **dict.fromkeys(("minute", "minuten"), ("minute", False)),
        **dict.fromkeys(("stunde", "stunden", "std."), ("hour", False)),
        **dict.fromkeys(("tag", "tage", "tagen", "tages"), ("day", False)),
        **dict.fromkeys((
            "werktag", "werktage", "werktagen", "werktages", "werktags",
            "arbeitstag", "arbeitstage", "arbeitstagen", "arbeitstages",
            "geschäftstag", "geschäftstagen",
        ), ("day", True)),
        **dict.fromkeys(("woche", "wochen"), ("week", False)),
    },
    "fr": {
        **dict.fromkeys(("minute", "minutes", "min"), ("minute", False)),
        **dict.fromkeys(("heure", "heures", "h"), ("hour", False)),
        **dict.fromkeys(("jour", "jours"), ("day", False)),
        **dict.fromkeys((
            "jour ouvré", "jours ouvrés", "jour ouvrable", "jours ouvrables",
        ), ("day", True)),
        **dict.fromkeys(("semaine", "semaines"), ("week", False)),
    },
    "es": {
        **dict.fromkeys(("minuto", "minutos"), ("minute", False)),
        **dict.fromkeys(("hora", "horas", "h"), ("hour", False)),
        **dict.fromkeys(("día", "días", "dia", "dias", "días naturales"), ("day", False)),
        **dict.fromkeys((
            "día hábil", "días hábiles", "dias habiles", "día laborable",
            "días laborables", "dias laborables",
        ), ("day", True)),
        **dict.fromkeys(("semana", "semanas"), ("week", False)),
    },
}

# Words that introduce a duration ("within", "innerhalb von") and a range's separator.
_DURATION_LEAD = {
    "en": r"(?:within|in(?:\s+the\s+next)?|over\s+the\s+next|in\s+under)",
    "de": r"(?:innerhalb(?:\s+von|\s+der\s+nächsten)?|binnen|in(?:\s+den\s+nächsten)?)",
    "fr": r"(?:sous|dans(?:\s+les|\s+un\s+délai\s+(?:maximum\s+)?de)?|en|d'ici(?:\s+à)?"
          r"|au\s+plus\s+tard\s+dans)",
    "es": r"(?:en(?:\s+un\s+plazo(?:\s+máximo)?\s+de(?:\s+entre)?|\s+las\s+próximas"
          r"|\s+los\s+próximos|\s+menos\s+de|\s+un\s+máximo\s+de)?|dentro\s+de|entre)",
}
_RANGE_SEP = {"en": r"(?:-|–|—|to|or)", "de": r"(?:-|–|—|bis|oder)", "fr": r"(?:-|–|—|à|ou)",
              "es": r"(?:-|–|—|a|y|o)"}

_WEEKDAY_LEAD = {
    "en": r"(?:(?:by|on|before|until|till|this)\s+)?(?:(?P<next>next|this\s+coming)\s+)?",
    "de": r"(?:(?:bis|am|spätestens(?:\s+am)?|bis\s+spätestens|noch\s+am|diesen)\s+)?"
          r"(?:(?P<next>nächsten|kommenden)\s+)?",
    "fr": r"(?:(?:d'ici|avant|jusqu'à|pour|au\s+plus\s+tard|ce|dès)\s+)?",
    "es": r"(?:(?:antes\s+del|el|para\s+el|hasta\s+el|este|como\s+tarde\s+el|"
          r"a\s+más\s+tardar\s+el)\s+)?(?:(?P<next>próximo|proximo)\s+)?",
}
#: French puts "prochain" after the day: "vendredi prochain".
_WEEKDAY_NEXT_AFTER = {"fr": r"(?:\s+(?P<next>prochain))?"}
_DATE_LEAD = {
    "en": r"(?:(?:by|on|before|until|till)\s+(?:the\s+)?)?",
    "de": r"(?:(?:bis|am|zum|bis\s+zum|spätestens\s+am|bis\s+spätestens)\s+)?",
    "fr": r"(?:(?:le|d'ici\s+le|avant\s+le|jusqu'au|au\s+plus\s+tard\s+le|pour\s+le)\s+)?",
    "es": r"(?:(?:el|antes\s+del|para\s+el|hasta\s+el|como\s+tarde\s+el"
          r"|a\s+más\s+tardar\s+el)\s+)?",
}

# Relative days: phrase → days from today (or a special marker).
_RELATIVE: dict[str, dict[str, int | str]] = {
    "en": {"today": 0, "tonight": 0, "this afternoon": 0, "this evening": 0,
           "by the end of the day": 0, "by end of day": 0, "end of day today": 0,
           "tomorrow": 1, "the day after tomorrow": 2,
           "by the end of the week": "eow", "by the end of this week": "eow",
           "by the end of next week": "eonw", "next week": "eonw"},
    "de": {"heute": 0, "noch heute": 0, "heute abend": 0, "heute nachmittag": 0,
           "morgen": 1, "übermorgen": 2, "bis ende der woche": "eow",
           "bis ende dieser woche": "eow", "bis zum ende der woche": "eow",
           "noch diese woche": "eow", "nächste woche": "eonw", "bis ende nächster woche": "eonw",
           "kommende woche": "eonw"},
    "fr": {"aujourd'hui": 0, "ce soir": 0, "cet après-midi": 0, "dans la journée": 0,
           "demain": 1, "après-demain": 2, "d'ici la fin de la semaine": "eow",
           "avant la fin de la semaine": "eow", "la semaine prochaine": "eonw",
           "d'ici la fin de la semaine prochaine": "eonw"},
    "es": {"hoy": 0, "hoy mismo": 0, "esta tarde": 0, "esta noche": 0, "mañana": 1,
           "pasado mañana": 2, "antes del final de la semana": "eow",
           "a finales de esta semana": "eow", "esta semana": "eow",
           "la próxima semana": "eonw", "la semana que viene": "eonw"},
}
# "Guten Morgen", "por la mañana": the same word, not "tomorrow".
_NOT_RELATIVE = {"de": r"(?<!guten\s)(?<!am\s)", "es": r"(?<!la\s)(?<!por\s)", "en": "", "fr": ""}

_VAGUE = {
    "en": ["as soon as possible", "as soon as we can", "as soon as i can", "asap", "shortly",
           "soon", "in due course", "at the earliest opportunity", "in the near future",
           "in the coming days", "at some point"],
    "de": ["so schnell wie möglich", "so bald wie möglich", "so schnell als möglich",
           "schnellstmöglich", "baldmöglichst", "möglichst bald", "in kürze", "zeitnah",
           "demnächst", "bald", "in den nächsten tagen", "zu gegebener zeit"],
    "fr": ["dès que possible", "au plus vite", "au plus tôt", "le plus rapidement possible",
           "sous peu", "prochainement", "bientôt", "dans les plus brefs délais",
           "dans les meilleurs délais", "d'ici peu", "dans les prochains jours"],
    "es": ["lo antes posible", "lo más pronto posible", "cuanto antes", "en breve", "pronto",
           "a la mayor brevedad", "tan pronto como sea posible", "en los próximos días",
           "próximamente"],
}


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time phrase at ``text[start:end]`` and when the promise it makes falls due.

    ``due`` is in the customer's zone; compare it with other instants in UTC (Python
    compares and subtracts datetimes that share a ``tzinfo`` by wall-clock time).

    ``kind`` is ``"duration"`` ("within 24 hours"), ``"date"`` ("by Friday 14 March",
    "tomorrow") or ``"vague"`` ("as soon as possible"; ``due`` is ``None``).
    """

    start: int
    end: int
    kind: Literal["duration", "date", "vague"]
    due: datetime | None
    language: str
    weekday_mismatch: bool = False

    @property
    def concrete(self) -> bool:
        return self.due is not None


@dataclass(frozen=True, slots=True)
class _Calendar:
    """What a locale says about weeks: names, first day, weekend."""

    weekdays: dict[str, int]  # lower-case name → 0 (Monday) .. 6
    months: dict[str, int]  # lower-case name → 1 .. 12
    first_week_day: int
    weekend: frozenset[int]


@lru_cache(maxsize=64)
def _calendar(locale_tag: str) -> _Calendar:
    locale = get_locale(locale_tag)
    weekdays: dict[str, int] = {}
    months: dict[str, int] = {}
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            for number, name in locale.days[context][width].items():
                weekdays.setdefault(name.lower().rstrip("."), number)
            for number, name in locale.months[context][width].items():
                key = name.lower().rstrip(".")
                if len(key) >= 3:
                    months.setdefault(key, number)
    start, end = locale.weekend_start, locale.weekend_end
    weekend = {start}
    day = start
    while day != end:
        day = (day + 1) % 7
        weekend.add(day)
    return _Calendar(weekdays, months, locale.first_week_day, frozenset(weekend))


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class _Grammar:
    duration: re.Pattern[str]
    weekday_date: re.Pattern[str]
    day_month: re.Pattern[str]
    relative: re.Pattern[str]
    vague: re.Pattern[str]
    #: ahocorasick.Automaton of every word a match of a pattern can start with → (its
    #: length, the names of those patterns): a pattern is tried only where one of its
    #: words starts a word (and "date" marks the week-day and month names, without one of
    #: which no date matches)
    anchors: Any


#: the first word of each alternative of a lead pattern ("(?:(?:by|on)\s+)?(?:(?P<next>next|
#: this\s+coming)\s+)?" → by, on, next, this): the words a match can start with, and a few
#: more (the first word of an inner group)
_LEAD_WORD = re.compile(r"(?:(?<=\(\?:)|(?<=\|)|(?<=>))[^\W\d_][\w'’]*")
#: a digit that starts a word (the day of "14 March")
_DIGIT_START = re.compile(r"\d(?<!\w\d)")


def _anchor_automaton(patterns: dict[str, set[str]], dates: set[str]) -> Any:
    import ahocorasick

    names: dict[str, set[str]] = {}
    for name, words in patterns.items():
        for word in words:
            names.setdefault(word, set()).add(name)
    for word in dates:
        names.setdefault(word, set()).add("date")
    automaton = ahocorasick.Automaton()
    for word, tagged in names.items():
        automaton.add_word(word, (len(word), tuple(sorted(tagged))))
    automaton.make_automaton()
    return automaton


#: the patterns of a grammar, by name
_PATTERNS = ("duration", "weekday_date", "day_month", "relative", "vague")


def _candidates(grammar: _Grammar, text: str, begin: int = 0,
                stop: int | None = None) -> dict[str, list[int]]:
    """Pattern name → the places in ``text[begin:stop]`` where a match of it can begin, in
    order: where one of its words starts a word; for dates, only when a week day or a
    month is named, and a day may start one too ("14 March")."""
    found: dict[str, set[int]] = {name: set() for name in _PATTERNS}
    dated = False
    stop = len(text) if stop is None else stop
    for last, (length, names) in grammar.anchors.iter(text, begin, stop):
        at = last - length + 1
        if at and (text[at - 1].isalnum() or text[at - 1] == "_"):
            continue  # inside a word ("in" of "within")
        for name in names:
            if name == "date":
                dated = True
            else:
                found[name].add(at)
    if dated:
        found["day_month"].update(m.start() for m in _DIGIT_START.finditer(text, begin, stop))
    else:
        found["weekday_date"].clear()
        found["day_month"].clear()
    return {name: sorted(places) for name, places in found.items()}


@lru_cache(maxsize=16)
def _grammar(language: str, locale_tag: str) -> _Grammar:
    cal = _calendar(locale_tag)
    number = r"(?:\d{1,3}|" + _alternation(_NUMBER_WORDS[language]) + ")"
    unit = _alternation(_UNITS[language])
    lead = _DURATION_LEAD[language]
    sep = _RANGE_SEP[language]
    duration = re.compile(
        rf"(?<!\w){lead}\s+(?P<n>{number})(?:\s*{sep}\s*(?P<m>{number}))?\s*"
        rf"(?P<unit>{unit})(?!\w)")
    weekday = _alternation(cal.weekdays)
    month = _alternation(cal.months)
    day = r"(?P<day>\d{1,2})(?:\.|st|nd|rd|th|er|º)?"
    if language == "en":
        dm = (rf"(?:{day}\s+(?:of\s+)?(?P<month>{month})"
              rf"|(?P<month2>{month})\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?)")
    elif language == "es":
        dm = rf"{day}\s+de\s+(?P<month>{month})"
    else:
        dm = rf"{day}\s+(?P<month>{month})"
    year = r"(?:,?\s+(?P<year>\d{4}))?"
    after = _WEEKDAY_NEXT_AFTER.get(language, "")
    weekday_date = re.compile(
        rf"(?<!\w){_WEEKDAY_LEAD[language]}(?P<weekday>{weekday}){after}"
        rf"(?:,?\s+(?:the\s+|le\s+|den\s+|el\s+)?{dm}{year})?(?!\w)")
    day_month = re.compile(rf"(?<!\w){_DATE_LEAD[language]}{dm}{year}(?!\w)")
    relative = re.compile(
        rf"(?<!\w){_NOT_RELATIVE[language]}(?P<rel>{_alternation(_RELATIVE[language])})(?!\w)",)
    vague = re.compile(rf"(?<!\w)(?:{_alternation(_VAGUE[language])})(?!\w)")
    anchors = _anchor_automaton({
        "duration": set(_LEAD_WORD.findall(lead)),
        "weekday_date": set(_LEAD_WORD.findall(_WEEKDAY_LEAD[language])) | set(cal.weekdays),
        "day_month": set(_LEAD_WORD.findall(_DATE_LEAD[language]))
        | (set(cal.months) if language == "en" else set()),  # and the day's digits
        "relative": {phrase.split()[0] for phrase in _RELATIVE[language]},
        "vague": {phrase.split()[0] for phrase in _VAGUE[language]},
    }, {*cal.weekdays, *cal.months})
    return _Grammar(duration, weekday_date, day_month, relative, vague, anchors)


def resolve_zone(name: str | None, sent_at: datetime) -> tzinfo:
    """The customer's zone: the IANA ``name`` if given, else ``sent_at``'s own offset."""
    if name:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    zone = sent_at.tzinfo
    if zone is None:
        raise ValueError("sent_at must be timezone-aware")
    return zone


def _end_of(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(23, 59, 59), tzinfo=zone)


def _number(token: str, language: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else _NUMBER_WORDS[language][token]


def _add_working_days(day: date, count: int, weekend: frozenset[int]) -> date:
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() not in weekend:
            count -= 1
    return day


def _last_working_day_of_week(day: date, cal: _Calendar, weeks_ahead: int) -> date:
    week_start = day - timedelta(days=(day.weekday() - cal.first_week_day) % 7)
    week_start += timedelta(weeks=weeks_ahead)
    for offset in range(6, -1, -1):
        candidate = week_start + timedelta(days=offset)
        if candidate.weekday() not in cal.weekend:
            return max(candidate, day)
    return max(week_start + timedelta(days=6), day)


def _resolve_day_month(day: int, month: int, year: int | None, today: date) -> date | None:
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        if found < today - timedelta(days=30):
            found = date(today.year + 1, month, day)
        return found
    except ValueError:  # 31 February
        return None


def _scan_language(text: str, language: str, locale_tag: str, sent_at: datetime,
                   zone: tzinfo, *, starts: dict[str, list[int]], stop: int,
                   ) -> list[TimeExpression]:
    """Matches in ``text`` up to ``stop``, at ``starts`` (:func:`_candidates`); ``text``
    is :func:`normalize`-d: lower case, same offsets."""
    grammar = _grammar(language, locale_tag)
    cal = _calendar(locale_tag)
    local = sent_at.astimezone(zone)
    today = local.date()
    found: list[TimeExpression] = []
    for m in matches_at(grammar.duration, text, starts["duration"], stop):
        count = _number(m["m"] or m["n"], language)
        unit, working = _UNITS[language][" ".join(m["unit"].lower().split())]
        if unit in ("minute", "hour"):  # absolute time: add in UTC, across DST changes
            delta = timedelta(minutes=count) if unit == "minute" else timedelta(hours=count)
            due = (sent_at.astimezone(UTC) + delta).astimezone(zone)
        elif working:
            due = _end_of(_add_working_days(today, count, cal.weekend), zone)
        else:
            days = count * 7 if unit == "week" else count
            due = _end_of(today + timedelta(days=days), zone)
        found.append(TimeExpression(m.start(), m.end(), "duration", due, language))
    for m in matches_at(grammar.weekday_date, text, starts["weekday_date"], stop):
        weekday = cal.weekdays[m["weekday"].lower().rstrip(".")]
        ahead = (weekday - today.weekday()) % 7
        if ahead == 0 and (m["next"] or local.hour >= END_OF_BUSINESS):
            ahead = 7
        target = today + timedelta(days=ahead)
        mismatch = False
        named = _named_date(m, language, cal, today)
        if named is not None:
            mismatch = named.weekday() != weekday
            target = named
        found.append(TimeExpression(m.start(), m.end(), "date", _end_of(target, zone),
                                    language, mismatch))
    for m in matches_at(grammar.day_month, text, starts["day_month"], stop):
        named = _named_date(m, language, cal, today)
        if named is not None:
            found.append(TimeExpression(m.start(), m.end(), "date", _end_of(named, zone),
                                        language))
    for m in matches_at(grammar.relative, text, starts["relative"], stop):
        value = _RELATIVE[language][" ".join(m["rel"].lower().split())]
        if value == "eow":
            target = _last_working_day_of_week(today, cal, 0)
        elif value == "eonw":
            target = _last_working_day_of_week(today, cal, 1)
        else:
            assert isinstance(value, int)
            target = today + timedelta(days=value)
        found.append(TimeExpression(m.start(), m.end(), "date", _end_of(target, zone),
                                    language))
    for m in matches_at(grammar.vague, text, starts["vague"], stop):
        found.append(TimeExpression(m.start(), m.end(), "vague", None, language))
    return found


def _named_date(m: re.Match[str], language: str, cal: _Calendar, today: date) -> date | None:
    groups = m.groupdict()
    day = groups.get("day") or groups.get("day2")
    month = groups.get("month") or groups.get("month2")
    if not day or not month:
        return None
    year = int(groups["year"]) if groups.get("year") else None
    return _resolve_day_month(int(day), cal.months[month.lower().rstrip(".")], year, today)


#: a time of day with something that makes it one: minutes after a colon ("12:30"), the
#: French "h" ("9h15", "9h"), "am"/"pm" ("6pm", "6.30 pm") or "Uhr" ("18 Uhr"). Not a
#: number after a currency sign or inside a date, a version or a code. The pattern opens
#: with a digit, which the regex engine skips ahead to; the hour is checked in code.
_CLOCK = re.compile(
    r"(?P<h>\d(?<![\w.,:/£$€-]\d)\d?)"
    r"(?:(?::|h|\.(?=\d\d\s?[ap]\.?m\b))(?P<m>[0-5]\d))?"
    r"(?:\s?(?P<ap>[ap])\.?m\b|\s?(?P<mark>uhr|h)\b)?"
    r"(?![\w:]|[.,]\d)")


#: after a day: "'s" and a charge or a visit of that day ("refunded Friday's £140 service
#: fee"), not a promise for the day ("on Thursday's van")
_OWNED_BY_DAY = re.compile(
    r"'s\s+(?:[£€$]\s?\d[\d.,]*\s+|\d[\d.,]*\s?(?:€|euros?)\s+)?(?:[\w-]+\s+)?"
    r"(?:fee|fees|charge|charges|bill|invoice|payment|service|visit|call-out|callout)\b")


def _clock_times(norm: str, start: int, end: int, *, sent_at: datetime, zone: tzinfo,
                 language: str) -> list[TimeExpression]:
    """Times of day in ``norm[start:end]`` later on the day the reply is sent ("will be with
    her by 12:30", "il sera chez vous à 9h15", "ist um 18:30 bei dir"): a promise for today,
    in a sentence that names no day. An earlier time tells what happened ("scanned at
    9:10")."""
    found: list[TimeExpression] = []
    local = sent_at.astimezone(zone)
    for m in _CLOCK.finditer(norm, start, end):
        if m["m"] is None and m["ap"] is None and m["mark"] is None:
            continue  # a bare number
        hour, minute = int(m["h"]), int(m["m"] or 0)
        if hour > 23:
            continue
        if m["ap"] is not None:
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if m["ap"] == "p" else 0)
        due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if due > local:
            found.append(TimeExpression(m.start(), m.end(), "date", due, language))
    return found


def find_time_expressions(
    text: str,
    *,
    sent_at: datetime,
    zone: str | tzinfo | None = None,
    locale: str | None = None,
    spans: Iterable[tuple[int, int]] | None = None,
    norm: str | None = None,
) -> list[TimeExpression]:
    """Time phrases in ``text``, each resolved against ``sent_at`` (timezone-aware).

    ``zone`` is the customer's IANA time zone (default: ``sent_at``'s offset); ``locale``
    the customer's locale: its language's phrases are recognised, with its week-day and
    month names, weekend and first day of the week. Without a locale, all four languages
    are tried. Overlapping matches resolve to the longest; results are in text order.

    ``spans`` (non-overlapping, in order) limits the search to those parts of ``text``,
    each searched as if it stood alone (a check passes the sentences of its next steps);
    offsets stay offsets into ``text``. ``norm`` is ``normalize(text)`` when the caller
    has it already.
    """
    if sent_at.utcoffset() is None:
        raise ValueError("sent_at must be timezone-aware")
    tz = zone if isinstance(zone, tzinfo) else resolve_zone(zone, sent_at)
    if locale:
        languages = [(language_of(locale), locale)]
        if languages[0][0] not in _LANGS:
            return []
    else:
        languages = [(lang, _DEFAULT_LOCALE[lang]) for lang in _LANGS]
    # Lower-cased with the same offsets; the patterns are compiled for lower case, which
    # makes them about twice as fast as case-insensitive ones.
    if norm is None:
        norm = normalize(text)
    bounds = [(0, len(norm))] if spans is None else list(spans)
    result: list[TimeExpression] = []
    if not bounds:
        return result
    # where each language's patterns can match, found once for all the parts
    everywhere = {language: _candidates(_grammar(language, tag), norm, bounds[0][0],
                                        bounds[-1][1]) for language, tag in languages}
    for start, end in bounds:
        if start and (norm[start - 1].isalnum() or norm[start - 1] == "_"):
            # a part that starts inside a word: searched as a text of its own, where
            # nothing stands before its first word
            part = [replace(e, start=e.start + start, end=e.end + start) for e in
                    find_time_expressions(norm[start:end], sent_at=sent_at, zone=tz,
                                          locale=locale, norm=norm[start:end])]
            result.extend(part)
            continue
        candidates: list[TimeExpression] = []
        for language, tag in languages:
            starts = {name: places[bisect_left(places, start):bisect_left(places, end)]
                      for name, places in everywhere[language].items()}
            candidates.extend(_scan_language(norm, language, tag, sent_at, tz, starts=starts,
                                             stop=end))
        if not candidates:  # a time of day alone: "at 6:30pm" is today ("Friday at 6pm" is not)
            candidates = _clock_times(norm, start, end, sent_at=sent_at, zone=tz,
                                      language=languages[0][0])
        candidates.sort(key=lambda e: (e.start, -(e.end - e.start)))
        last_end = -1
        for expression in candidates:
            if _OWNED_BY_DAY.match(norm, expression.end):
                continue  # "Friday's £140 service fee": what a day's visit cost, no promise
            if expression.start >= last_end:
                result.append(expression)
                last_end = expression.end
    return result
