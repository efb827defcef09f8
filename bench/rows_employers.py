"""Rows of the employers domain for bench/generate.py: employers, their job listings with
skills and certifications, hiring pledges. A part of the Generator (its random source, sizes,
pools and clock); the models are imported where used, after django.setup()."""

import datetime

import common
from vocabulary import BATCH, FIRST_NAMES, PLACES, TITLES, WORDS


class EmployerRows:
    def employers(self):
        from employers.models import Employer

        total = self.sizes["employers"]
        with common.Progress("employers", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    verified = self.rng.random() < 0.92
                    batch.append(
                        Employer(
                            name=f"{self.rng.choice(PLACES)} {self.rng.choice(WORDS).title()} Ltd {n}",
                            slug=f"bench-employer-{n}",
                            sector=self.rng.choice(self.sectors),
                            size_band=self.rng.choice(["1-9", "10-49", "50-249", "250-999", "1000+"]),
                            head_office_region=self.region(),
                            description=self.words(10, 40),
                            status=Employer.Status.VERIFIED if verified else Employer.Status.PENDING,
                        )
                    )
                Employer.objects.bulk_create(batch)
                bar.advance(len(batch))
        self.employer_ids = list(
            Employer.objects.filter(slug__startswith="bench-employer-")
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def jobs(self):
        from jobs.models import JobCertification, JobListing, JobSkill

        total = self.sizes["jobs"]
        statuses = ["published"] * 85 + ["draft"] * 5 + ["pending"] * 4 + ["closed"] * 6
        types = ["full-time"] * 5 + ["part-time"] * 3 + ["temporary", "apprenticeship", "work-placement"]
        with common.Progress("jobs", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    title = self.rng.choice(TITLES)
                    status = self.rng.choice(statuses)
                    published = status in ("published", "closed")
                    batch.append(
                        JobListing(
                            employer_id=self.rng.choice(self.employer_ids),
                            title=title,
                            slug=f"{title.lower().replace(' ', '-').replace(chr(39), '')}-{n}",
                            description=f"<p>{self.words(30, 90)}</p><p>{self.words(10, 40)}</p>",
                            sector=self.rng.choice(self.sectors),
                            region=self.region(),
                            place=self.rng.choice(PLACES),
                            remote=self.rng.choice(["on-site"] * 8 + ["hybrid", "remote"]),
                            employment_type=self.rng.choice(types),
                            status=status,
                            published_at=self.now
                            - datetime.timedelta(minutes=self.rng.randint(0, 90 * 24 * 60))
                            if published
                            else None,
                            start_date=self.today + datetime.timedelta(days=self.rng.randint(-10, 90))
                            if self.rng.random() < 0.6
                            else None,
                            closing_date=self.today + datetime.timedelta(days=self.rng.randint(-20, 60))
                            if self.rng.random() < 0.5
                            else None,
                            night_shifts=self.rng.random() < 0.06,
                            requires_driving=self.rng.random() < 0.09,
                            handles_cash=self.rng.random() < 0.1,
                            works_with_vulnerable_people=self.rng.random() < 0.04,
                            pay_min=self.rng.randint(11, 14),
                            pay_max=self.rng.randint(14, 20),
                        )
                    )
                JobListing.objects.bulk_create(batch)
                skills, certifications = [], []
                for job in batch:
                    for skill in self.rng.sample(self.skills, self.rng.randint(3, 5)):
                        skills.append(JobSkill(job=job, skill_id=skill, required=self.rng.random() < 0.6))
                    if self.rng.random() < 0.3:
                        certifications.append(
                            JobCertification(
                                job=job,
                                certification_id=self.rng.choice(self.certifications),
                                required=self.rng.random() < 0.5,
                            )
                        )
                JobSkill.objects.bulk_create(skills)
                JobCertification.objects.bulk_create(certifications)
                bar.advance(len(batch))

    def pledges(self):
        from employers.models import HiringPledge, HiringPledgeCommitment
        from employers.models.pledges import PLEDGE_TERM

        total = min(self.sizes["pledges"], len(self.employer_ids))
        signers = self.rng.sample(self.employer_ids, total)
        with common.Progress("pledges", total) as bar:
            for start in range(0, total, BATCH):
                batch = []
                for n in range(start, min(total, start + BATCH)):
                    signed = self.now - datetime.timedelta(days=self.rng.randint(0, 300))
                    batch.append(
                        HiringPledge(
                            reference=f"HP-BENCH-{n:05d}",
                            employer_id=signers[n],
                            signatory_name=f"{self.rng.choice(FIRST_NAMES)} Signer",
                            signatory_title="Director",
                            authority_confirmed=True,
                            is_public=self.rng.random() < 0.9,
                            signed_at=signed,
                            expires_at=signed + PLEDGE_TERM,
                        )
                    )
                HiringPledge.objects.bulk_create(batch)
                HiringPledgeCommitment.objects.bulk_create(
                    HiringPledgeCommitment(
                        pledge=pledge, commitment=commitment, number=self.rng.randint(1, 5)
                    )
                    for pledge in batch
                    for commitment in self.rng.sample(self.commitments, min(2, len(self.commitments)))
                )
                bar.advance(len(batch))
