"""The services: what the product answers, for the HTTP routes and the CLI alike.

Each is a keyword-only function ``(*, store, …)`` that returns pydantic models and raises
:class:`~loaders.errors.XunshiError` subclasses (``api/errors.py``), never HTTP. One module per
resource: documents (the one ingest, reading and deleting), stats, cypher, explore (search,
neighbourhoods, paths), entities (what every entity page shares), profiles, timeline,
recurring, analysis.
"""
