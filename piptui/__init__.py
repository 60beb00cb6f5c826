"""piptui: run a Partnership Improvement Programme workshop from the terminal."""

__version__ = "0.1.0"
