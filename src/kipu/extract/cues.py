"""The vocabulary the text cleaner reads lines with: web-furniture cues and function words.

These are general signals of page furniture (the words sites use for their menus, prompts and
footers), written for kipu from common news-site layouts, not lists of any one page's lines.
"""

from __future__ import annotations

import re

_FLAGS = re.IGNORECASE | re.VERBOSE

# Words and phrases of page furniture. Each hit counts once; a short line with one hit, or a longer
# one dense with hits, is furniture (see text.py). Ambiguous words are bound to their furniture
# sense ("share this", "follow us", "register now") so that prose about treaties, voters and
# shares is not dropped. One leading \b before the alternation keeps it fast: most positions in a
# line are inside words and fail at once.
FURNITURE_CUES = re.compile(
    r"""
    ^(?:sign[\s-]?up\b | register\b
      | (?:also\s+)?on\s+[\w-]+\.(?:com|org|net|co\.uk|ca|com\.au)\b
      | (?:close|caption|hide\s+caption|expand|enlarge(?:\s+this\s+image)?|view\s+gallery)\s*$
      | share\b | related\b | sponsored\b | tags?\s*: | topics?\s*:
      | more\s+(?:in|from|on|about|headlines|stories|news|videos?)\b
      | more\s+(?:[\w'’]+\s+){1,3}(?:stories|news|articles|headlines|videos|coverage)\s*$
      | (?:photo|photograph|image|credit|caption)s?\s*:)
    | © | \(c\)\s*(?:19|20)\d\d
    | \b(?:subscri(?:be|ption|bing)\b | subscribers?\s+only\b | for\s+subscribers\b
      | newsletters?\b | sign[\s-]?up\s+(?:for|to|now|here|today)\b | sign[\s-]?in\b
      | log[\s-]?(?:in|out)\b | login\b | register\s+(?:now|today|for\s+free|here)\b
      | cookies?\b | privacy\s+(?:policy|notice|settings|statement|centre|center)\b
      | terms\s+(?:of\s+(?:use|service)|and\s+conditions|&\s+conditions)\b
      | all\s+rights\s+reserved\b | copyright\b
      | share\s+(?:this|on|via|the\s+story|the\s+article|article|story)\b
      | follow\s+us\b | follow\s+(?:@|on\s+(?:twitter|facebook|instagram|x|linkedin)\b)
      | related\s+(?:articles?|stories|news|content|coverage|topics|posts|links)\b
      | more\s+headlines\b | advertisement\b | sponsored\s+(?:content|by|post|links?)\b
      | redirect(?:ed|ing|s)?\b | click\s+(?:here|to|the|on|below)\b | clicking\s+here\b
      | filed\s+under\b
      | (?:digital|print|e-?)\s*edition\b | read\s+more\b | continue\s+reading\b
      | story\s+continues\b | comments\b | leave\s+a\s+comment\b | trending\b
      | most\s+(?:read|popular|viewed|shared|emailed|commented)\b
      | email\s+(?:updates|alerts)\b | breaking\s+news\s+alerts?\b
      | you\s+will\s+be\s+(?:redirected|taken|logged|signed|notified|charged|billed|sent)\b
      | (?:download|get)\s+(?:our|the)\s+app\b | skip\s+to\s+(?:main\s+)?content\b
      | back\s+to\s+top\b | (?:ap|afp|reuters|getty|epa)\s+(?:photo|images)\b
      | image\s+(?:source|caption|copyright|credit)\b
      | thanks?\s+(?:you\s+)?for\s+reading\b | unlimited\s+access\b | paywall\b
      | you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy)\b | read\s+next\b
      | (?:additional\s+)?reporting\s+by\b | editing\s+by\b | contributed\s+to\s+this\s+report\b
      | an\s+error\s+(?:has\s+)?occurred\b | (?:please\s+)?try\s+again\s+later\b
      | for\s+your\s+personal,?\s+non-?commercial\s+use\b
      | (?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+\b
      | share\s+it\s+with\b | reprints?\b | print\s+(?:this\s+)?article\b | text\s+size\b
      | \d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b
      # the same in Portuguese, Spanish, French, Italian and German
      | (?:leia|veja|lea|lee|lire|leggi|lesen\s+sie)\s+(?:tamb[ée]m|tambi[ée]n|aussi|anche|auch)\b
      | voc[êe]\s+(?:pode|tamb[ée]m\s+pode)\s+gostar\b | te\s+puede\s+interesar\b
      | vous\s+aimerez\s+(?:aussi|également)\b | k[öo]nnte\s+sie\s+(?:auch\s+)?interessieren\b
      | potrebbe\s+interessar(?:ti|e)\b
      | todos\s+(?:os|los)\s+(?:direitos|derechos)\s+reservados\b | tous\s+droits\s+r[ée]serv[ée]s\b
      | alle\s+rechte\s+vorbehalten\b | tutti\s+i\s+diritti\s+riservati\b
      | deixe\s+(?:um|seu)\s+coment[áa]rio\b | deja\s+(?:un|tu)\s+comentario\b
      | laisser\s+un\s+commentaire\b | lascia\s+un\s+commento\b
      | assine\b | suscr[íi]bete\b | abonnez-vous\b | iscriviti\b | inscreva-se\b)
    | ^(?:coment[áa]rios|commentaires|kommentare|commenti|publicidade|publicidad|publicit[ée]
      | pubblicit[àa]|anzeige|werbung|compartilhe|comparte|partager|partagez|teilen|condividi)
      \s*:?\s*$
    | \((?:image|photo|picture|pic|foto|video)s?(?:\s+credit)?\s*:[^)]*\)\s*$
    """,
    _FLAGS,
)

# Imperative calls to action that open a line ("Subscribe for ...", "Start your day with ...").
CALL_TO_ACTION = re.compile(
    r"""
    ^(?:subscribe | sign[\s-]?(?:up|in) | log[\s-]?in | login | register | start\s+your\s+day
    | get\s+(?:the|our|unlimited|full|breaking|daily|free|access|\d) | join\s+(?:us|our|now|today)
    | follow(?!-) | download | watch\s*(?::|now|live|the\s+video|our)
    | click | read\s*(?::|more|the\s+full|our|next|also) | listen\s+(?:now|live|to\s+(?:the|our))
    | donate | become\s+a\s+(?:member|subscriber|supporter))\b
    """,
    _FLAGS,
)

# Section headings that close an article: what follows them is the site's, not the story's.
END_MARKERS = re.compile(
    r"""
    ^more\s+(?:in|from|on|about|headlines|stories|news|videos?)\b | ^related\b(?!\s*:)
    | ^more\s+(?:[\w'’]+\s+){1,3}(?:stories|news|articles|headlines|videos|coverage)\s*$
    | ^recommended\b
    | \bmost\s+(?:read|popular|viewed|shared|emailed|commented)\b | ^trending\b | ^comments\b
    | \bfiled\s+under\b | ^tags?\s*: | ^topics?\s*: | \byou\s+may\s+also\s+like\b | ^read\s+next\b
    | ^(?:leia|veja|lea|lee|lire|leggi|lesen\s+sie)\s+(?:tamb[ée]m|tambi[ée]n|aussi|anche|auch)\b
    | \bvoc[êe]\s+(?:pode|tamb[ée]m\s+pode)\s+gostar\b | \bte\s+puede\s+interesar\b
    | \bvous\s+aimerez\s+(?:aussi|également)\b | \bk[öo]nnte\s+sie\s+(?:auch\s+)?interessieren\b
    | \bpotrebbe\s+interessar(?:ti|e)\b | ^(?:coment[áa]rios|commentaires|kommentare|commenti)\b
    | \ball\s+rights\s+reserved\b | © | ^copyright\b | ^about\s+the\s+author\b | ^share\s+this\b
    """,
    _FLAGS,
)

# The strongest of them: after these, a page has only comments, lists and footer left. ("More in
# ...", "Related" and "Filed under" are not here: sites put those boxes inside articles too.)
ARTICLE_END = re.compile(
    r"""
    ^comments\b | \bmost\s+(?:read|popular|viewed|shared|emailed|commented)\b | ^trending\b
    | \byou\s+may\s+also\s+like\b | ^recommended\b | ^read\s+next\b | ^about\s+the\s+author\b
    | \ball\s+rights\s+reserved\b | © | ^copyright\b
    | \bvoc[êe]\s+(?:pode|tamb[ée]m\s+pode)\s+gostar\b | \bte\s+puede\s+interesar\b
    | \bvous\s+aimerez\s+(?:aussi|également)\b | \bk[öo]nnte\s+sie\s+(?:auch\s+)?interessieren\b
    | \bpotrebbe\s+interessar(?:ti|e)\b | ^(?:coment[áa]rios|commentaires|kommentare|commenti)\b
    | \btodos\s+(?:os|los)\s+(?:direitos|derechos)\s+reservados\b
    | \btous\s+droits\s+r[ée]serv[ée]s\b
    | \balle\s+rechte\s+vorbehalten\b | \btutti\s+i\s+diritti\s+riservati\b
    """,
    _FLAGS,
)

# Interruptions that sit inside an article (ad slots, "read more" links, photo credits).
INLINE_FURNITURE = re.compile(
    r"""
    \badvertisement\b | ^(?:publicidade|publicidad|publicit[ée]|pubblicit[àa]|anzeige|werbung)\s*$
    | ^(?:leia|veja|lea|lee|lire|leggi|lesen\s+sie)\s+(?:tamb[ée]m|tambi[ée]n|aussi|anche|auch)\b
    | \bstory\s+continues\b | \bcontinue\s+reading\b | \bread\s+more\b
    | ^(?:also\s+read|see\s+also|read)\s*: | \bclick\s+here\b
    | \b(?:ap|afp|reuters|getty|epa)\s+photo
    | ^(?:photo|photograph|image|credit|caption)s?\s*: | ^related\s*:
    | ^(?:also\s+)?on\s+[\w-]+\.(?:com|org|net|co\.uk|ca|com\.au)\b
    | ^(?:close|caption|hide\s+caption|expand|enlarge(?:\s+this\s+image)?|view\s+gallery)\s*$
    | ^(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s+\d+\b
    | \((?:image|photo|picture|pic|foto|video)s?(?:\s+credit)?\s*:[^)]*\)\s*$
    """,
    _FLAGS,
)

# Labels that open a box of links, whatever follows them on the line ("Related links: ...",
# "Most popular in the section ...").
BOX_LABEL = re.compile(
    r"""
    ^(?:related|see\s+also|also\s+read|read\s+also|more\s+on\s+this)
      (?:\s+(?:links?|articles?|stories|news|coverage|content|posts|topics))?\s*:
    | ^most\s+(?:read|popular|viewed|shared|emailed|commented)\b
    """,
    _FLAGS,
)

# Comment threads: a commenter's header ("jane says:", "Ann on May 2, 2018 at 5:23 pm said:"),
# the thread's heading ("12 Comments", "Leave a Reply") and a comment's vote or reply line. After
# them come readers' words, not the article's.
COMMENT_HEADER = re.compile(
    r"""
    ^(?:\d+\.\s*)?(?!(?:the|he|she|it|they|this|that|which|who|a|an|his|her|its|their)\b)
      [^\s.!?]+(?:\s+[^\s!?]+){0,3}\s+says\s*:\s*$
    | \b\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?\s+(?:said|says|wrote)\s*:\s*$
    | ^\d+\s+(?:comments?|replies|responses)\s*$
    | ^(?:leave|post|add|write)\s+a\s+(?:reply|comment)\b
    | ^reply\s*$ | ^rating\s*:\s*-?\d+\s+votes?\s*$
    """,
    _FLAGS,
)

# A photo caption ends with the picture's credit ("... after eating a rabbit Credit: Getty",
# "... (Image: GETTY)", "... Photo: AP"): the credit closes the line.
CAPTION_CREDIT = re.compile(
    r"""
    \b(?:credit|photo|image|picture|foto|pic)s?\s*(?:credit)?\s*(?::|\.\.\.)\s*[^\s.!?:][^.!?:]{0,80}$
    | \b(?:photo(?:graph)?|picture|image)\s+(?:by|courtesy\s+of)\s+[^.!?]{2,80}$
    | ^(?:(?:image|photo|picture|slide)\s+)?\d+\s+(?:of|/)\s+\d+\b
    | ^in\s+this\s+(?:[\w.,]+\s+){0,6}(?:file\s+)?(?:photo|photograph|image|picture)\b
    | \((?:ap|afp|reuters|getty|epa|xinhua|upi)\s+(?:photo|images?)\b[^)]*\)?\s*$
    | \[(?:video|watch|insight|pics?|pictures|photos|gallery|reaction|latest|poll|live|analysis
      |warning|update|comment|explained|opinion|revealed)\]\W*$
    | \((?:image|photo|picture|pic|foto|video)s?(?:\s+credit)?\s*:[^)]*\)\s*$
    """,
    _FLAGS,
)

# An e-mail address: an author's or a newsroom's contact line (searched only when "@" is there).
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.\w")

# Breadcrumb and menu separators: "Home | World | Americas", "News › World".
NAV_SEPARATOR = re.compile(r"\s[|›»>/•·+]\s|\s\|$|^\|\s")

# Function words: a sentence of prose is a third to a half function words, a menu or a tag list
# almost none. The English list is the usual closed-class words; the others are the most frequent
# function words of Spanish, French, German, Portuguese and Italian, so that prose in those
# languages still reads as prose (language identification comes later).
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours out over own
    same she should so some such than that the their theirs them themselves then there these they
    this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours also said says would may might must shall its it's
    de la el en que y los las del se por con para una un es al lo como más pero sus su le les et
    des du une est pour dans qui sur pas au avec ce il elle der die das und ist nicht mit den von
    zu ein eine im auf für sich dem o os em do da dos uma não com che di per è non della gli
    no si ya muy ha han fue son sobre entre este esta hay à ne sont ont été par mais ou plus aux
    son sa ses cette als auch es er sie nach bei aus wird sind hat wie oder é um na nos ao mais
    mas foi são pela pelo seu nel sono anche ma alla dei
    """.split()
)
