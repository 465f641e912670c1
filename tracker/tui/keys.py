"""Vim-style movement the panes share: ``j``/``k`` beside the arrows."""
from __future__ import annotations

from textual.binding import Binding, BindingType

#: for tables: move the cursor a row
CURSOR_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
]
#: for text panes: scroll a line
SCROLL_KEYS: list[BindingType] = [
    Binding("j", "scroll_down", "Down", show=False),
    Binding("k", "scroll_up", "Up", show=False),
]
