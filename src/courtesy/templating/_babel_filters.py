"""Locale-aware filters: dates, times, money, numbers, lists and plurals via Babel.

The locale comes from the template context (``locale``, the customer's normalised tag) and
becomes a cached Babel ``Locale`` through :func:`courtesy.localization.get_locale`; nothing
is parsed per message. A traced input keeps its data path: ``{{ order.total | money("EUR") }}``
still belongs to ``order.total`` in the render trace.

Babel's formats use a narrow no-break space (U+202F) or a no-break space (U+00A0) in some
locales (``1 234,50 €`` in French): that is correct typography, and it is also outside
the GSM-7 alphabet, so an SMS rendered with it is sent as UCS-2 (rule CH001 reports it).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context

from courtesy.exceptions import TemplateError
from courtesy.localization import get_locale
from courtesy.templating._environment import Traced

__all__ = ["BABEL_FILTERS"]

_DEFAULT_LOCALE = "en"


def _locale_tag(ctx: Context, locale: str | None) -> str:
    tag = locale or ctx.get("locale") or _DEFAULT_LOCALE
    return str(tag)


def _keep(value: Any, text: str) -> str:
    origin = getattr(value, "field", None)
    return Traced(text, origin) if isinstance(origin, str) else text


def _as_date(value: Any, filter_name: str) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value) if "T" in value else date.fromisoformat(value)
        except ValueError:
            pass
    raise TemplateError(f"the {filter_name!r} filter needs a date or an ISO 8601 string "
                        f"such as '2026-03-14', not {str(value)[:40]!r}")


def _as_number(value: Any, filter_name: str) -> Decimal | int | float:
    if isinstance(value, bool):
        raise TemplateError(f"the {filter_name!r} filter needs a number, not a boolean")
    if isinstance(value, int | float | Decimal):
        return value
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            pass
    raise TemplateError(f"the {filter_name!r} filter needs a number, not {str(value)[:40]!r}")


@pass_context
def format_date_filter(ctx: Context, value: Any, format: str = "long",
                       locale: str | None = None) -> str:
    """``{{ order.new_date | date }}`` → ``14 March 2026`` / ``14. März 2026``."""
    from babel.dates import format_date

    return _keep(value, format_date(_as_date(value, "date"), format=format,
                                    locale=get_locale(_locale_tag(ctx, locale))))


@pass_context
def format_datetime_filter(ctx: Context, value: Any, format: str = "medium",
                           locale: str | None = None) -> str:
    """A date with its time of day, in the customer's locale."""
    from babel.dates import format_datetime

    moment = _as_date(value, "datetime")
    if not isinstance(moment, datetime):
        moment = datetime(moment.year, moment.month, moment.day)
    return _keep(value, format_datetime(moment, format=format,
                                        locale=get_locale(_locale_tag(ctx, locale))))


@pass_context
def format_time_filter(ctx: Context, value: Any, format: str = "short",
                       locale: str | None = None) -> str:
    """``{{ slot.start | time }}`` → ``2:30 PM`` / ``14:30``."""
    from babel.dates import format_time

    if isinstance(value, datetime):
        moment: time = value.time()
    elif isinstance(value, time):
        moment = value
    elif isinstance(value, str):
        try:
            moment = time.fromisoformat(value)
        except ValueError:
            raise TemplateError(f"the 'time' filter needs a time such as '14:30', "
                                f"not {value[:40]!r}") from None
    else:
        raise TemplateError(f"the 'time' filter needs a time, not {type(value).__name__}")
    return _keep(value, format_time(moment, format=format,
                                    locale=get_locale(_locale_tag(ctx, locale))))


@pass_context
def money_filter(ctx: Context, value: Any, currency: str, locale: str | None = None) -> str:
    """``{{ order.refund | money("EUR") }}`` → ``€39.99`` / ``39,99 €``."""
    from babel.numbers import format_currency

    if len(currency) != 3 or not currency.isalpha():
        raise TemplateError(f"the 'money' filter needs an ISO 4217 currency code such as "
                            f"'EUR', not {currency!r}")
    return _keep(value, format_currency(_as_number(value, "money"), currency.upper(),
                                        locale=get_locale(_locale_tag(ctx, locale))))


@pass_context
def number_filter(ctx: Context, value: Any, locale: str | None = None) -> str:
    """``{{ 1234.5 | number }}`` → ``1,234.5`` / ``1.234,5``."""
    from babel.numbers import format_decimal

    return _keep(value, format_decimal(_as_number(value, "number"),
                                       locale=get_locale(_locale_tag(ctx, locale))))


@pass_context
def list_filter(ctx: Context, value: Any, style: str = "standard",
                locale: str | None = None) -> str:
    """``{{ ["the kettle", "the lid"] | list_and }}`` → ``the kettle and the lid``."""
    from babel.lists import format_list

    if isinstance(value, str) or not isinstance(value, Sequence):
        raise TemplateError("the 'list_and' filter needs a list of strings")
    return format_list([str(item) for item in value], style=style,  # type: ignore[arg-type]
                       locale=get_locale(_locale_tag(ctx, locale)))


@pass_context
def plural_filter(ctx: Context, count: Any, *forms: str, locale: str | None = None) -> str:
    """Choose a form by the locale's plural rules: ``{{ n | plural("parcel", "parcels") }}``.

    Forms are given in CLDR category order as the locale uses them (``one``, ``few``,
    ``many``, ``other``: English and German need two, Polish four). The last form is
    ``other``. ``{n}`` in a form is replaced by the number.
    """
    number = _as_number(count, "plural")
    if not forms:
        raise TemplateError("the 'plural' filter needs the word forms, e.g. "
                            "plural('parcel', 'parcels')")
    loc = get_locale(_locale_tag(ctx, locale))
    category = loc.plural_form(number)
    categories = [c for c in ("zero", "one", "two", "few", "many", "other")
                  if c in loc.plural_form.tags or c == "other"]
    if len(forms) == 1:
        chosen = forms[0]
    elif category in categories and categories.index(category) < len(forms) - 1 \
            and category != "other":
        chosen = forms[categories.index(category)]
    else:
        chosen = forms[-1]
    return chosen.replace("{n}", str(count))


BABEL_FILTERS: dict[str, Callable[..., Any]] = {
    "date": format_date_filter,
    "datetime": format_datetime_filter,
    "time": format_time_filter,
    "money": money_filter,
    "number": number_filter,
    "list_and": list_filter,
    "plural": plural_filter,
}
