"""Printable documents built with reportlab: the settlement list now, the waste handoff record and the
vehicle history later.

Reports take the frozen DTOs of :mod:`app.services.dto` and return PDF bytes, so a screen can preview,
save or print them off the UI thread without any database access, and tests can read them back. Nothing
here imports Qt.
"""
