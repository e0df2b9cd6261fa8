from meetings.models import Meeting
from partners.sitemaps import PublicSitemap


class MeetingSitemap(PublicSitemap):
    def items(self):
        return Meeting.objects.published().only("slug").order_by("pk")
