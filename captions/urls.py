from django.urls import path

from captions import views

urlpatterns = [
    path("", views.browse, name="browse"),
    path("photos/<int:pk>/", views.photo_detail, name="photo_detail"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<int:pk>/", views.article_detail, name="article_detail"),
]
