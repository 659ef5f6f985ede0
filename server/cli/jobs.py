"""``reageerwijzer jobs list|fail ID``: the background jobs, and ending one that is stuck."""
from __future__ import annotations

import argparse
import json

from .common import CommandError, database

MANUAL_REASON = "ended by hand ('reageerwijzer jobs fail'); the active model was not changed"


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "jobs", help="list background jobs or end an unfinished one",
        description="Retraining jobs, newest first. A job of a server that is gone is ended when "
                    "the next server starts; 'jobs fail ID' ends one at once.")
    sub = p.add_subparsers(dest="jobs_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="the newest jobs with their state and owner")
    listing.add_argument("--limit", type=int, default=20, metavar="N", help="(default: %(default)s)")
    listing.add_argument("--json", action="store_true", help="print the jobs as JSON")
    listing.set_defaults(func=list_jobs)
    fail = sub.add_parser("fail", help="mark an unfinished job failed, so a new one can start")
    fail.add_argument("job_id", metavar="ID", help="a job id as listed by 'jobs list'")
    fail.set_defaults(func=fail_job)


def list_jobs(args: argparse.Namespace) -> int:
    from ..learning import jobs
    if args.limit < 1:
        raise CommandError(f"--limit must be at least 1, not {args.limit}")
    boots = _boots_dir()
    with database() as conn:
        listed = [{**job, "owner": _owner_state(conn, boots, job)} for job in jobs.recent(conn, limit=args.limit)]
    if args.json:
        print(json.dumps(listed, indent=2, ensure_ascii=False))
        return 0
    if not listed:
        print("No jobs yet.")
    for job in listed:
        when = job["finished_at"] or job["started_at"] or job["created_at"]
        line = f"{job['id']}  {job['kind']:<8} {job['state']:<9} {when}  by {job['created_by']}"
        if job["state"] in jobs.UNFINISHED:
            line += f"  {job['progress']:.0%} {job['stage'] or ''}  owner {job['owner']}"
        elif job["state"] == "failed":
            line += f"  {job['error']}"
        print(line)
    return 0


def _owner_state(conn, boots, job: dict) -> str | None:
    from ..learning import jobs
    if job["state"] not in jobs.UNFINISHED:
        return None
    owner = jobs.owner(conn, job["id"]) or {}
    alive = jobs.owner_running(conn, boots, owner.get("boot"))
    return f"{'running' if alive else 'gone'} (pid {owner.get('pid')})"


def fail_job(args: argparse.Namespace) -> int:
    from ..learning import jobs
    with database() as conn:
        job = jobs.get(conn, args.job_id)
        if job is None:
            raise CommandError(f"there is no job {args.job_id!r}; 'reageerwijzer jobs list' shows them")
        owner = jobs.owner(conn, args.job_id) or {}
        if not jobs.fail(conn, args.job_id, MANUAL_REASON):
            raise CommandError(f"job {args.job_id} is {job['state']} already; only an unfinished "
                               "job can be failed")
        still_running = jobs.owner_running(conn, _boots_dir(), owner.get("boot"))
    print(f"Job {args.job_id} is failed; a new one can start.")
    if still_running:
        print(f"Its process (pid {owner.get('pid')}) is still running; it stops the training at "
              "its next progress report and changes nothing.")
    return 0


def _boots_dir():
    from .. import configured_app
    from ..learning import jobs
    return jobs.boots_dir(configured_app().config)
