"""Customer and context data are never evaluated as template code.

``ssti_payloads.txt`` holds server-side template injection probes in the shapes known for
Jinja2, Twig, Freemarker, Velocity, ERB, Handlebars, Smarty, Mako, Thymeleaf and others.
Each goes in as a customer name, a customer field and a context value, and must come out
of the render exactly as it went in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from courtesy import Customer, Pack, render

PAYLOADS = [
    line for line in (Path(__file__).parent / "ssti_payloads.txt").read_text("utf-8").splitlines()
    if line and not line.startswith("# ") and line != "#"
]


def test_the_corpus_is_large_enough() -> None:
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_customer_name_renders_literally(payload: str) -> None:
    customer = Customer.model_validate({"name": {"given": payload, "family": "Owen"},
                                        "id": payload})
    message = render("{{ customer.name.given }}\n{{ customer.full_name }}\n"
                     "{{ customer | salutation }}\n{{ customer.id }}", customer, strict=False)
    given, full, salutation, ident = message.text.split("\n")
    assert given == payload
    assert ident == payload
    assert full.startswith(payload)
    assert "49" not in message.text or "49" in payload
    assert "uid=" not in message.text
    assert any(span.field.startswith("customer.name") for span in message.trace.spans
               if span.field)
    assert len(salutation) > 0


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_as_context_value_renders_literally(payload: str) -> None:
    context: dict[str, Any] = {"note": payload, "order": {"id": payload, "items": [payload]}}
    message = render("A {{ note }} B {{ order.id | upper }} C {{ order['items'] | join(',') }}",
                     {"name": "Nick Owen"}, strict=False, **context)
    assert message.text == f"A {payload} B {payload.upper()} C {payload}"


@pytest.mark.parametrize("payload", PAYLOADS[::5])
def test_payload_in_a_pack_render_is_literal_in_text_and_escaped_in_html(payload: str) -> None:
    pack = Pack.builtin("default")
    order = {"id": "A-1042", "reason": payload, "new_date": "Thursday 14 March",
             "tracking": "JD0012345678"}
    message = pack.render("delay_apology", {"name": "Nick Owen"},
                          {"kind": "delay", "our_fault": True}, channel="email",
                          strict=False, order=order, agent="Sam")
    assert payload in message.text
    assert message.html is not None
    assert str(escape(payload)) in message.html
    assert "<" not in payload or payload not in message.html
