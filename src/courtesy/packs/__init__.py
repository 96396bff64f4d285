"""Message packs: a directory of templates with a ``pack.toml`` manifest.

Layout (``<locale>/<template id>.<channel>[.<part>].<ext>``)::

    my-pack/
      pack.toml
      en/delay_apology.email.subject.txt   # e-mail subject line (one line)
      en/delay_apology.email.txt           # e-mail plain-text part
      en/delay_apology.email.html          # e-mail HTML part (autoescaped)
      en/delay_apology.sms.txt             # SMS
      en/delay_apology.chat.txt            # chat
      en/review_reply.public.txt           # public (social) reply
      en/delay_apology.txt                 # any channel without its own file
      de/delay_apology.email.txt

``pack.toml``::

    [pack]
    name = "default"
    version = "1.0"
    default_locale = "en"
    locales = ["en", "de"]

    [templates.delay_apology]
    kind = "delay"                 # the situation kind this template answers
    description = "Our fault: the order is late; new date and tracking."
    channels = ["email", "sms"]    # channels it is written for
    broadcast = false              # announcements to many customers relax form-letter checks

    [templates.delay_apology.context]     # what the caller must pass, typed
    order = {type = "object", required = ["id", "new_date"], fields = {new_date = "date"}}
    agent = "string"               # compact form; "string?" is optional

    [templates.delay_apology.examples.en]  # example context for ``courtesy lint``
    situation = {kind = "delay", our_fault = true}
    order = {id = "A-1042", new_date = "2026-03-14"}
    agent = "Sam"

    [response-policy]              # optional: this pack's response-time targets
    first-reply = {high = "8h"}    # same keys as in courtesy.toml; the rest keep the defaults

Types: ``string``, ``number``, ``integer``, ``boolean``, ``date``, ``list``, ``object``,
``any``. ``pack.render`` validates the context against the schema; errors name the
template and the field (``order.new_date``).

A pack's ``[response-policy]`` (same syntax as in ``courtesy.toml``, see
:mod:`courtesy.config`) applies to every message it renders. The policy used is, first
found: ``pack.render(policy=...)``, the pack's table, the project's ``[response-policy]``
(``pack.render(config=...)``), the documented defaults. A pack's table is read on its own,
over the defaults, never merged with the project's: a pack behaves the same in every
project, and ``courtesy lint`` checks what ships.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, get_args

from jinja2 import TemplateNotFound
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from courtesy.checking import _as_customer, _as_situation, _with_default_locale
from courtesy.config import ConfigError, PolicySettings
from courtesy.exceptions import DiscourteousMessage, PackError, PackNotFound, TemplateError
from courtesy.localization import language_of, normalize_locale_tag
from courtesy.packs._loader import PackLoader
from courtesy.profiles import Channel, SituationKind
from courtesy.rendering import Message, render_compiled
from courtesy.rules.model import Severity
from courtesy.templating import (
    FILTERS,
    CompiledTemplate,
    CourtesyEnvironment,
    Limits,
    make_environment,
)

if TYPE_CHECKING:
    from courtesy.config import Config
    from courtesy.profiles import Customer, Situation
    from courtesy.rules.policy import ResponsePolicy

__all__ = ["Pack", "PackManifest", "TemplateSpec", "VarSpec"]

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


VarType = Literal["string", "number", "integer", "boolean", "date", "list", "object", "any"]
_VAR_TYPES: tuple[str, ...] = get_args(VarType)


class VarSpec(BaseModel):
    """The type of one context variable (or of one field of an object variable)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: VarType = "any"
    required: tuple[Identifier, ...] = ()
    fields: dict[Identifier, VarSpec] = Field(default_factory=dict)
    items: VarType | None = None
    optional: bool = False
    description: str = ""

    @model_validator(mode="before")
    @classmethod
    def _compact(cls, data: Any) -> Any:
        if isinstance(data, str):
            optional = data.endswith("?")
            name = data.removesuffix("?")
            if name.endswith("[]"):
                return {"type": "list", "items": name.removesuffix("[]"),
                        "optional": optional}
            return {"type": name, "optional": optional}
        return data

    @model_validator(mode="after")
    def _fields_are_for_objects(self) -> VarSpec:
        if (self.required or self.fields) and self.type not in ("object", "any"):
            raise ValueError(f"'required' and 'fields' need type 'object', not {self.type!r}")
        return self


def _check_value(value: Any, spec: VarSpec, path: str) -> str | None:
    """Why ``value`` does not fit ``spec`` (``None`` when it does)."""
    kind = spec.type
    ok: bool
    if value is None:
        ok = spec.optional or kind == "any"
    elif kind == "any":
        ok = True
    elif kind == "string":
        ok = isinstance(value, str)
    elif kind == "boolean":
        ok = isinstance(value, bool)
    elif kind == "integer":
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "number":
        ok = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
        if isinstance(value, str):
            try:
                Decimal(value)
                ok = True
            except ArithmeticError:
                ok = False
    elif kind == "date":
        ok = isinstance(value, date)
        if isinstance(value, str):
            try:
                date.fromisoformat(value[:10])
                ok = True
            except ValueError:
                ok = False
    elif kind == "list":
        ok = isinstance(value, list | tuple)
    else:  # object
        ok = isinstance(value, Mapping)
    if not ok:
        shown = repr(value) if len(repr(value)) < 40 else type(value).__name__
        return f"{path}: expected {kind}, got {shown}"
    if isinstance(value, Mapping):
        for name in spec.required:
            if name not in value:
                return f"{path}.{name}: required field is missing"
        for name, field_spec in spec.fields.items():
            if name in value:
                problem = _check_value(value[name], field_spec, f"{path}.{name}")
                if problem:
                    return problem
            elif not field_spec.optional and name not in spec.required and \
                    field_spec.type != "any":
                return f"{path}.{name}: required field is missing"
    if spec.items and isinstance(value, list | tuple):
        item_spec = VarSpec(type=spec.items)
        for i, item in enumerate(value):
            problem = _check_value(item, item_spec, f"{path}[{i}]")
            if problem:
                return problem
    return None


#: Keyword arguments of :meth:`Pack.render` besides the template context.
_RENDER_KEYWORDS = frozenset({"channel", "strict", "fail_on", "config", "policy"})


class TemplateSpec(BaseModel):
    """One template's declaration in ``pack.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SituationKind
    description: str = ""
    context: dict[Identifier, VarSpec] = Field(default_factory=dict)
    channels: tuple[Channel, ...] = ()
    broadcast: bool = False
    #: Example context per locale (``en``, ``de``...) for ``courtesy lint``; may include a
    #: ``situation`` table. Locales without one use the default locale's example.
    examples: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("context", mode="before")
    @classmethod
    def _names_only(cls, value: Any) -> Any:
        # ``context = ["order", "agent"]``: names without types.
        if isinstance(value, list | tuple):
            return dict.fromkeys(value, "any")
        return value

    @field_validator("context")
    @classmethod
    def _no_render_keywords(cls, value: dict[str, VarSpec]) -> dict[str, VarSpec]:
        clash = sorted(_RENDER_KEYWORDS & set(value))
        if clash:
            raise ValueError(f"context variable {clash[0]!r} is a keyword of pack.render() "
                             "and could never be passed; rename it")
        return value

    def validate_context(self, template_id: str, context: Mapping[str, Any]) -> dict[str, Any]:
        """Check ``context`` against the schema; :class:`PackError` names template and field.

        Returns the context with every declared optional variable or object field that the
        caller left out set to ``None``, so templates can test it with ``{% if %}``.
        """
        out = dict(context)
        for name, spec in self.context.items():
            if name not in context:
                if spec.optional:
                    out[name] = None
                    continue
                raise PackError(f"template {template_id!r} needs context variable {name!r}"
                                f" ({spec.type})")
            problem = _check_value(context[name], spec, name)
            if problem:
                raise PackError(f"template {template_id!r}: context {problem}")
            value = context[name]
            if isinstance(value, Mapping) and spec.fields:
                missing = {key: None for key, field_spec in spec.fields.items()
                           if field_spec.optional and key not in value}
                if missing:
                    out[name] = {**value, **missing}
        return out


class PackInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100)]
    version: str = "0"
    description: str = ""
    default_locale: str = "en"
    locales: tuple[str, ...] = ()


class PackManifest(BaseModel):
    """The validated contents of ``pack.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    pack: PackInfo
    templates: dict[Identifier, TemplateSpec] = Field(default_factory=dict)
    #: the pack's ``[response-policy]``, if it has one
    response_policy: PolicySettings | None = Field(alias="response-policy", default=None)


def _read_manifest(path: Path) -> PackManifest:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise PackNotFound("no pack.toml in this directory", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise PackError(f"malformed TOML: {exc}", file=str(path), line=line) from None
    if "response-policy" in data:
        try:
            data["response-policy"] = PolicySettings.from_mapping(data["response-policy"],
                                                                  file=str(path))
        except ConfigError as exc:
            raise PackError(f"{exc.key}: {exc.detail}", file=str(path),
                            line=_key_line(path, exc.key)) from None
    try:
        return PackManifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"{where}: {first['msg']}", file=str(path),
                        line=_key_line(path, where)) from None


_TABLE = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-.\"' ]+?)\s*=")


def _key_line(path: Path, key: str) -> int | None:
    """The line of ``pack.toml`` that sets ``key`` ("pack.version", or a key inside an
    inline table: "response-policy.first-reply.medium" is on the ``first-reply = {...}``
    line), or of the nearest table that holds it; ``None`` if it cannot be told."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except OSError:
        return None
    wanted = key.split(".")
    table: list[str] = []
    best: tuple[int, int] | None = None  # (parts matched, line)
    for number, line in enumerate(lines, start=1):
        header = _TABLE.match(line)
        if header:
            table = [p.strip().strip("\"'") for p in header[1].split(".")]
            here = table
        else:
            found = _KEY.match(line)
            if not found:
                continue
            here = table + [p.strip().strip("\"'") for p in found[1].split(".")]
        matched = len(here) if wanted[:len(here)] == here else 0
        if matched and (best is None or matched > best[0]):
            best = (matched, number)
    return best[1] if best else None


@dataclass
class Pack:
    """A loaded message pack. Load with :meth:`load` or :meth:`builtin`."""

    root: Path
    manifest: PackManifest
    limits: Limits = field(default_factory=Limits)
    _env: CourtesyEnvironment | None = field(default=None, repr=False)
    _compiled: dict[str, CompiledTemplate] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, path: str | Path) -> Pack:
        """Load the pack in directory ``path`` (validates ``pack.toml``)."""
        root = Path(path)
        if not root.is_dir():
            raise PackNotFound("not a pack directory", file=str(root))
        manifest = _read_manifest(root / "pack.toml")
        try:
            normalize_locale_tag(manifest.pack.default_locale)
            for tag in manifest.pack.locales:
                normalize_locale_tag(tag)
        except ValueError as exc:
            raise PackError(str(exc), file=str(root / "pack.toml")) from None
        return cls(root.resolve(), manifest)

    @classmethod
    def builtin(cls, name: str = "default") -> Pack:
        """A pack shipped inside courtesy (``"default"``)."""
        base = Path(str(resources.files("courtesy.packs") / "builtin"))
        candidates = sorted(p.name for p in base.iterdir() if (p / "pack.toml").is_file())
        if name not in candidates:
            raise PackNotFound(f"no built-in pack {name!r}; available: {', '.join(candidates)}")
        return cls.load(base / name)

    @property
    def name(self) -> str:
        return self.manifest.pack.name

    @property
    def templates(self) -> Mapping[str, TemplateSpec]:
        return self.manifest.templates

    @property
    def policy(self) -> ResponsePolicy | None:
        """The pack's response-time policy (``[response-policy]``), or ``None``."""
        settings = self.manifest.response_policy
        return settings.policy if settings is not None else None

    @property
    def environment(self) -> CourtesyEnvironment:
        if self._env is None:
            self._env = make_environment(PackLoader(self.root), filters=FILTERS)
        return self._env

    def locale_chain(self, locale: str | None) -> list[str]:
        """Locales to try, most specific first: ``de-AT`` → ``de`` → the pack default."""
        chain: list[str] = []
        if locale:
            chain += [locale, language_of(locale)]
        chain.append(self.manifest.pack.default_locale)
        return list(dict.fromkeys(chain))

    def template_path(self, template_id: str, locale: str | None,
                      channel: Channel | None, part: str = "text", *,
                      fallback: bool = True) -> tuple[str, str] | None:
        """The file for one part (``text``, ``subject``, ``html``) and its locale.

        ``text`` falls back to ``<id>.txt`` and raises when nothing fits; ``subject`` and
        ``html`` return ``None`` when the pack has no such file.
        """
        self.spec(template_id)
        chain = self.locale_chain(locale) if fallback or not locale else [locale]
        for tag in chain:
            names: list[str] = []
            if part == "text":
                names = [f"{tag}/{template_id}.{channel}.txt"] if channel else []
                names.append(f"{tag}/{template_id}.txt")
            elif channel is not None and part == "subject":
                names = [f"{tag}/{template_id}.{channel}.subject.txt"]
            elif channel is not None and part == "html":
                names = [f"{tag}/{template_id}.{channel}.html"]
            for name in names:
                if (self.root / name).is_file():
                    return name, tag
        if part != "text":
            return None
        raise PackNotFound(
            f"pack {self.name!r} has no file for template {template_id!r}"
            f"{f' on channel {channel}' if channel else ''} in "
            f"{', '.join(self.locale_chain(locale))}", file=str(self.root))

    def spec(self, template_id: str) -> TemplateSpec:
        """The declaration of ``template_id``; :class:`PackNotFound` names the known ones."""
        try:
            return self.manifest.templates[template_id]
        except KeyError:
            known = ", ".join(sorted(self.manifest.templates)) or "none"
            raise PackNotFound(f"pack {self.name!r} has no template {template_id!r} "
                               f"(templates: {known})") from None

    def compiled(self, name: str) -> CompiledTemplate:
        if name not in self._compiled:
            from courtesy.templating import compile_template

            loader = self.environment.loader
            assert loader is not None
            try:
                source, _filename, _ = loader.get_source(self.environment, name)
            except TemplateNotFound:
                raise TemplateError(f"template {name!r} not found inside the pack "
                                    "(links out of the pack are refused)",
                                    template=str(self.root / name)) from None
            self._compiled[name] = compile_template(self.environment, source, name)
        return self._compiled[name]

    def _render_part(self, name: str, customer: Customer, channel: Channel | None,
                     context: Mapping[str, Any]) -> str:
        from courtesy.templating import build_context, render_traced

        ctx, roots = build_context(customer, None, context,
                                   channel=str(channel) if channel else None)
        text, _trace = render_traced(self.compiled(name), ctx, limits=self.limits,
                                     data_roots=roots)
        return text

    def render(
        self,
        template_id: str,
        customer: Customer | Mapping[str, Any],
        situation: Situation | Mapping[str, Any] | None = None,
        *,
        channel: Channel | str | None = None,
        strict: bool = True,
        fail_on: Severity | str | None = None,
        config: Config | None = None,
        policy: ResponsePolicy | None = None,
        **context: Any,
    ) -> Message:
        """Render ``template_id`` for ``customer`` and check it (strict by default).

        Without a ``situation``, the template's declared kind is used; without a
        ``channel``, the first channel the template declares. The context is validated
        against the template's schema. The locale falls back ``de-AT`` → ``de`` → pack
        default, and the message's ``notes`` say so. E-mail renders fill ``subject``
        (one line, no CR/LF: header injection is refused) and ``html`` (autoescaped).

        ``config`` (:func:`courtesy.config.load_config`) is the project's configuration
        for the check (rules, severities, ``fail_on``, the default locale). The
        response-time policy is ``policy`` if given, else the pack's ``[response-policy]``,
        else the config's, else the defaults. ``fail_on`` defaults to the config's, else
        ``"error"``.
        """
        spec = self.spec(template_id)
        if config is not None and config.default_locale is not None:
            customer = _with_default_locale(customer, config.default_locale)
        customer_model = _as_customer(customer)
        assert customer_model is not None
        situation_model = _as_situation(situation) if situation is not None else None
        if situation_model is None:
            situation_model = _as_situation({"kind": spec.kind})
        if channel is not None:
            channel_value: Channel | None = Channel(channel)
        else:
            channel_value = spec.channels[0] if spec.channels else None
        if channel_value is not None and spec.channels and channel_value not in spec.channels:
            raise PackError(f"template {template_id!r} is not written for channel "
                            f"{channel_value} (channels: "
                            f"{', '.join(str(c) for c in spec.channels)})")
        found = self.template_path(template_id, customer_model.locale, channel_value)
        assert found is not None
        name, used_locale = found
        context = spec.validate_context(template_id, context)
        message = render_compiled(
            self.compiled(name), customer_model, situation_model, channel=channel_value,
            strict=False, fail_on=fail_on, limits=self.limits, broadcast=spec.broadcast,
            context=context, config=config,
            policy=policy if policy is not None else self.policy,
        )
        notes = list(message.notes)
        if used_locale != customer_model.locale:
            notes.append(f"no {customer_model.locale} template for {template_id!r}; "
                         f"used {used_locale}")
        subject = html = None
        # Subject and HTML come from the locale the text part was found in, never a
        # different language.
        subject_file = self.template_path(template_id, used_locale, channel_value,
                                          "subject", fallback=False)
        if subject_file is not None:
            subject = check_subject(self._render_part(subject_file[0], customer_model,
                                                      channel_value, context),
                                    str(self.root / subject_file[0]))
        html_file = self.template_path(template_id, used_locale, channel_value, "html",
                                       fallback=False)
        if html_file is not None:
            html = self._render_part(html_file[0], customer_model, channel_value, context)
            notes += compare_parts(message.text, html, str(self.root / html_file[0]))
        message = replace(message, subject=subject, html=html, notes=tuple(notes),
                          template=name)
        if strict and not message.report.passed:
            raise DiscourteousMessage(message.report)
        return message


#: Longest subject line courtesy accepts (RFC 5322 recommends lines of at most 78 characters).
MAX_SUBJECT_CHARS = 78


def check_subject(subject: str, file: str) -> str:
    """The subject, trimmed; one line of at most 78 characters, or :class:`PackError`."""
    text = subject.strip()
    if any(ch in text for ch in "\r\n\x0b\x0c\x85\u2028\u2029"):
        raise PackError("subject contains a line break; that would inject e-mail headers",
                        file=file)
    if not text:
        raise PackError("subject is empty", file=file)
    if len(text) > MAX_SUBJECT_CHARS:
        raise PackError(f"subject is {len(text)} characters; keep it to "
                        f"{MAX_SUBJECT_CHARS} or fewer", file=file)
    return text


_LINK = re.compile(r"https?://[^\s<>\"')]+")
_AMOUNT = re.compile(r"(?<![\w.,])\d[\d.,\u00a0\u202f]*\d(?![\w])|(?<![\w.,])\d(?![\w.,])")
_TAG = re.compile(r"<[^>]*>")


def compare_parts(text: str, html: str, file: str) -> list[str]:
    """Differences between the plain-text and HTML parts of an e-mail (as notes).

    The HTML part must not be empty, and both parts must carry the same links and the
    same numbers (amounts, dates, order references).
    """
    import html as html_lib

    visible = html_lib.unescape(_TAG.sub(" ", html))
    if not visible.strip():
        raise PackError("the HTML part renders empty", file=file)
    hrefs = set(re.findall(r'href="([^"]+)"', html))
    notes = []
    text_links = set(_LINK.findall(text))
    html_links = set(_LINK.findall(visible)) | {html_lib.unescape(h) for h in hrefs}
    for link in sorted(text_links - html_links):
        notes.append(f"link {link} is in the text part but not in the HTML part")
    for link in sorted(html_links - text_links):
        notes.append(f"link {link} is in the HTML part but not in the text part")
    text_numbers = set(_AMOUNT.findall(text))
    html_numbers = set(_AMOUNT.findall(visible))
    for number in sorted(text_numbers ^ html_numbers):
        where = "text" if number in text_numbers else "HTML"
        notes.append(f"{number!r} is only in the {where} part")
    return notes
