"""Rendering: sandboxed, strict, traced, bounded; customer data is data."""

from __future__ import annotations

import pytest

from courtesy import Customer, DiscourteousMessage, MissingVariable, TemplateError, render
from courtesy.exceptions import RenderLimitExceeded, SandboxViolation
from courtesy.templating import Limits

DELAY = {"kind": "delay", "our_fault": True}
ORDER = {"id": "A-1042", "new_date": "Thursday 14 March", "tracking": "jd0012345678"}
TEMPLATE = """{{ customer | salutation }},

I'm sorry: your order {{ order.id }} is late, and that's our mistake. It will reach you on \
{{ order.new_date }}; tracking number {{ order.tracking | upper }}.

Thank you for your patience, {{ customer.name.given }}. Just reply to this email if \
anything else goes wrong.

Priya
"""


def test_render_traces_each_output_to_its_field(nick: Customer) -> None:
    message = render(TEMPLATE, nick, DELAY, order=ORDER)
    assert message.passed
    assert message.text.startswith("Dear Mr Owen,\n")
    traced = {message.text[s.start:s.end]: (s.field, s.line) for s in message.trace.spans}
    assert traced["Dear Mr Owen"] == ("customer.name", 1)
    assert traced["A-1042"] == ("order.id", 3)
    assert traced["JD0012345678"] == ("order.tracking", 3)  # |upper keeps the path
    assert traced["Nick"] == ("customer.name.given", 5)
    assert message.report.personalization is not None
    assert 0 < message.report.personalization < 1


def test_filters_that_drop_the_path_still_count_as_personal(nick: Customer) -> None:
    message = render("{{ order.id | replace('A', 'B') }}", nick, strict=False, order=ORDER)
    (span,) = message.trace.spans
    assert span.field == "order.*"
    assert span.is_personal


def test_strict_rendering_raises_with_the_report(nick: Customer) -> None:
    form = ("{{ customer | salutation }},\n\nThank you for contacting us. We have received "
            "your request and a member of our team will get back to you as soon as possible.")
    with pytest.raises(DiscourteousMessage) as info:
        render(form, nick, DELAY)
    rules = {f.rule for f in info.value.report.findings}
    assert {"EL001", "FL001"} <= rules
    assert "FL001" in str(info.value)
    message = render(form, nick, DELAY, strict=False)
    assert not message.passed
    assert message.report.findings


def test_missing_variable_names_template_line_and_variable(nick: Customer) -> None:
    source = "Hi {{ customer.name.given }},\n\nYour order {{ order.id }} is on its way."
    with pytest.raises(MissingVariable) as info:
        render(source, nick, template_name="shipped.txt")
    assert (info.value.template, info.value.line, info.value.name) == ("shipped.txt", 3,
                                                                       "order")
    assert str(info.value) == "shipped.txt:3: undefined template variable 'order'"
    with pytest.raises(MissingVariable, match="'nicknam'"):
        render("{{ customer.name.nicknam }}", nick, strict=False)


def test_syntax_errors_name_the_line(nick: Customer) -> None:
    with pytest.raises(TemplateError, match=r"^bad.txt:2: "):
        render("Hi\n{{ customer.name.given }\n", nick, template_name="bad.txt")


@pytest.mark.parametrize(
    ("source", "error"),
    [
        ("{{ ''.__class__.__mro__ }}", SandboxViolation),
        ("{{ customer._profile }}", SandboxViolation),
        ("{{ customer.name.given.__class__ }}", SandboxViolation),
        ("{{ (customer | attr('__class__')) }}", SandboxViolation),
        ("{{ '{0.__class__}'.format(customer) }}", SandboxViolation),
        ("{{ cycler.__init__.__globals__ }}", SandboxViolation),
        ("{% for i in range(10**7) %}x{% endfor %}", RenderLimitExceeded),
        ("{{ 'a' * 10**8 }}", RenderLimitExceeded),
        ("{{ 2 ** 100000 }}", RenderLimitExceeded),
        ("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", RenderLimitExceeded),
        ("{% for i in range(9000) %}{{ 'x' * 900 }}{% endfor %}", RenderLimitExceeded),
        ("{{ lipsum(10**6) }}", MissingVariable),
        ("{% include '/etc/passwd' %}", TemplateError),
    ],
)
def test_hostile_templates_fail_cleanly(nick: Customer, source: str,
                                        error: type[Exception]) -> None:
    with pytest.raises(error):
        render(source, nick, strict=False)


def test_endless_loops_hit_the_deadline(nick: Customer) -> None:
    source = ("{% for x in range(10000) %}{% for y in range(10000) %}{% endfor %}"
              "{% endfor %}")
    with pytest.raises(RenderLimitExceeded, match=r"longer than 0\.2 s"):
        render(source, nick, strict=False, limits=Limits(seconds=0.2))


SSTI = [
    "{{ 7*7 }}", "{{7*'7'}}", "${7*7}", "<%= 7*7 %>", "#{7*7}", "{% print 1 %}",
    "{{ config.items() }}", "{{ self.__init__.__globals__ }}", "{{ ''.__class__ }}",
    "{{ request.application.__globals__ }}", "{% import os %}", "{{ cycler }}",
]


@pytest.mark.parametrize("payload", SSTI)
def test_customer_data_is_never_template_code(payload: str) -> None:
    customer = Customer.model_validate({"name": {"given": payload, "family": "Owen"}})
    message = render("Hi {{ customer.name.given }}!", customer, strict=False)
    assert message.text == f"Hi {payload}!"


def test_context_values_cannot_forge_trace_sentinels(nick: Customer) -> None:
    from courtesy import ProfileError

    with pytest.raises(ProfileError, match=r"order\.id"):
        render("{{ order.id }}", nick, strict=False, order={"id": "A\ue000"})


def test_reserved_context_names_are_refused(nick: Customer) -> None:
    from courtesy import ProfileError

    with pytest.raises(ProfileError, match="reserved"):
        render("{{ locale }}", nick, strict=False, locale="de")


def test_templates_may_not_contain_the_sentinels(nick: Customer) -> None:
    with pytest.raises(TemplateError, match="reserved character"):
        render("Hi \ue001", nick, strict=False)
