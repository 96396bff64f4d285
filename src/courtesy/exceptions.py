"""Errors raised by courtesy.

Every error courtesy raises on purpose derives from :class:`CourtesyError`, and each one
says *where* the problem is (file, line, field path) so that the CLI can print it as a
single line. Kinds of failure stay apart: bad data is a ``ValueError``, a missing template
is a ``FileNotFoundError``, a missing variable is a ``LookupError``, so callers that already
catch the builtin keep working.

CourtesyError
├── ProfileError (ValueError)        customer/situation data is invalid; .field_path, .source
├── PackError                        a pack cannot be loaded; .file, .line
│   └── PackNotFound (FileNotFoundError)
├── TemplateError                    a template failed to compile or render; .template, .line
│   ├── MissingVariable (LookupError)   the template used a variable the context lacks; .name
│   ├── SandboxViolation                the template tried something unsafe
│   └── RenderLimitExceeded             the render ran too long or produced too much output
└── DiscourteousMessage              strict rendering produced text that fails the checks; .report
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courtesy.report import Report

__all__ = [
    "CourtesyError",
    "DiscourteousMessage",
    "MissingVariable",
    "PackError",
    "PackNotFound",
    "ProfileError",
    "RenderLimitExceeded",
    "SandboxViolation",
    "TemplateError",
]


class CourtesyError(Exception):
    """Base class of every error courtesy raises on purpose."""


class ProfileError(CourtesyError, ValueError):
    """Customer, situation or record data is invalid.

    ``field_path`` is dotted (``"name.given"``, ``"history.2.at"``); ``source`` names the
    file (and line, for JSON Lines) the data came from, when known.
    """

    def __init__(self, message: str, *, field_path: str = "", source: str = "") -> None:
        where = ": ".join(part for part in (source, field_path) if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.field_path = field_path
        self.source = source
        self.detail = message


class PackError(CourtesyError):
    """A message pack cannot be loaded or is malformed."""

    def __init__(self, message: str, *, file: str = "", line: int | None = None) -> None:
        where = f"{file}:{line}" if file and line else file
        super().__init__(f"{where}: {message}" if where else message)
        self.file = file
        self.line = line
        #: the message without the file and line
        self.detail = message


class PackNotFound(PackError, FileNotFoundError):
    """No pack, or no template, exists under the given name."""


class TemplateError(CourtesyError):
    """A template failed to compile or to render.

    ``template`` is the template's name (``"<string>"`` for inline sources) and ``line``
    the 1-based line in it, when Jinja2 can tell.
    """

    def __init__(
        self, message: str, *, template: str = "<string>", line: int | None = None
    ) -> None:
        where = f"{template}:{line}" if line else template
        super().__init__(f"{where}: {message}")
        self.template = template
        self.line = line
        self.detail = message


class MissingVariable(TemplateError, LookupError):
    """A template used a variable (or attribute) that its context does not provide."""

    def __init__(self, name: str, *, template: str = "<string>", line: int | None = None) -> None:
        super().__init__(f"undefined template variable {name!r}", template=template, line=line)
        self.name = name


class SandboxViolation(TemplateError):
    """A template tried to do something the sandbox forbids (private attributes, unsafe calls)."""


class RenderLimitExceeded(TemplateError):
    """A render took longer, looped more or produced more output than the configured bounds."""


class DiscourteousMessage(CourtesyError):
    """Strict rendering produced a message that fails courtesy's checks.

    The full :class:`~courtesy.Report` is on ``.report``; the message summarises the
    findings that made it fail.
    """

    def __init__(self, report: Report) -> None:
        failing = report.failing_findings()
        lines = [f"{f.rule} {f.name}: {f.message}" for f in failing[:5]]
        if len(failing) > 5:
            lines.append(f"... and {len(failing) - 5} more")
        super().__init__(
            f"the rendered message fails {len(failing)} check(s):\n  " + "\n  ".join(lines)
        )
        self.report = report
