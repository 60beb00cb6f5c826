"""Every key binding of piptui, declared once.

The footer, the command palette (:meth:`PiptuiApp.get_system_commands`) and the help
screen are all generated from these tables; nothing lists keys by hand.

The scheme: the session screen's capture line always has the focus, so screen-wide
actions use function keys and control keys that a text input does not need. Tab moves
to the board, where single letters act on the highlighted card; Esc goes back to the
capture line.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

from piptui.ui.keymap import keyed

APP_BINDINGS: list[BindingType] = [
    Binding("f1", "help", "Help", tooltip="Show every key of this screen", priority=True),
    Binding("ctrl+p", "command_palette", "Commands", tooltip="Search every command by name", show=False),
    Binding(
        "ctrl+q",
        "quit",
        "Quit",
        tooltip="Quit piptui (asks first if typed text is not saved)",
        show=False,
        priority=True,
    ),
]
APP_BINDINGS = keyed("app", APP_BINDINGS)  # ids for the keymap: app.<action>

HOME_BINDINGS: list[BindingType] = [
    Binding("enter", "open_programme", "Open", tooltip="Open the highlighted programme at a session"),
    Binding("n", "new_programme", "New", tooltip="Create a programme (name, area, title)"),
    Binding("r", "reload", "Reload", tooltip="Read the sessions folder again"),
    Binding("p", "participants", "People", tooltip="The highlighted programme's participants"),
    Binding("t", "programme_text", "Context", tooltip="Write the programme's context, vision and key learning"),
    Binding("question_mark", "help", "Help", tooltip="Show every key of this screen", show=False),
    Binding("q", "app.quit", "Quit", tooltip="Quit piptui (asks first if typed text is not saved)"),
]
HOME_BINDINGS = keyed("home", HOME_BINDINGS)  # ids for the keymap: home.<action>

SESSION_BINDINGS: list[BindingType] = [
    Binding("f2", "edit_card", "Edit", tooltip="Edit the highlighted card"),
    Binding("f3", "move_card", "Move", tooltip="Move the highlighted card to another column"),
    Binding("f4,ctrl+f", "filter", "Filter", tooltip="Filter the board: words, #tag, @speaker, >voiced as"),
    Binding("f5", "previous_step", "Prev step", tooltip="Go back to the previous step of the agenda", show=False),
    Binding("f6", "next_step", "Next step", tooltip="Go on to the next step (resets its timer)"),
    Binding("f7", "toggle_timer", "Timer", tooltip="Start or pause the step's timer (shared)"),
    Binding("f8", "add_minute", "+1 min", tooltip="Give the step one more minute", show=False),
    Binding("f9", "toggle_notes", "Notes", tooltip="Show or hide the facilitator notes", show=False),
    Binding(
        "f11",
        "exercise_view",
        "Compare",
        tooltip="The exercise's own view: the perspective swap's comparison (each press the next pair, then "
        "the board again); the role play's scenario, roles and briefs",
        show=False,
    ),
    Binding("ctrl+z", "undo", "Undo", tooltip="Undo your latest change"),
    Binding("ctrl+y", "redo", "Redo", tooltip="Redo what you undid", show=False),
    Binding(
        "ctrl+right_square_bracket",
        "toggle_hidden",
        "Hide/reveal",
        tooltip="Hide this step's cards from the wall (it shows their count only) or reveal them (the lead)",
    ),
    Binding("ctrl+g", "toggle_agenda", "Agenda", tooltip="Show or hide the agenda", show=False),
    Binding("ctrl+r", "pick_session", "Session", tooltip="Open another session of this programme", show=False),
    Binding("ctrl+b", "home", "Programmes", tooltip="Back to the list of programmes", show=False),
    Binding("ctrl+l", "clusters", "Clusters", tooltip="Group the cards into clusters", show=False),
    Binding("ctrl+n", "plan", "Plan", tooltip="The partnership improvement action plan", show=False),
    Binding(
        "ctrl+d",
        "profile",
        "Profile",
        tooltip="The partnership profile: every card of the programme by its dimension, with counts by sector",
        show=False,
        priority=True,  # before the capture line's own Ctrl+D (delete right, as the Delete key)
    ),
    Binding("ctrl+t", "review", "Review", tooltip="Review the action plan (session 5): status, RAG, notes", show=False),
    Binding("ctrl+o", "export", "Export", tooltip="Export the programme's notes", show=False),
    Binding("ctrl+s", "survey", "Survey", tooltip="The end-of-programme survey", show=False),
    Binding("f10", "participants", "People", tooltip="The participants: add, edit, remove, tick who came", show=False),
    Binding("f12", "session_details", "Details", tooltip="This session's date, facilitators and venue", show=False),
    Binding(
        "ctrl+backslash",
        "take_lead",
        "Lead",
        tooltip="Lead the room from here: the wall and note-takers follow you",
        show=False,
    ),
    Binding("escape", "capture", "Capture", tooltip="Back to the capture line (clears a filter there)", show=False),
    Binding("up", "board_cursor('up')", "Card up", tooltip="Highlight the card above", show=False),
    Binding("down", "board_cursor('down')", "Card down", tooltip="Highlight the card below", show=False),
    Binding("pageup", "board_cursor('page_up')", "Page up", tooltip="A page of cards up", show=False),
    Binding("pagedown", "board_cursor('page_down')", "Page down", tooltip="A page of cards down", show=False),
    Binding("home", "board_cursor('first')", "First card", tooltip="Highlight the first card", show=False),
    Binding("end", "board_cursor('last')", "Last card", tooltip="Highlight the last card", show=False),
    Binding(
        "left", "board_cursor('left')", "◀ column", tooltip="Highlight a card in the column to the left", show=False
    ),
    Binding(
        "right", "board_cursor('right')", "column ▶", tooltip="Highlight a card in the column to the right", show=False
    ),
    Binding(
        "shift+left",
        "shift_card(-1)",
        "Card ◀",
        tooltip="Move the highlighted card to the previous column",
        show=False,
    ),
    Binding(
        "shift+right", "shift_card(1)", "Card ▶", tooltip="Move the highlighted card to the next column", show=False
    ),
]
SESSION_BINDINGS = keyed("session", SESSION_BINDINGS)  # ids for the keymap: session.<action>

BOARD_BINDINGS: list[BindingType] = [
    Binding("e,enter", "screen.edit_card", "Edit", tooltip="Edit the highlighted card", show=False),
    Binding("m", "screen.move_card", "Move", tooltip="Move the highlighted card (pick a column)", show=False),
    Binding(
        "left_square_bracket,h,shift+left",
        "screen.shift_card(-1)",
        "◀ col",
        tooltip="Move the highlighted card to the previous column",
    ),
    Binding(
        "right_square_bracket,l,shift+right",
        "screen.shift_card(1)",
        "col ▶",
        tooltip="Move the highlighted card to the next column",
    ),
    Binding("d,delete", "screen.delete_card", "Delete", tooltip="Delete the highlighted card (asks first)"),
    Binding("u", "screen.undo", "Undo", tooltip="Undo your latest change", show=False),
    Binding(
        "slash", "screen.filter", "Filter", tooltip="Filter the board: words, #tag, @speaker, >voiced as", show=False
    ),
    Binding("question_mark", "app.help", "Help", tooltip="Show every key of this screen", show=False),
    Binding("left", "screen.board_cursor('left')", "◀", tooltip="The column to the left", show=False),
    Binding("right", "screen.board_cursor('right')", "▶", tooltip="The column to the right", show=False),
    Binding("j", "cursor_down", "Down", tooltip="Highlight the card below", show=False),
    Binding("k", "cursor_up", "Up", tooltip="Highlight the card above", show=False),
]
BOARD_BINDINGS = keyed("board", BOARD_BINDINGS)  # ids for the keymap: board.<action>

CAPTURE_HELP = (
    "The capture line always has the focus: type and press Enter, the card is saved at once. "
    "#tag adds a tag (a column's name or tag puts the card in that column; → accepts a completion), "
    "@council @statutory @vcs @other is the speaker's sector, >vcs (etc.) the sector voiced as, "
    "%commissioner (a role's id, in a role play) the role speaking, "
    "and a leading ! marks it confidential. Up/Down walk the board's cards from here; Left/Right "
    "walk its columns while the line is empty (with text they move the text cursor), Shift+Left/Right "
    "then move the highlighted card to the next column. Tab moves to the board, where single letters "
    "act on the highlighted card; Esc comes back."
)
