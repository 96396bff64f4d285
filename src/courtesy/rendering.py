"""``render()``: a template and a customer in, a checked :class:`Message` out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from courtesy.checking import _as_customer, _as_situation, _with_default_locale, check
from courtesy.exceptions import DiscourteousMessage
from courtesy.profiles import Channel
from courtesy.rules.model import Severity
from courtesy.suppression import Suppression, SuppressionProblem, parse_template
from courtesy.templating import (
    FILTERS,
    CompiledTemplate,
    CourtesyEnvironment,
    Limits,
    build_context,
    compile_template,
    make_environment,
    render_traced,
)
from courtesy.trace import RenderTrace

if TYPE_CHECKING:
    from courtesy.config import Config
    from courtesy.profiles import Customer, Situation
    from courtesy.report import Report
    from courtesy.rules.policy import ResponsePolicy

__all__ = ["Message", "render", "render_compiled"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """A rendered message with its check report and render trace."""

    text: str
    report: Report
    trace: RenderTrace
    template: str
    channel: Channel | None = None
    locale: str | None = None
    subject: str | None = None
    html: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return self.report.passed

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=1)
def _string_environment() -> CourtesyEnvironment:
    return make_environment(filters=FILTERS)


@lru_cache(maxsize=512)
def _compile_string(source: str, name: str) -> CompiledTemplate:
    return compile_template(_string_environment(), source, name)


def render_compiled(
    compiled: CompiledTemplate,
    customer: Customer | Mapping[str, Any] | None,
    situation: Situation | Mapping[str, Any] | None = None,
    *,
    channel: Channel | str | None = None,
    strict: bool = True,
    fail_on: Severity | str | None = None,
    limits: Limits | None = None,
    broadcast: bool = False,
    context: Mapping[str, Any] | None = None,
    suppressions: Iterable[Suppression | SuppressionProblem] = (),
    config: Config | None = None,
    policy: ResponsePolicy | None = None,
) -> Message:
    """Render an already compiled template, then check the output (see :func:`render`).

    Jinja2 drops template comments, so ``{# courtesy: ignore[...] #}`` suppressions must be
    read from the template source (:func:`courtesy.suppression.parse_template`) and passed
    in as ``suppressions``; :func:`render` does that for you. ``config``
    (:func:`courtesy.config.load_config`) and ``policy`` (the response-time policy, which
    wins over the config's) are passed to :func:`~courtesy.check`; ``fail_on`` defaults to
    the config's, else ``"error"``.
    """
    if config is not None:
        channel = channel if channel is not None else config.channel
        if config.default_locale is not None and customer is not None:
            customer = _with_default_locale(customer, config.default_locale)
    customer_model = _as_customer(customer)
    situation_model = _as_situation(situation)
    channel_value = Channel(channel) if channel is not None else None
    ctx, roots = build_context(customer_model, situation_model, context or {},
                               channel=str(channel_value) if channel_value else None)
    text, trace = render_traced(compiled, ctx, limits=limits, data_roots=roots)
    if broadcast:
        trace = RenderTrace(spans=trace.spans, template=trace.template, broadcast=True)
    report = check(text, customer=customer_model, situation=situation_model,
                   channel=channel_value, fail_on=fail_on, trace=trace,
                   suppressions=suppressions, config=config, policy=policy)
    message = Message(
        text=text, report=report, trace=trace, template=compiled.name, channel=channel_value,
        locale=customer_model.locale if customer_model else None,
    )
    if strict and not report.passed:
        raise DiscourteousMessage(report)
    return message


def render(
    template_source: str,
    customer: Customer | Mapping[str, Any] | None,
    situation: Situation | Mapping[str, Any] | None = None,
    *,
    channel: Channel | str | None = None,
    strict: bool = True,
    fail_on: Severity | str | None = None,
    template_name: str = "<string>",
    limits: Limits | None = None,
    config: Config | None = None,
    policy: ResponsePolicy | None = None,
    **context: Any,
) -> Message:
    """Render a template string for a customer in a sandbox, then check the result.

    ``context`` keyword arguments become template variables (``order={"id": "A-1042"}``)
    and count as personal data for the form-letter check (the names of this function's own
    parameters cannot be template variables). Strict by default: a message
    that fails the checks raises :class:`~courtesy.DiscourteousMessage` carrying the
    report; with ``strict=False`` the :class:`Message` comes back with ``.report``.
    A template that reads a variable the context lacks raises
    :class:`~courtesy.exceptions.MissingVariable` naming the template, line and variable.

    ``config`` (:func:`courtesy.config.load_config`) configures the check, including the
    response-time policy; ``policy`` overrides that policy. ``fail_on`` defaults to the
    config's, else ``"error"``.
    """
    compiled = _compile_string(template_source, template_name)
    found, problems = parse_template(template_source, template_name)
    return render_compiled(compiled, customer, situation, channel=channel, strict=strict,
                           fail_on=fail_on, limits=limits, context=context,
                           suppressions=(*found, *problems), config=config, policy=policy)
