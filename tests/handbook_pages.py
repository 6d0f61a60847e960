"""Reading the built handbook as a reader does, and comparing `docs/` with the brief."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from handbook_brief import BriefList

WORD = re.compile(r"[a-z0-9]+")


def read_page(site: Path, url: str) -> BeautifulSoup:
    """The built HTML of the page at `url`, parsed."""
    path = site / url / "index.html"
    assert path.is_file(), f"{url}: page missing from the built site"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def content_of(page: BeautifulSoup) -> Tag:
    """The article: the page's own content, without navigation, header or footer."""
    article = page.select_one("article.md-content__inner")
    assert article is not None, "page has no article"
    return article


def words_of(element: Tag | str) -> str:
    """Text as a reader sees it: lower case, whitespace collapsed, no permalink signs."""
    text = element if isinstance(element, str) else element.get_text(" ")
    return " ".join(text.replace("¶", " ").split()).lower()


def heading_level(element: Tag) -> int | None:
    """1 to 6 for a heading element, None for anything else."""
    if element.name and re.fullmatch(r"h[1-6]", element.name):
        return int(element.name[1])
    return None


def section_elements(heading: Tag) -> list[Tag]:
    """The siblings after `heading` up to the next heading of the same or a higher level."""
    level = heading_level(heading)
    assert level is not None
    elements: list[Tag] = []
    for sibling in heading.find_next_siblings():
        sibling_level = heading_level(sibling)
        if sibling_level is not None and sibling_level <= level:
            break
        elements.append(sibling)
    return elements


def find_section(article: Tag, section_id: str) -> list[Tag]:
    """The elements of the section whose heading has the id `section_id`."""
    heading = article.find(id=section_id)
    assert isinstance(heading, Tag) and heading_level(heading), f"no section #{section_id}"
    return section_elements(heading)


def section_words(elements: list[Tag]) -> str:
    """The words of a section's elements, as one string."""
    return " ".join(words_of(element) for element in elements)


def list_items(article: Tag, brief_list: BriefList) -> list[tuple[str, str]]:
    """(title, whole text) of every item of `brief_list`'s kind in its section."""
    if brief_list.section is None:
        scope = [child for child in article.children if isinstance(child, Tag)]
    else:
        scope = find_section(article, brief_list.section)

    items: list[tuple[str, str]] = []
    for element in scope:
        if brief_list.unit in ("h2", "h3") and element.name == brief_list.unit:
            title = words_of(element)
            items.append((title, f"{title} {section_words(section_elements(element))}"))
        elif brief_list.unit == "li" and element.name in ("ol", "ul"):
            items += [
                (words_of(li), words_of(li)) for li in element.find_all("li", recursive=False)
            ]
        elif brief_list.unit == "tr":
            for row in element.find_all("tr"):
                if cells := row.find_all("td"):
                    items.append((words_of(cells[0]), words_of(row)))
    return items


def missing_items(site: Path, brief_list: BriefList) -> list[str]:
    """The expected items of `brief_list` that no item on its page matches."""
    items = list_items(content_of(read_page(site, brief_list.page)), brief_list)
    missing = []
    for title, *keywords in brief_list.items:
        if not any(
            title in item_title and all(keyword in text for keyword in keywords)
            for item_title, text in items
        ):
            missing.append(" + ".join((title, *keywords)))
    return missing


def brief_runs(brief_dir: Path, length: int) -> dict[tuple[str, ...], str]:
    """Every run of `length` words within one line of the brief, with the line it comes from."""
    runs: dict[tuple[str, ...], str] = {}
    for path in sorted(brief_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = WORD.findall(line.lower())
            for start in range(len(words) - length + 1):
                runs[tuple(words[start : start + length])] = line.strip()
    return runs


def copied_runs(docs_dir: Path, runs: dict[tuple[str, ...], str], length: int) -> list[str]:
    """One line per file under `docs_dir` that repeats a run of the brief."""
    found = []
    for path in sorted(p for p in docs_dir.rglob("*") if p.is_file()):
        words = WORD.findall(path.read_text(encoding="utf-8", errors="ignore").lower())
        for start in range(len(words) - length + 1):
            run = tuple(words[start : start + length])
            if run in runs:
                where = path.relative_to(docs_dir.parent)
                found.append(f"{where}: '{' '.join(run)}', from the brief line '{runs[run]}'")
                break
    return found
