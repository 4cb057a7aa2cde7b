"""The data layer: records, the timeline and its queries, loading and its checks, view, filter
and search, the numbers behind charts, export, the state and cache stores, settings. It imports
nothing from Textual (an import-linter contract checks it)."""
