"""Binding ids, and the user's keymap file that remaps them.

Every binding of a screen has an id ``<screen>.<action>`` (:func:`keyed` gives them), so a
person can move a key: laptops hide the F-keys behind Fn. The keymap is a TOML file of
``id = "keys"`` lines, read when piptui starts, from ``$PIPTUI_KEYMAP`` or else
``keymap.toml`` in piptui's config folder (``~/.config/piptui/`` on Linux)::

    "session.next_step" = "ctrl+pagedown"
    "session.toggle_timer" = "ctrl+space,f7"

Unknown ids are ignored by Textual; a file that is not TOML is said once, with its name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from textual.binding import Binding, BindingType

from piptui.errors import PiptuiError


def binding_id(scope: str, action: str) -> str:
    """``session`` + ``board_cursor('up')`` -> ``session.board_cursor.up``."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", ".", action.replace("'", "").replace('"', "")).strip(".")
    return f"{scope}.{name}"


def keyed(scope: str, bindings: Iterable[BindingType]) -> list[BindingType]:
    """The bindings, each given the id ``<scope>.<action>`` unless it has one."""
    out: list[BindingType] = []
    for b in bindings:
        if isinstance(b, Binding) and b.id is None:
            b = replace(b, id=binding_id(scope, b.action))
        out.append(b)
    return out


def keymap_path() -> Path:
    env = os.environ.get("PIPTUI_KEYMAP", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir("piptui", appauthor=False)) / "keymap.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The keymap in ``path`` (default :func:`keymap_path`); empty if there is none."""
    path = path or keymap_path()
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise PiptuiError(f"Cannot read the keymap {path}: {exc.strerror or exc}") from None
    import tomllib

    try:
        data = tomllib.loads(blob.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise PiptuiError(f"The keymap {path} is not TOML ({exc}); the usual keys apply") from None
    bad = [k for k, v in data.items() if not isinstance(v, str) or not v.strip()]
    if bad:
        raise PiptuiError(f'The keymap {path}: {", ".join(bad)} must each be keys in quotes, like "ctrl+right"')
    return {k: v.strip() for k, v in data.items()}
