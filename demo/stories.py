"""
The demo's stories: one article each at scale 1, and the quotes and videos that go with them.

Every story carries its own facts (where, what, who said what, what happens next), and
`Story.body()` writes the article from those facts alone, so a body always matches its
headline and never borrows a sentence from another story. People are fictional; places
are real.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Story:
    section: str
    place: str
    country: str
    headline: str
    standfirst: str
    lead: str
    detail: str
    quote: str
    speaker: str
    role: str
    # How and where the speaker said it, for the quote's context line.
    said: str
    subhead: str
    outlook: str
    tags: tuple
    # Which drawing illustrates it: one of demo.pictures.KINDS.
    picture: str

    @property
    def dateline(self):
        return f"{self.place.upper()}, {self.country.upper()}"

    @property
    def context(self):
        return f"{self.role}, {self.said}"

    def caption(self, day):
        """The caption of the story's picture, taken on `day`."""
        scene = {
            "skyline": f"The skyline of {self.place}",
            "map": f"{self.place} and the surrounding region",
            "chart": f"The figures behind the story from {self.place}",
            "portrait": f"{self.speaker}, {self.role}, in {self.place}",
            "landscape": f"The country around {self.place}",
        }[self.picture]
        return f"{self.dateline} - {day}: {scene}."

    def body(self):
        """The article's HTML: lead, detail, the quote, a subhead and what happens next."""
        spoken = self.quote[:-1] + "," if self.quote.endswith(".") else self.quote
        return "\n".join(
            [
                f"<p>{self.dateline} \u2014 {self.lead}</p>",
                f"<p>{self.detail}</p>",
                f"<p>\u201c{spoken}\u201d said {self.speaker}, {self.role}.</p>",
                f"<h2>{self.subhead}</h2>",
                f"<p>{self.outlook}</p>",
            ]
        )


STORIES = [
    # World --------------------------------------------------------------------------
    Story(
        "world", "Geneva", "Switzerland",
        "Ceasefire talks resume in Geneva as envoys arrive from both capitals",
        "Mediators hope a pause in the fighting can be agreed before the winter sets in.",
        "Delegations from both governments arrived in Geneva on Monday for the first direct "
        "ceasefire talks since March, held behind closed doors at the Palais Wilson.",
        "The mediators have proposed a 30-day pause along the front line, monitored by 200 "
        "unarmed observers, and an exchange of prisoners in its first week.",
        "Nobody in this building expects a peace treaty by Friday, but a quiet front line for a month would save lives.",
        "Margit Halvorsen", "the Norwegian mediator", "told reporters outside the Palais Wilson",
        "A month without shelling",
        "The envoys are due to report back to their capitals on Thursday; a second round "
        "in Geneva has been pencilled in for the end of the month.",
        ("Diplomacy", "Ukraine"), "map",
    ),
    Story(
        "world", "Porto Alegre", "Brazil",
        "Floods force 30,000 from their homes as the Guaíba river rises",
        "Rescue boats worked through the night in streets that were dry a week ago.",
        "More than 30,000 people have left their homes in and around Porto Alegre after the "
        "Guaíba river rose to 5.3 metres, its highest level in eight decades.",
        "Civil defence teams in flat-bottomed boats rescued 1,400 residents from rooftops "
        "overnight, and the airport has closed after water reached the runway.",
        "We lifted grandmothers out of first-floor windows, and the water was still rising.",
        "Cláudio Dornelles", "a civil defence volunteer from the Sarandi district", "said by phone",
        "Rain still falling upstream",
        "Forecasters expect another 80 millimetres of rain upstream by Thursday, and the "
        "state governor has asked the federal government for army helicopters.",
        ("Climate", "Water"), "landscape",
    ),
    Story(
        "world", "Przemyśl", "Poland",
        "Border crossing at Przemyśl reopens after week-long closure",
        "Lorry drivers had waited in a queue 40 kilometres long while farmers blocked the road.",
        "The Medyka crossing near Przemyśl reopened to lorries on Sunday morning after "
        "farmers ended a week-long blockade of the approach road.",
        "At the height of the protest about 3,100 lorries were waiting on the Ukrainian "
        "side, some of their drivers for nine days, with food and water brought by volunteers.",
        "I slept in my cab for eight nights and ate what the volunteers from the church brought.",
        "Vasyl Hrytsenko", "a lorry driver from Lutsk", "said at the Medyka checkpoint",
        "A deal on grain imports",
        "The farmers’ union said it would return to the road in two weeks unless Warsaw "
        "and Brussels agree limits on grain imports by then.",
        ("Agriculture", "Trade"), "map",
    ),
    Story(
        "world", "El Fasher", "Sudan",
        "Aid convoy reaches El Fasher after five months of delays",
        "The 28 lorries carried food, medicine and fuel for the city’s last working hospital.",
        "A convoy of 28 lorries from the World Food Programme reached El Fasher in North "
        "Darfur on Tuesday, the first to enter the besieged city since the spring.",
        "The lorries carried 1,200 tonnes of sorghum, lentils and oil, enough to feed about "
        "90,000 people for a month, as well as fuel for the Saudi Hospital’s generators.",
        "The children in our wards have been eating one meal a day since April.",
        "Dr Amal Osman", "a paediatrician at the Saudi Hospital", "said in a voice message",
        "Permission for the next convoy",
        "Aid agencies say at least four convoys a month are needed; the next is waiting in "
        "Chad for permission to cross the border.",
        ("Diplomacy", "Health"), "landscape",
    ),
    Story(
        "world", "Lisbon", "Portugal",
        "Record turnout as Portugal votes in snap election",
        "Polling stations in Lisbon stayed open late as queues stretched around the block.",
        "Turnout in Portugal’s snap parliamentary election reached 66 percent, the highest "
        "since 1995, as voters in Lisbon queued for up to two hours in the sun.",
        "The election was called in November after the prime minister resigned over an "
        "investigation into lithium and hydrogen contracts.",
        "People are tired of scandals, and they came out to say so.",
        "Inês Carvalho", "a political scientist at the University of Lisbon", "said on public radio",
        "Counting the postal votes",
        "The four seats chosen by Portuguese voters abroad will not be known for ten days, "
        "and neither main party can govern alone.",
        ("Elections",), "skyline",
    ),
    Story(
        "world", "Seville", "Spain",
        "Heatwave tests Andalusia’s power grid as Seville reaches 46C",
        "Grid operators asked factories to pause work in the afternoon to keep homes cool.",
        "Seville recorded 46.2C on Wednesday afternoon, and the grid operator asked 300 "
        "large factories in Andalusia to pause production between two and six.",
        "Demand for electricity in southern Spain hit a record 8,900 megawatts as air "
        "conditioners ran flat out, with solar farms covering almost half of it.",
        "Without the solar parks we would have had blackouts across the region yesterday.",
        "Rocío Barrantes", "head of the regional grid control centre", "said at a briefing",
        "Nights that do not cool",
        "Forecasters expect temperatures above 40C until Sunday, and hospitals in Seville "
        "have cancelled routine operations to free up beds.",
        ("Climate", "Energy"), "landscape",
    ),
    Story(
        "world", "Mombasa", "Kenya",
        "Mombasa’s fishermen turn to seaweed farming as catches fall",
        "A cooperative of 400 families is betting on a crop that grows in a few weeks.",
        "Along the coast south of Mombasa, about 400 fishing families have planted seaweed "
        "in the shallow lagoons, tied to ropes between wooden stakes at low tide.",
        "The seaweed is harvested after six weeks and sold to a factory in Kilifi that "
        "makes carrageenan, a thickener used in ice cream and toothpaste.",
        "My father caught more fish in a morning than I catch in a week, so I grow seaweed now.",
        "Mwanajuma Bakari", "chair of the Kibuyuni seaweed cooperative", "said on the beach",
        "Warmer water",
        "Marine biologists warn that warmer water is also bleaching the reef, and the "
        "cooperative is testing strains that can cope with higher temperatures.",
        ("Climate", "Agriculture"), "landscape",
    ),
    Story(
        "world", "Kharkiv", "Ukraine",
        "Kharkiv reopens its metro as underground classrooms fill up",
        "A school built below ground lets 1,000 children learn without air-raid sirens.",
        "Kharkiv’s first purpose-built underground school opened on Monday, six metres "
        "below a playground, with room for 1,000 pupils in two shifts.",
        "Another 60 classes are already held in the city’s metro stations, where desks "
        "stand between the pillars and lessons pause when trains pass.",
        "For the first time in two years my pupils finished a lesson without running to a shelter.",
        "Olena Marchenko", "a maths teacher in the Saltivka district", "said on Facebook",
        "Three more schools below ground",
        "The city council plans three more underground schools by the autumn, paid for "
        "partly by donations from twin towns in Germany and Poland.",
        ("Ukraine", "Education"), "skyline",
    ),
    Story(
        "world", "Dhaka", "Bangladesh",
        "Dhaka bans diesel buses from its centre to clear the air",
        "The capital’s 2,000 oldest buses will be replaced by electric ones over three years.",
        "Bangladesh’s capital will ban diesel buses older than 20 years from central Dhaka "
        "from January, the transport ministry said on Sunday.",
        "About 2,000 buses are affected, and the government has ordered 400 electric buses "
        "from a Chinese maker for the first year, with 30 charging depots.",
        "Our children breathe the smoke of these buses every day on the way to school.",
        "Farhana Islam", "a campaigner with the Clean Air Dhaka network", "said at a rally",
        "The drivers’ worry",
        "The bus owners’ association says its members cannot afford new vehicles and has "
        "threatened a strike unless loans are offered.",
        ("Transport", "Health"), "skyline",
    ),
    Story(
        "world", "Tromsø", "Norway",
        "Arctic town of Tromsø counts the cost of a winter without snow",
        "Ski schools and dog-sled operators say December was the worst in memory.",
        "Tromsø, 350 kilometres north of the Arctic Circle, had its first December without "
        "lasting snow since records began in 1920.",
        "Dog-sled operators cancelled 6,000 bookings and the cross-country ski tracks above "
        "the town stayed closed until the second week of January.",
        "We had tourists from Singapore standing on green grass asking where the snow was.",
        "Sigrid Nordheim", "who runs a dog-sled farm on Kvaløya", "said",
        "Northern lights instead",
        "Tourism officials are now selling the aurora rather than the snow, and say "
        "bookings for February are still up on last year.",
        ("Climate", "Weather"), "landscape",
    ),
    Story(
        "world", "Manila", "Philippines",
        "Typhoon Kiko lashes Luzon as Manila closes its schools",
        "More than 200,000 people spent the night in evacuation centres.",
        "Typhoon Kiko made landfall in northern Luzon early on Friday with winds of 185 "
        "km/h, and schools and government offices in Manila were closed.",
        "More than 200,000 people moved to evacuation centres, and 160 domestic flights "
        "were cancelled as the storm crossed the island.",
        "We moved people out a day early, and that is why the death toll is low.",
        "Ramon Dizon", "the governor of Isabela province", "said on local television",
        "Rice fields under water",
        "The agriculture department says 40,000 hectares of rice are flooded, weeks before "
        "the harvest, and has promised seed for replanting.",
        ("Weather", "Agriculture"), "map",
    ),
    Story(
        "world", "Tbilisi", "Georgia",
        "Tens of thousands march in Tbilisi over foreign agents bill",
        "Protesters filled Rustaveli Avenue for the fifth night running.",
        "Tens of thousands of people marched along Rustaveli Avenue in Tbilisi on Saturday, "
        "the fifth night of protests against a bill on foreign-funded organisations.",
        "The bill would make groups that receive more than a fifth of their money from "
        "abroad register as agents of a foreign power, and opponents say it copies a Russian law.",
        "We want to go to Europe, and this law would take us in the other direction.",
        "Nino Beridze", "a 23-year-old law student", "said on Rustaveli Avenue",
        "Brussels is watching",
        "The European Union has said the bill is incompatible with Georgia’s candidacy, and "
        "parliament is due to hold its final vote next week.",
        ("European Union", "Courts"), "skyline",
    ),
    # Politics -----------------------------------------------------------------------
    Story(
        "politics", "Berlin", "Germany",
        "Coalition deal survives late-night vote on the 2025 budget",
        "The three parties agreed to delay a tax cut to pay for railway repairs.",
        "The coalition’s budget passed the Bundestag in Berlin shortly after one in the "
        "morning, by 372 votes to 341, after a week in which it looked close to collapse.",
        "To close a gap of 17 billion euros, the parties delayed a cut in income tax for a "
        "year and moved money from the climate fund to repairs of 4,000 railway bridges.",
        "It is not a beautiful budget, but it is a budget, and the country needed one.",
        "Jan Ehrlich", "the finance minister", "said in the Bundestag",
        "The court’s shadow",
        "The opposition has said it will ask the constitutional court to rule again on the "
        "use of the climate fund, which the judges limited last year.",
        ("European Union", "Transport"), "chart",
    ),
    Story(
        "politics", "Dublin", "Ireland",
        "Minister resigns over housing procurement contracts",
        "An audit found that three modular-home contracts went to one company without tender.",
        "Ireland’s minister of state for housing resigned on Wednesday after an audit found "
        "that three contracts for modular homes had been awarded without a tender.",
        "The contracts, worth 48 million euros, all went to a company in County Meath whose "
        "finance director had run the minister’s election campaign in 2020.",
        "I made mistakes of judgement and I will not let them be a distraction for the government.",
        "Ciarán Dolan", "the outgoing minister of state", "said in a statement",
        "An inquiry in the Dáil",
        "The public accounts committee will question civil servants from the department "
        "next Thursday, and the modular homes already built will be inspected.",
        ("Housing", "Courts"), "portrait",
    ),
    Story(
        "politics", "Brussels", "Belgium",
        "European Parliament backs a public register of lobbyists’ meetings",
        "Every meeting between an MEP and a lobbyist will have to be published online.",
        "The European Parliament voted in Brussels on Tuesday to make every meeting between "
        "an MEP and a lobbyist public, with the date, the organisation and the subject.",
        "The rules, passed by 505 votes to 90, follow a bribery scandal that led to the "
        "arrest of a vice-president of the Parliament two years ago.",
        "Citizens should not need a court case to find out who their representatives meet.",
        "Katrin Vos", "a Dutch Green MEP who drafted the rules", "said after the vote",
        "Loopholes for assistants",
        "Transparency campaigners say the register should also cover meetings of MEPs’ "
        "assistants, which the final text leaves out.",
        ("European Union",), "skyline",
    ),
    Story(
        "politics", "Manchester", "United Kingdom",
        "Opposition leader promises 300,000 homes a year in Manchester speech",
        "The plan relies on new towns and on councils buying land at farmland prices.",
        "The leader of the opposition promised in Manchester on Thursday to build 300,000 "
        "homes a year by the end of a first term, with ten new towns in England.",
        "Councils would be allowed to buy land for housing at close to its value as "
        "farmland, rather than the price it would fetch with planning permission.",
        "A generation has been locked out of owning a home, and we are going to let them in.",
        "Rachel Whitcombe", "the leader of the opposition", "told party members in Manchester",
        "Builders have doubts",
        "Builders say there are not enough bricklayers to reach the target, and the "
        "government called the figures a fantasy.",
        ("Housing",), "portrait",
    ),
    Story(
        "politics", "Rome", "Italy",
        "Italian cabinet reshuffle brings a former judge into the justice ministry",
        "The prime minister replaced four ministers two years into the government’s term.",
        "Italy’s prime minister replaced four ministers on Monday, naming a former judge of "
        "the Court of Cassation, Lucia Ferraro, as justice minister.",
        "The reshuffle also brings new ministers to tourism, culture and the south, after "
        "months of disputes within the coalition over a reform of the courts.",
        "I spent 30 years applying the law; now I will try to make it work faster.",
        "Lucia Ferraro", "the new justice minister", "said at the Quirinale",
        "Trials that take a decade",
        "Civil cases in Italy take more than seven years on average to reach a final "
        "ruling, and the European recovery fund is tied to halving that.",
        ("Courts",), "portrait",
    ),
    Story(
        "politics", "Kraków", "Poland",
        "Election commission orders recount in Kraków after 612-vote margin",
        "Ballots from 41 polling stations will be counted again by hand.",
        "Poland’s election commission ordered a recount on Tuesday in Kraków’s mayoral "
        "race, which the winner took by 612 votes out of nearly 330,000 cast.",
        "Observers found that in 41 polling stations the number of ballots did not match "
        "the number of signatures in the voter lists.",
        "A margin this small deserves every ballot to be looked at twice.",
        "Zofia Mazur", "chair of the regional election commission", "said",
        "Sealed boxes",
        "The ballot boxes are sealed in the city hall basement, and the recount is due to "
        "start on Friday under the eyes of both campaigns.",
        ("Elections",), "chart",
    ),
    Story(
        "politics", "Ottawa", "Canada",
        "Canada lowers its immigration target for the first time in a decade",
        "Ottawa says housing and health care cannot keep up with the current pace.",
        "Canada will admit 395,000 permanent residents next year, down from 485,000, the "
        "immigration minister announced in Ottawa on Thursday.",
        "It is the first cut to the target in ten years, and the government will also cap "
        "temporary residents, including foreign students, at five percent of the population.",
        "We are a country built by newcomers, but the homes and the hospital beds have to be there when they arrive.",
        "Arjun Malhotra", "the immigration minister", "said in the House of Commons",
        "Colleges lose students",
        "Colleges in Ontario, which rely on fees from international students, warn that "
        "they may have to close campuses.",
        ("Migration", "Housing"), "chart",
    ),
    Story(
        "politics", "Cardiff", "United Kingdom",
        "Wales votes to lower the speed limit on village roads to 20 mph",
        "The Senedd extended the lower limit despite a petition signed by 470,000 people.",
        "The Welsh parliament in Cardiff voted on Wednesday to keep the 20 mph limit on "
        "most residential roads and to extend it to villages on main roads.",
        "Road deaths and serious injuries on 20 mph roads fell by a quarter in the first "
        "year of the limit, according to figures from the Welsh government.",
        "Fewer children are being hit by cars, and I am not going to apologise for that.",
        "Gareth Pryce", "the Welsh transport secretary", "said in the Senedd",
        "Councils choose exceptions",
        "Councils will be able to raise the limit on some roads again, and have been asked "
        "to publish their lists by the summer.",
        ("Transport",), "map",
    ),
    Story(
        "politics", "Vilnius", "Lithuania",
        "Lithuania brings back military service for 18-year-olds",
        "The Seimas voted to call up 3,800 young people a year from 2026.",
        "Lithuania’s parliament in Vilnius voted on Tuesday to call up 3,800 men aged 18 "
        "to 23 a year for nine months of military service, with women able to volunteer.",
        "The country ended conscription in 2008 and brought it back in a limited form in "
        "2015; the new law removes most of the exemptions for students.",
        "Our neighbours have shown us that a small country must be ready to defend itself.",
        "Rūta Kazlauskienė", "chair of the parliament’s defence committee", "said",
        "Barracks to build",
        "The defence ministry says it needs two new barracks and 300 more instructors, and "
        "will ask parliament for an extra 120 million euros.",
        ("Diplomacy", "Education"), "map",
    ),
    Story(
        "politics", "Canberra", "Australia",
        "Australia’s senate passes a ban on social media for under-16s",
        "Platforms will face fines of up to 50 million dollars if children sign up.",
        "Australia’s senate in Canberra passed a law on Thursday banning children under 16 "
        "from holding accounts on social media platforms.",
        "Platforms that fail to stop children signing up face fines of up to 50 million "
        "Australian dollars, though how they check ages is left to them.",
        "Parents have told us they feel they are fighting this alone, and now they are not.",
        "Megan Lawson", "the communications minister", "said in the senate",
        "How to check an age",
        "The ban takes effect in a year; a trial of age-checking technology will report to "
        "the government by the summer.",
        ("Artificial intelligence", "Education"), "portrait",
    ),
    Story(
        "politics", "Tallinn", "Estonia",
        "Estonia lets citizens vote by phone in the next local elections",
        "The country that pioneered internet voting takes the next step.",
        "Estonia’s parliament in Tallinn approved a law on Wednesday that will let voters "
        "cast their ballot in local elections from a smartphone, using their digital ID.",
        "Half of all votes in the last parliamentary election were cast online from a "
        "computer, and the electoral office says phones are the obvious next step.",
        "Voting should be as easy as paying a bill, and just as secure.",
        "Kadri Tamm", "head of Estonia’s electoral office", "said",
        "Security experts object",
        "Independent security researchers have asked to see the source code of the phone "
        "application before the October elections.",
        ("Elections", "Artificial intelligence"), "chart",
    ),
    Story(
        "politics", "Reykjavík", "Iceland",
        "Iceland’s parliament agrees a four-day week for public servants",
        "Trials in Reykjavík found staff did as much work in fewer hours.",
        "Iceland’s parliament in Reykjavík voted on Monday to cut the working week of "
        "public servants to 36 hours, spread over four days where the job allows it.",
        "The law follows trials involving 2,500 council and government workers, which "
        "found that offices and nurseries kept the same output on shorter hours.",
        "We worked less, slept more, and the queues at the counter did not get any longer.",
        "Guðrún Einarsdóttir", "a clerk at Reykjavík city hall who took part in the trial", "said",
        "Hospitals are the hard part",
        "Hospitals and the police will need 400 more staff to cover the shorter week, and "
        "unions want the change to reach private employers too.",
        ("Education", "Health"), "chart",
    ),
    # Business -----------------------------------------------------------------------
    Story(
        "business", "Frankfurt", "Germany",
        "Central bank holds rates at 3.5 percent as inflation cools to 2.4",
        "Policymakers in Frankfurt want to see service prices fall before they cut.",
        "The central bank kept its deposit rate at 3.5 percent on Thursday, its fourth "
        "meeting in a row without a change, as inflation in the euro area eased to 2.4 percent.",
        "Prices of goods are rising by less than one percent a year, but services, from "
        "haircuts to insurance, are still up by almost four percent.",
        "Inflation is coming down, but the job is not yet done.",
        "Helena Marsh", "the central bank’s president", "said at a press conference in Frankfurt",
        "Markets expect a cut in June",
        "Traders now put the chance of a cut at the June meeting at about 70 percent, and "
        "the euro fell slightly after the decision.",
        ("Inflation", "European Union"), "chart",
    ),
    Story(
        "business", "Rotterdam", "Netherlands",
        "Shipping costs climb as Rotterdam clears its container backlog",
        "Ships rerouted around Africa arrived in bunches, filling Europe’s biggest port.",
        "The cost of shipping a container from Shanghai to Rotterdam has tripled since "
        "December to about 5,400 dollars, as ships sailing around Africa arrive in bunches.",
        "At the peak last week 27 container ships were waiting at anchor off the port, "
        "and some stacks at the Maasvlakte terminals reached seven containers high.",
        "The port is not the bottleneck; the ships are all turning up on the same days.",
        "Pieter de Graaf", "operations director at a Maasvlakte terminal", "said",
        "Prices in the shops",
        "Retailers say the higher freight costs will add a few cents to clothes and "
        "electronics by the summer, but less than during the pandemic.",
        ("Trade", "Inflation"), "chart",
    ),
    Story(
        "business", "Salzgitter", "Germany",
        "Carmaker to build a battery plant near Salzgitter with 2,500 jobs",
        "The factory will make cells for 500,000 electric cars a year from 2027.",
        "A German carmaker will build a battery cell factory near Salzgitter in Lower "
        "Saxony, with 2,500 jobs and room to supply 500,000 electric cars a year.",
        "The plant will cost about 4.8 billion euros, of which 900 million comes from "
        "federal and state aid approved by the European Commission last month.",
        "This town made engines for seventy years, and now it will make batteries.",
        "Birgit Sommer", "the works council chair at the Salzgitter engine plant", "said",
        "Retraining engine workers",
        "Engine workers will be offered 18-month courses to move to the new plant, and the "
        "first cells are due to leave the line in 2027.",
        ("Energy", "Transport"), "skyline",
    ),
    Story(
        "business", "Leeds", "United Kingdom",
        "Retail sales beat forecasts as shoppers return to the high street",
        "Sales rose 1.2 percent in December, helped by a late rush for clothes.",
        "Retail sales in Britain rose 1.2 percent in December, twice as much as economists "
        "had forecast, as shoppers in towns such as Leeds returned to the high street.",
        "Clothing shops did best, with sales up 3.1 percent, while online sales fell for "
        "the first time in a year as fewer people bought Christmas gifts on the internet.",
        "People came back to touch the fabric and try things on, and that is our strength.",
        "Anita Sharma", "who owns two clothes shops in the Victoria Quarter in Leeds", "said",
        "The January hangover",
        "Economists warn that January is usually weaker, and that higher energy bills from "
        "April will squeeze spending again.",
        ("Inflation",), "chart",
    ),
    Story(
        "business", "Dublin", "Ireland",
        "Airline shares fall 11 percent after a profit warning over late jets",
        "Delays in aircraft deliveries mean fewer seats to sell this summer.",
        "Shares in a Dublin-based low-cost airline fell 11 percent on Monday after it "
        "warned that profits this year would be a fifth lower than expected.",
        "The airline expects only 41 of the 57 new aircraft it ordered to arrive before "
        "the summer, leaving it with about two million fewer seats to sell.",
        "We have the passengers; we just do not have the planes to fly them.",
        "Declan Farrell", "the airline’s chief executive", "told analysts on a call",
        "Higher fares",
        "Analysts said the shortage of aircraft across Europe would keep summer fares high "
        "for all airlines.",
        ("Transport", "Trade"), "chart",
    ),
    Story(
        "business", "Nairobi", "Kenya",
        "Nairobi’s start-ups raise a record 800 million dollars despite the slowdown",
        "Solar companies and mobile lenders took most of the money.",
        "Start-ups based in Nairobi raised a record 800 million dollars last year, "
        "according to a count by a local investors’ network, even as funding fell worldwide.",
        "Companies selling solar systems on instalments took almost half of the money, "
        "and lenders working through mobile money took a fifth.",
        "Investors used to ask us why Kenya; now they ask how quickly they can get in.",
        "Wanjiru Kamau", "the founder of a solar lending company", "said",
        "Hard to sell shares",
        "Few Kenyan start-ups have yet listed on a stock exchange or been bought, which "
        "makes it hard for early investors to take their money out.",
        ("Energy", "Artificial intelligence"), "skyline",
    ),
    Story(
        "business", "Gdańsk", "Poland",
        "Gdańsk shipyard wins an order for six offshore wind vessels",
        "The yard where Solidarity began will build ships to install turbines in the Baltic.",
        "The Gdańsk shipyard, where the Solidarity movement began in 1980, has won an "
        "order for six vessels that install and service offshore wind turbines.",
        "The contract, worth 1.1 billion euros, is the yard’s largest in three decades, "
        "and will keep its 1,800 workers busy until 2030.",
        "My father welded ships here in the eighties; my son will build them for wind farms.",
        "Krzysztof Lewandowski", "a foreman at the shipyard", "said",
        "Wind farms in the Baltic",
        "Poland plans 18 gigawatts of offshore wind by 2040, and the first turbines off "
        "the coast near Łeba are due to turn next year.",
        ("Energy", "Trade"), "skyline",
    ),
    Story(
        "business", "Bordeaux", "France",
        "Bordeaux winemakers pull up vines as sales of red wine fall",
        "The government will pay growers to uproot 9,500 hectares.",
        "Winemakers around Bordeaux have started uprooting 9,500 hectares of vines, about "
        "a tenth of the region’s vineyards, with the state paying 6,000 euros a hectare.",
        "Sales of Bordeaux red have fallen by a third in ten years as younger drinkers "
        "choose white wine, rosé and beer, and exports to China have collapsed.",
        "My grandfather planted these vines, and I am the one pulling them out.",
        "Mathieu Laborde", "a grower in the Entre-Deux-Mers", "said",
        "Olive trees and solar panels",
        "Some growers plan to plant olive trees or to lease the land for solar farms, and "
        "others will simply let it return to woodland.",
        ("Agriculture", "Trade"), "landscape",
    ),
    Story(
        "business", "Bengaluru", "India",
        "Bengaluru chip designers hire 20,000 engineers as the industry booms",
        "Global companies are opening design centres in India’s technology capital.",
        "Chip design companies in Bengaluru hired about 20,000 engineers last year, an "
        "industry association said, as global firms opened new design centres in the city.",
        "Starting salaries for chip designers have risen by 30 percent in two years, and "
        "universities are adding courses in semiconductor design.",
        "Every phone in the world probably has a part that was designed in this city.",
        "Priya Raghavan", "president of the Karnataka semiconductor association", "said",
        "Factories next",
        "India wants factories as well as designers, and the first chip plant in Gujarat "
        "is due to start production next year.",
        ("Artificial intelligence", "Trade"), "skyline",
    ),
    Story(
        "business", "Valencia", "Spain",
        "Valencia’s orange growers lose a third of the crop to a virus",
        "The disease has spread through groves along the Mediterranean coast.",
        "Orange growers around Valencia expect to pick a third less fruit this winter after "
        "a virus spread by aphids killed or weakened trees across 15,000 hectares.",
        "Prices paid to farmers have risen, but not enough to cover the loss, and imports "
        "from South Africa and Egypt fill the supermarket shelves.",
        "We sprayed, we pruned, we prayed, and the trees still died.",
        "Vicente Soler", "president of the Valencian farmers’ union", "said",
        "Resistant rootstock",
        "Researchers at the regional agricultural institute are testing rootstocks that "
        "resist the virus, but new trees take five years to bear fruit.",
        ("Agriculture", "Inflation"), "landscape",
    ),
    Story(
        "business", "Detroit", "United States",
        "Detroit carworkers approve a contract with a 25 percent pay rise",
        "The union’s members voted 64 percent in favour after a six-week strike.",
        "Members of the carworkers’ union in Detroit approved a four-year contract on "
        "Friday that raises wages by 25 percent, ending months of dispute.",
        "The contract, backed by 64 percent of voters, also restores cost-of-living "
        "payments and gives workers the right to strike over plant closures.",
        "We walked out for six weeks, and we walked back in with something to show for it.",
        "Denise Coleman", "a line worker at the Warren truck plant", "said",
        "Carmakers count the cost",
        "The three carmakers say the deal will add about 1.5 billion dollars a year to "
        "their costs, and one has already announced higher prices for pickups.",
        ("Trade", "Inflation"), "portrait",
    ),
    Story(
        "business", "Santiago", "Chile",
        "Chile’s lithium deal gives the state control of the Atacama salt flat",
        "The state copper company will hold a majority in the world’s richest lithium deposit.",
        "Chile’s state copper company will take a majority stake in lithium mining on the "
        "Atacama salt flat from 2031, under a deal signed in Santiago on Wednesday.",
        "The private miner that pumps brine from the salt flat today will keep 49.99 "
        "percent and run operations, and output is due to rise by a third.",
        "The lithium belongs to all Chileans, and from now on so will most of the profit.",
        "Felipe Araya", "the mining minister", "said at the presidential palace",
        "Water in the desert",
        "Indigenous communities around the salt flat say the deal says too little about "
        "the water the mines take from one of the driest places on Earth.",
        ("Energy", "Water"), "map",
    ),
    # Science ------------------------------------------------------------------------
    Story(
        "science", "Baltimore", "United States",
        "Telescope spots water vapour on a planet 120 light years away",
        "The planet, twice the size of Earth, orbits in its star’s temperate zone.",
        "Astronomers in Baltimore said on Wednesday that the James Webb Space Telescope had "
        "found water vapour in the atmosphere of a planet 120 light years from Earth.",
        "The planet, known as TOI-270 d, is about twice the size of Earth and may be "
        "covered by a deep ocean under a thick, hot atmosphere.",
        "It is the clearest signal of water we have seen on a planet this small.",
        "Dr Miriam Adeyemi", "an astronomer at the Space Telescope Science Institute", "said",
        "Not a second Earth",
        "The team stresses that the planet is probably too hot for life as we know it, "
        "and will observe it again next year to measure its temperature.",
        ("Space",), "chart",
    ),
    Story(
        "science", "Leiden", "Netherlands",
        "Cheaper heart drug works as well as the new one, Leiden trial finds",
        "A 40-year-old medicine could save health services billions.",
        "A generic drug used since the 1980s prevented heart attacks as well as a newer "
        "medicine costing 30 times as much, in a trial of 11,000 patients led from Leiden.",
        "After three years, 6.1 percent of patients on the old drug had a heart attack or "
        "stroke, against 6.3 percent on the new one, a difference within the margin of error.",
        "Doctors can prescribe the cheaper pill with confidence, and health services can spend the savings elsewhere.",
        "Prof. Hendrik Visser", "a cardiologist at Leiden University Medical Centre", "said",
        "Guidelines to change",
        "European cardiologists will review their guidelines this autumn, and insurers in "
        "the Netherlands have already asked for the data.",
        ("Health",), "chart",
    ),
    Story(
        "science", "Zurich", "Switzerland",
        "Swiss glaciers lost a tenth of their ice in two years, study finds",
        "Measurements on 176 glaciers show the fastest loss since records began.",
        "Switzerland’s glaciers lost ten percent of their volume in 2022 and 2023, as much "
        "as between 1960 and 1990, scientists in Zurich reported on Thursday.",
        "Teams measured 176 glaciers, drilling stakes into the ice and flying drones over "
        "them, and found that several small ones have disappeared altogether.",
        "The data is unambiguous: the ice is going faster than our models predicted.",
        "Dr Lars Eriksen", "a glaciologist at ETH Zurich", "told reporters",
        "Rivers in late summer",
        "Glaciers feed the Rhône and the Rhine in late summer, and hydropower operators are "
        "planning new reservoirs to store meltwater.",
        ("Climate", "Water"), "landscape",
    ),
    Story(
        "science", "Cambridge", "United Kingdom",
        "Researchers in Cambridge map every neuron in a fruit fly’s brain",
        "The wiring diagram of 140,000 cells took a decade and an army of volunteers.",
        "Scientists in Cambridge and Princeton have published a complete map of the brain "
        "of an adult fruit fly, showing 140,000 neurons and 50 million connections.",
        "The map was traced from 21 million electron microscope images, with computers "
        "doing most of the work and volunteers correcting their mistakes.",
        "For the first time we can follow a signal from the fly’s eye to its wings, cell by cell.",
        "Dr Greta Lindholm", "a neuroscientist at the Laboratory of Molecular Biology", "said",
        "A mouse next",
        "The team now wants to map a small part of a mouse brain, which has about 500 "
        "times as many neurons as a fly’s.",
        ("Artificial intelligence", "Health"), "chart",
    ),
    Story(
        "science", "Uppsala", "Sweden",
        "Sodium battery from Uppsala charges in 12 minutes without lithium",
        "The cells use salt and iron, which are cheap and found everywhere.",
        "Researchers at Uppsala University have built a sodium-ion battery cell that "
        "charges to 80 percent in 12 minutes and keeps 90 percent of its capacity after 3,000 cycles.",
        "Sodium batteries store less energy than lithium ones of the same weight, but use "
        "salt and iron instead of lithium, cobalt and nickel.",
        "This battery will not go in a sports car, but it could go in every home with solar panels.",
        "Prof. Ebba Lindgren", "who leads the Uppsala battery group", "said",
        "From the lab to a factory",
        "A Swedish start-up has licensed the chemistry and plans a pilot line in "
        "Västerås next year.",
        ("Energy",), "chart",
    ),
    Story(
        "science", "Wilhelmshaven", "Germany",
        "Migrating birds reach the North Sea coast two weeks earlier than in 1970",
        "Ringing records from Wilhelmshaven show spring arriving sooner.",
        "Birds migrating to the North Sea coast now arrive on average 13 days earlier than "
        "in 1970, according to 50 years of ringing records from an observatory near Wilhelmshaven.",
        "Swallows, chiffchaffs and blackcaps have moved furthest, while cuckoos, which "
        "winter in central Africa, have barely changed their timing.",
        "The cuckoo arrives when the caterpillars it needs have already gone.",
        "Dr Anke Petersen", "an ornithologist at the Institute of Avian Research", "said",
        "Out of step",
        "The researchers want to fit 100 cuckoos with tiny trackers next year to find out "
        "where on their route they lose time.",
        ("Climate",), "landscape",
    ),
    Story(
        "science", "Toulouse", "France",
        "Toulouse engineers test a satellite that sweeps up space debris",
        "The spacecraft will try to grab an old rocket stage with a robotic arm.",
        "Engineers in Toulouse have finished testing a spacecraft designed to catch a piece "
        "of space debris, a 112-kilogram rocket part, and pull it down to burn up.",
        "About 36,000 objects larger than ten centimetres orbit the Earth, and a collision "
        "between two of them could create thousands more fragments.",
        "We clean up beaches and rivers; it is time we cleaned up orbit too.",
        "Camille Arnaud", "the mission’s project manager", "said",
        "Launch next spring",
        "The satellite is due to launch next spring and to reach its target after six "
        "months of manoeuvres.",
        ("Space",), "map",
    ),
    Story(
        "science", "Kyoto", "Japan",
        "Kyoto researchers grow a wooden satellite to cut space pollution",
        "LignoSat, made of magnolia wood, will burn up without leaving metal dust.",
        "A team at Kyoto University has built a small satellite with panels made of magnolia "
        "wood, which will be released from the International Space Station this winter.",
        "Metal satellites leave aluminium particles in the upper atmosphere when they burn "
        "up; wood burns to a fine ash, the team says.",
        "Wood survived ten months outside the space station without cracking or warping.",
        "Prof. Koji Murata", "a forestry scientist at Kyoto University", "said",
        "Six months in orbit",
        "The satellite will spend six months measuring how the wood copes with "
        "temperatures swinging from minus 100C to plus 100C.",
        ("Space",), "skyline",
    ),
    Story(
        "science", "Cape Town", "South Africa",
        "Cape Town’s seawater plant can now supply a tenth of the city’s water",
        "The desalination plant is the city’s insurance against another ‘Day Zero’.",
        "Cape Town’s first large desalination plant, at Koeberg on the Atlantic coast, can "
        "now supply 120 million litres a day, about a tenth of what the city uses.",
        "The city came within weeks of turning off its taps during a drought in 2018, and "
        "has since added groundwater and recycled water to its dams.",
        "Day Zero taught us never to rely on rain alone.",
        "Nomvula Dlamini", "the mayoral committee member for water", "said",
        "The cost of a litre",
        "Desalinated water costs about three times as much to produce as water from the "
        "dams, and the plant uses as much electricity as a town of 40,000.",
        ("Water", "Climate"), "map",
    ),
    Story(
        "science", "Edinburgh", "United Kingdom",
        "Edinburgh hospital uses a computer model to spot sepsis six hours earlier",
        "The system reads blood tests and vital signs from every ward.",
        "A computer model used at the Royal Infirmary in Edinburgh flagged sepsis about six "
        "hours before doctors would usually spot it, in a study of 28,000 admissions.",
        "The model reads blood test results, heart rates and temperatures from every ward "
        "and alerts a nurse when a patient’s risk rises.",
        "It does not replace a nurse’s judgement; it taps her on the shoulder.",
        "Dr Fiona MacLeod", "an intensive care consultant at the Royal Infirmary", "said",
        "False alarms",
        "One alert in three turned out to be a false alarm, and the team is retraining the "
        "model before it is used in other Scottish hospitals.",
        ("Health", "Artificial intelligence"), "chart",
    ),
    Story(
        "science", "Hobart", "Australia",
        "Antarctic sea ice hits a record low for the third winter in a row",
        "Scientists in Hobart say the Southern Ocean may have changed state.",
        "Sea ice around Antarctica reached its smallest winter extent on record this year, "
        "the third record in a row, researchers in Hobart reported.",
        "At its peak in September the ice covered 16.9 million square kilometres, about "
        "1.5 million less than the average between 1981 and 2010, an area larger than Peru.",
        "Three records in three years is no longer bad luck; the ocean is warming underneath.",
        "Dr Rebecca Thorne", "a sea ice scientist at the University of Tasmania", "said",
        "Penguins without ice",
        "Emperor penguins breed on sea ice, and satellite images show several colonies lost "
        "all their chicks when the ice broke up early.",
        ("Climate",), "map",
    ),
    Story(
        "science", "Reading", "United Kingdom",
        "Weather model forecasts storms ten days ahead on a desktop computer",
        "Forecasters in Reading say machine learning now beats their best physics model.",
        "A machine-learning weather model run by forecasters in Reading predicted the path "
        "of storms ten days ahead more accurately than their best physics-based model.",
        "The model was trained on 40 years of past weather and produces a ten-day forecast "
        "in a minute on a single computer, instead of an hour on a supercomputer.",
        "Ten years ago I would have laughed at the idea; now we use it every morning.",
        "Dr Owen Hartley", "head of forecasting at the European weather centre", "said",
        "Physics still needed",
        "The centre will keep running its physics model, because the new one cannot yet "
        "explain why a storm takes the path it does.",
        ("Weather", "Artificial intelligence"), "map",
    ),
    # Culture ------------------------------------------------------------------------
    Story(
        "culture", "Venice", "Italy",
        "Venice film festival opens with a family drama set on a fishing island",
        "The opening film, shot on Burano, follows three generations of lace makers.",
        "The Venice film festival opened on Wednesday with The Lace Makers, a drama set on "
        "the island of Burano and shot with residents as actors.",
        "The film follows three generations of women in one family as the last lace "
        "workshop on the island is sold to a hotel group.",
        "My grandmother taught me lace, and my daughter taught me how to make a film about it.",
        "Chiara Benedetti", "the film’s director", "said at the opening press conference",
        "Twenty-one films in competition",
        "Twenty-one films compete for the Golden Lion, which will be awarded on the Lido "
        "on September 7.",
        ("Film",), "portrait",
    ),
    Story(
        "culture", "Edinburgh", "United Kingdom",
        "Novel about a Hebridean lighthouse keeper wins the Saltire prize",
        "Isla Munro’s first novel was turned down by eleven publishers.",
        "The Last Light at Rubha Mòr, a novel about a lighthouse keeper on the Isle of "
        "Lewis in the 1950s, won the Saltire book of the year prize in Edinburgh on Thursday.",
        "Its author, Isla Munro, a former ferry officer, wrote it over seven winters, and "
        "it was rejected by eleven publishers before a small press in Glasgow took it.",
        "Every rejection letter went into a drawer, and tonight I am going to frame them.",
        "Isla Munro", "the winning novelist", "said as she accepted the prize",
        "A print run of 2,000",
        "The publisher has ordered a reprint of 20,000 copies, ten times its first run, and "
        "film rights are being discussed.",
        ("Books",), "landscape",
    ),
    Story(
        "culture", "Benin City", "Nigeria",
        "Berlin museum returns 22 looted bronzes to Benin City",
        "The sculptures were taken by British soldiers in 1897.",
        "Twenty-two bronze sculptures taken from the royal palace of Benin by British "
        "soldiers in 1897 were handed back in Benin City on Saturday by a Berlin museum.",
        "The plaques and heads had been bought by German museums from dealers in London "
        "after the raid, and were shown in Berlin for more than a century.",
        "These bronzes are our history books, and they have been out on loan for 127 years.",
        "Prince Aghatise Erediauwa", "a member of the royal court", "said at the ceremony",
        "A museum to house them",
        "A new museum designed by a Ghanaian-British architect is being built near the "
        "palace; until it opens the bronzes will be kept in the palace itself.",
        ("Art", "Diplomacy"), "portrait",
    ),
    Story(
        "culture", "Helsinki", "Finland",
        "Helsinki orchestra’s new season is all by living composers",
        "Every work in the Helsinki Philharmonic’s programme was written after 1990.",
        "The Helsinki Philharmonic Orchestra’s new season has no Beethoven, no Mozart and "
        "no Sibelius: all 34 works were written after 1990, and 11 are premieres.",
        "Subscriptions are up by eight percent, the orchestra says, with the largest rise "
        "among listeners under 35.",
        "The great composers of our time deserve the same halls as the great dead ones.",
        "Aino Virtanen", "the orchestra’s chief conductor", "said",
        "A composer in every school",
        "Each of the eleven composers with a premiere will spend a week in a Helsinki "
        "school writing music with pupils.",
        ("Music",), "portrait",
    ),
    Story(
        "culture", "Lyon", "France",
        "Street artists turn an abandoned Lyon railway station into a gallery",
        "Sixty painters covered the walls of a station closed since 1983.",
        "Sixty street artists have painted the walls of the old Saint-Clair station in "
        "Lyon, closed since 1983, which opens to the public as a gallery this weekend.",
        "The artists worked for three months with the railway company’s permission, "
        "covering 4,000 square metres of platforms, tunnels and the ticket hall.",
        "We used to paint here at night and run from the police; now they guard our work.",
        "Karim Benali", "one of the painters, known as Kobra", "said",
        "Only until the trams come",
        "The station will be demolished in two years to make room for a tram depot, and the "
        "artists have photographed every wall for a book.",
        ("Art", "Transport"), "skyline",
    ),
    Story(
        "culture", "Hay-on-Wye", "United Kingdom",
        "The quiet return of the independent bookshop in Hay-on-Wye",
        "The number of independent bookshops in Britain has risen for the seventh year.",
        "Hay-on-Wye, the Welsh border town with more than 20 bookshops for 1,600 residents, "
        "gained two more this year, as independent bookshops grew in number for a seventh year.",
        "There are now 1,063 independent bookshops in Britain and Ireland, up from 867 in "
        "2016, according to the booksellers’ association.",
        "People come in for a book they saw online, and leave with three they did not know existed.",
        "Owen Prothero", "who opened a children’s bookshop on Castle Street", "said",
        "Rents and rates",
        "Booksellers say rising business rates are now their biggest worry, and have asked "
        "for the same relief as pubs.",
        ("Books",), "skyline",
    ),
    Story(
        "culture", "Glastonbury", "United Kingdom",
        "Glastonbury sells out in 58 minutes despite higher ticket prices",
        "A ticket now costs 355 pounds, and the line-up has not been announced.",
        "All 210,000 tickets for next year’s Glastonbury festival sold out in 58 minutes on "
        "Sunday morning, even though the price rose to 355 pounds.",
        "The festival has not yet announced a single act, and organisers say the rise "
        "covers the cost of security, fencing and the 120 stages on Worthy Farm.",
        "I have been twelve times, and I have never known who was playing when I bought the ticket.",
        "Jess Harding", "a teacher from Bristol", "said",
        "A fallow year to come",
        "The farm will rest in the year after next, as it does every five or six years, "
        "to let the land recover.",
        ("Music",), "landscape",
    ),
    Story(
        "culture", "Kyiv", "Ukraine",
        "Kyiv’s opera house sells out its season despite the air raids",
        "Performances stop when the sirens sound and resume in the shelter.",
        "The National Opera of Ukraine in Kyiv has sold every ticket for its season, even "
        "though performances stop whenever an air-raid siren sounds.",
        "Audiences of up to 300 follow the orchestra to the shelter under the building, "
        "where the singers sometimes carry on with a piano.",
        "Once we finished the second act of Tosca in the basement, and nobody wanted to leave.",
        "Yaroslava Bilyk", "a soprano with the company", "said",
        "Touring abroad",
        "The company will take Natalka Poltavka to Vienna and Warsaw in the spring, its "
        "first tour abroad since the full-scale invasion.",
        ("Music", "Ukraine"), "portrait",
    ),
    Story(
        "culture", "Bilbao", "Spain",
        "Guggenheim Bilbao shows a sculptor who works only with scrap metal",
        "Ines Arrieta’s giant figures are made from the city’s old shipyards.",
        "The Guggenheim Museum in Bilbao has opened the first large exhibition of Ines "
        "Arrieta, whose sculptures are welded from scrap taken from the city’s old shipyards.",
        "The largest work, a seven-metre figure of a woman carrying a boat, took two years "
        "and 14 tonnes of steel to make.",
        "Bilbao was built from iron, and I wanted to give the iron a second life.",
        "Ines Arrieta", "the sculptor", "said at the opening",
        "On the riverbank",
        "After the exhibition the largest figure will stand on the riverbank near the site "
        "of the last shipyard, which closed in 1996.",
        ("Art",), "portrait",
    ),
    Story(
        "culture", "Busan", "South Korea",
        "Busan festival crowns a debut film about a taxi driver’s last night",
        "First-time director Park Ji-won was a taxi driver for ten years.",
        "The Busan International Film Festival awarded its top prize on Friday to Last "
        "Fare, a debut film about a taxi driver’s final shift before retirement.",
        "Its director, Park Ji-won, drove a taxi in Seoul for ten years and shot the film "
        "in 18 nights with a budget of 300,000 dollars.",
        "I heard a thousand stories in the back seat, and this film is a few of them.",
        "Park Ji-won", "the winning director", "said as he accepted the award",
        "A release in cinemas",
        "A Korean distributor has bought the film, which will open in 200 cinemas in "
        "December.",
        ("Film",), "skyline",
    ),
    Story(
        "culture", "Timbuktu", "Mali",
        "Timbuktu’s manuscripts go online as the originals stay hidden",
        "Families who saved 350,000 manuscripts are letting scholars read them remotely.",
        "About 40,000 manuscripts from Timbuktu, some more than 700 years old, have been put "
        "online, the first part of a project to photograph the city’s private libraries.",
        "Families smuggled about 350,000 manuscripts out of Timbuktu in rice sacks in 2012, "
        "when armed groups held the city, and most are still kept in Bamako.",
        "Our ancestors wrote about astronomy and medicine, and now the world can read them.",
        "Abdel Kader Haïdara", "a librarian who led the rescue", "said",
        "Going home one day",
        "The families want the manuscripts to return to Timbuktu once it is safe, and a "
        "climate-controlled library is being planned.",
        ("Books", "Artificial intelligence"), "map",
    ),
    Story(
        "culture", "Marrakech", "Morocco",
        "Marrakech’s Jemaa el-Fnaa storytellers train a new generation",
        "A school for the square’s halqa tellers has enrolled its first 24 pupils.",
        "A school for the storytellers of Jemaa el-Fnaa, the great square of Marrakech, "
        "opened on Saturday with 24 pupils, most of them in their twenties.",
        "Only a handful of the old halqa tellers still perform in the square, where "
        "crowds gather in a circle around a speaker after dark.",
        "A story told from a phone is dead; a story told in a circle is alive.",
        "Ahmed Ezzarghani", "one of the last storytellers of the square", "said",
        "Stories in three languages",
        "Pupils will learn tales in Darija, Amazigh and French, and perform in the square "
        "every Friday evening from the spring.",
        ("Books", "Art"), "portrait",
    ),
]  # fmt: skip

# 40 of the stories' quotes also appear as quotes on their own, linked to the article.
QUOTED_STORIES = [number for number in range(len(STORIES)) if number % 3 != 2]

# (title, teaser, seconds, tags, picture kind)
VIDEOS = [
    (
        "Inside the flood zone: a night with Porto Alegre’s rescue boats",
        "Our camera went out with volunteers who pulled 1,400 people from rooftops.",
        263,
        ("Climate", "Water"),
        "landscape",
    ),
    (
        "Explained: why central banks are waiting to cut rates",
        "Goods are cheaper, services are not: the chart that keeps rates at 3.5 percent.",
        184,
        ("Inflation", "European Union"),
        "chart",
    ),
    (
        "The night the lights came back on in Kharkiv",
        "After months of blackouts, a city celebrates something as ordinary as a lamp.",
        317,
        ("Ukraine", "Energy"),
        "skyline",
    ),
    (
        "How a telescope reads the atmosphere of another world",
        "Starlight, filtered through a planet’s air, tells astronomers what it is made of.",
        228,
        ("Space",),
        "chart",
    ),
    (
        "Meet the last lighthouse keepers of the Baltic",
        "Three keepers still live at their lights, and one of them is 81.",
        402,
        ("Books", "Transport"),
        "landscape",
    ),
    (
        "Portugal’s election night in ninety seconds",
        "Record queues, a hung parliament and the votes still to come from abroad.",
        90,
        ("Elections",),
        "chart",
    ),
    (
        "On the front line of Europe’s heatwave",
        "In Seville at 46C, nurses, builders and grid engineers show how they cope.",
        251,
        ("Climate", "Health"),
        "landscape",
    ),
    (
        "Building a battery plant in an engine town",
        "Salzgitter made engines for seventy years; now it is learning to make cells.",
        296,
        ("Energy", "Transport"),
        "skyline",
    ),
    (
        "The mapmakers of the fruit fly brain",
        "How volunteers and computers traced 140,000 neurons, one image at a time.",
        338,
        ("Artificial intelligence", "Health"),
        "chart",
    ),
    (
        "Why Bordeaux is pulling up its vines",
        "Growers explain why a tenth of the region’s vineyards are being uprooted.",
        205,
        ("Agriculture", "Trade"),
        "landscape",
    ),
    (
        "A lesson six metres underground",
        "A morning at Kharkiv’s new school below a playground, where sirens cannot interrupt.",
        274,
        ("Ukraine", "Education"),
        "portrait",
    ),
    (
        "Busan’s winning director drives us through his film",
        "Park Ji-won takes the night shift again, and tells the stories behind Last Fare.",
        189,
        ("Film",),
        "portrait",
    ),
]
