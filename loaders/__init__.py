"""Loaders: read documents, normalise their text and extract inspection entities."""
