"""Learning: the loop a coordinator drives (workers save examples, a job retrains, a model is served).

Owns the labelled examples' rules (``examples``, scrubbed by ``scrub``), background jobs and
who owns them (``jobs``, ``boot``), retraining (``retrain``, which runs ``train_worker`` in its
own process and gates the candidate) and the saved model versions with the one being served
(``model_store``).

May import: ``server.storage``, ``server.errors`` (``where``), ``model`` (its public API only)
and Flask (for ``init_app`` and ``current_app``). Never ``server.api`` or ``server.cli``.
"""
