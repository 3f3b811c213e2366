"""Figures of the desk's activity: a sector at a glance, the week in numbers."""
