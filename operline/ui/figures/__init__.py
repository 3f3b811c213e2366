"""The figures screens: a sector at a glance, and the week in charts."""
