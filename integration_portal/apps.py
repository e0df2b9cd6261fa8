from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationPortalConfig(AppConfig):
    name = "integration_portal"
    verbose_name = _("Integration Portal")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from integration_portal import audit  # noqa: F401  (connects the audit receivers)
        from integration_portal.public_cache import on_model_change

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(on_model_change, dispatch_uid="integration_portal.public_cache")
