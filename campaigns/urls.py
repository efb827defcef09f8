from django.urls import path

from . import views

app_name = "campaigns"

urlpatterns = [
    path("confirm/<str:token>/", views.confirm_pledge, name="confirm_pledge"),
    path("erase/<str:token>/", views.erase_pledge, name="erase_pledge"),
    path("pledge/<int:campaign_id>/", views.pledge, name="pledge"),
]
