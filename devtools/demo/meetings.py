"""The meetings and events of the stories, with agenda, organisers and (fictional) attendees."""

import datetime
import zoneinfo

from devtools.demo.text import tr
from meetings.enums import (
    ActionItemKind,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    OrganisationRoleInMeeting,
    Presence,
    ProjectRoleInMeeting,
)
from meetings.models import (
    ActionItem,
    AgendaItem,
    Attendance,
    Meeting,
    MeetingOrganisation,
    MeetingProject,
)
from partners.models import Organisation, Region
from projects.models import Project

ORGANISER = OrganisationRoleInMeeting.ORGANISER
SPEAKER = OrganisationRoleInMeeting.SPEAKER
SUPPORTING = OrganisationRoleInMeeting.SUPPORTING
TAKING_PART = OrganisationRoleInMeeting.PARTICIPANT


def _on(year: int, month: int, day: int, zone: str, hour: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, tzinfo=zoneinfo.ZoneInfo(zone))


# Rows earlier versions of the demo made up, removed from databases that still have them: a
# first INTEGRARE+ meeting with an invented date, once kept only to make the Constanța meeting
# count as the 2nd (which it now states).
RETIRED_MEETING_SLUGS = ["integrare-plus-quarterly-meeting-1"]

MEETINGS: dict[str, dict] = {
    "integrare-plus-quarterly-meeting-constanta-2016": {
        "kind": MeetingKind.QUARTERLY_COORDINATION,
        # The story calls it the 2nd quarterly meeting; the 1st is not in the portal.
        "stated_ordinal": 2,
        "format": MeetingFormat.IN_PERSON,
        "starts_at": _on(2016, 12, 7, "Europe/Bucharest"),
        "timezone": "Europe/Bucharest",
        "all_day": True,
        "city": "constanta",
        "host": "prefecture-constanta",
        "region": "region-2",
        "status": MeetingStatus.HELD,
        "is_published": True,
        "participant_count": None,
        "titles": (
            "Quarterly coordination meeting of Region 2 in Constanța",
            "Întâlnirea trimestrială de coordonare a Regiunii 2 la Constanța",
            "Тримесечна координационна среща на Регион 2 в Констанца",
        ),
        "venues": (
            "Prefect's Institution – Constanța County",
            "Instituția Prefectului – Județul Constanța",
            "Институция на префекта – окръг Констанца",
        ),
        "summaries": (
            "Public institutions and other actors working on the integration of beneficiaries of "
            "international protection and third-country nationals in Region 2 met in Constanța "
            "to find practical ways of working together. The meeting is part of building "
            "partnerships and local support networks that strengthen cooperation between "
            "institutions across the region's seven counties.",
            "Instituțiile publice și ceilalți actori care lucrează la integrarea beneficiarilor "
            "de protecție internațională și a resortisanților țărilor terțe din Regiunea 2 s-au "
            "reunit la Constanța pentru a găsi modalități practice de a lucra împreună. "
            "Întâlnirea face parte din construirea de parteneriate și rețele locale de sprijin "
            "care întăresc cooperarea dintre instituțiile celor șapte județe ale regiunii.",
            "Публичните институции и другите участници, които работят за интеграцията на лицата "
            "с международна закрила и гражданите на трети страни в Регион 2, се срещнаха в "
            "Констанца, за да намерят практически начини за съвместна работа. Срещата е част от "
            "изграждането на партньорства и местни мрежи за подкрепа, които укрепват "
            "сътрудничеството между институциите в седемте окръга на региона.",
        ),
        "minutes": (
            "Participants reviewed the activities and results of the Regional Integration "
            "Centres in Galați and Constanța and of the Vaslui working point. They discussed the "
            "role of local communities and how organisations and public institutions in "
            "Constanța, Tulcea, Brăila, Vrancea, Bacău, Vaslui and Galați can support "
            "integration, and together identified ways to cooperate and act in a coordinated way "
            "at local and regional level.",
            "Participanții au analizat activitățile și rezultatele Centrelor Regionale pentru "
            "Integrare de la Galați și Constanța și ale Punctului de lucru Vaslui. Au discutat "
            "rolul comunităților locale și modul în care organizațiile și instituțiile publice "
            "din Constanța, Tulcea, Brăila, Vrancea, Bacău, Vaslui și Galați pot sprijini "
            "integrarea și au identificat împreună soluții de cooperare și acțiune coordonată la "
            "nivel local și regional.",
            "Участниците обсъдиха дейностите и резултатите на регионалните центрове за "
            "интеграция в Галац и Констанца и на работния пункт във Васлуй. Говориха за ролята на "
            "местните общности и за това как организациите и публичните институции в Констанца, "
            "Тулча, Браила, Вранча, Бакъу, Васлуй и Галац могат да подкрепят интеграцията, и "
            "заедно набелязаха начини за сътрудничество и координирани действия на местно и "
            "регионално ниво.",
        ),
        "projects": [("integrare-plus", ProjectRoleInMeeting.ORGANISER)],
        "organisations": [
            ("world-vision-romania", ORGANISER),
            ("novapolis", ORGANISER),
            ("civic-resource-centre", ORGANISER),
        ],
        "agenda": [
            (
                "Results of the regional centres in Galați and Constanța and the Vaslui working "
                "point",
                "Rezultatele centrelor regionale de la Galați și Constanța și ale punctului de "
                "lucru Vaslui",
                "Резултати на регионалните центрове в Галац и Констанца и на работния пункт във "
                "Васлуй",
            ),
            (
                "The role of local communities in supporting integration",
                "Rolul comunităților locale în sprijinirea integrării",
                "Ролята на местните общности в подкрепа на интеграцията",
            ),
            (
                "Local and regional cooperation between institutions and organisations",
                "Cooperarea locală și regională dintre instituții și organizații",
                "Местно и регионално сътрудничество между институции и организации",
            ),
        ],
        # Fictional people, so that attendance sheets and reports have rows to show.
        "attendees": [
            ("Elena Marinescu", "world-vision-romania", "Project coordinator"),
            ("Andrei Popa", "novapolis", "Integration expert"),
            ("Ioana Dumitru", "civic-resource-centre", "Social worker"),
            ("Mihai Constantinescu", "prefecture-constanta", "Counsellor"),
        ],
        "action_items": [
            (
                ActionItemKind.DECISION,
                (
                    "Coordinate action at local and regional level to support the integration "
                    "of beneficiaries of international protection and third-country nationals.",
                    "Acțiune coordonată la nivel local și regional pentru sprijinirea integrării "
                    "beneficiarilor de protecție internațională și a resortisanților țărilor "
                    "terțe.",
                    "Координирани действия на местно и регионално ниво в подкрепа на "
                    "интеграцията на лицата с международна закрила и гражданите на трети страни.",
                ),
                None,
                None,
            ),
        ],
    },
    "connection-first-partner-meeting-2020": {
        "kind": MeetingKind.PARTNER_MEETING,
        "format": MeetingFormat.ONLINE,
        "starts_at": _on(2020, 3, 31, "Europe/Brussels"),
        "timezone": "Europe/Brussels",
        "all_day": True,
        "city": None,
        "host": None,
        "region": None,
        "status": MeetingStatus.HELD,
        "is_published": True,
        "participant_count": None,
        "titles": (
            "CONNECTION: first partner meeting",
            "CONNECTION: prima reuniune a partenerilor",
            "CONNECTION: първа партньорска среща",
        ),
        "venues": ("Online", "Online", "Онлайн"),
        "summaries": (
            "The partners discussed the project's main activities: 14 workshops, 14 staff "
            "exchanges, 7 action plans and 5 small grants to carry them out. All partners were "
            "advised on how to communicate about integration, and articles by Sofia Development "
            "Association served as examples of well-made content on migration.",
            "Partenerii au discutat principalele activități ale proiectului: 14 ateliere, 14 "
            "schimburi de personal, 7 planuri de acțiune și 5 granturi mici pentru punerea lor "
            "în practică. Toți partenerii au primit sfaturi despre comunicarea pe teme de "
            "integrare, iar articolele Asociației pentru Dezvoltarea Sofiei au fost date ca "
            "exemplu de conținut bine realizat despre migrație.",
            "Партньорите обсъдиха основните дейности по проекта: 14 работни срещи, 14 обмена на "
            "персонал, 7 плана за действие и 5 малки гранта за изпълнението им. Всички партньори "
            "получиха съвети как да комуникират теми, свързани с интеграцията, а статиите на "
            "Асоциация за развитие на София бяха посочени като пример за добре изготвено "
            "съдържание за миграцията.",
        ),
        "minutes": ("", "", ""),
        "projects": [("connection", ProjectRoleInMeeting.ORGANISER)],
        "organisations": [
            ("eurocities", ORGANISER),
            ("sofia-development-association", TAKING_PART),
        ],
        "agenda": [],
    },
    "act-locally-conference-brussels-2019": {
        "kind": MeetingKind.CONFERENCE,
        "format": MeetingFormat.IN_PERSON,
        "starts_at": _on(2019, 12, 3, "Europe/Brussels"),
        "timezone": "Europe/Brussels",
        "all_day": True,
        "city": "brussels",
        "host": "european-committee-of-the-regions",
        "region": None,
        "status": MeetingStatus.HELD,
        "is_published": True,
        "participant_count": 400,
        "titles": (
            "Act locally: regions, cities and provinces supporting migrant integration",
            "Acționează local: regiuni, orașe și provincii în sprijinul integrării migranților",
            "„Действай локално“: региони, градове и провинции в подкрепа на интеграцията на "
            "мигранти",
        ),
        "venues": ("", "", ""),
        "summaries": (
            "More than 400 representatives of local and regional authorities learned about the "
            "support available at European level and exchanged their practice. The European "
            "Committee of the Regions, which had recently launched its “Cities and Regions for "
            "Integration” initiative, organised the conference with Commission services working "
            "on employment, social affairs and inclusion, education and culture, regional and "
            "urban policy, and the Joint Research Centre. INTEGRA partners from Sofia, Prague, "
            "Košice and Osijek attended.",
            "Peste 400 de reprezentanți ai autorităților locale și regionale au aflat ce sprijin "
            "este disponibil la nivel european și și-au împărtășit practicile. Comitetul European "
            "al Regiunilor, care lansase de curând inițiativa „Orașe și regiuni pentru "
            "integrare”, a organizat conferința împreună cu servicii ale Comisiei pentru ocupare, "
            "afaceri sociale și incluziune, educație și cultură, politică regională și urbană și "
            "cu Centrul Comun de Cercetare. Au participat parteneri INTEGRA din Sofia, Praga, "
            "Košice și Osijek.",
            "Над 400 представители на местните и регионалните власти научиха каква подкрепа има "
            "на европейско ниво и обмениха практики. Европейският комитет на регионите, който "
            "наскоро беше стартирал инициативата „Градове и региони за интеграция“, организира "
            "конференцията заедно със служби на Комисията по заетост, социални въпроси и "
            "приобщаване, образование и култура, регионални и градски въпроси и Съвместния "
            "изследователски център. Участваха партньори по INTEGRA от София, Прага, Кошице и "
            "Осиек.",
        ),
        "minutes": ("", "", ""),
        "projects": [("integra", ProjectRoleInMeeting.PARTICIPANT)],
        "organisations": [
            ("european-committee-of-the-regions", ORGANISER),
            ("european-commission", SUPPORTING),
            ("sofia-development-association", TAKING_PART),
        ],
        "agenda": [
            (
                "Workshop: public perception of migrants and refugees in Europe, how it relates "
                "to facts, and the role of opinion makers and local politicians",
                "Atelier: percepția publică asupra migranților și refugiaților în Europa, "
                "legătura ei cu faptele și rolul formatorilor de opinie și al politicienilor "
                "locali",
                "Семинар: общественото възприятие за мигрантите и бежанците в Европа, връзката "
                "му с фактите и ролята на формиращите мнение и на местните политици",
            ),
        ],
        "speakers": [
            "Sevdalina Voynova, INTEGRA project manager, Sofia Development Association (moderator)"
        ],
    },
    "local-stakeholders-migrant-integration-bucharest-2019": {
        "kind": MeetingKind.PUBLIC_EVENT,
        "format": MeetingFormat.IN_PERSON,
        "starts_at": _on(2019, 10, 3, "Europe/Bucharest"),
        "timezone": "Europe/Bucharest",
        "all_day": True,
        "city": "bucharest",
        "host": None,
        "region": "romania",
        "status": MeetingStatus.HELD,
        "is_published": True,
        "participant_count": None,
        "titles": (
            "Romania: the role of local stakeholders in migrants' integration",
            "România: rolul actorilor locali în integrarea migranților",
            "Румъния: ролята на местните участници в интеграцията на мигрантите",
        ),
        "venues": ("", "", ""),
        "summaries": (
            "A half-day public event, held as an open meeting of the CDMiR coalition. Local and "
            "central authorities, civil society and practitioners debated the role of local "
            "authorities and of cooperation between many actors in managing migration and "
            "including migrants and refugees. Representatives of Timiș County and AIDRom's local "
            "office presented the joint local teams that mentor beneficiaries of international "
            "protection through tailored integration programmes, a practice supported by UNHCR "
            "and the General Inspectorate for Immigration that is to be scaled up nationally.",
            "Eveniment public de o jumătate de zi, desfășurat ca întâlnire deschisă a coaliției "
            "CDMiR. Autorități locale și centrale, societatea civilă și practicieni au dezbătut "
            "rolul autorităților locale și al cooperării dintre mai mulți actori în gestionarea "
            "migrației și incluziunea migranților și refugiaților. Reprezentanții județului Timiș "
            "și ai biroului local AIDRom au prezentat echipele locale comune care îi îndrumă pe "
            "beneficiarii de protecție internațională prin programe de integrare adaptate, o "
            "practică sprijinită de UNHCR și de Inspectoratul General pentru Imigrări, care va fi "
            "extinsă la nivel național.",
            "Полудневно публично събитие, проведено като открита среща на коалицията CDMiR. "
            "Местни и централни власти, гражданско общество и практици обсъдиха ролята на "
            "местните власти и на сътрудничеството между много участници в управлението на "
            "миграцията и приобщаването на мигранти и бежанци. Представители на окръг Тимиш и на "
            "местния офис на AIDRom представиха съвместните местни екипи, които наставляват "
            "лицата с международна закрила чрез индивидуални програми за интеграция – практика, "
            "подкрепена от ВКБООН и Главния инспекторат по имиграция, която ще бъде разширена на "
            "национално ниво.",
        ),
        "minutes": ("", "", ""),
        "projects": [
            ("niem", ProjectRoleInMeeting.ORGANISER),
            ("snapshots-from-the-borders", ProjectRoleInMeeting.ORGANISER),
        ],
        "organisations": [
            ("center-for-public-innovation", ORGANISER),
            ("novapolis", ORGANISER),
            ("cdmir", ORGANISER),
            ("aidrom", SPEAKER),
            ("migrant-integration-center-brasov", SPEAKER),
            ("unhcr-bucharest", SUPPORTING),
        ],
        "agenda": [
            (
                "Joint local teams mentoring beneficiaries of international protection in Timiș "
                "County",
                "Echipele locale comune care îi îndrumă pe beneficiarii de protecție "
                "internațională în județul Timiș",
                "Съвместните местни екипи, които наставляват лицата с международна закрила в "
                "окръг Тимиш",
            ),
        ],
        "speakers": ["Local authorities of Timiș County and AIDRom's Timiș office"],
    },
}


def load_meetings(
    *,
    regions: dict[str, Region],
    organisations: dict[str, Organisation],
    projects: dict[str, Project],
) -> dict[str, Meeting]:
    for retired in Meeting.objects.filter(slug__in=RETIRED_MEETING_SLUGS):
        retired.delete()
    meetings = {}
    for slug, data in MEETINGS.items():
        meeting, _created = Meeting.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": data["kind"],
                "stated_ordinal": data.get("stated_ordinal"),
                "format": data["format"],
                "starts_at": data["starts_at"],
                "timezone": data["timezone"],
                "all_day": data["all_day"],
                "city": regions[data["city"]] if data["city"] else None,
                "host": organisations[data["host"]] if data["host"] else None,
                "region": regions[data["region"]] if data["region"] else None,
                "status": data["status"],
                "is_published": data["is_published"],
                "participant_count": data["participant_count"],
                **tr("title", *data["titles"]),
                **tr("venue", *data["venues"]),
                **tr("summary", *data["summaries"]),
                **tr("minutes", *data.get("minutes", ("", "", ""))),
            },
        )
        meeting.full_clean()
        for project_slug, role in data["projects"]:
            MeetingProject.objects.update_or_create(
                meeting=meeting, project=projects[project_slug], defaults={"role": role}
            )
        for organisation_slug, role in data["organisations"]:
            MeetingOrganisation.objects.update_or_create(
                meeting=meeting,
                organisation=organisations[organisation_slug],
                defaults={"role": role},
            )
        speakers = data.get("speakers", [])
        for order, titles in enumerate(data["agenda"], start=1):
            AgendaItem.objects.update_or_create(
                meeting=meeting,
                order=order,
                defaults={
                    "speaker": speakers[order - 1] if order <= len(speakers) else "",
                    **tr("title", *titles),
                },
            )
        for name, organisation_slug, position in data.get("attendees", []):
            Attendance.objects.update_or_create(
                meeting=meeting,
                person_name=name,
                defaults={
                    "organisation": organisations[organisation_slug],
                    "position": position,
                    "email": f"{name.lower().replace(' ', '.')}@example.org",
                    "presence": Presence.ATTENDED,
                },
            )
        for kind, texts, organisation_slug, due_date in data.get("action_items", []):
            ActionItem.objects.update_or_create(
                meeting=meeting,
                text_en=texts[0],
                defaults={
                    "kind": kind,
                    "responsible_organisation": (
                        organisations[organisation_slug] if organisation_slug else None
                    ),
                    "due_date": due_date,
                    **tr("text", *texts),
                },
            )
        meetings[slug] = meeting
    return meetings
