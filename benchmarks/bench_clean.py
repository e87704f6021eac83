"""Speed of ``readout clean --mode text`` per page against trafilatura's ``extract`` on the same page's HTML.

Both are measured in this one run, in process (startup excluded), on pages generated from the hand-written
fixtures in tests/data/html with varied text, in three weights: ``lean`` (the fixtures as written, 4-7 KB of
markup and about 70 elements: far smaller than any real news page, the floor of the range), ``dressed``
(the same pages with what real news pages carry around the article: inline scripts and JSON state, meta and
link tags, SVG icons, a mega-menu and a footer of links; about 120 KB and 500 elements) and ``news`` (the
dressed page built out to the element count of a typical news page: wrapped paragraphs, ad slots, a share
bar, cards of related stories with responsive images, a most-read list and a footer in columns; about 1,650
elements, the median HTTP Archive measured on news sites in 2023: 1,621 on mobile, 1,714 on desktop).
Text mode is timed end to end as the command runs it over a folder of the pages flattened to full-page
text: ``clean_all`` (file reads, decoding, hashing, the site-furniture pass over all captures, cleaning,
near-duplicate signatures; each page in a folder of its own, as pages of different sites, so that the
menus the generated pages share are not taken as one site's furniture, which would flatter the figure) +
``clean_record`` + ``json_line`` for every page. trafilatura is timed reading each page's HTML file and
calling ``extract`` (comments included, as readout's HTML mode asks). Each round times both page by page,
in alternating order, and the figure is the median of the rounds' ratios, robust to load on a shared
machine. HTML mode (``clean_all`` over the HTML files) is printed as well, for scale. Target: text mode at
most half of trafilatura's time.

    .venv/bin/python benchmarks/bench_clean.py [--pages 200] [--repeat 5] [--weights lean,dressed,news]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import tempfile
import time
from pathlib import Path

import lxml.html
import trafilatura

from readout.clean.render import render
from readout.pipeline.run import clean_all
from readout.records import clean_record, json_line

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "data" / "html"
PARAGRAPH = re.compile(r"(<p>|<p [^>]*>)([^<]{60,})(</p>)")
FILLER = ("officials said on Thursday", "according to the ministry", "in a statement released late",
          "after weeks of negotiations", "the delegation confirmed", "as talks continued into the evening",
          "despite objections from the opposition", "a senior adviser told reporters")
NAMES = ("Arlen Voss", "Mirela Tansk", "Ode Halvar", "Sanna Brekke", "Ivo Castellan", "Lio Marchetti")


def vary(markup: str, rng: random.Random) -> str:
    """The page with each paragraph reworded, repeated or cut, so that no two pages are the same."""
    def one(match: re.Match[str]) -> str:
        words = match.group(2).split()
        middle = words[3:-3]
        rng.shuffle(middle)
        words[3:-3] = middle
        extra = " ".join(rng.sample(FILLER, 2)) + f", {rng.choice(NAMES)} added."
        text = " ".join(words) + " " + extra
        if rng.random() < 0.4:
            text += " " + " ".join(match.group(2).split()[::-1])
        return f"{match.group(1)}{text}{match.group(3)}"
    return PARAGRAPH.sub(one, markup)


def _script(rng: random.Random, chars: int) -> str:
    """Minified-looking JavaScript: what inline bundles and hydration state weigh on a real page."""
    parts, size = [], 0
    while size < chars:
        a, b, c = (f"{rng.choice('abcdefghijklmnopqrstuvwxyz')}{rng.randrange(999)}" for _ in range(3))
        part = (f"function {a}({b}){{var {c}={b}.data||{{}};return {c}.items?{c}.items.map(function(x)"
                f"{{return x.id+\"-{rng.randrange(10**6)}\"}}):[]}};window.{a}={a};")
        parts.append(part)
        size += len(part)
    return "".join(parts)


def dress(markup: str, rng: random.Random) -> str:
    """The page with a real news page's weight around the article (scripts, menus, icons, link farms)."""
    head = "".join(f'<meta name="x-{n}" content="{rng.randrange(10**9)}"><link rel="preload" '
                   f'href="/static/chunk-{n}-{rng.randrange(10**6)}.js" as="script">' for n in range(25))
    head += f"<script>{_script(rng, 45_000)}</script>"
    head += f'<script id="__STATE__" type="application/json">{{"x":"{_script(rng, 30_000)}"}}</script>'
    icon = ('<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M12 2L2 7l10 5 10-5-10-5z'
            'M2 17l10 5 10-5M2 12l10 5 10-5"/></svg>')
    sections = ("World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture", "Travel",
                "Opinion", "Video", "Podcasts")
    menu = "".join(
        f'<li class="menu__item menu__item--level-1"><a class="menu__link" href="/{s.lower()}">{icon}{s}</a>'
        '<ul class="menu__sub">' + "".join(
            f'<li class="menu__item menu__item--level-2"><a class="menu__link" data-track="nav-{s}-{k}" '
            f'href="/{s.lower()}/{k}">{s} {k}</a></li>' for k in range(1, 9)) + "</ul></li>"
        for s in sections)
    footer = "".join(f'<li><a class="footer__link" href="/f/{k}">Footer link {k}</a></li>' for k in range(60))
    markup = markup.replace("</head>", head + "</head>", 1)
    markup = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + f'<nav class="mega"><ul>{menu}</ul></nav>',
                    markup, count=1)
    return markup.replace("</body>", f'<div class="footer-links"><ul>{footer}</ul></div>'
                          f"<script>{_script(rng, 25_000)}</script></body>", 1)


def news(markup: str, rng: random.Random) -> str:
    """The dressed page built out to a typical news page's element count (``news`` in the docstring)."""
    markup = dress(markup, rng)
    icon = '<svg viewBox="0 0 24 24"><g><path d="M4 4h16v16H4z"/><path d="M8 8h8v8H8z"/></g></svg>'
    share = '<div class="share-bar"><ul>' + "".join(
        f'<li><button class="share share--{n}" aria-label="Share on {n}"><span class="share__icon">{icon}'
        f'</span><span class="share__label">{n}</span></button></li>'
        for n in ("Facebook", "X", "LinkedIn", "WhatsApp", "Email", "Copy link")) + "</ul></div>"

    def card(n: int) -> str:
        sources = "".join(f'<source media="(min-width:{w}px)" srcset="/img/r{n}-{w}.webp {w}w">'
                          for w in (480, 768, 1024))
        return (f'<li class="card"><article><a class="card__link" href="/story/{rng.randrange(10**7)}">'
                f'<div class="card__media"><picture>{sources}<img src="/img/r{n}.jpg" alt="" loading="lazy">'
                f'</picture></div><div class="card__text"><span class="card__section">'
                f'{rng.choice(("World", "Business", "Science", "Culture"))}</span><h3 class="card__title">'
                f'{rng.choice(NAMES)} on the {rng.choice(("budget", "port", "strike", "harvest"))} '
                f'{rng.choice(("row", "vote", "deal", "talks", "report"))} {n}</h3><div class="card__meta">'
                f'<time>{rng.randrange(1, 23)} hours ago</time><span class="card__comments">{icon}'
                f'{rng.randrange(400)}</span></div></div></a></article></li>')

    related = ('<section class="related"><h2>More on this story</h2><ul>'
               + "".join(card(n) for n in range(24)) + "</ul></section>"
               '<section class="recommended"><h2>Recommended for you</h2><ul>'
               + "".join(card(n) for n in range(24, 42)) + "</ul></section>")
    most_read = ('<aside class="most-read"><h2>Most read</h2><ol>' + "".join(
        f'<li><a href="/mr/{n}"><span class="rank">{n}</span><span class="headline">{rng.choice(NAMES)} '
        f'{rng.choice(("speaks", "resigns", "returns", "wins"))} {n}</span></a></li>' for n in range(1, 11))
        + "</ol></aside>")
    columns = "".join(f'<div class="footer__col"><h4>Section {c}</h4><ul>' + "".join(
        f'<li><a href="/s/{c}/{k}">Page {c}.{k}</a></li>' for k in range(12)) + "</ul></div>"
        for c in range(8))
    ad = ('<div class="ad-slot"><div class="ad-slot__label"><span>Advertisement</span></div>'
          '<div class="ad-slot__frame"><div id="ad-{n}"></div></div></div>')
    count = iter(range(10**6))

    def wrapped(paragraph: re.Match[str]) -> str:
        slot = ad.replace("{n}", str(next(count))) if rng.random() < 0.3 else ""
        inner = f'<div class="block__inner">{paragraph.group(0)}</div>'
        return f'<div class="block block--text">{inner}</div>{slot}'

    markup = re.sub(r"(<p>|<p [^>]*>)(.*?)(</p>)", wrapped, markup, flags=re.S)
    markup = re.sub(r"(<h1[^>]*>.*?</h1>)", lambda m: m.group(1) + share, markup, count=1, flags=re.S)
    return markup.replace('<div class="footer-links">',
                          f'{related}{most_read}<footer class="footer">{columns}</footer>'
                          '<div class="footer-links">', 1)


WEIGHTS = {"lean": lambda markup, rng: markup, "dressed": dress, "news": news}


def build(folder: Path, pages: int, weight: str, seed: int = 7) -> tuple[list[Path], list[Path]]:
    rng = random.Random(seed)
    fixtures = sorted(FIXTURES.glob("*.html"))
    html_paths, text_paths = [], []
    for n in range(pages):
        markup = vary(fixtures[n % len(fixtures)].read_text(encoding="utf-8"), rng)
        markup = WEIGHTS[weight](markup, rng)
        html_path, text_path = folder / f"page{n:04d}.html", folder / f"page{n:04d}.txt"
        html_path.write_text(markup, encoding="utf-8")
        text_path.write_text(render(markup).text, encoding="utf-8")
        html_paths.append(html_path)
        text_paths.append(text_path)
    return html_paths, text_paths


def readout_run(folder: Path, mode: str) -> int:
    """``readout clean --mode MODE --jsonl FOLDER`` in process: every record as the command writes it."""
    records = (clean_record(entry, article) for entry, article in clean_all([str(folder)], mode))
    return sum(len(json_line(record)) for record in records)


def trafilatura_page(path: Path) -> int:
    return len(trafilatura.extract(path.read_bytes().decode("utf-8"), include_comments=True) or "")


def timed(function, *args) -> float:
    started = time.perf_counter()
    function(*args)
    return time.perf_counter() - started


def paired_round(text_folder: Path, html_paths: list[Path]) -> tuple[float, float]:
    """One round: the command's run over the text folder, one record at a time, each timed next to
    trafilatura on the same page's HTML (the order alternating page by page), so that a burst of load on
    a shared machine hits both alike. The command reads every capture and finds the site furniture before
    its first record: that work is timed with the first record."""
    records = clean_all([str(text_folder)], "text")

    def next_record() -> int:
        entry, article = next(records)
        return len(json_line(clean_record(entry, article)))

    text_total = traf_total = 0.0
    for n, html_path in enumerate(html_paths):
        if n % 2:
            traf_total += timed(trafilatura_page, html_path)
            text_total += timed(next_record)
        else:
            text_total += timed(next_record)
            traf_total += timed(trafilatura_page, html_path)
    assert next(records, None) is None  # one record per page, no more
    return text_total, traf_total


def measure(pages: int, repeat: int, weight: str) -> float:
    """Per-round ratios of text mode to trafilatura (``paired_round``); the median of the rounds' ratios is
    the figure. HTML mode is timed in each round too, for scale, after the pairs: it runs trafilatura
    itself, so timed between them it would hand trafilatura's code and data warm."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "html").mkdir()
        (root / "text").mkdir()
        html_paths, text_paths = build(root, pages, weight)
        for path in html_paths:
            path.rename(root / "html" / path.name)
        for path in text_paths:  # a folder per page: as from as many sites, no furniture shared between them
            (root / "text" / path.stem).mkdir()
            path.rename(root / "text" / path.stem / path.name)
        html_paths = sorted((root / "html").iterdir())
        text_paths = sorted((root / "text").glob("*/*.txt"))
        html_kb = statistics.fmean(p.stat().st_size for p in html_paths) / 1024
        text_kb = statistics.fmean(p.stat().st_size for p in text_paths) / 1024
        elements = statistics.fmean(sum(1 for _ in lxml.html.parse(str(p)).iter()) for p in html_paths)
        text_lines = statistics.fmean(p.read_text(encoding="utf-8").count("\n") + 1 for p in text_paths)
        readout_run(root / "text", "text")  # warm-up: lazy imports and one-time caches
        readout_run(root / "html", "html")
        trafilatura_page(html_paths[0])
        text_ms: list[float] = []
        traf_ms: list[float] = []
        html_ms: list[float] = []
        ratios: list[float] = []
        for _ in range(repeat):
            text, traf = paired_round(root / "text", html_paths)
            html = timed(readout_run, root / "html", "html")
            ratios.append(text / traf)
            text_ms.append(text / pages * 1000)
            traf_ms.append(traf / pages * 1000)
            html_ms.append(html / pages * 1000)
    ratio = statistics.median(ratios)
    print(f"\n{weight} pages: {pages} (on average HTML {html_kb:.1f} KB with {elements:.0f} elements, text "
          f"{text_kb:.1f} KB in {text_lines:.0f} lines), {repeat} rounds")
    print(f"{'':34}{'median ms/page':>16}{'min':>8}{'max':>8}")
    for name, values in (("readout clean --mode text (e2e)", text_ms),
                         ("trafilatura.extract (baseline)", traf_ms),
                         ("readout clean --mode html (e2e)", html_ms)):
        print(f"{name:34}{statistics.median(values):>16.2f}{min(values):>8.2f}{max(values):>8.2f}")
    print(f"ratio text / trafilatura per round: {' '.join(f'{r:.3f}' for r in ratios)}")
    print(f"median ratio: {ratio:.3f} (target <= 0.5: {'met' if ratio <= 0.5 else 'NOT met'})")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds; the median ratio counts")
    parser.add_argument("--weights", default=",".join(WEIGHTS), help="comma-separated: " + ", ".join(WEIGHTS))
    args = parser.parse_args()
    for weight in args.weights.split(","):
        measure(args.pages, args.repeat, weight)


if __name__ == "__main__":
    main()
