"""kipu's exceptions, one tree::

    KipuError
     ├── SettingsError        a bad option, flag or environment value
     ├── InputError           input kipu cannot use
     │    ├── DictionaryError a dictionary line kipu cannot read (file:line in the message)
     │    └── SourceError     an input path or stream kipu cannot read
     ├── ModelError           the spaCy English pipeline cannot be loaded
     └── StoreError           the store cannot be read or written

A document that is rightly dropped is not an exception: it is a ``records.Rejected``.
"""

from __future__ import annotations


class KipuError(Exception):
    """Base of every error kipu raises on purpose."""


class SettingsError(KipuError):
    """A bad option, flag or environment value."""


class InputError(KipuError):
    """Input kipu cannot use."""


class DictionaryError(InputError):
    """A dictionary file or line kipu cannot read."""


class SourceError(InputError):
    """An input path or stream kipu cannot read."""


class ModelError(KipuError):
    """The spaCy English pipeline cannot be loaded."""


class StoreError(KipuError):
    """The store cannot be read or written."""
