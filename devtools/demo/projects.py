"""Funding programmes and the six projects of the stories, with partners, places and outputs."""

import datetime
from decimal import Decimal

from devtools.demo.text import tr
from partners.enums import TargetGroupCode
from partners.models import IntegrationCentre, Organisation, Region, TargetGroup
from projects.enums import Currency, Fund, OutputKind, ParticipationRole
from projects.models import (
    FundingProgramme,
    Participation,
    PlannedOutput,
    Project,
    ProjectCentre,
    ProjectRegion,
    ThematicArea,
)

PROGRAMMES: dict[str, dict] = {
    "amif-national-programme-romania": {
        "fund": Fund.AMIF_NATIONAL,
        "period": "2014-2020",
        "names": (
            "Romania's national programme of the Asylum, Migration and Integration Fund",
            "Programul Național – Fondul pentru Azil, Migrație și Integrare",
            "Национална програма на Румъния по фонд „Убежище, миграция и интеграция“",
        ),
        "short_names": ("AMIF national programme (FAMI)", "FAMI", "Национална програма ФУМИ"),
        "managing_authority": None,
    },
    "amif-union-actions": {
        "fund": Fund.AMIF,
        "period": "2014-2020",
        "names": (
            "Asylum, Migration and Integration Fund – Union actions",
            "Fondul pentru Azil, Migrație și Integrare – acțiuni ale Uniunii",
            "Фонд „Убежище, миграция и интеграция“ – действия на Съюза",
        ),
        "short_names": ("AMIF Union actions", "AMIF – acțiuni ale Uniunii", "ФУМИ – действия"),
        "managing_authority": "european-commission",
    },
    "eu-funding-dear": {
        "fund": Fund.DEAR,
        "period": "2014-2020",
        "names": (
            "EU Development Education and Awareness Raising programme",
            "Programul UE de educație pentru dezvoltare și conștientizare",
            "Програма на ЕС за образование за развитие и повишаване на осведомеността",
        ),
        "short_names": ("EU DEAR programme", "Programul UE DEAR", "Програма DEAR на ЕС"),
        "managing_authority": "european-commission",
    },
}

THEMES: dict[str, tuple[str, str, str]] = {
    "integration-strategies": (
        "Strategic approach to integration",
        "Abordarea strategică a integrării",
        "Стратегически подход към интеграцията",
    ),
    "participation": (
        "Participation and engagement",
        "Participare și implicare",
        "Участие и ангажираност",
    ),
    "gender": (
        "Gender in integration policy",
        "Dimensiunea de gen în politicile de integrare",
        "Пол и равнопоставеност в политиките за интеграция",
    ),
    "employment": ("Employment of migrants", "Ocuparea migranților", "Заетост на мигрантите"),
    "one-stop-shops": (
        "One-stop-shop services",
        "Servicii de tip ghișeu unic",
        "Услуги „на едно гише“",
    ),
    "public-perception": (
        "Public perception of migrants and refugees",
        "Percepția publică asupra migranților și refugiaților",
        "Обществено възприятие за мигрантите и бежанците",
    ),
    "integration-evaluation": (
        "Evaluation of integration policy",
        "Evaluarea politicilor de integrare",
        "Оценка на политиките за интеграция",
    ),
    "local-cooperation": (
        "Local and regional cooperation",
        "Cooperare locală și regională",
        "Местно и регионално сътрудничество",
    ),
    "access-to-services": (
        "Access to integration services",
        "Accesul la servicii de integrare",
        "Достъп до услуги за интеграция",
    ),
}

BIP = TargetGroupCode.BENEFICIARIES_OF_PROTECTION
TCN = TargetGroupCode.THIRD_COUNTRY_NATIONALS
LOCAL_AUTHORITIES = TargetGroupCode.LOCAL_AUTHORITIES

PROJECTS: dict[str, dict] = {
    "integrare-plus": {
        "acronym": "INTEGRARE+",
        "programme": "amif-national-programme-romania",
        "reference": "FAMI/15.03.02",
        "start_date": None,
        "end_date": None,
        "stated_duration_months": 12,
        "total_budget": Decimal("1469247.47"),
        "currency": Currency.RON,
        "official_title": ("INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2", "ro"),
        "titles": (
            "INTEGRARE+: Services and assistance for migrants in Region 2",
            "INTEGRARE+: Servicii și asistență pentru migranți în Regiunea 2",
            "INTEGRARE+: Услуги и помощ за мигранти в Регион 2",
        ),
        "summaries": (
            "A twelve-month project that ran two regional integration centres and a working point "
            "in Region 2 of Romania and brought the region's public institutions together every "
            "quarter.",
            "Proiect de douăsprezece luni care a susținut două centre regionale de integrare și "
            "un punct de lucru în Regiunea 2 și a reunit trimestrial instituțiile publice din "
            "regiune.",
            "Дванадесетмесечен проект, който поддържаше два регионални центъра за интеграция и "
            "работен пункт в Регион 2 на Румъния и всяко тримесечие събираше публичните "
            "институции от региона.",
        ),
        "descriptions": (
            "INTEGRARE+ helped beneficiaries of international protection and third-country "
            "nationals living legally in Romania to reach social, medical, psychological, legal, "
            "educational and labour-market assistance suited to their needs, across the seven "
            "counties of Region 2: Constanța, Tulcea, Brăila, Vrancea, Bacău, Vaslui and "
            "Galați.\n\n"
            "Services were delivered through the Regional Integration Centres in Galați and "
            "Constanța and a working point in Vaslui. Quarterly coordination meetings built "
            "partnerships and local support networks, so that the institutions, authorities, "
            "social partners and NGOs of the region could work together.",
            "INTEGRARE+ i-a sprijinit pe beneficiarii de protecție internațională și pe "
            "resortisanții țărilor terțe cu ședere legală în România să primească asistență "
            "socială, medicală, psihologică, juridică, educațională și pe piața muncii potrivită "
            "nevoilor lor, în cele șapte județe ale Regiunii 2: Constanța, Tulcea, Brăila, "
            "Vrancea, Bacău, Vaslui și Galați.\n\n"
            "Serviciile au fost oferite prin Centrele Regionale pentru Integrare de la Galați și "
            "Constanța și printr-un punct de lucru la Vaslui. Întâlnirile trimestriale de "
            "coordonare au construit parteneriate și rețele locale de sprijin, pentru ca "
            "instituțiile, autoritățile, partenerii sociali și ONG-urile din regiune să lucreze "
            "împreună.",
            "INTEGRARE+ помагаше на лицата с международна закрила и на гражданите на трети "
            "страни, пребиваващи законно в Румъния, да получат социална, медицинска, "
            "психологическа, правна, образователна помощ и подкрепа на пазара на труда според "
            "нуждите си, в седемте окръга на Регион 2: Констанца, Тулча, Браила, Вранча, Бакъу, "
            "Васлуй и Галац.\n\n"
            "Услугите се предоставяха чрез регионалните центрове за интеграция в Галац и "
            "Констанца и работен пункт във Васлуй. Тримесечните координационни срещи изграждаха "
            "партньорства и местни мрежи за подкрепа, за да работят заедно институциите, "
            "властите, социалните партньори и неправителствените организации в региона.",
        ),
        "target_groups": [BIP, TCN],
        "themes": ["access-to-services", "local-cooperation"],
        "regions": ["region-2"],
        "centres": [
            "regional-integration-centre-galati",
            "regional-integration-centre-constanta",
            "working-point-vaslui",
        ],
        "partners": [
            ("world-vision-romania", ParticipationRole.BENEFICIARY, None, None),
            ("novapolis", ParticipationRole.PARTNER, 1, None),
            ("civic-resource-centre", ParticipationRole.PARTNER, 2, None),
        ],
        "outputs": [],
    },
    "epi": {
        "acronym": "EPI",
        "programme": "amif-union-actions",
        "reference": "863614",
        "start_date": datetime.date(2020, 1, 1),
        "end_date": datetime.date(2022, 6, 30),
        "stated_duration_months": None,
        "total_budget": None,
        "currency": Currency.EUR,
        "official_title": ("The European Pact for Integration", "en"),
        "titles": (
            "The European Pact for Integration",
            "Pactul european pentru integrare",
            "Европейски пакт за интеграция",
        ),
        "summaries": (
            "Seven European cities move beyond emergency responses and build better local "
            "strategies for integrating third-country nationals.",
            "Șapte orașe europene depășesc logica urgenței și construiesc strategii locale mai "
            "bune pentru integrarea resortisanților țărilor terțe.",
            "Седем европейски града излизат от логиката на спешността и изграждат по-добри "
            "местни стратегии за интеграция на граждани на трети страни.",
        ),
        "descriptions": (
            "EPI works with Cartagena, Cluj, Dietzenbach, Linköping, Lublin, Ravenna and Riga. "
            "Local authorities, social-service providers and civil society in each city form a "
            "transnational network along four lines of work:\n\n"
            "1. An intercultural assessment of how each city integrates third-country nationals, "
            "the starting point for its own policies.\n"
            "2. A participatory process in which the city's stakeholders design solutions "
            "together.\n"
            "3. Defining an integration strategy in each city and piloting it.\n"
            "4. Sharing the methods and results across Europe online (websites, social media, "
            "videos) and offline (reports, national conferences and a final European "
            "conference), and reaching cities outside the consortium that want to reuse them.",
            "EPI lucrează cu Cartagena, Cluj, Dietzenbach, Linköping, Lublin, Ravenna și Riga. "
            "Autoritățile locale, furnizorii de servicii sociale și societatea civilă din fiecare "
            "oraș formează o rețea transnațională pe patru direcții:\n\n"
            "1. O evaluare interculturală a modului în care fiecare oraș integrează "
            "resortisanții țărilor terțe, punctul de plecare pentru propriile politici.\n"
            "2. Un proces participativ în care actorii locali proiectează împreună soluții.\n"
            "3. Definirea unei strategii de integrare în fiecare oraș și testarea ei pilot.\n"
            "4. Răspândirea metodelor și rezultatelor în Europa, online (site-uri, rețele "
            "sociale, videoclipuri) și offline (rapoarte, conferințe naționale și o conferință "
            "europeană finală), inclusiv către orașe din afara consorțiului.",
            "EPI работи с Картахена, Клуж, Дитценбах, Линшьопинг, Люблин, Равена и Рига. "
            "Местните власти, доставчиците на социални услуги и гражданското общество във всеки "
            "град изграждат транснационална мрежа в четири направления:\n\n"
            "1. Междукултурна оценка на това как всеки град интегрира граждани на трети "
            "страни – отправна точка за собствените му политики.\n"
            "2. Процес на участие, в който местните заинтересовани страни заедно проектират "
            "решения.\n"
            "3. Определяне на стратегия за интеграция във всеки град и пилотното ѝ прилагане.\n"
            "4. Разпространение на методите и резултатите в Европа – онлайн (сайтове, социални "
            "мрежи, видеа) и офлайн (доклади, национални конференции и заключителна европейска "
            "конференция), включително към градове извън консорциума.",
        ),
        "target_groups": [TCN, LOCAL_AUTHORITIES],
        "themes": ["integration-strategies", "participation"],
        "regions": [
            "cartagena",
            "cluj-napoca",
            "dietzenbach",
            "linkoping",
            "lublin",
            "ravenna",
            "riga",
        ],
        "centres": [],
        "partners": [],
        "outputs": [
            (
                OutputKind.ASSESSMENT,
                7,
                (
                    "Intercultural city assessments",
                    "Evaluări interculturale ale orașelor",
                    "Междукултурни оценки на градовете",
                ),
            ),
            (
                OutputKind.STRATEGY,
                7,
                (
                    "Integration strategies defined and piloted",
                    "Strategii de integrare definite și testate pilot",
                    "Определени и пилотно приложени стратегии за интеграция",
                ),
            ),
            (
                OutputKind.CONFERENCE,
                1,
                (
                    "Final European conference",
                    "Conferința europeană finală",
                    "Заключителна европейска конференция",
                ),
            ),
        ],
    },
    "connection": {
        "acronym": "CONNECTION",
        "programme": "amif-union-actions",
        "reference": "",
        "start_date": None,
        "end_date": None,
        "stated_duration_months": None,
        "total_budget": None,
        "currency": Currency.EUR,
        "official_title": ("CONNECTION – integration initiative by connecting cities", "en"),
        "titles": (
            "CONNECTION – integration initiative by connecting cities",
            "CONNECTION – inițiativă de integrare prin conectarea orașelor",
            # A proper name: the Bulgarian story translates it, the project does not.
            "CONNECTION – инициатива за интеграция чрез свързване на градовете",
        ),
        "summaries": (
            "Twenty-two European cities learn from each other in four communities of practice "
            "to integrate migrants better.",
            "Douăzeci și două de orașe europene învață unele de la altele în patru comunități "
            "de practică pentru o mai bună integrare a migranților.",
            "Двадесет и два европейски града се учат един от друг в четири общности на "
            "практиката за по-добра интеграция на мигрантите.",
        ),
        "descriptions": (
            "CONNECTION brings 22 cities and other stakeholders together in four thematic "
            "communities of practice: a strategic approach to integration, participation and "
            "engagement; gender in integration policy; employment of migrants; and a one-stop-"
            "shop model of services. Through workshops, on-site training, action planning and "
            "implementation, the cities develop good practice and tackle shared challenges.\n\n"
            "The partner cities named so far are Sofia, Antwerp, Athens, Dortmund, Gothenburg, "
            "Madrid, Paris, Rotterdam, Tampere, Turin, Utrecht, Warsaw, Zagreb and Thessaloniki.",
            "CONNECTION reunește 22 de orașe și alți actori în patru comunități tematice de "
            "practică: abordarea strategică a integrării, participare și implicare; dimensiunea "
            "de gen în politicile de integrare; ocuparea migranților; un model de servicii de tip "
            "ghișeu unic. Prin ateliere, instruire la fața locului, planificare și punere în "
            "practică, orașele dezvoltă bune practici și abordează provocări comune.\n\n"
            "Orașele partenere numite sunt Sofia, Anvers, Atena, Dortmund, Göteborg, Madrid, "
            "Paris, Rotterdam, Tampere, Torino, Utrecht, Varșovia, Zagreb și Salonic.",
            "CONNECTION събира 22 града и други заинтересовани страни в четири тематични "
            "общности на практиката: стратегически подход към интеграцията, участие и "
            "ангажираност; пол и равнопоставеност в политиките за интеграция; заетост на "
            "мигрантите; модел на услуги „на едно гише“. Чрез семинари, обучения на място, "
            "планиране и изпълнение на действия градовете създават добри практики и решават общи "
            "предизвикателства.\n\n"
            "Назованите градове партньори са София, Антверпен, Атина, Дортмунд, Гьотеборг, "
            "Мадрид, Париж, Ротердам, Тампере, Торино, Утрехт, Варшава, Загреб и Солун.",
        ),
        "target_groups": [TCN, LOCAL_AUTHORITIES],
        "themes": [
            "integration-strategies",
            "participation",
            "gender",
            "employment",
            "one-stop-shops",
        ],
        "regions": [
            "sofia",
            "antwerp",
            "athens",
            "dortmund",
            "gothenburg",
            "madrid",
            "paris",
            "rotterdam",
            "tampere",
            "turin",
            "utrecht",
            "warsaw",
            "zagreb",
            "thessaloniki",
        ],
        "centres": [],
        "partners": [
            ("eurocities", ParticipationRole.COORDINATOR, None, None),
            ("migrationwork", ParticipationRole.EXPERT_ORGANISATION, None, None),
            (
                "sofia-development-association",
                ParticipationRole.PARTNER,
                None,
                (
                    "Works mainly on removing the barriers migrants face in finding work, with "
                    "Sofia Municipality, businesses and NGOs.",
                    "Lucrează mai ales la înlăturarea obstacolelor din calea angajării "
                    "migranților, împreună cu Primăria Sofia, mediul de afaceri și ONG-urile.",
                    "Работи главно за преодоляване на пречките пред заетостта на мигрантите – "
                    "заедно със Столична община, бизнеса и неправителствения сектор.",
                ),
            ),
        ],
        "outputs": [
            (OutputKind.WORKSHOP, 14, ("", "", "")),
            (OutputKind.STAFF_EXCHANGE, 14, ("", "", "")),
            (OutputKind.ACTION_PLAN, 7, ("", "", "")),
            (
                OutputKind.SMALL_GRANT,
                5,
                (
                    "To carry out the action plans",
                    "Pentru punerea în practică a planurilor de acțiune",
                    "За изпълнение на плановете за действие",
                ),
            ),
        ],
    },
    "integra": {
        "acronym": "INTEGRA",
        "programme": "amif-union-actions",
        "reference": "",
        "start_date": None,
        "end_date": None,
        "stated_duration_months": None,
        "total_budget": None,
        "currency": Currency.EUR,
        "titles": ("INTEGRA", "INTEGRA", "INTEGRA"),
        "summaries": (
            "Helps local authorities, small ones above all, reach the information and funding "
            "for migrant integration that is available at European level.",
            "Ajută autoritățile locale, mai ales pe cele mici, să ajungă la informațiile și "
            "finanțarea pentru integrarea migranților disponibile la nivel european.",
            "Помага на местните власти, най-вече на малките, да достигнат до информацията и "
            "финансирането за интеграция на мигранти, налични на европейско ниво.",
        ),
        "descriptions": (
            "Many local authorities, especially small ones, struggle to reach the resources the "
            "EU offers for integration, both in knowing about them and in obtaining funding. "
            "INTEGRA, led by Sofia Development Association with partners from Sofia, Prague, "
            "Košice and Osijek, works on this challenge.",
            "Multe autorități locale, mai ales cele mici, ajung greu la resursele oferite de UE "
            "pentru integrare, atât ca informare, cât și ca finanțare. INTEGRA, condus de "
            "Asociația pentru Dezvoltarea Sofiei, cu parteneri din Sofia, Praga, Košice și "
            "Osijek, lucrează la această provocare.",
            "Много местни власти, особено малките, трудно достигат до ресурсите на ЕС за "
            "интеграция – както като информираност, така и като финансиране. INTEGRA, воден от "
            "Асоциация за развитие на София, с партньори от София, Прага, Кошице и Осиек, работи "
            "по това предизвикателство.",
        ),
        "target_groups": [LOCAL_AUTHORITIES],
        "themes": ["local-cooperation", "public-perception"],
        "regions": ["sofia", "prague", "kosice", "osijek"],
        "centres": [],
        "partners": [
            ("sofia-development-association", ParticipationRole.LEAD_PARTNER, None, None),
        ],
        "outputs": [],
    },
    "niem": {
        "acronym": "NIEM",
        "programme": "amif-union-actions",
        "reference": "",
        "start_date": None,
        "end_date": None,
        "stated_duration_months": None,
        "total_budget": None,
        "currency": Currency.EUR,
        "official_title": ("NIEM – National Integration Evaluation Mechanism", "en"),
        "titles": (
            "NIEM – National Integration Evaluation Mechanism",
            "NIEM – Mecanismul național de evaluare a integrării",
            "NIEM – Национален механизъм за оценка на интеграцията",
        ),
        "summaries": (
            "A transnational project that measures how well countries integrate beneficiaries "
            "of international protection; in Romania it set up the CDMiR coalition.",
            "Proiect transnațional care măsoară cât de bine integrează statele beneficiarii de "
            "protecție internațională; în România a creat coaliția CDMiR.",
            "Транснационален проект, който измерва колко добре държавите интегрират лицата с "
            "международна закрила; в Румъния създаде коалицията CDMiR.",
        ),
        "descriptions": (
            "The NIEM tool, its baseline and the preliminary findings of the first evaluation "
            "cycle informed the recommendations the CDMiR coalition made on Romania's law on the "
            "integration of foreigners and its secondary rules.",
            "Instrumentul NIEM, evaluarea de referință și constatările preliminare ale primului "
            "ciclu de evaluare au stat la baza recomandărilor coaliției CDMiR privind legea "
            "integrării străinilor și normele ei secundare.",
            "Инструментът NIEM, базовата оценка и предварителните резултати от първия "
            "оценителен цикъл са в основата на препоръките на коалицията CDMiR по румънския "
            "закон за интеграция на чужденците и подзаконовите му норми.",
        ),
        "target_groups": [BIP],
        "themes": ["integration-evaluation"],
        "regions": ["romania"],
        "centres": [],
        "partners": [("center-for-public-innovation", ParticipationRole.PARTNER, None, None)],
        "outputs": [],
    },
    "snapshots-from-the-borders": {
        "acronym": "Snapshots from the Borders",
        "programme": "eu-funding-dear",
        "reference": "",
        "start_date": None,
        "end_date": None,
        "stated_duration_months": None,
        "total_budget": None,
        "currency": Currency.EUR,
        "official_title": ("Snapshots from the Borders", "en"),
        "titles": (
            "Snapshots from the Borders",
            "Snapshots from the Borders",
            "Snapshots from the Borders",
        ),
        "summaries": (
            "A transnational EU-funded project on migration at Europe's borders; its Romanian "
            "partner is Novapolis Association.",
            "Proiect transnațional finanțat de UE despre migrația la granițele Europei; "
            "partenerul român este Asociația Novapolis.",
            "Транснационален проект, финансиран от ЕС, за миграцията по границите на Европа; "
            "румънският партньор е сдружение „Новаполис“.",
        ),
        "descriptions": ("", "", ""),
        "target_groups": [],
        "themes": ["local-cooperation"],
        "regions": ["romania"],
        "centres": [],
        "partners": [("novapolis", ParticipationRole.PARTNER, None, None)],
        "outputs": [],
    },
}


def load_programmes(organisations: dict[str, Organisation]) -> dict[str, FundingProgramme]:
    programmes = {}
    for slug, data in PROGRAMMES.items():
        authority = data["managing_authority"]
        programmes[slug], _created = FundingProgramme.objects.update_or_create(
            slug=slug,
            defaults={
                "fund": data["fund"],
                "period": data["period"],
                "managing_authority": organisations[authority] if authority else None,
                **tr("name", *data["names"]),
                **tr("short_name", *data["short_names"]),
            },
        )
    return programmes


def load_themes() -> dict[str, ThematicArea]:
    themes = {}
    for slug, names in THEMES.items():
        themes[slug], _created = ThematicArea.objects.update_or_create(
            slug=slug, defaults=tr("name", *names)
        )
    return themes


def load_projects(
    *,
    programmes: dict[str, FundingProgramme],
    regions: dict[str, Region],
    organisations: dict[str, Organisation],
    centres: dict[str, IntegrationCentre],
) -> dict[str, Project]:
    themes = load_themes()
    target_groups = {group.code: group for group in TargetGroup.objects.all()}
    projects = {}
    for slug, data in PROJECTS.items():
        official_title, official_language = data.get("official_title", ("", ""))
        project, _created = Project.objects.update_or_create(
            slug=slug,
            defaults={
                "acronym": data["acronym"],
                "programme": programmes[data["programme"]],
                "reference": data["reference"],
                "start_date": data["start_date"],
                "end_date": data["end_date"],
                "stated_duration_months": data["stated_duration_months"],
                "total_budget": data["total_budget"],
                "currency": data["currency"],
                "official_title": official_title,
                "official_title_language": official_language,
                "is_published": True,
                **tr("title", *data["titles"]),
                **tr("summary", *data["summaries"]),
                **tr("description", *data["descriptions"]),
            },
        )
        project.full_clean()
        project.target_groups.set([target_groups[code] for code in data["target_groups"]])
        project.thematic_areas.set([themes[theme] for theme in data["themes"]])
        for region_slug in data["regions"]:
            ProjectRegion.objects.get_or_create(project=project, region=regions[region_slug])
        for centre_slug in data["centres"]:
            ProjectCentre.objects.get_or_create(project=project, centre=centres[centre_slug])
        for organisation_slug, role, number, contribution in data["partners"]:
            Participation.objects.update_or_create(
                project=project,
                organisation=organisations[organisation_slug],
                defaults={
                    "role": role,
                    "partner_number": number,
                    **tr("contribution", *(contribution or ("", "", ""))),
                },
            )
        for order, (kind, quantity, descriptions) in enumerate(data["outputs"]):
            PlannedOutput.objects.update_or_create(
                project=project,
                kind=kind,
                defaults={"quantity": quantity, "order": order, **tr("description", *descriptions)},
            )
        projects[slug] = project
    return projects
