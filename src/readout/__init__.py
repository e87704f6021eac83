"""readout: cited, date-honest accounts of events from raw web captures of news articles."""

__version__ = "0.1.0"
