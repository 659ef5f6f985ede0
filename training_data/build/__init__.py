"""Builds the generated training CSVs from the lexicons and templates in ``training_data/``.

Owns: ``generated.csv``, ``generated_contrasts_en.csv``, ``generated_contrasts_nl.csv`` and
``generated_balance.csv``. Words live in ``lexicon/<lang>.toml``, sentence frames in
``templates/<step>.toml``, spelling variants in ``obfuscation.toml``; the modules here hold only
the way rows are made. ``python -m training_data.build`` runs every step in the order of
``pipeline.STEPS``. May import the standard library and ``model`` (for its normaliser), nothing else.
"""
