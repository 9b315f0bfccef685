"""Screens shown in the main window, one module per navigation entry."""
