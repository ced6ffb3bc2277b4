"""Rebuilds the real image corpus (docs/METADATA.md) from the public repositories it was taken from.

    # 1. bring each repository SOURCES.md names onto this machine (the `fetch` tool:
    #    `fetch github:exiftool/exiftool` puts a bare git directory under /work/.mirror/)
    # 2. copy the pinned files out of them:
    python scripts/image_corpus/build.py /work/corpus/images [--set base] [--mirrors /work/.mirror]

Every file is read from its repository at the pinned commit (`git cat-file blob COMMIT:PATH`),
checked against the SHA-256 in SOURCES.md and written as TARGET/<collection>/<name>. A copy of
SOURCES.md goes beside the folder, not into it (TARGET.SOURCES.md): the corpus folder holds
image files only, as a folder an editor imports would (`import_images TARGET` took the list for
a refused file). `--set base` (or grown, fresh) builds one set only, without it every file.
The image files are never committed (TEAM.md): only this list.
Prints what is missing (a repository not fetched, a commit the snapshot lacks, a changed file)
and exits 1 if anything is; never downloads anything itself.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.join(HERE, "SOURCES.md")
COLUMNS = ["set", "file", "repository", "commit", "path", "licence", "sha256"]


@dataclass(frozen=True)
class Entry:
    set: str
    file: str
    repository: str
    commit: str
    path: str
    licence: str
    sha256: str


def entries(sources: str = SOURCES) -> list[Entry]:
    """The rows of SOURCES.md's file table (the one whose header is COLUMNS)."""
    rows, in_table = [], False
    with open(sources, encoding="utf-8") as handle:
        for line in handle:
            cells = [c.strip().strip("`") for c in line.strip().strip("|").split("|")]
            if not line.startswith("|"):
                in_table = False
            elif cells == COLUMNS:
                in_table = True
            elif in_table and not set(cells[0]) <= {"-", " "}:
                rows.append(Entry(*cells))
    return rows


def git_dir(mirrors: str, repository: str) -> str | None:
    base = os.path.join(mirrors, repository.replace("/", "+"), "repo")
    for candidate in (os.path.join(base, ".git"), base):
        if os.path.isfile(os.path.join(candidate, "HEAD")):
            return candidate
    return None


def listing_path(target: str) -> str:
    """Where the copy of SOURCES.md goes: beside the corpus folder (/work/corpus/images ->
    /work/corpus/images.SOURCES.md), never inside it."""
    return os.path.normpath(target) + ".SOURCES.md"


def build(target: str, mirrors: str, only_set: str | None = None, sources: str = SOURCES) -> list[str]:
    """Writes the files; returns the problems (empty when every file is there and unchanged)."""
    problems: list[str] = []
    chosen = [e for e in entries(sources) if only_set in (None, e.set)]
    for repository in sorted({e.repository for e in chosen}):
        if git_dir(mirrors, repository) is None:
            problems.append(f"{repository}: not under {mirrors} (fetch github:{repository})")
    written = 0
    for entry in chosen:
        folder = git_dir(mirrors, entry.repository)
        if folder is None:
            continue
        proc = subprocess.run(
            ["git", "--git-dir", folder, "cat-file", "blob", f"{entry.commit}:{entry.path}"],
            capture_output=True,
            check=False,
        )
        if proc.returncode:
            problems.append(f"{entry.file}: {entry.repository} has no {entry.path} at {entry.commit[:12]}")
            continue
        if hashlib.sha256(proc.stdout).hexdigest() != entry.sha256:
            problems.append(f"{entry.file}: {entry.path} at {entry.commit[:12]} is not the file listed")
            continue
        path = os.path.join(target, entry.file)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as handle:
            handle.write(proc.stdout)
        written += 1
    os.makedirs(target, exist_ok=True)
    shutil.copyfile(sources, listing_path(target))
    print(f"{written} of {len(chosen)} files written under {target}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", help="the corpus folder to fill (outside the repository)")
    parser.add_argument("--mirrors", default="/work/.mirror", help="where fetch puts the repositories")
    parser.add_argument("--set", dest="only_set", help="only this set of SOURCES.md (base, grown, fresh)")
    args = parser.parse_args()
    problems = build(args.target, args.mirrors, args.only_set)
    for problem in problems:
        print("missing:", problem, file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
