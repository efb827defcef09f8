"""Who campaigns speak to (campaigns/data/audiences.csv), loaded by the portal's loader; see
portal/reference_data.py for the rule on staff edits."""

from pathlib import Path

from portal import reference_data
from portal.reference_data import Table

TABLES = [Table("campaigns.Audience", Path(__file__).resolve().parent / "data" / "audiences.csv", key="slug")]


def register():
    reference_data.register(*TABLES)
