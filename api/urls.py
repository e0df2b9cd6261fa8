from django.urls import path
from rest_framework import routers
from rest_framework.reverse import reverse

from api import docs, views

app_name = "api"


class ApiRootView(routers.APIRootView):
    """Every list, then the OpenAPI document and its documentation page."""

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        for name in ("openapi", "docs"):
            response.data[name] = reverse(f"api:{name}", request=request)
        return response


class ApiRouter(routers.DefaultRouter):
    APIRootView = ApiRootView


router = ApiRouter(trailing_slash=True)
router.include_format_suffixes = False
# Resources
router.register("projects", views.ProjectViewSet, basename="project")
router.register("programmes", views.ProgrammeViewSet, basename="programme")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("participations", views.ParticipationViewSet, basename="participation")
router.register("regions", views.RegionViewSet, basename="region")
router.register("centres", views.CentreViewSet, basename="centre")
router.register("meetings", views.MeetingViewSet, basename="meeting")

urlpatterns = [
    # The OpenAPI document and its documentation page, each in the language of ?lang=
    path("openapi.json", docs.OpenApiDocumentView.as_view(), name="openapi"),
    path("docs/", docs.ApiDocsView.as_view(), name="docs"),
    *router.urls,
]
