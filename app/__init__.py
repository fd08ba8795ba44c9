"""Banshou core: Qt-free domain rules, services, EHR client and sandbox, reports and CLI."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("banshou")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
