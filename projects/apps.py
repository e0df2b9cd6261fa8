from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Programmes and projects")

    def ready(self) -> None:
        from core.history import track_history
        from projects import (
            coverage,
            jsonld,  # noqa: F401  (registers its schema.org descriptions)
            permissions,  # noqa: F401  (registers its part of row scopes)
            sections,  # noqa: F401  (registers its sections of other pages)
        )
        from projects.models import (
            Participation,
            PlannedOutput,
            Project,
            ProjectCentre,
            ProjectRegion,
        )

        track_history(
            Project, excluded_fields=["published_at", "published_by", "search_text", "search_names"]
        )
        track_history(Participation, PlannedOutput, ProjectRegion, ProjectCentre)
        coverage.connect_receivers()
