"""Processes that must not outlive the one that started them (the embedded worker, its beat)."""

from __future__ import annotations

import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Linux: this process gets SIGTERM when its parent dies, even by SIGKILL; elsewhere nothing happens.

    Without it, `moderation serve` killed hard left its worker (and the worker's beat) running, and each
    restart added one more worker and beat on the same queue and schedule file."""
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # no prctl: an orphan is then possible, as before
        pass
