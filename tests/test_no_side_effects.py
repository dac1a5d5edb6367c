"""Importing the package changes no process-wide state; the app's launch alone tunes the collector."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from roadmap_tui.tui.gc_policy import FULL_COLLECTION_EVERY, CollectorPolicy

_WALK = """
import gc, json, pkgutil, importlib, sys
before = [gc.isenabled(), gc.get_freeze_count(), list(gc.get_threshold())]
import roadmap_tui
names = []
for info in pkgutil.walk_packages(roadmap_tui.__path__, "roadmap_tui."):
    if info.name.endswith("__main__"):
        continue
    importlib.import_module(info.name)
    names.append(info.name)
after = [gc.isenabled(), gc.get_freeze_count(), list(gc.get_threshold())]
print(json.dumps({"before": before, "after": after, "modules": names}))
"""


def test_importing_every_module_leaves_the_collector_as_it_was() -> None:
    output = subprocess.run(
        [sys.executable, "-c", _WALK], check=True, capture_output=True, text=True
    ).stdout
    report = json.loads(output.strip().splitlines()[-1])
    assert report["after"] == report["before"]
    assert report["after"][0] is True  # enabled
    # The walk really imported the layers, the app and the deck exporter.
    assert {"roadmap_tui.tui.app", "roadmap_tui.impact.compare", "roadmap_tui.cli.main"} <= set(
        report["modules"]
    )


def test_policy_off_changes_nothing() -> None:
    before = (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold())
    policy = CollectorPolicy(False)
    policy.launch()
    policy.opened()
    policy.keep_loaded()
    policy.replaced()
    assert (gc.isenabled(), gc.get_freeze_count(), gc.get_threshold()) == before


def test_policy_at_launch_freezes_and_a_reload_unfreezes_what_it_replaces() -> None:
    code = """
import gc, json
from roadmap_tui.tui.gc_policy import CollectorPolicy
young, middle, full = gc.get_threshold()
p = CollectorPolicy(True)
p.launch()
launched = [gc.get_freeze_count() > 0, gc.get_threshold()[0]]
p.opened()
opened = list(gc.get_threshold())
garbage = []
garbage.append(garbage)  # a cycle, frozen with the rest
p.keep_loaded()
del garbage
frozen = gc.get_freeze_count()
p.replaced()  # the cycle is collected; what lives is frozen again
print(json.dumps({"young": young, "middle": middle, "launched": launched, "opened": opened,
                  "enabled": gc.isenabled(), "frozen": frozen, "refrozen": gc.get_freeze_count()}))
"""
    report = json.loads(
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
        .stdout.strip()
        .splitlines()[-1]
    )
    assert report["launched"] == [True, 50_000]
    assert report["opened"] == [report["young"], report["middle"], FULL_COLLECTION_EVERY]
    assert report["enabled"] is True
    assert report["refrozen"] < report["frozen"]  # the freed cycle left the permanent generation
