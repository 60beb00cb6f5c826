"""The methods ``@dataclass`` writes for piptui's records, compiled once and kept between launches.

Making a frozen dataclass, Python 3.11 writes six small functions as source text (``__init__``,
``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) and compiles each:
about 1 ms a class, and the first frame of ``piptui demo`` makes some 25 of them (about 73
million instructions, 5% of it: bench start-up). The text is the same at every launch, so, as
Python keeps a module's bytecode in ``__pycache__``, this keeps the code compiled from each text
(``marshal``, keyed by the whole text) in piptui's cache folder (:mod:`piptui.user_cache`) and
hands ``exec`` that code instead of the text. Nothing else changes: the same text, run with the
same names, makes the same class (tests/test_dataclass_code.py compares them).

Only for piptui's own records (a class whose module is ``piptui`` or below it); only on the
Python whose ``dataclasses`` this copies (3.11; elsewhere :func:`install` does nothing); only
from a file this user owns in a folder nobody else can write, since loading code from a file
another user could have written would run their code. A missing, broken or foreign file costs
only the compiling. New code is saved once the first frame is drawn and at exit, and never
when Python is told not to write bytecode (``PYTHONDONTWRITEBYTECODE``).
"""

from __future__ import annotations

import atexit
import dataclasses
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from types import CodeType
from typing import Any

from piptui.user_cache import cache_folder, trusted, write_whole

FORMAT = 1  # raise when what the file holds changes
# dataclasses._create_fn's parameters on the Python this copies it from (3.11)
_SIGNATURE = ("name", "args", "body", "globals", "locals", "return_type")

_original: Callable[..., Any] | None = None
_kept: dict[str, CodeType] = {}  # text -> its code: what the file held
_new: dict[str, CodeType] = {}  # compiled at this launch, not in the file yet
stats = {"kept": 0, "compiled": 0}  # how many functions came from the file, and were compiled


def file_path() -> Path:
    """The file, one per Python (its cache tag, as ``__pycache__`` names files)."""
    return cache_folder() / f"dataclass-code-{sys.implementation.cache_tag}.marshal"


def compatible() -> bool:
    """Whether this Python's ``dataclasses._create_fn`` is the one :func:`_create_fn` copies."""
    if sys.version_info[:2] != (3, 11):
        return False
    code = getattr(getattr(dataclasses, "_create_fn", None), "__code__", None)
    if not isinstance(code, CodeType):
        return False
    return code.co_varnames[: code.co_argcount + code.co_kwonlyargcount] == _SIGNATURE


def install() -> bool:
    """From now on, make piptui's dataclasses from kept code where there is some; whether it can
    here (see the module's docstring). Once per process; :func:`uninstall` undoes it."""
    global _original
    if _original is not None:
        return True
    if not compatible():
        return False
    _kept.clear()
    _kept.update(load())
    _original = dataclasses._create_fn  # type: ignore[attr-defined]
    dataclasses._create_fn = _create_fn  # type: ignore[attr-defined]
    atexit.register(save)
    return True


def uninstall() -> None:
    global _original
    if _original is not None:
        dataclasses._create_fn = _original  # type: ignore[attr-defined]
        _original = None
        atexit.unregister(save)


def load() -> dict[str, CodeType]:
    """The kept code, if the file is this user's alone and made by this very Python; else none."""
    path = file_path()
    try:
        with open(path, "rb") as handle:
            if not trusted(handle, path):
                return {}
            data = marshal.load(handle)
    except Exception:  # a cache: missing, unreadable or not marshal data, the code is compiled
        return {}
    if not (isinstance(data, dict) and data.get("format") == FORMAT and data.get("python") == sys.version):
        return {}
    codes = data.get("codes")
    if not isinstance(codes, dict):
        return {}
    return {text: code for text, code in codes.items() if isinstance(text, str) and isinstance(code, CodeType)}


def save() -> bool:
    """Keep what this launch compiled, if anything; whether it wrote."""
    if not _new or sys.dont_write_bytecode:
        return False
    codes = {**_kept, **_new}
    try:
        write_whole(file_path(), marshal.dumps({"format": FORMAT, "python": sys.version, "codes": codes}))
    except (OSError, ValueError):  # a cache: a read-only home only costs the compiling
        return False
    _kept.update(_new)
    _new.clear()
    return True


def _create_fn(
    name: str,
    args: list[str],
    body: list[str],
    *,
    globals: dict[str, Any] | None = None,  # dataclasses' own parameter names
    locals: dict[str, Any] | None = None,
    return_type: Any = dataclasses.MISSING,
) -> Any:
    """``dataclasses._create_fn`` of Python 3.11, line for line, but for where the code comes from."""
    assert _original is not None
    if not str((globals or {}).get("__name__", "")).startswith("piptui"):
        return _original(name, args, body, globals=globals, locals=locals, return_type=return_type)
    if locals is None:
        locals = {}
    return_annotation = ""
    if return_type is not dataclasses.MISSING:
        locals["_return_type"] = return_type
        return_annotation = "->_return_type"
    joined = ",".join(args)
    lines = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({joined}){return_annotation}:\n{lines}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    code = _kept.get(txt)
    if code is None:
        code = _new.get(txt)
    if code is None:
        # dont_inherit: not this module's ``from __future__ import annotations`` (dataclasses has
        # none), or the annotations of __init__ would be left as text ("_type_id", not str)
        code = _new[txt] = compile(txt, "<string>", "exec", dont_inherit=True)
        stats["compiled"] += 1
    else:
        stats["kept"] += 1
    ns: dict[str, Any] = {}
    exec(code, globals, ns)  # what dataclasses does with the text this code is of
    return ns["__create_fn__"](**locals)
