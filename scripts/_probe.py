"""What the tuning checks (perturb_corpus, swap_places, swap_dates, swap_credits, cut_captions)
share: the folder they read and the refusal of holdout (TEAM rule: holdout is never tuned on)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "real_captions" / "dev"

#: month names the checks write dates with, January first
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}


def arguments() -> tuple[list[str], str | None]:
    """(the paths given, the value after --show or None)."""
    args = [arg for arg in sys.argv[1:] if not arg.startswith("--")]
    show = sys.argv[sys.argv.index("--show") + 1] if "--show" in sys.argv[:-1] else None
    if show in args:
        args.remove(show)
    return args, show


def tuning_folder(args: list[str]) -> Path | None:
    """The folder a check reads (the first path given, else dev); None, after saying why, for a
    holdout folder, however it is named ('holdout/', 'holdout/../holdout', a link to it)."""
    folder = Path(args[0]) if args else DEV
    if "holdout" in folder.resolve().parts:
        print("holdout is not for tuning: run this on dev or a folder of your own")
        return None
    return folder
