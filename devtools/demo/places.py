"""Countries, Romania's Region 2 with its seven counties, and the cities the stories name."""

from devtools.demo.text import tr
from partners.enums import RegionKind
from partners.models import Region

# slug: (kind, parent slug, code, English, Romanian, Bulgarian)
REGIONS: dict[str, tuple] = {
    "romania": (RegionKind.COUNTRY, None, "RO", "Romania", "România", "Румъния"),
    "bulgaria": (RegionKind.COUNTRY, None, "BG", "Bulgaria", "Bulgaria", "България"),
    "belgium": (RegionKind.COUNTRY, None, "BE", "Belgium", "Belgia", "Белгия"),
    "spain": (RegionKind.COUNTRY, None, "ES", "Spain", "Spania", "Испания"),
    "germany": (RegionKind.COUNTRY, None, "DE", "Germany", "Germania", "Германия"),
    "sweden": (RegionKind.COUNTRY, None, "SE", "Sweden", "Suedia", "Швеция"),
    "poland": (RegionKind.COUNTRY, None, "PL", "Poland", "Polonia", "Полша"),
    "italy": (RegionKind.COUNTRY, None, "IT", "Italy", "Italia", "Италия"),
    "latvia": (RegionKind.COUNTRY, None, "LV", "Latvia", "Letonia", "Латвия"),
    "greece": (RegionKind.COUNTRY, None, "GR", "Greece", "Grecia", "Гърция"),
    "france": (RegionKind.COUNTRY, None, "FR", "France", "Franța", "Франция"),
    "netherlands": (RegionKind.COUNTRY, None, "NL", "Netherlands", "Țările de Jos", "Нидерландия"),
    "finland": (RegionKind.COUNTRY, None, "FI", "Finland", "Finlanda", "Финландия"),
    "croatia": (RegionKind.COUNTRY, None, "HR", "Croatia", "Croația", "Хърватия"),
    "czechia": (RegionKind.COUNTRY, None, "CZ", "Czechia", "Cehia", "Чехия"),
    "slovakia": (RegionKind.COUNTRY, None, "SK", "Slovakia", "Slovacia", "Словакия"),
    # Romania: Region 2 of the national integration network and its seven counties.
    "region-2": (RegionKind.REGION, "romania", "", "Region 2", "Regiunea 2", "Регион 2"),
    "constanta-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-CT",
        "Constanța County",
        "Județul Constanța",
        "Окръг Констанца",
    ),
    "tulcea-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-TL",
        "Tulcea County",
        "Județul Tulcea",
        "Окръг Тулча",
    ),
    "braila-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-BR",
        "Brăila County",
        "Județul Brăila",
        "Окръг Браила",
    ),
    "vrancea-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-VN",
        "Vrancea County",
        "Județul Vrancea",
        "Окръг Вранча",
    ),
    "bacau-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-BC",
        "Bacău County",
        "Județul Bacău",
        "Окръг Бакъу",
    ),
    "vaslui-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-VS",
        "Vaslui County",
        "Județul Vaslui",
        "Окръг Васлуй",
    ),
    "galati-county": (
        RegionKind.COUNTY,
        "region-2",
        "RO-GL",
        "Galați County",
        "Județul Galați",
        "Окръг Галац",
    ),
    "constanta": (RegionKind.CITY, "constanta-county", "", "Constanța", "Constanța", "Констанца"),
    "galati": (RegionKind.CITY, "galati-county", "", "Galați", "Galați", "Галац"),
    "vaslui": (RegionKind.CITY, "vaslui-county", "", "Vaslui", "Vaslui", "Васлуй"),
    # Elsewhere in Romania.
    "bucharest-municipality": (
        RegionKind.COUNTY,
        "romania",
        "RO-B",
        "Bucharest Municipality",
        "Municipiul București",
        "Община Букурещ",
    ),
    "bucharest": (
        RegionKind.CITY,
        "bucharest-municipality",
        "",
        "Bucharest",
        "București",
        "Букурещ",
    ),
    "cluj-county": (
        RegionKind.COUNTY,
        "romania",
        "RO-CJ",
        "Cluj County",
        "Județul Cluj",
        "Окръг Клуж",
    ),
    "cluj-napoca": (
        RegionKind.CITY,
        "cluj-county",
        "",
        "Cluj-Napoca",
        "Cluj-Napoca",
        "Клуж-Напока",
    ),
    "brasov-county": (
        RegionKind.COUNTY,
        "romania",
        "RO-BV",
        "Brașov County",
        "Județul Brașov",
        "Окръг Брашов",
    ),
    "brasov": (RegionKind.CITY, "brasov-county", "", "Brașov", "Brașov", "Брашов"),
    "timis-county": (
        RegionKind.COUNTY,
        "romania",
        "RO-TM",
        "Timiș County",
        "Județul Timiș",
        "Окръг Тимиш",
    ),
    # Bulgaria.
    "sofia-city-province": (
        RegionKind.COUNTY,
        "bulgaria",
        "BG-22",
        "Sofia City Province",
        "Regiunea Sofia-oraș",
        "Област София-град",
    ),
    "sofia": (RegionKind.CITY, "sofia-city-province", "", "Sofia", "Sofia", "София"),
    # Cities of the European projects.
    "brussels": (RegionKind.CITY, "belgium", "", "Brussels", "Bruxelles", "Брюксел"),
    "antwerp": (RegionKind.CITY, "belgium", "", "Antwerp", "Anvers", "Антверпен"),
    "cartagena": (RegionKind.CITY, "spain", "", "Cartagena", "Cartagena", "Картахена"),
    "madrid": (RegionKind.CITY, "spain", "", "Madrid", "Madrid", "Мадрид"),
    "dietzenbach": (RegionKind.CITY, "germany", "", "Dietzenbach", "Dietzenbach", "Дитценбах"),
    "dortmund": (RegionKind.CITY, "germany", "", "Dortmund", "Dortmund", "Дортмунд"),
    "linkoping": (RegionKind.CITY, "sweden", "", "Linköping", "Linköping", "Линшьопинг"),
    "gothenburg": (RegionKind.CITY, "sweden", "", "Gothenburg", "Göteborg", "Гьотеборг"),
    "lublin": (RegionKind.CITY, "poland", "", "Lublin", "Lublin", "Люблин"),
    "warsaw": (RegionKind.CITY, "poland", "", "Warsaw", "Varșovia", "Варшава"),
    "ravenna": (RegionKind.CITY, "italy", "", "Ravenna", "Ravenna", "Равена"),
    "turin": (RegionKind.CITY, "italy", "", "Turin", "Torino", "Торино"),
    "riga": (RegionKind.CITY, "latvia", "", "Riga", "Riga", "Рига"),
    "athens": (RegionKind.CITY, "greece", "", "Athens", "Atena", "Атина"),
    "thessaloniki": (RegionKind.CITY, "greece", "", "Thessaloniki", "Salonic", "Солун"),
    "paris": (RegionKind.CITY, "france", "", "Paris", "Paris", "Париж"),
    "rotterdam": (RegionKind.CITY, "netherlands", "", "Rotterdam", "Rotterdam", "Ротердам"),
    "utrecht": (RegionKind.CITY, "netherlands", "", "Utrecht", "Utrecht", "Утрехт"),
    "tampere": (RegionKind.CITY, "finland", "", "Tampere", "Tampere", "Тампере"),
    "zagreb": (RegionKind.CITY, "croatia", "", "Zagreb", "Zagreb", "Загреб"),
    "osijek": (RegionKind.CITY, "croatia", "", "Osijek", "Osijek", "Осиек"),
    "prague": (RegionKind.CITY, "czechia", "", "Prague", "Praga", "Прага"),
    "kosice": (RegionKind.CITY, "slovakia", "", "Košice", "Košice", "Кошице"),
}

DESCRIPTIONS: dict[str, tuple[str, str, str]] = {
    "region-2": (
        "One of the regions of Romania's network for the integration of foreigners. It groups "
        "seven counties in the south-east and east of the country: Constanța, Tulcea, Brăila, "
        "Vrancea, Bacău, Vaslui and Galați.",
        "Una dintre regiunile rețelei naționale pentru integrarea străinilor din România. "
        "Cuprinde șapte județe din sud-estul și estul țării: Constanța, Tulcea, Brăila, Vrancea, "
        "Bacău, Vaslui și Galați.",
        "Един от регионите на румънската мрежа за интеграция на чужденци. Обхваща седем окръга "
        "в югоизточната и източната част на страната: Констанца, Тулча, Браила, Вранча, Бакъу, "
        "Васлуй и Галац.",
    ),
    "timis-county": (
        "A county in western Romania on the borders with Serbia and Hungary. Its position makes "
        "it the country's main point of entry for refugees and asylum seekers.",
        "Județ din vestul României, la granița cu Serbia și Ungaria. Din cauza așezării sale este "
        "principalul punct de intrare în țară al refugiaților și solicitanților de azil.",
        "Окръг в Западна Румъния, на границата със Сърбия и Унгария. Заради местоположението си "
        "той е основната входна точка в страната за бежанци и търсещи закрила.",
    ),
}


def load_regions() -> dict[str, Region]:
    regions: dict[str, Region] = {}
    for slug, (kind, parent_slug, code, name_en, name_ro, name_bg) in REGIONS.items():
        description = DESCRIPTIONS.get(slug, ("", "", ""))
        region, _created = Region.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "parent": regions[parent_slug] if parent_slug else None,
                "code": code,
                **tr("name", name_en, name_ro, name_bg),
                **tr("description", *description),
            },
        )
        regions[slug] = region
    return regions
