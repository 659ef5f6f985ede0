"""/api/v1/examples: workers save labelled examples; admins review, relabel and erase them."""
from __future__ import annotations

import logging

from flask import Blueprint, current_app, request, url_for

from ..auth import current_principal, requires
from ..database import get_db
from ..errors import APIError
from ..learning import examples
from ..learning.scrub import scrub_counts
from ..storage import examples as example_rows
from . import examples_validation as check
from . import validation

log = logging.getLogger(__name__)

bp = Blueprint("examples", __name__)

# Ids are SQLite INTEGERs: a larger number in the path names no example (and would overflow).
MAX_ID = 2**63 - 1


@bp.post("/examples")
def save_example():
    body = validation.json_object(request)
    new = _valid(check.example, body, max_chars=current_app.config["MAX_TEXT_CHARS"])
    example_id, created = examples.add(get_db(), new, saved_by=current_principal().name)
    log.info("example %s %s (label %s, %d chars)", example_id, "saved" if created else "exists",
             new.label, len(new.text))
    headers = {"Location": url_for(".show_example", example_id=example_id)}
    return {"id": example_id, "created": created}, 201 if created else 200, headers


@bp.post("/examples/preview")
def preview_example():
    """What saving would store: the scrubbed text and what was replaced. Nothing is kept or
    logged; the popup shows it, editable, before the worker saves."""
    body = validation.json_object(request)
    unknown = sorted(set(body) - {"text"})
    if unknown:
        raise APIError(400, f"unknown field(s): {', '.join(unknown)}; send only 'text'",
                       code="unknown_field")
    text = validation.post_text(body.get("text"), max_chars=int(current_app.config["MAX_TEXT_CHARS"]))
    scrubbed, counts = scrub_counts(text.strip())
    return {"text": scrubbed, "replaced": {kind: n for kind, n in counts.items() if n}}


@bp.get("/examples")
@requires("admin")
def list_examples():
    state = request.args.get("state") or None
    if state is not None:
        _valid(check.state, state)
    page, per_page = _valid(check.page_args, request.args)
    rows, total = example_rows.page(get_db(), state=state, page=page, per_page=per_page)
    pages = -(-total // per_page)
    next_page = page + 1 if page < pages else None
    return {"examples": rows, "total": total, "page": page, "per_page": per_page, "pages": pages,
            "next_page": next_page,
            "next": url_for(".list_examples", state=state, page=next_page, per_page=per_page)
            if next_page else None}


@bp.get("/examples/<int:example_id>")
@requires("admin")
def show_example(example_id: int):
    _known_id(example_id)
    return _found(example_rows.get(get_db(), example_id), example_id)


@bp.patch("/examples/<int:example_id>")
@requires("admin")
def change_example(example_id: int):
    _known_id(example_id)
    changes = _valid(check.changes, validation.json_object(request))
    try:
        updated = examples.update(get_db(), example_id, changes, reviewed_by=current_principal().name)
    except examples.ExampleConflict as err:
        raise APIError(409, f"{err}; delete one of them instead", code="duplicate_example") from None
    except examples.ExampleError as err:
        raise APIError(400, str(err), code="invalid_category") from None
    log.info("example %s changed: %s", example_id, ", ".join(sorted(changes)))
    return _found(updated, example_id)


@bp.delete("/examples/<int:example_id>")
@requires("admin")
def erase_example(example_id: int):
    _known_id(example_id)
    erasure = examples.erase(get_db(), example_id)
    if erasure is None:
        raise APIError(404, f"there is no example {example_id}", code="not_found")
    log.info("example %s erased (log emptied: %s, versions still carrying it: %d)", example_id,
             erasure.log_emptied, len(erasure.versions_carrying))
    return erasure.as_dict()


def _valid(check_function, *args, **kwargs):
    try:
        return check_function(*args, **kwargs)
    except check.InvalidExample as err:
        raise APIError(400, str(err), code=f"invalid_{err.field}") from None


def _known_id(example_id: int) -> None:
    if example_id > MAX_ID:
        raise APIError(404, f"there is no example {example_id}", code="not_found")


def _found(example: dict | None, example_id: int) -> dict:
    if example is None:
        raise APIError(404, f"there is no example {example_id}", code="not_found")
    return example
