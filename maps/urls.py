from django.urls import path

from maps import views

app_name = "maps"

urlpatterns = [
    # The map page, filtered as the lists of centres, organisations and meetings are
    path("map/", views.map_page, name="map"),
]
