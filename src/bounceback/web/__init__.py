"""The local web dashboard: FastAPI, Jinja2 templates and a little htmx. Imported only by `bounceback serve`."""

from bounceback.web.app import create_app

__all__ = ["create_app"]
