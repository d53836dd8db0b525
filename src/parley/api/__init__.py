"""The web app and JSON API (FastAPI): ``create_app(db_path)``; run it with ``parley serve``."""

from parley.api.app import create_app

__all__ = ["create_app"]
