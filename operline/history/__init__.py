"""The history: every incident ever logged, newest first, filtered and searched in SQL.

``filters`` says what the desk asks for, ``search`` counts and reads it (a search is an
audited consultation, its pages are not), ``pages`` finds any page of a million rows
from the keys of pages already read, and ``choices`` lists what the filters offer.
"""
