"""`chiptui` and `python -m chiptui`: the command line, and nothing that can fail before it.

The entry point imports the command line itself, so a Ctrl+C that arrives while Python is still
importing it (the first tenth of a second) ends chiptui quietly, as it does later.
"""

import gc
import sys


def main() -> int:
    # Importing the command line makes thousands of objects and no garbage: the cycle collector
    # would only scan them. The command line turns it back on, or the explorer after its first frame.
    gc.disable()
    try:
        from chiptui.cli import main as command_line

        return command_line()
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
