"""``check()``: one message in, one :class:`~courtesy.report.Report` out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from courtesy.exceptions import ProfileError
from courtesy.profiles import Channel, Customer, Situation, load_model
from courtesy.report import ELEMENTS, Report
from courtesy.rules.engine import run, select_rules
from courtesy.rules.model import Severity, Span

if TYPE_CHECKING:
    from courtesy.trace import RenderTrace

__all__ = ["check"]

#: Texts longer than this are refused: a customer message is not a book.
MAX_TEXT_CHARS = 1_000_000


def _as_customer(value: Customer | Mapping[str, Any] | None) -> Customer | None:
    if value is None or isinstance(value, Customer):
        return value
    return load_model(Customer, value, source="customer")


def _as_situation(value: Situation | Mapping[str, Any] | None) -> Situation | None:
    if value is None or isinstance(value, Situation):
        return value
    return load_model(Situation, value, source="situation")


def _as_tuple(value: Iterable[str] | str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    return tuple(value)


def check(
    text: str,
    *,
    customer: Customer | Mapping[str, Any] | None = None,
    situation: Situation | Mapping[str, Any] | None = None,
    channel: Channel | str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    fail_on: Severity | str = Severity.ERROR,
    trace: RenderTrace | None = None,
) -> Report:
    """Check one message and report every finding, with character offsets into ``text``.

    ``customer`` and ``situation`` may be models or plain mappings (validated here). Without
    them, only the checks that make sense run: no name checks without a customer, no
    required elements without a situation. ``select`` and ``ignore`` take rule codes
    (``"EL001"``), families (``"NM"``), names or categories. ``trace`` comes from rendering
    and makes the form-letter check exact.
    """
    if not isinstance(text, str):
        raise TypeError(f"check() needs the message as str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ProfileError(
            f"message is {len(text):,} characters; courtesy checks at most {MAX_TEXT_CHARS:,}",
            field_path="text",
        )
    try:
        channel_value = Channel(channel) if channel is not None else None
        threshold = Severity(fail_on)
    except ValueError as exc:
        raise ProfileError(str(exc), field_path="channel" if channel else "fail_on") from None
    try:
        rules = select_rules(_as_tuple(select), _as_tuple(ignore) or ())
    except KeyError as exc:
        raise ProfileError(exc.args[0], field_path="select") from None
    findings, ctx = run(
        text,
        rules=rules,
        customer=_as_customer(customer),
        situation=_as_situation(situation),
        channel=channel_value,
        trace=trace,
    )
    elements = ctx.elements()
    personalization = None
    if trace is not None and text:
        personalization = round(trace.personal_chars(include_name=True) / len(text), 4)
    return Report(
        text=text,
        findings=tuple(findings),
        elements=MappingProxyType({
            kind: tuple(Span(s, e) for s, e in elements.get(kind, ())) for kind in ELEMENTS
        }),
        fail_on=threshold,
        personalization=personalization,
    )
