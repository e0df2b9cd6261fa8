from partners.sitemaps import PublicSitemap
from projects.models import Project


class ProjectSitemap(PublicSitemap):
    def items(self):
        return Project.objects.public().only("slug").order_by("pk")
