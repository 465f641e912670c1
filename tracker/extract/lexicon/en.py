"""English: the words extraction knows, and nothing else (no regexes, no code).

Kept in the shape of spaCy's ``lang/`` data and textacy's table of reporting verbs: each list is general
English, never one article's wording. Algorithms compile what they need from here once, at import.
"""
from __future__ import annotations


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


# --- cue verbs ------------------------------------------------------------------------------------------------
# lemma -> flags. The third person, past and present participle are derived (see ``lexicon.verb_forms``).
#   base      the bare form is a cue too ("they say", "analysts think"); off where it is mostly a noun ("report")
#   animate   a cue only with a person, a name, a pronoun or a human group as subject ("analysts suggested", not
#             "the data suggests")
#   that      reports something only before "that" or a colon ("ruled that", not "ruled the country")
#   as        a judgement only with "as" soon after or "that" ("dismissed the plan as desperate", not "dismissed
#             the suit"; "voters see him as honest")
#   speech    an act unless a "that", a colon, a quotation or a question word follows ("urged them to go" is an act),
#             a quotation comes right before ("“…,” she continued") or right after its object ("called it “a farce”")
#   inverts   may follow its content and precede its speaker ("…, said Ana Ruiz")
#   leads     its participle opens reported speech (", adding that …")
#   stance    what it reports is a position, not a fact (the claim's kind)
#   relay     its subject passes on what others said ("Tass reported")
#   relative  a cue inside a relative clause ("a plan which her office says would …")
#   claim     also a verb of winning ("claimed the title"): a cue only before a reported clause
#   noun      the bare and -s forms are common nouns too ("support", "calls"): not a verb when clauses are cut
#   no-s      the -s form is mostly a plural noun ("projects")
#   to        a view only before "to", "that", "as" or "like" ("seemed to agree"; "appeared at the rally")
#   answer    a reply unless deeds follow ("responded within minutes", "responded by closing the road")
#   verb-s    the -s form is never a plural noun ("says")
#   no-ing    the -ing form is mostly an adjective or noun
#   demand    with "for" right after it, a demand its subject makes ("called for a ban"), though the verb alone is
#             an act ("called the office"), as is a request of someone ("called on Congress to act", like "urged")
#   data      an "animate" verb that a poll, a study, data or records can have as subject ("the poll suggests")
#   topic     says something only before what it is about ("spoke about the plan", "spoke of", "spoke to reporters",
#             "spoke out against"), "that", a colon or a quotation; "spoke for an hour" reports nothing
CUE_VERBS: dict[str, str] = {
    # verbs of saying: their subject is the speaker whatever it is ("the ministry said")
    "say": "base inverts leads relative verb-s",
    "tell": "leads verb-s",
    "add": "inverts leads",
    "announce": "leads",
    "warn": "base inverts leads stance",
    "write": "inverts leads",
    "report": "inverts relay",
    "claim": "inverts leads stance relative claim",
    "insist": "base inverts leads stance",
    "proclaim": "inverts leads",
    "state": "",
    "explain": "base inverts",
    "note": "inverts leads",
    "argue": "base inverts leads stance",
    "stress": "inverts leads",
    "confirm": "",
    "deny": "",
    "vow": "stance",
    "pledge": "stance",
    "promise": "base stance",
    "predict": "base leads stance",
    "estimate": "relative",
    "acknowledge": "base leads",
    "admit": "",
    "allege": "",
    "declare": "inverts leads",
    "tweet": "inverts",
    "assert": "",
    "maintain": "that",
    "caution": "",
    "concede": "",
    "counter": "inverts",
    "reply": "inverts answer",
    "protest": "speech noun",
    "cheer": "speech",
    "respond": "inverts answer",
    "reveal": "",
    "disclose": "",
    "emphasise": "",
    "emphasize": "",
    "recall": "",
    "complain": "",
    "defend": "stance",
    "contend": "",
    "observe": "",
    "comment": "noun",
    "remark": "noun",
    "urge": "speech stance",
    "ask": "inverts speech",
    "continue": "inverts speech",
    "speak": "animate topic",
    "reiterate": "inverts leads",
    "underscore": "inverts leads",
    "testify": "",
    "recount": "",
    "joke": "inverts",
    "quip": "inverts",
    "muse": "inverts",
    "fume": "inverts stance",
    "exhort": "speech",
    "read": "speech",
    "retort": "inverts",
    "boast": "inverts stance",
    "concur": "base",
    "hint": "animate data",
    "imply": "animate data",
    "remind": "",
    "wonder": "base animate",
    "shout": "inverts speech",
    "yell": "inverts speech",
    "chant": "speech",
    "post": "speech no-s",
    "retweet": "speech",
    "request": "speech noun",
    "encourage": "speech",
    "apologise": "animate",
    "apologize": "animate",
    # verbs of judging: "the Tories dismissed the plan as desperate" is the Tories' position
    "dismiss": "as stance",
    "describe": "stance",
    "brand": "as stance",
    "hail": "stance",
    "praise": "stance",
    "criticise": "stance",
    "criticize": "stance",
    "denounce": "stance",
    "condemn": "stance",
    "welcome": "stance",
    "applaud": "stance",
    "tout": "stance",
    "lament": "stance",
    "bemoan": "stance",
    "decry": "stance",
    "mock": "stance",
    "ridicule": "stance",
    "slam": "stance no-s",
    "assail": "stance",
    "liken": "stance",
    "portray": "as stance",
    "label": "as stance noun",
    "reject": "animate stance",
    "attack": "as stance noun",
    "identify": "as",
    "charge": "that",
    "discover": "that",
    "accuse": "stance",
    "blame": "base stance",
    "demand": "",
    "recommend": "speech",
    "propose": "speech",
    "agree": "speech",
    "call": "base speech noun demand",
    "cite": "",
    "mention": "",
    "express": "",
    "question": "noun",
    "repeat": "",
    "echo": "noun",
    "blast": "stance noun",
    "challenge": "noun",
    "refer": "",
    "assure": "",
    "highlight": "noun",
    "deem": "stance",
    "point": "topic",
    "learn": "that",
    "show": "base noun",
    "talk": "animate",
    "discuss": "base animate",
    # verbs of finding: "the judge ruled that …", "the study found that …" report a conclusion
    "rule": "that leads",
    "find": "that",
    "conclude": "that leads inverts",
    "project": "that no-s no-ing",
    # verbs of thinking: a cue only with someone as subject
    "suggest": "base animate stance data",
    "believe": "base animate stance relative",
    "think": "base animate stance relative",
    "expect": "base animate stance relative",
    "fear": "base animate stance noun",
    "hope": "base animate stance noun",
    "signal": "animate data",
    "indicate": "animate data",
    "see": "base animate stance as",
    "know": "base animate",
    "feel": "base animate stance",
    "understand": "base animate",
    "remember": "animate",
    "worry": "base animate stance noun",
    "consider": "animate stance",
    "seem": "animate stance to",
    "appear": "animate stance to",
    # verbs of wanting and intending: the subject's position
    "want": "base animate stance",
    "seek": "base animate stance",
    "plan": "animate noun no-ing",
    "view": "base animate stance as noun",
    "offer": "animate noun",
    "refuse": "animate",
    "support": "base animate stance noun",
    "oppose": "base animate stance",
    "endorse": "base animate stance",
    "prefer": "base animate stance",
    "advocate": "animate stance no-s",
    "envision": "animate stance",
    "threaten": "animate stance to",
    "fret": "base animate stance",
    "suspect": "base animate stance that",
    "anticipate": "animate stance",
    "speculate": "animate stance",
    "realize": "animate",
    "realise": "animate",
    "assume": "animate stance that",
    "intend": "animate stance",
    "voice": "animate stance noun",
    "embrace": "animate stance",
    "rail": "animate stance no-s",
    "vouch": "animate",
    "invoke": "animate",
    "outline": "animate",
    "detail": "animate noun",
    "attribute": "animate",
    "congratulate": "animate",
    "doubt": "base animate stance noun",
    "forecast": "stance no-s",
    "back": "animate stance no-s noun",
    # idioms of saying: the first word is inflected, the rest kept ("made it clear", "puts it")
    "make clear": "animate stance",
    "make it clear": "animate stance",
    "make the case": "animate stance",
    "put it": "speech inverts",
    "take issue": "animate stance topic",
}

IRREGULAR_VERBS: dict[str, tuple[str, str, str]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "writing"),
    "think": ("thinks", "thought", "thinking"),
    "find": ("finds", "found", "finding"),
    "signal": ("signals", "signalled", "signalling"),
    "counter": ("counters", "countered", "countering"),
    "see": ("sees", "saw", "seeing"),
    "know": ("knows", "knew", "knowing"),
    "feel": ("feels", "felt", "feeling"),
    "understand": ("understands", "understood", "understanding"),
    "seek": ("seeks", "sought", "seeking"),
    "plan": ("plans", "planned", "planning"),
    "refer": ("refers", "referred", "referring"),
    "speak": ("speaks", "spoke", "speaking"),
    "read": ("reads", "read", "reading"),
    "quip": ("quips", "quipped", "quipping"),
    "fret": ("frets", "fretted", "fretting"),
    "concur": ("concurs", "concurred", "concurring"),
    "make": ("makes", "made", "making"),
    "take": ("takes", "took", "taking"),
    "put": ("puts", "put", "putting"),
}
# past tenses that do not end in -ed: a verb in a phrase ("put out a statement saying …")
IRREGULAR_PAST = _words(
    "won went took made said gave got came saw set put ran fell rose began became held left lost met paid sold "
    "told thought brought bought built kept led meant sent spent stood struck wrote hit cut let read spread cost "
    "grew knew drew threw flew chose spoke broke froze drove rode shot fought caught taught sought found")
# verbs whose final consonant doubles before -ed and -ing (stressed last syllable): "admitted", "regretted"
DOUBLING_VERBS = _words("slam admit commit regret submit permit omit refer prefer confer occur compel rebut")
# the other spellings the derivation does not give: "signaled" beside "signalled"
EXTRA_VERB_FORMS: dict[str, str] = {"signaled": "signal", "signaling": "signal"}

# what may stand between a subject and the bare form of its cue verb: "she would support", "he did tell",
# "Ruiz went on to say" (a negation is not among them: "did not say whether" reports nothing said)
AUXILIARIES = _words("did does do would will can could may might should must shall")
# the same, written against the subject: "he’ll say", "she'd argue"
CONTRACTED_AUXILIARIES = _words("’ll 'll ’d 'd")
AUXILIARY_PHRASES = ("went on to", "goes on to", "go on to", "going on to", "continued to", "continues to",
                     "tried to", "tries to", "trying to", "try to", "sought to", "seeking to", "attempted to",
                     "was quick to", "were quick to", "is quick to", "are quick to", "hastened to", "taking pains to",
                     "took pains to", "went out of his way to", "went out of her way to", "went out of their way to")

# cue verbs that still report with a particle after them ("pointed out that", "spoke out against"); other verbs
# followed by a particle report nothing ("reports back", "adds up")
PARTICLE_CUES = _words("point speak say")

# what a verb of the ``topic`` kind needs after it to report something
TOPIC_WORDS = _words("about of to out against with")

# the phrase "according to": the source follows it
ACCORDING_TO = ("according to", "According to")


# --- the grammar around a cue ---------------------------------------------------------------------------------
SUBORDINATORS = _words("once when after before if as while although though because since unless until despite given")
# words that end a speaker phrase read backwards from its verb
BOUNDARY_WORDS = _words(
    "that which who whom whose while but or when as because after before if what where whereas although though "
    "so than since until unless whether once with amid despite")
# auxiliaries and time words between subject and verb ("Pushilin late Thursday warned")
FILLER = _words(
    "also has have had previously earlier later repeatedly recently reportedly then now again further separately "
    "last late early this on monday tuesday wednesday thursday friday saturday sunday week month year "
    "yesterday today tonight never not n't always already once publicly privately subsequently initially "
    "himself herself itself themselves first soon quickly swiftly officially formally finally immediately "
    "promptly openly separately widely often still just morning afternoon evening night weekend tonight")
# nouns that can speak: "officials said", "analysts believe"; words ending like agents count too
ANIMATE_NOUNS = _words(
    "official officials analyst analysts expert experts observer observers authorities lawmakers minister ministers "
    "leader leaders critics residents sources diplomats investigators police prosecutors researchers scientists "
    "economists people voters spokesman spokeswoman spokesperson government governments president west allies "
    "campaigners activists officers troops members executives witnesses doctors bloggers commentators historians "
    "strategists planners generals media press agency agencies outlets newspaper newspapers broadcaster "
    "broadcasters surveyed respondents team teams campaign campaigns camp aide aides staff staffers candidate "
    "candidates senator senators governor governors mayor mayors judge judges justices republicans democrats "
    "conservatives liberals progressives moderates americans public party parties administration committee "
    "council union unions group groups company companies firm firms panel board man woman men women family "
    "families host hosts audience crowd")
ANIMATE_SUFFIXES = ("ist", "ists", "ers", "ors", "ian", "ians", "ents", "ates")
# what is won or taken, never said: "claimed the title", "claimed the lives of 40 people"
WON = _words(
    "win wins victory victories title titles crown trophy trophies medal medals gold silver bronze lives life seat "
    "seats spot place prize point points wicket wickets pole championship championships cup scalp responsibility "
    "credit throne honours honors double treble draw share")
# objects after "claimed" that make it winning, not saying
CLAIM_OBJECTS = _words("victory victories gold silver bronze responsibility credit asylum benefit benefits")
# figures after "put … at": "put the death toll at 11"
ESTIMATE_NOUNS = _words(
    "toll number figure cost total count bill damage losses value tally estimate crowd turnout attendance deficit "
    "shortfall")
# shares of a population: "three-fourths said", "a majority say"
SHARE_WORDS = _words("majority minority plurality most half thirds fourths fifths quarters tenths many few")
# how a figure may still change: "the toll could still rise"
FIGURE_CHANGES = _words("rise climb increase grow change fall drop be revised go up")
NUMBER_WORDS = _words("one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
                      "fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions "
                      "billion half third quarter dozen dozens")
POSSESSIVE_DETERMINERS = _words("her his its their our")
NEW_SUBJECTS = _words("there it they he she we")
# what follows "responded" when it was done, not said: "responded within minutes", "responded by sending troops"
ANSWERED_IN_DEEDS = _words("within in by after quickly swiftly immediately promptly rapidly fast")
# words before a colon that head a line rather than name a speaker ("Update: …", "Watch: …")
HEADING_WORDS = _words(
    "update updated note correction clarification editor watch read related photos photo video videos breaking "
    "exclusive analysis opinion live listen see also source sources warning spoiler q a faq summary background "
    "timeline what why how who when where here transcript full text answer question")
# "is expected to", "was said to": reported by someone the article does not name
PASSIVE_REPORT_VERBS = _words("expected believed said reported thought understood rumoured rumored alleged "
                              "estimated known feared")
# words that open a speaker phrase after an inverted cue: "said one party activist", "said a spokeswoman"
SPEAKER_DETERMINERS = _words("the a an its their his her one another two three several some many")
# words after which a noun, not a verb, follows: "the states", "his remarks", "more questions"
DETERMINERS_BEFORE_NOUN = _words("the a an his her its their our my your this these those some many more most few "
                                 "several all both no any such other")
DETERMINERS = _words("the a an more about nearly almost some many most")


# --- names ----------------------------------------------------------------------------------------------------
TITLES = _words(
    "president vice prime speaker minister ministers secretary secretary-general general chancellor senator sen "
    "gov governor mayor king queen prince princess pope dr doctor mr mrs ms miss sir dame lord lady judge "
    "justice chief executive director chairman chairwoman chair spokesman spokeswoman spokesperson "
    "commissioner ambassador envoy gen lt col colonel major captain capt sgt sergeant admiral adm "
    "commander rep representative leader deputy foreign defence defense interior finance health "
    "home justice trade industry culture education transport shadow former acting interim professor prof "
    "coach manager boss striker midfielder defender goalkeeper star singer actor actress chief-executive "
    "head founder co-founder presenter analyst economist lawyer attorney general-secretary ceo cfo coo mp mep "
    "premier president-elect rev reverend father bishop archbishop cardinal sheikh emir ayatollah "
    "lieutenant state opposition labour conservative republican democratic democrat")
ORG_WORDS = _words(
    "institute institution university college school ministry department office council committee commission "
    "agency bank fund party union association federation league group company corporation corp inc ltd plc llc "
    "co board court parliament congress senate assembly government administration authority authorities "
    "service services foundation trust centre center society organisation organization network news times "
    "post journal herald telegraph guardian tribune press daily radio television tv channel broadcasting "
    "club team fc united city nations alliance coalition forces army navy police command republic republics "
    "kremlin pentagon whitehall commons lords cabinet bureau exchange endowment programme program project "
    "review chamber chambers house industries holdings motors airlines systems technologies labs studios records "
    "academy museum hospital church institute's lab laboratory firm partners capital securities staff "
    "headquarters ministries directorate software electronics pharmaceuticals telecom telecoms "
    "communications entertainment airways railways insurance petroleum logistics consulting energy research "
    "analytics advisers advisors economics associates strategies")
# the last word of a newspaper's or agency's name: "The Sunday Telegraph", "Financial Times", "Associated Press"
NEWSPAPER_HEADS = _words(
    "times telegraph guardian post journal herald tribune mirror express mail independent observer gazette "
    "chronicle standard economist press")
# a definite description that means the outlet named before: "the newspaper suggested"
OUTLET_HEADS = _words("newspaper paper broadcaster network channel station magazine tabloid")
PLACE_WORDS = _words(
    "river sea ocean oblast region province state states street square mountains mountain island islands "
    "peninsula valley lake bay gulf county district city town village airport station bridge road avenue "
    "charter treaty accord act bill war cup championship open league prix games olympics festival awards "
    "award prize day week year month")
OUTLET_WORDS = _words(
    "agency newspaper broadcaster television tv radio channel media outlet wire daily magazine network "
    "tabloid website news")
# words of business news: a one-word name as their subject is a company ("Castlemere cut 300 jobs")
BUSINESS_CONTEXT = _words(
    "jobs shares profit profits sales revenue revenues customers prices stores shops staff employees workers "
    "plant factory factories products brand merger takeover stake investors dividend earnings losses orders "
    "contract contracts outlets branches")
MONTHS = _words("january february march april may june july august september october november december")
# month names in lower case that are also common words ("may", "march"): a month in chat or a comment only with a
# day or a year beside it ("may 5th", "march 2030")
MONTH_HOMOGRAPHS = _words("may march mar")
# words before a figure that make it a count, not a year, whatever follows ("some 1900 staff")
COUNT_HEDGES = _words("about around some nearly almost over under than roughly approximately only just least most "
                      "another extra additional")
# units and currencies in the singular, which a figure before them measures rather than dates ("1500 metre", "1900 yen")
MEASURE_WORDS = _words("metre meter mile foot feet inch yard kilometre kilometer tonne ton pound ounce litre liter "
                       "gallon barrel acre hectare yen won yuan rand baht naira ringgit rupiah zloty euro dollar "
                       "hour minute second day week month year degree")
# words after a figure that are no noun it could date ("1996 and", "1996 when")
NOT_NOUNS_AFTER_A_YEAR = _words("and or but to of in on at by for from with as than that which who when where while "
                                "because if so per was were is are be been had has have will would said says")
# wire services and broadcasters that articles cite as relays; general knowledge, not any one story
KNOWN_OUTLETS = _words(
    "tass reuters ap afp interfax ria xinhua bloomberg bbc cnn nbc abc cbs fox yonhap kyodo ansa efe dpa "
    "ukrinform irna sana wafa anadolu unian ria-novosti sputnik rt al-jazeera")
# the names wire services go by in credits, as the outlet calls itself in full
OUTLET_CANONICAL: dict[str, str] = {
    "ap": "The Associated Press", "associated press": "The Associated Press",
    "the associated press": "The Associated Press", "afp": "AFP", "agence france-presse": "AFP",
    "reuters": "Reuters", "thomson reuters": "Reuters", "cnn": "CNN", "bbc": "BBC", "the bbc": "BBC",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg", "upi": "UPI", "dpa": "dpa"}
PRONOUNS: dict[str, str] = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "org",
                            "they": "group", "we": "group", "i": "person"}
PRONOUN_SEX: dict[str, str] = {"he": "m", "him": "m", "she": "f", "her": "f"}
# capitalized words that never start a name
NOT_NAMES = _words(
    "the a an this that these those it he she they we i in on at by for from with as but and or if when while "
    "after before since until during monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december jan feb mar apr jun jul "
    "aug sep sept oct nov dec mr mrs ms dr there here what why how who where some many most all both "
    "several other another one two three four five however meanwhile still yet so also today yesterday "
    "tomorrow last next earlier later its his her their our my your then now")
# nouns that stand for an organization named before: "the company", "the chain", "the network"
# besides the animate nouns, the people a participle after them describes: "those surveyed say", "adults polled said"
PEOPLE_PRONOUNS_AND_NOUNS = _words("those adults americans")
# given names and surnames that end in -ing, told apart from a gerund opening a sentence ("Entrusting Ana Ruiz …")
GIVEN_NAMES_IN_ING = _words("sterling irving channing ewing manning fleming browning harding cumming deming "
                            "golding goring kipling")
# plural nouns with no -s, which a bare verb agrees with at a sentence's start: "Police say …", "People think …"
PLURALS_WITHOUT_S = _words("police people staff crew children men women personnel clergy youth cattle folk")
ORG_HEADS = _words(
    "company firm group chain retailer supermarket bank lender insurer carrier airline network agency ministry "
    "organisation organization institute union club business manufacturer maker operator broadcaster "
    "newspaper publisher charity regulator watchdog carmaker automaker giant producer developer miner "
    "exchange conglomerate brewer telecom")
BUSINESS_HEADS = _words(
    "company firm chain retailer supermarket bank lender insurer carrier airline manufacturer maker operator "
    "business publisher carmaker automaker giant producer developer miner conglomerate brewer")
# words in the name of a public body: "the company" never means the statistics office
PUBLIC_BODY_WORDS = _words(
    "Office Ministry Department Agency Commission Council Committee Authority Bureau Institute University Court "
    "Parliament Police Service Statistics Government Administration Board Union Association Federation Reserve "
    "Treasury Senate Congress Nations")
# nouns that can only mean a person: "the Dutchman", "the 26-year-old", "the veteran", "the striker"
EPITHET_ENDINGS = (
    "man", "woman", "year-old", "veteran", "star", "champion", "player", "singer", "actor", "actress", "winger",
    "keeper", "skipper", "boss", "captain", "coach", "striker", "midfielder", "defender", "forward", "rapper",
    "musician", "writer", "author", "director", "chief", "spokesperson", "official", "lawmaker", "senator",
    "candidate")
# "the Portuguese", "the Brazilian", "the Scot": a nationality as a noun means the person in the foreground
DEMONYMS = _words(
    "portuguese brazilian argentine argentinian spaniard italian german frenchman dutchman "
    "belgian swiss austrian swede norwegian dane finn icelander pole czech slovak "
    "hungarian romanian bulgarian croat croatian serb serbian bosnian slovenian greek turk albanian "
    "russian ukrainian belarusian georgian armenian englishman scot scotsman welshman irishman briton brit "
    "american canadian mexican colombian chilean uruguayan peruvian venezuelan ecuadorian paraguayan "
    "jamaican nigerian ghanaian senegalese cameroonian ivorian egyptian moroccan algerian tunisian kenyan "
    "ethiopian south african australian kiwi japanese chinese korean indian pakistani iranian iraqi "
    "israeli saudi syrian lebanese afghan")
WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
PARTY_MEMBERS = _words("democrats republicans conservatives liberals tories greens socialists communists "
                       "unionists nationalists loyalists republicans labourites independents")
NAME_PARTICLES = _words("de van von bin da di du le la der den del dos al")
PREPOSITIONS = _words(
    "with of in on at by for from to against over about into onto among between toward towards under "
    "within without")
PARTICIPLE_OBJECT = _words("the a an that its their his her to on in for with by from at")
FEMALE_TITLES = _words("ms mrs miss dame lady queen princess")
MALE_TITLES = _words("mr sir lord king prince")
HONORIFICS = _words("mr mrs ms miss dr")
GENDERED_TITLES = _words("mr mrs ms miss sir dame lord lady")
KIN = _words("daughter son wife husband mother father brother sister widow widower partner fiancee fiance "
             "girlfriend boyfriend")
# acronyms of places, never of an organization that speaks: "US officials"
PLACE_ACRONYMS = frozenset("UK US USA EU UAE GB".split())
# words that open a sentence before its subject: "However he hopes …"
SENTENCE_ADVERBS = ("However", "But", "And", "Yet", "So", "Meanwhile", "Still", "Now", "Instead", "Indeed", "Also")
# documents that speak for their author: "a statement from the ministry"
DOCUMENT_NOUNS = (
    "statement", "report", "post", "tweet", "video", "letter", "press release", "release", "data", "figures",
    "survey", "study", "research", "poll", "analysis", "assessment", "estimate", "estimates", "document",
    "documents", "filing", "memo", "transcript", "interview", "briefing", "message", "announcement", "update")


# studies and counts that find: "a poll released Wednesday found Ruiz leading", with no "that"
RESEARCH_NOUNS = _words(
    "poll polls polling survey surveys study studies research report reports analysis review audit investigation "
    "inquiry census data figures results researchers")
# nouns that end in -ing, the head of a subject rather than a verb before it: "Exit polling showed …"
ING_NOUNS = _words("polling reporting funding spending building meeting briefing filing ruling hearing finding "
                   "testing screening")
# what shows or suggests something though nobody speaks: "records show", "statistics suggest"
SOURCE_NOUNS = RESEARCH_NOUNS | _words("records documents filings statistics numbers estimates")


# --- sentence ends (segment.py) ---------------------------------------------------------------------------------
# titles and initials: a period after them never ends a sentence ("Gen. Valery", "Dr. Smith")
PERIOD_TITLES = frozenset(
    "mr mrs ms dr prof gen lt col maj capt sgt cmdr adm sen rep gov pres st jr sr rev hon fr mt ft messrs "
    "gens brig supt insp det cpl pvt no nos vol vols fig approx dept univ assn bros".split())
# a period after these may end a sentence; it does only when a typical sentence opener follows
PERIOD_MAYBE = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd plc llc cos etc al vs".split())
SENTENCE_OPENERS = frozenset(
    "the a an he she it they we i you but and in on at this that these those there his her its their our "
    "my mr mrs ms dr however meanwhile still yet so if when while after before as for some many most no "
    "one two three what who why how".split())


# words after "a third" that keep it a share ("a third more", "a third say …"), not a rank ("a third term")
AFTER_A_SHARE = _words("than more less say says think want back support")

# --- cutting sentences into clauses (clauses.py) ---------------------------------------------------------
SUBJECT_START = frozenset(
    "the a an its their his her this these those some many most only all both no several few our my "
    "he she it they we i you one two three four five each every neither either such half none".split())
# a quantity can be the subject ("… and nearly half of that came from a state grant"), not an adverb ("… and
# nearly scored"): these words start a subject only before a number
APPROX = frozenset("nearly almost about roughly around more fewer less over under just some".split())
THERE_VERBS = frozenset("is are was were has have had will would could may might".split())
# a same-subject verb phrase after ", and" is a fact of its own ("filed the lawsuit on Dec. 2, …, and had asked
# the court to …"); without the comma it is usually one act ("was arrested and has been charged")
AUX_AFTER_COMMA = frozenset("has have had is are was were will would could".split())
# "the drug costs about €4,500": a present-tense verb, told from a plural noun by what follows it
PRESENT_OBJECT = frozenset("about around nearly almost more less the a an its their his her some up".split())
FINITE = frozenset(
    "is are was were has have had will would could can may might should must does did do shall "
    "isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't couldn't can't didn't doesn't don't "
    "isn’t aren’t wasn’t weren’t hasn’t haven’t hadn’t won’t wouldn’t couldn’t can’t didn’t doesn’t don’t".split())
STOPS = frozenset("where which who that when whom whose if because as and or".split())
# subordinators that open a clause of its own after a comma ("…, when a rockslide blocked the trail")
SUBORDINATING = ("after", "because", "when", "before", "as", "since")
# subordinators whose clause, right after reported content, is still part of it ("said she left because …")
SUBORDINATE_CONTENT = frozenset(("because", "since", "after", "before", "when", "as", "although", "though",
                                 "even though", "until", "unless", "if"))
CONTRASTING = ("while", "whereas", "although", "though", "even though")
# "… will keep liberating them": a modal after "and" opens a second fact of the same subject; "would" and "could"
# are mostly reported speech's back-shifted tense, one statement with the verb before
NEW_FACT_MODALS = frozenset("will can must should may shall".split())
# adverbs that may stand between "and" and the second verb ("and later reopened the terminal")
PREDICATE_ADVERBS = frozenset("also later then subsequently eventually finally quickly soon since".split())
# adverbs, never a bare-noun subject ("… but still lost the election")
ADVERBS = PREDICATE_ADVERBS | frozenset("still never just even already now again often only ultimately recently yet "
                                        "once instead nonetheless nevertheless".split())
# "was arrested and charged with fraud", "and filed in federal court": a participle before a preposition is the
# passive of the verb before, not a predicate of its own
PASSIVE_PREPOSITIONS = frozenset("by with to up for as in on at into from over under after".split())
# "arrested two men and charged them": a second verb about the same object says nothing checkable of its own
OBJECT_PRONOUNS = frozenset("them it him her us me themselves itself himself herself one".split())
# "a report concluding that …": a participle that reports a statement, without a comma
REPORTING_PARTICIPLES = ("concluding", "finding", "showing", "saying", "warning", "arguing", "stating",
                         "claiming", "suggesting", "confirming")
# "-ing" words that are prepositions, not participles with a fact: ", including 40 children"
NOT_PARTICIPLES = frozenset("including according following during regarding concerning excluding pending "
                            "notwithstanding citing bring bringing thing something nothing anything everything "
                            "morning evening king ring spring string wing".split())
# where a clause begins: "after the organisers and Harbour Trust failed" joins two names in one subject
CLAUSE_OPENERS = frozenset("after before when because as since while although though if that whether once "
                           "until unless where".split())
NAME_LIST_START = frozenset("that both between and or while whether said says told , ( : the".split())
# number words that make a figure of a clause ("two of them", "half of that")
FIGURE_WORDS = _words("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
                      "hundred thousand million billion dozen half third quarter")
FRACTION_WORDS = _words("half halves third thirds quarter quarters fifth fifths sixth sixths seventh sevenths "
                        "eighth eighths ninth ninths tenth tenths")
PLAIN_PRONOUNS = ("it", "he", "she", "they", "we")
COPULAS = frozenset("is are was were remains remained".split())


# --- caveats and hedges ---------------------------------------------------------------------------------------
# case-sensitive on purpose (a case-insensitive alternation is several times slower): sentence-initial forms are
# listed, and capitalized "May" is the month
HEDGES = _words(
    "may might could reportedly allegedly apparently appear appears appeared seem seems seemed suggest suggests "
    "suggested suggesting likely unlikely possibly perhaps probably purportedly Might Could Reportedly "
    "Allegedly Apparently Perhaps Possibly Probably Likely")
# nouns of saying and thinking whose possessor speaks: "the mayor's claim that …", "her warning that …"
SAYING_NOUNS = _words(
    "claim claims assertion view belief argument suggestion promise warning statement remark comment proposal "
    "pledge vow insistence contention allegation accusation position hope hopes fear fears concern message "
    "assessment prediction conclusion finding recommendation demand complaint argument")
# verbs of checking: "has not verified", "could not be independently confirmed"
VERIFICATION_VERBS = ("verify", "confirm", "corroborate", "authenticate")
# what an outlet says it could not check: "could not verify the footage"
REPORTING_OBJECTS = (
    "claim", "report", "figure", "number", "video", "footage", "image", "photo", "picture", "account",
    "information", "details", "allegation", "casualty", "death toll", "authenticity", "veracity", "statement",
    "assertion")
# the subject words of a caveat that name no source: "that count", "the figures"
NOT_SOURCE_WORDS = _words("that this these those their count figures figure data numbers number tally toll "
                          "survey poll")

# ordinal words and how many each counts ("the third month of 2030", "the 9th month of next year")
ORDINAL_WORDS = {w: n for n, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split(), start=1)}

# --- edits between versions of one article (tracker.analysis.reanchor) ------------------------------------------
# words that turn a statement into its denial: a claim whose count of these changed is a changed claim
NEGATIONS = _words("not no never nor none nobody nothing neither nowhere without n't cannot denied denies deny")
# relative day words: "yesterday" and "on Monday" are dates as much as "12 May"
RELATIVE_DAYS = _words("today yesterday tomorrow tonight")
