"""Sync packages: signed, encrypted files carried by USB between commune and hub."""
