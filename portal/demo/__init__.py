"""Demo content: the portal builds its own part and asks each app for the rest.

`load_demo_content` makes the logins, the home page and the standard pages, then calls every
installed app's `demo` module in INSTALLED_APPS order (stories, campaigns, employers, jobs, partners, matching, incentives,
impact), the
way Django's admin finds each app's `admin` module, so the ground floor imports no domain app.
A demo module offers:

    load(site)   builds its examples, once; `site` carries what earlier steps made (users, home,
                 pages, stories, campaigns) and takes what this one makes
    counts()     optional: phrases for the first summary line ("6 stories")
    report()     optional: further summary lines
    ROLES        optional: e-mail -> what that demo login is, for the list of logins
"""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule


def app_demos():
    """Every installed app's `demo` module but the portal's own, in INSTALLED_APPS order."""
    return [
        import_module(f"{app_config.name}.demo")
        for app_config in apps.get_app_configs()
        if app_config.name != "portal" and module_has_submodule(app_config.module, "demo")
    ]
