"""Participation in numbers: the data behind each chart of the statistics pages.

Each dataset is built once by one function below and then shown four ways --
chart, text summary, table and download (CSV, JSON) -- so the small-count
rule, applied while building it, holds in all of them alike.
"""

from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from consultations.models import Answer, Source, Status
from core import tabular
from council.selectors import city_answer_totals, current_term
from support.selectors import report_counts

from . import charts, stats
from .models import Indicator

FORMATS = ("csv", "json")


@dataclass
class Dataset:
    slug: str
    title: str
    columns: list  # [(key, label)]
    rows: list  # [{key: value}], values already through the small-count rule
    chart: charts.Chart | None = None
    note: str = ""
    links: dict = field(default_factory=dict)

    # Codes for machines: in the downloads, not in the table on the page.
    CODE_COLUMNS = ("language", "area", "status", "answer", "channel", "kind")

    @property
    def table_columns(self):
        return [(key, label) for key, label in self.columns if key not in self.CODE_COLUMNS]

    @property
    def table_rows(self):
        keys = [key for key, _label in self.table_columns]
        return [[row[key] for key in keys] for row in self.rows]

    def cell(self, value):
        """A value as written in CSV and JSON."""
        if stats.is_suppressed(value):
            return value.code
        return value


def _language_name(code):
    return get_language_info(code)["name_translated"]


def _small_note(rows, keys):
    if any(stats.is_suppressed(row[key]) for row in rows for key in keys):
        return _(
            "Counts from 1 to 4 are shown as “fewer than 5”. Where the total would give such a count away, "
            "one more count is withheld, whatever its size, so that nobody can be recognised."
        )
    return ""


def _suppress(rows, keys):
    for key in keys:
        for row, value in zip(rows, stats.suppress_column([row[key] for row in rows]), strict=True):
            row[key] = value
    return rows


# --- the datasets ---------------------------------------------------------------------


def over_time(area, context):
    months = stats.participation_by_month(area=area)
    keys = ("comments", "proposals", "supports")
    rows = _suppress([{**row, "month": row["month"].strftime("%Y-%m")} for row in months], keys)
    names = {"comments": _("Comments"), "proposals": _("Proposals"), "supports": _("Supports")}
    title = _("Participation month by month")
    chart = None
    if rows:
        labels = [date_format(month["month"], "M y") for month in months]
        peak = max(months, key=lambda row: row["comments"])
        if stats.is_suppressed(stats.public_count(peak["comments"])) or not peak["comments"]:
            summary = _("In every month residents wrote fewer than 5 comments, or none.")
        else:
            summary = _("Residents wrote the most comments in %(month)s.") % {
                "month": date_format(peak["month"], "F Y")
            }
        chart = charts.line_chart(
            chart_id="chart-over-time",
            title=title,
            description=_("Line chart: comments, proposals and supports each month, from %(first)s to %(last)s.")
            % {"first": labels[0], "last": labels[-1]},
            summary=summary,
            labels=labels,
            series=[(names[key], [row[key] for row in rows]) for key in keys],
        )
    columns = [("month", _("Month")), *((key, names[key]) for key in keys)]
    return Dataset("over-time", title, columns, rows, chart, _small_note(rows, keys))


def by_language(area, context):
    rows = [{**row, "label": _language_name(row["language"])} for row in stats.participation_by_language(area=area)]
    raw = [(row["label"], row["comments"]) for row in rows]
    total = sum(row["comments"] for row in rows)
    rows = _suppress(rows, ("comments", "proposals"))
    title = _("Comments and proposals by the language they were written in")
    chart = charts.bar_chart(
        chart_id="chart-by-language",
        title=_("Comments by language"),
        description=_("Bar chart: the number of residents' comments written in each language."),
        summary=charts.share_summary(
            rows=[(label, row["comments"]) for (label, _n), row in zip(raw, rows, strict=True)],
            total=total,
            most=_("Most comments were written in %(label)s (%(percent)s of all comments)."),
            all_small=_("Fewer than 5 comments were written in each language."),
            nothing=_("No comments have been written yet."),
        ),
        rows=[(row["label"], row["comments"]) for row in rows],
    )
    columns = [("language", _("Language code")), ("label", _("Language")), ("comments", _("Comments"))]
    columns.append(("proposals", _("Proposals")))
    return Dataset("by-language", title, columns, rows, chart, _small_note(rows, ("comments", "proposals")))


def _channel_labels():
    """Short enough for a chart's bar label, and whole sentences for each
    language's grammar (a source's name cannot be slotted into a phrase)."""
    return {
        stats.ONLINE: _("Written on the site"),
        Source.PAPER: _("Paper form, through a facilitator"),
        Source.PHONE: _("Phone call, through a facilitator"),
        Source.WORKSHOP: _("Workshop or meeting, through a facilitator"),
        Source.OTHER: _("Another way, through a facilitator"),
    }


def by_channel(area, context):
    """Comments residents wrote themselves, and those facilitators entered for
    them, counted apart: assisted input is shown, not blended in."""
    counts = stats.comments_by_channel(area=area)
    labels = _channel_labels()
    rows = [{**row, "label": str(labels[row["channel"]])} for row in counts]
    total = sum(row["comments"] for row in counts)
    facilitated = total - next(row["comments"] for row in counts if row["channel"] == stats.ONLINE)
    rows = _suppress(rows, ("comments",))
    if not total:
        summary = _("No comments have been written yet.")
    elif not facilitated:
        summary = _("Residents wrote every comment on the site themselves; none was entered by a facilitator.")
    elif stats.is_suppressed(stats.public_count(facilitated)):
        summary = _("Fewer than 5 comments were entered by facilitators on behalf of residents.")
    else:
        summary = _(
            "%(count)s of %(total)s comments (%(percent)s) were entered by facilitators on behalf of residents."
        ) % {
            "count": facilitated,
            "total": total,
            "percent": f"{round(100 * facilitated / total)}%",
        }
    title = _("How comments reached the city")
    chart = charts.bar_chart(
        chart_id="chart-by-channel",
        title=title,
        description=_(
            "Bar chart: comments residents wrote on the site, and comments facilitators entered for them "
            "from paper forms, telephone calls, workshops and other ways."
        ),
        summary=summary,
        rows=[(row["label"], row["comments"]) for row in rows],
    )
    columns = [("channel", _("Channel code")), ("label", _("How the comment was given")), ("comments", _("Comments"))]
    return Dataset("by-channel", title, columns, rows, chart, _small_note(rows, ("comments",)))


def by_area(area, context):
    if area:
        return None
    rows = stats.participation_by_area()
    for row in rows:
        row["label"] = str(row["label"])
    total = sum(row["participants"] for row in rows)
    keys = ("participants", "comments", "proposals", "supports")
    rows = _suppress(rows, keys)
    title = _("Participation by thematic area")
    chart = charts.bar_chart(
        chart_id="chart-by-area",
        title=_("People taking part, by thematic area"),
        description=_("Bar chart: the number of residents who took part in the consultations of each area."),
        summary=charts.share_summary(
            rows=[(row["label"], row["participants"]) for row in rows],
            total=total,
            most=_("Most people took part in the area %(label)s (%(percent)s of all participations in areas)."),
            all_small=_("Fewer than 5 people took part in each area."),
            nothing=_("Nobody has taken part in a consultation yet."),
        ),
        rows=[(row["label"], row["participants"]) for row in rows],
    )
    columns = [
        ("area", _("Area code")),
        ("label", _("Thematic area")),
        ("consultations", _("Consultations")),
        ("participants", _("People taking part")),
        ("comments", _("Comments")),
        ("proposals", _("Proposals")),
        ("supports", _("Supports")),
    ]
    return Dataset("by-area", title, columns, rows, chart, _small_note(rows, keys))


def by_status(area, context):
    counts = stats.consultations_by_status(area=area, now=context["now"])
    rows = [
        {"status": status, "label": str(label), "consultations": counts[status]} for status, label in Status.choices
    ]
    total = sum(counts.values())
    title = _("Consultations by status")
    chart = charts.bar_chart(
        chart_id="chart-by-status",
        title=title,
        description=_("Bar chart: how many consultations are upcoming, open, closed or have a published outcome."),
        summary=charts.share_summary(
            rows=[(row["label"], row["consultations"]) for row in rows],
            total=total,
            most=_("Most consultations are %(label)s (%(percent)s)."),
            all_small="",
            nothing=_("There are no consultations yet."),
        ),
        rows=[(row["label"], row["consultations"]) for row in rows],
    )
    columns = [("status", _("Status code")), ("label", _("Status")), ("consultations", _("Consultations"))]
    return Dataset("consultations-by-status", title, columns, rows, chart)


def answers(area, context):
    counts = stats.answers_given(area=area)
    rows = [{"answer": answer, "label": str(label), "answers": counts[answer]} for answer, label in Answer.choices]
    total = sum(counts.values())
    title = _("Answers of the city to comments and proposals")
    chart = charts.bar_chart(
        chart_id="chart-answers",
        title=title,
        description=_(
            "Bar chart: how many comment threads and proposals the city accepted, partly accepted, rejected or noted."
        ),
        summary=charts.share_summary(
            rows=[(row["label"], row["answers"]) for row in rows],
            total=total,
            most=_("The most common answer was “%(label)s” (%(percent)s of all answers)."),
            all_small="",
            nothing=_("The city has not answered any comment or proposal yet."),
        ),
        rows=[(row["label"], row["answers"]) for row in rows],
    )
    columns = [("answer", _("Answer code")), ("label", _("Answer")), ("answers", _("Number of answers"))]
    return Dataset("answers", title, columns, rows, chart)


def attendance(area, context):
    meetings = stats.attendance_by_meeting(term=context["term"], area=area)
    rows = [
        {
            "meeting": str(row["meeting"]),
            "date": row["day"].isoformat(),
            "present": row["present"],
            "entitled": row["entitled"],
        }
        for row in meetings
    ]
    title = _("Attendance at council meetings")
    chart = None
    if rows:
        present = sum(row["present"] for row in rows)
        entitled = sum(row["entitled"] for row in rows)
        summary = _("On average %(percent)s of the members were present at the %(count)s meetings held.") % {
            "percent": f"{round(100 * present / entitled)}%" if entitled else "0%",
            "count": len(rows),
        }
        chart = charts.bar_chart(
            chart_id="chart-attendance",
            title=title,
            description=_("Bar chart: the number of members present at each council meeting held in the term."),
            summary=summary,
            rows=[
                (f"{row['meeting']} ({date_format(row_data['day'])})", row["present"])
                for row, row_data in zip(rows, meetings, strict=True)
            ],
        )
    columns = [
        ("meeting", _("Meeting")),
        ("date", _("Date")),
        ("present", _("Members present")),
        ("entitled", _("Members of the council")),
    ]
    return Dataset("attendance", title, columns, rows, chart)


def voting_records(area, context):
    rows = [
        {key: value for key, value in row.items() if key != "member"}
        for row in stats.voting_records(term=context["term"], area=area)
    ]
    title = _("How each member voted in named votes")
    columns = [
        ("name", _("Member")),
        ("yes", _("Yes")),
        ("no", _("No")),
        ("abstain", _("Abstained")),
        ("other", _("For an option (elections)")),
        ("not_voted", _("Did not vote")),
        ("polls", _("Named votes held during the seat")),
    ]
    note = _("Only named votes are listed. Secret ballots are counted in total only and never per member.")
    return Dataset("voting-records", title, columns, rows, None, note)


# --- reports of discrimination: only those whose authors agreed to be counted ----------


def _report_note(rows):
    note = _(
        "Only reports whose authors agreed to be counted. Case workers give each report its kind and area; "
        "a report not yet looked at is counted as not classified."
    )
    small = _small_note(rows, ("reports",))
    return f"{note} {small}".strip()


def _report_dataset(slug, title, key_label, rows, chart_description, most):
    raw = [(row["label"], row["reports"]) for row in rows]
    total = sum(count for _label, count in raw)
    rows = _suppress(rows, ("reports",))
    chart = charts.bar_chart(
        chart_id=f"chart-{slug}",
        title=title,
        description=chart_description,
        summary=charts.share_summary(
            rows=[(row["label"], row["reports"]) for row in rows],
            total=total,
            most=most,
            all_small=_("Fewer than 5 reports were counted in each group."),
            nothing=_("No report has been counted yet."),
        ),
        rows=[(row["label"], row["reports"]) for row in rows],
    )
    columns = [*key_label, ("reports", _("Reports"))]
    return Dataset(slug, title, columns, rows, chart, _report_note(rows))


def _report_counts(area, context):
    """Counted once per page: three datasets share one query."""
    cache = context.setdefault("report_counts", {})
    if area not in cache:
        cache[area] = report_counts(area=area)
    return cache[area]


def reports_by_kind(area, context):
    rows = [
        {"kind": kind or "unclassified", "label": str(label), "reports": count}
        for kind, label, count in _report_counts(area, context)["kind"]
    ]
    return _report_dataset(
        "reports-by-kind",
        _("Reports of discrimination and hate incidents, by kind"),
        [("kind", _("Kind code")), ("label", _("Kind of incident"))],
        rows,
        _("Bar chart: the number of counted reports of each kind of incident."),
        _("The most common kind was “%(label)s” (%(percent)s of the counted reports)."),
    )


def reports_by_area(area, context):
    if area:
        return None
    rows = [
        {"area": code, "label": str(label), "reports": count}
        for code, label, count in _report_counts(None, context)["area"]
    ]
    return _report_dataset(
        "reports-by-area",
        _("Reports of discrimination and hate incidents, by thematic area"),
        [("area", _("Area code")), ("label", _("Thematic area"))],
        rows,
        _("Bar chart: the number of counted reports in each thematic area."),
        _("Most counted reports concern the area %(label)s (%(percent)s)."),
    )


def reports_by_quarter(area, context):
    rows = [
        {"quarter": quarter, "label": quarter, "reports": count}
        for quarter, count in _report_counts(area, context)["quarter"]
    ]
    return _report_dataset(
        "reports-by-quarter",
        _("Reports of discrimination and hate incidents, by quarter"),
        [("quarter", _("Quarter"))],
        rows,
        _("Bar chart: the number of counted reports received in each quarter of the year."),
        _("Most reports were received in %(label)s (%(percent)s of the counted reports)."),
    )


DATASETS = {
    "over-time": over_time,
    "by-language": by_language,
    "by-channel": by_channel,
    "by-area": by_area,
    "consultations-by-status": by_status,
    "answers": answers,
    "attendance": attendance,
    "voting-records": voting_records,
    "reports-by-kind": reports_by_kind,
    "reports-by-area": reports_by_area,
    "reports-by-quarter": reports_by_quarter,
}


def context_now():
    return {"now": timezone.now(), "term": current_term()}


def dataset(slug, area, context):
    """The dataset ``slug`` (of one area), or None where there is no such one."""
    build = DATASETS.get(slug)
    return build(area, context) if build else None


def datasets(area, context):
    datasets = {}
    for slug, build in DATASETS.items():
        dataset = build(area, context)
        if dataset is None:
            continue
        dataset.links = {fmt: _download_url(area, slug, fmt) for fmt in FORMATS}
        datasets[slug.replace("-", "_")] = dataset  # names a template can use
    return datasets


def _download_url(area, slug, fmt):
    if area:
        return reverse("statistics:area_data", args=[area, slug, fmt])
    return reverse("statistics:data", args=[slug, fmt])


def totals(area, term):
    totals = stats.participation_totals(area=area)
    council = stats.council_totals(term=term, area=area)
    return {
        "participants": stats.public_count(totals["participants"]),
        "comments": stats.public_count(totals["comments"]),
        "proposals": stats.public_count(totals["proposals"]),
        "supports": stats.public_count(totals["supports"]),
        **council,
        "city_answers": city_answer_totals(term=term, area=area, today=timezone.localdate()) if term else None,
    }


def indicators_of(area):
    return stats.indicator_progress(Indicator.objects.filter(area=area))


def download(dataset, *, area, file_format):
    """The dataset as CSV (labelled columns) or JSON (codes, labels, the small-count rule explained)."""
    columns = dataset.columns
    payload = {
        "title": dataset.title,
        "area": area,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "small_counts": _(
            "Counts from 1 to 4 are given as “<5”. A count given as “withheld” was left out so that "
            "a small count beside it cannot be worked out from the total; it may be of any size."
        ),
        "note": dataset.note,
        "columns": [{"key": key, "label": label} for key, label in columns],
        "rows": [{key: dataset.cell(row[key]) for key, _label in columns} for row in dataset.rows],
    }
    response = tabular.download(
        name=f"{area or 'all'}-{dataset.slug}",
        file_format=file_format,
        headers=[label for _key, label in columns],
        rows=([dataset.cell(row[key]) for key, _label in columns] for row in dataset.rows),
        payload=payload,
        inline=file_format == "json",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
