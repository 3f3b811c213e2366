"""Alembic environment: runs on the connection Operline hands over, never on its own."""

from alembic import context

from operline.db.models import Base
from operline.db.search_index import described_by_models

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
    # The free-text index is made of tables no model describes (see search_index).
    include_name=described_by_models,
)
with context.begin_transaction():
    context.run_migrations()
