"""Graph: the embedded FalkorDB server, the store interface, and the writer."""
