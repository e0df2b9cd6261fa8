"""search_text folded with anyascii, the names first between marks, and the programme's names
and fund added, so "AMIF" finds the projects the fund pays for (see core.search)."""

from django.db import migrations

from core.search import labels_of, names, rewrite_search_text, translations_of
from projects.enums import Fund


def project_parts(project):
    programme = project.programme
    return [
        *names(*translations_of(project, "title"), project.official_title, project.acronym),
        project.reference,
        *translations_of(programme, "name"),
        *translations_of(programme, "short_name"),
        programme.fund,
        *labels_of(dict(Fund.choices).get(programme.fund, "")),
        *translations_of(project, "specific_objective"),
        *translations_of(project, "summary"),
        *translations_of(project, "description"),
    ]


def rewrite(apps, schema_editor):
    projects = apps.get_model("projects", "Project").objects.select_related("programme")
    rewrite_search_text(projects, project_parts)


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_participation_roles_delegated_body_people_outputs"),
    ]

    operations = [migrations.RunPython(rewrite, migrations.RunPython.noop, elidable=True)]
