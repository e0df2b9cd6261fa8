from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationPortalConfig(AppConfig):
    name = "integration_portal"
    verbose_name = _("Integration Portal")

    def ready(self) -> None:
        from integration_portal import audit  # noqa: F401  (connects the audit receivers)
