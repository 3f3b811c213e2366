"""Storage: models, engine and sessions, migrations, checks and backups."""
