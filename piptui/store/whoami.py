"""Who is at this terminal: the name a person gave last time, remembered in the user config folder.

``<user config dir>/piptui/me.json`` (platformdirs; ``$XDG_CONFIG_HOME/piptui`` on Linux) holds
``{"name": "..."}``. A file that cannot be read is as if there were none; one that cannot be
written is a :class:`PiptuiError` naming it. A name holding a control character is as if none.
"""

from __future__ import annotations

import json
from pathlib import Path

from piptui.domain.text_rules import control_problem
from piptui.errors import PiptuiError
from piptui.store.storage import atomic_write_bytes


def me_file() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir("piptui", appauthor=False)) / "me.json"


def remembered_name() -> str | None:
    try:
        data = json.loads(me_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    name = data.get("name") if isinstance(data, dict) else None
    if not isinstance(name, str) or control_problem(name) is not None or "\n" in name or "\t" in name:
        return None  # a hand-edited file's ESC would refuse every card signed with it
    return name.strip() or None


def remember_name(name: str) -> None:
    path = me_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        import os

        os.close(atomic_write_bytes(path, [json.dumps({"name": name}, ensure_ascii=False).encode("utf-8") + b"\n"]))
    except OSError as exc:
        raise PiptuiError(f"Cannot remember your name in {path}: {exc.strerror or exc}") from None
