"""API: the FastAPI application, the service functions it shares with the CLI, and the CLI."""
