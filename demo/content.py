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

# (headline, body paragraphs, link to the source or "", tags, picture kind)
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
        ("Transport",),
        "map",
    ),
    (
        "Harbour strike called off after overnight talks",
        [
            "Dock workers called off a planned 48-hour strike after unions and port "
            "operators reached a provisional pay deal overnight, the union said.",
        ],
        "",
        ("Trade",),
        "skyline",
    ),
    (
        "Bank of Norway holds rates at 4.5 percent",
        [
            "Norway’s central bank kept its main interest rate at 4.5 percent on Thursday, "
            "as most economists had expected.",
            "The governor said the first cut would probably come in the autumn.",
        ],
        "https://www.norges-bank.no/en/",
        ("Inflation",),
        "chart",
    ),
    (
        "River levels fall as flood warnings are lifted",
        [
            "Authorities lifted flood warnings for six towns along the river on Sunday "
            "after water levels fell through the night, the regional emergency service said.",
        ],
        "",
        ("Water", "Weather"),
        "landscape",
    ),
    (
        "National library to open on Sundays",
        [
            "The national library will open on Sundays from next month for the first time "
            "in its history, its director announced.",
        ],
        "",
        ("Books",),
        "skyline",
    ),
    (
        "Court suspends demolition of old cinema",
        [
            "A regional court suspended the demolition of the Odeon cinema pending an appeal "
            "by residents, who want the 1930s building listed.",
            "The developer said it would respect the ruling.",
        ],
        "",
        ("Courts", "Film"),
        "skyline",
    ),
    (
        "Wildfire near the coast brought under control",
        [
            "Firefighters brought a wildfire near the coastal road under control on Monday "
            "after two days, the fire service said. No one was hurt.",
        ],
        "",
        ("Climate",),
        "landscape",
    ),
    (
        "Mars rover finds layered rocks in an old lake bed",
        [
            "The rover has photographed finely layered rocks in Jezero crater that formed "
            "at the bottom of a lake about 3.5 billion years ago, mission scientists said.",
        ],
        "https://www.nasa.gov/news/",
        ("Space",),
        "landscape",
    ),
    (
        "Night trains to return between Paris and Berlin",
        [
            "A sleeper service between Paris and Berlin will run three times a week from "
            "December, the two rail companies said on Wednesday.",
        ],
        "",
        ("Transport", "European Union"),
        "map",
    ),
    (
        "Free school meals extended to all primary pupils",
        [
            "Every primary school pupil will get a free hot lunch from September, the "
            "education minister said, at a cost of 210 million a year.",
        ],
        "",
        ("Education",),
        "portrait",
    ),
    (
        "Measles cases double in a year, health agency warns",
        [
            "Cases of measles have doubled in a year to 2,300, the public health agency "
            "said, urging parents to check that their children have had both doses.",
        ],
        "",
        ("Health",),
        "chart",
    ),
    (
        "Wind farms supply more power than gas for the first time",
        [
            "Wind turbines produced more electricity than gas power stations over the last "
            "three months, the grid operator said on Monday, a first for the country.",
        ],
        "",
        ("Energy", "Climate"),
        "chart",
    ),
    (
        "Supreme Court to hear appeal over farmland pollution",
        [
            "The Supreme Court agreed to hear an appeal by residents of the Vale villages "
            "who say slurry from large pig farms has polluted their wells.",
        ],
        "",
        ("Courts", "Agriculture"),
        "portrait",
    ),
    (
        "Asylum applications fall for the third month",
        [
            "Asylum applications fell to 5,100 in March, the third monthly fall in a row, "
            "the interior ministry said.",
        ],
        "",
        ("Migration",),
        "chart",
    ),
    (
        "Jazz festival adds a free stage in the park",
        [
            "The city jazz festival will add a free open-air stage in Riverside Park this "
            "summer, with 40 concerts over ten days, the organisers said.",
        ],
        "",
        ("Music",),
        "portrait",
    ),
    (
        "Rent rises slow to 3 percent, the lowest in four years",
        [
            "Average rents for new tenancies rose 3 percent in the year to March, the "
            "slowest rise in four years, the statistics office said.",
        ],
        "",
        ("Housing", "Inflation"),
        "chart",
    ),
]

TAGS = [
    "Elections", "Climate", "Inflation", "Ukraine", "European Union", "Energy", "Housing",
    "Health", "Space", "Film", "Books", "Trade", "Migration", "Artificial intelligence",
    "Transport", "Education", "Water", "Agriculture", "Courts", "Diplomacy", "Art", "Music",
    "Weather",
]  # fmt: skip
TAG_WORDS = [
    "policy", "reform", "crisis", "market", "research", "festival", "rights", "security",
    "budget", "technology", "labour", "cities", "oceans", "forests", "sport", "food",
]  # fmt: skip

# Fictional photographers and picture agencies: the demo's drawings are nobody's work, so
# they are never credited to a real agency. A credit does not wrap, so each stays short
# enough for a phone's width.
PHOTOGRAPHERS = [
    ("Maren Holt", "Harbour Light Pictures"), ("Tobias Quinlan", "North Quay Photos"),
    ("Elif Sarıgül", "Meridian Pictures"), ("Joaquín Ferrer", "Fieldstone Images"),
    ("Staff photographer", ""), ("Aiko Brandt", "Lantern Street Photos"),
    ("Ruth Obi", "Harbour Light Pictures"), ("Colm Devane", "Fieldstone Images"),
]  # fmt: skip

# The running live blog: its article, pinned summary and entries, oldest first as
# (minutes after coverage started, headline, text, key event, also in the News Feed).
LIVE_BLOG = {
    "headline": "Storm Elin live: gales and flooding hit the west coast",
    "slug": "storm-elin-live",
    "section": "world",
    "tag": "Climate",
    "standfirst": (
        "Our reporters follow Storm Elin as it makes landfall: warnings, closures, "
        "rescues and the clean-up, as it happens."
    ),
    "body": (
        "<p>Storm Elin, the fifth named storm of the season, is crossing the west coast "
        "with gusts forecast above 140 km/h and a surge of up to two metres on the "
        "estuaries. This page follows it hour by hour.</p>"
    ),
    "summary": (
        "What we know so far",
        [
            "Storm Elin made landfall near Porthaven shortly after midday, with gusts of "
            "up to 146 km/h measured on the headland.",
            "About 41,000 homes are without power, ferries and coastal trains are "
            "suspended, and 1,200 people spent the night in emergency shelters.",
            "The red warning for wind ends at 22:00; flood warnings stay in place on the "
            "Lune and Arrow estuaries until tomorrow's high tide.",
        ],
    ),
}

LIVE_ENTRIES = [
    (
        0,
        "Amber warning upgraded to red",
        "The weather service has raised its warning for the coast from amber to red, the highest level, from 10:00 to 22:00. Red means a danger to life from flying debris and large waves.",
        True,
        True,
    ),
    (
        9,
        "Ferries cancelled for the day",
        "All sailings between Porthaven and the islands are cancelled until tomorrow morning, the ferry operator says. Passengers with tickets can travel on any sailing this week.",
        False,
        True,
    ),
    (
        18,
        "Schools on the coast close at noon",
        "The education authority is closing 86 coastal schools at midday so that pupils get home before the strongest winds arrive. Parents are asked to collect younger children.",
        False,
        False,
    ),
    (
        27,
        "First gusts above 100 km/h",
        "The station on Carrick Head recorded a gust of 104 km/h at 10:40, the first above 100 km/h today. Forecasters expect the peak in the early afternoon.",
        False,
        False,
    ),
    (
        36,
        "Coastal railway suspended",
        "Trains between Porthaven and Westbay are suspended after a tree fell across the line near Milltown. The rail operator says buses cannot replace them while the warning lasts.",
        False,
        True,
    ),
    (
        45,
        "Our reporter on the harbour wall",
        "Waves are breaking over the harbour wall in Porthaven and the promenade is closed. Police are turning people back at the end of Quay Street.",
        False,
        False,
    ),
    (
        54,
        "Bridge closed to high-sided vehicles",
        "The Severn Estuary bridge is closed to lorries, vans and caravans. Cars may still cross at 40 km/h, the highways agency says.",
        False,
        False,
    ),
    (
        63,
        "Storm Elin makes landfall",
        "The centre of the storm crossed the coast near Porthaven at 12:10, the weather service confirms. Its lowest pressure was measured at 958 hectopascals.",
        True,
        True,
    ),
    (
        72,
        "Gust of 146 km/h on the headland",
        "Carrick Head has recorded a gust of 146 km/h, the strongest on the coast since Storm Doreen three years ago.",
        True,
        False,
    ),
    (
        81,
        "Power cuts spread to 18,000 homes",
        "The grid operator says 18,000 homes are without electricity, most of them in the Lune valley. Engineers will not climb poles until the wind drops.",
        False,
        True,
    ),
    (
        90,
        "Roof torn from a sports hall",
        "Part of the roof of the Westbay leisure centre has been blown into the car park. The centre was closed this morning and nobody was hurt, the council says.",
        False,
        False,
    ),
    (
        99,
        "Emergency shelters open",
        "The council has opened four rest centres, in Porthaven, Westbay, Milltown and Arrowmouth, for people who have to leave their homes. Pets are welcome.",
        False,
        False,
    ),
    (
        108,
        "Airport suspends all flights",
        "Porthaven airport has suspended take-offs and landings until at least 18:00. Two incoming flights were diverted inland.",
        False,
        True,
    ),
    (
        117,
        "Lifeboat crews called to a yacht",
        "Two lifeboats were launched to a yacht that lost its mast off Gull Point. Both sailors were lifted off and are safe, the coastguard says.",
        False,
        False,
    ),
    (
        126,
        "Evacuation ordered on the Lune estuary",
        "Around 900 residents of the low-lying streets of Arrowmouth are being asked to leave before the evening high tide, when the surge is expected to peak.",
        True,
        True,
    ),
    (
        135,
        "What a red warning means for you",
        "Stay indoors if you can, keep away from the seafront and do not drive unless your journey is essential. Report fallen power lines on 105.",
        False,
        False,
    ),
    (
        144,
        "Power cuts now affect 41,000 homes",
        "The number of homes without power has more than doubled in an hour. The grid operator hopes to reconnect most by tomorrow evening.",
        True,
        True,
    ),
    (
        153,
        "Hospital switches to generators",
        "Porthaven General is running on its generators after losing mains power. Operations go ahead and the emergency department is open, the health board says.",
        False,
        False,
    ),
    (
        162,
        "Tree falls on a parked bus",
        "A beech tree has fallen on an empty bus in Milltown's Market Square. The driver had stepped out minutes earlier.",
        False,
        False,
    ),
    (
        171,
        "Prime minister chairs emergency meeting",
        "The prime minister has chaired a meeting of the civil contingencies committee and offered army help with sandbags on the estuaries.",
        False,
        True,
    ),
    (
        180,
        "Sandbags handed out in Arrowmouth",
        "Volunteers and soldiers are filling sandbags at the fire station. The council has handed out 6,000 since the morning.",
        False,
        False,
    ),
    (
        189,
        "The storm in pictures",
        "Readers have sent us photographs of waves over the lighthouse at Gull Point, flattened fences and a flooded square in Westbay. Thank you, and please stay safe.",
        False,
        False,
    ),
    (
        198,
        "Winds begin to ease in the south",
        "Gusts have dropped below 90 km/h on the southern headlands as the storm moves north-east, but the northern coast has the worst still to come.",
        False,
        False,
    ),
    (
        207,
        "River Arrow bursts its banks",
        "The Arrow has flooded fields and the ring road near Arrowmouth, an hour before high tide. The road is closed in both directions.",
        True,
        True,
    ),
    (
        216,
        "Rest centres take in 1,200 people",
        "About 1,200 people are now in the four rest centres, the council says. Camp beds and hot meals are being brought in by the Red Cross.",
        False,
        False,
    ),
    (
        225,
        "High tide passes without a breach",
        "The flood defences at Arrowmouth held at high tide, the environment agency says. Water came within 30 centimetres of the top of the wall.",
        True,
        True,
    ),
    (
        234,
        "Football match postponed",
        "Saturday's match between Porthaven Rovers and Westbay Town is postponed because part of the stand roof is damaged.",
        False,
        False,
    ),
    (
        243,
        "Insurers set up a claims line",
        "The insurers' association has opened a storm claims line and says customers should photograph damage before they clear it up.",
        False,
        False,
    ),
    (
        252,
        "Trains to resume in the morning",
        "The rail operator expects to reopen the coastal line at 07:00 once engineers have walked the track in daylight.",
        False,
        False,
    ),
    (
        261,
        "Red warning ends early",
        "The weather service has lifted the red warning an hour early as the storm moves out to sea. An amber warning stays until midnight.",
        True,
        True,
    ),
    (
        270,
        "Clean-up begins on the promenade",
        "Council crews are clearing shingle and seaweed from the Porthaven promenade by floodlight. It should reopen tomorrow.",
        False,
        False,
    ),
    (
        279,
        "Power back for 12,000 homes",
        "Engineers have reconnected 12,000 homes since the wind dropped. About 29,000 are still without electricity tonight.",
        False,
        True,
    ),
]
