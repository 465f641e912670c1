"""Units of measure after a number: one canonical vocabulary.

A unit people write out in news ("kilometres", "km", "kms") is given by its SI name ("kilometre"); a
scientific symbol with no everyday name ("keV", "mbar", "Å") keeps its symbol, which is how that field
writes it. A compound keeps its parts: "km/h" is "kilometre per hour", "mW m−2" stays as written.
pint would parse these too, but its names ("kiloelectron_volt") are no closer to what readers compare and its
registry takes longer to load than our whole extraction of an article; the table below is small and exact.
"""
from __future__ import annotations

import re

from .wordre import alternation

# symbols and abbreviations of units with an everyday name, and that name
SYMBOL_NAMES = {
    "km": "kilometre", "kms": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "nm": "nanometre",
    "kg": "kilogram", "kgs": "kilogram", "g": "gram", "mg": "milligram", "t": "tonne", "lb": "pound-mass",
    "lbs": "pound-mass", "oz": "ounce", "mi": "mile", "ft": "foot", "yd": "yard", "h": "hour", "hr": "hour",
    "hrs": "hour", "min": "minute", "mins": "minute", "s": "second", "sec": "second", "secs": "second",
"l": "litre", "L": "litre", "ml": "millilitre", "mL": "millilitre", "cl": "centilitre",
    "°C": "degree Celsius", "°F": "degree Fahrenheit", "ºC": "degree Celsius", "ºF": "degree Fahrenheit",
    "mph": "mile per hour", "km/h": "kilometre per hour", "kph": "kilometre per hour", "kmh": "kilometre per hour",
    "GB": "gigabyte", "MB": "megabyte", "kB": "kilobyte", "KB": "kilobyte", "TB": "terabyte",
    "GHz": "gigahertz", "MHz": "megahertz", "kHz": "kilohertz", "Hz": "hertz",
    "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "W": "watt", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "Wh": "watt hour", "hp": "horsepower",
    "bbl": "barrel", "ha": "hectare", "km2": "square kilometre", "km²": "square kilometre", "m2": "square metre",
    "m²": "square metre", "sq km": "square kilometre", "sq mi": "square mile", "sq ft": "square foot",
    "m3": "cubic metre", "m³": "cubic metre", "%": "percent",
    "PB": "petabyte", "EB": "exabyte", "tbsp": "tablespoon", "tsp": "teaspoon",
    # ages in geology and astronomy: million and billion years
    "Ma": "megayear", "Ga": "gigayear", "Myr": "megayear", "Gyr": "gigayear",
}
# scientific symbols kept as written (prefixed SI units and others without an everyday name)
SYMBOLS = (
    "K", "eV", "keV", "MeV", "GeV", "TeV", "meV", "Å", "mbar", "bar", "Pa", "kPa", "MPa", "GPa", "hPa", "V", "kV",
    "mV", "A", "mA", "μm", "µm", "μg", "µg", "μl", "µl", "μbar", "µbar", "J", "kJ", "MJ", "Gy", "mGy", "Sv",
    "mSv", "μSv", "T", "mT", "ppm", "ppb", "mol", "mmol", "μmol", "dB", "cal", "kcal", "ka", "wt%",
    "vol%", "°", "Mt", "Gt", "kt", "mi²", "cm3", "cm²", "cm2", "mm2", "mm3", "nmol", "ms", "μs", "µs", "ns", "TWh",
    "‰", "ng", "pg", "mW", "μW", "µW", "nM", "μM", "µM", "mM",
)
# words for units, plural or singular, and their canonical name
WORD_UNITS = {
    "metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre",
    "centimetre": "centimetre", "centimeter": "centimetre", "millimetre": "millimetre", "millimeter": "millimetre",
    "mile": "mile", "foot": "foot", "feet": "foot", "inch": "inch", "inches": "inch", "yard": "yard",
    "kilogram": "kilogram", "kilogramme": "kilogram", "gram": "gram", "gramme": "gram", "tonne": "tonne",
    "ton": "tonne", "pound": "pound-mass", "ounce": "ounce", "litre": "litre", "liter": "litre",
    "millilitre": "millilitre", "milliliter": "millilitre", "gallon": "gallon", "barrel": "barrel",
    "hectare": "hectare", "acre": "acre", "byte": "byte", "kilobyte": "kilobyte", "megabyte": "megabyte",
    "gigabyte": "gigabyte", "terabyte": "terabyte", "petabyte": "petabyte", "exabyte": "exabyte", "watt": "watt",
    "kilowatt": "kilowatt", "megawatt": "megawatt",
    "gigawatt": "gigawatt", "volt": "volt", "joule": "joule", "calorie": "calorie", "knot": "knot",
    "hour": "hour", "minute": "minute", "second": "second", "cup": "cup", "tablespoon": "tablespoon",
    "teaspoon": "teaspoon", "pint": "pint",
}
# the word before a unit that makes it an area or a volume
POWERS = {"square": "square", "sq": "square", "cubic": "cubic"}
# the word after a unit that makes it an area or a volume
POWER_WORDS = {"squared": "square", "cubed": "cubic"}
# degrees of temperature and their scale
DEGREE_SCALES = {"celsius": "degree Celsius", "centigrade": "degree Celsius", "fahrenheit": "degree Fahrenheit",
                 "c": "degree Celsius", "f": "degree Fahrenheit", "kelvin": "kelvin"}

_EXPONENT = r"(?:\s?(?:[−-]\s?\d|[⁻]?[¹²³⁴]|\^-?\d)|(?<=[a-z])[23](?![\d.,]))"
# a symbol right after a number: "5 km", "20 °C", "10 keV", "7.83 m s−1", "4.2 Å", "1 ml/h"
_SYMBOL = re.compile(
    r"(?:\s|-(?=[A-Za-zμµ°]))?(?P<sym>" + alternation(list(SYMBOL_NAMES) + list(SYMBOLS)) + r")(?P<exp>" + _EXPONENT
    + r")?"
    r"(?P<tail>(?:\s?/\s?|\s)(?:" + alternation(list(SYMBOL_NAMES) + list(SYMBOLS)) + r")" + _EXPONENT + r"?)*"
    r"(?![\w°/%])")
# "20 °C", "68 degrees Fahrenheit", and "41.2C" written against the figure, as British papers write it
# words around a temperature written "41.2C"
_TEMPERATURE_BEFORE = re.compile(r"\b(?:[Tt]emperatures?|heat|heatwave|cold|warm|hot|highs?|lows?|weather|thermometer|"
                                 r"mercury|frost|freezing|[Ss]oared|[Pp]lunged|[Pp]eaked)\b")
_DEGREES = re.compile(r"\s?(?:°\s?|degrees?\s+)(?P<scale>[Cc]elsius|[Cc]entigrade|[Ff]ahrenheit|[Kk]elvin|C|F)\b"
                      r"|(?P<bare>[CF])(?![\w°'’-])")
_WORD = re.compile(
    r"[\s-](?:(?P<power>square|sq|cubic)\s+)?(?P<word>" + alternation(
        [w + "s" for w in WORD_UNITS if not w.endswith("s")] + list(WORD_UNITS)) + r")\b"
    r"(?:\s+(?P<sq>squared|cubed))?(?:\s+(?:per|an|a)\s+(?P<per>" + alternation(
        [w for w in WORD_UNITS] + ["day", "week", "month", "year", "person", "capita"]) + r")\b)?")
_PER_SYMBOL = re.compile(r"\s?/\s?(?P<per>" + alternation(list(SYMBOL_NAMES) + list(SYMBOLS)) + r")(?![\w°])")
# a bare symbol that is more often a word or a letter than a unit after a number
_AMBIGUOUS = frozenset({"A", "T", "V", "W", "J", "K", "m", "s", "t", "g", "h", "l", "L", "Ma", "ka", "Ga", "cal",
                        "bar", "mi", "Pa", "°"})
# adjectives of size after a length: "2 in thick", "30 ft long"
SIZE_WORDS = ("thick", "long", "wide", "tall", "high", "deep", "across", "in diameter", "in length", "in width")
# "in" for inches only where it cannot be the preposition: before a size word, or closing its sentence or clause
_INCH = re.compile(r"\s?in\b(?:\.?(?=\s+(?:" + "|".join(SIZE_WORDS) + r")\b)|(?=\.?(?:\s+[A-Z]|\s*$)|[,;)]))")
_POWER_AFTER = re.compile(r"\s+(squared|cubed)\b")
_POWER_EXP = re.compile(r"\^?([23²³])")
_TIME_NAMES = frozenset({"hour", "minute", "second"})
_PLAIN_AFTER = re.compile(r"[\s,.;:)\]]|$")


def _name(sym: str) -> str:
    return SYMBOL_NAMES.get(sym, sym)


def symbol_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written as a symbol right after a number ending at ``pos``: (canonical unit, end)."""
    d = _DEGREES.match(text, pos)
    if d:
        if d["scale"] or _TEMPERATURE_BEFORE.search(text, max(0, pos - 80), pos):
            return DEGREE_SCALES[(d["scale"] or d["bare"]).lower()], d.end()
        return None  # "Flat 4C": a letter, unless the sentence is about temperatures
    m = _SYMBOL.match(text, pos)
    if m is None:
        inch = _INCH.match(text, pos)
        return ("inch", inch.end()) if inch is not None else None
    sym = m["sym"]
    if sym in _AMBIGUOUS and not (m["tail"] or m["exp"]) and (
            not _PLAIN_AFTER.match(text, m.end()) or text[m.start("sym") - 1:m.start("sym")] not in " \u00a0"
            and sym not in ("m", "s", "h", "t", "K", "°")):
        return None
    power = _POWER_EXP.fullmatch((m["exp"] or "").strip())
    if power and not m["tail"] and sym in SYMBOL_NAMES:
        return f"{'square' if power[1] in '2²' else 'cubic'} {_name(sym)}", m.end()  # "4km^2", "5 m³"
    if m["tail"] or m["exp"]:
        per = (m["tail"] or "").strip(" /")
        if sym in SYMBOL_NAMES and per in SYMBOL_NAMES and "/" in m["tail"] and not m["exp"] and (
                SYMBOL_NAMES[per] in _TIME_NAMES):
            return f"{_name(sym)} per {_name(per)}", m.end()  # "km/h", "ml/h": a rate
        return text[m.start("sym"):m.end()].strip(), m.end()  # "kg/m3", "mW m−2": written as the field writes it
    power = _POWER_AFTER.match(text, m.end())
    if power and sym in SYMBOL_NAMES:
        return f"{POWER_WORDS[power[1]]} {_name(sym)}", power.end()  # "4 km squared"
    return _name(sym), m.end()


def word_unit(text: str, pos: int) -> tuple[str, int] | None:
    """The unit written as a word right after a number ending at ``pos`` ("kilometres per hour",
    "square miles", "km squared"): (canonical unit, end)."""
    d = _DEGREES.match(text, pos)
    if d and d["scale"] and not d.group().lstrip().startswith("°"):
        return DEGREE_SCALES[d["scale"].lower()], d.end()
    m = _WORD.match(text, pos)
    if m is None:
        return None
    word = m["word"].lower()
    name = WORD_UNITS.get(word) or WORD_UNITS.get(word[:-1]) or WORD_UNITS.get(word[:-2]) or word
    power = POWERS.get((m["power"] or "").lower()) or POWER_WORDS.get(m["sq"] or "")
    if power:
        name = f"{power} {name}"
    if m["per"]:
        per = m["per"].lower()
        name = f"{name} per {WORD_UNITS.get(per, per)}"
    return name, m.end()
