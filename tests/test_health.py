"""GET /health serves the server's one vocabulary, and the server enforces exactly that."""
import model
from server import create_app

from .conftest import make_token, token_client


def test_health_serves_the_model_s_vocabulary_and_the_configured_limit(app_config):
    app = create_app({**app_config, "MAX_TEXT_CHARS": 40})
    health = app.test_client().get("/api/v1/health").get_json()
    assert health["vocabulary"] == {"languages": list(model.LANGUAGES),
                                    "categories": list(model.CATEGORIES), "max_text_chars": 40}


def test_the_server_accepts_what_health_lists_and_refuses_the_rest(app_config):
    app = create_app({**app_config, "MAX_TEXT_CHARS": 40})
    client = token_client(app, make_token(app, "worker", "worker"))
    words = client.get("/api/v1/health").get_json()["vocabulary"]
    limit = words["max_text_chars"]
    for lang in words["languages"]:
        assert client.post("/api/v1/classify", json={"text": "x" * limit, "lang": lang}).status_code == 200
    assert client.post("/api/v1/classify", json={"text": "x" * (limit + 1)}).status_code == 413
    assert client.post("/api/v1/classify", json={"text": "hallo", "lang": "de"}).status_code == 400
    for n, category in enumerate(words["categories"]):
        body = {"text": f"voorbeeld {n}", "label": 1, "category": category, "lang": words["languages"][0]}
        assert client.post("/api/v1/examples", json=body).status_code == 201, category
    body = {"text": "nog een", "label": 1, "category": "rude", "lang": words["languages"][0]}
    assert client.post("/api/v1/examples", json=body).status_code == 400
    too_long = {"text": "y" * (limit + 1), "label": 0, "lang": words["languages"][0]}
    assert client.post("/api/v1/examples", json=too_long).status_code in (400, 413)


def test_the_default_limit_is_the_model_s(app):
    assert app.test_client().get("/api/v1/health").get_json()["vocabulary"]["max_text_chars"] == \
        model.MAX_TEXT_CHARS
