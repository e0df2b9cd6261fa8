"""The places each project works in, kept as rows so that `Project.covering(region)` is one
index lookup.

A project works in the regions it names, in its centres' cities and in its partners' cities
and countries, and so in every place that holds one of those: a county, a region, a country.
`ProjectCoverage` has a row for each project and each such place. Worked out from the regions'
paths on every query, "projects in this region" took 10–60 ms at national scale and made a
region page and the project list's region filter slow; read from these rows it takes under a
millisecond.

The receivers below refresh a project's rows whenever something they derive from changes: a
link added, changed or removed, a centre or an organisation moved to another place, a region
moved under another parent. Code that writes those rows without signals (`bulk_create`,
`QuerySet.update`) calls `refresh_coverage` itself.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain

from django.apps import apps as installed_apps
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from partners.models import IntegrationCentre, Organisation, Region
from partners.signals import region_moved
from projects.models import (
    Participation,
    Project,
    ProjectCentre,
    ProjectCoverage,
    ProjectRegion,
)

BATCH_SIZE = 5000
# The projects whose refresh waits for the end of a `refreshed_once` block; None outside one.
_waiting: ContextVar[set[int] | None] = ContextVar("coverage_waiting", default=None)
# The models whose rows have a place, and the link from a project to each of them.
LINKS_TO_PLACES = {
    IntegrationCentre: (ProjectCentre, "centre"),
    Organisation: (Participation, "organisation"),
}


def refresh_coverage(project_ids: Iterable[int] | None = None, *, apps=installed_apps) -> int:
    """Rewrites the coverage of the given projects (of every project when None) from their
    links; returns the number of rows written, 0 when a `refreshed_once()` block puts the
    rewrite off to its end. `apps` is a migration's app registry there."""
    model = apps.get_model
    ProjectCoverage = model("projects", "ProjectCoverage")
    if project_ids is not None:
        project_ids = list(project_ids)
        if not project_ids:
            return 0
        if (waiting := _waiting.get()) is not None:
            waiting.update(project_ids)
            return 0

    def of_projects(rows):
        return rows if project_ids is None else rows.filter(project_id__in=project_ids)

    def paths(link_model: str, place: str):
        """The path of each place a project is linked to: "/1/4/9/" is 9 inside 4 inside 1."""
        links = of_projects(model("projects", link_model).objects.all())
        return links.values_list("project_id", f"{place}__path")

    # Four queries rather than a UNION: Django may order a compound query's columns
    # differently in its parts.
    places = chain(
        paths("ProjectRegion", "region"),
        paths("ProjectCentre", "centre__city"),
        paths("Participation", "organisation__city"),
        paths("Participation", "organisation__country"),
    )
    covered = {
        (project_id, int(region_id))
        for project_id, path in places
        if path
        for region_id in path.strip("/").split("/")
    }
    with transaction.atomic():
        of_projects(ProjectCoverage.objects.all()).delete()
        ProjectCoverage.objects.bulk_create(
            (ProjectCoverage(project_id=p, region_id=r) for p, r in covered),
            batch_size=BATCH_SIZE,
        )
    return len(covered)


@contextmanager
def refreshed_once() -> Iterator[None]:
    """Refreshes each project named inside the block once, at its end, however many of its
    links the block saves: an admin form saving ten partner rows rewrites the rows once, not
    ten times. Nothing is refreshed when the block raises; its transaction is rolled back."""
    if _waiting.get() is not None:
        yield
        return
    token = _waiting.set(set())
    try:
        yield
        waiting = _waiting.get()
    finally:
        _waiting.reset(token)
    refresh_coverage(waiting)


# --- Receivers (connected in ProjectsConfig.ready)


def link_saved_or_deleted(sender, instance, raw=False, **kwargs) -> None:
    """A region, centre or partner of a project was added, changed or removed."""
    # Rows loaded as they were saved (a fixture, a test database's copy) bring their coverage.
    if not raw:
        refresh_coverage([instance.project_id])


def links_changed_in_bulk(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """`project.regions.add(…)`, `centre.projects.clear()` and the like, which write the link
    rows without saving them one by one."""
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            refresh_coverage([instance.pk])
    elif action in {"post_add", "post_remove"}:
        refresh_coverage(pk_set)
    elif action == "pre_clear":
        # The links are gone by post_clear, and with them the projects to refresh.
        instance._coverage_projects = list(
            sender.objects.filter(**{_link_field(sender, instance): instance}).values_list(
                "project_id", flat=True
            )
        )
    elif action == "post_clear":
        refresh_coverage(instance.__dict__.pop("_coverage_projects", []))


def _link_field(through, instance) -> str:
    """The name of the link table's key to the instance's model (region, centre, organisation)."""
    return next(
        field.name
        for field in through._meta.get_fields()
        if field.is_relation and field.related_model is type(instance)
    )


def place_of_links_saved(sender, instance, raw=False, **kwargs) -> None:
    """A centre or an organisation saved, perhaps in another city or country than before."""
    if raw:
        return
    link_model, key = LINKS_TO_PLACES[sender]
    refresh_coverage(
        link_model.objects.filter(**{key: instance}).values_list("project_id", flat=True).distinct()
    )


def region_moved_under_another_parent(sender, region, **kwargs) -> None:
    """Every project working in the region, or in a place inside it, now covers other places
    above it: they are the projects its rows name."""
    refresh_coverage(
        ProjectCoverage.objects.filter(region=region).values_list("project_id", flat=True)
    )


def connect_receivers() -> None:
    for link in (ProjectRegion, ProjectCentre, Participation):
        uid = f"projects.coverage.{link.__name__}"
        post_save.connect(link_saved_or_deleted, sender=link, dispatch_uid=uid)
        post_delete.connect(link_saved_or_deleted, sender=link, dispatch_uid=uid)
    for relation in (Project.regions, Project.centres, Project.partners):
        m2m_changed.connect(
            links_changed_in_bulk,
            sender=relation.through,
            dispatch_uid=f"projects.coverage.m2m.{relation.through.__name__}",
        )
    for place_holder in LINKS_TO_PLACES:
        post_save.connect(
            place_of_links_saved,
            sender=place_holder,
            dispatch_uid=f"projects.coverage.{place_holder.__name__}",
        )
    region_moved.connect(
        region_moved_under_another_parent, sender=Region, dispatch_uid="projects.coverage.region"
    )
