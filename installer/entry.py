"""PyInstaller's entry script: the bundle's ``banshou`` executable is exactly the ``banshou`` command.

A separate file (rather than ``app/cli.py`` itself) so ``app.cli`` is imported once, as a module.
"""

from app.cli import main

raise SystemExit(main())
