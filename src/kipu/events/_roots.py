"""The CAMEO roots the coder's steps treat alike: acts that need a target, acts of force, acts
two sides do to each other, acts an announcement makes acts to come."""

# Roots whose act is reciprocal when conjoined subjects have no target ("X and Y signed a deal").
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Roots whose events need a resolved target (CAMEO 01-13: statements, appeals, cooperation,
# aid, concessions, demands, disapproval, rejection, threats). Protest, force posture and
# material conflict (14-20) are coded without one ("protesters marched", "shelled a village"),
# and so are evaluations of an act rather than an actor ("condemned the strikes", 051, 052,
# 09-13) when the sentence names what was evaluated.
TARGETED_ROOTS = frozenset(f"{r:02d}" for r in range(1, 14))
# Roots of violence (assault, fight, mass violence): without an actor target, the object must be
# a physical target, a place entity or one of the nouns of PHYSICAL_TARGETS (``_mentions.py``).
FORCE_ROOTS = frozenset({"18", "19", "20"})
# Roots of acts done to someone against their will: coercion (17) and force.
COERCION_ROOTS = FORCE_ROOTS | {"17"}
# Roots whose acts are coded without a target when the entry names the act itself, not just
# a verb: "lifted the curfew", "granted asylum", "called for a ceasefire", "threatened to impose
# martial law", "declared a ceasefire", "declined to comment", "established diplomatic ties".
# A bare "released it", "signed it" or "agreed to act" still needs a target actor.
NAMED_ACT_ROOTS = TARGETED_ROOTS | {"16"}
# Roots whose target slot always holds someone: the one appealed to or asked (02, 10), so any
# noun phrase there is an actor the dictionaries may not place ("urged the international
# community to act").
ADDRESSED_ROOTS = frozenset({"02", "10"})
# Roots of acts done for people, who count as their target named or not ("rescued 5,000
# people", "released two hostages").
HELPED_ROOTS = frozenset({"07", "08"})
# Roots of acts an announcement makes acts to come (see ANNOUNCING_VERBS, ``_act.py``).
ANNOUNCED_ROOTS = frozenset({"04", "05", "06", "08"})
# Roots of acts that two sides named by "between" do to each other ("talks between", "clashes
# between"), as nouns no verb reports.
MUTUAL_NOUN_ROOTS = frozenset({"03", "04", "05", "06", "19"})
# Roots whose clausal complement names who is asked: "demanded that the US cancel" (02, 10).
ASKING_ROOTS = frozenset({"02", "10"})
