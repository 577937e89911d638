"""ACLED aggregation rules for merging event reports (pure functions, no database)."""

from __future__ import annotations

import pytest

from raqib.merge import Candidate, Report, build_canonical, choose_event, lowest_figure
from raqib.merge.alliances import sides
from raqib.merge.reports import allied_pairs

SY = "Military Forces of Syria (2000-)"
CIV = "Civilians (Syria)"


def rep(
    article="a1",
    actor1=SY,
    actor2=CIV,
    fatalities=None,
    place=(33.571, 36.402),
    date="2018-02-25",
    etype="explosions_remote_violence",
    sub_type="shelling_artillery_missile_attack",
    outlet="bbc",
):
    loc = (
        {"text": "دوما", "lat": place[0], "lon": place[1], "geo_precision": 1, "country": "SY"}
        if place
        else None
    )
    ev = {
        "type": etype,
        "sub_type": sub_type,
        "date": date,
        "location": loc,
        "actor1": actor1,
        "actor2": actor2,
        "fatalities": fatalities,
        "evidence": {"start": 0, "end": 4, "text": "قصف على دوما"},
    }
    return Report(article, 0, ev, outlet=outlet, published=date)


def test_same_type_place_day_share_a_slot_and_other_days_do_not():
    assert rep("a1").slot == rep("a2").slot
    assert rep("a1").slot != rep("a2", date="2018-02-26").slot
    assert rep("a1").slot != rep("a2", etype="battles").slot
    assert rep("a1").slot != rep("a2", place=(33.56, 36.37)).slot


def test_undated_or_unplaced_reports_never_merge_across_articles():
    assert rep("a1", date=None).slot != rep("a2", date=None).slot
    assert rep("a1", place=None).slot != rep("a2", place=None).slot


PAIR = frozenset({SY.lower(), CIV.lower()})
SHELL = frozenset({"shelling_artillery_missile_attack"})
AIR = frozenset({"air_drone_strike"})


@pytest.mark.parametrize(
    ("actors", "candidates", "expected"),
    [
        ((SY, CIV), [Candidate("e1", PAIR, 1)], "e1"),  # the same pair: one event
        ((CIV, SY), [Candidate("e1", PAIR, 1)], "e1"),  # the pair is unordered
        ((SY, "Jaysh al-Islam"), [Candidate("e1", PAIR, 1, sub_types=SHELL)], None),  # another pair
        ((None, CIV), [Candidate("e1", PAIR, 1, sub_types=SHELL)], "e1"),  # fewer actors, same sub-type
        ((None, CIV), [Candidate("e1", PAIR, 1, sub_types=AIR)], "e1"),  # fewer actors, one bombardment
        ((None, CIV), [Candidate("e1", PAIR, 1, sub_types=frozenset({"remote_explosive_landmine_ied"}))],
         None),  # fewer actors, another kind of attack
        ((None, None), [Candidate("e1", frozenset({"a"}), 1, sub_types=SHELL),
                        Candidate("e2", frozenset({"b"}), 2, sub_types=SHELL)], None),  # ambiguous
        ((SY, CIV), [Candidate("e1", PAIR, 1, same_type=False)], None),  # another type family
        ((None, CIV), [Candidate("e1", frozenset({SY.lower()}), 1, sub_types=SHELL)], "e1"),  # the two sides
        ((SY, CIV), [Candidate("e1", frozenset({"turkey"}), 1, sub_types=SHELL)], None),  # a third actor
        ((SY, CIV), [], None),
        # Civilians killed by shelling and civilians killed in an air strike the same day at the
        # same place are one bombardment told two ways (ACLED's hierarchy: an air strike) ...
        ((None, CIV), [Candidate("e1", frozenset({CIV.lower()}), 1, sub_types=AIR)], "e1"),
        ((None, CIV), [Candidate("e1", frozenset({CIV.lower()}), 1, sub_types=SHELL)], "e1"),
        # ... but rockets fired by a named armed group are not the air force's raid.
        (("Jaysh al-Islam", CIV), [Candidate("e1", frozenset({CIV.lower()}), 1, sub_types=AIR)], None),
        # A named attacker still identifies the event across sub-types (one air-and-artillery raid).
        ((SY, None), [Candidate("e1", frozenset({SY.lower()}), 1, sub_types=AIR)], "e1"),
    ],
)  # fmt: skip
def test_choose_event_rules_without_similarity(actors, candidates, expected):
    # with a toll, each report stands on its own (see the next-but-one test for bare mentions)
    r = rep(actor1=actors[0], actor2=actors[1], fatalities=3)
    assert choose_event(r, candidates) == expected


def test_victims_only_reports_follow_the_sub_type_not_the_shared_victims():
    """Victims alone do not identify an attack: of two events of the report's own sub-type the
    choice is ambiguous; of one event of its sub-type and one of another bombardment, its own."""
    shelled = rep(actor1=None, actor2=CIV)
    civ = frozenset({CIV.lower()})
    two = [Candidate("e1", civ, 2, sub_types=SHELL), Candidate("e2", civ, 1, sub_types=SHELL)]
    assert choose_event(shelled, two) is None
    assert choose_event(shelled, [Candidate("e1", civ, 2, sub_types=AIR), two[1]]) == "e2"


def fake_similarity(text, others):
    """1.0 for the sentence about Douma, 0.1 otherwise (stands in for the sentence encoder)."""
    return [1.0 if "دوما" in o else 0.1 for o in others]


def test_similarity_settles_ambiguous_and_paraphrased_reports():
    ambiguous = [Candidate("e1", frozenset({"a"}), 3, ("قصف على حرستا",), SHELL),
                 Candidate("e2", frozenset({"b"}), 1, ("قصف على دوما",), SHELL)]  # fmt: skip
    r = rep(actor1=None, actor2=None)
    assert choose_event(r, ambiguous) is None
    assert choose_event(r, ambiguous, fake_similarity) == "e2"
    other_type = [Candidate("e9", PAIR, 1, ("قصف على دوما",), AIR, same_type=False)]
    assert choose_event(rep(), other_type, fake_similarity) == "e9"  # a paraphrase, typed differently
    unlike = [Candidate("e9", PAIR, 1, ("اشتباكات في حلب",), AIR, same_type=False)]
    assert choose_event(rep(), unlike, fake_similarity) is None


@pytest.mark.parametrize(
    ("values", "expected"),
    [([12, 9, 15], 9), ([None, 7], 7), ([0, 5], 5), ([0, None], 0), ([None, None], None), ([], None)],
)
def test_lowest_figure(values, expected):
    assert lowest_figure(values) == expected


def test_canonical_keeps_every_reported_value_with_its_source():
    reps = [
        rep("a1", fatalities=12, outlet="bbc"),
        rep("a2", fatalities=9, outlet="cnn"),
        rep("a3", actor1=None, fatalities=None, outlet="sky"),
    ]
    ev = build_canonical("e1", reps)
    assert ev["fatalities"] == 9
    assert [(r["value"], r["outlet"]) for r in ev["fatalities_reported"]] == [(12, "bbc"), (9, "cnn")]
    assert ev["actor1"] == SY and ev["n_sources"] == 3 and len(ev["sources"]) == 3


def test_a_bare_bombardment_does_not_outvote_a_named_weapon():
    bare = [rep(f"a{i}", actor1=None) for i in range(2)]
    bare = [Report(r.article_id, 0, {**r.event, "rule": "bombardment, weapon unspecified"}) for r in bare]
    air = rep("a9", sub_type="air_drone_strike")
    assert build_canonical("e1", [*bare, air])["sub_type"] == "air_drone_strike"
    assert build_canonical("e1", bare)["sub_type"] == "shelling_artillery_missile_attack"
    assert (
        build_canonical("e1", [rep("a1"), rep("a2"), air])["sub_type"] == "shelling_artillery_missile_attack"
    )


def test_new_event_ids_are_deterministic():
    assert rep("a1").new_event_id() == rep("a1").new_event_id() != rep("a2").new_event_id()


def test_several_fitting_events_pick_the_best_attested_only_when_asked():
    """A region-level report of a day when two of its towns were hit (see raqib/merge/nesting.py)."""
    civ = frozenset({CIV.lower()})
    two = [Candidate("e1", civ, 1, sub_types=SHELL), Candidate("e2", civ, 3, sub_types=SHELL)]
    r = rep(actor1=None, actor2=CIV)
    assert choose_event(r, two) is None
    assert choose_event(r, two, several=True) == "e2"
    ied = frozenset({"remote_explosive_landmine_ied"})
    assert choose_event(r, [Candidate("e1", civ, 1, sub_types=ied)], several=True) is None


TR = "Military Forces of Turkey"
YPG = "YPG: People's Protection Units"


@pytest.mark.parametrize(
    ("sub_type", "expected"),
    [
        # "قالت وحدات حماية الشعب إن غارة تركية أصابت مستشفى عفرين": the YPG is the source, not a second
        # attacker; only a state flies the strike, so the report joins Turkey's strike on the town ...
        ("air_drone_strike", "e1"),
        # ... while a named group in a shelling is a possible attacker: a third actor, another event.
        ("shelling_artillery_missile_attack", None),
    ],
)
def test_non_state_group_named_with_an_air_strike_is_not_its_attacker(sub_type, expected):
    r = rep(actor1=YPG, actor2=CIV, sub_type=sub_type)
    turkey = Candidate("e1", frozenset({TR.lower(), CIV.lower()}), 1, sub_types=frozenset({sub_type}))
    assert choose_event(r, [turkey]) == expected


RU = "Military Forces of Russia"


def test_allies_count_as_one_side():
    """Syrian and Russian strikes on one town and day, as two outlets attribute them: allies by the
    knowledge base (raqib/kb/data/alliances.tsv) while Russia's air campaign lasted, not before."""
    syria_civ = frozenset({SY.lower(), CIV.lower()})
    russian = rep(actor1=RU, actor2=CIV, sub_type="air_drone_strike", date="2018-02-25")
    cand = [Candidate("e1", syria_civ, 1, sub_types=AIR)]
    assert choose_event(russian, cand) == "e1"
    before = rep(actor1=RU, actor2=CIV, sub_type="air_drone_strike", date="2014-02-25")
    assert choose_event(before, cand) is None


def test_a_report_names_its_own_allies():
    """An associated actor ("backed by Russia") joins the sides even without the table."""
    ev = {"actor1": "Army A", "actors": {"assoc_actor_1": [{"name": "Army B"}]}}
    pairs = allied_pairs(ev)
    assert pairs == {frozenset({"army a", "army b"})}
    assert sides(frozenset({"army a", "army b", "civilians"}), pairs) == 2
    assert sides(frozenset({"army a", "army c", "civilians"}), pairs) == 3


def test_one_days_fighting_for_a_place_is_one_battle_whatever_its_sub_type():
    """ "Clashes at the airport" and "forces took the airport" the same day (ACLED: the battle takes
    the territorial sub-type)."""
    took = rep(actor1=SY, actor2=None, etype="battles", sub_type="government_regains_territory")
    clash = [
        Candidate("e1", frozenset({SY.lower(), "jaysh al-islam"}), 1, sub_types=frozenset({"armed_clash"}))
    ]
    assert choose_event(took, clash) == "e1"


def test_a_summary_of_several_days_joins_only_other_summaries():
    def dated(article, precision):
        r = rep(article, etype="humanitarian", sub_type="displacement")
        r.event["when"] = {"start": "2018-02-25", "precision": precision, "span": {"start": 0, "end": 4}}
        return r

    week, day = dated("a1", 2), dated("a2", 1)
    assert week.multi_day and not day.multi_day
    c = Candidate("ev1", PAIR, 1, sub_types=frozenset({"displacement"}), multi_day=frozenset({False}))
    assert choose_event(day, [c]) == "ev1"
    assert choose_event(week, [c]) is None
    assert choose_event(week, [Candidate("ev2", PAIR, 1, sub_types=frozenset({"displacement"}),
                                         multi_day=frozenset({True}))]) == "ev2"  # fmt: skip


def test_an_actor_taken_by_position_only_does_not_keep_reports_apart():
    # "first armed party named" guesses named a quoted group as the attacker of one outlet's report
    guessed = rep("a1", actor1="Opposition Rebels (Syria)", actor2=None)
    guessed.event["actors"] = {"actor1": {"name": "Opposition Rebels (Syria)", "basis": "position"}}
    assert guessed.actors == frozenset() and guessed.named_actors == {"opposition rebels (syria)"}
    c = Candidate("ev1", PAIR, 2, sub_types=SHELL, actor_sets=frozenset({PAIR}))
    assert choose_event(guessed, [c]) == "ev1"
    # a grounded third actor still conflicts
    named = rep("a2", actor1="Opposition Rebels (Syria)", actor2=None)
    assert choose_event(named, [c]) is None


def test_reports_join_across_sub_types_only_when_each_stands_on_its_own():
    # a bare mention (no day of its own, no toll, no named side) joins only its own sub-type
    bare = rep("a1", actor1=None, actor2=None, sub_type="air_drone_strike")
    assert not bare.stands_alone
    shelling = Candidate("ev1", PAIR, 1, sub_types=SHELL)
    assert choose_event(bare, [shelling]) is None
    assert choose_event(bare, [Candidate("ev2", PAIR, 1, sub_types=AIR)]) == "ev2"
    tolled = rep("a2", actor1=None, actor2=None, sub_type="air_drone_strike", fatalities=5)
    assert tolled.stands_alone and choose_event(tolled, [shelling]) == "ev1"
    assert choose_event(tolled, [Candidate("ev3", PAIR, 1, sub_types=SHELL, stands_alone=False)]) is None


def test_civilians_of_no_country_are_no_third_side():
    bare = rep("a1", actor2="Civilians", fatalities=3)
    assert bare.actors == {SY.lower()}
    assert choose_event(bare, [Candidate("ev1", PAIR, 1, sub_types=SHELL)]) == "ev1"


@pytest.mark.parametrize(("mine", "theirs"), [("aid_blocked", "aid_delivered"), ("evacuation", "displacement")])
def test_one_days_convoy_or_exodus_is_one_event_whatever_its_sub_type(mine, theirs):
    r = rep("a1", actor1=None, actor2=CIV, etype="humanitarian", sub_type=mine, fatalities=0)
    assert choose_event(r, [Candidate("ev1", frozenset({CIV.lower()}), 1, sub_types=frozenset({theirs}))]) == "ev1"
