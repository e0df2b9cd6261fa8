from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentStamp(models.Model):
    """When the public content the API shows last changed, and a token naming that version.

    One row, renewed after each committed save or delete of public content (api.stamp). It
    lives in the database rather than the cache so that every server process reads the same
    one without a shared cache, and a restored backup brings back the stamp of its content.
    """

    token = models.CharField(_("token"), max_length=32)
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("content stamp")
        verbose_name_plural = _("content stamps")

    def __str__(self) -> str:
        return f"{self.token} ({self.changed_at:%Y-%m-%d %H:%M:%S})"
