"""The shift handover (Ctrl+L): what the next operator takes over, and the note left."""
