from django.urls import path

from reminders import views

app_name = "reminders"

urlpatterns = [
    # Unsubscribe links in reminder e-mails
    path(
        "reminders/unsubscribe/<str:token>/",
        views.unsubscribe_view,
        name="unsubscribe",
    ),
]
