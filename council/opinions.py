"""The council's half of ``core.opinions``: its adopted resolutions that give
an opinion on one of the city's consultations.

Only a resolution gives an opinion: a motion naming a consultation that is
rejected or withdrawn never had one adopted, so it has no ``Resolution`` row.
"""

from django.conf import settings

from core.opinions import Opinion

from .models import Resolution


def resolution_number(resolution):
    """The resolution's number as ``RADA_RESOLUTION_NUMBER_FORMAT`` writes it."""
    return settings.RADA_RESOLUTION_NUMBER_FORMAT.format(
        term=resolution.term.number,
        term_roman=resolution.term.roman,
        number=resolution.number,
        year=resolution.adopted_on.year,
    )


def opinions_on(keys):
    """``{consultation key: [Opinion, …]}``, oldest resolution first, in one query."""
    found = {}
    resolutions = (
        Resolution.objects.filter(motion__consultation_key__in=list(keys))
        .select_related("term", "motion")
        .order_by("adopted_on", "number")
    )
    for resolution in resolutions:
        found.setdefault(resolution.motion.consultation_key, []).append(
            Opinion(
                key=f"council.resolution:{resolution.pk}",
                number=resolution_number(resolution),
                title=resolution.title,
                url=resolution.get_absolute_url(),
                language=resolution.language,
            )
        )
    return found
