"""``check()``: one message in, one :class:`~courtesy.report.Report` out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import nullcontext
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from courtesy.exceptions import ProfileError
from courtesy.profiles import Channel, Customer, Situation, load_model
from courtesy.report import ElementSpans, Report
from courtesy.rules import learned
from courtesy.rules.catalog.formletter import using_form_letters
from courtesy.rules.catalog.tone import politeness
from courtesy.rules.engine import run, select_rules
from courtesy.rules.model import Severity
from courtesy.rules.policy import ResponsePolicy, lateness_note, using_policy
from courtesy.suppression import (
    Suppression,
    SuppressionProblem,
    apply_suppressions,
    mask,
    parse_text,
)

if TYPE_CHECKING:
    from courtesy.config import Config
    from courtesy.formletter import FormLetterIndex
    from courtesy.rules.catalog.formletter import Thresholds
    from courtesy.trace import RenderTrace

__all__ = ["check"]

#: Texts longer than this are refused: a customer message is not a book.
MAX_TEXT_CHARS = 1_000_000

_NO_POLICY = nullcontext()


def _as_customer(value: Customer | Mapping[str, Any] | None) -> Customer | None:
    if value is None or isinstance(value, Customer):
        return value
    return load_model(Customer, value, source="customer")


def _as_situation(value: Situation | Mapping[str, Any] | None) -> Situation | None:
    if value is None or isinstance(value, Situation):
        return value
    return load_model(Situation, value, source="situation")


@lru_cache(maxsize=256)
def _relocalized(customer: Customer, locale: str) -> Customer:
    data = customer.model_dump(exclude_unset=True)
    data["locale"] = locale
    return load_model(Customer, data, source="customer")


def _with_default_locale(
    customer: Customer | Mapping[str, Any], locale: str,
) -> Customer | Mapping[str, Any]:
    """``customer`` in the configured default locale, unless it states its own."""
    if isinstance(customer, Customer):
        if "locale" in customer.model_fields_set:
            return customer
        return _relocalized(customer, locale)
    if "locale" in customer:
        return customer
    return {**customer, "locale": locale}


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
    fail_on: Severity | str | None = None,
    trace: RenderTrace | None = None,
    policy: ResponsePolicy | None = None,
    config: Config | None = None,
    severities: Mapping[str, Severity | str] | None = None,
    suppressions: Iterable[Suppression | SuppressionProblem] = (),
    form_letters: FormLetterIndex | Mapping[str, str] | None = None,
    form_letter_thresholds: Thresholds | None = None,
) -> Report:
    """Check one message and report every finding, with character offsets into ``text``.

    ``customer`` and ``situation`` may be models or plain mappings (validated here). Without
    them, only the checks that make sense run: no name checks without a customer, no
    required elements without a situation. ``select`` and ``ignore`` take rule codes
    (``"EL001"``), families (``"NM"``), names or categories. ``trace`` comes from rendering
    and makes the form-letter check exact. ``policy`` overrides the default
    response-time targets (:class:`~courtesy.rules.policy.ResponsePolicy`) that the timing
    rules (TM) apply when the situation has timing facts (``received_at``, ``sent_at``...).

    ``config`` (:func:`courtesy.config.load_config`) supplies project defaults: rule
    selection, severities, per-situation overrides, ``fail_on``, ``channel``, the locale
    of customers given without one and the response-time policy (``[response-policy]``,
    used when ``policy`` is not given); explicit arguments win (``select`` replaces the
    configured selection, ``ignore`` adds to it). ``severities`` maps rule codes to the
    severity to report them at. ``<!-- courtesy: ignore[CODE] reason="..." -->`` comments
    in ``text`` silence findings; ``suppressions`` adds more (render passes those from the
    template source). ``fail_on`` defaults to ``"error"``.

    ``form_letters`` is the team's registered canned replies
    (:class:`courtesy.formletter.FormLetterIndex`, or a mapping of name to macro text):
    a reply that is a near-copy of one is flagged (FL003). ``form_letter_thresholds``
    overrides the numbers of the form-letter rules (FL).
    """
    if not isinstance(text, str):
        raise TypeError(f"check() needs the message as str, not {type(text).__name__}")
    if len(text) > MAX_TEXT_CHARS:
        raise ProfileError(
            f"message is {len(text):,} characters; courtesy checks at most {MAX_TEXT_CHARS:,}",
            field_path="text",
        )
    if config is not None:
        if channel is None:
            channel = config.channel
        if fail_on is None:
            fail_on = config.fail_on
        if config.default_locale is not None and customer is not None:
            customer = _with_default_locale(customer, config.default_locale)
        if policy is None:
            policy = config.policy
    try:
        channel_value = Channel(channel) if channel is not None else None
        threshold = Severity(fail_on) if fail_on is not None else Severity.ERROR
    except ValueError as exc:
        raise ProfileError(str(exc), field_path="channel" if channel else "fail_on") from None
    situation_model = _as_situation(situation)
    overrides: Mapping[str, Severity] | None = None
    try:
        if config is None:
            rules = select_rules(_as_tuple(select), _as_tuple(ignore) or ())
        else:
            resolved = config.for_situation(
                situation_model.kind if situation_model is not None else None,
                select=_as_tuple(select), ignore=_as_tuple(ignore) or ())
            rules, overrides = resolved.rules, resolved.severities or None
    except KeyError as exc:
        raise ProfileError(exc.args[0], field_path="select") from None
    if severities:
        from courtesy.config import resolve_severities

        try:
            levels = {key: Severity(level) for key, level in severities.items()}
            overrides = {**(overrides or {}), **resolve_severities(levels)}
        except (KeyError, ValueError) as exc:
            raise ProfileError(str(exc.args[0]), field_path="severities") from None
    extra: list[Suppression] = []
    problems: list[SuppressionProblem] = []
    for item in suppressions:
        if isinstance(item, SuppressionProblem):
            problems.append(item)
        else:
            extra.append(item)
    in_text, text_problems = parse_text(text)
    scanned = mask(text, in_text) if in_text else text
    if policy is not None and not isinstance(policy, ResponsePolicy):
        raise TypeError(f"policy must be a ResponsePolicy, not {type(policy).__name__}")
    if form_letters is not None and not hasattr(form_letters, "best_match"):
        from courtesy.formletter import FormLetterIndex

        form_letters = FormLetterIndex(dict(form_letters).items())
    with (using_policy(policy) if policy is not None else _NO_POLICY,
          using_form_letters(form_letters, form_letter_thresholds)):
        findings, ctx = run(
            scanned,
            rules=rules,
            customer=_as_customer(customer),
            situation=situation_model,
            channel=channel_value,
            trace=trace,
            severities=overrides,
        )
        notes: tuple[str, ...] = ()
        if situation_model is not None and situation_model.received_at is not None:
            note = lateness_note(ctx)
            notes = (note,) if note else ()
        if trace is not None and trace.broadcast:
            notes = (*notes, "Broadcast template: form-letter checks (FL001, FL003) relaxed; "
                             "the same words go to every recipient on purpose.")
    elements = ctx.elements()
    tone = politeness(ctx)
    personalization = None
    if trace is not None and text:
        personalization = round(trace.personal_chars(include_name=True) / len(text), 4)
    kept, silenced, unused = apply_suppressions(findings, (*extra, *in_text), text)
    return Report(
        text=text,
        findings=kept,
        suppressed=silenced,
        suppression_problems=(*problems, *text_problems, *unused),
        elements=ElementSpans(elements, learned.pending(ctx, elements)),
        fail_on=threshold,
        personalization=personalization,
        notes=notes,
        tone=tone,
    )
