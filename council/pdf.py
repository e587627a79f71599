"""The council's minutes and resolutions as PDF files.

Each file is the record in one language (the URL's: the original, or a
translation when there is one, else the original), with the voting record
as the pages show it: the totals of every poll, and how each member voted in
named polls only.  A secret poll's file holds its totals and nothing else,
because nothing else exists.  DejaVu fonts carry Polish and Cyrillic letters.
"""

from pathlib import Path

import weasyprint
from django.template.loader import render_to_string

STYLESHEET = Path(__file__).with_name("pdf.css")


def render_pdf(template_name, context):
    """The PDF bytes of ``template_name`` rendered with ``context``."""
    html = render_to_string(template_name, context)
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(filename=str(STYLESHEET))])
