"""English minimal-contrast generator for Reageerwijzer (source=generated, lang=en).

What it writes
    training_data/generated_contrasts_en.csv  (header: text,label,category,lang,source,kind)
    About 2,400 English social-media style posts, ~48 % label 1 and ~52 % label 0.

Why it exists
    The TF-IDF + linear SVM model does well on our own data but is weak on functional
    tests that probe one phenomenon at a time (hate as a question, negated positives,
    implicit derogation, counter-speech that quotes hate, abuse of objects, neutral and
    positive mentions, ...). A bag-of-n-grams model only learns those frames from many
    MINIMAL CONTRASTS: the same group words and content words on both sides of the label,
    with only the deciding frame changing. So this script crosses frame families with
    group lexicons (7 core groups: women, trans people, gay/lesbian/bi people, Black
    people, disabled people, Muslims, immigrants/refugees; plus Jews, Asians, older
    people, Roma), predicate lists and context words:

      label 1                                   label 0 twin
      strong negative emotion ("i can't stand") <-> love for the group / hatred of objects
      negative attribute stated as fact         <-> positive attribute / neutral fact
      dehumanising comparison                   <-> "X are not rats" / condemning it / objects
      implicit derogation (no insult word)      <-> "can be trusted with" / myth-busting
      threats and "X should be / deserve to be" <-> "no X deserves to be" / threats at printers
      hate with profanity                       <-> "X are fucking awesome" / untargeted swearing
      group named first, hate via a pronoun     <-> same setup, positive or neutral follow-up
      negated POSITIVE ("X are not human")      <-> negated hate ("X are not a threat")
      hate as a question                        <-> good-faith question / question about objects
      hate as an opinion ("imo X are")          <-> positive opinion
      quoting hate approvingly                  <-> quoting hate and condemning it
      abuse of individuals / non-protected grps <-> the same frames aimed at objects, neutral
      slur used as abuse                        <-> reclaimed use and non-hateful homonyms

Spelling variation
    Exactly 20 % of the rows of EACH label get one spelling variant (dropped character,
    swapped characters, leetspeak, spaces inserted inside the word, spaces removed, or an
    asterisk) on the group word, slur or key predicate, so obfuscation carries no label
    signal. Casing, platform fillers ("fr", "tbh", "ngl", "lol") and emoji are likewise
    added to both labels from the same pools.

Determinism
    Python 3.11 standard library only. Every random choice comes from random.Random seeded
    with a fixed string per family; iteration is over lists in fixed order. Rows whose
    normalised text (lowercased, punctuation stripped) equals a text in any other
    training_data/*.csv or in regression/regression.csv are dropped, so the output is
    byte-identical on every run as long as those files do not change.
    Usage: python training_data/generate_contrasts_en.py [--out PATH]

All frames and word lists were written for this project; none come from a public dataset
or test suite.
"""

import argparse
import csv
import glob
import os
import random
import re
import sys
from collections import Counter

SEED = "reageerwijzer-contrasts-en-v1"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "generated_contrasts_en.csv")
VARIANT_SHARE = 0.20

# ----------------------------------------------------------------------------------------
# Target lexicons
# pl = plural surface forms, sg = singular nouns (no article), adj = "my ___ cousin",
# being = "there's nothing wrong with being ___", bigot = the word for hating them,
# place = where a threat would be aimed, weight = sampling weight.
# ----------------------------------------------------------------------------------------

GROUPS = {
    "women": dict(
        pl=["women", "females", "girls", "ladies", "women in tech", "working mums"],
        sg=["woman", "girl", "female manager"],
        adj=["female"], being=["a woman", "female"], bigot="sexist",
        place="the women's shelter", weight=10),
    "trans": dict(
        pl=["trans people", "trans women", "trans men", "transgender people", "trans folks",
            "nonbinary people"],
        sg=["trans woman", "trans man", "trans person", "transgender person"],
        adj=["trans", "transgender"], being=["trans", "transgender"], bigot="transphobic",
        place="the trans support group", weight=10),
    "gay": dict(
        pl=["gay people", "gays", "gay men", "lesbians", "bisexuals", "gay couples",
            "queer people", "bi people", "homosexuals"],
        sg=["gay man", "lesbian", "bi guy", "gay person", "homosexual"],
        adj=["gay", "lesbian", "bi"], being=["gay", "bi", "a lesbian"], bigot="homophobic",
        place="the gay bar", weight=10),
    "black": dict(
        pl=["black people", "blacks", "black men", "black women", "black folks", "africans"],
        sg=["black man", "black woman", "black guy", "black person"],
        adj=["black"], being=["black"], bigot="racist",
        place="the african church", weight=10),
    "disabled": dict(
        pl=["disabled people", "wheelchair users", "people with disabilities", "autistic people",
            "blind people", "deaf people", "people in wheelchairs"],
        sg=["disabled person", "wheelchair user", "autistic guy", "blind woman", "deaf man"],
        adj=["disabled", "autistic", "blind", "deaf"], being=["disabled", "autistic", "blind"],
        bigot="ableist", place="the care home", weight=10),
    "muslims": dict(
        pl=["muslims", "muslim women", "muslim men", "islamic people", "muslim families",
            "hijabi women"],
        sg=["muslim", "muslim woman", "muslim guy"],
        adj=["muslim"], being=["muslim"], bigot="islamophobic",
        place="the mosque", weight=10),
    "immigrants": dict(
        pl=["immigrants", "refugees", "migrants", "asylum seekers", "foreigners", "newcomers",
            "syrian refugees"],
        sg=["immigrant", "refugee", "migrant", "asylum seeker"],
        adj=["immigrant", "refugee"], being=["an immigrant", "a refugee"], bigot="racist",
        place="the asylum centre", weight=10),
    "jews": dict(
        pl=["jews", "jewish people", "jewish families"],
        sg=["jew", "jewish guy", "jewish woman"],
        adj=["jewish"], being=["jewish"], bigot="antisemitic",
        place="the synagogue", weight=2.5),
    "asians": dict(
        pl=["asians", "asian people", "chinese people"],
        sg=["asian guy", "asian woman", "chinese person"],
        adj=["asian", "chinese"], being=["asian"], bigot="racist",
        place="the chinese supermarket", weight=2.5),
    "older": dict(
        pl=["old people", "elderly people", "pensioners", "older people"],
        sg=["old man", "pensioner", "elderly woman"],
        adj=["elderly", "retired"], being=["old", "over seventy"], bigot="ageist",
        place="the retirement home", weight=2.5),
    "roma": dict(
        pl=["roma", "roma people", "gypsies", "roma families"],
        sg=["roma guy", "roma woman", "gypsy"],
        adj=["roma"], being=["roma"], bigot="racist",
        place="the roma camp", weight=2.5),
}
GROUP_KEYS = sorted(GROUPS)

# non-protected groups: abuse of them is label 1 / hurtful / insult
NPGROUPS = [
    ("bankers", "banker"), ("cyclists", "cyclist"), ("vegans", "vegan"), ("gamers", "gamer"),
    ("landlords", "landlord"), ("politicians", "politician"), ("referees", "referee"),
    ("influencers", "influencer"), ("football fans", "football fan"),
    ("estate agents", "estate agent"), ("tiktokers", "tiktoker"), ("crypto bros", "crypto bro"),
    ("lawyers", "lawyer"), ("tourists", "tourist"), ("e-scooter riders", "e-scooter rider"),
    ("ajax fans", "ajax fan"), ("golfers", "golfer"), ("tesla drivers", "tesla driver"),
    ("car salesmen", "car salesman"), ("personal trainers", "personal trainer"),
]

# objects and situations: (singular phrase with determiner or None, plural or None)
OBJECTS = [
    ("this printer", "printers"), ("this laptop", "laptops"), ("this phone", "phones"),
    ("this router", "routers"), ("this alarm clock", "alarm clocks"),
    ("this dishwasher", "dishwashers"), ("this coffee machine", "coffee machines"),
    ("this self-checkout machine", "self-checkout machines"), ("this parking app", "parking apps"),
    ("this update", "software updates"), ("this weather", None), ("this traffic", None),
    ("this wifi", None), ("this group project", "group projects"), ("this tax form", "tax forms"),
    ("this autocorrect", None), ("this rain", None), (None, "mondays"), (None, "roadworks"),
    ("this meeting", "meetings"), ("this spreadsheet", "spreadsheets"), (None, "pop-up ads"),
    ("this charger", "phone chargers"), ("this washing machine", "washing machines"),
    ("this hay fever", None), ("this heatwave", "heatwaves"), ("this bus timetable", None),
    ("this captcha", "captchas"), ("this scooter", "rental scooters"),
]
OBJN = ["printer", "laptop", "phone", "router", "toaster", "vacuum", "scooter", "kettle",
        "bike lock", "charger", "fridge", "washing machine", "headset", "smartwatch"]
APPS = ["instagram", "the bank app", "the train app", "teams", "whatsapp", "the parking app",
        "spotify", "the school portal"]

# ----------------------------------------------------------------------------------------
# Predicates and fillers
# ----------------------------------------------------------------------------------------

NEG = ["disgusting", "filthy", "lazy", "stupid", "worthless", "violent", "dangerous", "useless",
       "pathetic", "vile", "repulsive", "primitive", "brainless", "evil", "dishonest", "sneaky",
       "greedy", "ugly", "dumb", "creepy", "nasty", "trashy", "inferior", "gross", "perverted",
       "backwards", "incompetent", "untrustworthy", "hysterical", "deranged", "arrogant",
       "entitled", "weak", "smelly", "aggressive", "clueless", "two-faced", "parasitic"]
POS = ["kind", "smart", "brilliant", "hardworking", "funny", "talented", "generous", "brave",
       "honest", "creative", "lovely", "warm", "strong", "caring", "resilient", "wonderful",
       "thoughtful", "clever", "inspiring", "capable", "reliable", "friendly", "wise",
       "respectful", "skilled", "amazing", "loyal", "patient", "gifted", "welcoming",
       "hilarious", "fearless", "sharp", "decent"]
DP = ["rats", "vermin", "cockroaches", "parasites", "animals", "pigs", "apes", "insects",
      "leeches", "maggots", "subhumans", "beasts", "lice", "worms", "monkeys", "savages",
      "creatures", "rodents", "swine", "hyenas", "mongrels", "termites"]
DM = ["a plague", "a disease", "a cancer", "filth", "garbage", "trash", "a virus", "scum",
      "an infestation", "a pest problem", "a parasite", "a tumour"]
OD = ["a plague", "a disease", "a cancer", "garbage", "trash", "a virus", "an infestation",
      "pure evil", "hot garbage", "the worst invention ever", "a curse", "a scam"]
V = ["shot", "hanged", "beaten to a pulp", "burned alive", "lined up and shot",
     "put down like dogs", "wiped out", "gassed", "stabbed", "thrown off a bridge",
     "dragged out and beaten", "exterminated", "drowned", "strung up", "kicked to death",
     "locked in a cage and starved", "run over", "set on fire"]
OV = ["thrown off a bridge", "set on fire", "shot", "drowned in the canal", "run over",
      "smashed with a hammer", "put out of their misery", "burned", "thrown in the canal",
      "launched into the sun", "crushed", "thrown out the window"]
VACT = ["shoot", "stab", "beat the life out of", "run over", "break the legs of",
        "put in hospital", "smash the skull of", "set fire to", "strangle", "knife"]
VPAST = ["stabbed", "shot", "beaten half to death", "run over", "put in hospital",
         "a bat to the head"]
F = [("work night shifts at the hospital", "works night shifts at the hospital"),
     ("coach the under-12 football team", "coaches the under-12 football team"),
     ("run the bakery on our corner", "runs the bakery on our corner"),
     ("vote in the local elections", "votes in the local elections"),
     ("take the 7:40 bus to work", "takes the 7:40 bus to work"),
     ("volunteer at the food bank", "volunteers at the food bank"),
     ("teach maths at my old school", "teaches maths at my old school"),
     ("play in a five-a-side league", "plays in a five-a-side league"),
     ("shop at the market on saturdays", "shops at the market on saturdays"),
     ("study at my uni", "studies at my uni"),
     ("pay taxes like everyone else", "pays taxes like everyone else"),
     ("drive delivery vans for a living", "drives a delivery van for a living"),
     ("sing in the local choir", "sings in the local choir"),
     ("go to the gym before work", "goes to the gym before work"),
     ("cook for the street barbecue", "cooks for the street barbecue"),
     ("own shops on the high street", "owns a shop on the high street"),
     ("walk the dog in the park every morning", "walks the dog in the park every morning"),
     ("fix bikes in the garage", "fixes bikes in the garage"),
     ("serve on the school board", "serves on the school board"),
     ("queue at the post office like the rest of us", "queues at the post office like the rest of us"),
     ("work in IT", "works in IT"),
     ("grow tomatoes on the balcony", "grows tomatoes on the balcony"),
     ("do the school run every morning", "does the school run every morning"),
     ("rent in our building", "rents in our building")]
AL = ["vote", "adopt children", "teach our kids", "work in hospitals", "run for parliament",
      "live on our street", "use the same changing rooms as us", "drive", "open shops here",
      "join the army", "coach kids' football", "get married", "buy houses here",
      "sit on juries", "become police officers", "work with children", "get benefits",
      "be on tv", "study medicine", "rent council flats"]
R = ["money", "a car", "kids", "important decisions", "a budget", "a company", "the vote",
     "a team", "power", "a classroom", "a hospital ward", "public money", "a country",
     "anything serious", "the keys to anything", "a job in management"]
TRY = ["do maths", "have opinions", "run a business", "lead a team", "drive", "be taken seriously",
       "make decisions", "understand the news", "do a real job", "play real sports"]
THRIVE = ["win awards", "run marathons", "smash it at work", "get elected",
          "go viral for the right reasons", "open new businesses", "graduate", "win medals"]
PLACE = ["the station", "my gym", "the supermarket", "the park", "the city centre", "our street",
         "the tram", "my uni", "the beach", "the market", "the football club", "the office",
         "the library", "the swimming pool"]
INST = ["our school", "this neighbourhood", "my team", "the city council", "our football club",
        "the hospital", "our office", "the local paper"]
CITY = ["amsterdam", "rotterdam", "utrecht", "the hague", "eindhoven", "groningen", "leeds",
        "manchester", "london", "antwerp", "ghent", "nijmegen"]
TOPIC = ["the new tram line", "football", "house prices", "the weather", "our kids' school",
         "cheap flights", "the elections", "gardening", "true crime podcasts",
         "the best chips in town", "that new series", "energy bills"]
HOBBY = ["chess", "gardening", "running", "baking", "board games", "fishing", "karaoke",
         "climbing", "coding", "pottery"]
EVENT = ["the marathon", "the quiz night", "the local elections", "the world cup",
         "the science fair", "eurovision", "the hackathon", "the chess tournament",
         "the street festival", "the charity run"]
REL = ["uncle", "aunt", "neighbour", "coworker", "boss", "cousin", "teacher", "flatmate",
       "dentist", "coach", "best mate", "landlady", "barber", "lab partner"]
REL_NEUTRAL = [r for r in REL if r not in ("uncle", "aunt", "landlady")]
ONEG = ["useless", "slow", "broken", "stupid", "pathetic", "worthless", "unreliable", "annoying",
        "disgusting", "loud", "overpriced", "awful", "dumb", "glitchy", "clunky", "infuriating",
        "pointless", "garbage"]
IREL = ["sister", "brother", "ex", "boss", "flatmate", "stepdad", "cousin", "manager",
        "neighbour", "teammate", "lab partner", "brother-in-law"]
NAME = ["kevin", "jess", "dylan", "sanne", "tom", "mark", "lotte", "ryan", "chloe", "bram",
        "stacey", "dave"]
HANDLE = ["dutchdave88", "xx_lotte", "realtalk_tom", "ajaxboy1900", "cryptokev", "sanne.v",
          "bigmike_nl", "jessxo"]
IN = ["idiot", "moron", "clown", "loser", "failure", "joke", "creep", "leech", "muppet",
      "dumbass", "prick", "twat", "tosser", "weirdo", "nobody", "slob", "bellend", "airhead"]
IADJ = ["pathetic", "worthless", "useless", "stupid", "brainless", "ugly", "disgusting",
        "spineless", "miserable", "braindead", "fat", "smelly", "clueless"]
MISHAP = ["missed the last train home", "spilled coffee all over my keyboard",
          "the bus broke down halfway", "my phone died at 3%", "locked myself out again",
          "forgot my lunch at home", "burned the pasta", "stubbed my toe on the bed",
          "the ferry is cancelled", "my bike got a flat tyre", "dropped my keys down the drain",
          "my flight got delayed four hours", "the shop closed five minutes before i got there",
          "it started pouring the second i left", "my train got cancelled",
          "forgot my password again", "the dog chewed my headphones", "the oven just died",
          "lost my wallet at the festival", "my team lost in the 93rd minute",
          "the wifi dropped mid-meeting", "sat in wet paint"]
GOOD = ["i passed my driving test", "we won the final", "got the job", "the tickets came through",
        "my sister had her baby", "found 20 euros in my old jacket",
        "the landlord finally fixed the heating", "i passed my exams",
        "the concert got moved to our city", "our team stayed up", "the rain stopped just in time",
        "my offer on the flat got accepted"]
TAIL = ["always have been", "and i'm allowed to say that", "no matter what twitter says",
        "that's just how i see it", "and i've thought about it a lot", "say what you want",
        "been saying it for years", "fight me on this"]
T = ["honestly", "ngl", "every single time", "lately", "these days", "no joke",
     "and that's the truth", "for real"]
CTX = ["genuine question:", "asking for a school project:", "no hate, just curious:",
       "quick q:", "serious question,", "ok so", "random thought:", "been wondering,"]
NLPLACE = ["marken", "volendam", "den helder", "harlingen", "lelystad", "zierikzee", "edam",
           "hoorn", "kinderdijk", "urk", "makkum", "petten"]
DOG = ["labrador", "border collie", "beagle", "whippet", "greyhound", "spaniel", "boxer",
       "dachshund"]
ASKFOR = ["a school project", "my nan", "a pub quiz", "my kid's homework", "a friend"]
DAY = ["saturday", "sunday", "a bank holiday", "my day off", "5am"]
VENUE = ["bar", "shop", "gym", "house", "restaurant", "taxi"]
CHANGE = ["the pool", "my gym", "the leisure centre", "the sports hall"]
MACHINE = ["self checkout", "ticket machine", "cash machine", "parking meter"]
KIDS = ["kids", "schools", "our children", "the playground"]
CAMP = ["the canal", "the football pitch", "the old factory", "the ring road"]
FAMROLE = ["auntie", "big sister", "godmother", "daughter", "bestie", "wife"]
DAYN = ["two", "three", "four", "five", "six"]
WHEN = ["before the meeting", "before my shift", "at half time", "after the lecture",
        "on my lunch break", "before the bus came"]
LEFT = ["home", "work", "the pub", "my mum's"]
AGE = ["79", "83", "85", "88", "91"]
NORTH = ["proper northern comfort food", "just like my nan used to make",
         "with a pint on the side", "best tea of the week"]
SIDE = ["onion gravy", "mushy peas", "mash and gravy"]
WOOD = ["hazel", "willow", "birch", "ash"]
CAR = ["jeep", "land rover", "pickup", "old ford", "camper van"]
STAGE = ["stage curtains", "school play set", "festival tent"]
WILD = ["wild to think about", "learned that at the museum today", "my kid just told me that"]
BOOK = ["a new graphic novel", "an old classic", "a memoir", "a sci-fi trilogy", "a poetry collection"]

POOLS = {
    "N": NEG, "A": POS, "DP": DP, "DM": DM, "OD": OD, "V": V, "VACT": VACT, "VPAST": VPAST,
    "AL": AL, "R": R, "TRY": TRY, "THRIVE": THRIVE, "PLACE": PLACE, "INST": INST, "CITY": CITY,
    "TOPIC": TOPIC, "HOBBY": HOBBY, "EVENT": EVENT, "REL": REL, "IREL": IREL, "NAME": NAME,
    "HANDLE": HANDLE, "IN": IN, "IADJ": IADJ, "MISHAP": MISHAP, "GOOD": GOOD, "TAIL": TAIL,
    "T": T, "CTX": CTX, "ON": ONEG, "NLPLACE": NLPLACE, "DOG": DOG, "BOOK": BOOK, "OBJN": OBJN, "APP": APPS,
    "ASKFOR": ASKFOR, "DAY": DAY, "VENUE": VENUE, "CHANGE": CHANGE, "MACHINE": MACHINE,
    "KIDS": KIDS, "CAMP": CAMP, "FAMROLE": FAMROLE, "DAYN": DAYN, "WHEN": WHEN, "LEFT": LEFT,
    "AGE": AGE, "NORTH": NORTH, "SIDE": SIDE, "WOOD": WOOD, "CAR": CAR, "STAGE": STAGE,
    "WILD": WILD,
}

# ----------------------------------------------------------------------------------------
# Frames. Slots: {P} plural target, {S} singular target, {aS} singular with article,
# {ADJ} {BEING} {BIGOT} {GPLACE} from the group; {F}/{FS} activity (plural / 3rd sg);
# {O} singular object phrase; {Q} quoted hate, {q} the same hate as reported speech.
# A frame may be a (text, groupkey) tuple: used only with that group.
# ----------------------------------------------------------------------------------------

EMOTION = [
    "i can't stand {P}, i really can't",
    "i absolutely despise {P} and i'm done pretending i don't",
    "{P} make me physically sick, every single time",
    "nothing in this world disgusts me more than {P}",
    "i hate {P} so much it actually hurts",
    "{P} make my skin crawl {T}",
    "can't even look at {P} without wanting to throw up",
    "i'm so fed up with {P}, sick of the lot of them",
    "my blood boils every time i have to deal with {P}",
    "i loathe {P} with every fibre of my being",
    "{P} get on my last nerve and i'm not even sorry",
    "seriously can't stomach {P} anymore, {T}",
    "the mere sight of {P} ruins my whole day",
    "i have never hated anything as much as i hate {P}",
    "ugh, {P}. pure revulsion, nothing else",
    "every day i wake up and hate {P} a little more",
    "{P} are the thing i hate most in the world, no contest",
    "i genuinely detest {P}, always have",
]
LOVE = [
    "i absolutely love {P}, always have",
    "{P} make my day better every single time",
    "nothing makes me happier than seeing {P} {THRIVE}",
    "i adore {P} and i'm not going to pretend i don't",
    "honestly can't get enough of {P} in this city",
    "my heart is so full every time i see {P} {THRIVE}",
    "i have so much respect for {P}, always will",
    "{P} are the people i admire most, no contest",
    "every day i appreciate {P} a little more",
    "big love to all the {P} out there, you're {A}",
    "{P} get nothing but love from me, always",
    "proud to stand with {P} today and every day",
    "i genuinely admire {P}, always have",
]
FACT_NEG = [
    "{P} are {N}, that's just a fact",
    "all {P} are {N}, look at the stats",
    "{P} are naturally {N}, it's how they're made",
    "every {S} i've ever met was {N}",
    "{P} are {N} and {N2}, simple as",
    "it's a known fact that {P} are {N}",
    "{P} are {N} by nature, no point denying it",
    "news flash: {P} are {N}. always have been",
    "{P} are just {N}, that's not an opinion, it's reality",
    "science says {P} are {N}, deal with it",
    "the average {S} is {N}, everyone knows it",
    "{P}: {N}, {N2} and proud of it",
    "{P} are the most {N} people on the planet",
    "face it, {P} are {N} and they'll never change",
]
FACT_POS = [
    "{P} are {A}, that's just a fact",
    "all the {P} i know are {A}, honestly",
    "{P} are {A} and {A2}, simple as",
    "every {S} i've ever worked with was {A}",
    "news flash: {P} are {A}. always have been",
    "face it, {P} are {A} and they'll keep proving it",
    "the {P} in my life are the most {A} people i know",
    "{P}: {A}, {A2} and proud of it",
    "the average {S} i meet at work is {A} and {A2}",
    "{P} are just {A}, that's not an opinion, it's my experience",
    "it's a known fact that {P} are {A} under pressure",
    "{P} are the most {A} people on the planet",
]
NEUTRAL = [
    "{P} {F}, same as anyone",
    "lots of {P} in my town {F}",
    "read an article today about {P} who {F}",
    "my {ADJ} {REL} {FS} on weekdays",
    "as {aS}, i {F} and nobody cares lol",
    "as {aS} i mostly just {F}, pretty boring life tbh",
    "the council surveyed {P} who {F} about the new parking rules",
    "new report: more {P} {F} than ten years ago",
    "{P} in {CITY} {F} just like everybody else",
    "my {ADJ} {REL} {FS} and is obsessed with {HOBBY}",
    "met a bunch of {P} at {PLACE} today, we talked about {TOPIC}",
    "as {aS} i can confirm the queue at {PLACE} is always too long",
    "as {aS} i still hate doing laundry like everyone else lol",
    "my {ADJ} {REL} just got a new puppy and won't stop posting pics",
    "speaking as {aS}: the new tram line in {CITY} is a huge improvement",
    "local news: {P} in {CITY} organised a stall at {EVENT} this weekend",
    "there's a new podcast hosted by {P} about {TOPIC}",
    "{P} in {CITY} are meeting the mayor about housing next week",
    "being {BEING} in {CITY} mostly means arguing about {TOPIC} like everyone else",
    "my {ADJ} {REL} {FS}, we catch up every sunday",
]
DEHUM = [
    "{P} are {DP}, nothing more",
    "{P} are {DM} on this country",
    "{P} breed like {DP}",
    "{P} aren't people, they're {DP}",
    "honestly {P} are just {DP} walking on two legs",
    "{P} are {DM} that needs to be cleaned out",
    "look at {P} swarming the city like {DP}",
    "{P} = {DP}. change my mind",
    "{P} are a lower species, basically {DP}",
    "you can't reason with {P}, you don't reason with {DP}",
    "{P} spread through a neighbourhood like {DM}",
    "{P} are {DM}, the whole lot of them",
    "treat {P} like the {DP} they are",
    "{P} belong in a zoo with the other {DP}",
]
DEHUM_NEG = [
    "{P} are not {DP}, they are people like you and me",
    "no, {P} aren't {DM}. grow up",
    "{P} are human beings, not {DP}",
    "{P} have never been {DM} on anything, stop it",
    "{P} don't breed like {DP}, they have families like everyone else",
    "{P} aren't a lower species, they're your neighbours",
    "nobody deserves to be called {DP}, and that includes {P}",
    "{P} are not {DM} on this country, they're part of it",
    "{P} are people with names and jobs, not {DP}",
    "i refuse to see {P} as {DP}, they're human, full stop",
]
DEHUM_CS = [
    "calling {P} '{DP}' is how it always starts. history should have taught you that",
    "someone compared {P} to {DP} in the comments and it's got 50 likes. reported",
    "'{P} are {DM}' is the oldest bigoted line there is",
    "comparing {P} to {DP} says everything about you and nothing about them",
    "the second you call {P} {DP} you've lost the argument",
    "anyone who describes {P} as {DM} should be kicked off this platform",
    "the word '{DP}' for {P} is straight out of propaganda posters. stop using it",
    "if you call {P} {DP} you're not 'just asking questions', you're dehumanising people",
    "my uncle called {P} {DP} at dinner and i walked out. not sorry",
    "seeing '{P} = {DP}' memes on my feed again, reporting every single one",
]
DEHUM_OBJ = [
    "{P} are {OD}, nothing more",
    "{O} is {OD}, change my mind",
    "honestly {P} are {OD} on modern life",
    "{P} are {OD} that needs to be wiped off the planet",
    "{O} spreads through my day like {OD}",
    "{P} = {OD}. change my mind",
    "{O} is {OD}, the whole thing",
    "{P} breed like rabbits in my inbox, absolute plague",
    "treat {O} like the garbage it is",
    "{P} belong in a museum of bad ideas",
]
IMPLICIT = [
    "{P} can't be trusted with {R}, we've all seen it",
    "{P} ruin everything they touch, every time",
    "{P} should know their place and stay in it",
    "aww bless, {P} trying to {TRY} again",
    "funny how every place goes downhill once {P} move in",
    "{P} in charge of {R}? yeah we all know how that ends lol",
    "cute that {P} think their opinion matters",
    "{P} are fine as long as they stay quiet and out of sight",
    "letting {P} {AL} was the biggest mistake this country made",
    "{P} should be grateful we even let them {AL}",
    "you can always tell when {P} have been somewhere, everything's broken",
    "imagine taking orders from {P}, could never",
    "poor {P}, they honestly can't help being the way they are",
    "i almost feel sorry for {P}, must be hard having nothing to offer",
    "{P} are best kept far away from anything important",
    "leave the real decisions to the grown-ups, not {P}",
    ("{P} belong in the kitchen, not in the boardroom", "women"),
    ("{P} are just confused and need someone to tell them no", "trans"),
    ("{P} can do what they want, just far away from my kids", "gay"),
    ("{P} only got hired to tick a diversity box, everyone knows it", "black"),
    ("{P} should just stay home instead of slowing everyone down", "disabled"),
    ("{P} can stay as long as they keep their religion out of sight", "muslims"),
    ("{P} should take what they're given and keep their mouths shut", "immigrants"),
    ("{P} have had their turn, time they stopped voting", "older"),
    ("lock your sheds, {P} have been spotted in the area again", "roma"),
]
IMPLICIT_POS = [
    "{P} can absolutely be trusted with {R}, same as anyone",
    "{P} improve everything they touch, honestly",
    "every place i've lived got better when {P} moved in",
    "{P} in charge of {R}? yes please, they'd do great",
    "the opinions of {P} matter and it's about time people listened",
    "i'd happily take orders from {P}, my best manager ever was {aS}",
    "{P} belong in every room where decisions get made",
    "{P} don't need to 'know their place', their place is wherever they want",
    "{P} bring so much to {INST}, we'd be lost without them",
    "you can always tell when {P} have been involved, everything runs smoother",
    "trust {P} with {R} and watch them do better than the last lot",
    "{P} are the grown-ups in the room at {INST} tbh",
]
IMPLICIT_NEG = [
    "it's a myth that {P} can't be trusted with {R}",
    "{P} don't ruin anything, that's just a lazy stereotype",
    "no one gets to tell {P} to 'know their place'",
    "{P} shouldn't have to be grateful for basic rights, they're rights",
    "nothing went downhill when {P} moved in, my street is doing great",
    "i've never seen {P} mess anything up more than the rest of us",
    "letting {P} {AL} was never a mistake, stop saying that",
    "{P} aren't a problem to be kept out of sight",
    "there's no reason {P} can't {AL} like everyone else",
    "{P} are not worse with {R} than anyone else, the data is clear",
]
THREAT = [
    "i'm going to {VACT} the next {S} i see, i swear",
    "any {S} who comes near my house is getting {VPAST}",
    "we know where the {P} in this town live. tonight we pay them a visit",
    "{P} in my street better watch their backs, i'm coming",
    "next {S} who talks to me gets a knife in the ribs",
    "i'll {VACT} every {S} in this city if i have to",
    "got my bat ready for the first {S} who shows up at {PLACE}",
    "keep walking around here, {P}, and see what happens to you",
    "one day i'm going to snap and {VACT} a whole bunch of {P}",
    "bringing petrol to {GPLACE} tonight, let's see them run",
    "{P} think they're safe here. they won't be for long",
    "mark my words, i'll make {P} pay for this in blood",
]
INCITE = [
    "{P} should be {V}",
    "{P} deserve to be {V}, every last one",
    "someone needs to make sure {P} get {V}",
    "honestly all {P} ought to be {V}",
    "it's about time {P} were {V}",
    "the world would be a better place if {P} were {V}",
    "somebody should round up {P} and have them {V}",
    "{P} need to be {V}, no exceptions",
    "if it were up to me {P} would be {V} tomorrow",
    "do the world a favour and make sure {P} are {V}",
    "every single one of the {P} deserves to be {V}",
    "grab your mates, time to make sure {P} get {V}",
    "{P} should all be {V} and nobody would miss them",
]
THREAT_OBJ = [
    "{P} should be {V}",
    "{P} deserve to be {V}, every last one",
    "someone needs to make sure {P} get {V}",
    "it's about time {P} were {V}",
    "the world would be a better place if {P} were {V}",
    "{O} deserves to be {V} honestly",
    "someone needs to put {O} out of its misery",
    "i'm going to smash {O} with a hammer i swear",
    "{O} is getting thrown out the window if it does that one more time",
    "one day i'm going to snap and drown {O} in the canal",
    "mark my words, {O} will pay for ruining my morning",
    "i will personally destroy {O} before the weekend",
]
THREAT_NEG = [
    "no {S} deserves to be {V}",
    "{P} should never be {V}, how is that even up for debate",
    "i don't want anyone {V}, and that includes {P}",
    "{P} don't deserve to be {V}, they deserve to be left alone",
    "nobody, and that means {P} too, should ever be {V}",
    "i will never support {P} being {V}, ever",
    "{P} shouldn't have to fear being {V} just for existing",
    "there is no world where {P} deserve to be {V}",
    "{P} are not going to be {V} on my watch, i'll stand with them",
    "not one {S} deserves to be {V}, no matter what you think of them",
]
PROF_HATE = [
    "fucking {P} everywhere, ruining {PLACE} like always",
    "{P} are shit at everything and always will be",
    "fuck {P}, every single one of them",
    "sick of these damn {P} thinking they own the place",
    "{P} are a bunch of fucking {DP}",
    "screw {P} and screw everyone defending them",
    "{P} are the shittiest people alive, no debate",
    "god i fucking hate {P}",
    "{P} can go fuck themselves, the whole lot of them",
    "bloody {P} ruining everything again, piss off",
    "who gives a shit what {P} think, {N} bastards",
    "{P} are fucking {N}, end of story",
]
PROF_POS = [
    "{P} are fucking {A}, end of story",
    "hell yes, more {P} in parliament, about damn time",
    "{P} are so damn {A}, i love it",
    "fucking love my {ADJ} {REL}, best person i know",
    "who gives a shit what the haters think, {P} are {A}",
    "the {P} at my uni are bloody {A} and i'm here for it",
    "damn, the {P} at {EVENT} today were so {A}",
    "holy shit, {P} absolutely smashed it at {EVENT}",
    "{P} are the shit, no debate",
    "god i fucking love {P}",
]
PROF_CS = [
    "fuck anyone who hates {P}, seriously",
    "if you've got a problem with {P} you can fuck right off",
    "bigots going after {P} again, fuck that noise",
    "sick of these damn trolls shitting on {P}",
    "screw everyone who treats {P} like garbage",
    "the people harassing {P} online are the real shitheads",
    "fuck your hate, {P} belong here",
    "whoever keeps spamming shit about {P} in this chat, get a life",
]
PROF_UNTARGETED = [
    "fucking hell, {MISHAP}",
    "shit, {MISHAP}. what a day",
    "what the actual fuck, {MISHAP}",
    "{MISHAP} ffs, can't catch a break",
    "god damn it, {MISHAP} again",
    "holy shit, {GOOD}!!",
    "fuck yes, {GOOD}",
    "bloody hell, {MISHAP}. typical",
    "oh for fuck's sake, {MISHAP}",
    "shit shit shit, {MISHAP}",
    "damn, {GOOD}, didn't see that coming",
    "ugh fuck this day, {MISHAP}",
]
PRONOUN_HATE = [
    "{P} moved into the flat next to mine. can't stand them, they're {N}",
    "saw a group of {P} at the station today. {N}, the lot of them",
    "about those {P} in the news: honestly they make me sick",
    "there were {P} at my gym again. they need to go somewhere else, nobody wants them",
    "my street used to be nice. then {P} showed up. now they ruin everything",
    "{P} at work keep asking to join us for lunch. can't stand those people",
    "watched a documentary on {P} last night. they're {DP}, plain and simple",
    "{P} came into the cafe so i left. being near them makes me want to puke",
    "my kid's school has more {P} now. those people shouldn't be anywhere near children",
    "heard {P} are getting a community centre in our area. they don't deserve anything",
    "{P} were protesting in the square today. they're {N} and should be ashamed of themselves",
    "met some {P} at the party. every one of them was {N}, never again",
    "{P} all over my feed again. i hate them, i hate them, i hate them",
    "the council wants to house more {P} here. they'll wreck the place like they always do",
]
PRONOUN_POS = [
    "{P} moved into the flat next to mine. love them, they're {A}",
    "saw a group of {P} at the station today helping a lost tourist. {A}, the lot of them",
    "about those {P} in the news: honestly they make me proud",
    "{P} at work keep inviting me to lunch. love those people",
    "my street used to be dull. then {P} showed up. now there's a street party every summer",
    "watched a documentary on {P} last night. they're so {A}, recommend it",
    "my kid's school has more {P} teaching now. those people are {A} with children",
    "heard {P} are getting a community centre in our area. they deserve it",
    "met some {P} at the party. every one of them was {A}",
    "the council wants to house more {P} here. good, they'll make the place livelier",
]
PRONOUN_NEU = [
    "{P} moved into the flat next to mine. they seem to work late shifts",
    "saw a group of {P} at the station today. they were waiting for the same delayed train as me",
    "{P} were protesting in the square today. they want better housing, the council meets them tomorrow",
    "heard {P} are getting a community centre in our area. it opens in march apparently",
    "there were {P} at my gym again. they always take the squat rack at 6pm lol",
    "met some {P} at the party. we mostly talked about {TOPIC}",
    "{P} all over my feed again. they're posting about {EVENT} this weekend",
    "my kid's school has more {P} now. they run the after-school {HOBBY} club",
    "the council wants to house more {P} here. the plans are on display at the town hall",
    "watched a documentary on {P} last night. it was about {TOPIC}, surprisingly interesting",
]
NEGPOS = [
    "{P} are not human, stop pretending they are",
    "{P} will never be normal, no matter what the media says",
    "{P} aren't welcome here and never will be",
    "no {S} has ever been worth anything to anyone",
    "{P} never deserve respect, not once",
    "{P} are not {A}, never have been, never will be",
    "there is nothing {A} about {P}, nothing at all",
    "not a single {S} has ever been {A}, name one",
    "{P} don't deserve the same rights as the rest of us",
    "i will never accept {P} as equals",
    "{P} are not real people, sorry not sorry",
    "{P} will never be part of this society",
    "no {S} is welcome in my shop, ever",
    "{P} do not deserve kindness from anyone",
    "{P} don't belong anywhere near decent people",
    "{P} can never be {A}, it's just not in them",
]
NEGATION = [
    "{P} are not {N}, stop spreading that",
    "i don't hate {P}, never have, never will",
    "{P} are not a threat to anyone",
    "there's nothing wrong with being {BEING}",
    "no {S} deserves to be treated like dirt",
    "not one of the {P} i know is {N}",
    "{P} never deserve the abuse they get online",
    "it's simply not true that {P} are {N}",
    "nobody should hate {P} for existing",
    "i'll never understand people who hate {P}",
    "{P} aren't {N}, the people harassing them are",
    "{P} don't have to earn the right to be treated like humans",
    "no {S} has ever done anything to deserve that kind of hate",
    "i'm not scared of {P}, why would i be",
    "{P} are not the problem here, never were",
    "{P} are not less human than anyone else",
    "i don't think {P} are {N} at all, {T}",
]
Q_HATE = [
    "why are {P} always so {N}?",
    "how is it ok that {P} are allowed to {AL}?",
    "wouldn't life be better without {P}?",
    "am i the only one who thinks {P} are {N}?",
    "who decided {P} should be allowed to {AL}?",
    "can we all just agree {P} are {DP}?",
    "why do we even let {P} {AL}?",
    "isn't it obvious that {P} are {N}?",
    "why can't {P} just disappear?",
    "what's even the point of {P}, honestly?",
    "why are {P} even allowed in {PLACE}?",
    "seriously, is there anything more {N} than {P}?",
    "how much longer do we have to put up with {P}?",
    "why does every {S} have to be so {N}?",
    "wouldn't the world be nicer if {P} just stayed out of sight?",
    "do {P} ever do anything except complain?",
]
Q_GOOD = [
    "why are {P} so often targeted online?",
    "how is it ok that {P} still face so much abuse at work?",
    "how can i support the {P} in my life better?",
    "what's the best way to make {P} feel welcome at our club?",
    "wouldn't life be better for everyone if {P} felt safe here?",
    "am i the only one who thinks {P} deserve more representation on tv?",
    "who decided {P} couldn't {AL} back in the day? reading up on the history",
    "why do so many {P} say they don't feel heard by politicians?",
    "how long have {P} been allowed to {AL} in this country?",
    "isn't it obvious that {P} deserve the same rights as everyone?",
    "why are {P} always portrayed as {N} in films? it's so lazy",
    "what are some good books written by {P}?",
    "where can {P} get free legal advice around {CITY}?",
    "do {P} get enough support from the council? genuinely asking",
    "how many {P} live in the netherlands these days?",
    ("why do {P} fast during ramadan, and is it ok to eat in front of them?", "muslims"),
    ("what should i bring if my {ADJ} neighbours invite me for iftar?", "muslims"),
    ("how can i support my {ADJ} {REL} who just came out to me?", "trans"),
    ("what's a polite way to ask someone's pronouns at {INST}?", "trans"),
    ("how do i support my {REL} who just came out as {ADJ}?", "gay"),
    ("when did same-sex marriage become legal here, was it 2001? asking for {ASKFOR}", "gay"),
    ("why is the gender pay gap still so big in {CITY}?", "women"),
    ("how can {INST} attract more women engineers?", "women"),
    ("what are good events for black history month in {CITY}?", "black"),
    ("where can i learn more about the dutch history of slavery, any museums in {CITY}?", "black"),
    ("how do i make my website accessible for {P}?", "disabled"),
    ("is our venue in {CITY} wheelchair accessible enough, who can check it?", "disabled"),
    ("how long does the asylum process take for {P} in the netherlands?", "immigrants"),
    ("how can i volunteer to teach dutch to {P}?", "immigrants"),
    ("what's the meaning of the candles at hanukkah? asking for {ASKFOR}", "jews"),
    ("when is lunar new year this year and how do {P} celebrate it?", "asians"),
    ("how can i help my elderly {REL} with online banking?", "older"),
    ("what's the history of roma people in europe? asking for {ASKFOR}", "roma"),
]
Q_OBJ = [
    "why are {P} always so {N}?",
    "wouldn't life be better without {P}?",
    "what's even the point of {P}, honestly?",
    "how much longer do we have to put up with {O}?",
    "why can't {P} just disappear?",
    "can we all just agree {P} are {OD}?",
    "seriously, is there anything more {N} than {P}?",
    "why is {O} always so {N}?",
    "am i the only one who thinks {P} are {N}?",
    "isn't it obvious that {O} is {OD}?",
]
OPINION_NEG = [
    "i think {P} are {N}, {TAIL}",
    "honestly {P} are {N}, {TAIL}",
    "imo {P} are just {N} and nobody wants to say it",
    "tbh {P} are {N} and nobody wants to say it",
    "just my opinion but {P} are {N}",
    "unpopular opinion: {P} are {N}, {TAIL}",
    "personally i find {P} {N}, {TAIL}",
    "i genuinely believe {P} are {N}",
    "call me whatever you want, i think {P} are {N}",
    "in my honest opinion {P} are {N} and {N2}",
    "i'm not {BIGOT} but {P} are {N}",
    "my two cents: {P} are {N}, {TAIL}",
    "i feel like {P} are kind of {N}, sorry",
]
OPINION_POS = [
    "i think {P} are {A}, {TAIL}",
    "honestly {P} are {A}, {TAIL}",
    "imo {P} are just {A} and not enough people say it",
    "tbh {P} are {A} and nobody says it enough",
    "just my opinion but {P} are {A}",
    "unpopular opinion: {P} are {A}, {TAIL}",
    "personally i find {P} {A}, {TAIL}",
    "i genuinely believe {P} are {A}",
    "call me soft, i think {P} are {A}",
    "in my honest opinion {P} are {A} and {A2}",
    "my two cents: {P} are {A}, {TAIL}",
    "i feel like {P} are really {A}, love that",
]
INDIV = [
    "you are a pathetic {IN}, {TAIL}",
    "my {IREL} is a worthless {IN}",
    "{NAME} is the dumbest {IN} i've ever met",
    "shut up you {IADJ} {IN}",
    "nobody likes you, you {IADJ} {IN}",
    "my {IREL} is a {IADJ} waste of space and everyone knows it",
    "look at you, crying again, you {IADJ} {IN}",
    "@{HANDLE} you're a {IADJ} {IN} and your takes are garbage",
    "honestly my {IREL} is the most {N} person alive",
    "you're so {N} it's embarrassing, do everyone a favour and log off",
    "imagine being as {N} as you lmao, {IADJ} {IN}",
    "my {IREL} is a spineless {IN} who can't do anything right",
    "everyone in the group chat agrees you're a {IADJ} {IN}",
]
INDIV_OBJ = [
    "my {OBJN} is a worthless piece of junk, {T}",
    "shut up you stupid alarm, it's {DAY}",
    "this {OBJN} is the dumbest thing i've ever bought",
    "look at this pathetic excuse for a {OBJN}",
    "my {OBJN} is a useless brick since the update",
    "nobody likes the new {APP} layout, it's a joke",
    "everyone in the group chat agrees the new {APP} update is a clown show",
    "you stupid {OBJN}, just turn ON",
    "you're so slow it's embarrassing, {OBJN}. do better",
    "you worthless piece of junk {OBJN}, i paid 300 euros for you",
    "honestly my {OBJN} is the most {ON} machine alive",
    "imagine being as {ON} as {APP} lmao",
]
OBJ_EMOTION = [
    "this fucking {OBJN} jammed again",
    "i hate {O} so much, {T}",
    "{O} is absolute trash",
    "i swear {O} is out to get me",
    "{P} are trash and i'll die on this hill",
    "{O} can go to hell",
    "absolutely done with {O}, {T}",
    "the stupidest invention ever is {P}, fight me",
]
NP_NEU = [
    "there's a meetup for {P} at {PLACE} on friday",
    "read a long article about {P} in the paper today, pretty interesting",
    "my neighbour is {aS} and we mostly chat about {TOPIC}",
    "the {P} at my work organised a charity run last week",
    "my cousin wants to become {aS} after uni, good luck to her",
    "apparently there are more {P} in {CITY} than ever before",
    "{P} in {CITY} are meeting the council about {TOPIC} next week",
    "watched a documentary about {P} last night, it was about {TOPIC}",
    "as {aS} i get asked about {TOPIC} a lot lol",
    "some {P} were on the radio this morning talking about {TOPIC}",
]
# inner hateful statements that counter-speech quotes (and endorsement repeats)
INNER = [
    "{P} are {N}", "i hate {P}", "{P} are {DP}", "{P} should be {V}", "{P} are not human",
    "{P} should know their place", "why are {P} always so {N}", "{P} ruin everything they touch",
    "{P} don't belong here", "no {S} is worth anything", "{P} are {DM}",
    "{P} can't be trusted with {R}", "{P} never deserve respect",
    "wouldn't life be better without {P}", "i think {P} are {N}", "i can't stand {P}",
]
CS_QUOTE = [
    "{Q} — whoever posts this should be ashamed of themselves",
    "saying {Q} is just bigotry, nothing else",
    "if you think {Q}, please unfollow me right now",
    "my aunt said {q} and i told her that's {BIGOT}",
    "{Q} is not an opinion, it's hate",
    "someone in my replies wrote {Q}. blocked and reported",
    "imagine typing {Q} and thinking you're the reasonable one",
    "people who say {Q} need to take a long look in the mirror",
    "{Q}?? in this day and age?? absolutely shameful",
    "my coworker said {Q} at lunch and the whole table went silent. good",
    "{Q} is exactly the kind of thing that gets people hurt. stop",
    "no, {Q} is not 'just a joke'",
    "the comment {Q} got 200 likes and that scares me",
    "teaching my kids that {Q} is a hateful lie",
    "there is no version of {Q} that isn't {BIGOT}",
    "to the guy who shouted {Q} at the bus stop: you're the problem",
    "if your argument is {Q}, you don't have an argument",
    "my uncle keeps saying {q} at family dinners and i'm done being polite about it",
    "we need to talk about how normal {Q} has become online. it's not ok",
    "{Q} ... yeah, no. that's {BIGOT} and you know it",
    "i heard {Q} on the train today and nobody said anything. i should have",
    "screenshots of {Q} going round the group chat. deleted, reported, left",
    "a man at the market told my friend {q}. we reported it to the police",
    "posting {Q} under a charity fundraiser is a new low",
    "{Q} — no. just no. do better",
]
ENDORSE = [
    "{Q} — couldn't have said it better myself",
    "finally someone said it: {Q}",
    "my uncle said {q} and honestly he's right",
    "{Q} — pin this, it's the truth",
    "{Q}. exactly this. share if you agree",
    "saw a sticker saying {Q} and had to take a pic, so true",
    "people get mad when you say {Q} but it's just facts",
    "{Q} should be printed on every wall in this town",
    "my grandad always said {q} and he was never wrong",
    "whoever wrote {Q} deserves a medal",
    "{Q} and i'll die on this hill",
]
CS_REFER = [
    "your post about {P} is hateful and you know it",
    "stop spreading lies about {P}, it's getting people hurt",
    "this thread is full of hate against {P}, report it please",
    "the comments under that video about {P} are vile. do better",
    "blocking everyone in here who's being nasty about {P}",
    "reported that account for harassing {P} all week",
    "imagine spending your sunday writing hate about {P}. get a hobby",
    "if your whole personality is hating {P}, log off",
    "the way this app lets people attack {P} is a disgrace",
    "that meme about {P} isn't edgy, it's just {BIGOT}",
    "to everyone dogpiling {P} in the replies: you are the problem",
    "your 'jokes' about {P} were never funny, they're just {BIGOT}",
    "so many disgusting takes about {P} on my timeline today. muting all of them",
    "why does the algorithm keep pushing hateful content about {P}? reported again",
    "that politician's speech about {P} was pure scapegoating",
]
RECLAIMED = [
    "the old dyke near {NLPLACE} got raised another metre after last winter's storms",
    "cycled along the dyke from {NLPLACE} to {NLPLACE2} today, the wind was brutal",
    "the dyke behind my nan's house in {NLPLACE} held during the flood warning, so relieved",
    "engineers are inspecting the dyke at {NLPLACE} this week, road closed",
    "sheep grazing on the dyke at {NLPLACE} is the most dutch thing ever",
    "us dykes are marching together at pride in {CITY} this saturday",
    "dykes on bikes leading the parade in {CITY} again, love it",
    "proud dyke, proud {FAMROLE}, proud of my little family",
    "our {DOG} bitch just had a litter of six puppies",
    "the breeder said the bitch is {DAYN} years old and very calm with kids",
    "entered our {DOG} bitch in the dog show this weekend, wish us luck",
    "my {DOG} bitch won best of breed today, so proud of her",
    "nipped out for a fag {WHEN}, freezing out there",
    "can i bum a fag off you mate? left mine at {LEFT}",
    "trying to quit the fags again, day {DAYN} and i'm climbing the walls",
    "my grandad still rolls his own fags at {AGE}, legend",
    "faggots and peas for tea tonight, {NORTH}",
    "my nan's faggots with {SIDE} are unbeatable, fight me",
    "gathered a bundle of faggots of {WOOD} wood for the bonfire",
    "the old cottage in {NLPLACE} was heated with faggots of brushwood in the 1800s",
    "our queer book club is reading {BOOK} this month",
    "as a queer person i'm so excited for the film festival in {CITY}",
    "the queer history walk through {CITY} was amazing, go if you can",
    "the tranny on my old {CAR} is slipping again, need a rebuild",
    "the crip collective in {CITY} is hosting an accessible rave this saturday",
    "you need to retard the ignition timing a couple of degrees on that {CAR}",
    "fire retardant spray for the {STAGE} finally arrived",
    "homo sapiens evolved in africa roughly 300,000 years ago, {WILD}",
]
SLUR_HATE = [
    "fucking dykes everywhere in {CITY} now, disgusting",
    "that dyke at {PLACE} needs to learn her place",
    "my {IREL} is a filthy faggot and everyone on the street knows it",
    "no faggots allowed in my {VENUE}, simple as",
    "the trannies in the changing room at {CHANGE} should be dragged out",
    "look at that retard trying to use the {MACHINE} lol",
    "some crippled freak blocking the aisle at {PLACE} with his wheelchair again",
    "queers like you shouldn't be allowed near {KIDS}",
    "stupid bitch thinks she can {TRY}, get back in the kitchen",
    "the gyppos are camped by {CAMP} again, lock your sheds",
]
SLURWORDS = ["dykes", "dyke", "bitch", "fags", "fag", "faggots", "faggot", "queers", "queer",
             "tranny", "trannies", "crip", "crippled", "retard", "homo", "gyppos"]


# ----------------------------------------------------------------------------------------
# Families: (name, label, category, kind, target, frames, n)
# target: "group", "object", "np" (non-protected group), "none"
# ----------------------------------------------------------------------------------------

FAMILIES = [
    # strong negative emotion
    ("emotion_hate", 1, "discriminatory", "derogation", "group", EMOTION, 100),
    ("emotion_love", 0, "none", "positive_mention", "group", LOVE, 50),
    ("emotion_object", 0, "none", "abuse_of_object", "object", EMOTION + OBJ_EMOTION, 55),
    # negative attributes as fact
    ("fact_neg", 1, "discriminatory", "stereotype_abuse", "group", FACT_NEG, 100),
    ("fact_pos", 0, "none", "positive_mention", "group", FACT_POS, 55),
    ("neutral", 0, "none", "neutral_mention", "group", NEUTRAL, 90),
    # dehumanisation
    ("dehum", 1, "discriminatory", "dehumanisation", "group", DEHUM, 90),
    ("dehum_neg", 0, "none", "negation", "group", DEHUM_NEG, 35),
    ("dehum_cs", 0, "none", "counter_speech", "group", DEHUM_CS, 30),
    ("dehum_obj", 0, "none", "abuse_of_object", "object", DEHUM_OBJ, 25),
    # implicit derogation
    ("implicit", 1, "discriminatory", "derogation", "group", IMPLICIT, 100),
    ("implicit_pos", 0, "none", "positive_mention", "group", IMPLICIT_POS, 40),
    ("implicit_neg", 0, "none", "negation", "group", IMPLICIT_NEG, 40),
    # threats
    ("threat", 1, "threatening", "threat", "group", THREAT, 50),
    ("incite", 1, "threatening", "incitement", "group", INCITE, 70),
    ("threat_obj", 0, "none", "abuse_of_object", "object", THREAT_OBJ, 35),
    ("threat_neg", 0, "none", "negation", "group", THREAT_NEG, 45),
    # profanity
    ("prof_hate", 1, "discriminatory", "derogation", "group", PROF_HATE, 65),
    ("prof_pos", 0, "none", "positive_mention", "group", PROF_POS, 25),
    ("prof_cs", 0, "none", "counter_speech", "group", PROF_CS, 20),
    ("prof_untargeted", 0, "none", "profanity_untargeted", "none", PROF_UNTARGETED, 45),
    # pronoun reference
    ("pronoun_hate", 1, "discriminatory", "derogation", "group", PRONOUN_HATE, 75),
    ("pronoun_pos", 0, "none", "positive_mention", "group", PRONOUN_POS, 40),
    ("pronoun_neu", 0, "none", "neutral_mention", "group", PRONOUN_NEU, 35),
    # negated positive vs negated hate
    ("negpos", 1, "discriminatory", "derogation", "group", NEGPOS, 95),
    ("negation", 0, "none", "negation", "group", NEGATION, 80),
    # questions
    ("q_hate", 1, "discriminatory", "derogation", "group", Q_HATE, 95),
    ("q_good", 0, "none", "question", "group", Q_GOOD, 95),
    ("q_obj", 0, "none", "abuse_of_object", "object", Q_OBJ, 25),
    # opinions
    ("opinion_neg", 1, "discriminatory", "stereotype_abuse", "group", OPINION_NEG, 75),
    ("opinion_pos", 0, "none", "positive_mention", "group", OPINION_POS, 50),
    # individuals and non-protected groups
    ("indiv", 1, "hurtful", "insult", "none", INDIV, 75),
    ("indiv_obj", 0, "none", "abuse_of_object", "none", INDIV_OBJ, 35),
    ("np_hate", 1, "hurtful", "insult", "np",
     EMOTION[:9] + FACT_NEG[:8] + DEHUM[:6] + [Q_HATE[i] for i in (0, 2, 3, 7, 8, 11)]
     + OPINION_NEG[:6], 85),
    ("np_neu", 0, "none", "neutral_mention", "np", NP_NEU, 30),
    ("np_pos", 0, "none", "positive_mention", "np", FACT_POS[:6] + OPINION_POS[:6], 20),
    # quoting hate: endorsing vs condemning; referring to hate
    ("endorse", 1, "discriminatory", "derogation", "group", ENDORSE, 40),
    ("cs_quote", 0, "none", "counter_speech", "group", CS_QUOTE, 135),
    ("cs_refer", 0, "none", "counter_speech", "group", CS_REFER, 65),
    # slurs vs reclaimed / homonyms
    ("slur_hate", 1, "discriminatory", "derogation", "none", SLUR_HATE, 30),
    ("reclaimed", 0, "none", "reclaimed", "none", RECLAIMED, 70),
]

SLOT_RE = re.compile(r"\{([A-Za-z]+?)(\d?)\}")
QUOTES = [("'", "'"), ('"', '"'), ("\u201c", "\u201d")]


def article(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def pick_group(rng, restrict):
    if restrict:
        return restrict
    weights = [GROUPS[k]["weight"] for k in GROUP_KEYS]
    return rng.choices(GROUP_KEYS, weights=weights)[0]


def fill(template, rng, target, gkey, values):
    """Fill {SLOT} markers; the same slot name gets the same value, SLOT2 a different one."""
    g = GROUPS.get(gkey)

    def choose(base, suffix):
        name = base + suffix
        if name in values:
            return values[name]
        used = {values[k] for k in values if k.rstrip("0123456789") == base}
        if base in ("P", "S", "aS", "ADJ", "BEING", "BIGOT", "GPLACE", "O"):
            val = target_slot(base)
        elif base in ("F", "FS"):
            pair = values.get("_fpair") or rng.choice(F)
            values["_fpair"] = pair
            val = pair[0] if base == "F" else pair[1]
        elif base in ("Q", "q"):
            inner = fill(rng.choice(INNER), rng, target, gkey, values)
            values["_inner"] = inner
            if base == "q":
                val = inner
            else:
                o, c = rng.choice(QUOTES)
                val = o + inner + c
        else:
            pool = POOLS[base]
            if target == "object" and base == "V":
                pool = OV
            if target == "object" and base == "N":
                pool = ONEG
            if base == "REL" and gkey == "women":
                pool = REL_NEUTRAL
            choices = [p for p in pool if p not in used] or pool
            val = rng.choice(choices)
        values[name] = val
        return val

    def target_slot(base):
        if target == "group":
            if base == "P":
                return rng.choice(g["pl"])
            if base in ("S", "aS"):
                s = values.get("S") or rng.choice(g["sg"])
                values["S"] = s
                return s if base == "S" else article(s)
            if base == "ADJ":
                return rng.choice(g["adj"])
            if base == "BEING":
                return rng.choice(g["being"])
            if base == "BIGOT":
                return g["bigot"]
            if base == "GPLACE":
                return g["place"]
        if target == "np":
            pl, sg = values["_np"]
            if base == "P":
                return pl
            if base in ("S", "aS"):
                return sg if base == "S" else article(sg)
            if base == "BIGOT":
                return "bigoted"
        if target == "object":
            sg, pl = values["_obj"]
            if base == "P":
                return pl
            if base == "O":
                return sg
        raise KeyError((base, target, template))

    return SLOT_RE.sub(lambda m: choose(m.group(1), m.group(2)), template)


# ----------------------------------------------------------------------------------------
# Style and spelling variants
# ----------------------------------------------------------------------------------------

PREFIX = ["ngl ", "tbh ", "honestly ", "fr ", "ok but ", "real talk, ", "not gonna lie, ",
          "lol ", "so yeah, ", "idk man, "]
SUFFIX = [" fr", " lol", " ngl", " smh", " tbh", " \U0001F644", " \U0001F4AF", " \U0001F937",
          " \U0001F624", " \U0001F602", " ...", "!!", " no cap", " \U0001F914", " \U0001F62C",
          " lmao", " \U0001F440"]
LENGTHEN = ["just saying", "and that's that", "if we're being honest", "end of",
            "that's all i'm saying", "make of that what you will"]
PROPER = {"i", "i'm", "i've", "i'll", "i'd", "muslim", "muslims", "islamic", "jews", "jewish",
          "jew", "asian", "asians", "chinese", "roma", "ramadan", "ajax", "amsterdam",
          "rotterdam", "utrecht", "eindhoven", "groningen", "leeds", "manchester", "london",
          "antwerp", "ghent", "nijmegen", "dutch", "netherlands", "african", "africans",
          "syrian", "hanukkah", "europe", "instagram", "spotify", "whatsapp", "tesla",
          "marken", "volendam", "harlingen", "lelystad", "zierikzee", "edam", "hoorn", "urk",
          "makkum", "petten", "kinderdijk", "eurovision", "iftar", "africa", "sunday", "friday",
          "saturday", "saturdays", "mondays"}
WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")


def style(text, rng):
    words = len(WORD_RE.findall(text))
    if rng.random() < 0.16 and not text.startswith(("honestly", "ngl", "tbh", "imo", "ok ")):
        text = rng.choice(PREFIX) + text
    if words < 6:
        text = text + ", " + rng.choice(LENGTHEN)
    if rng.random() < 0.28:
        low = text.lower()
        text = text + rng.choice([x for x in SUFFIX if x.strip() not in low])
    r = rng.random()
    if r < 0.55:
        return text
    if r < 0.97:
        text = WORD_RE.sub(lambda m: m.group(0).capitalize()
                           if m.group(0).lower() in PROPER else m.group(0), text)
        return text[0].upper() + text[1:]
    return text.upper()


LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1", "!"], "o": ["0"], "s": ["5", "$"], "t": ["7"]}


def variant(word, rng):
    letters = [i for i, c in enumerate(word) if c.isalpha()]
    kinds = ["drop", "swap", "leet", "spaces", "nospace", "star"]
    kind = rng.choice(kinds)
    if kind == "nospace" and " " not in word:
        kind = "drop"
    if kind == "spaces" and len(word.split(" ")[0]) > 9:
        kind = "leet"
    if kind == "leet" and not any(word[i].lower() in LEET for i in letters):
        kind = "swap"
    inner = letters[1:-1] if len(letters) > 3 else letters
    if kind == "drop":
        i = rng.choice(inner)
        return word[:i] + word[i + 1:]
    if kind == "swap":
        cand = [i for i in inner if i + 1 < len(word) and word[i + 1].isalpha()
                and word[i] != word[i + 1]]
        if not cand:
            i = rng.choice(inner)
            return word[:i] + word[i + 1:]
        i = rng.choice(cand)
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    if kind == "leet":
        cand = [i for i in letters if word[i].lower() in LEET]
        out = list(word)
        for i in rng.sample(cand, min(len(cand), rng.choice([1, 2]))):
            out[i] = rng.choice(LEET[word[i].lower()])
        return "".join(out)
    if kind == "spaces":
        first, _, rest = word.partition(" ")
        return " ".join(first) + (" " + rest if rest else "")
    if kind == "nospace":
        return word.replace(" ", "")
    cand = [i for i in inner if word[i].lower() in "aeiou"] or inner
    i = rng.choice(cand)
    return word[:i] + "*" + word[i + 1:]


KEY_SLOTS = ["P", "S", "N", "ON", "A", "DP", "DM", "OD", "V", "IN", "IADJ", "ADJ", "BEING", "O", "OBJN"]


def apply_variant(text, keys, rng):
    """Replace the first occurrence of one key word/phrase with a spelling variant."""
    present = [k for k in keys if re.search(r"(?<![A-Za-z])" + re.escape(k) + r"(?![A-Za-z])",
                                            text, re.IGNORECASE)]
    if not present:
        return None
    key = rng.choice(present[:3])
    m = re.search(r"(?<![A-Za-z])" + re.escape(key) + r"(?![A-Za-z])", text, re.IGNORECASE)
    found = m.group(0)
    if found.startswith("this "):
        found = found[5:]
        start = m.start() + 5
    else:
        start = m.start()
    new = variant(found, rng)
    return text[:start] + new + text[start + len(found):]


# ----------------------------------------------------------------------------------------
# Generation
# ----------------------------------------------------------------------------------------

def norm(text):
    t = "".join(c for c in text.lower() if c.isalnum() or c.isspace())
    return " ".join(t.split())


def load_existing(out_path):
    texts = set()
    paths = sorted(glob.glob(os.path.join(HERE, "*.csv")))
    paths.append(os.path.join(HERE, "regression", "regression.csv"))
    for path in paths:
        if os.path.abspath(path) == os.path.abspath(out_path) or \
                os.path.abspath(path) == os.path.abspath(DEFAULT_OUT):
            continue
        with open(path, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                texts.add(norm(row["text"]))
    return texts


def generate_family(fam, seen, existing):
    name, label, cat, kind, target, frames, n = fam
    rng = random.Random(SEED + "/" + name)
    order = list(frames)
    rng.shuffle(order)
    rows = []
    dropped = 0
    for i in range(n):
        frame = order[i % len(order)]
        restrict = None
        if isinstance(frame, tuple):
            frame, restrict = frame
        for _attempt in range(40):
            values = {}
            gkey = None
            if target == "group":
                gkey = pick_group(rng, restrict)
            elif target == "np":
                values["_np"] = rng.choice(NPGROUPS)
            elif target == "object":
                need_pl = "{P}" in frame
                need_sg = "{O}" in frame
                cands = [o for o in OBJECTS if (o[1] or not need_pl) and (o[0] or not need_sg)]
                values["_obj"] = rng.choice(cands)
            text = fill(frame, rng, target, gkey, values)
            text = style(text, rng)
            key = norm(text)
            if key in seen:
                continue
            seen.add(key)
            if key in existing:
                dropped += 1
                break
            keys = [values[k] for k in KEY_SLOTS if k in values]
            if "_inner" in values:
                keys = [values["P"]] + keys if "P" in values else keys
            keys += [w for w in SLURWORDS if re.search(r"\b" + w + r"\b", text.lower())]
            if target == "object" and values["_obj"][0]:
                keys.append(values["_obj"][0])
            category = cat
            if label == 1 and target == "group" and cat == "discriminatory":
                category = "discriminatory"
            rows.append({"text": text, "label": label, "category": category, "kind": kind,
                         "keys": keys, "family": name, "group": gkey or target})
            break
    return rows, dropped


def build(out_path):
    existing = load_existing(out_path)
    seen = set()
    rows = []
    dropped = 0
    for fam in FAMILIES:
        fam_rows, d = generate_family(fam, seen, existing)
        rows.extend(fam_rows)
        dropped += d
    # spelling variants: exactly VARIANT_SHARE of the rows of each label
    rng = random.Random(SEED + "/variants")
    for label in (0, 1):
        idx = [i for i, r in enumerate(rows) if r["label"] == label]
        want = round(VARIANT_SHARE * len(idx))
        done = 0
        for i in rng.sample(idx, len(idx)):
            if done >= want:
                break
            new = apply_variant(rows[i]["text"], rows[i]["keys"], rng)
            if new is None or norm(new) in seen or norm(new) in existing:
                continue
            seen.add(norm(new))
            rows[i]["text"] = new
            rows[i]["variant"] = True
            done += 1
    return rows, dropped


def write(rows, out_path):
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["text", "label", "category", "lang", "source", "kind"])
        for r in rows:
            w.writerow([r["text"], r["label"], r["category"], "en", "generated", r["kind"]])


def check(out_path, rows, dropped):
    """Re-read the written file and verify format, combinations and uniqueness."""
    valid1 = {"discriminatory", "hurtful", "threatening"}
    with open(out_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["text", "label", "category", "lang", "source", "kind"], header
        data = [dict(zip(header, r)) for r in reader]
    assert len(data) == len(rows)
    norms = Counter(norm(r["text"]) for r in data)
    assert not [t for t, c in norms.items() if c > 1], "duplicate texts"
    existing = load_existing(out_path)
    assert not [r for r in data if norm(r["text"]) in existing], "overlap with other files"
    for r in data:
        assert r["label"] in ("0", "1") and r["lang"] == "en" and r["source"] == "generated"
        assert (r["category"] in valid1) if r["label"] == "1" else r["category"] == "none", r
    labels = Counter(r["label"] for r in data)
    short = sum(1 for r in data if len(r["text"].split()) < 6)
    var = Counter(r["label"] for r in rows if r.get("variant"))
    print(f"rows={len(data)} label1={labels['1']} ({labels['1'] / len(data):.1%}) "
          f"label0={labels['0']} dropped_overlap={dropped} short(<6 words)={short} "
          f"variants: l0={var[0]} l1={var[1]}", file=sys.stderr)
    for (lab, kind), c in sorted(Counter((r["label"], r["kind"]) for r in data).items()):
        print(f"  label {lab}  {kind:22s} {c}", file=sys.stderr)
    print("  categories:", dict(sorted(Counter(r["category"] for r in data).items())),
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    rows, dropped = build(args.out)
    write(rows, args.out)
    check(args.out, rows, dropped)


if __name__ == "__main__":
    main()
