"""Word lists as regular expressions that the regex engine can scan quickly.

A plain alternation ``said|says|saying|…`` is tried one word after another at every position; the same
words folded into a prefix tree (``sa(?:id|y(?:s|ing)?)``) fail after a character or two.
"""
from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(words: Iterable[str]) -> str:
    """A non-capturing regex matching exactly the given words (longest first where one is a prefix)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _pattern(trie)


def _pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body
