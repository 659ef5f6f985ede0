"""Step ``contrasts_nl`` -> generated_contrasts_nl.csv: Dutch and Flemish minimal contrasts.

A bag of n-grams only learns a frame from minimal contrasts: the same group words and content
words (lui, ratten, walg, kanker-, "horen achter het aanrecht") on both sides of the label, with
only the frame deciding (question or statement, negation, quotation with condemnation, positive
or negative predicate, object or person). Frames per phenomenon are in
``templates/contrasts_nl.toml``, groups and word lists in ``lexicon/nl.toml``; rows per frame are
capped so that no frame dominates.
"""
from __future__ import annotations

import math
import random
import re

from . import data, obfuscation
from .obfuscation import MARK_CLOSE as MC
from .obfuscation import MARK_OPEN as MO
from .obfuscation import mark, strip_marks
from .obfuscation import same_text as norm_key

SEED = 20240611
OUTPUT = "generated_contrasts_nl.csv"
VARIANT_SHARE = 0.20
SLOT_RE = re.compile(r"\{([A-Za-z0-9_]+)\}")
ROLE_SLOTS = ("Wschool", "Wwork", "Wsport", "Wbuurt")
CLAUSES = {  # slot -> (memo key of the drawn tuple, its list, index in the tuple)
    "V": ("_negv", "NEGV", 0), "Vs": ("_negv", "NEGV", 1),
    "pp": ("_viol", "VIOL", 0), "inf": ("_viol", "VIOL", 1), "te": ("_viol", "VIOL", 2),
    "ins": ("_ins", "INS", 0), "insP": ("_ins", "INS", 1),
    "NPG": ("_npg", "NPG", 0), "obj": ("_obj", "OBJ", 0),
}


class Filler:
    """Fills one frame for one group; a slot keeps its value within the sentence."""

    def __init__(self, rng, grp, classroom=False):
        self.rng, self.g, self.classroom, self.memo = rng, grp, classroom, {}

    def value(self, name):
        if name not in self.memo:
            self.memo[name] = self.compute(name)
        return self.memo[name]

    def role(self, ctx):
        by_context = self.g["roles"]
        roles = by_context.get(ctx) if ctx else [r for k in sorted(by_context) for r in by_context[k]]
        if not roles:
            raise KeyError(ctx)
        return mark(self.rng.choice(self.g["adjt"]).replace("{r}", self.rng.choice(roles)))

    def once(self, key, pool):
        """A tuple drawn once per sentence, shared by the slots that use its parts."""
        if key not in self.memo:
            self.memo[key] = self.rng.choice(pool)
        return self.memo[key]

    def pair(self, name, key, pool, main):
        pick = self.once(key, pool)
        return self.sub(pick[0] if name == main else pick[1])

    def compute(self, name):
        g, ch, words, tpl = self.g, self.rng.choice, WORDS, TEMPLATES
        if name in tpl["slots"]:
            return ch(words[tpl["slots"][name]])
        if name in tpl["marked_slots"]:
            return mark(ch(words[tpl["marked_slots"][name]]))
        if name in CLAUSES:
            key, pool, i = CLAUSES[name]
            return mark(self.once(key, words[pool])[i])
        if name == "P":
            forms = g["P"]
            if self.classroom:
                forms = [f for f in forms if not NARROW_RE.search(f)] or forms
            return mark(ch(forms))
        if name in ("S", "I"):
            return mark(ch(g[name]))
        if name == "W":
            return self.role(None)
        if name in ROLE_SLOTS:
            return self.role(name[1:])
        if name == "C3":
            countries = words["COUNTRIES"]
            first = ch(g["C"]) if g["C"] else ch(countries)
            cs = [first] + self.rng.sample([c for c in countries if c != first], 2)
            self.rng.shuffle(cs)
            return mark(cs[0]) + ", " + mark(cs[1]) + " en " + mark(cs[2])
        if name == "ism":
            return g["ism"]
        if name == "slur":
            stem = ch(g["stems"])
            if stem.startswith(("kut", "kanker")) or self.rng.random() < 0.25:
                return mark(stem)
            return mark(ch(words["SWEAR"]) + stem)
        if name == "IM":
            return self.value("IMm")
        if name in ("IMm", "IMs"):
            return self.pair(name, "_im", tpl["implicit"] + list(g["GI"]) * 2, "IMm")
        if name in ("GIm", "GIs"):
            return self.pair(name, "_gi", g["GI"], "GIm")
        if name in ("Q", "Qs"):
            return self.pair(name, "_q", tpl["quote_types"], "Q")
        if name in ("GN", "GP", "GQ"):
            return self.markgroup(ch(g[name]))
        if name == "npgslur":
            word = ch([w for w, ok in words["NPG"] if ok])
            return mark(ch(words["SWEAR"]) + word)
        if name == "objslur":
            return mark(ch(words["SWEAR"]) + self.once("_obj", words["OBJ"])[1])
        raise KeyError(name)

    def markgroup(self, sentence):
        """Mark the first group surface form that occurs in a fixed group sentence."""
        low = sentence.lower()
        for f in sorted(set(self.g["P"] + self.g["S"]), key=lambda x: (-len(x), x)):
            i = low.find(f.lower())
            if i >= 0:
                return sentence[:i] + mark(sentence[i:i + len(f)]) + sentence[i + len(f):]
        return sentence

    def sub(self, template):
        return SLOT_RE.sub(lambda m: self.value(m.group(1)), template)


def groups():
    default_roles = data.lexicon("nl")["contrasts"]["default_roles"]
    return [{"key": key, "core": c["core"], "P": g["plural"], "S": g["singular"], "I": c["identity"],
             "adjt": c["role_templates"], "roles": c.get("roles", default_roles), "stems": c["slur_stems"],
             "ism": c["prejudice"], "GN": c["facts"], "GP": c["praise"], "GQ": c["questions"],
             "GI": c["implicit"], "C": c.get("countries", [])}
            for key, g in data.contrast_groups("nl").items() for c in [g["contrast"]]]


def takes_swear_prefix(form):
    return form.islower() and " " not in form and "-" not in form  # "kutfietsers", not "kutPSV-fans"


def other_groups():
    """[plural form, takes a swear prefix] of every group that is not protected."""
    return [[form, takes_swear_prefix(form)] for g in data.groups("nl").values() if not g["protected"]
            for form in g["plural"]]


TEMPLATES = data.templates("contrasts_nl")
WORDS = {**data.lexicon("nl")["contrasts"]["words"], "RECLAIMED_FIXED": TEMPLATES["reclaimed_fixed"],
         "NPG": other_groups()}
CLASSROOM_RE = re.compile(TEMPLATES["classroom"])
NARROW_RE = re.compile(TEMPLATES["narrow"])
GROUPS = groups()


def needs_ok(frame, grp):
    """Can this frame be filled for this group?"""
    if grp is None:
        return True
    if CLASSROOM_RE.search(frame) and grp["key"] == "ouderen":
        return False
    return all(grp["roles"].get(name[1:]) for name in SLOT_RE.findall(frame) if name in ROLE_SLOTS)


def starts_with_slang(text):
    return text.lower().startswith(tuple(TEMPLATES["slang_start"]))


def flemish(text):
    for a, b in TEMPLATES["flemish"]:
        text = text.replace(a, b)
    return text


def style(rng, phen, text):
    """Prefix, suffix and Flemish decoration; the markers stay in place."""
    prefixed = False
    if rng.random() < 0.18 and not starts_with_slang(text):
        text = rng.choice(TEMPLATES["prefix"]) + text
        prefixed = True
    if rng.random() < 0.28:
        suf = rng.choice(TEMPLATES["suffix"][phen])
        if not text.endswith("?") or suf.strip().startswith(tuple("🤔🙄🤷🙏👀")):
            text = text + suf
    if rng.random() < 0.10:
        text = flemish(text)
        if not prefixed and rng.random() < 0.5 and not starts_with_slang(text):
            text = rng.choice(TEMPLATES["flemish_start"]) + text
        elif not prefixed and not text.endswith("?"):
            text = text + rng.choice(TEMPLATES["flemish_end"])
    return text


def apply_variant(rng, text):
    """One spelling variant in a marked span (or, failing that, in the longest word)."""
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
    if rng.random() < 0.15:  # a removed space: glue the span to a neighbouring word
        after, before = text[b:], text[:a]
        if after.startswith(" ") and len(after) > 1 and after[1].isalnum():
            return text[:b] + after[1:]
        if before.endswith(" ") and len(before) > 1 and before[-2].isalnum():
            return before[:-1] + text[a:]
    words = inner.split(" ")
    k = max(range(len(words)), key=lambda j: (len(words[j]), -j))
    words[k] = obfuscation.typo_nl(rng, words[k])
    return text[:a + 1] + " ".join(words) + text[b - 1:]


def casing(rng, text):
    if rng.random() < 0.55:
        return text.lower()
    i = next((i for i, c in enumerate(text) if c.isalpha()), len(text))
    return text[:i] + text[i].upper() + text[i + 1:] if i < len(text) else text


def parse_frame(frame):
    m = re.match(r"x(\d+)\|(.*)$", frame, re.S)
    return (int(m.group(1)), m.group(2)) if m else (1, frame)


def generate_phenomenon(rng, phen, target, seen):
    """Rows for one phenomenon: frames round-robin (an "xN|" frame N times a round), groups
    rotated in a weighted order, at most a cap of rows per frame."""
    frames = [parse_frame(f) for f in TEMPLATES["frames"][phen]]
    base_cap = math.ceil(target / sum(mult for mult, _ in frames)) + 1
    caps = [base_cap * mult for mult, _ in frames]
    counts = [0] * len(frames)
    uses_groups = phen not in TEMPLATES["groupless"]
    gseq = [g for g in GROUPS for _ in range(3 if g["core"] else 2)]
    rng.shuffle(gseq)
    state = {"gi": 0}
    out = []

    def next_group(frame):
        for _ in range(len(gseq)):
            cand = gseq[state["gi"] % len(gseq)]
            state["gi"] += 1
            if needs_ok(frame, cand):
                return cand
        return None

    def add_one(fi, frame):
        for _attempt in range(25):
            grp = next_group(frame) if uses_groups else None
            if uses_groups and grp is None:
                return False
            core = Filler(rng, grp, bool(CLASSROOM_RE.search(frame))).sub(frame)
            ckey = "core:" + norm_key(core)
            if ckey in seen:
                continue
            text = style(rng, phen, core)
            key = norm_key(text)
            if key in seen or len(key.split()) < 3:
                continue
            seen.update((key, ckey))
            out.append(text)
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
                progress = add_one(fi, frame) or progress
        stalled = 0 if progress else stalled + 1
    return out


def build(inputs):
    rng = random.Random(SEED)
    seen, rows = set(), []
    for phen, label, kind, category, target in TEMPLATES["plan"]:
        for text in generate_phenomenon(random.Random(f"{SEED}-{phen}"), phen, target, seen):
            rows.append([text, label, category, kind])
    for label in (0, 1):  # spelling variants: the same share of each label
        idx = [i for i, r in enumerate(rows) if r[1] == label]
        for i in sorted(rng.sample(idx, round(VARIANT_SHARE * len(idx)))):
            rows[i][0] = apply_variant(rng, rows[i][0])
    others = data.known_texts(inputs.training + inputs.held_out)
    final, kept = [], set()
    for text, label, category, kind in rows:
        text = re.sub(r"\s+", " ", casing(rng, strip_marks(text))).strip()
        key = norm_key(text)
        if key in kept or key in others:
            continue
        kept.add(key)
        final.append([text, label, category, "nl", "generated", kind])
    rng.shuffle(final)
    return final
