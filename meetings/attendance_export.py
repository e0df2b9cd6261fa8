"""A meeting's attendance list as an XLSX workbook, for those who keep their own records."""

import io
import re
from collections.abc import Iterable

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from meetings.models import Attendance, Meeting

# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def attendance_workbook(meeting: Meeting, attendances: Iterable[Attendance]) -> bytes:
    """One sheet: the meeting and its date, then a row per person under named columns."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _SHEET_NAME_FORBIDDEN.sub(" ", _("Attendance"))[:31]
    sheet.append([meeting.title])
    sheet["A1"].data_type = "s"
    sheet.append([date_format(meeting.local_starts_at, "DATE_FORMAT")])
    sheet.append([])
    headers = [_("No."), _("Name"), _("Organisation"), _("Position"), _("E-mail"), _("Presence")]
    sheet.append(headers)
    header_row = sheet.max_row
    for cell in sheet[header_row]:
        cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=13)
    for number, person in enumerate(attendances, start=1):
        sheet.append(
            [
                number,
                person.person_name,
                person.organisation.name if person.organisation else "",
                person.position,
                person.email,
                str(person.get_presence_display()),
            ]
        )
        # Typed text stays text: a name starting with "=" must not become a formula.
        for cell in sheet[sheet.max_row][1:]:
            cell.data_type = "s"
    sheet.freeze_panes = f"A{header_row + 1}"
    sheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{sheet.max_row}"
    for index, width in enumerate([6, 32, 40, 28, 34, 14], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()
