"""Statements are coded by what is said (``events/_speech.py``): attribution alone is no event."""

from __future__ import annotations

import pytest

from tests.helpers import code, triples

pytestmark = pytest.mark.model


def codes(text: str) -> set[str]:
    return {c for _, c, _ in triples(code(text))}


def test_attribution_alone_is_no_event() -> None:
    assert not code("The Japanese foreign minister said on Friday that China was becoming larger.")
    # the arrest reported is coded (one-sided), the attribution is not
    assert not [
        e for e in code("Officials said a man was arrested near the border.") if e.root == "01"
    ]
    assert not code("The Chilean minister said the talks would resume next week.")


def test_a_judgement_said_of_another_actor_is_criticism() -> None:
    text = "The Japanese foreign minister said on Friday that China's new rules were unacceptable."
    assert ("JPNGOV", "111", "CHN") in triples(code(text))


def test_a_quotation_first_attribution_after_is_read_the_same() -> None:
    text = "“The Chilean plan is a sham,” the Peruvian foreign minister said on Monday."
    got = triples(code(text))
    assert ("PERGOV", "111", "CHL") in got


def test_naming_verbs_carry_the_judgement() -> None:
    text = "The Kenyan president described the Ugandan move as reckless and provocative."
    assert ("KENGOV", "111", "UGA") in triples(code(text))
    # The parse may hang "as provocative" on the object ("move" read as a verb).
    text = "Nairobi described the US move as provocative and unilateral."
    assert ("KENGOV", "111", "USA") in triples(code(text))


def test_a_charge_said_of_another_actor_is_an_accusation() -> None:
    text = "The Ghanaian minister said the Togolese police were responsible for the deaths."
    assert any(c.startswith("112") for c in codes(text))


def test_a_charge_the_speaker_denies_of_themselves_is_a_denial() -> None:
    text = "“We are not criminals,” the Peruvian miners’ leader told reporters in Lima."
    assert "016" in codes(text)


def test_negated_praise_is_criticism() -> None:
    text = "The Bolivian minister said the Chilean election was not credible."
    assert ("BOLGOV", "111", "CHL") in triples(code(text))


def test_praise_and_outlook() -> None:
    assert "051" in codes("The Irish premier said the Portuguese mediators had been excellent.")
    text = "The Brazilian president said he was skeptical about Argentina's new budget."
    assert ("BRAGOV", "012", "ARG") in triples(code(text))
    text = "The Kenyan president said he was confident that Uganda would reopen the border."
    assert ("KENGOV", "013", "UGA") in triples(code(text))


def test_an_attitude_of_someone_else_is_not_the_speakers() -> None:
    # the farmers are the worried ones, not the minister who reports it
    text = "The Malian minister said farmers near the river were worried about the floods."
    assert not code(text)


def test_an_attitude_held_without_a_verb_of_saying() -> None:
    text = "Paris is deeply unhappy that Rome cancelled the meeting."
    assert any(c.startswith("11") for c in codes(text))


def test_an_attitude_noun_with_its_holder() -> None:
    text = "The decision drew a sharp rebuke from the Turkish foreign minister."
    assert "111" in codes(text)


def test_a_quotation_carried_over_sentences_keeps_its_speaker() -> None:
    text = (
        "“We have waited for months,” the Nigerian minister said on Tuesday. "
        "“What Cameroon has done is outrageous.”"
    )
    got = triples(code(text))
    assert ("NGAGOV", "111", "CMR") in got


def test_first_person_inside_a_quotation_is_its_speaker() -> None:
    text = "“We are ready to negotiate with Kiribati,” the Tuvaluan foreign minister said."
    events = code(text)
    assert any(e.source is not None and e.source.code == "TUVGOV" for e in events)


def test_a_threat_in_speech() -> None:
    text = "The Turkish president said Damascus would face consequences if it signed the deal."
    assert ("TURGOV", "138", "SYRGOV") in triples(code(text)) or (
        ("TURGOV", "138", "SYR") in triples(code(text))
    )


def test_a_warning_with_no_means_named() -> None:
    text = "The Egyptian minister warned that Ethiopia was filling the dam too fast."
    assert any(c.startswith("13") for c in codes(text))


def test_no_statement_of_a_reported_condition() -> None:
    text = "The Indian minister said that if Pakistan cooperates, the talks would succeed."
    assert not any(c.startswith("01") for c in codes(text))


def test_a_statement_not_made_is_not_coded() -> None:
    assert not code("The Italian minister did not say that Egypt's decision was outrageous.")
    assert not code("The Peruvian president will tell Chile that the deal is unacceptable.")


def test_a_reported_act_is_coded_instead_of_the_statement() -> None:
    got = codes("Kenya said Ugandan troops attacked a border post on Sunday.")
    assert not any(c.startswith(("01", "11")) for c in got)
    assert any(c.startswith("19") for c in got)


def test_report_of_an_act_that_did_not_happen_is_not_a_statement() -> None:
    for text in (
        "Ugandan forces did not advance on the town overnight, the Kenyan military said.",
        "The Kenyan military said Ugandan forces did not advance on the town overnight.",
    ):
        assert not any(c.startswith("01") for c in codes(text))


def test_labels_in_reported_facts_accuse_no_one() -> None:
    # "terrorism" names the law, it charges no one
    assert not code("The Irish lawyer said the trial under terrorism laws would take months.")


def test_a_demand_judged_badly_is_rejected() -> None:
    text = "The Bolivian minister said Chile's demands for a new border were unrealistic."
    assert any(c.startswith("12") for c in codes(text))


def test_the_speakers_own_plan_is_an_intent() -> None:
    text = "The Kenyan foreign minister said Kenya would build the new road with the Ugandan government."
    assert any(c.startswith("03") for c in codes(text))
    # a plan that names no one and no act of cooperation is nobody's business
    assert not code("The Kenyan foreign minister said Kenya would build a new road.")


def test_the_speakers_own_refusal() -> None:
    text = "The Venezuelan opposition parties said they will not attend the talks."
    assert any(c.startswith("12") for c in codes(text))


def test_force_announced_is_a_threat() -> None:
    text = "The Turkish defence minister said the operation in the north would continue."
    assert any(c.startswith("13") for c in codes(text))
    text = "“We will destroy their bases,” the Ethiopian army chief said."
    assert any(c.startswith("13") for c in codes(text))


def test_what_is_said_of_the_speakers_called_baseless_is_a_denial() -> None:
    assert "016" in codes("The Egyptian ministry said the reports were baseless.")


def test_an_allegation_about_another_actor() -> None:
    text = "The Peruvian miners alleged that the Chilean company had poisoned the river."
    assert any(c.startswith("112") for c in codes(text))


def test_a_hunt_for_facts_according_to_someone_is_no_appeal() -> None:
    text = "According to the UN, 130 children are in need of medical evacuation."
    assert not any(c.startswith("02") for c in codes(text))


def test_a_carried_quotation_reads_its_speaker_as_one_from_another_sentence() -> None:
    # the speakers of a carried quotation are mentions of the first sentence: nothing of the
    # second sentence may be read at their token positions
    text = (
        "The long-serving Chilean foreign minister Alejandra Rojas said on Monday: “We waited. "
        "It would send a terrible signal if Peru walked away, and it would be unacceptable.”"
    )
    assert code(text) is not None


def test_a_governor_codes_its_own_entry_when_its_complement_cannot_be_threatened() -> None:
    # CAMEO has no threat code for refusing to meet: the threat of a boycott is 13x itself
    text = "Caracas threatened to boycott the talks with Bogota."
    assert any(c.startswith("13") for c in codes(text))


def test_declining_to_confirm_is_no_comment() -> None:
    assert "011" in codes("The Chilean army refused to confirm the reports.")


def test_demands_and_threats_held_by_an_actor() -> None:
    got = triples(code("The Bolivian demand that Chile return the port was rejected again."))
    assert any(c.startswith("10") and s is not None and s.startswith("BOL") for s, c, _ in got)
    # a danger posed by a group is no threat made
    assert not code("The region still faces a threat from armed groups.")


def test_an_attitude_noun_the_object_of_another_act_is_that_act_only() -> None:
    got = codes("Ghana rejected Nigeria's proposal.")
    assert not any(c.startswith("02") for c in got)


def test_plans_to_meet_and_assurances() -> None:
    assert "036" in codes("Peru is planning to send invitations to Chilean opposition groups.")
    assert "036" in codes("Peru and Chile are sponsoring the peace talks in Lima.")
    assert any(
        c.startswith("03") for c in codes("Peru gave assurances to Chile that it would help.")
    )


def test_the_speakers_plan_for_a_place_in_another_country() -> None:
    got = triples(code("Peru said its troops would remain in Ecuador as a buffer."))
    assert any(c.startswith("03") and t == "ECU" for _, c, t in got)


def test_the_acts_a_charge_alleges_are_not_coded_as_acts() -> None:
    text = "The Ghanaian minister said the Togolese police were responsible for killing protesters."
    got = codes(text)
    assert any(c.startswith("112") for c in got)
    assert not any(c.startswith(("18", "19", "20")) for c in got)


def test_a_conjoined_act_shares_the_allegation() -> None:
    text = "Peru accused Chile of violating the border treaty and breaching the fishing accord."
    got = codes(text)
    assert any(c.startswith("112") for c in got)
    assert not any(c.startswith("12") for c in got)


def test_agreeing_that_is_accord() -> None:
    text = (
        "The Kenyan president and the Ugandan president agreed that the dispute was a matter "
        "for the courts."
    )
    got = triples(code(text))
    assert ("KENGOV", "019", "UGAGOV") in got and ("UGAGOV", "019", "KENGOV") not in got


def test_a_passive_description_by_an_envoy() -> None:
    text = "The move was described as “very alarming” by Peru’s permanent representative."
    assert ("PER", "111") in {(s, c) for s, c, _ in triples(code(text))} or any(
        c == "111" for c in codes(text)
    )


def test_no_statement_without_another_actor() -> None:
    assert not [
        e for e in code("Officials said a man was arrested near the border.") if e.root == "01"
    ]
    assert not code("The Chilean minister said the talks would resume next week.")


def test_phrases_with_a_word_between() -> None:
    text = "“Those who stabbed us in the back cannot be our allies,” the Bolivian minister said."
    assert "111" in codes(text)


def test_bearing_responsibility_is_a_charge() -> None:
    text = "The Peruvian minister said the Chilean government bears responsibility for the deaths."
    assert any(c.startswith("112") for c in codes(text))
    assert any(c.startswith("112") for c in codes("Peru held Chile responsible for the deaths."))


def test_an_act_defended_as_right() -> None:
    assert "052" in codes(
        "The Peruvian ministry said the strikes on Chilean positions were justified."
    )


def test_a_charge_laid_by_no_one_named() -> None:
    events = code("The Peruvian miner is accused in Chile of planning attacks on the border.")
    assert any(e.cameo.startswith("112") and e.one_sided for e in events)


def test_a_judgement_of_an_act_told_before_targets_its_doer() -> None:
    text = (
        "Washington announced the withdrawal of its troops from Syria on Monday. "
        "“This decision is unacceptable,” the Turkish foreign minister said."
    )
    got = triples(code(text))
    assert ("TURGOV", "111", "USAGOV") in got
    # an "it" that stands for the clause after it refers back to nothing
    text = (
        "Washington announced the withdrawal of its troops from Syria on Monday. "
        "“It is unacceptable to abandon allies,” the Turkish foreign minister said."
    )
    assert ("TURGOV", "111", None) in triples(code(text))


def test_feelings_warnings_and_no_comment() -> None:
    assert "012" in codes(
        "Kenyan aid agencies fear that thousands could be displaced by the floods."
    )
    assert "012" in codes("The Kenyan government warned of the risk of famine in the north.")
    got = codes("“We do not comment on individual cases,” the Peruvian foreign ministry said.")
    assert "011" in got
    assert "016" in codes("The Peruvian rebels denied any involvement in the bombing.")


def test_the_speakers_own_nationality_word_is_not_the_one_spoken_of() -> None:
    # "British" inside "the British government" is the speaker, not whom it judges.
    text = "The British government has rightly been appalled at the use of chemical weapons."
    assert not any(t == "GBR" for _, _, t in triples(code(text)))
    text = "The Kenyan government said the Ugandan plan was unacceptable."
    assert ("KENGOV", "111", "UGA") in triples(code(text))


def test_a_government_saying_its_own_forces_must_act_announces_its_plan() -> None:
    got = triples(code("The Kenyan president says Kenyan troops must leave Somalia."))
    assert ("KENGOV", "030", "SOM") in got
    assert not [t for t in got if t[1].startswith("10")]  # no demand on its own troops
    # a demand on another state is still a demand
    got = triples(code("The Kenyan president said Uganda must withdraw its troops from Somalia."))
    assert any(c.startswith("10") and t == "UGA" for _, c, t in got)


def test_a_judgement_of_acts_called_by_what_they_are_targets_their_doer() -> None:
    text = (
        "The Ugandan army shelled villages near the border on Monday, the Kenyan minister "
        "said. “We find these atrocities inexcusable,” he added."
    )
    got = triples(code(text))
    assert any(c == "111" and s == "KENGOV" and t == "UGAMIL" for s, c, t in got)


def test_this_refers_back_to_the_actor_the_sentence_before_was_about() -> None:
    text = (
        "The US had vowed to ask its allies to surrender their weapons. "
        "A senior Turkish official told reporters: “This is plainly ridiculous.”"
    )
    assert ("TURGOV", "111", "USA") in triples(code(text))
    # not when the sentence before was about the speakers' own country
    text = (
        "Turkey had vowed to ask its allies to surrender their weapons. "
        "A senior Turkish official told reporters: “This is plainly ridiculous.”"
    )
    assert not [t for t in triples(code(text)) if t[1] == "111" and t[2]]


def test_a_speaker_going_on_judges_the_same_actor() -> None:
    text = (
        "The Hungarian opposition leader, Eva Toth, said the deportation was a stain on the "
        "conscience of the Hungarian government. “It is against international law to make "
        "someone stateless,” she said. “Leaving a child in a camp is morally reprehensible.”"
    )
    events = code(text)
    judged = [e for e in events if e.root == "11"]
    assert len(judged) == 3
    assert all(e.target is not None and e.target.country == "HUN" for e in judged)


def test_several_speakers_of_one_code_voice_one_statement() -> None:
    text = "The vote drew a sharp rebuke from Peru's president and foreign minister."
    got = [e for e in code(text) if e.cameo.startswith("11")]
    assert [e.source.code for e in got if e.source is not None] == ["PERGOV"]


def test_calling_someone_a_name_is_a_statement_not_a_call() -> None:
    got = triples(code("The Chilean government calls the Peruvian president a liar."))
    assert [c for _, c, _ in got] == ["112"]
    assert ("CHLGOV", "111", "PER") in triples(
        code("Chile's president called Peru's leader a coward.")
    )
    # a telephone call is still one
    assert "041" in codes("The Chilean president called his Peruvian counterpart on Monday.")


def test_a_plain_act_noun_refers_back_to_the_actor_the_sentence_before_was_about() -> None:
    before = "The Bolivian government closed its border with Peru on Monday. "
    got = triples(code(before + "The move was described as reckless by Peru's ambassador."))
    assert ("PERGOV", "111", "BOLGOV") in got
    got = triples(code(before + "The step was condemned by the Chilean foreign minister."))
    assert ("CHLGOV", "111", "BOLGOV") in got
    # an act noun with words of its own is not the one told before
    got = triples(code(before + "The Chilean minister condemned the decision to expel envoys."))
    assert not [t for t in got if t[1] == "111" and t[2] == "BOLGOV"]


def test_whom_the_speakers_speak_for_is_not_whom_they_speak_of() -> None:
    text = (
        "The Bolivian government closed its border with Peru on Monday. The move was described "
        "as reckless by Peru's permanent representative to the UN in Geneva, Ana Rojas."
    )
    judged = [t for t in triples(code(text)) if t[1] == "111"]
    assert judged and all(t[2] != "IGOUNO" for t in judged)


def test_calling_an_act_a_name_is_no_appeal() -> None:
    text = "Bolivia closed its border with Peru. The step was called reckless by Peru's president."
    assert [c for _, c, _ in triples(code(text)) if c.startswith("02")] == []


def test_what_a_speaker_says_of_their_own_state_is_no_act_toward_it() -> None:
    got = triples(code("The Peruvian president warned that Peru would be very angry about it."))
    assert got and all(t != "PER" for _, _, t in got)


def test_a_clause_on_a_set_of_proposals_says_what_they_propose() -> None:
    text = (
        "Anger greeted a set of proposals from Chile and Peru that would strengthen the role of "
        "Bolivia's parliament."
    )
    got = {(s, t) for s, c, t in triples(code(text)) if c.startswith("02")}
    assert {s for s, _ in got} == {"CHL", "PER"}
    assert all((t or "").startswith("BOL") for _, t in got)


def test_an_invitation_received_is_the_hosts_intent_to_meet() -> None:
    got = triples(code("The Chilean president has received an invitation to visit Peru in May."))
    assert ("PER", "036", "CHLGOV") in got


def test_a_warning_about_a_sponsored_thing_is_about_its_sponsor() -> None:
    text = (
        "Peruvian civil society groups have warned that a planned Chilean-sponsored conference is "
        "seeking to bypass the UN-led peace process."
    )
    got = {t for _, c, t in triples(code(text)) if c.startswith("13")}
    assert got == {"CHL"}


def test_the_one_held_responsible_is_whom_the_charge_is_about() -> None:
    text = (
        "Two Isis militants, Omar Haddad and Karim Nasser, were captured in Syria. The state "
        "department says Nasser was responsible for recruiting several Peruvian nationals."
    )
    got = {t for _, c, t in triples(code(text)) if c.startswith("112")}
    assert got == {"IMGMUS"}
