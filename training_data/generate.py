"""Template-based generator for Reageerwijzer training data (source=generated).

What it writes
    training_data/generated.csv  (header: text,label,category,lang,source,kind)
    About 1,150 Dutch/Flemish and 650 English social-media style posts, roughly
    half label 1 (discriminatory / hurtful / threatening) and half label 0.

Why it exists
    Hand-written examples are varied but not SYSTEMATIC: a classifier trained on
    them alone can latch onto a group name, a slur or a swear word as the signal.
    This script crosses template families x group lexicons x spelling variants so
    that the SAME words appear on both sides of the label:
      * derogation            <-> positive mention of the same group
      * dehumanisation        <-> neutral fact / counter-speech quoting it
      * threat / incitement   <-> reporting a threat; violence in games, films, sport
      * "X moeten weg"        <-> counter-speech quoting it; negation ("ik vind niet ...")
      * slur at group/person  <-> reclaimed in-group use; reporting / condemning the slur
      * insult at jij/person  <-> untargeted profanity; abuse of an object; banter
    Slurs and insults are included as they really occur online (including common
    obfuscations), because a moderation classifier has to recognise them.

Spelling variation
    A fixed share (30 %) of the rows of EACH label in each language gets one or two
    variants: leetspeak, spaces/dots/asterisks inside the slur, insult or group word,
    a dropped, doubled or swapped letter, words glued together, ALL CAPS, a trailing
    emoji fitting the kind, or extra punctuation. Because both labels get the same
    share and the same mix, obfuscation itself carries no label signal.

Determinism
    Python 3.11 standard library only. Every random choice comes from
    random.Random seeded with a fixed string (per family), iteration is over lists
    in a fixed order, and nothing depends on time, environment or hash seeds.
    `python training_data/generate.py` rewrites the CSV byte-identically on every run.
    Optional: `--out PATH` writes elsewhere (used by the stability test).

All templates were written for this project; none are taken from a public dataset
or test suite.
"""

import argparse
import csv
import os
import random
import re
import sys
from collections import Counter

SEED = "reageerwijzer-generated-v1"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "generated.csv")
OBFUSCATION_SHARE = 0.30
MARK_OPEN, MARK_CLOSE = "\x01", "\x02"

# --------------------------------------------------------------------------------------
# Group lexicons.  G = plural surface forms, g = singular person nouns, pred = predicate
# form ("mijn collega is ..."), S/s = slurs (plural/singular), st = abusive stereotypes
# (usable after "zijn"/"are"), rS/rs = words the group reclaims for in-group use.
# protected=True -> abuse is "discriminatory", otherwise "hurtful".
# --------------------------------------------------------------------------------------


def grp(key, protected, G, g, pred=(), S=(), s=(), st=(), rS=(), rs=()):
    return {
        "key": key, "protected": protected, "G": list(G), "g": list(g), "pred": list(pred),
        "S": list(S), "s": list(s), "st": list(st), "rS": list(rS), "rs": list(rs),
    }


NL_GROUPS = [
    grp("marokkanen", True,
        ["Marokkanen", "marokkanen", "marrokanen", "mocro's", "Marokkaanse jongens"],
        ["Marokkaan", "marokkaan", "mocro", "Marokkaanse buurjongen"],
        ["Marokkaans", "van Marokkaanse afkomst"],
        ["kutmarokkanen", "makakken", "kameelneukers"], ["kutmarokkaan", "makak", "kameelneuker"],
        ["dieven", "straattuig", "criminelen", "uitkeringstrekkers"]),
    grp("turken", True,
        ["Turken", "turken", "Turkse mensen", "Turkse gasten"],
        ["Turk", "turk", "Turkse gast"],
        ["Turks", "van Turkse afkomst"],
        ["kutturken", "geitenneukers"], ["kutturk", "geitenneuker"],
        ["oplichters", "patsers met leasebakken", "agressief"]),
    grp("surinamers", True,
        ["Surinamers", "surinamers", "Surinaamse mensen"],
        ["Surinamer", "surinamer", "Surinaamse buurman"],
        ["Surinaams", "van Surinaamse afkomst"],
        ["negers", "bosnegers", "roetmoppen"], ["neger", "bosneger", "roetmop"],
        ["lui", "drugsdealers", "altijd te laat en nergens voor te gebruiken"]),
    grp("antillianen", True,
        ["Antillianen", "antillianen", "antilianen", "Curaçaoënaars"],
        ["Antilliaan", "antilliaan", "Curaçaose jongen"],
        ["Antilliaans", "van Curaçao"],
        ["negers", "apen"], ["neger", "aap"],
        ["criminelen", "messentrekkers", "uitkeringstrekkers"]),
    grp("zwarten", True,
        ["zwarte mensen", "zwarten", "donkere mensen", "zwarte jongens"],
        ["zwarte man", "zwarte vrouw", "donkere jongen"],
        ["zwart", "donker"],
        ["negers", "zwartjoekels", "roetmoppen", "apen"], ["neger", "zwartjoekel", "roetmop"],
        ["lui", "criminelen", "agressief"]),
    grp("oosteuropeanen", True,
        ["Polen", "polen", "Oost-Europeanen", "oost europeanen", "Roemenen", "Bulgaren"],
        ["Pool", "pool", "Oost-Europeaan", "Roemeen"],
        ["Pools", "Roemeens", "uit Oost-Europa"],
        ["polakken", "kutpolen"], ["polak", "kutpool"],
        ["zuipers", "dieven", "banenpikkers"]),
    grp("roma", True,
        ["Roma", "roma", "Roma-families", "Sinti"],
        ["Roma-vrouw", "Roma-jongen", "Sinto"],
        ["Roma", "van Roma-afkomst"],
        ["zigeuners", "kutzigeuners", "woonwagentuig"], ["zigeuner", "kutzigeuner"],
        ["dieven", "zakkenrollers", "profiteurs"]),
    grp("vluchtelingen", True,
        ["vluchtelingen", "asielzoekers", "statushouders", "nieuwkomers", "azc-bewoners"],
        ["vluchteling", "asielzoeker", "statushouder"],
        ["vluchteling", "statushouder"],
        ["gelukszoekers", "asieltuig", "fortuinzoekers"], ["gelukszoeker", "fortuinzoeker"],
        ["profiteurs", "uitvreters", "verkrachters"]),
    grp("joden", True,
        ["Joden", "joden", "Joodse mensen", "Joodse families"],
        ["Jood", "jood", "Joodse man", "Joodse vrouw"],
        ["Joods"],
        ["kankerjoden", "smousen", "tyfusjoden"], ["kankerjood", "smous"],
        ["geldwolven", "uitbuiters", "oplichters"]),
    grp("moslims", True,
        ["moslims", "Moslims", "muslims", "islamieten", "moslima's"],
        ["moslim", "Moslim", "moslima", "moslimjongen"],
        ["moslim", "moslima", "islamitisch"],
        ["geitenneukers", "baardapen", "kopvoddendragers", "moslimtuig"],
        ["geitenneuker", "baardaap", "kopvod"],
        ["terroristen", "barbaren", "achterlijk"]),
    grp("christenen", True,
        ["christenen", "gelovigen", "katholieken", "christenen uit de bijbelbelt"],
        ["christen", "gelovige", "katholiek"],
        ["christen", "katholiek", "gelovig"],
        ["gristenen", "bijbelfreaks", "zwartekousen"], ["gristen", "bijbelfreak"],
        ["hypocrieten", "wereldvreemd", "gehersenspoeld"]),
    grp("homos", True,
        ["homo's", "homos", "homo’s", "homoseksuelen", "gays", "homomannen"],
        ["homo", "homoseksueel", "gay jongen"],
        ["homo", "gay", "homoseksueel"],
        ["flikkers", "nichten", "poten", "mietjes"], ["flikker", "nicht", "poot", "mietje"],
        ["pedo's", "ziek in hun hoofd", "viezeriken"],
        ["flikkers", "nichten"], ["flikker", "nicht"]),
    grp("lesbiennes", True,
        ["lesbiennes", "lesbo's", "lesbische vrouwen", "lesbische meiden"],
        ["lesbienne", "lesbische vrouw", "lesbo"],
        ["lesbisch", "lesbienne"],
        ["potten", "manwijven"], ["pot", "manwijf"],
        ["manhaters", "gestoord", "gefrustreerd"],
        ["potten"], ["pot"]),
    grp("biseksuelen", True,
        ["biseksuelen", "bi's", "biseksuele mensen", "bi mensen"],
        ["biseksueel", "bi meisje", "bi jongen"],
        ["bi", "biseksueel"],
        [], [],
        ["hebberig", "vreemdgangers", "aanstellers"]),
    grp("trans", True,
        ["transgenders", "trans mensen", "transpersonen", "transvrouwen", "transmannen"],
        ["transvrouw", "transman", "trans persoon", "transgender"],
        ["trans", "transgender"],
        ["travo's", "shemales", "he-shes"], ["travo", "shemale", "he-she"],
        ["geestesziek", "gestoord", "een gevaar voor kinderen"]),
    grp("nonbinair", True,
        ["non-binaire mensen", "nonbinaire mensen", "enby's", "mensen die 'hen' willen heten"],
        ["non-binair persoon", "enby"],
        ["non-binair", "nonbinair"],
        [], [],
        ["aandachtzoekers", "gestoord", "aanstellers"]),
    grp("vrouwen", True,
        ["vrouwen", "meiden", "vrouwelijke gamers", "vrouwen op de werkvloer", "vrouwen achter het stuur"],
        ["vrouw", "meid", "vrouwelijke collega"],
        [],
        ["hoeren", "sletten", "kutwijven", "teven"], ["hoer", "slet", "kutwijf", "teef", "kech"],
        ["dom", "hysterisch", "alleen goed voor het aanrecht"],
        ["wijven", "bitches"], []),
    grp("mannen", True,
        ["mannen", "kerels", "mannen boven de 40", "vaders"],
        ["man", "vent", "kerel"],
        [],
        ["kutmannen", "zwijnen"], ["kutvent", "zwijn"],
        ["beesten", "verkrachters", "allemaal hetzelfde tuig"]),
    grp("gehandicapten", True,
        ["gehandicapten", "mensen met een beperking", "rolstoelers", "mensen in een rolstoel", "mensen met down"],
        ["gehandicapte", "jongen met een beperking", "meisje in een rolstoel"],
        ["gehandicapt", "slechthorend", "blind"],
        ["mongolen", "spastici", "spasten", "invaliden"], ["mongool", "spast", "invalide"],
        ["een last voor de maatschappij", "nutteloos", "profiteurs"]),
    grp("autisten", True,
        ["autisten", "mensen met autisme", "autistische kinderen", "mensen met ADHD"],
        ["autist", "jongen met autisme"],
        ["autistisch", "autist"],
        ["autistjes", "achterlijken"], ["autist", "achterlijke"],
        ["gestoord", "onbruikbaar", "robots zonder gevoel"]),
    grp("ouderen", True,
        ["ouderen", "bejaarden", "65-plussers", "oude mensen", "opa's en oma's"],
        ["oudere", "bejaarde", "oude man", "oude vrouw"],
        ["gepensioneerd", "75"],
        ["ouwe lullen", "kasplantjes", "ouwe taarten"], ["ouwe lul", "ouwe taart"],
        ["een last", "nutteloos", "zeurpieten"]),
    grp("jongeren", True,
        ["jongeren", "pubers", "tieners", "jongeren van tegenwoordig"],
        ["puber", "tiener", "jongere"],
        [],
        ["snotapen", "kutjongeren", "tokkies"], ["snotaap", "kutjong"],
        ["verwend", "lui", "respectloos"]),
    grp("aziaten", True,
        ["Chinezen", "chinezen", "Aziaten", "aziaten", "Aziatische mensen"],
        ["Chinees", "Aziaat", "Chinese vrouw"],
        ["Chinees", "Aziatisch", "van Chinese afkomst"],
        ["spleetogen", "pinda's", "tjing tjongs"], ["spleetoog", "pinda"],
        ["virusverspreiders", "hondeneters", "robots"]),
    grp("belgen", True,
        ["Belgen", "belgen", "Vlamingen", "Walen"],
        ["Belg", "belg", "Vlaming", "Waal"],
        ["Belgisch", "Vlaams"],
        ["kutbelgen", "frietzakken"], ["kutbelg", "frietzak"],
        ["dom", "achterlijk", "traag van begrip"]),
    grp("hollanders", True,
        ["Hollanders", "hollanders", "Nederlanders", "ollanders"],
        ["Hollander", "hollander", "Nederlander"],
        ["Nederlands", "Hollands"],
        ["kaaskoppen", "kutHollanders"], ["kaaskop", "kutHollander"],
        ["gierig", "arrogant", "luidruchtig"]),
]

NL_NONPROT = [
    grp("fietsers", False, ["fietsers", "wielrenners", "bakfietsmoeders", "racefietsers"], ["fietser", "wielrenner"]),
    grp("boomers", False, ["boomers", "babyboomers", "boomertjes"], ["boomer"]),
    grp("leraren", False, ["leraren", "docenten", "leraren op mijn school", "juffen en meesters"], ["leraar", "docent"]),
    grp("scooters", False, ["scooterrijders", "scooterjochies", "snorfietsers"], ["scooterrijder", "snorfietser"]),
    grp("supporters", False, ["Ajacieden", "Feyenoorders", "PSV-supporters", "Club Brugge-supporters"], ["Ajacied", "Feyenoorder"]),
    grp("influencers", False, ["influencers", "tiktokkers", "youtubers"], ["influencer", "tiktokker"]),
    grp("agenten", False, ["agenten", "politieagenten", "boa's", "handhavers"], ["agent", "boa", "handhaver"]),
    grp("vegans", False, ["vegans", "veganisten"], ["vegan", "veganist"]),
    grp("automobilisten", False, ["BMW-rijders", "Tesla-rijders", "Audi-rijders", "leasebakrijders"], ["BMW-rijder", "Tesla-rijder"]),
    grp("ambtenaren", False, ["ambtenaren", "gemeenteambtenaren", "mensen van de belastingdienst"], ["ambtenaar"]),
    grp("gamers", False, ["gamers", "fortnite-kids", "Twitch-streamers"], ["gamer", "streamer"]),
    grp("toeristen", False, ["toeristen", "dagjesmensen", "bierfietsers"], ["toerist"]),
]

EN_GROUPS = [
    grp("muslims", True, ["Muslims", "muslims", "Moslems"], ["Muslim", "muslim guy", "Muslim woman"], ["Muslim"],
        ["ragheads", "towelheads", "goatfuckers", "muzzies"], ["raghead", "towelhead", "muzzie"],
        ["terrorists", "savages", "backwards"]),
    grp("jews", True, ["Jews", "jews", "Jewish people", "Jewish families"], ["Jew", "Jewish guy", "Jewish woman"], ["Jewish"],
        ["kikes", "yids"], ["kike", "yid"],
        ["greedy", "parasites", "liars"]),
    grp("black", True, ["Black people", "black people", "Black folks", "black families"], ["Black guy", "black woman", "black lad"], ["Black"],
        ["niggers", "coons", "monkeys", "jungle bunnies"], ["nigger", "coon", "monkey"],
        ["thugs", "lazy", "criminals"]),
    grp("mexicans", True, ["Mexicans", "mexicans", "Latinos", "immigrants", "migrants"], ["Mexican", "Latino guy", "immigrant"],
        ["Mexican", "Latina", "an immigrant"],
        ["beaners", "wetbacks", "spics"], ["beaner", "wetback", "spic"],
        ["rapists", "drug dealers", "freeloaders"]),
    grp("refugees", True, ["refugees", "asylum seekers", "people on the small boats", "Syrian refugees"], ["refugee", "asylum seeker"],
        ["a refugee"],
        ["invaders", "scroungers", "parasites"], ["invader", "scrounger"],
        ["rapists", "scroungers", "freeloaders"]),
    grp("asians", True, ["Asians", "asians", "Chinese people", "East Asians"], ["Asian", "Chinese guy", "Asian woman"],
        ["Asian", "Chinese"],
        ["chinks", "gooks", "slant eyes"], ["chink", "gook"],
        ["dog eaters", "virus spreaders", "robots"]),
    grp("gay", True, ["gay people", "gays", "gay men", "gay lads"], ["gay guy", "gay man", "gay lad"], ["gay"],
        ["faggots", "fags", "poofs", "fairies"], ["faggot", "fag", "poof"],
        ["pedos", "perverts", "sick in the head"],
        ["queers", "fags"], ["queer", "fag"]),
    grp("lesbians", True, ["lesbians", "lesbian couples", "lesbian women"], ["lesbian", "lesbian girl"], ["a lesbian", "lesbian"],
        ["dykes", "lezzers", "lesbos", "carpet munchers"], ["dyke", "lezzer"],
        ["man haters", "confused", "just frustrated"],
        ["dykes"], ["dyke"]),
    grp("bi", True, ["bisexuals", "bi people", "bisexual people"], ["bisexual", "bi girl", "bi guy"], ["bi", "bisexual"],
        [], [],
        ["greedy", "cheaters", "confused"]),
    grp("trans", True, ["trans people", "trans women", "trans men", "transgenders", "trans folks"],
        ["trans woman", "trans guy", "trans person"], ["trans"],
        ["trannies", "shemales", "troons"], ["tranny", "shemale", "troon"],
        ["mentally ill", "groomers", "freaks"]),
    grp("nonbinary", True, ["non-binary people", "nonbinary folks", "enbies", "people who use they/them"],
        ["non-binary person", "enby"], ["non-binary", "nonbinary"],
        [], [],
        ["attention seekers", "delusional", "snowflakes"]),
    grp("women", True, ["women", "females", "girls", "female gamers", "women drivers"], ["woman", "girl", "female coworker"], [],
        ["bitches", "whores", "sluts", "thots"], ["bitch", "whore", "slut", "thot"],
        ["stupid", "hysterical", "only good for the kitchen"],
        ["bitches"], []),
    grp("men", True, ["men", "blokes", "dads", "men over 40"], ["man", "bloke", "guy"], [],
        [], [],
        ["animals", "trash", "all the same scum"]),
    grp("disabled", True, ["disabled people", "people in wheelchairs", "the disabled", "people with Down syndrome"],
        ["disabled guy", "wheelchair user", "disabled kid"], ["disabled", "deaf", "blind"],
        ["retards", "cripples", "spazzes", "mongs"], ["retard", "cripple", "spaz", "mong"],
        ["a burden", "useless", "a drain on society"],
        [], ["crip"]),
    grp("autistic", True, ["autistic people", "autistic kids", "people with autism", "people with ADHD"],
        ["autistic kid", "autistic guy"], ["autistic"],
        ["spergs", "autists"], ["sperg", "autist"],
        ["robots", "broken", "useless"]),
    grp("elderly", True, ["old people", "pensioners", "the elderly", "oldies"], ["old man", "old lady", "pensioner"], ["retired", "80"],
        ["old farts", "coffin dodgers", "wrinklies"], ["old fart", "coffin dodger"],
        ["a burden", "useless", "senile"]),
    grp("young", True, ["teenagers", "young people", "kids these days", "Gen Z"], ["teenager", "kid", "young lad"], [],
        ["brats", "little shits"], ["brat", "little shit"],
        ["lazy", "entitled", "spoiled"]),
    grp("easteuropeans", True, ["Polish people", "Poles", "Eastern Europeans", "Romanians"], ["Polish guy", "Romanian", "Eastern European"],
        ["Polish", "Romanian"],
        ["polacks", "polaks"], ["polack"],
        ["thieves", "drunks", "job stealers"]),
    grp("roma", True, ["Roma", "Travellers", "Roma families", "Irish Travellers"], ["Roma woman", "Traveller"], ["Roma", "a Traveller"],
        ["gypos", "pikeys", "gyppos"], ["gypo", "pikey"],
        ["thieves", "scroungers", "dirty"]),
    grp("christians", True, ["Christians", "christians", "evangelicals", "Catholics"], ["Christian", "Catholic"], ["Christian", "Catholic"],
        ["bible bashers", "god botherers", "fundies"], ["bible basher", "god botherer"],
        ["hypocrites", "brainwashed", "backwards"]),
]

EN_NONPROT = [
    grp("cyclists", False, ["cyclists", "road cyclists", "cycle couriers"], ["cyclist"]),
    grp("boomers", False, ["boomers", "baby boomers"], ["boomer"]),
    grp("teachers", False, ["teachers", "the teachers at my school", "supply teachers"], ["teacher"]),
    grp("cops", False, ["cops", "police officers", "traffic wardens"], ["cop", "traffic warden"]),
    grp("vegans", False, ["vegans"], ["vegan"]),
    grp("landlords", False, ["landlords", "letting agents"], ["landlord", "letting agent"]),
    grp("influencers", False, ["influencers", "tiktokers", "youtubers"], ["influencer", "tiktoker"]),
    grp("drivers", False, ["Tesla drivers", "BMW drivers", "Audi drivers", "Uber drivers"], ["Tesla driver", "BMW driver"]),
    grp("gamers", False, ["gamers", "fortnite kids", "twitch streamers"], ["gamer", "streamer"]),
    grp("fans", False, ["Chelsea fans", "Man United fans", "Leeds fans", "Rangers fans"], ["Chelsea fan", "United fan"]),
    grp("tourists", False, ["tourists", "stag parties", "day trippers"], ["tourist"]),
]

# --------------------------------------------------------------------------------------
# Common (non-group) slot lexicons per language.
# --------------------------------------------------------------------------------------

NL_LEX = {
    "P": ["in Rotterdam-Zuid", "in de Schilderswijk", "in Amsterdam-West", "in Overvecht", "in Borgerhout",
          "in Molenbeek", "in Tilburg", "in Almere", "op het Centraal", "in de tram", "bij de Appie",
          "op de markt", "in de sportschool", "op school", "bij ons in de straat", "in Gent", "in Antwerpen",
          "in Kanaleneiland", "in de Bijlmer", "in Genk", "bij de Jumbo", "in het winkelcentrum"],
    "W": ["in Rotterdam-Zuid", "in de Schilderswijk", "in Amsterdam-West", "in Overvecht", "in Borgerhout",
          "in Molenbeek", "in Tilburg", "in Almere", "in Gent", "in Antwerpen", "in Kanaleneiland",
          "in de Bijlmer", "in Genk", "bij ons in de buurt", "in Zwolle", "in Arnhem"],
    "Pn": ["Rotterdam", "Amsterdam", "Utrecht", "Den Haag", "Antwerpen", "Gent", "Tilburg", "Eindhoven",
           "Almere", "Zwolle", "Genk", "Brussel", "Arnhem", "Leeuwarden", "Mechelen", "Nijmegen"],
    "N": ["Sanne", "Daan", "Mohammed", "Youssef", "Fatima", "Kevin", "Priscilla", "Bram", "Lieke", "Jayden",
          "Noah", "Emma", "Anouk", "Mehmet", "Ilse", "Rachid", "Jelle", "Femke", "Ayoub", "Shanti", "Jens",
          "Lotte", "Wout", "Lore", "Dewi", "Sven"],
    "I": ["kankerlijer", "tyfuslijer", "teringlijer", "mongool", "debiel", "sukkel", "hoer", "kech", "loser",
          "vetzak", "klootzak", "eikel", "lul", "mislukkeling", "dikzak", "kneus", "sloerie", "zielepoot",
          "flapdrol", "kakkerlak", "vreetzak", "etterbak", "hoerenzoon", "idioot", "randdebiel"],
    "IA": ["vieze", "lelijke", "dikke", "domme", "achterlijke", "vuile", "zielige", "stinkende", "waardeloze",
           "kanker", "tyfus", "gestoorde"],
    "IAp": ["lelijk", "dik", "dom", "achterlijk", "zielig", "waardeloos", "vies", "raar"],
    "GI": ["kankerlijers", "tyfuslijers", "klootzakken", "eikels", "tuig", "parasieten", "asocialen",
           "mongolen", "debielen", "losers", "idioten", "zielepoten"],
    "mI": ["sukkel", "oen", "gek", "malloot", "domoor", "pannenkoek", "gekkie", "idioot", "kluns", "sufferd",
           "druiloor", "mafkees"],
    "curse": ["kanker", "kut", "tyfus", "tering", "godverdomme", "fuck", "shit", "klote", "kolere",
              "jezus christus", "verdomme", "potverdomme"],
    "sit": ["wat een regen vandaag", "trein heeft weer vertraging", "mn fiets is alweer gejat",
            "ik heb mn tentamen verkloot", "weer file op de a12", "de wifi ligt er weer uit",
            "ik ben mijn airpods kwijt", "dat was een zware training", "mijn pakketje komt weer niet",
            "ik heb me verslapen", "het is veel te heet in de bus", "stroom is uitgevallen in heel de straat",
            "de appie is door de kipfilet heen", "mijn oortjes zijn in de wasmachine beland",
            "mn telefoon is op 2 procent", "de lift is weer stuk"],
    "pre": ["kut", "kanker", "tyfus", "klote", "tering", "rot"],
    "O": ["laptop", "printer", "fiets", "telefoon", "wasmachine", "router", "scooter", "magnetron",
          "koffiemachine", "oplader", "auto", "playstation"],
    "game": ["fortnite", "warzone", "fifa", "call of duty", "GTA", "minecraft", "valorant", "rocket league"],
    "bord": ["monopoly", "kolonisten", "risk", "uno", "cluedo"],
    "num": ["12", "17", "23", "30", "9"],
    "club": ["Ajax", "Feyenoord", "PSV", "AZ", "FC Utrecht", "Club Brugge", "Anderlecht", "Standard",
             "Vitesse", "Twente", "Antwerp", "AA Gent"],
    "claim": ["5G-masten veroorzaken hoofdpijn", "de maanlanding is in een studio opgenomen",
              "vaccins bevatten chips om ons te volgen", "de aarde is gewoon plat",
              "chemtrails maken iedereen moe", "corona is nooit echt geweest",
              "ze stoppen stiekem medicijnen in het kraanwater"],
    "tail": ["zoek het maar op", "doe je eigen onderzoek", "mijn neef werkt in een lab, hij weet het",
             "niemand praat erover maar het is waar", "staat gewoon op telegram", "wakker worden mensen"],
}

EN_LEX = {
    "P": ["in east London", "in Leeds", "on the tube", "at Tesco", "on the bus", "at my uni", "in Birmingham",
          "down my street", "at the gym", "in Manchester", "at work", "outside the station", "in Brooklyn",
          "in Glasgow", "at the shopping centre", "at Walmart"],
    "W": ["in east London", "in Leeds", "in Birmingham", "down my street", "in Manchester", "in Brooklyn",
          "in Glasgow", "round our way", "in Bristol", "in south Leeds"],
    "Pn": ["London", "Leeds", "Bristol", "Manchester", "Birmingham", "Glasgow", "Chicago", "Houston", "Dublin",
           "Toronto", "Sheffield", "Cardiff"],
    "N": ["Jake", "Tyler", "Chloe", "Priya", "Marcus", "Olivia", "Connor", "Aisha", "Liam", "Megan", "Kwame",
          "Sophie", "Ryan", "Jade", "Dylan", "Hannah"],
    "I": ["dickhead", "twat", "cunt", "bitch", "loser", "idiot", "moron", "fat pig", "prick", "wanker",
          "dumbass", "freak", "clown", "piece of shit", "skank", "tosser", "knobhead", "waste of space",
          "creep", "absolute weirdo"],
    "IA": ["ugly", "fat", "stupid", "pathetic", "disgusting", "worthless", "braindead", "smelly", "useless",
           "brainless"],
    "IAp": ["ugly", "fat", "stupid", "pathetic", "worthless", "weird", "useless"],
    "GI": ["idiots", "morons", "assholes", "wankers", "parasites", "scum", "losers", "dickheads", "clowns",
           "tossers", "degenerates"],
    "mI": ["idiot", "dork", "muppet", "goof", "nerd", "dummy", "numpty", "weirdo", "doofus"],
    "curse": ["fuck", "fucking hell", "shit", "ffs", "bloody hell", "for fuck's sake", "goddammit",
              "jesus christ", "bollocks", "damn it"],
    "sit": ["this rain is never ending", "missed the bus again", "someone nicked my bike again",
            "I've completely bombed that exam", "stuck in traffic on the M25 again", "the wifi is down again",
            "lost my airpods", "that was a brutal workout", "my parcel still hasn't come", "overslept again",
            "it's boiling on this train", "power's out on the whole street", "my phone is on 2 percent"],
    "pre": ["fucking", "shitty", "piece of shit", "damn", "stupid", "bloody"],
    "O": ["laptop", "printer", "bike", "phone", "washing machine", "router", "car", "microwave",
          "coffee machine", "charger", "controller"],
    "game": ["fortnite", "warzone", "fifa", "call of duty", "GTA", "minecraft", "valorant", "apex"],
    "bord": ["monopoly", "catan", "risk", "uno", "cluedo"],
    "num": ["12", "17", "23", "30", "9"],
    "club": ["Arsenal", "Chelsea", "Spurs", "Man United", "Liverpool", "Leeds", "Celtic", "Rangers", "Villa",
             "Everton"],
    "claim": ["5G masts cause headaches", "the moon landing was filmed in a studio",
              "vaccines have tracking chips in them", "the earth is flat", "chemtrails are why everyone's tired",
              "covid was never real", "they put stuff in the tap water to keep us docile"],
    "tail": ["look it up", "do your own research", "my cousin works in a lab, he knows",
             "nobody talks about it but it's true", "it's all on telegram", "wake up people"],
}

# --------------------------------------------------------------------------------------
# Template families.  (name, label, category, kind, pool, n, templates)
#   category "auto" -> discriminatory for a protected group, hurtful otherwise.
#   pool: "prot" | "nonprot" | None (no group needed)
# Slots: {G} {g} {pred} {S} {s} {st} {rS} {rs} come from the group; all others from the
# language lexicon.  {a_X} = English article + value.  {X2} = an independent second draw.
# --------------------------------------------------------------------------------------

NL_FAMILIES = [
    # ---------------- label 1 ----------------
    ("nl_derog_prot", 1, "auto", "derogation", "prot", 40, [
        "{G} zijn echt het laagste van het laagste, zie het elke dag weer {P}",
        "elke keer {P} weer die vieze {G}, walgelijk volk gewoon",
        "die {G} {P} zijn stuk voor stuk {GI}, ik zeg gewoon wat iedereen denkt",
        "wollah {G} zijn het meest waardeloze volk dat er rondloopt",
        "{G} verpesten alles waar ze aankomen, kijk maar wat er van {Pn} geworden is",
        "ik kan {G} echt nie uitstaan, smerig volk met hun gedoe {P}",
        "amai, weer {G} in het nieuws. ge kunt da volk echt nergens mee naartoe nemen",
        "mijn hele tijdlijn vol {G} vandaag, wat zijn het toch walgelijke mensen",
    ]),
    ("nl_dehum_prot", 1, "auto", "dehumanisation", "prot", 40, [
        "die {G} {P} zijn net ratten, ze kruipen overal uit de riolen",
        "{G} zijn geen mensen bro, gewoon beesten in een trainingspak",
        "het is geen wijk meer {W}, het is een stal vol {G}",
        "{G} zijn ongedierte en ge moet ze ook zo behandelen",
        "zag net een groep {G} {P}, net apen die uit Blijdorp zijn ontsnapt",
        "{G} zijn een gezwel in dit land dat eruit gesneden moet worden",
        "die {G} vermenigvuldigen zich als kakkerlakken, straks is heel {Pn} van hen",
        "noem ze geen mensen, {G} zijn parasieten die op ons teren",
    ]),
    ("nl_stereo_prot", 1, "auto", "stereotype_abuse", "prot", 35, [
        "{G} zijn allemaal {st}, dat weet toch iedereen",
        "weer gedoe {P} en ja hoor, {G}. allemaal {st} zonder uitzondering",
        "sws zijn {G} {st}, noem me er één die het niet is",
        "twintig jaar {W} gewoond en {G} zijn gewoon {st}, klaar",
        "het zit in hun bloed, {G} zijn {st} en dat verandert nooit",
        "allez, {G} zijn nu eenmaal {st}, daar moet ge nie over zeveren",
    ]),
    ("nl_exclusion_prot", 1, "auto", "exclusion", "prot", 40, [
        "{G} moeten hier weg, ik wil ze {P} niet meer zien",
        "geen {G} in mijn straat, ik teken meteen die petitie",
        "{G} zouden hier niet eens mogen werken of stemmen",
        "ik verhuur mijn kamer echt niet aan {G}, die komen er bij mij niet in",
        "{G} horen hier gewoon niet, deuren dicht en klaar",
        "bij mij in de zaak neem ik nooit {G} aan, principekwestie",
        "{G} buiten de club houden is gewoon slim, goed bezig portier",
        "op onze school zouden ze {G} moeten weigeren, dan wordt het eindelijk rustig",
    ]),
    ("nl_slur_group", 1, "discriminatory", "slur", "prot", 40, [
        "kijk die {S} weer {P} rondhangen, walgelijk",
        "het zit hier vol met {S} {P}, ik ben weg",
        "al die {S} moeten gewoon hun bek houden over 'discriminatie'",
        "bro waarom zitten er zoveel {S} in de trein vandaag",
        "ik ben die {S} zo zat, elke dag hetzelfde liedje {P}",
        "weer een post van die {S}, wanneer houdt het op",
        "stelletje {S}, ga ergens anders wonen",
    ]),
    ("nl_slur_person", 1, "discriminatory", "slur", "prot", 40, [
        "ga terug naar je hok vuile {s}",
        "{N} is gewoon een {s}, kijk naar die profielfoto",
        "hou je bek {s}, niemand vroeg om jouw mening",
        "reageer nog één keer onder mijn post, vieze {s}",
        "wat doe jij nog op deze server {s}? oprotten",
        "die nieuwe in onze klas is een {s}, echt niet normaal",
        "ge zijt gewoon een vuile {s}, da weet heel de school",
    ]),
    ("nl_threat_prot", 1, "threatening", "threat", "prot", 35, [
        "de volgende {g} die ik {P} zie sla ik persoonlijk in elkaar",
        "wacht maar tot het donker is, dan komen we die {G} {W} opzoeken",
        "nog één keer gedoe met {G} en ik kom met een mes, beloofd",
        "{G} in deze buurt: pas maar op, wij weten waar jullie wonen",
        "ik zweer het, de eerste {g} die mijn straat in loopt gaat eraan",
        "als die {G} hun feestje {W} doorzetten gaan er koppen rollen. letterlijk",
        "ik heb een honkbalknuppel in de auto liggen voor de eerste {g} die iets zegt",
    ]),
    ("nl_incite_prot", 1, "threatening", "incitement", "prot", 35, [
        "iemand moet die {G} {W} eens flink in elkaar trappen, wie gaat er mee zaterdag?",
        "jongens, om 22:00 verzamelen {W}. we gaan {G} jagen, neem wat mee",
        "als de politie niks doet moeten we die {G} zelf maar aanpakken, hard",
        "steek die huizen van {G} {W} gewoon in de fik, dan zijn we van ze af",
        "deel dit: iedereen die een {g} ziet lopen geeft gewoon een klap",
        "wie helpt mee om die {G} {W} eens goed bang te maken? stenen liggen klaar",
    ]),
    ("nl_derog_nonprot", 1, "auto", "derogation", "nonprot", 30, [
        "{G} zijn echt de grootste {GI} van het land",
        "alle {G} zijn {GI}, ik zeg het gewoon",
        "wat een {GI} zijn die {G} toch, elke dag weer {P}",
        "haat aan alle {G}, stelletje {GI}",
        "{G} = {GI}, discussie gesloten",
        "amai die {G}, ge kunt er gewoon nie mee leven, wat een {GI}",
    ]),
    ("nl_threat_nonprot", 1, "threatening", "threat", "nonprot", 25, [
        "de volgende van die {G} die {P} voor me opduikt rij ik gewoon omver",
        "ik zweer het, ik trap die {G} nog eens hun bek in",
        "nog één van die {G} die me naait en ik sla hem kapot, let maar op",
        "ik wacht die {g} morgen op bij de uitgang, dan zal hij wel zien",
        "die {g} van vanochtend: ik weet waar je woont en ik kom langs",
    ]),
    ("nl_insult_you", 1, "hurtful", "insult", None, 40, [
        "jij bent echt een {IA} {I}, niemand mag je",
        "hou je bek {I}, je snapt er helemaal niks van",
        "wat ben jij een {I} zeg, ga je schamen",
        "{I} dat je bent, blokkeer me maar",
        "jij {IA} {I}, durf je niet eens terug te appen?",
        "ben jij echt zo'n {I} of doe je alsof",
        "ge zijt ne {IA} {I}, ik kan u nie meer zien",
        "stop met reageren onder mijn foto's, {IA} {I}",
    ]),
    ("nl_insult_named", 1, "hurtful", "insult", None, 35, [
        "{N} is echt een {IA} {I}, iedereen in de klas weet het",
        "heb je die nieuwe foto van {N} gezien? wat een {I}",
        "{N} uit 3b is zo'n {I}, echt niemand wil naast {N} zitten",
        "{N} doe normaal {I}, je maakt jezelf belachelijk",
        "zag {N} vandaag {P}, wat een {IA} {I} is dat toch",
        "{N} is de grootste {I} van heel {Pn}",
    ]),
    ("nl_bullying", 1, "hurtful", "bullying", None, 35, [
        "niemand wil jou in de groepsapp {N}, snap je dat nou nog steeds niet",
        "{N} stinkt altijd, morgen negeren we {N} allemaal 😂",
        "deel deze foto van {N} in alle groepen, wat een {I}",
        "ga gewoon dood {N}, niemand gaat je missen",
        "{N} heeft nul vrienden lmao, {IA} {I}",
        "we maken een account om {N} te roasten, stuur alle foto's die je hebt",
        "{N} zit weer alleen in de kantine haha, zelfs de leraren vinden je een {I}",
        "niemand komt naar jouw feestje {N}, iedereen heeft afgezegd omdat je een {I} bent",
    ]),
    ("nl_curse", 1, "hurtful", "insult", None, 30, [
        "krijg de kanker {I}",
        "krijg de tering {N}, echt waar",
        "tyfus op {I}, je hebt mijn dag verpest",
        "ik hoop dat je kanker krijgt {N}, {IA} {I}",
        "krijg de klere met je mening {I}",
        "val dood {N}, {IA} {I} dat je bent",
    ]),
    ("nl_threat_person", 1, "threatening", "threat", None, 30, [
        "{N} ik weet waar je woont, let maar op als je vanavond naar huis fietst",
        "nog één keer en ik steek je neer {I}",
        "morgen na school ben je dood {N}, ik zweer het",
        "ik kom je halen {I}, ik heb je adres al",
        "je gaat eraan {N}, wacht maar tot ik je zie {P}",
        "ik breek al je botten {N}, en dat is geen grap",
        "ge gaat het nie navertellen {N}, wacht maar tot zaterdag",
    ]),
    ("nl_incite_person", 1, "threatening", "incitement", None, 30, [
        "wie pakt {N} na school? die {I} moet een lesje leren",
        "iemand moet die {I} {P} eens goed in elkaar slaan, ik betaal 50 euro",
        "zoek {N} op en sloop die gast, adres staat in de groepsapp",
        "als je {N} ziet, gewoon meteen slaan. die {I} verdient het",
        "wie heeft zin om {N} vanavond op te wachten {P}? neem iets mee",
    ]),
    ("nl_incite_sport", 1, "threatening", "incitement", None, 20, [
        "na de wedstrijd pakken we die {club}-supporters bij het station, iedereen een stok mee",
        "zondag gaan we die {club}-fans kapot slaan, ik heb al stenen geregeld",
        "afspraak 16:00 achter het stadion, dat {club}-tuig gaat bloeden",
        "wie gaat er mee om het supportersbusje van {club} aan te vallen na de match",
    ]),
    # ---------------- label 0 ----------------
    ("nl_positive_prot", 0, "none", "positive_mention", "prot", 35, [
        "mijn buurvrouw is {pred} en kookt elke week voor de halve flat ❤️",
        "{G} {W} maken echt het beste eten, ik ga er elke week langs",
        "shoutout naar de {G} die vandaag de buurtschoonmaak {W} hebben geregeld 🙏",
        "eerlijk, die {g} bij ons op werk is de liefste collega die ik ooit heb gehad",
        "veel respect voor hoe {G} {W} elkaar helpen, schoon om te zien",
        "mijn beste mattie is {pred}, bro is echt goud waard",
        "amai, die {g} van hiernaast heeft gisteren mijn fiets gemaakt, wat een schat",
        "{G} in mijn team zijn de hardste werkers die ik ken, zeg ik gewoon",
    ]),
    ("nl_neutral_prot", 0, "none", "neutral_mention", "prot", 35, [
        "in {Pn} wonen best veel {G}, stond in dat CBS-rapport",
        "{G} {W} houden zaterdag een open dag in het buurthuis",
        "gisteren een docu over {G} gezien op NPO, wel interessant",
        "mijn stagebegeleider is {pred}, vandaag de planning voor volgende week besproken",
        "de gemeente maakt folders in meer talen, ook voor {G} {W}",
        "ik schrijf mijn profielwerkstuk over de geschiedenis van {G} in Nederland",
        "er zat een {g} naast me in de trein naar {Pn}, gezellig gekletst over voetbal",
    ]),
    ("nl_counter_dehum", 0, "none", "counter_speech", "prot", 25, [
        "{G} 'ratten' noemen is precies hoe het in de jaren 30 ook begon. schaam je",
        "als jij {G} beesten noemt ben jij het probleem, niet zij",
        "nee sorry, {G} zijn geen ongedierte. het zijn je buren, je collega's, je klasgenoten",
        "zag net een reactie die {G} met apen vergeleek. gerapporteerd, dit is gewoon walgelijk",
        "wie {G} 'parasieten' noemt moet eens nadenken over wat hij eigenlijk zegt",
    ]),
    ("nl_counter_exclusion", 0, "none", "counter_speech", "prot", 30, [
        "wie roept dat {G} weg moeten, heeft zelf een probleem",
        "'{G} moeten weg' typen en dan verbaasd zijn dat mensen je een hater vinden lol",
        "die gast in de comments die zegt dat {G} het land uit moeten: report hem aub",
        "ik word zo moe van mensen die roepen dat {G} hier niet horen. ze horen hier gewoon",
        "een huisbaas die niet aan {G} wil verhuren, dat is gewoon discriminatie en dat mag niet",
        "allez, {G} weigeren aan de deur van een club? da's discriminatie, meld da",
    ]),
    ("nl_negation_excl", 0, "none", "negation", "prot", 30, [
        "ik vind niet dat {G} weg moeten, waar haal je dat idee vandaan",
        "ik haat {G} niet hoor, ik had alleen kritiek op dat ene filmpje",
        "nooit gezegd dat {G} hier niet horen, lees nou eens goed wat ik schreef",
        "ik heb niks tegen {G}, mijn beste vriendin is zelf {pred}",
        "{G} zijn niet het probleem, de woningmarkt is het probleem",
        "ik zou nooit een {g} iets aandoen, ook al zegt mijn broer dat soort dingen wel",
    ]),
    ("nl_counter_stereo", 0, "none", "counter_speech", "prot", 30, [
        "nee, {G} zijn niet allemaal {st}. ik ken er tientallen die gewoon keihard werken",
        "dat hele '{G} zijn {st}' verhaal is al twintig jaar onzin",
        "mijn oom zegt altijd dat {G} {st} zijn, vandaag heb ik hem eindelijk tegengesproken",
        "stop met doen alsof {G} {st} zijn, je kent er letterlijk niet één",
        "als jongerenwerker hoor ik vaak dat {G} {st} zijn. klopt gewoon niet, en dat zeg ik dan ook",
    ]),
    ("nl_reporting_slur", 0, "none", "reporting_hate", "prot", 30, [
        "kreeg vandaag '{s}' naar mn hoofd geroepen {P}. nog steeds aan het trillen",
        "iemand schreeuwde '{s}' naar mijn zusje in de bus, wat is er mis met mensen",
        "mijn zoon werd op school '{s}' genoemd, morgen ga ik met de mentor praten",
        "gisteren riep een man {P} '{s}' naar iemand bij de kassa. niemand deed iets, ik schaam me",
        "er staat '{S}' op de muur van het buurthuis gekalkt. heb de gemeente gebeld",
        "in de groepsapp van mijn klas noemen ze een jongen steeds '{s}', hoe meld ik dat?",
    ]),
    ("nl_condemn_slur", 0, "none", "counter_speech", "prot", 25, [
        "wie '{S}' typt in 2024 mag van mij meteen geblokt worden",
        "'{s}' is gewoon een scheldwoord, stop met doen alsof het een grapje is",
        "die streamer zei '{S}' live op stream en nu doet hij alsof het een grap was. nee man",
        "mijn opa zegt nog steeds '{S}'. heb hem uitgelegd waarom dat kwetsend is",
        "woorden als '{s}' horen niet thuis in ons jongerencentrum, daar spreken we elkaar op aan",
    ]),
    ("nl_reclaimed", 0, "none", "reclaimed", "prot", 20, [
        "als {rs} mag ik dat woord zelf gebruiken, jij niet 😌",
        "wij {rS} onder elkaar zeggen het liefdevol, geen stress",
        "zaterdag met alle {rS} naar de pride in {Pn}, gaat een fissa worden",
        "mijn groepsapp heet letterlijk '{rS} van {Pn}' en ik ben er trots op",
        "ik ben een {rs} en dat woord is van ons, niet van de haters",
        "hahaha mijn {rS} zijn de beste, ik hou van jullie",
    ]),
    ("nl_reporting_threat", 0, "none", "reporting_hate", "prot", 25, [
        "vandaag riep iemand in de tram dat hij alle {G} zou afmaken. heb het gemeld bij de politie",
        "er gaat een bericht rond dat ze {G} {W} willen 'opzoeken'. waar meld je zoiets?",
        "mijn buurman kreeg een brief dat ze 'de {g}' komen halen. politie doet er weinig mee",
        "nieuws: man opgepakt die {G} bedreigde in een tiktokfilmpje. terecht",
        "mensen die {G} met geweld bedreigen moeten gewoon vervolgd worden, klaar",
        "screenshot gemaakt van die dreigementen tegen {G} {W}, ligt nu bij het meldpunt",
    ]),
    ("nl_question_group", 0, "none", "question", "prot", 25, [
        "vraagje aan {G} hier: hoe vieren jullie eigenlijk oud en nieuw?",
        "weet iemand een leuke vereniging voor {G} {W}? vraag voor een vriend",
        "hoe kan ik als jongerenwerker {G} {W} beter bereiken? tips welkom",
        "is het oké om iemand '{pred}' te noemen of zeggen mensen liever iets anders? wil het goed doen",
        "zijn er {G} die ervaring hebben met solliciteren in {Pn}? hoe ging dat",
    ]),
    ("nl_political", 0, "none", "political_criticism", "prot", 20, [
        "het asielbeleid van dit kabinet deugt niet, en dat zeg ik als vrijwilliger op het azc in {Pn}",
        "de minister doet niks aan de wachtlijsten in de jeugdzorg {W}, dit is gewoon slecht beleid",
        "die partij gebruikt {G} als verkiezingsthema en heeft verder geen enkel plan",
        "de gemeente {Pn} bezuinigt weer op jongerenwerk, wie bedenkt dit",
        "{G} verdienen betere bescherming maar dit wetsvoorstel regelt daar helemaal niks van",
        "dat nieuwe huurbeleid is een ramp voor starters in {Pn}, de coalitie moet dit terugdraaien",
    ]),
    ("nl_positive_nonprot", 0, "none", "positive_mention", "nonprot", 15, [
        "{G} hebben het echt zwaar tegenwoordig, respect",
        "shoutout naar alle {G} die vandaag in de regen hebben doorgezet",
        "mijn tante is {g} en echt de liefste persoon ooit",
        "{G} {W} vragen om betere regels, lijkt me eigenlijk best redelijk",
        "respect voor {G}, zonder hen zou {Pn} een stuk saaier zijn",
    ]),
    ("nl_negation_nonprot", 0, "none", "negation", "nonprot", 15, [
        "niet alle {G} zijn {GI} hoor, doe normaal",
        "ik vind {G} echt geen {GI}, die ene video zegt niks",
        "waarom doen jullie alsof {G} {GI} zijn? ken er genoeg die gewoon chill zijn",
        "ik haat {G} niet, ik baal alleen van die ene {g} van vanochtend",
    ]),
    ("nl_profanity", 0, "none", "profanity_untargeted", None, 30, [
        "{curse} {sit}",
        "{curse}, {sit}",
        "{sit}, {curse}",
        "wollah {curse} {sit}",
        "amai {curse}, {sit}. ambetant",
    ]),
    ("nl_abuse_object", 0, "none", "abuse_of_object", None, 30, [
        "deze {pre}{O} doet het weer niet",
        "ik gooi die {pre}{O} zo uit het raam",
        "mijn {O} is echt een {I} vandaag, doet helemaal niks",
        "die {IA} {O} heeft net mijn hele verslag opgegeten",
        "ik sla die {pre}{O} nog eens kapot, ik zweer het",
        "amai, die {pre}{O} is weer kapot. zo ambetant",
    ]),
    ("nl_banter", 0, "none", "banter", None, 30, [
        "haha {N} jij {mI}, je bent je sleutels wéér vergeten 😂 love je",
        "{N} je bent echt een {mI} maar wel mijn favoriete {mI} ❤️",
        "hahaha mattie wat ben jij een {mI}, ik lig dubbel 😂",
        "gefeliciteerd ouwe {mI}, tot vanavond op de fissa {N} 🎉",
        "jij {mI}, je hebt de verkeerde trein gepakt 😂 bel me als je er bent, ik haal je op",
        "{N} ge zijt ne {mI} maar ik zie u graag hé ❤️",
    ]),
    ("nl_game_violence", 0, "none", "everyday", None, 25, [
        "ik ga je zo kapot maken in {game} vanavond {N} 😂",
        "net {num} kills gehaald in {game}, heb die hele squad gesloopt",
        "die film gisteren was zo bruut, in het laatste uur schieten ze iedereen neer",
        "in {game} heb ik het hele dorp afgefikt lol, geen spijt",
        "die serie op netflix, in seizoen 2 wordt de halve cast afgeslacht. aanrader",
        "ik ga jullie allemaal vernietigen met {bord} zaterdag, bereid je maar voor",
        "wie wil er vanavond {game} spelen? ik wil wat zombies afmaken",
    ]),
    ("nl_sport_everyday", 0, "none", "everyday", None, 15, [
        "we gaan {club} zondag helemaal kapot spelen, 4-0 minimaal ⚽",
        "{club} werd vandaag echt afgeslacht, wat een wedstrijd",
        "zaterdag naar het stadion tegen {club}, wie gaat er mee? sfeer wordt bizar",
        "die spits van {club} schiet echt alles kapot dit seizoen",
        "we hebben {club} vernederd vandaag, 5-1 😂 sorry niet sorry",
    ]),
    ("nl_reporting_insult", 0, "none", "reporting_hate", None, 25, [
        "iemand noemde me gisteren '{I}' in de groepsapp, dat deed echt pijn",
        "mijn dochter wordt elke dag '{IA} {I}' genoemd op school. wat moet ik doen?",
        "als jongerenwerker hoor ik de hele dag '{I}' en '{I2}', hoe reageren jullie daarop?",
        "kreeg weer een dm van een random die me '{I}' noemde. blokkeren en door",
        "op tiktok krijgt mijn nichtje reacties als '{IA} {I}'. heb alles gerapporteerd",
    ]),
    ("nl_negation_insult", 0, "none", "negation", None, 20, [
        "jij bent echt geen {I} hoor {N}, je had gewoon een slechte dag",
        "ik vind jou helemaal niet {IAp}, laat je niks wijsmaken door die gasten",
        "niemand hier vindt jou een {I}, die reactie was gewoon gemeen",
        "{N} is geen {I}, gewoon een beetje verlegen. laat {N} met rust",
    ]),
    ("nl_misinfo", 0, "none", "misinformation", None, 15, [
        "{claim}, {tail}",
        "echt waar: {claim}. {tail}",
        "{claim} en niemand die het zegt. {tail}",
    ]),
    ("nl_everyday", 0, "none", "everyday", None, 15, [
        "wie gaat er mee naar de fissa zaterdag in {Pn}?",
        "ff boodschappen doen bij de appie, iemand nog iets nodig?",
        "ik ben echt een {mI}, weer mn ov-kaart thuis laten liggen",
        "amai wa schoon weer vandaag in {Pn}",
        "wie heeft er een goeie kapper in {Pn}? mijn haar is een drama",
        "heb net de lekkerste kapsalon ooit gegeten {W}",
        "sws vanavond chillen bij {N}, wie neemt drinken mee",
    ]),
    ("nl_news_discrim", 0, "none", "neutral_mention", "prot", 15, [
        "onderzoek: {G} worden vaker afgewezen bij sollicitaties. zorgelijk",
        "volgens het meldpunt kwamen er meer meldingen binnen over haat tegen {G} dan vorig jaar",
        "nieuwe expositie over {G} in het stadsmuseum van {Pn}, iemand zin om mee te gaan?",
        "las net een artikel over hoe {G} in {Pn} nog steeds worden gediscrimineerd op de woningmarkt",
    ]),
]

EN_FAMILIES = [
    # ---------------- label 1 ----------------
    ("en_derog_prot", 1, "auto", "derogation", "prot", 25, [
        "{G} are honestly the lowest of the low, see it every day {P}",
        "every single time {P} it's those filthy {G}, disgusting people",
        "{G} {P} are {GI}, every last one of them, I'm just saying what everyone thinks",
        "{G} ruin everything they touch, look what happened to {Pn}",
        "can't stand {G}, nasty lot with their nonsense {P}",
        "my whole feed is {G} today, vile people honestly",
    ]),
    ("en_dehum_prot", 1, "auto", "dehumanisation", "prot", 22, [
        "{G} {P} are basically rats, crawling out of every corner",
        "{G} aren't people mate, they're animals in tracksuits",
        "it's not a neighbourhood anymore {W}, it's a barn full of {G}",
        "{G} in {Pn} are vermin and the council should treat them like it",
        "saw a bunch of {G} {P} today, like apes that got out of the zoo",
        "{G} breed like cockroaches, give it ten years and {Pn} is theirs",
    ]),
    ("en_stereo_prot", 1, "auto", "stereotype_abuse", "prot", 22, [
        "{G} are all {st}, everybody knows it",
        "more trouble {P} and surprise surprise, {G}. {st}, every one of them",
        "name me one of those {G} who isn't {st}, I'll wait",
        "lived {W} for 20 years and {G} are just {st}, end of",
        "it's in their blood, {G} are {st} and always will be",
    ]),
    ("en_exclusion_prot", 1, "auto", "exclusion", "prot", 22, [
        "{G} need to get out, don't want to see them {P} anymore",
        "no {G} on my street, signing that petition today",
        "{G} shouldn't even be allowed to vote or work here",
        "not renting my flat to {G}, they're not getting through my door",
        "{G} don't belong here, shut the doors and be done with it",
        "never hiring {G} at my shop, matter of principle",
        "bouncer kept the {G} out of the club last night, good lad",
    ]),
    ("en_slur_group", 1, "discriminatory", "slur", "prot", 22, [
        "look at those {S} hanging around {P} again, grim",
        "it's full of {S} {P}, I'm moving",
        "all those {S} need to shut up about 'discrimination'",
        "bro why are there so many {S} on the train today",
        "so sick of these {S}, same thing every day {P}",
        "bunch of {S}, go live somewhere else",
    ]),
    ("en_slur_person", 1, "discriminatory", "slur", "prot", 22, [
        "go back to your hole you dirty {s}",
        "{N} is just {a_s}, look at that profile pic",
        "shut up {s}, nobody asked for your opinion",
        "reply under my post one more time, filthy {s}",
        "why are you still on this server {s}? get lost",
        "the new kid in our class is {a_s}, not even joking",
    ]),
    ("en_threat_prot", 1, "threatening", "threat", "prot", 22, [
        "the next {g} I see {P} is getting their head kicked in",
        "wait till it gets dark, then we'll come find those {G} {W}",
        "one more problem with {G} and I'm bringing a knife, promise",
        "{G} round here: watch yourselves, we know where you live",
        "swear down the first {g} who walks down my street is done for",
        "got a bat in the car for the first {g} who says a word to me",
    ]),
    ("en_incite_prot", 1, "threatening", "incitement", "prot", 20, [
        "someone needs to give those {G} {W} a proper kicking, who's coming saturday?",
        "lads, meet 10pm {W}. we're going hunting for {G}, bring something",
        "if the police won't do anything we should sort those {G} out ourselves, properly",
        "just burn the houses of those {G} {W}, problem solved",
        "share this: anyone who sees {a_g} walking alone, give them a slap",
    ]),
    ("en_derog_nonprot", 1, "auto", "derogation", "nonprot", 18, [
        "{G} are the biggest {GI} in the country",
        "all {G} are {GI}, I'm just saying it",
        "what absolute {GI} those {G} are, every single day {P}",
        "hate every one of those {G}, bunch of {GI}",
        "{G} = {GI}, no debate",
    ]),
    ("en_threat_nonprot", 1, "threatening", "threat", "nonprot", 15, [
        "next one of those {G} who cuts me up {W} is getting run off the road",
        "swear I'm gonna smash one of those {G} in the face one day",
        "one more of those {G} messes with me and I'll break his jaw",
        "waiting for that {g} outside tomorrow, they'll find out",
    ]),
    ("en_insult_you", 1, "hurtful", "insult", None, 22, [
        "you're such {a_IA} {I}, nobody likes you",
        "shut up {I}, you don't understand anything",
        "what {a_I} you are, honestly embarrassing",
        "{I}, block me then",
        "you {IA} {I}, too scared to even reply?",
        "are you actually {a_I} or just pretending",
        "stop commenting on my pics you {IA} {I}",
    ]),
    ("en_insult_named", 1, "hurtful", "insult", None, 20, [
        "{N} is such {a_IA} {I}, the whole class knows it",
        "seen {N}'s new pic? what {a_I}",
        "{N} act normal you {I}, you're embarrassing yourself",
        "saw {N} {P} today, what {a_IA} {I}",
        "{N} is the biggest {I} in {Pn}",
    ]),
    ("en_bullying", 1, "hurtful", "bullying", None, 20, [
        "nobody wants you in the group chat {N}, do you still not get it",
        "{N} always smells, let's all ignore {N} tomorrow 😂",
        "send this pic of {N} to every group chat, what {a_I}",
        "just disappear {N}, no one will miss you",
        "{N} has zero friends lmao, {IA} {I}",
        "making an account to roast {N}, send me everything you've got",
        "nobody's coming to your party {N}, everyone bailed because you're {a_I}",
    ]),
    ("en_wish_harm", 1, "hurtful", "insult", None, 15, [
        "hope you get cancer {N}, you {IA} {I}",
        "go drown in a ditch {I}",
        "drop dead {N}, {IA} {I}",
        "choke on it {I}, genuinely hope you do",
    ]),
    ("en_threat_person", 1, "threatening", "threat", None, 20, [
        "{N} I know where you live, watch yourself on your way home tonight",
        "one more time and I'll stab you {I}",
        "you're dead after school tomorrow {N}, swear to god",
        "coming for you {I}, already got your address",
        "you're finished {N}, wait till I see you {P}",
        "I'll break every bone in your body {N}, not a joke",
    ]),
    ("en_incite_person", 1, "threatening", "incitement", None, 12, [
        "who's getting {N} after school? that {I} needs a lesson",
        "someone needs to batter that {I} {P}, I'll pay 50 quid",
        "find {N} and wreck them, address is in the group chat",
        "if you see {N}, just hit them. {IA} {I} deserves it",
    ]),
    ("en_incite_sport", 1, "threatening", "incitement", None, 10, [
        "after the match we're jumping the {club} fans at the station, everyone bring something",
        "sunday we're smashing those {club} fans, bricks are sorted",
        "meet 4pm behind the ground, {club} scum are gonna bleed",
    ]),
    # ---------------- label 0 ----------------
    ("en_positive_prot", 0, "none", "positive_mention", "prot", 20, [
        "my neighbour is {pred} and cooks for half the building every week ❤️",
        "{G} {W} make the best food, I go every week",
        "shoutout to the {G} who organised the street cleanup {W} today 🙏",
        "honestly the {g} at my work is the kindest colleague I've ever had",
        "so much respect for how {G} {W} look out for each other",
        "my best mate is {pred}, absolute legend",
    ]),
    ("en_neutral_prot", 0, "none", "neutral_mention", "prot", 18, [
        "quite a lot of {G} live in {Pn}, according to that census report",
        "{G} {W} are holding an open day at the community centre on saturday",
        "watched a documentary about {G} on the BBC last night, pretty interesting",
        "my placement supervisor is {pred}, we went over next week's rota today",
        "the council is printing leaflets in more languages, including for {G} {W}",
        "writing my dissertation on the history of {G} in Britain",
        "sat next to {a_g} on the train to {Pn}, had a good chat about football",
    ]),
    ("en_counter_dehum", 0, "none", "counter_speech", "prot", 15, [
        "calling {G} 'rats' is exactly how it started in the 1930s. have a word with yourself",
        "if you call {G} animals, you're the problem, not them",
        "no, {G} aren't vermin. they're your neighbours, your coworkers, your classmates",
        "just saw a reply comparing {G} to apes. reported it, absolutely vile",
    ]),
    ("en_counter_exclusion", 0, "none", "counter_speech", "prot", 15, [
        "anyone shouting that {G} should get out has a problem themselves",
        "typing '{G} out' and then acting shocked when people call you a bigot lol",
        "that guy in the replies saying {G} should leave the country, report him pls",
        "so tired of people saying {G} don't belong here. they do, full stop",
        "a landlord refusing to rent to {G} is discrimination, and it's illegal",
    ]),
    ("en_negation_excl", 0, "none", "negation", "prot", 15, [
        "I never said {G} should leave, where are you getting that from",
        "I don't hate {G}, I was criticising one video",
        "I've got nothing against {G}, my best friend is {pred}",
        "{G} aren't the problem, the housing market is",
        "I'd never lay a finger on {a_g}, whatever my brother says online",
    ]),
    ("en_counter_stereo", 0, "none", "counter_speech", "prot", 15, [
        "no, {G} are not all {st}. I know dozens who work harder than anyone",
        "the whole '{G} are {st}' thing has been rubbish for decades",
        "my uncle always says {G} are {st}, finally pushed back on him today",
        "stop pretending {G} are {st} when you literally don't know a single one",
    ]),
    ("en_reporting_slur", 0, "none", "reporting_hate", "prot", 18, [
        "got '{s}' shouted at me {P} today. still shaking",
        "someone yelled '{s}' at my little sister on the bus, what is wrong with people",
        "my son got called '{s}' at school, meeting his form tutor tomorrow",
        "guy {P} screamed '{s}' at someone in the queue yesterday and nobody did anything. ashamed",
        "someone sprayed '{S}' on the wall of the community centre, reported it to the council",
    ]),
    ("en_condemn_slur", 0, "none", "counter_speech", "prot", 15, [
        "if you're still typing '{S}' in 2024 you're getting blocked, simple",
        "'{s}' is a slur, stop pretending it's banter",
        "that streamer said '{S}' live and now he's calling it a joke. no mate",
        "my grandad still says '{S}', explained to him why it's hurtful",
    ]),
    ("en_reclaimed", 0, "none", "reclaimed", "prot", 15, [
        "as {a_rs} I get to use that word, you don't 😌",
        "brunch with the other {rS} today, best sunday ever",
        "heading to pride in {Pn} with all my {rS} ❤️",
        "our group chat is literally called '{rS} of {Pn}' and we're proud of it",
        "I'm {a_rs} and that word belongs to us now, not the haters",
    ]),
    ("en_reporting_threat", 0, "none", "reporting_hate", "prot", 15, [
        "someone on the bus today said he'd kill all {G}. reported it to the police",
        "there's a post going round about 'paying a visit' to {G} {W}. where do you report this?",
        "my neighbour got a letter saying they're 'coming for the {g}'. police barely care",
        "news: man arrested after threatening {G} in a tiktok video. good",
        "people threatening {G} with violence should be prosecuted, simple as",
    ]),
    ("en_question_group", 0, "none", "question", "prot", 15, [
        "question for {G} here: how do you usually celebrate new year?",
        "anyone know a good club for {G} {W}? asking for a friend",
        "as a youth worker, how can I reach {G} {W} better? tips welcome",
        "is it ok to call someone '{pred}' or do people prefer another word? want to get it right",
    ]),
    ("en_political", 0, "none", "political_criticism", "prot", 12, [
        "this government's asylum policy is a mess, and I say that as a volunteer at a shelter in {Pn}",
        "the minister has done nothing about CAMHS waiting lists {W}, disgraceful policy",
        "that party uses {G} as an election talking point and has no actual plan",
        "{Pn} council is cutting youth services again, who signs this off",
        "{G} deserve better protection but this bill does nothing about it",
    ]),
    ("en_positive_nonprot", 0, "none", "positive_mention", "nonprot", 10, [
        "{G} have it rough these days, respect",
        "shoutout to all the {G} who kept going in the rain today",
        "my aunt is {a_g} and the sweetest person ever",
        "respect to {G}, {Pn} would be way more boring without them",
    ]),
    ("en_negation_nonprot", 0, "none", "negation", "nonprot", 10, [
        "not all {G} are {GI}, come on",
        "I don't think {G} are {GI} at all, one video doesn't prove anything",
        "why do you lot act like {G} are {GI}? I know loads who are sound",
    ]),
    ("en_profanity", 0, "none", "profanity_untargeted", None, 18, [
        "{curse} {sit}",
        "{curse}, {sit}",
        "{sit}, {curse}",
        "{curse}. {sit}. great start to the day",
    ]),
    ("en_abuse_object", 0, "none", "abuse_of_object", None, 18, [
        "this {pre} {O} has crashed again",
        "about to throw this {pre} {O} out the window",
        "my {O} is such {a_I} today, does absolutely nothing",
        "this {IA} {O} just ate my whole essay",
        "gonna smash this {pre} {O} one day, swear",
    ]),
    ("en_banter", 0, "none", "banter", None, 15, [
        "haha {N} you {mI}, you forgot your keys AGAIN 😂 love you",
        "{N} you're such {a_mI} but you're my favourite {mI} ❤️",
        "hahaha mate what {a_mI} you are, I'm crying 😂",
        "happy birthday you old {mI} {N}, see you at the pub tonight 🎉",
        "you {mI}, you got on the wrong train 😂 call me when you're there, I'll pick you up",
    ]),
    ("en_game_violence", 0, "none", "everyday", None, 15, [
        "gonna destroy you in {game} tonight {N} 😂",
        "just got {num} kills in {game}, wiped the whole squad",
        "that film last night was brutal, they shoot everyone in the last hour",
        "burned down the whole village in {game} lol, no regrets",
        "season 2 of that netflix show kills off half the cast. recommend",
        "I'm going to annihilate all of you at {bord} on saturday, prepare yourselves",
    ]),
    ("en_sport_everyday", 0, "none", "everyday", None, 8, [
        "we're going to batter {club} on sunday, 4-0 minimum ⚽",
        "{club} got absolutely slaughtered today, what a game",
        "off to the match against {club} saturday, who's coming? atmosphere is gonna be mad",
        "we humiliated {club} today, 5-1 😂 sorry not sorry",
    ]),
    ("en_reporting_insult", 0, "none", "reporting_hate", None, 15, [
        "someone called me '{I}' in the group chat yesterday, it really hurt",
        "my daughter gets called '{IA} {I}' at school every day. what do I do?",
        "as a youth worker I hear '{I}' and '{I2}' all day, how do you all respond to it?",
        "got another dm from a random calling me '{I}'. block and move on",
        "my cousin gets comments like '{IA} {I}' on tiktok. reported all of them",
    ]),
    ("en_negation_insult", 0, "none", "negation", None, 10, [
        "you're not {a_I} {N}, you just had a bad day",
        "I don't think you're {IAp} at all, don't listen to those guys",
        "nobody here thinks you're {a_I}, that comment was just mean",
        "{N} isn't {a_I}, just a bit shy. leave {N} alone",
    ]),
    ("en_misinfo", 0, "none", "misinformation", None, 8, [
        "{claim}, {tail}",
        "honestly: {claim}. {tail}",
        "{claim} and nobody says it. {tail}",
    ]),
    ("en_everyday", 0, "none", "everyday", None, 8, [
        "who's coming out in {Pn} on saturday?",
        "popping to tesco, anyone need anything?",
        "I'm such {a_mI}, left my bus pass at home again",
        "lovely weather in {Pn} today for once",
        "anyone know a decent barber in {Pn}? my hair is a disaster",
        "just had the best kebab ever {W}",
        "chilling at {N}'s tonight, who's bringing snacks",
    ]),
    ("en_news_discrim", 0, "none", "neutral_mention", "prot", 8, [
        "study: {G} are more likely to be rejected for jobs. worrying",
        "the reporting centre says hate incidents against {G} went up this year",
        "new exhibition about {G} at the museum in {Pn}, anyone fancy going?",
    ]),
]

LANGS = [
    ("nl", NL_FAMILIES, NL_GROUPS, NL_NONPROT, NL_LEX),
    ("en", EN_FAMILIES, EN_GROUPS, EN_NONPROT, EN_LEX),
]

GROUP_SLOTS = ("G", "g", "pred", "S", "s", "st", "rS", "rs")
# Which slot's value is the "target word" for obfuscation, in order of preference.
MARK_PRIORITY = ("s", "S", "rs", "rS", "I", "GI", "mI", "G", "g", "curse", "pre", "O", "club")
SLOT_RE = re.compile(r"\{(a_)?([A-Za-z]+?)(\d?)\}")

VALID_KINDS = {
    1: {"derogation", "dehumanisation", "slur", "stereotype_abuse", "insult", "bullying", "threat",
        "incitement", "exclusion"},
    0: {"counter_speech", "reporting_hate", "negation", "neutral_mention", "positive_mention",
        "political_criticism", "profanity_untargeted", "abuse_of_object", "misinformation", "banter",
        "reclaimed", "everyday", "question"},
}

# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------


def article(word):
    w = word.lower()
    if w.startswith(("use", "uni", "eu", "one")):
        return "a"
    return "an" if w[:1] in "aeiou" else "a"


def template_slots(template):
    return [(m.group(2), m.group(3)) for m in SLOT_RE.finditer(template)]


def eligible_groups(template, pool_groups):
    needed = {name for name, _ in template_slots(template) if name in GROUP_SLOTS}
    return [gr for gr in pool_groups if all(gr[n] for n in needed)]


def render(template, group, lex, rng):
    """Fill a template. Returns text with the obfuscation target wrapped in markers."""
    slots = template_slots(template)
    present = [name for name, _ in slots]
    mark_slot = next((p for p in MARK_PRIORITY if p in present), None)
    values = {}
    marked = [False]

    def fill(m):
        art, name, idx = m.group(1), m.group(2), m.group(3)
        key = name + idx
        if key not in values:
            source = group[name] if name in GROUP_SLOTS else lex[name]
            choices = list(source)
            if idx:  # independent second draw: prefer a different value
                first = values.get(name)
                choices = [c for c in choices if c != first] or choices
            values[key] = rng.choice(choices)
        val = values[key]
        if name == mark_slot and not idx and not marked[0]:
            marked[0] = True
            val = MARK_OPEN + val + MARK_CLOSE
        if art:
            val = article(values[key]) + " " + val
        return val

    return SLOT_RE.sub(fill, template)


def strip_marks(text):
    return text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")


def norm_key(text):
    return " ".join(strip_marks(text).casefold().split())


# --------------------------------------------------------------------------------------
# Spelling variants
# --------------------------------------------------------------------------------------

LEET = {"a": ["4", "@"], "e": ["3"], "i": ["1"], "o": ["0"], "s": ["$", "5"]}
WORD_TRANSFORMS = ("leet", "spaced", "dotted", "asterisk", "drop", "double", "swap")
TEXT_TRANSFORMS = ("nospace", "caps", "emoji", "punct")
ALL_TRANSFORMS = WORD_TRANSFORMS + TEXT_TRANSFORMS

EMOJI = {
    "derogation": ["🤮", "😡", "😂"], "dehumanisation": ["🤮", "😡"], "slur": ["🤮", "😂", "😡"],
    "stereotype_abuse": ["🤮", "😡"], "exclusion": ["😡", "🤮"], "insult": ["😂", "🤮"],
    "bullying": ["😂", "🤮"], "threat": ["😡"], "incitement": ["😡"],
    "counter_speech": ["😡", "🙏", "🤮"], "reporting_hate": ["😡", "🙏"], "negation": ["🙏", "😡"],
    "positive_mention": ["❤️", "🙏"], "neutral_mention": ["🙏", "❤️"], "question": ["🙏"],
    "political_criticism": ["😡", "🙏"], "profanity_untargeted": ["😡", "😂", "🤮"],
    "abuse_of_object": ["😡", "😂", "🤮"], "misinformation": ["😡", "🙏"], "banter": ["😂", "❤️"],
    "reclaimed": ["❤️", "😂"], "everyday": ["😂", "❤️", "🙏"],
}

WORD_RE = re.compile(r"[^\W\d_]{4,}")


def target_span(marked):
    """(plain_text, start, end) of the word to obfuscate: longest >=4-letter word inside the
    marked slot value, else the longest such word in the whole text."""
    plain = strip_marks(marked)
    lo, hi = 0, len(plain)
    if MARK_OPEN in marked:
        lo = marked.index(MARK_OPEN)
        hi = marked.index(MARK_CLOSE) - 1
    best = None
    for region in ((lo, hi), (0, len(plain))):
        for m in WORD_RE.finditer(plain, region[0], region[1]):
            if best is None or len(m.group()) > best[1] - best[0]:
                best = (m.start(), m.end())
        if best:
            break
    return plain, best


def word_variant(word, kind, rng):
    chars = list(word)
    n = len(chars)
    if kind == "leet":
        pos = [i for i, c in enumerate(chars) if c.lower() in LEET]
        if not pos:
            return None
        chosen = [i for i in pos if rng.random() < 0.5] or [rng.choice(pos)]
        for i in chosen:
            chars[i] = rng.choice(LEET[chars[i].lower()])
        return "".join(chars)
    if kind == "spaced":
        return " ".join(chars)
    if kind == "dotted":
        return ".".join(chars)
    if kind == "asterisk":
        pos = [i for i in range(1, n - 1) if chars[i].lower() in "aeiouy"] or list(range(1, n - 1))
        for i in sorted(rng.sample(pos, min(len(pos), rng.choice([1, 1, 2])))):
            chars[i] = "*"
        return "".join(chars)
    if kind == "drop":
        i = rng.randrange(1, n - 1)
        return "".join(chars[:i] + chars[i + 1:])
    if kind == "double":
        i = rng.randrange(1, n)
        return "".join(chars[:i] + [chars[i]] * rng.choice([1, 1, 2, 3]) + chars[i:])
    if kind == "swap":
        pos = [i for i in range(1, n - 2) if chars[i] != chars[i + 1]]
        if not pos:
            return None
        i = rng.choice(pos)
        chars[i], chars[i + 1] = chars[i + 1], chars[i]
        return "".join(chars)
    raise ValueError(kind)


def apply_variants(marked, kind, transforms, rng):
    plain, span = target_span(marked)
    text = plain
    for t in transforms:
        if t in WORD_TRANSFORMS and span:
            s, e = span
            new = word_variant(text[s:e], t, rng)
            if new is not None:
                text = text[:s] + new + text[e:]
                span = (s, s + len(new))
    if "nospace" in transforms:
        words = text.split(" ")
        if len(words) >= 5:
            k = rng.choice([2, 2, 3])
            j = rng.randrange(0, len(words) - k + 1)
            words = words[:j] + ["".join(words[j:j + k])] + words[j + k:]
            text = " ".join(words)
    if "punct" in transforms:
        base = text.rstrip(" .!?")
        tail = rng.choice(["??", "?!", "???"]) if text.rstrip().endswith("?") else \
            rng.choice(["!!!", "!!1", "...", "!!!!!", " !!", "?!"])
        text = base + tail
    if "caps" in transforms:
        text = text.upper()
    if "emoji" in transforms:
        e = rng.choice(EMOJI[kind])
        text = text + rng.choice([" ", "", " "]) + e * rng.choice([1, 1, 2, 3])
    return text


# --------------------------------------------------------------------------------------
# Generation
# --------------------------------------------------------------------------------------


def generate():
    rows = []
    seen = set()  # membership only; never iterated
    for lang, families, prot, nonprot, lex in LANGS:
        names = [f[0] for f in families]
        assert len(names) == len(set(names)), "duplicate family name"
        for name, label, category, kind, pool, n, templates in families:
            assert kind in VALID_KINDS[label], (name, kind)
            rng = random.Random(f"{SEED}:{name}")
            pool_groups = prot if pool == "prot" else nonprot if pool == "nonprot" else prot + nonprot
            made, attempt = 0, 0
            while made < n and attempt < n * 300:
                template = templates[attempt % len(templates)]
                attempt += 1
                groups = eligible_groups(template, pool_groups)
                if not groups:
                    continue
                group = rng.choice(groups)
                text = render(template, group, lex, rng)
                key = norm_key(text)
                if key in seen:
                    continue
                seen.add(key)
                cat = category
                if category == "auto":
                    cat = "discriminatory" if group["protected"] else "hurtful"
                rows.append({"marked": text, "label": label, "category": cat, "lang": lang,
                             "kind": kind, "family": name})
                made += 1
            if made < n:
                print(f"warning: {name} produced {made}/{n}", file=sys.stderr)

    # Spelling variants: the same share and the same transform mix for both labels.
    rng = random.Random(f"{SEED}:variants")
    chosen = set()
    for lang in ("nl", "en"):
        for label in (0, 1):
            idx = [i for i, r in enumerate(rows) if r["lang"] == lang and r["label"] == label]
            k = round(OBFUSCATION_SHARE * len(idx))
            chosen.update(rng.sample(idx, k))
    final, final_seen = [], set()
    for i, r in enumerate(rows):
        if i in chosen:
            k = 1 if rng.random() < 0.6 else 2
            transforms = rng.sample(ALL_TRANSFORMS, k)
            text = apply_variants(r["marked"], r["kind"], transforms, rng)
            if len(text.split()) > 40 and "spaced" in transforms:
                transforms = ["dotted" if t == "spaced" else t for t in transforms]
                text = apply_variants(r["marked"], r["kind"], transforms, rng)
            variant = "+".join(transforms)
        else:
            text = strip_marks(r["marked"])
            variant = ""
        key = " ".join(text.casefold().split())
        if key in final_seen:
            continue
        final_seen.add(key)
        final.append({"text": text, "label": r["label"], "category": r["category"], "lang": r["lang"],
                      "source": "generated", "kind": r["kind"], "variant": variant})

    random.Random(f"{SEED}:order").shuffle(final)
    return final


def validate(rows):
    for r in rows:
        t = r["text"]
        assert MARK_OPEN not in t and MARK_CLOSE not in t and "{" not in t and "}" not in t, t
        assert 3 <= len(t.split()) <= 40, t
        assert (r["category"] == "none") == (r["label"] == 0), r
        assert r["kind"] in VALID_KINDS[r["label"]], r
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate texts"
    pos = [r for r in rows if r["label"] == 1]
    cats = Counter(r["category"] for r in pos)
    for c in ("discriminatory", "hurtful", "threatening"):
        assert cats[c] >= 0.20 * len(pos), (c, cats)
    share = len(pos) / len(rows)
    assert 0.45 <= share <= 0.55, share


def write(rows, path):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["text", "label", "category", "lang", "source", "kind"])
        for r in rows:
            w.writerow([r["text"], r["label"], r["category"], r["lang"], r["source"], r["kind"]])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="output CSV (default: training_data/generated.csv)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args(argv)
    rows = generate()
    validate(rows)
    write(rows, args.out)
    if not args.quiet:
        c = Counter((r["lang"], r["label"], r["category"]) for r in rows)
        print(f"wrote {len(rows)} rows to {args.out}")
        for k in sorted(c):
            print(" ", *k, c[k])
        v = Counter((r["label"], bool(r["variant"])) for r in rows)
        print("  with spelling variant: label0 %d/%d, label1 %d/%d" % (
            v[(0, True)], v[(0, True)] + v[(0, False)], v[(1, True)], v[(1, True)] + v[(1, False)]))


if __name__ == "__main__":
    main()
