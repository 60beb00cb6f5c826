"""The programme file on disk. The only package that imports tinydb.

Public API for scripts and tests::

    from piptui.store import SessionStore
    with SessionStore("sessions/darlington.json", author="Ann") as store:
        card = store.add_card("Lack of resources to participate", tags=["resources"], sector="vcs")
        print(len(store.cards()))
"""

from piptui.store.batch import Batch
from piptui.store.locations import (
    ProgrammeInfo,
    list_programmes,
    programme_path,
    resolve_sessions_dir,
    validate_name,
)
from piptui.store.session_store import SessionStore, read_programme
from piptui.store.storage import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "Batch",
    "ProgrammeInfo",
    "SessionStore",
    "list_programmes",
    "programme_path",
    "read_programme",
    "resolve_sessions_dir",
    "validate_name",
]
