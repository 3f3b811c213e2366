"""Operline: the desk tool of Paris's single operational line."""

#: The one place the version is set. pyproject.toml reads it from here (setuptools'
#: dynamic version), so the wheel's metadata, ``operline --version`` from a source tree,
#: an installed wheel or a PyInstaller build, and the window's About box all agree.
__version__ = "0.1.0"
