from readout.model import Article, make_paragraphs


def article(items):
    return Article(source="s", url=None, id="0" * 16, mode="text", text="", title=None, title_lines=None,
                   byline=None, published=None, language=None, paragraphs=make_paragraphs(items))


def test_offsets_map_to_the_lines_that_hold_the_words():
    a = article([("First line.", (3, 3), "content"), ("Second one\nwraps here.", (5, 6), "content")])
    body = a.body
    start = body.index("wraps")
    assert a.lines_of(start, start + 5) == (6, 6)
    assert a.lines_of(0, len(body)) == (3, 6)
    assert a.lines_of(body.index("Second"), body.index("Second") + 6) == (5, 5)
    assert body[a.paragraphs[1].start:a.paragraphs[1].end] == "Second one\nwraps here."


def test_offsets_in_every_paragraph_of_a_long_body():
    a = article([(f"Paragraph {i} line one.\nLine two.", (10 * i + 1, 10 * i + 2), "content")
                 for i in range(50)])
    for i, p in enumerate(a.paragraphs):
        assert a.lines_of(p.start, p.start + 9) == (10 * i + 1, 10 * i + 1)
        assert a.lines_of(p.end - 4, p.end) == (10 * i + 2, 10 * i + 2)
        assert a.lines_of(p.start, p.end) == (10 * i + 1, 10 * i + 2)
    assert a.lines_of(a.paragraphs[3].start, a.paragraphs[5].end) == (31, 52)
