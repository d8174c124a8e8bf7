"""Export the graph for Neo4j: CSV files for ``neo4j-admin database import full`` (a new database) and a
script of parameterised MERGE statements (an existing one). Both read the graph through the Store
interface, so they work from the embedded store, an external FalkorDB or Neo4j itself."""

from graph.errors import ExportError
from graph.export.admin_csv import write_neo4j_admin
from graph.export.cypher_script import write_cypher_script

__all__ = ["ExportError", "write_cypher_script", "write_neo4j_admin"]
