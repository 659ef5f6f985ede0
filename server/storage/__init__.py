"""Storage: the SQL database, and nothing about HTTP, models or guidelines.

``connection`` says which store and how to talk to it (the one module that knows it is SQLite:
driver, pragmas, checkpoint, the driver's types and errors); ``migrations`` is the schema. One
module per table family holds that table's SQL as plain functions over a connection:
``tokens``, ``examples``, ``jobs``. No SQL is written anywhere else.

May import: the standard library. Never Flask, ``model`` or another room of the server.
"""
