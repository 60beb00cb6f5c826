"""The programme header's own text: its title, context, vision and key learning.

One change is ONE ``store.batch``: one locked write and one undo step.
"""

from __future__ import annotations

from piptui.domain.model import Programme
from piptui.domain.programme_text import TEXT_FIELDS, clean_programme_text
from piptui.store import codec
from piptui.store.programme_file import PROGRAMME_KEY, PROGRAMME_TABLE
from piptui.store.session_store import SessionStore

_LABELS = dict(TEXT_FIELDS)


def set_programme_text(store: SessionStore, **changes: str) -> Programme:
    """Set any of ``context``, ``vision``, ``learning`` (free text, checked) and ``title`` (one
    line); fields not given stay as they are, an empty value clears one. Everything is checked
    before anything is written; raises InvalidInput (nothing written) for a bad value."""
    cleaned: dict[str, str] = {}
    for key, value in changes.items():
        if key == "title":
            cleaned[key] = " ".join(clean_programme_text(value, "The title").split())
        elif key in _LABELS:
            cleaned[key] = clean_programme_text(value, _LABELS[key])
        else:
            raise TypeError(f"not a text field of the programme: {key}")
    with store.batch("programme details") as b:
        doc = b.doc(PROGRAMME_TABLE, PROGRAMME_KEY) or {}
        new = {**doc, **cleaned}
        if new != doc:
            b.put_doc(PROGRAMME_TABLE, PROGRAMME_KEY, new)
    return codec.decode(Programme, new)
