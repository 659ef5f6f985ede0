"""``reageerwijzer jobs list|fail ID``: the background jobs, and ending one that is stuck."""
from __future__ import annotations

import argparse

from .common import CommandError, command_with_actions, database, print_listing

MANUAL_REASON = "ended by hand ('reageerwijzer jobs fail'); the active model was not changed"


def register(subparsers) -> None:
    sub = command_with_actions(
        subparsers, "jobs", help="list background jobs or end an unfinished one",
        description="Retraining jobs, newest first. A job of a server that is gone is ended when "
                    "the next server starts; 'jobs fail ID' ends one at once.")
    listing = sub.add_parser("list", help="the newest jobs with their state and owner")
    listing.add_argument("--limit", type=int, default=20, metavar="N", help="(default: %(default)s)")
    listing.add_argument("--json", action="store_true", help="print the jobs as JSON")
    listing.set_defaults(func=list_jobs)
    fail = sub.add_parser("fail", help="mark an unfinished job failed, so a new one can start")
    fail.add_argument("job_id", metavar="ID", help="a job id as listed by 'jobs list'")
    fail.set_defaults(func=fail_job)


def list_jobs(args: argparse.Namespace) -> int:
    from ..storage import jobs as job_rows
    if args.limit < 1:
        raise CommandError(f"--limit must be at least 1, not {args.limit}")
    boots = _boots_dir()
    with database() as conn:
        listed = [{**job, "owner": _owner_state(conn, boots, job)}
                  for job in job_rows.recent(conn, limit=args.limit)]
    return print_listing(listed, as_json=args.json, empty="No jobs yet.", line=_line)


def _line(job: dict) -> str:
    when = job["finished_at"] or job["started_at"] or job["created_at"]
    line = f"{job['id']}  {job['kind']:<8} {job['state']:<9} {when}  by {job['created_by']}"
    if job["owner"]:
        return line + f"  {job['progress']:.0%} {job['stage'] or ''}  owner {job['owner']}"
    if job["state"] == "failed":
        return line + f"  {job['error']}"
    return line


def _owner_state(conn, boots, job: dict) -> str | None:
    from ..learning import jobs
    from ..storage import jobs as job_rows
    if job["state"] not in job_rows.UNFINISHED:
        return None
    alive, pid = jobs.owner_running(conn, boots, job["id"])
    return f"{'running' if alive else 'gone'} (pid {pid})"


def fail_job(args: argparse.Namespace) -> int:
    from ..learning import jobs
    from ..storage import jobs as job_rows
    boots = _boots_dir()
    with database() as conn:
        job = job_rows.get(conn, args.job_id)
        if job is None:
            raise CommandError(f"there is no job {args.job_id!r}; 'reageerwijzer jobs list' shows them")
        if not job_rows.fail(conn, args.job_id, MANUAL_REASON):
            raise CommandError(f"job {args.job_id} is {job['state']} already; only an unfinished "
                               "job can be failed")
        alive, pid = jobs.owner_running(conn, boots, args.job_id)
    print(f"Job {args.job_id} is failed; a new one can start.")
    if alive:
        print(f"Its process (pid {pid}) is still running; it stops the training at its next "
              "progress report and changes nothing.")
    return 0


def _boots_dir():
    from .. import configured_app
    from ..learning import jobs
    return jobs.boots_dir(configured_app().config)
