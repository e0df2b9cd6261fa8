from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models, transaction
from django.db.models.functions import Concat, Substr
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.choice_labels import ChoiceLabels
from core.coordinates import MAP_HELP_TEXT, coordinate_errors, latitude_field, longitude_field
from core.detail_urls import slug_url
from core.indexes import search_index, sort_indexes
from core.private_rows import PrivateRowsManager
from core.search import SearchableModel, SearchableQuerySet, names, translations_of
from partners.enums import (
    OFFICIAL_LANGUAGE_CHOICES,
    CentreKind,
    OrganisationKind,
    RegionKind,
)
from partners.signals import region_moved

# Free text is bounded so that a pasted document cannot bloat pages, search text and exports.
DESCRIPTION_MAX_LENGTH = 5_000
OPENING_HOURS_MAX_LENGTH = 1_000
NOTES_MAX_LENGTH = 2_000


class Vocabulary(models.Model):
    """A list editors extend in the admin: each entry has a name in every language and a code,
    made from its name, that public filters put in web addresses (?service=legal)."""

    code = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        blank=True,
        help_text=_(
            "Used in the web addresses of filtered lists. Made from the name when left empty; "
            "changing it breaks links that others saved."
        ),
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        if not self.code:
            self.code = self._free_code()
        super().save(*args, **kwargs)

    def _free_code(self) -> str:
        names = [getattr(self, f"name_{code}", "") for code, _label in settings.LANGUAGES]
        names.append(self.name)
        base = slugify(next((name for name in names if name), ""))[:56] or "entry"
        others = type(self)._default_manager.exclude(pk=self.pk)
        code, number = base, 1
        while others.filter(code=code).exists():
            number += 1
            code = f"{base}-{number}"
        return code


class Service(Vocabulary):
    """A service an integration centre offers."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")


class TargetGroup(Vocabulary):
    """A group of people that projects and centres serve."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Language(models.Model):
    """A language spoken at a centre, by its ISO 639-1 code."""

    code = models.CharField(_("code"), max_length=8, unique=True, help_text=_("ISO 639-1 code."))
    name = models.CharField(_("name"), max_length=100)

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RegionQuerySet(SearchableQuerySet):
    def within(self, region: "Region") -> "RegionQuerySet":
        """The region itself and every region below it."""
        return self.filter(path__startswith=region.path)

    def with_parent(self) -> "RegionQuerySet":
        return self.select_related("parent")


class Region(ChoiceLabels, SearchableModel):
    """A place in the tree country > region > county > city.

    `path` holds the primary keys from the root down ("/1/4/9/"), so a region's descendants are
    one indexed prefix query on any database.
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=RegionKind)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("For example an ISO 3166 code such as RO or RO-CT."),
    )
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    path = models.CharField(_("path"), max_length=255, editable=False, db_index=True)

    objects = RegionQuerySet.as_manager()

    class Meta:
        verbose_name = pgettext_lazy("administrative unit", "region")
        verbose_name_plural = pgettext_lazy("administrative unit", "regions")
        ordering = ["name"]
        indexes = [search_index("region_search_trgm")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        with transaction.atomic():
            super().save(*args, **kwargs)
            parent_path = self.parent.path if self.parent_id else "/"
            new_path = f"{parent_path}{self.pk}/"
            if new_path == self.path:
                return
            old_path = self.path
            Region.objects.filter(pk=self.pk).update(path=new_path)
            if old_path:
                Region.objects.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                    path=Concat(models.Value(new_path), Substr("path", len(old_path) + 1))
                )
            self.path = new_path
            if old_path:
                region_moved.send(sender=Region, region=self)

    def get_absolute_url(self) -> str:
        return slug_url("partners:region-detail", self.slug)

    def search_parts(self) -> list[str]:
        return [*names(*translations_of(self, "name")), self.code]

    @property
    def depth(self) -> int:
        return self.path.count("/") - 2

    @property
    def ancestor_ids(self) -> list[int]:
        return [int(part) for part in self.path.strip("/").split("/")[:-1] if part]

    def clean(self) -> None:
        if not self.parent_id:
            return
        parent = self.parent
        if self.pk and (parent.pk == self.pk or f"/{self.pk}/" in parent.path):
            raise ValidationError({"parent": _("A region cannot sit inside itself.")})
        if self.kind and RegionKind(parent.kind).level >= RegionKind(self.kind).level:
            raise ValidationError(
                {
                    "parent": _("A %(kind)s cannot sit inside a %(parent_kind)s.")
                    % {
                        "kind": RegionKind(self.kind).label.lower(),
                        "parent_kind": RegionKind(parent.kind).label.lower(),
                    }
                }
            )


class OrganisationQuerySet(SearchableQuerySet):
    def with_places(self) -> "OrganisationQuerySet":
        return self.select_related("country", "city")

    def for_list(self) -> "OrganisationQuerySet":
        return self.with_places()

    def reviewed(self) -> "OrganisationQuerySet":
        """Organisations an editor has looked at: the only ones the public site lists."""
        return self.filter(is_reviewed=True)

    def located_in(self, region: Region) -> "OrganisationQuerySet":
        """Organisations whose city or country is the region or a place inside it."""
        return self.filter(
            models.Q(city__path__startswith=region.path)
            | models.Q(country__path__startswith=region.path)
        )


class Organisation(ChoiceLabels, SearchableModel):
    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    official_name = models.CharField(
        _("official name"),
        max_length=255,
        blank=True,
        help_text=_(
            "The name as the organisation writes it in its own language, shown on every "
            "language's page. Leave empty when it is the same as the name above."
        ),
    )
    official_name_language = models.CharField(
        _("language of the official name"),
        max_length=8,
        choices=OFFICIAL_LANGUAGE_CHOICES,
        blank=True,
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=OrganisationKind)
    country = models.ForeignKey(
        Region,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": RegionKind.COUNTRY},
    )
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        limit_choices_to={"kind": RegionKind.CITY},
    )
    address = models.CharField(
        _("address"),
        max_length=255,
        blank=True,
        help_text=_("Street and number, as letters are addressed to the organisation."),
    )
    latitude = latitude_field(help_text=MAP_HELP_TEXT)
    longitude = longitude_field()
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    is_reviewed = models.BooleanField(
        _("reviewed"),
        default=True,
        help_text=_(
            "Organisations that coordinators add while importing an attendance list wait, "
            "unreviewed, until an editor checks their name and details; until then they are "
            "not listed on the public site."
        ),
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        indexes = [
            search_index("organisation_search_trgm"),
            search_index("organisation_names_trgm", "search_names"),
            *sort_indexes("organisation", "name"),
            models.Index(fields=["acronym"], name="organisation_acronym_idx"),
            # Reviewed organisations counted without reading the wide rows.
            models.Index(
                fields=["id"],
                condition=models.Q(is_reviewed=True),
                name="organisation_reviewed_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("partners:organisation-detail", self.slug)

    def search_parts(self) -> list[str]:
        return [
            *names(*translations_of(self, "name"), self.official_name, self.acronym),
            *translations_of(self, "description"),
        ]

    def clean(self) -> None:
        errors = {}
        if self.city_id and self.country_id and f"/{self.country_id}/" not in self.city.path:
            errors["city"] = _("This city is not in the organisation's country.")
        if self.official_name and not self.official_name_language:
            errors["official_name_language"] = _("Say which language the official name is in.")
        errors |= coordinate_errors(self.latitude, self.longitude)
        if errors:
            raise ValidationError(errors)


class IntegrationCentreQuerySet(SearchableQuerySet):
    def active(self) -> "IntegrationCentreQuerySet":
        return self.filter(is_active=True)

    def with_details(self) -> "IntegrationCentreQuerySet":
        return self.select_related("organisation", "city").prefetch_related(
            "services", "languages", "target_groups"
        )


class IntegrationCentre(ChoiceLabels, SearchableModel):
    """A place where migrants get help; its phone and e-mail are its public front desk."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=24, choices=CentreKind)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("operating organisation"),
        on_delete=models.PROTECT,
        related_name="centres",
    )
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="centres",
        limit_choices_to={"kind": RegionKind.CITY},
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = latitude_field()
    longitude = longitude_field()
    opening_hours = models.TextField(
        _("opening hours"),
        max_length=OPENING_HOURS_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(OPENING_HOURS_MAX_LENGTH)],
    )
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    services = models.ManyToManyField(
        Service, verbose_name=_("services offered"), blank=True, related_name="centres"
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages spoken"), blank=True, related_name="centres"
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="centres"
    )
    description = models.TextField(
        _("description"),
        max_length=DESCRIPTION_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(DESCRIPTION_MAX_LENGTH)],
    )
    is_active = models.BooleanField(
        _("open"), default=True, help_text=_("Untick when the centre no longer receives people.")
    )
    closed_on = models.DateField(
        _("closed on"),
        null=True,
        blank=True,
        help_text=_("The day the centre closed, when known."),
    )

    objects = IntegrationCentreQuerySet.as_manager()

    class Meta:
        verbose_name = _("integration centre")
        verbose_name_plural = _("integration centres")
        ordering = ["name"]
        indexes = [
            search_index("centre_search_trgm"),
            search_index("centre_names_trgm", "search_names"),
            *sort_indexes("centre", "name"),
            # The lists, the search and the pages of places and projects show open centres
            # first, then by name.
            *sort_indexes("centre", "name", first=("-is_active",), then=("id",), label="open"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("partners:centre-detail", self.slug)

    def search_parts(self) -> list[str]:
        city_names = translations_of(self.city, "name") if self.city_id else []
        return [
            *names(*translations_of(self, "name")),
            self.address,
            *city_names,
            *translations_of(self, "description"),
        ]

    def clean(self) -> None:
        if errors := coordinate_errors(self.latitude, self.longitude):
            raise ValidationError(errors)
        if self.closed_on and self.is_active:
            raise ValidationError({"closed_on": _("A centre with a closing date is not open.")})


class Contact(models.Model):
    """A person at an organisation. Private: shown to signed-in team members only."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    notes = models.TextField(
        _("notes"),
        max_length=NOTES_MAX_LENGTH,
        blank=True,
        validators=[MaxLengthValidator(NOTES_MAX_LENGTH)],
    )

    # Scoped to the reader: see core.private_rows and partners.permissions.
    objects = PrivateRowsManager()

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"
