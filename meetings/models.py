import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxLengthValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes import scopes_disabled

from core.choice_labels import ChoiceLabels
from core.coordinates import MAP_HELP_TEXT, coordinate_errors, latitude_field, longitude_field
from core.detail_urls import slug_url
from core.indexes import search_index, sort_indexes
from core.private_rows import PrivateQuerySet, PrivateRowsManager
from core.publication import PublishableModel, PublishableQuerySet
from core.quarters import Quarter
from core.search import SearchableModel, SearchableQuerySet, names, translations_of
from meetings.enums import (
    ActionItemKind,
    ActionItemStatus,
    AttachmentKind,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    OrganisationRoleInMeeting,
    Presence,
    ProjectRoleInMeeting,
)
from meetings.numbering import NumberedMeetingIterable, number_quarterly_meetings
from meetings.ordinals import ordinal_label
from meetings.report_storage import prepared_report_storage
from meetings.storage import attachment_storage
from meetings.validators import (
    ALLOWED_ATTACHMENT_EXTENSIONS,
    AttachmentContentValidator,
    MaxFileSizeValidator,
    attachment_upload_to,
    validate_timezone,
)
from partners.enums import RegionKind
from partners.models import Contact, Organisation, Region
from projects.enums import OUTPUT_QUANTITIES, OutputKind
from projects.models import Project

COUNTED_STATUSES = [MeetingStatus.PLANNED, MeetingStatus.HELD]
# Before any meeting: where a project's count starts when none states its number.
SERIES_START = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
# A published meeting is public unless it went back to being a draft.
PUBLISHED_MEETINGS = models.Q(is_published=True) & ~models.Q(status=MeetingStatus.DRAFT)

# Ceilings on free text, in characters. Each text lands on public pages, calendar feeds and PDF
# reports, so one pasted document must not grow them all. Generous for real writing: a summary
# is a few paragraphs (3,000 ≈ 450 words); minutes of a full-day meeting rarely pass ten pages,
# and 50,000 ≈ 7,500 words, some twenty. A longer text belongs in an attachment.
MEETING_SUMMARY_MAX_LENGTH = 3_000
MEETING_MINUTES_MAX_LENGTH = 50_000
AGENDA_ITEM_DESCRIPTION_MAX_LENGTH = 5_000
ACTION_ITEM_TEXT_MAX_LENGTH = 2_000


class SubqueryCount(models.Subquery):
    template = "(SELECT COUNT(*) FROM (%(subquery)s) _counted)"
    output_field = models.IntegerField()


class MeetingQuerySet(PublishableQuerySet, SearchableQuerySet):
    def upcoming(self) -> "MeetingQuerySet":
        return self.filter(starts_at__gte=timezone.now()).order_by("starts_at")

    def past(self) -> "MeetingQuerySet":
        return self.filter(starts_at__lt=timezone.now()).order_by("-starts_at")

    def for_projects(self, projects) -> "MeetingQuerySet":
        return self.filter(projects__in=projects).distinct()

    def with_places(self) -> "MeetingQuerySet":
        return self.select_related("city", "host", "region")

    def involving(self, organisation: Organisation) -> "MeetingQuerySet":
        """Meetings the organisation hosted or took part in as an organisation."""
        # A union rather than "host OR linked": each half is answered from its own index,
        # where the OR made PostgreSQL read every meeting.
        hosted = Meeting.objects.filter(host=organisation).values("pk")
        linked = MeetingOrganisation.objects.filter(organisation=organisation).values("meeting_id")
        return self.filter(pk__in=hosted.union(linked))

    def within(self, region: Region) -> "MeetingQuerySet":
        """Meetings coordinating the region, or held in a place inside it."""
        return self.filter(
            models.Q(region__path__startswith=region.path)
            | models.Q(city__path__startswith=region.path)
        )

    def with_public_attachments(self) -> "MeetingQuerySet":
        """Prefetch `public_attachments`: only those anyone may download."""
        return self.prefetch_related(
            models.Prefetch(
                "attachments", queryset=Attachment.objects.public(), to_attr="public_attachments"
            )
        )

    def with_attendance_count(self) -> "MeetingQuerySet":
        """Annotate `attendance_count`, the people the attendance list marks as present.

        A total that public pages show whoever reads them, so counted over every row."""
        with scopes_disabled():
            present = Attendance.objects.present().filter(meeting=models.OuterRef("pk"))
        present = present.values("pk")
        return self.annotate(attendance_count=SubqueryCount(present))

    def for_list(self) -> "MeetingQuerySet":
        """What a meeting's card shows: its city, its host and its place in its series. The
        region it coordinates is shown on its own page, not on cards."""
        return self.select_related("city", "host").with_ordinal()

    def for_detail(self) -> "MeetingQuerySet":
        """What the public meeting page shows; attendance lists stay out, only their count."""
        return (
            self.for_list()
            .select_related("region")
            .with_attendance_count()
            .with_public_attachments()
            .with_decisions()
            .prefetch_related(
                models.Prefetch(
                    "meeting_projects",
                    queryset=MeetingProject.objects.filter(
                        project__is_published=True
                    ).select_related("project"),
                    to_attr="public_project_links",
                ),
                models.Prefetch(
                    "meeting_organisations",
                    queryset=MeetingOrganisation.objects.select_related("organisation"),
                    to_attr="organisation_links",
                ),
                "agenda_items",
            )
        )

    def with_decisions(self) -> "MeetingQuerySet":
        """Prefetch `decisions`: what the meeting decided, which is public with the meeting.
        Follow-up actions stay private, as the rest of the action items."""
        # Read past the private rows' scope on purpose: a meeting's decisions are shown to
        # whoever may read the meeting itself.
        with scopes_disabled():
            decisions = ActionItem.objects.filter(kind=ActionItemKind.DECISION).order_by("pk")
        return self.prefetch_related(
            models.Prefetch("action_items", queryset=decisions, to_attr="decisions")
        )

    def with_ordinal(self) -> "MeetingQuerySet":
        """Set `sequence_number` on each meeting read: the place of a quarterly meeting among
        its project's (meetings.numbering). Model instances only: values() do not carry it."""
        clone = self._chain()
        clone._iterable_class = NumberedMeetingIterable
        return clone


class Meeting(ChoiceLabels, PublishableModel, SearchableModel):
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("web address"),
        max_length=200,
        unique=True,
        error_messages={"unique": _("Another meeting already has this web address.")},
    )
    kind = models.CharField(_("kind"), max_length=24, choices=MeetingKind)
    stated_ordinal = models.PositiveSmallIntegerField(
        _("number in the series"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "For a quarterly coordination meeting whose earlier meetings are not in the portal: "
            "2 makes it the 2nd. Left empty, the portal counts the earlier meetings it holds."
        ),
    )
    format = models.CharField(
        _("format"), max_length=16, choices=MeetingFormat, default=MeetingFormat.IN_PERSON
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"), null=True, blank=True)
    all_day = models.BooleanField(
        _("time not announced"),
        default=False,
        help_text=_("Only the date is known: pages and calendars show the day without a time."),
    )
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        default=settings.TIME_ZONE,
        validators=[validate_timezone],
        help_text=_("The venue's time zone; times are shown in it."),
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings_held",
        limit_choices_to={"kind": RegionKind.CITY},
    )
    latitude = latitude_field(help_text=MAP_HELP_TEXT)
    longitude = longitude_field()
    host = models.ForeignKey(
        Organisation,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hosted_meetings",
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects"), through="MeetingProject", related_name="meetings"
    )
    organisations = models.ManyToManyField(
        Organisation,
        verbose_name=_("organisations"),
        through="MeetingOrganisation",
        related_name="meetings",
    )
    region = models.ForeignKey(
        Region,
        verbose_name=_("region coordinated"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_meetings",
        help_text=_("The region whose actors the meeting brings together."),
    )
    # TextField's max_length only reaches the form: the validator makes full_clean() check it.
    summary = models.TextField(
        _("public summary"),
        blank=True,
        max_length=MEETING_SUMMARY_MAX_LENGTH,
        validators=[MaxLengthValidator(MEETING_SUMMARY_MAX_LENGTH)],
    )
    minutes = models.TextField(
        _("minutes"),
        blank=True,
        max_length=MEETING_MINUTES_MAX_LENGTH,
        validators=[MaxLengthValidator(MEETING_MINUTES_MAX_LENGTH)],
    )
    participant_count = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_("When no attendance list is kept. Otherwise the list is counted."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus, default=MeetingStatus.DRAFT
    )
    reminders_enabled = models.BooleanField(
        _("send reminders"),
        default=True,
        help_text=_(
            "E-mail the expected attendees and the organisers' contacts before the meeting and "
            "its coordinators afterwards while its minutes or attendance are missing, and list "
            "its follow-ups in the weekly follow-up digest. When off, no reminder e-mail is "
            "about this meeting."
        ),
    )
    reminder_days_before = models.PositiveSmallIntegerField(
        _("days before the meeting"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("When the reminder goes out. Left empty, the portal's usual number applies."),
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]
        indexes = [
            search_index("meeting_search_trgm"),
            search_index("meeting_names_trgm", "search_names"),
            models.Index(fields=["starts_at"], name="meeting_starts_at_idx"),
            # The rows published() selects: the public lists sort and count only these.
            models.Index(
                fields=["starts_at"],
                condition=PUBLISHED_MEETINGS,
                name="meeting_public_starts_at_idx",
            ),
            # The same rows in the lists' order, the key breaking ties: a far page's keys are read
            # from the index alone, without sorting the meetings of each instant on the way.
            models.Index(
                fields=["-starts_at", "-id"],
                condition=PUBLISHED_MEETINGS,
                name="meeting_public_order_idx",
            ),
            # Published meetings' ids and hosts without reading the wide rows: the "host or
            # organiser" filter choices and every "meetings of …" subquery.
            models.Index(
                fields=["host", "id"],
                condition=PUBLISHED_MEETINGS,
                name="meeting_public_host_idx",
            ),
            *sort_indexes("meeting", "title"),
        ]

    @classmethod
    def published_condition(cls) -> models.Q:
        return PUBLISHED_MEETINGS

    def publication_problems(self) -> list[str]:
        problems = []
        if self.status == MeetingStatus.DRAFT:
            problems.append(_("It is still a draft: set its status to planned or held."))
        # The public page, its listing and its feed entry open with the summary.
        if not translations_of(self, "summary"):
            problems.append(_("It has no public summary: write one, in any language."))
        return problems

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("meetings:meeting-detail", self.slug)

    def search_parts(self) -> list[str]:
        city_names = translations_of(self.city, "name") if self.city_id else []
        return [
            *names(*translations_of(self, "title")),
            *translations_of(self, "venue"),
            self.address,
            *city_names,
            *translations_of(self, "summary"),
        ]

    def clean(self) -> None:
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The meeting must end after it starts.")
        errors |= coordinate_errors(self.latitude, self.longitude)
        if errors:
            raise ValidationError(errors)

    @property
    def venue_timezone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_starts_at(self):
        return timezone.localtime(self.starts_at, self.venue_timezone)

    @property
    def local_ends_at(self):
        return timezone.localtime(self.ends_at, self.venue_timezone) if self.ends_at else None

    @property
    def quarter(self) -> Quarter:
        """The quarter of the meeting's day at its venue."""
        return Quarter.containing(self.local_starts_at.date())

    @property
    def quarter_label(self) -> str:
        return self.quarter.label

    @property
    def ordinal(self) -> int | None:
        """The place of a quarterly coordination meeting among its project's (1, 2, …): the
        number stated for it, or counted on from the latest earlier meeting with a stated one."""
        if "sequence_number" in self.__dict__:  # read with a list (with_ordinal())
            return self.sequence_number
        # Worked out anew each time, not kept: the series may change while the meeting is held.
        number_quarterly_meetings([self], using=self._state.db)
        return self.__dict__.pop("sequence_number")

    @property
    def kind_label(self) -> str:
        """ "2nd quarterly coordination meeting" for a quarterly one, the kind otherwise."""
        number = self.ordinal if self.kind == MeetingKind.QUARTERLY_COORDINATION else None
        return ordinal_label(number) if number else str(self.get_kind_display())

    @property
    def is_past(self) -> bool:
        return self.starts_at < timezone.now()


class MeetingProject(ChoiceLabels, models.Model):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="meeting_projects",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="meeting_links",
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=ProjectRoleInMeeting,
        default=ProjectRoleInMeeting.ORGANISER,
    )

    class Meta:
        verbose_name = _("project at the meeting")
        verbose_name_plural = _("projects at the meeting")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "project"], name="unique_meeting_project")
        ]

    def __str__(self) -> str:
        return f"{self.project} ({self.get_role_display()})"


class MeetingOrganisation(ChoiceLabels, models.Model):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="meeting_organisations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="meeting_links",
    )
    role = models.CharField(
        _("role"),
        max_length=16,
        choices=OrganisationRoleInMeeting,
        default=OrganisationRoleInMeeting.ORGANISER,
    )

    class Meta:
        verbose_name = _("organisation at the meeting")
        verbose_name_plural = _("organisations at the meeting")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organisation"], name="unique_meeting_organisation"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="agenda_items"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    time = models.TimeField(_("time"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)
    speaker = models.CharField(_("speaker"), max_length=200, blank=True)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=AGENDA_ITEM_DESCRIPTION_MAX_LENGTH,
        validators=[MaxLengthValidator(AGENDA_ITEM_DESCRIPTION_MAX_LENGTH)],
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["order", "time", "pk"]

    def __str__(self) -> str:
        return self.title


class AttendanceQuerySet(PrivateQuerySet):
    def present(self) -> "AttendanceQuerySet":
        return self.filter(presence=Presence.ATTENDED)


class Attendance(ChoiceLabels, models.Model):
    """A person at a meeting. Private: never on a public page."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attendances"
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attendances",
    )
    person_name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    presence = models.CharField(
        _("presence"), max_length=16, choices=Presence, default=Presence.ATTENDED
    )

    # Scoped to the reader: see core.private_rows and meetings.permissions.
    objects = PrivateRowsManager.from_queryset(AttendanceQuerySet)()

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["person_name", "pk"]

    def __str__(self) -> str:
        return self.person_name


class ActionItemQuerySet(PrivateQuerySet):
    def open(self) -> "ActionItemQuerySet":
        return self.filter(status=ActionItemStatus.OPEN)

    def overdue(self) -> "ActionItemQuerySet":
        return self.open().filter(due_date__lt=timezone.localdate())

    def carried_to(self, meeting: Meeting, *, among: "MeetingQuerySet") -> "ActionItemQuerySet":
        """Open items from earlier meetings of the same projects, taken only from `among`:
        the meetings the reader may read (see meetings.permissions.action_items_carried_to).
        On a meeting two projects share, one project's items are not the other's to see."""
        return self._carried(
            projects=meeting.projects.all(),
            starts_at=meeting.starts_at,
            meeting=meeting,
            among=among,
        ).distinct()

    def carried_to_outer_meeting(self, *, among: "MeetingQuerySet") -> "ActionItemQuerySet":
        """As carried_to(), for the meeting of the query this is a subquery of: its
        `Exists()` tells, in the meeting's own query, whether any item is carried to it."""
        outer_projects = MeetingProject.objects.filter(
            meeting=models.OuterRef(models.OuterRef("pk"))
        )
        return self._carried(
            projects=outer_projects.values("project_id"),
            starts_at=models.OuterRef("starts_at"),
            meeting=models.OuterRef("pk"),
            among=among,
        )

    def _carried(self, *, projects, starts_at, meeting, among) -> "ActionItemQuerySet":
        return (
            self.open()
            .filter(
                meeting__projects__in=projects,
                meeting__starts_at__lt=starts_at,
                meeting__in=among.values("pk"),
            )
            .exclude(meeting=meeting)
        )


class ActionItem(ChoiceLabels, models.Model):
    """A decision taken at a meeting, or a follow-up someone must do."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    kind = models.CharField(
        _("kind"), max_length=16, choices=ActionItemKind, default=ActionItemKind.ACTION
    )
    text = models.TextField(
        _("text"),
        max_length=ACTION_ITEM_TEXT_MAX_LENGTH,
        validators=[MaxLengthValidator(ACTION_ITEM_TEXT_MAX_LENGTH)],
    )
    responsible_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=ActionItemStatus, default=ActionItemStatus.OPEN
    )
    closed_in = models.ForeignKey(
        Meeting,
        verbose_name=_("closed at meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="closed_action_items",
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)

    # Scoped to the reader: see core.private_rows and meetings.permissions.
    objects = PrivateRowsManager.from_queryset(ActionItemQuerySet)()

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("decisions and action items")
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.status == ActionItemStatus.OPEN and self.closed_in_id:
            raise ValidationError({"closed_in": _("An open item has not been closed anywhere.")})


class AttachmentQuerySet(PrivateQuerySet):
    def public(self) -> "AttachmentQuerySet":
        return self.filter(is_public=True)


class Attachment(ChoiceLabels, models.Model):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=24, choices=AttachmentKind, default=AttachmentKind.OTHER
    )
    file = models.FileField(
        _("file"),
        upload_to=attachment_upload_to,
        storage=attachment_storage,
        max_length=255,
        validators=[
            FileExtensionValidator(ALLOWED_ATTACHMENT_EXTENSIONS),
            MaxFileSizeValidator(),
            AttachmentContentValidator(),
        ],
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Public attachments of a published meeting can be downloaded by anyone."),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    # Scoped to the reader: see core.private_rows and meetings.permissions.
    objects = PrivateRowsManager.from_queryset(AttachmentQuerySet)()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:attachment-download", kwargs={"pk": self.pk})


class AchievedOutput(ChoiceLabels, models.Model):
    """What a meeting delivered towards its projects' planned outputs, beyond what its kind
    says: an action plan adopted, a staff exchange done, people reached. A held workshop or
    conference counts itself once unless a row of its own kind states another number."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="achieved_outputs",
    )
    kind = models.CharField(_("output"), max_length=24, choices=OutputKind)
    quantity = models.PositiveIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1)]
    )

    class Meta:
        verbose_name = _("output delivered")
        verbose_name_plural = _("outputs delivered")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "kind"],
                name="unique_achieved_output_kind_per_meeting",
                violation_error_message=_("This output is already recorded for the meeting."),
            )
        ]

    def __str__(self) -> str:
        return OUTPUT_QUANTITIES[self.kind] % {"count": self.quantity}


class PreparedReport(models.Model):
    """A PDF report someone asked for, prepared by a background job (``meetings.tasks``).

    The request keeps what was asked (kind, parameters, language), so a failed job loses
    nothing and can run again; the file is private and only its owner (or an administrator)
    may download it.
    """

    # Bookkeeping of the background jobs: its writes leave the public pages' cache alone.
    shows_on_public_pages = False

    class Kind(models.TextChoices):
        QUARTERLY = "quarterly", _("Quarterly report")
        MEETINGS = "meetings", _("Meeting reports")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        PREPARING = "preparing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.CASCADE,
        related_name="prepared_reports",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    title = models.CharField(_("title"), max_length=300)
    parameters = models.JSONField(
        _("parameters"), default=dict, help_text=_("What the report covers, as it was asked.")
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.QUEUED)
    file = models.FileField(
        _("file"), storage=prepared_report_storage, upload_to="reports/%Y/%m/", blank=True
    )
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    task_result_id = models.CharField(_("task result id"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("last attempt started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("prepared report")
        verbose_name_plural = _("prepared reports")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["requested_by", "-created_at"], name="prepared_report_owner_idx"),
            models.Index(fields=["created_at"], name="prepared_report_created_idx"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.PREPARING)
