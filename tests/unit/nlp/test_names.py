"""People's names: each rule of readout.nlp.names on invented names."""

from __future__ import annotations

from readout.nlp.names import NameIndex, bare_name, canonical_map, name_key, same_surname


def test_honorifics_and_titles_are_stripped():
    assert bare_name("Mr. Tomas Halvorsen") == "Tomas Halvorsen"
    assert bare_name("Dr. Halvorsen") == "Halvorsen"
    assert bare_name("President Halvorsen") == "Halvorsen"
    assert bare_name("Valdorian Deputy Foreign Minister Lena Okafor") == "Lena Okafor"
    assert bare_name("Army General Piet Brandt") == "Piet Brandt"


def test_possessive_is_stripped():
    assert bare_name("Halvorsen's") == "Halvorsen"
    assert bare_name("Lena Okafor\u2019s") == "Lena Okafor"


def test_a_name_that_looks_like_a_nationality_is_kept():
    assert bare_name("Brian Castellan") == "Brian Castellan"


def test_al_particle_is_ignored_when_matching():
    assert name_key("al-Haddad") == name_key("Haddad")
    assert canonical_map(["Karim al-Haddad", "al-Haddad", "Haddad"])["Haddad"] == "Karim al-Haddad"


def test_transliteration_key_folds_y_ou_and_doubled_letters():
    assert name_key("Belousov") == name_key("Belusov")
    assert name_key("Zhukovsky") == name_key("Zhukovski")
    assert name_key("Tarassenko") == name_key("Tarasenko")


def test_transliteration_by_one_vowel_needs_same_initial_and_length():
    assert same_surname(name_key("Tokayev"), name_key("Tokaev"))
    assert same_surname(name_key("Kovalenko"), name_key("Kovalenka"))
    assert not same_surname(name_key("Kovalenko"), name_key("Novalenko"))  # another initial
    assert not same_surname(name_key("Berg"), name_key("Borg"))  # too short to tell variants from names
    assert not same_surname(name_key("Marden"), name_key("Marten"))  # a consonant makes another name


def test_bare_surname_joins_the_full_name():
    mapping = canonical_map(["Tomas Halvorsen", "Halvorsen", "Mr. Halvorsen", "Zhukovski", "Ivan Zhukovsky"])
    assert mapping["Halvorsen"] == mapping["Mr. Halvorsen"] == "Tomas Halvorsen"
    assert mapping["Zhukovski"] == "Ivan Zhukovsky"


def test_canonical_is_the_fullest_then_the_most_written():
    mapping = canonical_map(["Karim Haddad", "Karim Haddad", "Karim Haddad", "Karim al-Haddad"])
    assert set(mapping.values()) == {"Karim al-Haddad"}
    mapping = canonical_map(["Lena Okafor", "Lena Okafor", "Lena Okafour"])
    assert set(mapping.values()) == {"Lena Okafor"}


def test_two_people_with_one_surname_stay_apart_and_a_bare_surname_prefers_its_document():
    index = NameIndex(["Anna Brandt", "Piet Brandt", "Piet Brandt", "Brandt"])
    assert index.canonical("Anna Brandt") == "Anna Brandt"
    assert index.canonical("Brandt") == "Piet Brandt"  # the collection's most mentioned
    local = {"Anna Brandt": 1}
    assert index.canonical("Brandt", local) == "Anna Brandt"  # the one its own document names


def test_a_surname_without_a_full_name_is_its_own_canonical():
    assert canonical_map(["Minister Okonjo", "Okonjo"]) == {"Minister Okonjo": "Okonjo", "Okonjo": "Okonjo"}


def test_canonical_map_leaves_states_and_cities_alone():
    mapping = canonical_map(["Norway", "Anna Norway", "Bergen", "Halvorsen", "Tomas Halvorsen"])
    assert mapping["Norway"] == "Norway" and mapping["Bergen"] == "Bergen"
    assert mapping["Halvorsen"] == "Tomas Halvorsen"


def test_a_title_word_inside_a_name_is_part_of_the_name():
    assert canonical_map(["John Major", "Mr. Major"])["Mr. Major"] == "John Major"


def test_a_bare_family_name_written_first_joins_its_full_name():
    assert canonical_map(["Wen Jiabo", "Wen"])["Wen"] == "Wen Jiabo"
    assert canonical_map(["Wen Jiabo", "Wen Lu", "Wen"])["Wen"] == "Wen"  # two people: undecided


def test_a_name_read_as_a_place_in_one_sentence_is_the_person_the_collection_names(nlp):
    from readout.nlp.entities import Found, settle_full_names

    docs = [nlp("The minister, Ilse Marwen, came to Port Selby."), nlp("Marwen met Oto Brask."),
            nlp("Brask received her in Selby Harbour.")]
    found = [
        [Found(3, 5, "GPE", "Ilse Marwen"), Found(8, 10, "GPE", "Port Selby")],
        [Found(0, 1, "PERSON", "Marwen"), Found(2, 4, "PERSON", "Oto Brask")],
        [Found(0, 1, "GPE", "Brask"), Found(4, 6, "ORG", "Selby Harbour")],
    ]
    settled = settle_full_names(docs, found)
    assert [f.label for f in settled[0]] == ["PERSON", "GPE"]  # a place is not called by its last word
    assert [f.label for f in settled[2]] == ["PERSON", "ORG"]  # a lone surname of a person named in full
    alone = settle_full_names(docs[:1], found[:1])  # no person named: left to the model
    assert [f.label for f in alone[0]] == ["GPE", "GPE"]


def test_an_excellency_is_a_courtesy_form_stripped_from_the_name():
    assert bare_name("H.E. Mrs Ilse Marwen") == "Ilse Marwen"


def test_a_person_whose_name_ends_in_a_feature_or_building_word_is_that_place(nlp):
    from readout.nlp.entities import Found, settle_full_names

    docs = [nlp("Talks on the Orm Bank quotas went on at Varga Palace with Ilse Marwen.")]
    found = [[Found(3, 5, "PERSON", "Orm Bank"), Found(9, 11, "PERSON", "Varga Palace"),
              Found(12, 14, "PERSON", "Ilse Marwen")]]
    assert [f.label for f in settle_full_names(docs, found)[0]] == ["LOC", "FAC", "PERSON"]


def test_the_state_word_of_a_title_taken_into_a_name_is_stripped():
    assert bare_name("Republic Ilse Marwen") == "Ilse Marwen"  # "President of the Republic Ilse Marwen"
    assert bare_name("Kingdom Tower") == "Kingdom Tower"  # a full name of its own is left whole


def test_a_chain_of_patronymics_is_the_person_of_its_first_fathers_name():
    """'Karim bin Yusuf bin Rashid' is the long form of 'Karim bin Yusuf' (the first father's name
    identifies the person); the short form, ending on that name, is the canonical one."""
    mapping = canonical_map(["Karim bin Yusuf bin Rashid", "Karim bin Yusuf", "bin Yusuf", "Omar bin Rashid"])
    assert {name: mapping[name] for name in ("Karim bin Yusuf bin Rashid", "bin Yusuf")} == {
        "Karim bin Yusuf bin Rashid": "Karim bin Yusuf", "bin Yusuf": "Karim bin Yusuf"}
    assert mapping["Omar bin Rashid"] == "Omar bin Rashid"  # his father's name is another person's
