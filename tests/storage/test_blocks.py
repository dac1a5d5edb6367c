"""The scan that tells header lines from lines inside strings and arrays, and cuts entry blocks."""

from __future__ import annotations

from roadmap_tui.storage.blocks import classify, entries, split_lines

TEXT = '''\
# file heading

[quarter]
id = "2026-Q4"
# lead of A
[[items]]
id = "A"
description = """
[[items]]
not a header: inside a multi-line string \\"""
"""
tags = [
  "x", # a comment in an array
  "[[items]]",
]
[items.score]
value = 3
# after A's last key

# --- a heading ---

# lead of B
[[items]]
id = 'B' # trailing
literal = \'\'\'
[[items]]
\'\'\'
'''


def test_headers_inside_strings_and_arrays_are_not_headers() -> None:
    kinds = classify(split_lines(TEXT))
    headers = [number + 1 for number, line in enumerate(kinds) if line.kind == "header"]
    assert headers == [3, 6, 16, 23]
    assert kinds[15].header == ("items", "score") and not kinds[15].array


def test_an_entry_is_its_lead_its_body_and_the_comments_right_after() -> None:
    lines = split_lines(TEXT)
    found = entries(classify(lines), ("items",))
    blocks = ["".join(lines[e.start : e.end]) for e in found]
    assert blocks[0].startswith("# lead of A\n[[items]]\n")
    assert blocks[0].endswith("[items.score]\nvalue = 3\n# after A's last key\n")
    assert (
        blocks[1] == "# lead of B\n[[items]]\nid = 'B' # trailing\nliteral = '''\n[[items]]\n'''\n"
    )
    # The heading and the blank lines around it belong to the file.
    assert "".join(lines[found[0].end : found[1].start]) == "\n# --- a heading ---\n\n"


def test_quoted_and_dotted_header_names() -> None:
    kinds = classify(split_lines("[ \"quarter\" . reviews ]\n[[ 'items' ]]\n"))
    assert [(k.header, k.array) for k in kinds] == [
        (("quarter", "reviews"), False),
        (("items",), True),
    ]
