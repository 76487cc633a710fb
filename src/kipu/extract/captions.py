"""Photo captions: sentences that say what a picture shows, kept apart from the article's body.

A caption reads like a sentence, but it describes a picture: its verb is in the present tense
and visual ("pose", "walk", "detain", "is seen"), it often ends with the picture's place and
date ("..., in Riverton, March 3, 2024."), it names positions ("(L-R)", "from left") and it
reports nobody's words ("said", "told"). The article's sentences are in the past tense and
report. Each signal below has a weight; a line whose weights reach CAPTION_SCORE is a caption.
These are general signals of the caption genre (wire-agency and newspaper style), not any
site's lines.
"""

from __future__ import annotations

import re

from kipu.extract.metadata import find_date

_FLAGS = re.IGNORECASE | re.VERBOSE

# "A photo released by the army shows ...", "This handout picture taken on ... shows ...",
# "An image grab from a video shows ...": a picture is the sentence's subject.
PICTURE_SHOWS = re.compile(
    r"""
    ^(?:an?|this|the|in\s+this)\s+(?:[\w-]+\s+){0,3}?
    (?:photo(?:graph)?|picture|image|handout|screen\s?(?:shot|grab)|(?:image|video|frame)\s+grab
      |still|satellite\s+image|aerial\s+view)s?\b
    [^.;]{0,160}?\b(?:shows?|showing|depicts?|depicting)\b
    """,
    _FLAGS,
)
# Where people stand in the picture: "(L-R)", "(left)", "from left", "pictured".
POSITIONS = re.compile(
    r"""
    \((?:l|r|c|l-r|r-l|l\s+to\s+r|left|right|centre|center|front|back|top|bottom|above|below
      |second\s+(?:left|right|from\s+(?:left|right)))\)
    | \b(?:from\s+left|from\s+right|left\s+to\s+right|right\s+to\s+left)\b
    """,
    _FLAGS,
)
# Seen in the picture, in the present tense ("is seen during", "are pictured at"; not "is seen
# as", which is how articles weigh opinions).
SEEN = re.compile(
    r"\b(?:is|are)\s+(?:seen|pictured|shown)\b(?!\s+(?:as|by|to)\b)|\bpictured\b", re.IGNORECASE
)
# People posing: only in pictures ("pose with the trophy"), not "pose a threat".
POSING = re.compile(
    r"""\bpos(?:e|es|ing)\s+(?:for\s+(?:a\s+)?(?:photo|picture|portrait|selfie|photographers?)
    |with|during|at|in\s+front|next\s+to|alongside|beside|outside|inside|after|before|on|together)\b""",
    _FLAGS,
)
# The present tense of what people do in a news picture, after a subject: "police officers
# detain a man", "Protesters march through", "A soldier walks past".
VISUAL_VERB = re.compile(
    r"""
    \b(?:walks?|stands?|sits?|gathers?|holds?|waves?|looks?\s+on|looks?\s+at|speaks?\s+(?:during
      |at|to|with)|gestures?|reacts?|arrives?|attends?|listens?|watches|marches|patrols?|detains?
      |carries|carry|chants?|celebrates?|shakes?\s+hands|embraces?|hugs?|inspects?|prays?|mourns?
      |rally|rallies|clash(?:es)?\s+with|queues?|waits?|rides?|performs?|crosses|cross|surveys?
      |searches|rests?|greets?|displays?|kneels?|stares?|smiles?|laughs?|cries|cry|runs
      |jumps?|dances?|plays?|takes?\s+part|take\s+part|are\s+detained|is\s+detained
      |is\s+escorted|are\s+escorted|pass(?:es)?\s+by|drives?\s+past|flies|fly\s+over|lies|lie
      |casts\s+(?:his|her|a)\s+ballot|sign(?:s)?\s+(?:the|a|an)\s+\w+\s+during)\b
    """,
    _FLAGS,
)
# Reported speech: the article's sentences report what people said; captions do not.
REPORTING = re.compile(
    r"\b(?:said|says|say|told|tells|according\s+to|added|stated|announced|warned|argued|wrote)\b",
    re.IGNORECASE,
)
# Openers that tie a sentence to the one before: a caption stands alone.
LINKED_OPENER = re.compile(
    r"^(?:he|she|it|they|but|and|so|yet|however|also|then|meanwhile|still"
    r"|instead|there|here|we|i|you)\b",
    re.IGNORECASE,
)
# After the date at the end of a caption: at most a place ("in Riverton", ", Ore.") or a credit.
_TAIL_AFTER_DATE = re.compile(
    r"""^[\s,.;)]*(?:(?:in|at|near|outside|inside)\s+(?:the\s+)?[A-Z][\w'’.-]*
    (?:[\s,]+(?:[A-Z][\w'’.-]*|of|de|the))*)?[\s,.;)]*$""",
    re.VERBOSE,
)
# Before the date: ", in Riverton, on Tuesday, March 3, 2024" ends the caption too.
_DATE_LEAD = re.compile(
    r"(?:,|\bon|\bin)\s*(?P<weekday>(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$", re.I
)
# Verbs of a tense other than a picture's present: the past, the future and schedules, the
# copula and perfect ("is", "has"), and reporting.
OTHER_TENSE = re.compile(
    r"\b(?:was|were|had|did|is|are|has|have|will|would|could|should|said|says|set\s+for"
    r"|scheduled|due|expected|[a-z]{3,}ed)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
MAX_TAIL_CHARS = 60  # the place after a date: "in Port-au-Prince, Haiti" and a credit

# Weights: a picture as subject, positions or posing say "caption" alone; a visual verb in the
# present tense and a closing date-and-place say it together; reporting or a linking opener
# say "article" whatever else there is.
CAPTION_SCORE = 2
PICTURE_WEIGHT = POSITION_WEIGHT = POSING_WEIGHT = 2
VISUAL_VERB_WEIGHT = DATE_TAIL_WEIGHT = SEEN_WEIGHT = 1
NOT_A_CAPTION = -1
MIN_CAPTION_WORDS = 5
MAX_CAPTION_WORDS = 60
VERB_WITHIN_CHARS = 90  # a caption's verb follows its subject closely


def _date_at_end(text: str) -> int:
    """0, or 1 when a full date closes the line, maybe followed by a place ("... on March 3, 2024,
    in Lima."); 2 when that date has its weekday and the line no verb of another tense ("...
    on Gull Point, Monday, May 20, 2024."): the agencies' caption style."""
    found = find_date(text)
    if found is None:
        return 0
    while True:
        tail = text[found[2] :]
        later = find_date(tail)
        if later is None:
            break
        found = (later[0], found[2] + later[1], found[2] + later[2])
    tail = text[found[2] :]
    if len(tail) > MAX_TAIL_CHARS or not _TAIL_AFTER_DATE.match(tail):
        return 0
    lead = _DATE_LEAD.search(text[: found[1]])
    if lead is None:
        return 0
    if lead["weekday"] and not OTHER_TENSE.search(text):
        return 2
    return 1


def caption_score(text: str) -> int:
    """How strongly a line reads as a photo caption (CAPTION_SCORE and up: a caption).

    A line that ends with the picture's credit is read as a caption before this (cues.
    CAPTION_CREDIT, in lines.py); here are the captions without one.
    """
    if LINKED_OPENER.match(text) or REPORTING.search(text):
        # Tied to the sentence before, or reporting words: the article's sentence (most of
        # them are), whatever else it has.
        return NOT_A_CAPTION
    score = 0
    if PICTURE_SHOWS.search(text):
        score += PICTURE_WEIGHT
    if POSITIONS.search(text):
        score += POSITION_WEIGHT
    if POSING.search(text):
        score += POSING_WEIGHT
    if SEEN.search(text):
        score += SEEN_WEIGHT
    verb = VISUAL_VERB.search(text, 0, VERB_WITHIN_CHARS)
    if verb and verb.start() > 0:
        score += VISUAL_VERB_WEIGHT
    if _DIGIT.search(text):
        score += DATE_TAIL_WEIGHT * _date_at_end(text)
    return score


def is_caption(text: str, words: int) -> bool:
    """Whether a sentence-like line of ``words`` words is a photo caption."""
    return MIN_CAPTION_WORDS <= words <= MAX_CAPTION_WORDS and caption_score(text) >= CAPTION_SCORE
