"""Scrubbing personal details from example texts: what goes, and what must stay."""
import pytest

from server.learning.scrub import dedupe_key, scrub, scrub_counts


@pytest.mark.parametrize("text, expected", [
    # mentions
    ("@jan_de_vries jij hoort hier niet", "[gebruiker] jij hoort hier niet"),
    ("Hoi @Jan.Devries.", "Hoi [gebruiker]."),
    ("cc @a @b_2", "cc [gebruiker] [gebruiker]"),
    # links, with and without scheme, trailing punctuation kept
    ("kijk https://example.com/a?b=1.", "kijk [link]."),
    ("(zie http://x.nl/artikel)", "(zie [link])"),
    ("www.nepnieuws.nl zegt het", "[link] zegt het"),
    ("lees bit.ly/x3Ab nu", "lees [link] nu"),
    ("ga naar nu.nl of hln.be!", "ga naar [link] of [link]!"),
    ("t.me/groep en youtu.be/abc", "[link] en [link]"),
    # e-mail addresses
    ("mail jan.jansen@example.nl nu", "mail [e-mail] nu"),
    ("stuur naar a+b@mail.co.uk.", "stuur naar [e-mail]."),
    # Dutch and Belgian phone numbers
    ("bel 06-12345678", "bel [telefoon]"),
    ("bel 0612345678 nu", "bel [telefoon] nu"),
    ("06 1234 5678", "[telefoon]"),
    ("bel +31 6 1234 5678", "bel [telefoon]"),
    ("+31 (0)20 123 4567", "[telefoon]"),
    ("0031 6 12345678", "[telefoon]"),
    ("020-1234567", "[telefoon]"),
    ("(020) 123 4567", "[telefoon]"),
    ("0470 12 34 56", "[telefoon]"),
    ("+32 470 12 34 56", "[telefoon]"),
    ("+32470123456", "[telefoon]"),
    ("02 123 45 67", "[telefoon]"),
    ("09/123.45.67", "[telefoon]"),
    ("0470/12.34.56", "[telefoon]"),
    # several kinds together
    ("@piet bel 06-12345678 of mail p@x.nl, zie www.x.nl",
     "[gebruiker] bel [telefoon] of mail [e-mail], zie [link]"),
])
def test_personal_details_are_replaced(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "3 euro", "om 10 uur", "om 08.30 uur", "10.000 mensen", "1,5 miljoen", "in 2024",
    "op 12-05-2024", "op 05-06-2024 10 mensen", "bel 112", "0800-1234",
    "o.a. d.w.z. i.p.v. t.o.v.", "ging er.De volgende dag", "#stopracisme", "score 3.5/10",
    "jan@ 10 uur", "versie 1.2.3", "prijs 12.50", "e.g. this", "www.", "email@",
    "Ga terug naar je eigen land", "1 op de 5 jongeren",
])
def test_what_the_label_may_need_stays(text):
    assert scrub(text) == text


def test_counts_say_what_was_replaced_without_the_text():
    text, counts = scrub_counts("@a @b bel 06-12345678, www.x.nl, p@x.nl")
    assert {k: n for k, n in counts.items() if n} == {"email": 1, "link": 1, "user": 2, "phone": 1}
    assert "06" not in text


def test_dedupe_key_ignores_white_space_but_not_the_label():
    assert dedupe_key("ga  weg\n nu ", 1) == dedupe_key("ga weg nu", 1)
    assert dedupe_key("ga weg nu", 1) != dedupe_key("ga weg nu", 0)
    assert dedupe_key("ga weg nu", 1) != dedupe_key("ga weg", 1)
