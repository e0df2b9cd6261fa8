from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from api import docs, views

app_name = "api"

router = DefaultRouter(trailing_slash=True)
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
