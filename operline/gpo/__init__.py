"""The weekly export the desk sends the GPO: the week, its three CSV files, their audit."""
