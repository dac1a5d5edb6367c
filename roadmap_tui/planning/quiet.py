"""Keep the solver's own printing off standard output.

HiGHS (the solver, through highspy) can print diagnostics such as
`HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();` straight to file
descriptor 1, below Python's `sys.stdout`: before the JSON of `roadmap adopt --format json`, or
into a pipe. Silencing has to happen at the descriptor level, around the solve only.
"""

from __future__ import annotations

import ctypes
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# One solve at a time swaps descriptor 1 (the app solves in worker threads).
_SWAP = threading.Lock()


def _flush_c_streams() -> None:
    """Flush C's stdio buffers, so what the solver printed goes where descriptor 1 pointed then."""
    try:
        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError):  # no C library to ask (not on this platform)
        pass


@contextmanager
def solver_output_silenced(target: str = os.devnull) -> Iterator[None]:
    """Send descriptor 1 to `target` (the null device) while the block runs.

    Python's own `sys.stdout` is flushed first, so nothing written before is lost or reordered.
    A process without a descriptor 1 runs the block as it is.
    """
    with _SWAP:
        try:
            sys.stdout.flush()
        except (OSError, ValueError):  # closed or broken: nothing of ours to keep in order
            pass
        _flush_c_streams()
        try:
            saved = os.dup(1)
        except OSError:
            yield
            return
        sink = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.dup2(sink, 1)
            yield
        finally:
            _flush_c_streams()
            os.dup2(saved, 1)
            os.close(saved)
            os.close(sink)
