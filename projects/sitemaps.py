from core.sitemaps import PublicSitemap
from projects.models import Project


class ProjectSitemap(PublicSitemap):
    def items(self):
        return Project.objects.published().only("slug").order_by("pk")
