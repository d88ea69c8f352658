"""The checks of an uploaded method: an archive of a method folder, read without trusting it.

Users upload their own pricing method as a zip, a tar or a gzip-compressed
tar of a method folder (benchop/METHODS.md). Nothing in the archive is
trusted: not its kind, its names, its entry types nor its declared sizes. It
is read in memory and never extracted: every member's data is read with a
cap and a gzip stream is inflated with one, so that a zip or gzip bomb is
refused after reading about the limit. Only plain files with names from a
short list are kept: no links, no sub-folders, nothing that Octave loads by
itself (PKG_ADD, compiled .oct and .mex files). method.json is checked like
a built-in method's, more strictly (:mod:`.method_spec`).

The limits are the ``benchop.uploads`` settings; the rules are the constants
below. Every fault is a one-line message for the user; several are reported
at once where one does not hide the others.
"""

from __future__ import annotations

import gzip
import io
import re
import stat
import struct
import tarfile
import zipfile
import zlib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Iterator

import dask.config

from .method_code import MethodCode
from .method_spec import (FUNCTION_FILE, MAX_FUNCTION_CHARS, README_FILE, SPEC_FILE, BadSpec, check_spec,
                          tree_functions)
from .validation import BadRequest, shown

# Faults reported at once: enough to fix a folder in one go, few enough to read.
MAX_FAULTS = 20
# Room a gzip-compressed tar may inflate to beyond its files' bytes: each
# member's header, padding and long-name or pax records, and the end blocks
# padded to a 10240-byte record.
TAR_ROOM_PER_MEMBER = 4 * 512
TAR_END_ROOM = 2 * 10240

_DRIVE = re.compile(r"[A-Za-z]:")
# What a reader or decoder may raise on a damaged archive.
_DAMAGED = (zipfile.BadZipFile, zipfile.LargeZipFile, tarfile.TarError, zlib.error, EOFError, OSError,
            ValueError, struct.error, NotImplementedError, OverflowError)
_KIND_FAULTS = {
    "link": "links are not allowed: {name}",
    "special": "only files and folders are allowed: {name}",
    "encrypted": "encrypted files are not supported: {name}",
    "compressed": "unsupported compression: {name}: zip members must be stored or deflated",
}


class BadUpload(BadRequest):
    """An uploaded method that is refused; ``messages`` holds one line per fault."""


@dataclass(frozen=True)
class UploadLimits:
    """What one upload may hold, in bytes and files (the ``benchop.uploads`` settings)."""

    max_archive_bytes: int
    max_files: int
    max_file_bytes: int
    max_unpacked_bytes: int

    @classmethod
    def from_config(cls) -> UploadLimits:
        return cls(**{f.name: int(dask.config.get(_setting(f.name))) for f in fields(cls)})


@dataclass(frozen=True)
class UploadedMethod:
    """An upload that passed every check: its method.json, normalised, and its files."""

    spec: dict[str, Any]
    code: MethodCode


def _setting(field_name: str) -> str:
    return "benchop.uploads." + field_name.replace("_", "-")


# -- messages -----------------------------------------------------------------

def _show(name: str) -> str:
    """An archive's name in a message: as it is if it is short and printable, else quoted and cut."""
    return name if name.isprintable() and 0 < len(name) <= 100 else shown(name, 100)


def _too_many_files(limits: UploadLimits) -> str:
    return f"too many files: more than {limits.max_files} ({_setting('max_files')})"


def _file_too_big(name: str, limits: UploadLimits) -> str:
    return f"file too big: {_show(name)} is larger than {limits.max_file_bytes} bytes ({_setting('max_file_bytes')})"


def _too_much_data(limits: UploadLimits) -> str:
    return (f"the files add up to more than {limits.max_unpacked_bytes} bytes "
            f"({_setting('max_unpacked_bytes')})")


def _capped(faults: list[str]) -> list[str]:
    if len(faults) <= MAX_FAULTS:
        return faults
    return faults[: MAX_FAULTS - 1] + [f"and {len(faults) - MAX_FAULTS + 1} more faults"]


def _reason(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return (text[:200] if text else type(exc).__name__)


# -- the file rules ---------------------------------------------------------------

def _file_name_fault(base: str, name: str) -> str | None:
    """Why a file called ``base`` (``name`` in the archive) may not be uploaded, or None."""
    if base in (SPEC_FILE, README_FILE):
        return None
    if not FUNCTION_FILE.fullmatch(base):
        return f"file not allowed: {_show(name)}: only {SPEC_FILE}, {README_FILE} and .m function files"
    if len(base) - 2 > MAX_FUNCTION_CHARS:
        return f"function name too long: {_show(name)}: Octave's names have at most {MAX_FUNCTION_CHARS} characters"
    return None


def _parts(name: str) -> list[str] | None:
    """The components of an archive's path, or None if the path could leave the method folder."""
    if not name or "\0" in name or "\\" in name or name.startswith("/") or _DRIVE.match(name):
        return None
    parts = [part for part in name.split("/") if part not in ("", ".")]
    return None if ".." in parts else parts


@dataclass(frozen=True)
class _Entry:
    """One member of an archive: its name there, its kind and, for a file that may be kept, its data."""

    name: str
    kind: str  # "file", "dir", or a key of _KIND_FAULTS
    data: bytes | None = None


def _entry_fault(entry: _Entry, parts: list[str] | None) -> str | None:
    if parts is None or (not parts and entry.kind != "dir"):
        return f"path escapes the method folder: {_show(entry.name)}"
    if entry.kind in _KIND_FAULTS:
        return _KIND_FAULTS[entry.kind].format(name=_show(entry.name))
    if entry.kind == "file":
        return _file_name_fault(parts[-1], entry.name)
    return None


# A member as an archive gives it: its name, its kind and how to read at most n bytes of its data.
_Member = tuple[str, str, Callable[[int], bytes]]


class _Overflow(Exception):
    """A compressed stream inflated past its cap."""


def _collect(members: Iterable[_Member], limits: UploadLimits) -> tuple[list[_Entry], list[str]]:
    """Read the members, each file's data capped; stop past the file count or the total bytes.

    Returns the entries and the faults of the limits. A file that is refused
    by its name is not read, so only the data that may be kept counts.
    """
    entries: list[_Entry] = []
    faults: list[str] = []
    files = total = 0
    try:
        for name, kind, read in members:
            entry = _Entry(name, kind)
            if kind == "file":
                files += 1
                if files > limits.max_files:
                    faults.append(_too_many_files(limits))
                    break
                if _entry_fault(entry, _parts(name)) is None:
                    data = read(limits.max_file_bytes + 1)  # never trust a declared size
                    total += len(data)
                    if len(data) > limits.max_file_bytes:
                        faults.append(_file_too_big(name, limits))
                    else:
                        entry = _Entry(name, kind, data)
                    if total > limits.max_unpacked_bytes:
                        faults.append(_too_much_data(limits))
                        break
            entries.append(entry)
    except _Overflow as exc:
        faults.append(str(exc))
    return entries, faults


def _layout(entries: list[_Entry]) -> tuple[dict[str, bytes], list[str]]:
    """The files by name, at the top level or inside one top folder; and the entries' faults."""
    faults: list[str] = []
    clean: list[tuple[_Entry, list[str]]] = []
    for entry in entries:
        parts = _parts(entry.name)
        fault = _entry_fault(entry, parts)
        if fault:
            faults.append(fault)
        elif parts:  # not the archive's own "." folder
            clean.append((entry, parts))
    # An archive of a folder (zip -r, tar -c MY-COS) holds it as one top folder.
    tops = {parts[0] for _, parts in clean}
    strip = len(tops) == 1 and all(len(parts) > 1 or entry.kind == "dir" for entry, parts in clean)
    files: dict[str, bytes] = {}
    for entry, parts in clean:
        inside = parts[1:] if strip else parts
        if entry.kind == "dir":
            if inside:
                faults.append(f"sub-folders are not allowed: {_show(entry.name)}")
        elif len(inside) > 1:
            faults.append(f"sub-folders are not allowed: {_show(entry.name)}")
        elif inside[0] in files:
            faults.append(f"duplicate file: {_show(entry.name)}")
        elif entry.data is not None:  # else over a limit, and said so
            files[inside[0]] = entry.data
    return files, faults


# -- archive kinds ------------------------------------------------------------------

class _CappedGunzip(io.RawIOBase):
    """The inflated bytes of a gzip stream: reading past ``cap`` of them raises _Overflow."""

    def __init__(self, data: bytes, cap: int, message: str):
        self._input = data
        self._inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # gzip header and trailer
        self._cap = cap
        self._out = 0
        self._message = message

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while True:
            if self._inflate.eof:
                rest = self._inflate.unused_data
                if not rest.strip(b"\0"):  # the end, maybe padded with zeros
                    return 0
                self._inflate = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # another gzip member
                self._input = rest
            if self._out > self._cap:
                raise _Overflow(self._message)
            # max_length bounds what one call inflates: a bomb never gets further than the cap.
            chunk = self._inflate.decompress(self._input, min(len(buffer), self._cap + 1 - self._out))
            self._input = self._inflate.unconsumed_tail
            if chunk:
                buffer[: len(chunk)] = chunk
                self._out += len(chunk)
                return len(chunk)
            if not self._input and not self._inflate.eof:
                raise EOFError("the compressed data ends early")


def _zip_kind(info: zipfile.ZipInfo) -> str:
    file_type = stat.S_IFMT(info.external_attr >> 16)  # the Unix mode, where the archiver kept one
    if file_type == stat.S_IFLNK:
        return "link"
    if info.is_dir() or file_type == stat.S_IFDIR:
        return "dir"
    if file_type not in (0, stat.S_IFREG):
        return "special"
    if info.flag_bits & 0x1:
        return "encrypted"
    # bzip2 and lzma members are inflated by zipfile without a cap on each step.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "compressed"
    return "file"


def _zip_members(data: bytes) -> Iterator[_Member]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            # zipfile cuts a name at a NUL byte; the name as stored shows it.
            name = info.orig_filename if "\0" in info.orig_filename else info.filename

            def read(n: int, info: zipfile.ZipInfo = info) -> bytes:
                with archive.open(info) as member:
                    return member.read(n)

            yield name, _zip_kind(info), read


def _tar_kind(member: tarfile.TarInfo) -> str:
    if member.issym() or member.islnk():
        return "link"
    if member.isdir():
        return "dir"
    if member.isreg() and not member.issparse():
        return "file"
    return "special"


def _tar_members(fileobj: io.IOBase) -> Iterator[_Member]:
    # A stream ("r|"): members are read in order, each once, and skipping one reads through it.
    with tarfile.open(fileobj=fileobj, mode="r|", encoding="utf-8") as archive:
        for member in archive:

            def read(n: int, member: tarfile.TarInfo = member) -> bytes:
                extracted = archive.extractfile(member)
                return extracted.read(n) if extracted is not None else b""

            yield member.name, _tar_kind(member), read


def _members(data: bytes, limits: UploadLimits) -> Iterable[_Member]:
    """The archive's members, by its magic bytes (never its name)."""
    if data.startswith(b"PK\x05\x06"):  # a zip's end record alone: an empty zip
        raise BadUpload("the archive is empty")
    if data.startswith(b"PK\x03\x04"):
        return _zip_members(data)
    if data.startswith(b"\x1f\x8b"):
        cap = limits.max_unpacked_bytes + (limits.max_files + 1) * TAR_ROOM_PER_MEMBER + TAR_END_ROOM
        message = (f"the archive unpacks to more than {cap} bytes: its files may add up to at most "
                   f"{limits.max_unpacked_bytes} ({_setting('max_unpacked_bytes')})")
        return _tar_members(_CappedGunzip(data, cap, message))
    if data[257:262] == b"ustar":
        return _tar_members(io.BytesIO(data))
    raise BadUpload("not a zip or tar archive")


def _read_files(data: bytes, limits: UploadLimits) -> dict[str, bytes]:
    """The archive's files by name, or BadUpload with every fault of its entries and limits."""
    if len(data) > limits.max_archive_bytes:
        raise BadUpload(f"the archive is larger than {limits.max_archive_bytes} bytes "
                        f"({_setting('max_archive_bytes')})")
    try:
        entries, limit_faults = _collect(_members(data, limits), limits)
    except BadUpload:
        raise
    except _DAMAGED as exc:
        raise BadUpload(f"the archive is damaged: {_reason(exc)}") from None
    files, faults = _layout(entries)
    faults += limit_faults
    if faults:
        raise BadUpload(_capped(faults))
    if not files:
        raise BadUpload("the archive is empty")
    return files


# -- the API ------------------------------------------------------------------------

def read_method_archive(data: bytes, *, builtin_methods: Collection[str], problems: Collection[str],
                        limits: UploadLimits, reserved_functions: Collection[str] | None = None) -> UploadedMethod:
    """Check an uploaded archive of a method folder; return its method or raise :class:`BadUpload`.

    ``builtin_methods``: names an upload may not take, compared
    case-insensitively; ``problems``: the problem ids it may support;
    ``reserved_functions``: function names its files may not define (None:
    :func:`tree_functions`; the caller may add Octave's own).
    """
    files = _read_files(bytes(data), limits)
    reserved = tree_functions() if reserved_functions is None else reserved_functions
    try:
        spec = check_spec(files, builtin_methods, problems, reserved)
    except BadSpec as exc:
        raise BadUpload(_capped(exc.messages)) from None
    return UploadedMethod(spec, MethodCode(tuple(files.items())))


def pack_method_folder(directory: Path, *, limits: UploadLimits) -> bytes:
    """What a client uploads: a gzip-compressed tar of the method folder's files, made the same every time.

    The files sit at the archive's top level, sorted, each a regular file of
    mode 0644 owned by uid 0 with mtime 0. The folder must keep the upload's
    file rules and limits (:class:`BadUpload` if not); its method.json is
    checked by the service.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise BadUpload(f"no method folder at {directory}")
    faults: list[str] = []
    kept: list[Path] = []
    for path in sorted(directory.iterdir(), key=lambda p: p.name):
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            faults.append(_KIND_FAULTS["link"].format(name=_show(path.name)))
        elif stat.S_ISDIR(mode):
            faults.append(f"sub-folders are not allowed: {_show(path.name)}")
        elif not stat.S_ISREG(mode):
            faults.append(_KIND_FAULTS["special"].format(name=_show(path.name)))
        else:
            name_fault = _file_name_fault(path.name, path.name)
            if name_fault:
                faults.append(name_fault)
            else:
                kept.append(path)
    if len(kept) > limits.max_files:
        faults.append(_too_many_files(limits))
    contents: list[tuple[str, bytes]] = []
    total = 0
    for path in kept[: limits.max_files]:
        with open(path, "rb") as f:
            data = f.read(limits.max_file_bytes + 1)  # the file may have grown since it was listed
        total += len(data)
        if len(data) > limits.max_file_bytes:
            faults.append(_file_too_big(path.name, limits))
        contents.append((path.name, data))
        if total > limits.max_unpacked_bytes:
            faults.append(_too_much_data(limits))
            break
    if faults:
        raise BadUpload(_capped(faults))
    if not contents:
        raise BadUpload(f"the method folder {directory} holds no files")

    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in contents:
            info = tarfile.TarInfo(name)
            info.size, info.mode, info.mtime = len(data), 0o644, 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            archive.addfile(info, io.BytesIO(data))
    packed = gzip.compress(raw.getvalue(), compresslevel=9, mtime=0)
    if len(packed) > limits.max_archive_bytes:
        raise BadUpload(f"the packed method folder is larger than {limits.max_archive_bytes} bytes "
                        f"({_setting('max_archive_bytes')})")
    return packed
