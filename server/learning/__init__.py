"""Learning: the loop a coordinator drives (workers save examples, a job retrains, a model is served).

Owns the labelled examples' rules (``examples``, scrubbed by ``scrub``), background jobs and
who owns them (``jobs``, ``boot``), retraining (``retrain``, which runs ``train_worker`` in its
own process and gates the candidate) and the saved model versions with the one being served
(``model_store``), and what the case log says about the field (``field_stats``: the counts of
GET /api/v1/stats and of the console's field page).

May import: ``server.storage``, ``server.errors`` (``where``), ``model`` (its public API only)
and Flask (for ``init_app`` and ``current_app``). Never ``server.api`` or ``server.cli``.
"""
