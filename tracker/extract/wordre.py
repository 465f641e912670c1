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


def at_word_starts(pattern: re.Pattern, text: str, start: int = 0):
    """Matches of ``pattern`` that begin a word, as ``finditer`` with a leading ``\\b`` would give them.

    A pattern that starts with ``\\b`` is tried at every position of the text; one that starts with its
    words lets the engine skip ahead on their first characters, several times faster over a whole article.
    A match inside a word ("someone", "Mayor") is dropped and the search goes on just after its start.
    """
    m = pattern.search(text, start)
    while m:
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
            m = pattern.search(text, s + 1)
            continue
        yield m
        m = pattern.search(text, m.end() if m.end() > s else s + 1)


def find_all(text: str, word: str, start: int = 0):
    """Every position of ``word`` in ``text[start:]``, found with ``str.find``: where a rule is tried only at its
    words, this is several times faster than a pattern the engine tries at every character."""
    i = text.find(word, start)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)
