"""What the history's records are cited to and written under: the official repository's
commits, and the reason its load gives in the supporters' history."""

REPOSITORY = "https://github.com/ambanum/pariscall.international"
PUBLISHER = "Paris Call for Trust and Security in Cyberspace (the official site's repository)"
SOURCE_PREFIX = "official-repository-"
# The change reason of every history record the load writes: the changes page shows the
# events themselves, never these records of them.
HISTORY_REASON = "Official list history"


def commit_url(commit: str) -> str:
    return f"{REPOSITORY}/commit/{commit}"
