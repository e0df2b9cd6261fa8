"""ETag and Last-Modified of an API answer, known before the answer is computed.

Both come from the content stamp (api.stamp), read with one primary-key query: the ETag names
the stamp's token, the address with its query string, the language and the day (a project's
status turns with the date; a meeting filter on "upcoming" with the minute). A client that
sends them back gets a 304 without any list being filtered, counted or serialised.
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.utils import timezone

from api import stamp

# Filters whose rows change with the clock, to the minute (meetings.filters.When).
MINUTE_DEPENDENT_PARAMETERS = frozenset({"when"})


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: datetime.datetime

    @property
    def last_modified_timestamp(self) -> int:
        return int(self.last_modified.timestamp())


def validators_for(request, language: str) -> Validators:
    current = stamp.current()
    now = timezone.now()
    today = timezone.localdate(now)
    changed = max(
        current.changed_at,
        timezone.make_aware(datetime.datetime.combine(today, datetime.time.min)),
    )
    moment = today.isoformat()
    if MINUTE_DEPENDENT_PARAMETERS & set(request.query_params):
        minute = now.replace(second=0, microsecond=0)
        changed = max(changed, minute)
        moment = minute.isoformat()
    parts = (
        current.token,
        request.path,
        sorted(request.query_params.lists()),
        language,
        moment,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    return Validators(etag=f'"{digest}"', last_modified=changed)
