"""Storage: the SQL database, and nothing about HTTP, models or guidelines.

``connection`` says which store and how to talk to it (everything SQLite-specific: driver,
pragmas, checkpoint, the driver's types and errors); ``postgres`` is everything
PostgreSQL-specific (placeholders, rows, errors as the sqlite3 ones, the schema's types, VACUUM,
advisory locks, the pool); ``migrations`` is the one schema history of both. One module per
table family holds that table's SQL as plain functions over a connection: ``tokens``,
``examples``, ``jobs``, ``model_versions``, ``cases``, ``console_sessions``; ``failures`` says
what a storage error means. No SQL is written anywhere else.

May import: the standard library, psycopg (``postgres`` only). Never Flask, ``model`` or
another room of the server.
"""
