"""Word lists the synthetic canvases are drawn from: enough variety that no two canvases read alike."""

NAME_STARTS = (
    "Al", "Bel", "Cor", "Dan", "El", "Fen", "Gal", "Hal", "Ir", "Jas", "Kel", "Lum", "Mar", "Nor", "Or",
    "Pol", "Quin", "Ros", "Sol", "Tor", "Ul", "Ver", "Wex", "Yar", "Zen", "Bri", "Cal", "Dor", "Ev", "Fal",
)
NAME_MIDDLES = ("a", "e", "i", "o", "u", "ar", "en", "is", "on", "ur", "ex", "ia", "ol", "an", "er")
NAME_ENDS = (
    "tek", "via", "nix", "lo", "ra", "dex", "mont", "ford", "ion", "ly", "stone", "wave", "line", "path",
    "field", "gate", "core", "grid", "works", "labs", "ware", "pay", "go", "hub", "link", "well", "mark",
)
NAME_SUFFIXES = ("", "", "", " Group", " Holdings", " Systems", " & Co", " International", " Technologies")

CITIES = (
    "Lisbon, Portugal", "Oslo, Norway", "Austin, Texas, United States", "Osaka, Japan", "Lyon, France",
    "Pune, India", "Curitiba, Brazil", "Leeds, United Kingdom", "Tallinn, Estonia", "Nairobi, Kenya",
    "Monterrey, Mexico", "Gothenburg, Sweden", "Busan, South Korea", "Melbourne, Australia",
    "Rotterdam, Netherlands", "Vancouver, Canada", "Krakow, Poland", "Cape Town, South Africa",
    "Shenzhen, China", "Munich, Germany", "Bogota, Colombia", "Dublin, Ireland", "Singapore", "Zurich, Switzerland",
)

ADJECTIVES = (
    "regional", "independent", "premium", "low-cost", "specialist", "global", "local", "certified", "mobile",
    "digital", "recurring", "seasonal", "long-term", "self-service", "enterprise", "small-business", "bundled",
    "white-label", "subscription", "wholesale", "direct", "automated", "on-demand", "refurbished", "open-source",
)
PARTNERS = (
    "component suppliers", "contract manufacturers", "payment processors", "cloud hosting providers",
    "logistics carriers", "retail chains", "universities", "research institutes", "insurance brokers",
    "software integrators", "advertising networks", "franchise owners", "raw-material traders",
    "telecom operators", "government agencies", "data providers", "app developers", "recycling firms",
    "customs agents", "marketing agencies", "banks", "travel agencies", "equipment lessors", "testing labs",
)
ACTIVITIES = (
    "product design", "quality control", "route planning", "clinical trials", "content production",
    "platform engineering", "fraud detection", "store operations", "supplier audits", "demand forecasting",
    "customer onboarding", "fleet maintenance", "regulatory filings", "price negotiation", "brand campaigns",
    "data centre operations", "catalogue curation", "claims handling", "site inspections", "recipe development",
    "chip verification", "network rollout", "course authoring", "warehouse picking",
)
RESOURCES = (
    "patent portfolio", "distribution network", "customer data", "brand reputation", "engineering team",
    "manufacturing plants", "licences and permits", "recommendation algorithms", "store estate",
    "spectrum rights", "mineral reserves", "loyalty programme members", "film library", "delivery fleet",
    "trained sales force", "clinical data", "partner contracts", "cash reserves", "test kitchens",
    "cloud infrastructure", "design studio", "training catalogue", "landing slots", "warehouse space",
)
OFFERS = (
    "lower prices than incumbents", "delivery within a day", "one account for every service",
    "repairs done on site", "transparent monthly pricing", "products built to last a decade",
    "advice from qualified staff", "payments that settle instantly", "a catalogue of thousands of titles",
    "coverage in remote areas", "personalised recommendations", "carbon-neutral operations",
    "guaranteed uptime", "easy returns", "tools that work offline", "a single contract for many sites",
    "locally sourced ingredients", "flexible cancellation", "certified safety", "fast onboarding",
)
RELATIONSHIPS = (
    "dedicated account managers", "community forums", "self-service help centre", "loyalty rewards",
    "annual service reviews", "in-app chat support", "user conferences", "personal shoppers",
    "onboarding workshops", "member newsletters", "automated reminders", "priority phone line",
)
CHANNELS = (
    "own website", "mobile app", "flagship stores", "partner resellers", "field sales team",
    "marketplaces", "call centre", "trade fairs", "social video", "search advertising", "catalogue mailings",
    "franchise outlets", "airport kiosks", "distributor network", "affiliate sites", "pop-up shops",
)
SEGMENTS = (
    "young urban professionals", "families with children", "small and medium businesses", "hospitals",
    "public-sector buyers", "students", "retirees", "frequent travellers", "developers", "farmers",
    "property investors", "gamers", "large enterprises", "logistics managers", "first-time buyers",
    "online shoppers", "schools", "clinics", "independent retailers", "construction firms",
)
COSTS = (
    "staff salaries", "raw materials", "cloud computing", "marketing spend", "rent and utilities",
    "research and development", "licence fees", "fuel", "insurance premiums", "equipment depreciation",
    "payment fees", "content rights", "customer support", "compliance and audits", "shipping",
    "interest on debt", "royalties", "store fit-outs",
)
REVENUES = (
    "product sales", "monthly subscriptions", "transaction fees", "advertising", "licensing",
    "maintenance contracts", "commissions", "usage-based billing", "premium tiers", "consulting fees",
    "spare parts", "financing income", "data services", "membership fees", "rental income", "training courses",
)
QUALIFIERS = (
    "in Europe", "in Asia", "in North America", "in Latin America", "in Africa", "across the region",
    "for key accounts", "for new markets", "since 2019", "under multi-year contracts", "at scale",
    "through partners", "at premium prices", "on a pay-as-you-go basis", "with volume discounts", "",
    "", "", "", "",
)

BLOCK_WORDS = {
    "key_partners": PARTNERS,
    "key_activities": ACTIVITIES,
    "key_resources": RESOURCES,
    "value_propositions": OFFERS,
    "customer_relationships": RELATIONSHIPS,
    "channels": CHANNELS,
    "customer_segments": SEGMENTS,
    "cost_structure": COSTS,
    "revenue_streams": REVENUES,
}

# Sentence parts for analysis paragraphs.
OPENERS = (
    "The company", "Management", "The business", "Its leadership", "The firm", "The group",
)
VERBS = (
    "depends on", "invests heavily in", "has built its model around", "competes mainly through",
    "keeps tight control of", "outsources much of", "earns its margin from", "is shifting away from",
    "protects", "expands",
)
CONNECTORS = (
    "which means", "so that", "because", "while", "even though", "and as a result",
)
CONSEQUENCES = (
    "rivals find the offer hard to copy", "switching costs stay high for customers",
    "margins improve as volumes grow", "cash flow is steady from month to month",
    "new markets can be entered with little capital", "regulators watch the sector closely",
    "price competition remains the main risk", "the installed base keeps growing",
    "suppliers have limited bargaining power", "customer acquisition costs keep falling",
)
