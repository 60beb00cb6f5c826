"""The published documents as one self-contained HTML file that prints on A4.

The HTML is made from the very Markdown the Markdown form writes (one escaping path:
:mod:`piptui.textfmt.markdown_text`), rendered by markdown-it-py with raw HTML, links and
images off, into a small template: styles inline, no script, nothing fetched from
anywhere. Figures (:mod:`piptui.textfmt.html_svg`) are drawn where the document places them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from html import escape

from markdown_it import MarkdownIt

from piptui.textfmt.html_svg import Figure, figure_svg

Line = str | Figure

STYLE = """
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 10.5pt; color: #111;
  line-height: 1.4; }
body { max-width: 180mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 20pt; margin: 0 0 6pt; border-bottom: 2pt solid #1f4e79; padding-bottom: 4pt; color: #1f4e79; }
h2 { font-size: 15pt; color: #1f4e79; margin: 18pt 0 6pt; }
.sections h2 { break-before: page; page-break-before: always; }
.sections h1 + ul + h2, .sections h1 + h2 { break-before: auto; page-break-before: auto; }
h3 { font-size: 12pt; margin: 14pt 0 4pt; break-after: avoid; page-break-after: avoid; }
h4, h5, h6 { font-size: 10.5pt; margin: 10pt 0 3pt; break-after: avoid; page-break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; font-size: 9pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.6pt solid #888; padding: 3pt 4pt; vertical-align: top; text-align: left; }
th { background: #e8eef5; }
blockquote { margin: 4pt 0 8pt; padding: 2pt 8pt; border-left: 3pt solid #bbb; color: #333; }
ul, ol { margin: 2pt 0 8pt; padding-left: 18pt; }
svg.figure { display: block; max-width: 100%; height: auto; margin: 4pt 0 10pt; break-inside: avoid; }
.footer { margin-top: 24pt; font-size: 8.5pt; color: #555; border-top: 0.6pt solid #bbb; padding-top: 4pt; }
@media print { body { padding: 0; } }
"""


@cache
def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table"])
    # Nothing we write needs these, and user text is escaped so it cannot ask for them.
    md.disable(
        [
            "link",
            "image",
            "autolink",
            "html_inline",
            "html_block",
            "backticks",
            "entity",
            "reference",
            "code",
            "fence",
            "lheading",
        ]
    )
    return md


def markdown_of(lines: Iterable[Line]) -> str:
    """The Markdown form: the lines without the figures (their numbers are in the tables)."""
    out = [line for line in lines if isinstance(line, str)]
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def body_html(lines: Sequence[Line]) -> str:
    """The lines as HTML: each run of Markdown rendered whole, each figure drawn where it stands."""
    parts: list[str] = []
    run: list[str] = []
    for line in lines:
        if isinstance(line, str):
            run.append(line)
            continue
        if run:
            parts.append(_md().render("\n".join(run) + "\n"))
            run = []
        parts.append(figure_svg(line))
    if run:
        parts.append(_md().render("\n".join(run) + "\n"))
    return "".join(parts)


def html_document(title: str, lines: Sequence[Line], *, footer: str = "", sections: bool = True) -> str:
    """One self-contained page: ``title`` (plain text) in the head, the lines as its body.

    With ``sections``, each ``##`` section starts a new printed page.
    """
    foot = f'<p class="footer">{escape(footer)}</p>' if footer else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f'<body class="{"sections" if sections else "plain"}">\n'
        f"{body_html(lines)}{foot}\n</body>\n</html>\n"
    )
