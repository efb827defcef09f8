"""The four example schemes' texts in French, Spanish and Arabic (incentives/examples.py has the
English ones the checker evaluates). Each text is (French, Spanish, Arabic); conditions and steps
are in the examples' order."""

LANGUAGES = ("fr", "es", "ar")

MARK = (
    "Exemple de dispositif — à remplacer par les règles de votre juridiction",
    "Programa de ejemplo — sustitúyalo por las normas de su jurisdicción",
    "برنامج على سبيل المثال — استبدله بقواعد ولايتك القضائية",
)

TEXTS = {
    "Example fair-chance hiring tax credit": {
        "name": (
            "Exemple de crédit d'impôt pour l'embauche de seconde chance",
            "Ejemplo de crédito fiscal por contratación de segunda oportunidad",
            "مثال: إعفاء ضريبي لتوظيف أصحاب الفرصة الثانية",
        ),
        "summary": (
            "Inspiré du Work Opportunity Tax Credit des États-Unis : un crédit sur l'impôt de "
            "l'employeur qui embauche une personne dans l'année suivant sa libération ou sa condamnation.",
            "Basado en el Work Opportunity Tax Credit de EE. UU.: un crédito sobre los impuestos del "
            "empleador que contrata a alguien en el año siguiente a su excarcelación o condena.",
            "مستوحى من الإعفاء الضريبي الأمريكي لفرص العمل: خصم من ضريبة صاحب العمل عند توظيف شخص "
            "خلال سنة من الإفراج عنه أو إدانته.",
        ),
        "benefit": (
            "Un crédit d'impôt de 25 % des salaires de la première année dès 120 heures travaillées, "
            "porté à 40 % à partir de 400 heures, sur 6 000 de salaires au plus.",
            "Un crédito fiscal del 25 % de los salarios del primer año una vez trabajadas 120 horas, "
            "que sube al 40 % a partir de 400 horas, sobre un máximo de 6.000 de salarios.",
            "إعفاء ضريبي بنسبة 25% من أجور السنة الأولى بعد أن يعمل الموظف 120 ساعة على الأقل، ترتفع "
            "إلى 40% ابتداءً من 400 ساعة، على أجور تصل إلى 6000.",
        ),
        "how_to_apply": (
            "Remplissez avec la personne candidate le formulaire de présélection au plus tard le jour "
            "de l'offre d'emploi, puis déposez la demande de certification auprès de l'agence pour "
            "l'emploi dans les 28 jours suivant la prise de poste.",
            "Rellene con la persona candidata el formulario de preselección a más tardar el día de la "
            "oferta de empleo y presente la solicitud de certificación a la agencia de empleo en los "
            "28 días siguientes a la incorporación.",
            "املأ مع المرشح استمارة الفحص المسبق في يوم عرض العمل أو قبله، ثم قدّم طلب الاعتماد إلى "
            "وكالة التوظيف خلال 28 يومًا من تاريخ بدء العمل.",
        ),
        "conditions": [
            (
                (
                    "La personne est embauchée dans les 12 mois suivant sa libération.",
                    "La persona es contratada en los 12 meses siguientes a su excarcelación.",
                    "يُوظَّف المرشح خلال 12 شهرًا من الإفراج عنه.",
                ),
                (
                    "Le crédit ne vaut que pour les embauches dans les 12 mois suivant la libération.",
                    "El crédito solo cubre contrataciones en los 12 meses siguientes a la excarcelación.",
                    "لا يشمل الإعفاء إلا التوظيف خلال 12 شهرًا من الإفراج.",
                ),
            ),
            (
                (
                    "Avec ce nombre d'heures par semaine, l'embauche atteint dans l'année les 120 heures "
                    "travaillées exigées (400 heures ou plus donnent le taux supérieur).",
                    "Con estas horas semanales, la contratación alcanza en el año las 120 horas "
                    "trabajadas exigidas (400 horas o más dan el tipo superior).",
                    "بهذا العدد من الساعات أسبوعيًا يبلغ التوظيف خلال السنة 120 ساعة عمل المطلوبة "
                    "(400 ساعة أو أكثر تمنح النسبة الأعلى).",
                ),
                (
                    "En dessous de 3 heures par semaine, l'embauche n'atteindra pas les 120 heures exigées.",
                    "Por debajo de 3 horas semanales, la contratación no alcanzará las 120 horas exigidas.",
                    "بأقل من 3 ساعات أسبوعيًا لن يبلغ التوظيف 120 ساعة العمل المطلوبة.",
                ),
            ),
        ],
        "steps": [
            (
                "Remplir le formulaire de présélection avec la personne candidate",
                "Rellenar el formulario de preselección con la persona candidata",
                "ملء استمارة الفحص المسبق مع المرشح",
            ),
            (
                "Déposer la demande de certification auprès de l'agence pour l'emploi",
                "Presentar la solicitud de certificación a la agencia de empleo",
                "تقديم طلب الاعتماد إلى وكالة التوظيف",
            ),
        ],
    },
    "Example fidelity bond": {
        "name": ("Exemple de garantie de fidélité", "Ejemplo de fianza de fidelidad", "مثال: ضمان الأمانة"),
        "summary": (
            "Inspiré du Federal Bonding Program des États-Unis : une assurance contre le vol ou la "
            "malhonnêteté d'un nouvel employé ayant un casier, sans frais pour l'employeur.",
            "Basado en el Federal Bonding Program de EE. UU.: un seguro contra el robo o la "
            "deshonestidad de un nuevo empleado con antecedentes, sin coste para el empleador.",
            "مستوحى من البرنامج الفيدرالي الأمريكي للضمان: تأمين ضد السرقة أو خيانة الأمانة من موظف "
            "جديد لديه سجل جنائي، دون أي تكلفة على صاحب العمل.",
        ),
        "benefit": (
            "Une garantie de fidélité jusqu'à 5 000 couvrant les six premiers mois d'emploi, gratuite.",
            "Una fianza de fidelidad de hasta 5.000 que cubre los seis primeros meses de empleo, gratuita.",
            "ضمان أمانة يصل إلى 5000 يغطي الأشهر الستة الأولى من العمل، مجانًا.",
        ),
        "how_to_apply": (
            "Demandez une garantie au coordinateur régional dès que l'offre d'emploi est acceptée.",
            "Solicite la fianza al coordinador regional en cuanto se acepte la oferta de empleo.",
            "اطلب الضمان من منسق الضمانات في الولاية بمجرد قبول عرض العمل.",
        ),
        "conditions": [
            (
                (
                    "La personne a l'âge requis pour être garantie.",
                    "La persona tiene la edad necesaria para la fianza.",
                    "بلغ المرشح السن التي تسمح بضمانه.",
                ),
                (
                    "Les garanties ne concernent que les employés de 16 ans ou plus.",
                    "Las fianzas solo cubren a empleados de 16 años o más.",
                    "لا يشمل الضمان إلا الموظفين الذين بلغوا 16 عامًا أو أكثر.",
                ),
            ),
            (
                (
                    "Le poste est un travail rémunéré à horaires fixes.",
                    "El puesto es un trabajo remunerado con horario fijo.",
                    "الوظيفة عمل مأجور بساعات محددة.",
                ),
                (
                    "Les garanties ne couvrent que l'emploi rémunéré.",
                    "Las fianzas solo cubren el empleo remunerado.",
                    "لا يغطي الضمان إلا العمل المأجور.",
                ),
            ),
        ],
        "steps": [
            (
                "Demander la garantie au coordinateur",
                "Solicitar la fianza al coordinador",
                "طلب الضمان من منسق الضمانات",
            ),
        ],
    },
    "Example return-to-work wage subsidy": {
        "name": (
            "Exemple d'aide salariale au retour à l'emploi",
            "Ejemplo de subvención salarial para la vuelta al trabajo",
            "مثال: دعم الأجور للعودة إلى العمل",
        ),
        "summary": (
            "Une part du salaire du nouvel employé est versée à l'employeur pendant les six premiers "
            "mois d'un emploi d'au moins 16 heures par semaine et d'au moins six mois.",
            "Una parte del salario del nuevo empleado se paga al empleador durante los seis primeros "
            "meses de un empleo de al menos 16 horas semanales y seis meses de duración.",
            "يُدفع لصاحب العمل جزء من أجر الموظف الجديد خلال الأشهر الستة الأولى من وظيفة لا تقل عن "
            "16 ساعة أسبوعيًا ولا تقل مدتها عن ستة أشهر.",
        ),
        "benefit": (
            "50 % du salaire pendant les six premiers mois, jusqu'à 6 000 au total.",
            "El 50 % del salario durante los seis primeros meses, hasta 6.000 en total.",
            "50% من الأجر خلال الأشهر الستة الأولى، بحد أقصى 6000 إجمالًا.",
        ),
        "how_to_apply": (
            "Faites la demande auprès du service de l'emploi avant la prise de poste.",
            "Solicítela al servicio de empleo antes de que empiece el trabajo.",
            "قدّم الطلب إلى دائرة التوظيف قبل بدء العمل.",
        ),
        "conditions": [
            (
                (
                    "La personne a été libérée au cours des deux dernières années.",
                    "La persona fue excarcelada en los dos últimos años.",
                    "أُفرج عن المرشح خلال السنتين الأخيرتين.",
                ),
                (
                    "L'aide concerne les personnes libérées au cours des deux dernières années.",
                    "La subvención es para personas excarceladas en los dos últimos años.",
                    "الدعم مخصص لمن أُفرج عنهم خلال السنتين الأخيرتين.",
                ),
            ),
            (
                (
                    "Le poste offre au moins 16 heures par semaine.",
                    "El puesto ofrece al menos 16 horas semanales.",
                    "توفر الوظيفة 16 ساعة أسبوعيًا على الأقل.",
                ),
                (
                    "Le poste doit offrir au moins 16 heures par semaine.",
                    "El puesto debe ofrecer al menos 16 horas semanales.",
                    "يجب أن توفر الوظيفة 16 ساعة أسبوعيًا على الأقل.",
                ),
            ),
            (
                (
                    "Le contrat dure au moins six mois.",
                    "El contrato dura al menos seis meses.",
                    "مدة العقد ستة أشهر على الأقل.",
                ),
                (
                    "Le contrat doit durer au moins six mois.",
                    "El contrato debe durar al menos seis meses.",
                    "يجب ألا تقل مدة العقد عن ستة أشهر.",
                ),
            ),
            (
                (
                    "L'employeur n'est ni une administration publique ni un organisme international.",
                    "El empleador no es una administración pública ni un organismo internacional.",
                    "صاحب العمل ليس إدارة عامة ولا هيئة دولية.",
                ),
                (
                    "Les administrations publiques et les organismes internationaux ne peuvent pas demander l'aide.",
                    "Las administraciones públicas y los organismos internacionales no pueden solicitar la subvención.",
                    "لا يحق للإدارات العامة والهيئات الدولية المطالبة بالدعم.",
                ),
            ),
            (
                (
                    "La personne perçoit des allocations chômage ou des aides sociales.",
                    "La persona recibe prestaciones por desempleo o ayudas sociales.",
                    "يتلقى المرشح إعانات بطالة أو مساعدات اجتماعية.",
                ),
                (
                    "La personne ne perçoit ni allocations chômage ni aides sociales.",
                    "La persona no recibe prestaciones por desempleo ni ayudas sociales.",
                    "لا يتلقى المرشح إعانات بطالة ولا مساعدات اجتماعية.",
                ),
            ),
            (
                (
                    "La personne a suivi un programme reconnu.",
                    "La persona ha completado un programa reconocido.",
                    "أتمّ المرشح برنامجًا معترفًا به.",
                ),
                (
                    "La personne n'a pas suivi de programme reconnu.",
                    "La persona no ha completado un programa reconocido.",
                    "لم يُتمّ المرشح برنامجًا معترفًا به.",
                ),
            ),
        ],
        "steps": [("Demander l'aide", "Solicitar la subvención", "تقديم طلب الدعم")],
    },
    "Example procurement preference for pledged employers": {
        "name": (
            "Exemple de préférence dans les marchés publics pour les employeurs engagés",
            "Ejemplo de preferencia en la contratación pública para empleadores comprometidos",
            "مثال: أفضلية في المشتريات العامة لأصحاب العمل الموقّعين على التعهد",
        ),
        "summary": (
            "Les appels d'offres publics accordent des points supplémentaires aux candidats ayant "
            "signé un engagement d'embauche de seconde chance toujours en vigueur.",
            "Las licitaciones públicas dan puntos adicionales a los licitadores que han firmado un "
            "compromiso de contratación de segunda oportunidad todavía vigente.",
            "تمنح المناقصات العامة نقاطًا إضافية لمقدمي العطاءات الذين وقّعوا تعهدًا ساريًا بتوظيف "
            "أصحاب الفرصة الثانية.",
        ),
        "benefit": (
            "Des points supplémentaires dans la partie valeur sociale des appels d'offres publics.",
            "Puntos adicionales en el apartado de valor social de las licitaciones públicas.",
            "نقاط إضافية في قسم القيمة الاجتماعية من المناقصات العامة.",
        ),
        "how_to_apply": (
            "Indiquez la référence de votre engagement dans la partie valeur sociale de l'offre.",
            "Indique la referencia de su compromiso en el apartado de valor social de la oferta.",
            "اذكر الرقم المرجعي لتعهدك في قسم القيمة الاجتماعية من العطاء.",
        ),
        "conditions": [
            (
                (
                    "L'organisation a un engagement d'embauche en vigueur.",
                    "La organización tiene un compromiso de contratación vigente.",
                    "لدى المؤسسة تعهد توظيف ساري المفعول.",
                ),
                (
                    "Seules les organisations ayant un engagement d'embauche en vigueur bénéficient de la préférence.",
                    "Solo las organizaciones con un compromiso de contratación vigente obtienen la preferencia.",
                    "لا تحصل على الأفضلية إلا المؤسسات التي لديها تعهد توظيف ساري المفعول.",
                ),
            ),
        ],
        "steps": [],
    },
}


def _by_language(texts):
    return {
        language: {field: text[i] for field, text in texts.items()} for i, language in enumerate(LANGUAGES)
    }


def scheme_translations(name):
    """{"fr": {"name": ..., "summary": ..., ...}, ...} for the example called `name` ({} if none)."""
    texts = TEXTS.get(name)
    if texts is None:
        return {}
    fields = {field: texts[field] for field in ("name", "benefit", "how_to_apply")}
    # The English summary starts with the example mark; so does each translation.
    fields["summary"] = tuple(
        f"{mark}. {summary}" for mark, summary in zip(MARK, texts["summary"], strict=True)
    )
    return _by_language(fields)


def condition_translations(name, position):
    met, not_met = TEXTS[name]["conditions"][position]
    return _by_language({"met_text": met, "not_met_text": not_met})


def step_translations(name, position):
    return _by_language({"label": TEXTS[name]["steps"][position]})
