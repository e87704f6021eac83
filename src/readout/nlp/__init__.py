"""The language layer: sentences, canonical entities and dates, all mapped back to capture lines.

``load_nlp`` gives the English model once per process; ``annotate_collection`` annotates a whole
collection at once (canonical names are the collection's); ``canonical_map`` unifies people's names
for later stages.
"""

from readout.nlp.annotate import annotate_collection
from readout.nlp.dates import bounds_writing_only
from readout.nlp.names import canonical_map
from readout.nlp.pipeline import load_nlp

__all__ = ["annotate_collection", "bounds_writing_only", "canonical_map", "load_nlp"]
