"""Storage: SQLAlchemy tables mapped onto the domain records, migrations, the undo journal, fast reads."""
