from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from feedback.models import FeedbackMessage


def site_path(address: str, *, host: str) -> str | None:
    """The path (and query) of `address` if it names a page of this site, else None.

    A path such as /en/projects/ is taken as it is; a full address is accepted only when it is
    on this site's own host, so the stored value can never point a reader elsewhere.
    """
    parts = urlsplit(address.strip())
    elsewhere = parts.scheme not in {"http", "https"} or parts.netloc.lower() != host.lower()
    if (parts.scheme or parts.netloc) and elsewhere:
        return None
    path = parts.path
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return None
    if not _resolves(path):
        return None
    return f"{path}?{parts.query}" if parts.query else path


def _resolves(path: str) -> bool:
    # The language prefix of the patterns matches only the active language.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                resolve(path)
            except Resolver404:
                continue
            return True
    return False


class FeedbackForm(forms.ModelForm):
    # A field people never see (hidden by the style sheet, out of the tab order and of the
    # accessibility tree); a bot that fills every field reveals itself.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = FeedbackMessage
        fields = ["kind", "name", "email", "page", "message"]
        labels = {
            "kind": _("What is it about?"),
            "name": _("Your name (optional)"),
            "email": _("Your e-mail address"),
            "page": _("Address of the page (optional)"),
            "message": _("Your message"),
        }
        help_texts = {
            "email": _("We send an acknowledgement and our reply to this address."),
            "page": _(
                "The page where you met the problem, for example /en/projects/. Leave it empty "
                "if your message is about the whole portal."
            ),
            "message": _(
                "Describe the barrier or the content you need, and in which format (for "
                "example large print, plain text or an accessible PDF)."
            ),
        }
        widgets = {
            "kind": forms.RadioSelect,
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, host: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.host = host

    def full_clean(self) -> None:
        super().full_clean()
        # A screen reader reads a field's error with the field, and its help text after it.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described_by = [f"{bound.auto_id}_errors"]
                if bound.help_text:
                    described_by.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described_by)

    def clean_page(self) -> str:
        address = self.cleaned_data["page"].strip()
        if not address:
            return ""
        path = site_path(address, host=self.host)
        if path is None:
            raise forms.ValidationError(
                _(
                    "Enter the address of a page of this portal, starting with /, or leave it "
                    "empty."
                ),
                code="not_a_site_path",
            )
        return path

    def is_from_a_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))
