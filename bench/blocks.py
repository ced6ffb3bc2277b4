"""Realistic caption blocks for benchmarks: a mix of layouts and languages, each unique."""

import random

CITIES = [
    ("Hamburg", "Germany"),
    ("Moskau", "Russland"),
    ("Paris", "France"),
    ("Madrid", "España"),
    ("Berlin", "Deutschland"),
    ("New York", "USA"),
    ("Lyon", "France"),
    ("Wien", "Österreich"),
]
MONTHS_DE = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
]
MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def alamy_de(rng, n):
    city, country = rng.choice(CITIES)
    w, h, dpi = rng.choice([(1880, 1160, 150), (3543, 2362, 300), (5472, 3648, 300)])
    return (
        f"Menschen warten am Bahnhof in {city} auf den verspäteten Zug Nummer {n}.\n"
        f"{w} x {h} px | {w / dpi * 2.54:.1f} x {h / dpi * 2.54:.1f} cm | {w / dpi:.1f} x {h / dpi:.1f} inches | {dpi}dpi\n"
        f"Aufnahmedatum:\n{rng.randint(1, 28)}. {rng.choice(MONTHS_DE)} {rng.randint(1950, 2024)}\n"
        f"Ort:\nHauptbahnhof, {city}, {country}\n"
        "Weitere Informationen:\nDieses Bild kann kleinere Mängel aufweisen, da es sich um ein historisches Bild oder ein Reportagebild handelt.\n"
    )


def alamy_en(rng, n):
    city, country = rng.choice(CITIES)
    return (
        f"Aerial view of the old harbour of {city} at sunset, picture {n}.\n"
        f"Image ID: B{n:07d}\nContributor: Bench Photographer / Alamy Stock Photo\nDimensions:\n"
        f"4928 x 3264 px | 41.7 x 27.6 cm | 16.4 x 10.9 inches | 300dpi\n"
        f"Date taken:\n{rng.randint(1, 28)} {rng.choice(MONTHS_EN)} {rng.randint(1990, 2024)}\n"
        f"Location:\nHarbour, {city}, {country}\nMore information:\nReleases: Model - no | Property - no\n"
    )


def getty(rng, n):
    return (
        f"PARIS, FRANCE - JULY 26: Crowds gather near the Eiffel Tower for event {n} on July 26, 2024 in Paris, France. "
        "(Photo by Bench Person/Getty Images)\n\nDETAILS\nRestrictions: Editorial use only.\nCredit: Bench Person / Staff\n"
        f"Editorial #: {2100000000 + n}\nDate created: July 26, 2024\nRelease info: Not released. More information\n"
        "Max file size: 6000 x 4000 px (20.00 x 13.33 in) - 300 dpi - 9 MB\n"
    )


def ap(rng, n):
    return (
        f"In this photo provided by a museum, workers assemble engines at a factory in Detroit, Michigan, circa {rng.randint(1930, 1960)}. "
        f"Item {n}. (Bench Museum via AP)\nEDITORIAL USE ONLY\n3000 x 2400 pixels, 300 DPI\n"
    )


LAYOUTS = (alamy_de, alamy_en, getty, ap)


def make_blocks(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return [LAYOUTS[n % len(LAYOUTS)](rng, n) for n in range(count)]
