from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("Public API")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from api import schema  # noqa: F401  (describes the shared filters to the OpenAPI document)
        from api.stamp import on_model_change

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(on_model_change, dispatch_uid="api.stamp")
