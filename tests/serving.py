"""Helpers for tests that run a real `qa serve` process."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(index_dir, corpus_dir, *args, port: int | None = None, env: dict | None = None):
    """(process, base URL) of `qa serve` on a free port over the given folders."""
    port = port or free_port()
    # No access log unless asked for: these pipes are read only at exit, and a line per request
    # would fill them and block the server.
    full_env = {**os.environ, "QA_INDEX_DIR": str(index_dir), "QA_CORPUS_DIR": str(corpus_dir),
                "QA_ACCESS_LOG": "false", **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "qa.cli", "serve", "--port", str(port), *args], env=full_env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return proc, f"http://127.0.0.1:{port}"


def wait_ready(proc, base: str, timeout: float = 150) -> bool:
    """Waits for /ready; returns whether /health answered on the way. Fails loudly if the
    process dies or the time runs out."""
    health = False
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"qa serve exited: {proc.stderr.read()}")
        try:
            health = health or httpx.get(base + "/health", timeout=2).status_code == 200
            if httpx.get(base + "/ready", timeout=2).status_code == 200:
                return health
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"qa serve not ready after {timeout} s")


def stop(proc) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
