"""The organisations the stories name, with their names in the original language and English."""

from devtools.demo.text import tr
from partners.enums import CentreKind, OrganisationKind, ServiceCode, TargetGroupCode
from partners.models import IntegrationCentre, Language, Organisation, Region, Service, TargetGroup

# slug: (kind, acronym, country, city, website, (en, ro, bg) names, (en, ro, bg) descriptions)
ORGANISATIONS: dict[str, tuple] = {
    "world-vision-romania": (
        OrganisationKind.NGO,
        "WVR",
        "romania",
        None,
        "",
        (
            "World Vision Romania Foundation",
            "Fundația World Vision România",
            "Фондация „Уърлд Вижън Румъния“",
        ),
        (
            "Beneficiary of the INTEGRARE+ project, which ran the regional integration centres of "
            "Region 2.",
            "Beneficiarul proiectului INTEGRARE+, prin care au funcționat centrele regionale de "
            "integrare din Regiunea 2.",
            "Бенефициент по проекта INTEGRARE+, чрез който работеха регионалните центрове за "
            "интеграция в Регион 2.",
        ),
    ),
    "novapolis": (
        OrganisationKind.NGO,
        "Novapolis",
        "romania",
        None,
        "",
        (
            "Novapolis Association – Centre for Analysis and Development Initiatives",
            "Asociația Novapolis – Centrul de Analize și Inițiative pentru Dezvoltare",
            "Сдружение „Новаполис“ – Център за анализи и инициативи за развитие",
        ),
        (
            "Romanian association; Partner 1 of INTEGRARE+ and the Romanian partner of Snapshots "
            "from the Borders. A member of the CDMiR coalition.",
            "Asociație din România; Partener 1 în INTEGRARE+ și partenerul român al proiectului "
            "Snapshots from the Borders. Membră a coaliției CDMiR.",
            "Румънско сдружение; Партньор 1 по INTEGRARE+ и румънски партньор по проекта "
            "Snapshots from the Borders. Член на коалицията CDMiR.",
        ),
    ),
    "civic-resource-centre": (
        OrganisationKind.NGO,
        "CRC",
        "romania",
        "constanta",
        "",
        (
            "Civic Resource Centre Association",
            "Asociația Centrul pentru Resurse Civice",
            "Сдружение „Център за граждански ресурси“",
        ),
        (
            "Association based in Constanța; Partner 2 of INTEGRARE+.",
            "Asociație din Constanța; Partener 2 în INTEGRARE+.",
            "Сдружение от Констанца; Партньор 2 по INTEGRARE+.",
        ),
    ),
    "prefecture-constanta": (
        OrganisationKind.PUBLIC_AUTHORITY,
        "",
        "romania",
        "constanta",
        "",
        (
            "Prefect's Institution – Constanța County",
            "Instituția Prefectului – Județul Constanța",
            "Институция на префекта – окръг Констанца",
        ),
        (
            "The central government's representative in Constanța County; host of the second "
            "quarterly coordination meeting of Region 2.",
            "Reprezentantul Guvernului în județul Constanța; gazda celei de-a doua întâlniri "
            "trimestriale de coordonare din Regiunea 2.",
            "Представител на правителството в окръг Констанца; домакин на втората тримесечна "
            "координационна среща в Регион 2.",
        ),
    ),
    "general-inspectorate-for-immigration": (
        OrganisationKind.PUBLIC_AUTHORITY,
        "IGI",
        "romania",
        None,
        "",
        (
            "General Inspectorate for Immigration",
            "Inspectoratul General pentru Imigrări",
            "Главен инспекторат по имиграция",
        ),
        (
            "Romania's immigration authority. With UNHCR it supports the joint local teams that "
            "mentor beneficiaries of international protection in Timiș County.",
            "Autoritatea pentru imigrări a României. Împreună cu UNHCR sprijină echipele locale "
            "comune care îi îndrumă pe beneficiarii de protecție internațională din județul Timiș.",
            "Румънският орган по имиграция. Заедно с ВКБООН подкрепя съвместните местни екипи, "
            "които наставляват лицата с международна закрила в окръг Тимиш.",
        ),
    ),
    "european-commission": (
        OrganisationKind.PUBLIC_AUTHORITY,
        "EC",
        "belgium",
        "brussels",
        "",
        ("European Commission", "Comisia Europeană", "Европейска комисия"),
        (
            "Manages the Union actions of the Asylum, Migration and Integration Fund. Its services "
            "for employment, education, regional policy and research worked with the Committee "
            "of the Regions on the Act Locally conference.",
            "Gestionează acțiunile Uniunii din Fondul pentru Azil, Migrație și Integrare. "
            "Direcțiile sale pentru ocupare, educație, politică regională și cercetare "
            "au colaborat "
            "cu Comitetul Regiunilor la conferința Act Locally.",
            "Управлява действията на Съюза по фонд „Убежище, миграция и интеграция“. Нейните "
            "служби по заетост, образование, регионална политика и изследвания работиха с "
            "Комитета на регионите по конференцията „Действай локално“.",
        ),
    ),
    "european-committee-of-the-regions": (
        OrganisationKind.PUBLIC_AUTHORITY,
        "CoR",
        "belgium",
        "brussels",
        "",
        (
            "European Committee of the Regions",
            "Comitetul European al Regiunilor",
            "Европейски комитет на регионите",
        ),
        (
            "The EU's assembly of local and regional representatives. It launched the initiative "
            "“Cities and Regions for Integration”.",
            "Adunarea reprezentanților locali și regionali ai UE. A lansat inițiativa „Orașe și "
            "regiuni pentru integrare”.",
            "Събранието на местните и регионалните представители в ЕС. Стартира инициативата "
            "„Градове и региони за интеграция“.",
        ),
    ),
    "sofia-development-association": (
        OrganisationKind.NGO,
        "SDA",
        "bulgaria",
        "sofia",
        "",
        (
            "Sofia Development Association",
            "Asociația pentru Dezvoltarea Sofiei",
            "Асоциация за развитие на София",
        ),
        (
            "A public-benefit association set up by decision No 348 of Sofia Municipal Council to "
            "support the sustainable development of Sofia (Bulgarian acronym АРС). Lead partner "
            "of INTEGRA and Sofia's partner in CONNECTION.",
            "Asociație de utilitate publică înființată prin decizia nr. 348 a Consiliului "
            "Municipal Sofia pentru dezvoltarea durabilă a orașului (acronim bulgar АРС). "
            "Partener principal în INTEGRA și partenerul Sofiei în CONNECTION.",
            "Сдружение в обществена полза, учредено с решение № 348 на Столичния общински съвет "
            "в подкрепа на устойчивото развитие на София (АРС). Водещ партньор по INTEGRA и "
            "партньорът на София по CONNECTION.",
        ),
    ),
    "sofia-municipality": (
        OrganisationKind.LOCAL_AUTHORITY,
        "",
        "bulgaria",
        "sofia",
        "",
        ("Sofia Municipality", "Primăria Municipiului Sofia", "Столична община"),
        ("", "", ""),
    ),
    "eurocities": (
        OrganisationKind.NETWORK,
        "EUROCITIES",
        "belgium",
        "brussels",
        "",
        ("EUROCITIES", "EUROCITIES", "EUROCITIES"),
        (
            "Network of major European cities; coordinator of CONNECTION.",
            "Rețeaua marilor orașe europene; coordonatorul proiectului CONNECTION.",
            "Мрежа на големите европейски градове; координатор на CONNECTION.",
        ),
    ),
    "migrationwork": (
        OrganisationKind.OTHER,
        "",
        None,
        None,
        "",
        ("MigrationWork", "MigrationWork", "MigrationWork"),
        (
            "The expert organisation that facilitates the exchanges between CONNECTION's cities.",
            "Organizația de experți care facilitează schimburile dintre orașele CONNECTION.",
            "Експертната организация, която улеснява обмена между градовете по CONNECTION.",
        ),
    ),
    "center-for-public-innovation": (
        OrganisationKind.NGO,
        "CPI",
        "romania",
        "bucharest",
        "",
        (
            "Center for Public Innovation",
            "Centrul pentru Inovare Publică",
            "Център за обществени иновации",
        ),
        (
            "The Romanian partner of NIEM and a member of the CDMiR coalition.",
            "Partenerul român al proiectului NIEM și membru al coaliției CDMiR.",
            "Румънският партньор по NIEM и член на коалицията CDMiR.",
        ),
    ),
    "cdmir": (
        OrganisationKind.NETWORK,
        "CDMiR",
        "romania",
        None,
        "",
        (
            "Coalition for the Rights of Migrants and Refugees",
            "Coaliția pentru Drepturile Migranților și Refugiaților",
            "Коалиция за правата на мигрантите и бежанците",
        ),
        (
            "National coalition set up within the NIEM project. It took part in the public debate "
            "on amending Romania's law on the integration of foreigners and sent recommendations "
            "on the secondary rules, drawing on the NIEM tool, its baseline and the first "
            "evaluation cycle.",
            "Coaliție națională înființată în cadrul proiectului NIEM. A participat la dezbaterea "
            "publică privind modificarea legii integrării străinilor și a transmis recomandări "
            "pentru normele secundare, pe baza instrumentului NIEM, a evaluării de referință și a "
            "primului ciclu de evaluare.",
            "Национална коалиция, създадена в рамките на проекта NIEM. Участва в обществения "
            "дебат за промените в румънския закон за интеграция на чужденците и внесе препоръки "
            "за подзаконовите норми въз основа на инструмента NIEM, базовата оценка и първия "
            "оценителен цикъл.",
        ),
    ),
    "aidrom": (
        OrganisationKind.NGO,
        "AIDRom",
        "romania",
        None,
        "",
        ("AIDRom", "AIDRom", "AIDRom"),
        (
            "Romanian NGO. Its local office in Timiș County takes part in the joint local teams "
            "that mentor beneficiaries of international protection.",
            "Organizație neguvernamentală din România. Biroul său local din județul Timiș face "
            "parte din echipele locale comune care îi îndrumă pe beneficiarii de protecție "
            "internațională.",
            "Румънска неправителствена организация. Местният ѝ офис в окръг Тимиш участва в "
            "съвместните местни екипи, които наставляват лицата с международна закрила.",
        ),
    ),
    "migrant-integration-center-brasov": (
        OrganisationKind.NGO,
        "",
        "romania",
        "brasov",
        "",
        (
            "Migrant Integration Center Brașov",
            "Centrul pentru Integrarea Migranților Brașov",
            "Център за интеграция на мигранти – Брашов",
        ),
        ("", "", ""),
    ),
    "unhcr-bucharest": (
        OrganisationKind.INTERNATIONAL,
        "UNHCR",
        "romania",
        "bucharest",
        "",
        (
            "UNHCR – UN Refugee Agency, Bucharest office",
            "UNHCR – Agenția ONU pentru Refugiați, biroul din București",
            "ВКБООН – Агенция на ООН за бежанците, офис в Букурещ",
        ),
        ("", "", ""),
    ),
}


# The names organisations give themselves, where a story writes them in their own language.
OFFICIAL_NAMES: dict[str, tuple[str, str]] = {
    "world-vision-romania": ("Fundația World Vision România", "ro"),
    "novapolis": ("Asociația Novapolis – Centrul de Analize și Inițiative pentru Dezvoltare", "ro"),
    "civic-resource-centre": ("Asociația Centrul pentru Resurse Civice", "ro"),
    "prefecture-constanta": ("Instituția Prefectului – Județul Constanța", "ro"),
    "cdmir": ("Coaliția pentru Drepturile Migranților și Refugiaților", "ro"),
    "sofia-development-association": ("Асоциация за развитие на София", "bg"),
    "sofia-municipality": ("Столична община", "bg"),
    "eurocities": ("EUROCITIES", "en"),
    "migrationwork": ("MigrationWork", "en"),
}


def load_organisations(regions: dict[str, Region]) -> dict[str, Organisation]:
    organisations = {}
    for slug, (kind, acronym, country, city, website, names, descriptions) in ORGANISATIONS.items():
        official_name, official_language = OFFICIAL_NAMES.get(slug, ("", ""))
        organisations[slug], _created = Organisation.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "acronym": acronym,
                "official_name": official_name,
                "official_name_language": official_language,
                "country": regions[country] if country else None,
                "city": regions[city] if city else None,
                "website": website,
                **tr("name", *names),
                **tr("description", *descriptions),
            },
        )
    return organisations


INTEGRARE_SERVICES = [
    ServiceCode.SOCIAL,
    ServiceCode.MEDICAL,
    ServiceCode.PSYCHOLOGICAL,
    ServiceCode.LEGAL,
    ServiceCode.EDUCATION,
    ServiceCode.EMPLOYMENT,
]

# slug: (kind, city, (en, ro, bg) names)
CENTRES: dict[str, tuple] = {
    "regional-integration-centre-galati": (
        CentreKind.REGIONAL_CENTRE,
        "galati",
        (
            "Regional Integration Centre Galați",
            "Centrul Regional pentru Integrare Galați",
            "Регионален център за интеграция – Галац",
        ),
    ),
    "regional-integration-centre-constanta": (
        CentreKind.REGIONAL_CENTRE,
        "constanta",
        (
            "Regional Integration Centre Constanța",
            "Centrul Regional pentru Integrare Constanța",
            "Регионален център за интеграция – Констанца",
        ),
    ),
    "working-point-vaslui": (
        CentreKind.WORKING_POINT,
        "vaslui",
        (
            "Vaslui working point",
            "Punctul de lucru Vaslui",
            "Работен пункт – Васлуй",
        ),
    ),
}

CENTRE_DESCRIPTION = (
    "Run within the INTEGRARE+ project for Region 2. Offers social, medical, psychological, "
    "legal and educational assistance and help on the labour market, adapted to beneficiaries "
    "of international protection and third-country nationals living legally in Romania.",
    "Funcționează prin proiectul INTEGRARE+ pentru Regiunea 2. Oferă asistență socială, "
    "medicală, psihologică, juridică și educațională și sprijin pe piața muncii, adaptate "
    "beneficiarilor de protecție internațională și resortisanților țărilor terțe cu ședere "
    "legală în România.",
    "Работи по проекта INTEGRARE+ за Регион 2. Предлага социална, медицинска, психологическа, "
    "правна и образователна помощ и подкрепа на пазара на труда, съобразени с лицата с "
    "международна закрила и гражданите на трети страни, пребиваващи законно в Румъния.",
)


def load_centres(
    regions: dict[str, Region], organisations: dict[str, Organisation]
) -> dict[str, IntegrationCentre]:
    services = list(Service.objects.filter(code__in=INTEGRARE_SERVICES))
    target_groups = list(
        TargetGroup.objects.filter(
            code__in=[
                TargetGroupCode.BENEFICIARIES_OF_PROTECTION,
                TargetGroupCode.THIRD_COUNTRY_NATIONALS,
            ]
        )
    )
    romanian = list(Language.objects.filter(code="ro"))
    centres = {}
    for slug, (kind, city, names) in CENTRES.items():
        centre, _created = IntegrationCentre.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": kind,
                "organisation": organisations["world-vision-romania"],
                "city": regions[city],
                # The stories say nothing of the centres closing, nor when.
                "is_active": True,
                "closed_on": None,
                **tr("name", *names),
                **tr("description", *CENTRE_DESCRIPTION),
            },
        )
        centre.services.set(services)
        centre.target_groups.set(target_groups)
        centre.languages.set(romanian)
        centres[slug] = centre
    return centres
