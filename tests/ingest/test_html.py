"""HTML pages: trafilatura for real pages, a tag strip so odd pages keep their text."""
from __future__ import annotations

from datetime import date

from warwire.ingest.html import read_html, strip_tags

PAGE = """<!doctype html><html><head><title>Drones hit Odesa port | Example News</title>
<meta property="article:published_time" content="2025-12-06T08:30:00Z">
<meta property="og:title" content="Drones hit Odesa port"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Drones hit Odesa port</h1>
<p>Russian drones struck port facilities in Odesa overnight, injuring three workers, the head of the
regional military administration said on Saturday morning.</p>
<p>Firefighters put out a blaze at a grain terminal, and power was cut in two districts of the city
while engineers repaired a damaged substation, the city council said in a statement.</p>
</article><footer>Copyright Example News. All rights reserved.</footer></body></html>"""


def test_html_reads_main_text_title_and_date():
    page = read_html(PAGE)
    assert page.method == "trafilatura"
    assert "injuring three workers" in page.text
    assert "All rights reserved" not in page.text
    assert page.title is not None and "Drones hit Odesa port" in page.title
    assert page.published == date(2025, 12, 6)


def test_html_tag_strip_drops_scripts_and_decodes_entities():
    markup = "<div><p>Blast in <b>Kherson</b> &amp; nearby<script>track()</script></p><p>Second</p></div>"
    assert strip_tags(markup) == "Blast in Kherson & nearby\n\nSecond"


def test_html_malformed_page_keeps_its_text():
    markup = "<html><head><title>Night raid</title><body><div><p>Shelling damaged a clinic in Nikopol"
    page = read_html(markup)
    assert "Shelling damaged a clinic in Nikopol" in page.text
    assert page.title == "Night raid"


def test_html_page_without_text_gives_empty_text():
    assert read_html("<html><head><script>x=1</script></head><body></body></html>").text == ""
