"""Everything that touches DuckDB: migrations, releases, facts, projects, changes, the alert outbox."""
