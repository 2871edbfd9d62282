class ImportFileError(Exception):
    """The export cannot be read; the message says where and why, for the operator."""


class ImportStopped(Exception):
    """A batched import stopped part-way; the message says what was kept, for the operator."""
