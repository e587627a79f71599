"""Charts as accessible SVG, their summaries and tables, the downloads, and the
statistics pages in every language."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from consultations.models import Comment
from opendata import charts
from opendata.stats import FEWER_THAN_5, WITHHELD
from tests.accounts.factories import UserFactory

from . import test_stats as shared

# The pages chart a whole public record (``public_site``); the tests that
# count take its consultations off the site and build their own (``data``).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_site")]

# Hand-built data and fixtures shared with the selectors' tests.
NOW = shared.NOW
clean_slate = shared.clean_slate
comment = shared.comment
data = shared.data

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg):
    return ET.fromstring(str(svg))  # noqa: S314 - our own markup


def test_a_bar_chart_is_an_image_labelled_by_its_title_and_description():
    chart = charts.bar_chart(
        chart_id="c1",
        title="Comments by language",
        description="Bars: comments per language.",
        summary="Most comments were written in Ukrainian.",
        rows=[("Ukrainian", 42), ("Polish", 20)],
    )
    svg = parse(chart.svg)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "c1-title c1-desc"
    assert svg.find(f"{SVG}title").text == "Comments by language"
    assert svg.find(f"{SVG}title").get("id") == "c1-title"
    assert svg.find(f"{SVG}desc").get("id") == "c1-desc"
    texts = [text.text for text in svg.iter(f"{SVG}text")]
    assert texts == ["Ukrainian", "42", "Polish", "20"]  # labels and values written, not colour alone
    widths = [float(rect.get("width")) for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "16"]
    assert widths[0] == pytest.approx(2.1 * widths[1])


def bars(svg):
    return [rect for rect in svg.iter(f"{SVG}rect") if rect.get("height") == "16"]


def test_a_hidden_count_is_drawn_as_a_range_from_0_to_5_not_as_a_bar():
    chart = charts.bar_chart(
        chart_id="c2", title="T", description="D", summary="S", rows=[("A", 100), ("B", FEWER_THAN_5)]
    )
    svg = parse(chart.svg)
    assert len(bars(svg)) == 1  # A only
    (range_group,) = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "chart__range"]
    band = range_group.find(f"{SVG}rect")
    assert band.get("fill") == "url(#c2-small)"
    assert float(band.get("width")) == pytest.approx(float(bars(svg)[0].get("width")) * 5 / 100)
    assert range_group.find(f"{SVG}circle").get("fill") == "#ffffff"  # hollow, as in the line chart
    assert "<5" in [text.text for text in svg.iter(f"{SVG}text")]
    assert [name for _sample, name in chart.legend] == ["hatched range: fewer than 5"]


def test_a_range_of_fewer_than_5_is_never_longer_than_the_shortest_real_bar():
    chart = charts.bar_chart(
        chart_id="c6", title="T", description="D", summary="S", rows=[("A", 5), ("B", FEWER_THAN_5), ("C", 80)]
    )
    svg = parse(chart.svg)
    band = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "chart__range").find(f"{SVG}rect")
    assert float(band.get("width")) <= min(float(bar.get("width")) for bar in bars(svg))


def test_a_withheld_count_is_a_hollow_marker_on_the_axis_and_says_so():
    chart = charts.bar_chart(
        chart_id="c5", title="T", description="D", summary="S", rows=[("A", 100), ("B", FEWER_THAN_5), ("C", WITHHELD)]
    )
    svg = parse(chart.svg)
    assert len(bars(svg)) == 1
    (marker,) = [p for p in svg.iter(f"{SVG}polygon") if p.get("class") == "chart__withheld"]
    assert marker.get("fill") == "#ffffff" and marker.get("stroke-dasharray")
    xs = [float(point.split(",")[0]) for point in marker.get("points").split()]
    assert max(xs) - min(xs) == 12  # the same small marker whatever the value
    assert "withheld" in [text.text for text in svg.iter(f"{SVG}text")]
    assert len(chart.legend) == 2


def test_chart_text_is_never_drawn_larger_than_the_page_text():
    # 14-unit labels on a 360-unit drawing: the drawing may grow to 360/14 em and no more.
    svg = parse(charts.bar_chart(chart_id="c7", title="T", description="D", summary="S", rows=[("A", 1)]).svg)
    assert (svg.get("viewBox"), svg.get("font-size")) == (f"0 0 {charts.WIDTH} {svg.get('height')}", "14")
    css = (settings.BASE_DIR / "static" / "css" / "statistics.css").read_text()
    drawing = css.split(".chart__drawing {")[1].split("}")[0]
    assert f"max-width: calc({charts.WIDTH}em / {charts.FONT})" in drawing
    assert "max-width" not in css.split(".chart__svg {")[1].split("}")[0]


def test_labels_are_escaped():
    chart = charts.bar_chart(chart_id="c3", title="<b>", description="&", summary="", rows=[("<script>", 5)])
    assert "<script>" not in str(chart.svg)
    assert parse(chart.svg).find(f"{SVG}title").text == "<b>"


def test_a_line_chart_breaks_its_line_at_hidden_values_and_explains_the_band():
    chart = charts.line_chart(
        chart_id="c4",
        title="Over time",
        description="Lines",
        summary="S",
        labels=["Jan", "Feb", "Mar", "Apr"],
        series=[("Comments", [10, 12, FEWER_THAN_5, 9]), ("Supports", [5, 6, 7, 8])],
    )
    svg = parse(chart.svg)
    lines = list(svg.iter(f"{SVG}polyline"))
    assert len(lines) == 2  # Comments: one segment (Jan–Feb), Apr alone; Supports: one
    assert lines[0].get("stroke-dasharray") != lines[1].get("stroke-dasharray")
    hollow = [c for c in svg.iter(f"{SVG}circle") if c.get("fill") == "#ffffff"]
    assert len(hollow) == 1
    assert [name for _sample, name in chart.legend] == ["Comments", "Supports", "hatched: fewer than 5"]


@pytest.mark.parametrize(("value", "expected"), [(5, 8), (7, 8), (11, 20), (24, 40), (260, 400), (0, 8), (1000, 2000)])
def test_axes_end_at_a_round_number(value, expected):
    assert charts.nice_maximum(value) == expected


def test_the_summary_names_the_largest_share_it_may_show():
    rows = [("Ukrainian", 42), ("Polish", 30), ("English", FEWER_THAN_5)]
    most = "Most comments were written in %(label)s (%(percent)s)."
    summary = charts.share_summary(rows=rows, total=100, most=most, all_small="small", nothing="none")
    assert summary == "Most comments were written in Ukrainian (42%)."
    assert charts.share_summary(rows=[("A", FEWER_THAN_5)], total=3, most=most, all_small="small", nothing="x") == (
        "small"
    )
    assert charts.share_summary(rows=[("A", 0)], total=0, most=most, all_small="small", nothing="none") == "none"


# --- the pages --------------------------------------------------------------------------


def figures(html):
    return re.findall(r"<figure class=\"chart\">.*?</figure>\s*<div class=\"table-scroll\".*?</table>", html, re.S)


@pytest.mark.parametrize("url", ["/pl/statistics/", "/en/statistics/education/"])
def test_every_chart_has_a_title_a_description_a_summary_and_its_table(client, url):
    html = client.get(url).content.decode()
    charts_found = figures(html)
    assert len(charts_found) >= 4
    for block in charts_found:
        chart_id = re.search(r'aria-labelledby="([\w-]+)-title \1-desc"', block).group(1)
        assert f'<title id="{chart_id}-title">' in block
        assert f'<desc id="{chart_id}-desc">' in block
        assert re.search(r'<figcaption class="chart__summary">\s*\S', block)
        assert "<caption" in block and '<th scope="col">' in block and '<th scope="row">' in block
        assert re.search(r'href="[^"]+\.csv" download', block.split("</figure>")[1] + html) is not None


@pytest.mark.parametrize("lang", ["pl", "en", "uk", "ru"])
@pytest.mark.parametrize("path", ["", "health/"])
def test_the_statistics_pages_speak_every_language(client, lang, path):
    response = client.get(f"/{lang}/statistics/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}"' in html
    assert "statistics.css" in html
    with translation.override(lang):
        from django.utils.translation import gettext

        assert gettext("Participation in numbers") in html


def test_an_unknown_area_or_dataset_is_not_found(client):
    assert client.get("/en/statistics/nowhere/").status_code == 404
    assert client.get("/en/statistics/data/secrets.csv").status_code == 404
    assert client.get("/en/statistics/data/by-language.xlsx").status_code == 404
    assert client.get("/en/statistics/nowhere/data/by-language.csv").status_code == 404


def test_the_area_page_links_to_its_statistics(client):
    html = client.get("/en/model/health/").content.decode()
    assert 'href="/en/statistics/health/"' in html


# --- small counts everywhere, downloads -------------------------------------------------


def test_small_counts_are_hidden_in_page_chart_table_csv_and_json(client, data):
    # Built data: comments in uk 3, pl 1, en 1, ru 0 -- all small.
    html = client.get("/en/statistics/").content.decode()
    language_block = html.split('id="by-language"')[1].split("</section>")[0]
    assert "fewer than 5" in language_block
    assert "<text" in language_block and "&lt;5" in language_block
    assert not re.search(r"<td>[1-4]</td>", language_block)
    response = client.get(reverse("statistics:data", args=["by-language", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Language code", "Language", "Comments", "Proposals"]
    assert rows[1:] == [
        ["pl", "Polish", "<5", "0"],
        ["en", "English", "<5", "0"],
        ["uk", "Ukrainian", "<5", "0"],
        ["ru", "Russian", "0", "<5"],
    ]
    payload = client.get(reverse("statistics:data", args=["by-language", "json"])).json()
    assert [row["comments"] for row in payload["rows"]] == ["<5", "<5", "<5", 0]
    assert "<5" in payload["small_counts"]
    figures_block = html.split('class="stats-figures"')[1].split("</dl>")[0]
    assert "fewer than 5" in figures_block  # 1 proposal, 2 supports
    assert ">5<" in figures_block  # 5 comments, 5 people


def test_larger_counts_are_shown_and_a_lone_small_one_takes_another_with_it(client, data):
    for _ in range(6):
        comment(data.education, UserFactory(), "uk", at=NOW)
    for _ in range(5):
        comment(data.education, UserFactory(), "pl", at=NOW)
    payload = client.get(reverse("statistics:data", args=["by-language", "json"])).json()
    by_code = {row["language"]: row["comments"] for row in payload["rows"]}
    # uk 9, pl 6, en 1: with the total shown, hiding only "en" would give it away; pl is withheld.
    assert by_code == {"pl": "withheld", "en": "<5", "uk": 9, "ru": 0}
    html = client.get("/en/statistics/").content.decode()
    block = html.split('id="by-language"')[1].split("</section>")[0]
    assert "<td>withheld</td>" in block and ">withheld</text>" in block


def test_comments_entered_by_facilitators_have_their_own_chart_table_and_download(client, data):
    for _ in range(5):
        entered = comment(data.education, UserFactory(), "uk", at=NOW)
        Comment.objects.filter(pk=entered.pk).update(submitted_via="paper", consent_recorded_at=NOW)
    html = client.get("/en/statistics/").content.decode()
    block = html.split('id="by-channel"')[1].split("</section>")[0]
    assert "How comments reached the city" in block
    assert "5 of 10 comments (50%) were entered by facilitators on behalf of residents." in block
    assert "Paper form, through a facilitator" in block
    response = client.get(reverse("statistics:data", args=["by-channel", "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Channel code", "How the comment was given", "Comments"]
    assert [row[0] for row in rows[1:]] == ["online", "paper", "phone", "workshop", "other"]
    assert [row[2] for row in rows[1:]] == ["5", "5", "0", "0", "0"]


def test_a_few_facilitated_comments_are_counted_as_fewer_than_five(client, data):
    Comment.objects.filter(pk=data.on_shared.pk).update(submitted_via="phone", consent_recorded_at=NOW)
    with translation.override("pl"):
        html = client.get("/pl/statistics/").content.decode()
        expected = gettext("Fewer than 5 comments were entered by facilitators on behalf of residents.")
    block = html.split('id="by-channel"')[1].split("</section>")[0]
    assert expected in block
    payload = client.get(reverse("statistics:data", args=["by-channel", "json"])).json()
    assert {row["channel"]: row["comments"] for row in payload["rows"]}["phone"] == "<5"


def test_csv_starts_with_a_byte_order_mark_and_parses(client):
    response = client.get("/uk/statistics/data/by-area.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="rada-all-by-area-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 8
    assert [list(row.values())[0] for row in rows][:2] == ["education", "local-communities"]
    assert all(len(row) == 7 for row in rows)


def test_area_downloads_hold_the_same_numbers_as_the_area_page(client, data):
    payload = client.get("/en/statistics/education/data/over-time.json").json()
    assert payload["area"] == "education"
    assert [column["key"] for column in payload["columns"]] == ["month", "comments", "proposals", "supports"]
    html = client.get("/en/statistics/education/").content.decode()
    for row in payload["rows"]:
        assert f'<th scope="row">{row["month"]}</th>' in html


def test_every_source_a_facilitator_may_record_has_its_own_label_in_the_channel_chart(client):
    from consultations.models import Source

    rows = client.get(reverse("statistics:data", args=["by-channel", "json"])).json()["rows"]
    assert {row["channel"] for row in rows} == {"online", *Source.values}
    labels = [row["label"] for row in rows]
    assert all(labels) and len(set(labels)) == len(labels)


def test_one_comment_on_paper_does_not_withhold_the_comments_written_on_the_site(client, data):
    for _ in range(6):
        comment(data.education, UserFactory(), "uk", at=NOW)
    entered = comment(data.education, UserFactory(), "pl", at=NOW)
    Comment.objects.filter(pk=entered.pk).update(submitted_via="paper", consent_recorded_at=NOW)
    payload = client.get(reverse("statistics:data", args=["by-channel", "json"])).json()
    by_channel = {row["channel"]: row["comments"] for row in payload["rows"]}
    assert isinstance(by_channel.pop("online"), int)
    assert by_channel.pop("paper") == "<5"
    assert sorted(by_channel.values(), key=str) == [0, 0, "withheld"]  # a zero takes the small one's side
    html = client.get("/en/statistics/").content.decode()
    block = html.split('id="by-channel"')[1].split("</section>")[0]
    assert 'class="chart__withheld"' in block and 'class="chart__range"' in block
    assert "hollow diamond: withheld" in block
