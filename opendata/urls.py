from django.urls import path

from opendata import views

app_name = "opendata"

# Language-prefixed: the Open data page and the downloads, whose texts come in that language.
urlpatterns = [
    # The Open data page
    path("open-data/", views.open_data, name="open-data"),
    # Downloads of the public lists, filtered as the list's address is
    path("open-data/<slug:name>.csv", views.download_csv, name="download-csv"),
    path("open-data/<slug:name>.xlsx", views.download_xlsx, name="download-xlsx"),
]

# At the site's root, where harvesters look for them (integration_portal/urls.py).
root_urlpatterns = [
    path("datapackage.json", views.datapackage_json, name="datapackage"),
    path("catalog.jsonld", views.dcat_catalogue, name="dcat-catalogue"),
]
