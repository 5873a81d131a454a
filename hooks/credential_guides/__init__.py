"""Credential guide sites: typed credential data, strict loading, page rendering."""

from .catalog import load_catalog
from .errors import DataError, DataErrors
from .model import Catalog, Credential
from .pages import SitePage, navigation, render_site

__all__ = ["Catalog", "Credential", "DataError", "DataErrors", "SitePage", "load_catalog", "navigation", "render_site"]
