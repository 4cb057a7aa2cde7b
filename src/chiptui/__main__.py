import sys

from chiptui.cli import main

sys.exit(main())
