"""The first frame as a person sees it: a process started in a pseudo-terminal, timed from its
launch to the first item row drawn on the screen (the first item id in what it writes).

No Pilot and no headless driver: the app runs as from a shell, with Textual's real terminal
driver, and the time includes Python's start, every import, reading the files and the drawing.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

ITEM = re.compile(rb"ITEM-\d{5}")  # the generated workspaces' item ids
COLUMNS, LINES = 140, 40


def first_item_seconds(args: list[str], timeout: float = 60.0) -> float:
    """Seconds from starting `args` in a pseudo-terminal to the first item id it draws."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(LINES)}
    start = time.perf_counter()
    child = subprocess.Popen(
        args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while True:
            left = timeout - (time.perf_counter() - start)
            if left <= 0:
                raise TimeoutError(f"no item drawn within {timeout:g} s: {' '.join(args)}")
            ready, _, _ = select.select([master], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                raise RuntimeError(f"exited before drawing an item: {seen[-300:]!r}") from None
            if not chunk:
                raise RuntimeError(f"exited before drawing an item: {seen[-300:]!r}")
            seen = seen[-64:] + chunk  # an id split across two reads is still found
            if ITEM.search(seen):
                return time.perf_counter() - start
    finally:
        try:
            os.killpg(child.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()
        _drain(master)
        os.close(master)


def _drain(master: int) -> None:
    while True:
        ready, _, _ = select.select([master], [], [], 0)
        if not ready:
            return
        try:
            if not os.read(master, 65536):
                return
        except OSError:
            return
