"""Parse patterns the coder reads through: shared subjects of misparsed main verbs, acts done by
"resorting to" them, "engaged in" an act, partitive subjects, verbs with objects that a
relative clause follows."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def test_root_noun_with_a_participle_that_has_an_object_is_the_subject() -> None:
    text = (
        "Doctors from two British charities donated and personally delivered medical "
        "supplies to the Kenyan government."
    )
    got = triples(code(text))
    assert any(s is not None and s.startswith("GBR") and t == "KENGOV" for s, _, t in got)


def test_resorting_to_an_act_is_doing_it() -> None:
    got = triples(code("Kashmiri youths resorted to throwing stones at Indian police."))
    assert any(c.startswith("14") and t == "INDCOP" for _, c, t in got)


def test_objecting_to_an_act_is_not_doing_it() -> None:
    got = triples(code("Kenya objected to holding talks with Uganda."))
    assert not any(c.startswith("04") for _, c, _ in got)


def test_a_verb_with_its_object_is_no_quote_introducer() -> None:
    text = (
        "A Russian diplomat offered concessions last week that the American envoy believed "
        "could end the dispute."
    )
    assert any(s == "RUSGOV" and c == "035" for s, c, _ in triples(code(text)))


def test_engaged_in_an_act_is_doing_it() -> None:
    got = triples(code("Sudanese forces have been engaged in ethnic cleansing across Darfur."))
    assert ("SDNMIL", "203", None) in got


def test_a_deployment_of_troops_acts_as_the_troops() -> None:
    got = triples(code("The first deployment of French troops attacked rebel positions in Mali."))
    assert any(s == "FRAMIL" and c.startswith("19") for s, c, _ in got)


def test_a_headline_passive_is_not_an_act_of_its_noun() -> None:
    # The soldiers were killed: they are the victims of a one-sided act, not its doers.
    events = code("Ten Kenyan soldiers killed in an attack near the Somali border.")
    assert events and all(e.one_sided and e.source is None for e in events)
    assert all(e.target is not None and e.target.code == "KENMIL" for e in events)


def test_a_day_read_as_a_name_leaves_the_verb_its_subject() -> None:
    text = "A state-run Iranian newspaper called Thursday on Iraq to expel American troops."
    got = triples(code(text))
    assert any(s == "IRNMED" and c.startswith("02") and t == "IRQ" for s, c, t in got)


def test_a_name_headed_by_its_abbreviation_is_still_the_actor() -> None:
    text = "Kenya and the European Union (EU) agreed that the dispute should go to arbitration."
    got = triples(code(text))
    assert ("KEN", "019", "IGOEUREEC") in got


def test_two_verbs_side_by_side_share_the_object_after_the_second() -> None:
    # "arrested and charged him": the parse hangs the object on the second verb only
    got = triples(code("Turkish police arrested and charged the British journalist."))
    assert got == {("TURCOP", "173", "GBRMED")}
    # killing and wounding the same people is one act of force
    events = code("Rebel fighters shelled the town, killing and wounding 40 soldiers.")
    assert [e.cameo for e in events if e.root == "19"].count("190") == 1
    # a verb with a phrase of its own keeps it ("resigned" takes no object)
    got = triples(code("The Hungarian president resigned and criticised the parliament."))
    assert ("HUNGOV", "111", "HUNLEG") in got


def test_a_light_verb_with_a_noun_of_force_needs_no_target_named() -> None:
    # the noun names force itself: no figure of speech to guard against
    got = triples(code("Syrian forces carried out airstrikes on Monday."))
    assert ("SYRMIL", "195", None) in got
    # a verb of fighting with no one hit still needs an actor or a physical target
    assert not [e for e in code("The Kenyan senator fought the elections.") if e.root == "19"]


def test_one_who_takes_a_chance_to_act_does_the_act() -> None:
    text = "Peru's president misses no opportunity to vilify Chile."
    assert ("PERGOV", "111", "CHL") in triples(code(text))
    text = "Peru's president used the occasion to condemn Chile."
    assert ("PERGOV", "111", "CHL") in triples(code(text))
    # a chance missed or not had is no act
    assert not code("Peru's president missed the chance to meet Chile's leader.")
    assert not code("Peru's president had no chance to meet Chile's leader.")


def test_the_by_agent_of_a_participle_does_its_act() -> None:
    text = "The Chilean-sponsored conference, boycotted by the Peruvian opposition, opened."
    assert ("PEROPP", "143", "CHL") in triples(code(text))
    # a participle that says whom a group belongs with tells no act
    text = "Rebels backed by Chile attacked a Peruvian army post."
    assert not [t for t in triples(code(text)) if t[1].startswith("05")]


def test_an_act_and_its_purpose_that_is_the_same_act_are_one_event() -> None:
    text = "Peruvian students staged a demonstration in Lima to protest the new fees."
    got = [e for e in code(text) if e.root == "14"]
    assert len(got) == 1, got
