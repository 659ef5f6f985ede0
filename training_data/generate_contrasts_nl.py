"""Dutch/Flemish minimal-contrast generator for Reageerwijzer (source=generated, lang=nl).

What it writes
    training_data/generated_contrasts_nl.csv  (header: text,label,category,lang,source,kind)
    About 2,400 Dutch and Flemish social-media style posts: ~1,150 label 1 and ~1,250 label 0.

Why it exists
    The word+char n-gram SVM scores well on our own data but poorly on functional test
    suites, where one phenomenon is probed at a time with hateful and non-hateful twins.
    Its weak spots are hate phrased as a question, implicit derogation without a slur,
    strong negative emotion ("ik kan X niet uitstaan"), negated positive statements
    ("X zijn geen mensen"), negative attributes stated as fact, abuse of individuals and
    of non-protected groups -- and, on the other side, positive and neutral mentions of a
    group (many in school, class, work, sport and neighbourhood settings), negated hate,
    counter-speech that quotes or refers to hate, abuse of objects, untargeted swearing,
    genuine questions and reclaimed / homonym uses of slur words.

    A bag-of-n-grams model only learns these from MINIMAL CONTRASTS: the same group words
    and content words (lui, ratten, walg, kanker-, "horen achter het aanrecht", ...) appear
    on both sides of the label, and only the frame decides (question vs statement, negation,
    quotation + condemnation, positive vs negative predicate, object vs person target).
    This script crosses ~300 hand-written frames with group lexicons (7 core groups plus
    Marokkanen, Turken, Polen, Joden, Surinamers, ouderen, Roma; several surface forms
    each), predicate lists (36 negative attributes, 25 dehumanising nouns, 34 positive
    attributes, group-specific neutral facts) and subjects, and caps the rows per frame so
    that no frame dominates.

Label 1 kinds: derogation (emotion, implicit, slur-swearing, pronoun follow-up, negated
    positive, question), stereotype_abuse (fact, opinion), dehumanisation, threat,
    incitement (category threatening), insult (individuals and non-protected groups,
    category hurtful). Protected-group abuse is category discriminatory.
Label 0 kinds: neutral_mention, positive_mention, negation, counter_speech,
    abuse_of_object, profanity_untargeted, question, reclaimed.

Spelling variants
    20 % of the rows of EACH label get one variant (dropped char, swapped chars, leet,
    inserted spaces, removed space, asterisk) on the group word, slur or key predicate,
    so obfuscation carries no label signal.

Determinism
    Python 3.11 standard library only; every random choice comes from random.Random with a
    fixed seed, iteration is over lists in a fixed order. Rows whose normalised text
    (lowercase, punctuation stripped) equals a text in another training_data/*.csv or in
    regression/regression.csv are dropped. `python generate_contrasts_nl.py` writes the
    default output next to the script; `--out PATH` writes elsewhere.

Every frame and word list below was written for this project; nothing is taken from a
public dataset or test suite.
"""

import argparse
import csv
import glob
import math
import os
import random
import re
import sys
from collections import Counter

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
OUT_NAME = "generated_contrasts_nl.csv"
DEFAULT_OUT = os.path.join(HERE, OUT_NAME)
VARIANT_SHARE = 0.20
MO, MC = "\x01", "\x02"  # markers around spans that may receive a spelling variant

# ======================================================================================
# Groups
#   P      plural subject forms              S     singular person nouns
#   I      identity phrases for "als ..."    adjt  templates "{r}" -> role noun
#   roles  role nouns per context (school/work/sport/buurt); a missing context = skip
#   stems  words that take a swear prefix (kut-, kanker-, tyfus-, ...)
#   C      countries (origin groups)         ism   name of the prejudice
#   GN     neutral group facts               GP    positive group sentences
#   GQ     genuine questions                 GI    implicit derogation (main, subordinate)
# ======================================================================================

DEFAULT_ROLES = {
    "school": ["klasgenoot", "tafelgenoot", "klasgenote"],
    "work": ["collega", "teamleider", "stagiair"],
    "sport": ["teamgenoot", "trainer"],
    "buurt": ["buurman", "buurvrouw", "bovenbuurvrouw"],
}


def group(key, core, P, S, I, adjt, stems, ism, GN, GP, GQ, GI, C=(), roles=None):
    r = {k: list(v) for k, v in DEFAULT_ROLES.items()}
    if roles is not None:
        r = {k: list(v) for k, v in roles.items()}
    return {"key": key, "core": core, "P": list(P), "S": list(S), "I": list(I),
            "adjt": list(adjt), "roles": r, "stems": list(stems), "ism": ism,
            "GN": list(GN), "GP": list(GP), "GQ": list(GQ), "GI": list(GI), "C": list(C)}


GROUPS = [
    group(
        "vrouwen", True,
        ["vrouwen", "vrouwen", "meiden", "vrouwelijke collega's", "vrouwelijke chauffeurs"],
        ["vrouw", "meid"],
        ["vrouw", "jonge vrouw", "meid van 17", "moeder van drie"],
        ["vrouwelijke {r}"], ["wijven", "vrouwen", "wijfies"], "seksisme",
        ["vrouwen mogen in nederland sinds 1919 stemmen, hadden we vandaag bij geschiedenis",
         "bij ons op school kiezen dit jaar meer meiden dan jongens voor wiskunde B",
         "het vrouwenelftal van onze club speelt zondag om elf uur thuis",
         "op mijn werk bestaat de helft van het managementteam uit vrouwen",
         "in de klas hadden we een debat over vrouwen in de techniek"],
        ["de meiden uit mijn klas hebben het beste profielwerkstuk van het jaar gemaakt",
         "vrouwen in de zorg houden dit land draaiende, dikke respect",
         "onze vrouwelijke trainer heeft van een zooitje ongeregeld een echt team gemaakt"],
        ["waarom verdienen vrouwen nog steeds minder dan mannen voor hetzelfde werk?",
         "hoe kan ik als jongen opkomen voor de meiden in mijn klas als ze worden nageroepen?",
         "weet iemand goede boeken over vrouwen in de wetenschap voor mijn werkstuk?",
         "waarom zitten er zo weinig vrouwen in de top van grote bedrijven?"],
        [("vrouwen horen achter het aanrecht", "vrouwen achter het aanrecht horen"),
         ("vrouwen moet je nooit een leidinggevende functie geven",
          "je vrouwen nooit een leidinggevende functie moet geven"),
         ("een vrouw achter het stuur is vragen om ongelukken",
          "een vrouw achter het stuur vragen om ongelukken is"),
         ("vrouwen moeten hun mond houden als mannen praten",
          "vrouwen hun mond moeten houden als mannen praten")],
        roles={"school": ["klasgenoot", "tafelgenoot"], "work": ["collega", "teamleider"],
               "sport": ["trainer", "scheidsrechter"], "buurt": ["bovenbuur", "overbuur"]}),
    group(
        "trans", True,
        ["trans personen", "transgenders", "trans vrouwen", "trans mannen", "trans mensen"],
        ["trans persoon", "trans vrouw", "transgender", "trans man"],
        ["trans meid", "trans jongen", "trans vrouw", "non-binair persoon"],
        ["trans {r}"], ["transen", "travo's", "trannies"], "transfobie",
        ["de wachtlijsten voor transgenderzorg in nederland zijn heel lang, zag er een docu over",
         "op onze school is er sinds dit jaar een genderneutrale wc bij de aula",
         "de GSA op school organiseert vrijdag een filmavond over trans jongeren",
         "mijn trans klasgenoot heeft zijn nieuwe naam laten aanpassen in magister"],
        ["de trans vrouw die bij ons de kookworkshop gaf was echt geweldig",
         "trans mensen die zo open over hun leven vertellen maken het voor jongeren zoveel makkelijker",
         "mijn trans teamgenoot is de beste keeper die we ooit hebben gehad"],
        ["hoe steun ik mijn trans vriend als zijn ouders het niet accepteren?",
         "wat is het verschil tussen gender en geslacht? moeten het uitleggen bij biologie",
         "hoe vraag ik netjes naar iemands voornaamwoorden zonder dat het awkward wordt?",
         "hoe lang duurt het gemiddeld voordat trans personen bij een genderteam terechtkunnen?"],
        [("trans personen horen niet in een kleedkamer met normale mensen",
          "trans personen niet in een kleedkamer met normale mensen horen"),
         ("met een trans persoon in je team haal je de problemen in huis",
          "je met een trans persoon in je team de problemen in huis haalt"),
         ("trans mensen moet je nooit met kinderen laten werken",
          "je trans mensen nooit met kinderen moet laten werken")]),
    group(
        "lhb", True,
        ["homo's", "lesbiennes", "biseksuelen", "homoseksuelen", "homostellen"],
        ["homo", "lesbienne", "biseksueel"],
        ["lesbische moeder", "homo", "bi meid", "homoseksuele leraar"],
        ["homoseksuele {r}", "lesbische {r}", "biseksuele {r}"],
        ["flikkers", "potten", "homo's", "nichten"], "homofobie",
        ["sinds 2001 mogen twee mannen of twee vrouwen in nederland trouwen",
         "de regenboogvlag hangt deze week bij ons op school vanwege coming out day",
         "mijn buurvrouwen zijn een lesbisch stel en hebben net een hond genomen",
         "op de sportclub is een nieuw team gestart voor lhbti+ sporters"],
        ["de homostellen bij ons in de straat organiseren altijd de gezelligste buurtfeesten",
         "mijn lesbische tante is de beste tante die je je kunt wensen",
         "respect voor de biseksuele jongen uit mijn klas die gewoon zichzelf durft te zijn"],
        ["hoe kan ik het beste uit de kast komen bij mijn ouders?",
         "bestaat er een lhbti-jongerengroep in utrecht of omgeving?",
         "hoe reageer ik goed als mijn beste vriend vertelt dat hij bi is?",
         "sinds wanneer mogen homo's in nederland eigenlijk kinderen adopteren?"],
        [("homo's moeten het maar lekker binnenshuis houden",
          "homo's het maar binnenshuis moeten houden"),
         ("homo's moet je niet in de buurt van kinderen laten",
          "je homo's niet in de buurt van kinderen moet laten"),
         ("lesbiennes hebben gewoon nog nooit een echte man gehad",
          "lesbiennes nog nooit een echte man hebben gehad")]),
    group(
        "zwart", True,
        ["zwarte mensen", "zwarten", "zwarte jongeren", "donkere mensen", "mensen van kleur"],
        ["zwarte man", "zwarte vrouw", "zwart persoon"],
        ["zwarte student", "zwarte vrouw", "zwarte vader", "zwarte tiener"],
        ["zwarte {r}", "donkere {r}"], ["negers", "zwartjes", "bosnegers"], "racisme",
        ["op 1 juli vieren we Keti Koti, dan herdenken we de afschaffing van de slavernij",
         "bij ons op school loopt een project over zwarte geschiedenis in nederland",
         "in de bieb staat deze maand een tentoonstelling over zwarte schrijvers",
         "de kapper op de hoek is gespecialiseerd in afrohaar en zit altijd vol"],
        ["de zwarte jongeren uit onze buurt hebben zelf een huiswerkclub opgezet, top",
         "mijn zwarte collega is de reden dat ik elke maandag met plezier naar werk ga",
         "zwarte artiesten hebben de nederlandse muziek zoveel rijker gemaakt"],
        ["waarom is Keti Koti eigenlijk nog geen nationale vrije dag?",
         "welke zwarte nederlanders moeten we zeker noemen in ons geschiedenisproject?",
         "hoe verzorg je afrohaar het beste? vraag voor mijn dochter",
         "waarom krijgen zwarte jongeren vaker een lager schooladvies?"],
        [("zwarte mensen moeten niet zeuren en blij zijn dat ze hier mogen wonen",
          "zwarte mensen niet moeten zeuren en blij moeten zijn dat ze hier mogen wonen"),
         ("met een zwarte buurman kun je je fiets beter binnen zetten",
          "je met een zwarte buurman je fiets beter binnen kunt zetten"),
         ("zwarte mensen horen niet in een chique restaurant",
          "zwarte mensen niet in een chique restaurant horen")]),
    group(
        "beperking", True,
        ["gehandicapten", "mensen met een beperking", "rolstoelgebruikers",
         "mensen met een verstandelijke beperking", "autisten", "doven"],
        ["gehandicapte", "rolstoelgebruiker", "autist"],
        ["rolstoelgebruiker", "iemand met autisme", "dove jongen", "slechtziende student"],
        ["{r} in een rolstoel", "dove {r}", "blinde {r}", "{r} met autisme", "gehandicapte {r}"],
        ["mongolen", "spastici", "gehandicapten", "debielen"], "validisme",
        ["onze school heeft eindelijk een lift, nu kunnen leerlingen in een rolstoel ook naar boven",
         "bij ons op de sportclub is er een G-team voor spelers met een beperking",
         "mijn moeder werkt op een dagbesteding voor mensen met een verstandelijke beperking",
         "we hadden in de klas een les gebarentaal van een dove gastdocent"],
        ["de rolstoelbasketballers van onze club zijn gewoon kampioen geworden",
         "mijn collega met autisme ziet fouten in de planning die niemand anders ziet",
         "de dove gastdocent was de grappigste docent die we dit jaar hadden"],
        ["hoe leg ik mijn broertje uit wat autisme is?",
         "welke sporten kun je in amsterdam doen als rolstoelgebruiker?",
         "hoe kan onze school toegankelijker worden voor leerlingen met een beperking?",
         "is gebarentaal in nederland hetzelfde als in belgië?"],
        [("gehandicapten moet je niks aan toevertrouwen", "je gehandicapten niks moet toevertrouwen"),
         ("mensen met een beperking kosten de maatschappij alleen maar geld",
          "mensen met een beperking de maatschappij alleen maar geld kosten"),
         ("gehandicapten moeten gewoon thuisblijven in plaats van iedereen op te houden",
          "gehandicapten gewoon thuis moeten blijven in plaats van iedereen op te houden")]),
    group(
        "moslims", True,
        ["moslims", "moslima's", "islamieten", "moslimjongeren", "islamitische mensen"],
        ["moslim", "moslima", "islamiet"],
        ["moslim", "moslima", "islamitische student", "moslimvader"],
        ["islamitische {r}", "{r} die moslim is"],
        ["moslims", "geitenneukers", "hoofddoekjes", "baardapen"], "moslimhaat",
        ["moslims vasten tijdens de ramadan van zonsopgang tot zonsondergang",
         "morgen is het suikerfeest, een paar klasgenoten hebben dan vrij",
         "de moskee bij ons in de wijk houdt zaterdag een open dag",
         "op mijn werk is nu een stilteruimte waar collega's kunnen bidden"],
        ["mijn islamitische buren brachten gisteren een hele pan eten voor het suikerfeest, zo lief",
         "de moslimjongeren uit de wijk hebben de hele speeltuin opgeknapt",
         "de iftar in het buurthuis was de gezelligste avond van het jaar"],
        ["waarom vasten moslims eigenlijk tijdens de ramadan?",
         "wat is het verschil tussen het suikerfeest en het offerfeest?",
         "mag ik mijn collega die moslim is gewoon 'fijne ramadan' wensen?",
         "waarom dragen sommige moslima's een hoofddoek en andere niet?"],
        [("moslims moeten eerst maar eens leren hoe het hier hoort",
          "moslims eerst maar eens moeten leren hoe het hier hoort"),
         ("moslims verpesten elke straat met hun moskeeën",
          "moslims elke straat verpesten met hun moskeeën"),
         ("een moslim als leraar, dan weet je wel wat je kinderen leren",
          "je met een moslim als leraar wel weet wat je kinderen leren")]),
    group(
        "migranten", True,
        ["migranten", "vluchtelingen", "asielzoekers", "nieuwkomers", "statushouders",
         "arbeidsmigranten"],
        ["migrant", "vluchteling", "asielzoeker", "statushouder"],
        ["vluchteling uit syrië", "asielzoeker", "nieuwkomer", "statushouder"],
        ["{r} die gevlucht is uit syrië", "Eritrese {r}", "Afghaanse {r}", "{r} uit het azc"],
        ["asielzoekers", "gelukzoekers", "vluchtelingen", "fortuinzoekers"], "racisme",
        ["in de ISK-klas op onze school zitten nieuwkomers uit syrië en oekraïne",
         "asielzoekers melden zich in nederland eerst in Ter Apel",
         "bij ons in het dorp komt een nieuw azc, vanavond is er een informatieavond",
         "op de voetbalclub trainen jongens uit het azc gewoon mee met de O17"],
        ["de statushouders in onze straat hebben de moestuin van de buurt weer tot leven gebracht",
         "mijn collega die als vluchteling hier kwam is nu de beste monteur van de zaak",
         "vluchtelingen die in een jaar vloeiend nederlands leren, daar kan ik alleen maar van dromen"],
        ["hoe lang duurt een asielprocedure in nederland gemiddeld?",
         "hoe kan ik vrijwilligerswerk doen bij het azc in de buurt?",
         "wat is eigenlijk het verschil tussen een vluchteling en een arbeidsmigrant?",
         "mogen asielzoekers in nederland werken terwijl hun procedure loopt?"],
        [("vluchtelingen moeten blij zijn dat ze hier mogen zijn en verder hun mond houden",
          "vluchtelingen blij moeten zijn dat ze hier mogen zijn en verder hun mond moeten houden"),
         ("asielzoekers verpesten elk dorp waar ze komen", "asielzoekers elk dorp verpesten waar ze komen"),
         ("migranten moet je nooit een huis geven zolang er nog een nederlander wacht",
          "je migranten nooit een huis moet geven zolang er nog een nederlander wacht")],
        C=["Syrië", "Eritrea", "Afghanistan", "Oekraïne"]),
    group(
        "marokkanen", False,
        ["Marokkanen", "marokkanen", "mocro's", "Marokkaanse jongeren", "Marokkaanse nederlanders"],
        ["Marokkaan", "mocro", "Marokkaanse"],
        ["Marokkaanse nederlander", "Marokkaanse moeder", "mocro", "Marokkaanse student"],
        ["Marokkaanse {r}", "{r} van Marokkaanse afkomst"],
        ["marokkanen", "makakken", "mocro's"], "racisme",
        ["mijn klasgenoot gaat deze zomer drie weken naar familie in marokko",
         "de Marokkaanse bakker op de hoek verkoopt ook gewoon krentenbollen",
         "op de markt in onze wijk kun je verse msemmen kopen bij een Marokkaanse vrouw",
         "in de jaren zestig en zeventig kwamen veel Marokkaanse gastarbeiders naar nederland"],
        ["de Marokkaanse moeders uit de buurt hebben het schoolfeest helemaal geregeld, top",
         "mijn Marokkaanse buurman staat altijd klaar als er iets is",
         "Marokkaanse gastvrijheid is echt next level, je gaat nooit met lege maag naar huis"],
        ["welke taal spreken ze eigenlijk in marokko, arabisch of berbers?",
         "heeft iemand een goed recept voor harira zoals Marokkaanse moeders het maken?",
         "waarom wonen er zoveel Marokkaanse nederlanders in amsterdam-west?",
         "wat betekent 'wollah' eigenlijk precies? mijn Marokkaanse vrienden zeggen het steeds"],
        [("Marokkanen moet je nooit je fiets laten vasthouden",
          "je Marokkanen nooit je fiets moet laten vasthouden"),
         ("als er Marokkanen in je straat komen wonen kun je beter verhuizen",
          "je beter kunt verhuizen als er Marokkanen in je straat komen wonen"),
         ("Marokkanen moet je nooit achter de kassa zetten",
          "je Marokkanen nooit achter de kassa moet zetten")],
        C=["Marokko"]),
    group(
        "turken", False,
        ["Turken", "turken", "Turkse nederlanders", "Turkse jongens", "Turkse mensen"],
        ["Turk", "Turkse"],
        ["Turkse nederlander", "Turkse moeder", "Turkse student"],
        ["Turkse {r}", "{r} van Turkse afkomst"], ["turken", "geitenneukers"], "racisme",
        ["mijn buurman rijdt elk jaar met de auto naar turkije, drieduizend kilometer",
         "de Turkse supermarkt bij ons heeft het lekkerste brood van de stad",
         "in de jaren zestig kwamen veel Turkse gastarbeiders naar nederland, hadden we bij geschiedenis",
         "bij ons op school kun je sinds dit jaar Turks als examenvak kiezen"],
        ["mijn Turkse collega neemt elke vrijdag baklava mee voor de hele afdeling",
         "de Turkse bakker in onze straat is de aardigste man van de wijk",
         "Turkse moeders weten echt hoe je een hele familie te eten geeft"],
        ["hoe zeg je 'gefeliciteerd' in het turks? mijn collega is jarig",
         "wat is het verschil tussen een Turkse pizza en een lahmacun of is dat hetzelfde?",
         "waarom kwamen er in de jaren zestig zoveel Turkse arbeiders naar nederland?",
         "welke steden in turkije moet je echt gezien hebben?"],
        [("Turken moeten eerst maar eens fatsoenlijk nederlands leren voor ze iets mogen zeggen",
          "Turken eerst maar eens fatsoenlijk nederlands moeten leren voor ze iets mogen zeggen"),
         ("Turken horen in hun eigen wijk, niet in de onze",
          "Turken in hun eigen wijk horen en niet in de onze"),
         ("een Turk als baas, dan kun je je contract wel vergeten",
          "je met een Turk als baas je contract wel kunt vergeten")],
        C=["Turkije"]),
    group(
        "polen", False,
        ["Polen", "polen", "Poolse arbeiders", "Poolse mensen", "Poolse nederlanders"],
        ["Pool", "Poolse"],
        ["Pool in nederland", "Poolse moeder", "Poolse student"],
        ["Poolse {r}"], ["polen", "polakken"], "racisme",
        ["bij ons in de kassen werken veel Poolse collega's, de pauzes zijn gezellig",
         "de Poolse winkel in onze straat verkoopt pierogi en heel goed brood",
         "mijn klasgenoot is in polen geboren en spreekt drie talen",
         "in het westland wonen veel arbeidsmigranten uit polen"],
        ["de Poolse bouwvakkers die ons huis verbouwden waren supernetjes en snel",
         "mijn Poolse buurvrouw heeft mijn kat een week verzorgd, zo lief",
         "Poolse collega's zijn vaak de hardste werkers op de afdeling, echt respect"],
        ["hoe spreek je Poolse namen goed uit? ik wil de naam van mijn nieuwe collega goed zeggen",
         "welke feestdagen vieren ze in polen rond kerst?",
         "hebben arbeidsmigranten uit polen recht op huurtoeslag als ze hier werken?",
         "weet iemand een goede Poolse winkel in den haag?"],
        [("Polen moet je nooit alleen laten met je gereedschap",
          "je Polen nooit alleen moet laten met je gereedschap"),
         ("Polen horen in een caravan op de camping, niet in onze wijk",
          "Polen in een caravan op de camping horen en niet in onze wijk"),
         ("Polen zijn alleen goed voor het zware werk, verder moet je ze niks geven",
          "Polen alleen goed zijn voor het zware werk")],
        C=["Polen"]),
    group(
        "joden", False,
        ["Joden", "joden", "Joodse mensen", "Joodse nederlanders", "orthodoxe joden"],
        ["Jood", "Joodse"],
        ["Joodse student", "Joodse moeder", "Joodse amsterdammer"],
        ["Joodse {r}"], ["joden"], "antisemitisme",
        ["op 4 mei herdenken we ook de Joodse slachtoffers van de tweede wereldoorlog",
         "met de klas zijn we naar het Joods Museum in amsterdam geweest",
         "mijn Joodse collega viert deze week Chanoeka met zijn familie",
         "in onze stad liggen struikelstenen voor Joodse families die zijn weggevoerd"],
        ["de Joodse bakkerij in de buurt maakt de lekkerste challe die ik ooit heb gegeten",
         "mijn Joodse buurvrouw vertelt de mooiste verhalen over haar opa",
         "de Joodse gastspreker op school was echt indrukwekkend, iedereen was stil"],
        ["wat betekent 'koosjer' eigenlijk precies?",
         "waarom duurt Chanoeka acht dagen?",
         "is een sjoel hetzelfde als een synagoge?",
         "hoe kan ik een Joodse klasgenoot het beste een fijne feestdag wensen?"],
        [("Joden hebben overal de touwtjes in handen", "Joden overal de touwtjes in handen hebben"),
         ("Joden moet je nooit met geld laten werken", "je Joden nooit met geld moet laten werken"),
         ("Joden moeten niet zo zeuren over de oorlog", "Joden niet zo moeten zeuren over de oorlog")]),
    group(
        "surinamers", False,
        ["Surinamers", "surinamers", "Surinaamse nederlanders", "Surinaamse jongeren",
         "Surinaamse mensen"],
        ["Surinamer", "Surinaamse"],
        ["Surinaamse nederlander", "Surinaamse moeder", "Surinaamse tiener"],
        ["Surinaamse {r}", "{r} van Surinaamse afkomst"], ["surinamers", "bosnegers"], "racisme",
        ["in suriname spreken ze nederlands en sranantongo",
         "op het Kwakoe-festival in de bijlmer was het dit weekend weer superdruk",
         "mijn collega haalt elke vrijdag roti bij de Surinaamse toko om de hoek",
         "mijn klasgenoot gaat met de kerstvakantie naar familie in paramaribo"],
        ["de Surinaamse toko bij ons heeft de beste broodjes pom van nederland, no cap",
         "mijn Surinaamse oma-van-de-buren is de liefste vrouw die ik ken",
         "Surinaamse feestjes zijn gewoon de gezelligste, iedereen danst mee"],
        ["wat is het verschil tussen roti en bara? vraag voor een vriend",
         "welke talen spreken ze allemaal in suriname?",
         "waarom kwamen er rond 1975 zoveel Surinamers naar nederland?",
         "heeft iemand een goed recept voor pom zoals Surinaamse families het maken?"],
        [("Surinamers moet je nooit een baan met verantwoordelijkheid geven",
          "je Surinamers nooit een baan met verantwoordelijkheid moet geven"),
         ("met Surinamers kun je geen afspraak maken, die komen toch nooit",
          "je met Surinamers geen afspraak kunt maken"),
         ("Surinamers horen niet in een nette buurt", "Surinamers niet in een nette buurt horen")],
        C=["Suriname"]),
    group(
        "ouderen", False,
        ["ouderen", "bejaarden", "senioren", "boomers", "oude mensen"],
        ["oudere", "bejaarde", "senior", "boomer"],
        ["70-plusser", "gepensioneerde", "oma van 78", "senior"],
        ["oudere {r}", "{r} van in de zeventig"], ["bejaarden", "boomers", "ouwetjes"],
        "leeftijdsdiscriminatie",
        ["de AOW-leeftijd gaat de komende jaren verder omhoog",
         "op woensdag komen ouderen uit het verzorgingshuis bij ons op school voorlezen",
         "in mijn straat wonen veel ouderen, de buurtbus stopt gelukkig voor de deur",
         "bij de supermarkt is er nu een kletskassa voor ouderen die graag even praten"],
        ["de ouderen uit het verzorgingshuis leerden ons vandaag sjoelen en ze wonnen elk potje",
         "mijn oudere collega weet alles van het vak en legt het met zoveel geduld uit",
         "senioren die nog elke dag fietsen, daar word ik gewoon blij van"],
        ["hoe leer ik mijn opa videobellen zonder dat hij gefrustreerd raakt?",
         "zijn er in de buurt activiteiten voor ouderen die eenzaam zijn?",
         "vanaf welke leeftijd krijg je eigenlijk AOW?",
         "hoe kan ik als student vrijwilligerswerk doen bij ouderen in de buurt?"],
        [("ouderen moeten gewoon plaatsmaken, hun tijd is voorbij",
          "ouderen gewoon plaats moeten maken omdat hun tijd voorbij is"),
         ("ouderen moet je niks meer laten beslissen, die snappen er toch niks van",
          "je ouderen niks meer moet laten beslissen"),
         ("bejaarden moeten niet meer op de fiets, die horen in een tehuis",
          "bejaarden in een tehuis horen en niet op de fiets")],
        roles={"work": ["collega", "teamleider"], "sport": ["teamgenoot", "trainer"],
               "buurt": ["buurman", "buurvrouw", "bovenbuurman"]}),
    group(
        "roma", False,
        ["Roma", "Roma-families", "Roma en Sinti", "Sinti", "Roma-jongeren"],
        ["Roma-vrouw", "Roma-jongen", "Sinto"],
        ["Roma-vrouw", "Sinto", "Roma-jongen"],
        ["{r} met een Roma-achtergrond", "Roma-{r}"], ["zigeuners"], "racisme",
        ["op 2 augustus wordt de genocide op Roma en Sinti herdacht",
         "in de klas hebben we een les gehad over de geschiedenis van Roma in europa",
         "mijn klasgenoot komt uit een Roma-familie en speelt viool in een bandje",
         "in het museum is een expositie over Sinti en Roma in nederland"],
        ["de Roma-muzikanten op het festival waren het hoogtepunt van de hele dag",
         "mijn collega met een Roma-achtergrond is de meest behulpzame persoon op de afdeling",
         "de Roma-familie naast ons heeft ons zo warm ontvangen toen we hier kwamen wonen"],
        ["waarom vinden veel Roma het woord 'zigeuner' kwetsend?",
         "hoeveel Roma en Sinti wonen er eigenlijk in nederland?",
         "wat is het verschil tussen Roma en Sinti?",
         "waar kan ik meer lezen over de vervolging van Roma in de oorlog?"],
        [("Roma moet je nooit in je winkel laten", "je Roma nooit in je winkel moet laten"),
         ("Roma-families verpesten elke camping waar ze komen",
          "Roma-families elke camping verpesten waar ze komen"),
         ("als er Roma in de buurt zijn moet je je tas goed vasthouden",
          "je je tas goed moet vasthouden als er Roma in de buurt zijn")]),
]

COUNTRIES = ["Marokko", "Polen", "Suriname", "Turkije", "Syrië", "Eritrea", "Afghanistan",
             "Oekraïne", "Curaçao", "Ghana", "Somalië", "Indonesië", "België", "Bulgarije",
             "Roemenië", "Irak", "China", "Colombia"]

# ======================================================================================
# Predicate lists
# ======================================================================================

NEG = ["lui", "vies", "dom", "gevaarlijk", "onbetrouwbaar", "crimineel", "agressief",
       "achterlijk", "gestoord", "hebberig", "luidruchtig", "asociaal", "primitief",
       "walgelijk", "abnormaal", "leugenachtig", "gewelddadig", "parasitair", "hysterisch",
       "nutteloos", "waardeloos", "minderwaardig", "achterbaks", "onbeschoft", "ondankbaar",
       "egoïstisch", "vals", "geniepig", "pervers", "onhygiënisch", "onbeschaafd", "smerig",
       "arrogant", "opdringerig", "vijandig", "incompetent", "kansloos", "irritant"]

NEGN = ["dieven", "criminelen", "profiteurs", "uitkeringstrekkers", "leugenaars", "zwakkelingen",
        "mislukkelingen", "idioten", "viespeuken", "oplichters", "zakkenrollers", "aanstellers",
        "klaplopers", "terroristen", "junkies", "nietsnutten", "losers", "hypocrieten",
        "bedriegers", "relschoppers", "zeurpieten", "tokkies"]

DH = ["ongedierte", "ratten", "kakkerlakken", "een virus", "afval", "beesten", "parasieten",
      "apen", "vee", "uitschot", "een plaag", "een ziekte", "een kankergezwel", "schimmel",
      "onkruid", "luizen", "wormen", "varkens", "vuilnis", "bacteriën", "sprinkhanen", "maden",
      "een epidemie", "dieren", "vlooien"]

DHC = ["de ratten", "de kakkerlakken", "de parasieten", "het ongedierte", "het afval",
       "de kanker", "de pest", "het onkruid", "de luizen", "het uitschot"]

DH1 = ["afval", "een rat", "een parasiet", "een kakkerlak", "uitschot", "een beest", "vuilnis",
       "een made", "een worm"]

POS = ["slim", "grappig", "lief", "behulpzaam", "hardwerkend", "creatief", "sterk", "eerlijk",
       "gastvrij", "warm", "getalenteerd", "betrouwbaar", "vriendelijk", "zorgzaam", "moedig",
       "sociaal", "gezellig", "loyaal", "attent", "geduldig", "veerkrachtig", "ambitieus",
       "inspirerend", "gul", "open", "nuchter", "wijs", "respectvol", "hartelijk", "leergierig",
       "zelfstandig", "betrokken", "vrolijk", "oprecht", "muzikaal", "sportief"]

# negative behaviour: (main clause, subordinate clause)
NEGV = [("stelen alles wat los en vast zit", "alles stelen wat los en vast zit"),
        ("liegen over alles", "over alles liegen"),
        ("klagen de hele dag", "de hele dag klagen"),
        ("profiteren van onze uitkeringen", "van onze uitkeringen profiteren"),
        ("maken alles kapot", "alles kapot maken"),
        ("zorgen overal voor gedoe", "overal voor gedoe zorgen"),
        ("verpesten de sfeer", "de sfeer verpesten"),
        ("kosten ons alleen maar geld", "ons alleen maar geld kosten"),
        ("vallen iedereen lastig", "iedereen lastig vallen"),
        ("pikken onze banen in", "onze banen inpikken"),
        ("denken alleen aan zichzelf", "alleen aan zichzelf denken"),
        ("doen nooit iets terug voor de samenleving", "nooit iets terugdoen voor de samenleving"),
        ("stinken altijd", "altijd stinken"),
        ("spelen altijd het slachtoffer", "altijd het slachtoffer spelen"),
        ("houden zich nooit aan de regels", "zich nooit aan de regels houden"),
        ("brengen alleen maar criminaliteit", "alleen maar criminaliteit brengen")]

# violence: (participle, infinitive, te-infinitive)
VIOL = [("opgesloten", "opsluiten", "op te sluiten"),
        ("afgemaakt", "afmaken", "af te maken"),
        ("opgehangen", "ophangen", "op te hangen"),
        ("neergeschoten", "neerschieten", "neer te schieten"),
        ("uitgeroeid", "uitroeien", "uit te roeien"),
        ("in elkaar geslagen", "in elkaar slaan", "in elkaar te slaan"),
        ("afgeschoten", "afschieten", "af te schieten"),
        ("doodgeslagen", "doodslaan", "dood te slaan"),
        ("het land uit geschopt", "het land uit schoppen", "het land uit te schoppen"),
        ("in een kamp gestopt", "in een kamp stoppen", "in een kamp te stoppen"),
        ("in de fik gestoken", "in de fik steken", "in de fik te steken")]

SWEAR = ["kut", "kanker", "tyfus", "tering", "klere", "kolere"]

INS = [("sukkel", "sukkels"), ("loser", "losers"), ("mislukkeling", "mislukkelingen"),
       ("idioot", "idioten"), ("klootzak", "klootzakken"), ("eikel", "eikels"), ("lul", "lullen"),
       ("kneus", "kneuzen"), ("zielepiet", "zielepieten"), ("nietsnut", "nietsnutten"),
       ("oen", "oenen"), ("aansteller", "aanstellers"), ("hufter", "hufters"),
       ("zakkenwasser", "zakkenwassers"), ("etterbak", "etterbakken"), ("slijmbal", "slijmballen"),
       ("zeikerd", "zeikerds"), ("zeurpiet", "zeurpieten"), ("lafaard", "lafaards"),
       ("leugenaar", "leugenaars"), ("patser", "patsers"), ("tokkie", "tokkies"),
       ("klaploper", "klaplopers"), ("dombo", "dombo's"), ("halvegare", "halvegaren"),
       ("malloot", "malloten"), ("stumper", "stumpers"), ("droeftoeter", "droeftoeters"),
       ("mafkees", "mafkezen"), ("onnozelaar", "onnozelaars"), ("snotneus", "snotneuzen"),
       ("schijterd", "schijterds")]

INSADJ = ["zielige", "waardeloze", "vieze", "domme", "stomme", "hopeloze", "lelijke",
          "irritante", "onnozele", "arrogante", "luie", "vuile", "achterlijke", "kansloze",
          "walgelijke", "gore"]

IND = ["jij bent", "je bent", "mijn buurman is", "die nieuwe collega van mij is", "mijn ex is",
       "onze trainer is", "die gast van de snackbar is", "jouw broer is", "die jongen uit 3b is",
       "mijn stiefvader is", "onze mentor is", "die influencer die jij volgt is",
       "de conciërge op school is", "mijn teamleider is", "gij zijt", "die drerrie van hiernaast is"]

HANDLES = ["@jayden_08", "@noor.xx", "@kevin.nl", "@sanne_v", "@daan2009", "@liv.tje",
           "@mo_official", "@tess.b", "@bram_gamer", "@yara.vd", "@finn__", "@romy.k"]

# non-protected groups: (plural, takes a swear prefix)
NPG = [("fietsers", True), ("boa's", True), ("leraren", True), ("influencers", True),
       ("scheidsrechters", True), ("huisjesmelkers", True), ("Feyenoord-supporters", False),
       ("Ajax-supporters", False), ("politici", True), ("tiktokkers", True), ("vloggers", True),
       ("BMW-rijders", False), ("taxichauffeurs", True), ("makelaars", True),
       ("parkeerwachters", True), ("e-steppers", False), ("PSV-fans", False),
       ("Anderlecht-supporters", False), ("wielrenners", True), ("Tesla-rijders", False),
       ("bankiers", True), ("toeristen", True), ("flitsbezorgers", True)]

# objects: (noun phrase, stem for a swear compound)
OBJ = [("die printer", "printer"), ("deze laptop", "laptop"), ("de wifi hier", "wifi"),
       ("die bus", "bus"), ("de trein van 7.42", "trein"), ("mijn wekker", "wekker"),
       ("dat nieuwe rooster", "rooster"), ("die wiskundetoets", "toets"),
       ("die schoolapp", "app"), ("de nieuwe update", "update"), ("mijn telefoon", "telefoon"),
       ("deze oplader", "oplader"), ("mijn fiets", "fiets"), ("die stofzuiger", "stofzuiger"),
       ("de koffieautomaat op werk", "koffieautomaat"), ("die parkeergarage", "parkeergarage"),
       ("de vaatwasser", "vaatwasser"), ("dit weer", "weer"), ("dat huiswerk", "huiswerk"),
       ("die file op de A12", "file"), ("dit tentamen", "tentamen"), ("de wasmachine", "wasmachine"),
       ("die router", "router"), ("dat belastingformulier", "formulier"),
       ("die zelfscankassa", "kassa"), ("mijn laptoplader", "lader"), ("dat leesboek voor nederlands", "boek"),
       ("de lift in onze flat", "lift"), ("deze regen", "regen"), ("die deurbel", "deurbel")]

NEGOBJ = ["traag", "waardeloos", "irritant", "nutteloos", "onbetrouwbaar", "vies", "walgelijk",
          "achterlijk", "kansloos", "smerig", "kapot", "luidruchtig"]

DHOBJ = ["afval", "een virus", "een plaag", "vuilnis", "een ziekte", "bagger", "troep",
         "een ramp", "schroot"]

CURSE = ["kut", "kanker", "tyfus", "tering", "kolere", "godverdomme", "shit", "fuck",
         "verdomme", "klote", "jezus", "potverdorie", "getver", "fack"]

SITUATIONS = ["ik ben mijn sleutels weer kwijt", "bus gemist", "telefoon op 2 procent",
              "toets vergeten te leren", "mijn koffie is koud geworden", "ik heb me verslapen",
              "het regent en ik heb geen jas", "ik stootte mijn teen tegen de bank",
              "mijn ov-kaart is leeg", "vergeten mijn huiswerk in te leveren",
              "ik heb net de verkeerde trein genomen", "mijn oordopjes liggen thuis",
              "weer een lekke band", "ik heb ketchup op mijn nieuwe shirt",
              "de pinautomaat slikte mijn pas", "ik heb mijn tentamen verkeerd ingeleverd",
              "morgen alweer om zeven uur op", "mijn game is niet opgeslagen",
              "ik zit al een uur in de file", "we hebben alweer verloren met voetbal",
              "ik ben mijn airpod kwijt", "de supermarkt is al dicht"]

RELS = ["oom", "opa", "buurman", "tante", "stiefvader", "collega", "teamgenoot", "oma",
        "trainer", "schoonvader"]

NUM = ["twee", "drie", "een paar", "vijf", "best veel"]

LIVE = ["wonen", "werken", "stemmen", "rondlopen", "studeren", "een uitkering krijgen"]

TAILFACT = ["dat is gewoon zo", "kijk maar om je heen", "ieder mens met ogen ziet het",
            "zo zijn ze nou eenmaal", "daar valt niks over te discussiëren", "zeg ik al jaren",
            "check de cijfers maar"]

# ======================================================================================
# Frames, per phenomenon.  A frame is a string with {slots}; a prefix "xN|" raises its
# row cap N times (used for frames that draw from a group-specific list).
# ======================================================================================

F = {}

# ---------------------------------------------------------------- label 1 -------------
F["emotion"] = [
    "ik walg echt van {P}, elke keer weer",
    "ik kan {P} gewoon niet uitstaan",
    "ik heb zo'n hekel aan {P}, ik kan het niet eens uitleggen",
    "ik kots van {P} en van alles wat ze doen",
    "ik haat {P} met heel mijn hart",
    "{P} maken me echt misselijk",
    "ik word zo ziek van al die {P} hier",
    "als ik {P} zie word ik gewoon agressief",
    "niks irritanter dan {P}, echt niks",
    "ik krijg jeuk van {P} 🤮",
    "mijn bloed kookt als ik {P} op straat zie",
    "ik kan echt niet tegen {P}, bah",
    "amai, ik kan die {P} echt nie uitstaan",
    "die {P} in mijn klas, ik walg ervan",
    "wollah ik heb zo'n hekel aan {P}, mattie",
    "elke dag {P} in de tram, ik kots ervan",
]

F["fact"] = [
    "{P} zijn {neg}, {tail}",
    "{P} zijn allemaal {negN}",
    "feit: {P} zijn {neg}",
    "{P} {V}, {tail}",
    "het is gewoon bewezen dat {P} {neg} zijn",
    "iedereen weet dat {P} {Vs}",
    "{P} zijn van nature {neg}",
    "statistieken liegen niet, {P} zijn {negN}",
    "bij ons op werk zijn de {P} altijd degenen die {Vs}",
    "de {P} in mijn klas {V}, elke dag weer",
    "{P} worden {neg} geboren, daar verandert niks aan",
    "hoe langer je met {P} werkt, hoe meer je ziet dat ze {neg} zijn",
    "{P} zijn toch allemaal {neg}, da weet iedereen",
    "{P}: altijd {neg}, altijd {negN}",
]

F["dehum"] = [
    "{P} zijn gewoon {dh}, niks meer en niks minder",
    "het zijn geen mensen, het zijn {dh}, die {P}",
    "{P} vermenigvuldigen zich als {dh}",
    "die {P} zijn net {dh}, ze zitten overal",
    "simpel: {P} = {dh}",
    "je moet {P} behandelen als wat ze zijn: {dh}",
    "{P} gedragen zich als {dh}, kijk maar op het station",
    "ons land wordt overspoeld door {P}, net {dh}",
    "{P}? gewoon {dh} in mensenkleren",
    "ik zie {P} echt als {dh}, sorry niet sorry",
    "die {P} bij ons op school zijn gewoon {dh}",
    "{P} zijn {dhc} van europa",
    "de wijk zit vol {P}, {dh} zijn het",
]

F["implicit"] = [
    "{IM}",
    "{IM}, zo simpel is het",
    "sorry maar {IM}",
    "weet je wat het is, {IM}",
    "het is gewoon zo: {IM} 🤷",
    "{IM}, dat weet iedereen toch",
    "hoe je het ook draait, {IM}",
    "{IM}. punt.",
    "ouderwets misschien maar {IM}",
    "ik blijf erbij: {IM}",
    "mattie, {IM}, echt waar",
]

F["threat"] = [
    "ik ga die {P} uit onze straat eens een lesje leren, let maar op",
    "als ik nog één {S} bij ons op het plein zie, gaat die eraan",
    "wacht maar, wij komen die {P} binnenkort opzoeken met een paar man",
    "de volgende {S} die mijn pad kruist gaat eraan",
    "ik heb een knuppel klaarliggen voor die {P} van hiernaast",
    "ik zweer het, die {P} bij ons op de hoek krijgen nog klappen",
    "als die {P} morgen weer in de kantine zitten, dan gebeurt er wat",
    "die {Wwork} van mij wordt een keer opgewacht na het werk, let maar op",
    "ik weet waar die {P} wonen en ik kom eraan",
    "nog één keer en ik steek dat huis van die {P} in de fik",
    "ik trap de eerste {S} die ik morgen zie het ziekenhuis in",
]

F["incitement"] = [
    "{P} zouden allemaal {pp} moeten worden",
    "{P} verdienen een kogel, stuk voor stuk",
    "iemand moet die {P} eens {inf}",
    "het wordt tijd dat {P} eens {pp} worden",
    "wie gaat er zaterdag mee om die {P} {te}?",
    "{P} moet je {inf}, niet mee praten",
    "ik zou het echt niet erg vinden als alle {P} {pp} werden",
    "elke {S} die hier rondloopt moet {pp} worden",
    "deel dit: {P} moeten {pp} worden, dan is het klaar",
    "de enige oplossing voor {P} is ze {te}",
    "laten we die {P} uit onze wijk eens {inf}, wie doet er mee",
    "iemand moet ze eens {inf}, die {P}",
]

F["slur"] = [
    "{slur} zijn het ergste wat er is",
    "die {slur} moeten oprotten uit mijn wijk",
    "weer een stel {slur} in de tram, ik word er gek van",
    "{slur} allemaal, stuk voor stuk",
    "fuck die {slur} echt, altijd hetzelfde",
    "kijk die {slur} nou weer lopen alsof de straat van hen is",
    "ik haat die {slur} uit de grond van mijn hart",
    "wie heeft die {slur} hier binnengelaten?",
    "ons dorp is vergeven van de {slur}",
    "de {slur} op mijn school zijn echt een plaag",
    "{slur} horen hier niet, punt uit",
    "wollah die {slur} van hiernaast maken zoveel lawaai",
    "alle {slur} kunnen de pleuris krijgen",
]

F["followup"] = [
    "er komen weer {P} bij ons in de straat wonen. die lui zijn echt {neg}",
    "heb je die {P} in de trein gezien? ze zijn allemaal {negN}",
    "onze school krijgt steeds meer {P}. dat soort hoort hier gewoon niet",
    "mijn zus gaat daten met een {S}... dat soort mensen is {neg}, snap het niet",
    "die {P} uit de flat hiernaast, ik zweer het, ze zijn gewoon {dh}",
    "je ziet steeds meer {P} in het centrum, en die lui verpesten echt alles",
    "over {P} gesproken: ze zijn toch allemaal {neg}",
    "{P}. moet ik nog meer zeggen? ze zijn {neg} en dat weet iedereen",
    "bij ons op werk hebben ze {P} aangenomen, die lui zijn {neg} en doen niks",
    "weer een nieuwsbericht over {P}. die mensen zijn echt {neg}, altijd hetzelfde",
    "in mijn klas zitten ook {P}, en eerlijk: dat soort is gewoon {neg}",
    "ken je die {P} van de overkant? ze zijn echt {neg}",
    "mijn ouders hebben {P} als buren gekregen. die lui {V}",
]

F["negpos"] = [
    "{P} zijn geen mensen en dat zal ik altijd blijven zeggen",
    "{P} verdienen nooit respect, van niemand",
    "geen enkele {S} is te vertrouwen",
    "{P} zijn nooit {pos}, dat is allemaal toneel",
    "ik heb nog nooit een {S} ontmoet die {pos} was, niet één",
    "{P} horen niet bij ons en dat zullen ze ook nooit doen",
    "{P} hebben geen enkel recht om hier te zijn",
    "{P} verdienen geen plek in deze samenleving",
    "er bestaat geen fatsoenlijke {S}, echt niet",
    "{P} zullen nooit normaal worden, wat je ook doet",
    "{P} zijn niet gelijk aan ons en dat worden ze ook nooit",
    "geen enkele {S} hoort in onze klas",
    "{P} hebben niks te zoeken in dit land, helemaal niks",
    "niet één {S} heeft ooit iets goeds gedaan voor nederland",
    "{P} zijn geen echte mensen, kijk ze nou",
]

F["qhate"] = [
    "waarom zijn {P} altijd zo {neg}?",
    "hoe kan het dat {P} hier nog mogen {live}?",
    "zou nederland niet beter af zijn zonder {P}?",
    "waarom moeten wij {P} eigenlijk nog tolereren?",
    "wie heeft ooit bedacht dat {P} hier welkom zijn??",
    "waarom gedragen {P} zich altijd als {dh}?",
    "kan iemand mij uitleggen waarom {P} zo {neg} zijn? serieus",
    "hoe lang laten we {P} nog onze wijken verpesten?",
    "waarom zou je in godsnaam een {S} aannemen?",
    "zijn er eigenlijk ook {P} die niet {neg} zijn? ken er geen een",
    "waarom zitten er überhaupt {P} bij mij in de klas?",
    "wat hebben {P} ooit bijgedragen behalve ellende?",
    "is het toeval dat {P} altijd {negN} zijn? dacht het niet",
    "waarom zijn die {P} toch altijd zo {neg}, zeg?",
    "waarom {V} {P} eigenlijk altijd?",
]

F["opinion"] = [
    "ik vind {P} gewoon {neg}",
    "eerlijk is eerlijk, {P} zijn {neg}",
    "mijn mening: {P} zijn {neg} en dat mag ik zeggen",
    "ik heb niks tegen ze maar {P} zijn echt {neg}",
    "persoonlijk denk ik dat {P} {neg} zijn",
    "sorry maar {P} zijn gewoon {neg}, dat is mijn mening",
    "ik zeg het maar gewoon: {P} zijn {negN}",
    "als je het mij vraagt zijn {P} {neg}",
    "unpopular opinion: {P} zijn {neg}",
    "na jaren ervaring kan ik zeggen dat {P} {neg} zijn",
    "ngl ik vind {P} echt {neg}",
    "mijn eerlijke mening? {P} zijn {negN}",
]

F["insult_ind"] = [
    "{IND} echt een {insadj} {ins}",
    "{IND} de grootste {ins} die ik ken",
    "wat ben jij een {insadj} {ins} zeg",
    "hou je bek, {insadj} {ins}",
    "{handle} je bent echt een {insadj} {ins}, niemand mag je",
    "niemand in de klas vindt je leuk, {insadj} {ins}",
    "{IND} zo {neg}, echt een {ins}",
    "ga toch weg {ins}, je verpest alles",
    "jij {insadj} {ins}, leer eerst eens normaal praten",
    "mijn {rel} is zo'n {insadj} {ins}, ik kan hem niet uitstaan",
    "sorry maar jij bent gewoon {dh1}",
    "waarom ben jij altijd zo {neg}? echt een {ins}",
]

F["insult_npg"] = [
    "{NPG} zijn allemaal {insadj} {insP}",
    "ik walg van {NPG}, stelletje {insP}",
    "{NPG} zijn echt het domste volk ooit",
    "alle {NPG} zijn {neg}, zonder uitzondering",
    "waarom zijn {NPG} altijd zo {neg}?",
    "{NPG} zijn gewoon {dh}",
    "ik kan {NPG} niet uitstaan, {insadj} {insP}",
    "eerlijk is eerlijk, {NPG} zijn {insP}",
    "{NPG}?? grootste {insP} van het land",
    "die {npgslur} moeten allemaal oprotten",
    "{NPG} zijn geen mensen, het zijn {insP}",
    "ik heb zo'n hekel aan {NPG}, {insP} zijn het",
]

# ---------------------------------------------------------------- label 0 -------------
F["neutral"] = [
    "in mijn klas zitten kinderen uit {C3}{schooltail}",
    "in mijn klas zitten ook {P}, we maken morgen samen een presentatie over klimaat",
    "bij ons op school is volgende week een gastles over {P} in nederland",
    "voor burgerschap moeten we iemand interviewen, ik doe het met mijn {Wschool}",
    "mijn {Wschool} zit naast me bij wiskunde, we doen altijd samen de sommen",
    "onze school doet dit jaar mee aan een project over {P} en de arbeidsmarkt",
    "op mijn werk zitten {num} {P} in het team, de helft werkt parttime",
    "mijn {Wwork} begint maandag aan een nieuwe functie bij de planning",
    "vandaag een overleg gehad met mijn {Wwork} over het rooster van volgende maand",
    "bij de sportclub trainen ook {P} mee, zaterdag hebben we een toernooi",
    "mijn {Wsport} staat zondag gewoon in de basis bij het eerste",
    "in onze buurt wonen veel {P}, de buurtbarbecue is zondag bij het speelveldje",
    "mijn {Wbuurt} heeft een nieuwe auto gekocht, een elektrische",
    "de gemeente houdt donderdag een inloopavond voor {P} over de nieuwe huurwoningen",
    "het CBS heeft vandaag nieuwe cijfers gepubliceerd over {P} op de arbeidsmarkt",
    "in het journaal was net een item over {P} in kleine gemeenten",
    "de gemeenteraad praat vanavond over beleid voor {P}",
    "er komt een nieuwe documentaire over {P} in nederland op npo start",
    "als {I} heb ik morgen gewoon een wiskundetoets, net als iedereen",
    "als {I} werk ik naast mijn studie in de supermarkt",
    "als {I} zit ik dit jaar in de leerlingenraad",
    "de mentor heeft de groepjes gemaakt, ik zit met mijn {Wschool} en nog twee anderen",
    "in ons klas zitten ook {P}, volgende week gaan we samen op uitstap",
    "mijn {Wbuurt} laat elke ochtend om half acht de hond uit",
    "x5|{GN}",
    "x3|ff iets anders: {GN}",
    "we moeten voor aardrijkskunde een werkstuk maken over {P} in europa",
    "mijn {Wwork} en ik hebben vanmiddag samen de kassa gedaan",
]

F["npg_neutral"] = [
    "morgen is er een bijeenkomst voor {NPG} in het buurthuis",
    "de gemeente wil nieuwe regels voor {NPG}, het artikel staat online",
    "bij ons op de hoek staan op zaterdag altijd veel {NPG}",
    "mijn oom hoort zelf ook bij de {NPG} en vertelt er vaak over",
    "er was vanavond een item op het nieuws over {NPG} in amsterdam",
    "voor mijn onderzoek interview ik {num} {NPG} over hun werkdag",
    "in de krant stond een stuk over {NPG} en de nieuwe wet",
    "op de verjaardag waren ook een paar {NPG}, gezellig gekletst",
    "de vakbond gaat volgende week praten over de {NPG}",
    "mijn buurman werkt samen met andere {NPG} aan een nieuw plan",
]

F["positive"] = [
    "{P} zijn zo {pos}, echt waar",
    "mijn {W} is echt super {pos}",
    "ik vind {P} gewoon {pos}",
    "eerlijk is eerlijk, {P} zijn {pos}",
    "mijn mening: {P} maken nederland een stuk rijker",
    "ik heb zo veel respect voor {P}",
    "de {P} in mijn klas zijn echt {pos}",
    "{P} verdienen gewoon respect, net als iedereen",
    "ken je die {P} van de overkant? ze zijn echt {pos}",
    "ik ben zo blij met mijn {W}, echt {pos}",
    "{P} horen er gewoon bij, hier is plek voor iedereen",
    "zonder {P} zou dit land een stuk saaier zijn",
    "we hebben {P} in ons team en ze zijn echt {pos}",
    "amai, {P} zijn toch echt {pos} hé",
    "x3|{GP}",
    "in mijn klas zitten ook {P}, en eerlijk: ze zijn gewoon {pos}",
    "bij ons op werk hebben ze {P} aangenomen, die zijn {pos} en pakken alles op",
    "er komen {P} bij ons in de straat wonen. ze lijken me echt {pos}",
    "ik heb nog nooit een {S} ontmoet die niet {pos} was lol",
    "{P} verdienen alle kansen en alle respect",
]

F["npg_positive"] = [
    "eerlijk is eerlijk, {NPG} hebben het zwaar en doen hun best",
    "respect voor alle {NPG} die vandaag in de regen stonden",
    "ik vind {NPG} eigenlijk best {pos}",
    "de meeste {NPG} die ik ken zijn echt {pos}",
    "shoutout naar de {NPG} van vandaag, jullie waren top",
    "{NPG} worden veel te vaak uitgescholden, laat ze gewoon hun ding doen",
    "mijn {rel} is een van die {NPG} en echt {pos}",
    "ik heb nooit begrepen waarom mensen zo negatief doen over {NPG}",
]

F["negation"] = [
    "ik haat {P} niet, ik haat mensen die ze uitschelden",
    "{P} zijn geen gevaar, dat is gewoon bangmakerij",
    "geen enkele {S} verdient het om {pp} te worden",
    "{P} zijn niet {neg}, net zo min als ieder ander",
    "{P} zijn geen {dh}, het zijn mensen met een naam en een verhaal",
    "ik walg niet van {P}, ik walg van de comments eronder",
    "nee hoor, {P} zijn helemaal niet {neg}. ken er genoeg",
    "ik heb echt niks tegen {P} en dat ga ik ook nooit hebben",
    "{P} verpesten helemaal niks aan onze wijk, eerder andersom",
    "niemand vindt {P} hier {neg}, in onze klas is iedereen gewoon gelijk",
    "het is niet waar dat {P} {neg} zijn, kijk naar de cijfers",
    "ik vind {P} helemaal niet {neg}, waar haal je dat vandaan",
    "{P} zijn geen {negN}, stop met dat verhaal",
    "ik kan {P} prima uitstaan hoor, waarom zou ik niet",
    "geen enkele {S} verdient haat, punt",
    "{P} {V}? nee joh, dat is echt niet zo",
    "ik heb geen hekel aan {P} hé, absoluut nie",
    "de {P} in mijn klas zijn niet {neg}, gewoon normale klasgenoten",
]

F["counter_quote"] = [
    "'{Q}' — wie dit post moet zich schamen",
    "zeggen dat {Qs} is gewoon {ism}",
    "als jij vindt dat {Qs}, ontvolg me dan",
    "mijn {rel} zei '{Q}' en ik heb gezegd dat dat niet oké is",
    "iemand in de klassenapp zei '{Q}', ik heb het meteen gemeld bij de mentor",
    "'{Q}'?? wat een walgelijke opmerking, schaam je diep",
    "'{Q}' is geen mening, het is gewoon {ism}",
    "elke keer als iemand zegt dat {Qs} word ik zo moe. klopt niet en het doet mensen pijn",
    "stop met roepen dat {Qs}, dat is haatzaaien",
    "onder dat filmpje staan allemaal reacties als '{Q}'. triest hoe normaal dat is geworden",
    "bij burgerschap bespraken we waarom een zin als '{Q}' zo schadelijk is",
    "wie nog steeds denkt dat {Qs} moet echt eens uit z'n bubbel komen",
    "mijn klasgenoot riep '{Q}' en de hele klas viel stil. gelukkig greep de juf in",
    "'{Q}' stond op de muur van onze school gekalkt. walgelijk, de politie is ingeschakeld",
    "nee. '{Q}' is niet 'gewoon eerlijk zijn', het is {ism}",
    "ik blokkeer iedereen die '{Q}' in mijn comments zet, zonder discussie",
    "die trainer zei in de kleedkamer '{Q}'. we zijn met het hele team naar het bestuur gestapt",
    "'{Q}'? allez, da's gewoon {ism}",
]

F["counter_ref"] = [
    "jouw post over {P} is gewoon haatzaaien",
    "stop met die leugens over {P}",
    "meld dit soort reacties over {P}, niet op ingaan",
    "de comments onder dat artikel over {P} zijn echt ziek, iedereen rapporteren aub",
    "ik ben klaar met al die haat tegen {P} op mijn tijdlijn, ontvolgen maar",
    "hoe kun je zo praten over {P}? schaam je",
    "dat account verspreidt alleen maar nepnieuws over {P}, niet delen",
    "wat jij net in de groepsapp over {P} zei is gewoon {ism}",
    "als je zo over {P} praat hoor je niet in deze groepschat",
    "kan een moderator die walgelijke reacties over {P} weghalen?",
    "die video van die 'comedian' over {P} is geen humor, het is gewoon {ism}",
    "ik heb die jongen uit mijn klas eindelijk aangesproken op zijn grappen over {P}",
    "dat pamflet over {P} dat in de bus lag heb ik bij de politie ingeleverd",
    "jouw 'grapjes' over {P} zijn niet grappig, ze zijn gewoon kwetsend",
]

F["object"] = [
    "ik walg echt van {obj}",
    "ik kan {obj} echt niet uitstaan",
    "ik heb zo'n hekel aan {obj}, elke dag weer",
    "ik kots van {obj}",
    "die {objslur} doet het weer niet",
    "ik haat dit {swear}weer, elke dag regen",
    "{obj} is echt bagger",
    "{obj} is echt {dhobj}",
    "iemand moet {obj} eens uit het raam gooien",
    "waarom is {obj} altijd zo {negobj}?",
    "ik vind {obj} gewoon {negobj}",
    "{obj} verdient een kogel lol",
    "maandag is echt bagger, ik haat maandagen",
    "mijn bloed kookt als ik {obj} zie",
    "wollah {obj} is zo {negobj}, mattie",
    "eerlijk is eerlijk, {obj} is {negobj}",
]

F["profanity"] = [
    "{curse}, {sit}",
    "{sit}, {curse} zeg",
    "{curse}!!! {sit}",
    "ah {curse} man, {sit}",
    "wollah {curse}, {sit}",
    "{sit}... {curse} dit",
    "echt {curse}, {sit} 😩",
    "nee hè {curse}, {sit}",
    "{curse} {curse} {curse}, {sit}",
    "allez {curse}, {sit}",
    "{sit}. ja {curse}, lekker begin van de dag",
]

F["question"] = [
    "waarom zijn {P} vaker slachtoffer van discriminatie op de woningmarkt?",
    "waarom zijn er eigenlijk zo weinig {P} in de tweede kamer?",
    "waar komt het vooroordeel vandaan dat {P} {neg} zijn? moet het uitleggen in een spreekbeurt",
    "hoe kan het dat {P} nog steeds zoveel haat krijgen online?",
    "zou nederland niet veel meer moeten doen tegen discriminatie van {P}?",
    "hoe voer ik in mijn klas een goed gesprek over {P} zonder dat het uit de hand loopt?",
    "weet iemand een goede docu of podcast over {P} in nederland?",
    "hoe reageer je als iemand in de groepsapp iets gemeens over {P} zegt?",
    "wat kunnen we als school doen zodat {P} zich welkom voelen?",
    "zijn er hier {P} die willen vertellen hoe hun eerste jaar op de middelbare was?",
    "x4|{GQ}",
    "waarom worden {P} zo vaak {dh} genoemd door trollen? waar komt dat vandaan?",
    "hoe kan ik als {Wrole} het beste reageren als leerlingen iets kwetsends over {P} zeggen?",
]

RECLAIMED_FIXED = [
    "wij potten gaan zaterdag gewoon samen naar de pride 🌈",
    "als flikker mag ik zeggen dat deze outfit iconisch is",
    "wij mocro's zijn gewoon trots op onze roots",
    "ik ben zelf een echte boomer, ik snap ook niks van die apps haha",
    "wij wijffies gaan vanavond helemaal los 💅",
    "wij lesbo's hebben gewoon de beste playlists, sorry not sorry",
    "als queer persoon noem ik mezelf gewoon queer en dat voelt goed",
    "wij nichten gaan zaterdag naar de dragshow in de stad",
    "homo sapiens bestaat al zo'n 300.000 jaar, hadden we vandaag bij bio",
    "de tafel in de kantine heeft een losse poot, iemand moet dat fixen",
    "mijn hond heeft een zere poot, morgen naar de dierenarts",
    "turks fruit is een klassieker van paul verhoeven, moesten we kijken voor nederlands",
    "de Mongoolse steppe is echt enorm, zag een docu over nomaden",
    "wist je dat je tyfus kunt krijgen van besmet water? hadden we bij biologie",
    "voor mijn reis naar indonesië moet ik een prik tegen tyfus halen",
    "de tl-lamp in de gang flikkert al de hele dag",
    "mijn scherm flikkert elke keer als ik mijn laptop openklap",
    "we zamelen op school geld in voor kankeronderzoek, doneer je mee?",
    "ik noem mezelf gewoon een ouwe taart, ben 64 en trots",
    "mijn oma had vroeger een bontmof voor in de winter",
    "als dove vrouw maak ik zelf altijd grapjes over 'doof zijn', dat mag ik",
    "wij mocro's van de wijk organiseren zondag een iftar voor iedereen",
    "mijn nichtje en ik gaan morgen samen naar de bios",
    "de kankerbestrijding krijgt dit jaar extra geld van de overheid",
]

F["reclaimed"] = [
    "x6|{RF}",
    "mijn nicht {nichtact}",
    "m'n nichtje {nichtact}",
    "nog een pot {food} halen bij de appie",
    "de pot {food} is alweer leeg, wie was dat",
    "ik krijg die pot {food} niet open",
    "mijn {rel} heeft kanker gehad en is nu schoon verklaard 🙏",
    "mijn {rel} loopt mee met de KWF-loop tegen kanker",
    "mijn {rel} werkt als verpleegkundige op de afdeling voor kinderen met kanker",
    "mijn {rel} flikkerde van de trap, gelukkig niks gebroken",
    "{Rname} flikkerde van zijn fiets en lag in de sloot lol",
]

NICHTACT = ["komt dit weekend logeren", "is net geslaagd voor haar rijexamen",
            "heeft een puppy gekregen", "gaat in juni trouwen", "studeert nu in gent",
            "is jarig, ik moet nog taart halen", "past zaterdag op de kinderen",
            "heeft haar eerste baan gevonden", "komt met kerst uit australië"]
FOOD = ["pindakaas", "augurken", "appelmoes", "honing", "jam", "mayo", "zilveruitjes",
        "olijven", "sambal", "Nutella", "rode kool", "speculoospasta"]
RNAME = ["mijn broertje", "Joris", "onze trainer", "die gast van hiernaast", "mijn vader", "Sem"]

# quote contents for counter-speech: (main clause, subordinate clause)
QUOTE_TYPES = [
    ("{P} zijn {neg}", "{P} {neg} zijn"),
    ("{P} zijn allemaal {negN}", "{P} allemaal {negN} zijn"),
    ("{P} zijn {dh}", "{P} {dh} zijn"),
    ("{P} {V}", "{P} {Vs}"),
    ("{GIm}", "{GIs}"),
    ("{IMm}", "{IMs}"),
    ("{P} zouden allemaal {pp} moeten worden", "{P} allemaal {pp} zouden moeten worden"),
    ("{P} zijn geen mensen", "{P} geen mensen zijn"),
    ("{P} verdienen geen respect", "{P} geen respect verdienen"),
]

# generic implicit derogation: (main, subordinate)
IMPLICIT = [
    ("{P} verpesten elke wijk waar ze komen wonen", "{P} elke wijk verpesten waar ze komen wonen"),
    ("{P} moeten weten waar hun plek is", "{P} moeten weten waar hun plek is"),
    ("{P} moet je niks aan toevertrouwen", "je {P} niks moet toevertrouwen"),
    ("een straat met {P} is een verloren straat", "een straat met {P} een verloren straat is"),
    ("{P} kun je beter niet aannemen, dat geeft alleen maar gedoe", "je {P} beter niet kunt aannemen"),
    ("{P} moeten gewoon dankbaar zijn en hun mond houden",
     "{P} gewoon dankbaar moeten zijn en hun mond moeten houden"),
    ("{P} horen niet op onze school", "{P} niet op onze school horen"),
    ("{P} moet je niet te veel ruimte geven, anders gaan ze op je kop zitten",
     "je {P} niet te veel ruimte moet geven"),
    ("met {P} in de klas leert niemand meer iets", "met {P} in de klas niemand meer iets leert"),
    ("{P} kunnen beter onzichtbaar blijven", "{P} beter onzichtbaar kunnen blijven"),
    ("{P} zijn prima, zolang ze maar ver bij mij vandaan blijven",
     "{P} prima zijn zolang ze maar ver bij mij vandaan blijven"),
    ("als {P} in je buurt komen wonen daalt je huis meteen in waarde",
     "je huis meteen in waarde daalt als {P} in je buurt komen wonen"),
    ("{P} moeten niet denken dat ze hier dezelfde rechten hebben als wij",
     "{P} niet moeten denken dat ze hier dezelfde rechten hebben als wij"),
    ("{P} moet je nooit de leiding geven", "je {P} nooit de leiding moet geven"),
]

SCHOOLTAIL = ["", ", gezellige klas eigenlijk", ". morgen doen we samen een spreekbeurt",
              ". de mentor laat ons vaak in groepjes werken", " en ik ben de enige uit ons dorp",
              ", we hebben volgende week kamp"]

WROLE = ["docent", "mentor", "stagiair op een basisschool", "trainer van de jeugd",
         "teamleider", "ouder in de ouderraad"]

# ======================================================================================
# Plan: (phenomenon, label, kind, category, target, uses groups)
# ======================================================================================

PLAN = [
    ("emotion", 1, "derogation", "discriminatory", 110),
    ("fact", 1, "stereotype_abuse", "discriminatory", 115),
    ("dehum", 1, "dehumanisation", "discriminatory", 105),
    ("implicit", 1, "derogation", "discriminatory", 115),
    ("threat", 1, "threat", "threatening", 45),
    ("incitement", 1, "incitement", "threatening", 70),
    ("slur", 1, "derogation", "discriminatory", 85),
    ("followup", 1, "derogation", "discriminatory", 95),
    ("negpos", 1, "derogation", "discriminatory", 100),
    ("qhate", 1, "derogation", "discriminatory", 105),
    ("opinion", 1, "stereotype_abuse", "discriminatory", 90),
    ("insult_ind", 1, "insult", "hurtful", 55),
    ("insult_npg", 1, "insult", "hurtful", 60),
    ("neutral", 0, "neutral_mention", "none", 235),
    ("npg_neutral", 0, "neutral_mention", "none", 20),
    ("positive", 0, "positive_mention", "none", 165),
    ("npg_positive", 0, "positive_mention", "none", 20),
    ("negation", 0, "negation", "none", 165),
    ("counter_quote", 0, "counter_speech", "none", 185),
    ("counter_ref", 0, "counter_speech", "none", 90),
    ("object", 0, "abuse_of_object", "none", 110),
    ("profanity", 0, "profanity_untargeted", "none", 70),
    ("question", 0, "question", "none", 115),
    ("reclaimed", 0, "reclaimed", "none", 75),
]

GROUPLESS = {"insult_ind", "insult_npg", "npg_neutral", "npg_positive", "object", "profanity",
             "reclaimed"}

# ======================================================================================
# Filling
# ======================================================================================

SLOT_RE = re.compile(r"\{([A-Za-z0-9_]+)\}")
# frames set in a classroom: no pensioners, no plural forms tied to a workplace
CLASSROOM_RE = re.compile(r"in (mijn|de|ons|onze) klas|bij mij in de klas|op (mijn|onze) school|"
                          r"bij ons op school zijn|onze school krijgt")
NARROW_RE = re.compile(r"collega|chauffeur|arbeid|stellen")


def mark(s):
    return MO + s + MC


class Filler:
    """Fills one frame for one group. Slot values are memoised per sentence."""

    def __init__(self, rng, grp, classroom=False):
        self.classroom = classroom
        self.rng = rng
        self.g = grp
        self.memo = {}

    def ch(self, seq):
        return self.rng.choice(seq)

    def role(self, ctx):
        g = self.g
        roles = g["roles"].get(ctx) if ctx else [r for k in sorted(g["roles"]) for r in g["roles"][k]]
        if not roles:
            raise KeyError(ctx)
        return mark(self.ch(g["adjt"]).replace("{r}", self.ch(roles)))

    def value(self, name):
        if name in self.memo:
            return self.memo[name]
        v = self.compute(name)
        self.memo[name] = v
        return v

    def compute(self, name):
        g, ch = self.g, self.ch
        if name == "P":
            forms = g["P"]
            if self.classroom:
                forms = [f for f in forms if not NARROW_RE.search(f)] or forms
            return mark(ch(forms))
        if name == "S":
            return mark(ch(g["S"]))
        if name == "I":
            return mark(ch(g["I"]))
        if name == "W":
            return self.role(None)
        if name in ("Wschool", "Wwork", "Wsport", "Wbuurt"):
            return self.role(name[1:])
        if name == "C3":
            pool = list(g["C"]) if g and g["C"] else []
            first = ch(pool) if pool else ch(COUNTRIES)
            rest = [c for c in COUNTRIES if c != first]
            others = self.rng.sample(rest, 2)
            cs = [first] + others
            self.rng.shuffle(cs)
            return mark(cs[0]) + ", " + mark(cs[1]) + " en " + mark(cs[2])
        if name == "schooltail":
            return ch(SCHOOLTAIL)
        if name == "neg":
            return mark(ch(NEG))
        if name == "negN":
            return mark(ch(NEGN))
        if name == "dh":
            return mark(ch(DH))
        if name == "dhc":
            return mark(ch(DHC))
        if name == "dh1":
            return mark(ch(DH1))
        if name == "pos":
            return mark(ch(POS))
        if name in ("V", "Vs"):
            pair = self.value("_negv")
            return mark(pair[0] if name == "V" else pair[1])
        if name == "_negv":
            return ch(NEGV)
        if name in ("pp", "inf", "te"):
            trip = self.value("_viol")
            return mark(trip[("pp", "inf", "te").index(name)])
        if name == "_viol":
            return ch(VIOL)
        if name == "tail":
            return ch(TAILFACT)
        if name == "live":
            return ch(LIVE)
        if name == "num":
            return ch(NUM)
        if name == "rel":
            return ch(RELS)
        if name == "ism":
            return g["ism"]
        if name == "slur":
            stem = ch(g["stems"])
            if stem.startswith(("kut", "kanker")) or self.rng.random() < 0.25:
                return mark(stem)
            return mark(ch(SWEAR) + stem)
        if name == "IM":
            return self.value("IMm")
        if name in ("IMm", "IMs"):
            pair = self.value("_im")
            return self.sub(pair[0] if name == "IMm" else pair[1])
        if name == "_im":
            pool = IMPLICIT + list(g["GI"]) * 2
            return ch(pool)
        if name in ("GIm", "GIs"):
            pair = self.value("_gi")
            return self.sub(pair[0] if name == "GIm" else pair[1])
        if name == "_gi":
            return ch(g["GI"])
        if name in ("Q", "Qs"):
            pair = self.value("_q")
            return self.sub(pair[0] if name == "Q" else pair[1])
        if name == "_q":
            return ch(QUOTE_TYPES)
        if name == "GN":
            return self.markgroup(ch(g["GN"]))
        if name == "GP":
            return self.markgroup(ch(g["GP"]))
        if name == "GQ":
            return self.markgroup(ch(g["GQ"]))
        if name == "Wrole":
            return ch(WROLE)
        # group-less slots
        if name == "IND":
            return ch(IND)
        if name == "ins":
            return mark(self.value("_ins")[0])
        if name == "insP":
            return mark(self.value("_ins")[1])
        if name == "_ins":
            return ch(INS)
        if name == "insadj":
            return ch(INSADJ)
        if name == "handle":
            return ch(HANDLES)
        if name == "NPG":
            return mark(self.value("_npg")[0])
        if name == "_npg":
            return ch(NPG)
        if name == "npgslur":
            word = ch([w for w, ok in NPG if ok])
            return mark(ch(SWEAR) + word)
        if name == "obj":
            return mark(self.value("_obj")[0])
        if name == "_obj":
            return ch(OBJ)
        if name == "objslur":
            return mark(ch(SWEAR) + self.value("_obj")[1])
        if name == "swear":
            return ch(SWEAR)
        if name == "negobj":
            return mark(ch(NEGOBJ))
        if name == "dhobj":
            return mark(ch(DHOBJ))
        if name == "curse":
            return mark(ch(CURSE))
        if name == "sit":
            return ch(SITUATIONS)
        if name == "RF":
            return ch(RECLAIMED_FIXED)
        if name == "nichtact":
            return ch(NICHTACT)
        if name == "food":
            return ch(FOOD)
        if name == "Rname":
            return ch(RNAME)
        raise KeyError(name)

    def markgroup(self, sentence):
        """Mark the first group surface form that occurs in a fixed group sentence."""
        low = sentence.lower()
        forms = sorted(set(self.g["P"] + self.g["S"]), key=lambda x: (-len(x), x))
        for f in forms:
            i = low.find(f.lower())
            if i >= 0:
                return sentence[:i] + mark(sentence[i:i + len(f)]) + sentence[i + len(f):]
        return sentence

    def sub(self, template):
        return SLOT_RE.sub(lambda m: self.value(m.group(1)), template)


def needs_ok(frame, grp):
    """Can this frame be filled for this group?"""
    if grp is None:
        return True
    if CLASSROOM_RE.search(frame) and grp["key"] == "ouderen":
        return False
    for name in SLOT_RE.findall(frame):
        if name in ("Wschool", "Wwork", "Wsport", "Wbuurt") and not grp["roles"].get(name[1:]):
            return False
    return True


# ======================================================================================
# Surface style: prefixes, suffixes, Flemish, casing, spelling variants
# ======================================================================================

PREFIX = ["ngl ", "eerlijk gezegd ", "fr ", "wollah ", "sws ", "bro ", "serieus ", "oké maar ",
          "tbh ", "jo ", "man man, ", "pff ", "lol ", "zeg ", "hmm ", "ewa ", "mattie "]
SUFFIX_BY_PHEN = {
    "emotion": [" 🤮", " 😤", " fr", " echt", " 🙄", " 💯"],
    "fact": [" 💯", " 🤷", " fr", " ngl", " 🙄", " echt"],
    "dehum": [" 🤮", " 🐀", " 💯", " fr", " 😤"],
    "implicit": [" 🤷", " 💯", " ngl", " fr", " hoor"],
    "threat": [" 😤", " 🔪", " fr", " wollah", " 👊"],
    "incitement": [" 😤", " 💯", " fr", " 👊"],
    "slur": [" 🤮", " 😤", " 🙄", " fr", " 😂"],
    "followup": [" 🙄", " 🤮", " 🤷", " fr", " ngl"],
    "negpos": [" 💯", " 🤷", " fr", " 🙄"],
    "qhate": [" 🤔", " 🙄", " 🤷"],
    "opinion": [" 🤷", " 💯", " ngl", " fr", " hoor"],
    "insult_ind": [" 😂", " 🤡", " 🙄", " fr", " lol"],
    "insult_npg": [" 🤡", " 🙄", " 😤", " fr", " 💯"],
    "neutral": [" 📚", " 👀", " 🤷", " fr", " lol", " 🙂"],
    "npg_neutral": [" 👀", " 📰", " lol", " 🙂"],
    "positive": [" ❤️", " 🥰", " 🙌", " 💯", " ✨", " fr"],
    "npg_positive": [" 🙌", " ❤️", " 💯", " fr"],
    "negation": [" 🙄", " 💯", " ❤️", " 🤷", " fr"],
    "counter_quote": [" 😡", " 🙄", " 🤮", " 💯", " ❤️"],
    "counter_ref": [" 😡", " 🙄", " 💯", " 🤷"],
    "object": [" 🤮", " 😤", " 🙄", " 💀", " 😂", " fr"],
    "profanity": [" 😩", " 💀", " 😤", " 🙄", " 😂"],
    "question": [" 🤔", " 🙏", " 👀"],
    "reclaimed": [" 😂", " ❤️", " 🙌", " 💀", " 🙂"],
}
SLANG_START = ("'", "@", "amai", "allez", "wollah", "mattie", "ewa", "ngl", "sws", "fr ", "zeg",
               "unpopular", "simpel", "oké", "sorry", "lol", "pff", "bro", "serieus", "tbh",
               "jo ", "man man", "hmm", "eerlijk")
LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}


def flemish(text):
    out = text
    for a, b in ((" niet ", " nie "), (" niet,", " nie,"), (" dat ", " da "), ("jij bent", "gij zijt"),
                 ("je bent", "ge zijt"), (" jij ", " gij "), (" heel ", " gans ")):
        out = out.replace(a, b)
    return out


def word_variant(rng, w):
    """One spelling variant of a word; returns the word unchanged if it is too short."""
    letters = [i for i, c in enumerate(w) if c.isalpha()]
    if len(letters) < 4:
        return w
    op = rng.choice(["drop", "drop", "swap", "leet", "spaces", "star", "double"])
    inner = letters[1:-1]
    if op == "drop":
        i = rng.choice(inner)
        return w[:i] + w[i + 1:]
    if op == "swap":
        i = rng.choice(inner[:-1] or inner)
        if i + 1 < len(w) and w[i + 1].isalpha():
            return w[:i] + w[i + 1] + w[i] + w[i + 2:]
        return w[:i] + w[i + 1:]
    if op == "leet":
        cand = [i for i in letters if w[i].lower() in LEET]
        if not cand:
            return w[:inner[0]] + w[inner[0] + 1:]
        picks = set(rng.sample(cand, min(len(cand), rng.choice([1, 2]))))
        return "".join(LEET[c.lower()] if i in picks else c for i, c in enumerate(w))
    if op == "spaces":
        return " ".join(w)
    if op == "star":
        cand = [i for i in inner if w[i].lower() in "aeiou"] or inner
        i = rng.choice(cand)
        return w[:i] + "*" + w[i + 1:]
    i = rng.choice(inner)
    return w[:i] + w[i] + w[i:]


def apply_variant(rng, text):
    """Apply one spelling variant to a marked span (or, failing that, the longest word)."""
    spans = [(m.start(), m.end()) for m in re.finditer(MO + "[^" + MC + "]*" + MC, text)]
    if not spans:
        words = re.findall(r"[^\W\d_]{5,}", text)
        if not words:
            return text
        w = max(words, key=len)
        i = text.find(w)
        text = text[:i] + mark(w) + text[i + len(w):]
        spans = [(i, i + len(w) + 2)]
    a, b = rng.choice(spans)
    inner = text[a + 1:b - 1]
    if rng.random() < 0.15:
        # removed space: glue the span to the following word
        after = text[b:]
        if after.startswith(" ") and len(after) > 1 and after[1].isalnum():
            return text[:b] + after[1:]
        before = text[:a]
        if before.endswith(" ") and len(before) > 1 and before[-2].isalnum():
            return before[:-1] + text[a:]
    words = inner.split(" ")
    k = max(range(len(words)), key=lambda j: (len(words[j]), -j))
    words[k] = word_variant(rng, words[k])
    return text[:a + 1] + " ".join(words) + text[b - 1:]


def strip_marks(text):
    return text.replace(MO, "").replace(MC, "")


def norm_key(text):
    t = strip_marks(text).lower()
    t = re.sub(r"[^\w\s]", " ", t)
    return " ".join(t.split())


def style(rng, phen, text):
    """Prefix/suffix/Flemish decoration; returns text with markers still in place."""
    prefixed = False
    if rng.random() < 0.18 and not text.lower().startswith(SLANG_START):
        text = rng.choice(PREFIX) + text
        prefixed = True
    if rng.random() < 0.28:
        suf = rng.choice(SUFFIX_BY_PHEN[phen])
        if text.endswith("?") and not suf.strip().startswith(tuple("🤔🙄🤷🙏👀")):
            pass
        else:
            text = text + suf
    if rng.random() < 0.10:
        text = flemish(text)
        if not prefixed and rng.random() < 0.5 and not text.lower().startswith(SLANG_START):
            text = rng.choice(["amai, ", "allez, ", "zeg, "]) + text
        elif not prefixed and not text.endswith("?"):
            text = text + rng.choice([" hé", " zenne", " hoor"])
    return text


def casing(rng, text):
    if rng.random() < 0.55:
        return text.lower()
    i = 0
    while i < len(text) and not text[i].isalpha():
        i += 1
    if i < len(text):
        text = text[:i] + text[i].upper() + text[i + 1:]
    return text


# ======================================================================================
# Generation
# ======================================================================================

def weighted_groups():
    seq = []
    for g in GROUPS:
        seq.extend([g] * (3 if g["core"] else 2))
    return seq


def parse_frame(frame):
    m = re.match(r"x(\d+)\|(.*)$", frame, re.S)
    if m:
        return int(m.group(1)), m.group(2)
    return 1, frame


def generate_phenomenon(rng, phen, target, seen):
    """Rows for one phenomenon: frames visited round-robin (a frame "xN|" N times per
    round), groups rotated in a weighted order, at most `cap` rows per frame."""
    frames = [parse_frame(f) for f in F[phen]]
    units = sum(mult for mult, _ in frames)
    base_cap = math.ceil(target / units) + 1
    caps = [base_cap * mult for mult, _ in frames]
    counts = [0] * len(frames)
    uses_groups = phen not in GROUPLESS
    gseq = weighted_groups()
    rng.shuffle(gseq)
    state = {"gi": 0}
    out = []

    def add_one(fi, frame):
        for _attempt in range(25):
            grp = None
            if uses_groups:
                for _k in range(len(gseq)):
                    cand = gseq[state["gi"] % len(gseq)]
                    state["gi"] += 1
                    if needs_ok(frame, cand):
                        grp = cand
                        break
                if grp is None:
                    return False
            core = Filler(rng, grp, bool(CLASSROOM_RE.search(frame))).sub(frame)
            ckey = "core:" + norm_key(core)
            if ckey in seen:
                continue
            text = style(rng, phen, core)
            key = norm_key(text)
            if key in seen or len(key.split()) < 3:
                continue
            seen.add(key)
            seen.add(ckey)
            out.append((phen, text))
            counts[fi] += 1
            return True
        return False

    stalled = 0
    while len(out) < target and stalled < 5:
        order = list(range(len(frames)))
        rng.shuffle(order)
        progress = False
        for fi in order:
            mult, frame = frames[fi]
            for _rep in range(mult):
                if len(out) >= target or counts[fi] >= caps[fi]:
                    break
                if add_one(fi, frame):
                    progress = True
        stalled = 0 if progress else stalled + 1
    return out, counts


def other_texts(out_path):
    """Normalised texts of every other training CSV and of the regression set."""
    keys = set()
    paths = sorted(glob.glob(os.path.join(HERE, "*.csv")))
    paths.append(os.path.join(HERE, "regression", "regression.csv"))
    mine = {os.path.abspath(DEFAULT_OUT), os.path.abspath(out_path)}
    for p in paths:
        if os.path.abspath(p) in mine or not os.path.exists(p):
            continue
        with open(p, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                keys.add(norm_key(row["text"]))
    return keys


def build(out_path):
    rng = random.Random(SEED)
    seen = set()
    rows = []
    frame_counts = {}
    for phen, label, kind, category, target in PLAN:
        prng = random.Random(f"{SEED}-{phen}")
        items, counts = generate_phenomenon(prng, phen, target, seen)
        frame_counts[phen] = counts
        for _, text in items:
            rows.append([text, label, category, kind, phen])

    # spelling variants: the same share of each label
    for label in (0, 1):
        idx = [i for i, r in enumerate(rows) if r[1] == label]
        k = round(VARIANT_SHARE * len(idx))
        for i in sorted(rng.sample(idx, k)):
            rows[i][0] = apply_variant(rng, rows[i][0])
            rows[i].append("variant")

    others = other_texts(out_path)
    final, seen2, dropped = [], set(), 0
    for r in rows:
        text = casing(rng, strip_marks(r[0]))
        text = re.sub(r"\s+", " ", text).strip()
        key = norm_key(text)
        if key in seen2 or key in others:
            dropped += 1
            continue
        seen2.add(key)
        final.append([text, r[1], r[2], "nl", "generated", r[3], r[4], len(r) > 5])
    rng.shuffle(final)
    return final, frame_counts, dropped


def write(rows, out_path):
    with open(out_path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["text", "label", "category", "lang", "source", "kind"])
        for r in rows:
            w.writerow(r[:6])


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--stats", action="store_true", help="print counts per phenomenon")
    args = ap.parse_args(argv)
    rows, frame_counts, dropped = build(args.out)
    write(rows, args.out)
    if args.stats:
        c = Counter((r[1], r[5]) for r in rows)
        for k in sorted(c):
            print(k, c[k])
        p = Counter(r[6] for r in rows)
        for k in sorted(p):
            print("phen", k, p[k], "frames", frame_counts[k])
        print("variants by label", Counter(r[1] for r in rows if r[7]), Counter(r[1] for r in rows))
        short = [r[0] for r in rows if len(r[0].split()) < 6]
        print("rows < 6 words:", len(short), "dropped:", dropped, "total:", len(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
