"""chiptui: a keyboard explorer of the chip industry's history, 1958–2019."""

__version__ = "0.1.0"
