from django.urls import path

from captions.browse import views
from captions.exports import api
from captions.exports import views as export_views
from captions.lightboxes import views as lightbox_views

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
    path("photos/<int:pk>/download/", export_views.photo_download, name="photo_download"),
    path("photos/<int:pk>/print.jpg", export_views.photo_print, name="photo_print"),
    path("export/package.zip", export_views.package_zip, name="export_package_zip"),
    path("lightboxes/<int:pk>/package.zip", export_views.lightbox_package_zip, name="lightbox_package_zip"),
    # lightboxes (SPEC "/lightboxes/...")
    path("lightboxes/", lightbox_views.lightbox_list, name="lightbox_list"),
    path("lightboxes/choose/", lightbox_views.lightbox_choose, name="lightbox_choose"),
    path("lightboxes/<int:pk>/", lightbox_views.lightbox_detail, name="lightbox_detail"),
    path("lightboxes/<int:pk>/add/", lightbox_views.lightbox_add, name="lightbox_add"),
    path("lightboxes/<int:pk>/remove/", lightbox_views.lightbox_remove, name="lightbox_remove"),
    path("lightboxes/<int:pk>/reorder/", lightbox_views.lightbox_reorder, name="lightbox_reorder"),
    path("lightboxes/<int:pk>/note/", lightbox_views.lightbox_note, name="lightbox_note"),
    path("lightboxes/<int:pk>/share/", lightbox_views.lightbox_share, name="lightbox_share"),
    path("lightboxes/<int:pk>/unshare/", lightbox_views.lightbox_unshare, name="lightbox_unshare"),
    path("lightboxes/<int:pk>/rename/", lightbox_views.lightbox_rename, name="lightbox_rename"),
    path("lightboxes/<int:pk>/delete/", lightbox_views.lightbox_delete, name="lightbox_delete"),
    path("api/photos/", api.photo_list, name="api_photo_list"),
    path("api/photos/<int:pk>/", api.photo_item, name="api_photo_item"),
]
