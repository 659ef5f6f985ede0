"""Scrubbing personal details out of a post text before it is kept as a labelled example.

Whether a post is discriminatory, hurtful or threatening does not depend on who was tagged, which
link was shared or which phone number was posted, so those are replaced by placeholders:
@mentions by ``[gebruiker]``, links (also bare ones like ``bit.ly/x`` or ``www.x.nl``) by
``[link]``, e-mail addresses by ``[e-mail]`` and Dutch and Belgian phone numbers by
``[telefoon]``. Everything else (amounts, times, dates, hashtags) stays: the label may need it.

Pure functions, no I/O: the examples endpoint, the CSV import and the tests all call ``scrub``.
"""
from __future__ import annotations

import hashlib
import re

USER = "[gebruiker]"
LINK = "[link]"
EMAIL = "[e-mail]"
PHONE = "[telefoon]"

# Trailing punctuation belongs to the sentence, not to the link.
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"»…"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)

_URL_WITH_SCHEME = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.[\w-]+\.\S+", re.IGNORECASE)

# Top-level domains seen in Dutch and Flemish posts. Dutch words that are also TLDs
# ("de", "nu", "in", "is", "me", "to") are left out: "ging er.De volgende dag" is a typo,
# not a link. A dotted name followed by a path ("t.me/x", "wa.me/31") is a link anyway.
_TLDS = ("nl|be|eu|com|org|net|info|biz|io|co|ly|gl|gd|tv|app|xyz|online|site|shop|store|news|"
         "link|live|club|fr|uk|ru|tk|cc|frl|amsterdam|brussels|vlaanderen|gent|tiktok|youtube")
_BARE_DOMAIN = re.compile(
    r"(?<![\w@./-])"
    r"(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+"
    rf"(?:(?:{_TLDS})\b(?:[/?#]\S*)?|[a-z]{{2,}}/\S*)",
    re.IGNORECASE)

_MENTION = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[\w.]*\w)?")

_SEP = r"[ .\-/]?"
_PHONE = re.compile(
    r"(?<![\w+/])(?:"
    # International: +31 / 0031 (9 digits follow) or +32 / 0032 (8 or 9 digits follow),
    # optionally with the trunk zero in brackets: +31 (0)6 1234 5678.
    rf"(?:\+|00)3[12]{_SEP}(?:\(0\){_SEP})?\d(?:{_SEP}\d){{7,8}}"
    # National, area code in brackets: (020) 123 4567, (09) 123 45 67.
    rf"|\(0\d{{1,3}}\){_SEP}\d(?:{_SEP}\d){{4,7}}"
    # National: 0 then 8 digits (Belgian landline) or 9 digits (Dutch numbers, Belgian mobiles).
    rf"|0\d(?:{_SEP}\d){{7,8}}"
    r")(?![\w-]|[.,/]\d)")

_DATE_LIKE = re.compile(r"^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}(?!\d)")


def scrub(text: str) -> str:
    """``text`` with mentions, links, e-mail addresses and phone numbers replaced by placeholders."""
    return scrub_counts(text)[0]


def scrub_counts(text: str) -> tuple[str, dict[str, int]]:
    """The scrubbed text and how many of each kind were replaced (counts may be logged; texts not)."""
    counts = {"email": 0, "link": 0, "user": 0, "phone": 0}

    def replace(kind: str, placeholder: str, keep_trailing: bool = False):
        def substitute(match: re.Match) -> str:
            found = match.group(0)
            tail = ""
            if keep_trailing:
                stripped = found.rstrip(_TRAILING_PUNCTUATION)
                tail = found[len(stripped):]
                if not stripped:
                    return found
            if kind == "phone" and _DATE_LIKE.match(found):
                return found
            counts[kind] += 1
            return placeholder + tail
        return substitute

    text = _EMAIL.sub(replace("email", EMAIL), text)
    text = _URL_WITH_SCHEME.sub(replace("link", LINK, keep_trailing=True), text)
    text = _BARE_DOMAIN.sub(replace("link", LINK, keep_trailing=True), text)
    text = _MENTION.sub(replace("user", USER), text)
    text = _PHONE.sub(replace("phone", PHONE), text)
    return text, counts


def normalise_space(text: str) -> str:
    """Runs of white space as one space, none at the ends: a copied selection varies in these."""
    return " ".join(text.split())


def dedupe_key(text: str, label: int) -> str:
    """The key under which an example is stored once: its scrubbed, space-normalised text and label."""
    return hashlib.sha256(f"{label}\x00{normalise_space(text)}".encode()).hexdigest()
