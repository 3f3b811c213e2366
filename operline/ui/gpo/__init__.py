"""The GPO's weekly export from the window: the week, its preview, the files."""
