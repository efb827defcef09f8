"""The demo site's words in French, Spanish and Arabic (portal/demo/translations.py makes them
Wagtail translations of the English pages and snippets in portal/demo/content.py).

Pages are keyed by their address below the home page ("" is the home page). A body is a list of
(block type, value) as in the English demo; text blocks hold HTML. A campaign's story list names
no stories here: it gets the translations of the English campaign's stories.
"""

STORY_QUOTES = {
    "fr": {
        "from-kitchen-course-to-head-chef": "Elle m’a demandé comment je tiendrais le passe un samedi soir. "
        "Personne ne m’avait parlé d’avenir depuis des années.",
        "building-site-to-site-manager": "J’étais la seule femme de la formation. Aujourd’hui, j’embauche "
        "des gens qui sont passés par où je suis passée.",
        "reading-to-my-daughter": "Le premier livre que j’ai fini, c’était le sien. Le deuxième, c’était "
        "pour mon examen.",
    },
    "es": {
        "from-kitchen-course-to-head-chef": "Me preguntó cómo llevaría el pase un sábado por la noche. "
        "Hacía años que nadie me preguntaba por el futuro.",
        "building-site-to-site-manager": "Era la única mujer del curso. Ahora contrato a personas que "
        "estuvieron donde yo estuve.",
        "reading-to-my-daughter": "El primer libro que terminé fue el suyo. El segundo, el de mi examen.",
    },
    "ar": {
        "from-kitchen-course-to-head-chef": "سألتني كيف سأدير المطبخ في ليلة سبت مزدحمة. "
        "لم يسألني أحد عن المستقبل منذ سنوات.",
        "building-site-to-site-manager": "كنت المرأة الوحيدة في الدورة. واليوم أوظّف أشخاصًا مرّوا بما مررت به.",
        "reading-to-my-daughter": "أول كتاب أنهيته كان كتابها. والثاني كان لامتحاني.",
    },
}

WHAT_HELPED = {
    "fr": "<h2>Ce qui a aidé</h2><ul><li>Un programme qui enseignait un vrai métier</li>"
    "<li>Un employeur qui a regardé la personne</li><li>Quelqu’un à appeler les jours difficiles</li></ul>",
    "es": "<h2>Lo que ayudó</h2><ul><li>Un programa que enseñaba un oficio de verdad</li>"
    "<li>Un empleador que miró a la persona</li><li>Alguien a quien llamar en los días difíciles</li></ul>",
    "ar": "<h2>ما الذي ساعد</h2><ul><li>برنامج علّم مهارة حقيقية</li>"
    "<li>صاحب عمل نظر إلى الإنسان</li><li>شخص يمكن الاتصال به في الأيام الصعبة</li></ul>",
}

TELLS_US = {
    "fr": "{name} nous raconte ce qui a changé, et qui a aidé.",
    "es": "{name} nos cuenta qué cambió y quién ayudó.",
    "ar": "يحكي لنا {name} ما الذي تغيّر، ومن ساعد.",
}

STORIES = {
    "fr": {
        "from-kitchen-course-to-head-chef": (
            "D’un cours de cuisine en prison au poste de chef",
            "Une formation en cuisine pendant sa peine a donné un métier à Marcus ; une restauratrice "
            "qui l’a interrogé sur ses compétences, et non sur son passé, lui a donné sa chance.",
        ),
        "building-site-to-site-manager": (
            "Poser des briques, puis diriger le chantier",
            "Dee a appris la maçonnerie dans un programme de construction pour femmes ; elle dirige "
            "aujourd’hui une équipe de douze personnes.",
        ),
        "reading-to-my-daughter": (
            "Apprendre à lire pour faire la lecture à ma fille",
            "Les cours d’alphabétisation en détention avaient un seul but : une histoire du soir. "
            "Ils se sont terminés par une place à l’université.",
        ),
    },
    "es": {
        "from-kitchen-course-to-head-chef": (
            "De un curso de cocina en prisión a jefe de cocina",
            "Un curso de cocina durante la condena le dio a Marcus un oficio; una dueña de restaurante "
            "que le preguntó por sus habilidades, y no por su pasado, le dio una oportunidad.",
        ),
        "building-site-to-site-manager": (
            "Poner ladrillos y luego dirigir la obra",
            "Dee aprendió albañilería en un programa de construcción para mujeres y hoy dirige un "
            "equipo de doce personas.",
        ),
        "reading-to-my-daughter": (
            "Aprender a leer para leerle a mi hija",
            "Las clases de alfabetización en prisión empezaron con un solo objetivo: un cuento antes "
            "de dormir. Terminaron con una plaza en la universidad.",
        ),
    },
    "ar": {
        "from-kitchen-course-to-head-chef": (
            "من دورة طبخ في السجن إلى رئيس للطهاة",
            "منحت دورة في الطبخ داخل السجن ماركوس مهنة، ومنحته صاحبة مطعم سألته عن مهاراته لا عن "
            "ماضيه فرصة البداية.",
        ),
        "building-site-to-site-manager": (
            "من رصّ الطوب إلى إدارة الموقع",
            "تدرّبت دي على البناء بالطوب في برنامج للنساء في قطاع البناء، وهي اليوم تقود فريقًا من "
            "اثني عشر شخصًا.",
        ),
        "reading-to-my-daughter": (
            "تعلّمت القراءة لأقرأ لابنتي",
            "بدأت دروس محو الأمية في السجن بهدف واحد: حكاية قبل النوم. وانتهت بمقعد في الكلية.",
        ),
    },
}

CAMPAIGN_BODY = {
    "fr": {
        "hero": (
            "Portez le ruban. Ouvrez une porte.",
            "Les petits gestes d’accueil finissent par éviter à bien des gens de retourner en prison.",
        ),
        "text": "<p>La moitié des personnes qui sortent de prison récidivent dans l’année. Celles qui "
        "trouvent un travail récidivent beaucoup moins. Votre soutien montre aux employeurs et aux "
        "voisins que cette communauté croit à la seconde chance.</p>",
        "figures": (
            "Pourquoi c’est important",
            [
                ("1 sur 2", "adultes libérés après une courte peine récidivent dans l’année"),
                ("9 sur 10", "employeurs ayant embauché une personne condamnée le recommanderaient"),
            ],
        ),
        "stories": "Les histoires de la campagne",
        "pledge": ("Engagez-vous", "Ajoutez votre nom à celles et ceux qui croient à la seconde chance."),
        "faq": (
            "Questions et réponses",
            [
                (
                    "À quoi sert mon engagement ?",
                    "<p>Il est compté publiquement et montre aux "
                    "employeurs et aux décideurs que les gens d’ici soutiennent la seconde chance.</p>",
                ),
                (
                    "Mon nom sera-t-il affiché ?",
                    "<p>Seulement si vous le donnez et cochez la case pour l’afficher.</p>",
                ),
            ],
        ),
    },
    "es": {
        "hero": (
            "Lleva el lazo. Abre una puerta.",
            "Los pequeños gestos de aceptación se traducen en menos personas que vuelven a prisión.",
        ),
        "text": "<p>La mitad de las personas que salen de prisión reinciden en el primer año. Las que "
        "encuentran trabajo reinciden mucho menos. Tu apoyo les dice a empleadores y vecinos que esta "
        "comunidad cree en las segundas oportunidades.</p>",
        "figures": (
            "Por qué importa",
            [
                ("1 de cada 2", "adultos que salen de condenas cortas reinciden en un año"),
                ("9 de cada 10", "empleadores que contrataron a alguien con antecedentes lo recomendarían"),
            ],
        ),
        "stories": "Historias de la campaña",
        "pledge": ("Suma tu apoyo", "Añade tu nombre al de quienes creen en las segundas oportunidades."),
        "faq": (
            "Preguntas y respuestas",
            [
                (
                    "¿Para qué sirve mi compromiso?",
                    "<p>Se cuenta públicamente y muestra a empleadores "
                    "y responsables públicos que aquí se apoyan las segundas oportunidades.</p>",
                ),
                ("¿Se mostrará mi nombre?", "<p>Solo si lo das y marcas la casilla para mostrarlo.</p>"),
            ],
        ),
    },
    "ar": {
        "hero": (
            "ارتدِ الشريط. افتح بابًا.",
            "خطوات القبول الصغيرة تعني في النهاية عددًا أقل من الناس يعودون إلى السجن.",
        ),
        "text": "<p>يعود نصف من يخرجون من السجن إلى الجريمة خلال عام. ومن يجد منهم عملًا أقل عودةً "
        "بكثير. دعمك يقول لأصحاب العمل وللجيران إن هذا المجتمع يؤمن بالفرصة الثانية.</p>",
        "figures": (
            "لماذا يهمّ هذا",
            [
                ("١ من ٢", "من البالغين المُفرج عنهم بعد أحكام قصيرة يعودون إلى الجريمة خلال عام"),
                ("٩ من ١٠", "من أصحاب العمل الذين وظّفوا شخصًا له سوابق ينصحون بذلك"),
            ],
        ),
        "stories": "قصص من الحملة",
        "pledge": ("أعلن دعمك", "أضف اسمك إلى من يؤمنون بالفرصة الثانية."),
        "faq": (
            "أسئلة وأجوبة",
            [
                (
                    "ما فائدة تعهّدي؟",
                    "<p>يُحتسب علنًا ويُظهر لأصحاب العمل وصنّاع القرار أن الناس هنا يدعمون الفرصة الثانية.</p>",
                ),
                ("هل سيظهر اسمي؟", "<p>فقط إذا كتبته واخترت إظهاره.</p>"),
            ],
        ),
    },
}

PAGES = {
    "fr": {
        "": {
            "title": "Accueil",
            "hero_heading": "Tout le monde mérite une seconde chance",
            "hero_text": "Un travail, un logement et des gens qui croient en eux : voilà ce qui évite la "
            "récidive. Lisez leurs histoires, soutenez la campagne et ouvrez vos portes.",
            "hero_button_label": "Je m’engage",
            "public_cta_heading": "Soutenez une seconde chance",
            "public_cta_text": "Lisez les histoires et ajoutez votre nom à l’engagement du ruban jaune.",
            "employer_cta_heading": "Recrutez pour le potentiel",
            "employer_cta_text": "Signez un engagement d’embauche, trouvez les aides auxquelles vous avez "
            "droit et publiez des offres ouvertes à toutes et à tous.",
        },
        "about/": {
            "title": "À propos du portail",
            "introduction": "Le portail Seconde Chance aide les personnes qui sortent de prison à trouver "
            "un travail et leur place.",
            "body": "<p>La plupart des personnes qui sortent de prison veulent travailler. Un travail, un "
            "logement et des gens qui croient en elles : c’est ce qui réduit le plus la récidive. Le "
            "portail réunit le public, les employeurs et les programmes qui forment les personnes en "
            "prison et en milieu ouvert.</p><h2>Ce que nous faisons</h2><ul><li>Raconter des histoires "
            "vraies, avec consentement.</li><li>Mener des campagnes de soutien du public.</li><li>Aider "
            "les employeurs à recruter équitablement et à obtenir les aides auxquelles ils ont droit."
            "</li></ul>",
        },
        "privacy/": {
            "title": "Politique de confidentialité",
            "introduction": "Ce que nous conservons à votre sujet, pourquoi, et comment le faire effacer.",
            "body": "<p>Quand vous apportez votre soutien, nous conservons votre adresse e-mail, ainsi "
            "que votre nom et votre région si vous les indiquez. Nous les utilisons pour confirmer votre "
            "engagement et, seulement si vous le demandez, pour vous envoyer des nouvelles. Chaque e-mail "
            "contient un lien qui efface votre engagement et tout ce qui s’y rattache.</p><p>Nous "
            "n’enregistrons jamais l’infraction commise par quiconque.</p>",
        },
        "accessibility/": {
            "title": "Déclaration d’accessibilité",
            "introduction": "Nous voulons que tout le monde puisse utiliser ce site.",
            "body": "<p>Le portail vise le niveau AA des WCAG 2.2. Chaque page fonctionne sans "
            "JavaScript, au clavier et avec un lecteur d’écran. Nous testons chaque type de page avec "
            "des vérifications automatiques dans un vrai navigateur.</p><p>Si quelque chose ne "
            "fonctionne pas pour vous, dites-le-nous depuis la page de contact.</p>",
        },
        "contact/": {
            "title": "Nous contacter",
            "introduction": "Une question, une correction ou une histoire à partager.",
            "body": '<p>Écrivez à <a href="mailto:hello@example.org">hello@example.org</a>. Nous '
            "répondons sous cinq jours ouvrés.</p>",
        },
        "for-employers/": {
            "title": "Pour les employeurs",
            "introduction": "Recrutez pour le potentiel : un accompagnement, des aides et des candidats "
            "formés et prêts.",
            "body": "<p>Les employeurs qui embauchent des personnes condamnées les trouvent fidèles et "
            "motivées. Le portail vous permet de signer un engagement d’embauche, de vérifier les aides "
            "que vous pouvez demander et de publier des offres ouvertes à toutes et à tous.</p>",
        },
        "stories/": {
            "title": "Histoires",
            "introduction": "De vraies personnes, racontées avec leur consentement. Les noms sont "
            "changés, sauf si la personne a choisi de garder le sien.",
        },
        "campaigns/": {
            "title": "Campagnes",
            "introduction": "Rejoignez une campagne pour l’accueil et l’égalité des chances.",
        },
        "campaigns/yellow-ribbon-week/": {
            "title": "Semaine du ruban jaune : offrez une seconde chance",
            "introduction": "Portez un ruban jaune, engagez-vous et aidez les personnes qui sortent de "
            "prison à trouver un travail et leur place.",
        },
    },
    "es": {
        "": {
            "title": "Inicio",
            "hero_heading": "Todo el mundo merece una segunda oportunidad",
            "hero_text": "Un trabajo, un hogar y personas que crean en ellos: eso es lo que evita la "
            "reincidencia. Lee sus historias, apoya la campaña y abre tus puertas.",
            "hero_button_label": "Suma tu apoyo",
            "public_cta_heading": "Apoya una segunda oportunidad",
            "public_cta_text": "Lee las historias y añade tu nombre al compromiso del lazo amarillo.",
            "employer_cta_heading": "Contrata por el potencial",
            "employer_cta_text": "Firma un compromiso de contratación, descubre las ayudas a las que "
            "tienes derecho y publica ofertas de empleo abiertas a todos.",
        },
        "about/": {
            "title": "Sobre el portal",
            "introduction": "El Portal Segunda Oportunidad ayuda a las personas que salen de prisión a "
            "encontrar trabajo y aceptación.",
            "body": "<p>La mayoría de las personas que salen de prisión quieren trabajar. Un trabajo, un "
            "hogar y personas que crean en ellas: eso es lo que más reduce la reincidencia. El portal "
            "reúne al público, a los empleadores y a los programas que forman a las personas en prisión "
            "y en la comunidad.</p><h2>Qué hacemos</h2><ul><li>Contar historias reales, con "
            "consentimiento.</li><li>Organizar campañas de apoyo público.</li><li>Ayudar a los "
            "empleadores a contratar con equidad y a obtener las ayudas que les corresponden.</li></ul>",
        },
        "privacy/": {
            "title": "Aviso de privacidad",
            "introduction": "Qué guardamos sobre ti, por qué y cómo pedir que se borre.",
            "body": "<p>Cuando das tu apoyo guardamos tu dirección de correo y, si nos los das, tu nombre "
            "y tu región. Los usamos para confirmar tu compromiso y, solo si lo pides, para enviarte "
            "novedades. Cada correo que enviamos incluye un enlace que borra tu compromiso y todo lo "
            "relacionado.</p><p>Nunca registramos qué delito cometió nadie.</p>",
        },
        "accessibility/": {
            "title": "Declaración de accesibilidad",
            "introduction": "Queremos que todo el mundo pueda usar este sitio.",
            "body": "<p>El portal aspira al nivel AA de las WCAG 2.2. Todas las páginas funcionan sin "
            "JavaScript, con teclado y con lector de pantalla. Probamos cada tipo de página con "
            "comprobaciones automáticas en un navegador real.</p><p>Si algo no te funciona, cuéntanoslo "
            "desde la página de contacto.</p>",
        },
        "contact/": {
            "title": "Contacto",
            "introduction": "Preguntas, correcciones o una historia que compartir.",
            "body": '<p>Escribe a <a href="mailto:hello@example.org">hello@example.org</a>. '
            "Respondemos en un plazo de cinco días laborables.</p>",
        },
        "for-employers/": {
            "title": "Para empleadores",
            "introduction": "Contrata por el potencial: apoyo, ayudas y candidatos formados y preparados.",
            "body": "<p>Los empleadores que contratan a personas con condenas las consideran leales y "
            "motivadas. El portal te permite firmar un compromiso de contratación, comprobar las ayudas "
            "que puedes solicitar y publicar ofertas abiertas a todos.</p>",
        },
        "stories/": {
            "title": "Historias",
            "introduction": "Personas reales, contadas con su consentimiento. Los nombres se cambian, "
            "salvo que la persona haya elegido usar el suyo.",
        },
        "campaigns/": {
            "title": "Campañas",
            "introduction": "Únete a una campaña por la aceptación y la igualdad de oportunidades.",
        },
        "campaigns/yellow-ribbon-week/": {
            "title": "Semana del Lazo Amarillo: da una segunda oportunidad",
            "introduction": "Lleva un lazo amarillo, suma tu apoyo y ayuda a quienes salen de prisión a "
            "encontrar trabajo y un lugar en la comunidad.",
        },
    },
    "ar": {
        "": {
            "title": "الرئيسية",
            "hero_heading": "كل إنسان يستحق فرصة ثانية",
            "hero_text": "عمل وبيت وأناس يؤمنون بهم: هذا ما يمنع العودة إلى الجريمة. اقرأ قصصهم، "
            "وادعم الحملة، وافتح أبوابك.",
            "hero_button_label": "أعلن دعمك",
            "public_cta_heading": "قف إلى جانب الفرصة الثانية",
            "public_cta_text": "اقرأ القصص وأضف اسمك إلى تعهّد الشريط الأصفر.",
            "employer_cta_heading": "وظّف من أجل الإمكانات",
            "employer_cta_text": "وقّع تعهّدًا بالتوظيف، واعرف الحوافز التي يحق لك طلبها، وانشر وظائف "
            "تمنح الجميع فرصة عادلة.",
        },
        "about/": {
            "title": "عن البوابة",
            "introduction": "تساعد بوابة الفرصة الثانية من يخرجون من السجن على إيجاد عمل وقبول.",
            "body": "<p>معظم من يخرجون من السجن يريدون العمل. العمل والسكن وأناس يؤمنون بهم هي أكثر "
            "ما يحدّ من العودة إلى الجريمة. تجمع البوابة الجمهور وأصحاب العمل والبرامج التي تدرّب "
            "الناس في السجون وفي المجتمع.</p><h2>ماذا نفعل</h2><ul><li>نروي قصصًا حقيقية بموافقة "
            "أصحابها.</li><li>ننظّم حملات لكسب دعم الجمهور.</li><li>نساعد أصحاب العمل على التوظيف "
            "بإنصاف وعلى الحصول على الدعم الذي يحق لهم.</li></ul>",
        },
        "privacy/": {
            "title": "إشعار الخصوصية",
            "introduction": "ما نحتفظ به عنك، ولماذا، وكيف تطلب محوه.",
            "body": "<p>عندما تعلن دعمك نحتفظ بعنوان بريدك الإلكتروني، وباسمك ومنطقتك إن ذكرتهما. "
            "نستخدمها لتأكيد تعهّدك، ولإرسال الأخبار إليك فقط إن طلبت ذلك. كل رسالة نرسلها تحمل رابطًا "
            "يمحو تعهّدك وكل ما يتصل به.</p><p>لا نسجّل أبدًا الجريمة التي ارتكبها أي شخص.</p>",
        },
        "accessibility/": {
            "title": "بيان إمكانية الوصول",
            "introduction": "نريد أن يتمكن الجميع من استخدام هذا الموقع.",
            "body": "<p>تسعى البوابة إلى استيفاء المستوى AA من معايير WCAG 2.2. تعمل كل صفحة دون "
            "جافاسكربت، وبلوحة المفاتيح، ومع قارئ الشاشة. نختبر كل نوع من الصفحات بفحوص آلية في "
            "متصفح حقيقي.</p><p>إن لم يعمل شيء كما ينبغي، أخبرنا عبر صفحة التواصل.</p>",
        },
        "contact/": {
            "title": "تواصل معنا",
            "introduction": "أسئلة أو تصحيحات أو قصة تودّ مشاركتها.",
            "body": '<p>اكتب إلى <a href="mailto:hello@example.org">hello@example.org</a>. نجيب خلال '
            "خمسة أيام عمل.</p>",
        },
        "for-employers/": {
            "title": "لأصحاب العمل",
            "introduction": "وظّف من أجل الإمكانات: دعم وحوافز ومرشحون تلقّوا التدريب وهم مستعدون.",
            "body": "<p>يجد أصحاب العمل الذين يوظّفون أشخاصًا لهم سوابق أنهم أوفياء ومتحمّسون. تتيح لك "
            "البوابة توقيع تعهّد بالتوظيف، ومعرفة الحوافز التي يمكنك طلبها، ونشر وظائف تمنح الجميع "
            "فرصة عادلة.</p>",
        },
        "stories/": {
            "title": "قصص",
            "introduction": "أناس حقيقيون، تُروى قصصهم بموافقتهم. الأسماء مستعارة ما لم يختر الشخص "
            "اسمه الحقيقي.",
        },
        "campaigns/": {
            "title": "الحملات",
            "introduction": "انضم إلى حملة من أجل القبول وتكافؤ الفرص.",
        },
        "campaigns/yellow-ribbon-week/": {
            "title": "أسبوع الشريط الأصفر: امنح فرصة ثانية",
            "introduction": "ارتدِ شريطًا أصفر، وأعلن دعمك، وساعد من يخرجون من السجن على إيجاد عمل "
            "ومكان في المجتمع.",
        },
    },
}

THEMES = {
    "work": {"fr": "Travail", "es": "Trabajo", "ar": "العمل"},
    "family": {"fr": "Famille", "es": "Familia", "ar": "الأسرة"},
    "learning": {"fr": "Apprentissage", "es": "Aprendizaje", "ar": "التعلّم"},
    "housing": {"fr": "Logement", "es": "Vivienda", "ar": "السكن"},
    "mentoring": {"fr": "Mentorat", "es": "Mentoría", "ar": "الإرشاد"},
    "health": {"fr": "Santé", "es": "Salud", "ar": "الصحة"},
    "community": {"fr": "Communauté", "es": "Comunidad", "ar": "المجتمع"},
}

# English title -> language -> (title, what the number counts)
COMMITMENTS = {
    "Remove the conviction question from initial applications": {
        "fr": ("Supprimer la question sur les condamnations des premières candidatures", ""),
        "es": ("Eliminar la pregunta sobre condenas de las solicitudes iniciales", ""),
        "ar": ("حذف السؤال عن الإدانات من طلبات التوظيف الأولى", ""),
    },
    "Assess criminal records individually, and only where relevant to the job": {
        "fr": ("Examiner les casiers judiciaires au cas par cas, et seulement s’ils concernent le poste", ""),
        "es": ("Valorar los antecedentes penales caso por caso, y solo si afectan al puesto", ""),
        "ar": ("تقييم السجلات الجنائية لكل حالة على حدة، وفقط حين تتصل بالوظيفة", ""),
    },
    "Hire programme graduates every year": {
        "fr": ("Embaucher chaque année des diplômés des programmes", "diplômés des programmes par an"),
        "es": ("Contratar cada año a personas que terminaron un programa", "graduados de programas al año"),
        "ar": ("توظيف خرّيجي البرامج كل عام", "من خرّيجي البرامج سنويًا"),
    },
    "Offer work placements or apprenticeships to programme participants": {
        "fr": ("Proposer des stages ou des apprentissages aux participants des programmes", "stages par an"),
        "es": (
            "Ofrecer prácticas o contratos de aprendizaje a participantes de programas",
            "prácticas al año",
        ),
        "ar": ("تقديم فرص تدريب عملي أو تلمذة مهنية للمشاركين في البرامج", "فرص تدريب سنويًا"),
    },
    "Give every new hire from a programme a mentor": {
        "fr": ("Attribuer un tuteur à chaque recrue issue d’un programme", ""),
        "es": ("Asignar un mentor a cada persona contratada a través de un programa", ""),
        "ar": ("تعيين مرشد لكل موظف جديد قادم من أحد البرامج", ""),
    },
    "Train hiring managers in fair-chance recruitment": {
        "fr": ("Former les responsables du recrutement au recrutement équitable", ""),
        "es": ("Formar a los responsables de selección en contratación justa", ""),
        "ar": ("تدريب مسؤولي التوظيف على التوظيف العادل", ""),
    },
}
