"""Writes of the partners app that the apps above call."""

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from partners.enums import OrganisationKind
from partners.models import Organisation


def _free_slug(name: str) -> str:
    max_length = Organisation._meta.get_field("slug").max_length
    base = slugify(name)[: max_length - 8].strip("-") or "organisation"
    slug, number = base, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def add_unreviewed_organisation(*, name: str) -> Organisation:
    """An organisation known only by the name a coordinator typed (while importing an
    attendance list), waiting for an editor's review.

    Side effects: one organisation, named so in every language, of kind “other”, not reviewed
    (so off the public lists until an editor reviews it). Raises ValidationError for a name
    that is too long.
    """
    name = " ".join(name.split())
    organisation = Organisation(
        kind=OrganisationKind.OTHER, is_reviewed=False, slug=_free_slug(name)
    )
    for code, _label in settings.LANGUAGES:
        setattr(organisation, build_localized_fieldname("name", code), name)
    with transaction.atomic():
        organisation.full_clean()
        organisation.save()
    return organisation
