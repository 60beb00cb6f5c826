"""The pure core: entities and operations. Imports neither textual nor tinydb, does no I/O.

Import from the module that holds a name (``piptui.domain.model``, ``.exercise``,
``.capture``, ...): this package imports nothing itself, so a part of piptui pays only for
the frozen dataclasses it uses (creating one costs about 1 ms, on the way to the first frame).
"""
