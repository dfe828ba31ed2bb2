"""Duties: who a plan directs to do what, by when, and the reporting and oversight links it states."""
from __future__ import annotations

from .finder import find_duties

__all__ = ["find_duties"]
