"""Generate label-0 rows that balance group words across the labels (generated_balance.csv).

Why: the linear model learned group words themselves ("moslims", "trans", "refugees", ...) and
frame words ("zijn", "are", "klas", "zitten", "kinderen") as hate cues, because they occur more
often in label-1 rows than in label-0 rows. This script READS the other training_data/*.csv files
(not regression/, not its own output), counts for every group surface form in LEXICON how many
label-1 and label-0 rows contain it (case-insensitive, whole word), and writes label-0 rows
(positive_mention, neutral_mention, negation) until label-0 reaches a target above label-1 for each
form (max 120 new rows per form). It also writes ~300 abuse_of_object rows per language that use the
emotion verbs and insults of hateful posts against things (printers, weather, wifi, buses).
The frames reuse the structures of hateful rows ("X zijn ...", "ik ... X", "X are ...", "I ... X")
with positive or neutral predicates, so the structure is no label cue.

Deterministic: random.Random(fixed seed), sorted iteration; same input CSVs give the same bytes.
Usage: python generate_balance.py [--out PATH]
"""
import argparse
import csv
import math
import random
import re
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT_NAME = "generated_balance.csv"
SEED = 20240611
CAP_PER_FORM = 120
OBJ_PER_LANG = 300
HEADER = ["text", "label", "category", "lang", "source", "kind"]

# (form, lang, type, group). type: pl = plural noun, adj = adjective, sg = singular noun.
LEXICON = [
    # women
    ("vrouwen", "nl", "pl", "women"), ("meiden", "nl", "pl", "women"),
    ("women", "en", "pl", "women"), ("girls", "en", "pl", "women"), ("woman", "en", "sg", "women"),
    # trans people
    ("trans", "nl", "adj", "trans"), ("transgenders", "nl", "pl", "trans"),
    ("transpersonen", "nl", "pl", "trans"), ("transvrouwen", "nl", "pl", "trans"),
    ("transgender", "en", "adj", "trans"), ("trans women", "en", "pl", "trans"),
    # gay / lesbian / bi
    ("homo's", "nl", "pl", "gay"), ("homo", "nl", "sg", "gay"), ("homoseksuelen", "nl", "pl", "gay"),
    ("lesbiennes", "nl", "pl", "gay"), ("biseksuelen", "nl", "pl", "gay"),
    ("gay", "en", "adj", "gay"), ("gays", "en", "pl", "gay"), ("lesbians", "en", "pl", "gay"),
    ("lesbian", "en", "sg", "gay"), ("bisexual", "en", "adj", "gay"),
    # Black people
    ("zwarten", "nl", "pl", "black"), ("zwarte", "nl", "adj", "black"),
    ("black", "en", "adj", "black"), ("blacks", "en", "pl", "black"),
    # disabled people
    ("gehandicapten", "nl", "pl", "disabled"), ("gehandicapte", "nl", "adj", "disabled"),
    ("mensen met een beperking", "nl", "pl", "disabled"),
    ("disabled", "en", "adj", "disabled"), ("wheelchair users", "en", "pl", "disabled"),
    # Muslims
    ("moslims", "nl", "pl", "muslim"), ("moslim", "nl", "sg", "muslim"),
    ("islamitische", "nl", "adj", "muslim"), ("moslima's", "nl", "pl", "muslim"),
    ("muslims", "en", "pl", "muslim"), ("muslim", "en", "adj", "muslim"),
    # immigrants / refugees / asylum seekers
    ("migranten", "nl", "pl", "immigrant"), ("immigranten", "nl", "pl", "immigrant"),
    ("vluchtelingen", "nl", "pl", "immigrant"), ("asielzoekers", "nl", "pl", "immigrant"),
    ("buitenlanders", "nl", "pl", "immigrant"), ("nieuwkomers", "nl", "pl", "immigrant"),
    ("immigrants", "en", "pl", "immigrant"), ("migrants", "en", "pl", "immigrant"),
    ("refugees", "en", "pl", "immigrant"), ("asylum seekers", "en", "pl", "immigrant"),
    ("foreigners", "en", "pl", "immigrant"),
    # Jews
    ("joden", "nl", "pl", "jewish"), ("jood", "nl", "sg", "jewish"), ("joodse", "nl", "adj", "jewish"),
    ("jews", "en", "pl", "jewish"), ("jewish", "en", "adj", "jewish"),
    # Moroccans
    ("marokkanen", "nl", "pl", "moroccan"), ("marokkaan", "nl", "sg", "moroccan"),
    ("marokkaanse", "nl", "adj", "moroccan"), ("mocro's", "nl", "pl", "moroccan"),
    ("moroccans", "en", "pl", "moroccan"), ("moroccan", "en", "adj", "moroccan"),
    # Turks
    ("turken", "nl", "pl", "turkish"), ("turk", "nl", "sg", "turkish"), ("turkse", "nl", "adj", "turkish"),
    ("turks", "en", "pl", "turkish"), ("turkish", "en", "adj", "turkish"),
    # Poles
    ("polen", "nl", "pl", "polish"), ("poolse", "nl", "adj", "polish"),
    ("poles", "en", "pl", "polish"), ("polish", "en", "adj", "polish"),
    # Surinamese
    ("surinamers", "nl", "pl", "surinamese"), ("surinaamse", "nl", "adj", "surinamese"),
    ("surinamese", "en", "adj", "surinamese"),
    # Roma
    ("roma", "nl", "pl", "roma"), ("romakinderen", "nl", "pl", "roma"),
    ("roma families", "en", "pl", "roma"),
    # older people
    ("ouderen", "nl", "pl", "older"), ("bejaarden", "nl", "pl", "older"), ("oudere", "nl", "adj", "older"),
    ("oude mensen", "nl", "pl", "older"), ("boomers", "en", "pl", "older"),
    ("elderly", "en", "adj", "older"), ("old people", "en", "pl", "older"),
    ("older people", "en", "pl", "older"), ("pensioners", "en", "pl", "older"),
]

# Frame words that the diagnosis flagged; counted for the report only.
CUE_WORDS = ["klas", "onze klas", "zitten", "kinderen", "zijn", "en", "are", "and"]

ADJ_HEADS = {
    "nl": ["mensen", "vrouwen", "mannen", "collega's", "jongeren", "buren", "kinderen", "studenten"],
    "en": ["people", "women", "men", "colleagues", "kids", "neighbours", "students", "folks"],
}

POS = {
    "nl": ["echt de liefste mensen die ik ken", "gewoon super grappig", "hardwerkend en gul",
           "top buren", "ongelooflijk sterk", "een aanwinst voor deze stad", "vaak geweldige koks",
           "de reden dat ons team werkt", "slim en nuchter", "gewoon welkom hier",
           "deel van wat dit land mooi maakt", "geweldige ouders", "echt getalenteerd",
           "eerlijk en warm", "de gastvrijste mensen die er zijn", "mega behulpzaam",
           "net zo Nederlands als ik", "gewoon onze vrienden", "vaak de eersten die helpen",
           "creatief en slim", "sterke en dappere mensen", "een verrijking voor de buurt",
           "gewoon mensen zoals jij en ik", "loyale collega's", "super gezellig op feestjes",
           "de beste trainers die ik heb gehad", "respectvol en vriendelijk", "inspirerend eerlijk gezegd",
           "goud waard", "vaak de hardste werkers op de vloer", "zorgzaam voor de hele straat"],
    "en": ["some of the kindest people i know", "honestly so funny", "hardworking and generous",
           "great neighbours", "incredibly resilient", "an asset to this city", "amazing cooks ngl",
           "the reason our team works", "smart and grounded", "welcome here, full stop",
           "part of what makes this country great", "wonderful parents", "seriously talented",
           "honest and warm", "the most welcoming people ever", "super helpful",
           "just as british as anyone", "our friends, simple as that", "often the first to help out",
           "creative and clever", "strong and brave", "an enrichment for the neighbourhood",
           "just people like you and me", "loyal coworkers", "the life of every party lol",
           "the best coaches i ever had", "respectful and kind", "inspiring tbh", "worth their weight in gold",
           "usually the hardest workers on the floor", "caring towards the whole street"],
}

NEUTRAL_FACT = {
    "nl": ["de markt op zaterdag", "het buurthuis", "de voetbalclub", "de ouderavond", "het schoolplein",
           "de moskee op de hoek", "de bieb", "het zwembad", "de kerstmarkt", "de sportschool",
           "de gemeenteraad", "het buurtfeest", "de bakkerij", "het ziekenhuis", "de tram naar centraal",
           "het muziekfestival", "de taalcursus", "het koor", "de avondwinkel", "de huurdersvereniging"],
    "en": ["the saturday market", "the community centre", "the football club", "parents evening",
           "the playground", "the mosque on the corner", "the library", "the swimming pool",
           "the christmas market", "the gym", "the city council", "the street party", "the bakery",
           "the hospital", "the night bus", "the music festival", "the language course", "the choir",
           "the corner shop", "the tenants meeting"],
}

TAILS = {
    "nl": ["", "", "", " fr", " sws", " 💯", " ❤️", " 🙌", " wollah", " echt waar", " tbh", " 😊",
           " en dat mag gezegd worden", " punt", " haha", " 👍", " toch?", " amai"],
    "en": ["", "", "", " fr", " tbh", " ngl", " 💯", " ❤️", " 🙌", " lol", " honestly", " 😊",
           " and that's that", " period", " haha", " 👍", " no cap", " imo"],
}

# Plural frames: {G} plural group phrase, {P} positive predicate, {F} neutral place/activity.
FRAMES = {
    ("nl", "positive_mention"): [
        "{G} zijn {P}", "eerlijk? {G} zijn {P}", "ik vind {G} {P}", "ik hou van hoe {G} hier alles regelen",
        "we hebben meer {G} nodig in de politiek", "trots op mijn {G} collega's en ik zeg het hardop",
        "{G} verdienen gewoon respect en een eerlijke kans", "ik respecteer {G} enorm",
        "zonder {G} was {F} nooit zo leuk geweest", "ik waardeer {G} echt, ze zijn {P}",
        "alle {G} die ik ken zijn {P}", "shoutout naar de {G} van {F}, jullie zijn top",
        "mensen onderschatten {G}, ze zijn {P}", "{G} maken deze wijk beter",
        "ik kan {G} niet genoeg bedanken voor hun hulp", "{G} horen er gewoon bij",
        "onze {G} zijn {P}", "meer {G} in de zorg graag, ze zijn {P}",
        "dankzij {G} draait {F} nog", "ik ben blij dat er {G} in onze straat wonen",
        "{G}? {P}, klaar", "waarom hoor je nooit dat {G} {P} zijn",
        "ik bewonder {G} die elke dag opstaan en knallen", "{G} mogen trots zijn op zichzelf",
        "ik word blij van {G} op {F}", "respect voor {G}, ze zijn {P}",
        "{G} zijn welkom hier en blijven welkom",
    ],
    ("en", "positive_mention"): [
        "{G} are {P}", "honestly? {G} are {P}", "i find {G} {P}", "i love how {G} show up for each other",
        "we need more {G} in politics", "proud of my {G} colleagues and i'll say it loud",
        "{G} deserve respect and a fair shot", "i respect {G} so much",
        "{F} would never be this fun without {G}", "i really appreciate {G}, they are {P}",
        "all the {G} i know are {P}", "shoutout to the {G} at {F}, you're the best",
        "people underestimate {G}, they are {P}", "{G} make this neighbourhood better",
        "i can't thank {G} enough for their help", "{G} belong here, simple",
        "our {G} are {P}", "more {G} in healthcare please, they are {P}",
        "thanks to {G} {F} is still running", "glad there are {G} living on our street",
        "{G}? {P}, end of story", "why does nobody say that {G} are {P}",
        "i admire {G} who get up every day and grind", "{G} should be proud of themselves",
        "seeing {G} at {F} makes me happy", "respect to {G}, they are {P}",
        "{G} are welcome here and will stay welcome",
    ],
    ("nl", "neutral_mention"): [
        "in onze klas zitten kinderen van {G} en van iedereen eigenlijk",
        "in onze klas zitten ook {G}, gewoon net als overal",
        "er zitten {G} bij mij op de club en we trainen op dinsdag",
        "de kinderen van {G} zitten bij mijn zoontje in de klas",
        "mijn buren zijn {G} en we delen de grasmaaier",
        "op {F} zie je veel {G} op zaterdag", "vandaag in het nieuws: {G} openen een nieuw buurthuis",
        "er komt een documentaire over {G} in de jaren 80, iemand gezien?",
        "hoeveel {G} wonen er eigenlijk in utrecht? vraag voor een werkstuk",
        "bij ons op het werk zijn best veel {G}, vooral in de nachtdienst",
        "de gemeente organiseert een avond met {G} over {F}",
        "mijn oma werkte vroeger met {G} in de fabriek",
        "ons team bestaat uit {G} en een paar studenten",
        "{G} en anderen zitten samen in het bestuur van {F}",
        "artikel gelezen over {G} op de woningmarkt, interessante cijfers",
        "{G} zijn ook gewoon mensen die naar {F} gaan",
        "er stond een rij {G} bij {F} om half negen al",
        "ik interview morgen drie {G} voor mijn scriptie",
        "zijn er {G} die tips hebben voor een goede huisarts in zuid?",
        "podcast aflevering met twee {G} over werk en studie, aanrader",
        "in de trein zaten {G} naast me te kaarten",
        "{G} zitten in onze klas en niemand maakt er een punt van",
        "bij de ouderavond waren {G} en andere ouders, gezellig",
        "mijn vriendengroep: {G}, een paar studenten en ik",
        "de nieuwe trainer zegt dat er steeds meer {G} komen voetballen",
        "volgens het cbs werken veel {G} in de logistiek",
    ],
    ("en", "neutral_mention"): [
        "in our class there are kids of {G} and basically everyone",
        "our class has {G} too, same as anywhere",
        "there are {G} at my club and we train on tuesdays",
        "the kids of {G} are in my son's class",
        "my neighbours are {G} and we share the lawnmower",
        "you see a lot of {G} at {F} on saturdays", "in the news today: {G} open a new community centre",
        "there's a documentary about {G} in the 80s, anyone seen it?",
        "how many {G} live in manchester? asking for a school project",
        "there are quite a few {G} at my work, mostly on the night shift",
        "the council is hosting an evening with {G} about {F}",
        "my gran used to work with {G} at the factory",
        "our team is made up of {G} and a couple of students",
        "{G} and others sit together on the board of {F}",
        "read an article about {G} and the housing market, interesting numbers",
        "{G} are just people who go to {F} too",
        "there was a line of {G} at {F} by half eight already",
        "i'm interviewing three {G} tomorrow for my thesis",
        "any {G} got tips for a good gp in the south?",
        "podcast episode with two {G} about work and uni, recommend",
        "on the train {G} were sitting next to me playing cards",
        "{G} are in our class and nobody makes a thing of it",
        "at parents evening there were {G} and other parents, nice vibe",
        "my friend group: {G}, a few students and me",
        "new coach says more and more {G} are joining the team",
        "according to the stats lots of {G} work in logistics",
    ],
    ("nl", "negation"): [
        "ik haat {G} niet, ik haat het gezeik over ze", "ik heb niks tegen {G} en dat meen ik",
        "{G} zijn niet het probleem, de huurprijzen wel", "geen {G} verdienen zo'n behandeling, echt niet",
        "{G} zijn niet gevaarlijk, stop met die onzin", "ik walg niet van {G}, ik walg van racisme",
        "nee, {G} zijn geen tuig, ze zijn {P}", "ik heb nooit een probleem gehad met {G}",
        "{G} nemen onze banen niet af, doe normaal", "ik kan {G} prima uitstaan, waarom zou ik niet",
        "niemand hoeft bang te zijn voor {G}", "{G} zijn niet minder waard dan wie dan ook",
        "ik ben niet tegen {G}, ik ben tegen haat", "{G} zijn geen last voor deze stad",
        "ik vind {G} helemaal niet eng, ze zijn {P}", "nooit gezegd dat {G} slecht zijn, integendeel",
        "{G} hoeven nergens naar terug, ze wonen hier", "ik heb echt niks tegen {G} hoor, m'n beste maat",
        "het ligt niet aan {G}, het ligt aan het beleid", "{G} zijn niet lui, ze werken zich kapot",
        "geen {G} heeft dit verdiend", "{G} zijn geen bedreiging, punt",
        "ik haat {G} niet en ken ook niemand die dat wel doet", "{G} zijn niet vies of raar, gewoon normaal",
        "waarom zou ik {G} haten? ze zijn {P}", "{G} horen niet weggestuurd te worden",
    ],
    ("en", "negation"): [
        "i don't hate {G}, i hate the endless whining about them", "i've got nothing against {G} and i mean it",
        "{G} are not the problem, rent prices are", "no {G} deserve to be treated like that",
        "{G} are not dangerous, stop the nonsense", "{G} don't disgust me, racism does",
        "no, {G} are not trash, they are {P}", "never had a single problem with {G}",
        "{G} aren't stealing our jobs, get a grip", "i can stand {G} just fine, why wouldn't i",
        "nobody needs to be scared of {G}", "{G} are not worth less than anyone",
        "i'm not against {G}, i'm against hate", "{G} are not a burden on this city",
        "i don't find {G} scary at all, they are {P}", "never said {G} are bad, the opposite actually",
        "{G} don't need to go back anywhere, they live here", "i really have nothing against {G}, my best mate lol",
        "it's not {G}, it's the policy", "{G} aren't lazy, they work themselves to the bone",
        "no {G} deserved this", "{G} are not a threat, period",
        "i don't hate {G} and don't know anyone who does", "{G} aren't gross or weird, just normal",
        "why would i hate {G}? they are {P}", "{G} shouldn't be sent away",
    ],
}

# Singular frames: {S} singular noun (nl without article, en with "a").
SG_FRAMES = {
    ("nl", "positive_mention"): [
        "als {S} ben ik trots op wie ik ben", "mijn beste vriend is {S} en de liefste gast ooit",
        "mijn collega is {S} en echt de slimste van het team", "trots om {S} te zijn, elke dag",
        "ik ben {S} en ik hou van mijn leven", "mijn trainer is {S} en gewoon goud waard",
    ],
    ("en", "positive_mention"): [
        "as {S} i'm proud of who i am", "my best friend is {S} and the sweetest person ever",
        "my coworker is {S} and easily the smartest on the team", "proud to be {S}, every single day",
        "i'm {S} and i love my life", "my coach is {S} and worth her weight in gold",
    ],
    ("nl", "neutral_mention"): [
        "als {S} werk ik in de zorg en zit ik vaak in de nachtdienst", "mijn buurman is {S} en werkt bij de bank",
        "ik ben {S} en ik zit in de klas met mijn neef", "als {S} ga ik zaterdag naar {F}",
        "mijn docent is {S} en geeft aardrijkskunde", "ik ben {S}, student en fan van ajax",
        "onze nieuwe buurvrouw is {S} en heeft twee kinderen",
    ],
    ("en", "neutral_mention"): [
        "as {S} i work in care and often do night shifts", "my neighbour is {S} and works at the bank",
        "i'm {S} and i'm in the same class as my cousin", "as {S} i'm heading to {F} on saturday",
        "my teacher is {S} and teaches geography", "i'm {S}, a student and an arsenal fan",
        "our new neighbour is {S} and has two kids",
    ],
    ("nl", "negation"): [
        "ik heb niks tegen mijn buurman omdat hij {S} is, waarom zou ik", "geen {S} verdient zo'n behandeling",
        "dat hij {S} is maakt hem niet minder", "ik ben {S} en ik ben geen bedreiging voor wie dan ook",
    ],
    ("en", "negation"): [
        "i have nothing against my neighbour for being {S}, why would i", "being {S} doesn't make her any less",
        "no one deserves that just for being {S}", "i'm {S} and i'm not a threat to anyone",
    ],
}

OBJECTS = {  # (noun, is het-word) for nl; plain nouns for en
    "nl": [("printer", 0), ("weer", 1), ("wifi", 0), ("laptop", 0), ("bus", 0), ("app", 0), ("update", 0),
           ("tram", 0), ("verkeer", 1), ("telefoon", 0), ("wekker", 0), ("koffieapparaat", 1),
           ("belastingformulier", 1), ("wasmachine", 0), ("fietsslot", 1), ("examen", 1), ("spel", 1),
           ("oplader", 0), ("router", 0), ("lift", 0), ("website", 0), ("afstandsbediening", 0),
           ("parkeerautomaat", 0), ("toetsenbord", 1), ("huiswerk", 1), ("trein", 0), ("regen", 0),
           ("stofzuiger", 0), ("ov-chipkaart", 0), ("scooter", 0)],
    "en": ["printer", "weather", "wifi", "laptop", "bus", "app", "update", "tram", "traffic", "phone",
           "alarm clock", "coffee machine", "tax form", "washing machine", "bike lock", "exam", "game",
           "charger", "router", "lift", "website", "remote", "parking meter", "keyboard", "homework",
           "train", "rain", "vacuum cleaner", "self checkout", "scooter"],
}
OBJ_FRAMES = {
    "nl": ["ik haat {dit} {o}", "ik walg van {dit} {o}", "ik kan {dit} {o} echt niet uitstaan",
           "kut{o}, doet het wéér niet", "{dit} {o} is echt kanker irritant", "{die} kanker {o} weer, elke keer hetzelfde",
           "ik word gek van {dit} stomme {o}", "wat een tering {o} is dit zeg", "ik heb een hekel aan {dit} {o}",
           "{dit} {o} kan de pleuris krijgen", "ik haat {de} {o} met heel mijn hart", "{de} {o} is een ramp vandaag",
           "waardeloze {o}, ik gooi hem zo uit het raam", "ik word misselijk van {dit} {o}",
           "dood aan {dit} {o} 😤", "ik verafschuw {dit} {o}", "{dit} {o} is echt de slechtste ooit",
           "hoe kan {een} {o} zo dom zijn", "ik ben er zo klaar mee, met {dit} {o}",
           "mijn {o} is echt een stuk vuil", "{dit} {o} zuigt gewoon", "nooit meer {dit} {o}, wat een bagger",
           "ik krijg jeuk van {dit} {o}", "fuck {dit} {o} serieus", "{de} {o} verpest mijn hele dag weer",
           "wie heeft {dit} {o} bedacht, wat een tyfus ding"],
    "en": ["i hate this {o}", "i can't stand this {o}", "i despise my {o}", "this stupid {o} is always broken",
           "this {o} is the worst thing ever made", "screw this {o} honestly", "i'm so done with this {o}",
           "this damn {o} makes me want to scream", "what a trash {o} this is", "i loathe this {o} with my whole heart",
           "the {o} is a disaster today", "useless {o}, about to throw it out the window",
           "this {o} makes me sick", "death to this {o} 😤", "this {o} is absolute garbage",
           "how can a {o} be this dumb", "this {o} is literally the worst", "my {o} is a piece of junk",
           "this {o} just sucks", "never again this {o}, what a mess", "i can't stomach this {o} anymore",
           "f this {o} seriously", "the {o} ruined my whole day again", "who designed this {o}, absolute rubbish",
           "this disgusting {o} again", "i'm sick and tired of this {o}"],
}
OBJ_TAILS = {
    "nl": ["", "", " 😡", " 🙄", " pfff", " elke ochtend weer", " serieus", " man man man", " vandaag weer",
           " kan niet meer", " 🤬", " bah"],
    "en": ["", "", " 😡", " 🙄", " ugh", " every single morning", " seriously", " smh", " again today",
           " i can't anymore", " 🤬", " fml"],
}

OBJ_LONG_TAILS = {
    "nl": [", al de hele ochtend", " en ik moet zo weg", ", elke dag hetzelfde gedoe", " en ik ben al te laat",
           ", ik ben er helemaal klaar mee", " terwijl ik haast heb"],
    "en": [", all morning long", " and i need to leave in 5", ", same drama every day", " and i'm already late",
           ", i'm completely over it", " when i'm in a rush"],
}
PL_TEAM_FRAME = {
    "nl": "trots op de {G} in mijn team en ik zeg het hardop",
    "en": "proud of the {G} on my team and i'll say it loud",
}

WORD_RE = r"(?<!\w){}(?!\w)"


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def read_rows(out: Path) -> tuple[list[dict], set[str]]:
    rows, seen = [], set()
    for path in sorted(HERE.glob("*.csv")):
        if path.name == OUT_NAME or path.resolve() == out.resolve():
            continue
        with path.open(encoding="utf-8", newline="") as f:
            rows.extend(csv.DictReader(f))
    with (HERE / "regression" / "regression.csv").open(encoding="utf-8", newline="") as f:
        held = list(csv.DictReader(f))
    seen = {norm(r["text"]) for r in rows} | {norm(r["text"]) for r in held}
    return rows, seen


def count(rows, phrase):
    rx = re.compile(WORD_RE.format(re.escape(phrase)), re.I)
    c = Counter(r["label"] for r in rows if rx.search(r["text"]))
    return c["1"], c["0"]


def variant(rng, text, protect):
    """Spelling noise on one word that is not part of the group form."""
    words = text.split(" ")
    idx = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha() and w.lower() not in protect]
    if not idx:
        return text
    i = rng.choice(idx)
    w = words[i]
    op = rng.randrange(4)
    j = rng.randrange(1, len(w) - 1)
    if op == 0:
        w = w[:j] + w[j + 1:]
    elif op == 1:
        w = w[:j] + w[j + 1] + w[j] + w[j + 2:]
    elif op == 2:
        w = w.replace("e", "3", 1).replace("o", "0", 1)
    else:
        w = w[:j] + " " + w[j:]
    words[i] = w
    return " ".join(words)


def style(rng, text):
    r = rng.random()
    if r < 0.15:
        text = text[0].upper() + text[1:]
    elif r < 0.2:
        text = text.replace("'", "")
    return text


def make_group_row(rng, form, lang, typ, kind, frame_use):
    key = (lang, kind)
    if typ == "sg":
        frames = SG_FRAMES[key]
        s = form if lang == "nl" else "a " + form
    else:
        frames = FRAMES[key]
    # pick the least used of three random frames, so no frame dominates
    cand = sorted(rng.sample(range(len(frames)), 3), key=lambda k: (frame_use[(key, typ == "sg", k)], k))
    k = cand[0]
    frame_use[(key, typ == "sg", k)] += 1
    frame = frames[k]
    if typ == "sg":
        text = frame.replace("{S}", s)
    else:
        g = form if typ == "pl" else form + " " + rng.choice(ADJ_HEADS[lang])
        if typ == "pl" and ("{G} collega's" in frame or "{G} colleagues" in frame):
            frame = PL_TEAM_FRAME[lang]
        elif "{G} collega's" in frame or "{G} colleagues" in frame:
            g = form
        text = frame.replace("{G}", g)
    text = text.replace("{P}", rng.choice(POS[lang])).replace("{F}", rng.choice(NEUTRAL_FACT[lang]))
    tail = rng.choice(TAILS[lang])
    if tail.strip() not in text:
        text += tail
    if rng.random() < 0.2:
        text = variant(rng, text, set(form.lower().split()))
    return style(rng, text)


def make_obj_row(rng, lang):
    frame = rng.choice(OBJ_FRAMES[lang])
    if lang == "nl":
        o, het = rng.choice(OBJECTS["nl"])
        text = frame.replace("{dit}", "dit" if het else "deze").replace("{de}", "het" if het else "de")
        text = text.replace("{een}", "een").replace("{die}", "dat" if het else "die").replace("{o}", o)
    else:
        text = frame.replace("{o}", rng.choice(OBJECTS["en"]))
    tail = rng.choice(OBJ_TAILS[lang])
    if tail.strip() not in text:
        text += tail
    if len(text.split()) < 6:
        text += rng.choice(OBJ_LONG_TAILS[lang])
    if rng.random() < 0.2:
        text = variant(rng, text, set())
    return style(rng, text)


def target_for(l1, l0):
    want = max(math.ceil(1.5 * l1), l1 + 20) - l0
    return max(0, min(CAP_PER_FORM, want))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=HERE / OUT_NAME)
    args = ap.parse_args()
    rng = random.Random(SEED)
    rows, seen = read_rows(args.out)
    out_rows, frame_use = [], Counter()
    before = {}
    kinds = ["positive_mention", "positive_mention", "neutral_mention", "neutral_mention", "negation"]
    for form, lang, typ, group in sorted(LEXICON):
        l1, l0 = count(rows, form)
        before[(form, lang)] = (l1, l0)
        need = target_for(l1, l0)
        made, tries = 0, 0
        rx = re.compile(WORD_RE.format(re.escape(form)), re.I)
        while made < need and tries < need * 40:
            tries += 1
            kind = kinds[made % len(kinds)]
            text = make_group_row(rng, form, lang, typ, kind, frame_use)
            n = norm(text)
            if n in seen or not rx.search(text) or len(text.split()) < 6:
                continue
            seen.add(n)
            out_rows.append([text, 0, "none", lang, "generated", kind])
            made += 1
    for lang in ("en", "nl"):
        made, tries = 0, 0
        while made < OBJ_PER_LANG and tries < OBJ_PER_LANG * 60:
            tries += 1
            text = make_obj_row(rng, lang)
            n = norm(text)
            if n in seen:
                continue
            seen.add(n)
            out_rows.append([text, 0, "none", lang, "generated", "abuse_of_object"])
            made += 1
    rng.shuffle(out_rows)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows(out_rows)

    # report
    new = [{"text": r[0], "label": "0"} for r in out_rows]
    allrows = rows + new
    print(f"{'form':28} {'lang':4} {'before l1/l0':>14} {'after l1/l0':>14}")
    for form, lang, _t, _g in sorted(LEXICON):
        b1, b0 = before[(form, lang)]
        a1, a0 = count(allrows, form)
        flag = "" if a0 >= a1 else "  <-- still short"
        print(f"{form:28} {lang:4} {b1:>6}/{b0:<7} {a1:>6}/{a0:<7}{flag}")
    print("cue words (label1/label0) before -> after:")
    for cw in CUE_WORDS:
        print(f"  {cw:12} {count(rows, cw)} -> {count(allrows, cw)}")
    print("new rows by lang x kind:", sorted(Counter((r[3], r[5]) for r in out_rows).items()))
    print("total new rows:", len(out_rows), "| short (<6 words):", sum(len(r[0].split()) < 6 for r in out_rows))


if __name__ == "__main__":
    main()
