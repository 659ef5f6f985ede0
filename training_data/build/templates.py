"""Step ``templates`` -> generated.csv: template families x groups x spelling variants.

Hand-written examples are varied but not systematic: a model trained on them alone can take a
group name, a slur or a swear word for the signal. Each family in ``templates/generated.toml``
has a twin on the other side of the label with the same words (derogation <-> positive mention,
threat <-> reporting a threat, insult <-> banter or abuse of an object, ...). The same share of
both labels gets spelling variants, so obfuscation carries no label signal.
"""
from __future__ import annotations

import random
import re

from . import data, obfuscation
from .obfuscation import MARK_CLOSE, MARK_OPEN, mark, strip_marks

SEED = "reageerwijzer-generated-v1"
OUTPUT = "generated.csv"
VARIANT_SHARE = 0.30
# slot -> the field of a group table it draws from
GROUP_SLOTS = {"G": "plural", "g": "singular", "pred": "predicate", "S": "slurs", "s": "slur",
               "st": "stereotypes", "rS": "reclaimed", "rs": "reclaimed_one"}
# Whose value is the word that gets a spelling variant, in order of preference.
MARK_PRIORITY = ("s", "S", "rs", "rS", "I", "GI", "mI", "G", "g", "curse", "pre", "O", "club")
SLOT_RE = re.compile(r"\{(a_)?([A-Za-z]+?)(\d?)\}")
WORD_RE = re.compile(r"[^\W\d_]{4,}")


def article(word):
    w = word.lower()
    if w.startswith(("use", "uni", "eu", "one")):
        return "a"
    return "an" if w[:1] in "aeiou" else "a"


def eligible_groups(template, pool_groups):
    needed = {m.group(2) for m in SLOT_RE.finditer(template) if m.group(2) in GROUP_SLOTS}
    return [gr for gr in pool_groups if all(gr.get(n) for n in needed)]


def render(template, group, words, rng):
    """Fill a template; the value that gets a spelling variant is wrapped in markers."""
    present = [m.group(2) for m in SLOT_RE.finditer(template)]
    mark_slot = next((p for p in MARK_PRIORITY if p in present), None)
    values = {}
    marked = [False]

    def fill(m):
        art, name, idx = m.group(1), m.group(2), m.group(3)
        key = name + idx
        if key not in values:
            choices = list(group[name] if name in GROUP_SLOTS else words[name])
            if idx:  # an independent second draw: prefer a different value
                choices = [c for c in choices if c != values.get(name)] or choices
            values[key] = rng.choice(choices)
        val = values[key]
        if name == mark_slot and not idx and not marked[0]:
            marked[0] = True
            val = mark(val)
        return article(values[key]) + " " + val if art else val

    return SLOT_RE.sub(fill, template)


def target_span(marked):
    """(plain text, span) of the word to vary: the longest 4+ letter word of the marked value,
    else the longest in the whole text."""
    plain = strip_marks(marked)
    lo, hi = 0, len(plain)
    if MARK_OPEN in marked:
        lo, hi = marked.index(MARK_OPEN), marked.index(MARK_CLOSE) - 1
    best = None
    for start, end in ((lo, hi), (0, len(plain))):
        for m in WORD_RE.finditer(plain, start, end):
            if best is None or len(m.group()) > best[1] - best[0]:
                best = (m.start(), m.end())
        if best:
            break
    return plain, best


def apply_variants(marked, kind, transforms, rng):
    text, span = target_span(marked)
    for t in transforms:
        if t in obfuscation.WORD_TRANSFORMS and span:
            s, e = span
            new = obfuscation.word_variant(text[s:e], t, rng)
            if new is not None:
                text = text[:s] + new + text[e:]
                span = (s, s + len(new))
    return obfuscation.text_variant(text, kind, transforms, rng)


def families(lang):
    """(family, groups it draws from, slot words) for every family of ``lang``."""
    slots = [{"protected": g["protected"], **{s: g.get(f, []) for s, f in GROUP_SLOTS.items()}}
             for g in data.groups(lang).values()]
    pools = {"prot": [g for g in slots if g["protected"]], "nonprot": [g for g in slots if not g["protected"]]}
    pools["any"] = pools["prot"] + pools["nonprot"]
    for family in data.templates("generated")[lang]:
        yield family, pools[family["pool"]], data.lexicon(lang)["templates"]["words"]


def draw(lang, family, pool, words, seen):
    rng = random.Random(f"{SEED}:{family['name']}")
    n, templates = family["n"], family["templates"]
    rows, attempt = [], 0
    while len(rows) < n and attempt < n * 300:
        template = templates[attempt % len(templates)]
        attempt += 1
        groups = eligible_groups(template, pool)
        if not groups:
            continue
        group = rng.choice(groups)
        text = render(template, group, words, rng)
        key = obfuscation.same_text(text)
        if key in seen:
            continue
        seen.add(key)
        category = family["category"]
        if category == "auto":
            category = "discriminatory" if group["protected"] else "hurtful"
        rows.append({"marked": text, "label": family["label"], "category": category, "lang": lang,
                     "kind": family["kind"]})
    return rows


def build(inputs):
    """The rows of generated.csv, none repeating a text of ``inputs``."""
    known = data.known_texts(inputs.training + inputs.held_out)
    rows, seen = [], set(known)
    for lang in ("nl", "en"):
        for family, pool, words in families(lang):
            rows += draw(lang, family, pool, words, seen)
    rng = random.Random(f"{SEED}:variants")
    chosen = set()
    for lang in ("nl", "en"):
        for label in (0, 1):
            idx = [i for i, r in enumerate(rows) if r["lang"] == lang and r["label"] == label]
            chosen.update(rng.sample(idx, round(VARIANT_SHARE * len(idx))))
    final, final_seen = [], set(known)
    for i, r in enumerate(rows):
        if i in chosen:
            transforms = rng.sample(obfuscation.ALL_TRANSFORMS, 1 if rng.random() < 0.6 else 2)
            text = apply_variants(r["marked"], r["kind"], transforms, rng)
            if len(text.split()) > 40 and "spaced" in transforms:
                transforms = ["dotted" if t == "spaced" else t for t in transforms]
                text = apply_variants(r["marked"], r["kind"], transforms, rng)
        else:
            text = strip_marks(r["marked"])
        key = data.same_text(text)
        if key in final_seen:
            continue
        final_seen.add(key)
        final.append([text, r["label"], r["category"], r["lang"], "generated", r["kind"]])
    random.Random(f"{SEED}:order").shuffle(final)
    return final
