"""Operline: the desk tool of Paris's single operational line."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("operline")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"
