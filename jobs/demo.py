"""Demo job listings: 300 across the demo employers, states, sectors and regions."""

import datetime
import random

from django.utils import timezone

from employers.models import Employer
from jobs.models import JobListing, JobSkill
from taxonomy.models import Occupation, Skill

TITLES = {
    "F": [
        ("Trainee bricklayer", "7112"),
        ("Site labourer", "9313"),
        ("Apprentice joiner", "7115"),
        ("Plumber's mate", "7126"),
    ],
    "I": [
        ("Commis chef", "5120"),
        ("Kitchen porter", "9412"),
        ("Waiting staff", "5131"),
        ("Breakfast cook", "5120"),
    ],
    "H": [
        ("Warehouse operative", "9333"),
        ("Forklift driver", "8344"),
        ("HGV class 2 driver", "8332"),
        ("Stock clerk", "4321"),
    ],
    "A": [
        ("Horticulture assistant", "6113"),
        ("Farm hand", "6111"),
        ("Grounds maintenance operative", "6113"),
    ],
    "N": [("Office cleaner", "9112"), ("Hotel housekeeper", "9112"), ("Cleaning supervisor", "9112")],
    "C": [("Production operative", "9329"), ("Welder", "7212"), ("Baker", "7512"), ("Packer", "9321")],
    "G": [
        ("Retail assistant", "5223"),
        ("Shop floor assistant", "5223"),
        ("Stock replenishment assistant", "4321"),
    ],
    "Q": [("Care assistant", "5321"), ("Home care worker", "5322")],
    "J": [("IT support technician", "3512"), ("Junior helpdesk analyst", "3512")],
    "E": [("Recycling operative", "96")],
    "R": [("Leisure centre assistant", "52")],
}
PLACES = {
    "GB-MAN": "Manchester",
    "GB-LDS": "Leeds",
    "GB-BIR": "Birmingham",
    "GB-GLG": "Glasgow",
    "GB-CRF": "Cardiff",
    "GB-BST": "Bristol",
    "GB-LIV": "Liverpool",
    "GB-NET": "Newcastle",
    "GB-BFS": "Belfast",
    "GB-EDH": "Edinburgh",
}
STATUS_MIX = ["published"] * 7 + ["pending", "draft", "closed"]
TYPES = ["full-time", "full-time", "part-time", "temporary", "apprenticeship", "work-placement"]
REMOTE = ["on-site"] * 8 + ["hybrid", "remote"]
DESCRIPTION = (
    "<p>Join a team that values what you can do. Full training is given, with a mentor for your "
    "first months.</p><ul><li>Regular hours</li><li>Paid training and certificates</li>"
    "<li>Support from people who have been there</li></ul>"
)

# A few listings written in the portal's other languages (JobListing.language): the board's
# language filter, a French search by stem ("cuisiniers") and the listing's own lang attribute
# show something. (number of the listing, language, title, description, fair-chance statement)
WRITTEN_IN_OTHER_LANGUAGES = {
    3: (
        "fr",
        "Cuisinier / cuisinière",
        "<p>Rejoignez une équipe de cuisine qui croit aux secondes chances. Formation complète, "
        "horaires réguliers et un tuteur pendant vos premiers mois.</p><ul><li>Préparation des "
        "plats</li><li>Hygiène alimentaire</li></ul>",
        "Nous accueillons les candidatures des personnes ayant un casier judiciaire.",
    ),
    13: (
        "fr",
        "Agent d'entretien",
        "<p>Entretien des bureaux en début de matinée. Produits et tenue fournis, formation assurée.</p>",
        "Chaque candidature est étudiée individuellement, casier judiciaire ou non.",
    ),
    23: (
        "fr",
        "Magasinier cariste",
        "<p>Réception, rangement et préparation des commandes en entrepôt. Le permis cariste peut "
        "être passé chez nous.</p>",
        "Nous accueillons les candidatures des personnes ayant un casier judiciaire.",
    ),
    33: (
        "es",
        "Ayudante de cocina",
        "<p>Apoyo en la cocina: preparación de ingredientes, limpieza y orden. Formación completa y "
        "horario estable.</p>",
        "Valoramos a cada persona por lo que sabe hacer, también si tiene antecedentes penales.",
    ),
    43: (
        "es",
        "Operario de almacén",
        "<p>Carga, descarga y preparación de pedidos. Contrato estable y formación en carretilla "
        "elevadora.</p>",
        "Valoramos a cada persona por lo que sabe hacer, también si tiene antecedentes penales.",
    ),
    53: (
        "ar",
        "عامل مستودع",
        "<p>تحميل وتفريغ البضائع وتجهيز الطلبات في المستودع. نوفر تدريبا كاملا ومرشدا في الأشهر الأولى.</p>",
        "نرحب بطلبات الأشخاص الذين لديهم سوابق جنائية وندرس كل طلب على حدة.",
    ),
}


def load_jobs(count=300, seed=300):
    """Create `count` demo listings once; the same seed gives the same listings."""
    if JobListing.objects.exists():
        return
    rng = random.Random(seed)  # nosec B311 # reproducible demo data, not a secret
    employers = list(Employer.objects.all())
    occupations = {o.code: o for o in Occupation.objects.all()}
    skills = list(Skill.objects.all())
    today = timezone.localdate()
    now = timezone.now()
    links = []
    for number in range(count):
        employer = employers[number % len(employers)]
        title, code = rng.choice(TITLES.get(employer.sector, TITLES["G"]))
        region = rng.choice([employer.head_office_region, *employer.regions_of_operation])
        status = (
            STATUS_MIX[number % len(STATUS_MIX)] if employer.is_verified else rng.choice(["draft", "pending"])
        )
        published_at = now - datetime.timedelta(days=rng.randint(0, 40), hours=rng.randint(0, 23))
        pay = rng.choice([None, 11.5, 12.2, 13.0, 14.5])
        job = JobListing(
            employer=employer,
            title=title,
            description=DESCRIPTION,
            occupation=occupations.get(code),
            sector=employer.sector,
            region=region,
            place=PLACES.get(region, ""),
            remote=rng.choice(REMOTE),
            employment_type=rng.choice(TYPES),
            hours_per_week=rng.choice([16, 24, 30, 37.5, 40]),
            pay_min=pay,
            pay_max=round(pay * 1.15, 2) if pay else None,
            pay_period="hour",
            night_shifts=rng.random() < 0.15,
            requires_driving="driver" in title.lower(),
            handles_cash=employer.sector == "G" and rng.random() < 0.5,
            works_with_vulnerable_people=employer.sector == "Q",
            fair_chance_statement="We welcome applications from people with convictions and assess any record individually.",
            openings=rng.randint(1, 4),
            start_date=today + datetime.timedelta(days=rng.randint(7, 60)),
            closing_date=today + datetime.timedelta(days=rng.randint(5, 60)),
            apply_method=rng.choice(["portal", "url", "email"]),
            apply_url=employer.website,
            apply_email=f"jobs@{employer.slug}.example.org",
            status=status,
            submitted_at=published_at if status != "draft" else None,
            published_at=published_at if status in ("published", "closed") else None,
            closed_at=now if status == "closed" else None,
        )
        if number in WRITTEN_IN_OTHER_LANGUAGES:
            language, title, description, statement = WRITTEN_IN_OTHER_LANGUAGES[number]
            job.language, job.title, job.description = language, title, description
            job.fair_chance_statement = statement
        job.save()
        for skill in rng.sample(skills, min(len(skills), rng.randint(2, 5))):
            links.append(JobSkill(job=job, skill=skill, required=rng.random() < 0.6))
    JobSkill.objects.bulk_create(links, ignore_conflicts=True)


def load(site):
    load_jobs()


def report():
    return [f"{JobListing.objects.published().count()} published jobs, {JobListing.objects.count()} in all."]
