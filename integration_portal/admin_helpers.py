"""Admin building blocks shared by the apps."""


def translated(*field_names: str) -> list[str]:
    """Search every language of a translated field: translated("name") -> name_en, name_ro…"""
    from django.conf import settings

    return [f"{name}_{code}" for name in field_names for code, _label in settings.LANGUAGES]
