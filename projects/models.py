import datetime
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.choice_labels import ChoiceLabels
from core.detail_urls import slug_url
from core.indexes import search_index, sort_indexes
from core.publication import PublishableModel, PublishableQuerySet
from core.search import (
    SearchableModel,
    SearchableQuerySet,
    labels_of,
    names,
    refresh_search_text,
    translations_of,
)
from partners.enums import OFFICIAL_LANGUAGE_CHOICES
from partners.models import IntegrationCentre, Organisation, Region, TargetGroup
from projects.enums import (
    OUTPUT_QUANTITIES,
    Currency,
    Fund,
    OutputKind,
    ParticipationRole,
    ProjectStatus,
)

non_negative = MinValueValidator(0, message=_("An amount cannot be negative."))

# Ceilings on free text, in characters: each text lands on public pages and in search. A summary
# is "one or two sentences" with room to spare; a description of three pages or so
# (10,000 ≈ 1,500 words) says what a project or programme does, and a partner's share is a
# paragraph. TextField's max_length only reaches the form: the validators make full_clean()
# check it too.
PROGRAMME_DESCRIPTION_MAX_LENGTH = 10_000
PROJECT_SUMMARY_MAX_LENGTH = 1_000
PROJECT_DESCRIPTION_MAX_LENGTH = 10_000
CONTRIBUTION_MAX_LENGTH = 2_000


class FundingProgramme(ChoiceLabels, models.Model):
    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("short name"), max_length=80, blank=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    fund = models.CharField(_("fund"), max_length=24, choices=Fund)
    period = models.CharField(
        _("programming period"), max_length=20, blank=True, help_text=_("For example 2014-2020.")
    )
    managing_authority = models.ForeignKey(
        Organisation,
        verbose_name=_("managing authority"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="managed_programmes",
    )
    delegated_body = models.ForeignKey(
        Organisation,
        verbose_name=_("delegated body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegated_programmes",
        help_text=_(
            "The body the managing authority entrusts with running calls and contracts, "
            "where there is one (an intermediate body)."
        ),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=PROGRAMME_DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(PROGRAMME_DESCRIPTION_MAX_LENGTH)],
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("funding programme")
        verbose_name_plural = _("funding programmes")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def save(self, *args, **kwargs) -> None:
        super().save(*args, **kwargs)
        # Its projects are found by the programme's names and fund (Project.search_parts).
        refresh_search_text(self.projects.all())


class ThematicArea(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProjectQuerySet(PublishableQuerySet, SearchableQuerySet):
    def with_programme(self) -> "ProjectQuerySet":
        return self.select_related("programme")

    def with_partners(self) -> "ProjectQuerySet":
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                # With the partners' places, which the project page's map names.
                queryset=Participation.objects.in_role_order().select_related(
                    "organisation__city", "organisation__country"
                ),
            )
        )

    def with_status(self, status: str, *, today: datetime.date | None = None) -> "ProjectQuerySet":
        today = today or timezone.localdate()
        if status == ProjectStatus.PLANNED:
            return self.filter(start_date__gt=today)
        if status == ProjectStatus.ONGOING:
            return self.filter(start_date__lte=today).filter(
                models.Q(end_date__gte=today) | models.Q(end_date__isnull=True)
            )
        if status == ProjectStatus.COMPLETED:
            return self.filter(end_date__lt=today)
        return self.none()

    def coordinated_by(self, user) -> "ProjectQuerySet":
        return self.filter(coordinators=user)

    def covering(self, region: Region) -> "ProjectQuerySet":
        """Projects working in the region or in any place inside it: named as covering it, or
        running a centre there, or with a partner organisation based there."""
        return self.filter(pk__in=ProjectCoverage.objects.filter(region=region).values("project"))

    def for_list(self) -> "ProjectQuerySet":
        return self.with_programme()

    def for_detail(self) -> "ProjectQuerySet":
        """Everything a project page shows, in a fixed number of queries."""
        return (
            self.with_programme()
            .with_partners()
            .prefetch_related(
                models.Prefetch("regions", queryset=Region.objects.order_by("path")),
                models.Prefetch(
                    "centres",
                    queryset=IntegrationCentre.objects.select_related("city")
                    .prefetch_related("languages")
                    .order_by("-is_active", "name"),
                ),
                "planned_outputs",
                "target_groups",
                "thematic_areas",
            )
        )


class Project(ChoiceLabels, PublishableModel, SearchableModel):
    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(
        _("acronym"),
        max_length=60,
        blank=True,
        help_text=_("Written the same in every language."),
    )
    official_title = models.CharField(
        _("official title"),
        max_length=300,
        blank=True,
        help_text=_(
            "The title as the contract gives it, in its own language, shown on every "
            "language's page. Leave empty when it is the same as the title above."
        ),
    )
    official_title_language = models.CharField(
        _("language of the official title"),
        max_length=8,
        choices=OFFICIAL_LANGUAGE_CHOICES,
        blank=True,
    )
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    programme = models.ForeignKey(
        FundingProgramme,
        verbose_name=_("funding programme"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    specific_objective = models.CharField(
        _("specific objective"),
        max_length=255,
        blank=True,
        help_text=_(
            "The programme's specific objective the project serves, as the programme names it "
            "(for example: legal migration and integration)."
        ),
    )
    reference = models.CharField(
        _("reference"),
        max_length=80,
        blank=True,
        help_text=_("Contract reference or grant agreement number."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences."),
        max_length=PROJECT_SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(PROJECT_SUMMARY_MAX_LENGTH)],
    )
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=PROJECT_DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(PROJECT_DESCRIPTION_MAX_LENGTH)],
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    stated_duration_months = models.PositiveSmallIntegerField(
        _("stated duration in months"),
        null=True,
        blank=True,
        help_text=_("Only when the contract gives a duration but not the dates."),
    )
    total_budget = models.DecimalField(
        _("total budget"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency, default="EUR")
    eu_contribution = models.DecimalField(
        _("EU contribution"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[non_negative],
    )
    target_groups = models.ManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True, related_name="projects"
    )
    thematic_areas = models.ManyToManyField(
        ThematicArea, verbose_name=_("thematic areas"), blank=True, related_name="projects"
    )
    partners = models.ManyToManyField(
        Organisation,
        verbose_name=_("partners"),
        through="Participation",
        related_name="projects",
    )
    regions = models.ManyToManyField(
        Region,
        verbose_name=_("regions and cities"),
        through="ProjectRegion",
        related_name="projects",
    )
    centres = models.ManyToManyField(
        IntegrationCentre,
        verbose_name=_("integration centres"),
        through="ProjectCentre",
        related_name="projects",
    )
    website = models.URLField(_("website"), blank=True)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coordinators"),
        blank=True,
        related_name="coordinated_projects",
        help_text=_("People who log this project's meetings."),
    )

    objects = ProjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["-start_date", "title"]
        indexes = [
            search_index("project_search_trgm"),
            search_index("project_names_trgm", "search_names"),
            models.Index(fields=["start_date"], name="project_start_date_idx"),
            models.Index(fields=["end_date"], name="project_end_date_idx"),
            *sort_indexes("project", "title"),
            # Published projects counted and listed newest first without reading the wide
            # rows: the lists' totals, the home page's and every "in published projects".
            models.Index(
                fields=["-start_date", "id"],
                condition=models.Q(is_published=True),
                name="project_public_start_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.acronym or self.title

    def get_absolute_url(self) -> str:
        return slug_url("projects:project-detail", self.slug)

    def search_parts(self) -> list[str]:
        programme = self.programme
        return [
            *names(*translations_of(self, "title"), self.official_title, self.acronym),
            self.reference,
            # "AMIF" or "FAMI" finds the projects its programmes fund.
            *translations_of(programme, "name"),
            *translations_of(programme, "short_name"),
            programme.fund,
            *labels_of(dict(Fund.choices).get(programme.fund, "")),
            *translations_of(self, "specific_objective"),
            *translations_of(self, "summary"),
            *translations_of(self, "description"),
        ]

    def clean(self) -> None:
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if (
            self.eu_contribution is not None
            and self.total_budget is not None
            and self.eu_contribution > self.total_budget
        ):
            errors["eu_contribution"] = _("The EU contribution cannot exceed the total budget.")
        if self.official_title and not self.official_title_language:
            errors["official_title_language"] = _("Say which language the official title is in.")
        if errors:
            raise ValidationError(errors)

    @property
    def display_name(self) -> str:
        """How the project is called everywhere: the acronym before the title, never twice."""
        title, acronym = self.title.strip(), self.acronym.strip()
        if not acronym or title.casefold().startswith(acronym.casefold()):
            return title or acronym
        if not title:
            return acronym
        return f"{acronym}: {title}"

    @property
    def beneficiary(self) -> Organisation | None:
        """The organisation the contract is signed with: the beneficiary, lead partner or
        coordinator, read from the prefetched participations in role order."""
        leading_roles = {
            ParticipationRole.BENEFICIARY,
            ParticipationRole.LEAD_PARTNER,
            ParticipationRole.COORDINATOR,
        }
        for participation in self.participations.all():
            if participation.role in leading_roles:
                return participation.organisation
        return None

    @property
    def national_cofinancing(self) -> Decimal | None:
        """What the total cost asks beyond the EU contribution, when both are known."""
        if self.eu_contribution is None or self.total_budget is None:
            return None
        return self.total_budget - self.eu_contribution

    @property
    def cofinancing_rate(self) -> Decimal | None:
        """The EU contribution as a share of the total cost (0.75 for 75 %), when both are known."""
        if self.eu_contribution is None or not self.total_budget:
            return None
        return self.eu_contribution / self.total_budget

    def status_on(self, day: datetime.date) -> ProjectStatus | None:
        if self.start_date is None:
            return None
        if day < self.start_date:
            return ProjectStatus.PLANNED
        if self.end_date is None or day <= self.end_date:
            return ProjectStatus.ONGOING
        return ProjectStatus.COMPLETED

    @property
    def status(self) -> ProjectStatus | None:
        """Planned, ongoing or completed today; None while the dates are not known."""
        return self.status_on(timezone.localdate())

    @property
    def duration_months(self) -> int | None:
        if self.start_date and self.end_date:
            months = (self.end_date.year - self.start_date.year) * 12
            months += self.end_date.month - self.start_date.month
            # A project that ends the day before its start day-of-month has run whole months.
            if self.end_date.day >= self.start_date.day - 1:
                months += 1
            return months
        return self.stated_duration_months


class ParticipationQuerySet(models.QuerySet):
    def in_role_order(self) -> "ParticipationQuerySet":
        role_rank = models.Case(
            *(
                models.When(role=role, then=models.Value(rank))
                for rank, role in enumerate(ParticipationRole)
            ),
            output_field=models.IntegerField(),
        )
        return self.alias(role_rank=role_rank).order_by(
            "role_rank", "partner_number", "organisation__name"
        )


class Participation(ChoiceLabels, models.Model):
    """An organisation's role in a project."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="participations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    role = models.CharField(_("role"), max_length=24, choices=ParticipationRole)
    partner_number = models.PositiveSmallIntegerField(
        _("partner number"),
        null=True,
        blank=True,
        help_text=_('For a partner: its number in the contract ("Partner 1").'),
    )
    contribution = models.TextField(
        _("contribution"),
        blank=True,
        help_text=_("What this organisation does in the project."),
        max_length=CONTRIBUTION_MAX_LENGTH,
        validators=[MaxLengthValidator(CONTRIBUTION_MAX_LENGTH)],
    )

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            # One organisation may hold several roles: a prefecture can be both the fund's
            # beneficiary and the partnership's lead partner.
            models.UniqueConstraint(
                fields=["project", "organisation", "role"],
                name="unique_participation_role_per_project",
                violation_error_message=_(
                    "This organisation already has this role in the project."
                ),
            ),
            models.UniqueConstraint(
                fields=["project", "partner_number"],
                condition=models.Q(partner_number__isnull=False),
                name="unique_partner_number_per_project",
                violation_error_message=_("Two partners cannot have the same number."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} — {self.role_label}"

    @property
    def role_label(self) -> str:
        if self.role == ParticipationRole.PARTNER and self.partner_number:
            return _("Partner %(number)s") % {"number": self.partner_number}
        return str(self.get_role_display())

    def clean(self) -> None:
        if self.partner_number and self.role != ParticipationRole.PARTNER:
            raise ValidationError({"partner_number": _("Only partners have a partner number.")})


class ProjectRegion(models.Model):
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT)
    region = models.ForeignKey(
        Region,
        verbose_name=_("region or city"),
        on_delete=models.PROTECT,
        related_name="project_links",
    )

    class Meta:
        verbose_name = _("region covered")
        verbose_name_plural = _("regions and cities covered")
        constraints = [
            models.UniqueConstraint(fields=["project", "region"], name="unique_project_region")
        ]

    def __str__(self) -> str:
        return str(self.region)


class ProjectCentre(models.Model):
    project = models.ForeignKey(Project, verbose_name=_("project"), on_delete=models.PROTECT)
    centre = models.ForeignKey(
        IntegrationCentre,
        verbose_name=_("integration centre"),
        on_delete=models.PROTECT,
        related_name="project_links",
    )

    class Meta:
        verbose_name = _("centre run")
        verbose_name_plural = _("centres run")
        constraints = [
            models.UniqueConstraint(fields=["project", "centre"], name="unique_project_centre")
        ]

    def __str__(self) -> str:
        return str(self.centre)


class ProjectCoverage(models.Model):
    """A place a project works in, itself or through a place inside it: every place above and
    including the regions the project names, its centres' cities and its partners' cities and
    countries. Derived from those links and kept by `projects.coverage`; `Project.covering`
    reads it."""

    # Derived rows go with their project or region; the links they come from protect both.
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="+")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["region", "project"], name="unique_region_project")
        ]

    def __str__(self) -> str:
        return f"{self.project_id} in {self.region_id}"


class PlannedOutput(ChoiceLabels, models.Model):
    """Something a project promises to deliver, as its contract counts it."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="planned_outputs"
    )
    kind = models.CharField(_("kind"), max_length=24, choices=OutputKind)
    quantity = models.PositiveIntegerField(_("quantity"))
    description = models.CharField(_("description"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("planned output")
        verbose_name_plural = _("planned outputs")
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return f"{self.quantity} × {self.get_kind_display()}"

    @property
    def quantity_label(self) -> str:
        """The number with the kind in its plural form: "1 conference", "3 workshops"."""
        return OUTPUT_QUANTITIES[self.kind] % {"count": self.quantity}
