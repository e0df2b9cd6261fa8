from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from api import schema  # noqa: F401  (describes the shared filters to the OpenAPI document)
        from api.stamp import on_public_content_changed
        from core.signals import public_content_changed

        public_content_changed.connect(on_public_content_changed, dispatch_uid="api.stamp")
