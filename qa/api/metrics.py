"""Request counts and latency histograms per route, in Prometheus text format."""

from __future__ import annotations

import threading
import time
from collections import defaultdict

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


class Metrics:
    def __init__(self):
        self._lock = threading.Lock()
        self.counts: dict[tuple[str, str, int], int] = defaultdict(int)
        self.hist: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * (len(BUCKETS) + 1))
        self.sums: dict[tuple[str, str], float] = defaultdict(float)
        self.started = time.time()

    def observe(self, method: str, route: str, status: int, seconds: float) -> None:
        with self._lock:
            self.counts[(method, route, status)] += 1
            h = self.hist[(method, route)]
            for i, b in enumerate(BUCKETS):
                if seconds <= b:
                    h[i] += 1
                    break
            else:
                h[-1] += 1
            self.sums[(method, route)] += seconds

    def render(self) -> str:
        out = [
            "# HELP qa_requests_total HTTP requests by method, route and status.",
            "# TYPE qa_requests_total counter",
        ]
        with self._lock:
            for (m, r, s), n in sorted(self.counts.items()):
                out.append(f'qa_requests_total{{method="{m}",route="{r}",status="{s}"}} {n}')
            out += [
                "# HELP qa_request_duration_seconds HTTP request latency by method and route.",
                "# TYPE qa_request_duration_seconds histogram",
            ]
            for (m, r), h in sorted(self.hist.items()):
                acc = 0
                for b, n in zip(BUCKETS, h):
                    acc += n
                    out.append(f'qa_request_duration_seconds_bucket{{method="{m}",route="{r}",le="{b}"}} {acc}')
                acc += h[-1]
                out.append(f'qa_request_duration_seconds_bucket{{method="{m}",route="{r}",le="+Inf"}} {acc}')
                out.append(f'qa_request_duration_seconds_sum{{method="{m}",route="{r}"}} {self.sums[(m, r)]:.6f}')
                out.append(f'qa_request_duration_seconds_count{{method="{m}",route="{r}"}} {acc}')
        out += ["# HELP qa_uptime_seconds Seconds since the service started.", "# TYPE qa_uptime_seconds gauge",
                f"qa_uptime_seconds {time.time() - self.started:.1f}"]
        return "\n".join(out) + "\n"
