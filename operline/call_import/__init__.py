"""Importing the call log the desk kept before Operline: read, checked, written in bulk."""
