"""Offline: nothing in the built site loads from outside it.

The scan reads every built HTML, CSS and JavaScript file for resources a browser would fetch:
scripts, stylesheets, fonts, images, frames, media and imports. Links a reader may follow
(`<a href>`) are fine. What code decides at run time is covered by the browser tests, which
abort and report any request that leaves 127.0.0.1.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Attributes that make a browser fetch, on any element.
FETCHED_ATTRIBUTES = {"src", "srcset", "imagesrcset", "poster", "data", "background", "manifest"}
# Elements whose href is fetched rather than followed (SVG images, uses, filters, scripts).
FETCHED_HREF_TAGS = {"link", "image", "use", "feimage", "script"}
# <link> relations that only describe the page and fetch nothing.
DESCRIPTIVE_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help"}
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
JS_LOADS = re.compile(
    r"""(?:importScripts\(|\bimport\s*\(|\bfrom\s*|\bnew\s+Worker\()"""
    r"""\s*["'`]((?:https?:)?//[^"'`]+)"""
    r"""|sourceMappingURL=((?:https?:)?//\S+)"""
)


def is_external(url: str) -> bool:
    """Whether `url` points at another host than 127.0.0.1 (http, https or protocol-relative)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in {"", "http", "https"} or not parts.netloc:
        return False
    return parts.hostname != "127.0.0.1"


class _ResourceParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in FETCHED_ATTRIBUTES:
                urls = [part.split()[0] for part in value.split(",") if part.split()]
                if name not in {"srcset", "imagesrcset"}:
                    urls = [value]
                self.found += [f"<{tag} {name}={url}>" for url in urls if is_external(url)]
            elif name in {"href", "xlink:href"} and tag in FETCHED_HREF_TAGS:
                rels = set(values.get("rel", "").lower().split())
                if tag == "link" and rels and rels <= DESCRIPTIVE_RELS:
                    continue
                if is_external(value):
                    self.found.append(f"<{tag} {name}={value}>")
            elif name == "style":
                self.found += [f"<{tag} style> {url}" for url in css_resources(value)]
        if "mermaid" in values.get("class", "").split():
            # Material fetches Mermaid from unpkg.com for any element of this class.
            self.found.append(f"<{tag} class=mermaid> (Material loads Mermaid from unpkg.com)")
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [f"<style> {url}" for url in css_resources(data)]


def html_resources(html: str) -> list[str]:
    """External resources an HTML page makes the browser fetch."""
    parser = _ResourceParser()
    parser.feed(html)
    parser.close()
    return parser.found


def css_resources(css: str) -> list[str]:
    """External `url()` and `@import` targets in a stylesheet."""
    return [url for match in CSS_URL.finditer(css) if is_external(url := match[1] or match[2])]


def js_resources(script: str) -> list[str]:
    """External scripts a script imports or loads as a worker, and external source maps."""
    return [url for match in JS_LOADS.finditer(script) if is_external(url := match[1] or match[2])]


SCANNERS = {".html": html_resources, ".css": css_resources, ".js": js_resources}


def test_built_site_loads_nothing_from_outside(built_site: Path) -> None:
    files = sorted(path for path in built_site.rglob("*") if path.suffix in SCANNERS)
    problems = [
        f"{path.relative_to(built_site)}: {resource}"
        for path in files
        for resource in SCANNERS[path.suffix](path.read_text(encoding="utf-8"))
    ]

    assert len([path for path in files if path.suffix == ".html"]) > 10
    assert not problems, "external resources in the built site:\n" + "\n".join(problems)


def test_built_site_has_no_web_fonts(built_site: Path) -> None:
    fonts = [path.name for path in built_site.rglob("*") if path.suffix in {".woff", ".woff2"}]
    html = (built_site / "index.html").read_text(encoding="utf-8")

    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert fonts == [], "Material is configured with font: false; no font files should ship"


def test_html_resources_finds_every_kind_of_external_load() -> None:
    html = """
    <link rel="stylesheet" href="https://cdn.example.com/site.css">
    <link rel="preload" as="font" href="//fonts.example.com/a.woff2">
    <script src="https://cdn.example.com/app.js"></script>
    <img src="http://images.example.com/logo.png"
         srcset="/local.png 1x, https://x.example.com/2x.png 2x">
    <iframe src="https://video.example.com/embed"></iframe>
    <svg><image href="https://images.example.com/i.svg"/>
         <use xlink:href="https://s.example.com/s.svg#i"/></svg>
    <div style="background: url('https://images.example.com/bg.png')"></div>
    <style>@import "https://cdn.example.com/more.css";
           .x { src: url(https://f.example.com/f.woff) }</style>
    <pre class="mermaid">graph LR; a-->b</pre>
    """

    found = html_resources(html)

    assert found == [
        "<link href=https://cdn.example.com/site.css>",
        "<link href=//fonts.example.com/a.woff2>",
        "<script src=https://cdn.example.com/app.js>",
        "<img src=http://images.example.com/logo.png>",
        "<img srcset=https://x.example.com/2x.png>",
        "<iframe src=https://video.example.com/embed>",
        "<image href=https://images.example.com/i.svg>",
        "<use xlink:href=https://s.example.com/s.svg#i>",
        "<div style> https://images.example.com/bg.png",
        "<style> https://cdn.example.com/more.css",
        "<style> https://f.example.com/f.woff",
        "<pre class=mermaid> (Material loads Mermaid from unpkg.com)",
    ]


def test_html_resources_accepts_links_and_local_loads() -> None:
    html = """
    <a href="https://git.example.com/fieldops/dispatch-api">repository</a>
    <link rel="canonical" href="https://handbook.example.com/">
    <link rel="stylesheet" href="../assets/stylesheets/main.css">
    <script src="http://127.0.0.1:8000/search.js"></script>
    <img src="data:image/png;base64,AAAA">
    <svg><a href="https://example.com/x"><text>x</text></a></svg>
    """

    assert html_resources(html) == []


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('importScripts("https://cdn.example.com/lunr.js")', ["https://cdn.example.com/lunr.js"]),
        ("import x from 'https://cdn.example.com/m.js'", ["https://cdn.example.com/m.js"]),
        ("await import(`//cdn.example.com/m.js`)", ["//cdn.example.com/m.js"]),
        ("//# sourceMappingURL=https://maps.example.com/a.map", ["https://maps.example.com/a.map"]),
        ('const docs = "https://example.com/docs"; import("./local.js")', []),
    ],
)
def test_js_resources_finds_external_loads(script: str, expected: list[str]) -> None:
    assert js_resources(script) == expected
