"""Demo evaluation indicators (indicators.toml, <language>/indicators.toml): a
few per thematic area, computed from the demo data or entered by hand with a
source, so that the areas' statistics pages show progress against targets.

Officials enter indicators in the admin and no service makes them, so the seed
makes them as the admin does.  Runs again without changing anything.
"""

from core.language import LANGUAGE_CODES
from opendata.models import Indicator

from . import data

PARAMETERS = ("language", "answer", "manual_value", "manual_source")


def seed_indicators(seeder):
    records = data.load("indicators")
    names = {code: data.load("indicators", code)["names"] for code in LANGUAGE_CODES}
    per_area = records["per_area"]
    rows = [(record["area"], record) for record in records["indicator"]]
    rows += [(area, record) for area in per_area["areas"] for record in per_area["indicator"]]
    for position, (area, record) in enumerate(rows):
        key = record["name"]
        name_fields = {f"name_{code}": texts[key] for code, texts in names.items()}
        original = f"name_{seeder.source}"
        if Indicator.objects.filter(area=area, **{original: name_fields[original]}).exists():
            continue
        Indicator.objects.create(
            area=area,
            target=record["target"],
            year=records["year"],
            measure=record.get("measure", ""),
            sort_order=position,
            **name_fields,
            **{name: record[name] for name in PARAMETERS if name in record},
        )
        seeder.log(f"indicator {area}: {key}")
