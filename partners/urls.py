from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    # Organisations
    path("organisations/", views.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/<slug:slug>/",
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    # Regions
    path("regions/", views.RegionListView.as_view(), name="region-list"),
    path("regions/<slug:slug>/", views.RegionDetailView.as_view(), name="region-detail"),
    # Integration centres
    path("centres/", views.CentreListView.as_view(), name="centre-list"),
    path("centres/<slug:slug>/", views.CentreDetailView.as_view(), name="centre-detail"),
]
