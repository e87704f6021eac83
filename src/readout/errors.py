"""readout's exceptions, each with a message a person can act on."""


class ReadoutError(Exception):
    """Base class: the message is shown to the user as it is."""


class InputError(ReadoutError):
    """An input cannot be read or decoded; the capture is rejected with this message as its reason."""


class StoreError(ReadoutError):
    """The store cannot be opened, migrated or written."""
