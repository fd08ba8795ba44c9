"""PySide6 screens, table models and workers. Widgets call services with plain values; never SQL or HTTP."""
