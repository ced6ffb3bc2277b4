"""Dates a caption names as other events' are no shoot date (pure: no database).

Blocks written here; the real ones that showed the forms are in tests/data/real_captions.
"""

from __future__ import annotations

from datetime import date

import pytest

from captions.ingest import parse_block

TODAY = date(2025, 12, 31)


@pytest.mark.parametrize(
    "caption",
    [
        "Das Rathaus der Stadt, eröffnet am 3. Mai 1987, soll abgerissen werden.",
        "The museum, founded in 1923, reopens its doors to visitors.",
        "La fontaine, construite en 1850, a été restaurée.",
        "El club, fundado en 1905, celebra su centenario con una exposición.",
        "Relatives mourn victims of the May 12, 2008, earthquake in front of a collapsed school.",
        "Lanterns float on the river in memory of those killed in the March 2011 quake.",
        "El mercado, abierto al público desde 1974, recibe a miles de turistas.",
        # the day an event is scheduled for
        "Nach der Auflösung des Reichstags wurden für den 14. September 1930 Neuwahlen angesetzt.",
        "Crews build the stage for the concert scheduled for July 14, 2024.",
        "Des ouvriers préparent la scène du concert prévu le 14 juillet 2024.",
        "Obreros montan el escenario del concierto previsto para el 14 de julio de 2024.",
    ],
)
def test_a_date_named_as_another_events_is_no_shoot_date(caption):
    record = parse_block(caption, today=TODAY)
    assert record.date_start is None, record.date_text


def test_the_pictures_own_date_is_read_past_an_event_date():
    record = parse_block(
        "Visitors walk through the hall of the museum, founded in 1923, on May 4, 2024, in Vienna.",
        today=TODAY,
    )
    assert (record.date_start, record.date_end) == (date(2024, 5, 4), date(2024, 5, 4))
    german = parse_block("Das Stadion, eröffnet am 6. September 2000, am 3. März 2021.", today=TODAY)
    assert german.date_start == date(2021, 3, 3)


def test_a_range_after_since_or_desde_is_still_the_pictures_span():
    record = parse_block("Fotografías tomadas en la ciudad desde 1944 hasta 1946.", today=TODAY)
    assert (record.date_start, record.date_end) == (date(1944, 1, 1), date(1946, 12, 31))


def test_a_date_after_the_that_is_no_adjective_stays_the_pictures():
    record = parse_block("Crowds gather on the March 3, 2020. Police watch.", today=TODAY)
    assert record.date_start == date(2020, 3, 3)
    plain = parse_block("Protesters march in Paris on March 3, 2020, against the reform.", today=TODAY)
    assert plain.date_start == date(2020, 3, 3)


@pytest.mark.parametrize(
    "caption",
    [
        "Manifestantes marchan hoy por el centro, en el aniversario de la revuelta que estalló en 2019.",
        "La reunión recordaba la huelga general que en 1988 paralizó el país.",
        "Miners gather at the memorial to the strike which began in March 1984.",
        "Des passants longent le quai, reconstruit après la tempête qui a eu lieu en décembre 1999.",
        "Le port, qu’elle était devenue en septembre 1944, vu depuis la digue.",
        "Helfer räumen Schlamm vor dem Deich, der im Juni 2013 brach.",
    ],
)
def test_a_year_or_month_in_a_clause_about_an_earlier_event_is_no_shoot_date(caption):
    record = parse_block(caption, today=TODAY)
    assert record.date_start is None, record.date_text


def test_a_day_in_such_a_clause_is_an_events_when_the_picture_is_of_today():
    today = parse_block("Familiares recuerdan hoy a los mineros que murieron el 5 de agosto de 2010.", today=TODAY)
    assert today.date_start is None, today.date_text
    wire = parse_block(
        "Firefighters battle a blaze that broke out at a warehouse on Monday, July 1, 2024, in Madrid.", today=TODAY
    )
    assert wire.date_start == date(2024, 7, 1)


@pytest.mark.parametrize(
    ("caption", "year"),
    [
        ("Kinder, die im Sommer 1945 in den Trümmern spielen.", 1945),  # present tense: the picture
        ("Women who work in a munitions factory in 1943.", 1943),
        ("Enfants qui jouent dans les ruines en 1945.", 1945),
        ("Die Kinder spielen 1945 in den Trümmern.", 1945),  # 'Die' opens the caption: an article
        # a clause about the picture itself
        ("Imagen de archivo que captó el fotógrafo en Madrid en 1985.", 1985),
        ("Ein Bild, das 1985 in Berlin entstand.", 1985),
        ("Une photo qui a été publiée en 1985.", 1985),
    ],
)
def test_a_clause_that_describes_the_picture_keeps_its_date(caption, year):
    record = parse_block(caption, today=TODAY)
    assert (record.date_start, record.date_end) == (date(year, 1, 1), date(year, 12, 31)), record.date_text


def test_the_pictures_own_year_is_read_past_an_earlier_events_clause():
    record = parse_block("Veteranos de la huelga que comenzó en 1984, en Durham en 2024.", today=TODAY)
    assert (record.date_start, record.date_end) == (date(2024, 1, 1), date(2024, 12, 31))


def test_a_day_without_its_year_takes_no_year_from_an_events_date():
    record = parse_block("Bañistas en la playa durante el verano más cálido desde 1961, el 8 de agosto.", today=TODAY)
    assert record.date_start is None, record.date_text
    kept = parse_block("Bañistas en la playa en 2025, el 8 de agosto.", today=TODAY)
    assert kept.date_start == date(2025, 8, 8)


def test_the_translation_of_an_events_date_is_no_shoot_date_either():
    record = parse_block(
        "Des passants longent le quai, reconstruit après la tempête qui a eu lieu en décembre 1999.\n\n"
        "Passers-by walk along the quay, rebuilt after the storm of December 1999.",
        today=TODAY,
    )
    assert record.date_start is None, record.date_text


@pytest.mark.parametrize(
    ("caption", "day"),
    [
        (
            "(241005) -- NAIROBI, Oct. 5, 2024 (Xinhua) -- People shop at a market in Nairobi, Kenya, Oct. 3, 2024. "
            "Prices rose again on Sept. 2, 2024.",
            date(2024, 10, 3),
        ),
        (
            "BERLIN, 5. Oktober 2024 (Xinhua) -- Menschen besuchen am 3. Oktober 2024 das Brandenburger Tor.",
            date(2024, 10, 3),
        ),
        ("06.05.2025, Berlin: Der Kanzler spricht am 2. Mai 2025 im Bundestag.", date(2025, 5, 2)),
        ("MADRID, 12 de marzo de 2024 (EFE).- Vecinos pasean por el Retiro el 10 de marzo de 2024.", date(2024, 3, 10)),
    ],
)
def test_a_datelines_filing_day_gives_way_to_the_first_sentences_own_day(caption, day):
    record = parse_block(caption, today=TODAY)
    assert (record.date_start, record.date_end) == (day, day), record.date_text


@pytest.mark.parametrize(
    ("caption", "day"),
    [
        (
            "(250313) -- VILLAEJEMPLO, 13 marzo, 2025 (Xinhua) -- Vista aérea tomada con un dron el 31 de julio "
            "de 2024 del nuevo barrio de Villaejemplo.",
            date(2024, 7, 31),
        ),
        (
            "EXAMPLETON, March 13, 2025 (Xinhua) -- Photo taken on July 31, 2024 shows the new district of Exampleton.",
            date(2024, 7, 31),
        ),
        (
            "VILLEXEMPLE, 13 mars 2025 (Xinhua) -- Cette photo prise par un drone le 31 juillet 2024 montre le "
            "nouveau quartier de Villexemple.",
            date(2024, 7, 31),
        ),
        (
            "BEISPIELSTADT, 13. März 2025 (Xinhua) -- Das Luftbild, aufgenommen mit einer Drohne am 31. Juli 2024, "
            "zeigt das neue Viertel von Beispielstadt.",
            date(2024, 7, 31),
        ),
    ],
)
def test_a_day_the_picture_was_taken_on_wins_over_a_much_later_filing_day(caption, day):
    # the wire filed a picture it took months before: the participle of taking says the day is
    # the picture's, however long before the dateline's
    record = parse_block(caption, today=TODAY)
    assert (record.date_start, record.date_end) == (day, day), record.date_text


@pytest.mark.parametrize(
    "caption",
    [
        # a day a year before is another event's (the anniversary), not a picture filed late
        "WASHINGTON, Jan. 6, 2022 -- People mark the anniversary of the riot on Jan. 6, 2021, at the Capitol.",
        # a day after the first sentence is the story's
        "LONDON, Oct. 5, 2024 -- People shop in London. A fair was held there on Oct. 3, 2024.",
    ],
)
def test_the_datelines_day_stays_without_an_own_day_in_its_first_sentence(caption):
    record = parse_block(caption, today=TODAY)
    assert record.date_start == record.date_end, record.date_text
    assert record.date_start in (date(2022, 1, 6), date(2024, 10, 5)), record.date_text


def test_a_months_abbreviation_ends_no_sentence_before_a_closing_date():
    record = parse_block(
        "WASHINGTON, Jan. 6, 2022 -- People mark the anniversary of the riot at the Capitol on Jan. 6, 2021.",
        today=TODAY,
    )
    assert (record.date_start, record.date_end) == (date(2022, 1, 6), date(2022, 1, 6)), record.date_text
    closing = parse_block("Soldiers march through the city after its liberation. Dec. 1944", today=TODAY)
    assert (closing.date_start, closing.date_end) == (date(1944, 12, 1), date(1944, 12, 31))
    year = parse_block("Des soldats défilent dans Paris libéré. 1944.", today=TODAY)
    assert year.date_start == date(1944, 1, 1)


def test_a_picture_taken_on_a_day_is_not_a_day_scheduled_for():
    record = parse_block(
        "Voluntarios reparten comida en Madrid el 14 de julio de 2024 para el comedor social.", today=TODAY
    )
    assert record.date_start == date(2024, 7, 14)


def test_a_titles_date_in_brackets_is_the_pictures_over_the_descriptions_dates():
    record = parse_block(
        "Fischer im Hafen von Hamburg (um 1930)\n\nIm Hafen wurden 1931 neue Kräne aufgestellt. "
        "Der Fotograf Hans Müller (1890-1960) arbeitete für die Zeitung.",
        today=TODAY,
    )
    assert (record.date_start, record.date_end, record.approximate) == (date(1930, 1, 1), date(1930, 12, 31), True)
    decade = parse_block(
        "A street market in Lagos (1960s)\n\nTraders sell cloth on a street that was paved in 1957.", today=TODAY
    )
    assert (decade.date_start, decade.date_end) == (date(1960, 1, 1), date(1969, 12, 31))


def test_a_day_of_the_titles_span_that_the_caption_states_stays():
    record = parse_block(
        "La libération de Paris (1944)\n\nDes soldats défilent sur les Champs-Élysées le 26 août 1944.", today=TODAY
    )
    assert (record.date_start, record.date_end) == (date(1944, 8, 26), date(1944, 8, 26))


@pytest.mark.parametrize(
    "caption",
    [
        "This undated photo provided by the police shows John Doe, who was arrested on March 3, 2024.",
        "Dieses undatierte, von der Nachrichtenagentur am 16.10.2019 zur Verfügung gestellte Foto zeigt den Berg.",
        "Une photo non datée, diffusée le 3 mai 2024, montre le peintre dans son atelier.",
        "Una foto sin fecha difundida el 3 de mayo de 2024 muestra al preso en su celda.",
    ],
)
def test_an_undated_pictures_day_is_the_release_or_the_story(caption):
    record = parse_block(caption, today=TODAY)
    assert record.date_start is None, record.date_text


def test_an_undated_picture_keeps_its_year_and_other_things_undated_keep_the_day():
    year = parse_block("Das undatierte Foto aus dem Jahr 1945 zeigt die Ruinen der Kirche.", today=TODAY)
    assert (year.date_start, year.date_end) == (date(1945, 1, 1), date(1945, 12, 31))
    letter = parse_block("An undated letter lies on the desk of the mayor in Paris on March 3, 2024.", today=TODAY)
    assert letter.date_start == date(2024, 3, 3)


@pytest.mark.parametrize(
    "caption",
    [
        "This image is part of a series. Since the chaotic takeover of Kabul on Aug. 15, 2021, the economy "
        "has collapsed. Children look at an apple in a camp outside Kabul, Afghanistan, Thursday, Feb. 2, 2023.",
        "Desde la caótica toma de Kabul el 15 de agosto de 2021, la economía colapsó. Niños en un campamento "
        "a las afueras de Kabul, el jueves 2 de febrero de 2023.",
        "Depuis la prise de Kaboul le 15 août 2021, l'économie s'est effondrée. Des enfants dans un camp près "
        "de Kaboul, le 2 février 2023.",
        "Seit der Machtübernahme am 15. August 2021 ist die Wirtschaft zusammengebrochen. Kinder in einem "
        "Lager bei Kabul am 2. Februar 2023.",
    ],
)
def test_the_day_a_since_clause_counts_from_is_no_shoot_date(caption):
    assert parse_block(caption, today=TODAY).date_start == date(2023, 2, 2)


def test_desde_or_depuis_a_place_keeps_the_pictures_only_date():
    for caption in (
        "Desde el puente, los vecinos observan el incendio el 3 de mayo de 2024.",
        "Depuis le balcon des habitants regardent l'incendie le 3 mai 2024.",
    ):
        assert parse_block(caption, today=TODAY).date_start == date(2024, 5, 3), caption


@pytest.mark.parametrize(
    "caption, year",
    [
        ("Hans Muster (1902–1971) an seinem Schreibtisch.", None),
        ("Portrait of the painter John Roe (1902-1971) in his studio, 1950.", 1950),
        ("Bildnis des Physikers Hans Muster (1879-1955), um 1921.", 1921),
        ("The physicist Jane Roe (14 March 1879 – 18 April 1955) in her laboratory.", None),
        ("The physicist Jane Roe (b. 1879) in her laboratory in Princeton, 1921.", 1921),
        ("Der Maler Max Muster (geb. 1847) in seinem Atelier, 1925.", 1925),
        ("Le peintre Jean Exemple (né en 1840) dans son jardin, 1920.", 1920),
        ("Photograph by Jean Exemple (1820-1910).", None),
    ],
)
def test_life_dates_in_brackets_after_a_name_are_no_shoot_date(caption, year):
    record = parse_block(caption, today=TODAY)
    assert (record.date_start.year if record.date_start else None) == year, record.date_text


def test_a_span_in_brackets_after_a_place_or_a_short_one_stays_the_pictures():
    for caption, span in (
        ("Straßenszene in Berlin (1920-1940).", (1920, 1940)),
        ("Straßenszene (1930-1935).", (1930, 1935)),
        ("Soldiers at the front (1914-1918).", (1914, 1918)),
    ):
        record = parse_block(caption, today=TODAY)
        assert (record.date_start.year, record.date_end.year) == span, caption


def test_a_range_of_years_with_spaces_around_its_dash_closing_the_caption_is_the_range():
    for caption, span in (
        ("Soldaten an der Front, 1939 - 1945.", (1939, 1945)),
        ("At the front, 1914 – 1918", (1914, 1918)),
    ):
        record = parse_block(caption, today=TODAY)
        assert (record.date_start.year, record.date_end.year) == span, caption
    # a dash after a place still closes the caption on its date
    assert parse_block("Street in Paris, France - 1944", today=TODAY).date_start == date(1944, 1, 1)


def test_a_short_words_dot_before_the_closing_date_belongs_to_it():
    # 'zw.', 'ca.': the date read with the word, not the closing date after the 'sentence'
    record = parse_block("Straßenszene in Berlin, zw. 1900 und 1910", today=TODAY)
    assert (record.date_start, record.date_end) == (date(1900, 1, 1), date(1910, 12, 31))
    assert parse_block("Kinder im Hof, ca. 1930.", today=TODAY).approximate
    # a sentence's own full stop still closes it ('... car. 1925.')
    assert parse_block("Ein Mann nach 1940 in seinem Auto. 1925.", today=TODAY).date_start == date(1925, 1, 1)


@pytest.mark.parametrize(
    "caption",
    [
        "A rare trout, out of 20,000 fry hatched in the fall of 2022 at a farm in Otsu, Shiga Prefecture, is blue.",
        "Relatives of victims killed on March 3, 2024, are seen mourning at the cemetery.",
    ],
)
def test_the_date_of_a_participle_before_the_sentences_own_verb_is_no_shoot_date(caption):
    assert parse_block(caption, today=TODAY).date_start is None


@pytest.mark.parametrize(
    "caption, day",
    [
        ("A statue unveiled in 1930, is seen in the park on May 3, 2024.", date(2024, 5, 3)),
        ("Soldiers pictured on March 3, 2024, are seen in Kabul.", date(2024, 3, 3)),
        ("Protesters gathered in Paris on May 3, 2024, to demand higher wages.", date(2024, 5, 3)),
        ("Protesters marched in Paris on May 3, 2024, and police watched.", date(2024, 5, 3)),
    ],
)
def test_a_picture_participle_or_a_main_verb_keeps_the_date(caption, day):
    assert parse_block(caption, today=TODAY).date_start == day


@pytest.mark.parametrize(
    "caption",
    [
        "Menschen im Park. Aufnahmedatum: 3. Mai 2024",
        "Menschen im Park. Aufnahmedatum: 03.05.2024. Weitere Bilder folgen.",
        "Firefighters at work. Picture date: Tuesday 3. May 2024. See PA story FIRE London.",
    ],
)
def test_a_wires_picture_date_sentence_keeps_a_days_dot(caption):
    record = parse_block(caption, today=TODAY)
    assert (record.date_start, record.date_precision) == (date(2024, 5, 3), "day")
    assert "Mai" not in record.caption and "May" not in record.caption


@pytest.mark.parametrize(
    "block, year",
    [
        ("Año 1963\nNumerosas personas en el mercado de la plaza mayor", 1963),
        ("Circa 1905\nBlick auf den Marktplatz mit dem Rathaus", 1905),
        ("Jahr 1950\nKinder spielen im Hof der Schule", 1950),
    ],
)
def test_a_date_alone_on_the_line_over_the_caption_dates_it_and_is_no_caption(block, year):
    record = parse_block(block, today=TODAY)
    assert record.caption == block.split("\n")[1]
    assert record.date_start == date(year, 1, 1)


def test_a_place_and_a_year_over_the_caption_stay_caption_text():
    record = parse_block("Berlin 1963\nNumerosas personas en el mercado de la plaza mayor", today=TODAY)
    assert record.caption.startswith("Berlin 1963")


@pytest.mark.parametrize(
    "block, start, end, approximate",
    [
        (
            "Le kiosque de la place. Les tilleuls, plantés en 1887, sont déjà hauts. On voit au fond "
            "la mairie et son horloge. (datation : vers 1905)",
            date(1905, 1, 1),
            date(1905, 12, 31),
            True,
        ),
        (
            "Der Bahnhofsvorplatz mit Droschken. Das Empfangsgebäude war 1871 eröffnet worden und "
            "wurde später erweitert. (um 1900)",
            date(1900, 1, 1),
            date(1900, 12, 31),
            True,
        ),
        (
            "Vendedores en el mercado central. El techo de hierro se levantó en 1902 y sigue en pie. (Fecha: 1934)",
            date(1934, 1, 1),
            date(1934, 12, 31),
            False,
        ),
    ],
)
def test_a_date_note_in_brackets_after_the_last_sentence_is_the_pictures(block, start, end, approximate):
    record = parse_block(block, today=TODAY)
    assert (record.date_start, record.date_end, record.approximate) == (start, end, approximate)


def test_a_day_the_text_states_within_the_notes_year_stays():
    record = parse_block(
        "Children at the school gate on the first day of term, 4 September 1922, with their teacher. (1922)",
        today=TODAY,
    )
    assert (record.date_start, record.date_end) == (date(1922, 9, 4), date(1922, 9, 4))


@pytest.mark.parametrize(
    "block, caption_start, start, end",
    [
        (
            "Tuesday, March 3, 2015\n\nThe old mill on Water Street, looking south from the bridge. "
            "The mill burned down a few years later. The photo dates to about 1895.\n",
            "The old mill",
            date(1895, 1, 1),
            date(1895, 12, 31),
        ),
        (
            "samedi 7 mars 2015\n\nLa fête des écoles sur la place de la mairie, vers 1925. Les enfants "
            "défilent avec leurs instituteurs devant les parents.\n",
            "La fête des écoles",
            date(1925, 1, 1),
            date(1925, 12, 31),
        ),
        (
            "domingo, 8 de marzo de 2015\n\nVista de la estación de ferrocarril en la década del 30, "
            "con los coches de caballos esperando a los viajeros.\n",
            "Vista de la estación",
            date(1930, 1, 1),
            date(1939, 12, 31),
        ),
    ],
)
def test_a_blogs_post_date_over_the_post_is_neither_caption_nor_shoot_date(block, caption_start, start, end):
    record = parse_block(block, today=TODAY)
    assert record.caption.startswith(caption_start)
    assert (record.date_start, record.date_end) == (start, end)


def test_a_post_date_dates_a_post_that_states_no_date_of_its_own():
    record = parse_block(
        "Donnerstag, 5. März 2015\n\nDer alte Wasserturm am Stadtrand, im Hintergrund die Felder.\n", today=TODAY
    )
    assert record.caption.startswith("Der alte Wasserturm")
    assert record.date_start == date(2015, 3, 5)


@pytest.mark.parametrize(
    "block",
    [
        "Le lavoir communal avec des lavandières au travail au bord de la rivière.\n\nDatation estimée : 1925\n",
        "Lavanderas en el río junto al puente viejo del pueblo.\n\nFecha aproximada: 1925\n",
        "Washerwomen at the river by the old stone bridge.\n\nEstimated date: 1925\n",
    ],
)
def test_an_estimated_date_label_gives_an_approximate_date_and_leaves_the_caption(block):
    record = parse_block(block, today=TODAY)
    assert (record.date_start, record.date_end, record.approximate) == (date(1925, 1, 1), date(1925, 12, 31), True)
    assert "1925" not in record.caption


def test_a_plain_date_label_stays_exact():
    record = parse_block("Le lavoir communal au bord de la rivière.\n\nDatation : 1925\n", today=TODAY)
    assert (record.date_start, record.approximate) == (date(1925, 1, 1), False)


@pytest.mark.parametrize(
    "block, start, end",
    [
        (
            "Hafenstraße, Mai 1935\n\nBlick in die Hafenstraße, aufgenommen 1935. Links die alten Speicher, "
            "rechts der Kai mit den Kränen.",
            date(1935, 5, 1),
            date(1935, 5, 31),
        ),
        (
            "Marktplatz, um 1910\n\nDer Marktplatz mit dem Brunnen. Das Rathaus wurde 1898 erweitert und "
            "trägt seither den Turm.",
            date(1910, 1, 1),
            date(1910, 12, 31),
        ),
    ],
)
def test_a_one_word_titles_closing_date_is_the_pictures(block, start, end):
    record = parse_block(block, today=TODAY)
    assert (record.date_start, record.date_end) == (start, end)


@pytest.mark.parametrize(
    "block, start, end, approximate",
    [
        ("Caza en el monte de la finca. Foto de Ana Gómez Ruiz. 1957.", date(1957, 1, 1), date(1957, 12, 31), False),
        (
            "Kermesse sur la place du village. Photo de Jean Dupont, vers 1931.",
            date(1931, 1, 1),
            date(1931, 12, 31),
            True,
        ),
    ],
)
def test_a_date_alone_after_the_photographers_sentence_is_the_pictures(block, start, end, approximate):
    record = parse_block(block, today=TODAY)
    assert (record.date_start, record.date_end, record.approximate) == (start, end, approximate)


def test_a_sentence_after_the_photographers_that_says_more_than_a_date_is_no_dating():
    record = parse_block(
        "Die Kirmes auf dem Marktplatz im Jahr 1927. Foto von Hans Meier. Das Haus wurde 1952 gebaut.", today=TODAY
    )
    assert record.date_start == date(1927, 1, 1)


def test_a_side_citations_date_written_with_a_comma_or_a_weekday():
    # '<creator> (<place>): <title>, <date>.' beside the caption: the whole date, its title the caption
    for written, day in (
        ("April 9, 1931", date(1931, 4, 9)),
        ("Thursday, April 9, 1931", date(1931, 4, 9)),
        ("Donnerstag, den 9. April 1931", date(1931, 4, 9)),
        ("9. April 1931", date(1931, 4, 9)),
    ):
        text = (
            "Musterstadt, Marktplatz, Kaufhaus _Beispiel_\n\nVollständige Bildinformationen\n\n"
            f"Bildstelle Roe (Musterstadt): Musterstadt, Marktplatz, Kaufhaus „Beispiel“, {written}. "
            "Alben mit Bildern (Ans_0001)\n"
        )
        record = parse_block(text, today=TODAY)
        assert (record.date_start, record.date_precision) == (day, "day"), written
        assert record.caption == "Musterstadt, Marktplatz, Kaufhaus „Beispiel“", written
        assert record.credit == "Bildstelle Roe", written


def test_a_dated_line_under_the_caption_with_its_weekday_dates_it():
    # a line of its own under the caption, a date and a few words: its weekday counts for nothing
    for line, day in (
        ("vintage print, Friday, May 22, 1914", date(1914, 5, 22)),
        ("tirage argentique, vendredi 22 mai 1914", date(1914, 5, 22)),
        ("miércoles, 14 de septiembre de 1932", date(1932, 9, 14)),
        ("Abzug, Freitag, 22. Mai 1914", date(1914, 5, 22)),
    ):
        text = (
            "Suffragists at the palace gates\n\nIdentify sitters\n\nSuffragists at the palace gates\n\n"
            f"by Central Roe\n{line}\n8 in. x 6 in. (203 mm x 152 mm) image size\nPurchased, 2013\n"
            "Photographs Collection\nNPG x1234\n"
        )
        record = parse_block(text, today=TODAY)
        assert (record.date_start, record.date_precision) == (day, "day"), line


def test_a_publications_date_and_a_date_introducing_a_quotation_are_no_shoot_date():
    # 'publie le <date> ce texte :', 'Le Courrier du <date> : « ... »' (event_date_cues; a colon and a
    # quote after the date): the date of a text quoted, in the four languages
    from captions.ingest import parse_block

    for text in (
        "Les chiens devant l'hospice. Le journal Exemple publie le 1er avril 1891 ce texte : « Les chiens. »",
        "Les chiens devant l'hospice. Le Courrier d'Exemple du 5 décembre 1970 : « Combien avez-vous de chiens ? »",
        "Hunde vor dem Hospiz. Die Zeitung vom 3. Mai 1950: „Ein großer Tag für das Tal.“",
        "Dogs outside the hospice. The Example Herald, published on May 3, 1950, wrote: 'A great day.'",
        "Perros frente al hospicio. El diario Ejemplo publicó el 3 de mayo de 1950 este texto: «Un gran día.»",
    ):
        assert parse_block(text).date_start is None, text
    assert parse_block("Schoolchildren at the gate, 3 May 1950.").date_start is not None


@pytest.mark.parametrize(
    "title",
    [
        "Thursday, September 31, 2019",
        "Donnerstag, 31. September 2019",
        "jeudi 31 septembre 2019",
        "31 de septiembre de 2019",
    ],
)
def test_a_title_whose_date_does_not_exist_gives_no_date_and_no_crash(title):
    # a picture library's title closing on a date dates the picture, but a day that does not
    # exist dates nothing: the caption's own date is read, as under a title without a date (a
    # title over a caption with a decade crashed the parser: found by scripts/fuzz_parser.py)
    record = parse_block(f"{title}\n\nA parade on Main Street in the 1920s, seen from Fourth Avenue.")
    assert (record.date_start, record.date_end) == (date(1920, 1, 1), date(1929, 12, 31))
    assert "invalid_date" in record.problems  # SPEC: 'a date that does not exist'


@pytest.mark.parametrize(
    ("block", "day"),
    [
        (
            "Flood in the old town, September 31, 2019\n\nResidents wade through the flooded main "
            "street of the old town on September 30, 2019.",
            date(2019, 9, 30),
        ),
        (
            "Hochwasser in der Altstadt, 31. September 2019\n\nAnwohner waten am 30. September 2019 "
            "durch die überflutete Hauptstraße.",
            date(2019, 9, 30),
        ),
        (
            "Inondation dans la vieille ville, 31 juin 2021\n\nDes habitants traversent la rue "
            "principale inondée le 30 juin 2021.",
            date(2021, 6, 30),
        ),
        (
            "Inundación en el casco antiguo, 30 de febrero de 2022\n\nVecinos cruzan la calle "
            "principal inundada el 28 de febrero de 2022.",
            date(2022, 2, 28),
        ),
    ],
)
def test_a_titles_day_that_does_not_exist_is_flagged_and_the_captions_day_gives_the_fields(block, day):
    record = parse_block(block)
    assert "invalid_date" in record.problems
    assert (record.date_start, record.date_end, record.date_precision) == (day, day, "day")


def test_a_title_with_a_day_that_exists_flags_no_invalid_date():
    record = parse_block(
        "Flood in the old town, September 30, 2019\n\nResidents wade through the flooded main street "
        "of the old town on September 29, 2019."
    )
    assert "invalid_date" not in record.problems and record.date_start is not None
