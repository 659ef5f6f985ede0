"""Step ``balance`` -> generated_balance.csv: label-0 rows so that no group word is a hate cue.

A linear model learns a group word ("moslims", "trans", "refugees") as a cue for hate when it
occurs more often in label-1 rows than in label-0 rows. This step counts, for every form of the groups
of the contrast steps (see ``forms``), how many label-1 and label-0 rows of the other training
files contain it (whole word, any case), and writes positive, neutral and negated mentions until
label 0 is above label 1 (at most CAP_PER_FORM rows per form). It also writes abuse of objects
with the emotion words of hateful posts. It counts the other files, so it runs last.
"""
from __future__ import annotations

import math
import random
import re
from collections import Counter

from . import data, obfuscation

SEED = 20240611
OUTPUT = "generated_balance.csv"
CAP_PER_FORM = 120
OBJ_PER_LANG = 300
MIN_LABEL1 = 20
KINDS = ["positive_mention", "positive_mention", "neutral_mention", "neutral_mention", "negation"]
LANGS = ("nl", "en")
LEX = {lang: data.lexicon(lang)["balance"] for lang in LANGS}
FRAMES = data.templates("balance")


def adjectives(lang, group):
    if lang == "en":
        return group.get("adjective", [])
    # Dutch: the adjective of a role template such as "Marokkaanse {r}"
    return [t[:-4] for t in group["contrast"]["role_templates"] if t.endswith(" {r}") and " " not in t[:-4]]


def forms():
    """(form, lang, type) for the groups of the contrast steps: plural forms, adjectives, one-word
    singulars; type pl, adj or sg decides the frames. Forms seen in fewer than MIN_LABEL1 hateful
    rows of the other files are left alone (no cue to balance)."""
    out = {}
    for lang in LANGS:
        for g in data.contrast_groups(lang).values():
            typed = [(f, "pl") for f in g["plural"]] + [(f, "adj") for f in adjectives(lang, g)]
            typed += [(f, "sg") for f in g["singular"] if " " not in f]
            for form, typ in typed:
                out.setdefault((form.lower(), lang), typ)
    return sorted((form, lang, typ) for (form, lang), typ in out.items())


def whole(form):
    return re.compile(r"(?<!\w){}(?!\w)".format(re.escape(form)), re.I)


def count(rows, form):
    rx, low = whole(form), form.lower()
    c = Counter(r["label"] for r in rows if low in r["text"].lower() and rx.search(r["text"]))
    return c["1"], c["0"]


def style(rng, text):
    r = rng.random()
    if r < 0.15:
        return text[0].upper() + text[1:]
    return text.replace("'", "") if r < 0.2 else text


def group_row(rng, form, lang, typ, kind, frame_use):
    plural = typ != "sg"
    frames = FRAMES[lang]["plural" if plural else "singular"][kind]
    use = (lang, kind, plural)
    # the least used of three random frames, so that no frame dominates
    k = sorted(rng.sample(range(len(frames)), 3), key=lambda k: (frame_use[use + (k,)], k))[0]
    frame_use[use + (k,)] += 1
    frame = frames[k]
    if not plural:
        text = frame.replace("{S}", form if lang == "nl" else "a " + form)
    else:
        g = form if typ == "pl" else form + " " + rng.choice(LEX[lang]["adj_heads"])
        if "{G} collega's" in frame or "{G} colleagues" in frame:
            if typ == "pl":
                frame = FRAMES[lang]["team_frame"]
            else:
                g = form
        text = frame.replace("{G}", g)
    text = text.replace("{P}", rng.choice(LEX[lang]["positive"]))
    text = text.replace("{F}", rng.choice(LEX[lang]["places"]))
    tail = rng.choice(FRAMES[lang]["tails"])
    if tail.strip() not in text:
        text += tail
    if rng.random() < 0.2:
        text = obfuscation.typo_light(rng, text, set(form.lower().split()))
    return style(rng, text)


def object_row(rng, lang):
    frame = rng.choice(FRAMES[lang]["object_frames"])
    if lang == "nl":
        o, het = rng.choice(LEX["nl"]["objects"])
        for slot, (het_word, de_word) in {"{dit}": ("dit", "deze"), "{de}": ("het", "de"),
                                          "{een}": ("een", "een"), "{die}": ("dat", "die")}.items():
            frame = frame.replace(slot, het_word if het else de_word)
        text = frame.replace("{o}", o)
    else:
        text = frame.replace("{o}", rng.choice(LEX["en"]["objects"]))
    tail = rng.choice(FRAMES[lang]["object_tails"])
    if tail.strip() not in text:
        text += tail
    if len(text.split()) < 6:
        text += rng.choice(FRAMES[lang]["object_long_tails"])
    if rng.random() < 0.2:
        text = obfuscation.typo_light(rng, text, set())
    return style(rng, text)


def build(inputs):
    rng = random.Random(SEED)
    rows = data.read_rows(inputs.training)
    seen = {data.same_text(r["text"]) for r in rows} | data.known_texts(inputs.held_out)
    out, frame_use = [], Counter()
    for form, lang, typ in forms():
        l1, l0 = count(rows, form)
        if l1 < MIN_LABEL1:
            continue
        need = max(0, min(CAP_PER_FORM, max(math.ceil(1.5 * l1), l1 + 20) - l0))
        made, tries, rx = 0, 0, whole(form)
        while made < need and tries < need * 40:
            tries += 1
            kind = KINDS[made % len(KINDS)]
            text = group_row(rng, form, lang, typ, kind, frame_use)
            n = data.same_text(text)
            if n in seen or not rx.search(text) or len(text.split()) < 6:
                continue
            seen.add(n)
            out.append([text, 0, "none", lang, "generated", kind])
            made += 1
    for lang in ("en", "nl"):
        made, tries = 0, 0
        while made < OBJ_PER_LANG and tries < OBJ_PER_LANG * 60:
            tries += 1
            text = object_row(rng, lang)
            if data.same_text(text) in seen:
                continue
            seen.add(data.same_text(text))
            out.append([text, 0, "none", lang, "generated", "abuse_of_object"])
            made += 1
    rng.shuffle(out)
    return out
