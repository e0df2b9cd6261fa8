"""Projects as schema.org data (see core.jsonld): who funds them, with how much, and who takes
part in which role."""

from decimal import Decimal

from core.jsonld import SCHEMA_ORG, json_ld_builders, without_empty
from core.site_address import site_url
from partners.jsonld import organisation_reference
from projects.models import FundingProgramme, Project


def monetary_amount(amount: Decimal | None, currency: str) -> dict | None:
    if amount is None:
        return None
    return {"@type": "MonetaryAmount", "value": float(amount), "currency": currency}


def funding_scheme(programme: FundingProgramme) -> dict:
    return without_empty(
        {
            "@type": "FundingScheme",
            "name": programme.name,
            "alternateName": programme.short_name,
            "description": str(programme.get_fund_display()),
            "url": programme.website,
        }
    )


@json_ld_builders.register(Project)
def project_json_ld(project: Project) -> dict | None:
    """The project with its programme as `funder`, the EU grant as `funding` and its
    partners as `member`s in their roles. Reads the participations `for_detail` prefetches."""
    if not project.is_published:
        return None
    funder = funding_scheme(project.programme)
    grant = without_empty(
        {
            "@type": "MonetaryGrant",
            "identifier": project.reference,
            "funder": funder,
            "amount": monetary_amount(project.eu_contribution, project.currency),
        }
    )
    members = [
        {
            "@type": "OrganizationRole",
            "roleName": participation.role_label,
            "member": organisation_reference(participation.organisation),
        }
        for participation in project.participations.all()
    ]
    return without_empty(
        {
            "@context": SCHEMA_ORG,
            "@type": "Project",
            "@id": site_url(project.get_absolute_url()),
            "name": project.display_name,
            "alternateName": (
                project.official_title if project.official_title != project.display_name else ""
            ),
            "description": project.summary,
            "url": site_url(project.get_absolute_url()),
            "identifier": project.reference,
            "startDate": project.start_date,
            "endDate": project.end_date,
            "funder": funder,
            "funding": grant,
            "member": members,
            "sameAs": project.website,
        }
    )
