"""warwire: war news in, structured and evidence-backed events out.

The pipeline, one package per stage: ingest → nlp → events → geo → outputs.
"""
__version__ = "0.1.0"
