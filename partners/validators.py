from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

latitude_validators = [
    MinValueValidator(-90, message=_("A latitude lies between -90 and 90 degrees.")),
    MaxValueValidator(90, message=_("A latitude lies between -90 and 90 degrees.")),
]
longitude_validators = [
    MinValueValidator(-180, message=_("A longitude lies between -180 and 180 degrees.")),
    MaxValueValidator(180, message=_("A longitude lies between -180 and 180 degrees.")),
]
