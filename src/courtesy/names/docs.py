"""Generate docs/addressing-customers.md from the address-forms data files.

Run ``python -m courtesy.names.docs docs/addressing-customers.md`` after changing
``names/forms/*.toml``; tests/names/test_docs.py fails while the page is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from courtesy.names import NameForms
from courtesy.names._forms import forms_for, shipped_locales

__all__ = ["EXAMPLE_PEOPLE", "page"]

#: the people every locale's row shows: (label, name parts)
EXAMPLE_PEOPLE: tuple[tuple[str, dict[str, str]], ...] = (
    ("title Mrs", {"title": "Mrs", "given": "Anna", "family": "Müller"}),
    ("title Mr", {"title": "Mr", "given": "Nick", "family": "Owen"}),
    ("no title", {"given": "Alex", "family": "Morgan"}),
)

_CJK_PEOPLE = {
    "ja": {"given": "健", "family": "佐藤"},
    "zh": {"given": "伟", "family": "王"},
    "ko": {"given": "민준", "family": "김"},
}

_INTRO = """# Addressing customers

courtesy writes a customer's name the way the customer's locale does, and checks that a
message does the same. `{{ customer | salutation }}` and `{{ customer | address("formal") }}`
in templates, and `customer.salutation()`, `customer.address("informal")` and
`customer.addressing()` (which also reports the locale used) in Python, all read the data
files in `src/courtesy/names/forms/<locale>.toml`; each file cites its sources.

Rules that courtesy follows everywhere:

- **Gender is never guessed.** A gendered title ("Mr", "Frau", "Sra.") comes only from the
  profile's `title`, or from declared `pronouns` ("she/her", "he/him"). Otherwise the formal
  address is the full name with a neutral greeting: "Dear Alex Morgan", "Guten Tag Alex
  Morgan", "Buenos días, Alex Morgan". "Mx" is written where the locale has it.
- **Titles are localised by class:** a profile title "Mr" is written "Herr", "M."/"Monsieur",
  "Sr.", "Sig.", "heer", "úr"; "Mrs", "Ms" and "Miss" become the locale's one feminine title
  where it has only one ("Frau", "Madame", "Sra.").
- **Name order follows the locale** (family name first in ja, zh, ko, hu) and the script
  (a Han, kana or Hangul name keeps its own order everywhere).
- **Locales fall back** along their parts: `de-AT` → `de` → `en-GB`. The fallback is
  reported in `Address.note`, never raised.

The checks (rules NM001–NM008, SL001, SL002; see [the rule reference](rules/index.md)) flag a
misspelt or mis-cased name, another person's name, initials, a swapped order, a wrong or
guessed title, the wrong formality, a generic salutation and an unfilled placeholder.
They read the address after a greeting ("Dear", "Hallo", "Kia ora"), or at the
very start of a text or chat that opens with the name and a comma ("J. Moore, your
parcel..."): there only when a word of it is the customer's name or close to it, so
that "Unfortunately, ..." addresses nobody. A role in place of the name ("Dear
Patient", "Dear Passenger") is a generic salutation.
The formality of a salutation is in its address: "Hallo Anna" is informal, but "Hallo Herr
Neumann", "Hola, Sr. Torres" and "Hallo Kim Weber" are the neutral greeting of business mail
and chat before a title or the full name. "Frau Dr. Müller" is the German order for a
profile titled "Dr."; the "Frau" must then come from the pronouns ("she/her"), or it is
a guess.
In the body, a word one letter from the name counts as a misspelling only with the same
first letter and outside the language's stock vocabulary; where every noun has a capital
(`capitalized_nouns = true` in the locale's file, as for `de`), only after a title or a
name ("Frau Alpers") or where it addresses the reader, so that "jeden Alters" is German to
Frau Albers. A name set off by commas after a noun ("our technician, Anwar, will call")
names a colleague, not another customer.

## Examples by locale

Generated from the data files by `python -m courtesy.names.docs docs/addressing-customers.md`.
"""


def _row(locale: str) -> str:
    data, _note = forms_for(locale)
    cells = [f"`{locale}`"]
    people = [dict(p) for _label, p in EXAMPLE_PEOPLE]
    if data.language in _CJK_PEOPLE:
        people[2] = _CJK_PEOPLE[data.language]
    for parts in people:
        forms = NameForms.build(language=data.language, locale=locale, **parts)
        cells.append(forms.compose("formal").salutation)
    informal = NameForms.build(language=data.language, locale=locale, **people[0])
    cells.append(informal.compose("informal").salutation)
    order = "family first" if data.family_first else "given first"
    cells.append(order)
    return "| " + " | ".join(cells) + " |"


def page() -> str:
    """The whole Markdown page."""
    header = ("| locale | formal, title Mrs (Anna Müller) | formal, title Mr (Nick Owen) | "
              "formal, no title (Alex Morgan; 佐藤 健, 王 伟, 김 민준) | informal (Anna) | "
              "order |\n|---|---|---|---|---|---|")
    rows = "\n".join(_row(locale) for locale in shipped_locales())
    sources = "\n".join(
        f"- `{locale}`: {forms_for(locale)[0].source}" for locale in shipped_locales()
    )
    return f"{_INTRO}\n{header}\n{rows}\n\n## Data files\n\n{sources}\n"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else Path("docs/addressing-customers.md")
    target.write_text(page(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
