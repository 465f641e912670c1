"""The review UI: a Textual app over the review service. Import this only where Textual is wanted."""
from .app import ReviewApp, build_app

__all__ = ["ReviewApp", "build_app"]
