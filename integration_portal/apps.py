from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationPortalConfig(AppConfig):
    name = "integration_portal"
    verbose_name = _("Integration Portal")

    def ready(self) -> None:
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from integration_portal import audit  # noqa: F401  (connects the audit receivers)
        from integration_portal.sites import follow_site_domain

        # Sent to the sites app's receivers in order: its default Site exists by then.
        post_migrate.connect(
            follow_site_domain,
            sender=apps.get_app_config("sites"),
            dispatch_uid="integration_portal.follow_site_domain",
        )
