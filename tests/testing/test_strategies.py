"""courtesy.testing.strategies: valid, hard, and restrictable."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

from courtesy import Customer, Name, Pack, ProfileError, Situation
from courtesy.localization import normalize_locale_tag
from courtesy.profiles import SituationKind
from courtesy.testing import strategies
from courtesy.testing.strategies import (
    customers,
    hostile_strings,
    locales,
    names,
    situations,
)

_FAST = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.too_slow])


def _scripts(name: Name) -> set[str]:
    text = " ".join(p for p in (name.given, name.family) if p)
    return {unicodedata.name(c, "?").split()[0] for c in text if c.isalpha()}


# Each hard case must actually come out of customers(); find() fails if it never does.
HARD_CASES: dict[str, Callable[[Customer], bool]] = {
    "particle": lambda c: (c.name.family or "").split(" ")[0] in {"van", "von", "de", "da",
                                                                    "dos", "bin", "Mac"},
    "diacritic": lambda c: any(unicodedata.decomposition(ch) for ch in c.name.full),
    "apostrophe": lambda c: "'" in c.name.full or "’" in c.name.full,
    "hyphen": lambda c: "-" in (c.name.given or "") or "-" in (c.name.family or ""),
    "CJK": lambda c: "CJK" in _scripts(c.name),
    "Hangul": lambda c: "HANGUL" in _scripts(c.name),
    "Arabic": lambda c: "ARABIC" in _scripts(c.name),
    "mononym": lambda c: bool(c.name.given) and not c.name.family and not c.name.middle,
    "family name only": lambda c: bool(c.name.family) and not c.name.given,
    "very long": lambda c: len(c.name.full) > 50,
    "Mx": lambda c: c.name.title == "Mx",
    "no title": lambda c: c.name.title is None,
    "suffix": lambda c: c.name.suffix is not None,
    "nickname": lambda c: c.name.nickname is not None,
    "informal": lambda c: c.formality == "informal",
    "Japanese locale": lambda c: c.locale == "ja-JP",
}


def _cases_seen(strategy: st.SearchStrategy[Customer], examples: int) -> set[str]:
    seen: set[str] = set()

    @settings(max_examples=examples, database=None, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow])
    @given(strategy)
    def collect(customer: Customer) -> None:
        seen.update(case for case, applies in HARD_CASES.items() if applies(customer))

    collect()
    return seen


def test_customers_generate_every_hard_case() -> None:
    missing = set(HARD_CASES) - _cases_seen(customers(), 600)
    assert not missing, f"customers() never drew: {sorted(missing)}"


def test_hostile_customers_carry_payloads_and_still_validate() -> None:
    payloads = ("{{", "{%", "\u202e", "\u200b", "<script", "\ufeff")
    found = find(customers(hostile=True),
                 lambda c: any(s in c.name.full for s in payloads),
                 settings=settings(max_examples=3000, database=None, derandomize=True,
                           phases=[Phase.generate]))
    assert Customer.model_validate(found.model_dump()) == found


@_FAST
@given(customers(locales=["de-AT", "de-CH"], formality="informal", titles=()))
def test_customers_respect_locale_formality_and_title_options(customer: Customer) -> None:
    assert customer.locale in {"de-AT", "de-CH"}
    assert customer.formality == "informal"
    assert customer.name.title is None


@_FAST
@given(customers(locales=locales(languages=["ja", "zh"])))
def test_customers_take_a_locale_strategy(customer: Customer) -> None:
    assert customer.language in {"ja", "zh"}


@_FAST
@given(customers(hostile=True))
def test_every_customer_round_trips_and_has_single_line_names(customer: Customer) -> None:
    assert Customer.model_validate(customer.model_dump()) == customer
    for part in customer.name.model_dump().values():
        assert part is None or ("\n" not in part and "\r" not in part and part.strip())


def test_option_values_are_checked() -> None:
    with pytest.raises(ValueError, match="formality must be 'formal' or 'informal'"):
        customers(formality="casual")
    with pytest.raises(ValueError, match="kinds must be among"):
        situations(kinds=["late"])
    with pytest.raises(ValueError, match="no locale in LOCALES"):
        locales(languages=["tlh"])


def test_vocabularies_match_the_library() -> None:
    assert set(strategies.SITUATION_KINDS) == {str(k) for k in SituationKind}
    assert all(normalize_locale_tag(tag) == tag for tag in strategies.LOCALES)
    for title in strategies.TITLES:
        Name(title=title, family="Owen")  # every title is one profiles accept


@_FAST
@given(names(titles=["Mx"]))
def test_names_take_a_title_list(name: Name) -> None:
    assert name.title in (None, "Mx")
    assert name.given or name.family or name.nickname


@_FAST
@given(situations(kinds=["delay", "error"], our_fault=True, hostile=True))
def test_situations_respect_options(situation: Situation) -> None:
    assert situation.kind in {"delay", "error"}
    assert situation.our_fault


def test_situations_include_timing_facts_unless_disabled() -> None:
    find(situations(), lambda s: s.has_timing_facts and s.sent_at is not None,
         settings=settings(database=None, derandomize=True,
                           phases=[Phase.generate]))
    with pytest.raises(NoSuchExample):
        find(situations(timing=False), lambda s: s.has_timing_facts,
             settings=settings(max_examples=300, database=None))


@_FAST
@given(hostile_strings())
def test_profile_safe_hostile_strings_are_accepted_by_profiles(text: str) -> None:
    Situation(kind="complaint", customer_message=text)


@_FAST
@given(hostile_strings(single_line=True))
def test_single_line_hostile_strings_have_no_line_breaks(text: str) -> None:
    assert not any(c in text for c in "\r\n\t\x85\u2028\u2029")


def test_unsafe_hostile_strings_include_what_profiles_refuse() -> None:
    def refused(text: str) -> bool:
        try:
            Situation(kind="complaint", customer_message=text)
        except ProfileError:
            return True
        except ValueError:  # pydantic's ValidationError
            return True
        return False

    find(hostile_strings(profile_safe=False), refused,
         settings=settings(database=None, derandomize=True,
                           phases=[Phase.generate]))


def test_hostile_strings_cover_each_attack() -> None:
    for needle in ("{{", "{%", "\r\n", "\u202e", "\u200b", "<script>"):
        find(hostile_strings(), lambda s, n=needle: n in s,
             settings=settings(max_examples=3000, database=None, derandomize=True,
                           phases=[Phase.generate]))


@_FAST
@given(st.from_type(Customer), st.from_type(Situation), st.from_type(Name))
def test_hypothesis_entry_point_registers_the_types(
    customer: Customer, situation: Situation, name: Name
) -> None:
    assert isinstance(customer, Customer)
    assert isinstance(situation, Situation)
    assert isinstance(name, Name)


_FROM_TYPE = """
import warnings
warnings.simplefilter("ignore")
{first}
{second}
from hypothesis import strategies as st
print(type(st.from_type(courtesy.Customer).example()).__name__)
"""


@pytest.mark.parametrize(("first", "second"), [
    ("import hypothesis", "import courtesy"),
    ("import courtesy; courtesy.Customer", "import hypothesis"),
])
def test_from_type_works_whichever_is_imported_first(first: str, second: str) -> None:
    code = _FROM_TYPE.format(first=first, second=second)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "Customer"


def test_importing_hypothesis_does_not_import_courtesys_models() -> None:
    code = "import sys, hypothesis; print('pydantic' in sys.modules, " \
           "'courtesy.profiles' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.split() == ["False", "False"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(customer=customers(hostile=True), situation=situations(hostile=True))
def test_builtin_pack_renders_any_customer_without_leaking_or_running_data(
    customer: Customer, situation: Situation
) -> None:
    message = Pack.builtin("default").render(
        "delay_apology", customer, situation, strict=False,
        order={"id": "A-1042", "reason": "We packed it late.", "new_date": "Thursday",
               "tracking": "JD0012345678"},
        agent="Priya Shah",
    )
    # courtesy's render-trace sentinels are private-use characters: none may leak out.
    assert not any(0xE000 <= ord(c) <= 0xF8FF for c in message.text)
    parts = [p for p in customer.name.model_dump().values() if p]
    if any("7*7" in p for p in parts) and not any("49" in p for p in parts):
        assert "49" not in message.text
    for finding in message.report.findings:
        assert 0 <= finding.start <= finding.end <= len(message.text)
