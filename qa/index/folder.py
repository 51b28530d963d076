"""The index folder's housekeeping: one writer at a time (an fcntl lock), leftovers of killed
builds removed, and a clear refusal when the folder cannot be written."""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

LOCK_NAME = ".lock"


def writable(index_dir: Path) -> bool:
    """Whether a build could write here (the folder, or the nearest existing parent)."""
    p = Path(index_dir)
    while not p.exists() and p != p.parent:
        p = p.parent
    return os.access(p, os.W_OK | os.X_OK)


@contextmanager
def build_lock(index_dir: Path):
    """Held for a whole build: a second build waits, then writes after the first, so CURRENT
    always names a version that exists. The lock is released by the kernel if the process dies."""
    from qa.index import IndexError_

    index_dir = Path(index_dir)
    if not writable(index_dir):
        raise IndexError_(f"index folder {index_dir} is not writable, so the index cannot be (re)built there; "
                          "run qa index where it can write, or point QA_INDEX_DIR elsewhere")
    index_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(index_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def cleanup_stale(index_dir: Path) -> list[str]:
    """Removes `.tmp-*` folders and `.CURRENT.*` files. Call only while holding build_lock:
    every build writes those under the lock, so any found then were left by a killed build."""
    removed = []
    for p in Path(index_dir).iterdir():
        if p.name.startswith(".tmp-") and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.name.startswith(".CURRENT.") and p.is_file():
            p.unlink(missing_ok=True)
        else:
            continue
        removed.append(p.name)
    return removed
