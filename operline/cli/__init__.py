"""The ``operline`` command: ``main`` parses and runs; ``database``, ``roster`` and ``desk``
declare their commands; ``demo_window`` runs ``--demo``."""

from operline.cli.main import main

__all__ = ["main"]
