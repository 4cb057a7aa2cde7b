"""`chiptui serve`: the explorer in a web browser (the optional web extra)."""
