"""/api/v1/retrain and /api/v1/jobs/<id>: start a retraining in the background, then follow it."""
from __future__ import annotations

from flask import Blueprint, current_app, url_for

from ..auth import current_principal, requires
from ..database import get_db
from ..errors import APIError
from ..learning import jobs, retrain
from ..learning.model_store import plain_reason
from ..storage import jobs as job_rows

bp = Blueprint("jobs", __name__)


@bp.post("/retrain")
@requires("admin")
def start_retraining():
    try:
        job = retrain.start(current_app._get_current_object(), get_db(),
                            created_by=current_principal().name)
    except jobs.JobRunning as err:
        running = err.job
        raise APIError(409, f"retraining job {running['id']} is {running['state']} already; "
                            f"follow it at {url_for('.show_job', job_id=running['id'])}",
                       code="job_running") from None
    return job, 202, {"Location": url_for(".show_job", job_id=job["id"])}


@bp.get("/jobs/<job_id>")
def show_job(job_id: str):
    job = job_rows.get(get_db(), job_id)
    if job is None:
        raise APIError(404, f"there is no job {job_id[:64]!r}", code="not_found")
    if job["error"] and not current_principal().may("admin"):
        job["error"] = plain_reason(job["error"])  # no server paths for workers
    return job
