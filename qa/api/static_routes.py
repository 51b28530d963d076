"""What the service serves besides the API: the chat page (/), the embeddable widget
(/widget.js), the site icon (/favicon.ico), and API docs (/docs, /redoc) whose assets come
from a pinned package instead of a CDN, so they work on an offline machine."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, Response

from qa.api.favicon import ico

STATIC = Path(__file__).parent / "static"
DOCS_ASSETS_URL = "/docs-assets"


def _docs_assets() -> dict[str, tuple[Path, str]] | None:
    """Swagger UI and ReDoc files shipped by fastapi-offline (pinned in pyproject.toml), by name."""
    try:
        import fastapi_offline
    except ImportError:
        return None
    folder = Path(fastapi_offline.__file__).parent / "static"
    files = {"swagger-ui-bundle.js": "application/javascript; charset=utf-8",
             "swagger-ui.css": "text/css; charset=utf-8",
             "redoc.standalone.js": "application/javascript; charset=utf-8"}
    if not all((folder / f).is_file() for f in files):
        return None
    return {f: (folder / f, media) for f, media in files.items()}


def mount(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8",
                            headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})

    @app.get("/widget.js", include_in_schema=False)
    def widget():
        # Any site may load the script; the API calls it makes are what CORS governs.
        return FileResponse(STATIC / "widget.js", media_type="application/javascript; charset=utf-8",
                            headers={"Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*",
                                     "X-Content-Type-Options": "nosniff"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return Response(ico(), media_type="image/vnd.microsoft.icon", headers={"Cache-Control": "public, max-age=86400"})

    mount_docs(app)


def mount_docs(app: FastAPI) -> None:
    """Replaces FastAPI's /docs and /redoc (which load their scripts from a CDN and are blank
    offline) with the same pages built on local assets. Leaves FastAPI's pages in place if the
    asset package is missing."""
    assets = _docs_assets()
    if assets is None or app.openapi_url is None:
        return
    docs_url, redoc_url = app.docs_url, app.redoc_url
    app.router.routes[:] = [r for r in app.router.routes if getattr(r, "path", None) not in (docs_url, redoc_url)]

    @app.get(DOCS_ASSETS_URL + "/{name}", include_in_schema=False)
    def docs_asset(name: str):
        if name not in assets:
            raise HTTPException(status_code=404, detail=f"no docs asset {name!r}")
        path, media = assets[name]
        return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})

    def base(request: Request) -> str:
        return request.scope.get("root_path", "")

    if docs_url:
        @app.get(docs_url, include_in_schema=False)
        def swagger_ui(request: Request):
            root = base(request)
            page = get_swagger_ui_html(
                openapi_url=root + app.openapi_url, title=f"{app.title} — API docs",
                swagger_js_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui-bundle.js",
                swagger_css_url=f"{root}{DOCS_ASSETS_URL}/swagger-ui.css",
                swagger_favicon_url=f"{root}/favicon.ico",
                oauth2_redirect_url=app.swagger_ui_oauth2_redirect_url,
                # Swagger UI's default validator badge calls validator.swagger.io: not offline.
                swagger_ui_parameters={"validatorUrl": None, **(app.swagger_ui_parameters or {})})
            page.headers["Content-Security-Policy"] = "img-src 'self' data:"
            return page

    if redoc_url:
        @app.get(redoc_url, include_in_schema=False)
        def redoc(request: Request):
            root = base(request)
            page = get_redoc_html(openapi_url=root + app.openapi_url, title=f"{app.title} — ReDoc",
                                  redoc_js_url=f"{root}{DOCS_ASSETS_URL}/redoc.standalone.js",
                                  redoc_favicon_url=f"{root}/favicon.ico", with_google_fonts=False)
            # ReDoc's menu shows its maker's logo from their CDN (and hides it when it fails to
            # load): images from this service only, so the page asks nothing of the outside.
            page.headers["Content-Security-Policy"] = "img-src 'self' data:"
            return page
