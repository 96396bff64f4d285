"""The rule catalogue: one module per family group. The registry collects ``RULES`` from each."""

from __future__ import annotations

#: Catalogue modules, in the order their rules are listed.
MODULES = ("names", "elements", "phrases", "tone", "formletter", "timing", "channels")
