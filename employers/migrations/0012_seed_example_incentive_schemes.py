"""The four example incentive schemes used to be seeded here; they are demo content now
(employers/incentive_examples.py, loaded by `load_demo_content`), so a production site never
shows them. 0016 removes them, untouched, from databases that never loaded the demo."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("employers", "0011_incentive_schemes")]

    operations = []
