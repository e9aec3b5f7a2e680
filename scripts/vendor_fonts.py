"""Vendor the site's typeface into static/: Source Sans 3 from the @fontsource npm package.

The site serves its own fonts (no font CDN: it must work offline, and the CSP allows fonts
from 'self' only). This script fetches one pinned release of the package with `npm pack`
(npm checks the tarball against the registry's integrity hash; we check it against ours
too), then copies only what the pages use: the latin and latin-ext subsets (English and
French, and the accented names of supporters from elsewhere in Europe) in three weights,
as woff2, which every browser the site supports reads. It writes static/css/fonts.css from
the package's own @font-face rules (their unicode-range lets a browser fetch latin-ext only
for a page that needs it), and copies the SIL Open Font License beside the fonts.

Run it again after changing VERSION (and SHA256): `python scripts/vendor_fonts.py`.
Needs npm.
"""

import hashlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "@fontsource/source-sans-3"
VERSION = "5.3.1"
# sha256 of fontsource-source-sans-3-5.3.1.tgz as the registry served it.
SHA256 = "b598201d980b3512805bbea186aab8ef91590d59990e6a13c90e030b6ff37881"
FAMILY = "source-sans-3"
WEIGHTS = ["400", "600", "700"]
SUBSETS = ["latin-ext", "latin"]

FONTS = ROOT / "static" / "fonts"
STYLESHEET = ROOT / "static" / "css" / "fonts.css"
RULE = re.compile(r"/\* (?P<name>[\w-]+) \*/\s*(?P<body>@font-face \{.*?\})", re.DOTALL)
# The package lists a woff fallback after the woff2; only the woff2 is vendored.
WOFF_FALLBACK = re.compile(r",\s*url\([^)]*\.woff\) format\('woff'\)")


def _fetch(into: Path) -> Path:
    """The package's unpacked folder, from the pinned, checked tarball."""
    subprocess.run(
        ["npm", "pack", f"{PACKAGE}@{VERSION}", "--silent"],
        cwd=into,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (tarball,) = into.glob("*.tgz")
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    if digest != SHA256:
        sys.exit(f"{tarball.name}: sha256 {digest}, expected {SHA256}")
    with tarfile.open(tarball) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def _rules(package: Path) -> list[str]:
    """The @font-face rules for the chosen weights and subsets, pointing at ../fonts/."""
    rules = []
    for weight in WEIGHTS:
        found = {
            match["name"]: match["body"]
            for match in RULE.finditer((package / f"{weight}.css").read_text())
        }
        for subset in SUBSETS:
            name = f"{FAMILY}-{subset}-{weight}-normal"
            body = WOFF_FALLBACK.sub("", found[name]).replace("./files/", "../fonts/")
            if "font-display: swap" not in body:
                sys.exit(f"{name}: the package's rule no longer says font-display: swap")
            rules.append(f"/* {name} */\n{body}\n")
            shutil.copyfile(package / "files" / f"{name}.woff2", FONTS / f"{name}.woff2")
    return rules


def main() -> int:
    if shutil.which("npm") is None:
        sys.exit("npm not found: apt-get install npm")
    if FONTS.exists():
        shutil.rmtree(FONTS)
    FONTS.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as temporary:
        package = _fetch(Path(temporary))
        rules = _rules(package)
        shutil.copyfile(package / "LICENSE", FONTS / "LICENSE-source-sans-3.txt")
    header = (
        f"/* Source Sans 3 ({PACKAGE} {VERSION}), SIL Open Font License 1.1: see\n"
        "   ../fonts/LICENSE-source-sans-3.txt.\n"
        "   Written by scripts/vendor_fonts.py; do not edit. */\n\n"
    )
    STYLESHEET.write_text(header + "\n".join(rules))
    print(
        f"{len(rules)} fonts in {FONTS.relative_to(ROOT)}, rules in {STYLESHEET.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
