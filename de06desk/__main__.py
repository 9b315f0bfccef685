"""`python -m de06desk` is the same as the `de06desk` command."""

import sys

from de06desk.cli import main

sys.exit(main())
