"""Use cases. Each takes a session (unit of work) and plain values, and returns frozen dataclasses."""
