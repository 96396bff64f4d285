"""Phrase lexicons and the one-pass matcher they compile into.

A lexicon is a text file ``lexicons/<lang>/<topic>.txt``: one phrase a line, ``#`` starts a
comment (the file's opening comment cites its source). Phrase syntax:

============  ===================================================================
``sorry``     a word; matching ignores case, and a run of spaces/line breaks
              matches any whitespace. Phrases match whole words only.
``{a|b c}``   alternatives; each may hold several words (``{we are|we're}``)
``[very]``    an optional part (alternatives allowed: ``[very|so]``)
``apologi*``  a word prefix: any word starting with ``apologi``
``<num>``     a number: ``24``, ``3.5``, ``1,000`` (also inside a word: ``<num>:<num>``)
``<word>``    any single word
``'``         an apostrophe matches both ``'`` and ``’``
``@tag``      at the end of a line: the phrase also counts for topic ``tag``
``re: ...``   a raw regular expression, matched against the original text (case
              sensitive unless it says ``(?i)``); for placeholder syntaxes and codes.
              ``re[@]: ...`` runs the pattern only on texts containing one of the
              characters in brackets, so that rare patterns cost nothing elsewhere
============  ===================================================================

All phrases of all languages compile into **one** regular expression, matched against the
lower-cased message: each topic becomes one named group, its phrases grouped by their first
word, and the groups are ordered by :data:`TOPIC_PRIORITY` so that, where phrases overlap at
the same start, the more specific topic wins ("sorry if you feel" is a non-apology, not an
apology). Without ``re.IGNORECASE`` the regex engine rejects a branch on its first literal
character, which is what makes one pass over a message a few microseconds. Raw ``re:``
patterns form a second, small pattern run on the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import product

__all__ = [
    "LANGUAGES",
    "TOPIC_PRIORITY",
    "Lexicon",
    "LexiconSyntaxError",
    "Matcher",
    "compile_matcher",
    "load_lexicons",
    "parse_phrase",
]

#: Languages whose lexicons ship with courtesy.
LANGUAGES = ("en", "de", "fr", "es")

#: Topics in match priority order: earlier topics win where phrases start at the same place.
#: Specific "finding" topics come before the broad element topics they contain.
TOPIC_PRIORITY: tuple[str, ...] = (
    "placeholder",
    "generic-salutation",
    "greeting",
    "non-apology",
    "boilerplate",
    "no-reply",
    "transfer",
    "blame-partner",
    "blame-customer",
    "over-promise",
    "canned",
    "vague-time",
    "empathy",
    "apology",
    "thanks",
    "contact-way",
    "timeframe",
    "tracking",
    "commitment",
)

_SEP = r"\s+"
_CLASSES = {"<num>": r"\d+(?:[.,]\d+)*", "<word>": r"\w+"}
_CLASS_SPLIT = re.compile(r"(<num>|<word>)")
_APOSTROPHE = re.compile("['’]")


class LexiconSyntaxError(ValueError):
    """A lexicon line cannot be parsed; the message names file and line."""


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


def _parse(phrase: str) -> list[_Item]:
    tokens = _tokenize(phrase)
    pos = 0

    def seq(stop: str) -> list[_Item]:
        nonlocal pos
        items: list[_Item] = []
        while pos < len(tokens) and tokens[pos] not in stop:
            tok = tokens[pos]
            pos += 1
            if tok == "{":
                items.append(("alt", alternatives("}")))
            elif tok == "[":
                items.append(("opt", alternatives("]")))
            elif tok in "}]|":
                raise LexiconSyntaxError(f"unexpected {tok!r} in {phrase!r}")
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
        if stripped.startswith(("re:", "re[")):
            try:
                re.compile(stripped.partition(":")[2].strip())
            except re.error as exc:
                msg = f"{source}:{number}: bad regular expression: {exc}"
                raise LexiconSyntaxError(msg) from None
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
    """Read every shipped lexicon file of ``languages`` (done once per process)."""
    base = resources.files("courtesy.rules") / "lexicons"
    lexicons: list[Lexicon] = []
    for language in languages:
        folder = base / language
        if not folder.is_dir():
            continue
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".txt"):
                topic = entry.name[:-4]
                source = f"courtesy/rules/lexicons/{language}/{entry.name}"
                lexicons.append(_read_lexicon(language, topic, entry.read_text("utf-8"), source))
    return lexicons


def _priority(topic: str) -> tuple[int, str]:
    try:
        return (TOPIC_PRIORITY.index(topic), topic)
    except ValueError:
        return (len(TOPIC_PRIORITY), topic)


Found = dict[str, list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class RawPattern:
    """A raw ``re:`` pattern; it runs only when one of ``trigger``'s characters is present."""

    pattern: re.Pattern[str]
    trigger: str


@dataclass(frozen=True, slots=True)
class Matcher:
    """The compiled matcher: phrase pattern, raw pattern, and what each group stands for."""

    phrases: re.Pattern[str]
    raws: tuple[RawPattern, ...]
    #: the same phrase pattern with IGNORECASE, for the rare text whose lower-casing
    #: changes its length (then offsets into the lower-cased copy would be wrong)
    phrases_ignorecase: re.Pattern[str]
    group_topics: dict[str, tuple[str, ...]]
    topics: frozenset[str]

    def _collect(self, pattern: re.Pattern[str], text: str, found: Found) -> int:
        group_topics = self.group_topics
        count = 0
        for match in pattern.finditer(text):
            count += 1
            span = match.span()
            for topic in group_topics[match.lastgroup or ""]:
                bucket = found.get(topic)
                if bucket is None:
                    found[topic] = [span]
                else:
                    bucket.append(span)
        return count

    def scan(self, text: str) -> Found:
        """Every topic found in ``text`` → its ``(start, end)`` spans, in text order."""
        found: Found = {}
        lowered = text.lower()
        if len(lowered) == len(text):
            self._collect(self.phrases, lowered, found)
        else:
            self._collect(self.phrases_ignorecase, text, found)
        raw_hits = 0
        for raw in self.raws:
            if raw.trigger and not any(ch in text for ch in raw.trigger):
                continue
            raw_hits += self._collect(raw.pattern, text, found)
        if raw_hits:
            for spans in found.values():
                spans.sort()
        return found

    def iter_matches(self, text: str) -> Iterator[tuple[str, int, int]]:
        """``(topic, start, end)`` for every match, in text order (for docs and debugging)."""
        for topic, spans in self.scan(text).items():
            for start, end in spans:
                yield topic, start, end


def compile_matcher(lexicons: Iterable[Lexicon]) -> Matcher:
    """Compile lexicons into one :class:`Matcher` (topics ordered by priority)."""
    group_topics: dict[str, tuple[str, ...]] = {}
    markers: dict[tuple[str, ...], str] = {}
    items: list[tuple[int, str, str, str]] = []
    raws: list[RawPattern] = []
    for lexicon in lexicons:
        for phrase, extra, _line in lexicon.entries:
            key = (lexicon.topic, *extra)
            if key not in markers:
                markers[key] = f"t{len(markers)}"
                group_topics[markers[key]] = key
            if phrase.startswith(("re:", "re[")):
                trigger, _, pattern = phrase.partition(":")
                raws.append(RawPattern(
                    re.compile(f"(?P<{markers[key]}>{pattern.strip()})"),
                    trigger[3:-1] if trigger.startswith("re[") else "",
                ))
                continue
            priority = _priority(lexicon.topic)[0]
            items.extend((priority, markers[key], first, rest)
                         for first, rest in _heads(_parse(phrase)))
    # Every phrase starts at a word start: one look-behind up front rejects most positions.
    names: dict[str, str] = {}
    source = r"(?<!\w)" + _phrases_regex(items, names) if items else r"(?!)"
    group_topics.update({name: group_topics[marker] for name, marker in names.items()})
    topics = frozenset(t for key in markers for t in key)
    return Matcher(
        phrases=re.compile(source),
        raws=tuple(raws),
        phrases_ignorecase=re.compile(source, re.IGNORECASE),
        group_topics=group_topics,
        topics=topics,
    )
