"""The hazardous-waste ledger (HJ 1259-2022): kinds as data, generation → storage → handoff with batch
codes, collectors, expected waste from work orders, alerts and reports. Qt-free; see ``service.py`` for
the one object the UI and the CLI use."""
