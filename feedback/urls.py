from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    # Accessibility feedback: the form and the page shown once a message is sent
    path("feedback/", views.feedback_form, name="feedback-form"),
    path("feedback/sent/", views.feedback_sent, name="feedback-sent"),
]
