"""The terminal UI: the app, its theme and style sheet, messages, the palette, screens, widgets."""
