"""``assert_courteous``: one line that proves a message is courteous, or shows why not."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from typing import Any

from courtesy import Customer, Message, Report, Severity, Situation, check
from courtesy.testing import _session

__all__ = ["MessageNotCourteous", "assert_courteous", "format_failure"]


class MessageNotCourteous(AssertionError):
    """A message failed ``assert_courteous``; ``.report`` holds every finding."""

    def __init__(self, text: str, *, report: Report) -> None:
        super().__init__(text)
        self.report = report


def _threshold(fail_on: Severity | str | None) -> Severity:
    value = fail_on if fail_on is not None else (_session.fail_on or "error")
    try:
        return Severity(value)
    except ValueError:
        raise ValueError(
            f"fail_on must be one of 'error', 'warning', 'info', not {value!r}"
        ) from None


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def format_failure(report: Report, *, threshold: Severity, source: str = "message") -> str:
    """The failure text: a headline, then each failing finding quoted and underlined.

    Built on :meth:`Report.render_text`, so a test failure reads like ``courtesy check``.
    """
    failing = tuple(f for f in report.findings if f.severity >= threshold)
    below = len(report.findings) - len(failing)
    shown = dataclasses.replace(report, findings=failing, fail_on=threshold)
    lines = [
        f"{source} is not courteous: {_plural(len(failing), 'finding')} at or above "
        f"{str(threshold)!r}",
        "",
        shown.render_text(source=source).rstrip("\n"),
    ]
    if below:
        lines.append(f"({_plural(below, 'finding')} below {str(threshold)!r} not shown)")
    return "\n".join(lines)


def assert_courteous(
    text_or_message: str | Message,
    *,
    customer: Customer | Mapping[str, Any] | None = None,
    situation: Situation | Mapping[str, Any] | None = None,
    channel: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    fail_on: Severity | str | None = None,
) -> Report:
    """Check a message and raise :class:`MessageNotCourteous` if it has failing findings.

    ``text_or_message`` is the text your app sends, or a :class:`~courtesy.Message` from
    :func:`courtesy.render` / :meth:`courtesy.Pack.render` (rendered with ``strict=False``).
    A message's own report is used as it is unless you pass ``customer``, ``situation``,
    ``channel``, ``select`` or ``ignore``: then its text is checked again with those (and
    its render trace), so pass the customer and situation it was rendered for. ``fail_on``
    is the lowest severity that fails (default ``"error"``, or the session's
    ``--courtesy-fail-on``). Returns the report when the message passes.

    >>> assert_courteous(
    ...     "Dear Ms Okafor, thank you for telling us. I'm sorry we sent the wrong size; "
    ...     "a replacement leaves today and reaches you by Friday. Just reply to this email "
    ...     "if it doesn't.",
    ...     customer={"name": {"title": "Ms", "given": "Chiamaka", "family": "Okafor"}},
    ...     situation={"kind": "error", "our_fault": True},
    ... ).passed
    True
    """
    __tracebackhide__ = True
    threshold = _threshold(fail_on)
    ignore = tuple(ignore)
    source = "message"
    if isinstance(text_or_message, Message):
        message = text_or_message
        source = message.template if message.template != "<string>" else "message"
        overrides = (customer, situation, channel, select)
        if all(v is None for v in overrides) and not ignore:
            report = message.report
        else:
            report = check(
                message.text, customer=customer, situation=situation,
                channel=channel if channel is not None else message.channel,
                select=select, ignore=ignore, fail_on=threshold, trace=message.trace,
            )
    elif isinstance(text_or_message, str):
        report = check(
            text_or_message, customer=customer, situation=situation, channel=channel,
            select=select, ignore=ignore, fail_on=threshold,
        )
    else:
        raise TypeError(
            "assert_courteous() needs the message text (str) or a courtesy.Message, "
            f"not {type(text_or_message).__name__}"
        )
    if any(f.severity >= threshold for f in report.findings):
        raise MessageNotCourteous(
            format_failure(report, threshold=threshold, source=source), report=report
        )
    return report


# Reprs and docs say courtesy.testing.X, where users import them from.
MessageNotCourteous.__module__ = "courtesy.testing"
assert_courteous.__module__ = "courtesy.testing"
