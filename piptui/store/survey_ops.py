"""The survey responses of one programme file: read, add, change, delete, import.

Each change is ONE ``store.batch(label)``: one locked write and one undo step. An import of a
whole file is one batch too, so it goes in whole or not at all, and one undo takes it back.
Responses are anonymous: nothing here takes or stores a name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from piptui.domain.survey import SurveyResponse
from piptui.errors import InvalidInput, NotFound
from piptui.store import codec
from piptui.store.batch import table_of
from piptui.store.session_store import SessionStore

RESPONSES = table_of(SurveyResponse)


def stamps(count: int, start: datetime | None = None) -> list[str]:
    """``count`` creation times a millisecond apart, so imported rows keep their order."""
    start = start or datetime.now(UTC)
    return [
        (start + timedelta(milliseconds=i)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        for i in range(count)
    ]


class SurveyOps:
    """The survey responses of one programme file, through its store."""

    def __init__(self, store: SessionStore) -> None:
        self.store = store

    # -- reads ---------------------------------------------------------------
    def responses(self, survey: str | None = None) -> list[SurveyResponse]:
        """Every response (of one survey exercise, if given), in the order they were entered."""
        docs = self.store.raw().get(RESPONSES, {})
        found = [codec.decode(SurveyResponse, doc, doc_id) for doc_id, doc in docs.items()]
        found = [r for r in found if survey is None or r.survey == survey]
        return sorted(found, key=lambda r: r.created)

    def invited(self) -> int:
        """Who was asked: the programme's participants."""
        return len(self.store.participants())

    # -- writes --------------------------------------------------------------
    def add(self, response: SurveyResponse) -> SurveyResponse:
        if response.is_blank:
            raise InvalidInput("This response is blank; nothing was saved")
        with self.store.batch("add survey response") as b:
            if b.doc(RESPONSES, response.id) is not None:
                raise InvalidInput("That response is saved already")
            b.put(response)
        return response

    def update(self, response: SurveyResponse) -> SurveyResponse:
        """Replace a saved response with ``response`` (same id; its creation time is kept)."""
        with self.store.batch("change survey response") as b:
            old = b.get(SurveyResponse, response.id)
            new = replace(response, created=old.created)
            if new != old:
                b.put(new)
        return new

    def delete(self, response_id: str) -> None:
        with self.store.batch("delete survey response") as b:
            if b.doc(RESPONSES, response_id) is None:
                raise NotFound("That response is no longer there (someone may have deleted it).")
            b.delete(SurveyResponse, response_id)

    def import_responses(self, responses: Sequence[SurveyResponse], *, source: str = "the file") -> int:
        """Add every response in one write, or none: refuses if any of them is there already.

        Import ids are derived from the file, so importing the same file twice is refused.
        """
        if not responses:
            raise InvalidInput(f"{source} has no responses; nothing was imported")
        if len({r.id for r in responses}) != len(responses):
            raise InvalidInput(f"{source}: two responses with one id; nothing was imported")
        label = f"import {len(responses)} survey response" + ("" if len(responses) == 1 else "s")
        with self.store.batch(label) as b:
            there = [r for r in responses if b.doc(RESPONSES, r.id) is not None]
            if there:
                raise InvalidInput(
                    f"{source} was imported already ({len(there)} of its {len(responses)} responses are "
                    "there); nothing was imported"
                )
            for r in responses:
                b.put(r)
        return len(responses)
