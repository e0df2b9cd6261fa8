from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partners and places")

    def ready(self) -> None:
        from core.history import track_history
        from partners import (
            jsonld,  # noqa: F401  (registers its schema.org descriptions)
            permissions,  # noqa: F401  (registers the rules for private rows)
            sections,  # noqa: F401  (registers its sections of other pages)
        )
        from partners.models import Contact

        track_history(Contact)
