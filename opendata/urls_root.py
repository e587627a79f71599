from django.urls import path

from . import views_root

urlpatterns = [
    path("sitemap.xml", views_root.sitemap, name="sitemap"),
    path("robots.txt", views_root.robots_txt, name="robots_txt"),
]
