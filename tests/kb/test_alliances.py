"""The co-belligerents table (raqib/kb/data/alliances.tsv)."""

from __future__ import annotations

from raqib.kb.alliances import actor_key, allied, known_allies


def test_alliances_hold_over_their_period_only():
    during = known_allies("SY", "2018-03-01")
    syria, russia = actor_key("Military Forces of Syria"), actor_key("Military Forces of Russia")
    assert allied(syria, russia, during) and allied(russia, syria, during)
    assert not allied(syria, russia, known_allies("SY", "2014-03-01"))  # before Russia's air campaign
    assert not allied(syria, russia, known_allies("IQ", "2018-03-01"))  # elsewhere


def test_a_name_with_a_period_suffix_matches_its_table_name():
    pairs = known_allies("SY", "2018-03-01")
    iran = actor_key("Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps")
    assert allied(actor_key("Military Forces of Syria"), iran, pairs)
