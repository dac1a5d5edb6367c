"""Request ids from titles."""

from __future__ import annotations

import pytest

from roadmap_tui.intake.ids import request_id, title_words


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Account structure for decentralised stacks",
            "REQ-ACCOUNT-STRUCTURE-DECENTRALISED-STACKS",
        ),
        ("Self-service Kafka topics in the app module", "REQ-SELF-SERVICE-KAFKA-TOPICS"),
        ("Can't we get a GPU?", "REQ-CANT-GET-GPU"),
        ("Upgrade to Terraform 1.9", "REQ-UPGRADE-TERRAFORM-1.9"),
        ("Café für alle", "REQ-CAFE-FUR-ALLE"),
        ("The", "REQ-THE"),
        ("???", "REQ-REQUEST"),
    ],
)
def test_id_is_req_and_up_to_four_significant_words(title: str, expected: str) -> None:
    assert request_id(title, set()) == expected


def test_taken_ids_get_a_number() -> None:
    taken = {"REQ-KAFKA-TOPICS", "REQ-KAFKA-TOPICS-2"}
    assert request_id("Kafka topics", taken) == "REQ-KAFKA-TOPICS-3"
    assert request_id("Kafka topics", {"REQ-KAFKA-TOPICS"}) == "REQ-KAFKA-TOPICS-2"
    # ids are case-sensitive: a lower-case id does not take the upper-case one
    assert request_id("Kafka topics", {"req-kafka-topics"}) == "REQ-KAFKA-TOPICS"


def test_stop_words_are_left_out_but_not_when_nothing_else_is_left() -> None:
    assert title_words("Please add a way to do it") == ["ADD", "WAY", "DO"]
    assert title_words("for the") == ["FOR", "THE"]
