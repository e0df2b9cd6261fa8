"""Services and target groups become lists editors extend: each entry gets a name in every
language, carried over from the labels (and their Romanian and Bulgarian translations) the
code gave them, and a code that is no longer limited to a fixed choice."""

from django.db import migrations, models

# code: (English, Romanian, Bulgarian), as the labels read in the code and its translations.
SERVICES = {
    "social": ("Social assistance", "Asistență socială", "Социално подпомагане"),
    "medical": ("Medical assistance", "Asistență medicală", "Медицинска помощ"),
    "psychological": (
        "Psychological counselling",
        "Consiliere psihologică",
        "Психологическо консултиране",
    ),
    "legal": ("Legal advice", "Consiliere juridică", "Правни консултации"),
    "education": ("Education", "Educație", "Образование"),
    "employment": (
        "Employment and labour market",
        "Ocupare și piața muncii",
        "Заетост и пазар на труда",
    ),
    "language_courses": ("Language courses", "Cursuri de limbă", "Езикови курсове"),
    "housing": ("Housing", "Locuire", "Жилищно настаняване"),
    "interpretation": ("Interpretation", "Interpretariat", "Устен превод"),
}
TARGET_GROUPS = {
    "bip": (
        "Beneficiaries of international protection",
        "Beneficiari ai unei forme de protecție internațională",
        "Лица с предоставена международна закрила",
    ),
    "tcn": (
        "Third-country nationals with legal residence",
        "Resortisanți ai țărilor terțe cu ședere legală",
        "Граждани на трети страни със законно пребиваване",
    ),
    "asylum_seekers": ("Asylum seekers", "Solicitanți de azil", "Лица, търсещи закрила"),
    "temporary_protection": (
        "Beneficiaries of temporary protection",
        "Beneficiari de protecție temporară",
        "Лица с предоставена временна закрила",
    ),
    "local_authorities": (
        "Local and regional authorities",
        "Autorități locale și regionale",
        "Местни и регионални власти",
    ),
    "civil_society": (
        "Civil society organisations",
        "Organizații ale societății civile",
        "Организации на гражданското общество",
    ),
    "host_communities": ("Host communities", "Comunități gazdă", "Приемащи общности"),
}


def name_entries(apps, schema_editor):
    for model_name, names in (("Service", SERVICES), ("TargetGroup", TARGET_GROUPS)):
        model = apps.get_model("partners", model_name)
        for code, (name_en, name_ro, name_bg) in names.items():
            model.objects.update_or_create(
                code=code,
                defaults={
                    "name": name_en,
                    "name_en": name_en,
                    "name_ro": name_ro,
                    "name_bg": name_bg,
                },
            )
        # An entry the code did not know (none is expected) is named after its code.
        for entry in model.objects.filter(name=""):
            entry.name = entry.name_en = entry.code.replace("_", " ").capitalize()
            entry.save(update_fields=["name", "name_en"])


def code_field():
    return models.SlugField(
        blank=True,
        help_text=(
            "Used in the web addresses of filtered lists. Made from the name when left empty; "
            "changing it breaks links that others saved."
        ),
        max_length=64,
        unique=True,
        verbose_name="code",
    )


def name_fields(model_name: str) -> list:
    return [
        migrations.AddField(
            model_name=model_name,
            name="name",
            field=models.CharField(default="", max_length=200, verbose_name="name"),
            preserve_default=False,
        ),
        *(
            migrations.AddField(
                model_name=model_name,
                name=f"name_{code}",
                field=models.CharField(max_length=200, null=True, verbose_name="name"),
            )
            for code in ("en", "ro", "bg")
        ),
        migrations.AlterField(model_name=model_name, name="code", field=code_field()),
    ]


class Migration(migrations.Migration):
    dependencies = [("partners", "0011_organisation_coordinates")]

    operations = [
        migrations.AlterModelOptions(
            name="service",
            options={
                "ordering": ["name"],
                "verbose_name": "service",
                "verbose_name_plural": "services",
            },
        ),
        migrations.AlterModelOptions(
            name="targetgroup",
            options={
                "ordering": ["name"],
                "verbose_name": "target group",
                "verbose_name_plural": "target groups",
            },
        ),
        *name_fields("service"),
        *name_fields("targetgroup"),
        migrations.RunPython(name_entries, migrations.RunPython.noop),
    ]
