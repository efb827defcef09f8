"""The words of the demo site: stories, campaigns and standard pages."""

THEMES = [
    ("Work", "work"),
    ("Family", "family"),
    ("Learning", "learning"),
    ("Housing", "housing"),
    ("Mentoring", "mentoring"),
    ("Health", "health"),
    ("Community", "community"),
]

STORIES = [
    {
        "slug": "from-kitchen-course-to-head-chef",
        "title": "From a prison kitchen course to head chef",
        "display_name": "Marcus",
        "standfirst": "A catering course inside gave Marcus a trade; a restaurant owner who asked about his skills, not his past, gave him a start.",
        "themes": ["work", "learning"],
        "programme_type": "vocational-training",
        "region": "GB-MAN",
        "quote": "She asked me how I'd run a pass on a Saturday night. Nobody had asked me about the future in years.",
    },
    {
        "slug": "building-site-to-site-manager",
        "title": "Laying bricks, then leading the site",
        "display_name": "Dee",
        "standfirst": "Dee trained in bricklaying on a women's construction programme and now runs a team of twelve.",
        "themes": ["work", "learning"],
        "programme_type": "vocational-training",
        "region": "GB-LDS",
        "quote": "I was the only woman on the course. Now I hire people who were where I was.",
    },
    {
        "slug": "reading-to-my-daughter",
        "title": "Learning to read so I could read to my daughter",
        "display_name": "Jay",
        "standfirst": "Literacy classes in custody started with one goal: a bedtime story. They ended with a college place.",
        "themes": ["family", "learning"],
        "programme_type": "education",
        "region": "GB-BIR",
        "quote": "The first book I finished was hers. The second was for my exam.",
    },
    {
        "slug": "a-key-of-my-own",
        "title": "A key of my own",
        "display_name": "Priya",
        "standfirst": "Supported housing on release meant Priya could keep the job offer she had been given before she left.",
        "themes": ["housing", "work"],
        "programme_type": "housing",
        "region": "GB-GLG",
        "quote": "You can't turn up to work on time if you don't know where you'll sleep.",
    },
    {
        "slug": "mentor-who-had-been-there",
        "title": "The mentor who had been there",
        "display_name": "Tom",
        "standfirst": "Tom met his peer mentor at the prison gate. Three years on, Tom mentors others.",
        "themes": ["mentoring", "community"],
        "programme_type": "peer-mentoring",
        "region": "GB-CRF",
        "quote": "He didn't tell me it would be easy. He told me he'd be there on the hard days.",
    },
    {
        "slug": "warehouse-forklift-licence",
        "title": "A forklift licence and a first payslip",
        "display_name": "Kofi",
        "standfirst": "A logistics firm's work placement turned into a permanent contract within six weeks.",
        "themes": ["work"],
        "programme_type": "employment",
        "region": "GB-BST",
        "quote": "The first payslip went on the fridge. My mum still has it.",
    },
    {
        "slug": "meeting-the-person-i-harmed",
        "title": "Meeting the person I had harmed",
        "display_name": "Sam",
        "standfirst": "A restorative justice conference was the hardest hour of Sam's life, and the start of a different one.",
        "themes": ["community"],
        "programme_type": "restorative-justice",
        "region": "GB-LIV",
        "quote": "I had to hear what it did to her. After that I knew I would never go back.",
    },
    {
        "slug": "recovery-and-a-bakery",
        "title": "Recovery, and a job at the bakery",
        "display_name": "Lena",
        "standfirst": "Treatment in custody and a supportive employer helped Lena stay well and stay in work.",
        "themes": ["health", "work"],
        "programme_type": "health",
        "region": "GB-NET",
        "quote": "Four a.m. starts and flour everywhere. It's the best routine I've ever had.",
    },
    {
        "slug": "dad-again",
        "title": "Being a dad again",
        "display_name": "Chris",
        "standfirst": "A family programme kept Chris in touch with his sons through a four-year sentence.",
        "themes": ["family"],
        "programme_type": "family",
        "region": "GB-BFS",
        "quote": "Homework over the phone every Tuesday. They never stopped being my boys.",
    },
    {
        "slug": "coding-bootcamp",
        "title": "From a coding class inside to a junior developer job",
        "display_name": "Ade",
        "standfirst": "Ade wrote his first program on an offline laptop in a prison classroom.",
        "themes": ["learning", "work"],
        "programme_type": "education",
        "region": "GB-EDH",
        "quote": "Debugging teaches patience. So does prison. I had plenty of both.",
    },
    {
        "slug": "cleaning-company-founder",
        "title": "Starting a cleaning company that hires people like me",
        "display_name": "Rosa",
        "standfirst": "Rosa's business now employs nine people, six of them with convictions.",
        "themes": ["work", "community"],
        "programme_type": "employment",
        "region": "GB-SHF",
        "quote": "I know what a second chance is worth, so I give them.",
    },
    {
        "slug": "allotment-to-agriculture",
        "title": "From the prison allotment to a farm apprenticeship",
        "display_name": "Ben",
        "standfirst": "Horticulture on the prison farm led Ben to an apprenticeship and a place of his own in the country.",
        "themes": ["learning", "housing"],
        "programme_type": "vocational-training",
        "region": "GB-NGM",
        "quote": "Growing something makes you think about next year.",
    },
    {
        "slug": "care-worker-again",
        "title": "Back to care work, with the right checks",
        "display_name": "Ellie",
        "standfirst": "An employer who assessed Ellie's record against the role, not by a blanket rule, found her a place in adult social care.",
        "themes": ["work", "health"],
        "programme_type": "employment",
        "region": "GB-LND",
        "quote": "They looked at what the job needed and what I had done since. That was fair.",
    },
]

CAMPAIGNS = [
    {
        "slug": "yellow-ribbon-week",
        "title": "Yellow Ribbon Week: give a second chance",
        "introduction": "Wear a yellow ribbon, pledge your support, and help people leaving prison find work and belonging.",
        "phase": "live",
        "target": 5000,
        "supporters": 1284,
        "audiences": ["public", "employers", "families"],
    },
    {
        "slug": "open-doors-employers",
        "title": "Open Doors: employers who hire on merit",
        "introduction": "A spring campaign inviting employers to remove the conviction question from first applications.",
        "phase": "upcoming",
        "target": 500,
        "supporters": 0,
        "audiences": ["employers", "policymakers"],
    },
    {
        "slug": "welcome-home-2025",
        "title": "Welcome Home 2025",
        "introduction": "Last year's campaign for volunteers to mentor people in their first month after release.",
        "phase": "ended",
        "target": 2000,
        "supporters": 2312,
        "audiences": ["public", "volunteers"],
    },
]

STANDARD_PAGES = [
    (
        "about",
        "About the portal",
        "The Second Chance Portal helps people leaving prison find work and acceptance.",
        "<p>Most people who leave prison want to work. Work, a home and people who believe in them are "
        "what most reduces reoffending. The portal brings together the public, employers and the "
        "programmes that train people in prison and in the community.</p>"
        "<h2>What we do</h2><ul><li>Tell real stories, with consent.</li><li>Run campaigns for public "
        "support.</li><li>Help employers hire fairly and find the support they are entitled to.</li></ul>",
    ),
    (
        "privacy",
        "Privacy notice",
        "What we keep about you, why, and how to have it erased.",
        "<p>When you pledge your support we keep your e-mail address, and your name and region if you give "
        "them. We use them to confirm your pledge and, only if you ask, to send you updates. Every e-mail "
        "we send has a link that erases your pledge and everything with it.</p><p>We never record what "
        "offence anyone committed.</p>",
    ),
    (
        "accessibility",
        "Accessibility statement",
        "We want everyone to be able to use this site.",
        "<p>The portal aims to meet WCAG 2.2 level AA. Every page works without JavaScript, with a keyboard "
        "and with a screen reader. We test every page type with automated checks in a real browser.</p>"
        "<p>If something does not work for you, please tell us through the contact page.</p>",
    ),
    (
        "contact",
        "Contact us",
        "Questions, corrections, or a story to share.",
        '<p>Write to <a href="mailto:hello@example.org">hello@example.org</a>. We answer within five '
        "working days.</p>",
    ),
    (
        "for-employers",
        "For employers",
        "Hire for potential: support, incentives and candidates who have been trained and are ready.",
        "<p>Employers who hire people with convictions find them loyal and motivated. The portal will let "
        "you sign a hiring pledge, check the incentives you can claim, and post fair-chance jobs.</p>",
    ),
]
