"""The NLP pipeline: its registered components, and the seam for a user's trained model."""
from __future__ import annotations

from datetime import date

import spacy

from warwire.models import Article
from warwire.nlp.pipeline import build_nlp
from warwire.pipeline import Extractor


def test_pipeline_blank_components_in_order():
    nlp = build_nlp("en")
    assert nlp.pipe_names == ["warwire_line_breaks", "sentencizer", "warwire_mentions"]


def test_pipeline_line_breaks_end_sentences():
    nlp = build_nlp("en")
    doc = nlp("Drones hit Odesa\n\nThe port was damaged, officials said.")
    assert [s.text.strip() for s in doc.sents] == ["Drones hit Odesa", "The port was damaged, officials said."]


def test_pipeline_loads_a_users_model_from_disk(tmp_path):
    """--model NAME|PATH: a trained pipeline's NER adds places the rules would miss."""
    model = spacy.blank("en")
    ruler = model.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "kherson"}])
    model.to_disk(tmp_path / "model")
    extractor = Extractor(model=str(tmp_path / "model"))
    assert "entity_ruler" in extractor.nlp.pipe_names
    text = "Russian shelling killed two civilians in kherson on Monday, the regional governor said."
    events = extractor.extract(Article(id="m", text=text, published=date(2025, 12, 3)))
    assert [(e.type, e.place.name if e.place else None) for e in events] == [("strike", "Kherson")]
