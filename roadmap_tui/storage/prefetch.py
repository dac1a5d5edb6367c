"""Parse a workspace's files in a second process while this one starts.

A command spends its first 0.1-0.5 s importing (click, pydantic, textual) before it reads a
file, and reading is mostly tomllib, which is pure Python and holds the interpreter lock: a
thread cannot overlap the two, a forked child on another core can. `start` forks a child that
parses the folder's TOML files in the order the loader reads them and sends back, file by file,
each file's fingerprint and tables, already checked against the limits (`limits.checked`, a
walk over every value that costs a sixth of the parse). `tables` is what the loader calls to
parse and check a file: it uses the child's tables only when the bytes it read itself have the
same fingerprint, so a file changed in between, a file the child skipped or could not parse, or a
child that died is parsed here exactly as before. Only an optimisation: no answer depends on it.
When the loader needs a file the child has not sent yet, it does not only wait: it parses the
last file the child has not reached itself (the same way, then fingerprinted the same way) and
tells the child, which skips it. With 10,000 items the child's parse outlasts the imports, and
the largest file, the backlog, comes last: the two processes then share the parse.

The child is started only by the `roadmap` program itself (never under a test runner, never on
import), on a machine with a second core that is likely free, for a workspace large enough to gain (a few
milliseconds of forking against a parse of `LEAST_BYTES` and up), and not when
`ROADMAP_PREFETCH=0` (`=1`: whenever it can fork). This module imports only the standard library (and no model), so that
starting it costs nothing the command would not pay anyway.
"""

from __future__ import annotations

import gc
import os
import select
import signal
import stat
import struct
import threading
import tomllib
from pathlib import Path
from typing import Any

from roadmap_tui.storage.fingerprints import fingerprint
from roadmap_tui.storage.limits import MAX_FILE_BYTES, checked

ROADMAP = "roadmap.toml"  # sources.ROADMAP (which imports the models): read first, sent first
LEAST_BYTES = 64 * 1024  # below this a parse takes about as long as forking and sending
SWITCH = "ROADMAP_PREFETCH"  # "0" turns it off
_LENGTH = struct.Struct("<Q")  # before each record: its length

# (name, fingerprint, tables) for a file the child parsed; (name, None, None) for one it did not.
_Record = tuple[str, str | None, dict[str, Any] | None]


class Prefetch:
    """The parent's end: the child's process id, the stream of its records, and the names this
    process parses itself (`claims`: the child skips those it has not started)."""

    def __init__(self, folder: Path, pid: int, records: int, claims: int) -> None:
        self.folder = folder
        self.pid = pid
        self._records: int | None = records  # the pipe's read end
        self._claims: int | None = claims  # the write end of the names taken back
        self._buffer = bytearray()
        self._order: list[str] | None = None  # what the child will send, once its header is read
        self._coming: set[str] = set()  # sent neither yet nor parsed here
        self._arrived: dict[str, _Record] = {}
        self._lock = threading.Lock()  # the app reads in a worker thread

    def take(self, name: str, data: bytes) -> dict[str, Any] | None:
        """The child's tables of `name` (or this process's, see `_take_back`) if parsed from
        exactly `data`; each name once."""
        with self._lock:
            record = self._arrived.pop(name, None) or self._receive(name)
        if record is None or record[1] is None:
            return None
        return record[2] if record[1] == fingerprint(data) else None

    def _receive(self, name: str) -> _Record | None:
        """Read the child's records up to `name`'s (keeping the others for later). While none
        is ready, this process parses a file the child has not reached."""
        try:
            if self._order is None:
                self._order = self._next(block=True)
                self._coming = set(self._order)
            if name not in self._coming:
                return None
            while True:
                record: _Record | None = self._next(block=False)
                if record is None:
                    record = self._take_back(name) or self._next(block=True)
                    assert record is not None
                self._coming.discard(record[0])
                if record[0] == name:
                    return record
                self._arrived.setdefault(record[0], record)
        except Exception:  # the child died or sent something unreadable: parse here
            self._close()
            return None

    def _take_back(self, waiting_for: str) -> _Record | None:
        """Parse here the last file the child has not reached, rather than wait for it: with
        10,000 items the child's parse is the longest part of a start (the largest file, the
        backlog, comes last). Not the file it works on (the first still coming)."""
        assert self._order is not None
        coming = [name for name in self._order if name in self._coming]
        if len(coming) < 2:
            return None
        last = coming[-1]
        if self._claims is not None:
            try:
                os.write(self._claims, os.fsencode(last) + b"\0")  # no file name holds a NUL
            except OSError:
                pass  # it has ended, or the pipe is full: at worst both parse the file
        record = _parsed(self.folder / last, last)
        if last == waiting_for:
            return record
        self._coming.discard(last)
        self._arrived[last] = record
        return self._next(block=False) or self._take_back(waiting_for)

    def _next(self, *, block: bool) -> Any:
        """The next whole record (length, then pickle), or None if `block` is False and it has
        not all arrived."""
        import pickle

        while True:
            if len(self._buffer) >= _LENGTH.size:
                (size,) = _LENGTH.unpack_from(self._buffer)
                end = _LENGTH.size + size
                if len(self._buffer) >= end:
                    blob = bytes(self._buffer[_LENGTH.size : end])
                    del self._buffer[:end]
                    return pickle.loads(blob)  # our own child's records, through our own pipe
            if self._records is None:
                raise EOFError
            if not block and not select.select([self._records], [], [], 0)[0]:
                return None
            chunk = os.read(self._records, 1 << 20)
            if not chunk:
                raise EOFError
            self._buffer += chunk

    def finish(self) -> None:
        """Stop the child if it still runs and collect its exit: after the first read."""
        self._close()
        try:
            os.kill(self.pid, signal.SIGKILL)  # what it had left to send is not wanted any more
        except ProcessLookupError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass

    def _close(self) -> None:
        for fd in (self._records, self._claims):
            if fd is not None:
                os.close(fd)
        self._records = self._claims = None
        self._buffer.clear()
        self._coming = set()
        self._arrived.clear()


_pending: Prefetch | None = None


def start(
    folder: Path, *, least_bytes: int = LEAST_BYTES, when_busy: bool = False
) -> Prefetch | None:
    """Fork the child for `folder` if it is worth it here; the loader takes from it.
    `ROADMAP_PREFETCH=1` (or `when_busy` and `least_bytes=0`) forks whenever it can."""
    global _pending
    switch = os.environ.get(SWITCH)
    if _pending is not None or switch == "0" or not hasattr(os, "fork"):
        return None
    forced = switch == "1"
    if not (forced or when_busy or _idle_core()):
        return None  # the child would only take turns with this process, or another
    names = _names(folder)
    if not names or (not forced and sum(size for _, size in names) < least_bytes):
        return None
    read_end, write_end = os.pipe()
    claims_read, claims_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse, send, and leave without running the parent's exit code
        try:
            gc.disable()  # everything it parses lives until sent: collections would find nothing
            os.close(read_end)
            os.close(claims_write)
            os.set_blocking(claims_read, False)
            _send(folder, [name for name, _ in names], write_end, claims_read)
        finally:
            os._exit(0)
    os.close(write_end)
    os.close(claims_read)
    os.set_blocking(claims_write, False)  # a claim that does not fit is only work done twice
    _pending = Prefetch(_resolved(folder), pid, read_end, claims_write)
    return _pending


def pending() -> Prefetch | None:
    """The child not yet stopped, if any."""
    return _pending


def tables(folder: Path | None, name: str, data: bytes, text: str) -> dict[str, Any]:
    """The parsed tables of file `name` of `folder` whose bytes are `data` (`text` decoded),
    checked against the limits (`limits.checked`): the child's when it parsed and checked these
    very bytes, else parsed and checked here (any error, a `LimitError` too, raised here)."""
    pending = _pending
    if pending is not None and folder is not None and _resolved(folder) == pending.folder:
        taken = pending.take(name, data)
        if taken is not None:
            return taken
    parsed: dict[str, Any] = checked(tomllib.loads(text), {})
    return parsed


def finish(folder: Path | None) -> None:
    """Once `folder` is read, if it is the one prefetched: the child is stopped and collected
    (a later read, a reload, parses here)."""
    global _pending
    pending = _pending
    if pending is not None and folder is not None and _resolved(folder) == pending.folder:
        _pending = None
        pending.finish()


def _resolved(folder: Path) -> Path:
    try:
        return folder.resolve()
    except OSError:
        return folder.absolute()


def _idle_core() -> bool:
    """A second core that is likely free: the last minute's load average under the cores."""
    affinity = getattr(os, "sched_getaffinity", None)
    cores = len(affinity(0)) if affinity is not None else os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        load = 0.0
    # The average counts this program's own runs too: a script or a benchmark running commands
    # back to back keeps it between 1 and 2 on two idle cores (each run is two processes for a
    # moment), which a line at cores - 0.5 took for a busy machine. Another busy process on top
    # takes it over. (How many threads run right now, /proc/loadavg's fourth field, was tried:
    # kernel threads put it at 2-4 on an idle machine as often as not.)
    return cores >= 2 and load < cores


def _names(folder: Path) -> list[tuple[str, int]]:
    """(name, size) of the folder's plan files, roadmap.toml first, then by name: the order
    the loader reads them in. Only regular files (no links) within the size limit."""
    found: list[tuple[str, int]] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if not entry.name.endswith(".toml") or entry.name.startswith("."):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_size <= MAX_FILE_BYTES:
            found.append((entry.name, info.st_size))
    return sorted(found, key=lambda found: (found[0] != ROADMAP, found[0]))


def _send(folder: Path, names: list[str], write_end: int, claims: int) -> None:
    """The child's work: a header (the names), then one record per name but those the parent
    takes back (`claims`, read before each file). A thread writes them: the pipe holds 64 KiB,
    and the parent reads only once its imports are done, so parsing must not wait for the pipe."""
    import pickle
    import queue

    ready: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()

    def write() -> None:
        with os.fdopen(write_end, "wb") as out:
            while (record := ready.get()) is not None:
                out.write(_LENGTH.pack(len(record)))
                out.write(record)
                out.flush()

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    ready.put(pickle.dumps(names, protocol=pickle.HIGHEST_PROTOCOL))
    claimed: set[str] = set()
    for name in names:
        claimed |= _claimed(claims)
        if name not in claimed:
            record = _parsed(folder / name, name)
            ready.put(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
    ready.put(None)
    writer.join()


def _claimed(claims: int) -> set[str]:
    """The names the parent has taken back since last asked (the pipe is non-blocking)."""
    names: set[str] = set()
    while True:
        try:
            chunk = os.read(claims, 4096)
        except OSError:  # nothing to read now (BlockingIOError), or closed
            return names
        if not chunk:
            return names
        names.update(os.fsdecode(name) for name in chunk.split(b"\0") if name)


def _parsed(path: Path, name: str) -> _Record:
    try:
        # As the reader opens files: no link followed, no FIFO or device waited on.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return (name, None, None)
            data = handle.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES or b"\0" in data:
            return (name, None, None)
        # Checked here too, the key names shared: sent once per file, they arrive shared.
        return (name, fingerprint(data), checked(tomllib.loads(data.decode("utf-8")), {}))
    except Exception:  # noqa: BLE001 - any file the child cannot parse or check, the parent parses and reports
        return (name, None, None)
