"""Exports of a programme, and importing one back.

One module per format, each a plain function of the programme file's data (ONE
``store.raw()``, so an export is consistent even while others write):

- :mod:`piptui.textfmt.markdown_text`: ``md_escape`` / ``md_cell`` / ``md_line``, the one Markdown
  escaping every user string goes through;
- :mod:`piptui.export.markdown`: ``export_markdown(data, library, *, session=None,
  include_confidential=False, names=False) -> str``, the session notes;
- :mod:`piptui.export.json_format`: ``export_json(data) -> bytes``, the complete backup, and
  ``read_export`` to check one; :mod:`piptui.export.importer`: ``import_programme``;
- :mod:`piptui.export.csv_format`: ``export_csv(data, ...) -> bytes``, one row per card;
- :mod:`piptui.export.exporter`: what the CLI and the TUI call (request, render, atomic write).

The formats are described in ``docs/session-format.md``. Nothing is imported here, so that
``md_escape`` stays cheap to import.
"""
