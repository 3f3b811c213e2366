"""The open calls: the live board, its stage dialogs, the call detail, the alerts."""
