"""Rows of the partners domain for bench/generate.py: programme providers and their graduates
with consents, skills, certifications and place preferences. A part of the Generator."""

import datetime
import string

import common
from vocabulary import BATCH


class PartnerRows:
    def graduates(self):
        from partners.models import Graduate, MatchingConsent, ProgrammeProvider

        providers = ProgrammeProvider.objects.bulk_create(
            ProgrammeProvider(
                name=f"Bench provider {n}",
                kind=self.rng.choice(["prison", "probation", "ngo", "training"]),
                region=self.region(),
                status=ProgrammeProvider.Status.VERIFIED,
            )
            for n in range(50)
        )
        total = self.sizes["graduates"]
        references = set(Graduate.objects.values_list("reference", flat=True))
        alphabet = "".join(c for c in string.ascii_uppercase + string.digits if c not in "01IO")
        extra_skill = Graduate.extra_skills.through
        held = Graduate.certifications.through
        with common.Progress("graduates", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for _n in range(start, min(total, start + BATCH)):
                    reference = None
                    while reference is None or reference in references:
                        code = "".join(self.rng.choice(alphabet) for _ in range(8))
                        reference = f"G-{code[:4]}-{code[4:]}"
                    references.add(reference)
                    batch.append(
                        Graduate(reference=reference, provider=self.rng.choice(providers), **self.place())
                    )
                Graduate.objects.bulk_create(batch)
                MatchingConsent.objects.bulk_create(
                    MatchingConsent(
                        graduate=graduate,
                        given_on=self.today - datetime.timedelta(days=self.rng.randint(0, 300)),
                        method="verbal",
                    )
                    for graduate in batch
                )
                extra_skill.objects.bulk_create(
                    extra_skill(graduate_id=graduate.pk, skill_id=skill)
                    for graduate in batch
                    for skill in self.rng.sample(self.skills, self.rng.randint(2, 8))
                )
                held.objects.bulk_create(
                    held(graduate_id=graduate.pk, certification_id=self.rng.choice(self.certifications))
                    for graduate in batch
                    if self.rng.random() < 0.4
                )
                bar.advance(len(batch))

    def place(self):
        """Preferences of one graduate: most want one or two regions, some are open to most."""
        kind = self.rng.random()
        fields = {
            "preferred_sectors": self.rng.sample(self.sectors, self.rng.randint(0, 3)),
            "preferred_employment_types": self.rng.sample(
                ["full-time", "part-time", "temporary"], self.rng.randint(0, 2)
            ),
            "available_from": self.today + datetime.timedelta(days=self.rng.randint(-30, 60)),
            "no_night_shifts": self.rng.random() < 0.2,
            "no_driving": self.rng.random() < 0.3,
            "no_cash_handling": self.rng.random() < 0.1,
            "status": "seeking" if self.rng.random() < 0.9 else "placed",
        }
        if kind < 0.45:
            fields["preferred_regions"] = [self.region()]
        elif kind < 0.65:
            fields.update(preferred_regions=[self.region()], willing_to_travel=True)
        elif kind < 0.75:
            fields["preferred_regions"] = [self.region(), self.region()]
        elif kind < 0.85:
            fields.update(preferred_regions=[self.region()], willing_to_relocate=True)
        elif kind < 0.93:
            fields["preferred_regions"] = []
        else:
            fields.update(preferred_regions=[self.region()], wants_remote=True)
        return fields
