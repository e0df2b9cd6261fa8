"""Synthetic data at the size of a national network, for load tests and the benchmark.

`generate(scale=1)` writes 500 regions in a four-level tree, 3,000 organisations, 1,000 centres,
5,000 projects with 20,000 participations and 40,000 meetings with 400,000 attendance rows,
120,000 agenda items and 60,000 action items; `scale` multiplies every count. Texts come in
English, Romanian and Bulgarian, with diacritics and Cyrillic.

Rows go in with `bulk_create` in batches, so `save()` and `full_clean()` do not run: what they
would derive (a region's `path`, the folded `search_text`) is computed here. History tables are
left empty. A seeded random generator makes two runs with the same seed write the same rows.
"""

import datetime
import math
import random
import time
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, models, transaction
from django.utils import timezone, translation
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User
from accounts.roles import Role
from core.public_cache import content_changed
from meetings.enums import (
    ActionItemKind,
    ActionItemStatus,
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
from partners.enums import CentreKind, OrganisationKind, RegionKind
from partners.models import (
    Contact,
    IntegrationCentre,
    Language,
    Organisation,
    Region,
    Service,
    TargetGroup,
)
from projects.coverage import refresh_coverage
from projects.enums import Fund, OutputKind, ParticipationRole
from projects.models import (
    FundingProgramme,
    Participation,
    PlannedOutput,
    Project,
    ProjectCentre,
    ProjectRegion,
    ThematicArea,
)

SLUG_PREFIX = "syn"
BATCH_SIZE = 2000
PARTNERS_PER_PROJECT_FLOOR = 2
SYNTHETIC_EMAIL_DOMAIN = "synthetic.example.org"
UNUSABLE_PASSWORD = make_password(None)

Progress = Callable[[str, int, float], None]


@dataclass(frozen=True)
class Counts:
    """How many rows of each kind one run writes."""

    countries: int
    regions: int
    counties: int
    cities: int
    organisations: int
    contacts: int
    centres: int
    programmes: int
    projects: int
    participations: int
    planned_outputs: int
    coordinators: int
    meetings: int
    attendances: int
    agenda_items: int
    action_items: int

    BASE = {
        "countries": 1,
        "regions": 8,
        "counties": 41,
        "cities": 450,
        "organisations": 3000,
        "contacts": 6000,
        "centres": 1000,
        "programmes": 20,
        "projects": 5000,
        "participations": 20000,
        "planned_outputs": 10000,
        "coordinators": 200,
        "meetings": 40000,
        "attendances": 400000,
        "agenda_items": 120000,
        "action_items": 60000,
    }

    @classmethod
    def at_scale(cls, scale: float) -> "Counts":
        values = {name: max(1, round(base * scale)) for name, base in cls.BASE.items()}
        # A project needs a few organisations to have partners at all.
        values["organisations"] = max(values["organisations"], PARTNERS_PER_PROJECT_FLOOR + 2)
        return cls(**values)

    @property
    def total_regions(self) -> int:
        return self.countries + self.regions + self.counties + self.cities

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# --- Words, in (English, Romanian, Bulgarian)

CITY_NAMES = [
    "Constanța", "Galați", "Brăila", "Tulcea", "Focșani", "Bacău", "Iași", "Timișoara",
    "Cluj-Napoca", "Brașov", "Pitești", "Ploiești", "Craiova", "Buzău", "Suceava", "Botoșani",
    "Bistrița", "Târgu Mureș", "Sfântu Gheorghe", "Râmnicu Vâlcea", "Călărași", "Slobozia",
    "Giurgiu", "Alexandria", "Târgoviște", "Reșița", "Hunedoara", "Zalău", "Baia Mare",
    "Satu Mare", "Oradea", "Arad", "Deva", "Alba Iulia", "Sibiu", "Mediaș", "Făgăraș", "Onești",
    "Pașcani", "Vaslui", "Bârlad", "Huși", "Tecuci", "Mangalia", "Medgidia", "Năvodari", "Măcin",
    "Isaccea", "Piatra Neamț", "Miercurea Ciuc",
]  # fmt: skip

THEMES = [
    ("integration", "integrare", "интеграция"),
    ("refugee support", "sprijinirea refugiaților", "подкрепа на бежанците"),
    ("intercultural dialogue", "dialog intercultural", "междукултурен диалог"),
    ("human rights", "drepturile omului", "правата на човека"),
    ("migrant inclusion", "incluziunea migranților", "приобщаване на мигрантите"),
    ("education", "educație", "образование"),
    ("employment", "ocuparea forței de muncă", "заетост"),
    ("health care", "îngrijirea sănătății", "здравеопазване"),
    ("legal aid", "asistență juridică", "правна помощ"),
    ("language learning", "învățarea limbii", "изучаване на езика"),
    ("housing", "locuire", "жилищно настаняване"),
    ("local partnerships", "parteneriate locale", "местни партньорства"),
]

ORGANISATION_FORMS = {
    OrganisationKind.NGO: (
        "Association for {t} {c}",
        "Asociația pentru {t} {c}",
        "Сдружение за {t} {c}",
    ),
    OrganisationKind.PUBLIC_AUTHORITY: (
        "Prefecture of {c}",
        "Instituția Prefectului {c}",
        "Префектура {c}",
    ),
    OrganisationKind.LOCAL_AUTHORITY: ("Municipality of {c}", "Primăria {c}", "Община {c}"),
    OrganisationKind.INTERNATIONAL: (
        "{c} Office for {t}",
        "Biroul {c} pentru {t}",
        "Бюро {c} за {t}",
    ),
    OrganisationKind.NETWORK: ("{c} Network for {t}", "Rețeaua {c} pentru {t}", "Мрежа {c} за {t}"),
    OrganisationKind.ACADEMIC: (
        "{c} Institute of {t}",
        "Institutul {c} de {t}",
        "Институт {c} по {t}",
    ),
    OrganisationKind.OTHER: (
        "{c} Foundation for {t}",
        "Fundația {c} pentru {t}",
        "Фондация {c} за {t}",
    ),
}

PROJECT_FORMS = (
    "Together for {t} in {c}, phase {n}",
    "Împreună pentru {t} în {c}, etapa {n}",
    "Заедно за {t} в {c}, етап {n}",
)

MEETING_FORMS = {
    MeetingKind.QUARTERLY_COORDINATION: (
        "Coordination meeting in {c}",
        "Întâlnire de coordonare la {c}",
        "Координационна среща в {c}",
    ),
    MeetingKind.PARTNER_MEETING: (
        "Partner meeting in {c}",
        "Întâlnirea partenerilor la {c}",
        "Партньорска среща в {c}",
    ),
    MeetingKind.CONFERENCE: (
        "Conference on {t} in {c}",
        "Conferință despre {t} la {c}",
        "Конференция за {t} в {c}",
    ),
    MeetingKind.PUBLIC_EVENT: (
        "Open day on {t} in {c}",
        "Zi deschisă despre {t} la {c}",
        "Ден на отворените врати за {t} в {c}",
    ),
    MeetingKind.WORKSHOP: (
        "Workshop on {t} in {c}",
        "Atelier despre {t} la {c}",
        "Работилница за {t} в {c}",
    ),
    MeetingKind.WEBINAR: ("Webinar on {t}", "Webinar despre {t}", "Уебинар за {t}"),
}

SENTENCES = [
    (
        "Partners reviewed the cases handled in {c} and agreed next steps on {t}.",
        "Partenerii au analizat cazurile din {c} și au stabilit pașii următori privind {t}.",
        "Партньорите прегледаха случаите в {c} и договориха следващите стъпки за {t}.",
    ),
    (
        "The prefecture, the municipality and the NGOs of {c} shared their data on {t}.",
        "Prefectura, primăria și ONG-urile din {c} și-au împărtășit datele despre {t}.",
        "Префектурата, общината и НПО-тата от {c} споделиха данните си за {t}.",
    ),
    (
        "Beneficiaries of international protection spoke about access to {t}.",
        "Beneficiarii de protecție internațională au vorbit despre accesul la {t}.",
        "Лицата с международна закрила говориха за достъпа до {t}.",
    ),
    (
        "The integration centre in {c} presented its counselling figures for the quarter.",
        "Centrul de integrare din {c} și-a prezentat cifrele de consiliere pe trimestru.",
        "Интеграционният център в {c} представи данните си за консултациите през тримесечието.",
    ),
]

AGENDA_TOPICS = [
    ("Welcome and introductions", "Cuvânt de bun venit și prezentări", "Откриване и представяне"),
    (
        "Progress since the last meeting",
        "Progresul de la ultima întâlnire",
        "Напредък от последната среща",
    ),
    (
        "Cases from the integration centre",
        "Cazuri de la centrul de integrare",
        "Случаи от интеграционния център",
    ),
    ("Access to health care", "Accesul la servicii medicale", "Достъп до здравни услуги"),
    ("Romanian language courses", "Cursuri de limba română", "Курсове по румънски език"),
    (
        "Employment and recognition of diplomas",
        "Ocupare și recunoașterea diplomelor",
        "Заетост и признаване на дипломи",
    ),
    ("Next quarter's plan", "Planul pentru trimestrul următor", "План за следващото тримесечие"),
    ("Any other business", "Diverse", "Разни"),
]

ACTIONS = [
    (
        "Send the updated list of services to all partners.",
        "Trimiterea listei actualizate de servicii tuturor partenerilor.",
        "Изпращане на обновения списък с услуги до всички партньори.",
    ),
    (
        "Prepare the quarterly report on {t}.",
        "Pregătirea raportului trimestrial privind {t}.",
        "Подготовка на тримесечния доклад за {t}.",
    ),
    (
        "Organise an information session in {c}.",
        "Organizarea unei sesiuni de informare la {c}.",
        "Организиране на информационна среща в {c}.",
    ),
    (
        "Ask the county school inspectorate about enrolment.",
        "Solicitarea informațiilor de la inspectoratul școlar județean.",
        "Запитване до областния инспекторат по образованието.",
    ),
]

FIRST_NAMES = [
    "Ana", "Ioana", "Mihai", "Andrei", "Elena", "Ștefan", "Cătălina", "Răzvan", "Alexandra",
    "Florin", "Georgiana", "Țicu", "Ahmad", "Fatima", "Olena", "Dmytro", "Layla", "Omar",
    "Мария", "Георги", "Иван", "Десислава", "Petra", "Jakub",
]  # fmt: skip
LAST_NAMES = [
    "Popescu", "Ionescu", "Dumitrescu", "Stănescu", "Munteanu", "Constantinescu", "Rădulescu",
    "Țurcanu", "Băncilă", "Moldovan", "Karimi", "Haddad", "Kovalenko", "Shevchenko", "Rahimi",
    "Иванова", "Петров", "Димитрова", "Novák", "Kowalska",
]  # fmt: skip

POSITIONS = ["project manager", "social worker", "legal adviser", "cultural mediator", "director"]

CYRILLIC = str.maketrans(
    {
        "a": "а", "ă": "ъ", "â": "ъ", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г",
        "h": "х", "i": "и", "î": "ъ", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "o": "о",
        "p": "п", "q": "к", "r": "р", "s": "с", "ș": "ш", "ş": "ш", "t": "т", "ț": "ц", "ţ": "ц",
        "u": "у", "v": "в", "w": "в", "x": "кс", "y": "й", "z": "з",
    }
)  # fmt: skip


def to_cyrillic(name: str) -> str:
    """A rough Bulgarian spelling of a Romanian place name: "Brăila" gives "Бръила"."""
    return name.lower().translate(CYRILLIC).title()


def ascii_slug(text: str) -> str:
    from django.utils.text import slugify

    return slugify(text.replace("ș", "s").replace("ț", "t"))


def spread(total: int, over: int) -> list[int]:
    """`total` split as evenly as possible into `over` whole parts."""
    base, extra = divmod(total, over)
    return [base + (1 if index < extra else 0) for index in range(over)]


def _translated(field: str, en: str, ro: str, bg: str) -> dict[str, str]:
    return {f"{field}_en": en, f"{field}_ro": ro, f"{field}_bg": bg}


class RowMaker:
    """Builds unsaved instances of `model` from column values, several times faster than
    `model(**values)`: positional arguments skip the keyword handling of Django and of
    modeltranslation, which dominates when half a million rows are made.

    Related objects may be given by field name; they are also cached on the instance, so
    `search_parts()` can read them without a query.
    """

    def __init__(self, model: type[models.Model]) -> None:
        self.model = model
        fields_ = model._meta.concrete_fields
        self.attnames = [field.attname for field in fields_]
        self.defaults = [None if field.primary_key else field.get_default() for field in fields_]
        self.relations = {field.name: field for field in fields_ if field.is_relation}

    def __call__(self, values: dict) -> models.Model:
        cached = []
        for name, field in self.relations.items():
            if name in values:
                related = values.pop(name)
                values[field.attname] = None if related is None else related.pk
                if related is not None:
                    cached.append((field, related))
        row = self.model(
            *[
                values.pop(name, default)
                for name, default in zip(self.attnames, self.defaults, strict=True)
            ]
        )
        if values:
            raise TypeError(f"{self.model.__name__} has no columns {sorted(values)}")
        for field, related in cached:
            field.set_cached_value(row, related)
        return row


class CopyWriter:
    """Streams rows of `model` into PostgreSQL with COPY, the fastest way in.

    `write()` takes rows whose primary keys nobody needs back, as dicts by column attribute
    name (`meeting_id`); the untranslated column of a translated field gets its
    default-language value, as modeltranslation would store it. `write_objects()` takes
    instances whose primary keys were reserved with `reserve_ids()`.
    """

    def __init__(self, model: type[models.Model], *, with_pk: bool = False) -> None:
        fields_ = [
            field for field in model._meta.concrete_fields if with_pk or not field.primary_key
        ]
        self.attnames = [field.attname for field in fields_]
        self.defaults = {field.attname: field.get_default() for field in fields_}
        self.file_fields = {
            field.attname for field in fields_ if isinstance(field, models.FileField)
        }
        quote = connection.ops.quote_name
        self.sql = "COPY {} ({}) FROM STDIN".format(
            quote(model._meta.db_table), ", ".join(quote(field.column) for field in fields_)
        )
        self.base_columns: dict[str, str] = {}
        if model in translator.get_registered_models():
            for name in translator.get_options_for_model(model).all_fields:
                self.base_columns[name] = build_localized_fieldname(name, settings.LANGUAGE_CODE)

    def write(self, rows: Iterable[dict]) -> int:
        count = 0
        with connection.cursor() as cursor, cursor.cursor.copy(self.sql) as copy:
            for values in rows:
                if count == 0 and not set(values) <= set(self.attnames):
                    raise TypeError(f"Unknown columns {sorted(set(values) - set(self.attnames))}")
                for base, localized in self.base_columns.items():
                    values.setdefault(base, values.get(localized) or "")
                copy.write_row([values.get(name, self.defaults[name]) for name in self.attnames])
                count += 1
        return count

    def write_objects(self, objects: Iterable[models.Model]) -> None:
        file_columns = [name for name in self.attnames if name in self.file_fields]
        with connection.cursor() as cursor, cursor.cursor.copy(self.sql) as copy:
            for obj in objects:
                values = {name: getattr(obj, name) for name in self.attnames}
                for name in file_columns:
                    values[name] = values[name].name or ""
                copy.write_row(list(values.values()))


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """Take `count` primary keys from the table's sequence (PostgreSQL)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [model._meta.db_table, model._meta.pk.column, count],
        )
        return [row[0] for row in cursor.fetchall()]


class SearchTextFiller:
    """Sets `search_text` as `save()` would, for the models that keep one.

    The same place names and sentences recur across thousands of rows, so each part is folded
    once and the parts are joined. The first rows of each model are checked against the
    model's own rule; should the rule ever stop being "fold each part, join with spaces",
    every row goes through the rule itself.
    """

    CHECKED_ROWS = 20

    def __init__(self) -> None:
        self.folded: dict[str, str] = {}
        self.trusted: dict[type[models.Model], bool] = {}

    def fill(self, objects: Sequence[models.Model]) -> None:
        if not objects or not hasattr(objects[0], "search_parts"):
            return
        from core.search import SearchName, build_search_names, build_search_text

        model = type(objects[0])
        if model not in self.trusted:
            self.trusted[model] = all(
                self._join(obj.search_parts()) == build_search_text(obj.search_parts())
                for obj in objects[: self.CHECKED_ROWS]
            )
        for obj in objects:
            parts = list(obj.search_parts())
            obj.search_text = self._join(parts) if self.trusted[model] else build_search_text(parts)
            # The names alone, short: folded as they are, without the cache.
            obj.search_names = build_search_names(p for p in parts if isinstance(p, SearchName))

    def _join(self, parts: Iterable[object]) -> str:
        from core.search import build_search_text

        folded = []
        for part in parts:
            if part in (None, ""):
                continue
            text = str(part)
            value = self.folded.get(text)
            if value is None:
                value = self.folded[text] = build_search_text([text])
            folded.append(value)
        return " ".join(folded)


class SyntheticDataExists(Exception):
    pass


class Generator:
    PARAGRAPHS_PER_CITY = 6

    def __init__(self, *, scale: float, seed: int, progress: Progress | None = None) -> None:
        self.counts = Counts.at_scale(scale)
        self.random = random.Random(seed)
        self.progress = progress or (lambda label, count, seconds: None)
        self.today = timezone.localdate()
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.written: dict[str, int] = {}
        self.makers: dict[type[models.Model], RowMaker] = {}
        self.search_text = SearchTextFiller()
        self.paragraphs: dict[tuple[int, int], list[tuple[str, str, str]]] = {}

    # --- writing

    def create(self, model: type[models.Model], rows: Iterable[dict]) -> list:
        """Insert `rows` and return the saved instances, primary keys set."""
        maker = self.makers.get(model)
        if maker is None:
            maker = self.makers[model] = RowMaker(model)
        objects = [maker(values) for values in rows]
        self.search_text.fill(objects)
        if connection.vendor != "postgresql":
            return model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        for obj, pk in zip(objects, reserve_ids(model, len(objects)), strict=True):
            obj.pk = pk
            obj._state.adding = False
            obj._state.db = connection.alias
        CopyWriter(model, with_pk=True).write_objects(objects)
        return objects

    def insert(self, model: type[models.Model], rows: Iterable[dict]) -> int:
        """Insert `rows` without reading anything back; returns how many."""
        if connection.vendor == "postgresql":
            return CopyWriter(model).write(rows)
        return len(self.create(model, rows))

    def _step(self, label: str, work: Callable[[], list | int]) -> list | int:
        started = time.perf_counter()
        result = work()
        count = result if isinstance(result, int) else len(result)
        self.written[label] = self.written.get(label, 0) + count
        self.progress(label, count, time.perf_counter() - started)
        return result

    # --- words

    def _theme(self) -> tuple[str, str, str]:
        return self.random.choice(THEMES)

    def _sentence(
        self, forms: tuple[str, str, str], city: Region, number: int = 0
    ) -> tuple[str, str, str]:
        theme = self._theme()
        names = (city.name_en, city.name_ro, city.name_bg)
        return tuple(
            form.format(c=name, t=topic, n=number)
            for form, name, topic in zip(forms, names, theme, strict=True)
        )

    def _paragraph(self, city: Region, sentences: int) -> tuple[str, str, str]:
        """A paragraph about `city`, from a small pool per city, as real minutes repeat."""
        pool = self.paragraphs.setdefault((city.pk, sentences), [])
        if len(pool) < self.PARAGRAPHS_PER_CITY:
            parts = [self._sentence(self.random.choice(SENTENCES), city) for _ in range(sentences)]
            pool.append(tuple(" ".join(column) for column in zip(*parts, strict=True)))
            return pool[-1]
        return self.random.choice(pool)

    def _person(self) -> str:
        return f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"

    # --- steps

    def generate(self) -> dict[str, int]:
        if Region.objects.filter(slug__startswith=f"{SLUG_PREFIX}-").exists():
            raise SyntheticDataExists(
                "Synthetic data is already present; generate into an empty database."
            )
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            self.regions()
            self.organisations()
            self.contacts()
            self.centres()
            self.programmes()
            self.projects()
            self.coordinators()
            self.meetings()
        return self.written

    def regions(self) -> None:
        counts = self.counts
        levels = [
            (RegionKind.COUNTRY, counts.countries),
            (RegionKind.REGION, counts.regions),
            (RegionKind.COUNTY, counts.counties),
            (RegionKind.CITY, counts.cities),
        ]

        def work() -> list[Region]:
            created: list[Region] = []
            parents: list[Region] = []
            for kind, count in levels:
                rows = self.create(
                    Region,
                    (
                        self._region(
                            kind, index, parents[index % len(parents)] if parents else None
                        )
                        for index in range(count)
                    ),
                )
                # Region.save() derives the path from the primary key, known only now.
                for row in rows:
                    row.path = f"{row.parent.path if row.parent else '/'}{row.pk}/"
                Region.objects.bulk_update(rows, ["path"], batch_size=BATCH_SIZE)
                created += rows
                parents = rows
            return created

        everything = self._step("regions", work)
        self.cities = [region for region in everything if region.kind == RegionKind.CITY]
        self.counties = [region for region in everything if region.kind == RegionKind.COUNTY]
        by_pk = {region.pk: region for region in everything}
        self.country_of = {
            city.pk: by_pk[int(city.path.strip("/").split("/")[0])] for city in self.cities
        }

    def _region(self, kind: RegionKind, index: int, parent: Region | None) -> dict:
        if kind == RegionKind.COUNTRY:
            names = ("Romania", "România", "Румъния") if index == 0 else (
                f"Country {index + 1}", f"Țara {index + 1}", f"Държава {index + 1}"
            )  # fmt: skip
            code = "RO" if index == 0 else f"X{index}"
        elif kind == RegionKind.REGION:
            names = (f"Region {index + 1}", f"Regiunea {index + 1}", f"Регион {index + 1}")
            code = ""
        else:
            base = CITY_NAMES[index % len(CITY_NAMES)]
            round_ = index // len(CITY_NAMES)
            suffix = f" {round_ + 1}" if round_ else ""
            if kind == RegionKind.COUNTY:
                names = (
                    f"{base}{suffix} County",
                    f"Județul {base}{suffix}",
                    f"Окръг {to_cyrillic(base)}{suffix}",
                )
                code = f"RO-{index:02d}"
            else:
                names = (f"{base}{suffix}", f"{base}{suffix}", f"{to_cyrillic(base)}{suffix}")
                code = ""
        return {
            "slug": f"{SLUG_PREFIX}-{kind}-{index + 1}-{ascii_slug(names[0])}"[:200],
            "kind": kind,
            "parent": parent,
            "code": code,
            "path": "",
            **_translated("name", *names),
            **_translated(
                "description",
                f"{names[0]} in the national integration network.",
                f"{names[1]} în rețeaua națională de integrare.",
                f"{names[2]} в националната мрежа за интеграция.",
            ),
        }

    def organisations(self) -> None:
        kinds = list(ORGANISATION_FORMS)
        weights = [55, 8, 15, 4, 5, 5, 8]

        def rows():
            for index in range(self.counts.organisations):
                city = self.cities[index % len(self.cities)]
                kind = self.random.choices(kinds, weights)[0]
                theme = self._theme()
                names = [
                    form.format(c=place, t=topic) + f" ({index + 1})"
                    for form, place, topic in zip(
                        ORGANISATION_FORMS[kind],
                        (city.name_en, city.name_ro, city.name_bg),
                        theme,
                        strict=True,
                    )
                ]
                yield {
                    "slug": f"{SLUG_PREFIX}-org-{index + 1}",
                    "acronym": f"O{index + 1:04d}",
                    "kind": kind,
                    "country": self.country_of[city.pk],
                    "city": city,
                    "website": f"https://org{index + 1}.example.org/",
                    **_translated("name", *names),
                    **_translated("description", *self._paragraph(city, 2)),
                }

        self.organisation_list = self._step(
            "organisations", lambda: self.create(Organisation, rows())
        )

    def contacts(self) -> None:
        def rows():
            for index in range(self.counts.contacts):
                organisation = self.organisation_list[index % len(self.organisation_list)]
                yield {
                    "organisation": organisation,
                    "name": self._person(),
                    "position": self.random.choice(POSITIONS),
                    "email": f"contact{index + 1}@{SYNTHETIC_EMAIL_DOMAIN}",
                    "phone": f"+40 7{index % 100:02d} {index:06d}",
                }

        contacts = self._step("contacts", lambda: self.create(Contact, rows()))
        self.contacts_of: dict[int, list[Contact]] = {}
        for contact in contacts:
            self.contacts_of.setdefault(contact.organisation_id, []).append(contact)

    def centres(self) -> None:
        def rows():
            for index in range(self.counts.centres):
                city = self.cities[index % len(self.cities)]
                kind = CentreKind.REGIONAL_CENTRE if index % 5 == 0 else CentreKind.WORKING_POINT
                yield {
                    "slug": f"{SLUG_PREFIX}-centre-{index + 1}",
                    "kind": kind,
                    "organisation": self.random.choice(self.organisation_list),
                    "city": city,
                    "address": f"Strada Mihai Eminescu {index % 200 + 1}, {city.name_ro}",
                    "latitude": Decimal("44.000000") + Decimal(index % 1000) / 1000,
                    "longitude": Decimal("26.000000") + Decimal(index % 700) / 1000,
                    "phone": f"+40 241 {index:06d}",
                    "email": f"centre{index + 1}@{SYNTHETIC_EMAIL_DOMAIN}",
                    "is_active": index % 20 != 0,
                    **_translated(
                        "name",
                        f"Integration centre {city.name_en} {index + 1}",
                        f"Centrul de integrare {city.name_ro} {index + 1}",
                        f"Интеграционен център {city.name_bg} {index + 1}",
                    ),
                    **_translated(
                        "opening_hours",
                        "Monday to Friday, 9:00–17:00",
                        "Luni–vineri, 9:00–17:00",
                        "Понеделник–петък, 9:00–17:00",
                    ),
                    **_translated("description", *self._paragraph(city, 2)),
                }

        self.centre_list = self._step("centres", lambda: self.create(IntegrationCentre, rows()))
        services = list(Service.objects.values_list("pk", flat=True))
        languages = list(Language.objects.values_list("pk", flat=True))
        groups = list(TargetGroup.objects.values_list("pk", flat=True))

        def links() -> int:
            written = 0
            for through, column, choices, per_centre in [
                (IntegrationCentre.services.through, "service_id", services, 3),
                (IntegrationCentre.languages.through, "language_id", languages, 3),
                (IntegrationCentre.target_groups.through, "targetgroup_id", groups, 2),
            ]:
                written += self.insert(
                    through,
                    (
                        {"integrationcentre_id": centre.pk, column: pk}
                        for centre in self.centre_list
                        for pk in self.random.sample(choices, min(per_centre, len(choices)))
                    ),
                )
            return written

        self._step("centre services, languages and groups", links)

    def programmes(self) -> None:
        funds = list(Fund)

        def rows():
            for index in range(self.counts.programmes):
                year = 2007 + 7 * (index % 3)
                number = index + 1
                yield {
                    "slug": f"{SLUG_PREFIX}-programme-{number}",
                    "fund": funds[index % len(funds)],
                    "period": f"{year}-{year + 7}",
                    "managing_authority": self.organisation_list[
                        index % len(self.organisation_list)
                    ],
                    "website": "https://programme.example.org/",
                    **_translated(
                        "name",
                        f"National integration programme {number}",
                        f"Programul național de integrare {number}",
                        f"Национална програма за интеграция {number}",
                    ),
                    **_translated("short_name", f"NIP {number}", f"PNI {number}", f"НПИ {number}"),
                    **_translated("description", "", "", ""),
                }

        self.programme_list = self._step(
            "programmes", lambda: self.create(FundingProgramme, rows())
        )

        def areas() -> list[ThematicArea]:
            existing = {area.slug: area for area in ThematicArea.objects.all()}
            wanted = {f"{SLUG_PREFIX}-{ascii_slug(en)}": (en, ro, bg) for en, ro, bg in THEMES}
            created = self.create(
                ThematicArea,
                (
                    {"slug": slug, **_translated("name", *names)}
                    for slug, names in wanted.items()
                    if slug not in existing
                ),
            )
            self.area_list = [existing[slug] for slug in wanted if slug in existing] + created
            return created

        self._step("thematic areas", areas)

    def projects(self) -> None:
        today = self.today

        def rows():
            for index in range(self.counts.projects):
                city = self.cities[index % len(self.cities)]
                start = today - datetime.timedelta(days=self.random.randint(-365, 10 * 365))
                months = self.random.choice([12, 18, 24, 36, 48])
                budget = Decimal(self.random.randint(50, 2000) * 1000)
                published = index % 10 != 0
                yield {
                    "slug": f"{SLUG_PREFIX}-project-{index + 1}",
                    "acronym": f"P{index + 1:05d}",
                    "programme": self.programme_list[index % len(self.programme_list)],
                    "reference": f"FAMI/{start.year}/{index + 1:05d}",
                    "start_date": start,
                    "end_date": start + datetime.timedelta(days=months * 30),
                    "total_budget": budget,
                    "eu_contribution": (budget * Decimal("0.75")).quantize(Decimal("0.01")),
                    "currency": "EUR",
                    "website": f"https://project{index + 1}.example.org/",
                    "is_published": published,
                    "published_at": timezone.now() if published else None,
                    **_translated("title", *self._sentence(PROJECT_FORMS, city, number=index + 1)),
                    **_translated("summary", *self._paragraph(city, 1)),
                    **_translated("description", *self._paragraph(city, 4)),
                }

        self.project_list = self._step("projects", lambda: self.create(Project, rows()))
        self._participations()
        self._project_links()
        self._planned_outputs()

    def _participations(self) -> None:
        per_project = spread(self.counts.participations, len(self.project_list))
        organisation_ids = [organisation.pk for organisation in self.organisation_list]
        partner_roles = [
            ParticipationRole.PARTNER,
            ParticipationRole.PARTNER,
            ParticipationRole.PARTNER,
            ParticipationRole.ASSOCIATED_PARTNER,
            ParticipationRole.EXPERT_ORGANISATION,
        ]
        lead_roles = [ParticipationRole.BENEFICIARY, ParticipationRole.LEAD_PARTNER]
        self.partners_of: dict[int, list[int]] = {}

        def rows():
            for project, count in zip(self.project_list, per_project, strict=True):
                chosen = self.random.sample(organisation_ids, min(count, len(organisation_ids)))
                self.partners_of[project.pk] = chosen
                number = 0
                for position, organisation_id in enumerate(chosen):
                    if position == 0:
                        role = self.random.choice(lead_roles)
                    else:
                        role = self.random.choice(partner_roles)
                    partner_number = None
                    if role == ParticipationRole.PARTNER:
                        number += 1
                        partner_number = number
                    yield {
                        "project_id": project.pk,
                        "organisation_id": organisation_id,
                        "role": role,
                        "partner_number": partner_number,
                        **_translated(
                            "contribution",
                            f"Work package {position + 1}",
                            f"Pachetul de lucru {position + 1}",
                            f"Работен пакет {position + 1}",
                        ),
                    }

        self._step("participations", lambda: self.insert(Participation, rows()))

    def _project_links(self) -> None:
        place_ids = [region.pk for region in self.cities + self.counties]
        centre_ids = [centre.pk for centre in self.centre_list]
        group_ids = list(TargetGroup.objects.values_list("pk", flat=True))

        def work() -> int:
            projects = self.project_list
            return (
                self.insert(
                    ProjectRegion,
                    (
                        {"project_id": project.pk, "region_id": pk}
                        for project in projects
                        for pk in self.random.sample(place_ids, min(2, len(place_ids)))
                    ),
                )
                + self.insert(
                    ProjectCentre,
                    (
                        {"project_id": project.pk, "centre_id": self.random.choice(centre_ids)}
                        for project in projects[::5]
                    ),
                )
                + self.insert(
                    Project.target_groups.through,
                    (
                        {"project_id": project.pk, "targetgroup_id": pk}
                        for project in projects
                        for pk in self.random.sample(group_ids, min(2, len(group_ids)))
                    ),
                )
                + self.insert(
                    Project.thematic_areas.through,
                    (
                        {
                            "project_id": project.pk,
                            "thematicarea_id": self.area_list[index % len(self.area_list)].pk,
                        }
                        for index, project in enumerate(projects)
                    ),
                )
            )

        self._step("project places, centres, groups and areas", work)

    def _planned_outputs(self) -> None:
        kinds = list(OutputKind)
        per_project = spread(self.counts.planned_outputs, len(self.project_list))

        def rows():
            for project, count in zip(self.project_list, per_project, strict=True):
                for order in range(count):
                    yield {
                        "project_id": project.pk,
                        "kind": self.random.choice(kinds),
                        "quantity": self.random.randint(1, 40),
                        "order": order,
                        **_translated("description", "", "", ""),
                    }

        self._step("planned outputs", lambda: self.insert(PlannedOutput, rows()))

    def coordinators(self) -> None:
        group = Group.objects.filter(name=Role.COORDINATOR).first()

        def work() -> list[User]:
            users = self.create(
                User,
                (
                    {
                        "email": f"coordinator{index + 1}@{SYNTHETIC_EMAIL_DOMAIN}",
                        "full_name": self._person(),
                        "is_staff": True,
                        "password": UNUSABLE_PASSWORD,
                    }
                    for index in range(self.counts.coordinators)
                ),
            )
            if group:
                self.insert(
                    User.groups.through,
                    ({"user_id": user.pk, "group_id": group.pk} for user in users),
                )
            # Each coordinator looks after a slice of the projects, as in a real network.
            self.insert(
                Project.coordinators.through,
                (
                    {"project_id": project.pk, "user_id": users[index % len(users)].pk}
                    for index, project in enumerate(self.project_list)
                ),
            )
            return users

        self._step("coordinators", work)

    def meetings(self) -> None:
        kinds = list(MEETING_FORMS)
        kind_weights = [50, 15, 8, 10, 12, 5]
        now = timezone.now()
        first = now - datetime.timedelta(days=8 * 365)
        span = (now + datetime.timedelta(days=365) - first).total_seconds()
        lead_of = {project_id: ids[0] for project_id, ids in self.partners_of.items() if ids}
        host_ids = {organisation.pk: organisation for organisation in self.organisation_list}

        def rows():
            for index in range(self.counts.meetings):
                project = self.project_list[index % len(self.project_list)]
                city = self.random.choice(self.cities)
                kind = self.random.choices(kinds, kind_weights)[0]
                starts_at = first + datetime.timedelta(seconds=self.random.random() * span)
                starts_at = starts_at.astimezone(self.zone).replace(
                    hour=self.random.choice([9, 10, 11, 14]), minute=0, second=0, microsecond=0
                )
                if starts_at > now:
                    status = MeetingStatus.DRAFT if index % 10 == 0 else MeetingStatus.PLANNED
                elif index % 20 < 2:
                    status = MeetingStatus.DRAFT
                elif index % 20 == 2:
                    status = MeetingStatus.CANCELLED
                else:
                    status = MeetingStatus.HELD
                published = status != MeetingStatus.DRAFT and index % 11 != 0
                minutes = self._paragraph(city, 3) if status == MeetingStatus.HELD else ("", "", "")
                yield {
                    "slug": f"{SLUG_PREFIX}-meeting-{index + 1}",
                    "kind": kind,
                    "format": (
                        MeetingFormat.ONLINE
                        if kind == MeetingKind.WEBINAR
                        else MeetingFormat.IN_PERSON
                    ),
                    "starts_at": starts_at,
                    "ends_at": starts_at + datetime.timedelta(hours=self.random.choice([2, 3, 6])),
                    "timezone": settings.TIME_ZONE,
                    "address": f"Bulevardul Unirii {index % 90 + 1}",
                    "city": city,
                    "host": host_ids.get(lead_of.get(project.pk)),
                    "region": self.random.choice(self.counties),
                    "status": status,
                    "is_published": published,
                    "published_at": now if published else None,
                    **_translated("title", *self._sentence(MEETING_FORMS[kind], city)),
                    **_translated(
                        "venue",
                        f"Town hall of {city.name_en}",
                        f"Primăria {city.name_ro}",
                        f"Кметство {city.name_bg}",
                    ),
                    **_translated("summary", *self._paragraph(city, 2)),
                    **_translated("minutes", *minutes),
                }

        self.meeting_list = self._step("meetings", lambda: self.create(Meeting, rows()))
        self._meeting_links()
        self._agenda()
        self._attendance()
        self._action_items()

    def _meeting_links(self) -> None:
        projects = self.project_list

        def project_links():
            for index, meeting in enumerate(self.meeting_list):
                project = projects[index % len(projects)]
                yield {
                    "meeting_id": meeting.pk,
                    "project_id": project.pk,
                    "role": ProjectRoleInMeeting.ORGANISER,
                }
                other = projects[(index * 7 + 3) % len(projects)]
                if index % 5 == 0 and other.pk != project.pk:
                    yield {
                        "meeting_id": meeting.pk,
                        "project_id": other.pk,
                        "role": ProjectRoleInMeeting.PARTICIPANT,
                    }

        def organisation_links():
            for index, meeting in enumerate(self.meeting_list):
                project = projects[index % len(projects)]
                for position, organisation_id in enumerate(self.partners_of[project.pk][:2]):
                    yield {
                        "meeting_id": meeting.pk,
                        "organisation_id": organisation_id,
                        "role": (
                            OrganisationRoleInMeeting.ORGANISER
                            if position == 0
                            else OrganisationRoleInMeeting.PARTICIPANT
                        ),
                    }

        self._step(
            "meeting projects and organisations",
            lambda: (
                self.insert(MeetingProject, project_links())
                + self.insert(MeetingOrganisation, organisation_links())
            ),
        )

    def _agenda(self) -> None:
        per_meeting = spread(self.counts.agenda_items, len(self.meeting_list))

        def rows():
            for meeting, count in zip(self.meeting_list, per_meeting, strict=True):
                hour = meeting.local_starts_at.hour
                for order in range(count):
                    yield {
                        "meeting_id": meeting.pk,
                        "order": order + 1,
                        "time": datetime.time(min(23, hour + order // 2), 30 * (order % 2)),
                        "speaker": self._person(),
                        **_translated("title", *AGENDA_TOPICS[order % len(AGENDA_TOPICS)]),
                        **_translated("description", "", "", ""),
                    }

        self._step("agenda items", lambda: self.insert(AgendaItem, rows()))

    def _attendance(self) -> None:
        per_meeting = spread(self.counts.attendances, len(self.meeting_list))
        presences = [Presence.ATTENDED] * 7 + [Presence.EXCUSED, Presence.ABSENT, Presence.EXPECTED]
        organisations = self.organisation_list

        def rows():
            serial = 0
            for meeting, count in zip(self.meeting_list, per_meeting, strict=True):
                held = meeting.status == MeetingStatus.HELD
                for _ in range(count):
                    serial += 1
                    organisation = organisations[serial % len(organisations)]
                    known = self.contacts_of.get(organisation.pk)
                    contact = known[serial % len(known)] if known and serial % 3 == 0 else None
                    yield {
                        "meeting_id": meeting.pk,
                        "contact_id": contact.pk if contact else None,
                        "person_name": contact.name if contact else self._person(),
                        "organisation_id": organisation.pk,
                        "position": self.random.choice(POSITIONS),
                        "email": f"person{serial}@{SYNTHETIC_EMAIL_DOMAIN}",
                        "presence": self.random.choice(presences) if held else Presence.EXPECTED,
                    }

        self._step("attendance", lambda: self.insert(Attendance, rows()))

    def _action_items(self) -> None:
        per_meeting = spread(self.counts.action_items, len(self.meeting_list))

        def rows():
            for meeting, count in zip(self.meeting_list, per_meeting, strict=True):
                held_on = meeting.local_starts_at.date()
                for position in range(count):
                    done = meeting.is_past and position % 2 == 0
                    yield {
                        "meeting_id": meeting.pk,
                        "kind": ActionItemKind.DECISION if position == 2 else ActionItemKind.ACTION,
                        "responsible_organisation_id": meeting.host_id,
                        "due_date": held_on + datetime.timedelta(days=60),
                        "status": ActionItemStatus.DONE if done else ActionItemStatus.OPEN,
                        "closed_on": held_on + datetime.timedelta(days=45) if done else None,
                        **_translated(
                            "text", *self._sentence(self.random.choice(ACTIONS), meeting.city)
                        ),
                    }

        self._step("action items", lambda: self.insert(ActionItem, rows()))


def generate(*, scale: float = 1.0, seed: int = 1, progress: Progress | None = None) -> dict:
    """Write synthetic rows at `scale` into the current database, in one transaction.

    Side effects: creates regions, organisations, contacts, centres, programmes, thematic areas,
    projects and their links, coordinator accounts (no usable password) and meetings with
    agenda, attendance and action items. Raises SyntheticDataExists if a run already wrote here.
    """
    if not math.isfinite(scale) or scale <= 0:
        raise ValueError("The scale must be a positive number.")
    written = Generator(scale=scale, seed=seed, progress=progress).generate()
    # Rows went in by COPY and bulk_create, which send no signals: derive what the receivers
    # would have, and drop what the cache holds.
    refresh_coverage()
    content_changed()
    if connection.vendor == "postgresql":
        # Planner statistics and the visibility map (index-only counts), as autovacuum would
        # leave them some minutes later. VACUUM cannot run inside a transaction.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
    return written
