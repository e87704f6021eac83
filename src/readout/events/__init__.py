"""Events: PLOVER-typed records extracted from annotated captures, attributed, and linked across captures.

``extract_events`` reads one document (pure); ``link_events`` merges the mentions of one real-world event.
"""

from readout.events.extract import extract_events
from readout.events.link import link_events

__all__ = ["extract_events", "link_events"]
