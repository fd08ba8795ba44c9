"""The owner's view: five-point ratings (imported or fetched from the EHR), upload compliance and how the
business is doing — Qt-free figures for the dashboard, its Excel exports and the monthly PDF."""

from app.ratings.service import ImportPreview, IngestResult, RatingsService

__all__ = ["ImportPreview", "IngestResult", "RatingsService"]
