"""``reageerwijzer token create|revoke|list``: who may use the server, and with which role."""
from __future__ import annotations

import argparse

from .. import auth
from ..storage import tokens as token_rows
from .common import CommandError, command_with_actions, database


def register(subparsers) -> None:
    sub = command_with_actions(
        subparsers, "token", help="create, revoke or list access tokens",
        description="Access tokens for the API. A worker token may classify, ask advice and save "
                    "examples; an admin token may also review examples, retrain and switch models. "
                    "Only a hash of each token is stored: a token is shown once, when created.")

    create = sub.add_parser("create", help="create a token and print it once")
    create.add_argument("--role", required=True, choices=auth.ROLES, help="what the token may do")
    create.add_argument("--name", required=True,
                        help="who or what holds it (a person, a team); names the examples it saves")
    create.set_defaults(func=create_token)

    revoke = sub.add_parser("revoke", help="end a token; requests with it get 401 from then on")
    revoke.add_argument("name", help="the token's name")
    revoke.set_defaults(func=revoke_token)

    listing = sub.add_parser("list", help="list tokens (names and roles; never the tokens)")
    listing.set_defaults(func=list_tokens)


def create_token(args: argparse.Namespace) -> int:
    with database() as conn:
        try:
            secret = auth.create_token(conn, name=args.name, role=args.role)
        except auth.TokenError as err:
            raise CommandError(str(err)) from None
    print(f"Created {args.role} token {args.name!r}. It is shown only this once; keep it safe:")
    print(secret)
    return 0


def revoke_token(args: argparse.Namespace) -> int:
    with database() as conn:
        if not auth.revoke_token(conn, args.name):
            raise CommandError(f"there is no active token named {args.name!r}")
    print(f"Revoked token {args.name!r}.")
    return 0


def list_tokens(args: argparse.Namespace) -> int:
    with database() as conn:
        tokens = token_rows.listing(conn)
    if not tokens:
        print("No tokens yet: create one with 'reageerwijzer token create --role admin --name NAME'.")
        return 0
    width = max(len(t["name"]) for t in tokens)
    for token in tokens:
        status = f"revoked {token['revoked_at']}" if token["revoked_at"] else "active"
        print(f"{token['name']:<{width}}  {token['role']:<6}  created {token['created_at']}  {status}")
    return 0
