"""Schema.org JSON-LD for every page, as plain dicts.

Nothing here knows Pelican or HTML: the generator calls these functions with absolute URLs and
passes the dicts to the templates, which print them with Jinja's ``tojson`` through
``partials/structured_data.html``.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Canvas

SCHEMA = "https://schema.org"


def absolute_url(siteurl: str, path: str) -> str:
    """``siteurl`` + ``/`` + a site-relative path such as ``canvas/acme/``."""
    return f"{siteurl.rstrip('/')}/{path.lstrip('/')}"


def breadcrumb_list(crumbs: Iterable[tuple[str, str]]) -> dict:
    """A BreadcrumbList of (name, absolute URL) pairs, the first being the gallery."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(crumbs, start=1)
        ],
    }


def site_breadcrumb_list(siteurl: str, crumbs: Iterable[tuple[str, str]]) -> dict:
    """A BreadcrumbList from the (label, site-relative URL) pairs a page shows as its breadcrumbs."""
    return breadcrumb_list([(label, absolute_url(siteurl, url)) for label, url in crumbs])


def page_breadcrumb_list(home_url: str, title: str, site_name: str, url: str) -> dict:
    """Gallery > this page, for a page that declares no breadcrumbs of its own.

    ``title`` is the page's ``<title>``; a trailing `` | <site name>`` is dropped from the crumb.
    """
    suffix = f" | {site_name}"
    name = title[: -len(suffix)] if title.endswith(suffix) else title
    return breadcrumb_list([("Gallery", home_url), (name.strip(), url)])


def item_list(name: str, url: str, entries: Iterable[tuple[str, str]]) -> dict:
    """An ItemList of (name, absolute URL) pairs, in the order the page shows them."""
    elements = [
        {"@type": "ListItem", "position": position, "name": entry_name, "url": entry_url}
        for position, (entry_name, entry_url) in enumerate(entries, start=1)
    ]
    return {
        "@context": SCHEMA,
        "@type": "ItemList",
        "name": name,
        "url": url,
        "numberOfItems": len(elements),
        "itemListElement": elements,
    }


def dataset(*, name: str, description: str, url: str, license_url: str, creator: dict, date_modified: str | None,
            distributions: Iterable[tuple[str, str]], based_on: dict) -> dict:
    """A Dataset (what dataset search engines read) with one DataDownload per (absolute URL, media type);
    ``based_on``: the work it derives from (the Business Model Canvas)."""
    data = {
        "@context": SCHEMA,
        "@type": "Dataset",
        "name": name,
        "description": description,
        "url": url,
        "license": license_url,
        "isAccessibleForFree": True,
        "creator": creator,
        "isBasedOn": based_on,
    }
    if date_modified:
        data["dateModified"] = date_modified
    data["distribution"] = [{"@type": "DataDownload", "encodingFormat": media_type, "contentUrl": content_url}
                            for content_url, media_type in distributions]
    return data


def organization(canvas: Canvas) -> dict:
    """The company a canvas describes, with only the facts its seed gives."""
    company = {"@type": "Organization", "name": canvas.name}
    if canvas.website:
        company["url"] = canvas.website
    if canvas.founded:
        company["foundingDate"] = str(canvas.founded)
    if canvas.headquarters:
        company["location"] = {"@type": "Place", "name": canvas.headquarters}
    return company


def business_type(canvas: Canvas) -> dict:
    """A kind of business (a coffee shop), which no Organization is: a DefinedTerm named and described by its canvas."""
    return {"@type": "DefinedTerm", "name": canvas.name, "description": canvas.summary}


def site_organization(site_name: str, site_url: str, logo_url: str, logo_size: tuple[int, int]) -> dict:
    """The gallery itself, author and publisher of every canvas page, with its logo as search engines want
    it: an ImageObject with a URL and a size."""
    width, height = logo_size
    return {"@type": "Organization", "name": site_name, "url": site_url,
            "logo": {"@type": "ImageObject", "url": logo_url, "width": width, "height": height}}


def canvas_article(canvas: Canvas, *, headline: str, url: str, image: str, publisher: dict,
                   industry_name: str, language: str = "en") -> dict:
    """The Article a canvas page is, about the company's Organization (a business type's DefinedTerm), written and
    published by the gallery.

    Both dates are the seed's ``updated``: the date its editor last checked the canvas against its sources,
    which is when the page's content was last written; the seed format has no separate publication date."""
    article = {
        "@context": SCHEMA,
        "@type": "Article",
        "headline": headline,
        "description": canvas.summary,
        "url": url,
        "mainEntityOfPage": url,
        "image": image,
        "articleSection": industry_name,
        "inLanguage": language,
        "about": business_type(canvas) if canvas.is_business_type else organization(canvas),
        "author": publisher,
        "publisher": publisher,
    }
    if canvas.updated:
        article["datePublished"] = article["dateModified"] = canvas.updated.isoformat()
    return article

