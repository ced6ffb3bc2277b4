from django.urls import path

from captions.browse import views
from captions.exports import api
from captions.exports import views as export_views

urlpatterns = [
    path("", views.browse, name="browse"),
    path("photos/<int:pk>/", views.photo_detail, name="photo_detail"),
    path("photos/<int:pk>/articles/link/", views.link_article, name="photo_link_article"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
    # print-ready specs (exports)
    path("export/specs.csv", export_views.specs_csv, name="export_specs_csv"),
    path("export/specs.json", export_views.specs_json, name="export_specs_json"),
    path("export/specs.pdf", export_views.specs_pdf, name="export_specs_pdf"),
    path("photos/<int:pk>/spec.pdf", export_views.photo_spec_pdf, name="photo_spec_pdf"),
    path("api/photos/", api.photo_list, name="api_photo_list"),
    path("api/photos/<int:pk>/", api.photo_item, name="api_photo_item"),
]
