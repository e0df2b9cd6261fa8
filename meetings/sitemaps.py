from core.sitemaps import PublicSitemap
from meetings.models import Meeting


class MeetingSitemap(PublicSitemap):
    def items(self):
        return Meeting.objects.published().only("slug").order_by("pk")
