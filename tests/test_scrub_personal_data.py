"""Finding 2: the personal details the scrubber used to keep, each replaced now; and the preview."""
import logging

import pytest

from server.learning.scrub import scrub, scrub_counts


@pytest.mark.parametrize("text, expected", [
    # street addresses with house numbers, postcodes
    ("ik woon Kerkstraat 12a, 5038 AB", "ik woon [adres]"),
    ("Kerkstraat 12a, 5038 AB Tilburg, kom maar", "[adres], kom maar"),
    ("hij woont op de kerkstraat 7", "hij woont op [adres]"),
    ("Van Goghstraat 3-II is het", "[adres] is het"),
    ("Stationsplein 1", "[adres]"),
    ("Meirlaan 15, 2000 Antwerpen", "[adres]"),
    ("postcode 1012 AB", "postcode [postcode]"),
    ("1012AB, derde etage", "[postcode], derde etage"),
    # IBANs
    ("maak over naar NL91 ABNA 0417 1643 00", "maak over naar [iban]"),
    ("BE68539007547034 graag", "[iban] graag"),
    ("nl91abna0417164300", "[iban]"),
    # BSNs and the Belgian national number
    ("zijn bsn 123456782", "zijn bsn [id-nummer]"),
    ("123.456.782", "[id-nummer]"),
    ("bsn is 11122333", "bsn is [id-nummer]"),
    ("rijksregisternummer 85.07.30-033.28", "rijksregisternummer [id-nummer]"),
    # licence plates
    ("die auto met 12-ABC-3", "die auto met [kenteken]"),
    ("AB-12-CD reed door rood", "[kenteken] reed door rood"),
    ("Belgische 1-ABC-234", "Belgische [kenteken]"),
    ("kenteken: 12ABC3", "kenteken: [kenteken]"),
    # dates of birth
    ("geboren op 12-05-2009", "geboren op [geboortedatum]"),
    ("geb. 3 mei 2010", "geb. [geboortedatum]"),
    ("born on May 3, 2010", "born on [geboortedatum]"),
    ("geboortedatum: 2009-05-12", "geboortedatum: [geboortedatum]"),
    # obfuscated e-mail
    ("jan at gmail dot com", "[e-mail]"),
    ("mail jan[at]gmail[dot]com", "mail [e-mail]"),
    ("jan (at) gmail.com", "[e-mail]"),
    ("jan @ gmail . com", "[e-mail]"),
    # handles without @
    ("insta janvries_2009", "insta [gebruiker]"),
    ("snap: jan.v", "snap: [gebruiker]"),
    ("volg me op tiktok = xjanx", "volg me op tiktok = [gebruiker]"),
    ("ig jv2009", "ig [gebruiker]"),
    # full-width @
    ("mail jan\uff20gmail.com", "mail [e-mail]"),
    ("\uff20janvries kom hier", "[gebruiker] kom hier"),
    # foreign phone numbers
    ("+44 20 7946 0958", "[telefoon]"),
    ("+49 30 12345678", "[telefoon]"),
    ("+90 532 123 45 67", "[telefoon]"),
    ("+212 6 12 34 56 78", "[telefoon]"),
    ("+597 812 3456", "[telefoon]"),
    ("0044 20 7946 0958", "[telefoon]"),
    # the formats it claimed already
    ("bel 06-12-34-56-78", "bel [telefoon]"),
    ("06.12.34.56.78", "[telefoon]"),
    ("06/12/34/56/78", "[telefoon]"),
    ("\uff10\uff16\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18", "[telefoon]"),
    # split by a zero-width character, also in links and e-mail
    ("06\u200b12345678", "[telefoon]"),
    ("06-1234\u200d5678", "[telefoon]"),
    ("https://exa\u200bmple.com/x", "[link]"),
    ("jan\u200b@gmail.com", "[e-mail]"),
    ("@jan\u2060vries", "[gebruiker]"),
])
def test_each_kind_is_replaced(text, expected):
    assert scrub(text) == expected


@pytest.mark.parametrize("text", [
    "op 12-05-2024 gebeurd", "op 05-06-2024 10 mensen", "om 10 uur", "1 op de 5 jongeren",
    "meet me at school", "insta story was stom", "op straat 3 mensen", "Amsterdam 3 keer",
    "op de Dorpsweg 3 keer", "zaterdag 1-0 gewonnen", "COVID-19", "WK-2022", "A2 en B4",
    "ze zijn geboren in Nederland", "zie 10-12 uur", "Ga terug naar je eigen land",
])
def test_what_the_label_may_need_stays(text):
    assert scrub(text) == text


def test_counts_name_each_kind():
    _text, counts = scrub_counts("Kerkstraat 1, NL91 ABNA 0417 1643 00, 12-ABC-3, insta jv_1")
    assert {k: n for k, n in counts.items() if n} == {"address": 1, "iban": 1, "plate": 1, "user": 1}


def test_preview_shows_the_scrubbed_text_and_stores_nothing(app, client, admin_client, caplog):
    caplog.set_level(logging.DEBUG)
    text = "bel 06-12-34-56-78 of kom naar Kerkstraat 12a, 5038 AB (insta janvries_2009)"
    response = client.post("/api/v1/examples/preview", json={"text": text})
    assert response.status_code == 200
    body = response.get_json()
    assert body["text"] == "bel [telefoon] of kom naar [adres] (insta [gebruiker])"
    assert body["replaced"] == {"user": 1, "phone": 1, "address": 1}
    assert admin_client.get("/api/v1/examples").get_json()["total"] == 0
    for secret in ("06-12", "Kerkstraat", "janvries", "[adres]"):
        assert secret not in caplog.text


@pytest.mark.parametrize("body, status", [
    ({}, 400), ({"text": 5}, 400), ({"text": ""}, 400), ({"text": "x", "label": 1}, 400),
    ({"text": "x" * 6000}, 413),
])
def test_preview_rejects_bad_bodies(client, body, status):
    response = client.post("/api/v1/examples/preview", json=body)
    assert response.status_code == status
    assert response.get_json()["error"]["message"]


def test_preview_needs_a_token(anon_client):
    assert anon_client.post("/api/v1/examples/preview", json={"text": "x"}).status_code == 401


def test_saved_examples_are_scrubbed_the_same_way(app, client, admin_client):
    saved = client.post("/api/v1/examples", json={"text": "geboren op 12-05-2009, NL91 ABNA 0417 1643 00",
                                                  "label": 0, "lang": "nl"})
    example = admin_client.get(f"/api/v1/examples/{saved.get_json()['id']}").get_json()
    assert example["text"] == "geboren op [geboortedatum], [iban]"
