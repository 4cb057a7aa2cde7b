"""The explorer's widgets: each takes a Timeline and never reads files."""
