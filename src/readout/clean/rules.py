"""Thresholds, lexicons and patterns of text-mode cleaning, as data, each with the reason for its value.

Nothing here names a site, a person or a phrase of any particular capture: the lexicons are the
vocabulary of page furniture in general (menus, share bars, comment widgets, legal footers) and the
function words of the languages readout reads. ``text.py`` and ``comments.py`` hold the logic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

try:  # the regex parser and compiler, to read which characters a pattern starts with
    from re import _compiler as sre_compile
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # Python 3.10
    import sre_compile
    import sre_constants
    import sre_parse


def wordset(text: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words."""
    return frozenset(text.split())

# --- line shape ---------------------------------------------------------------------------------------

# A line of prose in a news article averages 20-40 words; below 8 words a line carries too little text
# to tell prose from a label, so it needs sentence shape (capital start, terminal punctuation).
PROSE_MIN_WORDS = 8
# Fifteen words or more with normal function-word density is prose even without a full stop: standfirsts
# and captions-turned-paragraphs often drop it, menus and tag lists never reach that length with stopwords.
LONG_LINE_WORDS = 15
# Function words make up 40-55 % of running English text; menus, tag clouds and name lists sit under 10 %.
# 0.12 keeps telegraphic news prose (headline-like sentences, lists of officials) and drops keyword lists.
PROSE_MIN_STOPWORD_RATIO = 0.12
# A sentence of 3+ words that starts with a capital and ends with terminal punctuation is prose however
# short ("Talks resume on Friday."): one-sentence paragraphs are common in news.
SENTENCE_MIN_WORDS = 3
# A headline is at least three words and rarely more than 25; two-word lines are labels and site names.
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 25
# The headline sits near the top: at most this many non-blank lines before the body starts are searched.
TITLE_SEARCH_LINES = 40
# An author line in a comment thread is a name or handle: 1-4 tokens, never a sentence.
COMMENT_AUTHOR_MAX_WORDS = 4
COMMENT_AUTHOR_MAX_CHARS = 40
# A byline is a short line; a sentence starting with "By" ("By Tuesday the talks ...") is longer than this.
BYLINE_MAX_WORDS = 12
# Lines repeated inside one capture are furniture (a menu in header and footer) when this short.
REPEAT_MAX_WORDS = 12
# Share of a line's letters in another script for the line to count as in that script.
SCRIPT_SHARE = 0.5

# --- scores of the body span (max-sum contiguous run of lines, in word units) ------------------------
# A prose line scores its word count; everything else costs, so the best run is the article body.
# Hard chrome (legal footer, comment thread, foreign-language footer, cookie or newsletter prompt) costs
# more than any one paragraph is worth, so the body never reaches across it to a stray block of prose.
HARD_CHROME_COST = 60.0
# Soft chrome (a "Watch the video:" pointer, an advertisement label, one menu line) costs a short
# paragraph: the body bridges it when prose continues beyond, as it does around in-article furniture.
SOFT_CHROME_COST = 8.0
# A short non-sentence line (a subheading, a related-article headline) costs about half its words plus
# one: one subheading between paragraphs is bridged, a list of five related headlines is not.
SHORT_LINE_COST_PER_WORD = 0.5
SHORT_LINE_COST = 1.0

# --- vocabulary -------------------------------------------------------------------------------------

# Function words of the languages readout reads: enough to pick a capture's language and to measure
# stopword density per line. The most frequent words of each language, no content words.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": wordset("""a about above after again against all also am an and any are as at be because been
        before being below between both but by can could did do does doing down during each few for from
        further had has have having he her here hers herself him himself his how i if in into is it its
        itself just me more most my myself no nor not now of off on once only or other our ours ourselves
        out over own same she should so some such than that the their theirs them themselves then there
        these they this those through to too under until up very was we were what when where which while
        who whom why will with would you your yours yourself yourselves said says would also been who
        its it's he's she's they're we're there's that's"""),
    "de": wordset("""der die das und ist nicht ein eine einen dem den des zu mit sich auf für von im
        auch es an als wie bei nach aus um wird werden sind war hat haben oder aber wenn noch nur kann
        dass über vor zum zur durch ich wir sie er ihr sein seine unter alle mehr schon"""),
    "fr": wordset("""le la les de des du et est un une que qui dans pour pas sur au aux il elle ce cette
        avec par plus ne se sont ont été être mais ou son sa ses leur leurs nous vous ils elles comme
        tout aussi très fait peut entre sans"""),
    "es": wordset("""el la los las de del y en que un una es por con para no se su sus al lo como más
        pero fue ha han este esta entre cuando sin sobre también muy hay son ser ya desde donde todo
        porque está nos"""),
    "it": wordset("""il lo la gli le di del della dei delle e che un una è per con non si da in al alla
        sono ha anche come più ma nel nella questo questa tra dopo essere stato loro cui"""),
    "pt": wordset("""o a os as de do da dos das e que um uma é em para com não se por no na nos nas ao
        mais como mas foi ser são está também pelo pela entre seu sua quando já muito"""),
    "nl": wordset("""de het een en van in is dat op te zijn met voor niet aan er om ook als bij door
        maar dan nog wordt werd naar uit of over heeft hebben deze die tot"""),
    "sv": wordset("""och i att det som en på är av för med till den har de inte om ett var jag men
        sig från vi så kan hade eller efter när"""),
    "pl": wordset("""i w na z się nie do to że jest o jak po co tak za od przez dla ale czy jego jej
        już tylko był była są ich może"""),
    "tr": wordset("""ve bir bu da de için ile olarak çok daha gibi olan en ama ne kadar sonra ise her
        değil veya şu"""),
    "id": wordset("""yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke karena oleh
        ada adalah bahwa atau sudah mereka kami"""),
    "ru": wordset("""и в не на что с по это как к из о за от для а он она они но же то так его ее их
        был была было были бы уже или при до также только"""),
    "uk": wordset("""і в на що з не це як до за від для та але він вона вони його її їх був була
        було також або"""),
    "bg": wordset("""и в на за с не да се от че е са по като до при но или това този който която
        които"""),
    "ar": wordset("""في من على إلى أن عن مع هذا هذه التي الذي ما لا كان قد أو ثم بين كل وقد وفي
        بعد عند"""),
    "fa": wordset("""و در به از که این را با است برای آن یک تا بر هم شد"""),
}

# The script each language is written in, to tell a line in another script from the capture's own.
LANGUAGE_SCRIPT: dict[str, str] = {
    "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "ar": "arabic", "fa": "arabic",
}

# Words of menus, share bars and account widgets. A line made mostly of them is navigation.
NAV_WORDS = wordset("""home about us contact contacts search menu close open archive archives news
    sections section sponsors advertise advertising subscribe login log in sign register account
    privacy terms policy cookies share tweet facebook twitter x linkedin whatsapp telegram email e-mail
    print pinterest reddit youtube instagram rss feed sitemap skip to content main navigation nav
    previous next prev more top back all rights reserved copyright language select english
    français español deutsch русский عربي world politics business sport sports opinion culture tech
    technology science health video videos photos podcasts live latest most popular read trending
    donate support shop newsletter newsletters jobs careers faq help editions edition weather
    lifestyle travel entertainment economy markets environment education post copy link comment comments
    scroll continue loading click expand tap view show hide gallery image images photo enlarge fullscreen
    toggle play pause mute unmute audio min listen article story
    accept reject agree consent purposes preferences settings manage essential necessary decline allow
    ok customise customize options""")
# A line is a menu when at least this share of its words are navigation words (and it has no sentence
# shape): real sentences about "news" or "politics" use many other words.
NAV_SHARE = 0.6

# The searches over every line below (BOILERPLATE_PATTERNS, CREDIT_TAIL, CAPTURE_TIME_WIDGET, RELATIVE_TIME,
# COMMENT_FORM, OPINION_MARKERS, REPORTED_SPEECH) are written in lower case and run on lower-cased text:
# five times faster than a case-insensitive search of many alternatives.

# Phrases of legal footers, consent banners and subscription widgets. Lines holding one are furniture
# outside the article; inside the body only short ones are (an article may discuss privacy law).
BOILERPLATE_PATTERNS = re.compile(
    r"all rights reserved|rights reserved|may not be reproduced|without permission"
    r"|terms of (use|service)|privacy policy|cookie policy|use of cookies|we use cookies"
    r"|accept (all )?cookies|cookie settings|cookie preferences|manage cookies"
    r"|privacy notice|your privacy choices|we value your privacy"
    r"|this (web)?site uses|javascript|enable javascript|your browser"
    r"|subscribe to (our|the) newsletter|sign up for (our|the)|successfully subscribed|newsletter"
    r"|unsubscribe|enter your e-?mail|your e-?mail address|please try again|an error (has )?occurred"
    r"|gdpr|marketing purposes|reprint permission|advertisement|sponsored content|powered by"
    r"|your inbox|delivered to your|you agree to|already a subscriber"
    r"|subscribe to (continue|read)|to continue reading|free articles|support our journalism"
    r"|support this (blog|site|newsletter|podcast)"
    r"|follow us on|download (the|our) app|get the app|read our|all content copyright")
# "Sign up" alone as a button or label, kept apart from the phrases above: an anchored alternative among
# them would stop the regex engine from skipping ahead by first letters, which halves their cost.
SIGN_UP_LABEL = re.compile(r"\bsign up\W*$|^\W*sign up\b")


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern written without character classes."""
    parts, depth, current, i = [], 0, "", 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            current += source[i:i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
        i += 1
    return [*parts, current]


def _trie(alternatives: list[str]) -> str:
    """``alternatives`` joined with those that start with the same plain character (a letter, a digit or a
    space not followed by a quantifier) grouped under it, recursively: "ab|ac|d" becomes "a(?:b|c)|d"."""
    groups: dict[str, list[str]] = {}
    others: list[str] = []
    for alternative in alternatives:
        head = alternative[:1]
        if head and (head.isalnum() or head == " ") and alternative[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(head, []).append(alternative[1:])
        else:
            others.append(alternative)
    parts = [head + (rests[0] if len(rests) == 1 else f"(?:{_trie(rests)})")
             for head, rests in groups.items()]
    return "|".join(parts + others)


def prefix_tree(words: Iterable[str]) -> str:
    """A regex matching exactly ``words`` (escaped), written as a tree of shared prefixes: the engine tries
    the few branches that start with the letter at hand instead of every word in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(node[char]) for char in sorted(c for c in node if c)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else f"(?:{'|'.join(branches)})"
        return body + ("?" if "" in node else "")

    return emit(tree)


def factored_alternatives(sources: list[str]) -> str:
    """The alternatives of several patterns written without character classes, grouped as ``factored``
    groups one pattern's: a search for any of them, one pass over a line."""
    return _trie([part for source in sources for part in _alternatives(source)])


def factored(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern that matches the same strings as an alternation of phrases, its alternatives grouped by their
    leading characters: at each position of a line the regex engine tries the few that start with the
    character there instead of every one (twice as fast on a line of prose). Which alternative matched, and
    so the match itself, may differ: for tests of whether a line holds one of the phrases."""
    if "[" in pattern.pattern:  # a class may hold "|" or parentheses: not split here
        return pattern
    return re.compile(_trie(_alternatives(pattern.pattern)), pattern.flags)


# The search over most lines that ``has_boilerplate`` makes.
BOILERPLATE_SEARCH = factored(BOILERPLATE_PATTERNS)


def has_boilerplate(lower: str) -> bool:
    """Whether a lower-cased line holds a phrase of legal footers, consent banners or subscription widgets."""
    if BOILERPLATE_SEARCH.search(lower):
        return True
    return "sign up" in lower and SIGN_UP_LABEL.search(lower) is not None

# A copyright notice: a legal footer, never an article line or a publication date.
COPYRIGHT = re.compile(r"^\W{0,3}(©|\(c\)|copyright\b)\s*(\d{4}|.*\b(19|20)\d{2}\b.*|.*rights)",
                       re.IGNORECASE)
# A photo or image credit or caption line: metadata, never body text.
CAPTION = re.compile(
    r"^\s*(©|\(photo|photo\s*(credit)?\s*[:/—–-]|photo by\b|photograph\s*:|image\s*[:—–-]|picture\s*:"
    r"|credit\s*:|caption\s*:|file photo|source\s*:|images?\s*[:/]|illustration\s*:|video\s*:"
    r"|fotos?\s*[:/]|bild\s*:|фото\s*:|imagen\s*:|crédits? photo\s*:|legenda\s*:"
    r"|(image|photo|picture) (caption|source|credit)\s*[,:]?)",
    re.IGNORECASE)
# Credit agencies appended to captions ("... (AFP)", "Getty Images").
# A caption marker standing alone: the caption itself is on the next line.
CAPTION_MARKER = re.compile(r"^\W*((image|photo|picture|video)\s+)?(caption|source|credit|photo|image|picture"
                            r"|photograph)s?\s*[,:]?\s*$", re.IGNORECASE)
# Credits closing a caption: an agency, or "Photo: Name" at the end of the line.
# Credits, captions and capture-time widgets are a line or two of text; a line of thousands of characters
# (a flattened script or data blob) is never one, and searching it for their tail patterns costs more
# than the rest of the page: 1,000 characters is several times the longest caption seen on news pages.
FURNITURE_MAX_CHARS = 1000
# A wire photo's credit closing its caption: the agency's acronym, a slash and the photographer ("CPA/Jane
# Roe", "EPA-EFE/Ivo Marr"); matched in the line's own case, as the capitals tell an agency from "and/or".
AGENCY_CREDIT_TAIL = re.compile(r"\b[A-Z][A-Z-]{1,14}/[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*$")
CREDIT_TAIL = re.compile(r"(getty images|reuters/|afp/|ap photo|\(afp\)|\(reuters\)|/ ?afp$"
                         r"|\((photo|foto|bild|фото|imagen|image|picture|credit)s?\s*:[^()]{2,40}\)$"
                         r"|[.)]\s/\s?[\w.'’ -]{2,30}$"
                         r"|\b(photo|photograph|picture|image|credit|photos)\s*:\s*[\w.'’ /-]{2,40}$)")

# A byline: "By Jane Roe", "Written by", "Author: ...", "Reporting by ...", with the name captured.
BYLINE = re.compile(
    r"^\s*(?:by|written by|words by|story by|posted by|author\s*:|reporting by|report by|text by|von|par|por"
    r"|(?:photographs|photos|pictures|illustrations?|interview|video) by|di|av|(?-i:[Dd]oor(?=\s+[A-Z])))"
    r"\s*:?\s+(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:[ ,]+(?:and |&\s*|y |et |und )?[A-ZÀ-Þ][\w.'’-]*){0,6})",
    re.IGNORECASE)
# A wire report's closing credit, "(Reporting by Jane Roe; Editing by Ivo Marr)": metadata, like a byline.
WIRE_CREDIT = re.compile(r"^\(\s*(?:additional )?(?:reporting|writing|editing|compiled|edited|written) by\b",
                         re.IGNORECASE)
# A byline that names a desk, not a person ("Coastal Ledger newsroom", "Staff reporter", "Web desk"): a short
# line ending in one of these words. At most DESK_BYLINE_MAX_WORDS words: a headline can end in "staff".
DESK_BYLINE_ENDS = ("newsroom", "news desk", "web desk", "desk", "staff", "staff reporter", "staff writer",
                    "agencies", "wire services")
DESK_BYLINE_MAX_WORDS = 4
# A cookie banner: a cookie phrase and the reader addressed ("you", "your"); both are needed, so that an
# article's sentence about cookie law is not taken for one. Any length: such banners run to sixty words.
CONSENT_BANNER = re.compile(r"\b(?:use|uses|using) cookies\b|\bcookies (?:and|or) similar\b"
                            r"|\bcookie (?:policy|settings|preferences|notice)\b|\baccept (?:all )?cookies\b")
SECOND_PERSON = re.compile(r"\byou(?:r)?\b")
# A byline inside a date line: "Posted on March 3, 2021 by Jane Roe".
BYLINE_INLINE = re.compile(r"\bby\s+(?P<name>[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,4})")
BYLINE_TRAIL = re.compile(r"[\s:,|•·—–-]+$")

# A pointer to something else on the page ("Watch the video:", "Original article:", "Read more:").
POINTER_WORDS = wordset("""video watch article original source link read more related see click download
    listen follow also available here below above continue full story report""")
POINTER_MAX_WORDS = 8
# A list of tags or topics under an article: "Tags: ports, fishing", "Filed under: Region".
TAGS_PREFIX = re.compile(r"^\W*(tags?|topics?|filed under|categories|category|keywords|related topics)\s*:",
                         re.IGNORECASE)
# "Read also" and "more on this" in the other languages readout reads.
FOREIGN_POINTERS = (r"lesen sie (auch|mehr)|mehr zum thema|auch interessant|weitere artikel|à lire aussi"
                    r"|lire aussi"
                    r"|voir aussi|sur le même sujet|lea también|leer más|más información|te puede interesar"
                    r"|leia também|leia mais|saiba mais|leggi anche|approfondisci|lees ook|lees meer"
                    r"|читайте также|смотрите также|по теме|اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد")
# A pointer with its target on the same line: "Read more: Ministers meet in Tovana", "Watch: ...".
POINTER_PREFIX = re.compile(
    r"^\W*(read more|related|see also|also read|read also|read next|watch|listen|more|recommended"
    r"|further reading|don'?t miss|must read|click here|learn more"
    rf"|{FOREIGN_POINTERS})\s*[:|»›>-]\s*\S", re.IGNORECASE)

# No heading of a list of other articles has more words than this (the longest, "mehr aus" and a section
# name of up to 30 characters, has fewer): longer lines are not tried against the pattern.
HEADING_MAX_WORDS = 40
# Headings that open a list of other articles: everything after them at the end of a page is furniture.
RELATED_HEADING = re.compile(
    r"^\s*(related|related (articles|stories|posts|news|coverage|content)|latest( news| stories| posts)?"
    r"|more (from|on|in|stories|news|articles)|read (more|next|also)|recommended( for you)?|trending( now)?"
    r"|most (read|popular|viewed|shared)|you (may|might) also like|popular( posts| stories)?"
    r"|recent (posts|articles|stories|news)|editor'?s picks|top stories|see also|also read"
    r"|what to read next|further reading|in other news|more news|more on this story|more galleries"
    rf"|{FOREIGN_POINTERS}|mehr aus [\w ]{{1,30}}|meistgelesen|les plus lus|lo más (visto|leído)|más le[ií]do"
    r"|mais lidas|mais lidos|più lett[ie]|самое (читаемое|популярное)|الأكثر قراءة|similar threads)"
    r"\s*[:»›>]?\s*$",
    re.IGNORECASE)

# Widgets stamped with the moment of capture: a month and year alone, countdowns, "today is".
CAPTURE_TIME_WIDGET = re.compile(
    r"\b(days?|hours?) left\b|\bleft until\b|\bcountdown\b|^\s*(today|now)\s*(is|:)"
    r"|^\s*(january|february|march|april|may|june|july|august|september|october|november|december)"
    r"\s+\d{4}\s*$")

# "Updated 2 hours ago", "5 min read": stamps of the moment of capture or of reading time, never dates.
RELATIVE_TIME = re.compile(
    r"\b\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\b\d+\s*min(ute)?s?\s+read\b|^\W*(updated|posted|published)\s+(just now|today|yesterday)\W*$")
RELATIVE_TIME_MAX_WORDS = 8
# Reading time in the languages readout reads ("Lesezeit: 4 Min.", "5 min de lecture"): metadata.
READING_TIME = re.compile(
    r"^\W*(lesezeit|temps de lecture|tiempo de lectura|tempo de leitura|tempo di lettura|время чтения"
    r"|leestijd|reading time)\b|\b\d+\s*(min\.?|minuten|minutes|minutos|minuti|мин\.?)\s*"
    r"(lesezeit|de lecture|de lectura|de leitura|di lettura|чтения|leestijd)\b", re.IGNORECASE)
READING_TIME_MAX_WORDS = 8
# A line that is only an advertisement or sponsorship label, in the languages readout reads.
AD_LABEL = re.compile(r"^\W*(advertisement|advertising|sponsored|anzeige|werbung|gesponsert|publicité"
                      r"|publicidad|pubblicità|publicidade|advertentie|реклама|إعلان)\W*$", re.IGNORECASE)
# An advertisement label or a skip link has at most this many words ("Aller au contenu principal").
SKIP_LINK_MAX_WORDS = 5
# "Skip to content" links of screen readers, in the languages readout reads.
SKIP_LINK = re.compile(
    r"^\W*(skip to (the )?(main )?(content|navigation|article)|zum inhalt( springen)?|zur navigation"
    r"|aller au contenu( principal)?|aller à la navigation|ir al contenido( principal)?|saltar al contenido"
    r"|ir para o conteúdo|saltar para o conteúdo|vai al contenuto( principale)?|naar de inhoud"
    r"|перейти к (основному )?содержим\w*|تخطى إلى المحتوى)\W*$", re.IGNORECASE)
# A menu written on one line: three or more short items between separators ("About | Contact | Jobs").
NAV_LINE = re.compile(r"^[^|·•]{1,30}(\s*[|·•]\s*[^|·•]{1,30}){2,}$")
URL = re.compile(r"^\s*(https?://|www\.)\S+\s*$", re.IGNORECASE)
# Lines of figures and symbols only: counters, prices of a donation widget, vote tallies.
# A gallery's or a list's position counter: "1 of 8", "3/12", "2 von 10".
POSITION_COUNTER = re.compile(r"^\W*\d+\s*(of|/|von|de|sur|di|van|из|из)\s*\d+\W*$", re.IGNORECASE)
NUMERIC_ONLY = re.compile(r"^[\W\d_]*$|^[\d\s.,:%$€£¥+−-]+[a-zA-Z$€£%]{0,3}\s*$")

# --- comment threads ----------------------------------------------------------------------------------

# "Comment(s)" in the languages readout reads, for thread headers ("12 Kommentare", "Commentaires (4)").
COMMENT_NOUN = (r"comments?|kommentare?|kommentaren?|commentaires?|comentarios?|comentários?|commenti"
                r"|commento|reacties|reactie|komentarze?|komentář[eů]?|yorumlar?|комментари[йиея]?|коментар[іі]?|تعليقات?")
# Headers that announce a reader-comment thread or its controls.
THREAD_HEADER = re.compile(
    rf"^\s*(\d[\d,.]*\s+({COMMENT_NOUN}|responses?|replies|reactions|thoughts)(\s+(on|to)\b.*)?"
    rf"|({COMMENT_NOUN}|responses?|reader comments|discussion|conversation)\s*(\(\d+\))?"
    r"|(\d+\s+)?thoughts? on\b.*|leave a (comment|reply)|add (a|your) comment|post a comment"
    r"|what (our )?readers (say|think)|readers'? (views|reactions)|have your say|your (comments|views)"
    r"|write a comment|join the (discussion|conversation)|view (all )?comments|show comments"
    r"|load (more )?comments|kommentar schreiben|laisser un commentaire|deja un comentario"
    r"|lascia un commento|deixe um comentário|оставить комментарий"
    r"|comments are closed\.?|comments for this (article|post|story) are closed\.?)\s*[:.!]?\s*$",
    re.IGNORECASE)
# A header that counts the comments below it ("12 Comments", "Comments (12)").
THREAD_COUNT = re.compile(
    rf"^\s*(\d[\d,.]*\s+({COMMENT_NOUN}|responses?|replies)|({COMMENT_NOUN})\s*\(\d+\))\s*:?\s*$",
    re.IGNORECASE)
# The heading of a comment form: after the comments it closes the thread.
COMMENT_FORM_HEADER = re.compile(
    r"^\s*(leave a (comment|reply)|post a comment|add (a|your) comment|write a comment|kommentar schreiben"
    r"|laisser un commentaire|deja un comentario|lascia un commento|deixe um comentário|оставить комментарий)"
    r"\s*[:.!]?\s*$", re.IGNORECASE)
# A thread header that also says there are no (more) comments to show.
THREAD_CLOSED = re.compile(r"^\s*comments (are|have been) (closed|disabled)|^\s*comments for this .* closed",
                           re.IGNORECASE)
# Controls of comment widgets: sorting, notification and voting.
THREAD_CONTROLS = re.compile(
    r"^\s*(oldest|newest|most voted|most liked|best|top|sort by\b.*|notify of|guest|inline feedbacks"
    r"|subscribe|login|log in|sign in|register|reply|reply\s*↓|report|flag|share\s*›?|like|likes?|upvote"
    r"|downvote|permalink|edited|log in to reply|cancel reply|newest most voted|oldest newest"
    r"|most voted newest"
    r"|load more|show more replies|show \d+ more repl(y|ies)|view \d+ repl(y|ies)|hide replies|•|·|–|−|\+"
    r"|\d+\s*(likes?|replies|repl(y|ies)|votes?|points?)|antworten|répondre|responder|rispondi|reageren"
    r"|odpowiedz|ответить|відповісти|melden|signaler|denunciar|segnala)\s*$",
    re.IGNORECASE)
# "Jane says:" / "Jane wrote:" / "Jane on May 3, 2021 at 4:12 pm said:": WordPress-style author lines.
AUTHOR_SAYS = re.compile(r"^\s*(?P<name>[^\s].{0,50}?)\s+(says|said|wrote|writes|replied)\s*:?\s*$",
                         re.IGNORECASE)
# "Jane Roe • 3 years ago", "jroe · 2h": an author and the comment's age on one line.
AUTHOR_STAMP = re.compile(
    r"^\s*(?P<name>[^\s•·|].{0,40}?)\s*[•·|]\s*(\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|[smhdwy])\.?(\s+ago)?|yesterday|just now)\s*$", re.IGNORECASE)
# Relative or absolute timestamps that sit under a comment author ("3 years ago", "May 3, 2021 at 4:12 pm").
COMMENT_TIMESTAMP = re.compile(
    r"^\s*[•·]?\s*(\d+\s*(seconds?|minutes?|mins?|hours?|hrs?|hr|days?|weeks?|months?|years?|[smhdwy])\.?\s+ago"
    r"|(vor|il y a|hace|há)\s+\d+\s+\w+|\d+\s+\w+\s+(fa|geleden|temu|назад)"
    r"|(edited\s+)?\d+\s*(seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago"
    r"|.{0,40}\b\d{1,2}:\d{2}\s*(am|pm)?|(yesterday|today|just now))\s*[•·]?\s*$",
    re.IGNORECASE)
# A WordPress comment form: what follows the thread (or the article when there is none).
COMMENT_FORM = re.compile(
    r"your email address will not be published|required fields are marked|save my name|post comment"
    r"|notify me of (new|follow-up)|you must be logged in|cancel reply|this site uses akismet")
# The same, for tests of most lines (text.py, comments.py).
COMMENT_FORM_SEARCH = factored(COMMENT_FORM)
# The comment form's phrases and the boilerplate phrases in one factored search: a short line that holds
# none of them (most) is spared the second search; one that holds some is tried against each in turn.
FORM_OR_BOILERPLATE_SEARCH = re.compile(
    _trie(_alternatives(COMMENT_FORM.pattern) + _alternatives(BOILERPLATE_PATTERNS.pattern)))
# Two or more stacked lines of figures and symbols after the last comment close the thread (vote tallies,
# widget buttons); what follows is the page footer.
THREAD_END_COUNTERS = 2

# The same furniture of comment widgets in the other languages readout reads and in shapes the English
# patterns above miss (comments.py matches both). Translations of the common systems (WordPress, Disqus,
# Facebook's plugin, news sites' own threads), as data; none names a site.
# "Jane dit :", "Ana disse:", "Joke zegt:": translated WordPress and forum author lines.
SAYS_VERBS_OTHER = ("dit", "a écrit", "dice", "escribió", "escribe", "disse", "escreveu", "diz", "sagt",
                    "schreibt", "schrieb", "meint", "ha scritto", "scrive", "zegt", "schreef", "schrijft",
                    "пишет", "написал", "написала", "pisze", "napisał", "napisała", "yazdı", "diyor", "säger",
                    "skrev")
AUTHOR_SAYS_OTHER = re.compile(
    rf"^\s*(?P<name>[^\s].{{0,50}}?)\s+({'|'.join(SAYS_VERBS_OTHER)})\s*:?\s*$", re.IGNORECASE)
# Comment forms in those languages, as phrases (lower case, matched whole on a line, a closing colon or
# full stop aside): above the comments they head the thread, after them they close it.
FORM_PHRASES_OTHER = frozenset({
    "escribe un comentario", "escribe tu comentario", "deja un comentario", "deja tu comentario",
    "añade un comentario", "añade tu comentario", "agrega un comentario", "agrega tu comentario",
    "deja una respuesta", "scrivi un commento", "aggiungi un commento", "lascia una risposta",
    "deixe seu comentário", "deixe o seu comentário", "deixe um comentário", "deixe uma resposta",
    "napisz komentarz", "dodaj komentarz", "напишите комментарий", "добавить комментарий",
    "оставьте комментарий", "plaats een reactie", "laat een reactie achter", "yorum yap", "yorum yaz",
    "yorumunuzu yazın", "yorum ekle", "schreibe einen kommentar", "schreib einen kommentar",
    "eine antwort hinterlassen", "laisser une réponse", "أضف تعليقك", "أضف تعليقا", "أضف تعليق",
    "اترك تعليقا", "اترك تعليق", "اترك تعليقك", "add a comment…", "add a comment...", "write a comment…",
    "write a comment...", "sign in to comment", "log in to comment"})
# Other headers of threads, as phrases; a count in brackets may follow ("التعليقات (3)", "Réactions (4)").
HEADER_PHRASES_OTHER = FORM_PHRASES_OTHER | frozenset({
    "réagir", "commenter", "comenta", "commenta", "comente", "reageer", "обсуждение", "kommentare anzeigen",
    "leserkommentare anzeigen", "kommentare einblenden", "leserkommentare einblenden", "réaction",
    "réactions", "التعليقات", "تعليقات", "leserkommentare"}) | frozenset({  # buttons that load more of them
    "show more comments", "view more comments", "mehr kommentare laden", "weitere kommentare laden",
    "mehr kommentare anzeigen", "weitere kommentare anzeigen", "charger plus de commentaires",
    "voir plus de commentaires", "afficher plus de commentaires", "cargar más comentarios",
    "ver más comentarios", "mostrar más comentarios", "carica altri commenti", "mostra altri commenti",
    "carregar mais comentários", "ver mais comentários", "mostrar mais comentários", "meer reacties laden",
    "meer reacties tonen", "pokaż więcej komentarzy", "załaduj więcej komentarzy",
    "показать ещё комментарии", "показать еще комментарии", "показать больше комментариев",
    "загрузить ещё комментарии", "daha fazla yorum yükle", "daha fazla yorum göster",
    "تحميل المزيد من التعليقات", "عرض المزيد من التعليقات"})
# Headers of variable shape: "3 réponses à « … »", "4 comentarios en «…»", "Kommentare zu …", "3 تعليقات".
THREAD_HEADER_OTHER = re.compile(
    rf"^\s*(\d[\d,.]*\s+({COMMENT_NOUN}|réponses?|respuestas?|risposte|respostas?|antworten|reacties"
    r"|odpowiedzi|ответ\w*|yanıt|yorum)\s+(à|a|en|em|su|zu|op|do|на|к|için|über|sur|sobre)\b.*"
    rf"|(leser)?({COMMENT_NOUN}|réactions?)\s+(zu|à|sur|en|sobre|su|a|op|do|к|на|em)\s+\S.*"
    r"|\d+\s+(ال)?تعليقا?ت?)\s*[:.!]?\s*$", re.IGNORECASE)
# Reply controls alone: a comment widget has them, a byline, a share bar or a live blog never does, so
# they confirm a thread that opens without a header under a short article. As phrases, lower case, matched
# whole on a line, bullets, arrows and a trailing count aside ("Teilen ›", "Me gusta 7"); comments.py
# writes each lexicon as a tree of shared prefixes, not a long alternation.
REPLY_PHRASES = frozenset({
    "reply", "reply ↓", "antworten", "répondre", "responder", "rispondi", "reageren", "beantwoorden",
    "odpowiedz", "ответить", "відповісти", "yanıtla", "cevapla", "رد", "svara", "balas"})
# ... and the control line of Facebook's plugin, "Like · Reply · 2d", in its translations.
REPLY_CONTROL = re.compile(
    r"^\s*((like|reply)\s*[·•]\s*(like|reply)\b.{0,12}"
    r"|(gefällt mir|j'aime|me gusta|mi piace|curtir|vind ik leuk|lubię to|нравится|beğen)\s*[·•]\s*\w+"
    r".{0,12})\s*$", re.IGNORECASE)
# Other controls of comment widgets in the other languages, as phrases like REPLY_PHRASES: votes, report,
# share, sign-in and sorting buttons.
CONTROL_PHRASES_OTHER = frozenset({
    "beğen", "şikayet et", "إبلاغ", "أعجبني", "curtir", "denunciar", "me gusta", "j'aime", "mi piace",
    "gefällt mir", "vind ik leuk", "lubię to", "нравится", "пожаловаться", "zgłoś", "respect", "teilen",
    "partager", "compartir", "condividi", "compartilhar", "delen", "▲", "▼", "load more",
    "facebook comments plugin", "newest first", "oldest first", "latest first", "neueste zuerst",
    "älteste zuerst", "plus récents", "plus anciens", "plus récents d'abord", "plus anciens d'abord",
    "más recientes", "más antiguos", "más recientes primero", "más antiguos primero", "più recenti",
    "meno recenti", "mais recentes", "mais antigos", "nieuwste eerst", "oudste eerst", "najnowsze",
    "najstarsze", "сначала новые", "сначала старые", "новые", "старые", "en yeni", "en eski", "anmelden",
    "einloggen", "registrieren", "se connecter", "connexion", "s'inscrire", "iniciar sesión", "registrarse",
    "accedi", "registrati", "entrar", "cadastre-se", "inloggen", "registreren", "zaloguj", "zaloguj się",
    "войти", "регистрация", "giriş yap", "kayıt ol", "تسجيل الدخول"})
# The controls of variable shape: "Replying to X" lines, reply counts, sorting menus.
THREAD_CONTROLS_OTHER = re.compile(
    r"^\s*((replying to|in reply to|en respuesta a|als antwort auf|en réponse à|in risposta a|em resposta a"
    r"|в ответ|w odpowiedzi( do)?|als reactie op)\s+\S.{0,40}"
    r"|\d+\s+(antworten|réponses|respuestas|risposte|respostas|reacties|odpowiedzi|ответ\w*|yanıt)"
    r"|(sortieren nach|trier par|ordenar por|ordina per|sorteer op|sortuj)\b.*)\s*$",
    re.IGNORECASE)
# Timestamps under an author: "2 saat önce", "منذ ساعتين", "14.06.2025, 19:12 Uhr", "8 juin 2025 à 14 h 12",
# "gestern, 18:30", and the bare ages of Facebook and OpenWeb ("5h", "2d", "3 d").
COMMENT_TIMESTAMP_OTHER = re.compile(
    r"^\s*[•·]?\s*(\d+\s+\w+\s+önce|منذ\s+\S+(\s+\S+)?|\d{1,2}[./]\d{1,2}[./]\d{2,4},?\s+(um\s+)?\d{1,2}[:.]\d{2}"
    r"(\s*uhr)?|.{0,30}\b\d{1,2}[:.]\d{2}\s*uhr|.{0,30}\b\d{4}\s+à\s+\d{1,2}\s*h\s*\d{2}(\s*min)?"
    r"|(gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|ontem|hoje|gisteren|vandaag|wczoraj|dzisiaj"
    r"|вчера|сегодня|dün|bugün|أمس|اليوم)(,?\s*(um|à|a las|alle|às|om|o|в)?\s*\d{1,2}[:.h]\d{2})?"
    r"|à l'instant|gerade eben|hace un momento|poco fa|agora mesmo|zojuist|przed chwilą|только что"
    r"|az önce|الآن|\d{1,3}\s?[smhdwy])\s*$", re.IGNORECASE)
# A thread without a header under a short article (less prose than THREAD_MIN_ARTICLE_WORDS before it)
# still opens once the article has begun, at least this many sentences after its first prose line (a
# headline or standfirst, or a forum's opening post under its title), when its rhythm cannot be a
# byline's: its entries come with a reply control or "X says:" lines, or at least THREAD_MIN_ENTRIES_SHORT
# entries alternate with text (a byline block is names and dates with no text between them).
THREAD_MIN_SENTENCES_SHORT = 1
THREAD_MIN_ENTRIES_SHORT = 3
# ... the text of a comment in that rhythm is one to three lines (a paragraph each) before the next entry;
# the paragraphs of an article under a byline run longer.
COMMENT_GAP_MAX = 3
# Lines above the first comment that open no entry (a sign-in link, a notice on the rules of the thread)
# are the thread's header when its first entry opens within this many lines after them; a name that opens
# a comment without a stamp is followed by its text and a control, not by an entry.
HEADER_STACK_LINES = 3
# Page furniture after a thread in the other languages, lower case, found anywhere in a short line: legal
# links, rights notices and most-read lists close the thread (the English ones are BOILERPLATE_PATTERNS',
# COPYRIGHT's and RELATED_HEADING's). Factored (``factored``): searched in every line of a thread.
THREAD_END_OTHER = factored(re.compile(
    r"impressum|datenschutz|alle rechte vorbehalten|meistgelesen|mentions légales|tous droits réservés"
    r"|les plus lus|aviso legal|política de privacidad|todos los derechos reservados|lo más visto"
    r"|lo más leído|note legali|tutti i diritti riservati|i più letti|termos de uso|política de privacidade"
    r"|todos os direitos reservados|mais lidas|alle rechten voorbehouden|meest gelezen|polityka prywatności"
    r"|wszelkie prawa zastrzeżone|najczęściej czytane|все права защищены|самое читаемое"
    r"|tüm hakları saklıdır|gizlilik politikası|en çok okunan|künye|جميع الحقوق محفوظة|الأكثر قراءة"))
# ... in a line of at most this many words ("© 2025 Kurier Gminny. Wszelkie prawa zastrzeżone."): a comment
# that mentions a privacy policy runs longer, and is not searched.
THREAD_END_MAX_WORDS = 8
# The words that open a timestamp without a digit (COMMENT_TIMESTAMP, COMMENT_TIMESTAMP_OTHER), lower case:
# a line with no digit that opens with none of them is no timestamp or date, without a try of the patterns.
STAMP_WORDS = ("yesterday", "today", "just now", "gestern", "heute", "gerade eben", "hier", "aujourd'hui",
               "à l'instant", "ayer", "hoy", "hace un momento", "ieri", "oggi", "poco fa", "ontem", "hoje",
               "agora mesmo", "gisteren", "vandaag", "zojuist", "wczoraj", "dzisiaj", "przed chwilą", "вчера",
               "сегодня", "только что", "dün", "bugün", "az önce", "أمس", "اليوم", "الآن", "منذ")
# What every match of COMMENT_TIMESTAMP_OTHER with a digit that COMMENT_TIMESTAMP misses holds: a date
# separator ("14.06.2025", "02/06/2025"), "Uhr" or "uhr", " à " ("8 juin 2025 à 14 h 12"), "önce", "منذ", or
# else it is a bare age ("5h", "12 d") of at most STAMP_BARE_MAX_CHARS: a line of digits without any
# ("Footer link 12", "Top 10 stories") skips the pattern. Substrings, as a regex search costs more here.
STAMP_CUES_OTHER = (".", "/", "hr", " à ", "önce", "منذ")
STAMP_BARE_MAX_CHARS = 8
# Timestamps and dates fit in this many characters (COMMENT_TIMESTAMP's "<up to 40 characters> 4:12 pm" is
# the longest): a longer line (a comment's text) is not tried against their patterns.
STAMP_MAX_CHARS = 64

# --- opinion -------------------------------------------------------------------------------------------

# The outlet's own first-person voice outside quotation marks: an editorial or opinion paragraph.
OPINION_MARKERS = re.compile(
    r"\b(we|i) (strongly |firmly |truly |really |also |still |just )?(believe|think|feel|hope|see|consider"
    r"|argue|contend|maintain|urge|suspect|doubt|fear|expect)\b"
    r"|\bin (our|my) (view|opinion|judgement|judgment|eyes)"
    r"|\bour (view|position|opinion|stance|editorial)\b|\bit is our (view|belief|opinion)"
    r"|\bwe must\b|\bwe should\b|\b(this|the) (newspaper|editorial board|magazine) (believes|thinks|holds)")
# Substrings without one of which no lower-cased text holds an OPINION_MARKERS match (each alternative
# there has "we " or "i " before its verb, "our " or "in my ", or names the publication): a few substring
# scans rule out most paragraphs before the regex, which tries its alternatives at every position.
OPINION_CUES = ("we ", "i ", "our ", "in my ", "newspaper ", "editorial board ", "magazine ")
# Opening and closing quotation marks, to look for the outlet's voice outside quotations.
QUOTE_PAIRS = {"“": "”", '"': '"', "«": "»", "„": "“", "‘": "’"}
# Reported speech: a paragraph that relays someone else's words is not the outlet's own voice, even in
# an editorial coda.
REPORTED_SPEECH = re.compile(r"\b(said|says|told|according to|stated|announced|quoted|reported)\b")
# Once the outlet speaks in its own voice in the second half of the body, the paragraphs after it are its
# closing commentary: an editorial coda starting before this share of the body is not a coda.
OPINION_CODA_FROM = 0.5

# --- HTML hints ------------------------------------------------------------------------------------------

# trafilatura's choice of body lines is right far more often than not: a hinted line counts as prose
# (its words, at least this many), and an unhinted line as soft chrome, so only strong signals overturn it.
HINT_MIN_SCORE = 5.0

# A sentence that introduces a list or a quotation ends with a colon: "Under the agreement:".
LEAD_IN_MIN_WORDS = 5
# An item of a bulleted or numbered list; one of five words or more with function words is article text.
LIST_ITEM = re.compile(r"^\s*([-–—•*·▪►]|\d{1,2}[.)])\s+\S")
LIST_ITEM_MIN_WORDS = 5
# Three consecutive short non-sentence lines make a list (menu, related headlines, key points).
LIST_MIN_LINES = 3
# Items of one list differ in length by at most this factor; a headline beside a one-word label does not.
LIST_LENGTH_RATIO = 2
# A notice of one or two words ("Advertisement", "Sign up") is a label inside the page, bridged like soft
# chrome; a longer notice is a banner or footer and costs like hard chrome.
LABEL_MAX_WORDS = 2
# A run of at most this many removed lines between two parts of the article, of kinds that sit inside
# articles (a newsletter box, a "Read more" heading with its link, an advertisement), costs as soft chrome
# when a sentence resumes the article right after it: the body bridges the box.
INLINE_BOX_MAX_LINES = 4
# Reasons of the removals that may form such a box.
INLINE_BOX_REASONS = frozenset({
    "legal, consent or subscription notice", "heading of a list of other articles",
    "pointer to other material", "advertisement label or skip link", "navigation, share or account links"})
# A teaser under a heading of other articles ("Related coverage") is a sentence or two: at most this many
# words; a longer line is a paragraph again.
TEASER_MAX_WORDS = 40
# A line inside the body block that repeats a sentence of another body paragraph is a pull quote when it
# has at most this many words.
PULL_QUOTE_MAX_WORDS = 40
# ... and at least this many characters: a short phrase repeats by chance.
PULL_QUOTE_MIN_CHARS = 30
# A short line inside the body block is kept (a subheading) from this many words; shorter ones are names
# and labels ("Jane Roe", "Health correspondent").
SUBHEADING_MIN_WORDS = 3
# A table row: at least this many cells between separators, half of them figures.
TABLE_MIN_CELLS = 3
# An author's biography closing an article: a name, "is a/an", and a trade of the press within 12 words;
# or a dash, a name and "is" (the tagline under a guest column).
BIO_LINE = re.compile(
    r"^\s*[—–-]\s*[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){1,3}\s+(?:is|was)\s"  # "— Jane Roe is ..."
    r"|^\W*[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){1,3}\s+(?:is|was)\s+(?:a|an|the)\s+(?:\S+\s+){0,12}?"
    r"(?:writer|journalist|reporter|correspondent|editor|author|columnist|photographer|contributor"
    r"|producer|critic)s?\b")
# What follows the author's name in a biography line at the end of an article.
BIO_VERBS = r"(is|was|has|covers|writes|reports|joined|edits)"

# --- text mode (text.py) ---------------------------------------------------------------------------------

# Items of a menu written on one line ("Home | World | Sport"): three or more, each this short.
NAV_ITEMS_MIN = 3
NAV_ITEM_MAX_WORDS = 3
# A breadcrumb trail ("Home > News", "Press releases > 2026") is navigation from two items: the arrow
# between them is no sentence punctuation.
BREADCRUMB_ITEMS_MIN = 2
# Sections in a trail of three or more may be named at length ("Home > Countries & Regions > Latin America
# and the Caribbean > Brazil"): the arrows, not the items' length, make it navigation.
BREADCRUMB_LONG_TRAIL = 3
BREADCRUMB_ITEM_MAX_WORDS = 6
# A line in capitals is a label or widget with at least this many letters and at most this many words.
CAPS_MIN_LETTERS = 3
CAPS_MAX_WORDS = 10
# Share of upper-case letters that makes a line "in capitals": a label may hold a "No." or "vs"; a headline
# in title case stays near a quarter.
CAPS_SHARE = 0.8
# Boilerplate phrases mark a line as a notice only when it is this short; a long paragraph may discuss them.
BOILERPLATE_MAX_WORDS = 30
# Site furniture is trusted for prose lines only when it covers less than this share of the capture's
# prose: above it, the capture repeats another capture of the site (a near-duplicate), not its furniture.
SITE_PROSE_SHARE = 0.5
# A caption, like the one a bare marker ("Image caption,") announces, has at most this many words.
CAPTION_MAX_WORDS = 40
# A headline-shaped line that the page repeats after the body is still the headline when at least this
# long (the page lists its own story among the most read); shorter repeats are slogans and widgets.
TITLE_LISTED_MIN_WORDS = 6
# What separates a headline from the site name in a page title.
TITLE_SEPARATORS = frozenset("|-–—:·•»")
# Lines longer than this are measured on their head and tail: a paragraph is rarely a tenth of it, and
# features of a 50 MB line must not cost more than those of an article.
FEATURE_SAMPLE_CHARS = 20_000
# A standfirst below the headline is a summary sentence: at least this many words (a kicker is shorter).
STANDFIRST_MIN_WORDS = 6
# Hard-wrapped text breaks lines at 60-80 characters; a shorter line without closing punctuation is a
# headline or label, and the lower-case line after it ("by Jane Roe") is not its continuation.
WRAP_MIN_CHARS = 40
# Words no sentence or headline ends on (articles, conjunctions, possessives, "of"), in the languages
# readout reads: a hard-wrapped line ending on one continues on the next line whatever its first letter.
# Words that can close a clause as particles or pronouns ("out", "on", "in", "auf", "it") are left out.
WRAP_OPEN_WORDS = wordset("""the a an of and or but with from into than its their our your my these
    those whose der die das den dem des ein eine einen einem eines und oder mit le la les un une des du
    et ou au aux el los las una del y al os um uma da dos das il lo gli della dei di het een en van""")
# A line's script is read from its first characters: enough letters to tell, linear time however long.
SCRIPT_SAMPLE_CHARS = 300
# Function-word density of the capture's own language above which a line cannot be in another language
# (its own function words alone are a fifth of its words): the costlier foreign check is skipped.
FOREIGN_CHECK_BELOW = 0.2
# A line counts as in a script when it has at least this many letters.
SCRIPT_MIN_LETTERS = 4
# A Latin-script line is in another language when another language's function words outnumber the
# capture's own by this factor, with at least FOREIGN_MIN_HITS of them.
FOREIGN_FACTOR = 2
FOREIGN_MIN_HITS = 2
# The capture's language is named only when its function words appear at least this often.
LANGUAGE_MIN_HITS = 3

# --- comment threads (comments.py) -----------------------------------------------------------------------

# How many non-blank lines after a header are read to confirm that a thread follows it.
CONFIRM_WINDOW = 10
# Author-like lines among those needed to confirm a thread without controls or timestamps: three short
# name lines in ten is a thread's rhythm; an article's subheadings are spaced by whole paragraphs.
CONFIRM_AUTHORS = 3
# Thread headers, author lines and stamps are short; longer lines are never looked at as thread openers
# (a "N thoughts on “<headline>”" header fits in this many characters).
THREAD_CUE_MAX_CHARS = 200
# A thread without a header opens only after this many words of prose (sentences of 8 words or more):
# under a headline and a one-sentence standfirst, a name and a date are the byline, not a comment.
THREAD_MIN_ARTICLE_WORDS = 50
# ... and only when at least this many entries (a name with its stamp, "X says:") open within this many
# lines: one name and a time can be a byline or a live blog's first update, two make a thread's rhythm.
THREAD_MIN_ENTRIES = 2
THREAD_ENTRY_WINDOW = 14
# An author line with its verb or stamp ("Jane Roe says:", "jroe · 2h") has at most this many words.
AUTHOR_LINE_MAX_WORDS = 8
# A date on its own under an author is at most this long ("Wednesday, 12 September 2024").
DATE_STAMP_MAX_CHARS = 40

# --- gates of the rule cascade (text.py's ``rule_label``) -------------------------------------------------

# The patterns the cascade matches at the start of a stripped line, by name.
LINE_START_PATTERNS = {
    "copyright": COPYRIGHT, "caption": CAPTION, "byline": BYLINE, "reading_time": READING_TIME, "url": URL,
    "ad_label": AD_LABEL, "skip_link": SKIP_LINK, "numeric_only": NUMERIC_ONLY,
    "position_counter": POSITION_COUNTER, "thread_header": THREAD_HEADER, "related_heading": RELATED_HEADING,
    "tags_prefix": TAGS_PREFIX, "pointer_prefix": POINTER_PREFIX}
ASCII_CHARS = tuple(map(chr, range(128)))


Prefixes = dict[str, frozenset[str] | None]


def first_pairs(pattern: re.Pattern[str]) -> Prefixes | None:
    """How a match of ``pattern`` at the start of a string can begin: each ASCII character it can start
    with, mapped to the ASCII characters that can follow it (None: any character, or the end); None when
    anything may (a construct this reading does not cover, or a match of nothing). Read from the parsed
    pattern: each one-character construct is tried on every ASCII character by the regex engine itself, so
    case folding (flags scoped or not) and character classes count exactly as in matching; lookarounds and
    word boundaries only narrow a match and are passed over; an end of string at the start stands for the
    line break before which it matches. Most lines of a page start with two characters that open none of
    the cascade's phrases (``may_start``): their failed matches are skipped, with the same outcome."""
    parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    ops = sre_constants
    one_char = {ops.LITERAL, ops.NOT_LITERAL, ops.IN, ops.ANY, ops.CATEGORY}
    at_end = {ops.AT_END, ops.AT_END_STRING, ops.AT_END_LINE}
    repeats = (ops.MAX_REPEAT, ops.MIN_REPEAT)
    Stack = tuple[tuple[Any, Any, int], ...]  # the constructs still to match, each with its flags

    def chars(op: Any, av: Any, flags: int) -> frozenset[str]:
        single = sre_compile.compile(sre_parse.SubPattern(parsed.state, [(op, av)]), flags)
        return frozenset(char for char in ASCII_CHARS if single.match(char))

    def items(body: Any, flags: int) -> Stack:
        return tuple((op, av, flags) for op, av in body)

    def first(stack: Stack) -> tuple[set[str] | None, bool]:  # (first characters, may match nothing)
        found: set[str] = set()
        for op, av, flags in stack:
            if op in one_char:
                return found | chars(op, av, flags), False
            if op is ops.AT:
                if av in at_end:
                    return found | {"\n"}, False
                continue
            if op in (ops.ASSERT, ops.ASSERT_NOT):
                continue
            if op is ops.BRANCH:
                parts = [first(items(branch, flags)) for branch in av[1]]
                empty = any(part_empty for _, part_empty in parts)
            elif op is ops.SUBPATTERN:
                _, add, drop, body = av
                parts = [first(items(body, (flags | add) & ~drop))]
                empty = parts[0][1]
            elif op in repeats:
                parts = [first(items(av[2], flags))]
                empty = parts[0][1] or av[0] == 0
            else:
                return None, False
            for got, _ in parts:
                if got is None:
                    return None, False
                found |= got
            if not empty:
                return found, False
        return found, True

    def merge(into: dict[str, frozenset[str] | None], more: Prefixes) -> None:
        for char, seconds in more.items():
            if char not in into:
                into[char] = seconds
            else:
                known = into[char]
                into[char] = None if known is None or seconds is None else known | seconds

    def pairs(stack: Stack) -> Prefixes | None:
        for index, (op, av, flags) in enumerate(stack):
            rest = stack[index + 1:]
            if op in one_char:
                seconds, empty = first(rest)
                following = None if seconds is None or empty else frozenset(seconds)
                return {char: following for char in chars(op, av, flags)}
            if op is ops.AT:
                if av in at_end:
                    return {"\n": None}
                continue
            if op in (ops.ASSERT, ops.ASSERT_NOT):
                continue
            if op is ops.BRANCH:
                found: dict[str, frozenset[str] | None] = {}
                for branch in av[1]:
                    got = pairs(items(branch, flags) + rest)
                    if got is None:
                        return None
                    merge(found, got)
                return found
            if op is ops.SUBPATTERN:
                _, add, drop, body = av
                return pairs(items(body, (flags | add) & ~drop) + rest)
            if op in repeats:
                low, high, body = av
                if high == 0:
                    continue
                got, empty = first(items(body, flags))
                if got is None or empty:
                    return None
                again = (op, (max(low - 1, 0), high if high == ops.MAXREPEAT else high - 1, body), flags)
                unrolled = pairs(items(body, flags) + (again,) + rest)  # one turn, then the others
                if unrolled is None:
                    return None
                if low == 0:
                    skipped = pairs(rest)
                    if skipped is None:
                        return None
                    merge(unrolled, skipped)
                return unrolled
            return None
        return None

    return pairs(items(parsed, pattern.flags))


def may_start(prefixes: Prefixes | None, text: str) -> bool:
    """Whether a pattern whose ``first_pairs`` are ``prefixes`` may match at the start of ``text``: False
    only when its first two characters rule that out."""
    if prefixes is None or not text:
        return True
    first = text[0]
    if first not in prefixes:
        return not first.isascii()
    seconds = prefixes[first]
    return seconds is None or len(text) < 2 or text[1] in seconds or not text[1].isascii()


class Anchored:
    """A pattern matched at the start of texts, with how its matches can begin (``first_pairs``): a text
    that starts otherwise fails at once, without a pass of the regex engine over a case-insensitive
    alternation (same result, a fraction of the time on most lines of a page)."""

    __slots__ = ("prefixes", "regex")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        self.prefixes = first_pairs(regex)

    def match(self, text: str) -> re.Match[str] | None:
        if may_start(self.prefixes, text):
            return self.regex.match(text)
        return None


class Cued:
    """A search for a pattern whose alternatives either contain one of ``cues`` or are anchored at the start
    (``^``, no MULTILINE): in a text holding no cue only the anchored ones can match, and only at its start,
    so a match there is the whole search (same result, one position tried instead of every one)."""

    __slots__ = ("cues", "regex")

    def __init__(self, regex: re.Pattern[str], cues: tuple[str, ...]) -> None:
        self.regex = regex
        self.cues = cues

    def search(self, text: str) -> re.Match[str] | None:
        if any(map(text.__contains__, self.cues)):
            return self.regex.search(text)
        return self.regex.match(text)


# The two searches of capture-time stamps over lower-cased lines, each unanchored alternative holding a cue.
CAPTURE_TIME_WIDGET_SEARCH = Cued(CAPTURE_TIME_WIDGET, ("left", "countdown"))
RELATIVE_TIME_SEARCH = Cued(RELATIVE_TIME, ("ago", "read"))


def _by_prefix(patterns: dict[str, re.Pattern[str]]) -> dict[str, frozenset[str]]:
    """For each string of one or two ASCII characters, the names of the patterns that may match a line
    starting with it (``may_start``)."""
    prefixes = {name: first_pairs(pattern) for name, pattern in patterns.items()}
    table: dict[str, frozenset[str]] = {}
    interned: dict[frozenset[str], frozenset[str]] = {}
    for head in ASCII_CHARS:
        for text in (head, *(head + char for char in ASCII_CHARS)):
            names = frozenset(name for name, known in prefixes.items() if may_start(known, text))
            table[text] = interned.setdefault(names, names)
    return table


LINE_START_BY_PREFIX = _by_prefix(LINE_START_PATTERNS)
ALL_LINE_START = frozenset(LINE_START_PATTERNS)  # a line starting with any other characters
