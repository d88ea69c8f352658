"""An uploaded method archive is read without trusting it: every fault is refused with its message.

Fast and offline: no Octave, no cluster. Archives are built in memory,
bombs included, so that each rule is seen to hold on the bytes an attacker
would send.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import stat
import tarfile
import time
import warnings
import zipfile
import zlib
from dataclasses import replace

import dask.config
import pytest

from benchop_dask.catalogue import load_catalogue
from benchop_dask.method_code import MethodCode
from benchop_dask.method_spec import function_prefix, tree_functions
from benchop_dask.upload import (BadUpload, UploadedMethod, UploadLimits, pack_method_folder,
                                 read_method_archive, tree_functions)

CAT = load_catalogue()
BUILTIN = tuple(CAT.methods)
PROBLEMS = tuple(CAT.problems)
LIMITS = UploadLimits.from_config()

SPEC = {"name": "MY-COS", "family": "fourier", "solver": "my_cos_solve", "problems": ["1a-I", "1b-I"],
        "levels": {"default": 2, "max": 4}}
SOLVER = (b"function [U, info] = my_cos_solve (problem, level)\n"
          b"  U = zeros (size (problem.S));\n  info = struct (\"N\", 2 ^ level);\nendfunction\n")
NORMALISED = {"name": "MY-COS", "family": "fourier", "title": "MY-COS", "solver": "my_cos_solve",
              "problems": ["1a-I", "1b-I"], "levels": {"default": 2, "max": 4}}
ALLOWED = "only method.json, README.md and .m function files"


def spec_json(**changes) -> bytes:
    """method.json of the fixture method, with keys changed (a value of None drops the key)."""
    record = {**SPEC, **changes}
    return json.dumps({k: v for k, v in record.items() if v is not None}).encode()


def good_files(**changes) -> list[tuple[str, bytes]]:
    return [("method.json", spec_json(**changes)), ("my_cos_solve.m", SOLVER)]


def tar_of(files=(), extra=(), *, compress=True) -> bytes:
    """A tar (gzip-compressed unless told) of ``files`` (name, data) and then the members ``extra``."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for name, data in files:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        for info in extra:
            archive.addfile(info)
    return gzip.compress(raw.getvalue()) if compress else raw.getvalue()


def tar_member(name: str, kind: bytes, linkname: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info


def zip_of(files, compression=zipfile.ZIP_DEFLATED) -> bytes:
    """A zip of ``files``: (name or ZipInfo, data)."""
    out = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate names some tests want
        with zipfile.ZipFile(out, "w", compression) as archive:
            for name, data in files:
                archive.writestr(name, data)
    return out.getvalue()


def read(data: bytes, **kwargs) -> UploadedMethod:
    return read_method_archive(data, builtin_methods=kwargs.pop("builtin_methods", BUILTIN), problems=PROBLEMS,
                               limits=kwargs.pop("limits", LIMITS), **kwargs)


def refused(data: bytes, **kwargs) -> list[str]:
    with pytest.raises(BadUpload) as caught:
        read(data, **kwargs)
    return caught.value.messages


def write_folder(directory, files) -> None:
    directory.mkdir()
    for name, data in files:
        (directory / name).write_bytes(data)


# -- what passes ---------------------------------------------------------------------

def test_the_limits_are_the_settings():
    assert LIMITS == UploadLimits(max_archive_bytes=1048576, max_files=64, max_file_bytes=262144,
                                  max_unpacked_bytes=2097152)
    with dask.config.set({"benchop.uploads.max-files": 3}):
        assert UploadLimits.from_config().max_files == 3


def test_a_good_folder_packs_and_reads_back(tmp_path):
    write_folder(tmp_path / "MY-COS", good_files())
    packed = pack_method_folder(tmp_path / "MY-COS", limits=LIMITS)
    method = read(packed)
    assert method.spec == NORMALISED
    assert method.code.names == ("method.json", "my_cos_solve.m")
    assert method.code.file("my_cos_solve.m") == SOLVER
    assert method.code.file("method.json") == spec_json()


def test_a_packed_folder_is_the_same_every_time(tmp_path):
    write_folder(tmp_path / "MY-COS", [*good_files(), ("README.md", b"# My COS\n")])
    packed = pack_method_folder(tmp_path / "MY-COS", limits=LIMITS)
    os.utime(tmp_path / "MY-COS" / "method.json", (12345, 12345))
    assert pack_method_folder(tmp_path / "MY-COS", limits=LIMITS) == packed
    assert packed[4:8] == b"\0\0\0\0"  # the gzip header's mtime
    with tarfile.open(fileobj=io.BytesIO(packed), mode="r:gz") as archive:
        members = archive.getmembers()
    assert [m.name for m in members] == ["README.md", "method.json", "my_cos_solve.m"]
    assert all(m.isreg() and m.mode == 0o644 and m.mtime == 0 and m.uid == m.gid == 0
               and m.uname == m.gname == "" for m in members)


def test_a_zip_with_a_top_folder_reads_the_same(tmp_path):
    write_folder(tmp_path / "MY-COS", good_files())
    from_tar = read(pack_method_folder(tmp_path / "MY-COS", limits=LIMITS))
    zipped = zip_of([("MY-COS/", b""), *((f"MY-COS/{name}", data) for name, data in good_files())])
    from_zip = read(zipped)
    assert from_zip == from_tar
    assert from_zip.code.digest() == from_tar.code.digest()


def test_a_plain_tar_of_a_dot_folder_reads():
    # tar -cf method.tar -C MY-COS . : a "." folder, then ./NAME
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        archive.addfile(tar_member(".", tarfile.DIRTYPE))
        for name, data in good_files():
            info = tarfile.TarInfo(f"./{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    method = read(raw.getvalue())
    assert method.spec == NORMALISED
    assert method.code.names == ("method.json", "my_cos_solve.m")


def test_a_split_solver_and_a_title_are_kept():
    files = [("method.json", spec_json(title="My COS", check="my_cos_check", price="my_cos_price")),
             ("my_cos_solve.m", SOLVER), ("my_cos_check.m", b"%"), ("my_cos_price.m", b"%")]
    spec = read(zip_of(files)).spec
    assert spec == {**NORMALISED, "title": "My COS", "check": "my_cos_check", "price": "my_cos_price"}
    assert list(spec) == ["name", "family", "title", "solver", "check", "price", "problems", "levels"]


def test_the_prefix_of_a_method():
    assert function_prefix("MY-COS") == "my_cos_"
    assert function_prefix("RBF2") == "rbf2_"


# -- the archive and its entries ------------------------------------------------------------

ENTRY_CASES = {
    "absolute path": (tar_of([*good_files(), ("/etc/my_cos_x.m", b"%")]),
                      ["path escapes the method folder: /etc/my_cos_x.m"]),
    "dot-dot in a tar": (tar_of([*good_files(), ("../my_cos_x.m", b"%")]),
                         ["path escapes the method folder: ../my_cos_x.m"]),
    "dot-dot in a zip": (zip_of([*good_files(), ("a/../../my_cos_x.m", b"%")]),
                         ["path escapes the method folder: a/../../my_cos_x.m"]),
    "backslash": (zip_of([*good_files(), ("..\\my_cos_x.m", b"%")]),
                  ["path escapes the method folder: ..\\my_cos_x.m"]),
    "drive letter": (zip_of([*good_files(), ("C:my_cos_x.m", b"%")]),
                     ["path escapes the method folder: C:my_cos_x.m"]),
    "symlink in a tar": (tar_of(good_files(), [tar_member("my_cos_x.m", tarfile.SYMTYPE, "/etc/passwd")]),
                         ["links are not allowed: my_cos_x.m"]),
    "hard link in a tar": (tar_of(good_files(), [tar_member("my_cos_x.m", tarfile.LNKTYPE, "method.json")]),
                           ["links are not allowed: my_cos_x.m"]),
    "device in a tar": (tar_of(good_files(), [tar_member("my_cos_x.m", tarfile.CHRTYPE)]),
                        ["only files and folders are allowed: my_cos_x.m"]),
    "fifo in a tar": (tar_of(good_files(), [tar_member("my_cos_x.m", tarfile.FIFOTYPE)]),
                      ["only files and folders are allowed: my_cos_x.m"]),
    "sub-folder": (tar_of([*good_files(), ("private/my_cos_x.m", b"%")]),
                   ["sub-folders are not allowed: private/my_cos_x.m"]),
    "sub-folder below a top folder": (
        zip_of([("MY-COS/method.json", spec_json()), ("MY-COS/my_cos_solve.m", SOLVER),
                ("MY-COS/private/", b""), ("MY-COS/private/my_cos_x.m", b"%")]),
        ["sub-folders are not allowed: MY-COS/private/", "sub-folders are not allowed: MY-COS/private/my_cos_x.m"]),
    "two top folders": (zip_of([("A/method.json", spec_json()), ("B/my_cos_solve.m", SOLVER)]),
                        ["sub-folders are not allowed: A/method.json", "sub-folders are not allowed: B/my_cos_solve.m"]),
    "duplicate": (zip_of([*good_files(), ("my_cos_solve.m", SOLVER)]), ["duplicate file: my_cos_solve.m"]),
    "PKG_ADD": (tar_of([*good_files(), ("PKG_ADD", b"system ('x');")]), [f"file not allowed: PKG_ADD: {ALLOWED}"]),
    "compiled and hidden files": (
        zip_of([*good_files(), ("PKG_DEL", b""), ("my_cos_fast.oct", b""), ("my_cos_fast.mex", b""),
                (".my_cos_x.m", b""), ("my_cos_data.mat", b""), ("My_cos_x.m", b""), ("MY-COS/x.txt", b"")]),
        [f"file not allowed: {name}: {ALLOWED}" for name in
         ("PKG_DEL", "my_cos_fast.oct", "my_cos_fast.mex", ".my_cos_x.m", "my_cos_data.mat", "My_cos_x.m",
          "MY-COS/x.txt")]),
    "function name too long": (tar_of([*good_files(), ("my_cos_" + "x" * 57 + ".m", b"%")]),
                               [f"function name too long: my_cos_{'x' * 57}.m: Octave's names have at most "
                                "63 characters"]),
    "several faults at once": (
        tar_of([*good_files(), ("PKG_ADD", b"")], [tar_member("my_cos_x.m", tarfile.SYMTYPE, "PKG_ADD")]),
        [f"file not allowed: PKG_ADD: {ALLOWED}", "links are not allowed: my_cos_x.m"]),
    "not an archive": (b"function x = my_cos_solve ()\nendfunction\n", ["not a zip or tar archive"]),
    "empty data": (b"", ["not a zip or tar archive"]),
    "empty zip": (zip_of([]), ["the archive is empty"]),
    "empty tar": (tar_of([]), ["the archive is empty"]),
    "only a folder": (zip_of([("MY-COS/", b"")]), ["the archive is empty"]),
}


@pytest.mark.parametrize("case", list(ENTRY_CASES))
def test_a_bad_entry_is_refused(case):
    data, messages = ENTRY_CASES[case]
    assert refused(data) == messages


def test_a_symlink_in_a_zip_is_refused():
    link = zipfile.ZipInfo("my_cos_x.m")
    link.create_system = 3  # Unix
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    assert refused(zip_of([*good_files(), (link, "/etc/passwd")])) == ["links are not allowed: my_cos_x.m"]


def test_encrypted_and_bzip2_zip_members_are_refused():
    # zipfile writes no encrypted member: set the flag of the stored one by hand, in both its headers.
    data = bytearray(zip_of([*good_files(), ("my_cos_x.m", b"%")]))
    local = data.index(b"my_cos_x.m") - 30  # the name follows a local header of 30 bytes
    central = data.index(b"my_cos_x.m", local + 40) - 46  # and a central one of 46
    assert data[local:local + 4] == b"PK\x03\x04" and data[central:central + 4] == b"PK\x01\x02"
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    assert refused(bytes(data)) == ["encrypted files are not supported: my_cos_x.m"]
    assert refused(zip_of(good_files(), zipfile.ZIP_BZIP2)) == [
        f"unsupported compression: {name}: zip members must be stored or deflated"
        for name in ("method.json", "my_cos_solve.m")]


def test_a_nul_byte_in_a_zip_name_is_refused():
    # zipfile writes no NUL in a name, and cuts a name it reads at one; the stored name still shows it.
    data = zip_of([*good_files(), ("my_cos_x.m#.sh", b"%")]).replace(b"my_cos_x.m#.sh", b"my_cos_x.m\0.sh")
    assert refused(data) == ["path escapes the method folder: 'my_cos_x.m\\x00.sh'"]


def test_many_faults_are_cut_short():
    messages = refused(zip_of([*good_files(), *((f"x{i:02}.txt", b"") for i in range(30))]))
    assert len(messages) == 20
    assert messages[0] == f"file not allowed: x00.txt: {ALLOWED}"
    assert messages[-1] == "and 11 more faults"


@pytest.mark.parametrize("damage", ["truncated zip", "bad zip data", "truncated gzip", "bad gzip data", "bad tar"])
def test_a_damaged_archive_is_refused(damage):
    zipped = zip_of(good_files(), zipfile.ZIP_STORED)
    packed = tar_of(good_files())
    data = {
        "truncated zip": zipped[: len(zipped) // 2],
        "bad zip data": zipped.replace(b"endfunction", b"endfunctioN"),  # the CRC no longer matches
        "truncated gzip": packed[: len(packed) // 2],
        "bad gzip data": packed[:20] + bytes(b ^ 0x5A for b in packed[20:60]) + packed[60:],
        "bad tar": tar_of(good_files(), compress=False)[:148] + b"garbage!" + tar_of(good_files(), compress=False)[156:],
    }[damage]
    messages = refused(data)
    assert len(messages) == 1 and messages[0].startswith("the archive is damaged: "), messages


# -- limits and bombs ------------------------------------------------------------------------

def test_an_archive_over_the_limit_is_refused_unread():
    data = b"PK\x03\x04" + bytes(LIMITS.max_archive_bytes)
    assert refused(data) == ["the archive is larger than 1048576 bytes (benchop.uploads.max-archive-bytes)"]


def test_too_many_files_are_refused():
    files = [*good_files(), *((f"my_cos_f{i}.m", b"%") for i in range(63))]
    assert refused(tar_of(files)) == ["too many files: more than 64 (benchop.uploads.max-files)"]
    assert len(read(zip_of(files[:-1])).code.names) == 64


def test_a_file_too_big_is_refused():
    files = [*good_files(), ("my_cos_big.m", b"%" * (LIMITS.max_file_bytes + 1))]
    expected = ["file too big: my_cos_big.m is larger than 262144 bytes (benchop.uploads.max-file-bytes)"]
    assert refused(zip_of(files)) == expected
    assert refused(tar_of(files)) == expected


def test_files_adding_up_to_too_much_are_refused():
    files = [*good_files(), *((f"my_cos_f{i}.m", b"%" * 250_000) for i in range(9))]
    assert refused(zip_of(files)) == [
        "the files add up to more than 2097152 bytes (benchop.uploads.max-unpacked-bytes)"]


def test_a_zip_bomb_is_refused_quickly():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("my_cos_bomb.m", "w") as member:
            for _ in range(50):
                member.write(bytes(1 << 20))
    bomb = out.getvalue()
    assert len(bomb) < 100_000
    start = time.perf_counter()
    messages = refused(bomb)
    assert time.perf_counter() - start < 2
    assert messages == ["file too big: my_cos_bomb.m is larger than 262144 bytes (benchop.uploads.max-file-bytes)"]


def gzip_bomb(name: str, size: int) -> bytes:
    """A tar.gz of one member of ``size`` zero bytes, compressed without ever holding them."""
    info = tarfile.TarInfo(name)
    info.size = size
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunks = [deflate.compress(info.tobuf(tarfile.GNU_FORMAT))]
    chunk = bytes(1 << 20)
    for _ in range(size // len(chunk)):
        chunks.append(deflate.compress(chunk))
    chunks.append(deflate.compress(bytes(2 * 512)))
    chunks.append(deflate.flush())
    return b"".join(chunks)


@pytest.mark.parametrize("name", ["my_cos_bomb.m", "zeros.bin"])
def test_a_gzip_bomb_is_refused_quickly(name):
    bomb = gzip_bomb(name, 200 << 20)
    assert len(bomb) < 300_000
    start = time.perf_counter()
    messages = refused(bomb)
    assert time.perf_counter() - start < 2
    cap = LIMITS.max_unpacked_bytes + (LIMITS.max_files + 1) * 2048 + 20480
    first = (f"file too big: {name} is larger than 262144 bytes (benchop.uploads.max-file-bytes)"
             if name.endswith(".m") else f"file not allowed: {name}: {ALLOWED}")
    assert messages == [first, f"the archive unpacks to more than {cap} bytes: its files may add up to at most "
                               f"2097152 (benchop.uploads.max-unpacked-bytes)"]


# -- method.json -------------------------------------------------------------------------------

def known_problems() -> str:
    return ", ".join(PROBLEMS)


SPEC_CASES = {
    "bad name": ({"name": "my-cos"}, ["method.json: name must be upper-case letters and digits in groups joined by "
                                      "'-', starting with a letter, at most 24 characters (e.g. MY-COS), got 'my-cos'"]),
    "name too long": ({"name": "MY-COS-" + "X" * 18}, [
        "method.json: name must be upper-case letters and digits in groups joined by '-', starting with a letter, "
        "at most 24 characters (e.g. MY-COS), got 'MY-COS-XXXXXXXXXXXXXXXXXX'"]),
    "name with a newline": ({"name": "MY-COS\n"}, [
        "method.json: name must be upper-case letters and digits in groups joined by '-', starting with a letter, "
        "at most 24 characters (e.g. MY-COS), got 'MY-COS\\n'"]),
    "unknown family": ({"family": "test"}, [
        "method.json: family must be one of fourier, pde, monte-carlo, rbf, other, got 'test'"]),
    "unknown problem": ({"problems": ["1a-I", "7"]}, [f"method.json: unknown problem '7' (valid: {known_problems()})"]),
    "problem twice": ({"problems": ["1a-I", "1a-I"]}, ["method.json: problem 1a-I is listed twice"]),
    "no problems": ({"problems": []}, ["method.json: problems must be a non-empty list of problem ids, got []"]),
    "missing solver file": ({"solver": "my_cos_price"}, ["method.json: solver my_cos_price has no file my_cos_price.m"]),
    "solver not a function name": ({"solver": "my_cos_solve; system('x')"}, [
        "method.json: solver must be a function name (lower-case letters, digits and _, starting with a letter, "
        "at most 63 characters), got \"my_cos_solve; system('x')\""]),
    "check without price": ({"check": "my_cos_solve"}, ["method.json: check and price go together: give both or neither"]),
    "levels reversed": ({"levels": {"default": 5, "max": 3}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': 5, 'max': 3}"]),
    "level zero": ({"levels": {"default": 0, "max": 3}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': 0, 'max': 3}"]),
    "level past 20": ({"levels": {"default": 1, "max": 21}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': 1, 'max': 21}"]),
    "a bool level": ({"levels": {"default": True, "max": 2}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': True, 'max': 2}"]),
    "a float level": ({"levels": {"default": 2.0, "max": 4}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': 2.0, 'max': 4}"]),
    "levels missing max": ({"levels": {"default": 2}}, [
        'method.json: levels must be {"default": D, "max": M} with integers 1 <= D <= M <= 20, '
        "got {'default': 2}"]),
    "unknown key": ({"domain": {"tol": 1e-4}}, [
        "method.json: unknown key 'domain' (allowed: name, family, solver, problems, levels, title, check, price)"]),
    "missing keys": ({"family": None, "levels": None}, ["method.json: family is missing", "method.json: levels is missing"]),
    "title too long": ({"title": "x" * 201}, [
        f"method.json: title must be one line of text of at most 200 characters, got '{'x' * 36}..."]),
}


@pytest.mark.parametrize("case", list(SPEC_CASES))
def test_a_bad_method_json_is_refused(case):
    changes, messages = SPEC_CASES[case]
    assert refused(tar_of(good_files(**changes))) == messages


def test_a_wrong_prefix_is_refused():
    files = [*good_files(), ("cos_helper.m", b"%"), ("my_cos.m", b"%")]
    assert refused(tar_of(files)) == ["function files must be named my_cos_*.m: cos_helper.m",
                                      "function files must be named my_cos_*.m: my_cos.m"]


def test_a_built_in_name_is_refused_case_insensitively():
    files = [("method.json", spec_json(name="FD-AD", solver="fd_ad_solve")), ("fd_ad_solve.m", SOLVER)]
    assert refused(tar_of(files)) == ["method.json: name FD-AD clashes with the built-in method FD-AD"]
    assert refused(tar_of(good_files()), builtin_methods=["COS", "My-Cos"]) == [
        "method.json: name MY-COS clashes with the built-in method My-Cos"]


def test_a_function_of_the_tree_cannot_be_taken():
    assert {"benchop_solve", "cos_solve", "std_normal_cdf"} <= tree_functions()
    files = [("method.json", spec_json(name="BENCHOP", solver="benchop_solve")), ("benchop_solve.m", SOLVER)]
    assert refused(tar_of(files)) == ["function name already used by Octave or benchop: benchop_solve.m"]
    files = [*good_files(), ("my_cos_print.m", b"%")]
    assert refused(tar_of(files), reserved_functions={"my_cos_print"}) == [
        "function name already used by Octave or benchop: my_cos_print.m"]


@pytest.mark.parametrize("spec, message", [
    (None, "method.json is missing"),
    (b"\xff\xfe{}", "method.json is not UTF-8 text"),
    (b'{"name": ', "method.json is not valid JSON: Expecting value (line 1, column 10)"),
    (b"[1, 2]", "method.json must hold a JSON object, got [1, 2]"),
    (b'{"name": "A", "name": "B"}', "method.json: key 'name' appears twice"),
    (b"[" * 100_000 + b"]" * 100_000, "method.json is nested too deeply"),
])
def test_a_method_json_that_is_no_object_is_refused(spec, message):
    files = [("my_cos_solve.m", SOLVER)] + ([("method.json", spec)] if spec is not None else [])
    assert refused(zip_of(files)) == [message]


# -- packing a folder ----------------------------------------------------------------------------

def test_pack_refuses_what_the_upload_refuses(tmp_path):
    folder = tmp_path / "MY-COS"
    write_folder(folder, [*good_files(), (".DS_Store", b""), ("my_cos_solve.m~", b"")])
    (folder / "private").mkdir()
    (folder / "my_cos_link.m").symlink_to(folder / "my_cos_solve.m")
    with pytest.raises(BadUpload) as caught:
        pack_method_folder(folder, limits=LIMITS)
    assert caught.value.messages == [f"file not allowed: .DS_Store: {ALLOWED}", "links are not allowed: my_cos_link.m",
                                     f"file not allowed: my_cos_solve.m~: {ALLOWED}",
                                     "sub-folders are not allowed: private"]


def test_pack_refuses_a_missing_folder_and_the_limits(tmp_path):
    with pytest.raises(BadUpload) as caught:
        pack_method_folder(tmp_path / "nowhere", limits=LIMITS)
    assert caught.value.messages == [f"no method folder at {tmp_path / 'nowhere'}"]

    folder = tmp_path / "MY-COS"
    write_folder(folder, [*good_files(), ("my_cos_big.m", b"%" * 1000)])
    for limits, message in [
        (replace(LIMITS, max_files=2), "too many files: more than 2 (benchop.uploads.max-files)"),
        (replace(LIMITS, max_file_bytes=999),
         "file too big: my_cos_big.m is larger than 999 bytes (benchop.uploads.max-file-bytes)"),
        (replace(LIMITS, max_unpacked_bytes=1000),
         "the files add up to more than 1000 bytes (benchop.uploads.max-unpacked-bytes)"),
        (replace(LIMITS, max_archive_bytes=100),
         "the packed method folder is larger than 100 bytes (benchop.uploads.max-archive-bytes)"),
    ]:
        with pytest.raises(BadUpload) as caught:
            pack_method_folder(folder, limits=limits)
        assert caught.value.messages == [message]


# -- the code of a method ---------------------------------------------------------------------------

def test_method_code_is_sorted_and_named_by_its_digest():
    code = MethodCode((("b.m", b"2"), ("a.m", b"1")))
    assert code.files == (("a.m", b"1"), ("b.m", b"2"))
    assert code.names == ("a.m", "b.m")
    assert code.total_bytes == 2
    assert code.file("b.m") == b"2"
    with pytest.raises(KeyError):
        code.file("c.m")
    assert code.digest() == MethodCode((("a.m", b"1"), ("b.m", b"2"))).digest()
    assert len(code.digest()) == 64
    # The framing keeps names and contents apart.
    assert MethodCode((("ab", b"c"),)).digest() != MethodCode((("a", b"bc"),)).digest()
    assert MethodCode((("a", b""), ("b", b""))).digest() != MethodCode((("a", b"b"),)).digest()
    with pytest.raises(ValueError):
        MethodCode((("a.m", b"1"), ("a.m", b"2")))


def test_method_code_writes_its_files(tmp_path):
    code = MethodCode((("method.json", b"{}"), ("my_cos_solve.m", SOLVER)))
    old = os.umask(0o077)
    try:
        code.write_to(tmp_path / "methods" / "MY-COS")
    finally:
        os.umask(old)
    folder = tmp_path / "methods" / "MY-COS"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert sorted(p.name for p in folder.iterdir()) == ["method.json", "my_cos_solve.m"]
    assert (folder / "my_cos_solve.m").read_bytes() == SOLVER
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in folder.iterdir())


@pytest.mark.parametrize("name", ["../x.m", "a/b.m", "..", ".", "", "a\\b.m", "a\0.m"])
def test_method_code_refuses_to_write_outside_its_folder(tmp_path, name):
    with pytest.raises(ValueError):
        MethodCode((("a.m", b"1"), (name, b"x"))).write_to(tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_method_code_never_writes_through_a_link(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.m").symlink_to(tmp_path / "target")
    with pytest.raises(OSError):
        MethodCode((("a.m", b"1"),)).write_to(tmp_path / "out")
    assert not (tmp_path / "target").exists()
