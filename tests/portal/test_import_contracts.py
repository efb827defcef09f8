"""The layout's rules (issue 15) hold: `make test` fails as `make lint` does when an import breaks one.

The contracts live in pyproject.toml ([tool.importlinter]); lint-imports checks them against the
code. The second half adds one forbidden import at a time to the real import graph and checks the
matching contract notices, so a contract that silently stopped covering its rule fails here too.
"""

import copy
import subprocess  # nosec B404 - runs the project's own lint-imports
import sys
from pathlib import Path

import grimp
import pytest
from importlinter.api import read_configuration
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_TYPES = {
    "forbidden": ForbiddenContract,
    "layers": LayersContract,
    "acyclic_siblings": AcyclicSiblingsContract,
}

PORTAL_ALONE = "The portal is the ground floor: it imports no domain app"
ONE_WAY = (
    "Apps depend one way: api, impact and search on the domains, the domains in their order, all on portal"
)
DOMAIN_WITHOUT_SEARCH = (
    "Domain logic (models, matching, eligibility, figures) never imports search, even indirectly"
)
ENGINES_BEHIND_SEARCH = "Views reach the search engines only through search's public functions"
NO_CIRCLE = "No import circle between the modules of any app"
VIEWS_FORMS_MODELS = "Inside an app, views sit above forms and forms above models"
URLS_VIEWS = "Inside an app, URLs sit above views"


@pytest.fixture(scope="module")
def configuration():
    return read_configuration(str(ROOT / "pyproject.toml"))


@pytest.fixture(scope="module")
def graph(configuration):
    sys.path.insert(0, str(ROOT))
    try:
        return grimp.build_graph(*configuration["session_options"]["root_packages"], cache_dir=None)
    finally:
        sys.path.remove(str(ROOT))


def contract(configuration, name):
    options = next(c for c in configuration["contracts_options"] if c["name"] == name)
    contract_class = CONTRACT_TYPES[options["type"]]
    return contract_class(
        name=name, session_options=configuration["session_options"], contract_options=options
    )


def test_the_contracts_name_the_rules_of_the_layout(configuration):
    named = {options["name"]: options["type"] for options in configuration["contracts_options"]}
    assert named == {
        PORTAL_ALONE: "forbidden",
        ONE_WAY: "layers",
        DOMAIN_WITHOUT_SEARCH: "forbidden",
        ENGINES_BEHIND_SEARCH: "forbidden",
        NO_CIRCLE: "acyclic_siblings",
        VIEWS_FORMS_MODELS: "layers",
        URLS_VIEWS: "layers",
    }
    assert set(configuration["session_options"]["root_packages"]) == {
        "portal",
        "stories",
        "campaigns",
        "taxonomy",
        "employers",
        "jobs",
        "partners",
        "matching",
        "volunteers",
        "surveys",
        "awards",
        "seekers",
        "record_guidance",
        "applications",
        "incentives",
        "search",
        "api",
        "impact",
        "community_events",
    }


def test_the_code_keeps_every_contract():
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # nosec B603 - a fixed command, no shell
        [str(lint_imports), "--config", str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("name", "importer", "imported"),
    [
        (PORTAL_ALONE, "portal.models", "employers.models"),
        (PORTAL_ALONE, "portal.views", "search.engines"),
        (PORTAL_ALONE, "portal.management.commands.load_demo_content", "employers.demo"),
        (ONE_WAY, "stories.models", "campaigns.models"),
        (ONE_WAY, "employers.models", "impact.models"),
        (DOMAIN_WITHOUT_SEARCH, "matching.scoring", "search.matching"),
        (DOMAIN_WITHOUT_SEARCH, "campaigns.models", "search.jobs"),
        (ENGINES_BEHIND_SEARCH, "jobs.views.board", "search.engines.database"),
        (NO_CIRCLE, "campaigns.models", "campaigns.views"),
        (VIEWS_FORMS_MODELS, "campaigns.models", "campaigns.forms"),
        # The domains' order: taxonomy <- employers <- jobs <- matching -> partners; incentives
        # -> jobs, matching; jobs and partners know nothing of each other.
        (ONE_WAY, "taxonomy.models", "employers.models"),
        (ONE_WAY, "employers.models", "jobs.models"),
        (ONE_WAY, "employers.views.area", "matching.models"),
        (ONE_WAY, "jobs.models", "matching.models"),
        (ONE_WAY, "jobs.models", "partners.models"),
        (ONE_WAY, "partners.models", "jobs.models"),
        (ONE_WAY, "partners.views.graduates", "matching.scoring"),
        (ONE_WAY, "matching.models", "incentives.models"),
        (ONE_WAY, "incentives.models", "search.jobs"),
        (NO_CIRCLE, "matching.models", "matching.outcomes"),
        (VIEWS_FORMS_MODELS, "jobs.models", "jobs.forms"),
        (VIEWS_FORMS_MODELS, "partners.forms", "partners.views.area"),
        (URLS_VIEWS, "jobs.views.board", "jobs.urls.public"),
        (URLS_VIEWS, "employers.views.area", "employers.urls.area"),
        # Volunteers sit above matching and partners: partners includes its mentor pages by name.
        (ONE_WAY, "partners.views.area", "volunteers.models"),
        (ONE_WAY, "matching.models", "volunteers.models"),
        (ONE_WAY, "volunteers.models", "incentives.models"),
        (DOMAIN_WITHOUT_SEARCH, "volunteers.ranking", "search.matching"),
        (VIEWS_FORMS_MODELS, "volunteers.models", "volunteers.forms"),
        (URLS_VIEWS, "volunteers.views.area", "volunteers.urls.public"),
        # Events sit above matching and below incentives; their domain logic never asks search.
        (ONE_WAY, "matching.models", "community_events.models"),
        (ONE_WAY, "campaigns.models", "community_events.models"),
        (ONE_WAY, "community_events.models", "incentives.models"),
        (DOMAIN_WITHOUT_SEARCH, "community_events.signups", "search.jobs"),
        (VIEWS_FORMS_MODELS, "community_events.models", "community_events.views.pages"),
        # Awards sit above matching and below incentives: the employer's profile and badge read
        # them through employers.honours, partners and employers include their pages by name.
        (ONE_WAY, "employers.views.public", "awards.models"),
        (ONE_WAY, "partners.views.area", "awards.models"),
        (ONE_WAY, "awards.models", "incentives.models"),
        (DOMAIN_WITHOUT_SEARCH, "awards.nominations", "search.jobs"),
        (VIEWS_FORMS_MODELS, "awards.models", "awards.forms"),
        (URLS_VIEWS, "awards.views.public", "awards.urls.public"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(configuration, graph, name, importer, imported):
    assert contract(configuration, name).check(copy.deepcopy(graph), verbose=False).kept
    # Checking may take the ignored imports out of the graph it is given: each check gets a copy.
    broken = copy.deepcopy(graph)
    broken.add_import(importer=importer, imported=imported, line_number=1, line_contents="import it")
    assert not contract(configuration, name).check(broken, verbose=False).kept
