"""What drf-spectacular cannot read from the public lists' FilterSets by itself."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from partners.filters import RegionTreeFilter

# A place chosen by its slug (?region=constanta), whatever the filter does with it: the
# project, meeting and centre lists each narrow to it in their own way.
extend_schema_field(OpenApiTypes.STR)(RegionTreeFilter)
