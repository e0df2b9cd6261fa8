"""The licence every dataset is published under, stated once for the files, the data package,
the catalogue and the Open data page."""

from django.utils.translation import gettext_lazy as _

LICENCE_NAME = "CC-BY-4.0"
LICENCE_TITLE = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
# The EU Publications Office's name for the licence, which DCAT-AP catalogues use.
LICENCE_EU_VOCABULARY = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0"
# What a reuser writes under a chart or table made from the data.
ATTRIBUTION = _("Source: Integration Portal (%(address)s), data under CC BY 4.0")
