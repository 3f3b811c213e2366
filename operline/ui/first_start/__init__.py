"""The first start of a new desk: its first administrator, then what the desk starts from.

Shown instead of the sign-in when the database has nobody with a password and no sector.
The administrator is created (and signed in) on leaving the first page; the second page
writes the Paris reference data, imports a roster file, or leaves the desk empty; the
last one says what was done, and the desk opens signed in as that administrator. Both
pages that write are commit pages: what was written is not undone by going back.
"""

from operline.ui.first_start.wizard import FirstStartWizard

__all__ = ["FirstStartWizard"]
