"""Demo programme providers: 4 providers, 12 programmes, 200 graduates (matching/demo.py adds
hires and introductions).

Every person here is made up: names are plainly fictional, e-mail addresses end in
example.invalid and phone numbers are in Ofcom's range for drama (07700 900xxx).
"""

import datetime
import random

from django.utils import timezone

from partners.models import (
    Graduate,
    GraduatePersonalData,
    GraduateProgramme,
    MatchingConsent,
    Programme,
    ProgrammeProvider,
    ProviderStaff,
    new_graduate_reference,
)
from taxonomy.models import Certification, Skill

# (name, kind, region, [(programme name, kind, sector, weeks, gender-responsive, skills, certifications)])
PROVIDERS = [
    (
        "HMP Northfield Resettlement Unit",
        "prison",
        "GB-MAN",
        [
            (
                "Bricklaying and Site Skills",
                "vocational",
                "F",
                16,
                False,
                ["Bricklaying", "Site labouring", "Working at height", "Reading technical drawings"],
                ["CSCS card"],
            ),
            (
                "Prison Kitchen Academy",
                "vocational",
                "I",
                12,
                False,
                ["Food preparation", "Cooking", "Food safety", "Kitchen portering"],
                ["Food hygiene level 2"],
            ),
            ("Thinking Skills Programme", "cognitive-behavioural", "", 10, False, [], []),
        ],
    ),
    (
        "North West Probation Service",
        "probation",
        "GB-LIV",
        [
            (
                "Women Build: Construction Skills for Women",
                "vocational",
                "F",
                14,
                True,
                ["Painting and decorating", "Plastering", "Tiling", "Site labouring"],
                ["CSCS card", "Level 1 Award in Health and Safety"],
            ),
            (
                "Warehouse Ready",
                "work",
                "H",
                8,
                False,
                ["Forklift operation", "Warehouse picking", "Goods in", "Despatch", "Handheld scanner use"],
                ["Forklift (reach truck) licence", "Manual handling"],
            ),
            (
                "Peer Mentor Training",
                "peer-mentoring",
                "Q",
                6,
                False,
                ["Mentoring", "Mental health support"],
                [],
            ),
        ],
    ),
    (
        "Fresh Start Futures",
        "ngo",
        "GB-LDS",
        [
            (
                "Clean Start: Commercial Cleaning",
                "vocational",
                "N",
                6,
                False,
                ["Commercial cleaning", "Floor care", "Safe use of cleaning chemicals", "Washroom hygiene"],
                ["COSHH awareness", "Level 2 Certificate in Cleaning Principles"],
            ),
            (
                "Café Second Chance",
                "work",
                "I",
                12,
                False,
                ["Barista", "Customer service", "Table service", "Food safety"],
                ["Food hygiene level 2", "Allergen awareness"],
            ),
            (
                "Digital Skills for Work",
                "education",
                "J",
                10,
                False,
                ["Computer literacy", "E-mail", "Spreadsheets", "Data entry"],
                [],
            ),
        ],
    ),
    (
        "Skills Forward Training",
        "training",
        "GB-BIR",
        [
            (
                "Care Careers Starter",
                "vocational",
                "Q",
                12,
                False,
                [
                    "Personal care",
                    "Moving and handling people",
                    "Infection prevention and control",
                    "Care record keeping",
                ],
                ["Care Certificate", "First aid at work"],
            ),
            (
                "Logistics and Delivery Skills",
                "vocational",
                "H",
                8,
                False,
                ["Van driving", "Route planning", "Load securing", "Courier work"],
                ["Manual handling"],
            ),
            (
                "Grounds and Horticulture",
                "vocational",
                "A",
                12,
                False,
                ["Horticulture", "Grounds maintenance", "Brush cutter and strimmer use", "Fencing"],
                ["Lantra chainsaw certificate"],
            ),
        ],
    ),
]
FIRST_PROVIDER = PROVIDERS[0][0]
SECOND_PROVIDER = PROVIDERS[1][0]

REGIONS = ["GB-MAN", "GB-LDS", "GB-BIR", "GB-GLG", "GB-CRF", "GB-BST", "GB-LIV", "GB-NET", "GB-BFS", "GB-EDH"]
FIRST_NAMES = ["Alex", "Sam", "Jo", "Chris", "Robin", "Kim", "Lee", "Pat", "Charlie", "Jamie", "Toni", "Ash"]
LAST_NAMES = ["Example", "Sample", "Placeholder", "Fictional", "Madeup", "Testperson"]
EMPLOYMENT_TYPES = ["full-time", "part-time", "temporary", "apprenticeship", "work-placement"]
STATEMENTS = [
    "I learned a trade inside and I want to keep building on it. I turn up on time and I finish the job.",
    "Working in the kitchen gave me routine and pride. I would like a team where I can keep learning.",
    "I am ready to work hard and prove myself. I like physical work and being part of a crew.",
    "My course gave me a qualification and my confidence back. I want steady work close to my family.",
    "I enjoy helping people. A job would let me support my children and give something back.",
]
GRADUATES = 200
WITHOUT_CONSENT_EVERY = 20  # graduates 19, 39, ...: no matching consent (10 of them)


def load_partners(users):
    """Create the demo partner side once; `users` maps e-mail to demo user."""
    if ProgrammeProvider.objects.exists():
        return
    rng = random.Random(2027)  # nosec B311 # reproducible demo data, not a secret
    today = timezone.localdate()
    moderator = users.get("moderator@example.org")
    skills = {skill.name: skill for skill in Skill.objects.all()}
    certifications = {cert.name: cert for cert in Certification.objects.all()}

    providers, programmes = [], {}
    for name, kind, region, courses in PROVIDERS:
        provider = ProgrammeProvider.objects.create(name=name, kind=kind, region=region)
        provider.verify(by=moderator, reason="Checked the contract with the justice ministry (demo).")
        providers.append(provider)
        programmes[provider.pk] = []
        for course, course_kind, sector, weeks, gender_responsive, skill_names, cert_names in courses:
            programme = Programme.objects.create(
                provider=provider,
                name=course,
                kind=course_kind,
                sector=sector,
                region=region,
                duration_weeks=weeks,
                gender_responsive=gender_responsive,
                description=f"{course}: practical training by {name}, with support into work afterwards.",
            )
            programme.skills_taught.set([skills[n] for n in skill_names if n in skills])
            programme.certifications_awarded.set(
                [certifications[n] for n in cert_names if n in certifications]
            )
            programmes[provider.pk].append(programme)

    coordinator = users.get("partner@example.org")
    if coordinator is not None:
        ProviderStaff.objects.create(
            provider=providers[0], user=coordinator, role=ProviderStaff.Role.COORDINATOR
        )
    case_worker = users.get("caseworker@example.org")
    if case_worker is not None:
        ProviderStaff.objects.create(
            provider=providers[1], user=case_worker, role=ProviderStaff.Role.CASE_WORKER
        )
    recorders = {providers[0].pk: coordinator, providers[1].pk: case_worker}

    graduates = _graduates(rng, providers, programmes, today)
    _details(rng, graduates, programmes, recorders, today)


def _graduates(rng, providers, programmes, today):
    references = set()
    while len(references) < GRADUATES:
        references.add(new_graduate_reference())
    rows = []
    for number, reference in enumerate(sorted(references, key=lambda _ref: rng.random())):
        provider = providers[number % len(providers)]
        nearby = rng.sample([r for r in REGIONS if r != provider.region], rng.randint(0, 2))
        rows.append(
            Graduate(
                reference=reference,
                provider=provider,
                available_from=today + datetime.timedelta(days=rng.randint(-60, 90)),
                preferred_regions=[provider.region, *nearby],
                willing_to_travel=rng.random() < 0.5,
                willing_to_relocate=rng.random() < 0.15,
                wants_remote=rng.random() < 0.1,
                preferred_employment_types=sorted(rng.sample(EMPLOYMENT_TYPES, rng.randint(1, 3))),
                no_vulnerable_work=rng.random() < 0.2,
                no_driving=rng.random() < 0.2,
                no_cash_handling=rng.random() < 0.1,
                no_night_shifts=rng.random() < 0.25,
                no_security_clearance=rng.random() < 0.3,
                status=Graduate.Status.NOT_SEEKING if number % 50 == 49 else Graduate.Status.SEEKING,
                personal_statement=rng.choice(STATEMENTS) if rng.random() < 0.7 else "",
            )
        )
    return Graduate.objects.bulk_create(rows)


def _details(rng, graduates, programmes, recorders, today):
    """Completed programmes, skills, certifications, personal data and consents, in bulk."""
    completions, extra_skills, certs, personal, consents = [], [], [], [], []
    ExtraSkill = Graduate.extra_skills.through
    GraduateCertification = Graduate.certifications.through
    all_skills = list(Skill.objects.values_list("pk", flat=True))
    taught = {
        p.pk: list(p.certifications_awarded.values_list("pk", flat=True))
        for ps in programmes.values()
        for p in ps
    }
    for number, graduate in enumerate(graduates):
        own = programmes[graduate.provider_id]
        done = rng.sample(own, 1 if rng.random() < 0.6 else 2)
        sectors, cert_ids = set(), set()
        for programme in done:
            completions.append(
                GraduateProgramme(
                    graduate=graduate,
                    programme=programme,
                    completed_on=today - datetime.timedelta(days=rng.randint(20, 700)),
                )
            )
            if programme.sector:
                sectors.add(programme.sector)
            cert_ids.update(taught[programme.pk])
        graduate.preferred_sectors = sorted(sectors)
        certs += [GraduateCertification(graduate_id=graduate.pk, certification_id=pk) for pk in cert_ids]
        extra_skills += [
            ExtraSkill(graduate_id=graduate.pk, skill_id=pk)
            for pk in rng.sample(all_skills, rng.randint(0, 2))
        ]
        first, last = FIRST_NAMES[number % len(FIRST_NAMES)], LAST_NAMES[number % len(LAST_NAMES)]
        personal.append(
            GraduatePersonalData(
                graduate=graduate,
                full_name=f"{first} {last} (demo {number + 1:03d})",
                email=f"graduate{number + 1:03d}@example.invalid",
                phone=f"07700 900{number:03d}",
                notes="Demo record: there is no such person. Prefers phone calls in the afternoon.",
            )
        )
        if number % WITHOUT_CONSENT_EVERY != WITHOUT_CONSENT_EVERY - 1:
            consents.append(
                MatchingConsent(
                    graduate=graduate,
                    given_on=today - datetime.timedelta(days=rng.randint(5, 300)),
                    method=rng.choice(MatchingConsent.Method.values),
                    recorded_by=recorders.get(graduate.provider_id),
                )
            )
    Graduate.objects.bulk_update(graduates, ["preferred_sectors"])
    GraduateProgramme.objects.bulk_create(completions)
    ExtraSkill.objects.bulk_create(extra_skills, ignore_conflicts=True)
    GraduateCertification.objects.bulk_create(certs, ignore_conflicts=True)
    GraduatePersonalData.objects.bulk_create(personal)
    MatchingConsent.objects.bulk_create(consents)


ROLES = {
    "partner@example.org": f"coordinator at {FIRST_PROVIDER} (verified, with graduates)",
    "caseworker@example.org": f"case worker at {SECOND_PROVIDER} (verified, with graduates)",
}


def load(site):
    load_partners(site.users)
