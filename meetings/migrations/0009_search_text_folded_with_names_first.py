"""search_text folded with anyascii, the titles first between marks (see core.search)."""

from django.db import migrations

from core.search import names, rewrite_search_text, translations_of


def meeting_parts(meeting):
    return [
        *names(*translations_of(meeting, "title")),
        *translations_of(meeting, "venue"),
        meeting.address,
        *(translations_of(meeting.city, "name") if meeting.city_id else []),
        *translations_of(meeting, "summary"),
    ]


def rewrite(apps, schema_editor):
    meetings = apps.get_model("meetings", "Meeting").objects.select_related("city")
    rewrite_search_text(meetings, meeting_parts)


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0008_stated_ordinal_and_web_address"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop, elidable=True)]
