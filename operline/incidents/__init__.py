"""Incidents: a call logged, routed to a team, followed through its stages to an outcome."""
