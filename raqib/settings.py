"""Settings: one declared table of options, loaded into a frozen object and passed in."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Settings:
    """Extraction options. Each field's metadata holds its help text."""

    # ACLED codes vague counts as numbers when no exact figure exists: "dozens" 12, "several"
    # 10, "hundreds" 100 (ACLED Codebook 2023, fatalities). Off by default: the numbers stay vague.
    acled_vague_numbers: bool = False
    # Country to prefer when a place name is ambiguous and the article gives no other clue.
    country_hint: str | None = None
    # Keep the article text in JSON output.
    include_text: bool = True

    @classmethod
    def option_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]
