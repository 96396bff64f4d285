"""Phrase lexicons and the matcher they compile into (one pass per language shown).

A lexicon is a text file ``lexicons/<lang>/<topic>.txt``: one phrase a line, ``#`` starts a
comment (the file's opening comment cites its source). Phrase syntax:

============  ===================================================================
``sorry``     a word; matching ignores case, and a run of spaces/line breaks
              matches any whitespace. Phrases match whole words only.
``{a|b c}``   alternatives; each may hold several words (``{we are|we're}``); a group
              of one (``{ever}``) would require its word, and loading refuses it
``[very]``    an optional part (alternatives allowed: ``[very|so]``)
``apologi*``  a word prefix: any word starting with ``apologi``
``<num>``     a number: ``24``, ``3.5``, ``1,000`` (also inside a word: ``<num>:<num>``)
``<word>``    any single word
``'``         an apostrophe matches both ``'`` and ``’``
``,``         punctuation is written against the word before it (``right, it``); after a
              group, inside it, after each alternative (``{it,|that,} not you``): a
              ``{...},`` would never match, and loading refuses it
``@tag``      at the end of a line: the phrase also counts for topic ``tag``
``re: ...``   a raw regular expression, matched against the original text (case
              sensitive unless it says ``(?i)``); for placeholder syntaxes and codes.
              ``re[@]: ...`` runs the pattern only on texts containing one of the
              characters in brackets, so that rare patterns cost nothing elsewhere;
              ``re^[sorry|apologi]: ...`` promises that every match *starts* with one
              of the words, at the start of a word, and the pattern is tried only there;
              ``re~[wrong|incorrect]: ...`` promises that every match *holds* one of
              the words, starting at most 120 characters before one and ending at most
              60 after it, and the pattern is searched only there
============  ===================================================================

The phrases of each language (with the language-neutral ones) compile into one
Aho-Corasick automaton (pyahocorasick, in C), built the first time a text shows that
language by its marker words, and matched once over the lower-cased message with
whitespace and apostrophes normalised: an English check costs the same whether courtesy
ships one language or ten. Python then runs only per hit: a whole-word check, and the
resolution of overlaps, where the topic earlier in :data:`TOPIC_PRIORITY` wins and then the
longer phrase ("we're sorry if you feel" is a non-apology, not an apology, whichever
starts first). Phrases with ``<num>`` or ``<word>`` compile into one small regular
expression that joins the same resolution; raw ``re:`` patterns run on the original text
and are reported as they are.

Lazy patterns are tried where a match can begin, not at every character: a ``<num>``
phrase at the digits that start a word, a phrase opening with a literal word (and a
``re^[...]`` line) where the trigger automaton saw that word. Only patterns that may start
with any word (``<word> ...``) or with a character class are searched through the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import product
from operator import itemgetter
from typing import Any

import ahocorasick

__all__ = [
    "LANGUAGES",
    "NEUTRAL",
    "OVERLAY_TOPICS",
    "TOPIC_PRIORITY",
    "Lexicon",
    "LexiconSyntaxError",
    "Matcher",
    "compile_matcher",
    "load_lexicons",
    "load_markers",
    "matches_at",
    "parse_phrase",
]

#: Languages whose lexicons ship with courtesy.
LANGUAGES = ("en", "de", "fr", "es")
#: The folder of patterns that hold in every language (placeholder syntaxes, e-mail
#: addresses, phone numbers, reference codes).
NEUTRAL = "any"

#: Topics in match priority order: earlier topics win where phrases start at the same place.
#: Specific "finding" topics come before the broad element topics they contain.
TOPIC_PRIORITY: tuple[str, ...] = (
    "placeholder",
    "generic-salutation",
    "greeting",
    "non-apology",
    "non-thanks",
    "boilerplate",
    "no-reply",
    "transfer",
    "blame-partner",
    "blame-customer",
    "argue",
    "over-promise",
    "canned",
    "macro-residue",
    "internal-code",
    "jargon",
    "vague-time",
    "empathy",
    "apology",
    "thanks",
    "contact-request",
    "contact-way",
    "timeframe",
    "tracking",
    "commitment",
    "deference",
    "hedge",
    "imperative",
    "instruction",
    "negative",
)

#: Topics reported wherever they occur, outside overlap resolution: "I've refunded your £12"
#: is a next step (commitment) *and* restitution; "please" and "softener" mark polite
#: requests inside any phrase ("Please contact us"). Their phrases never hide another topic.
OVERLAY_TOPICS = frozenset({"restitution", "restitution-free", "no-restitution", "please",
                            "softener", "failure", "mistake", "refusal", "cause",
                            "repeat-acknowledgement"})

_SEP = r"\s+"
_DIGITS = tuple("0123456789")
_DIGIT = "0"
_ANY_DIGIT = re.compile(r"\d")
_CLASSES = {"<num>": r"\d+(?:[.,]\d+)*", "<word>": r"\w+"}
_RAW_PREFIXES = ("re:", "re[", "re^[", "re~[")
_CLASS_SPLIT = re.compile(r"(<num>|<word>)")
_APOSTROPHE = re.compile("['’]")


class LexiconSyntaxError(ValueError):
    """A lexicon line cannot be parsed; the message names file and line."""


#: compiled lazy patterns by source: each is compiled once per process, on first use
_COMPILED: dict[str, re.Pattern[str]] = {}


def _word_atom(word: str) -> str:
    prefix = word.endswith("*") and len(word) > 1
    stem = word[:-1] if prefix else word
    pieces = [
        _CLASSES.get(piece) or _APOSTROPHE.sub("['’]", re.escape(piece))
        for piece in _CLASS_SPLIT.split(stem)
        if piece
    ]
    return "".join(pieces) + (r"\w*" if prefix else "")


def _tokenize(phrase: str) -> list[str]:
    tokens: list[str] = []
    buf = ""
    for ch in phrase:
        if ch in "{}[]|" or ch.isspace():
            if buf:
                tokens.append(buf)
                buf = ""
            if not ch.isspace():
                tokens.append(ch)
        else:
            buf += ch
    if buf:
        tokens.append(buf)
    return tokens


# A parsed phrase is a sequence of items: a word, or ("alt" | "opt", [sequences]).
_Item = str | tuple[str, list[list["_Item"]]]


#: punctuation written against the word before it ("right, it", "courier's"), never a word of
#: its own
_CLINGING = ",.;:!?)'’"


@cache
def _parse(phrase: str) -> list[_Item]:
    """The parsed phrase (cached: reading, compiling and expanding a phrase parse it once;
    callers must not change the result)."""
    tokens = _tokenize(phrase)
    pos = 0

    def seq(stop: str) -> list[_Item]:
        nonlocal pos
        items: list[_Item] = []
        while pos < len(tokens) and tokens[pos] not in stop:
            tok = tokens[pos]
            pos += 1
            if tok == "{":
                options = alternatives("}")
                if len(options) == 1:
                    # "{ever}" requires the word: almost surely meant "[ever]"
                    raise LexiconSyntaxError(
                        f"a group of one alternative in {phrase!r} requires it: write it "
                        f"plainly, or in [...] if it may be left out")
                items.append(("alt", options))
            elif tok == "[":
                items.append(("opt", alternatives("]")))
            elif tok in "}]|":
                raise LexiconSyntaxError(f"unexpected {tok!r} in {phrase!r}")
            elif tok[0] in _CLINGING and items and not isinstance(items[-1], str):
                # after a group it would stand apart ("it , not you"), and never match text
                # that writes it against the word before ("it, not you")
                raise LexiconSyntaxError(
                    f"{tok!r} after a group in {phrase!r} never matches: put it inside "
                    f"the group, after each alternative ('{{it,|that,}}')")
            else:
                items.append(tok.lower())
        return items

    def alternatives(close: str) -> list[list[_Item]]:
        nonlocal pos
        options = [seq("|" + close)]
        while pos < len(tokens) and tokens[pos] == "|":
            pos += 1
            options.append(seq("|" + close))
        if pos >= len(tokens) or tokens[pos] != close:
            raise LexiconSyntaxError(f"unclosed {'{' if close == '}' else '['} in {phrase!r}")
        pos += 1
        if any(not option for option in options):
            raise LexiconSyntaxError(f"empty alternative in {phrase!r}")
        return options

    result = seq("")
    if pos != len(tokens):
        raise LexiconSyntaxError(f"unexpected {tokens[pos]!r} in {phrase!r}")
    if not result:
        raise LexiconSyntaxError("empty phrase")
    return result


def parse_phrase(phrase: str) -> list[tuple[str, ...]]:
    """Expand a phrase into the word sequences it stands for (for docs and tests).

    >>> parse_phrase("sorry [that] you {feel|felt}")  # doctest: +NORMALIZE_WHITESPACE
    [('sorry', 'that', 'you', 'feel'), ('sorry', 'that', 'you', 'felt'),
     ('sorry', 'you', 'feel'), ('sorry', 'you', 'felt')]
    """

    def expand(items: list[_Item]) -> list[tuple[str, ...]]:
        variants: list[tuple[str, ...]] = [()]
        for item in items:
            if isinstance(item, str):
                options: list[tuple[str, ...]] = [(item,)]
            else:
                kind, seqs = item
                options = [v for s in seqs for v in expand(s)] + ([()] if kind == "opt" else [])
            variants = [a + b for a, b in product(variants, options)]
        return variants

    return [v for v in expand(_parse(phrase)) if v]


def _lead(items: list[_Item]) -> str:
    """Regex for ``items`` where every item brings its own leading separator."""
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(_SEP + _word_atom(item))
        else:
            kind, seqs = item
            body = "|".join(sorted((_lead(s) for s in seqs), key=lambda r: (-len(r), r)))
            out.append(f"(?:{body})" + ("?" if kind == "opt" else ""))
    return "".join(out)


def _heads(items: list[_Item]) -> list[tuple[str, str]]:
    """Expand only the first position: ``(first word atom, regex for the rest)`` pairs."""
    if not items:
        return []
    first, rest = items[0], items[1:]
    if isinstance(first, str):
        return [(_word_atom(first), _lead(rest))]
    kind, seqs = first
    heads = [h for s in seqs for h in _heads(s + rest)]
    if kind == "opt":
        heads += _heads(rest)
    return heads


def _first_char(atom: str) -> str:
    """The literal character an atom starts with, or ``""`` when it starts with a class."""
    return atom[0] if atom and (atom[0].isalnum() or atom[0] == "_") else ""


def _literal_prefixes(phrase: str) -> set[str]:
    """The literal words a ``<num>``/``<word>`` phrase starts with, up to its first class.

    ``"this email is a service from <word>"`` → ``{"this email is a service from"}``: a
    precise trigger. A phrase that opens with a class gives ``"<num>"`` or ``"<word>"``.
    """
    prefixes: set[str] = set()
    for words in parse_phrase(phrase):
        head: list[str] = []
        for word in words:
            if "<" in word or word.endswith("*"):
                if not head:
                    head = [word]
                break
            head.append(word)
        prefixes.add(" ".join(head))
    return prefixes


def _phrases_regex(items: list[tuple[int, str, str, str]], names: dict[str, str]) -> str:
    """One alternation over ``(priority, marker, first atom, rest)`` items.

    Branches are nested by first character, then first word; within a first word, higher
    priority topics and longer continuations come first. Each continuation ends in an
    empty marker group, so ``match.lastgroup`` names the topic without the cost of
    entering a group at every word start. ``names`` receives marker group → topic marker.
    """
    by_char: dict[str, dict[str, list[tuple[int, int, str, str]]]] = {}
    for priority, marker, first, rest in items:
        words = by_char.setdefault(_first_char(first), {})
        words.setdefault(first, []).append((priority, -len(rest), rest, marker))
    branches = []
    for char in sorted(by_char):
        words = by_char[char]
        word_branches = []
        for first in sorted(words, key=lambda a: (-len(a), a)):
            ends = []
            seen = set()
            for _priority, _neg_len, rest, marker in sorted(words[first]):
                if (rest, marker) not in seen:
                    seen.add((rest, marker))
                    ends.append(f"{rest}(?!\\w)(?P<{marker}_{len(names)}>)")
                    names[f"{marker}_{len(names)}"] = marker
            body = first[len(char):]
            word_branches.append(body + (f"(?:{'|'.join(ends)})" if len(ends) > 1 else ends[0]))
        joined = "|".join(word_branches)
        branches.append(f"{re.escape(char)}(?:{joined})" if char else joined)
    return "(?:" + "|".join(branches) + ")"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The phrases of one topic in one language, as loaded from a data file."""

    language: str
    topic: str
    #: (phrase, extra topics, line number)
    entries: tuple[tuple[str, tuple[str, ...], int], ...]
    source: str


def _read_lexicon(language: str, topic: str, text: str, source: str) -> Lexicon:
    entries: list[tuple[str, tuple[str, ...], int]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith(_RAW_PREFIXES):
            # compiled on first use (most texts never need most patterns); a malformed one
            # raises LexiconSyntaxError naming this file and line then
            entries.append((stripped, (), number))
            continue
        words = stripped.split(" #", 1)[0].split()
        extra: list[str] = []
        while words and words[-1].startswith("@"):
            extra.insert(0, words.pop()[1:])
        line = " ".join(words)
        try:
            _parse(line)
        except LexiconSyntaxError as exc:
            raise LexiconSyntaxError(f"{source}:{number}: {exc}") from None
        entries.append((line, tuple(extra), number))
    return Lexicon(language, topic, tuple(entries), source)


def load_lexicons(languages: Iterable[str] = LANGUAGES) -> list[Lexicon]:
    """Every shipped lexicon file of ``languages``, and the language-neutral ones in
    ``lexicons/any/`` (read once per process)."""
    return list(_load_lexicons(tuple(languages)))


@cache
def _load_lexicons(languages: tuple[str, ...]) -> tuple[Lexicon, ...]:
    base = resources.files("courtesy.rules") / "lexicons"
    lexicons: list[Lexicon] = []
    for language in (NEUTRAL, *languages):
        folder = base / language
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".txt"):
                topic = entry.name[:-4]
                source = f"courtesy/rules/lexicons/{language}/{entry.name}"
                lexicons.append(_read_lexicon(language, topic, entry.read_text("utf-8"), source))
    return tuple(lexicons)


def load_markers(languages: Iterable[str] = LANGUAGES) -> dict[str, tuple[str, ...]]:
    """Each language's marker words (``lexicons/<lang>/markers.words``): frequent words of
    that language and no other, by which the matcher tells which languages' lazy patterns
    to run."""
    base = resources.files("courtesy.rules") / "lexicons"
    markers: dict[str, tuple[str, ...]] = {}
    for language in languages:
        entry = base / language / "markers.words"
        if entry.is_file():
            markers[language] = tuple(
                word for line in entry.read_text("utf-8").splitlines()
                if not line.lstrip().startswith("#") for word in line.split())
    return markers


def _priority(topic: str) -> tuple[int, str]:
    try:
        return (TOPIC_PRIORITY.index(topic), topic)
    except ValueError:
        return (len(TOPIC_PRIORITY), topic)


Found = dict[str, list[tuple[int, int]]]

# Characters that count as part of a word for whole-word matching (as ``\w`` does).
_SPACES = ("\n", "\r", "\t", "\u00a0", "\u2009", "\u202f", "\u2007")


def normalize(text: str) -> str:
    """Lower-case ``text`` without changing its length; unify apostrophes and spaces.

    Offsets into the result are offsets into ``text``, which is what lets the matcher
    report exact spans. The rare characters whose lower case is longer (``"İ"``) are
    kept as they are.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c if len(low := c.lower()) != 1 else low for c in text)
    lowered = lowered.replace("’", "'")
    for space in _SPACES:
        if space in lowered:
            lowered = lowered.replace(space, " ")
    return lowered


Triggers = set[str]
"""The triggers found in a text, its digits (``"0"``...) and its languages (``"@en"``)."""


@dataclass(frozen=True, slots=True)
class RawPattern:
    """A lazy pattern: a raw ``re:`` line, or one topic's ``<num>``/``<word>`` phrases.

    It runs only when the lower-cased text holds one of ``triggers`` (and a digit, when
    ``needs_digit``). Raw lines match the original text; phrase patterns (``on_norm``)
    match the normalised text, like the automaton. An ``anchored`` pattern can only match
    where one of its triggers starts a word, and is tried at those places alone.
    """

    #: the regular expression, compiled on first use (:attr:`pattern`)
    source: str
    #: lower-case substrings; the pattern runs only if the lower-cased text has one
    triggers: tuple[str, ...]
    on_norm: bool = False
    needs_digit: bool = False
    anchored: bool = False
    #: every match holds one of ``triggers``: the pattern is searched only near each
    #: trigger found in the text (:data:`WINDOW_BEFORE`, :data:`WINDOW_AFTER`)
    windowed: bool = False
    #: ``"@de"``: runs only on texts that look German (or whose language is unknown)
    language: str = ""
    #: where the pattern comes from, for errors ("courtesy/rules/lexicons/en/x.txt:4")
    origin: str = ""

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled once per process, when first needed)."""
        compiled = _COMPILED.get(self.source)
        if compiled is None:
            try:
                compiled = _COMPILED[self.source] = re.compile(self.source)
            except re.error as exc:
                raise LexiconSyntaxError(
                    f"{self.origin}: bad regular expression: {exc}") from None
        return compiled

    def triggered(self, present: Triggers) -> bool:
        """Whether the pattern may match, given the triggers ``present`` in the text
        (:meth:`Matcher.present_triggers`)."""
        if self.language and self.language not in present:
            return False
        if self.triggers and present.isdisjoint(self.triggers):
            return False
        return not self.needs_digit or _DIGIT in present

    def spans(self, text: str, norm: str, present: Triggers) -> list[re.Match[str]]:
        """The pattern's matches in ``text`` (``norm`` for phrase patterns)."""
        subject = norm if self.on_norm else text
        if self.windowed:
            return _windowed(self.pattern, subject, norm, present.intersection(self.triggers))
        if not self.anchored:
            return list(self.pattern.finditer(subject))
        starts = []
        for trigger in present.intersection(self.triggers):
            # the places of the few triggers present, found by C substring search; only
            # where a word starts ("in" inside "within" is not a start)
            place = norm.find(trigger)
            while place != -1:
                if place == 0 or not ((before := norm[place - 1]).isalnum() or before == "_"):
                    starts.append(place)
                place = norm.find(trigger, place + 1)
        starts.sort()
        return list(matches_at(self.pattern, subject, starts))

#: How far before and after a trigger a windowed pattern (``re~[...]``) may match: its
#: matches start at most this many characters before the trigger...
WINDOW_BEFORE = 120
#: ... and end at most this many after it (to the end of that word).
WINDOW_AFTER = 60


def _windowed(pattern: re.Pattern[str], subject: str, norm: str,
              triggers: Iterable[str]) -> list[re.Match[str]]:
    """What ``pattern.finditer(subject)`` finds, when every match holds one of ``triggers``:
    searched only from :data:`WINDOW_BEFORE` characters before each trigger to
    :data:`WINDOW_AFTER` after it. A window ends at the end of a word (a search's end is
    the end of the text to ``\\b``)."""
    n = len(subject)
    windows: list[tuple[int, int]] = []
    for trigger in triggers:
        place = norm.find(trigger)
        while place != -1:
            low = max(0, place - WINDOW_BEFORE)
            high = min(n, place + len(trigger) + WINDOW_AFTER)
            while high < n and (subject[high].isalnum() or subject[high] == "_"):
                high += 1
            windows.append((low, high))
            place = norm.find(trigger, place + 1)
    if not windows:
        return []
    windows.sort()
    merged = [windows[0]]
    for low, high in windows[1:]:
        if low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    found: list[re.Match[str]] = []
    for low, high in merged:
        found.extend(pattern.finditer(subject, low, high))
    return found


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int],
               stop: int | None = None) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(text, pos, stop)`` finds, tried only at ``starts`` (sorted):
    the places where a match can begin, when the caller knows them. Matches do not overlap,
    as with ``finditer``."""
    last = -1
    match = pattern.match
    stop = len(text) if stop is None else stop
    for at in starts:
        if at >= last and (found := match(text, at, stop)) is not None:
            yield found
            last = found.end()


def _triggers(spec: str) -> tuple[str, ...]:
    """What gates a raw pattern, from the brackets of ``re[...]``.

    ``re[%|percent]`` → the words ``%`` and ``percent``; ``re[%{|]`` → the one word
    ``%{`` (a ``|`` makes the parts words); ``re[directly]`` → one word (a spec with
    letters is a word, never a set of letters: a set of common letters would match every
    text); ``re[@{]``, ``re[0123456789]`` → each character.
    """
    if not spec:
        return ()
    words = [part for part in spec.split("|") if part]
    if "|" in spec and words:
        return tuple(w.lower() for w in words)
    if any(ch.isalpha() for ch in spec):
        return (spec.lower(),)
    return tuple(dict.fromkeys(spec.lower()))  # single characters (``|`` itself included)


@dataclass(frozen=True, slots=True)
class Matcher:
    """The compiled matcher: automata for literal phrases, regexes for the rest.

    Literal phrases are matched eagerly by :meth:`scan`. Topics with raw patterns or
    ``<num>``/``<word>`` phrases are *lazy*: a full regular-expression pass costs more than
    the whole automaton scan, so :meth:`lazy_spans` runs them only when a rule asks.

    Each language with marker words has an automaton of its own, built the first time a
    text shows that language: a text is scanned with the automata of the languages whose
    markers it holds (all of them when it holds none), so English checks never touch, or
    wait for, the German, French and Spanish phrases.
    """

    #: language (``""``: the languages without markers) → the lexicons of its automaton
    groups: dict[str, tuple[Lexicon, ...]]
    #: language → the triggers of the lazy patterns that can run on its texts
    group_triggers: dict[str, frozenset[str]]
    #: ahocorasick.Automaton of ``" word "`` → ``"@<language>"``: which languages a text shows
    markers: Any
    #: raw ``re:`` patterns and, per topic, its ``<num>``/``<word>`` phrases
    raws: tuple[RawPattern, ...]
    #: regex group name → topics
    group_topics: dict[str, tuple[str, ...]]
    topics: frozenset[str]
    #: topics that have lazy patterns → their indexes in ``raws``
    lazy_topics: dict[str, tuple[int, ...]]
    #: topics whose every lazy pattern has triggers → all their triggers, tested first
    topic_gates: dict[str, frozenset[str]]
    #: ``"@<language>"`` for every language with markers: a text without any marker is of
    #: unknown language, and all of them apply
    languages: frozenset[str] = frozenset()
    #: language → ahocorasick.Automaton of phrase → ((length, priority, topics, check
    #: start, check end),) and trigger → ``(0, -1, trigger, False, False)``; built when
    #: first needed (:meth:`automaton`)
    built: dict[str, Any] = field(default_factory=dict)
    #: topic → ((``"@<language>"`` or ``""``, its indexes in ``raws``), ...): the lazy
    #: patterns of a topic by language, so that a check passes over those of languages the
    #: text does not show without a look at each
    lazy_languages: dict[str, tuple[tuple[str, tuple[int, ...]], ...]] = field(
        default_factory=dict)

    def __post_init__(self) -> None:
        for topic, indexes in self.lazy_topics.items():
            by_language: dict[str, list[int]] = {}
            for index in indexes:
                by_language.setdefault(self.raws[index].language, []).append(index)
            self.lazy_languages[topic] = tuple(
                (language, tuple(found)) for language, found in by_language.items())

    def automaton(self, group: str) -> Any:
        """The phrase-and-trigger automaton of a language (built on first use)."""
        automaton = self.built.get(group)
        if automaton is None:
            automaton = self.built[group] = _build_automaton(self.groups[group],
                                                             self.group_triggers[group])
        return automaton

    def groups_for(self, norm: str) -> tuple[tuple[str, ...], Triggers]:
        """The languages whose automata scan ``norm``, and its ``"@<language>"`` triggers:
        those whose markers it holds, else all of them; ``""`` (the languages without
        markers) always."""
        shown: Triggers = {language for _end, language in self.markers.iter(norm)} \
            if len(self.markers) else set()
        if not shown:
            shown = set(self.languages)  # no marker: the language is unknown, run them all
        groups = tuple(group for group in self.groups
                       if group == "" or "@" + group in shown)
        return groups, shown

    def present_triggers(self, norm: str) -> Triggers:
        """The triggers (of any lazy pattern) in the normalised text, and its languages.

        Digits are tested apart, with one search: as automaton words they would report
        every digit of every number.
        """
        groups, found = self.groups_for(norm)
        for group in groups:
            found.update(entry[2] for _end, entries in self.automaton(group).iter(norm)
                         for entry in entries if entry[1] < 0)
        if _ANY_DIGIT.search(norm) is not None:
            found.update(_DIGITS)
        return found

    def scan(self, text: str, norm: str | None = None) -> Found:
        """Every literal-phrase topic in ``text`` → its ``(start, end)`` spans, in order.

        Where phrases overlap, the topic earlier in :data:`TOPIC_PRIORITY` wins, then the
        longer phrase. Lazy topics are not included: see :meth:`lazy_spans`. ``norm`` is
        ``normalize(text)`` when the caller has it already.
        """
        return self.match(text, norm)[0]

    def match(self, text: str, norm: str | None = None) -> tuple[Found, Triggers]:
        """:meth:`scan` and :meth:`present_triggers` in one pass per language shown."""
        if norm is None:
            norm = normalize(text)
        n = len(norm)
        groups, triggers = self.groups_for(norm)
        # (start, end, priority, -length, topics) of every whole-word hit
        hits: list[tuple[int, int, int, int, tuple[str, ...]]] = []
        append = hits.append
        for group in groups:
            for last, entries in self.automaton(group).iter(norm):
                end = last + 1
                for length, priority, topics, check_start, check_end in entries:
                    if priority < 0:
                        triggers.add(topics)  # a trigger: the entry holds its name
                        continue
                    start = end - length
                    if check_start and start > 0:
                        before = norm[start - 1]
                        if before.isalnum() or before == "_":
                            continue  # starts inside a word
                    if check_end and end < n:
                        after = norm[end]
                        if after.isalnum() or after == "_":
                            continue  # ends inside a word
                    append((start, end, priority, -length, topics))
        if len(groups) > 1:
            hits = list(set(hits))  # the language-neutral phrases, found in each
        found: Found = {}
        if _ANY_DIGIT.search(norm) is not None:
            triggers.update(_DIGITS)
        if not hits:
            return found, triggers
        hits.sort()
        # Most hits overlap nothing: sweep them in order of position, and settle only the
        # clusters of overlapping hits by priority.
        kept: list[tuple[int, int, int, int, tuple[str, ...]]] = []
        cluster: list[tuple[int, int, int, int, tuple[str, ...]]] = []
        reach = -1
        for hit in hits:
            if hit[4][0] in OVERLAY_TOPICS:
                kept.append(hit)  # reported wherever it is
            elif hit[0] >= reach:  # overlaps nothing before it
                if len(cluster) > 1:
                    _settle(cluster, kept)
                elif cluster:
                    kept.append(cluster[0])
                cluster = [hit]
                reach = hit[1]
            else:
                cluster.append(hit)
                reach = max(reach, hit[1])
        if len(cluster) > 1:
            _settle(cluster, kept)
        elif cluster:
            kept.append(cluster[0])
        kept.sort()  # settled clusters and overlays came out of position order
        for start, end, _priority, _neg_length, topics in kept:
            for topic in topics:
                spans = found.get(topic)
                if spans is None:
                    found[topic] = [(start, end)]
                else:
                    spans.append((start, end))
        return found, triggers

    def lazy_spans(
        self, text: str, topic: str, norm: str | None = None,
        present: Triggers | None = None,
    ) -> list[tuple[int, int]]:
        """Spans of ``topic`` from its lazy patterns (raw lines, ``<num>``/``<word>`` phrases).

        ``norm`` is ``normalize(text)`` and ``present`` its :meth:`present_triggers`, when
        the caller has them already (a check asks for several lazy topics).
        """
        spans: list[tuple[int, int]] = []
        if norm is None:
            norm = normalize(text)
        if present is None:
            present = self.present_triggers(norm)
        gate = self.topic_gates.get(topic)
        if gate is not None and present.isdisjoint(gate):
            return spans  # none of the topic's patterns can match: no trigger present
        for language, indexes in self.lazy_languages.get(topic, ()):
            if language and language not in present:
                continue  # a language the text does not show
            for index in indexes:
                raw = self.raws[index]
                if raw.triggered(present):
                    spans.extend(m.span() for m in raw.spans(text, norm, present)
                                 if topic in self.group_topics[m.lastgroup or ""])
        return spans

    def scan_all(self, text: str) -> Found:
        """:meth:`scan` plus every lazy topic (for docs, tests and debugging)."""
        norm = normalize(text)
        found, present = self.match(text, norm)
        for topic in self.lazy_topics:
            extra = self.lazy_spans(text, topic, norm, present)
            if extra:
                found[topic] = sorted(found.get(topic, []) + extra)
        return found


#: hit order within a cluster: priority, then the longer phrase, then position
_BY_PRIORITY = itemgetter(2, 3, 0, 1)


def _settle(cluster: list[tuple[int, int, int, int, tuple[str, ...]]],
            kept: list[tuple[int, int, int, int, tuple[str, ...]]]) -> None:
    """Keep the hits of an overlapping ``cluster`` that win: by priority, then length, then
    position, each hit that overlaps none kept before it."""
    cluster.sort(key=_BY_PRIORITY)
    first = cluster[0]
    kept.append(first)
    taken = [(first[0], first[1])]
    for hit in cluster[1:]:
        start, end = hit[0], hit[1]
        for s, e in taken:
            if start < e and s < end:
                break  # overlaps a hit already kept
        else:
            taken.append((start, end))
            kept.append(hit)


def compile_matcher(
    lexicons: Iterable[Lexicon], markers: Mapping[str, Iterable[str]] | None = None,
) -> Matcher:
    """Compile lexicons into one :class:`Matcher`.

    ``markers`` maps a language to words that show a text is in it (:func:`load_markers`):
    the language's phrases and lazy patterns then apply only to texts holding one of them,
    or to texts holding no marker of any language. Without ``markers`` every phrase and
    every lazy pattern applies to every text. The phrase automata are built when a text
    first needs them.
    """
    lexicons = tuple(lexicons)
    group_topics: dict[str, tuple[str, ...]] = {}
    #: per (topic key, language): <num>/<word> phrases, raw lines (in file order)
    class_items: dict[tuple[tuple[str, ...], str], list[tuple[int, str, str, str]]] = {}
    raw_items: dict[tuple[tuple[str, ...], str],
                    list[tuple[str, tuple[str, ...], str, str]]] = {}
    class_firsts: dict[tuple[tuple[str, ...], str], set[str]] = {}
    class_markers: dict[tuple[tuple[str, ...], str], str] = {}
    marked = {language for language, words in (markers or {}).items() if words}
    raws: list[RawPattern] = []
    lazy: dict[str, dict[int, None]] = {}
    topics: set[str] = set()
    for lexicon in lexicons:
        for phrase, extra, _line in lexicon.entries:
            key = (lexicon.topic, *extra)
            topics.update(key)
            if phrase.startswith(_RAW_PREFIXES):
                # the trigger list may itself hold a colon ("re^[ref:]: ..."): a bracketed
                # one ends at "]:"
                cut = phrase.index("]:") + 1 if phrase.startswith(_RAW_PREFIXES[1:]) \
                    else phrase.index(":")
                trigger, pattern = phrase[:cut], phrase[cut + 1:]
                mode = trigger[2] if trigger.startswith(("re^[", "re~[")) else ""
                spec = trigger[trigger.index("[") + 1:-1] if trigger != "re" else ""
                raw_items.setdefault((key, lexicon.language), []).append(
                    (pattern.strip(), _triggers(spec), mode, f"{lexicon.source}:{_line}"))
            elif "<" in phrase:  # <num>/<word>: a lazy regular expression for this topic
                # one marker per pattern, so that group names never repeat across patterns
                # (``group_topics`` maps them all)
                marker = class_markers.setdefault((key, lexicon.language),
                                                  f"c{len(class_markers)}")
                priority = _priority(lexicon.topic)[0]
                class_items.setdefault((key, lexicon.language), []).extend(
                    (priority, marker, first, rest) for first, rest in _heads(_parse(phrase)))
                class_firsts.setdefault((key, lexicon.language), set()).update(
                    prefix if "<num>" in phrase else prefix + "\x00"
                    for prefix in _literal_prefixes(phrase))
    for (key, language), patterns in raw_items.items():
        # One regex per raw line: each keeps the literal prefix that lets the regex engine
        # skip ahead (an alternation of them would lose it and cost more than all of them).
        for pattern_text, triggers, mode, origin in patterns:
            name = f"r{len(group_topics)}"
            group_topics[name] = key
            for topic in key:
                lazy.setdefault(topic, {})[len(raws)] = None
            raws.append(RawPattern(f"(?P<{name}>{pattern_text})", triggers,
                                   anchored=mode == "^" and bool(triggers),
                                   windowed=mode == "~" and bool(triggers),
                                   language=_language_key(language, marked), origin=origin))
    for (key, language), items_for_key in class_items.items():
        names: dict[str, str] = {}
        class_pattern = r"(?<!\w)" + _phrases_regex(items_for_key, names)
        for name in names:
            group_topics[name] = key
        firsts = class_firsts[key, language]
        # Gate on the phrases' first words, and try the pattern only where they start a
        # word. A phrase opening with <word> or <num> has no first word: the pattern is
        # searched through the text (measured: cheaper than trying it at every number).
        first_words = {f.rstrip("\x00") for f in firsts}
        literal_firsts = {w.rstrip("*").replace("’", "'") for w in first_words
                          if "<" not in w.split(" ")[0]}
        gated = len(literal_firsts) == len(first_words)
        for topic in key:
            lazy.setdefault(topic, {})[len(raws)] = None
        raws.append(RawPattern(
            class_pattern,
            tuple(sorted(literal_firsts)) if gated else (),
            on_norm=True,
            needs_digit=all(not f.endswith("\x00") for f in firsts),
            anchored=gated,
            language=_language_key(language, marked),
            origin=f"courtesy/rules/lexicons/{language}/{key[0]}.txt (<num>/<word> phrases)",
        ))
    gates: dict[str, frozenset[str]] = {}
    for topic, indexes in lazy.items():
        if all(raws[i].triggers for i in indexes):
            gates[topic] = frozenset(t for i in indexes for t in raws[i].triggers)
    # One automaton per marked language; the unmarked languages share one ("") that scans
    # every text; the language-neutral lexicons go into that one, or else into each.
    present = {lexicon.language for lexicon in lexicons}
    spoken = sorted(present & marked)
    unmarked = present - marked - {NEUTRAL}
    if unmarked or not spoken:
        spoken.insert(0, "")
    groups = {group: tuple(lexicon for lexicon in lexicons
                           if _in_group(lexicon, group, marked, "" in spoken))
              for group in spoken}
    neutral = frozenset(t for raw in raws if not raw.language for t in raw.triggers)
    group_triggers = {
        group: (neutral | {t for raw in raws if raw.language == "@" + group
                           for t in raw.triggers}) - set(_DIGITS)
        for group in spoken}
    marker_automaton = ahocorasick.Automaton()
    for language in sorted(marked & present):
        for word in (markers or {})[language]:
            # " word ": a whole word between spaces (the first and last word of a text are
            # not seen, which costs nothing: markers are frequent words)
            marker_automaton.add_word(f" {word.lower()} ", "@" + language)
    if len(marker_automaton):
        marker_automaton.make_automaton()
    return Matcher(
        groups, group_triggers, marker_automaton, tuple(raws), group_topics,
        frozenset(topics), {topic: tuple(indexes) for topic, indexes in lazy.items()}, gates,
        frozenset("@" + language for language in marked & present),
    )


def _in_group(lexicon: Lexicon, group: str, marked: set[str], shared: bool) -> bool:
    """Whether ``lexicon``'s phrases go into the automaton of ``group`` (``shared``: there
    is a group ``""``, scanned for every text)."""
    if lexicon.language == NEUTRAL:
        return group == "" or not shared
    if group == "":
        return lexicon.language not in marked
    return lexicon.language == group


def _build_automaton(lexicons: Iterable[Lexicon], triggers: Iterable[str]) -> Any:
    """The automaton of the literal phrases of ``lexicons`` and of ``triggers``."""
    literals: dict[str, dict[tuple[int, tuple[str, ...], bool], None]] = {}
    for lexicon in lexicons:
        priority = _priority(lexicon.topic)[0]
        for phrase, extra, _line in lexicon.entries:
            if phrase.startswith(_RAW_PREFIXES) or "<" in phrase:
                continue  # lazy patterns: see compile_matcher
            key = (lexicon.topic, *extra)
            curly = "’" in phrase
            for words in parse_phrase(phrase):  # ~110,000 variants: kept tight
                literal = " ".join(words)
                if curly:
                    literal = literal.replace("’", "'")
                prefix = literal[-1] == "*" and len(words[-1]) > 1
                if prefix:
                    literal = literal[:-1]
                bucket = literals.get(literal)
                if bucket is None:
                    literals[literal] = {(priority, key, prefix): None}
                else:
                    bucket[priority, key, prefix] = None
    every_trigger = set(triggers)
    automaton = ahocorasick.Automaton()
    add = automaton.add_word
    for literal, bucket in literals.items():
        # whole-word checks needed at each end: not where the phrase itself starts (or
        # ends) with a non-word character, nor after a word prefix ("apologi*")
        first, final, length = literal[:1], literal[-1:], len(literal)
        check_start = first.isalnum() or first == "_"
        check_end = final.isalnum() or final == "_"
        entries: list[tuple[int, int, Any, bool, bool]] = [
            (length, priority, key, check_start, check_end and not prefix)
            for priority, key, prefix in (sorted(bucket) if len(bucket) > 1 else bucket)]
        if literal in every_trigger:
            entries.append((0, -1, literal, False, False))
        add(literal, tuple(entries))
    for trigger in every_trigger - literals.keys():
        # a trigger counts wherever it occurs, inside words too (priority -1 marks it)
        add(trigger, ((0, -1, trigger, False, False),))
    if len(automaton):
        automaton.make_automaton()
    return automaton


def _language_key(language: str, marked: set[str]) -> str:
    """What a lazy pattern of ``language`` waits for: ``"@de"``, or ``""`` (always runs)
    for language-neutral patterns and languages without markers."""
    return "@" + language if language in marked else ""
