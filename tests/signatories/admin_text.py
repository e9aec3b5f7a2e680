"""What a staff member reads on an admin page, to check that the French page has no English
left: the English page's own texts are the reference, so no list of strings is kept by hand."""

import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


class _Texts(HTMLParser):
    """The body's text nodes, except scripts, styles and what is marked as another language."""

    def __init__(self, language: str):
        super().__init__()
        self.language = language
        self.stack: list[tuple[str, bool]] = []
        self.texts: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.in_body = True
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        hidden = tag in ("script", "style", "template") or (lang and lang != self.language)
        inherited = bool(self.stack) and self.stack[-1][1]
        self.stack.append((tag, bool(hidden) or inherited))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and self.in_body and not (self.stack and self.stack[-1][1]):
            self.texts.append(text)


def texts(html: str, language: str) -> list[str]:
    parser = _Texts(language)
    parser.feed(html)
    return parser.texts


def english_left(english_html: str, french_html: str, data: list[str]) -> list[str]:
    """The French page's texts of two English words or more that the English page has too,
    once the records' own values (`data`: names, passages, file names) are taken out."""
    reference = set(texts(english_html, "en"))
    left = []
    for text in texts(french_html, "fr"):
        if text not in reference:
            continue
        rest = text
        for value in sorted(data, key=len, reverse=True):
            rest = rest.replace(value, " ")
        if len(ENGLISH_WORD.findall(rest)) >= 2:
            left.append(text)
    return left
