"""Who failed: admissions of fault and blame on partners, read from the clause.

Seed 003 asks a business to "take responsibility"; seed 004 says "don't try to shift
responsibility somewhere else, even if it's true". Phrase lists catch the wording they
hold ("we sent you the wrong size") and little else: an admission can name any deed of
any team ("our crew isolated the wrong stopcock", "a fault in our card system declined
your payments"), and blame can fall on any partner ("the rim supplier sent the wrong
spokes", "el restaurante se equivocó"). So this module reads the structure instead.

A *failure word* (overlay topic ``failure``: "wrong", "twice", "should never", "never
left", "fault", "overbooked", "didn't", German "nicht … angerufen" in the perfect...) is
looked at in its clause (the sentence, cut at ``;``,
``:``, dashes and a comma before "but"/"aber"/"mais"/"pero"...). The clause tells who did
it: the nearest doer before the word, else a doer just after it in the same stretch ("a
fault *in our network*", "ein Ablesefehler *unseres Messstellenbetreibers*"). Doers are the
words of ``lexicons/<lang>/agents.words``:

- *ours* ("we", "our", "unser-", "notre", "nuestro"): the clause admits the failure and
  counts as an apology (the DESIGN.md apology element: owning the failure);
- *partner* (companies: "courier", "supplier", "*betreiber", "transporteur",
  "restaurante"), also after "our" ("our delivery partner"): the clause shifts blame (topic
  ``blame-partner``). A partner word before a preposition or a compound head is not the
  doer ("we booked the courier for the wrong day", "paying by bank transfer"); one after
  "your" is the customer's own. People are not partners: "nuestro repartidor" is ours;
- *customer* ("you" as a subject): neither; the lexicon's BL002 phrases judge that.

Words of the overlay topic ``cause`` ("due to", "wegen", "à cause de", "se debe a") name
their doer after them, so only the words after them are read ("posted late because of a
backlog on our side" admits; "due to circumstances outside our control" does not). So does
a reason after the failure word (the ``because`` words: "never left the depot because we
were a driver short"), and a condition before such a word does not govern the reason.
After a word of cause, a ``main-subject`` pronoun begins the main clause ("wegen
Dauerregen verschieben wir": the rain has no doer of ours).

Words of the overlay topic ``mistake`` ("by mistake", "versehentlich", "par erreur", "in
error") call a deed a mistake in themselves: they admit it unless the clause names a
partner or the customer as the doer ("the driver delivered it by mistake to number 41").
So do the words of what should have been done and was not ("it should have been sorted
last week", "aurait dû", "hätte man … müssen", "tenían que haber"). A failure told in the
passive with no doer (a ``passive`` word right before it: "the cut was missed") is ours
when the situation says the failure was ours, unless a ``journey`` word follows it
("damaged in transit").
So is one whose doer is a colleague named by first name ("Priya missed your slot", "and
Callum sent the wrong ones", "Lucie, à l'emballage, les a pris dans le mauvais bac"): a
word with a capital that opens its clause or follows a comma or a word that opens one, is
not the customer's name, and is not one of the ``not-name`` words ("The", "Die",
"Monday"). So is one named by their trade with no "our" (``staff``: "the fitter grabbed
the pair from the wrong shelf"), unless an object or someone else's
(``other-possessive``: "their packers").

A clause is not read when the failure word follows a condition, purpose, future or
indirect question ("if anything goes wrong", "to make sure nothing is lost", "to find out
what went wrong": the ``hedge`` words), when a denial stands right before it ("there was
no error on our side": the ``negation`` words; not before a failure word that is a
denial itself, whose "ne" that is: "nos équipes ne l'ont pas chargée") or among the words
after it where the doer is looked for ("no depende de nosotros"), when a verb of handling
comes first ("I've logged the bug", "according to our records": ``handling``), when the
word names a thing ("error messages": ``not-failure``), or when the sentence is a
question. The cost is paid only by texts that hold a failure word, and then only a word
split of that clause; what each word is, is learnt once per word (:data:`_FLAGS`).

:func:`tells_no_step` reads a sentence with the same words, for the next steps told as a
time (``rules/context.py``): a ``past``, ``negation`` or ``news`` word makes it no step.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from courtesy.rules.context import CheckContext

__all__ = ["CAUSE", "CONTRAST", "FAILURE", "MISTAKE", "TOKEN", "Attribution", "Roles",
           "attribution", "clause_start", "denials", "joining_pattern", "load_roles",
           "opens_with_condition", "tells_done", "tells_no_step"]

#: overlay topic: words of a failure, which count only once a clause names the doer
FAILURE = "failure"
#: overlay topic: words that call a deed a mistake in themselves
MISTAKE = "mistake"
#: overlay topic: words of cause, whose doer follows them ("due to the courier")
CAUSE = "cause"
#: how a failure word is read: its doer before it (else after), a mistake that admits
#: itself unless someone else is named, or a cause whose doer follows it
_PLAIN, _STRONG, _CAUSAL = 0, 1, 2

_OURS, _PARTNER, _CUSTOMER = 1, 2, 3
#: the reading stopped: at a verb of handling before the failure word ("I've logged the bug
#: with our developers"), or at a denial after it ("no depende de nosotros")
_HANDLED = 4
#: the failure word is denied or asked about (see :attr:`Attribution.denied`)
_DENIED = 5
#: the words of a clause, and its commas (which end a stretch and may lead a subject); the
#: "'t" of "don't" is a word of its own, so that it denies while French "t'attend" does not
TOKEN = re.compile(r"'t\b|\w+|,")
#: where a clause ends inside a sentence: a semicolon, a colon, a dash, or a comma before a
#: word of contrast
_CLAUSE_MARKS = (";", ":", "—", "–", " - ")
#: any of them, to tell in one search whether a sentence has one at all
_CLAUSE_MARK = re.compile("|".join(map(re.escape, _CLAUSE_MARKS)))
#: the word right after a failure word
_NEXT_WORD = re.compile(r" (\w+)")
#: a comma before a word of contrast: what follows may undo what went before ("we can't
#: refund the fare, but I've added a credit"); restitution.py reads refusals by it too
CONTRAST = re.compile(
    r",\s*(?:but|however|although|though|whereas|while|yet|aber|doch|jedoch|sondern|"
    r"allerdings|mais|cependant|pourtant|toutefois|pero|sino|aunque|sin\s+embargo)\b")
#: a doer after the failure word is looked for only this many words on, and not past a
#: word that opens another clause ("the parcel was lost, and we are sending a new one")
_AFTER_WORDS = 6
#: how many words before the failure word a denial may stand ("not our fault", "there was
#: no error")
_NEGATION_REACH = 3
#: a word of ours this close before a partner word makes the pair a partner ("our delivery
#: partner", "unseres Messstellenbetreibers", "nuestro proveedor"); this close after a
#: partner or the customer, it is an object ("le transporteur nous a livré", "usted nos
#: indicó")
_OURS_PARTNER_REACH = 2
#: how many words before a partner word an object lead may stand ("on the evening courier")
_LEAD_REACH = 3


@dataclass(frozen=True, slots=True)
class _WordSet:
    """Words, prefixes (``word*``) and suffixes (``*word``) of one role."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    suffixes: tuple[str, ...]

    def __contains__(self, word: object) -> bool:
        assert isinstance(word, str)
        return word in self.words or (bool(self.prefixes) and word.startswith(self.prefixes)) \
            or (bool(self.suffixes) and word.endswith(self.suffixes))


@dataclass(frozen=True, slots=True)
class Roles:
    """The sections of every language's ``agents.words``, merged."""

    #: the company speaking ("we", "our", "unser-", "notre", "nuestro", "-amos")
    ours: _WordSet
    #: third parties ("courier", "*betreiber", "transporteur", "restaurante")
    partner: _WordSet
    #: the customer as a subject ("you", "vous", "usted")
    customer: _WordSet
    #: possessives that make a partner word the customer's own ("your restaurant")
    customer_own: _WordSet
    #: words after a partner word that show it is not the doer (prepositions, compounds)
    not_doer: _WordSet
    #: prepositions before a partner word that make it an object ("sent to the bank"); not
    #: those of a passive's doer ("by", "von", "par", "por"). An entry "an_die" is two
    #: words in a row: German "an" leads an object only before its article, where English
    #: "an" is one ("an independent supplier")
    object_lead: frozenset[str]
    #: words that, right after a failure word, make it a thing's name ("error message")
    not_failure: _WordSet
    #: verbs of dealing with a failure ("fixed", "logged", "identified")
    handling: _WordSet
    #: conditions, purposes and futures ("if", "to make sure", "will"); whole words only
    hedge: frozenset[str]
    #: denials right before a failure word ("no error", "not our fault"); whole words only
    negation: frozenset[str]
    #: words that open another clause ("and", "because", "weil", "parce", "porque"); whole
    #: words only
    new_clause: frozenset[str]
    #: words after which "you" is the subject of its clause ("that", "because", "que");
    #: whole words only
    subject_lead: frozenset[str]
    #: future forms of a verb of ours, which promise rather than own ("*aremos", "*erons")
    future: _WordSet
    #: words that join a clause to an apology after it ("and", "aber", "mais", "pero"); whole
    #: words only (read by ``CheckContext``, which cuts an admission before the last one)
    joining: frozenset[str]
    #: words that give a reason after the failure word, whose doer is the failure's ("never
    #: left the depot because we were a driver short"); whole words only
    because: frozenset[str]
    #: subject pronouns of ours that, after a word of cause, begin the main clause rather
    #: than name the cause ("wegen Dauerregen verschieben wir"); whole words only
    main_subject: frozenset[str]
    #: words that tell what already happened ("was", "yesterday", "*ed", "war", "hier",
    #: "*ó"): a sentence with one is an account, not a step
    past: _WordSet
    #: words before a past word that make it present or perfect ("is booked", "have sent",
    #: "will be sent"); whole words only
    past_undo: frozenset[str]
    #: words that make a timed sentence news about a service rather than a step ("the pool
    #: is closed from 3 to 9 August", "gilt bis zum 30. Juni"); whole words only
    news: frozenset[str]
    #: words that tell a step as done ("I've", "already", "hemos", "bereits", "déjà"): a
    #: done step needs no time unless a ``future`` word promises more; whole words only
    done: frozenset[str]
    #: words that hand the matter to someone else ("passed", "forwarded", "weitergeleitet",
    #: "transmise", "trasladado"): a step done that way leaves the customer waiting, so it
    #: still needs a time; whole words only
    hand_off: frozenset[str]
    #: words of a price ("charge", "cost", "frais", "coste", "Aufpreis"): a denial one or two
    #: words before one offers something free ("at no charge", "sans frais", "sin ningún
    #: coste") and denies no step; whole words only
    cost: frozenset[str]
    #: auxiliaries of the passive ("was", "been", "wurde", "été", "fue"): a failure word
    #: right after one, with no doer named, in a reply to a failure of ours is ours ("the cut
    #: was missed"); whole words only
    passive: frozenset[str]
    #: where goods travel ("transit", "unterwegs", "acheminement", "tránsito"): a passive
    #: failure there ("damaged in transit") has no doer of ours; whole words only
    journey: frozenset[str]
    #: ``negation`` words that deny only the phrase after them ("without", "ohne", "sans",
    #: "sin"): amends after one are still given ("we'd make them, without lilies, at no
    #: cost"); whole words only
    phrase_negation: frozenset[str]
    #: words of a condition that may open a sentence ("if", "wenn", "si"): a promise in such
    #: a sentence is an offer that waits on the customer, and needs no time (EL004); whole
    #: words only
    condition: frozenset[str]
    #: words that open a sentence with a capital and are no colleague's name before a
    #: failure word ("The missed appointment", "Die falsche Hochrechnung", "It didn't");
    #: whole words only
    not_name: frozenset[str]
    #: the word that names the doer of a passive ("by", "von", "par", "por"); whole words
    passive_agent: frozenset[str]
    #: object pronouns of ours that are the doer only after a ``passive-agent`` word ("was
    #: taken twice this month by us"; elsewhere "us" is an object: "it never reached us");
    #: whole words only
    ours_object: frozenset[str]
    #: people at work named by their trade with no "our" ("the fitter", "el técnico", "der
    #: Monteur"): ours as the doer when the situation says the failure was ours; whole words
    staff: frozenset[str]
    #: possessives of a third party before a ``staff`` word ("their packers"); whole words
    other_possessive: frozenset[str]
    #: words that open a clause telling what followed from the one before ("so", "donc",
    #: "así", "sodass"): a failure there with no doer of its own has the previous clause's
    #: doer; whole words
    consequence: frozenset[str]
    #: pronouns for someone named before ("he", "she", "they", "il", "elle"): as a doer,
    #: they stand for the subject of their clause or of the clauses before; whole words
    anaphor: frozenset[str]
    #: titles before a name ("Mr", "Herr", "Mme", "Sra"): a sentence that opens with one
    #: opens with the name ("Herr Kaya hat Ihren Termin nicht übernommen"); whole words
    title: frozenset[str]
    #: words that tell a step under way ("now", "jetzt"): after "and" they end an admission
    #: ("Our van had a flat | and the crew are now on their way"); whole words
    now: frozenset[str]
    #: relative pronouns ("that", "who", "qui", "que", German "der" after a comma): after a
    #: partner word they open a clause about it, where a word of ours is no doer ("the taxi
    #: firm that carries our transfers didn't make its run"); whole words
    relative: frozenset[str]
    #: genitive articles ("des"): a partner after one owns the place before it, and a
    #: preposition after it places that place, it does not make the partner an object ("im
    #: Verteilzentrum des Paketdienstes in Hannover"); whole words
    genitive: frozenset[str]
    #: a pronoun of ours and a third-person auxiliary after it, as one entry ("nous_a",
    #: "nos_ha"): the pronoun is an object ("notre fournisseur nous a livrés avec deux heures
    #: de retard", "el proveedor nos ha enviado"), not the subject ("nous avons"); pairs
    #: only, since French "a" is Spanish "a" (to)
    third_person: frozenset[str]


_SECTIONS = ("ours", "partner", "customer", "customer-own", "not-doer", "object-lead",
             "not-failure", "handling", "hedge", "negation", "new-clause", "subject-lead",
             "future", "joining", "because", "main-subject", "past", "past-undo", "news",
             "done", "hand-off", "cost", "passive", "journey", "phrase-negation",
             "condition", "not-name", "passive-agent", "ours-object", "staff",
             "other-possessive", "consequence", "anaphor", "title", "now", "relative",
             "genitive", "third-person")
#: sections read as whole words only (a set test, no prefixes or suffixes)
_WHOLE_WORDS = frozenset({"hedge", "negation", "object-lead", "new-clause", "subject-lead",
                          "joining", "because", "main-subject", "past-undo", "news", "done",
                          "hand-off", "cost", "passive", "journey", "phrase-negation",
                          "condition", "not-name", "passive-agent", "ours-object", "staff",
                          "other-possessive", "consequence", "anaphor", "title", "now",
                          "relative", "genitive", "third-person"})


@cache
def load_roles() -> Roles:
    """Read ``lexicons/<lang>/agents.words`` of every shipped language (once)."""
    _FLAGS.clear()  # what each word is, is learnt afresh from these roles
    sections: dict[str, tuple[set[str], set[str], set[str]]] = {
        name: (set(), set(), set()) for name in _SECTIONS}
    base = resources.files("courtesy.rules") / "lexicons"
    for folder in sorted(base.iterdir(), key=lambda f: f.name):
        entry = folder / "agents.words"
        if not entry.is_file():
            continue
        current: tuple[set[str], set[str], set[str]] | None = None
        name = ""
        for number, raw in enumerate(entry.read_text("utf-8").splitlines(), 1):
            line = raw.strip()
            where = f"{folder.name}/agents.words:{number}"
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                name = line.strip("[]")
                if name not in sections:
                    raise ValueError(f"{where}: unknown section [{name}]; expected one of "
                                     f"{sorted(sections)}")
                current = sections[name]
                continue
            if current is None:
                raise ValueError(f"{where}: words before the first [section]")
            for word in line.lower().replace("’", "'").split():
                if "*" in word and name in _WHOLE_WORDS:
                    raise ValueError(f"{where}: [{name}] takes whole words, not {word!r}")
                if word.endswith("*"):
                    current[1].add(word[:-1])
                elif word.startswith("*"):
                    current[2].add(word[1:])
                else:
                    current[0].add(word)
    made: dict[str, Any] = {}
    for section, (words, prefixes, suffixes) in sections.items():
        made[section.replace("-", "_")] = frozenset(words) if section in _WHOLE_WORDS \
            else _WordSet(frozenset(words), tuple(sorted(prefixes)), tuple(sorted(suffixes)))
    return Roles(**made)


@cache
def denials() -> frozenset[str]:
    """The ``negation`` words that deny what follows them, not only the phrase after them
    ("not", "ne", "kein"; not "without", "sin", "sans", "ohne")."""
    roles = load_roles()
    return roles.negation - roles.phrase_negation


@cache
def joining_pattern() -> re.Pattern[str]:
    """A word of the ``joining`` sections with the comma and space before it ("…, and
    I'm sorry"): where an admission stops before an apology phrase that follows it."""
    words = sorted(load_roles().joining, key=lambda w: (-len(w), w))
    return re.compile(r"(?i)[,;]?\s+(?:" + "|".join(map(re.escape, words)) + r")\b")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The clauses that admit a failure of ours, and those that blame a partner, each as
    ``(start, end, failure word's start)``."""

    admissions: list[tuple[int, int, int]]
    partner_blame: list[tuple[int, int, int]]
    #: the clauses whose failure word is denied ("there was no error on our side") or asked
    #: about ("did our engineer fit the wrong valve?"): no admission, whatever else reads so
    denied: list[tuple[int, int]] = field(default_factory=list)


_NONE = Attribution([], [])


#: the topics whose phrases say who failed, so that a failure word inside one is not read
_SAID = ("apology", "blame-partner", "non-apology", "boilerplate")


def attribution(ctx: CheckContext) -> Attribution:
    """Read every clause that holds a failure word, once per check."""
    cached = ctx._cache.get(FAILURE)
    if cached is not None:
        return cached  # type: ignore[return-value]
    # the overlay topics with raw patterns ("wir haben Sie nicht angerufen", "it should have
    # been sorted last week", "geht auf eine fehlerhafte Charge zurück")
    failures = ctx.spans(FAILURE)
    mistakes = ctx.spans(MISTAKE)
    causes = ctx.spans(CAUSE)
    if not failures and not mistakes and not causes:
        ctx._cache[FAILURE] = _NONE
        return _NONE
    roles = load_roles()
    admissions: dict[tuple[int, int], int] = {}
    blame: dict[tuple[int, int], int] = {}
    denied: dict[tuple[int, int], None] = {}
    cues = sorted([(s, e, _PLAIN) for s, e in failures] + [(s, e, _STRONG) for s, e in mistakes]
                  + [(s, e, _CAUSAL) for s, e in causes])
    # a failure word inside a phrase that already says who failed ("sorry for our mistake",
    # "not our fault", "se me olvidó") is not read again: what the clause would add, the
    # phrase holds
    for topic in _SAID:
        ctx.match_lazy(topic)
    found = ctx.found
    said = [span for topic in _SAID for span in found.get(topic, [])]
    for start, end, how in cues:
        if said and any(s <= start and end <= e for s, e in said):
            continue
        verdict = _read_clause(ctx, roles, start, end, how)
        if verdict is not None:
            role, clause = verdict
            if role == _DENIED:
                denied[clause] = None
            else:
                (admissions if role == _OURS else blame).setdefault(clause, start)
    result = Attribution(sorted((s, e, cue) for (s, e), cue in admissions.items()),
                         sorted((s, e, cue) for (s, e), cue in blame.items()), sorted(denied))
    ctx._cache[FAILURE] = result
    return result


def _read_clause(ctx: CheckContext, roles: Roles, start: int, end: int,
                 how: int) -> tuple[int, tuple[int, int]] | None:
    """The doer of the failure word at ``start:end`` (ours or partner) and its clause."""
    text, norm = ctx.text, ctx.norm
    s0, s1 = ctx.sentence_at(start)
    if s1 <= s0:
        return None
    if text[s1 - 1] == "?":
        return _DENIED, (s0, s1)
    c0, c1 = s0, s1
    if _CLAUSE_MARK.search(norm, s0, s1) is not None:
        for mark in _CLAUSE_MARKS:
            at = norm.rfind(mark, c0, start)
            while at > 0 and mark == ":" and _in_time(norm, at):
                at = norm.rfind(mark, c0, at)  # "pushed at 09:40": a time, not a clause
            if at >= 0:
                c0 = at + len(mark)
            at = norm.find(mark, end, c1)
            while at > 0 and mark == ":" and _in_time(norm, at):
                at = norm.find(mark, at + 1, c1)
            if at >= 0:
                c1 = at
    for m in CONTRAST.finditer(norm, c0, c1):
        if m.start() < start:
            c0 = m.start() + 1
        elif m.start() >= end:
            c1 = m.start()
            break
    before = TOKEN.findall(norm, c0, start)
    if _hedged(roles, _since_last_opener(roles, before)):
        return None
    # a failure word that is a denial itself ("pas livré", "never arrived") has its other
    # half before it ("n'a pas été livré"): that is no denial of the failure
    if not roles.negation.isdisjoint(before[-_NEGATION_REACH:]) \
            and _flags(roles, _first_word(norm, start, end)) & _F_NEGATION == 0:
        return _DENIED, (c0, c1)
    following = _NEXT_WORD.match(norm, end, c1)
    if following is not None and _flags(roles, following.group(1)) & _F_NOT_FAILURE \
            and " " not in norm[start:end]:
        return None  # "our error messages can look alarming" (a phrase names no thing:
        # "printed with another order's message inside")
    # a cause names its doer after it: "your SIM was posted late because of a backlog on
    # our side" (the SIM did nothing)
    role = None if how == _CAUSAL else _nearest_before(roles, before, how == _STRONG)
    if role == _HANDLED:
        return None
    after: list[str] = []
    if role is None:
        after = TOKEN.findall(norm, end, c1)
        role = _first_after(roles, after, how == _CAUSAL)
        if role == _HANDLED:
            return None
    if role is None and how != _CAUSAL and ctx.our_fault:
        role = _anaphor_doer(ctx, roles, before, s0, c0)  # "… she double-booked the 2pm slot"
    if role is None and (how == _STRONG or (
            how == _PLAIN and ctx.our_fault and _passive(roles, norm, before, start, end)
            and roles.journey.isdisjoint(after[:_AFTER_WORDS]))
            or (how == _PLAIN and ctx.our_fault and (_named_doer(ctx, roles, s0, c0, start)
                                                     or _staff_doer(roles, before)))):
        # a mistake word admits itself; so does a failure told in the passive with no doer,
        # when the situation says the failure was ours ("the cut was missed at handover"),
        # unless it befell the goods on their way ("damaged in transit")
        role = _OURS
    if role not in (_OURS, _PARTNER):
        return None
    c1 = _before_next_step(roles, norm, end, c1)
    while c0 < c1 and not text[c0].isalnum():
        c0 += 1
    while c1 > c0 and text[c1 - 1] in " \t.,!":
        c1 -= 1
    return role, (c0, c1)


#: how many words after a joining word may tell that a step follows ("and the crew are now
#: on their way")
_STEP_REACH = 4


def _before_next_step(roles: Roles, norm: str, end: int, c1: int) -> int:
    """Where a clause that tells a failure ends, before a joining word ("and", not "so") that
    opens a step told in the future or under way now: "Our van had a flat on the A34 | and
    the crew are now on their way" (the step is no part of the admission, and stays a next
    step); not "…, and that is why it keeps losing pressure"."""
    for m in TOKEN.finditer(norm, end, c1):
        word = m.group()
        if word in roles.joining and word not in roles.consequence:
            after = TOKEN.findall(norm, m.end(), c1)[:_STEP_REACH]
            if any(_flags(roles, later) & _F_FUTURE or later in roles.now for later in after):
                return m.start()
    return c1


#: between a name and a failure word: at most two short words, such as auxiliaries ("has",
#: "s'est", "se", "hat")
_AUXILIARIES = 2
_AUXILIARY_LENGTH = 3

#: a word written with a capital that may be a person's name, followed by a comma or by a
#: word in lower case ("Callum packed", "Lucie, à l'emballage, les a pris")
_NAME = re.compile(r"(?<![\w'’.-])([^\W\d_][^\W\d_A-Z]+)(?=,|\s+[^\W\d_A-ZÀ-ÖØ-Þ])")


def _named_doer(ctx: CheckContext, roles: Roles, s0: int, c0: int, start: int) -> bool:
    """Whether a colleague named by first name is the doer before the failure word at
    ``start``, in a reply to a failure of ours: "and Callum packed the wrong frames", "Inés
    took the hems up 4 cm instead of 4 mm", "Lucie, à l'emballage, les a pris dans le mauvais
    bac". The name opens its clause, or follows a word that opens one ("and", "et", "y") or
    a comma; at the start of the sentence (after a title too: "Herr Kaya hat Ihren Termin
    nicht übernommen"), only close to the failure word ("Priya missed your slot"), since
    every sentence opens with a capital. Not the customer's own name."""
    text = ctx.text
    for m in _NAME.finditer(text, c0, start + 1):  # one letter more, for the look-ahead
        word = m.group(1)
        if m.start() >= start or not word[0].isupper():
            continue
        lower = word.lower()
        if lower in roles.not_name or lower in _customer_words(ctx) \
                or _flags(roles, lower) & _F_ROLE:
            continue
        lead = TOKEN.findall(ctx.norm, c0, m.start())
        titled = bool(lead) and c0 == s0 and roles.title.issuperset(lead)  # "Herr Kaya hat"
        if m.start() == s0 or titled or (not lead and text[c0:m.start()].strip() == ""
                                         and not _after_clause_mark(text, s0, m.start())):
            # the sentence's first word: a name only right before the failure word, after
            # an auxiliary ("Hugo s'est trompé", "Priya has missed", "Herr Kaya hat Ihren
            # Termin nicht übernommen"), or before a verb in the past ("Rubén cortó las
            # baldas a 58 cm en lugar de 68"); no other doer between (an object may be)
            between = TOKEN.findall(ctx.norm, m.end(), start)
            if between and (_any_flag(roles, between, _F_DOER) or not (
                    _is_past(roles.past, between[0])
                    or between[0] in roles.done or between[0] in roles.passive
                    or (len(between) <= _AUXILIARIES and all(
                        len(word) <= _AUXILIARY_LENGTH and word not in roles.not_name
                        for word in between)))):
                continue
        elif lead and lead[-1] != "," and lead[-1] not in roles.new_clause:
            continue  # "for Callum", "the National frames"
        return True
    return False


def _staff_doer(roles: Roles, before: list[str]) -> bool:
    """Whether someone named by their trade is the doer before the failure word, in a reply
    to a failure of ours: "the fitter grabbed the pair from the wrong shelf", "el mecánico
    no apretó bien la pinza". Not an object: "we sent it to the fitter"."""
    for i, word in enumerate(before):
        if word in roles.staff and not _any_flag(roles, before[max(0, i - 2) : i],
                                                 _F_OBJECT_LEAD | _F_CUSTOMER_OWN) \
                and not _lead_pair(roles, before, i) \
                and (i == 0 or before[i - 1] not in roles.other_possessive):
            return True
    return False


#: how many sentences back a pronoun looks for whom it stands for, and how many words of
#: each it reads: the subject opens a sentence ("Our receptionist took your call …")
_ANAPHOR_SENTENCES = 3
_SUBJECT_WORDS = 8


def _anaphor_doer(ctx: CheckContext, roles: Roles, before: list[str], s0: int,
                  c0: int) -> int | None:
    """The role of whom a pronoun doer stands for, in a reply to a failure of ours: the
    subject of its own clause ("Our technician ran it twice, which he should not have
    done"), of the clause before it ("notre graveur a inscrit … : il a recopié le prénom")
    or of the sentences before ("Our receptionist took your call on Monday. She
    double-booked the 2pm slot"). Ours for "our …" or a word of trade, a partner's for a
    partner word or "their driver"; ``None`` when the clause has no pronoun, or when the
    subject is the customer's ("Your daughter waited at the gate. She took the wrong bus")
    or names no one."""
    if not before or roles.anaphor.isdisjoint(before):
        return None
    at = max(i for i, word in enumerate(before) if word in roles.anaphor)
    subjects = [before[:at][:_SUBJECT_WORDS]] if at else []
    if c0 > s0:  # the clause before it in the same sentence ("notre graveur a inscrit … : il")
        subjects.append(TOKEN.findall(ctx.norm, s0, c0)[:_SUBJECT_WORDS])
    start = s0
    for _ in range(_ANAPHOR_SENTENCES):
        if start <= 0:
            break
        p0, p1 = ctx.sentence_at(start - 1)
        if p1 <= p0:
            break
        subjects.append(TOKEN.findall(ctx.norm, p0, p1)[:_SUBJECT_WORDS])
        start = p0
    for words in subjects:
        for i, word in enumerate(words):
            flags = _flags(roles, word)
            if flags & _F_CUSTOMER_OWN or flags & _F_CUSTOMER:
                return None  # the customer's own, or the customer
            if word in roles.staff:
                return _PARTNER if i and words[i - 1] in roles.other_possessive else _OURS
            if flags & _F_PARTNER:
                return _PARTNER
            if flags & _F_OURS and not flags & _F_FUTURE:
                return _PARTNER if _any_flag(
                    roles, words[i + 1 : i + 1 + _OURS_PARTNER_REACH], _F_PARTNER) else _OURS
    return None


#: the clause marks as they end the text before a word (" - " is "-" once stripped)
_CLAUSE_MARK_ENDS = tuple(mark.strip() for mark in _CLAUSE_MARKS)


def _after_clause_mark(text: str, s0: int, at: int) -> bool:
    """Whether a clause mark (":", ";", a dash) stands between the sentence start and
    ``at`` with only spaces after it."""
    return text[s0:at].rstrip().endswith(_CLAUSE_MARK_ENDS)


def _customer_words(ctx: CheckContext) -> frozenset[str]:
    """The customer's given, family and nick names, lower-cased, as words."""
    cached = ctx._cache.get("customer-words")
    if cached is None:
        name = ctx.customer.name if ctx.customer is not None else None
        parts = (name.given, name.family, name.nickname) if name is not None else ()
        cached = frozenset(w.lower() for part in parts if part
                           for w in re.findall(r"[^\W\d_]+", part))
        ctx._cache["customer-words"] = cached
    return cached  # type: ignore[return-value]


def _in_time(norm: str, at: int) -> bool:
    """Whether the colon at ``at`` stands between digits ("09:40")."""
    return norm[at - 1 : at].isdigit() and norm[at + 1 : at + 2].isdigit()


def _passive(roles: Roles, norm: str, before: list[str], start: int, end: int) -> bool:
    """Whether the failure word at ``start:end`` is told in the passive: a ``passive`` word
    right before it ("the cut was missed"), or, for a failure word that is a denial, among
    its own words with the denial ("n'avait pas été rechargée", "nicht richtig ausgerichtet
    worden", "hadn't been reset"), or a passive verb and a preposition right before it ("was
    printed with another order's message")."""
    if before and before[-1] in roles.passive:
        return True
    if len(before) >= 3 and before[-3] in roles.passive and _is_past(roles.past, before[-2]) \
            and before[-1] in roles.not_doer:
        return True
    words = TOKEN.findall(norm, start, end)
    return not roles.passive.isdisjoint(words) and not roles.negation.isdisjoint(words)


def _first_word(norm: str, start: int, end: int) -> str:
    """The first word of the failure word at ``start:end``."""
    found = TOKEN.match(norm, start, end)
    return found.group() if found is not None else ""


#: word → its role flags, learnt as words are met (bounded: cleared when it grows large, and
#: when :func:`load_roles` reads the roles again)
_FLAGS: dict[str, int] = {}
_FLAGS_LIMIT = 50_000
(_F_OURS, _F_PARTNER, _F_CUSTOMER, _F_CUSTOMER_OWN, _F_NOT_DOER, _F_HANDLING, _F_JOINT,
 _F_SUBJECT_LEAD, _F_NOT_FAILURE, _F_NEGATION, _F_OBJECT_LEAD, _F_FUTURE, _F_BECAUSE,
 _F_MAIN_SUBJECT, _F_PAST, _F_PAST_UNDO, _F_NEWS, _F_DONE, _F_HAND_OFF, _F_COST) = (
    1 << n for n in range(20))
#: how many words after a denial a word of price makes it a free offer ("at no extra cost")
_COST_REACH = 2


#: the flags that may stop the walk back over a clause
_F_ROLE = _F_OURS | _F_PARTNER | _F_CUSTOMER | _F_HANDLING | _F_JOINT
#: the roles that name another doer, or end the clause, after a colleague's name ("you" there
#: is an object: "Callum sent you the wrong size")
_F_DOER = _F_OURS | _F_PARTNER | _F_HANDLING | _F_JOINT


def _flags(roles: Roles, word: str) -> int:
    flags = _FLAGS.get(word)
    if flags is None:
        flags = (
            _F_OURS * (word in roles.ours) | _F_PARTNER * (word in roles.partner)
            | _F_CUSTOMER * (word in roles.customer)
            | _F_CUSTOMER_OWN * (word in roles.customer_own)
            | _F_NOT_DOER * (word in roles.not_doer) | _F_HANDLING * (word in roles.handling)
            | _F_JOINT * (word in roles.new_clause)
            | _F_SUBJECT_LEAD * (word in roles.subject_lead or word == ",")
            | _F_NOT_FAILURE * (word in roles.not_failure)
            | _F_NEGATION * (word in roles.negation)
            | _F_OBJECT_LEAD * (word in roles.object_lead)
            | _F_FUTURE * (word in roles.future)
            | _F_BECAUSE * (word in roles.because)
            | _F_MAIN_SUBJECT * (word in roles.main_subject)
            | _F_PAST * _is_past(roles.past, word)
            | _F_PAST_UNDO * (word in roles.past_undo)
            | _F_NEWS * (word in roles.news)
            | _F_DONE * (word in roles.done)
            | _F_HAND_OFF * (word in roles.hand_off)
            | _F_COST * (word in roles.cost))
        if len(_FLAGS) >= _FLAGS_LIMIT:
            _FLAGS.clear()
        _FLAGS[word] = flags
    return flags


def _is_past(past: _WordSet, word: str) -> bool:
    """Whether ``word`` is one of the ``past`` words, or ends like one ("*ed", "*ó") after a
    stem of three letters or more ("need", "red" and "bed" are no past tense)."""
    return word in past.words or any(
        word.endswith(suffix) and len(word) - len(suffix) >= 3 for suffix in past.suffixes)


def _nearest_before(roles: Roles, before: list[str], strong: bool = False,
                    joints: bool = True) -> int | None:
    """The role of the doer nearest before the failure word, walking back over the clause;
    :data:`_HANDLED` when a verb of handling comes first. Before a word that calls the deed
    a mistake (``strong``), a verb of handling is the deed itself ("qui a signalé à tort
    vos achats", "flagged wrongly", "our grounds team cleared plot 14B in error")."""
    known = _FLAGS.get
    last = len(before) - 1
    for i in range(last, -1, -1):
        if _ours_as_agent(roles, before, i):
            return _OURS  # "was sent by us to your previous address"
        f = known(before[i])
        if f is None:
            f = _flags(roles, before[i])
        if not f & _F_ROLE:
            continue
        if f & _F_HANDLING and not strong:
            return _HANDLED  # "we've logged the bug": not told as a failure of anyone's
        if f & _F_JOINT:
            if not joints:
                continue
            if _shares_subject(roles, before, i) and not _any_flag(roles, before[:i], _F_DONE):
                continue  # "we booked your tenor for March and then moved it back" (not
                # a remedy: "I've removed the false reading and reissued your bill")
            if before[i] in roles.consequence:
                # what followed from the clause before: its doer is the failure's ("our
                # slicer read it as millimetres, so everything came out too small")
                if _partner_as_agent(roles, before[:i]):
                    return _PARTNER  # "were swapped by Kestrel Logistics, the delivery
                    # firm we use at weekends, so the mix-up happened after…"
                cause = _nearest_before(roles, before[:i], joints=False)
                return cause if cause in (_OURS, _PARTNER) else None
            return None  # "I've checked and there's an outage"
        if f & _F_PARTNER:
            if _object_after(roles, before, i):
                continue  # "we booked the courier for the wrong day"
            if _led_as_object(roles, before, i):
                continue  # "a file was sent to the bank a second time"
            if i and _flags(roles, before[i - 1]) & _F_CUSTOMER_OWN:
                return _CUSTOMER  # "your bank declined it by mistake": theirs, not ours
            if i >= 3 and before[i - 1] == "s" \
                    and _flags(roles, before[i - 3]) & _F_CUSTOMER_OWN:
                return _CUSTOMER  # "the vests for your son's party": the customer's
            if _any_flag(roles, before[max(0, i - 3) : i], _F_HANDLING):
                continue  # "confirming the bank's error" to the landlord
            return _PARTNER
        if f & _F_OURS:
            if f & _F_FUTURE:
                return None  # "le llevaremos un colchón nuevo y nos llevaremos el dañado"
            if _any_flag(roles, before[max(0, i - _OURS_PARTNER_REACH) : i],
                         _F_PARTNER | _F_CUSTOMER | _F_HANDLING):
                continue  # an object: "the courier sent us", "usted nos indicó", "según
                # nuestro registro"
            if _in_partner_relative(roles, before, i):
                continue  # "the mailing firm that posts the magazine for us printed …"
            if i + 1 < len(before) and f"{before[i]}_{before[i + 1]}" in roles.third_person:
                continue  # an object before its verb: "notre fournisseur nous a livrés"
            if _any_flag(roles, before[i + 1 : i + 1 + _OURS_PARTNER_REACH], _F_PARTNER):
                return _PARTNER  # "our delivery partner"
            return _OURS
        if f & _F_CUSTOMER and (i == 0 or _flags(roles, before[i - 1]) & _F_SUBJECT_LEAD):
            return _CUSTOMER
    return None


#: how many words back from a word of ours a relative pronoun after a partner word is looked
#: for ("the Grasmere taxi firm that carries our transfers")
_RELATIVE_REACH = 6


def _in_partner_relative(roles: Roles, words: list[str], i: int) -> bool:
    """Whether the word of ours at ``words[i]`` stands in a relative clause about a partner,
    not right after its pronoun: "the taxi firm that carries our transfers", "le transporteur
    qui livre nos colis" (the partner is the subject; "the courier that we booked" is ours).
    The partner must be a subject itself, not the object of a lead ("we told the courier that
    our address had changed")."""
    for j in range(i - 2, max(0, i - _RELATIVE_REACH) - 1, -1):
        word = words[j]
        if word == "," or word in roles.new_clause:
            return False
        if word not in roles.relative:
            continue
        k = j - 2 if j >= 2 and words[j - 1] == "," else j - 1
        return k >= 0 and bool(_flags(roles, words[k]) & _F_PARTNER) \
            and not _led_as_object(roles, words, k, _F_OBJECT_LEAD | _F_HANDLING)
    return False


def _object_after(roles: Roles, words: list[str], i: int) -> bool:
    """Whether the word after the partner word at ``words[i]`` shows it is no doer: a
    preposition or a compound head ("we booked the courier for the wrong day", "paying by
    bank transfer"); not after a genitive article, where the partner owns a place ("im
    Verteilzentrum des Paketdienstes in Hannover")."""
    return i + 1 < len(words) and bool(_flags(roles, words[i + 1]) & _F_NOT_DOER) \
        and not (i and words[i - 1] in roles.genitive)


def _led_as_object(roles: Roles, words: list[str], i: int, leads: int = _F_OBJECT_LEAD) -> bool:
    """Whether the partner word at ``words[i]`` is an object: a lead (``object-lead``: "to",
    "with", "sent", "beim") up to :data:`_LEAD_REACH` words before it ("sent to the bank",
    "booked it on the evening courier"), or a lead of two words ("an die Bank")."""
    return _any_flag(roles, words[max(0, i - _LEAD_REACH) : i], leads) \
        or _lead_pair(roles, words, i)


def _lead_pair(roles: Roles, words: list[str], i: int) -> bool:
    """Whether the two words before ``words[i]`` are an object lead of two words ("an die
    Bank")."""
    return i >= 2 and f"{words[i - 2]}_{words[i - 1]}" in roles.object_lead


def _shares_subject(roles: Roles, words: list[str], i: int) -> bool:
    """Whether the joining word at ``words[i]`` ("and", "then") opens a second verb of the
    same subject, a past with no subject of its own: "we booked your tenor into the pit and
    then moved it back", not "I've checked and there's an outage"."""
    for word in words[i + 1 : i + 3]:
        if word not in roles.new_clause:
            return _is_past(roles.past, word) and word not in roles.past_undo \
                and not _flags(roles, word) & _F_ROLE
    return False


#: how many words after "by" may name the passive's doer ("by Kestrel Logistics")
_AGENT_REACH = 3


def _partner_as_agent(roles: Roles, words: list[str]) -> bool:
    """Whether a partner word follows a ``passive-agent`` word ("by the courier", "by
    Kestrel Logistics") within three words: the doer of a passive in ``words``."""
    return any(word in roles.passive_agent
               and _any_flag(roles, words[i + 1 : i + 1 + _AGENT_REACH], _F_PARTNER)
               for i, word in enumerate(words))


def _ours_as_agent(roles: Roles, words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is an object pronoun of ours after a ``passive-agent`` word, so
    the doer of the passive ("by us")."""
    return i > 0 and words[i] in roles.ours_object and words[i - 1] in roles.passive_agent


#: hedge words that are also names of months: next to a number they date, not hedge
#: ("printed your tickets for the 14 May performance instead of the 21st")
_MONTH_HEDGES = frozenset({"may"})
#: words before a month that make it a name, not a modal ("the May fee", "in May", "last May")
_MONTH_LEADS = frozenset({"the", "this", "last", "next", "in", "of", "since", "until", "from"})


def _hedged(roles: Roles, words: list[str]) -> bool:
    """Whether ``words`` hold a ``hedge`` word, a month next to a number or after an article
    or preposition aside."""
    hedges = roles.hedge.intersection(words)
    if not hedges:
        return False
    if not hedges <= _MONTH_HEDGES:
        return True
    last = len(words) - 1
    return any(word in hedges and not ((i > 0 and (words[i - 1].isdigit()
                                                   or words[i - 1] in _MONTH_LEADS))
                                       or (i < last and words[i + 1].isdigit()))
               for i, word in enumerate(words))


def _since_last_opener(roles: Roles, before: list[str]) -> list[str]:
    """The words after the last word that gives a reason ("because", "porque", "weil") or
    a comma and a joining word (", and", ", und"): a condition or purpose before it governs
    another clause ("para el viernes 17 y no estuvo lista porque pedimos mal la pieza")."""
    for i in range(len(before) - 1, -1, -1):
        if _flags(roles, before[i]) & _F_BECAUSE:
            return before[i + 1:]
        if i and before[i - 1] == "," and before[i] in roles.joining:
            return before[i + 1:]  # "Ihr Zaun sollte am Freitag stehen, und wir sind nicht
            # gekommen": a main clause of its own
    return before


def _any_flag(roles: Roles, words: list[str], flag: int) -> bool:
    known = _FLAGS.get
    for word in words:
        f = known(word)
        if f is None:
            f = _flags(roles, word)
        if f & flag:
            return True
    return False


def _first_after(roles: Roles, after: list[str], cause: bool = False) -> int | None:
    """The role of the first doer in the first :data:`_AFTER_WORDS` words of ``after``
    (the rest of the clause, which may still show that doer to be a partner: "a shortage
    of vehicles from our haulage partner"). After a word of ``cause``, a subject pronoun
    of ours begins the main clause: the cause named no doer ("wegen Dauerregen verschieben
    wir")."""
    reason = False
    for i, word in enumerate(after[:_AFTER_WORDS]):
        if _ours_as_agent(roles, after, i):
            return _OURS  # "was taken twice this month by us"
        flags = _flags(roles, word)
        if cause and i and flags & _F_MAIN_SUBJECT:
            return None
        if flags & _F_BECAUSE:
            reason = True
            continue  # the reason names the doer: "never left the depot because we were short"
        if flags & _F_JOINT or word == ",":
            return None  # "the parcel was lost, and we are sending a new one"
        if flags & _F_NEGATION:
            return _HANDLED  # "la incidencia no depende de nosotros": a denial
        if flags & _F_PARTNER:
            if _object_after(roles, after, i):
                continue  # "because of the bank holiday"
            if reason and _led_as_object(roles, after, i):
                continue  # an object in the reason: "porque al cambiar de banco la remesa
                # se envió" (but "le retard incombe au transporteur" blames it)
            return _PARTNER
        if flags & _F_OURS:
            return _PARTNER if _any_flag(roles, after[i + 1 : i + 1 + _OURS_PARTNER_REACH],
                                         _F_PARTNER) else _OURS
    return None


def tells_no_step(norm: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` of the normalised text is no next step, even
    with a time in it: it tells what already happened (a ``past`` word, "was", "left",
    "yesterday", "war", "hier", "llegó", that no ``past-undo`` word comes right before: "is
    booked", "have sent", "will be sent" tell a step), denies (a ``negation`` word: "the
    engineer can't come on Friday"; not one that a ``cost`` word follows: "we'll post it back
    the same day at no charge") or gives news about a service (a ``news`` word: "the pool is
    closed from 3 to 9 August")."""
    undo = False
    denied = 0  # words left in which a word of price may still follow a denial
    for f in _sentence_flags(norm, start, end):
        if denied:
            if f & _F_COST:
                denied = 0
                continue
            denied -= 1
            if not denied:
                return True
        if (f & _F_PAST and not undo) or f & _F_NEWS:
            return True
        if f & _F_NEGATION:
            denied = _COST_REACH
        undo = bool(f & _F_PAST_UNDO)
    return bool(denied)


def clause_start(norm: str, sentence_start: int, at: int) -> int:
    """Where the clause that holds ``at`` begins: after the last comma or semicolon before it
    in its sentence ("Ich habe die Platte bestellt, und unser Meister meldet sich": the
    second clause still promises; "ne sont pas remboursables, mais nous vous offrons un
    bon": the second clause still gives)."""
    return max(sentence_start, norm.rfind(",", sentence_start, at) + 1,
               norm.rfind(";", sentence_start, at) + 1)


def opens_with_condition(norm: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` of the normalised text opens with a
    ``condition`` word ("If it happens again, …", "Si esa hora no te va bien, …")."""
    first = TOKEN.search(norm, start, end)
    return first is not None and first.group() in load_roles().condition


def tells_done(norm: str, start: int, end: int) -> bool:
    """Whether the sentence at ``start:end`` of the normalised text tells a step as done ("I've
    removed the £5 charge", "ya le hemos devuelto los 12 €", "ich hab dir die Eintritte
    gebucht"): it holds a ``done`` word, and no ``future`` word ("I've cancelled it and
    we'll send a new one" still promises) nor ``hand-off`` word ("we've passed this to the
    billing team" leaves the customer waiting)."""
    done = False
    for f in _sentence_flags(norm, start, end):
        if f & (_F_FUTURE | _F_HAND_OFF):
            return False
        done = done or bool(f & _F_DONE)
    return done


def _sentence_flags(norm: str, start: int, end: int) -> Iterator[int]:
    """The role flags of each word of ``norm[start:end]``, in order (for reading a whole
    sentence rather than a clause around a failure word)."""
    roles = load_roles()
    known = _FLAGS.get
    for found in TOKEN.finditer(norm, start, end):
        word = found.group()
        f = known(word)
        if f is None:
            f = _flags(roles, word)
        yield f
