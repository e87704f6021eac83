"""The steps of readout's pipeline and the local runner that applies them to a collection."""
