"""The one number formatter (models.numbers): one rounding rule, hand-checked figures."""

from __future__ import annotations

import pytest

from roadmap_tui.models.numbers import clean, days, fmt, fmt_input, fmt_score, same, signed


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, "-"),
        (20.0, "20"),
        (2.5, "2.5"),
        (1 / 3, "0.33"),  # planning used to write 0.333333
        (7 / 3, "2.33"),  # planning used to write 2.33333
        (0.1 + 0.2, "0.3"),
        (2.999, "3"),
        (-0.001, "0"),  # never "-0"
        (-4.25, "-4.25"),
    ],
)
def test_a_figure_has_at_most_two_decimals(value: float | None, text: str) -> None:
    assert fmt(value) == text


def test_days_singular_only_for_what_reads_as_one() -> None:
    assert [days(1), days(0.999), days(2.5), days(0)] == ["1 day", "1 day", "2.5 days", "0 days"]


def test_signed_differences() -> None:
    assert [signed(17), signed(-3.5), signed(0.001), signed(-0.004)] == ["+17", "-3.5", "±0", "±0"]


def test_scores_and_inputs_and_json() -> None:
    assert [fmt_score(1.2857), fmt_score(0.0125), fmt_score(0), fmt_score(None)] == [
        "1.29",
        "0.0125",
        "0.00",
        "-",
    ]
    assert [fmt_input(8.0), fmt_input(0.125), fmt_input(0.1 + 0.2), fmt_input(3)] == [
        "8",
        "0.125",
        "0.3",
        "3",
    ]
    assert [clean(20.0), clean(0.1 + 0.2), clean(1 / 3)] == [20, 0.3, 0.333333]
    assert same(0.1 + 0.2, 0.3) and same(None, None) and not same(None, 0)
