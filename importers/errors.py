class ImportFileError(Exception):
    """The export cannot be read; the message says where and why, for the operator."""
