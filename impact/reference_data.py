"""Both staff groups read the impact dashboard (and receive the monthly summary)."""

from portal import staff_groups
from portal.staff_groups import GROUPS


def register():
    for group in GROUPS:
        staff_groups.grant_permission(
            group, "impact", "monthlysummary", "view_impact_dashboard", name="Can view the impact dashboard"
        )
