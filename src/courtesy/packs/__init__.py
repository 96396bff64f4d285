"""Message packs: a directory of templates with a ``pack.toml`` manifest.

Layout::

    my-pack/
      pack.toml
      en/delay_apology.email.txt      # <locale>/<template id>.<channel>.txt
      en/delay_apology.txt            #   or without a channel: any channel
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
    context = ["order"]            # variables the caller must pass
    broadcast = false              # announcements to many customers relax form-letter checks
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from courtesy.checking import _as_customer, _as_situation
from courtesy.exceptions import PackError, PackNotFound
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
    from courtesy.profiles import Customer, Situation

__all__ = ["Pack", "PackManifest", "TemplateSpec"]

Identifier = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class TemplateSpec(BaseModel):
    """One template's declaration in ``pack.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SituationKind
    description: str = ""
    context: tuple[Identifier, ...] = ()
    channels: tuple[Channel, ...] = ()
    broadcast: bool = False


class PackInfo(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=100)]
    version: str = "0"
    description: str = ""
    default_locale: str = "en"
    locales: tuple[str, ...] = ()


class PackManifest(BaseModel):
    """The validated contents of ``pack.toml``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    pack: PackInfo
    templates: dict[Identifier, TemplateSpec] = Field(default_factory=dict)


def _read_manifest(path: Path) -> PackManifest:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PackNotFound("no pack.toml in this directory", file=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        raise PackError(f"malformed TOML: {exc}", file=str(path), line=line) from None
    try:
        return PackManifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise PackError(f"{where}: {first['msg']}", file=str(path)) from None


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
                      channel: Channel | None) -> tuple[str, str]:
        """The template file to use and the locale it is written in."""
        if template_id not in self.manifest.templates:
            known = ", ".join(sorted(self.manifest.templates)) or "none"
            raise PackNotFound(f"pack {self.name!r} has no template {template_id!r} "
                               f"(templates: {known})")
        for tag in self.locale_chain(locale):
            names = [f"{tag}/{template_id}.{channel}.txt"] if channel else []
            names.append(f"{tag}/{template_id}.txt")
            for name in names:
                if (self.root / name).is_file():
                    return name, tag
        raise PackNotFound(
            f"pack {self.name!r} has no file for template {template_id!r} in "
            f"{', '.join(self.locale_chain(locale))}", file=str(self.root))

    def compiled(self, name: str) -> CompiledTemplate:
        if name not in self._compiled:
            from courtesy.templating import compile_template

            loader = self.environment.loader
            assert loader is not None
            source, _filename, _ = loader.get_source(self.environment, name)
            self._compiled[name] = compile_template(self.environment, source, name)
        return self._compiled[name]

    def render(
        self,
        template_id: str,
        customer: Customer | Mapping[str, Any],
        situation: Situation | Mapping[str, Any] | None = None,
        *,
        channel: Channel | str | None = None,
        strict: bool = True,
        fail_on: Severity | str = Severity.ERROR,
        **context: Any,
    ) -> Message:
        """Render ``template_id`` for ``customer`` and check it (strict by default).

        Without a ``situation``, the template's declared kind is used. Declared context
        variables must be passed; the locale falls back ``de-AT`` → ``de`` → pack default,
        and the message's ``notes`` say so.
        """
        spec = self.templates.get(template_id)
        customer_model = _as_customer(customer)
        assert customer_model is not None
        situation_model = _as_situation(situation) if situation is not None else None
        if situation_model is None and spec is not None:
            situation_model = _as_situation({"kind": spec.kind})
        channel_value = Channel(channel) if channel is not None else None
        name, used_locale = self.template_path(template_id, customer_model.locale,
                                               channel_value)
        assert spec is not None
        missing = [v for v in spec.context if v not in context]
        if missing:
            raise PackError(f"template {template_id!r} needs context variable(s) "
                            f"{', '.join(missing)}", file=str(self.root / name))
        message = render_compiled(
            self.compiled(name), customer_model, situation_model, channel=channel_value,
            strict=strict, fail_on=fail_on, limits=self.limits, broadcast=spec.broadcast,
            context=context,
        )
        notes = list(message.notes)
        if used_locale != customer_model.locale:
            notes.append(f"no {customer_model.locale} template for {template_id!r}; "
                         f"used {used_locale}")
        if notes:
            from dataclasses import replace

            message = replace(message, notes=tuple(notes))
        return message
