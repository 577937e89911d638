"""The knowledge base: gazetteer, actors and lexicons, loaded lazily and shared by the stages."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from raqib.kb.actors import ActorDictionary
    from raqib.kb.gazetteer import Gazetteer


class KnowledgeBase:
    """Loads each resource once, on first use (no I/O at import time)."""

    @cached_property
    def gazetteer(self) -> Gazetteer:
        from raqib.kb.gazetteer import load_gazetteer

        return load_gazetteer()

    @cached_property
    def actors(self) -> ActorDictionary:
        from raqib.kb.actors import load_actors

        return load_actors()

    def load_all(self) -> None:
        _ = self.gazetteer, self.actors
