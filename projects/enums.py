from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class Fund(models.TextChoices):
    AMIF = "amif", _("Asylum, Migration and Integration Fund (AMIF)")
    AMIF_NATIONAL = "amif_national", _("AMIF national programme (FAMI)")
    ESF_PLUS = "esf_plus", _("European Social Fund Plus")
    DEAR = "dear", _("Development Education and Awareness Raising (DEAR)")
    OTHER = "other", _("Other")


class Currency(models.TextChoices):
    EUR = "EUR", _("euro")
    RON = "RON", _("Romanian leu")
    BGN = "BGN", _("Bulgarian lev")
    PLN = "PLN", _("Polish złoty")
    CZK = "CZK", _("Czech koruna")
    HUF = "HUF", _("Hungarian forint")
    SEK = "SEK", _("Swedish krona")


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class ParticipationRole(models.TextChoices):
    """Roles in the order a project lists its partners."""

    BENEFICIARY = "beneficiary", _("Beneficiary")
    LEAD_PARTNER = "lead_partner", _("Lead partner")
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    EXPERT_ORGANISATION = "expert", _("Expert organisation")
    ASSOCIATED_PARTNER = "associated", _("Associated partner")
    SUPPORTING_PARTNER = "supporting", _("Supporting partner")


class OutputKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshops")
    STAFF_EXCHANGE = "staff_exchange", _("Staff exchanges")
    ACTION_PLAN = "action_plan", _("Action plans")
    SMALL_GRANT = "small_grant", _("Small grants")
    ASSESSMENT = "assessment", _("Assessments")
    STRATEGY = "strategy", _("Integration strategies")
    CONFERENCE = "conference", _("Conferences")
    REPORT = "report", _("Reports")
    # People counts, as programmes' indicators count them: everyone an activity reached
    # (information, events), and those given individual support (counselling, courses).
    PEOPLE_REACHED = "people_reached", _("People reached")
    PEOPLE_SUPPORTED = "people_supported", _("People supported")
    OTHER = "other", _("Other outputs")


# "1 conference", "3 conferences": each kind counted with the plural forms of the reader's
# language (Romanian and Bulgarian have their own rules), never a number before a plural label.
OUTPUT_QUANTITIES = {
    OutputKind.WORKSHOP: ngettext_lazy("%(count)s workshop", "%(count)s workshops", "count"),
    OutputKind.STAFF_EXCHANGE: ngettext_lazy(
        "%(count)s staff exchange", "%(count)s staff exchanges", "count"
    ),
    OutputKind.ACTION_PLAN: ngettext_lazy(
        "%(count)s action plan", "%(count)s action plans", "count"
    ),
    OutputKind.SMALL_GRANT: ngettext_lazy(
        "%(count)s small grant", "%(count)s small grants", "count"
    ),
    OutputKind.ASSESSMENT: ngettext_lazy("%(count)s assessment", "%(count)s assessments", "count"),
    OutputKind.STRATEGY: ngettext_lazy(
        "%(count)s integration strategy", "%(count)s integration strategies", "count"
    ),
    OutputKind.CONFERENCE: ngettext_lazy("%(count)s conference", "%(count)s conferences", "count"),
    OutputKind.REPORT: ngettext_lazy("%(count)s report", "%(count)s reports", "count"),
    OutputKind.PEOPLE_REACHED: ngettext_lazy(
        "%(count)s person reached", "%(count)s people reached", "count"
    ),
    OutputKind.PEOPLE_SUPPORTED: ngettext_lazy(
        "%(count)s person supported", "%(count)s people supported", "count"
    ),
    OutputKind.OTHER: ngettext_lazy("%(count)s other output", "%(count)s other outputs", "count"),
}
