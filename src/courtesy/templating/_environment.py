"""The sandboxed Jinja2 environment, bounded rendering, and the render trace.

Security model (DESIGN.md, non-negotiables):

* Templates run in Jinja2's ``ImmutableSandboxedEnvironment`` with ``StrictUndefined``;
  customer data only ever enters as *context values*, never as template source.
* ``range`` is bounded, ``*`` and ``**`` are intercepted so that ``"x" * 10**9`` or
  ``9**9**9`` fail fast, ``lipsum`` is gone, and every render has a deadline and an output
  budget, checked per output chunk, per sandboxed call and per ``range`` step.
* The trace brackets each ``{{ … }}`` output with private-use sentinel characters (which
  profiles reject in data and templates may not contain), then strips them and keeps the
  offsets. Values carry their data path (``customer.name.given``) as ``str``/``int``
  subclasses; an expression whose value lost it (a filter made a new string) is still
  attributed to the variables it reads, found once per template from its AST.
"""

from __future__ import annotations

import contextvars
import re
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from jinja2 import (
    BaseLoader,
    StrictUndefined,
    TemplateSyntaxError,
    UndefinedError,
    nodes,
    select_autoescape,
)
from jinja2.exceptions import SecurityError, TemplateNotFound
from jinja2.sandbox import ImmutableSandboxedEnvironment
from markupsafe import Markup

from courtesy.exceptions import (
    MissingVariable,
    RenderLimitExceeded,
    SandboxViolation,
    TemplateError,
)
from courtesy.trace import RenderTrace, TraceSpan

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.runtime import Context

__all__ = [
    "Limits",
    "Traced",
    "TracedInt",
    "make_environment",
    "render_traced",
    "compile_template",
]

_OPEN = "\ue000"
_CLOSE = "\ue001"
_ID_BASE = 0xF0000  # supplementary private use area A: two characters encode an id
_ID_RADIX = 0xFFFE
_SENTINELS = (_OPEN, _CLOSE)


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on one render. Exceeding any raises :class:`RenderLimitExceeded`."""

    seconds: float = 2.0
    output_chars: int = 200_000
    range_items: int = 10_000
    power_exponent: int = 64


_DEFAULT_LIMITS = Limits()


class Traced(str):
    """A string from customer/situation/context data that remembers its data path.

    Case and whitespace methods (what ``|upper``, ``|capitalize``, ``|trim`` call) keep the
    path, so ``{{ customer.name.given | upper }}`` is still traced to the given name.
    """

    field: str

    def __new__(cls, value: str, field: str) -> Traced:
        obj = super().__new__(cls, value)
        obj.field = field
        return obj

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        return (str, (str(self),))


def _keep_field(name: str) -> Callable[..., Traced]:
    base = getattr(str, name)

    def method(self: Traced, *args: Any, **kwargs: Any) -> Traced:
        return Traced(base(self, *args, **kwargs), self.field)

    method.__name__ = name
    return method


for _name in ("upper", "lower", "title", "capitalize", "casefold", "swapcase", "strip",
              "lstrip", "rstrip"):
    setattr(Traced, _name, _keep_field(_name))


class TracedInt(int):
    """An integer from data that remembers its data path (order totals, counts)."""

    field: str

    def __new__(cls, value: int, field: str) -> TracedInt:
        obj = super().__new__(cls, value)
        obj.field = field
        return obj


class TracedFloat(float):
    """A float from data that remembers its data path (amounts, ratings)."""

    field: str

    def __new__(cls, value: float, field: str) -> TracedFloat:
        obj = super().__new__(cls, value)
        obj.field = field
        return obj


@dataclass(slots=True)
class _Recorder:
    deadline: float
    limits: Limits
    entries: list[tuple[str | None, Any, int]] = field(default_factory=list)

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimitExceeded(
                f"render took longer than {self.limits.seconds:g} s; "
                "is there an unbounded loop?"
            )


_RECORDER: contextvars.ContextVar[_Recorder | None] = contextvars.ContextVar(
    "courtesy_render_recorder", default=None
)


def _encode_id(index: int) -> str:
    high, low = divmod(index, _ID_RADIX)
    return chr(_ID_BASE + high) + chr(_ID_BASE + low)


#: the opening markers of the first outputs of a render, made once
_MARKERS = tuple(_OPEN + _encode_id(index) for index in range(256))
#: an opening marker and its id, or a closing one
_MARK = re.compile(f"{_OPEN}(..)|{_CLOSE}", re.DOTALL)


def _finalize(value: Any) -> Any:
    recorder = _RECORDER.get()
    if recorder is None:  # compile-time constant folding: static text
        return value
    frame = sys._getframe(1)
    origin = getattr(value, "field", None)
    index = len(recorder.entries)
    recorder.entries.append((
        origin if isinstance(origin, str) else None,
        frame.f_globals.get("__jinja_template__"),
        frame.f_lineno,
    ))
    if value is None:
        value = ""
    marker = _MARKERS[index] if index < 256 else _OPEN + _encode_id(index)
    if hasattr(value, "__html__"):
        return Markup(marker) + Markup(value.__html__()) + Markup(_CLOSE)
    return marker + str(value) + _CLOSE


class _BoundedRange:
    """``range`` for templates: a size cap, and a deadline check as it is iterated."""

    __slots__ = ("_range",)

    def __init__(self, *args: int) -> None:
        recorder = _RECORDER.get()
        limit = (recorder.limits if recorder else _DEFAULT_LIMITS).range_items
        rng = range(*args)
        if len(rng) > limit:
            raise RenderLimitExceeded(f"range of {len(rng):,} items; templates may loop "
                                      f"over at most {limit:,}")
        self._range = rng

    def __len__(self) -> int:
        return len(self._range)

    def __iter__(self) -> Iterator[int]:
        recorder = _RECORDER.get()
        for i, value in enumerate(self._range):
            if recorder is not None and i % 256 == 0:
                recorder.check_time()
            yield value


class CourtesyEnvironment(ImmutableSandboxedEnvironment):
    """The one environment type courtesy renders with."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        recorder = _RECORDER.get()
        limits = recorder.limits if recorder else _DEFAULT_LIMITS
        if operator == "**":
            if isinstance(right, int | float) and abs(right) > limits.power_exponent:
                raise RenderLimitExceeded(
                    f"exponent {right!r} is too large (at most {limits.power_exponent})")
        elif operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and \
                        len(seq) * times > limits.output_chars:
                    raise RenderLimitExceeded(
                        f"repeating a sequence {times:,} times exceeds the output limit")
        return super().call_binop(context, operator, left, right)

    def call(self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        recorder = _RECORDER.get()
        if recorder is not None:
            recorder.check_time()
        return super().call(__context, __obj, *args, **kwargs)


def make_environment(
    loader: BaseLoader | None = None,
    *,
    filters: Mapping[str, Callable[..., Any]] | None = None,
    globals: Mapping[str, Any] | None = None,
) -> CourtesyEnvironment:
    """A sandboxed environment: strict undefined, HTML autoescaped by file extension."""
    env = CourtesyEnvironment(
        loader=loader,
        undefined=StrictUndefined,
        autoescape=select_autoescape(enabled_extensions=("html", "htm"),
                                     default_for_string=False, default=False),
        auto_reload=False,
        finalize=_finalize,
        keep_trailing_newline=True,
    )
    env.globals.pop("lipsum", None)
    env.globals["range"] = _BoundedRange
    if filters:
        env.filters.update(filters)
    if globals:
        env.globals.update(globals)
    return env


def _names_by_line(env: CourtesyEnvironment, source: str) -> dict[int, frozenset[str]]:
    """For each template line, the variables its ``{{ … }}`` outputs read."""
    tree = env.parse(source)
    ignored = set(env.globals) | {"loop", "caller", "varargs", "kwargs"}
    lines: dict[int, set[str]] = {}
    for output in tree.find_all(nodes.Output):
        for expr in output.nodes:
            if isinstance(expr, nodes.TemplateData):
                continue
            names = {n.name for n in expr.find_all(nodes.Name) if n.name not in ignored}
            if isinstance(expr, nodes.Name) and expr.name not in ignored:
                names.add(expr.name)
            if names:
                lines.setdefault(expr.lineno, set()).update(names)
    return {line: frozenset(names) for line, names in lines.items()}


@dataclass(frozen=True, slots=True)
class CompiledTemplate:
    """A compiled template and what the trace needs to know about it."""

    template: Template
    name: str
    names_by_line: dict[int, frozenset[str]]


def compile_template(
    env: CourtesyEnvironment, source: str, name: str = "<string>"
) -> CompiledTemplate:
    """Compile ``source``; syntax errors become :class:`TemplateError` with the line."""
    for sentinel in _SENTINELS:
        if sentinel in source:
            line = source.count("\n", 0, source.index(sentinel)) + 1
            raise TemplateError(
                f"template contains the reserved character U+{ord(sentinel):04X}",
                template=name, line=line)
    try:
        # Compile under the template's name so that autoescaping follows its extension
        # (``.html`` parts are escaped; ``from_string`` would compile them unescaped).
        code = env.compile(source, name if name != "<string>" else None)
        template = env.template_class.from_code(env, code, env.make_globals(None), None)
        names = _names_by_line(env, source)
    except TemplateSyntaxError as exc:
        raise TemplateError(exc.message or str(exc), template=exc.name or name,
                            line=exc.lineno) from None
    template.name = name
    return CompiledTemplate(template, name, names)


@lru_cache(maxsize=256)
def _names_for_loaded(env: CourtesyEnvironment, name: str) -> dict[int, frozenset[str]]:
    if env.loader is None:
        return {}
    source, _filename, _uptodate = env.loader.get_source(env, name)
    return _names_by_line(env, source)


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame in a (Jinja-rewritten) traceback: name and line."""
    name: str | None = None
    line: int | None = None
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            name = template.name or template.filename
            line = template.get_corresponding_lineno(tb.tb_lineno)
        elif tb.tb_frame.f_code.co_filename.startswith("<template>") or (
            tb.tb_frame.f_code.co_name in ("top-level template code", "template")
        ):
            line = tb.tb_lineno
        tb = tb.tb_next
    return name, line


def _undefined_name(message: str) -> str:
    # "'order' is undefined" / "'dict object' has no attribute 'id'"
    if "has no attribute" in message:
        return message.rsplit("has no attribute", 1)[1].strip().strip("'\"")
    if "is undefined" in message:
        return message.split("is undefined", 1)[0].strip().strip("'\"")
    return message


def render_traced(
    compiled: CompiledTemplate,
    context: Mapping[str, Any],
    *,
    limits: Limits | None = None,
    data_roots: frozenset[str] = frozenset(),
) -> tuple[str, RenderTrace]:
    """Render with the sandbox bounds; return clean text and its trace.

    ``data_roots`` are the context variables that carry customer/situation data; an
    expression reading one of them is personal even when its value lost its data path.
    """
    limits = limits or Limits()
    recorder = _Recorder(time.monotonic() + limits.seconds, limits)
    token = _RECORDER.set(recorder)
    name = compiled.name
    try:
        chunks: list[str] = []
        size = 0
        for chunk in compiled.template.generate(context):
            chunks.append(chunk)
            size += len(chunk)
            if size > limits.output_chars * 2:  # sentinels add a few characters each
                raise RenderLimitExceeded(
                    f"output exceeds {limits.output_chars:,} characters", template=name)
            recorder.check_time()
        raw = "".join(chunks)
    except UndefinedError as exc:
        where, line = _template_line(exc)
        raise MissingVariable(_undefined_name(exc.message or str(exc)), template=where or name,
                              line=line) from exc
    except SecurityError as exc:
        where, line = _template_line(exc)
        raise SandboxViolation(str(exc), template=where or name, line=line) from exc
    except RenderLimitExceeded as exc:
        where, line = _template_line(exc)
        raise RenderLimitExceeded(exc.detail, template=where or name, line=line) from exc
    except TemplateError:
        raise
    except TemplateNotFound as exc:
        where, line = _template_line(exc)
        raise TemplateError(f"template {exc.name!r} not found", template=where or name,
                            line=line) from exc
    except RecursionError as exc:
        raise RenderLimitExceeded("recursion too deep", template=name) from exc
    except Exception as exc:  # Jinja2: "the caller has to ensure all exceptions are caught"
        where, line = _template_line(exc)
        raise TemplateError(f"{type(exc).__name__}: {exc}", template=where or name,
                            line=line) from exc
    finally:
        _RECORDER.reset(token)
    text, spans = _strip_sentinels(raw, recorder, compiled, data_roots)
    if len(text) > limits.output_chars:
        raise RenderLimitExceeded(f"output exceeds {limits.output_chars:,} characters",
                                  template=name)
    return text, RenderTrace(spans=spans, template=name)


def _resolve_line(template: Any, python_line: int) -> int | None:
    return int(template.get_corresponding_lineno(python_line)) if template else None


def _strip_sentinels(
    raw: str, recorder: _Recorder, compiled: CompiledTemplate, data_roots: frozenset[str]
) -> tuple[str, tuple[TraceSpan, ...]]:
    if _OPEN not in raw:
        return raw, ()
    out: list[str] = []
    size = 0  # length of the clean text so far
    stack: list[tuple[int, int]] = []
    spans: list[TraceSpan] = []
    pos = 0
    entries = recorder.entries
    for mark in _MARK.finditer(raw):
        at = mark.start()
        out.append(raw[pos:at])
        size += at - pos
        pos = mark.end()
        code = mark.group(1)
        if code is not None:  # an output opens
            stack.append(((ord(code[0]) - _ID_BASE) * _ID_RADIX + ord(code[1]) - _ID_BASE,
                          size))
            continue
        index, start = stack.pop()
        origin, template, python_line = entries[index]
        if origin is None:
            origin = _origin_from_names(template, python_line, compiled, data_roots)
        spans.append(TraceSpan(
            start, size, origin,
            template=(template.name if template is not None else compiled.name),
            resolve_line=partial(_resolve_line, template, python_line),
        ))
    out.append(raw[pos:])
    spans.sort(key=lambda s: (s.start, -s.end))
    return "".join(out), tuple(spans)


def _origin_from_names(
    template: Any, python_line: int, compiled: CompiledTemplate, data_roots: frozenset[str]
) -> str | None:
    if template is None:
        return None
    line = template.get_corresponding_lineno(python_line)
    if template is compiled.template:
        by_line = compiled.names_by_line
    else:
        by_line = _names_for_loaded(template.environment, template.name)
    names = by_line.get(line, frozenset())
    for name in sorted(names):
        if name in data_roots or name not in template.environment.globals:
            return f"{name}.*" if name in data_roots else f"{name}.*(derived)"
    return None
