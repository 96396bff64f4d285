"""Hostile templates cannot leave the sandbox, read files, or run unbounded."""

from __future__ import annotations

import os
import time
from pathlib import Path

import jinja2
import pytest

from courtesy import Pack, render
from courtesy.exceptions import RenderLimitExceeded, SandboxViolation, TemplateError
from courtesy.templating import Limits

CUSTOMER = {"name": "Nick Owen"}

# Each of these tries to reach Python objects (classes, globals, builtins, the OS) from a
# template. The sandbox must refuse every one with a courtesy TemplateError subclass.
ESCAPES = [
    "{{ ''.__class__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ customer.__class__ }}",
    "{{ customer._profile }}",
    "{{ customer._profile.name }}",
    "{{ range.__init__.__globals__ }}",
    "{{ cycler.__init__.__globals__.os }}",
    "{{ joiner.__init__.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ lipsum.__globals__ }}",
    "{{ self.__init__.__globals__ }}",
    "{{ self._TemplateReference__context }}",
    "{{ ''|attr('__class__') }}",
    "{{ ()|attr('__class__')|attr('__base__')|attr('__subclasses__')() }}",
    "{{ ''|attr('\\x5f\\x5fclass\\x5f\\x5f') }}",
    "{{ customer|attr('_profile') }}",
    "{{ ''.format.__self__ }}",
    "{{ '{0.__class__.__mro__}'.format('') }}",
    "{{ '{0.__class__}'.format_map({'0': ''}) }}",
    "{{ '{x.__class__}'.format_map({'x': customer}) }}",
    "{{ '%s'.__mod__.__self__.__class__ }}",
    # CVE-2024-56326: str.format reached indirectly through a stored reference.
    "{% set f = '{0.__class__}'.format %}{{ f('') }}",
    "{% set f = '{a.__class__}'.format_map %}{{ f({'a': ''}) }}",
    # CVE-2025-27516: the |attr filter used to fetch format and bypass the check.
    "{{ '{0.__class__}'|attr('format')('') }}",
    "{% set f = '{0.__init__.__globals__}'|attr('format') %}{{ f(cycler) }}",
    "{{ ('{0.__cl' ~ 'ass__}')|attr('format')('x') }}",
    "{{ customer.items.__self__.__class__ }}",
    "{{ [].pop.__self__.append(1) }}",
    "{% set x = customer.update({'name': 'pwned'}) %}{{ customer.name }}",
    "{% set x = [] %}{{ x.append(1) }}",
    "{{ config }}",
    "{{ request }}",
    "{{ __builtins__ }}",
    "{{ self.__dict__ }}",
    "{{ loop.__class__ }}",
    "{% for x in [1] %}{{ loop.__init__.__globals__ }}{% endfor %}",
]


@pytest.mark.parametrize("template", ESCAPES)
def test_hostile_template_cannot_reach_python(template: str) -> None:
    with pytest.raises(TemplateError) as info:
        render(template, CUSTOMER, strict=False)
    assert info.value.template == "<string>"
    assert "<class" not in str(info.value)  # no object leaks into the message


@pytest.mark.parametrize("template", [
    "{{ ''.__class__ }}",
    "{{ ''|attr('__class__') }}",
    "{{ '{0.__class__}'.format('') }}",
    "{% set f = '{a.__class__}'.format_map %}{{ f({'a': ''}) }}",
    "{{ '{0.__class__}'|attr('format')('') }}",
])
def test_the_reason_is_a_sandbox_violation(template: str) -> None:
    with pytest.raises(SandboxViolation):
        render(template, CUSTOMER, strict=False)


def test_jinja2_is_pinned_past_the_known_sandbox_cves() -> None:
    major, minor, patch = (int(p) for p in jinja2.__version__.split(".")[:3])
    assert (major, minor, patch) >= (3, 1, 6)
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert "jinja2>=3.1.6" in pyproject.read_text("utf-8").lower()


@pytest.mark.parametrize(("template", "fragment"), [
    ("{% for i in range(10**9) %}x{% endfor %}", "range of 1,000,000,000 items"),
    ("{{ 'x' * 10**9 }}", "exceeds the output limit"),
    ("{{ 2 ** 100000 }}", "exponent"),
    ("{% set n = 10 %}{{ n ** (n ** 4) }}", "exponent"),
    ("{% for i in range(9999) %}{% for j in range(9999) %}xx{% endfor %}{% endfor %}",
     "output exceeds"),
    ("{% macro f(n) %}{{ f(n) }}{% endmacro %}{{ f(1) }}", "recursion"),
])
def test_render_time_and_size_are_bounded(template: str, fragment: str) -> None:
    started = time.monotonic()
    with pytest.raises(RenderLimitExceeded, match=fragment):
        render(template, CUSTOMER, strict=False)
    assert time.monotonic() - started < 5


def test_a_slow_loop_hits_the_deadline() -> None:
    template = ("{% for i in range(9000) %}{% for j in range(9000) %}"
                "{% if i == -1 %}x{% endif %}{% endfor %}{% endfor %}")
    started = time.monotonic()
    with pytest.raises(RenderLimitExceeded, match=r"longer than 0\.2 s"):
        render(template, CUSTOMER, strict=False, limits=Limits(seconds=0.2))
    assert time.monotonic() - started < 3


def _pack(root: Path, body: str) -> Pack:
    (root / "en").mkdir(parents=True)
    (root / "pack.toml").write_text('[pack]\nname = "t"\n\n[templates.hello]\n'
                                    'kind = "inquiry"\n', "utf-8")
    (root / "en" / "hello.txt").write_text(body, "utf-8")
    return Pack.load(root)


@pytest.mark.parametrize("statement", [
    "{% include '../secret.txt' %}",
    "{% include '../../secret.txt' %}",
    "{% include 'en/../../secret.txt' %}",
    "{% include '/etc/passwd' %}",
    "{% include '{SECRET}' %}",
    "{% import '../secret.txt' as s %}{{ s }}",
    "{% from '../secret.txt' import x %}{{ x }}",
    "{% extends '../secret.txt' %}",
    "{% extends '{SECRET}' %}",
    "{% include 'en/link.txt' %}",
    "{% include 'en/dirlink/secret.txt' %}",
    "{% include 'en\\\\..\\\\..\\\\secret.txt' %}",
])
def test_templates_cannot_read_outside_the_pack(tmp_path: Path, statement: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", "utf-8")
    pack = _pack(tmp_path / "pack", statement.replace("{SECRET}", str(secret)))
    os.symlink(secret, tmp_path / "pack" / "en" / "link.txt")
    os.symlink(tmp_path, tmp_path / "pack" / "en" / "dirlink")
    with pytest.raises(TemplateError) as info:
        pack.render("hello", CUSTOMER, strict=False)
    assert "TOP SECRET" not in str(info.value)


def test_a_symlinked_template_file_is_refused_even_as_the_entry_point(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET {{ customer | salutation }}", "utf-8")
    pack = _pack(tmp_path / "pack", "unused")
    (tmp_path / "pack" / "en" / "hello.txt").unlink()
    os.symlink(secret, tmp_path / "pack" / "en" / "hello.txt")
    with pytest.raises(TemplateError, match="not found"):
        pack.render("hello", CUSTOMER, strict=False)


def test_includes_inside_the_pack_still_work(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "{% include 'en/_sig.txt' %}")
    (tmp_path / "pack" / "en" / "_sig.txt").write_text("Sam", "utf-8")
    assert pack.render("hello", CUSTOMER, strict=False).text == "Sam"


def test_html_parts_are_autoescaped(tmp_path: Path) -> None:
    pack = _pack(tmp_path / "pack", "{{ customer | salutation }}")
    html = tmp_path / "pack" / "en" / "hello.email.html"
    html.write_text("<p>{{ customer | salutation }}</p><p>{{ customer.name.given }}</p>", "utf-8")
    customer = {"name": {"given": "<script>alert(1)</script>", "family": "Owen"}}
    message = pack.render("hello", customer, channel="email", strict=False)
    assert message.html is not None
    assert "<script>" not in message.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in message.html
    assert "<script>alert(1)</script>" in message.text
