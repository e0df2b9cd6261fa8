from django.urls import path

from projects import views

app_name = "projects"

urlpatterns = [
    # Projects
    path("projects/", views.ProjectListView.as_view(), name="project-list"),
    path("projects/<slug:slug>/", views.ProjectDetailView.as_view(), name="project-detail"),
]
