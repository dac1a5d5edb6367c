"""A file's fingerprint: what "the same bytes" means for change detection and for reusing a
parse (`storage.prefetch`, whose child needs it without the rest of storage)."""

from __future__ import annotations

import hashlib


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
