"""What an appeal, a demand or a refusal is about: CAMEO's 02x, 10x and 12x codes mirror the
act asked for or refused ("urged Iran to release the sailors" is 0253, an appeal for a release;
"refused to lift the curfew" is 1241), and its 14xx codes the aim of a protest. The coder
refines a generic 020, 100, 120 or 141-145 entry by the code of the complement verb's entry.
"""

from __future__ import annotations

# The code of the act asked for (4-digit codes first, then 3-digit, then the root) → the
# specific appeal (02x), demand (10x) or refusal (12x) code.
APPEAL = {
    "045": "028",
    "04": "026",
    "057": "027",
    "05": "022",
    "060": "021",
    "061": "0211",
    "062": "0212",
    "063": "0213",
    "064": "0214",
    "070": "023",
    "071": "0231",
    "072": "0232",
    "073": "0233",
    "074": "0234",
    "075": "023",
    "080": "025",
    "081": "0251",
    "082": "0252",
    "083": "024",
    "0831": "0241",
    "0832": "0242",
    "0833": "0243",
    "0834": "0244",
    "084": "0253",
    "085": "0254",
    "086": "0255",
    "087": "0256",
}
DEMAND = {
    "045": "105",
    "04": "108",
    "05": "102",
    "061": "1011",
    "062": "1012",
    "063": "1013",
    "064": "1014",
    "07": "103",
    "071": "1031",
    "072": "1032",
    "073": "1033",
    "074": "1034",
    "081": "1051",
    "082": "1052",
    "083": "104",
    "0831": "1041",
    "0832": "1042",
    "0833": "1043",
    "0834": "1044",
    "084": "1053",
    "085": "1054",
    "086": "1055",
    "087": "1056",
    "0871": "107",
    "0874": "106",
    "09": "101",
}
REFUSAL = {
    "045": "126",
    "04": "125",
    "057": "127",
    "06": "121",
    "061": "1211",
    "062": "1212",
    "063": "1213",
    "07": "122",
    "071": "1221",
    "072": "1222",
    "073": "1223",
    "074": "1224",
    "083": "123",
    "0831": "1231",
    "0832": "1232",
    "0833": "1233",
    "0834": "1234",
    "080": "124",
    "081": "1241",
    "082": "1242",
    "084": "1243",
    "085": "1244",
    "086": "1245",
    "087": "1246",
}
# A protest (141-145) takes the aim of the demand or appeal it serves ("staged demonstrations to
# demand political reforms" is 1412): leadership 1, policy 2, rights 3, institutions 4.
AIM = {
    "1041": "1",
    "0241": "1",
    "1042": "2",
    "0242": "2",
    "104": "2",
    "024": "2",
    "1043": "3",
    "0243": "3",
    "1044": "4",
    "0244": "4",
}
PROTESTS = ("141", "142", "143", "144", "145")
# The generic entry codes that are refined, with their tables.
# A rejected demand or ultimatum (124, "refuse to yield") about a named act is the refusal of
# that act: "rejected the demand to free the hostages" is 1243.
GENERIC = {"020": APPEAL, "100": DEMAND, "120": REFUSAL, "124": REFUSAL} | {
    p: {act: p + aim for act, aim in AIM.items()} for p in PROTESTS
}


def asked_code(governor: str, act: str) -> str | None:
    """The specific code of a generic appeal, demand or refusal about an act with code ``act``
    (None when the governor is not generic or CAMEO has no specific code for that act)."""
    table = GENERIC.get(governor)
    if table is None:
        return None
    for key in (act, act[:3], act[:2]):
        if key in table:
            return table[key]
    return None


# A request named by a noun ("rejected calls for economic aid", "turned down a request for
# talks"): the nouns of the acts asked for, with the code of the act, read as REFUSAL reads a
# complement verb's entry.
REQUEST_NOUNS = frozenset("call request demand appeal plea proposal ultimatum bid".split())
NOUN_ACTS = {
    "aid": "070",
    "assistance": "070",
    "talk": "046",
    "negotiation": "046",
    "dialogue": "046",
    "meeting": "043",
    "mediation": "045",
    "release": "084",
    "ceasefire": "0871",
    "truce": "0871",
    "resignation": "0831",
    "extradition": "063",
    "cooperation": "06",
}


def requested_act(noun: str) -> str | None:
    """The code of the act a request noun's "for" phrase names ("for aid" → 070)."""
    return NOUN_ACTS.get(noun)
