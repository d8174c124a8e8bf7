"""Named, parameterised Cypher: one query per ``.cypher`` file, with a header
comment giving its title, what it answers and its parameters. Statements that
differ per backend live in ``cypher/<backend>/``."""

from pathlib import Path

CYPHER_DIR = Path(__file__).parent
