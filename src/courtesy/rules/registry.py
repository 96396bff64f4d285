"""The registry of every rule courtesy knows, active or retired.

Codes are a family prefix and three digits (``EL001``) and are never reused: a retired rule
stays registered with ``status="removed"`` so that its code cannot come back with another
meaning.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import import_module

from courtesy.rules.catalog import MODULES
from courtesy.rules.model import Rule

__all__ = ["all_rules", "get", "resolve"]

_CODE = re.compile(r"[A-Z]{2}\d{3}")


@lru_cache(maxsize=1)
def _load() -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for module in MODULES:
        rules.extend(import_module(f"courtesy.rules.catalog.{module}").RULES)
    codes: set[str] = set()
    names: set[str] = set()
    for rule in rules:
        if not _CODE.fullmatch(rule.code):
            raise ValueError(f"rule code {rule.code!r} is not two capitals and three digits")
        if rule.code in codes or rule.name in names:
            raise ValueError(f"rule {rule.code} {rule.name!r} is registered twice")
        codes.add(rule.code)
        names.add(rule.name)
    return tuple(sorted(rules, key=lambda r: r.code))


def all_rules(*, include_removed: bool = False) -> tuple[Rule, ...]:
    """Every rule, sorted by code; retired ones only with ``include_removed``."""
    rules = _load()
    return rules if include_removed else tuple(r for r in rules if r.status == "active")


@lru_cache(maxsize=256)
def get(code_or_name: str) -> Rule:
    """The rule with this code (``"EL001"``) or name (``"missing-apology"``)."""
    for rule in _load():
        if code_or_name in (rule.code, rule.name):
            return rule
    raise KeyError(f"no rule {code_or_name!r}; `courtesy rules` lists them all")


def resolve(selectors: tuple[str, ...]) -> frozenset[str]:
    """Codes matching selectors: codes (``EL001``), families (``EL``), names, categories.

    Unknown selectors raise ``KeyError`` naming them, so a typo in a config file is loud.
    """
    codes: set[str] = set()
    rules = _load()
    for selector in selectors:
        matched = {
            r.code for r in rules
            if selector in (r.code, r.name, r.family, str(r.category))
        }
        if not matched:
            raise KeyError(
                f"{selector!r} names no rule, family or category; `courtesy rules` lists them"
            )
        codes |= matched
    return frozenset(codes)
