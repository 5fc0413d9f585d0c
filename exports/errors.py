"""Errors raised by the file formats (light to import)."""


class BundleError(Exception):
    """A bundle that cannot be read; the message says why.  Nothing was changed."""
