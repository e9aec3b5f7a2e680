"""schema.org descriptions of the pages, for search engines and knowledge graphs (JSON-LD).

A supporter is an organisation. schema.org's `Country` is a place: it can't support a
declaration, nor carry a website as an organisation does. What endorses the Call on a
state's behalf is its government, so a state is a `GovernmentOrganization` serving its
`Country` (`areaServed`); public authorities (the EU, agencies, cities) are government
organisations too. Civil society maps to schema.org's `NGO`; the private sector, which
includes trade associations as well as companies, stays a plain `Organization`.
"""

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from signatories.exports.published import LICENCE, OFFICIAL_LIST, TITLE, last_changed
from signatories.models import Signatory, SignatoryType

SCHEMA_TYPES = {
    SignatoryType.STATE: "GovernmentOrganization",
    SignatoryType.PUBLIC_AUTHORITY: "GovernmentOrganization",
    SignatoryType.PRIVATE_SECTOR: "Organization",
    SignatoryType.CIVIL_SOCIETY: "NGO",
}


def organization(signatory: Signatory, request: HttpRequest) -> dict:
    """A supporter's page: who it is, and where else it is on the web."""
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(signatory.type, "Organization"),
        "name": signatory.name,
        "url": request.build_absolute_uri(signatory.get_absolute_url()),
    }
    if signatory.aliases:
        data["alternateName"] = signatory.aliases
    if signatory.statement:
        data["description"] = signatory.statement
    if signatory.country:
        country = {"@type": "Country", "name": signatory.country.name}
        country["identifier"] = signatory.country.code
        if signatory.type == SignatoryType.STATE:
            data["areaServed"] = country
        else:
            data["address"] = {"@type": "PostalAddress", "addressCountry": signatory.country.code}
    same_as = [signatory.website, signatory.linkedin]
    if signatory.twitter:
        same_as.append(f"https://twitter.com/{signatory.twitter}")
    if any(same_as):
        data["sameAs"] = [url for url in same_as if url]
    return data


def dataset(request: HttpRequest) -> dict:
    """The directory as a data set: its downloads, licence, origin and date."""
    absolute = request.build_absolute_uri
    changed = last_changed()
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": TITLE,
        "description": _(
            "The states, public authorities, companies and civil-society organisations that "
            "support the Paris Call for Trust and Security in Cyberspace, each with its type, "
            "country, region, the date it joined and the sources that record it."
        ),
        "url": absolute(reverse("home")),
        "creator": {
            "@type": "Organization",
            "name": _("Paris Call directory"),
            "url": absolute(reverse("about")),
        },
        "license": LICENCE["path"],
        "isBasedOn": OFFICIAL_LIST["path"],
        "temporalCoverage": "2018-11-12/..",
        "keywords": ["Paris Call", "cybersecurity", "cyberspace", "international norms"],
        "distribution": [
            _download(absolute(reverse("signatories:csv")), "text/csv"),
            _download(absolute(reverse("signatories:json")), "application/json"),
            _download(absolute(reverse("datapackage")), "application/vnd.datapackage+json"),
        ],
    }
    if changed:
        data["dateModified"] = changed.date().isoformat()
    return data


def _download(url: str, media_type: str) -> dict:
    return {
        "@type": "DataDownload",
        "contentUrl": url,
        "encodingFormat": media_type,
        "license": LICENCE["path"],
    }
