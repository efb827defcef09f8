from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("results/<slug:slug>/", views.results, name="results"),
    path("results/<slug:slug>/results.csv", views.results_csv, name="results_csv"),
    path("<slug:slug>/", views.wave, name="wave"),
    path("<slug:slug>/thanks/", views.thanks, name="thanks"),
]
