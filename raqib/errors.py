"""One error hierarchy; messages say what went wrong and what to do."""


class RaqibError(Exception):
    """Base of every error raqib raises on purpose."""


class InputError(RaqibError):
    """Bad input: a missing file, undecodable bytes, empty text, a malformed record."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None):
        self.source = source
        self.line = line
        where = source or ""
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}" if where else message)


class DataError(RaqibError):
    """A bundled data file is missing or corrupt (reinstall, or rebuild with scripts/)."""
