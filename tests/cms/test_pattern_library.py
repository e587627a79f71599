"""The pattern library: every component renders alone from its example data."""

from pathlib import Path

import pytest
from django.conf import settings

PATTERNS = sorted(
    str(path.relative_to(settings.BASE_DIR / "templates"))
    for path in (settings.BASE_DIR / "templates" / "patterns").rglob("*.html")
    if path.name != "base.html"
)


def test_every_pattern_has_its_example_data():
    for name in PATTERNS:
        assert (settings.BASE_DIR / "templates" / Path(name).with_suffix(".yaml")).exists(), name


@pytest.mark.django_db
def test_the_pattern_library_lists_the_foundations_and_components(client):
    html = client.get("/pattern-library/").content.decode()
    assert "Foundations" in html
    assert "Components" in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", PATTERNS)
def test_each_pattern_renders_alone_with_the_sites_stylesheet(client, name):
    response = client.get(f"/pattern-library/render-pattern/{name}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "css/rada.css" in html
    assert 'id="icon-menu"' in html  # the icon sprite, so icons show as on the site


def test_production_settings_do_not_install_the_pattern_library():
    from config.settings import base

    assert "pattern_library" not in base.INSTALLED_APPS
