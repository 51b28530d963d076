"""Search and cited answers over a scientific review."""

__version__ = "0.1.0"
