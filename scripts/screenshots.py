"""Screenshots of the public pages, as a reader sees them, to look at before a release.

Takes the home page, the list, a state's page, a company's page, the countries and the
changes, at a desktop's and a phone's width, in English and French, in the light scheme and
(with --dark) the dark one too, from a running site (`make run` in another terminal):

    .venv/bin/python scripts/screenshots.py OUTPUT_FOLDER [--base http://127.0.0.1:8000]

Each file is named page-language-width[-dark].png and holds the full page; beside it,
.first.png holds the first screen (800 px high). Uses
Playwright with Debian's Chromium, as the browser tests do.
"""

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = {
    "home": "/",
    "list": "/signatories/",
    "search": "/signatories/?q=Microsoft",
    "state": "/signatories/france/",
    "company": "/signatories/microsoft/",
    "countries": "/countries/",
    "changes": "/changes/",
}
WIDTHS = [1280, 360]
LANGUAGES = {"en": "", "fr": "/fr"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--dark", action="store_true", help="the dark scheme as well")
    arguments = parser.parse_args()
    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("chromium not found: apt-get install chromium")
    arguments.output.mkdir(parents=True, exist_ok=True)
    schemes = ["light", "dark"] if arguments.dark else ["light"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for scheme in schemes:
            for width in WIDTHS:
                context = browser.new_context(
                    viewport={"width": width, "height": 800}, color_scheme=scheme
                )
                page = context.new_page()
                for language, prefix in LANGUAGES.items():
                    for name, path in PAGES.items():
                        page.goto(arguments.base + prefix + path)
                        suffix = "-dark" if scheme == "dark" else ""
                        target = arguments.output / f"{name}-{language}-{width}{suffix}.png"
                        page.screenshot(path=target, full_page=True)
                        # And the first screen alone: what a reader sees before scrolling.
                        page.screenshot(path=target.with_suffix(".first.png"))
                        print(target)
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
