"""What a rule sees: the text, the profiles, the one-pass scan, and derived facts.

Derived facts (the salutation, sentence bounds, element spans, name findings) are
computed at most once per check, and only when a rule asks for them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from courtesy.names import lookup_title
from courtesy.profiles import Channel, SituationKind
from courtesy.rules.attribution import attribution, joining_pattern, tells_no_step
from courtesy.rules.lexicon import normalize
from courtesy.rules.restitution import restitution_spans

if TYPE_CHECKING:
    from courtesy.profiles import Customer, Situation
    from courtesy.rules.lexicon import Matcher
    from courtesy.trace import RenderTrace

__all__ = ["APOLOGY_KINDS", "CLOSING_CHARS", "CLOSING_LINES", "CLOSING_WORDS", "SIGN_OFF",
           "CheckContext", "Salutation", "is_closing_line"]

#: Situations in which a failure of ours calls for an owning apology (DESIGN.md table).
APOLOGY_KINDS = frozenset({SituationKind.COMPLAINT, SituationKind.ERROR, SituationKind.DELAY})

#: The words that open a closing line, in every shipped language ("Kind regards",
#: "Mit freundlichen Grüßen", "Cordialement", "Atentamente").
SIGN_OFF = re.compile(
    r"(?i)^\s*(?:kind(?:est)? regards|best(?: regards| wishes)?|many thanks|thanks|"
    r"thank you|yours(?: sincerely| faithfully)?|sincerely|cheers|warm regards|regards"
    r"|mit freundlichen grüßen|(?:viele|beste|freundliche|herzliche|liebe) grüße"
    r"|(?:bien )?cordialement|bien à vous|(?:un )?(?:cordial )?saludo|saludos|atentamente"
    r"|cordialmente)\b")
#: how many lines from the end a closing line is looked for (a footer may follow it)
CLOSING_LINES = 5
#: a closing line, and each line of the signature after it, is short: at most this many
#: characters and words
CLOSING_CHARS = 48
CLOSING_WORDS = 4


def is_closing_line(line: str) -> bool:
    """Whether ``line`` closes a letter before the signature: a short line that opens with a
    sign-off ("Kind regards,", "Mit freundlichen Grüßen") or ends with a comma ("Warmly,",
    "Un abrazo,")."""
    return len(line) <= CLOSING_CHARS and len(line.split()) <= CLOSING_WORDS and (
        line.rstrip().endswith(",") or SIGN_OFF.match(line) is not None)


#: topics to which the structural reading of failures adds clauses (rules/attribution.py)
_ATTRIBUTED = frozenset({"apology", "blame-partner"})

#: pictographs and symbols (with the variation selector that makes one an emoji): in chat
#: an emoji before a space ends a sentence ("We left the gyoza out of your bag 🙈 A driver's
#: bringing them now")
_EMOJI = "\u2600-\u27bf\ufe0f\U0001f300-\U0001faff"
_SENTENCE_END = ".!?\n"
#: a sentence break: a line break, or ".", "!", "?" or an emoji before white space. Group
#: "stop" marks a full stop after a short word or a number, which may be an abbreviation or
#: an ordinal ("Mr.", "No.", "12."); after a word of five letters or more it surely ends a
#: sentence. The pattern opens with a character set, which the regex engine skips ahead to.
def _sentence_break(marks: str) -> re.Pattern[str]:
    return re.compile(rf"[\n.!?{marks}](?:(?<=\n)|(?<=[!?{marks}])(?=\s|$)"
                      r"|(?<=[^\W\d_]{5}\.)(?=\s|$)|(?P<stop>(?<=\.)(?=\s|$)))")


_SENTENCE_BREAK_EMOJI = _sentence_break(_EMOJI)
#: the same without emoji, for ASCII texts (its small character set is the faster scan)
_SENTENCE_BREAK = _sentence_break("")
_EMOJI_CHAR = re.compile(f"[{_EMOJI}]")
#: What a sentence starts after (the start of sentence_at): a line break, or a full stop,
#: ``!`` or ``?`` and a space or tab (each of them a sentence break, too).
_SPACE_OR_TAB = (" ", "\t")
_ADDRESS_STOP = ",;:!?\n"
#: up to three capitalised words (or initials) that open a message, then a comma or "!"
_VOCATIVE_OPENING = re.compile(r"((?:[^\W\d_]\.\s?)?[^\W\d_][\w'’-]*(?:\s[^\W\d_][\w'’-]*){0,2})"
                               r"\s?[,!]")
#: where an address may end: a stop, or a full stop that is not a title's or an initial's
_ADDRESS_SCAN = re.compile(r"[,;:!?\n.]")
#: Words that open a fronted condition, purpose or circumstance ("If it does not arrive,
#: call us", "Pour changer le créneau, allez dans l'appli", "Wenn Sie stornieren möchten,
#: schicken Sie uns ...", "Para cambiar la cita, llame al ..."): an instruction after the
#: comma that closes such a clause is a next step as if it opened the sentence.
_FRONTING = frozenset({
    "if", "to", "when", "once", "whenever", "should", "before", "after", "for", "in",
    "until", "unless",
    "wenn", "falls", "sobald", "um", "sollten", "sollte", "bevor", "nachdem", "damit", "für",
    "bei", "im", "zum", "zur", "ab",
    "pour", "si", "s'il", "s'ils", "quand", "lorsque", "dès", "une", "avant", "après", "afin",
    "en", "dans", "sur",
    "para", "cuando", "una", "antes", "después", "desde", "al", "tras",
})


def _ends_address(text: str, start: int, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends the salutation ("Hi Aisha. As stated...").

    A stop after a title ("Mr.") or an initial ("N.", the "B." of "J.-B.") belongs to the
    name.
    """
    if dot + 1 < len(text) and not text[dot + 1].isspace():
        return False  # "N.Owenn", "example.com"
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace() and text[word_start - 1] != ".":
        word_start -= 1
    word = text[word_start:dot].lstrip("-")
    return not (len(word) == 1 or lookup_title(word) is not None)


@dataclass(frozen=True, slots=True)
class Salutation:
    """The opening greeting and the words that address the customer."""

    start: int  # start of the greeting word(s)
    address_start: int
    address_end: int
    generic: bool  # "Dear Sir or Madam", "Dear Valued Customer"

    def address(self, text: str) -> str:
        return text[self.address_start : self.address_end]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans in order, those that overlap joined into one: a phrase and a pattern of one
    topic that find the same words ("Please contact the relevant department", "contact the
    relevant department") are one finding, not two."""
    spans.sort()
    out = [spans[0]]
    for start, end in spans[1:]:
        last_start, last_end = out[-1]
        if start < last_end:
            out[-1] = (last_start, max(last_end, end))
        else:
            out.append((start, end))
    return out


#: Abbreviations whose full stop does not end a sentence when a capitalised word follows
#: ("Mr. Owen", "Dr. Keane", "Frau Dr. Weber", "M. Dupont", "St. Pancras").
_TITLE_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "hr", "fr", "sr", "sra", "srta", "dra",
    "mme", "mlle", "m", "sig", "jr", "rev", "capt", "col", "gen", "lt", "sgt", "dipl", "ing",
})
#: Abbreviations whose full stop does not end a sentence before a number ("No. 5", "Nr. 12",
#: "in ca. 45 Minuten", "approx. 20 minutes", "env. 30 min", "aprox. 10 minutos").
_NUMBER_ABBREVIATIONS = frozenset({"no", "nr", "nos", "tel", "ref", "art", "núm", "n", "vol",
                                   "ca", "approx", "env", "aprox"})
#: German month names: "am 12. März" is a date, not a sentence ending in 12.
_GERMAN_MONTHS = frozenset({
    "januar", "jänner", "februar", "märz", "april", "mai", "juni", "juli", "august",
    "september", "oktober", "november", "dezember",
})


def inner_full_stop(text: str, at: int) -> bool:
    """Whether the full stop at ``at`` (before a space) belongs to an abbreviation or a
    German ordinal ("Mr. Owen", "No. 5", "am 12. März", "e.g. the receipt", "z.B. die
    Quittung") rather than ending a sentence. The model's sentences
    (``learned.sentences``) and :meth:`CheckContext.sentence_at` both ask it."""
    start = at
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    word = text[start:at]
    nxt = at + 1
    while nxt < len(text) and text[nxt] in " \t":
        nxt += 1
    following = text[nxt:nxt + 12]
    if not following:
        return False
    if (len(word) == 1 and start >= 2 and text[start - 1] == "."
            and text[start - 2].isalpha() and (start == 2 or not text[start - 3].isalnum())):
        # letters with points ("e.g.", "i.e.", "z.B.", "d.h."), before a lower-case word
        return following[0].islower()
    if not word or (start > 0 and text[start - 1] not in " \t\n(\"'“‘"):
        return False
    if word.isdigit():
        # an ordinal before a month or a lower-case word ("am 12. März", "am 3. des Monats")
        if len(word) > 2:
            return False
        month = following.split(None, 1)[0].rstrip(".,;").casefold() if following.strip() else ""
        return month in _GERMAN_MONTHS or following[0].islower()
    folded = word.casefold()
    if folded in _NUMBER_ABBREVIATIONS:
        return following[0].isdigit()
    return folded in _TITLE_ABBREVIATIONS and following[0].isupper()


@dataclass(slots=True)
class CheckContext:
    """Everything rules may look at for one message."""

    text: str
    found: dict[str, list[tuple[int, int]]]
    matcher: Matcher | None = None
    customer: Customer | None = None
    situation: Situation | None = None
    channel: Channel | None = None
    trace: RenderTrace | None = None
    #: the lower-cased, space-normalised text the matcher scanned (same length as text);
    #: computed here when the caller did not pass it
    norm: str = ""
    _cache: dict[str, object] = field(default_factory=dict)
    #: the topics :meth:`spans` has completed (lazy patterns matched, clauses attributed)
    _lazy_done: set[str] = field(default_factory=set)
    #: the lazy topics already matched (see :meth:`match_lazy`)
    _lazy_matched: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.norm and self.text:
            self.norm = normalize(self.text)

    # -- lexicon look-ups ---------------------------------------------------------------

    def spans(self, topic: str) -> list[tuple[int, int]]:
        """Spans of a lexicon topic; lazy topics (raw patterns) are matched on first use."""
        if topic not in self._lazy_done:
            self._lazy_done.add(topic)
            self.match_lazy(topic)
            if topic in _ATTRIBUTED:
                self._attribute(topic)
        return self.found.get(topic, [])

    def match_lazy(self, topic: str) -> None:
        """Add the spans of ``topic``'s lazy patterns to :attr:`found`, once per check
        (without the clauses that :meth:`spans` adds to the attributed topics)."""
        if topic not in self._lazy_matched:
            self._lazy_matched.add(topic)
            matcher = self.matcher
            if matcher is not None and topic in matcher.lazy_topics:
                present = self._cache.get("triggers")
                if present is None:
                    present = matcher.present_triggers(self.norm)
                    self._cache["triggers"] = present
                extra = matcher.lazy_spans(self.text, topic, self.norm,
                                           present)  # type: ignore[arg-type]
                if extra:
                    self.found[topic] = _merged(self.found.get(topic, []) + extra)

    def _attribute(self, topic: str) -> None:
        """Add the clauses that :mod:`courtesy.rules.attribution` reads as admitting a
        failure (to ``apology``) or blaming a partner (to ``blame-partner``). A clause that
        overlaps a phrase of the topic adds nothing; an admission inside a non-apology or
        boilerplate ("we apologise for any errors") is not one."""
        found = attribution(self)
        extra = found.admissions if topic == "apology" else found.partner_blame
        if not extra:
            return
        have = self.found.get(topic, [])
        denied = self.spans("non-apology") + self.spans("boilerplate") \
            if topic == "apology" else []
        added = []
        for start, clause_end, cue in extra:
            end = clause_end
            if any(start < d_end and d_start < end for d_start, d_end in denied):
                continue
            phrases = [s for s, e in have if start < e and s < end]
            if phrases:
                # a phrase of the clause said it first ("I'm sorry your order is running
                # late"); one after the failure word stands apart from it, and the clause
                # up to it is the admission ("Our crew isolated the wrong stopcock, and
                # I'm sorry for that")
                if min(phrases) <= cue:
                    continue
                end = min(phrases)
                for joint in joining_pattern().finditer(self.text, cue, end):
                    end = joint.start()  # "..., and I'm sorry": up to the last "and"
                while end > start and not self.text[end - 1].isalnum():
                    end -= 1
                if len(self.text[start:end].split()) < 3:
                    continue
            added.append((start, end))
        if added:
            self.found[topic] = sorted(have + added)

    def has(self, topic: str) -> bool:
        """Whether the topic occurs; answers from the eager scan when it can."""
        return bool(self.found.get(topic)) or bool(self.spans(topic))

    # -- situation ------------------------------------------------------------------------

    @property
    def kind(self) -> SituationKind | None:
        return self.situation.kind if self.situation is not None else None

    @property
    def our_fault(self) -> bool:
        return self.situation is not None and self.situation.our_fault

    @property
    def needs_owning_apology(self) -> bool:
        return self.our_fault and self.kind in APOLOGY_KINDS

    # -- sentences ----------------------------------------------------------------------

    def sentence_at(self, position: int) -> tuple[int, int]:
        """Bounds of the sentence (or line) around ``position``, without outer whitespace.

        A sentence ends at a line break or at ``.``, ``!`` or ``?`` followed by a space, so
        ``£4.99`` and ``example.com`` do not end one.
        """
        text = self.text
        index = self._cache.get("sentence_index")
        if index is None:
            # every sentence end, found once per check, and the starts that follow them
            pattern = _SENTENCE_BREAK if text.isascii() else _SENTENCE_BREAK_EMOJI
            breaks = [m.start() for m in pattern.finditer(text)
                      if m.lastgroup is None or not inner_full_stop(text, m.start())]
            index = (breaks, [
                p + 1 if text[p] == "\n" else p + 2
                for p in breaks if text[p] == "\n" or text[p + 1 : p + 2] in _SPACE_OR_TAB])
            self._cache["sentence_index"] = index
        ends: list[int] = index[0]  # type: ignore[index]
        starts: list[int] = index[1]  # type: ignore[index]
        i = bisect_left(ends, position)
        end = ends[i] + (text[ends[i]] != "\n") if i < len(ends) else len(text)
        j = bisect_right(starts, position)
        start = starts[j - 1] if j else 0
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def is_sentence_start(self, position: int) -> bool:
        i = position - 1
        text = self.text
        while i >= 0 and text[i] in " \t\"'“‘(":
            i -= 1
        if i >= 0 and text[i] == "." and inner_full_stop(text, i):
            return False  # "Mr. Owen", "am 12. März"
        return (i < 0 or text[i] in _SENTENCE_END or text[i] == ":"
                or _EMOJI_CHAR.match(text, i) is not None)

    # -- salutation -------------------------------------------------------------------------

    @property
    def salutation(self) -> Salutation | None:
        """The greeting that opens the message, if it opens with one."""
        if "salutation" in self._cache:
            return self._cache["salutation"]  # type: ignore[return-value]
        result = self._find_salutation()
        self._cache["salutation"] = result
        return result

    def _find_salutation(self) -> Salutation | None:
        text = self.text
        first = len(text) - len(text.lstrip())
        if text[first:first + 1] in ("¡", "¿"):  # "¡Hola Alejandro!"
            first += 1
        for topic, generic in (("generic-salutation", True), ("greeting", False)):
            spans = self.found.get(topic)
            if spans and spans[0][0] == first:
                start, end = spans[0]
                if generic and not self._name_follows(end):
                    return Salutation(start, start, end, generic=True)
                if generic:  # "Dear Sir Ludwig": a title, not "Dear Sir"
                    greeting_end = start + len(text[start:end].split(None, 1)[0])
                    return self._address_after(start, greeting_end)
                if lookup_title(text[start:end]) is not None and self._name_follows(end):
                    # "Madame Lefort,": the title opens the address, and is checked there
                    return self._address_after(start, start)
                return self._address_after(start, end)
        return self._salutation_from_forms(first) or self._vocative_opening(first)

    def _vocative_opening(self, first: int) -> Salutation | None:
        """A message that opens with the customer's name and a comma, as texts and chats
        do ("Olusegun, your flight...", "J. Moore, your parcel..."): an address with no
        greeting word. Only when a word of it is the customer's name (or close to it):
        "Unfortunately, ..." addresses nobody."""
        customer = self.customer
        if customer is None:
            return None
        match = _VOCATIVE_OPENING.match(self.text, first)
        if match is None:
            return None
        words = match.group(1).replace(".", " ").split()
        if not all(word[0].isupper() for word in words):
            return None  # "Kia ora Wiremu,": a greeting, not a name
        forms = customer.name_forms
        for word in words:
            if len(word) > 1 and (word.casefold() in forms.folded
                                  or forms.closest(word) is not None):
                return Salutation(first, first, match.end(1), generic=False)
        return None

    def _name_follows(self, end: int) -> bool:
        """Whether a capitalised word follows on the same line ("Dear Sir Ludwig,")."""
        text = self.text
        i = end
        while i < len(text) and text[i] in " \t":
            i += 1
        return i > end and i < len(text) and text[i].isupper()

    def _salutation_from_forms(self, first: int) -> Salutation | None:
        """Openings of languages without a phrase lexicon ("Gentile", "Geachte", "Tisztelt"),
        from the address-forms data: one dictionary look-up on the first word."""
        from courtesy.names._forms import greeting_index

        text = self.text
        head = text[first : first + 40].split(None, 1)
        if not head:
            return None
        candidates = greeting_index().get(head[0].rstrip(",!").casefold())
        if not candidates:
            return None
        opening = text[first : first + 80].casefold()
        for phrase, _language, generic in candidates:
            end = first + len(phrase)
            if opening.startswith(phrase) and (end >= len(text) or not text[end].isalnum()):
                if generic:
                    return Salutation(first, first, end, generic=True)
                return self._address_after(first, end)
        return None

    def _address_after(self, start: int, end: int) -> Salutation:
        text = self.text
        address_start = end
        while address_start < len(text) and text[address_start] in " \t\u00a0,":
            address_start += 1
        limit = min(len(text), address_start + 80)
        stop = _ADDRESS_SCAN.search(text, address_start, limit)
        while stop is not None and text[stop.start()] == "." \
                and not _ends_address(text, address_start, stop.start()):
            stop = _ADDRESS_SCAN.search(text, stop.end(), limit)  # "Mr. Owen", "N. Owen"
        address_end = stop.start() if stop is not None else limit
        while address_end > address_start and text[address_end - 1] in " \t.":
            address_end -= 1
        return Salutation(start, address_start, address_end, generic=False)

    @property
    def body_start(self) -> int:
        """Where the message proper begins (after the salutation line, if any)."""
        cached = self._cache.get("body_start")
        if cached is not None:
            return cached  # type: ignore[return-value]
        salutation = self.salutation
        text = self.text
        if salutation is None:
            i = len(text) - len(text.lstrip())
        else:
            i = salutation.address_end
            n = len(text)
            while i < n and (text[i] in _ADDRESS_STOP or text[i].isspace()):
                i += 1
        self._cache["body_start"] = i
        return i

    # -- elements -------------------------------------------------------------------------

    def apology_spans(self) -> list[tuple[int, int]]:
        return sorted(self.spans("apology") + self.spans("empathy"))

    def next_step_spans(self) -> list[tuple[int, int]]:
        """Sentences that hold a commitment (someone will do something), a transfer, a way
        to reach us, amends given, or an instruction."""
        cached = self._cache.get("next_steps")
        if cached is None:
            seen: dict[tuple[int, int], None] = {}
            # Eager (phrase) spans only for contact ways and tracking: their raw patterns
            # (phone numbers, URLs, references) would cost a regex pass on every text.
            no_reply = self.found.get("no-reply", [])
            # a commitment inside an admission is the mistake, not a step ("we sent you the
            # size M instead of the L")
            owned = self.spans("apology")
            signature = self.signature_start
            for topic in ("commitment", "transfer", "contact-way"):
                spans = self.found.get(topic, []) if topic == "contact-way" else self.spans(topic)
                for start, end in spans:
                    if start >= signature:
                        continue  # "Moriarty Will Writing, Kilkenny" signs the reply
                    if no_reply and any(s < end and start < e for s, e in no_reply):
                        continue
                    if topic == "commitment" and owned and any(
                            s <= start and end <= e for s, e in owned):
                        continue
                    seen[self.sentence_at(start)] = None
            # a time told in the present or the future is a step, whatever the verb ("Engineers
            # are in tomorrow at 7am", "Die erste Anprobe findet am Dienstag um 16 Uhr
            # statt"), unless the sentence thanks, apologises, or tells the past, a denial or
            # news (attribution.tells_no_step: "the lab delivered the wrong stock on Friday")
            thanks = None
            bounds = (-1, -1)
            for start, _end in self.spans("timeframe"):
                if start < bounds[1]:
                    continue  # in the sentence just read (times come in order)
                bounds = self.sentence_at(start)
                if bounds in seen:
                    continue
                if thanks is None:
                    thanks = owned + self.spans("empathy") + self.spans("non-apology") \
                        + self.spans("thanks")
                if any(s < bounds[1] and bounds[0] < e for s, e in thanks) \
                        or tells_no_step(self.norm, *bounds):
                    continue
                seen[bounds] = None
            # amends given are a step taken for the customer ("die Mahngebühr haben wir
            # gestrichen", "le montant a été recrédité sur votre compte")
            for start, _end in restitution_spans(self):
                seen[self.sentence_at(start)] = None
            # an instruction or request that opens a sentence ("Reply CHANGE to rebook."),
            # or follows a fronted clause ("To rebook, reply CHANGE.")
            text = self.text
            for topic in ("instruction", "imperative", "tracking"):
                for start, end in self.found.get(topic, []):
                    if start >= signature:
                        continue  # "Order Support, Loom & Timber" signs the reply
                    if text[end:end + 3].lstrip().startswith("&"):
                        continue  # a firm's name signs it inline ("thanks! Press & Pulp")
                    bounds = self.sentence_at(start)
                    if bounds[0] == start or self._after_fronted_clause(bounds[0], start):
                        seen[bounds] = None
            cached = sorted(seen)
            self._cache["next_steps"] = cached
        return cached  # type: ignore[return-value]

    @property
    def signature_start(self) -> int:
        """Where the signature block begins: after a closing line (:func:`is_closing_line`)
        among the last :data:`CLOSING_LINES` lines; the end of the text when there is
        none. Computed once per check."""
        cached = self._cache.get("signature_start")
        if cached is None:
            cached = self._cache["signature_start"] = self._find_signature_start()
        return cached  # type: ignore[return-value]

    def _find_signature_start(self) -> int:
        text = self.text
        end = len(text.rstrip())
        at = end
        for _ in range(CLOSING_LINES):
            line_start = text.rfind("\n", 0, at) + 1
            if line_start == 0:
                break  # the first line opens the reply; it closes nothing
            if is_closing_line(text[line_start:at]):
                return at
            at = line_start - 1
        return end

    def _after_fronted_clause(self, sentence_start: int, start: int) -> bool:
        """Whether ``start`` follows the comma that closes a clause opening the sentence
        (or a part after ";" or ":") with a word of :data:`_FRONTING`."""
        text = self.text
        comma = start - 1
        while comma > sentence_start and text[comma] == " ":
            comma -= 1
        if comma <= sentence_start or text[comma] != ",":
            return False
        clause = max(text.rfind(";", sentence_start, comma), text.rfind(":", sentence_start,
                                                                         comma)) + 1
        head = text[max(clause, sentence_start):comma].split(None, 1)
        return bool(head) and head[0].lower().replace("’", "'") in _FRONTING

    def elements(self) -> dict[str, list[tuple[int, int]]]:
        return {
            "apology": self.apology_spans(),
            "thanks": list(self.spans("thanks")),
            "next_steps": self.next_step_spans(),
            "restitution": list(restitution_spans(self)),
        }

    def end_of_text(self) -> int:
        return len(self.text.rstrip())
