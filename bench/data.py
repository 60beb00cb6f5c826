"""Programmes of any size for the benchmarks, the same every time for the same seed.

A programme is the Darlington demo (its sessions, participants, clusters and plan) with its
43 cards replaced by ``n`` cards made from them: the demo's own texts first, then variations
(a speaker's lead-in, a qualifier, now and then two points in one card), with the demo's
tags, sectors and columns. The undo history is what piptui would have kept after
capturing them one by one: an "add card" event for each of the last 1,000.

``board=True`` puts every card on the demo's current step (session 3, sorting), in its
columns, so the session screen's board shows all ``n``.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import orjson

from piptui.demo.darlington import CARDS, PARTICIPANTS, SORT
from piptui.domain.model import Card
from piptui.programmes import ensure_demo
from piptui.store import codec
from piptui.store.batch import EVENT_CAP, EVENTS
from piptui.store.programme_file import write_programme_file
from piptui.store.storage import META_KEY, META_TABLE

Data = dict[str, dict[str, Any]]

LEAD_INS = (
    "",
    "",
    "",
    "",
    "In Darlington, ",
    "From the health side: ",
    "Several tables said: ",
    "Again: ",
    "Honestly, ",
    "Speaking for the small groups, ",
    "Echoing table 3: ",
)
QUALIFIERS = (
    "",
    "",
    "",
    "",
    " - especially for the smaller groups",
    " (raised at two tables)",
    ", and it has got worse since 2005",
    " - see the youth forum's Q&A notes",
    "; 50% of groups agreed",
    " *urgent*",
    " [not minuted]",
    ", which nobody at the table disputed",
)
EXTRA_TAGS = ("followup", "youth", "rural", "health", "housing", "older-people", "bme", "faith")
SORT_COLUMNS = tuple(dict.fromkeys(c[2] for c in CARDS if c[1] == SORT and c[2]))
START = datetime(2008, 1, 17, 10, 0, 0)


@cache
def demo_data(folder: Path) -> bytes:
    """The demo programme file's bytes (built once, in ``folder``)."""
    return ensure_demo(folder).read_bytes()


def card_text(rng: random.Random, i: int) -> str:
    """The demo's texts first, then variations of them."""
    text = CARDS[i % len(CARDS)][6]
    if i < len(CARDS):
        return text
    if rng.random() < 0.05:
        text = f"{text}; also, {rng.choice(CARDS)[6][0].lower()}{rng.choice(CARDS)[6][1:]}"
    return f"{rng.choice(LEAD_INS)}{text}{rng.choice(QUALIFIERS)}"


def make_card(rng: random.Random, i: int, *, board: bool = False) -> Card:
    session, step, column, sector, voiced, tags, _text, secret = CARDS[i % len(CARDS)]
    if board:
        session, step = 3, SORT
        column = column if column in SORT_COLUMNS else rng.choice(SORT_COLUMNS)
    if i >= len(CARDS) and rng.random() < 0.2:
        tags = (*tags, rng.choice(EXTRA_TAGS))
    return Card(
        text=card_text(rng, i),
        id=f"{rng.getrandbits(128):032x}",
        tags=tuple(dict.fromkeys(tags)),
        sector=sector,
        voiced_as=voiced,
        author=PARTICIPANTS[i % len(PARTICIPANTS)][0],
        session=session,
        step=step,
        column=column,
        confidential=secret or (i >= len(CARDS) and rng.random() < 0.02),
        created=(START + timedelta(seconds=7 * i)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
    )


def sample_card(seed: int, i: int) -> dict[str, Any]:
    """``add_card`` keywords for a card as the session screen would save it (text, tags, sector...)."""
    card = make_card(random.Random(seed * 7919 + i), 100 + i, board=True)
    return {
        "text": card.text,
        "tags": card.tags,
        "sector": card.sector,
        "session": card.session,
        "step": card.step,
        "column": card.column,
    }


def programme_data(folder: Path, n: int, *, seed: int, board: bool = False) -> Data:
    """The demo's data with ``n`` generated cards and their undo history."""
    data: Data = orjson.loads(demo_data(folder))
    rng = random.Random(seed)
    cards = [make_card(rng, i, board=board) for i in range(n)]
    data["cards"] = {c.id: codec.encode(c) for c in cards}
    events: dict[str, Any] = {}
    history = cards[-EVENT_CAP:] if n else []
    for seq, card in enumerate(history, start=1):  # the shape Batch.record gives an "add card"
        events[f"{rng.getrandbits(128):032x}"] = {
            "seq": seq,
            "applied": seq,
            "at": card.created,
            "author": card.author,
            "label": "add card",
            "changes": [["cards", card.id, None, data["cards"][card.id]]],
            "undone": None,
        }
    data[EVENTS] = events
    data[META_TABLE][META_KEY] = {**data[META_TABLE][META_KEY], "seq": len(history)}
    return data


def programme(path: Path, n: int, *, seed: int, board: bool = False) -> Path:
    """Write a programme file of ``n`` cards at ``path`` (replacing any) and return it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    write_programme_file(path, programme_data(path.parent / "demo", n, seed=seed, board=board), replace=True)
    return path


def tinydb_file(source: Path, path: Path) -> Path:
    """The same documents as ``source`` in a plain TinyDB file: integer ids, cards in ``_default``."""
    data: Data = orjson.loads(source.read_bytes())
    plain = {
        ("_default" if table == "cards" else table): {str(i): doc for i, doc in enumerate(docs.values(), 1)}
        for table, docs in data.items()
    }
    path.write_bytes(orjson.dumps(plain))
    return path
