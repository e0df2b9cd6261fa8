from django.db import migrations

SERVICES = [
    "social",
    "medical",
    "psychological",
    "legal",
    "education",
    "employment",
    "language_courses",
    "housing",
    "interpretation",
]
TARGET_GROUPS = [
    "bip",
    "tcn",
    "asylum_seekers",
    "local_authorities",
    "civil_society",
    "host_communities",
]
# (ISO 639-1 code, English, Romanian, Bulgarian)
LANGUAGES = [
    ("ar", "Arabic", "arabă", "арабски"),
    ("bg", "Bulgarian", "bulgară", "български"),
    ("en", "English", "engleză", "английски"),
    ("fa", "Persian (Farsi)", "persană (farsi)", "персийски (фарси)"),
    ("fr", "French", "franceză", "френски"),
    ("ku", "Kurdish", "kurdă", "кюрдски"),
    ("ps", "Pashto", "paștună", "пущу"),
    ("ro", "Romanian", "română", "румънски"),
    ("ru", "Russian", "rusă", "руски"),
    ("tr", "Turkish", "turcă", "турски"),
    ("uk", "Ukrainian", "ucraineană", "украински"),
]


def create_vocabularies(apps, schema_editor):
    Service = apps.get_model("partners", "Service")
    TargetGroup = apps.get_model("partners", "TargetGroup")
    Language = apps.get_model("partners", "Language")
    for code in SERVICES:
        Service.objects.get_or_create(code=code)
    for code in TARGET_GROUPS:
        TargetGroup.objects.get_or_create(code=code)
    for code, name_en, name_ro, name_bg in LANGUAGES:
        Language.objects.update_or_create(
            code=code,
            defaults={
                "name": name_en,
                "name_en": name_en,
                "name_ro": name_ro,
                "name_bg": name_bg,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("partners", "0001_regions_organisations_centres")]

    operations = [migrations.RunPython(create_vocabularies, migrations.RunPython.noop)]
