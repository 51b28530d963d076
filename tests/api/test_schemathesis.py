"""Property-based API test from the OpenAPI schema (schemathesis, driven by hypothesis):
valid and invalid inputs for every operation; no 5xx, and every rejected input is a 4xx
whose body names the problem."""

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402

from qa.api import create_app  # noqa: E402

EXAMPLES = 25  # per operation and mode: a few hundred cases in all, within CI's time


def modes():
    gm = getattr(schemathesis, "GenerationMode", None)
    return [gm.POSITIVE, gm.NEGATIVE] if gm else [None]


def test_no_server_errors_and_clear_rejections(built):
    s, engine = built
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(s, engine=engine))
    seen = {"cases": 0, "rejected": 0}
    for result in schema.get_all_operations():
        op = result.ok()
        for mode in modes():
            strategy = op.as_strategy(generation_mode=mode) if mode is not None else op.as_strategy()

            @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            @given(case=strategy)
            def check(case):
                response = case.call()
                seen["cases"] += 1
                assert response.status_code < 500, (case.method, case.path, case.body, response.text[:300])
                if response.status_code >= 400:
                    seen["rejected"] += 1
                    body = response.json()
                    assert isinstance(body.get("error"), str) and body["error"].strip(), response.text[:300]

            try:
                check()
            except Unsatisfiable:
                pass  # an operation with no inputs has no invalid variant to generate
    assert seen["cases"] >= 200 and seen["rejected"] > 0, seen
