"""The store's record checks read each field's type as typing.get_type_hints does (piptui.store.shape)."""

from __future__ import annotations

import typing

from piptui.store.batch import TABLES
from piptui.store.shape import PROGRAMME, entity_class, field_types


def test_every_stored_class_has_the_field_types_typing_gives() -> None:
    classes = [entity_class(name) for name in [*TABLES, PROGRAMME]]
    assert len(classes) > 5
    for cls in classes:
        assert field_types(cls) == typing.get_type_hints(cls), cls.__qualname__
