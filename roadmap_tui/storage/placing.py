"""Entries of `[[tables]]` removed and added as text blocks, before the values are patched.

The writer's first step (writer.render): make a file hold exactly the entries the models want,
cutting out the block of an entry that left (its lead comments and body) and putting in the block
of one that arrived, exactly as it was written in its old file (or freshly written for a new one).
Each block the tool puts in has one blank line before it, and one after when something follows;
a removal leaves no run of blank lines. The second step patches the values that differ.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from roadmap_tui.storage.blocks import Entry, classify, entries, split_lines, table_end

# What an entry is matched by: its id, or ("#", position) for arrays without ids.
EntryKey = Any
BlockOf = Callable[[tuple[str, ...], Mapping[str, Any]], str]


def place_entries(
    text: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    paths: list[tuple[str, ...]],
    key_of: Callable[[Any, int, tuple[str, ...]], EntryKey],
    block_of: BlockOf,
) -> str:
    """`text` with the entries of each array `path` that `new` drops cut out and the ones it adds
    put in. Arrays the text does not hold as `[[path]]` headers are left for the patcher."""
    for path in paths:
        text = _place(text, old, new, path, key_of, block_of)
    return text


def _at(data: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    current: Any = data
    for part in path:
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def _place(
    text: str,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    path: tuple[str, ...],
    key_of: Callable[[Any, int, tuple[str, ...]], EntryKey],
    block_of: BlockOf,
) -> str:
    old_list = _at(old, path)
    new_list = _at(new, path)
    if old_list is None:
        old_list = []
    if not isinstance(new_list, list) or not isinstance(old_list, list):
        return text
    present = [key_of(entry, index, path) for index, entry in enumerate(old_list)]
    wanted = [key_of(entry, index, path) for index, entry in enumerate(new_list)]
    if present == wanted:
        return text  # nothing comes or goes: no need to read the text
    lines = split_lines(text)
    kinds = classify(lines)
    found = entries(kinds, path)
    if len(found) != len(old_list):
        return text  # written another way (an inline array, say): the patcher handles it
    if not old_list and len(path) > 1 and table_end(kinds, path[:-1]) is None:
        return text
    if len(set(present)) != len(present) or len(set(wanted)) != len(wanted):
        return text  # duplicate ids: an error validate reports; leave the file to the patcher
    for index in reversed(range(len(present))):
        if present[index] not in wanted:
            lines = _remove(lines, found[index])
            del present[index]
            found = entries(classify(lines), path)
    for index, key in enumerate(wanted):
        if key in present:
            continue
        block = split_lines(block_of(path, new_list[index]))
        if index > 0:
            after = found[present.index(wanted[index - 1])].end
            lines = _insert_after(lines, after, block)
            present.insert(present.index(wanted[index - 1]) + 1, key)
        elif found:
            lines = _insert_before(lines, found[0].start, block)
            present.insert(0, key)
        else:
            lines = _insert_first(lines, path, block)
            present.insert(0, key)
        found = entries(classify(lines), path)
    return "".join(lines)


def _blank(line: str) -> bool:
    return not line.strip(" \t\r\n")


def _remove(lines: list[str], entry: Entry) -> list[str]:
    """Cut an entry's block, and the blank lines after it when blank lines stand before it too."""
    end = entry.end
    if entry.start == 0 or _blank(lines[entry.start - 1]):
        while end < len(lines) and _blank(lines[end]):
            end += 1
    kept = lines[: entry.start] + lines[end:]
    if end >= len(lines):
        while kept and _blank(kept[-1]):
            kept.pop()  # the file ended with this entry: no blank line at the end
    return kept


def _terminated(lines: list[str]) -> list[str]:
    if lines and not lines[-1].endswith("\n"):
        return [*lines[:-1], lines[-1] + "\n"]
    return lines


def _insert_after(lines: list[str], at: int, block: list[str]) -> list[str]:
    head = _terminated(lines[:at])
    tail = lines[at:]
    spaced = ["\n", *_terminated(block)]
    if tail and not _blank(tail[0]):
        spaced.append("\n")
    return head + spaced + tail


def _insert_before(lines: list[str], at: int, block: list[str]) -> list[str]:
    head = lines[:at]
    spaced = [*_terminated(block), "\n"]
    if head and not _blank(head[-1]):
        spaced.insert(0, "\n")
    return head + spaced + lines[at:]


def _insert_first(lines: list[str], path: tuple[str, ...], block: list[str]) -> list[str]:
    """The array's first entry: after its parent table's body, or at the end of the file."""
    if len(path) > 1:
        end = table_end(classify(lines), path[:-1])
        assert end is not None  # checked by the caller
        return _insert_after(lines, end, block)
    while lines and _blank(lines[-1]):
        lines = lines[:-1]
    if not lines:
        return _terminated(block)
    return _terminated(lines) + ["\n", *_terminated(block)]
