"""Taking a call: the call form, its routing and places panels, drafts, the duplicate prompt."""
