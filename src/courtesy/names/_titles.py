"""Honorifics: which words are titles, and which of them mean the same thing.

A title is compared by *class*, not spelling: "Mr", "Mr.", "Herr", "M." and "Sr." all address
a man without further claims, so a profile titled "Mr" may be greeted "Sehr geehrter Herr …".
English keeps "Mrs", "Ms" and "Miss" apart (they claim different things about marital status);
the other languages' everyday feminine forms ("Frau", "Madame", "Sra.") fit any of the three.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Title", "lookup_title", "titles_compatible"]

Gender = Literal["m", "f", "n"]


@dataclass(frozen=True, slots=True)
class Title:
    key: str  # equivalence class: "m", "mrs", "ms", "miss", "f", "mx", "dr", ...
    gender: Gender
    canonical: str  # how courtesy writes it in British English


_TABLE: dict[str, Title] = {}


def _add(key: str, gender: Gender, canonical: str, *spellings: str) -> None:
    title = Title(key, gender, canonical)
    for spelling in (canonical, *spellings):
        _TABLE[spelling.casefold().rstrip(".")] = title


_add("m", "m", "Mr", "Mister", "Herr", "Hr", "M", "Monsieur", "Sr", "Señor", "Senor", "Sig",
     "Signor", "Signore", "Dhr", "Heer", "Meneer", "Don", "Senhor", "Úr", "Ur", "先生", "씨")
_add("mrs", "f", "Mrs", "Missus")
_add("ms", "f", "Ms", "Mz")
_add("miss", "f", "Miss", "Mlle", "Mademoiselle", "Srta", "Señorita", "Senorita", "Signorina",
     "Sig.na", "Sig.ina", "Fräulein", "Menina", "小姐")
_add("f", "f", "Frau", "Fr", "Mme", "Madame", "Sra", "Señora", "Senora", "Sig.ra", "Signora",
     "Mevr", "Mevrouw", "Doña", "Dona", "Senhora", "Asszony", "女士", "Frú")
_add("mx", "n", "Mx", "Mx.")
_add("dr", "n", "Dr", "Doctor", "Doktor", "Docteur", "Dott", "Dottore", "Dottoressa", "Dra",
     "Dott.ssa", "Dr.in", "Drs", "博士")
_add("prof", "n", "Prof", "Professor", "Professeur", "Profesor", "Profesora")
_add("rev", "n", "Rev", "Reverend", "Revd")
# professional titles used in address: a French lawyer or notary, an Italian lawyer or
# engineer, a Spanish-speaking graduate or engineer
_add("maitre", "n", "Maître", "Maitre")
_add("avv", "n", "Avv", "Avvocato", "Avvocata")
_add("ing", "n", "Ing", "Ingegnere", "Ingeniero", "Ingeniera")
_add("lic", "n", "Lic", "Licenciado", "Licenciada")
_add("sir", "m", "Sir")
_add("dame", "f", "Dame")
_add("lord", "m", "Lord")
_add("lady", "f", "Lady")

_FEMININE_ENGLISH = frozenset({"mrs", "ms", "miss"})


def lookup_title(word: str) -> Title | None:
    """The title ``word`` spells (``"Mr."``, ``"Herr"``, ``"Sra."``), or ``None``.

    How each locale *writes* a title class is in the address-forms data
    (``names/forms/<locale>.toml``, section ``[titles]``).
    """
    return _TABLE.get(word.casefold().rstrip("."))


def titles_compatible(written: Title, profile: Title) -> bool:
    """Whether a message may use ``written`` for a customer whose profile says ``profile``."""
    if written.key == profile.key:
        return True
    # "Frau", "Madame", "Sra." fit any English feminine title, and the reverse.
    return written.gender == profile.gender == "f" and (
        written.key == "f" or profile.key == "f"
    ) and {written.key, profile.key} <= _FEMININE_ENGLISH | {"f"}
