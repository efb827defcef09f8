"""Seed the vocational skills and common certifications jobs and graduates are described in, and
give campaign staff their permissions on job listings, reports and these taxonomies.

Both lists are a starting point that staff edit as snippets (or extend with import_esco_skills);
seeding only adds what is missing, so it never overwrites their changes.
"""

from django.db import migrations

# area: [(name, synonyms), ...]; synonyms are kept one per line.
SKILLS = {
    "construction": [
        ("Bricklaying", ["Brickwork", "Blocklaying"]),
        ("Carpentry", ["Joinery", "Woodwork"]),
        ("Plastering", ["Rendering", "Dry lining"]),
        ("Painting and decorating", ["Decorating", "Wallpapering"]),
        ("Plumbing", ["Pipefitting", "Domestic plumbing"]),
        ("Electrical installation", ["Wiring", "Electrician's mate"]),
        ("Tiling", ["Wall and floor tiling"]),
        ("Roofing", ["Slating", "Tiling roofs"]),
        ("Scaffolding", ["Scaffold erection"]),
        ("Groundworks", ["Excavation", "Drainage laying"]),
        ("Concreting", ["Concrete finishing", "Formwork"]),
        ("Site labouring", ["General labouring", "Construction labourer"]),
        ("Plant operation", ["Operating excavators", "Digger driving", "Dumper driving"]),
        ("Reading technical drawings", ["Blueprint reading", "Reading plans"]),
        ("Working at height", ["Ladder safety", "Harness use"]),
        ("Demolition", ["Soft strip", "Strip-out"]),
    ],
    "hospitality": [
        ("Customer service", ["Serving customers", "Front of house"]),
        ("Table service", ["Waiting tables", "Waiter", "Waitress"]),
        ("Bar work", ["Bartending", "Serving drinks"]),
        ("Barista", ["Coffee making", "Espresso preparation"]),
        ("Housekeeping", ["Room attendant", "Chambermaid"]),
        ("Hotel reception", ["Front desk", "Guest check-in"]),
        ("Cash handling", ["Till operation", "Cashiering"]),
        ("Event setup", ["Banqueting", "Function setup"]),
        ("Kitchen portering", ["Kitchen porter", "Dishwashing", "Pot washing"]),
        ("Cellar management", ["Changing kegs", "Line cleaning"]),
        ("Room service", ["In-room dining"]),
        ("Catering assistance", ["Catering assistant", "Canteen work"]),
        ("Guest complaint handling", ["Handling complaints", "Service recovery"]),
        ("Taking bookings", ["Reservations", "Booking management"]),
        ("Cocktail making", ["Mixology"]),
    ],
    "food production": [
        ("Food preparation", ["Food prep", "Commis chef work"]),
        ("Cooking", ["Line cooking", "Short-order cooking"]),
        ("Baking", ["Bread making", "Pastry"]),
        ("Butchery", ["Meat cutting", "Boning"]),
        ("Food safety", ["Food hygiene", "HACCP"]),
        ("Allergen management", ["Allergen control", "Allergy awareness"]),
        ("Menu planning", ["Menu costing"]),
        ("Food packing", ["Food packaging", "Production line packing"]),
        ("Fish processing", ["Fish filleting", "Seafood processing"]),
        ("Food production line work", ["Production operative", "Line operative"]),
        ("Temperature control and recording", ["Temperature logging", "Chilled storage"]),
        ("Stock rotation", ["FIFO", "First in first out"]),
        ("Knife skills", ["Chopping", "Vegetable preparation"]),
        ("Cake decorating", ["Sugarcraft", "Icing"]),
        ("Kitchen cleaning schedules", ["Deep cleaning kitchens", "Kitchen hygiene"]),
    ],
    "logistics": [
        ("Forklift operation", ["Forklift driving", "Counterbalance truck", "Reach truck"]),
        ("Warehouse picking", ["Order picking", "Pick and pack"]),
        ("Goods in", ["Receiving deliveries", "Unloading"]),
        ("Despatch", ["Dispatch", "Shipping goods out"]),
        ("Stock control", ["Inventory management", "Stock taking"]),
        ("Van driving", ["Delivery driving", "Multi-drop driving"]),
        ("HGV driving", ["Lorry driving", "LGV driving", "Class 1 driving", "Class 2 driving"]),
        ("Route planning", ["Delivery scheduling"]),
        ("Handheld scanner use", ["RF scanner", "Barcode scanning"]),
        ("Pallet truck operation", ["Pump truck", "Electric pallet truck"]),
        ("Load securing", ["Load restraint", "Strapping loads"]),
        ("Courier work", ["Parcel delivery", "Last-mile delivery"]),
        ("Warehouse management systems", ["WMS"]),
        ("Manual handling", ["Lifting and carrying", "Safe lifting"]),
        ("Tachograph use", ["Drivers' hours rules"]),
    ],
    "manufacturing": [
        ("Machine operation", ["Machine operator", "Production machinery"]),
        ("Assembly", ["Assembly line work", "Product assembly"]),
        ("Welding", ["MIG welding", "TIG welding", "Arc welding"]),
        ("Fabrication", ["Metal fabrication", "Sheet metal work"]),
        ("CNC operation", ["CNC machining", "CNC setting"]),
        ("Quality inspection", ["Quality control", "QC checks"]),
        ("Lean manufacturing", ["5S", "Continuous improvement", "Kaizen"]),
        ("Measuring with precision instruments", ["Using callipers", "Micrometer use"]),
        ("Spray painting", ["Powder coating", "Industrial painting"]),
        ("Packaging machine operation", ["Packing machine", "Shrink wrapping"]),
        ("Maintenance assistance", ["Maintenance fitter's mate", "Preventive maintenance"]),
        ("Lathe turning", ["Turning", "Manual lathe"]),
        ("Injection moulding", ["Plastic moulding"]),
        ("Upholstery", ["Furniture upholstering"]),
        ("Print finishing", ["Print production", "Guillotine operation"]),
    ],
    "cleaning": [
        ("Commercial cleaning", ["Office cleaning", "Contract cleaning"]),
        ("Industrial cleaning", ["Factory cleaning", "Deep cleaning"]),
        ("Window cleaning", ["Reach and wash"]),
        ("Floor care", ["Floor scrubbing", "Buffing", "Floor polishing"]),
        ("Carpet cleaning", ["Upholstery cleaning"]),
        ("Safe use of cleaning chemicals", ["Chemical handling", "Dilution control"]),
        ("Waste management", ["Waste segregation", "Recycling"]),
        ("Hospital cleaning", ["Infection control cleaning", "Ward cleaning"]),
        ("Pressure washing", ["Jet washing"]),
        ("Graffiti removal", []),
        ("Laundry operation", ["Laundry assistant", "Linen handling"]),
        ("Street cleaning", ["Litter picking", "Street sweeping"]),
        ("Washroom hygiene", ["Toilet cleaning", "Restocking washrooms"]),
        ("Vehicle valeting", ["Car valeting", "Car washing"]),
    ],
    "retail": [
        ("Shelf stacking", ["Merchandising", "Replenishment"]),
        ("Till operation", ["Checkout operation", "Point of sale"]),
        ("Sales", ["Selling", "Sales assistant"]),
        ("Visual merchandising", ["Window display", "Product display"]),
        ("Stock replenishment", ["Night fill", "Restocking"]),
        ("Loss prevention", ["Shrinkage control"]),
        ("Product knowledge", []),
        ("Handling returns", ["Refunds", "Exchanges"]),
        ("Online order fulfilment", ["Click and collect", "Home shopping picking"]),
        ("Opening and closing a shop", ["Key holding", "Cashing up"]),
        ("Fresh food counter service", ["Deli counter", "Butcher counter", "Fish counter"]),
        ("Telephone customer service", ["Call handling", "Contact centre"]),
        ("Upselling", ["Cross-selling"]),
        ("Market stall trading", ["Street trading"]),
        ("Pricing and labelling", ["Price marking", "Ticketing"]),
    ],
    "care": [
        ("Personal care", ["Washing and dressing", "Personal hygiene support"]),
        ("Supporting people with dementia", ["Dementia care"]),
        ("Medication support", ["Medication administration", "Administering medicines"]),
        ("Moving and handling people", ["Hoist use", "Patient handling"]),
        ("Safeguarding adults", ["Safeguarding"]),
        ("Care record keeping", ["Care notes", "Care plans"]),
        ("Companionship", ["Befriending", "Social support"]),
        ("Supporting people with learning disabilities", ["Learning disability support"]),
        ("Mental health support", ["Mental health awareness", "Peer support"]),
        ("Meal preparation for clients", ["Feeding assistance", "Nutrition and hydration"]),
        ("Infection prevention and control", ["Infection control", "PPE use"]),
        ("Basic life support", ["CPR", "Resuscitation"]),
        ("Mentoring", ["Peer mentoring", "Lived-experience mentoring"]),
        ("Youth work", ["Youth support"]),
        ("Domestic support at home", ["Home help", "Household tasks"]),
    ],
    "IT basics": [
        ("Computer literacy", ["Basic IT", "Digital skills", "Using a computer"]),
        ("Word processing", ["Microsoft Word", "Google Docs", "Writing documents"]),
        ("Spreadsheets", ["Microsoft Excel", "Google Sheets"]),
        ("E-mail", ["Using e-mail", "Outlook", "Gmail"]),
        ("Data entry", ["Keyboard skills", "Typing"]),
        ("Internet research", ["Searching online"]),
        ("Online safety", ["Cyber security awareness", "Phishing awareness"]),
        ("Video calls", ["Teams", "Zoom"]),
        ("Social media for business", ["Social media management"]),
        ("Hardware setup and repair", ["PC repair", "Computer building"]),
        ("IT help desk", ["IT support", "Technical support"]),
        ("Basic web design", ["HTML", "Website editing"]),
        ("Using a smartphone for work", ["Work apps", "Mobile apps"]),
        ("Coding", ["Programming", "Software development"]),
        ("Office administration", ["Filing", "Admin", "Clerical work"]),
    ],
    "agriculture": [
        ("Fruit and vegetable picking", ["Harvesting", "Crop picking"]),
        ("Horticulture", ["Gardening", "Plant growing", "Nursery work"]),
        ("Grounds maintenance", ["Landscaping", "Grass cutting", "Hedge trimming"]),
        ("Tractor driving", ["Tractor operation"]),
        ("Livestock care", ["Animal husbandry", "Stockperson"]),
        ("Milking", ["Dairy work", "Parlour work"]),
        ("Poultry work", ["Egg collection", "Poultry husbandry"]),
        ("Tree surgery", ["Arboriculture", "Tree felling"]),
        ("Chainsaw operation", ["Chainsaw use", "Crosscutting"]),
        ("Brush cutter and strimmer use", ["Strimming", "Brushcutting"]),
        ("Fencing", ["Fence erection", "Post and rail"]),
        ("Dry stone walling", ["Walling"]),
        ("Pesticide application", ["Crop spraying"]),
        ("Forestry", ["Woodland management", "Planting trees"]),
        ("Animal welfare", ["Kennel work", "Animal care"]),
    ],
}

# (name, awarding body, synonyms)
CERTIFICATIONS = [
    ("CSCS card", "Construction Skills Certification Scheme", ["CSCS labourer card", "Green CSCS card"]),
    ("Food hygiene level 2", "", ["Level 2 Food Safety and Hygiene", "Basic food hygiene certificate"]),
    ("Food hygiene level 3", "", ["Level 3 Food Safety", "Supervising food safety"]),
    (
        "Forklift (counterbalance) licence",
        "RTITB or ITSSAR accredited provider",
        ["Counterbalance forklift", "FLT licence"],
    ),
    ("Forklift (reach truck) licence", "RTITB or ITSSAR accredited provider", ["Reach truck licence"]),
    ("First aid at work", "", ["FAW", "Emergency first aid at work", "EFAW"]),
    ("Manual handling", "", ["Manual handling certificate"]),
    ("COSHH awareness", "", ["Control of substances hazardous to health"]),
    (
        "Level 2 Diploma in Health and Social Care",
        "",
        ["Level 2 Diploma in Care", "NVQ Level 2 Health and Social Care"],
    ),
    ("Care Certificate", "Skills for Care", []),
    ("SIA door supervisor licence", "Security Industry Authority", ["Door supervisor badge", "SIA badge"]),
    ("SIA security guard licence", "Security Industry Authority", ["Security guarding licence"]),
    ("CPC for HGV drivers", "", ["Driver CPC", "Certificate of Professional Competence"]),
    ("Level 1 Award in Health and Safety", "", ["Health and safety in the workplace level 1"]),
    (
        "IPAF",
        "International Powered Access Federation",
        ["IPAF PAL card", "MEWP licence", "Cherry picker licence"],
    ),
    ("PASMA", "Prefabricated Access Suppliers' and Manufacturers' Association", ["Mobile tower scaffold"]),
    ("SMSTS", "CITB", ["Site Management Safety Training Scheme"]),
    ("SSSTS", "CITB", ["Site Supervisor Safety Training Scheme"]),
    ("Allergen awareness", "", ["Food allergy awareness"]),
    ("Personal licence (alcohol)", "", ["APLH", "Award for Personal Licence Holders"]),
    ("Full UK driving licence", "DVLA", ["Category B licence", "Driving licence"]),
    ("CPCS card", "NOCN", ["Construction Plant Competence Scheme"]),
    ("Lantra chainsaw certificate", "Lantra", ["NPTC chainsaw", "City & Guilds chainsaw"]),
    ("Level 2 Certificate in Cleaning Principles", "BICSc", ["BICSc certificate", "Cleaning certificate"]),
]

EDITORS = "Campaign editors"
MODERATORS = "Campaign moderators"

MODEL_PERMISSIONS = {
    EDITORS: [("joblisting", ["view"])],
    MODERATORS: [
        ("joblisting", ["view", "change"]),
        ("jobreport", ["view", "change"]),
        ("skill", ["add", "change", "view", "delete"]),
        ("certification", ["add", "change", "view", "delete"]),
        ("deterringphrase", ["add", "change", "view", "delete"]),
    ],
}


def seed_taxonomies(apps, schema_editor):
    Skill = apps.get_model("employers", "Skill")
    Certification = apps.get_model("employers", "Certification")
    for area, skills in SKILLS.items():
        for name, synonyms in skills:
            Skill.objects.get_or_create(name=name, defaults={"area": area, "synonyms": "\n".join(synonyms)})
    for name, awarding_body, synonyms in CERTIFICATIONS:
        Certification.objects.get_or_create(
            name=name, defaults={"awarding_body": awarding_body, "synonyms": "\n".join(synonyms)}
        )


def permissions_by_group(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for group_name, models in MODEL_PERMISSIONS.items():
        perms = []
        for model_name, actions in models:
            model = apps.get_model("employers", model_name)
            content_type, _ = ContentType.objects.get_or_create(app_label="employers", model=model_name)
            for action in actions:
                perm, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model_name}",
                    defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
                )
                perms.append(perm)
        yield group_name, perms


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in permissions_by_group(apps):
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(*perms)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group_name, perms in permissions_by_group(apps):
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("employers", "0005_isco_occupations_and_deterring_phrases"),
        ("employers", "0003_staff_permissions"),
        ("contenttypes", "__latest__"),
        ("auth", "__latest__"),
    ]

    operations = [
        migrations.RunPython(seed_taxonomies, migrations.RunPython.noop),
        migrations.RunPython(grant, revoke),
    ]
