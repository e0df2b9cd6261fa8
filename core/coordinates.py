"""A place's latitude and longitude, as organisations, centres and meeting venues give them.

Both are optional, since nobody should have to look a place up to save it, and a pair or
nothing: a map cannot place half a coordinate. They are stored as typed, six decimals being
about ten centimetres, and never guessed from an address.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

MAP_HELP_TEXT = _("Shown on the map only when given, with the longitude; never guessed.")


def latitude_field(**kwargs) -> models.DecimalField:
    message = _("A latitude lies between -90 and 90 degrees.")
    return _degrees_field(_("latitude"), 90, message, **kwargs)


def longitude_field(**kwargs) -> models.DecimalField:
    message = _("A longitude lies between -180 and 180 degrees.")
    return _degrees_field(_("longitude"), 180, message, **kwargs)


def _degrees_field(verbose_name, limit: int, message, **kwargs) -> models.DecimalField:
    return models.DecimalField(
        verbose_name,
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[
            MinValueValidator(-limit, message=message),
            MaxValueValidator(limit, message=message),
        ],
        **kwargs,
    )


def coordinate_errors(latitude, longitude) -> dict[str, ValidationError]:
    """The error of a half-given pair, on the field left empty; none for a pair or nothing."""
    if (latitude is None) == (longitude is None):
        return {}
    missing = "longitude" if longitude is None else "latitude"
    return {missing: ValidationError(_("Give both latitude and longitude, or neither."))}
