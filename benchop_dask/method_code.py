"""An uploaded method's code: its files, by name, as bytes.

An uploaded method travels as data (in the results store, with its tasks, to
a worker's sandbox), never as a folder of the machine it was uploaded to.
Its files are flat: a method folder holds no sub-folders, so a name is a
plain file name and writing the files out can never leave the folder.
:mod:`.upload` decides which files an upload may hold; this module only
keeps them, names them by a digest and writes them out.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

# Tells this framing apart from any other hashed with the same function.
_DIGEST_TAG = b"benchop-method-code/1\0"


def is_plain_name(name: str) -> bool:
    """Whether ``name`` is a file name that stays inside any folder it is written to."""
    return (isinstance(name, str) and name not in ("", ".", "..")
            and not any(c in name for c in "/\\\0"))


def _length(n: int) -> bytes:
    return n.to_bytes(8, "big")


@dataclass(frozen=True)
class MethodCode:
    """A method's files, ``(name, contents)`` sorted by name; names are unique."""

    files: tuple[tuple[str, bytes], ...]

    def __post_init__(self) -> None:
        files = tuple(sorted((str(name), bytes(data)) for name, data in self.files))
        names = [name for name, _ in files]
        if len(set(names)) != len(names):
            raise ValueError("a method's file names must be unique")
        object.__setattr__(self, "files", files)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(name for name, _ in self.files)

    @property
    def total_bytes(self) -> int:
        return sum(len(data) for _, data in self.files)

    def file(self, name: str) -> bytes:
        """The contents of file ``name``; KeyError if there is none."""
        for candidate, data in self.files:
            if candidate == name:
                return data
        raise KeyError(name)

    def digest(self) -> str:
        """SHA-256 (hex) of the names and contents: equal exactly when the files are.

        Every name and every content is preceded by its length, so that no two
        different sets of files frame to the same bytes.
        """
        h = hashlib.sha256(_DIGEST_TAG)
        h.update(_length(len(self.files)))
        for name, data in self.files:
            encoded = name.encode("utf-8", "surrogateescape")
            h.update(_length(len(encoded)))
            h.update(encoded)
            h.update(_length(len(data)))
            h.update(data)
        return h.hexdigest()

    def write_to(self, directory: Path) -> None:
        """Write the files into ``directory`` (made, mode 0755, if missing), each mode 0644.

        Every name is checked before anything is written. A file is never
        written through a symbolic link already in the folder.
        """
        bad = [name for name in self.names if not is_plain_name(name)]
        if bad:
            raise ValueError(f"not a plain file name: {bad[0]!r}")
        directory = Path(directory)
        if not directory.is_dir():
            directory.mkdir(parents=True, mode=0o755)
            directory.chmod(0o755)  # mkdir's mode is cut by the umask
        for name, data in self.files:
            fd = os.open(directory / name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o644)
            try:
                os.fchmod(fd, 0o644)  # os.open's mode is cut by the umask, and an existing file keeps its own
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
