"""Does the parser read a photographer's name it has never met, in any common shape of a name?

    .venv/bin/python scripts/swap_credits.py [FOLDER] [--show FORM]

A metamorphic check, not a score (as scripts/perturb_corpus.py and scripts/swap_places.py): each
block of FOLDER (by default the dev half of tests/data/real_captions) whose expected credit the
parser reads is parsed again with the person's name in the credit ('REUTERS/Ina Muster', 'Jean
DUPONT / AFP', 'Foto: M. Beispiel') replaced everywhere in the text (in capitals where the text
writes it in capitals) by an invented name: once of the same shape, word for word (an initial for
an initial, a particle kept, a hyphen kept, capitals for capitals), and once for each shape of
FORMS (accents, 'de la', 'van der', 'von', hyphens, an initial, a middle initial, capitals, AFP's
capitalised surname, three words, an apostrophe, letters beyond Latin-1, 'Al-'). The credit
should follow: the expected credit with the name replaced. The output is, per form, how many
blocks were tried and how many lost the credit; `--show FORM` (or `--show all`) lists them.
The person's name is found by its shape: a part of the credit between separators ('/', '|', ',',
' - ', 'via', 'par', 'by') of one to four capitalised words, initials or particles, no agency's
or organisation's word among them.

Holdout is never read: this is a tuning tool (TEAM rule), so a holdout folder is refused.
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from captions.core.textfiles import read_text  # noqa: E402
from captions.ingest import parse_blocks  # noqa: E402
from captions.ingest.blocks import split_blocks  # noqa: E402
from scripts._probe import arguments, tuning_folder  # noqa: E402

# Invented names, one per shape (no real photographer meant).
FORMS = {
    "plain": "Joost Achterberg",
    "accents": "Ángela Lemaître",
    "de la": "Maëlle de la Fuente",
    "van der": "Pieter van der Meulen",
    "von": "Lothar von Falkenrath",
    "hyphenated first name": "Jean-Baptiste Moreau",
    "hyphenated surname": "Nuria Oyarzábal-Ríos",
    "initial": "M. Ehresmann",
    "middle initial": "Carla J. Whitmore",
    "all capitals": "GRÉGOIRE BEXHÖFT",
    "capitalised surname (AFP)": "Søren THORVALDSEN",
    "three words": "Tomás Castellví Oyarzábal",
    "apostrophe": "Siobhán O'Dwyer",
    "beyond Latin-1": "Łukasz Wąsowicz",
    "Al- prefix": "Samir Al-Khatib",
}


def _words(text: str) -> list[str]:
    return text.split()


# Word for word for the same shape as the original: first names, then surnames
_FIRST = _words(
    "Inès Joost Zoë Sébastien Ángela Jürgen Björn Maëlle Nuria Tomás Élodie Søren Agnès Grégoire Lothar Renée"
)
_LAST = _words(
    "Ehresmann Ríos Bexhöft Lemaître Quiñones Thorvaldsen Falkenrath Brévannes Oyarzábal Dürrenfeld Castellví "
    "Achterberg Maréchal Ibáñez Wennerström Haußmann"
)
_PARTICLES = frozenset(_words("de la le du des del di da dos das van der den von zu ter ten y e"))
_ARTICLES = frozenset(_words("the le la les el los las der die das il lo"))

_DATA = json.loads((ROOT / "captions" / "data" / "credit_patterns.json").read_text(encoding="utf-8"))
# words no person's name holds: agencies, libraries, labels, and organisations' nouns
_ORGANISATION_WORDS = (
    (
        frozenset(
            word.casefold()
            for phrase in (*_DATA["agencies"], *_DATA["stock_libraries"], *_DATA["credit_labels"])
            for word in re.split(r"[\s/-]+", phrase)
            if len(word) > 1
        )
        | frozenset(
            _words(
                "photo photos foto fotos photograph images image picture pictures press presse prensa news agency "
                "agence agencia archive archives archiv archivo collection collections sammlung coleccion colección "
                "museum musée museo library bibliothèque biblioteca stock staff pool handout courtesy department "
                "division program programme service services office ministry ministère ministerio police polizei "
                "feuerwehr army navy force forces corps company co inc ltd gmbh ag sa studio estudio times tribune "
                "post journal zeitung universal devoir mirror herald gazette daily noticias diario city county state "
                "national nacional université university universität gallery galerie society institute institut "
                "foundation fondation fundación stiftung public publique commons wikimedia unknown inconnu "
                "unbekannt desconocido anonymous anonyme anónimo sgt specialist class private cpl lt capt verlag "
                "bundesarchiv stadtarchiv landesarchiv fotoarchiv photopress comp publishing zollverwaltung fire "
                "rescue familia administration fons fotògrafs fotográfico bürgerschaft coast guard ihk newspaper "
                "explorer phot new york nuevo mundo marine radio heritage tercera sports today usa "
                "historische ansichtskarte postcard carte postale postal postkarte défense departamental "
                "fotograf photographe fotógrafo"
            )
        )
    )
    - _ARTICLES
    - _PARTICLES
)
_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+(?:-[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ'’]+)*"
_CAPS = r"[A-ZÀ-ÖØ-Þ]{2,}(?:['’-][A-ZÀ-ÖØ-Þ]+)*"
_TOKEN_RE = re.compile(rf"(?:(?P<initial>[A-Z]\.)|(?P<word>{_WORD})|(?P<caps>{_CAPS})|(?P<particle>[a-z]{{1,3}}))")
_SEPARATORS_RE = re.compile(r"\s*(?:[/|;,(){}\[\]]|\s[-–—]\s|\s(?:via|par|by|por|for|pour|para)\s)\s*")


def _is_name(part: str) -> bool:
    tokens = part.split()
    if not 1 <= len(tokens) <= 4 or any(character.isdigit() for character in part):
        return False
    kinds = []
    for token in tokens:
        match = _TOKEN_RE.fullmatch(token)
        if match is None or token.casefold().strip(".") in _ORGANISATION_WORDS:
            return False
        if match["particle"] and token not in _PARTICLES:
            return False
        if token.casefold() in _ARTICLES and not match["particle"]:
            return False
        kinds.append(match.lastgroup)
    if kinds[0] == "particle" or kinds[-1] in ("particle", "initial"):
        return False
    if len(tokens) == 1:
        return kinds[0] == "word" and len(tokens[0]) >= 4  # a surname alone ('Carstensen/dpa')
    return True


def person_names(credit: str) -> list[str]:
    """The parts of a credit that are a person's name, by their shape (a surname alone only
    beside another part: 'Carstensen/dpa')."""
    names = []
    parts = _SEPARATORS_RE.split(credit)
    for part in parts:
        part = part.strip(" .:")
        words = part.split()
        # an agency written after the name without a separator: 'MIRCEA ROSCA EFE', 'Eugene Hoshiko AP'
        while len(words) > 2 and words[-1].casefold() in _ORGANISATION_WORDS:
            words.pop()
        while len(words) > 2 and words[0].casefold() in _ORGANISATION_WORDS:
            words.pop(0)
        part = " ".join(words)
        if part and _is_name(part) and (" " in part or len(parts) > 1):
            names.append(part)
    return names


def same_shape(name: str, seed: str) -> str:
    """An invented name of the shape of `name`, word for word."""
    choice = random.Random(zlib.crc32(seed.encode()))
    tokens = name.split()
    out = []
    for index, token in enumerate(tokens):
        match = _TOKEN_RE.fullmatch(token)
        kind = match.lastgroup if match else ("caps" if token.isupper() else "word")
        if kind == "initial":
            letters = [letter for letter in "ABCDEFGHJKLMNPRSTVW" if letter != token[0]]
            out.append(choice.choice(letters) + ".")
        elif kind == "particle":
            out.append(token)
        else:
            pool = _FIRST if index < len(tokens) - 1 else _LAST
            pieces = [choice.choice(pool) for _ in token.split("-")]
            word = "-".join(pieces)
            out.append(word.upper() if kind == "caps" else word)
    return " ".join(out)


def _occurrences(name: str) -> re.Pattern:
    return re.compile(
        r"(?<![\w'’-])" + r"\s+".join(re.escape(word) for word in name.split()) + r"(?![\w'’]|-\w)", re.IGNORECASE
    )


def _written(occurrence: str, name: str, new: str) -> str:
    if occurrence != name and occurrence.isupper():
        return new.upper()  # 'PHOTO JEAN EXEMPLE' over 'Jean Exemple'
    return new


def swap(text: str, names: dict[str, str]) -> str:
    for name, new in names.items():
        text = _occurrences(name).sub(lambda match, name=name, new=new: _written(match.group(), name, new), text)
    return text


def _fold(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", value or "").split()).casefold()


def probe(folder: Path):
    """{form: [tried, lost]}, the losses, and the shapes of the names tried."""
    table: dict[str, list[int]] = {}
    losses: list[tuple[str, str]] = []
    shapes: dict[str, int] = {}
    for path in sorted(folder.glob("*.expected.json")):
        name = path.name[: -len(".expected.json")]
        expected_blocks = json.loads(path.read_text(encoding="utf-8"))
        expected_blocks = expected_blocks if isinstance(expected_blocks, list) else [expected_blocks]
        blocks = split_blocks(read_text(str(folder / f"{name}.txt")))
        if len(blocks) != len(expected_blocks):
            continue
        for index, (block, expected) in enumerate(zip(blocks, expected_blocks, strict=True)):
            credit = expected.get("credit")
            if not credit:
                continue
            records = parse_blocks(block)
            if len(records) != 1 or _fold(records[0].credit) != _fold(credit):
                continue  # (the parser misses it already: score_corpus --mismatches shows it)
            people = [person for person in person_names(credit) if _occurrences(person).search(block)]
            if not people:
                continue
            for person in people:
                shape = " ".join(_TOKEN_RE.fullmatch(token).lastgroup for token in person.split())
                shapes[shape] = shapes.get(shape, 0) + 1
            variants = {"same shape": None, **FORMS}
            for label, form in variants.items():
                news = {
                    person: form if form is not None else same_shape(person, f"{name}{index}{person}")
                    for person in people
                }
                if form is not None and len(people) > 1:
                    # two people: the second gets the same shape with other words
                    for position, person in enumerate(people[1:], 1):
                        news[person] = same_shape(form, f"{name}{position}")
                wanted = swap(credit, news)
                after = parse_blocks(swap(block, news))
                got = after[0].credit if len(after) == 1 else None
                row = table.setdefault(label, [0, 0])
                row[0] += 1
                if _fold(got) != _fold(wanted):
                    row[1] += 1
                    losses.append((label, f"  {name}[{index}] {credit!r} -> want {wanted!r}, got {got!r}"))
    return table, losses, shapes


def main() -> int:
    args, show = arguments()
    folder = tuning_folder(args)
    if folder is None:
        return 2
    table, losses, shapes = probe(folder)
    if show:
        print("\n".join(line for form, line in losses if show == "all" or form == show))
    print(
        "names tried by shape: "
        + ", ".join(f"{shape} {count}" for shape, count in sorted(shapes.items(), key=lambda item: -item[1]))
    )
    print(f"{'form of the new name':<30} {'tried':>6} {'lost':>6}")
    total = [0, 0]
    for label, (tried, lost) in table.items():
        print(f"{label:<30} {tried:>6} {lost:>6}")
        total[0] += tried
        total[1] += lost
    print(
        f"{'all forms':<30} {total[0]:>6} {total[1]:>6}  ({100 * (total[0] - total[1]) / max(total[0], 1):.1f}% kept)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
