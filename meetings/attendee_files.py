"""Attendance lists as people bring them: pasted from a spreadsheet, or saved by Excel as CSV
(comma, semicolon or tab; UTF-8, UTF-16 or the Windows code pages of Romanian and Bulgarian
settings) or XLSX. Each is read into one `tablib.Dataset` with the columns of
`ATTENDEE_COLUMNS` and the number of the row each person came from, plus notes on what was
left out, so that the preview can name the row of every problem."""

import csv
import unicodedata
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from import_export.formats.base_formats import XLSX

from meetings.resources import ATTENDEE_COLUMNS, ROW_COLUMN

MAX_IMPORT_ROWS = 500
MAX_IMPORT_BYTES = 2 * 1024 * 1024
DELIMITERS = ",;\t"

HEADER_ALIASES = {
    "name": {
        "name",
        "full name",
        "person",
        "participant name",
        "nume",
        "nume si prenume",
        "nume prenume",
        "име",
        "име и фамилия",
        "трите имена",
    },
    "organisation": {
        "organisation",
        "organization",
        "institution",
        "organizatie",
        "organizatia",
        "institutie",
        "institutia",
        "организация",
        "институция",
    },
    "position": {
        "position",
        "role",
        "job title",
        "functie",
        "functia",
        "pozitie",
        "длъжност",
        "позиция",
    },
    "email": {
        "email",
        "e-mail",
        "mail",
        "email address",
        "e-mail address",
        "adresa de email",
        "adresa de e-mail",
        "имейл",
        "е-поща",
        "адрес",
    },
    "presence": {"presence", "prezenta", "присъствие"},
}


def _folded(text) -> str:
    """Header text compared without case or accents: "Organizaţie" (cedilla, as Windows-1250
    writes it) and "organizație" (comma below) are the same column."""
    decomposed = unicodedata.normalize("NFKD", str(text or "").strip().casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


_ALIASES = {
    column: {_folded(alias) for alias in aliases} for column, aliases in HEADER_ALIASES.items()
}


def canonical_column(header) -> str | None:
    text = _folded(header)
    for column, aliases in _ALIASES.items():
        if text in aliases:
            return column
    return None


@dataclass
class AttendeeList:
    """The people of a list under the portal's column names, and what was left out."""

    dataset: tablib.Dataset
    ignored_columns: list[str] = field(default_factory=list)
    rows_with_extra_cells: list[int] = field(default_factory=list)

    @property
    def notes(self) -> list[str]:
        notes = []
        if self.ignored_columns:
            notes.append(
                ngettext(
                    "The column %(columns)s is not one the portal keeps; it was left out.",
                    "The columns %(columns)s are not ones the portal keeps; they were left out.",
                    len(self.ignored_columns),
                )
                % {"columns": ", ".join(f"“{name}”" for name in self.ignored_columns)}
            )
        if self.rows_with_extra_cells:
            rows = self.rows_with_extra_cells
            notes.append(
                ngettext(
                    "Row %(rows)s has more cells than there are columns; the extra cells were "
                    "left out.",
                    "Rows %(rows)s have more cells than there are columns; the extra cells were "
                    "left out.",
                    len(rows),
                )
                % {"rows": ", ".join(str(number) for number in rows)}
            )
        return notes


def _cell(value) -> str:
    return str(value).strip() if value is not None else ""


def attendee_list(
    rows: list[list], *, headers: list[str | None], first_row_number: int, width: int
) -> AttendeeList:
    """`rows` (lists of cells) read under `headers` (canonical column names, None for a column
    the portal does not keep); rows are numbered from `first_row_number`, blank ones skipped.
    Cells beyond the first `width` have no column name at all: a row holding text there is
    noted once, and imported without it."""
    wanted = [column for column in ATTENDEE_COLUMNS if column in headers]
    dataset = tablib.Dataset(headers=[ROW_COLUMN, *wanted])
    extra_rows = []
    for number, row in enumerate(rows, start=first_row_number):
        cells = {
            column: _cell(value)
            for column, value in zip(headers, row[:width], strict=False)
            if column
        }
        if not any(cells.values()):
            continue
        if any(_cell(value) for value in row[width:]):
            extra_rows.append(number)
        dataset.append([str(number), *(cells.get(column, "") for column in wanted)])
    if not len(dataset):
        raise ValidationError(_("No people were found to import."), code="empty")
    if len(dataset) > MAX_IMPORT_ROWS:
        raise ValidationError(
            _("At most %(limit)d people can be imported at once."),
            code="too_many_rows",
            params={"limit": MAX_IMPORT_ROWS},
        )
    return AttendeeList(dataset=dataset, rows_with_extra_cells=extra_rows)


def _with_header(rows: list[list]) -> AttendeeList:
    """A list whose first row names the columns, as spreadsheets are saved."""
    first = rows[0] if rows else []
    headers = [canonical_column(cell) for cell in first]
    if "name" not in headers:
        raise ValidationError(
            _(
                "The first row must name the columns, with at least a “name” column "
                "(found: %(found)s)."
            ),
            code="no_name_column",
            params={"found": ", ".join(f"“{_cell(cell)}”" for cell in first if _cell(cell))},
        )
    # Only the first of two columns with the same name is read.
    seen = set()
    for index, column in enumerate(headers):
        if column in seen:
            headers[index] = None
        seen.add(column)
    width = max((index + 1 for index, cell in enumerate(first) if _cell(cell)), default=0)
    people = attendee_list(rows[1:], headers=headers, first_row_number=2, width=width)
    people.ignored_columns = [
        _cell(cell)
        for cell, column in zip(first, headers, strict=False)
        if _cell(cell) and not column
    ]
    return people


# --- Text: pasted lines or CSV files


def decode_text(content: bytes) -> str:
    """The text of a CSV file in the encodings Excel writes.

    UTF-8 (with or without the byte-order mark Excel adds to “CSV UTF-8”), UTF-16 (Excel's
    “Unicode text”), and else the Windows code page of the machine that saved it: 1251 for
    Bulgarian settings, 1250 for Romanian. Bulgarian text is mostly letters above 0xC0 (the
    Cyrillic alphabet); Romanian text is mostly ASCII with a few diacritics.
    """
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    letters = sum(1 for byte in content if byte >= 0xC0 or chr(byte).isalpha())
    cyrillic = sum(1 for byte in content if byte >= 0xC0)
    encoding = "cp1251" if letters and cyrillic / letters > 0.3 else "cp1250"
    try:
        return content.decode(encoding)
    except UnicodeDecodeError:
        raise ValidationError(
            _("This CSV file's encoding is not known. Save it as “CSV UTF-8” and try again."),
            code="encoding",
        ) from None


def sniff_delimiter(text: str) -> str:
    """Comma, semicolon (Excel with Romanian or Bulgarian settings) or tab, as the first lines
    show; the most frequent of them on the first line when the sniffer cannot tell."""
    sample = "\n".join(text.splitlines()[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        first_line = sample.split("\n", 1)[0]
        return max(DELIMITERS, key=first_line.count)


def _csv_rows(text: str) -> list[list[str]]:
    try:
        return list(csv.reader(text.splitlines(), delimiter=sniff_delimiter(text)))
    except csv.Error:
        raise ValidationError(
            _("This file could not be read as a CSV or XLSX spreadsheet."), code="unreadable"
        ) from None


def read_pasted(text: str) -> AttendeeList:
    """Lines copied from a spreadsheet: a header row, or name, organisation, position, e-mail
    and presence in this order; rows numbered as the lines."""
    rows = _csv_rows(text.strip("\n"))
    if rows and canonical_column(rows[0][0] if rows[0] else "") == "name":
        return _with_header(rows)
    width = len(ATTENDEE_COLUMNS)
    return attendee_list(rows, headers=list(ATTENDEE_COLUMNS), first_row_number=1, width=width)


def read_upload(upload) -> AttendeeList:
    """A CSV or XLSX file whose first row names the columns."""
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(_("The file is too large to import."), code="too_large")
    content = upload.read()
    if upload.name.lower().endswith(".xlsx"):
        try:
            sheet = XLSX().create_dataset(content)
        except Exception:
            # openpyxl raises many kinds of errors for a damaged file.
            raise ValidationError(
                _("This file could not be read as a CSV or XLSX spreadsheet."), code="unreadable"
            ) from None
        rows = [list(sheet.headers or []), *(list(row) for row in sheet)]
    else:
        rows = _csv_rows(decode_text(content))
    return _with_header(rows)


def read_back(text: str) -> AttendeeList:
    """The rows a preview sent back (see `write_back`), with their original numbers."""
    rows = list(csv.reader(text.splitlines()))
    if not rows or rows[0][:1] != [ROW_COLUMN]:
        raise ValidationError(_("The preview could not be read back."), code="bad")
    headers = [column if column in ATTENDEE_COLUMNS else None for column in rows[0][1:]]
    dataset = tablib.Dataset(headers=[ROW_COLUMN, *(c for c in headers if c)])
    for row in rows[1:]:
        number, cells = (row[0] if row else ""), row[1:]
        if not number.isdigit():
            raise ValidationError(_("The preview could not be read back."), code="bad")
        values = [_cell(v) for v, column in zip(cells, headers, strict=False) if column]
        dataset.append([number, *values, *[""] * (len(dataset.headers) - 1 - len(values))])
    if not len(dataset) or len(dataset) > MAX_IMPORT_ROWS:
        raise ValidationError(_("The preview could not be read back."), code="bad")
    return AttendeeList(dataset=dataset)


def write_back(dataset: tablib.Dataset) -> str:
    return dataset.export("csv")
