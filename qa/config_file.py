"""qa.toml: where `qa` finds its corpus and index when run from any folder.

Looked for upward from the current folder, then at the root of the source tree this package
was installed from (an editable install). `QA_CONFIG=FILE` names one explicitly. Relative
paths in the file are relative to the file's own folder, so the same qa.toml works wherever
`qa` is started."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

NAME = "qa.toml"
# The folder above the package: with an editable install, the source tree it runs from.
SOURCE_ROOT = Path(__file__).resolve().parent.parent


def candidates(start: Path | None = None) -> list[Path]:
    """Every place a qa.toml is looked for, in order."""
    start = (start or Path.cwd()).resolve()
    out = [d / NAME for d in (start, *start.parents)]
    # An editable install runs the package from its source tree: that tree's qa.toml is the
    # one that belongs to it. (A regular install lands in site-packages, which holds none.)
    source_root = SOURCE_ROOT / NAME
    if source_root not in out:
        out.append(source_root)
    return out


def find(start: Path | None = None) -> tuple[Path | None, list[Path]]:
    """(the qa.toml in use or None, the places looked at)."""
    explicit = os.environ.get("QA_CONFIG")
    if explicit:
        return Path(explicit).expanduser().resolve(), [Path(explicit)]
    looked = candidates(start)
    return next((p for p in looked if p.is_file()), None), looked


def looked_at(looked: list[Path]) -> str:
    """The folders searched, short: "/a/b/c, /a/b, /a, / and /src/repo"."""
    folders = [str(p.parent) for p in looked]
    return ", ".join(folders[:-1]) + " and " + folders[-1] if len(folders) > 1 else folders[0]


def keys(path: Path) -> set[str]:
    """The settings a qa.toml names (empty if it cannot be read: read() reports why)."""
    try:
        with open(path, "rb") as f:
            return set(tomllib.load(f))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return set()


def read(path: Path, fields: dict[str, FieldInfo]) -> dict[str, Any]:
    """The settings a qa.toml sets; unknown keys and bad TOML are errors that name the file."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file (named by QA_CONFIG)") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: not valid TOML ({e})") from None
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ValueError(f"{path}: unknown setting {unknown[0]!r} (settings are the QA_* names in lower case, "
                         f"e.g. corpus_dir, index_dir)")
    out = {}
    for key, value in data.items():
        if isinstance(value, str) and _is_path(fields[key]):
            p = Path(value).expanduser()
            value = p if p.is_absolute() else path.parent / p
        out[key] = value
    return out


def _is_path(field: FieldInfo) -> bool:
    return "Path" in repr(field.annotation)


class TomlSource(PydanticBaseSettingsSource):
    """A pydantic-settings source: the values of the qa.toml in use (below flags and QA_*)."""

    def __init__(self, settings_cls: type[BaseSettings]):
        super().__init__(settings_cls)
        self.path, _ = find()

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # unused: __call__ reads the whole file at once

    def __call__(self) -> dict[str, Any]:
        return read(self.path, self.settings_cls.model_fields) if self.path else {}
