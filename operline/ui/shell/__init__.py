"""The window around the screens: start-up, main window, sign-in, keys, the gap warning."""
