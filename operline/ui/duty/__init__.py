"""Who is on duty: the duty board now and the coverage of the week."""
