"""Form letters at scale: a registry of a team's canned replies, and batch near-duplicates.

* :class:`FormLetterIndex`: the team's macros (a folder of text files), placeholders and
  personal fields masked; ``check(text, form_letters=index)`` flags a reply that is a
  near-copy of one (rule FL003).
* :func:`find_near_duplicates`: clusters of near-identical outgoing messages, after masking
  personal fields, in near-linear time and bounded memory (see :mod:`._lsh`).

Masking and shingling are shared with the FL rules
(:mod:`courtesy.rules.catalog.formletter`), so both see the same skeleton of a message.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from courtesy.exceptions import CourtesyError
from courtesy.formletter._lsh import NearDuplicateFinder, find_near_duplicates
from courtesy.rules.catalog.formletter import (
    DEFAULT_THRESHOLDS,
    Thresholds,
    shingles,
    skeleton_words,
)

__all__ = [
    "FormLetterIndex",
    "FormLetterMatch",
    "NearDuplicateFinder",
    "Thresholds",
    "find_near_duplicates",
]

#: Macro files read by :meth:`FormLetterIndex.from_folder`.
MACRO_SUFFIXES = (".txt", ".md", ".liquid", ".j2", ".jinja", ".html", ".tmpl")


@dataclass(frozen=True, slots=True)
class FormLetterMatch:
    """A registered reply that a text resembles, and how much (0-1, masked shingles)."""

    name: str
    similarity: float


class FormLetterIndex:
    """A team's canned replies, for spotting replies that are near-copies of them.

    Each macro is reduced to its skeleton (placeholders such as
    ``{{ticket.requester.first_name}}``, ``%{name}``, ``*|FNAME|*`` or ``[Agent Name]``,
    numbers, dates, emails and names become ``#``) and to its 3-word shingles. Look-ups go
    through an inverted index of shingles, so a reply is compared only with macros that
    share a shingle with it.
    """

    def __init__(self, macros: Iterable[tuple[str, str]] = ()) -> None:
        self._names: list[str] = []
        self._shingles: list[set[int]] = []
        self._postings: defaultdict[int, list[int]] = defaultdict(list)
        for name, text in macros:
            self.add(name, text)

    @classmethod
    def from_folder(cls, folder: str | Path, *,
                    suffixes: tuple[str, ...] = MACRO_SUFFIXES) -> FormLetterIndex:
        """All macro files under ``folder`` (recursively), named by their relative path."""
        root = Path(folder)
        if not root.is_dir():
            raise CourtesyError(f"{root}: not a folder of macros")
        index = cls()
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix.lower() in suffixes:
                try:
                    text = path.read_text("utf-8-sig")
                except (OSError, UnicodeDecodeError) as exc:
                    raise CourtesyError(f"{path}: cannot read macro: {exc}") from None
                index.add(path.relative_to(root).as_posix(), text)
        return index

    def add(self, name: str, text: str) -> None:
        """Register one canned reply (empty or one-word texts are ignored)."""
        grams = shingles(skeleton_words(text))
        if len(grams) < 2:
            return
        number = len(self._names)
        self._names.append(name)
        self._shingles.append(grams)
        for gram in grams:
            self._postings[gram].append(number)

    def __len__(self) -> int:
        return len(self._names)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._names)

    def match(self, text: str, *, threshold: float = DEFAULT_THRESHOLDS.macro_similarity,
              ) -> FormLetterMatch | None:
        """The registered reply ``text`` is a near-copy of, or ``None`` below ``threshold``."""
        best = self.best_match(text)
        if best is None or best[1] < threshold:
            return None
        return FormLetterMatch(*best)

    def best_match(self, text: str) -> tuple[str, float] | None:
        """The most similar registered reply and its resemblance, or ``None`` if none shares
        a word sequence with ``text``."""
        grams = shingles(skeleton_words(text))
        counts: defaultdict[int, int] = defaultdict(int)
        postings = self._postings
        for gram in grams:
            for number in postings.get(gram, ()):
                counts[number] += 1
        if not counts:
            return None
        size = len(grams)
        sizes = self._shingles
        best, score = 0, -1.0
        for number, common in counts.items():
            value = common / (size + len(sizes[number]) - common)
            if value > score:
                best, score = number, value
        return self._names[best], round(score, 4)
