"""The journal: every call of a Paris day, paged in from the history."""
