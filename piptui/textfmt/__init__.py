"""Text formats every document shares: Markdown escaping, the HTML page and its SVG figures,
safe CSV cells.

Pure formatting of strings and numbers: it imports no other piptui package but the domain,
so both :mod:`piptui.export` (the notes, the plan, the findings) and :mod:`piptui.survey`
(the evaluation report) build on it, and the survey never imports export.
"""
