"""A Jinja2 loader that cannot leave its pack directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import BaseLoader, TemplateNotFound
from jinja2.loaders import split_template_path

from courtesy.exceptions import PackError

if TYPE_CHECKING:
    from jinja2 import Environment

__all__ = ["MAX_TEMPLATE_BYTES", "PackLoader"]

MAX_TEMPLATE_BYTES = 256 * 1024


class PackLoader(BaseLoader):
    """Load templates from one pack directory and nowhere else.

    Names are split by Jinja2's own ``split_template_path`` (which refuses ``..``), then
    the resolved path must still lie inside the pack, so a symlink pointing out is
    refused as well.
    """

    def __init__(self, root: Path) -> None:
        self.root = root.resolve(strict=True)

    def get_source(
        self, environment: Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        try:
            parts = split_template_path(template)
        except TemplateNotFound:
            raise TemplateNotFound(template) from None
        path = self.root.joinpath(*parts).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise TemplateNotFound(template)
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            raise PackError(f"template larger than {MAX_TEMPLATE_BYTES:,} bytes", file=str(path))
        try:
            source = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PackError(f"template is not UTF-8 ({exc.reason} at byte {exc.start})",
                            file=str(path)) from None
        return source, str(path), lambda: True

    def list_templates(self) -> list[str]:
        found = []
        for path in self.root.rglob("*"):
            if path.is_file() and path.suffix in (".txt", ".html") and \
                    path.resolve().is_relative_to(self.root):
                found.append(path.relative_to(self.root).as_posix())
        return sorted(found)
