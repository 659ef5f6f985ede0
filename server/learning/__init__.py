"""Learning: the loop a coordinator drives (workers save examples, a job retrains, a model is served).

Owns the labelled examples (``examples``, scrubbed by ``scrub``), background jobs (``jobs``),
retraining (``retrain``, which runs ``train_worker`` in its own process) and the saved model
versions with the one being served (``model_store``).

May import: ``server.storage``, ``server.config``, ``model`` (its public API) and Flask (only
for ``init_app`` and ``current_app``). Never ``server.api`` or ``server.cli``.
"""
