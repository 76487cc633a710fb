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
# shares is not dropped. One leading \b(?=\w) before the alternation keeps it fast: most positions
# in a line are inside words or at a word's end, where no cue starts, and fail at once (the
# lookahead took a third off the pattern's time on long lines of prose).
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
    | \b(?=\w)(?:subscri(?:be|ption|bing)\b | subscribers?\s+only\b | for\s+subscribers\b
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
      # reading times and a station's frequency (#13)
      | \d+\s*(?:min(?:ute)?s?|minutos?)\s+(?:read|de\s+leitura|de\s+lectura|lecture|lettura)\b
      | (?:reading\s+time|tempo\s+de\s+leitura|tiempo\s+de\s+lectura|temps\s+de\s+lecture
        |lesezeit)\b | \d{2,3}\.\d\s*fm\b
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
    | ^(?:image|media|video|photo|picture)\s+caption\b
    | \((?:ap|afp|reuters|getty|epa|xinhua|upi)\s+(?:photo|images?)\b[^)]*\)?\s*$
    | \[(?:video|watch|insight|pics?|pictures|photos|gallery|reaction|latest|poll|live|analysis
      |warning|update|comment|explained|opinion|revealed)\]\W*$
    | \((?:image|photo|picture|pic|foto|video)s?(?:\s+credit)?\s*:[^)]*\)\s*$
    """,
    _FLAGS,
)

# A link to another page tagged by its kind ("... [VIDEO]", "... [INSIGHT]"): furniture with
# CAPTION_CREDIT, but not a caption.
TEASER_TAG = re.compile(r"\[[A-Za-z]+\]\W*$")

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

# --- prompts, notices, labels and credits (#13) ----------------------------------------------
# Phrases that only page furniture uses: a publisher's sign-up, donation and station prompts, a
# blog platform's notices, comment prompts in eight languages. Unlike FURNITURE_CUES, one hit makes
# a line furniture up to MAX_NOTICE_WORDS (text.py): these are whole sentences, often long.
# NOTICES is searched anywhere in a line, behind one leading \b (most positions in a line are
# inside words and fail at once: the alternation costs little); NOTICES_AT_START is matched at
# the line's start only. "(?<!\w\s)" before an imperative keeps "to become a member of the EU"
# and "groups that support local news" out: the appeal opens its sentence.
_NOT_AFTER_A_WORD = r"(?<![^\W\d_]\s)(?<![^\W\d_],\s)"
NOTICES = re.compile(
    rf"""
    \b(?:
    # newsletters and sign-ups
    (?:in|to|into)\s+your\s+(?:inbox|e-?mail)\b | your\s+inbox\b | unsubscribe\b
    | by\s+signing\s+up\b | thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing|registering)\b
    | enter\s+(?:your\s+)?(?:e-?mail|zip\s*code|postcode)\b
    | you(?:'re|’re|\s+are)\s+(?:all\s+set|now\s+subscribed|signed\s+up)\b
    # the publisher asking for money
    | (?:{_NOT_AFTER_A_WORD}|please\s+|help\s+(?:us\s+)?)support\s+(?:local|independent|nonprofit
      |non-profit|public|community|quality|our|trusted)\s+(?:[\w-]+\s+)?(?:journalism|news
      |reporting|radio|media|newsroom)\b
    | {_NOT_AFTER_A_WORD}become\s+a\s+(?:sustaining\s+|founding\s+|paying\s+)?(?:member|supporter
      |donor|patron)\b | become\s+a\s+(?:sustaining|founding|paying)\s+member\b
    | become\s+a\s+(?:member|supporter|subscriber|donor)\s+(?:of\s+our|today|now)\b
    | (?:give|donate|for\s+just|for\s+only|for)\s+\$\d+(?:\.\d\d)?\s+(?:a|per)\s+month\b
    | (?:member|listener|reader|viewer)[-\s]supported\b
    | (?:donate|pledge|give)\s+(?:now|today|online|here)\b
    | (?:make|give)\s+(?:a|your)\s+(?:one-time\s+|monthly\s+|recurring\s+)?
      (?:gift|donation|pledge|contribution)\s+(?:today|now|online|to\s+(?:us|support))\b
    | your\s+(?:gift|donation|pledge|contribution|support)\s+(?:today\s+)?
      (?:helps|makes|keeps|ensures|powers|matters)\b
    # a station's promotions
    | hear\s+the\s+latest\b
    # the platform's notices, in English and the blog platforms' other languages
    | in\s+the\s+(?:publishing\s+|moderation\s+)?queue\b | awaiting\s+(?:moderation|approval)\b
    | will\s+be\s+published\s+(?:shortly|soon|once|after|when)\b
    | est[áa]\s+na\s+fila\b | ser[áa]\s+publicad[ao]\s+em\s+breve\b
    | est[áa]\s+en\s+(?:la\s+)?cola\b
    | se\s+publicar[áa]\s+en\s+breve\b | sera\s+publi[ée]e?\s+(?:sous\s+peu|bient[ôo]t)\b
    | in\s+attesa\s+di\s+(?:moderazione|approvazione)\b | wird\s+in\s+kürze\s+veröffentlicht\b
    | aguardando\s+(?:moderação|aprovação)\b | en\s+attente\s+de\s+mod[ée]ration\b
    | (?:comment|post|message)\s+(?:has\s+been|was)\s+(?:removed|deleted)\s+by\b
    | powered\s+by\s+(?:blogger|wordpress|tumblr|wix|squarespace|ghost|medium|substack)\b
    | (?:enable|turn\s+on|activate)\s+javascript\b | javascript\s+(?:is\s+)?(?:disabled|required)\b
    | your\s+browser\s+(?:does\s+not|doesn['’]t|is\s+not|isn['’]t|may\s+not)\b
    | (?:newer|older)\s+posts?\s*(?:$|newer|older|home)\b | atom\)\s*$ | page\s+not\s+found\b
    | entradas?\s+(?:más\s+recientes?|antiguas?)\b
    | postage(?:m|ns)\s+mais\s+(?:recentes?|antigas?)\b
    | articles?\s+plus\s+(?:récents?|anciens?)\b | (?:neuerer|älterer)\s+post\b
    | post\s+più\s+(?:recenti|vecchi|recente|vecchio)\b
    | (?:this|the)\s+(?:video|audio|content|media|page|post)\s+is\s+
      (?:not|no\s+longer|un)\s*available\b
    | playback\s+(?:is\s+)?(?:unsupported|not\s+supported)\b | unsupported\s+on\s+your\s+device\b
    | (?:will\s+)?open\s+in\s+a\s+new\s+(?:window|tab)\b | you\s+are\s+here\s*:
    | successfully\s+(?:submitted|subscribed|signed\s+up|registered)\b
    # comments, in English, Portuguese, Spanish, French, Italian
    | be\s+the\s+first\s+to\s+comment\b | seja\s+o\s+primeiro\s+a\s+comentar\b
    | s[ée]\s+el\s+primero\s+en\s+comentar\b | soyez\s+le\s+premier\s+[àa]\s+commenter\b
    | sii\s+il\s+primo\s+a\s+commentare\b | comments?\s+(?:are|is)\s+(?:closed|disabled)\b
    )""",
    _FLAGS,
)
# Comment prompts, in English, Portuguese, Spanish, French, Italian, German, Dutch and
# Indonesian ("No comments:", "Postar um comentário"): after them come readers' words.
COMMENT_PROMPT = re.compile(
    r"""
    (?:no|não\s+há|nao\s+ha|nenhum|no\s+hay|ningún|sin|aucun|keine|nessun|geen|tidak\s+ada)\s+
      (?:comments?|coment[áa]rios?|comentarios?|commentaires?|kommentare?|comment[oi]|reacties
      |opmerkingen|komentar)(?:\s+yet)?\s*[:.!]?\s*$
    | (?:post(?:ar)?|publicar|enviar|enregistrer|posta|posting|add|write)\s+(?:a|um|uma|un|une)?
      \s*(?:comment|coment[áa]rios?|comentarios?|commentaire|commento|komentar)\b
    | kommentar\s+(?:veröffentlichen|schreiben)\b | een\s+reactie\s+(?:posten|plaatsen)\b
    """,
    _FLAGS,
)
# The invitation to comment first, anywhere in a line (among NOTICES): it closes the article too.
FIRST_TO_COMMENT = re.compile(
    r"\b(?:first\s+to\s+comment|primeiro\s+a\s+comentar|primero\s+en\s+comentar"
    r"|premier\s+[àa]\s+commenter|primo\s+a\s+commentare)\b",
    _FLAGS,
)
# Notices that open their line: a station's "Listen live", "Now playing", comment prompts.
NOTICES_AT_START = re.compile(
    r"""
    (?:listen|watch)\s+(?:live|now|on\s+demand)\b | watch\s+(?:the\s+)?live\s*stream\b
    | streaming\s+(?:now|live)\b | on[-\s]air\s+now\b | now\s+playing\b
    | never\s+miss\s+(?:a|an|the)\b
    """,
    _FLAGS,
)

# More page furniture, counted like FURNITURE_CUES (a short line, or a dense one), at the
# start of a line.
MORE_CUES_AT_START = re.compile(
    r"""
    (?:[\w'’-]+\s+){0,3}newscasts?\s*$ | (?:listen|watch)\s+live\b | watch\b.{0,40}\blive\s*$
    | stay\s+(?:connected|informed|in\s+touch|up\s+to\s+date)\b
    | filed\s+(?:to|in)\s*: | see\s+also\s*:?\s*$ | (?:get|copy)\s+(?:short\s+)?(?:url|link)\b
    | [\d.,]+\s*k?\s+(?:shares|comments|views|likes|reads|reactions)\s*$
    | (?:watch|view|see|listen\s+to|play)\s+(?:the\s+)?
      (?:video|audio|clip|gallery|photos?|slideshow)\s*$
    | tune\s+in\b
    """,
    _FLAGS,
)

# A telephone number (a donation line, a station's phone): counted only beside another cue, as
# a body sentence can give a hotline ("anyone with information should call 555-0100").
PHONE = re.compile(r"(?:\b1[-.\s])?(?:\(\d{3}\)\s*|\b\d{3}[-.\s])\d{3}[-.\s]\d{4}\b|\b1-8\d\d-")

# Words of a media player's and a page's controls ("Video Player Close", "Play Video", "Skip Ad",
# "Toggle navigation", "Back to Gallery"): a short line made only of them is a control's label.
# STRONG_CONTROL_WORDS are the ones no headline is made of alone.
CONTROL_WORDS = frozenset(
    """
    video videos player audio close closed open play playing plays pause paused replay mute unmute
    muted volume fullscreen full screen exit captions caption subtitles settings quality loaded
    loading progress current time duration remaining seek skip ad ads next up previous prev now
    watch listen live toggle menu navigation nav search expand collapse show hide more less back
    top home main content image images photo photos gallery slideshow view zoom enlarge thumbnails
    thumbnail share sharing panel tweet pin it email print copy link embed scroll to continue
    autoplay on off the this of x cc hd speed normal chapters chapter descriptions options
    transcript browse all posts go sound tap click here your for and or icon button
    fechar cerrar fermer schließen chiudi baixar descargar télécharger herunterladen scarica
    compartilhar compartir partager teilen condividi imprimir imprimer drucken stampa
    """.split()
)
# Social networks, as a share bar names them ("Facebook Twitter WhatsApp Email").
SOCIAL_NETWORKS = frozenset(
    """
    facebook twitter whatsapp pinterest pint linkedin reddit telegram messenger tumblr flipboard
    instagram youtube tiktok snapchat vk line xing mix pocket sms threads bluesky mastodon
    """.split()
)
MIN_SHARE_BAR_NETWORKS = 2
STRONG_CONTROL_WORDS = frozenset(
    """
    player close play playing pause paused replay mute unmute volume fullscreen autoplay toggle
    menu navigation nav collapse expand slideshow thumbnails embed scroll skip loaded loading seek
    subtitles captions transcript gallery panel copy
    """.split()
)
# An icon font's glyph names that a scraper keeps as text ("chevron_left", "arrow_forward").
ICON_NAME = re.compile(
    r"\b(?:chevron|arrow|keyboard_arrow|navigate|expand|play|pause|close|menu|search|share)"
    r"_(?:left|right|up|down|forward|back|before|next|more|less|arrow|circle|filled|outline)\b"
)

# A picture credit standing on its own line: "AP Photo/Jane Roe", "Jane Roe/Getty Images",
# "Photo by Jane Roe", "Illustration: Jane Roe", "Courtesy of the museum", "EPA-EFE/JANE ROE".
CREDIT_LINE = re.compile(
    r"""
    \b(?:photo(?:graph)?|image|picture|foto|pic|video|illustration)s?
      \s*(?:/|:|\bby\b|\bcourtesy\b|\bcredit\b|\bsource\b)
    | ^(?:credit|credits|source|courtesy|photos?|images?|pictures?)\b
    | \b(?:getty(?:\s+images)?|shutterstock|istock(?:photo)?|alamy|ap|afp|reuters|epa(?:-efe)?
      |xinhua|anadolu(?:\s+agency)?|pool|handout|sipa|zuma(?:\s+press)?|dpa|ansa|efe|tass
      |bloomberg|nurphoto|abaca|imago|rex|wireimage|file)\s*/
    | /\s*(?:getty(?:\s+images)?|shutterstock|istock(?:photo)?|alamy|ap|afp|reuters|epa(?:-efe)?
      |xinhua|anadolu(?:\s+agency)?|pool|handout|sipa|zuma(?:\s+press)?|dpa|ansa|efe|tass
      |bloomberg|nurphoto|abaca|imago|rex|wireimage)\b
    """,
    _FLAGS,
)

# A line that signs the story: "By jdoe77", "Posted by admin", "Written by: Regan", "BY: Staff",
# "Author: Jane", "Por Jane Doe". A byline of a name in capitals is read by metadata.byline_name.
AUTHOR_LINE = re.compile(
    r"""
    ^(?:(?:posted|written|published|submitted|uploaded|reported|compiled|edited|story|text
        |words|photos?|report)\s+)?by\s*:?\s+(?!(?:the|a|an|this|that|then|now|far|way|law|
        contrast|comparison|then|day|night|noon|midnight|mid|late|early|next|last|end|all|some|
        many|most|its|their|his|her|our|my|your|using|making|taking|giving|doing|being|having)\b)
    | ^(?:author|autor|auteur|autore|reporter|reporting|writer|escrito\s+por|publicado\s+por
        |written\s+by|posted\s+by)\s*:
    | ^(?:posted|published|publicado|publié|pubblicato|veröffentlicht)\s+(?:on|em|el|le|il|am)\s
      .{3,40}\s(?:by|por|par|da|von)\s+\S
    | ^(?:publicado|escrito|postado|enviado|publié|écrit|pubblicato|scritto|veröffentlicht
      |geschrieben)\s+(?:por|par|da|von)\s+\S
    """,
    _FLAGS | re.VERBOSE,
)
# "Por Jane Doe", "Par Jean Dupont", "Von Hans Maier": a byline in another language, only with
# a capitalised name after it (these words also open sentences).
FOREIGN_BYLINE = re.compile(
    r"^(?:Por|POR|Par|PAR|Von|VON)\s+[A-ZÀ-Ý][\w'’.-]+(?:\s+[A-ZÀ-Ý][\w'’.-]+){0,3}$"
)
# A part of a metadata line that is neither a date nor a byline but goes with them:
# "Updated 4:46 PM", "Source: Wire", "Category: Health", "2 min read", "Share".
META_PART = re.compile(
    r"""
    ^(?:updated|update|modified|last\s+updated|posted|published|original|first\s+published
      |atualizado|actualizado|mis\s+à\s+jour|aggiornato|aktualisiert)\b
    | ^(?:source|fonte|fuente|category|categoria|categoría|catégorie|section|tags?|topics?
      |filed\s+(?:under|to|in)|posted\s+in|publicado\s+em|publicado\s+en)\s*:
    | \b\d+\s*(?:min(?:ute)?s?|minutos?)\s+(?:read|de\s+leitura|de\s+lectura)\b
    | ^\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$
    | ^(?:share|tweet|email|print|comments?|\d+\s+comments?)$
    """,
    _FLAGS,
)
# The separators of a metadata line's parts: "Oct. 7, 2012 | By Jane Doe • 2 min read".
META_SEPARATOR = re.compile(r"\s+[|•·–—-]\s+|\s*[|•·]\s*|\s+/\s+|;\s*")

# A line that names the writer by role, not with "By": "Jane Roe, AP Auto Writer", "Senior
# Contributor", "Staff Reports", "The Associated Press", "Jane Roe, Associated Press".
ROLE_BYLINE = re.compile(
    r"""
    ,\s*(?:[\w.’'-]+\s+){0,4}(?:writer|correspondent|reporter|editor|contributor|columnist
      |journalist|photographer)s?$
    | ^(?:[\w.’'-]+\s+){0,5}(?:senior|staff|contributing|special|chief|opinion|guest|political
      |foreign)\s+(?:writer|correspondent|reporter|editor|contributor|columnist)s?$
    | ^staff\s+(?:reports?|writers?)$
    | ^(?:the\s+)?(?:associated\s+press|reuters|agence\s+france-presse|afp|ap|upi)
      (?:\s+(?:news|staff|reporters?))?$
    | ,\s*(?:the\s+)?(?:associated\s+press|reuters|agence\s+france-presse|afp|ap|upi)$
    """,
    _FLAGS,
)

# A date heading in the languages whose function words the cleaner knows, written with a
# lower-case weekday ("lunes, 8 de abril de 2024", "segunda-feira, 8 de abril"): a line of its
# own, never the rest of the line above it.
WEEKDAY_HEADING = re.compile(
    r"""^(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo
    |(?:segunda|terça|quarta|quinta|sexta)-feira
    |lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunedì|martedì|mercoledì|giovedì
    |venerdì|sabato|domenica|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)
    (?=,?\s+\d)""",
    _FLAGS,
)
