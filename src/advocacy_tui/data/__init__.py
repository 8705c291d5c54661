"""The SQLite store, migrations, import and export. No textual, no rich."""
