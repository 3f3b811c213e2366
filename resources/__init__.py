"""Files shipped with Operline: the application icon and the compiled translations."""
