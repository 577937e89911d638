"""Pipeline stages; each module exposes ``run(doc, ctx) -> doc``."""
