"""Sync packages: signed, encrypted files carried by USB between commune and hub.

`export_package` (commune → hub), `import_packages` (either side), the hub's `hub_status`
and `send_down` (hub → commune). The format is described in docs/SYNC.md.
"""

from .errors import PackageRefused, SyncError
from .export import ExportResult, export_package
from .hub import CommuneStatus, clone_device, hub_status, init_hub, send_down
from .importer import ImportOutcome, import_packages
from .keys import PublicKeyFile, public_key_file, set_hub, trust_commune

__all__ = [
    "CommuneStatus",
    "ExportResult",
    "ImportOutcome",
    "PackageRefused",
    "PublicKeyFile",
    "SyncError",
    "clone_device",
    "export_package",
    "hub_status",
    "import_packages",
    "init_hub",
    "public_key_file",
    "send_down",
    "set_hub",
    "trust_commune",
]
