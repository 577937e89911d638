"""Ingesting articles: readers (text, JSONL, HTML, RSS/Atom, folders), de-duplication, the run."""

from raqib.ingest.records import RawArticle
from raqib.ingest.runner import IngestSummary, ingest, reextract
from raqib.ingest.sources import iter_sources

__all__ = ["IngestSummary", "RawArticle", "ingest", "iter_sources", "reextract"]
