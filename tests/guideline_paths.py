"""The seven root-to-outcome paths of decision-tree.md, shared by the engine and API tests."""

PATHS = [
    ({"content": False, "misinformation": True}, "correct_or_report"),
    ({"content": False, "misinformation": False}, "monitor"),
    ({"content": True, "danger": True}, "refer"),
    ({"content": True, "danger": False, "real_person": False}, "ignore_or_report"),
    ({"content": True, "danger": False, "real_person": True, "known": False}, "moderate_and_counter"),
    ({"content": True, "danger": False, "real_person": True, "known": True, "influence": True},
     "private_conversation"),
    ({"content": True, "danger": False, "real_person": True, "known": True, "influence": False},
     "moderate_and_counter"),
]
