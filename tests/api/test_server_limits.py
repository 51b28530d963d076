"""A real `qa serve` on loopback with short timeouts and a small heavy-route gate: silent,
slow and idle connections are closed; /health answers while heavy requests pile up, and the
requests beyond the gate get 503 with Retry-After."""

import socket
import threading
import time

import httpx
import pytest

from serving import start, stop, wait_ready

pytestmark = pytest.mark.slow

READ_TIMEOUT = 2.0
KEEP_ALIVE = 1.0


@pytest.fixture(scope="module")
def server(built):
    settings, _ = built
    env = {"QA_TIMEOUT_READ": str(READ_TIMEOUT), "QA_TIMEOUT_KEEP_ALIVE": str(KEEP_ALIVE),
           "QA_MAX_HEAVY_REQUESTS": "2", "QA_MAX_HEAVY_QUEUE": "2"}
    proc, base = start(settings.index_dir, settings.corpus_dir, env=env)
    try:
        wait_ready(proc, base)
        yield base
    finally:
        stop(proc)


def _connect(base: str) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    s = socket.create_connection((host, int(port)), timeout=15)
    return s


def _closed_after(s: socket.socket, limit: float = 15.0) -> tuple[float, bytes]:
    """Seconds until the server closes the connection, and what it sent before."""
    t0 = time.time()
    got = b""
    s.settimeout(limit)
    try:
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            got += chunk
    except (TimeoutError, socket.timeout):
        return float("inf"), got
    except ConnectionResetError:
        pass
    return time.time() - t0, got


def _health_seconds(base: str) -> float:
    """GET /health timed by curl in its own process: this test's own client threads must not
    count against the server (they share this process's interpreter lock)."""
    import shutil
    import subprocess

    if not shutil.which("curl"):
        t0 = time.time()
        assert httpx.get(base + "/health", timeout=30).status_code == 200
        return time.time() - t0
    code, seconds = subprocess.run(["curl", "-s", "-o", "/dev/null", "-w", "%{http_code} %{time_total}", "--max-time",
                                    "30", base + "/health"], capture_output=True, text=True).stdout.split()
    assert code == "200"
    return float(seconds)


def test_a_silent_connection_is_closed(server):
    s = _connect(server)
    took, _ = _closed_after(s)
    assert took <= READ_TIMEOUT + 2


def test_headers_sent_a_byte_at_a_time_are_cut_off(server):
    s = _connect(server)
    t0 = time.time()
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
    try:
        for _ in range(20):
            s.sendall(b"X-Slow: y\r\n")
            time.sleep(0.5)
    except (BrokenPipeError, ConnectionResetError):
        pass
    took, _ = _closed_after(s)
    assert time.time() - t0 <= READ_TIMEOUT + 3 or took <= 1


def test_a_body_that_stops_coming_gets_408_and_closed(server):
    s = _connect(server)
    s.sendall(b"POST /search HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"que")
    took, got = _closed_after(s)
    assert took <= READ_TIMEOUT + 2 and b" 408 " in got.split(b"\r\n")[0]


def test_an_idle_keep_alive_connection_is_closed(server):
    s = _connect(server)
    s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
    took, got = _closed_after(s)
    assert got.startswith(b"HTTP/1.1 200") and took <= KEEP_ALIVE + 2


def test_health_answers_while_heavy_requests_pile_up(server):
    statuses: list[int] = []
    retry_after: list[str] = []
    go = threading.Barrier(16)

    def heavy(n: int):
        # A text of its own per request: repeated sentences are embedded once and cached, and
        # cheap requests would not pile up.
        text = " ".join(f"Exosomes from source {n}-{i} reduce inflammation and fibrosis in injured kidneys."
                        for i in range(60))
        go.wait()
        r = httpx.post(server + "/cite", json={"text": text}, timeout=60)
        statuses.append(r.status_code)
        if r.status_code == 503:
            retry_after.append(r.headers.get("retry-after", ""))

    threads = [threading.Thread(target=heavy, args=(n,)) for n in range(16)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    worst = 0.0
    while any(t.is_alive() for t in threads):
        worst = max(worst, _health_seconds(server))
        time.sleep(0.1)
    for t in threads:
        t.join()
    # Starved, /health would wait for the heavy requests (over a minute in issue 11); the
    # 1 s target itself is measured by scripts/probe_limits.py, not by a timed unit test.
    assert worst <= 2.0, worst
    assert statuses.count(200) >= 2 and statuses.count(503) >= 1, statuses
    assert set(statuses) <= {200, 503} and all(r.isdigit() for r in retry_after)
