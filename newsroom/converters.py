class UnicodeSlugConverter:
    """Slugs with letters of any alphabet: taggit keeps "περιεχόμενο" in tag slugs."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
