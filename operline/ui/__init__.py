"""Everything Qt, one sub-package a screen.

``shell`` starts the app and holds the main window, the sign-in and the gap warning;
``intake`` takes a call; ``board`` follows the open calls; ``duty`` shows who is on duty
now and over the week; ``journal`` lists a day's calls; ``roster_editor`` is the
supervisors' editor. The modules at this level are shared by the screens: the keys, the
labels, the sentences, the table model base.
"""
