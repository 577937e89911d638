"""The Arabic text layer: normalised view, sentences, tokens, numbers and dates."""

from raqib.text.normalize import NormalizedText, normalize, normalize_str

__all__ = ["NormalizedText", "normalize", "normalize_str"]
