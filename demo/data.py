"""Reading the demo's data files, ``demo/content/*.toml`` (records the same in
every language) and ``demo/content/<language>/*.toml`` (texts).

A file is read into a :class:`Table`, a read-only mapping that knows where it
came from, so that a field the seed needs and the file lacks is reported by
file and place (``demo/content/council.toml: meeting[1].poll[0] has no field
"question"``) instead of as a bare ``KeyError`` from deep inside a step.
"""

import tomllib
from collections.abc import Mapping
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"


class DemoDataError(Exception):
    """A data file is missing, is not valid TOML, or lacks a field."""


def load(name, language=None, *, root=None):
    """``<name>.toml``, or ``<language>/<name>.toml`` for texts, in ``root``
    (``demo/content`` unless given)."""
    root = root or CONTENT
    path = root / language / f"{name}.toml" if language else root / f"{name}.toml"
    where = _shown(path)
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except FileNotFoundError:
        raise DemoDataError(f"{where} is missing") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{where} is not valid TOML: {error}") from None
    return Table(data, where)


def _shown(path):
    """The path as a reader finds it: from the project's root when inside it."""
    try:
        return str(path.relative_to(CONTENT.parent.parent))
    except ValueError:
        return str(path)


class Table(Mapping):
    """A TOML table; nested tables are Tables and arrays are tuples, each knowing
    its place in the file."""

    def __init__(self, data, file, place=""):
        self._data = data
        self.file = file
        self.place = place

    def __getitem__(self, name):
        try:
            value = self._data[name]
        except KeyError:
            where = f"{self.file}: {self.place}" if self.place else self.file
            raise DemoDataError(f'{where} has no field "{name}"') from None
        return _wrap(value, self.file, self._at(name))

    def invalid(self, name, why):
        """The error to raise when field ``name`` holds something the seed cannot use."""
        return DemoDataError(f"{self.file}: {self._at(name)} {why}")

    def _at(self, name):
        return f"{self.place}.{name}" if self.place else name

    def __contains__(self, name):
        return name in self._data

    def get(self, name, default=None):
        """An optional field: ``default`` when the file leaves it out."""
        return self[name] if name in self._data else default

    def __iter__(self):
        return iter(self._data)

    def __len__(self):
        return len(self._data)

    def __repr__(self):
        return f"<Table {self.file}:{self.place or '(top)'}>"


def _wrap(value, file, place):
    if isinstance(value, dict):
        return Table(value, file, place)
    if isinstance(value, list):
        return tuple(_wrap(item, file, f"{place}[{number}]") for number, item in enumerate(value))
    return value
