"""Storage: the SQL database, and nothing about HTTP, models or guidelines.

Owns the connection (``connection``: which store, how a connection is set up, transactions,
the per-request connection of the app) and the schema (``migrations``). SQLite specifics live
in ``connection`` only; everything else speaks plain SQL that PostgreSQL understands as well.

May import: the standard library. Never ``server.api``, ``server.learning``, ``model``.
"""
