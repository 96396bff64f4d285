"""Measured accuracy on the labelled corpora (tests/corpus/*.jsonl).

Each record carries gold element spans (substrings of the text) and the rule codes a reviewer
expects. For the elements, a predicted span is correct when it overlaps a gold span
(precision), and a gold span is found when a predicted span overlaps it (recall).
Restitution is measured only on records whose gold has a ``restitution`` key (a record
without one is not counted for it, in either direction). For rule
families, a record counts once per family: expected and found (true positive), found only
(false positive), expected only (false negative). TN005 (low-politeness) is a score
threshold, not a labelled phenomenon: tests/test_tone.py validates it against the corpus.

Run with ``-s`` to see the table. The bar (0.9 precision for every element and family with
at least 5 predictions, 0.85 recall for those with at least 5 gold instances) is enforced on
every entry of every corpus except those in ``KNOWN_SHORT``, which are printed with their
numbers and the reason; an entry that has reached the bar is announced in the table so that
it can be taken off the list.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from courtesy import check

CORPUS = Path(__file__).parent / "corpus"
ELEMENT_KINDS = ("apology", "thanks", "next_steps", "restitution")
#: Element kinds every record labels; the others count only where a record has the key.
ALWAYS_LABELLED = ("apology", "thanks", "next_steps")
MIN_PRECISION = 0.9
MIN_RECALL = 0.85
MIN_GOLD = 5
#: Score-based rules validated elsewhere (tests/test_tone.py), not by the labels.
UNLABELLED = frozenset({"TN005"})
#: (corpus, entry) → why it is below the bar today. Everything else must meet it. EL001 and
#: EL003 ask the learned model (courtesy/rules/learned.py), which trains on every corpus but
#: the newest held-out ones: on those it trained on, their EL figures measure its fit; the
#: unseen held-out corpora measure how it generalises.
KNOWN_SHORT: dict[tuple[str, str], str] = {
    ("replies_fresh.jsonl", "FL"):
        "FL001 flags a specific reply whose closing line is canned ('please contact us'): "
        "a canned closer switches the specific-word test off",
    # Held-out 2 was written and labelled apart, while the second round of lexicon work went
    # on without seeing it; the misses are listed by record in the commit that added it.
    ("replies_holdout.jsonl", "FL"):
        "a stock reply with support words ('disruption in your area', 'an engineer') is not caught",
    # Held-out 3 was written apart from the clause reading of admissions and blame and
    # measured once unseen (docs/how-it-works.md, Accuracy); the second round of failure
    # words was then tuned on it.
    ("replies_holdout3.jsonl", "BL"):
        "blame told as responsibility ('the delay sits with them rather than with us', "
        "'ce manquement relève de sa responsabilité', 'causas ajenas a nuestra empresa')",
    # Held-out 4 was written apart from the clause reading's second round and measured once
    # unseen (docs/how-it-works.md, Accuracy); a few failure words were then added from it.
    ("replies_holdout4.jsonl", "next_steps"):
        "instructions and notices in replies that need no step ('Please bring your driving "
        "licence', 'You don't need to do anything') are counted as steps",
    ("replies_holdout4.jsonl", "CH"):
        "a German SMS with „…“ quotes is not reported as using characters outside GSM 03.38",
    # Held-out 5 was written apart from everything of the session that added held-out 3 and
    # 4, and measured once unseen (docs/how-it-works.md, Accuracy); then a few fixes.
    ("replies_holdout5.jsonl", "restitution"):
        "goodwill in other words ('2,000 Skyward points as a gesture of goodwill'); a refund "
        "process explained to a customer at no fault of ours",
    ("replies_holdout5.jsonl", "CT"):
        "'escríbenos aquí' in a text message is a way to reach us, not CT003; a move to "
        "another team is read as a transfer (CT002) rather than a contact request",
    ("replies_holdout5.jsonl", "TM"):
        "amends in new words missed, so TM007 reports restitution that is there; a past date "
        "read as a promise (TM003)",
    # Held-out 6 was written by a helper told to write as another team would (other
    # industries and voices), apart from all of the session that added held-out 3 to 5, and
    # measured once unseen (docs/how-it-works.md, Accuracy); then a few fixes.
    ("replies_holdout6.jsonl", "TN"):
        "a curt reply with no thanks or please is not scored low enough (TN005); a missed "
        "defensive phrase (TN003)",
    # A time told in the present or future is a step (context.next_step_spans): schedules
    # of a service told as news ('the Sunday spin class at 10am is back from this week',
    # 'from 1 July our lessons go up to £38') read as steps too.
    # Held-out 7 was written apart from all of this work and measured once, at its merge
    # (docs/how-it-works.md, Accuracy); a fourth round of words was then tuned on it.
    ("replies_holdout7.jsonl", "CT"):
        "'écrivez-nous' in a reply that says where; a partner's line given in a public "
        "reply missed (CT002)",
    # Held-out 8 was written apart from all of this work and measured once, at its merge
    # (docs/how-it-works.md, Accuracy); only the NM001 false positive it showed was fixed.
    # Write a held-out 9 before tuning on it.
    # Held-out 9 was written apart from all of this work and measured once, at its merge
    # (docs/how-it-works.md, Accuracy); the two false BL001 and two false admissions it
    # showed were then fixed. Write a held-out 10 before tuning on it further.
    ("replies_holdout9.jsonl", "restitution"):
        "amends in plain verbs ('We will pay the £100 penalty in full', 'You're welcome to "
        "keep the first copy'); 'at no charge' and 'voucher' where nothing is given",
    # Held-out 11 was written apart from the code and measured once at its merge
    # (docs/how-it-works.md, Accuracy); the lexicon work after that was tuned on it.
    ("replies_holdout11.jsonl", "CH"):
        "the labeller expected CH001 where the customer's own name ('Şahin', 'Lucía') keeps "
        "the SMS in UCS-2 whatever else is replaced: by design, nothing to fix",
    ("replies_holdout11.jsonl", "CT"):
        "'please email our refunds team' labelled a transfer (CT002); courtesy reads our own "
        "team as a route, not a transfer",
    # Held-out 12 was measured once at its merge, at the end of the work tuned on held-out
    # 10 and 11 (docs/how-it-works.md, Accuracy); what followed was tuned on it.
    ("replies_holdout12.jsonl", "TM"):
        "an SMS signed after its phone number ('Fragen? 08031 496 2210, Sabine Wörl') not "
        "seen as signed (TM006), and a team's signature ('El equipo de Atención al Cliente') "
        "taken for a person's",
    ("replies_holdout12.jsonl", "TN"):
        "'Laut unseren AGB', 'según nuestro protocolo' read as defensive (TN002) where the "
        "labeller did not; an announcement read as impolite (TN005)",
    # Held-out 13 was written apart from all of the above and measured once at its merge
    # (docs/how-it-works.md, Accuracy); held-out 14 was written before any tuning on it.
    # Held-out 14 was measured once at its merge, at the end of the work tuned on held-out
    # 10 to 13 (docs/how-it-works.md, Accuracy); held-out 15 was written before any tuning
    # on it.
    ("replies_holdout14.jsonl", "CT"):
        "transfers to a partner told in new words ('Wenden Sie sich direkt an dessen "
        "Haftpflicht') and a no-reply notice in new words (CT001)",
    ("replies_holdout14.jsonl", "EL"):
        "next steps told as facts missed, so EL003 reports replies that have them",
    ("replies_holdout13.jsonl", "EL"):
        "next steps and admissions missed, so EL003 and EL001 report what is there",
    ("replies_holdout13.jsonl", "TM"):
        "a delay with a new date told as a fact read as without one (TM004); amends missed "
        "(TM007)",
    # Held-out 15 was measured once at its merge, at the end of the work tuned on held-out
    # 10 to 14 (docs/how-it-works.md, Accuracy); held-out 16 was written before any tuning
    # on it.
    ("replies_holdout15.jsonl", "restitution"):
        "amends in words no lexicon holds ('a glass of champagne each will be waiting for "
        "you', 'we'll fit a new cover free', '10 replacement tetras, no charge')",
    ("replies_holdout15.jsonl", "BL"):
        "blame told as whose rules apply or who must be contacted, with no failure word; "
        "'porque al cambiar de banco' read as the bank failing where the reply owns it",
    ("replies_holdout15.jsonl", "TM"):
        "a weekday that does not match its date, written in a form not read (TM008); amends "
        "missed (TM007)",
    # Held-out 16 was measured once at its merge, at the end of the work tuned on held-out
    # 10 to 15 (docs/how-it-works.md, Accuracy); held-out 17 was written before any tuning
    # on it.
    ("replies_holdout16.jsonl", "TM"):
        "waits acknowledged in new words missed (TM001); amends missed (TM007)",
    ("replies_holdout16.jsonl", "TN"):
        "bare requests in new words missed (TN003); an automatic reply read as impolite "
        "(TN005)",
    # Held-out 17 was measured once at its merge, at the end of the session that tuned on
    # held-out 10 to 16, then used to tune once held-out 18 was being written.
    ("replies_holdout17.jsonl", "restitution"):
        "amends in words no lexicon holds",
    ("replies_holdout17.jsonl", "CT"):
        "no-reply notices and transfers in new words (CT001, CT002)",
    ("replies_holdout17.jsonl", "TM"):
        "past dates in an account of what happened read as slow promises (TM003)",
    ("replies_holdout17.jsonl", "TN"):
        "arguing and bare requests in new words missed (TN004, TN003)",
    # Held-out 27 was written apart from the code at the end of the session that wrote
    # held-out 26, and measured once at its merge (against the session's start, bba94f1:
    # apology 0.94 / 0.86 -> 0.95 / 0.86, restitution 0.91 / 0.83 unchanged, next steps
    # 0.95 / 0.85 -> 0.94 / 0.86), and once more, still unread, when held-out 28 was merged
    # (80368d7: apology 0.96 / 0.86, the rest unchanged); the same session then read it and
    # tuned on it while held-out 28 stayed unseen.
    ("replies_holdout27.jsonl", "CT"):
        "a transfer to a partner told as where a refund must be claimed ('any refund for "
        "the food will need to be claimed from them directly') missed (CT002)",
    # Held-out 38 was written apart from the code late in session 13 by a helper (a third
    # small owner-run firms, a quarter large organisations) and measured before anyone read
    # it, at the session's start (17fcae8) and at 1c5ad09: next steps 0.86 / 0.93 ->
    # 0.89 / 0.92, EL 0.67 / 0.91 -> 0.63 / 0.91, the rest unchanged. Not read.
    ("replies_holdout38.jsonl", "next_steps"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout38.jsonl", "restitution"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout38.jsonl", "EL"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout38.jsonl", "BL"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout38.jsonl", "CT"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout38.jsonl", "TM"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    # Held-out 36 and 37 were written apart from the code in session 13 by helpers and
    # measured before anyone read them, at the session's start (17fcae8) and end (133c384):
    # held-out 36 apology 0.87 / 0.91 -> 0.88 / 0.91, next steps 0.92 / 0.96 -> 0.93 / 0.97,
    # EL 0.93 / 0.93 -> 0.92 / 0.86; held-out 37 next steps 0.88 / 0.93 -> 0.89 / 0.93, the
    # rest unchanged. Their misses have not been read.
    ("replies_holdout36.jsonl", "restitution"):
        "a redo of our own work at no charge labelled as amends ('rebind it in the green this "
        "week at no charge'), a gift in a sentence of its own ('eine neue Feier für 8 "
        "Kinder'); a refund talked about read as amends",
    ("replies_holdout36.jsonl", "BL"):
        "not read yet (the learned model trains on it since held-out 38 was merged)",
    ("replies_holdout36.jsonl", "FL"):
        "not read yet (the learned model trains on it since held-out 38 was merged)",
    ("replies_holdout36.jsonl", "TM"):
        "not read yet (the learned model trains on it since held-out 38 was merged)",
    ("replies_holdout36.jsonl", "TN"):
        "not read yet (the learned model trains on it since held-out 38 was merged)",
    ("replies_holdout37.jsonl", "apology"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout37.jsonl", "next_steps"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout37.jsonl", "restitution"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout37.jsonl", "CT"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout37.jsonl", "EL"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    ("replies_holdout37.jsonl", "NM"):
        "not read yet: held-out 37 and 38 stay unseen, the learned model's test set",
    # Held-out 35 was written apart from the code in session 13 by a helper told to spread
    # the rules (most codes once) and measured before anyone read it, at the session's start
    # (17fcae8: apology 0.95 / 0.91, next steps 0.87 / 0.96, restitution 0.78 / 0.82) and
    # at 55c81ff (apology 0.96 / 0.91, next steps 0.88 / 0.96). Its misses have not been read.
    ("replies_holdout35.jsonl", "restitution"):
        "not read yet (the learned model trains on it since held-out 37 was merged)",
    ("replies_holdout35.jsonl", "TM"):
        "a free redo ('re-clean the lace and re-box the dress free of charge') labelled as "
        "amends, so TM007 reports amends that the labeller saw",
    # Held-out 34 was written apart from the code in session 12 and measured before anyone
    # read it, at the session's start (5b60192: apology 0.97 / 0.80, next steps 0.89 / 0.86,
    # restitution 0.84 / 0.80, BL 1.00 / 0.38) and at 76068ff (apology 0.97 / 0.84, next
    # steps 0.88 / 0.92, BL 1.00 / 0.44). Its misses have not been read.
    ("replies_holdout34.jsonl", "BL"):
        "a partner in a word no list holds ('unserem Tischlereibetrieb, der die Korpusse erst "
        "gestern Abend geliefert hat'); an SMS without accents ('que no los subio al camion'); "
        "a maker's fault told as 'por parte de Grillmaster, el fabricante'",
    ("replies_holdout34.jsonl", "restitution"):
        "not read yet (the learned model trains on it since held-out 37 was merged)",
    # Held-out 33 was written apart from the code in session 12 and measured before anyone
    # read it, at edeb51d (apology 0.96 / 0.81, next steps 0.93 / 0.92, restitution
    # 0.85 / 0.83, BL 1.00 / 0.75, TN recall 0.56). Read in session 13, once held-out 35
    # was merged: transfers to "them", regret of how the customer takes it, bare requests,
    # amends in new words.
    ("replies_holdout33.jsonl", "restitution"):
        "an offer of a refund after a failure not ours ('reply REFUND and your £35 comes "
        "back'), talk of compensation to come; a fresh item sent as a replacement "
        "('schicken wir Ihnen morgen eine frische Dose', 'Un nuevo lote de 500 lombrices')",
    ("replies_holdout33.jsonl", "CH"):
        "a French SMS with « » and ’ expected to switch to UCS-2 (CH001), where the "
        "customer's name ('Lemaître') needs UCS-2 anyway: the rule's reading, not a miss",
    # Held-out 32 was written apart from the code at the start of session 12 and measured
    # before anyone read it, at 5b60192 (apology 0.98 / 0.74, next steps 0.93 / 0.85,
    # restitution 0.79 / 0.78, BL 0.88 / 0.50) and with the learned model's sentences in the
    # elements (apology 0.96 / 0.83, next steps 0.90 / 0.89). Its misses have not been read.
    ("replies_holdout32.jsonl", "restitution"):
        "not read yet: held-out 32 is unread, though the learned model now trains on it",
    ("replies_holdout32.jsonl", "BL"):
        "not read yet: held-out 32 is unread, though the learned model now trains on it",
    ("replies_holdout32.jsonl", "EL"):
        "not read yet: held-out 32 is unread, though the learned model now trains on it",
    ("replies_holdout32.jsonl", "FL"):
        "not read yet: held-out 32 is unread, though the learned model now trains on it",
    ("replies_holdout32.jsonl", "TM"):
        "not read yet: held-out 32 is unread, though the learned model now trains on it",
    # Held-out 31 was written apart from the code while the session tuned on held-out 29,
    # and measured once at its merge: every measure the same as at the session's start
    # (3b0c0af). Its misses have not been read, so that it stays unseen.
    ("replies_holdout31.jsonl", "BL"):
        "not read yet: held-out 31 is unread, though the learned model now trains on it",
    ("replies_holdout31.jsonl", "EL"):
        "not read yet: held-out 31 is unread, though the learned model now trains on it",
    ("replies_holdout31.jsonl", "TM"):
        "not read yet: held-out 31 is unread, though the learned model now trains on it",
    # Held-out 30 was written apart from the code while the session tuned on held-out 29,
    # and measured at its merge and again once held-out 31 was merged: every measure the
    # same as at the session's start (3b0c0af). Session 12 read it (BL recall 0.47 -> 0.67,
    # restitution 0.88 / 0.85 -> 0.89 / 0.94) while held-out 32 and 33 stayed unseen.
    ("replies_holdout30.jsonl", "restitution"):
        "gifts and mentions read as amends ('There's no charge for the …', 'Gutschrift', "
        "'auf unsere Kosten')",
    ("replies_holdout30.jsonl", "EL"):
        "EL004 expected where the failure was not ours (the rule asks only when it was), and "
        "on a promise to work on it ('is working to resolve this as soon as possible')",
    ("replies_holdout30.jsonl", "FL"):
        "a German form letter in new words missed (FL001)",
    # Held-out 29 was written apart from the code while the session tuned on held-out 26
    # and 27, and measured once at its merge (against the session's start, 91086b8:
    # restitution 0.94 / 0.77 -> 0.94 / 0.80, apology and blame unchanged); the next session
    # read it and tuned on it while held-out 30 stayed unseen.
    # Held-out 28 was written apart from the code while the session tuned on held-out 26,
    # and measured once at its merge: every measure the same as at the session's start
    # (91086b8); measured again, still unread, once held-out 27 had been tuned on (apology
    # recall 0.78 -> 0.81, blame recall 0.69 -> 0.75), then read and tuned on while
    # held-out 29 stayed unseen.
    ("replies_holdout28.jsonl", "restitution"):
        "amends named without being given read as amends ('a voucher', 'back on your "
        "account', '% off' in a policy)",
    ("replies_holdout28.jsonl", "CH"):
        "an accent in a Spanish text message ('día') not flagged (CH001): the customer's "
        "name ('Lucía') needs the same encoding, so it costs no extra segment; its "
        "labeller counted it",
    ("replies_holdout28.jsonl", "FL"):
        "a short French reply with no detail of the order read as a form letter (FL001), "
        "which its labeller did not count",
    # Held-out 26 was written apart from the code while the session tuned on held-out 25,
    # and measured once at its merge (against the session's start, bba94f1: apology
    # 0.98 / 0.82 -> 0.98 / 0.84, restitution 0.92 / 0.77 -> 0.93 / 0.82); the next session
    # read it and tuned on it while held-out 27 stayed unseen.
    ("replies_holdout26.jsonl", "EL"):
        "a promise that waits on the customer's message ('Please DM us … and we'll send you "
        "two free tickets') not counted as needing a time (EL004), where most corpora count "
        "it; a done step in an over-promise sentence read as an untimed one",
    # Held-out 25 was written apart from the code at the end of the session that tuned on
    # held-out 22 and 23, and measured once at its merge (against the session's start:
    # apology 0.99 / 0.73 -> 0.96 / 0.78, restitution 0.93 / 0.55 -> 0.91 / 0.63). The next
    # session, with held-out 26 written, read its misses and tuned on it (restitution 0.86,
    # apology 0.83).
    ("replies_holdout25.jsonl", "next_steps"):
        "steps told as done facts ('The corrected invoice is attached', 'We took the swing "
        "beam down this morning') missed; policy and 'please note' sentences read as steps",
    ("replies_holdout25.jsonl", "BL"):
        "blame told with no failure word ('Vouchers bought through Giftory are issued and "
        "dated by them'); agency staff we bring in read as ours",
    ("replies_holdout25.jsonl", "CT"):
        "'ce n'est pas de notre ressort' after a partner's failure read as a transfer, "
        "labelled as blame (CT002)",
    ("replies_holdout25.jsonl", "EL"):
        "admissions missed, so EL001 reports an apology that is there; the labeller did not "
        "count a transfer to the customer as a step needing a time (EL004), which most "
        "corpora do",
    ("replies_holdout25.jsonl", "TN"):
        "a curt 'sorry if it caused any confusion' and a bare 'Bring socks next time' not "
        "scored low (TN001, TN003)",
    # Held-out 24 was written apart from the code and measured once at its merge, at the end
    # of the session that tuned on held-out 22 and 23. Against the session's start: apology
    # 0.92 / 0.71 -> 0.93 / 0.76 (0.78 after the session's last readings), restitution
    # 0.88 / 0.70 -> 0.90 / 0.82. The next session tuned on it (restitution 0.93).
    ("replies_holdout24.jsonl", "NM"):
        "a closing 'Thanks' after a comma read as another person addressed (NM002)",
    ("replies_holdout24.jsonl", "TN"):
        "bare requests and a curt reply not scored low enough (TN003, TN001)",
    # Held-out 23 was written apart from the code and measured once at its merge (apology
    # 0.97 / 0.62, restitution 0.85 / 0.66, BL recall 0.69); then tuned on while held-out
    # 24 was written.
    ("replies_holdout23.jsonl", "restitution"):
        "amends talked about ('a voucher', 'le remboursement') read as given",
    ("replies_holdout23.jsonl", "CT"):
        "transfers in new words missed (CT002); a colleague's direct line read as a transfer",
    ("replies_holdout23.jsonl", "TM"):
        "admissions and amends missed, so TM007 and TM005 report what is there",
    ("replies_holdout23.jsonl", "TN"):
        "a policy cited plainly read as defensive ('Comme le précisent nos conditions')",
    # Held-out 22 was written apart from the code and measured once at its merge, at the end
    # of the session that tuned on held-out 20 and 21; tuned on once held-out 23 was written.
    ("replies_holdout22.jsonl", "restitution"):
        "a free redo labelled as amends ('reprinting all 120 invitations at no charge'); "
        "amends after no failure of ours missed ('I've knocked the charge down to £3.20'); "
        "refunds talked about read as amends",
    ("replies_holdout22.jsonl", "CT"):
        "transfers to other firms in new words (CT002)",
    ("replies_holdout22.jsonl", "NM"):
        "an interjection ('Oh') after a comma read as another person addressed (NM002)",
    # Held-out 21 was written apart from the code and measured at its merge and again after
    # the work tuned on held-out 20; then tuned on once held-out 22 was written.
    ("replies_holdout21.jsonl", "TM"):
        "deliveries told in new words asked for tracking (TM005); a weekday in an account "
        "of what happened read as a slow promise (TM003)",
    # Held-out 20 was written to be hard (a third with transfers, refused amends and
    # admissions in plain verbs) and measured unseen three times, then tuned on once held-out
    # 21 was written.
    ("replies_holdout20.jsonl", "restitution"):
        "amends in new words missed ('give you your next session free', 'keep the lemon one "
        "with our compliments')",
    ("replies_holdout20.jsonl", "EL"):
        "an admission and a step missed, so EL001 and EL003 report what is there; a promise "
        "with a price and a request read as needing a time (EL004)",
    ("replies_holdout20.jsonl", "TM"):
        "a reply whose late item has arrived is asked for tracking (TM005)",
    # Held-out 19 was measured once at its merge, at the end of the work tuned on held-out 17
    # and 18, then used to tune once held-out 20 was written.
    ("replies_holdout19.jsonl", "CT"):
        "'call him directly on 07700 900 412', our own engineer, read as a transfer (CT002)",
    ("replies_holdout19.jsonl", "TN"):
        "bare requests in new words missed (TN003); a policy citation the labeller did not "
        "flag (TN002)",
    # Held-out 18 was measured once at its merge, after the first fixes taken from held-out
    # 17 (the state 98a2ffb); then used to tune.
    ("replies_holdout18.jsonl", "CH"):
        "one SMS rule missed in Spanish (CH001)",
    ("replies_holdout18.jsonl", "NM"):
        "a bare 'Hola' to a known customer reads as no name (NM008), which the labeller "
        "accepts in chat",
    ("replies_holdout18.jsonl", "TM"):
        "timing facts the labeller did not count as late (TM004, TM007, TM001)",
    ("replies_holdout18.jsonl", "TN"):
        "conditional regret and policy citations in new words (TN001, TN002); TN005 on "
        "a curt reply the labeller did not flag",
    ("replies_holdout10.jsonl", "FL"):
        "stock replies in German and Spanish with specific-looking words not taken for form "
        "letters (FL001); a repeat contact not acknowledged in new words (FL005)",
    ("replies_holdout10.jsonl", "TN"):
        "'Wir bitten um Verständnis' read as defensive (TN002); defensive phrases in new "
        "words missed (TN003, TN004)",
}


@dataclass
class Tally:
    """Counts for one element or family."""

    predicted: int = 0
    predicted_ok: int = 0
    gold: int = 0
    gold_found: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.predicted_ok / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else 1.0

    def short(self) -> list[str]:
        """What falls short of the bar. Recall needs enough gold to be judged, precision
        enough predictions: a family with no gold labels and five false findings fails."""
        out = []
        if self.predicted >= MIN_GOLD and self.precision < MIN_PRECISION:
            out.append(f"precision {self.precision:.3f} < {MIN_PRECISION}")
        if self.gold >= MIN_GOLD and self.recall < MIN_RECALL:
            out.append(f"recall {self.recall:.3f} < {MIN_RECALL}")
        return out


def _load(name: str) -> list[dict[str, Any]]:
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _gold_spans(record: dict[str, Any], kind: str) -> list[tuple[int, int]]:
    text = record["text"]
    spans = []
    for piece in record["gold"][kind]:
        at = text.find(piece)
        assert at >= 0, f"{record['id']}: gold {kind} {piece!r} is not in the text"
        spans.append((at, at + len(piece)))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@cache
def measure(name: str) -> dict[str, Tally]:
    """Tallies per element kind and per rule family over one corpus file."""
    tallies: dict[str, Tally] = {}
    for record in _load(name):
        report = check(record["text"], customer=record["customer"],
                       situation=record["situation"], channel=record["channel"])
        for kind in ELEMENT_KINDS:
            if kind not in record["gold"] and kind not in ALWAYS_LABELLED:
                continue
            tally = tallies.setdefault(kind, Tally())
            gold = _gold_spans(record, kind)
            predicted = [(s.start, s.end) for s in report.elements[kind]]
            tally.predicted += len(predicted)
            tally.predicted_ok += sum(any(_overlaps(p, g) for g in gold) for p in predicted)
            tally.gold += len(gold)
            tally.gold_found += sum(any(_overlaps(p, g) for p in predicted) for g in gold)
        expected = {code[:2] for code in record["expected"] if code not in UNLABELLED}
        found = {f.rule[:2] for f in report.findings if f.rule not in UNLABELLED}
        for family in expected | found:
            tally = tallies.setdefault(family, Tally())
            tally.predicted += family in found
            tally.predicted_ok += family in found and family in expected
            tally.gold += family in expected
            tally.gold_found += family in found and family in expected
            if (family in found) != (family in expected):
                tally.misses.append(record["id"] + (" (extra)" if family in found else ""))
    return tallies


def _table(name: str, title: str, tallies: dict[str, Tally]) -> str:
    rows = [f"{title}", f"  {'':12} {'precision':>9} {'recall':>7} {'gold':>5}  verdict"]
    for key in sorted(tallies, key=lambda k: (k not in ELEMENT_KINDS, k)):
        t = tallies[key]
        verdict = "; ".join(t.short()) or ("ok" if max(t.gold, t.predicted) >= MIN_GOLD
                                           else "(< 5 gold or found)")
        known = KNOWN_SHORT.get((name, key))
        if known is not None:
            verdict = (f"KNOWN SHORT: {verdict} ({known})" if t.short()
                       else "meets the bar now: take it off KNOWN_SHORT")
        rows.append(f"  {key:12} {t.precision:9.3f} {t.recall:7.3f} {t.gold:5}  {verdict}")
    return "\n".join(rows)


@pytest.fixture(scope="module", autouse=True)
def _print_tables() -> Any:
    yield
    print()
    for name, title in TITLES.items():
        print(_table(name, f"{title} (tests/corpus/{name})", measure(name)))


TITLES = {"replies_en.jsonl": "English", "replies_intl.jsonl": "German/French/Spanish",
          "replies_timing.jsonl": "Timing facts (en/de/fr/es)",
          "replies_fresh.jsonl": "Held-out (fresh, en/de/fr/es)",
          "replies_holdout.jsonl": "Held-out 2 (en/de/fr/es)",
          "replies_holdout3.jsonl": "Held-out 3 (en/de/fr/es)",
          "replies_holdout4.jsonl": "Held-out 4 (en/de/fr/es)",
          "replies_holdout5.jsonl": "Held-out 5 (en/de/fr/es)",
          "replies_holdout6.jsonl": "Held-out 6 (en/de/fr/es)",
          "replies_holdout7.jsonl": "Held-out 7 (en/de/fr/es)",
          "replies_holdout8.jsonl": "Held-out 8 (en/de/fr/es)",
          "replies_holdout9.jsonl": "Held-out 9 (en/de/fr/es)",
          "replies_holdout10.jsonl": "Held-out 10 (en/de/fr/es)",
          "replies_holdout11.jsonl": "Held-out 11 (en/de/fr/es, a quarter chat and SMS)",
          "replies_holdout12.jsonl": "Held-out 12 (en/de/fr/es, a third not our fault)",
          "replies_holdout13.jsonl": "Held-out 13 (en/de/fr/es)",
          "replies_holdout14.jsonl": "Held-out 14 (en/de/fr/es)",
          "replies_holdout15.jsonl": "Held-out 15 (en/de/fr/es)",
          "replies_holdout16.jsonl": "Held-out 16 (en/de/fr/es)",
          "replies_holdout17.jsonl": "Held-out 17 (en/de/fr/es)",
          "replies_holdout18.jsonl": "Held-out 18 (en/de/fr/es)",
          "replies_holdout19.jsonl": "Held-out 19 (en/de/fr/es)",
          "replies_holdout20.jsonl": "Held-out 20 (en/de/fr/es, hard cases)",
          "replies_holdout21.jsonl": "Held-out 21 (en/de/fr/es)",
          "replies_holdout22.jsonl": "Held-out 22 (en/de/fr/es)",
          "replies_holdout23.jsonl": "Held-out 23 (en/de/fr/es)",
          "replies_holdout24.jsonl": "Held-out 24 (en/de/fr/es)",
          "replies_holdout25.jsonl": "Held-out 25 (en/de/fr/es)",
          "replies_holdout26.jsonl": "Held-out 26 (en/de/fr/es)",
          "replies_holdout27.jsonl": "Held-out 27 (en/de/fr/es)",
          "replies_holdout28.jsonl": "Held-out 28 (en/de/fr/es)",
          "replies_holdout29.jsonl": "Held-out 29 (en/de/fr/es)",
          "replies_holdout30.jsonl": "Held-out 30 (en/de/fr/es), unseen",
          "replies_holdout31.jsonl": "Held-out 31 (en/de/fr/es), unseen",
          "replies_holdout32.jsonl": "Held-out 32 (en/de/fr/es), unseen",
          "replies_holdout33.jsonl": "Held-out 33 (en/de/fr/es), unseen",
          "replies_holdout34.jsonl": "Held-out 34 (en/de/fr/es), unseen",
          "replies_holdout35.jsonl": "Held-out 35 (en/de/fr/es, most rules once), unseen",
          "replies_holdout36.jsonl": "Held-out 36 (en/de/fr/es), unseen",
          "replies_holdout37.jsonl": "Held-out 37 (en/de/fr/es), unseen",
          "replies_holdout38.jsonl": "Held-out 38 (en/de/fr/es, small firms and large bodies), "
                                     "unseen"}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_meets_the_bar(name: str) -> None:
    tallies = measure(name)
    short = {key: t.short() for key, t in tallies.items()
             if t.short() and (name, key) not in KNOWN_SHORT}
    assert not short, _table(name, TITLES[name], tallies)
    # an excuse that no longer holds would hide the next regression
    stale = sorted(key for corpus, key in KNOWN_SHORT
                   if corpus == name and not tallies.get(key, Tally()).short())
    assert not stale, f"take {stale} off KNOWN_SHORT:\n" + _table(name, TITLES[name], tallies)


#: families whose pooled figures fall short, and why (the bar holds for all others)
POOLED_KNOWN_SHORT: dict[str, str] = {}


def test_every_element_and_family_meets_the_bar_over_all_corpora() -> None:
    # Pooled over every labelled reply (some 2,000, the unseen corpora among them): the
    # per-corpus shortfalls above are where the pooled figures come from.
    pooled: dict[str, Tally] = {}
    for name in TITLES:
        for key, tally in measure(name).items():
            total = pooled.setdefault(key, Tally())
            total.predicted += tally.predicted
            total.predicted_ok += tally.predicted_ok
            total.gold += tally.gold
            total.gold_found += tally.gold_found
    short = {key: tally.short() for key, tally in pooled.items()
             if tally.short() and key not in POOLED_KNOWN_SHORT}
    assert not short, _table("all", "All corpora, pooled", pooled)


def test_precision_is_judged_without_gold_labels() -> None:
    # Families the labels never mention used to escape the bar, whatever they found.
    unlabelled = Tally(predicted=6, predicted_ok=0, gold=0)
    assert unlabelled.short() == ["precision 0.000 < 0.9"]
    assert Tally(predicted=4, predicted_ok=0, gold=0).short() == []
    assert Tally(predicted=5, predicted_ok=5, gold=5, gold_found=5).short() == []
    assert Tally(predicted=0, gold=5, gold_found=3).short() == ["recall 0.600 < 0.85"]


def test_the_bar_is_enforced_on_the_elements_in_english() -> None:
    assert not {key for corpus, key in KNOWN_SHORT if corpus == "replies_en.jsonl"} & set(
        ELEMENT_KINDS)


def test_corpus_is_large_and_varied() -> None:
    records = _load("replies_en.jsonl") + _load("replies_intl.jsonl")
    assert len(records) >= 300
    assert sum(r["language"] != "en" for r in records) >= 50
    assert len(Counter(r["channel"] for r in records)) >= 4
    assert len({r["id"] for r in records}) == len(records)


def test_timing_corpus_exercises_every_timing_rule() -> None:
    records = _load("replies_timing.jsonl")
    languages = Counter(r["language"] for r in records)
    assert len(records) >= 48
    assert languages["en"] >= 30
    assert min(languages[lang] for lang in ("de", "fr", "es")) >= 6
    assert len(Counter(r["channel"] for r in records)) >= 4
    assert len({r["id"] for r in records}) == len(records)
    assert all(r["situation"]["received_at"] and r["situation"]["sent_at"] for r in records)
    assert all("restitution" in r["gold"] for r in records)
    expected = Counter(code for r in records for code in r["expected"])
    assert min(expected[f"TM00{n}"] for n in (1, 2, 4, 7)) >= 5
    assert min(expected[f"TM00{n}"] for n in (3, 5, 6, 8)) >= 3


#: where a reply shifts blame, per rule (benchmarks/learned_elements.py trains on them)
BLAME_SPANS = {"BL001": "blame_partner", "BL002": "blame_customer"}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_every_blame_finding_expected_says_where_the_blame_is(name: str) -> None:
    for record in _load(name):
        for code, key in BLAME_SPANS.items():
            spans = record["gold"].get(key, [])
            assert bool(spans) == (code in record["expected"]), (record["id"], key)
            for piece in spans:
                assert piece in record["text"], (record["id"], key, piece)


#: the share of replies where a blame rule fires as expected whose findings overlap a
#: labelled blame span. Where BL001 misses the span it flags another excuse of the same
#: reply ("outside our control", "ne dépend pas de nous") while the labellers marked the
#: partner's failure, so its bar is lower.
BLAME_SPAN_BAR = {"BL001": 0.85, "BL002": 0.95}


def test_blame_is_flagged_where_the_labellers_put_it() -> None:
    found: Counter[str] = Counter()
    on_gold: Counter[str] = Counter()
    for name in sorted(TITLES):
        for record in _load(name):
            codes = [code for code in BLAME_SPANS if code in record["expected"]]
            if not codes:
                continue
            report = check(record["text"], customer=record["customer"],
                           situation=record["situation"], channel=record["channel"])
            for code in codes:
                spans = [(f.start, f.end) for f in report.findings if f.rule == code]
                if not spans:
                    continue  # a miss, counted by test_meets_the_bar
                gold = _gold_spans(record, BLAME_SPANS[code])
                found[code] += 1
                on_gold[code] += any(_overlaps(s, g) for s in spans for g in gold)
    for code, bar in BLAME_SPAN_BAR.items():
        share = on_gold[code] / found[code]
        print(f"{code}: {on_gold[code]} of {found[code]} replies flagged on the labelled "
              f"blame ({share:.2f})")
        assert found[code] >= 100, code
        assert share >= bar, (code, share)
