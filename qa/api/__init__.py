"""create_app(settings) -> FastAPI app. The engine (model + index) loads in the background at
start-up, so /health answers at once and /ready turns 200 when the index is loaded."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from qa.api.access_log import AccessLog
from qa.api.metrics import Metrics
from qa.api.middleware import BodyLimit, HeadAsGet, HeavyGate, JsonGuard, MetricsMiddleware, clip
from qa.api.routes import router
from qa.config import Settings


def _problem(errors: list) -> str:
    """One line naming the first problem, e.g. "body.k: Input should be less than or equal to 50"."""
    if not errors:
        return "invalid request"
    e = errors[0]
    where = ".".join(clip(p, 24) if isinstance(p, str) else str(p) for p in e.get("loc", ()) if p != "body") or "body"
    msg = e.get("msg", "invalid")
    if e.get("type") == "json_invalid":
        return f"body is not valid JSON ({e.get('ctx', {}).get('error', msg)})"
    if e.get("type") == "model_attributes_type":
        return "body must be a JSON object"
    return f"{where}: {msg}"


def create_app(settings: Settings | None = None, engine=None, load_in_background: bool = True) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if app.state.engine is None:
            def load():
                from qa.engine import Engine

                try:
                    # Ready means ready: index loaded and the model warm.
                    app.state.engine = Engine(settings).load(build=True, progress=True).warm()
                except Exception as e:  # noqa: BLE001 - reported by /ready, and logged
                    app.state.load_error = str(e)
                    print(f"qa serve: error: {e}", flush=True)
            if load_in_background:
                threading.Thread(target=load, name="qa-load", daemon=True).start()
            else:
                load()
        yield

    app = FastAPI(
        title="MSC review QA",
        version="0.1.0",
        description="Search, cited answers and citation lookup over a scientific review: passages and table rows "
                    "with their sections, character spans, pages and the review's reference numbers.",
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.load_error = None
    app.state.settings = settings
    app.state.metrics = Metrics()

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        return JSONResponse(status_code=422, content={"error": _problem(errors), "detail": _jsonable(errors)})

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        detail = str(exc.detail)
        if detail == "There was an error parsing the body":
            detail = "body could not be parsed: send UTF-8 JSON"
        headers = exc.headers
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(_allowed(app, request.scope))}
        return JSONResponse(status_code=exc.status_code, content={"error": detail}, headers=headers)

    @app.exception_handler(UnicodeDecodeError)
    async def bad_bytes(request: Request, exc: UnicodeDecodeError):
        return JSONResponse(status_code=400, content={"error": "body is not UTF-8 text"})

    app.include_router(router)
    _mount_static(app)
    # "/health/" is a 404, not a redirect built from whatever Host header the client sent.
    app.router.redirect_slashes = False
    # Outermost last: body limits, then JSON sanity, CORS, HEAD, metrics, and the overload
    # gate right in front of the routes (so its 503s are counted).
    app.add_middleware(HeavyGate, paths=HEAVY_PATHS, limit=settings.max_heavy_requests,
                       queue=settings.max_heavy_queue, timeout=settings.heavy_queue_timeout)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    app.add_middleware(HeadAsGet)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"], max_age=600)
    app.add_middleware(JsonGuard)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes, read_timeout=settings.timeout_read)
    if settings.access_log:
        app.add_middleware(AccessLog, quiet=settings.access_log_quiet)
    app.openapi = lambda: _openapi(app)
    return app


HEAVY_PATHS = ("/search", "/ask", "/cite")

# Statuses any operation may answer besides its own: listed in the OpenAPI document so that a
# client (or a schema-driven fuzzer) knows every status the service returns.
_COMMON = {"400": "Malformed request (bad Content-Length, body not UTF-8)",
           "405": "Method not allowed (the Allow header lists the methods)",
           "408": "Request body not received in time",
           "413": "Request body too large",
           "422": "Invalid input",
           "503": "Index loading, or too many heavy requests at once (see Retry-After)"}
_BODY = {"415": "Body is not application/json"}


def _openapi(app: FastAPI) -> dict:
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    ref = {"$ref": "#/components/schemas/ErrorResponse"}
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault(
        "ErrorResponse", {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]})
    for ops in schema.get("paths", {}).values():
        for method, op in ops.items():
            extra = {**_COMMON, **(_BODY if "requestBody" in op else {})}
            for code, text in extra.items():
                op.setdefault("responses", {}).setdefault(
                    code, {"description": text, "content": {"application/json": {"schema": ref}}})
    app.openapi_schema = schema
    return schema


def _allowed(app: FastAPI, scope) -> list[str]:
    """Every method some route accepts at this path (Starlette names only the first route's)."""
    path = scope.get("path", "")
    methods: set[str] = set()
    for route in [*app.router.routes, *router.routes]:
        regex = getattr(route, "path_regex", None)
        if regex is not None and regex.match(path):
            methods |= set(getattr(route, "methods", None) or ())
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods)


def _jsonable(errors: list) -> list:
    """The first few errors, without the input they were about: a client's own input comes
    back at most ~100 characters of it (field names clipped)."""
    out = []
    for e in errors[:3]:
        e = dict(e)
        e.pop("ctx", None)
        e.pop("url", None)
        # The input is not echoed: it may be large, or not serialisable (NaN, bytes).
        e.pop("input", None)
        e["loc"] = [clip(p, 24) if isinstance(p, str) else p for p in e.get("loc", ())]
        e["msg"] = clip(e.get("msg", ""), 200)
        out.append(e)
    return out


def _mount_static(app: FastAPI) -> None:
    """The chat page and the embeddable widget, when present."""
    try:
        from qa.api.static_routes import mount
    except ImportError:
        return
    mount(app)
