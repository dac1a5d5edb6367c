"""Text for a Slack message: the three characters Slack reads as control sequences, escaped.

Slack's message formatting turns `<!channel>`, `<@U123>`, `<#C123>` and `<https://x|text>` into
mentions and disguised links; a title or a note holding them would ping a whole channel or
hide a link's target. Slack asks for `&`, `<` and `>` as `&amp;`, `&lt;` and `&gt;` (and shows
them as typed); nothing else is special.
"""

from __future__ import annotations


def slack_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
