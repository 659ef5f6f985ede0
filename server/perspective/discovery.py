"""The discovery document of the comments API, as Google serves it for Perspective.

Google's client libraries (``googleapiclient.discovery.build`` in Python, the Node
``googleapis`` client) build their methods from it; Perspective's own Python example points
``discoveryServiceUrl`` at Google's. Point it at ``<our address>/$discovery/rest?version=v1alpha1``
and the same code talks to this server. ``rootUrl`` is the address the request came to: the
Host header has passed the trusted-hosts check by then (``server.hosts``).
"""
from __future__ import annotations

from . import PREFIX

_KEY_PARAMETERS = {
    "key": {"type": "string", "location": "query",
            "description": "A worker token of this server (Perspective's API key)."},
    "alt": {"type": "string", "location": "query", "default": "json", "enum": ["json"]},
}


def _method(name: str, request_schema: str, response_schema: str) -> dict:
    return {"id": f"commentanalyzer.comments.{name}", "path": f"{PREFIX[1:]}/comments:{name}",
            "flatPath": f"{PREFIX[1:]}/comments:{name}", "httpMethod": "POST", "parameters": {},
            "parameterOrder": [], "request": {"$ref": request_schema},
            "response": {"$ref": response_schema}}


def document(root_url: str) -> dict:
    root = root_url if root_url.endswith("/") else root_url + "/"
    return {
        "kind": "discovery#restDescription", "discoveryVersion": "v1",
        "id": "commentanalyzer:v1alpha1", "name": "commentanalyzer", "version": "v1alpha1",
        "title": "Reageerwijzer (Perspective comments API)", "protocol": "rest",
        "rootUrl": root, "servicePath": "", "baseUrl": root, "batchPath": "batch",
        "parameters": _KEY_PARAMETERS,
        "resources": {"comments": {"methods": {
            "analyze": _method("analyze", "AnalyzeCommentRequest", "AnalyzeCommentResponse"),
            "suggestscore": _method("suggestscore", "SuggestCommentScoreRequest",
                                    "SuggestCommentScoreResponse"),
        }}},
        "schemas": {name: {"id": name, "type": "object"} for name in (
            "AnalyzeCommentRequest", "AnalyzeCommentResponse", "SuggestCommentScoreRequest",
            "SuggestCommentScoreResponse")},
    }
