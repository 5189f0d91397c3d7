"""An email's HTML made safe to look at: sanitised with nh3, remote images removed, shown in a sandboxed frame.

Three walls stand between a message and the page: nh3 keeps only plain formatting tags (no script, no event
handlers, no `javascript:` links, no styles); the frame's `sandbox=""` runs nothing and gives the message an
origin of its own; and the page's Content-Security-Policy, which the frame inherits, loads no remote file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3

ALLOWED_TAGS = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "div", "dl", "dt", "em", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "q", "s", "small", "span",
        "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "abbr": {"title"},
}
DROPPED_WITH_CONTENT = frozenset({"script", "style", "title", "head", "template", "noscript", "svg", "math"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})
INLINE_IMAGE_PREFIXES = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
EMAIL_STYLESHEET = "/static/email.css"


@dataclass
class SafeEmail:
    """A message's HTML after cleaning, with what was taken out and the links it holds."""

    html: str
    blocked_images: int = 0
    links: list[str] = field(default_factory=list)

    @property
    def document(self) -> str:
        """A whole document for the frame's `srcdoc` (the template escapes it into the attribute)."""
        return (
            '<!doctype html><html><head><meta charset="utf-8"><meta name="referrer" content="no-referrer">'
            f'<link rel="stylesheet" href="{EMAIL_STYLESHEET}"></head><body>{self.html}</body></html>'
        )


def sanitise(html: str) -> SafeEmail:
    """Clean an email's HTML; remote images are dropped and counted, links kept only for http(s) and mailto."""
    result = SafeEmail(html="")

    def keep(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            if value.strip().lower().startswith(INLINE_IMAGE_PREFIXES):
                return value
            result.blocked_images += 1
            return None
        if tag == "a" and attribute == "href":
            scheme = urlsplit(value.strip()).scheme.lower()
            if scheme not in LINK_SCHEMES:
                return None
            if scheme != "mailto" and value not in result.links:
                result.links.append(value)
        return value

    result.html = nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        attribute_filter=keep,
        url_schemes=set(LINK_SCHEMES) | {"data"},
        url_relative="deny",
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return result
