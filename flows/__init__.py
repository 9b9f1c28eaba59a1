"""Orchestration and I/O at the edges: fetching, discovery, the Prefect flow, alerts, the CLI."""
