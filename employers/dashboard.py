"""The employer dashboard's panels that other apps add (matching's open introductions, incentives'
hints), registered from their AppConfig.ready(), so that employers imports none of the apps above
it. The dashboard template shows each under its name; the panels are kept rendered per
organisation (area_cache.py), so a reader runs only when they are rendered.
"""

# name -> read(employer, pledge): what the dashboard shows under that name (pledge: the active
# hiring pledge, or None)
PANELS = {}


def panel(name, read):
    PANELS[name] = read
