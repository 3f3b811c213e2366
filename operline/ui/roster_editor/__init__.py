"""The supervisors' editor of teams, sectors, places, weekly shifts and exceptions."""
