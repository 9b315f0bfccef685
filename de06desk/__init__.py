"""de06desk: offline desktop tool for Government Project 06 work at commune level."""

__version__ = "0.1.0"
