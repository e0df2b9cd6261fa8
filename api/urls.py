from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
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
    # The OpenAPI document and its documentation page
    path("openapi.json", SpectacularJSONAPIView.as_view(), name="openapi"),
    path("docs/", docs.ApiDocsView.as_view(url_name="api:openapi"), name="docs"),
    *router.urls,
]
