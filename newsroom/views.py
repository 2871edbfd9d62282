from django.shortcuts import render


def bad_request(request, exception=None, message=""):
    """The 400 page, in the site's style (Django's default renders without the request)."""
    return render(request, "400.html", {"message": message}, status=400)
