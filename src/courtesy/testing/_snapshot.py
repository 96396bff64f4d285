"""Approval snapshots of rendered messages: the text and its report, stored side by side.

A snapshot is two files, ``<name>.txt`` (the message exactly as rendered) and
``<name>.report.json`` (its :meth:`~courtesy.Report.to_dict`), so a template change shows
up in review as a diff of what customers will read and of what courtesy found in it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from courtesy import Customer, Message, Report, Situation, check

__all__ = ["Snapshot", "SnapshotMismatch"]

_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")


class SnapshotMismatch(AssertionError):
    """A rendered message differs from its approved snapshot (or has none yet)."""


def _safe(name: str) -> str:
    return _UNSAFE.sub("_", name).strip("._") or "snapshot"


def _read(path: Path) -> str | None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def _write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(content)


def _diff(old: str, new: str, path: Path) -> str:
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True),
        fromfile=f"{path} (approved)", tofile=f"{path} (rendered now)",
    )
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                   for line in lines)


def _reviewable(report: Report) -> dict[str, Any]:
    """The report as stored: its JSON form, with the quoted text beside every span.

    Offsets alone make an unreadable diff; ``"text": "I'm sorry"`` says what changed.
    """
    data = report.to_dict()
    text = report.text
    for finding in data["findings"]:
        finding["text"] = text[finding["start"]:finding["end"]]
    data["elements"] = {
        kind: [{**span, "text": text[span["start"]:span["end"]]} for span in spans]
        for kind, spans in data["elements"].items()
    }
    return data


@dataclass
class Snapshot:
    """Compare messages with approved files in ``directory``; call it once per message.

    ``Snapshot(directory, "test_delay")(message)`` compares ``message`` with
    ``directory/test_delay.txt`` and ``directory/test_delay.report.json`` (the report's
    JSON with the quoted text beside each span). A second call in
    the same test adds ``.2``, ``.3``… unless you pass ``name=``. With ``update=True``
    (pytest: ``--courtesy-update-snapshots``) differing or missing files are (re)written and
    the call passes; otherwise a difference raises :class:`SnapshotMismatch` with unified
    diffs, and a missing snapshot is written and still fails, so that CI never approves
    a message nobody has read.
    """

    directory: Path
    basename: str
    update: bool = False
    written: list[Path] = field(default_factory=list, repr=False)
    _calls: int = field(default=0, repr=False)

    def __call__(
        self,
        message: Message | Report | str,
        *,
        name: str | None = None,
        customer: Customer | Mapping[str, Any] | None = None,
        situation: Situation | Mapping[str, Any] | None = None,
        channel: str | None = None,
    ) -> None:
        """Compare ``message`` (a Message, a Report, or text to check) with its snapshot."""
        __tracebackhide__ = True
        self._calls += 1
        if name is None:
            name = self.basename if self._calls == 1 else f"{self.basename}.{self._calls}"
        else:
            name = f"{self.basename}.{_safe(name)}"
        if isinstance(message, Message | Report):
            text, report = message.text, message.report if isinstance(message, Message) else message
        elif isinstance(message, str):
            text = message
            report = check(message, customer=customer, situation=situation, channel=channel)
        else:
            raise TypeError(f"a snapshot takes a courtesy.Message, a courtesy.Report or the "
                            f"message text, not {type(message).__name__}")
        report_json = json.dumps(_reviewable(report), indent=2, ensure_ascii=False) + "\n"
        text_path = self.directory / f"{name}.txt"
        json_path = self.directory / f"{name}.report.json"
        problems: list[str] = []
        missing: list[Path] = []
        for path, new in ((text_path, text), (json_path, report_json)):
            old = _read(path)
            if old == new:
                continue
            if old is None:
                missing.append(path)
            else:
                problems.append(_diff(old, new, path))
            if self.update or old is None:
                _write(path, new)
                self.written.append(path)
        if self.update:
            return
        if problems:
            raise SnapshotMismatch(
                "the rendered message differs from its approved snapshot:\n\n"
                + "\n".join(problems)
                + "\nIf the change is intended, re-run with --courtesy-update-snapshots "
                "(or Snapshot(update=True)) and commit the files."
            )
        if missing:
            listed = "\n".join(f"  {p}" for p in missing)
            raise SnapshotMismatch(
                f"no approved snapshot yet; wrote:\n{listed}\n"
                "Read them, commit them, and run the test again."
            )


# Reprs and docs say courtesy.testing.X, where users import them from.
Snapshot.__module__ = "courtesy.testing"
SnapshotMismatch.__module__ = "courtesy.testing"
