"""Words for the demo newsroom: fictional people and places, believable shapes of news."""

SECTIONS = [
    ("World", "world", "Reporting from our correspondents across five continents."),
    ("Politics", "politics", "Parliaments, elections and the people who run them."),
    ("Business", "business", "Markets, companies and the economy that pays for it all."),
    ("Science", "science", "Research, climate, health and technology, explained."),
    ("Culture", "culture", "Books, film, music, art and the ideas behind them."),
]

AUTHORS = [
    (
        "Marta Kowalczyk",
        "Head of North America desk",
        "Marta Kowalczyk leads our North America desk from Washington. She has covered four "
        "presidential campaigns, the Supreme Court and the politics of the border, and before "
        "that spent six years as a correspondent in Mexico City. She studied history in Kraków "
        "and journalism in New York.",
    ),
    (
        "Daniel Okafor",
        "Economics editor",
        "Daniel Okafor writes about central banks, trade and the cost of living. He joined from "
        "a financial wire service, where he reported on bond markets in London and Lagos.",
    ),
    (
        "Sofia Lindqvist",
        "Science correspondent",
        "Sofia Lindqvist covers climate, space and medicine. She trained as a marine biologist "
        "before turning to journalism, and still spends a month a year at sea.",
    ),
    (
        "Oleksandr Bondar",
        "Kyiv correspondent",
        "Oleksandr Bondar reports from Ukraine on the war, reconstruction and everyday life. "
        "He has worked in the region for fifteen years and speaks five languages.",
    ),
    (
        "Amelia Hart",
        "Political editor",
        "Amelia Hart follows parliament, parties and the machinery of government. She writes "
        "the weekly Westminster column and hosts our politics podcast.",
    ),
    (
        "Rafael Mendes",
        "Culture editor",
        "Rafael Mendes writes about film, books and the business of culture. He was previously "
        "a critic for a São Paulo daily and has sat on the juries of three festivals.",
    ),
    (
        "Hana Sato",
        "Technology reporter",
        "Hana Sato covers the technology industry: chips, platforms, privacy and the people "
        "who regulate them. She is based in Tokyo and San Francisco.",
    ),
    (
        "Jonas Weber",
        "Data editor",
        "Jonas Weber turns numbers into stories. He builds the charts, maps and models behind "
        "our election coverage and teaches data journalism in Berlin.",
    ),
]

FIRST_NAMES = [
    "Anna", "Ben", "Carla", "Dmytro", "Elena", "Felix", "Grace", "Hugo", "Ines", "Jakub",
    "Kira", "Luca", "Maya", "Nikolai", "Olga", "Pavel", "Rosa", "Samir", "Tara", "Viktor",
]  # fmt: skip
LAST_NAMES = [
    "Novak", "Fischer", "Moreau", "Ivanenko", "Silva", "Brennan", "Haddad", "Kim", "Larsen",
    "Rossi", "Petrenko", "Schmidt", "Costa", "Walsh", "Nowak", "Dubois", "Tanaka", "Ortiz",
]  # fmt: skip

PLACES = [
    ("BROWNSVILLE, TEXAS", "Brownsville"), ("KYIV, UKRAINE", "Kyiv"), ("BRUSSELS, BELGIUM", "Brussels"),
    ("NAIROBI, KENYA", "Nairobi"), ("SÃO PAULO, BRAZIL", "São Paulo"), ("OSAKA, JAPAN", "Osaka"),
    ("GDAŃSK, POLAND", "Gdańsk"), ("LYON, FRANCE", "Lyon"), ("TORONTO, CANADA", "Toronto"),
    ("MUMBAI, INDIA", "Mumbai"),
]  # fmt: skip

HEADLINES = {
    "world": [
        "Ceasefire talks resume in {place} as envoys arrive",
        "Floods force thousands from their homes near {place}",
        "Border crossings reopen after week-long closure at {place}",
        "Aid convoys reach {place} after months of delays",
        "Record turnout as {place} votes in snap election",
        "Heatwave tests power grid across the region around {place}",
    ],
    "politics": [
        "Coalition deal survives late-night vote on budget",
        "Minister resigns over procurement contracts",
        "Parliament backs new rules on lobbying transparency",
        "Opposition leader sets out plan for housing",
        "Cabinet reshuffle brings new faces to key posts",
        "Election commission orders recount in {place}",
    ],
    "business": [
        "Central bank holds rates as inflation cools",
        "Shipping costs climb as ports in {place} clear backlog",
        "Carmaker to build battery plant near {place}",
        "Retail sales beat forecasts in holiday quarter",
        "Airline shares fall after profit warning",
        "Start-ups in {place} raise record sums despite slowdown",
    ],
    "science": [
        "Telescope spots water vapour on distant planet",
        "Trial finds cheaper drug works as well for heart patients",
        "Glaciers lost a tenth of their ice in a decade, study finds",
        "Researchers in {place} map the brain of a fruit fly",
        "New battery chemistry promises faster charging",
        "Bird migration shifts earlier as springs warm",
    ],
    "culture": [
        "Festival in {place} opens with a film about family",
        "Novel about a lighthouse keeper wins top prize",
        "Museum returns looted bronzes to {place}",
        "Orchestra's new season leans on living composers",
        "Street artists transform derelict station in {place}",
        "The quiet return of the independent bookshop",
    ],
}

STANDFIRSTS = [
    "Officials say the next forty-eight hours will decide whether the agreement holds.",
    "The decision, long expected, still caught markets and ministers off guard.",
    "Residents describe a week of uncertainty, and what they need most now.",
    "Experts say the findings could change how the problem is tackled for a generation.",
    "The move follows months of pressure from campaigners and a court ruling in the spring.",
    "Critics warn the plan leaves the hardest questions unanswered.",
]

PARAGRAPHS = [
    "The announcement came shortly after midday, when officials gathered reporters in a "
    "crowded briefing room and read a short statement. Questions were not taken, but aides "
    "later said the details had been agreed overnight after hours of negotiation.",
    "For people living nearby, the change is immediate. Shops that had closed for days "
    "reopened on Tuesday morning, and queues formed outside the pharmacy before dawn. "
    "\u201cWe just want to know what comes next,\u201d said one shopkeeper, who asked not to be named.",
    "Analysts cautioned against reading too much into a single week of figures. The trend, "
    "they said, would only become clear over the coming months, once seasonal effects and "
    "one-off payments had worked their way through the data.",
    "The government insists the plan is affordable. Its own estimates put the cost at just "
    "under two billion over five years, a figure the opposition says is wildly optimistic "
    "and which independent economists have yet to verify.",
    "Scientists involved in the work said it had taken nearly a decade to collect the "
    "measurements. Much of the equipment had to be carried by hand to remote sites, and "
    "several seasons of data were lost to storms.",
    "Not everyone is convinced. Local councillors have written to ministers asking for a "
    "public inquiry, and a petition calling for the decision to be reversed has gathered "
    "more than forty thousand signatures in three days.",
    "Behind the headline numbers lies a more complicated picture. Younger households have "
    "borne most of the strain, while older homeowners have been largely shielded, widening "
    "a gap that has been growing for more than a decade.",
    "The company said in a statement that it had acted on the best information available "
    "at the time and would cooperate fully with regulators. It declined to comment on "
    "reports that senior managers had been warned months earlier.",
    "Historians note that the region has been here before. A similar crisis in the 1970s "
    "ended only after a change of government and a painful period of reform that many "
    "residents still remember.",
    "Officials will meet again next week to review progress. Until then, they said, the "
    "temporary measures would stay in place and people should follow local advice.",
]

SUBHEADS = ["What happens next", "How we got here", "The numbers", "What people are saying"]

QUOTES = [
    (
        "We will not sign anything that leaves our farmers worse off than they are today.",
        "Agnieszka Wrona",
        "Minister of Agriculture, said in parliament",
    ),
    (
        "The data is unambiguous: the ice is going faster than our models predicted.",
        "Dr Lars Eriksen",
        "glaciologist, told reporters in Tromsø",
    ),
    (
        "This is the first winter in three years that the lights have stayed on.",
        "Iryna Kovalenko",
        "mayor of a town near Kharkiv, said on X",
    ),
    (
        "Inflation is coming down, but the job is not yet done.",
        "Helena Marsh",
        "central bank governor, said at a press conference",
    ),
    (
        "We built this theatre with our own hands, and we will not let it close.",
        "Tomás Ferreira",
        "director of the Teatro Popular, said at a rally",
    ),
    (
        "Every child deserves a school that does not leak when it rains.",
        "Nadia Rahman",
        "education campaigner, said in a statement",
    ),
    (
        "The market has already priced in a cut; the question is how deep.",
        "Victor Lam",
        "chief economist at a Hong Kong bank, wrote in a note",
    ),
    (
        "Peace is not signed on paper; it is built in the villages.",
        "Bishop Emmanuel Otieno",
        "said during Sunday mass in Nairobi",
    ),
]

# (headline, body paragraphs, link to the source or "")
BRIEFS = [
    (
        "Council approves tram extension budget",
        [
            "The city council approved a 40 million euro budget for the tram extension to "
            "the northern districts on Tuesday, the mayor said.",
            "Construction is due to start in the spring and the first trams should run "
            "within three years.",
        ],
        "",
    ),
    (
        "Harbour strike called off after overnight talks",
        [
            "Dock workers called off a planned 48-hour strike after unions and port "
            "operators reached a provisional pay deal overnight, the union said.",
        ],
        "",
    ),
    (
        "Central bank holds rates at 3.5 percent",
        [
            "The central bank kept its main interest rate at 3.5 percent on Thursday, as "
            "most economists had expected.",
            "The governor said further cuts would depend on how quickly services prices came down.",
        ],
        "https://www.ecb.europa.eu/press/",
    ),
    (
        "River levels fall as flood warnings are lifted",
        [
            "Authorities lifted flood warnings for six towns along the river on Sunday "
            "after water levels fell through the night, the regional emergency service said.",
        ],
        "",
    ),
    (
        "National library to open on Sundays",
        [
            "The national library will open on Sundays from next month for the first time "
            "in its history, its director announced.",
        ],
        "",
    ),
    (
        "Court suspends demolition of old cinema",
        [
            "A regional court suspended the demolition of the Odeon cinema pending an appeal "
            "by residents, who want the 1930s building listed.",
            "The developer said it would respect the ruling.",
        ],
        "",
    ),
    (
        "Wildfire near the coast brought under control",
        [
            "Firefighters brought a wildfire near the coastal road under control on Monday "
            "after two days, the fire service said. No one was hurt.",
        ],
        "",
    ),
    (
        "Telescope spots water vapour on distant planet",
        [
            "Astronomers said they had detected water vapour in the atmosphere of a planet "
            "120 light years away, in results published on Wednesday.",
        ],
        "https://www.nasa.gov/news/",
    ),
]

VIDEOS = [
    ("Inside the flood zone: a day with rescue crews", 263),
    ("Explained: why central banks are cutting now", 184),
    ("The night the lights came back on", 317),
    ("How a telescope sees the atmosphere of another world", 228),
    ("Meet the last lighthouse keepers of the Baltic", 402),
    ("Election night in ninety seconds", 90),
]

TAGS = [
    "Elections", "Climate", "Inflation", "Ukraine", "European Union", "Energy", "Housing",
    "Health", "Space", "Film", "Books", "Trade", "Migration", "Artificial intelligence",
    "Transport", "Education", "Water", "Agriculture", "Courts", "Diplomacy",
]  # fmt: skip
TAG_WORDS = [
    "policy", "reform", "crisis", "market", "research", "festival", "rights", "security",
    "budget", "technology", "labour", "cities", "oceans", "forests", "sport", "food",
]  # fmt: skip

PHOTOGRAPHERS = [
    ("Brandon Bell", "Getty Images"), ("Ana Lopes", "Reuters"), ("Piotr Zielinski", "AFP"),
    ("Kenji Mori", "AP"), ("Staff photographer", ""), ("Leila Nasser", "Getty Images"),
]  # fmt: skip
