"""Demo record guidance: England and Wales and Scotland, guidance for care (ISCO 53), teaching (23),
finance (241, 331) and security (5414) roles with public sources, and the example spent rules of
the self-check. Loaded by `load_demo_content` only; staff check and replace them on a real site."""

from wagtail.models import Locale

from record_guidance.models import (
    GuidanceSource,
    Jurisdiction,
    JurisdictionRegion,
    RecordGuidance,
    SentenceBand,
    SpentRule,
)

ROA_1974 = ("Rehabilitation of Offenders Act 1974", "https://www.legislation.gov.uk/ukpga/1974/53")
TELL_EMPLOYER = (
    "GOV.UK: Telling an employer, university or college about your criminal record",
    "https://www.gov.uk/tell-employer-or-college-about-criminal-record",
)
DBS_FILTERING = (
    "GOV.UK: DBS filtering guidance",
    "https://www.gov.uk/government/collections/dbs-filtering-guidance",
)
KCSIE = (
    "GOV.UK: Keeping children safe in education",
    "https://www.gov.uk/government/publications/keeping-children-safe-in-education--2",
)
SIA = (
    "GOV.UK: Check if you can get an SIA licence with a criminal record",
    "https://www.gov.uk/guidance/check-if-you-can-get-an-sia-licence-with-a-criminal-record",
)
FCA = ("FCA: Fitness and propriety", "https://www.fca.org.uk/firms/approved-persons/fitness-propriety")
PVG = ("mygov.scot: PVG scheme", "https://www.mygov.scot/pvg-scheme")
SCOTLAND_RULES = (
    "gov.scot: Self-disclosure of previous convictions in Scotland: guidance",
    "https://www.gov.scot/publications/guidance-self-disclosure-previous-convictions-alternatives-"
    "prosecution-scotland-under-rehabilitation-offenders-act-1974/pages/3/",
)

JURISDICTIONS = {
    "England and Wales": {
        "names": ("Angleterre et pays de Galles", "Inglaterra y Gales", "إنجلترا وويلز"),
        "regions": ["GB-ENG", "GB-WLS"],
    },
    "Scotland": {"names": ("Écosse", "Escocia", "اسكتلندا"), "regions": ["GB-SCT"]},
}

FILTERING_EW = (
    "Basic checks show unspent convictions only. Standard and enhanced checks also show spent ones, "
    "unless the DBS filtering rules remove them: an adult conviction that did not lead to prison, for "
    "an offence not on the list that is never filtered, is removed after 11 years (5 years and 6 "
    "months if you were under 18)."
)

GUIDANCE = [
    {
        "jurisdiction": "England and Wales",
        "isco_group": "53",
        "title": "Care workers",
        "check_required_by_law": True,
        "legal_requirement": "an enhanced DBS check with a check of the adults' barred list",
        "roles_needing_check": (
            "Giving personal care to adults, in a care home or in their own home, is 'regulated "
            "activity': the employer must ask for an enhanced DBS check with the adults' barred list, "
            "and may not employ someone barred from the work. Care for children needs the children's "
            "barred list too."
        ),
        "licences": (
            "None for the job itself. Care providers registered with the Care Quality Commission "
            "must check that staff are fit and proper: a record is weighed, not a ban."
        ),
        "when_spent": FILTERING_EW,
        "sources": [DBS_FILTERING, TELL_EMPLOYER],
        "translations": {
            "fr": {
                "title": "Aides-soignants et auxiliaires de vie",
                "legal_requirement": (
                    "une vérification DBS approfondie avec consultation de la liste des personnes "
                    "interdites de travail auprès des adultes"
                ),
                "roles_needing_check": (
                    "Donner des soins personnels à des adultes, en établissement ou à domicile, est une "
                    "« activité réglementée » : l'employeur doit demander une vérification DBS "
                    "approfondie avec la liste des personnes interdites et ne peut pas employer une "
                    "personne qui y figure."
                ),
                "licences": "Aucune pour le poste lui-même.",
                "when_spent": (
                    "Les vérifications de base ne montrent que les condamnations non effacées. Les "
                    "vérifications standard et approfondies montrent aussi les autres, sauf si les règles "
                    "de filtrage du DBS les retirent, en général après 11 ans pour un adulte sans peine "
                    "de prison."
                ),
            },
            "es": {
                "title": "Cuidadores",
                "legal_requirement": (
                    "una comprobación DBS ampliada con consulta de la lista de personas inhabilitadas "
                    "para trabajar con adultos"
                ),
                "roles_needing_check": (
                    "Dar cuidados personales a adultos, en una residencia o en su casa, es una «actividad "
                    "regulada»: el empleador debe pedir una comprobación DBS ampliada con la lista de "
                    "personas inhabilitadas y no puede contratar a quien figure en ella."
                ),
                "licences": "Ninguna para el puesto en sí.",
                "when_spent": (
                    "Las comprobaciones básicas solo muestran las condenas no canceladas. Las estándar y "
                    "ampliadas muestran también las demás, salvo que las reglas de filtrado del DBS las "
                    "retiren, en general a los 11 años para un adulto sin pena de prisión."
                ),
            },
            "ar": {
                "title": "عمال الرعاية",
                "legal_requirement": "فحص DBS معزز مع التحقق من قائمة الممنوعين من العمل مع البالغين",
                "roles_needing_check": (
                    "تقديم الرعاية الشخصية للبالغين في دار رعاية أو في منازلهم «نشاط منظم»: على صاحب "
                    "العمل طلب فحص DBS معزز مع قائمة الممنوعين، ولا يجوز له توظيف شخص مدرج فيها."
                ),
                "licences": "لا يوجد ترخيص للوظيفة نفسها.",
                "when_spent": (
                    "الفحص الأساسي يظهر الإدانات غير المنقضية فقط. أما الفحص القياسي والمعزز فيظهران "
                    "غيرها أيضا، إلا إذا حذفتها قواعد التصفية لدى DBS، عادة بعد 11 سنة للبالغ دون عقوبة سجن."
                ),
            },
        },
    },
    {
        "jurisdiction": "England and Wales",
        "isco_group": "23",
        "title": "Teachers",
        "check_required_by_law": True,
        "legal_requirement": "an enhanced DBS check with a check of the children's barred list",
        "roles_needing_check": (
            "Teaching children is 'regulated activity': schools and colleges must ask for an enhanced "
            "DBS check with the children's barred list before the start."
        ),
        "licences": (
            "Qualified teacher status can be ended by a prohibition order; a record alone does not "
            "bar you from training."
        ),
        "when_spent": FILTERING_EW,
        "sources": [KCSIE, DBS_FILTERING],
    },
    {
        "jurisdiction": "England and Wales",
        "isco_group": "241",
        "title": "Finance professionals",
        "check_required_by_law": False,
        "roles_needing_check": (
            "Senior managers and certified staff of firms regulated by the Financial Conduct Authority "
            "must be assessed as fit and proper; firms usually ask for a standard DBS check for those "
            "roles. Other finance roles may ask for a basic check."
        ),
        "licences": "Approval as an FCA senior manager may be refused where a conviction bears on honesty.",
        "when_spent": FILTERING_EW,
        "sources": [FCA, TELL_EMPLOYER],
    },
    {
        "jurisdiction": "England and Wales",
        "isco_group": "331",
        "title": "Finance associate professionals",
        "check_required_by_law": False,
        "roles_needing_check": (
            "Roles handling clients' money or giving regulated advice may be certified roles at firms "
            "regulated by the Financial Conduct Authority, assessed as fit and proper."
        ),
        "licences": "",
        "when_spent": FILTERING_EW,
        "sources": [FCA, ROA_1974],
    },
    {
        "jurisdiction": "England and Wales",
        "isco_group": "5414",
        "title": "Security guards",
        "check_required_by_law": True,
        "legal_requirement": "a front-line licence from the Security Industry Authority (SIA), which includes a criminal record check",
        "roles_needing_check": "Security guarding, door supervision and CCTV work need an SIA licence.",
        "licences": (
            "The SIA may refuse a licence for relevant offences, mostly recent ones; it publishes its "
            "criteria and a criminal record indicator you can try before applying."
        ),
        "when_spent": "The SIA looks at unspent convictions, and at spent ones only where the law allows it.",
        "sources": [SIA, TELL_EMPLOYER],
    },
    {
        "jurisdiction": "Scotland",
        "isco_group": "53",
        "title": "Care workers",
        "check_required_by_law": True,
        "legal_requirement": "membership of the Protecting Vulnerable Groups (PVG) scheme",
        "roles_needing_check": (
            "Care work with protected adults or children is regulated work: joining the PVG scheme, "
            "run by Disclosure Scotland, is a legal requirement."
        ),
        "licences": "Care staff register with the Scottish Social Services Council, which weighs a record.",
        "when_spent": (
            "A PVG scheme record can show spent convictions on the lists set by law; others are left out."
        ),
        "sources": [PVG, SCOTLAND_RULES],
    },
    {
        "jurisdiction": "Scotland",
        "isco_group": "23",
        "title": "Teachers",
        "check_required_by_law": True,
        "legal_requirement": "membership of the Protecting Vulnerable Groups (PVG) scheme",
        "roles_needing_check": "Teaching children is regulated work: PVG scheme membership is required.",
        "licences": "Teachers register with the General Teaching Council for Scotland, which weighs a record.",
        "when_spent": "A PVG scheme record can show spent convictions on the lists set by law.",
        "sources": [PVG, SCOTLAND_RULES],
    },
]

EW_NOTE_LONG = (
    "Never spent if the sentence was for a serious sexual, violent or terrorist offence. "
    "Under 18 when convicted: shorter periods apply."
)
RULES = {
    "England and Wales": [
        (
            SentenceBand.NON_CUSTODIAL,
            1,
            "A fine: 1 year from the conviction. A community order: when it ends.",
        ),
        (SentenceBand.UP_TO_12_MONTHS, 1, "Counted from the end of the sentence, licence included."),
        (SentenceBand.UP_TO_30_MONTHS, 4, "Counted from the end of the sentence, licence included."),
        (SentenceBand.UP_TO_4_YEARS, 4, "Counted from the end of the sentence, licence included."),
        (SentenceBand.OVER_4_YEARS, 7, EW_NOTE_LONG),
    ],
    "Scotland": [
        (
            SentenceBand.NON_CUSTODIAL,
            1,
            "A fine: 1 year from the conviction. A community payback order: when it ends.",
        ),
        (
            SentenceBand.UP_TO_12_MONTHS,
            2,
            "In Scotland the period runs from the conviction: the sentence's length plus 2 years.",
        ),
        (
            SentenceBand.UP_TO_30_MONTHS,
            4,
            "In Scotland the period runs from the conviction: the sentence's length plus 4 years.",
        ),
        (
            SentenceBand.UP_TO_4_YEARS,
            6,
            "In Scotland the period runs from the conviction: the sentence's length plus 6 years.",
        ),
        (SentenceBand.OVER_4_YEARS, None, "An 'excluded sentence': it is not spent after any fixed time."),
    ],
}
RULE_SOURCES = {"England and Wales": TELL_EMPLOYER, "Scotland": SCOTLAND_RULES}


def load(site):
    if Jurisdiction.objects.exists():
        return
    jurisdictions = {}
    for name, data in JURISDICTIONS.items():
        name_fr, name_es, name_ar = data["names"]
        jurisdiction = Jurisdiction(name=name, name_fr=name_fr, name_es=name_es, name_ar=name_ar)
        jurisdiction.regions = [JurisdictionRegion(code=code) for code in data["regions"]]
        jurisdiction.save()
        jurisdictions[name] = jurisdiction
    for entry in GUIDANCE:
        _guidance(entry, jurisdictions[entry["jurisdiction"]])
    for name, rules in RULES.items():
        title, url = RULE_SOURCES[name]
        SpentRule.objects.bulk_create(
            SpentRule(
                jurisdiction=jurisdictions[name],
                band=band,
                rehabilitation_years=years,
                note=note,
                source_title=title,
                source_url=url,
            )
            for band, years, note in rules
        )


def _guidance(entry, jurisdiction):
    fields = {
        key: value for key, value in entry.items() if key not in {"jurisdiction", "sources", "translations"}
    }
    guidance = RecordGuidance(jurisdiction=jurisdiction, **fields)
    guidance.sources = [GuidanceSource(title=title, url=url) for title, url in entry["sources"]]
    guidance.save()
    for language, texts in entry.get("translations", {}).items():
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            continue
        translated = guidance.copy_for_translation(locale)
        for field, text in texts.items():
            setattr(translated, field, text)
        translated.save()


def counts():
    return [
        f"{RecordGuidance.objects.count()} record guidance texts",
        f"{SpentRule.objects.count()} example spent rules",
    ]
