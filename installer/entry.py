"""Entry script of the frozen program (PyInstaller runs this file as `__main__`).

Same as the `de06desk` console script: no arguments opens the window, a subcommand runs it.
"""

import sys

from de06desk.cli import main

if __name__ == "__main__":
    sys.exit(main())
