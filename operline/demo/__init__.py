"""The demo generator: Paris reference data and plausible calls, for training and benchmarks.

``profile`` holds the weights and texts, ``incidents`` plans the calls, ``reference``
loads the reference data, ``fill`` writes it all into an empty database.
"""

from operline.demo.fill import DEMO_ACTOR, DemoSummary, fill_demo_database

__all__ = ["DEMO_ACTOR", "DemoSummary", "fill_demo_database"]
