"""Reading an exercise file: safe YAML that remembers where every value was written.

:class:`MarkedLoader` is a :class:`yaml.SafeLoader` that

- builds :class:`MarkedMap` / :class:`MarkedList` instead of ``dict`` / ``list``, each knowing the
  1-based line and column of itself, of every key and of every value, so the schema can say
  ``file:line:column`` for any problem it finds;
- reads every mapping key as the text that was written (``no:`` is the key ``"no"``, not ``False``);
- refuses a key written twice in one mapping;
- refuses any tag outside plain YAML (``!!python/object``, ``!foo``, even ``!!binary``) at the
  tag's position, without constructing anything.

It does not stop at the first such problem: it records a :class:`Problem` and goes on, so one
check lists them all. A refused value becomes :data:`REJECTED`, which the schema skips silently
(it has already been reported). Syntax errors stop the read and become one :class:`Problem`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from piptui.domain.text_rules import control_problem, visible

MAX_FILE_BYTES = 256 * 1024  # the largest bundled script is 5 KB
MAX_DEPTH = 64  # nesting levels; the format needs 6 (survey > groups > questions > choices)
MAX_NODES = 2_000  # values in one file (the largest bundled script has 176): bounds the time to read it
MAX_ALIASES = 200  # *alias references: a few are handy, thousands are a "billion laughs"


class Pos(NamedTuple):
    """A position in a file, 1-based as editors show it."""

    line: int
    column: int


START = Pos(1, 1)


def pos_of(mark: yaml.Mark | None) -> Pos:
    return Pos(mark.line + 1, mark.column + 1) if mark is not None else START


@dataclass(frozen=True, slots=True)
class Problem:
    pos: Pos
    message: str


class _Rejected:
    """A value that was refused while reading (an unsafe tag, a bad key); already reported."""

    _instance: _Rejected | None = None

    def __new__(cls) -> _Rejected:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "REJECTED"


REJECTED = _Rejected()


class MarkedMap(dict[str, Any]):
    """A mapping that knows where it, its keys and its values were written."""

    pos: Pos
    key_pos: dict[str, Pos]
    value_pos: dict[str, Pos]
    raw: dict[str, str]  # the text of scalar values as written, for hints ("yes" read as True)

    def __init__(self, pos: Pos = START) -> None:
        super().__init__()
        self.pos = pos
        self.key_pos = {}
        self.value_pos = {}
        self.raw = {}


class MarkedList(list[Any]):
    """A sequence that knows where it and each of its items were written."""

    pos: Pos
    item_pos: list[Pos]
    raw: list[str | None]

    def __init__(self, pos: Pos = START) -> None:
        super().__init__()
        self.pos = pos
        self.item_pos = []
        self.raw = []


# The tags plain YAML resolves by itself; a document may also spell them out (``!!str 10``).
SAFE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp", "merge", "value")
)


class _Marking:
    """What both loaders do while constructing: record positions, refuse duplicate keys and
    every non-plain tag. Mixed into a PyYAML loader class (it relies on SafeConstructor)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)  # type: ignore[call-arg]
        self.problems: list[Problem] = []
        self._depth = 0
        self._nodes = 0
        self._aliases = 0

    # -- refusal of tags ----------------------------------------------------------
    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node.tag not in SAFE_TAGS:
            self._refuse_tag(node)
            return REJECTED
        try:
            value = super().construct_object(node, deep=deep)  # type: ignore[misc]
        except (ValueError, OverflowError) as exc:  # 2008-13-45 looks like a date; 10**5000 digits
            what = node.value if isinstance(node, ScalarNode) else "value"
            what = what if len(what) <= 40 else what[:37] + "..."
            self.problems.append(
                Problem(pos_of(node.start_mark), f"cannot read '{what}': {exc} (put it in quotes to keep it as text)")
            )
            return REJECTED
        if isinstance(value, str):
            problem = control_problem(value)
            if problem is not None:
                self.problems.append(
                    Problem(pos_of(node.start_mark), f"{problem}: text may hold new lines and tabs, no other controls")
                )
                return REJECTED
        return value

    def _refuse_tag(self, node: Node) -> None:
        tag = node.tag
        if tag.startswith("tag:yaml.org,2002:"):
            tag = "!!" + tag.removeprefix("tag:yaml.org,2002:")
        why = "python objects are never loaded" if "python/" in tag else "only plain YAML is allowed"
        self.problems.append(Problem(pos_of(node.start_mark), f"tag '{tag}' is not allowed: {why}"))

    # -- marked containers --------------------------------------------------------
    def construct_marked_map(self, node: MappingNode) -> Iterator[MarkedMap]:
        data = MarkedMap(pos_of(node.start_mark))
        yield data
        seen: dict[str, Pos] = {}
        own = [(k, v) for k, v in node.value if k.tag != "tag:yaml.org,2002:merge"]
        for key_node, _ in own:  # a key written twice in this mapping (merged keys may be overridden)
            key = self._key_text(key_node)
            if key is None:
                continue
            here = pos_of(key_node.start_mark)
            if key in seen:
                self.problems.append(Problem(here, f"duplicate key '{key}' (first written at line {seen[key].line})"))
            else:
                seen[key] = here
        self.flatten_mapping(node)  # type: ignore[attr-defined]
        for key_node, value_node in node.value:
            key = self._key_text(key_node)
            if key is None:
                if key_node.tag not in SAFE_TAGS:
                    self._refuse_tag(key_node)
                else:
                    self.problems.append(Problem(pos_of(key_node.start_mark), "a key must be plain text"))
                continue
            data[key] = self.construct_object(value_node, deep=True)
            data.key_pos[key] = pos_of(key_node.start_mark)
            data.value_pos[key] = pos_of(value_node.start_mark)
            if isinstance(value_node, ScalarNode):
                data.raw[key] = value_node.value
            else:
                data.raw.pop(key, None)

    def construct_marked_list(self, node: SequenceNode) -> Iterator[MarkedList]:
        data = MarkedList(pos_of(node.start_mark))
        yield data
        for item in node.value:
            data.append(self.construct_object(item, deep=True))
            data.item_pos.append(pos_of(item.start_mark))
            data.raw.append(item.value if isinstance(item, ScalarNode) else None)

    def _key_text(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode) or node.tag not in SAFE_TAGS:
            return None
        return visible(str(node.value))  # a key with ESC in it is unknown; its message shows it as ␛


class MarkedLoader(_Marking, yaml.SafeLoader):
    """The pure-Python SafeLoader, marking: for every file a person wrote."""

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        """PyYAML composes recursively: refuse absurd nesting before Python's stack runs out, and
        more values or aliases than a script needs before reading them costs seconds."""
        self._depth += 1
        self._nodes += 1
        try:
            problem = None
            if self._depth > MAX_DEPTH:
                problem = f"nested more than {MAX_DEPTH} levels deep"
            elif self._nodes > MAX_NODES:
                problem = f"more than {MAX_NODES} values in one file (an exercise script needs a few hundred)"
            elif self.check_event(yaml.AliasEvent):  # type: ignore[no-untyped-call]
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    problem = f"more than {MAX_ALIASES} *aliases in one file"
            if problem is not None:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise yaml.composer.ComposerError(None, None, problem, mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


# The bundled scripts are ours (every one is validated by the tests), so they may be parsed by
# libyaml, several times faster: the library is read at every start. libyaml composes in C without
# the nesting guard above, so files a person wrote always go through MarkedLoader.
TrustedLoader: type[Any] = MarkedLoader
if getattr(yaml, "__with_libyaml__", False):

    class _CMarkedLoader(_Marking, yaml.CSafeLoader):
        """libyaml's SafeLoader, marking: for the bundled scripts only."""

    TrustedLoader = _CMarkedLoader

_loaders: list[type[Any]] = [MarkedLoader, TrustedLoader]
for _loader in _loaders:
    _loader.add_constructor("tag:yaml.org,2002:map", _loader.construct_marked_map)
    _loader.add_constructor("tag:yaml.org,2002:seq", _loader.construct_marked_list)


# Plain-words hints for PyYAML's commonest syntax messages.
_SYNTAX_HINTS = {
    "mapping values are not allowed here": "check the indentation, or quote a value that contains ': '",
    "found character '\\t' that cannot start any token": "use spaces, not tabs, to indent",
    "found a tab character that violates indentation": "use spaces, not tabs, to indent",
    "found undefined alias": "an *alias needs an &anchor written before it",
    "found unconstructable recursive node": "an *alias refers to the value that contains it",
}


def syntax_problem(exc: yaml.YAMLError, text: str) -> Problem:
    """One problem for a YAML syntax error, at the position PyYAML names."""
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = (exc.problem or "invalid YAML").strip()
        at_end = problem.startswith("found unexpected end of stream") and exc.context_mark is not None
        pos = pos_of(exc.context_mark if at_end else exc.problem_mark or exc.context_mark)
        message = f"invalid YAML: {problem}"
        for known, hint in _SYNTAX_HINTS.items():
            if problem.startswith(known):
                message += f" ({hint})"
                break
        if exc.context and exc.context_mark is not None:
            message += f"; {exc.context.strip()} started at line {exc.context_mark.line + 1}"
        return Problem(pos, message)
    if isinstance(exc, yaml.reader.ReaderError):
        index = max(0, min(exc.position, len(text)))
        line = text.count("\n", 0, index) + 1
        column = index - (text.rfind("\n", 0, index) + 1) + 1
        return Problem(Pos(line, column), f"invalid YAML: {exc.reason} (character #x{exc.character:04x})")
    return Problem(START, f"invalid YAML: {exc}")


def decode(data: bytes) -> tuple[str | None, Problem | None]:
    """The file's text (UTF-8, a BOM allowed), or the position of the first byte that is not UTF-8."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return None, Problem(Pos(line, column), "the file is not UTF-8 text: save it as UTF-8")


def read_marked(text: str, *, trusted: bool = False) -> tuple[Any, list[Problem]]:
    """The document's value (``None`` when empty) and every problem met while reading it.

    A syntax error gives ``(None, [that problem])``. ``trusted`` (the bundled scripts only)
    may use libyaml.
    """
    try:
        loader = (TrustedLoader if trusted else MarkedLoader)(text)  # checks the characters first
    except yaml.YAMLError as exc:
        return None, [syntax_problem(exc, text)]
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        return None, [syntax_problem(exc, text)]
    except RecursionError:  # a safety net: compose_node already refuses deep nesting
        return None, [Problem(START, "invalid YAML: nested too deeply")]
    finally:
        loader.dispose()
    return data, loader.problems
