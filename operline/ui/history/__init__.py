"""The history screen: every incident, newest first, filtered and searched (Ctrl+6)."""
