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
from qa.api.middleware import BodyLimit, MetricsMiddleware
from qa.api.routes import router
from qa.config import Settings


def _problem(errors: list) -> str:
    """One line naming the first problem, e.g. "body.k: Input should be less than or equal to 50"."""
    if not errors:
        return "invalid request"
    e = errors[0]
    where = ".".join(str(p) for p in e.get("loc", ()) if p != "body") or "body"
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
        return JSONResponse(status_code=exc.status_code, content={"error": detail}, headers=exc.headers)

    @app.exception_handler(UnicodeDecodeError)
    async def bad_bytes(request: Request, exc: UnicodeDecodeError):
        return JSONResponse(status_code=400, content={"error": "body is not UTF-8 text"})

    app.include_router(router)
    _mount_static(app)
    app.add_middleware(MetricsMiddleware, metrics=app.state.metrics)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_methods=["GET", "POST"],
                           allow_headers=["Content-Type"], max_age=600)
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    if settings.access_log:
        app.add_middleware(AccessLog, quiet=settings.access_log_quiet)
    return app


def _jsonable(errors: list) -> list:
    out = []
    for e in errors:
        e = dict(e)
        e.pop("ctx", None)
        e.pop("url", None)
        if isinstance(e.get("input"), (bytes, bytearray)):
            e["input"] = None
        out.append(e)
    return out


def _mount_static(app: FastAPI) -> None:
    """The chat page and the embeddable widget, when present."""
    try:
        from qa.api.static_routes import mount
    except ImportError:
        return
    mount(app)
