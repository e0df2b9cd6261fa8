"""CSV and XLSX files of a dataset's rows."""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from opendata.columns import Dataset, text_cell

# Excel reads a CSV as UTF-8 (Romanian ș, Bulgarian Cyrillic, Polish ł) only when the file
# opens with the byte order mark; other programs skip it.
BYTE_ORDER_MARK = "\ufeff"
# Rows read from the database at a time: each chunk is one query per prefetched relation.
CHUNK_SIZE = 1000
# An XLSX file is a zip archive written whole before it is sent; bigger than this it spills
# from memory to a temporary file.
XLSX_IN_MEMORY_BYTES = 8 * 1024 * 1024
# openpyxl writes some 4,000 rows a second on one core: past this many rows the file would
# not be ready within a web worker's time, so larger selections are offered as CSV only.
XLSX_MAX_ROWS = 20_000

CSV_CONTENT_TYPE = "text/csv"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class _Line:
    """A file-like target that hands back what csv.writer writes to it."""

    def write(self, text: str) -> str:
        return text


def csv_lines(dataset: Dataset, rows: Iterable) -> Iterator[str]:
    """The CSV file, line by line: a header of the column names, then one line per row."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield BYTE_ORDER_MARK + writer.writerow(dataset.column_names)
    for row in rows:
        yield writer.writerow([text_cell(value) for value in dataset.values(row)])


def _xlsx_value(sheet, value):
    """Numbers and dates as Excel's own; times with their offset as ISO text, which Excel
    cannot hold in a date cell; text that looks like a formula kept as text."""
    if value is None or isinstance(value, bool | int | Decimal):
        return value
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    text = text_cell(value)
    if text.startswith("="):
        # openpyxl would write it as a formula: a name starting with "=" must stay a name.
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        return cell
    return text


def xlsx_file(dataset: Dataset, rows: Iterable) -> tempfile.SpooledTemporaryFile:
    """The workbook, one sheet named after the dataset, rewound for reading."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=dataset.name[:31])
    sheet.append(dataset.column_names)
    for row in rows:
        sheet.append([_xlsx_value(sheet, value) for value in dataset.values(row)])
    # Closed by the FileResponse that sends it.
    target = tempfile.SpooledTemporaryFile(max_size=XLSX_IN_MEMORY_BYTES)  # noqa: SIM115
    workbook.save(target)
    target.seek(0)
    return target
