def tr(field: str, en: str, ro: str = "", bg: str = "") -> dict[str, str]:
    """The per-language columns of a translated field, for update_or_create defaults."""
    return {f"{field}_en": en, f"{field}_ro": ro or en, f"{field}_bg": bg or en}
