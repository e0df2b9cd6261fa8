"""Forms of the meeting back office: the meeting page, its inlines, planning (the attendance
tools have theirs in attendance_forms)."""

import datetime
import zoneinfo
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib.admin.widgets import AdminSplitDateTime, AdminTimeWidget
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from accounts.roles import is_administrator
from core.model_choices import ChoicesReadOnce
from core.slugs import unique_slug
from meetings.models import ActionItem, Attachment, Attendance, Meeting
from meetings.permissions import projects_attachable_by
from meetings.timezones import is_offered, time_zone_choices, venue_time_zone
from meetings.validators import validate_timezone

# --- The meeting page


class CarriedActionItemsField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    # A few items, read at once.
    iterator = ChoicesReadOnce

    def label_from_instance(self, item: ActionItem):
        details = [
            item.meeting.title,
            date_format(item.meeting.local_starts_at, "DATE_FORMAT"),
        ]
        if item.responsible_organisation:
            details.append(str(item.responsible_organisation))
        if item.due_date:
            details.append(_("due %(date)s") % {"date": date_format(item.due_date, "DATE_FORMAT")})
        return format_html("{} <small>({})</small>", item.text, "; ".join(details))


class VenueDateTimeWidget(AdminSplitDateTime):
    """The admin's date and time boxes, showing a moment at the venue, and saying in which zone.

    The note takes the place of the admin's own warning, which would name the server's zone.
    A meeting whose time is not announced shows its date with an empty time box.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs)
        # Set by the form: the zone stored moments are shown in, the zone the note names
        # (None while it is still to be worked out from the venue), and whether a time is known.
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.note_zone: str | None = settings.TIME_ZONE
        self.show_time = True

    def decompress(self, value):
        if isinstance(value, datetime.datetime):
            if timezone.is_aware(value):
                value = value.astimezone(self.zone)
            return [value.date(), value.time() if self.show_time else None]
        return [None, None]

    def render(self, name, value, attrs=None, renderer=None):
        # Next to the boxes, where DateTimeShortcuts.js looks for a note before adding its own;
        # the boxes' aria-describedby already names this id.
        note = format_html(
            '<div class="help timezonewarning venue-zone-note" id="id_{}_timezone_warning_helptext"'
            ' data-template="{}" data-unknown="{}">{}</div>',
            name,
            _("Times in %(zone)s."),
            UNKNOWN_ZONE_NOTE,
            self.zone_note(),
        )
        return super().render(name, value, attrs, renderer) + note

    def zone_note(self) -> str:
        if self.note_zone is None:
            return str(UNKNOWN_ZONE_NOTE)
        return _("Times in %(zone)s.") % {"zone": self.note_zone}

    class Media:
        js = ["meetings/venue_time_zone.js"]


UNKNOWN_ZONE_NOTE = _("Times in the venue's time zone, chosen above.")


class VenueDateTimeField(forms.MultiValueField):
    """A day and an optional time, as typed: the form places them in the venue's zone."""

    widget = VenueDateTimeWidget

    def __init__(self, **kwargs):
        fields = (forms.DateField(required=False), forms.TimeField(required=False))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list) -> tuple[datetime.date | None, datetime.time | None] | None:
        day, time = [*(data_list or []), None, None][:2]
        if day is None and time is None:
            return None
        return day, time


def _html_attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves an attribute out, True writes its name.
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


class LongSelect(forms.Select):
    """A select box written in Python rather than with a template per option: the same HTML
    as Django's, for a list of hundreds of options (the time zones) that the template engine
    took tens of milliseconds to write on every meeting page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        lines = [f'<select name="{escape(widget["name"])}"{_html_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                lines.append(f'\n  <optgroup label="{escape(group_name)}">')
            lines.extend(
                f'\n  <option value="{escape(option["value"])}"{_html_attrs(option["attrs"])}>'
                f"{escape(option['label'])}</option>\n"
                for option in options
            )
            if group_name:
                lines.append("\n  </optgroup>")
        lines.append("\n</select>")
        return mark_safe("".join(lines))


class TimeZoneField(forms.ChoiceField):
    """The IANA zones by area; any zone the time zone database knows is accepted."""

    widget = LongSelect

    def __init__(self, **kwargs):
        super().__init__(
            choices=[("", _("From the venue's country")), *time_zone_choices()], **kwargs
        )
        self.validators.append(validate_timezone)

    def valid_value(self, value) -> bool:
        return True  # validate_timezone says why a name is not a zone


def _ambiguous_or_imaginary(moment: datetime.datetime) -> bool:
    """True for a wall time that the change of the clocks skips or repeats."""
    return moment.utcoffset() != moment.replace(fold=1 - moment.fold).utcoffset()


class VenueTimeInput(AdminTimeWidget):
    """A time of day at the meeting's venue (an agenda item's). It names no zone of its own:
    the note stands where DateTimeShortcuts.js would otherwise tell the coordinator to type
    the server's time."""

    def render(self, name, value, attrs=None, renderer=None):
        note = format_html(
            '<div class="help timezonewarning">{}</div>',
            _("Time at the venue, in the meeting's time zone."),
        )
        return super().render(name, value, attrs, renderer) + note


class MeetingAdminForm(forms.ModelForm):
    """The admin builds this form's fields from its fieldsets; this form adds three things.

    Times are typed and shown in the venue's time zone, the one chosen in the same form (or the
    country's of the venue's city or host). A meeting whose time box is empty has its time "not
    announced", and a time typed clears that. And it closes carried-over action items.
    """

    starts_at = VenueDateTimeField(
        label=_("Starts at"),
        help_text=_("Leave the time empty while it is not announced."),
    )
    ends_at = VenueDateTimeField(
        label=_("Ends at"),
        required=False,
        help_text=_("A time alone is taken to be on the day the meeting starts."),
    )
    timezone = TimeZoneField(
        label=_("Time zone"),
        required=False,
        help_text=_(
            "The venue's time zone: the times below are typed and shown in it. Left at “From "
            "the venue's country”, it is the zone of the country of the city or the host."
        ),
    )
    save_anyway = forms.BooleanField(
        label=_("Save anyway: this is another meeting"),
        required=False,
        widget=forms.HiddenInput,
    )
    close_action_items = CarriedActionItemsField(
        queryset=ActionItem.objects.none(),
        required=False,
        label=_("Close at this meeting"),
        help_text=_(
            "Open action items from earlier meetings of the same projects. Tick those done: "
            "they are closed with this meeting and its date."
        ),
    )

    # Text boxes as tall as their usual text: three languages of each make the form long.
    TEXT_ROWS = {"summary": 4, "minutes": 6}

    def __init__(self, *args, **kwargs):
        zone_given = "timezone" in (kwargs.get("initial") or {})
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            rows = self.TEXT_ROWS.get(name.rsplit("_", 1)[0] if "_" in name else name)
            if rows and isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = rows
        if self.instance.pk and "close_action_items" in self.fields:
            # Set by MeetingAdmin.get_object for the user at hand; nothing without it.
            self.fields["close_action_items"].queryset = getattr(
                self.instance, "carried_action_items", ActionItem.objects.none()
            )
        if not self.instance.pk and not zone_given:
            # A new meeting takes its venue's zone unless the coordinator picks one.
            self.initial["timezone"] = ""
        if "timezone" in self.fields and self.instance.timezone:
            zone_field = self.fields["timezone"]
            if not is_offered(self.instance.timezone):
                zone_field.choices = [
                    (self.instance.timezone, self.instance.timezone),
                    *zone_field.choices,
                ]
        if "all_day" in self.fields:
            self.fields["all_day"].help_text = _(
                "Only the date is known: pages and calendars show the day without a time. An "
                "empty time box means the same, and a time typed above clears this."
            )
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "The last part of the meeting's web address. Made from the English title when "
                "left empty, and made unique if another meeting has it."
            )
        self._show_times_in(self._shown_zone())

    # Which zone the time boxes speak of

    def _shown_zone(self) -> str | None:
        """The zone chosen in the data sent, else the meeting's; None while it is still to be
        worked out from the venue's country."""
        if not self.is_bound:
            return self.initial.get("timezone") or None
        posted = self.data.get(self.add_prefix("timezone"), "")
        try:
            validate_timezone(posted)
        except ValidationError:
            return None
        return posted

    def _initial_zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.instance.timezone or settings.TIME_ZONE)

    def _show_times_in(self, zone_name: str | None) -> None:
        for name in ("starts_at", "ends_at"):
            if name in self.fields:
                widget = self.fields[name].widget
                widget.zone = self._initial_zone()
                widget.note_zone = zone_name
                widget.show_time = not self.initial.get("all_day")

    # Cleaning: the zone first, then the times in it

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("timezone") or venue_time_zone(
            city=cleaned.get("city", self.instance.city if self.instance.city_id else None),
            host=cleaned.get("host", self.instance.host if self.instance.host_id else None),
        )
        if "timezone" in self.fields and "timezone" not in self.errors:
            cleaned["timezone"] = zone_name
            self._show_times_in(zone_name)
        zone = zoneinfo.ZoneInfo(zone_name)
        if "starts_at" in self.fields and "starts_at" not in self.errors:
            self._clean_times(cleaned, zone)
        if "slug" in self.fields:
            cleaned["slug"] = self._unique_slug(cleaned)
        for name in ("starts_at", "ends_at"):
            if isinstance(cleaned.get(name), tuple):
                del cleaned[name]  # not placed in a zone: its error is shown already
        if not cleaned.get("save_anyway"):
            self._refuse_duplicate(cleaned)
        return cleaned

    def _clean_times(self, cleaned: dict, zone: zoneinfo.ZoneInfo) -> None:
        start_day, start_time = cleaned.get("starts_at") or (None, None)
        if start_day is None:
            self.add_error("starts_at", _("Type the day the meeting starts."))
            return
        initial_time = None
        initial_start = self.initial.get("starts_at")
        if isinstance(initial_start, datetime.datetime) and not self.initial.get("all_day"):
            initial_time = initial_start.astimezone(self._initial_zone()).time()
        # A time typed (or changed) now says the time is announced; otherwise the box
        # "time not announced" withdraws a time, and an empty time box means the same.
        if start_time is not None and start_time != initial_time:
            all_day = False
        elif cleaned.get("all_day") or start_time is None:
            all_day, start_time = True, None
        else:
            all_day = False
        if "all_day" in self.fields:
            cleaned["all_day"] = all_day
        else:
            self.instance.all_day = all_day
        starts_at = self._moment("starts_at", start_day, start_time, zone)
        if starts_at is None:
            return
        cleaned["starts_at"] = starts_at

        end_day, end_time = cleaned.get("ends_at") or (None, None)
        if end_day is None and end_time is None:
            cleaned["ends_at"] = None
            return
        end_day = end_day or start_day
        if all_day:
            # Whole days: an end on a later day is kept as that day, an end time means nothing.
            cleaned["ends_at"] = (
                self._moment("ends_at", end_day, None, zone) if end_day > start_day else None
            )
        elif end_time is None:
            self.add_error(
                "ends_at", _("Type the time the meeting ends, or leave both boxes empty.")
            )
        else:
            cleaned["ends_at"] = self._moment("ends_at", end_day, end_time, zone)

    def _moment(self, name: str, day, time, zone) -> datetime.datetime | None:
        moment = datetime.datetime.combine(day, time or datetime.time(0), tzinfo=zone)
        if _ambiguous_or_imaginary(moment):
            self.add_error(
                name,
                ValidationError(
                    _(
                        "%(time)s does not exist or happens twice in %(zone)s, as the clocks "
                        "change that night. Type another time."
                    ),
                    code="ambiguous_time",
                    params={"time": time_format(moment.time()), "zone": zone.key},
                ),
            )
            return None
        return moment

    # Web addresses and meetings entered twice

    def _titles(self, cleaned: dict) -> list[str]:
        names = [build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES]
        return [cleaned[name].strip() for name in ["title", *names] if cleaned.get(name)]

    def _unique_slug(self, cleaned: dict) -> str:
        titles = self._titles(cleaned)
        starts_at = cleaned.get("starts_at")
        day = [starts_at.date().isoformat()] if isinstance(starts_at, datetime.datetime) else []
        return unique_slug(
            Meeting,
            cleaned.get("slug") or (titles[0] if titles else ""),
            qualifiers=day,
            exclude_pk=self.instance.pk,
            fallback="meeting",
        )

    def _posted_project_ids(self) -> set[int]:
        """The projects in the meeting's project rows as sent, or the meeting's own."""
        prefix = Meeting._meta.get_field("meeting_projects").get_accessor_name()
        total = self.data.get(f"{prefix}-TOTAL_FORMS")
        if total is None:
            return set(self.instance.meeting_projects.values_list("project_id", flat=True))
        ids = set()
        for index in range(min(int(total) if str(total).isdigit() else 0, 1000)):
            row = f"{prefix}-{index}-"
            value = self.data.get(f"{row}project", "")
            if str(value).isdigit() and not self.data.get(f"{row}DELETE"):
                ids.add(int(value))
        return ids

    def _refuse_duplicate(self, cleaned: dict) -> None:
        starts_at, titles = cleaned.get("starts_at"), self._titles(cleaned)
        if not isinstance(starts_at, datetime.datetime) or not titles or self.errors:
            return
        projects = self._posted_project_ids()
        if not projects:
            return
        day_start = starts_at.replace(hour=0, minute=0, second=0, microsecond=0)
        same_title = Q()
        for title in titles:
            for code, _name in settings.LANGUAGES:
                same_title |= Q(**{f"{build_localized_fieldname('title', code)}__iexact": title})
        twin = (
            Meeting.objects.filter(
                same_title,
                starts_at__gte=day_start,
                starts_at__lt=day_start + datetime.timedelta(days=1),
                meeting_projects__project__in=projects,
            )
            .exclude(pk=self.instance.pk)
            .order_by("pk")
            .first()
        )
        if twin is None:
            return
        self.fields["save_anyway"].widget = forms.CheckboxInput()
        raise ValidationError(
            _(
                "“%(title)s” of the same project on %(day)s is already in the portal. If this "
                "is another meeting, tick “Save anyway” below and save again; otherwise open "
                "the meeting already there instead."
            ),
            code="duplicate_meeting",
            params={"title": twin.title, "day": date_format(starts_at.date(), "DATE_FORMAT")},
        )


class MeetingProjectFormSet(BaseInlineFormSet):
    """The projects of a meeting. A coordinator files meetings under their own projects only,
    and a meeting they save keeps at least one of them (or they would lose it)."""

    user = None  # set by the inline for each request

    def clean(self) -> None:
        super().clean()
        if self.user is None or is_administrator(self.user):
            return
        own = set(projects_attachable_by(self.user).values_list("pk", flat=True))
        kept = [
            form.cleaned_data.get("project")
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if not any(project and project.pk in own for project in kept):
            raise ValidationError(
                _("Add at least one of the projects you coordinate to this meeting."),
                code="no_own_project",
            )


class AttendanceInlineForm(forms.ModelForm):
    """Pick a contact and the name, organisation, position and e-mail come from it; or type."""

    class Meta:
        model = Attendance
        fields = ["person_name", "organisation", "position", "email", "presence", "contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person_name"].required = False
        self.fields["person_name"].help_text = _("Filled in from the contact if left empty.")

    def clean(self):
        cleaned = super().clean()
        contact = cleaned.get("contact")
        if contact:
            cleaned["person_name"] = cleaned.get("person_name") or contact.name
            cleaned["organisation"] = cleaned.get("organisation") or contact.organisation
            cleaned["position"] = cleaned.get("position") or contact.position
            cleaned["email"] = cleaned.get("email") or contact.email
        if not cleaned.get("person_name"):
            self.add_error("person_name", _("Type a name or choose a contact."))
        return cleaned


class AgendaFormSet(BaseInlineFormSet):
    """The agenda, numbered without asking: a new item comes after the items already listed
    (those of the previous meeting, for a planned one)."""

    def save_new(self, form, commit=True):
        if not hasattr(self, "_last_order"):
            self._last_order = max(
                (item.order for item in (f.instance for f in self.initial_forms)), default=0
            )
        self._last_order += 1
        form.instance.order = self._last_order
        return super().save_new(form, commit)


class AttachmentInlineForm(forms.ModelForm):
    """An attachment is titled after its file's name unless a title is typed."""

    class Meta:
        model = Attachment
        fields = ["file", "title", "kind", "is_public"]

    def _title_fields(self) -> list[str]:
        names = [build_localized_fieldname("title", code) for code, _name in settings.LANGUAGES]
        return [name for name in names if name in self.fields]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self._title_fields():
            self.fields[name].help_text = _("Taken from the file's name when left empty.")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        titles = self._title_fields()
        if upload and titles and not any(cleaned.get(name) for name in titles):
            language_field = build_localized_fieldname("title", get_language() or "")
            field = language_field if language_field in titles else titles[0]
            stem = PurePath(upload.name).stem
            cleaned[field] = " ".join(stem.replace("_", " ").replace("-", " ").split())[:255]
        return cleaned


# --- Planning


class NextQuarterlyMeetingForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Project"),
        queryset=None,
        help_text=_("The new meeting starts from this project's latest quarterly meeting."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        projects = projects_attachable_by(user).order_by("acronym", "title")
        self.fields["project"].queryset = projects
        if not self.initial.get("project"):
            only = list(projects[:2])
            if len(only) == 1:
                self.initial["project"] = only[0].pk
