"""Hostile text, links, and the text measuring that keeps every run inside its box."""

from __future__ import annotations

import pytest

from roadmap_tui.exporters.deck.clean import clean_text, one_line, safe_link
from roadmap_tui.exporters.deck.measure import (
    ELLIPSIS,
    SAFETY,
    FontMeasure,
    TableMeasure,
    default_measure,
    fit,
    shorten,
    wrap,
)
from roadmap_tui.exporters.deck.words import join, percent_change, signed, some

TABLE = TableMeasure()


# --- sanitising ----------------------------------------------------------------------------


def test_clean_text_drops_only_what_xml_cannot_hold() -> None:
    hostile = "a\x00b\x01c\x08d\x0be\x0cf\x1fg\x7fh\x85i\ud800j\ufffek\uffffl"
    assert clean_text(hostile) == "abcdefghijkl"


def test_clean_text_keeps_everything_a_person_writes() -> None:
    text = "Quotes \"x\" 'y', <tag> & co, emoji 👩‍💻🚀, עברית, العربية, 中文, tab\tand\nnewline"
    assert clean_text(text) == text


def test_one_line_turns_whitespace_runs_into_one_space() -> None:
    assert one_line("  a\n\tb \u2028 c  ") == "a b c"


@pytest.mark.parametrize(
    "url",
    [
        "https://tracker.example/INFRA-1",
        "http://x.example/a?b=1&c=<2>",
        "mailto:lead@example.com",
        "HTTPS://EXAMPLE.COM/",
    ],
)
def test_safe_link_keeps_http_https_mailto(url: str) -> None:
    assert safe_link(url) == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "ftp://example.com/x",
        "/relative/path",
        "tracker.example/INFRA-1",
        "https://",
        "mailto:",
        "https://exa mple.com",
        "https://example.com/\x00",
        "data:text/html,<b>x</b>",
        "",
        None,
    ],
)
def test_safe_link_drops_everything_else(url: str | None) -> None:
    assert safe_link(url) is None


# --- widths --------------------------------------------------------------------------------


def test_table_widths_are_calibri_advance_widths_with_a_margin() -> None:
    # Calibri: "a" is 981/2048 em, "W" 1822/2048, space 463/2048.
    assert TABLE.width("a", 10) == pytest.approx(981 / 2048 * 10 * SAFETY)
    assert TABLE.width("aW a", 20) == pytest.approx((981 * 2 + 1822 + 463) / 2048 * 20 * SAFETY)
    assert TABLE.width("a", 10, bold=True) == pytest.approx(1011 / 2048 * 10 * SAFETY)


def test_characters_calibri_lacks_get_generous_widths() -> None:
    assert TABLE.width("中", 10) == pytest.approx(1.05 * 10 * SAFETY)
    assert TABLE.width("🚀", 10) == pytest.approx(1.3 * 10 * SAFETY)
    assert TABLE.width("e\u0301", 10) == TABLE.width("e", 10)  # a combining accent adds nothing
    assert TABLE.width("א", 10) == pytest.approx(0.72 * 10 * SAFETY)


def test_default_measure_is_deterministic_and_close_to_the_table() -> None:
    measure = default_measure()
    assert default_measure() is measure
    text = "Datadog self-service: monitors and dashboards as code"
    assert measure.width(text, 10) == measure.width(text, 10)
    if isinstance(measure, FontMeasure):  # kerning only ever narrows Calibri text
        assert measure.width(text, 10) <= TABLE.width(text, 10) + 1e-6
        assert measure.width(text, 10) >= TABLE.width(text, 10) * 0.97


# --- wrapping and fitting ------------------------------------------------------------------


def test_wrap_breaks_at_spaces_and_every_line_fits() -> None:
    text = "Migrate infrastructure repos to Spacelift stacks with policies"
    lines = wrap(text, 100, 10, measure=TABLE)
    assert " ".join(lines) == text
    assert len(lines) > 1
    assert all(TABLE.width(line, 10) <= 100 for line in lines)


def test_wrap_breaks_a_word_longer_than_the_line() -> None:
    word = "x" * 200
    lines = wrap(word, 50, 10, measure=TABLE)
    assert "".join(lines) == word
    assert all(TABLE.width(line, 10) <= 50 for line in lines)


def test_wrap_never_splits_an_emoji_sequence_or_an_accent() -> None:
    coder = "👩\u200d💻"
    lines = wrap(coder * 6, 30, 10, measure=TABLE)
    assert all(line == coder for line in lines)
    accented = "e\u0301" * 30
    for line in wrap(accented, 20, 10, measure=TABLE):
        assert not line.startswith("\u0301")


def test_fit_shrinks_before_it_cuts() -> None:
    text = "Self-service GPU node pools for ml-platform"
    roomy = fit(text, 400, 20, 12, 8, measure=TABLE)
    assert roomy.size == 12 and roomy.lines == (text,) and not roomy.cut
    # One line only (12 pt high holds one line up to 10 pt); 190 pt wide: the text is 223 pt
    # at 12 pt, 205 at 11, 186 at 10, so 10 pt is the largest size that fits.
    tight = fit(text, 190, 12, 12, 8, measure=TABLE)
    assert tight.size == 10 and tight.lines == (text,) and not tight.cut


def test_fit_cuts_with_an_ellipsis_when_nothing_fits() -> None:
    fitted = fit("word " * 100, 80, 25, 10, 9, measure=TABLE)
    assert fitted.cut and fitted.size == 9
    assert len(fitted.lines) == 2  # 25 pt holds two lines of 9 pt x 1.2
    assert fitted.lines[-1].endswith(ELLIPSIS)
    assert all(TABLE.width(line, 9) <= 80 for line in fitted.lines)


def test_shorten_ends_at_a_word_when_it_can() -> None:
    line = "Datadog self-service: monitors and dashboards as code"
    short = shorten(line, 150, 10, measure=TABLE)
    assert short.endswith(ELLIPSIS) and TABLE.width(short, 10) <= 150
    assert line.startswith(short[:-1])
    assert short[-2] != " " and line[len(short) - 1] == " "  # cut before a space


# --- words ---------------------------------------------------------------------------------


def test_numbers_and_lists_read_like_a_person_wrote_them() -> None:
    assert signed(16.0) == "+16" and signed(-2.5) == "-2.5" and signed(0.0) == "±0"
    assert percent_change(250, 266) == "+6%" and percent_change(0, 5) is None
    assert percent_change(1000, 1001) == "+<1%"
    assert join(["A"]) == "A" and join(["A", "B", "C"]) == "A, B and C"
    assert some(["A", "B", "C", "D", "E"], 3) == "A, B, C and 2 more"
