"""Translation checks: a registry of small checks and the runner that applies them to catalogs."""
