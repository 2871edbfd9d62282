from django.http import HttpResponse
from django.urls import path

BODY = "<!DOCTYPE html><title>Benchmark</title>" + "<p>" + "x" * 30_000 + "</p>"


def trivial(request):
    return HttpResponse(BODY)


urlpatterns = [path("", trivial)]
