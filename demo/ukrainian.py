"""
Words for the demo's Ukrainian edition: the names of its sections and authors, and its
own stories, briefs and videos.

Some stories translate an English one (`original` is the English headline or title):
the same facts and the same picture, told for the Ukrainian reader; the others are
local news that only the Ukrainian edition runs. People are fictional; places are real.
"""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.utils.text import slugify

from . import pictures

SECTIONS = {
    "world": {"name": "Світ", "description": "Репортажі наших кореспондентів з п’яти континентів."},
    "politics": {
        "name": "Політика",
        "description": "Парламенти, вибори та люди, які ними керують.",
    },
    "business": {
        "name": "Економіка",
        "description": "Ринки, компанії та економіка, яка за все це платить.",
    },
    "science": {
        "name": "Наука",
        "description": "Дослідження, клімат, здоров’я і технології — зрозуміло й без спрощень.",
    },
    "culture": {
        "name": "Культура",
        "description": "Книжки, кіно, музика, мистецтво та ідеї, що за ними стоять.",
    },
}

# By the slug of the English author (demo.content.AUTHORS).
AUTHORS = {
    "marta-kowalczyk": {
        "name": "Марта Ковальчик",
        "role": "Керівниця бюро в Північній Америці",
        "bio": "Марта Ковальчик очолює наше бюро в Північній Америці й працює у Вашингтоні. "
        "Вона висвітлювала чотири президентські кампанії, роботу Верховного суду та політику "
        "на кордоні, а перед тим шість років була кореспонденткою в Мехіко. Вивчала історію "
        "в Кракові й журналістику в Нью-Йорку.",
    },
    "daniel-okafor": {
        "name": "Деніел Окафор",
        "role": "Редактор відділу економіки",
        "bio": "Деніел Окафор пише про центральні банки, торгівлю та ціни, з якими щодня "
        "стикаються люди. До нас прийшов із фінансового інформаційного агентства, де "
        "висвітлював ринки облігацій у Лондоні та Лагосі.",
    },
    "sofia-lindqvist": {
        "name": "Софія Ліндквіст",
        "role": "Наукова кореспондентка",
        "bio": "Софія Ліндквіст пише про клімат, космос і медицину. Перш ніж прийти в "
        "журналістику, вона здобула фах морської біологині й досі щороку проводить місяць "
        "у морі.",
    },
    "oleksandr-bondar": {
        "name": "Олександр Бондар",
        "role": "Кореспондент у Києві",
        "bio": "Олександр Бондар пише з України про війну, відбудову та повсякденне життя. "
        "Він працює в регіоні п’ятнадцять років і володіє п’ятьма мовами.",
    },
    "amelia-hart": {
        "name": "Амелія Гарт",
        "role": "Політична оглядачка",
        "bio": "Амелія Гарт стежить за парламентом, партіями й тим, як насправді працює "
        "уряд. Вона пише щотижневу колонку про Вестмінстер і веде наш політичний подкаст.",
    },
    "rafael-mendes": {
        "name": "Рафаел Мендеш",
        "role": "Редактор відділу культури",
        "bio": "Рафаел Мендеш пише про кіно, книжки та культурну індустрію. Раніше був "
        "кінокритиком щоденної газети в Сан-Паулу й працював у журі трьох фестивалів.",
    },
    "hana-sato": {
        "name": "Хана Сато",
        "role": "Технологічна журналістка",
        "bio": "Хана Сато пише про технологічну галузь: чипи, платформи, приватність і тих, "
        "хто все це регулює. Працює між Токіо та Сан-Франциско.",
    },
    "jonas-weber": {
        "name": "Йонас Вебер",
        "role": "Редактор відділу даних",
        "bio": "Йонас Вебер перетворює цифри на історії. Він створює графіки, карти й моделі "
        "для нашого висвітлення виборів і викладає журналістику даних у Берліні.",
    },
}

# The English demo's photographers as a Ukrainian caption names them (agencies keep
# their own names), and the Ukrainian edition's own, fictional as theirs are. A credit
# does not wrap, so each stays short enough for a phone's width.
PHOTOGRAPHERS = {
    "Maren Holt": "Марен Голт",
    "Tobias Quinlan": "Тобіас Квінлан",
    "Elif Sarıgül": "Еліф Саригюль",
    "Joaquín Ferrer": "Хоакін Феррер",
    "Staff photographer": "Фотограф редакції",
    "Aiko Brandt": "Айко Брандт",
    "Ruth Obi": "Рут Обі",
    "Colm Devane": "Колм Девейн",
}
LOCAL_PHOTOGRAPHERS = [
    ("Тарас Кравець", "Агенція «Брама»"),
    ("Олена Руденко", "Фото «Поділ»"),
    ("Фотограф редакції", ""),
    ("Марко Левицький", "Світлотінь"),
]

# The alt text of the demo's drawings (demo.pictures.describe), in Ukrainian: each
# palette's colour as the sky "of" it, "under" a sky of it, and "in its colours".
PALETTE_WORDS = {
    "dawn": ("світанкового", "світанковим", "світанкових"),
    "midday": ("полуденного", "полуденним", "полуденних"),
    "dusk": ("вечірнього", "вечірнім", "вечірніх"),
    "night": ("нічного", "нічним", "нічних"),
    "storm": ("грозового", "грозовим", "грозових"),
    "autumn": ("осіннього", "осіннім", "осінніх"),
    "teal": ("бірюзового", "бірюзовим", "бірюзових"),
    "rose": ("рожевого", "рожевим", "рожевих"),
}
CHART_WORDS = {"bar": "стовпчикова діаграма", "line": "лінійний графік", "area": "діаграма"}
SCENE_WORDS = {"hills": "пагорби", "sea": "море", "fields": "поля"}

# The official romanisation of Ukrainian (Cabinet of Ministers, 2010), for addresses.
LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie",
    "ж": "zh", "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l",
    "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu",
    "я": "ia",
}  # fmt: skip
APOSTROPHES = "'’ʼ"
# At the start of a word these are spelt differently: "Ярослава" is "Yaroslava".
LATIN_WORD_START = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def latin(text):
    """`text` romanised as a slug: "Ярослава Білик" -> "yaroslava-bilyk"."""
    # The apostrophe is not written, and does not start a word: "В’юн" is "Viun".
    text = "".join(char for char in text.lower() if char not in APOSTROPHES)
    text = re.sub(r"\b[єїйюя]", lambda match: LATIN_WORD_START[match[0]], text)
    # "зг" is "zgh", so that it does not read as "ж" followed by "г".
    text = text.replace("зг", "zgh")
    return slugify("".join(LATIN.get(char, char) for char in text))


def describe(kind, variant):
    """Alt text of drawing `variant` of `kind`: demo.pictures.describe in Ukrainian."""
    sky, under_sky, colours = PALETTE_WORDS[pictures.palette(kind, variant)[0]]
    if kind == "skyline":
        return f"Ілюстрація: обриси міста на тлі {sky} неба"
    if kind == "map":
        return "Ілюстрована карта узбережжя з річкою, дорогами та червоною позначкою"
    if kind == "chart":
        chart = CHART_WORDS[pictures.CHART_STYLES[variant % 3]]
        return f"Ілюстрація: {chart} показника, що то зростає, то падає"
    if kind == "portrait":
        return f"Ілюстрація: силует промовця на тлі розмитих вогнів у {colours} барвах"
    scene = SCENE_WORDS[pictures.LANDSCAPE_SCENES[variant % 3]]
    return f"Ілюстрація: {scene} під {under_sky} небом"


@dataclass(frozen=True)
class Story:
    """An article of the Ukrainian edition, with the quote it runs on its own."""

    slug: str
    section: str
    dateline: str
    headline: str
    standfirst: str
    paragraphs: tuple
    quote: str
    speaker: str
    role: str
    # How the speaker said it: "сказала", "заявив на брифінгу".
    said: str
    subhead: str
    outlook: tuple
    tags: tuple
    # What the caption says the picture shows.
    scene: str
    # The English story it translates (its headline in demo.stories.STORIES), published
    # `delay` after it; a local story is published `age` before the seeding.
    original: str = ""
    delay: timedelta = timedelta(hours=2)
    age: timedelta = timedelta(days=1)
    # The slugs of the authors of a local story; a translation keeps its original's.
    byline: tuple = ()
    is_featured: bool = False
    # The drawing of a local story's picture: one of demo.pictures.KINDS (a translation
    # has its original's).
    picture: str = ""

    @property
    def quote_slug(self):
        return latin(self.speaker)

    @property
    def context(self):
        """The quote's context line, after the speaker's name."""
        return f"{self.role}, {self.said}"

    def caption(self):
        return f"{self.dateline}: {self.scene}."

    def body(self):
        """The article's HTML: the paragraphs, the quote, a subhead and what comes next."""
        spoken = f"«{self.quote[:-1]}»," if self.quote.endswith(".") else f"«{self.quote}»"
        return "\n".join(
            [
                f"<p>{self.dateline} — {self.paragraphs[0]}</p>",
                *(f"<p>{text}</p>" for text in self.paragraphs[1:]),
                f"<p>{spoken} — {self.said} {self.speaker}, {self.role}.</p>",
                f"<h2>{self.subhead}</h2>",
                *(f"<p>{text}</p>" for text in self.outlook),
            ]
        )


STORIES = [
    # Translations of the English demo's stories -----------------------------------------
    Story(
        slug="tromse-rakhuie-zbytky-vid-zymy-bez-snihu",
        section="world",
        dateline="ТРОМСЕ, НОРВЕГІЯ",
        headline="Арктичне місто Тромсе рахує збитки від зими без снігу",
        standfirst="Лижні школи й власники собачих упряжок кажуть, що такого грудня тут не "
        "пам’ятають.",
        paragraphs=(
            "Уперше відтоді, як 1920 року почали вести спостереження, у Тромсе, що лежить за "
            "350 кілометрів на північ від Полярного кола, минув грудень без сталого снігового "
            "покриву.",
            "Власники собачих упряжок скасували 6000 бронювань, а бігові лижні траси над "
            "містом стояли закритими аж до другого тижня січня.",
        ),
        quote="До нас приїжджали туристи із Сингапуру, стояли на зеленій траві й питали, де ж "
        "сніг.",
        speaker="Сігрід Нордгейм",
        role="власниця ферми їздових собак на острові Квалея",
        said="розповіла",
        subhead="Замість снігу — північне сяйво",
        outlook=(
            "Туристичні служби міста тепер рекламують не сніг, а полярне сяйво. За їхніми "
            "словами, бронювань на лютий усе одно більше, ніж торік.",
        ),
        tags=("Клімат", "Погода"),
        scene="околиці міста за Полярним колом",
        original="Arctic town of Tromsø counts the cost of a winter without snow",
        delay=timedelta(minutes=95),
        is_featured=True,
    ),
    Story(
        slug="kyivska-opera-rozprodala-sezon-popry-tryvohy",
        section="culture",
        dateline="КИЇВ, УКРАЇНА",
        headline="Київська опера розпродала весь сезон попри повітряні тривоги",
        standfirst="Коли лунає сирена, вистава зупиняється — і продовжується в укритті.",
        paragraphs=(
            "Національна опера України розпродала всі квитки на сезон, хоча вистави "
            "переривають щоразу, коли в місті оголошують повітряну тривогу.",
            "До 300 глядачів разом з оркестром спускаються до укриття під будівлею театру, і "
            "часом співаки продовжують виставу там під фортепіано.",
        ),
        quote="Якось ми доспівали другу дію „Тоски“ в підвалі, і ніхто не хотів розходитися.",
        speaker="Ярослава Білик",
        role="сопрано, солістка театру",
        said="розповіла",
        subhead="Гастролі за кордоном",
        outlook=(
            "Навесні театр повезе «Наталку Полтавку» до Відня та Варшави. Це будуть перші "
            "закордонні гастролі трупи від початку повномасштабного вторгнення.",
        ),
        tags=("Музика", "Україна"),
        scene="Ярослава Білик, солістка Національної опери, перед виставою",
        original="Kyiv’s opera house sells out its season despite the air raids",
        delay=timedelta(minutes=40),
    ),
    Story(
        slug="punkt-propusku-bilia-peremyshlia-znovu-vidkryly",
        section="world",
        dateline="ПЕРЕМИШЛЬ, ПОЛЬЩА",
        headline="Пункт пропуску біля Перемишля знову відкрили після тижневої блокади",
        standfirst="Поки фермери блокували дорогу, вантажівки стояли в черзі завдовжки "
        "40 кілометрів.",
        paragraphs=(
            "Пункт пропуску «Медика» поблизу Перемишля в неділю вранці знову почав пропускати "
            "вантажівки: польські фермери припинили тижневу блокаду під’їзної дороги.",
            "У розпал протесту з українського боку кордону чекали близько 3100 вантажівок, "
            "деякі водії — по дев’ять днів. Їжу та воду їм привозили волонтери.",
        ),
        quote="Я вісім ночей спав у кабіні й їв те, що привозили волонтери з церкви.",
        speaker="Василь Гриценко",
        role="водій вантажівки з Луцька",
        said="розповів на пункті пропуску «Медика»",
        subhead="Домовленість щодо зерна",
        outlook=(
            "Спілка фермерів заявила, що за два тижні знову вийде на дорогу, якщо Варшава й "
            "Брюссель до того часу не погодять обмежень на ввезення зерна.",
        ),
        tags=("Сільське господарство", "Торгівля"),
        scene="прикордонний регіон на карті",
        original="Border crossing at Przemyśl reopens after week-long closure",
        delay=timedelta(minutes=70),
    ),
    Story(
        slug="tsentrobank-zberih-stavku-3-5-vidsotka",
        section="business",
        dateline="ФРАНКФУРТ, НІМЕЧЧИНА",
        headline="Центробанк зберіг ставку на рівні 3,5%, інфляція сповільнилася до 2,4%",
        standfirst="Перш ніж знижувати ставку, у Франкфурті хочуть побачити, що ціни на "
        "послуги почали знижуватися.",
        paragraphs=(
            "Центральний банк у четвер залишив депозитну ставку на рівні 3,5% — уже вчетверте "
            "поспіль без змін. Інфляція в єврозоні тим часом сповільнилася до 2,4%.",
            "Товари дорожчають менш ніж на відсоток на рік, а от послуги — від стрижки до "
            "страховки — досі майже на 4%.",
        ),
        quote="Інфляція знижується, але роботу ще не завершено.",
        speaker="Гелена Марш",
        role="голова центрального банку",
        said="заявила на пресконференції у Франкфурті",
        subhead="Ринки чекають зниження в червні",
        outlook=(
            "Трейдери тепер оцінюють імовірність зниження ставки на червневому засіданні "
            "приблизно в 70%. Після оголошення рішення євро трохи подешевшав.",
        ),
        tags=("Інфляція", "Європейський Союз"),
        scene="графік цін у єврозоні за останні роки",
        original="Central bank holds rates at 3.5 percent as inflation cools to 2.4",
        delay=timedelta(minutes=50),
    ),
    Story(
        slug="natriievyi-akumuliator-z-uppsaly-bez-litiiu",
        section="science",
        dateline="УППСАЛА, ШВЕЦІЯ",
        headline="Натрієвий акумулятор з Уппсали заряджається за 12 хвилин і без літію",
        standfirst="Елементи роблять із солі й заліза — дешевих і доступних будь-де.",
        paragraphs=(
            "Дослідники Уппсальського університету створили натрій-іонний акумуляторний "
            "елемент, який заряджається до 80% за 12 хвилин і зберігає 90% ємності після "
            "3000 циклів.",
            "Натрієві акумулятори накопичують менше енергії, ніж літієві такої самої ваги, "
            "зате замість літію, кобальту й нікелю в них сіль і залізо.",
        ),
        quote="У спортивне авто такий акумулятор не поставиш, але він може стояти в кожному "
        "домі із сонячними панелями.",
        speaker="Ебба Ліндгрен",
        role="професорка, яка керує групою дослідників акумуляторів в Уппсалі",
        said="сказала",
        subhead="З лабораторії — на завод",
        outlook=(
            "Шведський стартап уже придбав ліцензію на цю технологію й наступного року "
            "планує запустити пілотну лінію у Вестеросі.",
        ),
        tags=("Енергетика",),
        scene="графік заряджання нових елементів",
        original="Sodium battery from Uppsala charges in 12 minutes without lithium",
        delay=timedelta(hours=3),
    ),
    Story(
        slug="lytva-povertaie-viiskovu-sluzhbu-dlia-18-richnykh",
        section="politics",
        dateline="ВІЛЬНЮС, ЛИТВА",
        headline="Литва повертає військову службу для 18-річних",
        standfirst="Сейм проголосував за те, щоб із 2026 року щороку призивати 3800 молодих людей.",
        paragraphs=(
            "Литовський Сейм у вівторок проголосував за щорічний призов 3800 чоловіків віком "
            "від 18 до 23 років на дев’ятимісячну військову службу. Жінки зможуть служити "
            "добровільно.",
            "Литва скасувала призов 2008 року й у скороченому вигляді відновила його 2015-го. "
            "Новий закон скасовує більшість відстрочок для студентів.",
        ),
        quote="Наші сусіди показали нам, що маленька країна мусить бути готовою себе захистити.",
        speaker="Рута Казлаускене",
        role="голова комітету Сейму з питань оборони",
        said="сказала",
        subhead="Потрібні нові казарми",
        outlook=(
            "У міністерстві оборони кажуть, що для цього потрібні дві нові казарми й ще "
            "300 інструкторів, тож відомство попросить у парламенту додаткові 120 мільйонів "
            "євро.",
        ),
        tags=("Дипломатія", "Освіта"),
        scene="литовська столиця й навколишній регіон на карті",
        original="Lithuania brings back military service for 18-year-olds",
        delay=timedelta(minutes=150),
    ),
    # The Ukrainian edition's own ---------------------------------------------------------
    Story(
        slug="kyivrada-ukhvalyla-biudzhet-stolytsi",
        section="politics",
        dateline="КИЇВ, УКРАЇНА",
        headline="Київрада ухвалила бюджет столиці: найбільше грошей — на укриття і школи",
        standfirst="Депутати підтримали кошторис після восьмигодинного засідання, опозиція "
        "вимагала урізати витрати на благоустрій.",
        paragraphs=(
            "Київська міська рада в четвер увечері ухвалила бюджет столиці на наступний рік: "
            "«за» проголосували 78 депутатів зі 120. Засідання тривало понад вісім годин і "
            "двічі переривалося через повітряну тривогу.",
            "Видатки заплановано на рівні 118 мільярдів гривень. Найбільша стаття — освіта: "
            "31 мільярд, з яких 4,6 мільярда підуть на укриття в школах і дитсадках та на "
            "ремонт будівель, пошкоджених обстрілами.",
            "Ще 9 мільярдів місто спрямує на потреби оборони: дрони, засоби радіоелектронної "
            "боротьби та генератори для військових частин, сформованих у Києві.",
            "Опозиційні фракції пропонували скоротити на 2 мільярди витрати на благоустрій "
            "парків і набережних, а ці гроші також віддати на оборону, але поправку не "
            "підтримали.",
        ),
        quote="Цей бюджет не про фонтани, а про те, щоб діти вчилися в безпеці, а в домівках "
        "було світло й тепло.",
        speaker="Андрій Гнатюк",
        role="голова бюджетної комісії Київради",
        said="сказав після голосування",
        subhead="Що далі",
        outlook=(
            "Бюджет ще має підписати міський голова. Перші тендери на будівництво укриттів у "
            "школах Деснянського та Дарницького районів департамент освіти обіцяє оголосити "
            "вже в січні.",
        ),
        tags=("Бюджет", "Київ", "Освіта"),
        picture="chart",
        scene="графік видатків столиці на наступний рік",
        age=timedelta(hours=60),
        byline=("oleksandr-bondar", "jonas-weber"),
        is_featured=True,
    ),
    Story(
        slug="forum-vydavtsiv-u-lvovi-zibrav-rekordni-cherhy",
        section="culture",
        dateline="ЛЬВІВ, УКРАЇНА",
        headline="Форум видавців у Львові зібрав рекордні черги — за дебютами і книжками про війну",
        standfirst="Цього року на фестиваль приїхали 260 видавництв, а найкраще продавався "
        "нон-фікшн.",
        paragraphs=(
            "Книжковий фестиваль Форуму видавців у Львові за п’ять днів відвідали близько "
            "70 тисяч людей — на третину більше, ніж торік, повідомили організатори.",
            "Свої новинки привезли 260 видавництв з усієї України. Найкраще продавалися "
            "документальні книжки про війну, історичний нон-фікшн і дитяча література, а "
            "найдовші черги збирали автори-дебютанти, які пишуть з фронту.",
            "Уперше фестиваль мав окрему програму для військових і ветеранів: зустрічі з "
            "психологами, майстер-класи з письма та безкоштовний вхід на всі події.",
        ),
        quote="Люди купують книжки, щоб зрозуміти, що з нами відбувається, і щоб мати хоч "
        "годину тиші.",
        speaker="Соломія Данилюк",
        role="директорка фестивалю",
        said="сказала",
        subhead="Українські книжки — іншими мовами",
        outlook=(
            "На професійній частині форуму видавці підписали 43 угоди про переклад "
            "українських книжок — здебільшого польською, німецькою та англійською.",
            "Наступний форум організатори обіцяють провести у вересні, як завжди, а частину "
            "подій уперше перенести до відновленої бібліотеки на Личакові.",
        ),
        tags=("Книжки", "Львів"),
        picture="portrait",
        scene="Соломія Данилюк, директорка фестивалю, на відкритті Форуму видавців",
        age=timedelta(hours=30),
        byline=("rafael-mendes", "oleksandr-bondar"),
    ),
    Story(
        slug="porty-odeshchyny-perevalyly-rekordnyi-obsiah-zerna",
        section="business",
        dateline="ОДЕСА, УКРАЇНА",
        headline="Порти Одещини перевалили рекордні 6,8 мільйона тонн зерна за місяць",
        standfirst="Попри атаки на портову інфраструктуру, морський коридор працює на "
        "довоєнному рівні.",
        paragraphs=(
            "Порти Одеси, Чорноморська й Південного за жовтень перевалили 6,8 мільйона тонн "
            "зернових та олійних культур — найбільше від початку повномасштабного вторгнення, "
            "повідомили в адміністрації морських портів.",
            "Українським морським коридором за місяць пройшли 214 суден. Найбільше везли "
            "кукурудзу й пшеницю, а головними покупцями були Єгипет, Іспанія та Китай.",
            "За той самий час порти зазнали 11 атак дронів: пошкоджено два зерносховища й "
            "причал у Чорноморську, але жоден порт не зупиняв роботи довше ніж на добу.",
        ),
        quote="Ми навчилися відновлювати причал за кілька днів, бо кожна доба простою — це "
        "мільйони доларів, яких країна не отримає.",
        speaker="Ігор Савченко",
        role="заступник голови адміністрації морських портів",
        said="сказав",
        subhead="Найдорожче — страховка",
        outlook=(
            "Судновласники кажуть, що найбільша стаття їхніх витрат тепер — страхування "
            "воєнних ризиків. Уряд обіцяє розширити державну програму страхування суден, які "
            "заходять до українських портів.",
        ),
        tags=("Торгівля", "Сільське господарство", "Одеса"),
        picture="map",
        scene="порти Великої Одеси на карті узбережжя",
        age=timedelta(hours=84),
        byline=("daniel-okafor", "oleksandr-bondar"),
    ),
    Story(
        slug="studenty-z-dnipra-zibraly-nanosuputnyk",
        section="science",
        dateline="ДНІПРО, УКРАЇНА",
        headline="Студенти з Дніпра зібрали наносупутник, який стежитиме за посухою на полях",
        standfirst="Кубсат завбільшки з пакет молока полетить на орбіту навесні.",
        paragraphs=(
            "Студенти Дніпровського національного університету зібрали кубсат — наносупутник "
            "завбільшки з пакет молока, який фотографуватиме поля півдня України й "
            "вимірюватиме вологість ґрунту.",
            "Апарат важить 1,3 кілограма. Над ним три роки працювали 18 студентів "
            "фізико-технічного факультету, частину деталей вони надрукували на 3D-принтері в "
            "університетській лабораторії.",
            "Знімки з орбіти мають допомогти агрономам вчасно помітити посуху: супутник "
            "пролітатиме над Дніпропетровщиною, Запоріжжям і Херсонщиною двічі на добу.",
        ),
        quote="Ми збирали його між тривогами, а коли зникало світло, паяли при ліхтариках.",
        speaker="Дарина Коваленко",
        role="студентка четвертого курсу, яка керує проєктом",
        said="розповіла",
        subhead="Старт навесні",
        outlook=(
            "Супутник має вирушити на орбіту навесні разом з іншими університетськими "
            "апаратами. Дані про вологість ґрунту студенти обіцяють викладати у відкритий "
            "доступ.",
        ),
        tags=("Космос", "Освіта", "Сільське господарство"),
        picture="map",
        scene="поля довкола Дніпра, над якими пролітатиме супутник",
        age=timedelta(days=7, hours=3),
        byline=("sofia-lindqvist",),
    ),
]

# The stories whose quotes also run on their own, by slug.
QUOTED = [
    "tromse-rakhuie-zbytky-vid-zymy-bez-snihu",
    "kyivska-opera-rozprodala-sezon-popry-tryvohy",
    "tsentrobank-zberih-stavku-3-5-vidsotka",
    "natriievyi-akumuliator-z-uppsaly-bez-litiiu",
    "kyivrada-ukhvalyla-biudzhet-stolytsi",
    "forum-vydavtsiv-u-lvovi-zibrav-rekordni-cherhy",
]


@dataclass(frozen=True)
class Brief:
    slug: str
    headline: str
    paragraphs: tuple
    tags: tuple
    link: str = ""
    # As for Story: the English brief it translates (its headline in
    # demo.content.BRIEFS), published `delay` after it, with its authors and photo;
    # else published `age` ago, by `author` (a slug), with a drawing of `picture`
    # (one of demo.pictures.KINDS) or "" for no photo.
    original: str = ""
    delay: timedelta = timedelta(hours=1)
    age: timedelta = timedelta(days=1)
    author: str = ""
    picture: str = ""


BRIEFS = [
    Brief(
        slug="mizh-paryzhem-i-berlinom-znovu-khodytymut-nichni-potiahy",
        headline="Між Парижем і Берліном знову ходитимуть нічні потяги",
        paragraphs=(
            "З грудня між Парижем і Берліном тричі на тиждень курсуватиме потяг зі спальними "
            "вагонами, повідомили в середу дві залізничні компанії.",
        ),
        tags=("Транспорт", "Європейський Союз"),
        original="Night trains to return between Paris and Berlin",
        delay=timedelta(minutes=45),
    ),
    Brief(
        slug="marsokhid-znaishov-sharuvati-porody-na-dni-davnoho-ozera",
        headline="Марсохід знайшов шаруваті породи на дні давнього озера",
        paragraphs=(
            "Марсохід сфотографував у кратері Єзеро тонкошаруваті породи, які сформувалися на "
            "дні озера близько 3,5 мільярда років тому, повідомили науковці місії.",
        ),
        tags=("Космос",),
        link="https://www.nasa.gov/news/",
        original="Mars rover finds layered rocks in an old lake bed",
        delay=timedelta(minutes=80),
    ),
    Brief(
        slug="metro-kyieva-pratsiuvatyme-v-novorichnu-nich-do-druhoi",
        headline="Метро Києва в новорічну ніч працюватиме до другої години",
        paragraphs=(
            "У новорічну ніч столичне метро працюватиме до 02:00, а поїзди ходитимуть з "
            "інтервалом 10 хвилин, повідомили в КП «Київський метрополітен».",
            "Якщо оголосять повітряну тривогу, станції працюватимуть як укриття.",
        ),
        tags=("Транспорт", "Київ"),
        author="oleksandr-bondar",
        age=timedelta(hours=9),
    ),
    Brief(
        slug="u-kharkovi-vidkryly-druhu-pidzemnu-shkolu",
        headline="У Харкові відкрили другу підземну школу",
        paragraphs=(
            "На Олексіївці запрацювала друга в Харкові підземна школа — на 900 учнів у дві "
            "зміни, повідомили в міській раді.",
            "Під землею вже навчаються понад 5 тисяч харківських дітей, решта — онлайн.",
        ),
        tags=("Освіта", "Україна"),
        author="oleksandr-bondar",
        age=timedelta(days=4, hours=5),
    ),
    Brief(
        slug="u-karpatakh-vypav-pershyi-snih",
        headline="У Карпатах випав перший сніг, рятувальники радять не йти на високогір’я",
        paragraphs=(
            "На Говерлі й Піп Івані за ніч випало до 20 сантиметрів снігу. Рятувальники "
            "радять туристам не виходити на високогірні маршрути без спорядження й "
            "реєструватися перед походом.",
        ),
        tags=("Погода",),
        picture="landscape",
        author="sofia-lindqvist",
        age=timedelta(days=2, hours=7),
    ),
    Brief(
        slug="natsbank-zalyshyv-oblikovu-stavku-bez-zmin",
        headline="Нацбанк залишив облікову ставку без змін",
        paragraphs=(
            "Національний банк залишив облікову ставку на рівні 15,5% річних: інфляція "
            "сповільнюється, але повільніше, ніж очікували, пояснили в регуляторі.",
            "Наступне засідання щодо ставки — за шість тижнів.",
        ),
        tags=("Інфляція",),
        picture="chart",
        author="daniel-okafor",
        age=timedelta(days=9, hours=2),
    ),
    Brief(
        slug="odeska-opera-vidkryvaie-sezon-premieroiu",
        headline="Одеська опера відкриває сезон прем’єрою «Запорожця за Дунаєм»",
        paragraphs=(
            "Одеський театр опери та балету відкриє новий сезон прем’єрою «Запорожця за "
            "Дунаєм» Семена Гулака-Артемовського. Квитки на перші три вистави вже розпродано.",
        ),
        tags=("Музика", "Одеса"),
        picture="portrait",
        author="rafael-mendes",
        age=timedelta(days=12, hours=4),
    ),
]


@dataclass(frozen=True)
class Video:
    """A translation of one of the English demo's videos (its title in
    demo.stories.VIDEOS), published `delay` after it, with its own soundtrack."""

    slug: str
    title: str
    teaser: str
    tags: tuple
    original: str
    delay: timedelta = timedelta(hours=2)


VIDEOS = [
    Video(
        slug="nich-koly-v-kharkiv-povernulosia-svitlo",
        title="Ніч, коли в Харків повернулося світло",
        teaser="Після місяців блекаутів місто радіє тому, що колись було буденністю, — "
        "увімкненій лампі.",
        tags=("Україна", "Енергетика"),
        original="The night the lights came back on in Kharkiv",
        delay=timedelta(minutes=90),
    ),
    Video(
        slug="urok-na-hlybyni-shesty-metriv",
        title="Урок на глибині шести метрів",
        teaser="Ранок у новій харківській школі під дитячим майданчиком, де уроки не "
        "переривають сирени.",
        tags=("Україна", "Освіта"),
        original="A lesson six metres underground",
        delay=timedelta(hours=4),
    ),
]
