"""Step ``contrasts_en`` -> generated_contrasts_en.csv: English minimal contrasts.

Each family in ``templates/contrasts_en.toml`` has twins on the other side of the label with the
same group and content words (hate as emotion <-> love or hatred of objects, as fact <->
positive or neutral fact, dehumanising <-> "X are not rats", threats <-> threats at printers,
hate as a question <-> a good-faith question, quoting hate approvingly <-> condemning it, slurs
<-> reclaimed use and homonyms). Groups and word pools are in ``lexicon/en.toml``.
"""
from __future__ import annotations

import random
import re

from . import data, obfuscation

SEED = "reageerwijzer-contrasts-en-v1"
OUTPUT = "generated_contrasts_en.csv"
VARIANT_SHARE = 0.20
SLOT_RE = re.compile(r"\{([A-Za-z]+?)(\d?)\}")
WORD_RE = re.compile(r"[A-Za-z][A-Za-z']*")
GROUP_SLOTS = ("P", "S", "aS", "ADJ", "BEING", "BIGOT", "GPLACE", "O")
GENDERED_RELATIVES = ("uncle", "aunt", "landlady")  # not used with the group "women"

LEX = data.lexicon("en")["contrasts"]
POOLS, TARGETS = LEX["pools"], LEX["targets"]
CORE_WEIGHT, OTHER_WEIGHT = 10, 2.5
GROUPS = {key: {"pl": g["plural"], "sg": g["singular"], "adj": g["adjective"], "being": g["predicate"],
                "bigot": g["contrast"]["prejudice"], "place": g["contrast"]["threat_place"],
                "weight": CORE_WEIGHT if g["contrast"]["core"] else OTHER_WEIGHT}
          for key, g in data.contrast_groups("en").items()}
NP_GROUPS = [g for g in data.groups("en").values() if not g["protected"] and g.get("singular")]
GROUP_KEYS = sorted(GROUPS)
TEMPLATES = data.templates("contrasts_en")
PROPER = frozenset(TARGETS["PROPER"])


def article(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def frames(refs):
    """Frame lists named in a family: "LIST", "LIST[:9]" (the first nine), "LIST[0,2]"."""
    out = []
    for ref in refs:
        name, _, pick = ref.partition("[")
        frames_of = TEMPLATES["frames"][name]
        if not pick:
            out += frames_of
        elif pick.startswith(":"):
            out += frames_of[:int(pick[1:-1])]
        else:
            out += [frames_of[int(i)] for i in pick[:-1].split(",")]
    return out


def pick_group(rng, restrict):
    if restrict:
        return restrict
    return rng.choices(GROUP_KEYS, weights=[GROUPS[k]["weight"] for k in GROUP_KEYS])[0]


def fill(template, rng, target, gkey, values):
    """Fill {SLOT} markers; the same slot name gets the same value, SLOT2 a different one."""
    g = GROUPS.get(gkey)

    def choose(base, suffix):
        name = base + suffix
        if name in values:
            return values[name]
        used = {values[k] for k in values if k.rstrip("0123456789") == base}
        if base in GROUP_SLOTS:
            val = target_slot(base)
        elif base in ("F", "FS"):
            pair = values.get("_fpair") or rng.choice(POOLS["F"])
            values["_fpair"] = pair
            val = pair[0] if base == "F" else pair[1]
        elif base in ("Q", "q"):
            inner = fill(rng.choice(TEMPLATES["inner"]), rng, target, gkey, values)
            values["_inner"] = inner
            if base == "q":
                val = inner
            else:
                o, c = rng.choice(TEMPLATES["quotes"])
                val = o + inner + c
        else:
            pool = POOLS[base]
            if target == "object" and base in ("V", "N"):
                pool = TARGETS["OV" if base == "V" else "ONEG"]
            if base == "REL" and gkey == "women":
                pool = [r for r in pool if r not in GENDERED_RELATIVES]
            val = rng.choice([p for p in pool if p not in used] or pool)
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
            simple = {"ADJ": lambda: rng.choice(g["adj"]), "BEING": lambda: rng.choice(g["being"]),
                      "BIGOT": lambda: g["bigot"], "GPLACE": lambda: g["place"]}
            if base in simple:
                return simple[base]()
        if target == "np":
            pl, sg = values["_np"]
            if base in ("P", "S", "aS", "BIGOT"):
                return {"P": pl, "S": sg, "aS": article(sg), "BIGOT": "bigoted"}[base]
        if target == "object":
            sg, pl = values["_obj"]
            if base in ("P", "O"):
                return pl if base == "P" else sg
        raise KeyError((base, target, template))

    return SLOT_RE.sub(lambda m: choose(m.group(1), m.group(2)), template)


def style(text, rng):
    words = len(WORD_RE.findall(text))
    if rng.random() < 0.16 and not text.startswith(("honestly", "ngl", "tbh", "imo", "ok ")):
        text = rng.choice(TEMPLATES["prefix"]) + text
    if words < 6:
        text = text + ", " + rng.choice(TEMPLATES["lengthen"])
    if rng.random() < 0.28:
        low = text.lower()
        text = text + rng.choice([x for x in TEMPLATES["suffix"] if x.strip() not in low])
    r = rng.random()
    if r < 0.55:
        return text
    if r < 0.97:
        text = WORD_RE.sub(lambda m: m.group(0).capitalize() if m.group(0).lower() in PROPER
                           else m.group(0), text)
        return text[0].upper() + text[1:]
    return text.upper()


def whole(word):
    return re.compile(r"(?<![A-Za-z])" + re.escape(word) + r"(?![A-Za-z])", re.IGNORECASE)


def apply_variant(text, keys, rng):
    """Replace the first occurrence of one key word or phrase with a spelling variant."""
    present = [k for k in keys if whole(k).search(text)]
    if not present:
        return None
    m = whole(rng.choice(present[:3])).search(text)
    found, start = m.group(0), m.start()
    if found.startswith("this "):
        found, start = found[5:], start + 5
    return text[:start] + obfuscation.typo_en(found, rng) + text[start + len(found):]


def generate_family(fam, seen, existing):
    target = fam["target"]
    rng = random.Random(SEED + "/" + fam["name"])
    order = frames(fam["frames"])
    rng.shuffle(order)
    rows = []
    for i in range(fam["n"]):
        frame, restrict = order[i % len(order)], None
        if isinstance(frame, list):
            frame, restrict = frame
        for _attempt in range(40):
            values, gkey = {}, None
            if target == "group":
                gkey = pick_group(rng, restrict)
            elif target == "np":
                np = rng.choice(NP_GROUPS)
                values["_np"] = (rng.choice(np["plural"]), rng.choice(np["singular"]))
            elif target == "object":
                need_pl, need_sg = "{P}" in frame, "{O}" in frame
                values["_obj"] = rng.choice([o for o in TARGETS["OBJECTS"]
                                             if (o[1] or not need_pl) and (o[0] or not need_sg)])
            text = style(fill(frame, rng, target, gkey, values), rng)
            key = data.same_text(text)
            if key in seen:
                continue
            seen.add(key)
            if key in existing:
                break
            keys = [values[k] for k in TEMPLATES["key_slots"] if k in values]
            if "_inner" in values and "P" in values:
                keys = [values["P"]] + keys
            keys += [w for w in TARGETS["SLURWORDS"] if re.search(r"\b" + w + r"\b", text.lower())]
            if target == "object" and values["_obj"][0]:
                keys.append(values["_obj"][0])
            rows.append({"text": text, "label": fam["label"], "category": fam["category"],
                         "kind": fam["kind"], "keys": keys})
            break
    return rows


def build(inputs):
    existing = data.known_texts(inputs.training + inputs.held_out)
    seen, rows = set(), []
    for fam in TEMPLATES["families"]:
        rows += generate_family(fam, seen, existing)
    rng = random.Random(SEED + "/variants")
    for label in (0, 1):  # spelling variants: exactly VARIANT_SHARE of the rows of each label
        idx = [i for i, r in enumerate(rows) if r["label"] == label]
        want, done = round(VARIANT_SHARE * len(idx)), 0
        for i in rng.sample(idx, len(idx)):
            if done >= want:
                break
            new = apply_variant(rows[i]["text"], rows[i]["keys"], rng)
            if new is None or data.same_text(new) in seen or data.same_text(new) in existing:
                continue
            seen.add(data.same_text(new))
            rows[i]["text"] = new
            done += 1
    return [[r["text"], r["label"], r["category"], "en", "generated", r["kind"]] for r in rows]
