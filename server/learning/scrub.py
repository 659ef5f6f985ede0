"""Scrubbing personal details out of a post text before it is kept as a labelled example.

Whether a post is discriminatory, hurtful or threatening does not depend on who was tagged, which
link was shared or where someone lives, so those are replaced by placeholders: @mentions and
handles named after a platform ("insta janvries_2009", "snap: ...") by ``[gebruiker]``, links
(also bare ones like ``bit.ly/x``) by ``[link]``, e-mail addresses (also written "jan at gmail
dot com" or "jan[at]...") by ``[e-mail]``, phone numbers (Dutch and Belgian in every common
notation, and international ones: +44, +49, +90, +212, +597, ...) by ``[telefoon]``, street
addresses with a house number by ``[adres]``, Dutch postcodes by ``[postcode]``, IBANs by
``[iban]``, citizen service numbers (BSN, the Belgian national number) by ``[id-nummer]``,
licence plates by ``[kenteken]`` and dates of birth by ``[geboortedatum]``. Other dates,
amounts and times stay: the label may need them.

The text is normalised first (NFKC, so full-width ``＠`` and digits are plain ones, and
zero-width characters removed), because a detail split by an invisible character or written
in full-width letters is the same detail. Names of people and schools cannot be told from other
words by a pattern; the worker is asked to remove them (the popup shows the scrubbed text to edit).

Pure functions, no I/O: the examples endpoint, the preview, the CSV import and the tests all
call ``scrub``.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

USER = "[gebruiker]"
LINK = "[link]"
EMAIL = "[e-mail]"
PHONE = "[telefoon]"
ADDRESS = "[adres]"
POSTCODE = "[postcode]"
IBAN = "[iban]"
ID_NUMBER = "[id-nummer]"
PLATE = "[kenteken]"
BIRTH_DATE = "[geboortedatum]"

KINDS = ("email", "link", "user", "phone", "address", "postcode", "iban", "id_number", "plate",
         "birth_date")

# Invisible characters that split a word or a number without showing (also inside links).
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u2060\u2061"
                                    "\u2062\u2063\u2064\ufeff"))

# Trailing punctuation belongs to the sentence, not to the link.
_TRAILING_PUNCTUATION = ".,;:!?)]}'\"»…"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
# "jan at gmail dot com", "jan[at]gmail[dot]com", "jan (at) gmail.com", "jan @ gmail . com".
_AT = r"(?:\s*[\[({<]\s*(?:at|@)\s*[\])}>]\s*|\s+(?:at|apenstaartje)\s+|\s+@\s*|\s*@\s+)"
_DOT = r"(?:\s*[\[({<]\s*(?:dot|punt|\.)\s*[\])}>]\s*|\s+(?:dot|punt)\s+|\s*\.\s*)"
_OBFUSCATED_EMAIL = re.compile(
    rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)*{_DOT}(?:[a-z]{{2,6}})\b", re.IGNORECASE)

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
# A handle named after its platform: "insta janvries_2009", "snap: jan.v", "tiktok = xjx".
# After a separator any handle-like word; without one, only a word that looks like a handle
# (a digit, "_" or "." inside), so "insta story" stays.
_PLATFORMS = (r"insta(?:gram)?|ig|snap(?:chat)?|sc|tiktok|tt|twitter|telegram|tg|discord|"
              r"facebook|fb|kik|threads|youtube|yt|twitch|signal|bereal|roblox|steam|psn|xbox")
_HANDLE = re.compile(
    rf"(?<![\w@])(?P<platform>{_PLATFORMS})"
    r"(?:(?P<sep>\s*[:=]\s*|\s*-+>?\s*|\s+(?:is|=|:)\s+)(?P<any>[A-Za-z0-9_.]{2,30})"
    r"|\s+(?P<shaped>[A-Za-z0-9]+[_.][A-Za-z0-9_.]*|[A-Za-z_]+\d+[A-Za-z0-9_.]*))(?![\w@])",
    re.IGNORECASE)

_SEP = r"[ .\-/]?"
# Two-digit groups as many write Dutch numbers: 06-12-34-56-78, 06.12.34.56.78, 06 12 34 56 78.
_PAIRS = r"0\d(?:[ .\-/]\d\d){4}"
_PHONE = re.compile(
    r"(?<![\w+/])(?:"
    # International, any country: + or 00, a country code, 6 to 13 more digits; (0) allowed.
    rf"(?:\+|00)[1-9]\d{{0,2}}{_SEP}(?:\(0\){_SEP})?\(?\d\)?(?:{_SEP}\(?\d\)?){{5,12}}"
    # National, area code in brackets: (020) 123 4567, (09) 123 45 67.
    rf"|\(0\d{{1,3}}\){_SEP}\d(?:{_SEP}\d){{4,7}}"
    rf"|{_PAIRS}"
    # National: 0 then 8 digits (Belgian landline) or 9 digits (Dutch numbers, Belgian mobiles).
    rf"|0\d(?:{_SEP}\d){{7,8}}"
    r")(?![\w-]|[.,/]\d)")
# A date, or a date with a four-digit year and something after it ("05-06-2024 10 mensen"),
# is not a phone number; "06-12-34-56-78" is one.
_DATE_ONLY = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
_DATE_FIRST = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d{2}(?!\d)")

# A street name and a house number (with an addition): Kerkstraat 12a, Van Goghlaan 3-II,
# Dorpsweg 5 bis. Endings that are unmistakably streets match in any case ("kerkstraat 12");
# the others only in a capitalised name ("Stationsplein" yes, "speelveld 3" no). Optionally
# followed by the postcode (Dutch 1234 AB, Belgian 1234) and the place.
_STREET = (r"straat|str\.|laan|weg|plein|gracht|kade|singel|dijk|steeg|dreef|steenweg|street|road|"
           r"avenue|lane|strasse|straße|caddesi|sokak")
_NAMED_STREET = (r"pad|hof|park|markt|ring|baan|erf|veld|wal|haven|lei|hoek|burcht|akker|poort|vaart|"
                 r"allee|boulevard|plantsoen|dreve|kaai|drive|square")
_POSTCODE_NL = r"[1-9]\d{3}\s?[A-Z]{2}(?![A-Za-z])"
_PREFIX = r"(?:(?:[A-Z][\w'-]*|van|de|der|den|het|'t|la|le|sint|st\.)\s+){0,3}"
# A number followed by a counted word is a count, not a house number ("Dorpsweg 3 keer").
_COUNTED = r"(?!\s*(?:keer|x|uur|jaar|km|kilometer|meter|m|euro|minuten|min|dagen|weken|mensen|man|procent|%)\b)"
_HOUSE_NUMBER = (r"\s+\d{1,5}(?:\s?[a-zA-Z](?![a-zA-Z])|\s?[-/]\s?(?:\d{1,4}[a-zA-Z]?|[IVX]{1,4}\b)|\s+bis\b)?"
                 rf"(?![\w]){_COUNTED}")
_PLACE = rf"(?:,?\s+(?:{_POSTCODE_NL}|[1-9]\d{{3}}(?!\d))(?:\s+[A-Z][\w'-]+)?)?"
_ADDRESS = re.compile(
    rf"(?<![\w-])(?-i:{_PREFIX})(?:[\w'-]+(?:{_STREET})|(?-i:[A-Z][\w'-]*(?:{_NAMED_STREET})))"
    rf"{_HOUSE_NUMBER}{_PLACE}",
    re.IGNORECASE)
_POSTCODE = re.compile(rf"(?<![\w-]){_POSTCODE_NL}")

# IBAN: country code, check digits, 10 to 30 letters and digits (often in groups of four).
_IBAN = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[A-Z0-9]{11,30}"
                   # In groups of four, the groups after the bank code hold digits, so the
                   # word after an IBAN ("... 7034 want") is not taken for a group.
                   r"| [A-Z0-9]{4}(?: (?=[A-Z]*\d)[A-Z0-9]{4}){1,6}(?: (?=[A-Z]*\d)[A-Z0-9]{1,4})?)"
                   r"(?![\w])", re.IGNORECASE)

# Nine digits (or 123.456.782) that pass the BSN eleven-test; the Belgian national number
# (YY.MM.DD-XXX.CC, its check digits mod 97); any 8 or 9 digits after "bsn".
_NINE_DIGITS = re.compile(r"(?<![\w.,-])\d{3}[. ]?\d{3}[. ]?\d{3}(?![\w]|[.,]\d)")
_BELGIAN_NUMBER = re.compile(r"(?<![\w.])\d{2}[.]?\d{2}[.]?\d{2}[-. ]?\d{3}[.]?\d{2}(?![\w]|[.,]\d)")
_AFTER_BSN = re.compile(r"(?P<keep>\b(?:bsn|burgerservicenummer|sofinummer)(?:\s*(?:nummer|nr\.?))?"
                        r"(?:\s+(?:is|=))?\s*[:=]?\s*)(?P<number>\d(?:[ .]?\d){7,8})(?!\d)",
                        re.IGNORECASE)

# Dutch licence plates (sidecodes: 12-ABC-3, AB-12-CD, 1-ABC-23, ...) and Belgian ones
# (1-ABC-234): three groups joined by dashes, letters and digits alternating.
_PLATE = re.compile(r"(?<![\w-])(?:[A-Z]{1,3}-\d{1,3}-[A-Z]{1,3}|\d{1,3}-[A-Z]{1,3}-\d{1,3}|"
                    r"[A-Z]{1,3}-\d{1,3}|\d{1,3}-[A-Z]{1,3})(?![\w-])", re.IGNORECASE)
_PLATE_CONTEXT = re.compile(r"(?P<keep>\b(?:kenteken|nummerplaat|plate|plaat)(?:\s+(?:is|was))?\s*[:=]?\s*)"
                            r"(?P<plate>[A-Z0-9]{1,3}(?:[- ]?[A-Z0-9]{1,3}){1,2})(?![\w])",
                            re.IGNORECASE)

# A date right after a word that says it is a birth date.
_MONTHS = (r"jan(?:uari|uary)?|feb(?:ruari|ruary)?|maa(?:rt)?|mar(?:ch)?|apr(?:il)?|mei|may|"
           r"jun[ie]?|jul[iy]?|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|"
           r"nov(?:ember)?|dec(?:ember)?")
_DATE = (rf"(?:\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}"
         rf"|\d{{1,2}}(?:e|ste|de|st|nd|rd|th)?\s+(?:{_MONTHS})\.?\s+\d{{4}}"
         rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})")
_BIRTH_DATE = re.compile(
    r"(?P<keep>\b(?:geboren|geb\.|geb|geboortedatum|geboortedag|born|birthday|date\s+of\s+birth"
    r"|d\.?o\.?b\.?|verjaardag|jarig)\b\.?(?:\s+(?:op|on|in|is|:|de|the))*\s*:?\s*)"
    rf"(?P<date>{_DATE})(?!\d)",
    re.IGNORECASE)


def normalise(text: str) -> str:
    """NFKC and no invisible characters: what a reader sees, so patterns match what they mean."""
    return unicodedata.normalize("NFKC", text).translate(_INVISIBLE)


def scrub(text: str) -> str:
    """``text`` with personal details replaced by placeholders (see the module docstring)."""
    return scrub_counts(text)[0]


def scrub_counts(text: str) -> tuple[str, dict[str, int]]:
    """The scrubbed text and how many of each kind were replaced (counts may be logged; texts not)."""
    counts = dict.fromkeys(KINDS, 0)

    def replace(kind: str, placeholder: str, keep_trailing: bool = False, check=None):
        def substitute(match: re.Match) -> str:
            found = match.group(0)
            tail = ""
            if keep_trailing:
                stripped = found.rstrip(_TRAILING_PUNCTUATION)
                tail = found[len(stripped):]
                if not stripped:
                    return found
            if check is not None and not check(found):
                return found
            counts[kind] += 1
            return placeholder + tail
        return substitute

    def after_context(kind: str, placeholder: str):
        """Keep the words that announced the detail ("geboren op", "bsn:"), replace the detail."""
        def substitute(match: re.Match) -> str:
            counts[kind] += 1
            return match.group("keep") + placeholder
        return substitute

    text = normalise(text)
    text = _EMAIL.sub(replace("email", EMAIL), text)
    text = _OBFUSCATED_EMAIL.sub(replace("email", EMAIL, check=_is_obfuscated_email), text)
    text = _URL_WITH_SCHEME.sub(replace("link", LINK, keep_trailing=True), text)
    text = _BARE_DOMAIN.sub(replace("link", LINK, keep_trailing=True), text)
    text = _MENTION.sub(replace("user", USER), text)
    text = _HANDLE.sub(_handle_substitute(counts), text)
    text = _IBAN.sub(replace("iban", IBAN, check=_is_iban), text)
    text = _BIRTH_DATE.sub(after_context("birth_date", BIRTH_DATE), text)
    text = _BELGIAN_NUMBER.sub(replace("id_number", ID_NUMBER, check=_is_belgian_number), text)
    text = _PHONE.sub(replace("phone", PHONE, check=_is_phone), text)
    text = _AFTER_BSN.sub(after_context("id_number", ID_NUMBER), text)
    text = _NINE_DIGITS.sub(replace("id_number", ID_NUMBER, check=_passes_eleven_test), text)
    text = _ADDRESS.sub(replace("address", ADDRESS), text)
    text = _POSTCODE.sub(replace("postcode", POSTCODE), text)
    text = _PLATE_CONTEXT.sub(after_context("plate", PLATE), text)
    text = _PLATE.sub(replace("plate", PLATE, check=_is_plate), text)
    return text, counts


def _handle_substitute(counts: dict[str, int]):
    def substitute(match: re.Match) -> str:
        counts["user"] += 1
        sep = match.group("sep") if match.group("any") is not None else " "
        return match.group("platform") + sep + USER
    return substitute


def _is_phone(found: str) -> bool:
    return not (_DATE_ONLY.fullmatch(found) or _DATE_FIRST.match(found))


def _is_obfuscated_email(found: str) -> bool:
    # Plain words "at" and "dot" count only together ("meet me at school" is no address).
    lowered = found.lower()
    if re.search(r"[\[({<]\s*(?:at|@)|@", lowered):
        return True
    return bool(re.search(r"\s(?:at|apenstaartje)\s", lowered)
                and re.search(r"\s(?:dot|punt)\s|[\[({<]\s*(?:dot|punt)", lowered))


def _is_iban(found: str) -> bool:
    compact = re.sub(r"\s", "", found).upper()
    if not (15 <= len(compact) <= 34) or not compact[:2].isalpha():
        return False
    if compact[4:].isalpha():
        return False
    digits = "".join(str(int(ch, 36)) for ch in compact[4:] + compact[:4])
    # The check digits of a real IBAN make it 1 mod 97; a typo'd one is still someone's account,
    # so the shape with a known country is enough too.
    return int(digits) % 97 == 1 or compact[:2] in ("NL", "BE", "DE", "FR", "GB", "TR", "MA",
                                                    "SR", "ES", "IT", "PL", "LU")


def _passes_eleven_test(found: str) -> bool:
    digits = [int(ch) for ch in found if ch.isdigit()]
    if len(digits) != 9 or len(set(digits)) == 1:
        return False
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1))) - digits[8]
    return total % 11 == 0


def _is_belgian_number(found: str) -> bool:
    digits = "".join(ch for ch in found if ch.isdigit())
    if len(digits) != 11:
        return False
    base, check = int(digits[:9]), int(digits[9:])
    return 97 - base % 97 == check or 97 - int("2" + digits[:9]) % 97 == check


def _is_plate(found: str) -> bool:
    groups = found.split("-")
    letters = "".join(g for g in groups if g.isalpha())
    # Six characters (Dutch) or seven (Belgian 1-ABC-234); two-group forms only as ABC-123.
    size = sum(len(g) for g in groups)
    if len(groups) == 2:
        return size == 6 and len(groups[0]) == 3 and len(groups[1]) == 3
    if size not in (6, 7) or not letters:
        return False
    # Lower-case letters are words more often than plates ("op-12-uur" is not one).
    return found.upper() == found or size == 6 and any(g.isdigit() for g in groups)


def normalise_space(text: str) -> str:
    """Runs of white space as one space, none at the ends: a copied selection varies in these."""
    return " ".join(text.split())


def dedupe_key(text: str, label: int) -> str:
    """The key under which an example is stored once: its scrubbed, space-normalised text and label."""
    return hashlib.sha256(f"{label}\x00{normalise_space(text)}".encode()).hexdigest()
