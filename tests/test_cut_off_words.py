"""What the four languages' everyday words tell the parser (wordfreq's small lists; pure: no
database; blocks written here): a caption without its closing full stop is cut off only when
its last word is a piece of one, and a short caption is read in the language its words are
commonest in."""

from __future__ import annotations

import pytest

from captions.ingest import parse_block
from captions.ingest.caption_text import (
    is_piece_of_name,
    is_piece_of_word,
    is_rare_word_in,
    is_whole_in,
    is_whole_word,
)


@pytest.mark.parametrize(
    "caption",
    [
        "Vue générale du cloître de l'ancienne abbaye, vendue comme bien national puis transformée "
        "en ferme après la Révolution",
        "Blick auf den Marktplatz mit dem alten Rathaus und den Bürgerhäusern aus dem siebzehnten "
        "Jahrhundert am frühen Morgen",
        "Vista de la plaza mayor con el ayuntamiento y los soportales durante las fiestas "
        "patronales del pueblo en verano",
        "General view of the harbour with fishing boats moored along the old stone quay below the lighthouse at dawn",
    ],
)
def test_a_long_record_without_its_full_stop_ending_on_a_word_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Demonstranten ziehen am Samstag mit Transparenten gegen die geplanten Kürzungen durch die "
        "Innenstadt und forder",
        "Protesters march through the city centre on Saturday carrying banners against the planned "
        "spending cuts and the gover",
        "Des manifestants défilent samedi dans le centre-ville avec des banderoles contre les "
        "coupes budgétaires et le gouvern",
    ],
)
def test_a_long_caption_ending_on_a_piece_of_a_word_is_cut_off(caption):
    assert "truncated_text" in parse_block(caption).problems


def test_whole_words_of_the_four_languages_and_pieces():
    assert is_whole_word("l'Etat") and is_whole_word("Princesse") and is_whole_word("comercios")
    assert not is_whole_word("Kürzu") and not is_whole_word("commer") and not is_whole_word("gover")
    assert not is_whole_word("ci")  # three letters or fewer may be a piece that is also a word


@pytest.mark.parametrize(
    ("caption", "language"),
    [
        ("Morata celebra su gol", "es"),
        ("Griezmann, celebrando su gol a Portugal", "es"),
        ("Sitzung des Stadtrats", "de"),
        ("Manifestation devant la mairie", "fr"),
        ("Firefighters battle the blaze", "en"),
    ],
)
def test_a_short_caption_is_read_in_the_language_its_words_are_commonest_in(caption, language):
    assert parse_block(caption).language == language


def test_a_wires_name_and_a_colon_opening_the_caption_is_its_credit():
    record = parse_block("AFP: Des pompiers luttent contre un incendie près de Marseille, le 3 juillet 2023.")
    assert (record.credit, record.caption[:9]) == ("AFP", "Des pompi")
    # an everyday abbreviation is no wire here
    assert parse_block("PA: Pennsylvania voters queue at a polling station.").credit is None


@pytest.mark.parametrize(
    "block",
    [
        "Bild 3 von 20\nDie Elbe bei Dresden am 4. Juni 2013 ... (Foto: Ina Muster/dpa)",
        "Les pompiers surveillent la digue, même si la crue semble passée… | Jean ROE",
        "A crowd waits outside the stadium before the final on Sunday... (AP Photo/Jane Roe)",
    ],
)
def test_a_pages_ellipsis_before_the_credit_it_printed_is_no_cut(block):
    record = parse_block(block)
    assert record.credit
    assert "truncated_text" not in record.problems


@pytest.mark.parametrize(
    "block",
    [
        # a stock page's title suffix, an archive's reference token, a notice after the ellipsis
        "Les pompiers surveillent la digue, même si la crue semble passée… Banque D'Images\n\n"
        "Contributeur:\n\nJean Roe",
        "A crowd waits outside the stadium before the final on Sunday... Stock Photo",
        "Die Feuerwehr sichert den Deich, auch wenn die Flut vorbei scheint… PUBLICATIONxINxGERxSUIxAUTxONLY\n"
        "Bildnummer: 0123456789",
        "Vecinos esperan ante el ayuntamiento a que abran las puertas del pleno… SOLO USO EDITORIAL",
    ],
)
def test_an_ellipsis_the_text_ran_on_past_with_a_marker_token_or_notice_is_no_cut(block):
    assert "truncated_text" not in parse_block(block).problems


@pytest.mark.parametrize(
    "block",
    [
        # false friends: a preview's link text after the ellipsis, a piece of a word before it
        "Emergency officials said the fire crews in the county fought to...more",
        "Emergency officials said the fire crews in the county fought to... Show More",
        "Le pape célèbre une grande messe en plein air devant des milliers de fid… Banque D'Images",
        "Les pompiers surveillent la digue, même si la crue semble passée…",
    ],
)
def test_an_ellipsis_before_a_link_or_after_a_piece_of_a_word_or_closing_the_text_stays_a_cut(block):
    assert "truncated_text" in parse_block(block).problems


@pytest.mark.parametrize(
    ("block", "cut"),
    [
        # a full stop closing the ellipsis: the writer's, unless a piece of a word is before it
        ("Et les promeneurs de se promener, les nageurs de nager et... les cyclistes de pédaler....", False),
        ("Am Ufer warten die Angler, die Schwimmer und die Radfahrer auf besseres Wetter….", False),
        ("Crowds gathered along the river bank to watch the boats race past the old mill….", False),
        ("Le pape célèbre une grande messe en plein air devant des milliers de fid....", True),
        # a rare whole word of the text's language before a credit is no piece either
        ("Les patineurs patinent et les cyclistes de pédaler… (AP Photo/Jane Roe)", False),
    ],
)
def test_an_ellipsis_closed_by_a_full_stop_is_cut_only_after_a_piece_of_a_word(block, cut):
    assert ("truncated_text" in parse_block(block).problems) is cut


@pytest.mark.parametrize(
    ("block", "cut"),
    [
        # an early bracket left open before later pairs that close: the writer's slip
        (
            "Vingt ans plus tard, une partie de football acharnée (notons que sur la carte un seul personnage "
            "n'est pas (trop) flou. Au sud, chez les filles (et les petits), l'atmosphère était plus calme.",
            False,
        ),
        (
            "A crowd (seen from the roof of the town hall waits for the parade (which was late) to pass.",
            False,
        ),
        # false friends: the last bracket opened left open is a cut
        ("Des enfants jouent dans la cour de l'école (Photo fournie par la mairie de Villeex", True),
        ("Children play in the yard (left) while their teachers watch (AP Photo/Jane Ro", True),
    ],
)
def test_only_the_last_bracket_left_open_cuts_the_text(block, cut):
    assert ("truncated_text" in parse_block(block).problems) is cut


def test_an_ellipsis_after_a_piece_of_a_word_is_a_cut_even_before_a_credit():
    record = parse_block("Le pape célèbre une grande messe en plein air devant des milliers de fid… Reuters/Jane Roe")
    assert "truncated_text" in record.problems
    # and an ellipsis with nothing after it is one too
    assert (
        "truncated_text" in parse_block("Le pape célèbre une grande messe en plein air devant des milliers...").problems
    )


def test_a_caption_cut_inside_its_last_word_is_flagged_when_the_piece_begins_a_frequent_word():
    # a wire's caption field cut at a fixed length: the last word is no word of the four
    # languages but the beginning of a frequent one (lower case, or a noun after a lower-case word)
    for text in (
        "Charkiw ist eine der am schwersten betroffenen Städte und wird immer wieder besch",
        "Ils étaient des milliers à se réunir malgré la crise sanit",
        "Los vecinos celebraron la fiesta mayor en la plaza del ayuntam",
        "Visitors line up outside the museum as restrictions are eased after the pand",
        "Der Bundespräsident sprach am Montag in seiner Rede zur Eröff",
    ):
        assert "truncated_text" in parse_block(text).problems, text
    # a whole word, a rare one (a compound, a name), a place or a name's run: no cut
    for text in (
        "Fans cheer their team in the stadium by the sea",
        "Besucher drängen sich auf dem Weihnachtsmarkt vor dem Rathaus, die Weihnachtsmarktbesucher",
        "Fishermen unload their catch in the old harbour of Sassnitz",
        "The minister meets the press with her colleague Jane Roe-Smit",
    ):
        assert "truncated_text" not in parse_block(text).problems, text


@pytest.mark.parametrize(
    "caption",
    [
        "Fans celebrate after the final match at the stadium on May 3, 2022 in Munich, Germ",
        "Demonstranten protestieren am Samstag vor der Nationalversammlung in Paris, Frankr",
        "Des manifestants défilent dans les rues du centre historique de Barcelone, Espa",
        "Aficionados celebran la victoria de su equipo en el centro de Buenos Aires, Argen",
    ],
)
def test_a_datelines_country_cut_off_is_a_cut(caption):
    # after a comma or a place preposition, the beginning of a well-known place's name that is
    # no place itself and no common word of the caption's language
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Firefighters battle a blaze that destroyed several homes in Fresno, Calif",  # AP's abbreviation
        "Supporters wave flags during a rally in the centre of Hamburg, Germany",
        "The mayor speaks to reporters outside the town hall with her deputy, Mark",  # a common word
        "Los manifestantes marchan por el centro de la ciudad hasta la Puerta del Sol",  # a place's name
        "Die Polizei sperrte am Sonntag die Zufahrt zur Altstadt von Muri",  # a place
    ],
)
def test_a_place_or_a_common_word_in_a_datelines_slot_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # no word of the caption's language, the beginning of one (a word of another language)
        "The orchestra took its bows to long applaus",  # 'Applaus', a German word
        "Des habitants se rassemblent samedi devant la mairie de la capi",
        # a rare word of the language, the beginning of a far more common one
        "El juez escuchó el martes los alegatos finales del aboga",
        # a lower-case piece after a capital or a number, three letters that are no word at all
        "Engineers inspected the damaged roof of the UN headqu",
        "Die Bauarbeiten am neuen Bahnhof sollen nach Angaben der Stadt am 24. Okto",
        "Die Feuerwehr musste am Abend die Türen am Rathaus öff",
        # a lower-case word is no place ('Carpi', an Italian town)
        "Los vecinos llamaron ayer por la tarde al carpi",
    ],
)
def test_a_piece_of_a_word_is_judged_in_the_captions_language(caption):
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Los vecinos celebran la fiesta del pueblo con una gran paella",
        "Der Trainer lobte nach dem Spiel seine junge Mannschaft als die beste",  # common, whole
        "Des enfants jouent dans la cour de l'école, à côté de la mairie",
    ],
)
def test_a_whole_word_of_the_captions_language_is_no_piece(caption):
    assert "truncated_text" not in parse_block(caption).problems


def test_is_piece_of_word_in_a_language():
    assert is_piece_of_word("vaccin", "en") and not is_piece_of_word("vaccin", "fr")
    assert is_piece_of_word("presi", "es") and not is_piece_of_word("beste", "de")
    assert not is_piece_of_word("car", "en") and not is_piece_of_word("paella", "es")


@pytest.mark.parametrize(
    "caption",
    [
        # a German compound no list holds, ending on a word of the language
        "Anwohner und Stadträte feiern am Samstag die Eröffnung des neu gestalteten Spielplatzes "
        "mit einem Fest auf dem Mühlbachplatz",
        "Nach dem Unwetter räumen die Helfer der Feuerwehr am Sonntag gemeinsam mit den Bewohnern "
        "die Keller der Uferhäuser",
        # a common word of three letters in the caption's language
        "The two leaders met for the first time at a summit on the lake shore in Geneva only a few weeks ago",
        "Después de décadas de abandono el viejo molino de la ribera del río sigue todavía en pie",
        "Après les pluies de la semaine dernière, les champs au bord de la rivière sont toujours sous eau",
    ],
)
def test_a_long_caption_without_its_full_stop_ending_on_a_whole_word_of_its_language_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Anwohner und Stadträte feiern am Samstag die Eröffnung des neu gestalteten Spielplatzes "
        "mit einem Fest auf dem Mühlbachpla",
        "Nach dem Unwetter räumen die Helfer der Feuerwehr am Sonntag gemeinsam mit den Bewohnern "
        "die Keller der Uferhä",
    ],
)
def test_a_compound_cut_before_its_last_word_is_still_a_cut(caption):
    assert "truncated_text" in parse_block(caption).problems


def test_is_whole_in_a_language():
    assert is_whole_in("Habichtplatz", "de") and is_whole_in("ago", "en") and is_whole_in("más", "es")
    assert not is_whole_in("Habichtpla", "de") and not is_whole_in("the", "en")
    assert not is_whole_in("Habichtplatz", "en")  # compounds are read in German only


@pytest.mark.parametrize(
    "caption",
    [
        # after a place and a comma, the country's slot: a small town of the same name ('Ita',
        # Paraguay) is no reading of it
        "Pescadores descargan sus capturas al amanecer en el puerto de Palermo, Ita",
        "Fishermen unload their catch at dawn in the old harbour of Palermo, Ita",
        "Urlauber spazieren am Abend über die Strandpromenade in Biarritz, Fra",
    ],
)
def test_a_piece_in_the_country_slot_after_a_place_is_a_cut(caption):
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Les vacanciers se promènent le long de la Grande Plage, Biarritz",
        "Los vecinos posan junto al alcalde de la localidad, Bra",  # a town, after no place
        "Vendedores ofrecen frutas en el mercado central de Belém, Pará",  # a region several countries name
        "Die Vorstandsmitglieder stellen sich nach der Sitzung zum Gruppenbild auf, Paul Roe",
    ],
)
def test_a_whole_name_after_a_comma_is_no_cut(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "Runners cross the finish line of the marathon on June 5, 2022 in Rio de Janeiro, Bra",
        "Des touristes visitent la cathédrale au coucher du soleil à Rio de Janeiro, Bré",
    ],
)
def test_a_piece_in_the_country_slot_after_a_place_of_several_words_is_a_cut(caption):
    # 'Bra' is a small town, no reading of a country's slot
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        "DENVER, Colorado (AP) — A winter storm brought heavy snow and closed roads across much of Color",
        "VALENCIA (EFE) - Vecinos contemplan las fallas en la plaza del ayuntamiento, la fiesta más popular de Valen",
    ],
)
def test_the_piece_of_a_place_the_caption_named_before_is_a_cut(caption):
    # the caption's own dateline or place slot names the place in full before the piece, which
    # is a word of the caption's language ('color', 'valen')
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # a common German noun before a place it begins ('Mann' and 'Mannheim'): whole
        "Mannheim (dpa) - Die Polizei sucht nach einem Überfall auf eine Tankstelle nach einem Mann",
        # the place itself, written again
        "PARIS, France - Tourists queue outside the Louvre museum on a sunny afternoon in Paris",
        # a name that begins no place the caption named
        "MADRID, Spain - Supporters applaud as the club presents its new signing, the striker Marco",
    ],
)
def test_a_word_beginning_no_earlier_place_or_a_common_german_noun_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "block",
    [
        # the caption, then a paragraph of the story cut off after it (SPEC: the block ends in a
        # word fragment, as the sample's last line does)
        "Der Bürgermeister eröffnet den Weihnachtsmarkt auf dem Rathausplatz.\n\n"
        "Wie jedes Jahr kamen am ersten Abend mehrere tausend Besucher in die festlich geschmückte Altst",
        "The mayor opens the Christmas market in the town square.\n\n"
        "As every year, several thousand visitors came on the first evening to the brightly decorated "
        "old town and its narrow stre",
        "El alcalde inaugura el mercado navideño en la plaza mayor.\n\n"
        "Como cada año, miles de visitantes acudieron la primera noche al casco antiguo y a sus "
        "calles estrechas para ver las luces de las fach",
    ],
)
def test_a_block_whose_last_paragraph_is_cut_off_is_flagged(block):
    assert "truncated_text" in parse_block(block).problems


@pytest.mark.parametrize(
    "block",
    [
        # a last line ending on a whole word without its stop, a name in capitals, a page's 'more'
        "The mayor opens the Christmas market in the town square.\n\n"
        "As every year, several thousand visitors came on the first evening to the old town",
        "Les manifestants ont défilé dans le calme jusqu'à la place de la République.JANE ROE",
        "The mayor opens the Christmas market in the town square.\n\n"
        "Several thousand visitors came on the first evening to the old town and its...more",
    ],
)
def test_a_block_whose_last_line_ends_on_a_whole_word_or_a_name_is_not_flagged(block):
    assert "truncated_text" not in parse_block(block).problems


@pytest.mark.parametrize(
    "block",
    [
        # a surname after a first name ('Anna Ham', not 'Hamburg' cut short)
        "Jane Roe/AFP\nVolunteers from Hamburg clean the beach with their coach Anna Ham",
        "Jane Roe/dpa\nFreiwillige aus Hamburg reinigen den Strand mit ihrer Trainerin Anna Ham",
        "Jane Roe/EFE\nVoluntarios de Marsella limpian la playa con su entrenador Luis Mar",
        # a common word of the text's language, after no place's preposition ('Mars', 'Marseille')
        "Jane Roe/AFP\nDes bénévoles de Marseille nettoient la plage avec leur entraîneur Mars",
        "Jane Roe/EFE\nVoluntarios de Marsella limpian la playa con su entrenador Mar",
    ],
)
def test_a_surname_or_a_common_word_beginning_an_earlier_place_is_whole(block):
    assert "truncated_text" not in parse_block(block).problems


@pytest.mark.parametrize(
    "caption",
    [
        # a word of the caption's language rarer than the small lists hold (wordfreq's large list)
        "Après trois jours de neige, les routes du col restent fermées et les pentes du village sont enneigées",
        "Zum Stadtfest sind die Gassen der Altstadt mit bunten Fahnen und Girlanden festlich beflaggt",
        "Tras las lluvias de la noche los vecinos del barrio achican el agua de las calles encharcadas",
        "Volunteers clear the riverside path after the storm left the meadows and the football pitch waterlogged",
    ],
)
def test_a_long_caption_without_its_stop_ending_on_a_rare_word_of_its_language_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # false friends: the large list holds the piece (a loan word, a name) but a longer word it
        # begins is far more common in the language
        "Zum Stadtfest sind die Gassen der Altstadt mit bunten Fahnen geschmückt und die Menschen versa",
        "Tras las lluvias de la noche los vecinos del barrio achican el agua de las calles encharca",
        "Volunteers clear the riverside path after the storm left the meadows and the football pitch waterlo",
    ],
)
def test_a_piece_of_a_rare_word_is_still_a_cut(caption):
    assert "truncated_text" in parse_block(caption).problems


def test_is_rare_word_in_a_language():
    assert is_rare_word_in("enneigées", "fr") and is_rare_word_in("beflaggt", "de")
    assert is_rare_word_in("encharcadas", "es") and is_rare_word_in("waterlogged", "en")
    assert not is_rare_word_in("waterlo", "en") and not is_rare_word_in("beflag", "de")
    assert not is_rare_word_in("spark", "de")  # 'Sparkasse' is far more common in German
    assert not is_rare_word_in("enneigées", "de")  # judged in the caption's language only


@pytest.mark.parametrize(
    "caption",
    [
        # a capitalised word after another, cut short: a piece of a name or of a capitalised word
        "Schoolchildren wave flags as the royal couple leaves the town hall after a short visit to "
        "the National Archives Buil",
        "Des supporters chantent devant le stade avant le match de la Coupe d’Afrique entre le Maroc "
        "et la Côte d’Ivoire à Jeune Afri",
        "Los asistentes aplauden durante la entrega de premios del festival de cine en la ciudad de San Sebas",
        "Die Gäste applaudieren nach der Premiere im Stadttheater dem neuen Intendanten Hans Peter Zieg",
    ],
)
def test_a_long_caption_ending_on_a_piece_of_a_name_is_cut_off(caption):
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # false friends: whole names no list holds, and a name that is a common word
        "Members of the rowing club pose with their trophy on the river bank after the regatta with "
        "their coach Ellen Markwood",
        "Des supporters chantent devant le stade avant le match de la Coupe entre les deux équipes "
        "avec leur entraîneur Paul Kerbrat",
        "Los asistentes aplauden durante la entrega de premios del festival de cine junto a la "
        "directora Lucía Garmendia",
        "Die Gäste applaudieren nach der Premiere im Stadttheater dem neuen Intendanten Hans Peter Wolkenhauer",
        "Members of the rowing club pose with their trophy on the river bank after the regatta with "
        "their coach Ellen Bell",
    ],
)
def test_a_long_caption_ending_on_a_whole_name_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


def test_is_piece_of_name():
    assert is_piece_of_name("Afri", "fr") and is_piece_of_name("Vorsit", "de") and is_piece_of_name("Boliva", "es")
    assert not is_piece_of_name("Fest", "de") and not is_piece_of_name("Tidaholm", "en")
    # the longer word is looked for in the caption's language and English: no French name is a
    # piece of a German verb ('bietet')
    assert is_piece_of_name("Biet", "de") and not is_piece_of_name("Biet", "fr")


@pytest.mark.parametrize(
    "caption",
    [
        # Spanish and French write their common words in lower case: a capitalised one after a
        # place's preposition is a place's name cut short ('Cara', face, before Caracas)
        "Cientos de vecinos hacen fila para recibir alimentos frente a un mercado popular del centro de Cara",
        "Los trabajadores del puerto protestan frente a la sede del gobierno regional, en Cara",
    ],
)
def test_a_common_word_capitalised_in_a_place_slot_of_spanish_or_french_is_a_cut(caption):
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # false friends: a preposition inside a name ('Plaza de Mayo'), and English, whose months
        # and common words are capitalised
        "Miles de manifestantes marchan por las calles céntricas desde el Congreso hasta la Plaza de Mayo",
        "Miles de personas celebran en la avenida principal el desfile del Cinco de Mayo",
        "Hundreds of residents queue for food parcels outside a community hall on the edge of town in August",
    ],
)
def test_a_common_word_in_a_name_or_in_english_stays_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    ("caption", "cut"),
    [
        # a short caption (under twelve words) ending on a piece of a name is cut too ...
        ("Ein Gaukler jongliert am Abend vor dem Publikum der Bamberger Alts", True),
        ("Des enfants posent devant la statue du fondateur de Jeune Afri", True),
        # ... and a whole name no list holds is not
        ("Ein Gaukler jongliert am Abend vor dem Publikum in Bamberg mit Jonas Wurmbrand", False),
        ("Des enfants posent devant la statue du fondateur Albert Kerbrat", False),
    ],
)
def test_a_short_caption_ending_on_a_name(caption, cut):
    assert ("truncated_text" in parse_block(caption).problems) is cut


@pytest.mark.parametrize(
    "caption",
    [
        # false friends: short forms and common words used on their own ('Demo', 'tele', 'prof',
        # 'opera', 'interna'), though longer words begin with them
        "Tausende Menschen versammeln sich am Samstag auf dem Marktplatz zu einer großen Demo",
        "Los niños del barrio ven los dibujos animados de la mañana en la tele",
        "Les élèves de la classe de troisième écoutent attentivement leur prof",
        "The couple spent a long evening in the city and ended the night at the opera",
        "Los diputados del partido discuten durante horas sobre la crisis interna",
    ],
)
def test_a_short_form_or_a_common_word_on_its_own_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # a rare name or word that begins no word of the four languages' lists: nothing says it
        # was cut, and a whole one is the likelier
        "Workers in high-visibility vests take a break outside the sawmill at a small factory in Brännestad",
        "Les supporters chantent sous la pluie avant le coup d'envoi du match au stade Mbenguéla",
        "Los vecinos recuerdan con cariño a la maestra del pueblo, la señora Yolotzin",
    ],
)
def test_a_long_caption_ending_on_a_word_no_list_begins_is_whole(caption):
    assert "truncated_text" not in parse_block(caption).problems


@pytest.mark.parametrize(
    "caption",
    [
        # false friends: pieces no list holds that begin a known word are still cut
        "Workers in high-visibility vests take a break outside the sawmill in the old industrial distr",
        "Les supporters chantent sous la pluie avant le coup d'envoi du match au stade municip",
    ],
)
def test_a_piece_that_begins_a_known_word_is_still_a_cut(caption):
    assert "truncated_text" in parse_block(caption).problems


@pytest.mark.parametrize(
    ("caption", "cut"),
    [
        # an acronym in capitals after running text ends a sentence whole, however rare it is ...
        ("Officials speak to reporters after a long meeting at the headquarters with members of the DEA", False),
        ("Die Delegierten sprechen nach der langen Sitzung mit den Vertretern des THW", False),
        ("Les délégués parlent aux journalistes après la longue réunion avec les membres de la CGT", False),
        ("Los delegados hablan con la prensa tras la larga reunión con los miembros de la UGT", False),
        # ... while a word cut short after it is still a cut (false friend)
        ("Los delegados hablan con la prensa tras la larga reunión con los miembros de la confeder", True),
    ],
)
def test_an_acronym_after_running_text_is_whole(caption, cut):
    assert ("truncated_text" in parse_block(caption).problems) is cut


@pytest.mark.parametrize(
    ("caption", "cut"),
    [
        # an acronym of two capitals after running lower-case text ends a sentence whole, though
        # folded it is a word a sentence cannot end on ('un', 'au') ...
        ("Delegates from forty countries gathered in a lakeside hotel for talks run by the UN", False),
        ("Die Staats- und Regierungschefs trafen sich am Donnerstag zum zweitägigen Gipfel der EU", False),
        ("Soldiers arrived in the northern province last week as part of a mission led by the AU", False),
        ("The base was handed over to local forces after the withdrawal of troops from the US", False),
        ("Les ministres se sont réunis mardi soir pour préparer le sommet de la UE", False),
        # ... while a capitalised word cut to two letters is still a cut (false friends), and so
        # is the same word in lower case where it dangles (French 'un', 'au')
        ("The photograph shows the old covered market square in the city of Ma", True),
        ("Les ministres se sont réunis mardi soir dans la capitale pour préparer un", True),
        ("Les ministres se sont réunis mardi soir dans la capitale avant de partir au", True),
    ],
)
def test_a_two_letter_acronym_after_running_text_is_whole(caption, cut):
    assert ("truncated_text" in parse_block(caption).problems) is cut


@pytest.mark.parametrize(
    ("caption", "cut"),
    [
        # a German separable verb's particle ends a German sentence whole ...
        ("Trotz des Regens und der Kälte halten die Proteste in der Innenstadt noch an", False),
        ("Nach der langen Winterpause fängt die Saison für die Mannschaft morgen an", False),
        ("Der Zug aus dem Süden kommt nach der Verspätung erst um acht Uhr an", False),
        ("Die Kinder räumen nach dem Fest den Garten gemeinsam mit den Eltern auf", False),
        ("Die Polizei sperrte die Straße am frühen Morgen für den Verkehr vollständig zu", False),
        ("Die Besucher bringen für das Picknick im Stadtpark ihre eigenen Getränke mit", False),
        ("Die Gäste treffen am Abend nach und nach im großen Saal des Gasthofs ein", False),
        # ... while a German article or conjunction still dangles, and so does an English
        # sentence's 'an', 'the' or 'and' (false friends: the list is the text's language's)
        ("Die Demonstranten ziehen am Samstag mit Transparenten durch die Innenstadt und", True),
        ("Die Demonstranten ziehen am Samstag mit Transparenten durch die Innenstadt zu der", True),
        ("Protesters march through the city centre on Saturday carrying banners against an", True),
        ("Protesters march through the city centre on Saturday carrying banners against the", True),
        ("Protesters march through the city centre on Saturday carrying banners and", True),
    ],
)
def test_a_sentence_ends_on_the_words_its_language_ends_on(caption, cut):
    assert ("truncated_text" in parse_block(caption).problems) is cut


def test_the_dangling_words_are_each_languages():
    from captions.ingest.lexicon import DANGLING_WORDS, dangling_words

    assert "an" not in dangling_words("de") and "mit" not in dangling_words("de")
    assert "an" in dangling_words("en") and "der" in dangling_words("de") and "the" in dangling_words("en")
    assert dangling_words(None) == DANGLING_WORDS and {"an", "mit", "der", "the", "la"} <= DANGLING_WORDS


@pytest.mark.parametrize(
    ("caption", "cut"),
    [
        # a whole word's genitive or plural '-s' / '-es' closing a long sentence is no piece of
        # a word ('Fraumünster' is a whole word, 'Fraumünsters' its genitive)
        (
            "Zahlreiche Besucher bestaunen am Sonntag in Zürich die berühmten Glasfenster von Marc Chagall "
            "im Chor des Fraumünsters",
            False,
        ),
        (
            "Zahlreiche Besucher bestaunen am Sonntag in Zürich die berühmten Glasfenster im Chor des Grossmünsters",
            False,
        ),
        # false friends: the word cut short before its ending still is
        (
            "Zahlreiche Besucher bestaunen am Sonntag in Zürich die berühmten Glasfenster im Chor des Fraumün",
            True,
        ),
    ],
)
def test_a_whole_words_genitive_closing_a_sentence_is_no_cut(caption, cut):
    assert ("truncated_text" in parse_block(caption).problems) is cut
