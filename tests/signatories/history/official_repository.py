"""A throwaway git repository shaped like the official site's, for the derivation's tests."""

import os
import subprocess

from signatories.history.derive import derive
from signatories.history.repository import Repository


class Official:
    """A throwaway git repository shaped like the official site's."""

    def __init__(self, path):
        self.path = path
        self.days = 0
        self._git("init", "-q", "-b", "main")

    def _git(self, *args, env=None):
        return subprocess.run(
            ["git", "-C", str(self.path), *args],
            check=True,
            capture_output=True,
            text=True,
            env=env,
        ).stdout.strip()

    def write(self, file, name, category="private-sector", country="FRA", nature="Entreprise"):
        self.write_text(
            file,
            f'---\nname: "{name}"\ncategory: {category}\nnature: "{nature}"\n'
            f"nationality: {country}\n---\n",
        )

    def write_first_style(self, file, name, category, nature, country, alliance=""):
        """A file as the first commits wrote them: no quotes, the French country name,
        `private_sector`, an alliance, and the extraction script's placeholder date."""
        self.write_text(
            file,
            f"---\nname: {name}\ncategory: {category}\nnature: {nature}\n"
            f"nationality: {country}\nalliance: {alliance}\ndate_signed: '2018-11-12'\n---\n    ",
        )

    def write_text(self, file, text, folder="_supporters"):
        (self.path / folder).mkdir(exist_ok=True)
        (self.path / folder / file).write_text(text, encoding="utf-8")

    def remove(self, file, folder="_supporters"):
        (self.path / folder / file).unlink()

    def move(self, old, new):
        (self.path / "_supporters" / old).rename(self.path / "_supporters" / new)

    def _next_day(self) -> dict[str, str]:
        """The environment of a commit one day after the last one (2020-01-02 first)."""
        self.days += 1
        date = f"@{1577880000 + self.days * 86400} +0000"
        return {
            **os.environ,
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_AUTHOR_DATE": date,
            "GIT_COMMITTER_DATE": date,
        }

    def commit(self, message) -> str:
        """Commits everything, one day after the last commit."""
        env = self._next_day()
        self._git("add", "-A", env=env)
        self._git("commit", "-q", "--allow-empty", "-m", message, env=env)
        return self._git("rev-parse", "HEAD")

    def merge(self, branch, message) -> str:
        self._git("merge", "-q", "--no-ff", "-m", message, branch, env=self._next_day())
        return self._git("rev-parse", "HEAD")

    def events(self):
        with Repository(self.path) as repository:
            return [
                (event.commit, event.kind, event.entry, event.record.name)
                for event in derive(repository)
            ]
