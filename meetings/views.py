from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView

from core.views import PublicListView
from meetings.calendar import meetings_calendar
from meetings.filters import MeetingFilterSet
from meetings.models import Meeting

# A subscribable calendar stays small enough for calendar programs to refresh it often.
CALENDAR_LIMIT = 500


class MeetingListView(PublicListView):
    filterset_class = MeetingFilterSet
    template_name = "meetings/meeting_list.html"
    card_texts = ("summary",)
    card_relations = ("city", "host")

    def get_queryset(self):
        return Meeting.objects.published().for_list()

    def paginate_queryset(self, queryset, page_size):
        return super().paginate_queryset(self.filterset.in_listing_order(queryset), page_size)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.urlencode()
        context["calendar_url"] = reverse("meetings:meeting-calendar") + (
            f"?{query}" if query else ""
        )
        return context


class MeetingDetailView(DetailView):
    template_name = "meetings/meeting_detail.html"

    def get_queryset(self):
        # The search texts are the page's own words again, folded: the page does not show them.
        return Meeting.objects.published().for_detail().defer("search_text", "search_names")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [
            {"label": _("Meetings"), "url": reverse("meetings:meeting-list")},
            {"label": self.object.title},
        ]
        return context


def meeting_ical(request, slug: str) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.published().for_list(), slug=slug)
    response = HttpResponse(
        meetings_calendar([meeting], name=meeting.title),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


def meeting_calendar(request) -> HttpResponse:
    """Every public meeting the list's filters select, as a calendar to subscribe to."""
    filterset = MeetingFilterSet(
        request.GET or None, queryset=Meeting.objects.published().for_list(), request=request
    )
    if filterset.is_bound and not filterset.is_valid():
        return HttpResponse(
            _("The calendar filters are not valid."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    meetings = filterset.in_listing_order(filterset.qs)[:CALENDAR_LIMIT]
    return HttpResponse(
        meetings_calendar(meetings, name=_("Meetings of the integration network")),
        content_type="text/calendar; charset=utf-8",
    )
