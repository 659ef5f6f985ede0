"""Retraining from the console: start it, follow its progress, read its report in words."""
from __future__ import annotations

import logging
import re

from flask import abort, current_app, redirect, render_template, request, url_for

from ..database import get_db
from ..learning import jobs, retrain
from ..storage import examples as example_rows
from ..storage import jobs as job_rows
from . import bp
from .i18n import stage
from .sessions import current

log = logging.getLogger(__name__)

_JOB_ID = re.compile(r"[0-9a-f]{32}")


@bp.get("/retrain")
def retrain_page():
    conn = get_db()
    return render_template("console/retrain.html", running=job_rows.unfinished(conn, retrain.KIND),
                           recent=job_rows.recent(conn, limit=10), counts=example_rows.counts(conn),
                           include_unreviewed=retrain.includes_unreviewed(current_app.config),
                           notice="running" if request.args.get("notice") == "running" else None)


@bp.post("/retrain")
def start_retraining():
    conn = get_db()
    try:
        job = retrain.start(current_app._get_current_object(), conn, created_by=current().name)
    except jobs.JobRunning as err:
        return redirect(url_for("console.job_page", job_id=err.job["id"], notice="running"), 303)
    log.info("retrain job %s started in the console by %s", job["id"], current().name)
    return redirect(url_for("console.job_page", job_id=job["id"]), 303)


def _job(job_id: str) -> dict:
    job = job_rows.get(get_db(), job_id) if _JOB_ID.fullmatch(job_id) else None
    if job is None:
        abort(404, description="job")
    return job


@bp.get("/jobs/<job_id>")
def job_page(job_id: str):
    job = _job(job_id)
    return render_template("console/job.html", job=job, finished=job["state"] not in job_rows.UNFINISHED,
                           notice="running" if request.args.get("notice") == "running" else None)


@bp.get("/jobs/<job_id>/status")
def job_status(job_id: str):
    """What the progress bar shows, for the page's script (with the CSRF header)."""
    job = _job(job_id)
    return {"state": job["state"], "progress": job["progress"], "stage": job["stage"],
            "stage_text": stage(job["stage"]), "finished": job["state"] not in job_rows.UNFINISHED}
