"""The first frame as a person sees it: a process started in a pseudo-terminal, timed from its
launch to the first item row drawn on the screen (the first item id in what it writes).

No Pilot and no headless driver: the app runs as from a shell, with Textual's real terminal
driver, and the time includes Python's start, every import, reading the files and the drawing.
`first_item` also gives the child's processor time up to then (its rusage when it is stopped
at the first item): on a loaded machine it moves far less than the wall time.
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


def first_item(args: list[str], timeout: float = 60.0) -> tuple[float, float]:
    """(wall, processor) seconds from starting `args` in a pseudo-terminal to the first item id
    it draws; the processor time is the child's own, user and system, until it is stopped."""
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
                wall = time.perf_counter() - start
                os.killpg(child.pid, signal.SIGSTOP)  # no work past the first item is counted
                break
    finally:
        cpu = _stop(child)
        _drain(master)
        os.close(master)
    return wall, cpu


def _stop(child: subprocess.Popen[bytes]) -> float:
    """End the child; its processor time (user + system) as its rusage gives it."""
    try:
        os.killpg(child.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    _, _, usage = os.wait4(child.pid, 0)
    child.returncode = -signal.SIGKILL  # reaped here: Popen must not wait for it again
    return usage.ru_utime + usage.ru_stime


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
