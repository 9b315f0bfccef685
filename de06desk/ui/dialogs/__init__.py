"""Dialogs opened from the screens (imports, exports, pickers)."""
