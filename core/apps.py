from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Shared building blocks")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from core.formatting import write_month_names_in_lower_case
        from core.public_cache import on_model_change

        write_month_names_in_lower_case()

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(on_model_change, dispatch_uid="core.public_cache")
