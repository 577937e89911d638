"""Exports: ACLED-format CSV and GeoJSON."""

from raqib.export.acled_csv import COLUMNS as ACLED_COLUMNS
from raqib.export.acled_csv import acled_row, write_acled_csv
from raqib.export.geojson import to_geojson

__all__ = ["ACLED_COLUMNS", "acled_row", "to_geojson", "write_acled_csv"]
